"""Fact mentions keep what the linker compares in their own column, and every link is rebuilt.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

Until 0003 a figure mention's words around the number and names in its sentence were
appended to its ``reason`` text, which is also what a person reads. They now live in
``fact_mentions.features`` (JSON, ``{name: [values]}``), and ``reason`` is words only.
Links written before this revision carry no features, so the upgrade empties the link
tables and marks every article unlinked (``articles.linked_at`` NULL): the records stay, and
the next ``analyze`` (``Ledger.link_pending``) or ``claimledger relink`` links them again by
today's rules. Written out in full, like 0001 and 0002, so later edits to schema.py never
change what this revision does. The downgrade drops the column; links stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINK_TABLES = ("fact_links", "fact_keys", "fact_mentions", "facts", "origins", "copy_bands", "copies")
"""Children before the tables they point at."""


def upgrade() -> None:
    op.add_column("fact_mentions", sa.Column("features", sa.Text(), nullable=True))
    for table in LINK_TABLES:
        op.execute(sa.text(f"DELETE FROM {table}"))
    op.execute(sa.text("UPDATE articles SET linked_at = NULL, copy_of = NULL, copy_reason = NULL"))


def downgrade() -> None:
    op.drop_column("fact_mentions", "features")
