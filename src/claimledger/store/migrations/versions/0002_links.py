"""The cross-article ledger: copies, origins, facts, their mentions, keys and links.

Revision ID: 0002
Revises: 0001
Create Date: 2025-12-01

Written out in full, like 0001, so that later edits to schema.py never change what this
revision creates. ``articles.linked_at`` is added as a nullable column with a plain
``ALTER TABLE ... ADD COLUMN`` (SQLite supports that without rebuilding the table), and
every existing article gets NULL: "not linked yet", which is exactly what
``Ledger.link_pending`` looks for to complete a ledger written before this revision.

The downgrade drops the new tables, then the column. SQLite (3.35+) drops a column in
place once its index is gone; a batch rebuild of ``articles`` is avoided on purpose,
because with ``foreign_keys=ON`` dropping the old table would cascade-delete every
record of every article.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=64)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    """A cascading foreign key named by schema.NAMING's convention."""
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.add_column("articles", sa.Column("linked_at", sa.String(length=40), nullable=True))
    op.create_index("ix_articles_linked_at", "articles", ["linked_at"])

    op.create_table(
        "copies",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("original_id", ID, nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("copies", "article_id", "articles"),
        sa.PrimaryKeyConstraint("article_id", name="pk_copies"),
    )
    op.create_index("ix_copies_original_id", "copies", ["original_id"])

    op.create_table(
        "copy_bands",
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.Column("article_id", ID, nullable=False),
        _fk("copy_bands", "article_id", "articles"),
        sa.PrimaryKeyConstraint("band", "article_id", name="pk_copy_bands"),
    )
    op.create_index("ix_copy_bands_article_id", "copy_bands", ["article_id"])

    op.create_table(
        "origins",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("attribution_id", ID, nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        _fk("origins", "article_id", "articles"),
        sa.PrimaryKeyConstraint("article_id", "attribution_id", name="pk_origins"),
    )
    op.create_index("ix_origins_actor", "origins", ["actor"])

    op.create_table(
        "facts",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("variable", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("approx", sa.String(length=8), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("lang", sa.String(length=16), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("independent", sa.Integer(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
    )
    op.create_index("ix_facts_variable_date", "facts", ["variable", "date"])
    op.create_index("ix_facts_kind_date", "facts", ["kind", "date"])
    op.create_index("ix_facts_contested", "facts", ["contested"])

    op.create_table(
        "fact_mentions",
        sa.Column("fact_id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("approx", sa.String(length=8), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("fact_mentions", "fact_id", "facts"),
        _fk("fact_mentions", "article_id", "articles"),
        sa.PrimaryKeyConstraint("article_id", "kind", "record_id", name="pk_fact_mentions"),
    )
    op.create_index("ix_fact_mentions_fact_id", "fact_mentions", ["fact_id"])
    op.create_index("ix_fact_mentions_actor", "fact_mentions", ["actor"])

    op.create_table(
        "fact_keys",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("fact_id", ID, nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        _fk("fact_keys", "fact_id", "facts"),
        sa.PrimaryKeyConstraint("key", "fact_id", name="pk_fact_keys"),
    )
    op.create_index("ix_fact_keys_key_date", "fact_keys", ["key", "date"])

    op.create_table(
        "fact_links",
        sa.Column("a", ID, nullable=False),
        sa.Column("b", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _fk("fact_links", "a", "facts"),
        _fk("fact_links", "b", "facts"),
        sa.PrimaryKeyConstraint("a", "b", "kind", name="pk_fact_links"),
    )
    op.create_index("ix_fact_links_b", "fact_links", ["b"])


def downgrade() -> None:
    # Children before the facts and articles they point at; indexes go with their tables.
    for table in ("fact_links", "fact_keys", "fact_mentions", "facts", "origins", "copy_bands", "copies"):
        op.drop_table(table)
    op.drop_index("ix_articles_linked_at", table_name="articles")
    op.drop_column("articles", "linked_at")
