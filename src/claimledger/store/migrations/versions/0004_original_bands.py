"""Only originals keep their MinHash bands.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

A new article is compared with originals only (a copy is verified against its original), so
the bands a copy stored were read by every lookup and never used: with many copies of one
wire story every band lookup grew with them. From 0004 the linker stores a copy's bands no
more, and the upgrade deletes those already stored. Nothing else changes; the downgrade
leaves the table as it is (``claimledger relink`` rebuilds every band under either rule).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.text("DELETE FROM copy_bands WHERE article_id IN (SELECT article_id FROM copies)"))


def downgrade() -> None:
    pass
