"""What ``claimledger watch`` remembers between polls: its feeds and the items it has seen.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-20

``feeds`` keeps one row per feed URL: the validators of its last answer (``etag``,
``last_modified``) for conditional requests, when it was last polled, when it may be polled
next (``next_poll``: the regular interval, or a backoff after failures or a Retry-After),
how many polls in a row failed and the last failure's one line. ``feed_items`` keeps one
row per item seen: the feed, the item's URL, the content hash of its text (the article id,
so an edited entry is a new version, not a repeat), when it was first seen, and the
article stored for it or the one line saying why none was. An item that failed is stored
with an empty hash, so it is tried again on the next poll until it is read.

Written out in full, like the other revisions, so a later edit to the tables' code never
changes what this revision creates; timestamps are ISO 8601 text, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_polled", sa.String(length=40), nullable=True),
        sa.Column("next_poll", sa.String(length=40), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_feeds"),
        sa.UniqueConstraint("url", name="uq_feeds_url"),
    )
    op.create_table(
        "feed_items",
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("first_seen", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name="fk_feed_items_feed_id_feeds", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed_id", "url", "content_hash", name="pk_feed_items"),
    )
    op.create_index("ix_feed_items_article_id", "feed_items", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_feed_items_article_id", table_name="feed_items")
    op.drop_table("feed_items")
    op.drop_table("feeds")
