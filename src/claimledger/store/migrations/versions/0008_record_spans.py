"""Records keep what the extraction knew: whom a relay names, and the word that names a unit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

*Lee cited Kim as saying that X* is one attribution (source Lee, cue *cited Kim as saying*);
the claim comes from Kim, and the rule that read the relay knows Kim's words. *A 230-metre
ship* is a quantity that counts nothing (FORMAT.md), yet the linker needs *metre* to convert
miles and kilometres, and the rule that found the figure knows where that word stands. Before
this revision the linker read both back out of the text; now the records carry them
(``Attribution.relayed``, ``Quantity.unit_span``) and the store keeps them like every other
span: two integer columns and the words they cover, ``attributions.relayed_start``,
``relayed_end``, ``relayed_text`` and ``quantities.unit_start``, ``unit_end``, ``unit_text``.

Rows written before this revision keep NULL: what the rule knew then was not stored, and
the stored text alone does not say it (re-analysing an article, ``claimledger analyze`` of
its text again, fills them). Plain ``ADD COLUMN`` of nullable columns on both SQLite and
PostgreSQL: no table rebuild, no rewrite of existing rows, so every row is kept as it was;
SQLite's FTS triggers on ``attributions`` (0005) name their own columns only and are left
alone. The downgrade drops the columns with ``DROP COLUMN`` (SQLite 3.35+), never a batch
rebuild, which on SQLite would drop ``attributions`` and its triggers. Written out in full,
like 0001 to 0007, so later edits to schema.py never change it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SPANS = {"attributions": "relayed", "quantities": "unit"}
"""Each table's new span: ``<name>_start`` and ``<name>_end`` (integers) and ``<name>_text`` (its words),
after every older column, in the order schema.py lists them."""


def upgrade() -> None:
    for table, name in SPANS.items():
        op.add_column(table, sa.Column(f"{name}_start", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column(f"{name}_end", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column(f"{name}_text", sa.Text(), nullable=True))


def downgrade() -> None:
    for table, name in SPANS.items():  # not batch mode: SQLite would rebuild the table
        for column in (f"{name}_text", f"{name}_end", f"{name}_start"):
            op.drop_column(table, column)
