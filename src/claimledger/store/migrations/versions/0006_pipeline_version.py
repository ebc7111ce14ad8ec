"""Every stored row names the pipeline version that made it (``claimledger.version``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

A re-run with other cue files, rules or models gives other claims and other facts, and
``claimledger diff`` compares two ledgers side by side: it must be able to say which
pipeline made each. ``articles.pipeline`` names the run that analysed the article: its
attributions, quantities and mentions are made together by that one run and replaced only
with the article, so the article's row speaks for them (a column on each record table would
repeat the same words on every claim). The linker's rows (``copies``, ``origins``,
``facts``, ``fact_mentions``, ``fact_links``) carry the version of the run that *linked*,
which after a ``relink`` with newer code differs from the articles'. The lookup tables
(``copy_bands``, ``fact_keys``) are indexes the linker rebuilds, not decisions: no column.

Rows written before this revision keep NULL, which readers show as ``unknown``: nobody
knows which code made them, and guessing would be worse than saying so. Plain
``ADD COLUMN`` of a nullable text column on both SQLite and PostgreSQL (no table rebuild, no
rewrite of existing rows); the downgrade drops the columns with ``DROP COLUMN`` (SQLite 3.35+),
never a batch rebuild, which on SQLite would drop ``articles`` and cascade to every record.
Written out in full, like 0001 to 0005, so later edits to schema.py never change it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("articles", "copies", "origins", "facts", "fact_mentions", "fact_links")
"""The tables whose rows get a ``pipeline`` column."""


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("pipeline", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in TABLES:  # not batch mode: SQLite would rebuild articles, cascading to every record
        op.drop_column(table, "pipeline")
