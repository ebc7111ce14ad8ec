"""The first ledger: articles and their attributions, quantities and mentions.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

Written out in full rather than built from ``schema.metadata``: a migration is a
frozen record of what the schema *was*, so that editing schema.py later (and adding
0002) does not change what 0001 creates. ``tests/store/test_migrations_*`` checks that
upgrading to head gives exactly ``schema.metadata``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=64)


def _owner(table: str) -> tuple[sa.Column[str], sa.Column[str], sa.Column[int], sa.ForeignKeyConstraint]:
    """The columns every record table starts with, and its cascade to ``articles``."""
    return (
        sa.Column("article_id", ID, nullable=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
        ),
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.String(length=40), nullable=True),
        sa.Column("raw_ref", sa.Text(), nullable=False),
        sa.Column("copy_of", ID, nullable=True),
        sa.Column("copy_reason", sa.Text(), nullable=True),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("added_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    for col in ("added_at", "canonical_url", "lang", "outlet"):
        op.create_index(f"ix_articles_{col}", "articles", [col])

    op.create_table(
        "attributions",
        *_owner("attributions"),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("certainty", sa.String(length=16), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("source_kind", sa.String(length=32), nullable=True),
        sa.Column("actor_id", ID, nullable=True),
        sa.Column("via", ID, nullable=True),
        sa.Column("hedges", sa.Text(), nullable=False),
        sa.Column("content_parts", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_attributions"),
    )
    for col in ("actor_id", "certainty", "source_text"):
        op.create_index(f"ix_attributions_{col}", "attributions", [col])

    op.create_table(
        "quantities",
        *_owner("quantities"),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("approx", sa.String(length=8), nullable=False),
        sa.Column("counted_start", sa.Integer(), nullable=True),
        sa.Column("counted_end", sa.Integer(), nullable=True),
        sa.Column("counted_text", sa.Text(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("attribution_id", ID, nullable=True),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_quantities"),
    )
    op.create_index("ix_quantities_counted_text", "quantities", ["counted_text"])
    op.create_index("ix_quantities_article_id_attribution_id", "quantities", ["article_id", "attribution_id"])

    op.create_table(
        "mentions",
        *_owner("mentions"),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("actor_id", ID, nullable=True),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_mentions"),
    )
    for col in ("actor_id", "canonical"):
        op.create_index(f"ix_mentions_{col}", "mentions", [col])


def downgrade() -> None:
    # Dropping a table drops its indexes too; children go before the articles they point at.
    for table in ("mentions", "quantities", "attributions", "articles"):
        op.drop_table(table)
