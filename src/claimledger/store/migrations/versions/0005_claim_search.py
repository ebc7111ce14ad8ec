"""Full-text search over claims (SQLite FTS5, PostgreSQL ``tsvector``); facts indexed by mentions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

The web app's claims page finds claims by their words
(source, cue, content). On SQLite an FTS5 table holds its own copy of those words with the
attribution's key (``article_id``, ``id``) unindexed beside them, filled by triggers on
``attributions``: an external-content table would point at ``rowid``s, which ``VACUUM``
may renumber on a table without an integer primary key. ``unicode61`` with diacritics
removed folds *Försvarsmakten* and *forsvarsmakten* together. On PostgreSQL a stored,
generated ``words_tsv`` column (the ``simple`` configuration's ``tsvector`` of the same
words; in no model, only searches read it) with a GIN index serves the same query. The
upgrade indexes every stored claim; the downgrade drops the table, triggers, column or index.

Facts get an index on (mentions, date, id), the order ``facts`` lists them in, and the index
on ``contested`` grows into (contested, mentions, date, id): the web app's facts and contested
facts pages then read their first rows off an index instead of sorting every fact. An
origin keeps its article's publication date (``origins.published``, indexed with the actor),
so an actor's claims per month and its latest claims are read off one index, not looked up
article by article (an agency may be behind tens of thousands of claims).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WORDS = "coalesce(source_text, '') || ' ' || cue_text || ' ' || content_text"
_SQLITE = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5(article_id UNINDEXED, id UNINDEXED, words, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    f"INSERT INTO claims_fts (article_id, id, words) SELECT article_id, id, {_WORDS} FROM attributions",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO claims_fts (article_id, id, words)
        VALUES (new.article_id, new.id, coalesce(new.source_text, '') || ' ' || new.cue_text || ' ' ||
                new.content_text);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON attributions BEGIN
        DELETE FROM claims_fts WHERE article_id = old.article_id AND id = old.id;
    END""",
]


def upgrade() -> None:
    # names where ids were: an actor's name (*alliance of ethnic armed groups in Myanmar*) and a
    # blocking key outgrow VARCHAR(64)/(160), which PostgreSQL enforces and SQLite never did
    for table, column, old in (("attributions", "actor_id", sa.String(64)), ("mentions", "actor_id", sa.String(64)),
                               ("fact_keys", "key", sa.String(160))):
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.Text(), existing_type=old)
    op.create_index("ix_facts_mentions_date_id", "facts", ["mentions", "date", "id"])
    op.drop_index("ix_facts_contested", table_name="facts")
    op.create_index("ix_facts_contested_mentions_date_id", "facts", ["contested", "mentions", "date", "id"])
    op.add_column("origins", sa.Column("published", sa.String(40)))
    op.execute(sa.text("UPDATE origins SET published = "
                       "(SELECT published FROM articles WHERE articles.id = origins.article_id)"))
    op.create_index("ix_origins_actor_published", "origins", ["actor", "published"])
    op.create_index("ix_origins_speaker", "origins", ["speaker"])  # who relayed whom before (the linker)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE:
            op.execute(sa.text(statement))
    elif dialect == "postgresql":  # a stored column: a search that walks the newest claims tests it cheaply
        op.execute(sa.text(f"ALTER TABLE attributions ADD COLUMN words_tsv tsvector "
                           f"GENERATED ALWAYS AS (to_tsvector('simple', {_WORDS})) STORED"))
        op.execute(sa.text("CREATE INDEX ix_attributions_words ON attributions USING gin (words_tsv)"))


def downgrade() -> None:
    op.drop_index("ix_facts_mentions_date_id", table_name="facts")
    op.drop_index("ix_facts_contested_mentions_date_id", table_name="facts")
    op.create_index("ix_facts_contested", "facts", ["contested"])
    op.drop_index("ix_origins_speaker", table_name="origins")
    op.drop_index("ix_origins_actor_published", table_name="origins")
    with op.batch_alter_table("origins") as batch:
        batch.drop_column("published")
    for table, column, old in (("attributions", "actor_id", sa.String(64)), ("mentions", "actor_id", sa.String(64)),
                               ("fact_keys", "key", sa.String(160))):
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=old, existing_type=sa.Text())
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("claims_fts_insert", "claims_fts_delete"):
            op.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
        op.execute(sa.text("DROP TABLE IF EXISTS claims_fts"))
    elif dialect == "postgresql":
        op.execute(sa.text("DROP INDEX IF EXISTS ix_attributions_words"))
        op.execute(sa.text("ALTER TABLE attributions DROP COLUMN IF EXISTS words_tsv"))
