"""Migrations: a fresh ledger is created at head, and head is exactly ``schema.metadata``."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from claimledger.errors import StoreError
from claimledger.model import Analysis
from claimledger.store import Ledger, migrate
from claimledger.store.schema import metadata, outside_metadata

TABLES = {
    "alembic_version", "articles", "attributions", "quantities", "mentions",
    "copies", "copy_bands", "origins", "facts", "fact_mentions", "fact_keys", "fact_links", "feeds", "feed_items",
}
SEARCH = {"claims_fts", "claims_fts_data", "claims_fts_idx", "claims_fts_content", "claims_fts_docsize",
          "claims_fts_config"}
"""SQLite's FTS5 index of claims (0005) and its shadow tables: raw DDL, not in ``metadata``."""


def test_migrations_fresh_ledger_is_at_head(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head() == "0008"
        assert set(inspect(conn).get_table_names()) == TABLES | SEARCH


def test_migrations_head_equals_schema_metadata(ledger: Ledger) -> None:
    """Autogenerate against the migrated ledger finds nothing to do: no drift either way."""
    with ledger.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True,
                                                     "include_name": outside_metadata})
        assert compare_metadata(ctx, metadata) == []
        insp = inspect(conn)
        for table in metadata.sorted_tables:
            assert [c["name"] for c in insp.get_columns(table.name)] == [c.name for c in table.columns]
            assert {i["name"] for i in insp.get_indexes(table.name)} == {i.name for i in table.indexes}


def test_migrations_upgrade_is_a_no_op_at_head(ledger: Ledger) -> None:
    assert migrate.upgrade(ledger.engine) is False


def test_migrations_old_ledger_is_upgraded_on_open(ledger_path: Path, sv_analysis: Analysis) -> None:
    """A ledger behind head (here: downgraded to base) gets the schema when a Ledger opens it."""
    with Ledger(ledger_path) as led:
        with led.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "base")
        with led.engine.connect() as conn:
            assert migrate.current(conn) is None
            assert set(inspect(conn).get_table_names()) == {"alembic_version"}
    with Ledger(ledger_path) as led:
        assert led.add(sv_analysis)
        with led.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()


def test_migrations_downgrade_then_upgrade_round_trip(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "head")
        command.downgrade(migrate.config(conn), "base")
        command.upgrade(migrate.config(conn), "head")
        assert set(inspect(conn).get_table_names()) == TABLES | SEARCH
    engine.dispose()


def test_migrations_render_postgresql_ddl_offline() -> None:
    """The same migration compiles for PostgreSQL (no server needed): only portable types."""
    cfg = migrate.config()
    cfg.set_main_option("sqlalchemy.url", "postgresql://")
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    sql = cfg.output_buffer.getvalue()
    assert "CREATE TABLE attributions" in sql and "anonymous BOOLEAN NOT NULL" in sql
    assert '"end" INTEGER NOT NULL' in sql  # a reserved word, quoted
    assert "CONSTRAINT pk_attributions PRIMARY KEY (article_id, id)" in sql


def test_migrations_refuse_a_database_that_is_not_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    db.close()
    with pytest.raises(StoreError, match="a database but not a claimledger ledger .tables recipes.") as info:
        Ledger(path)
    assert "\n" not in str(info.value)
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == [
            "recipes"
        ]
    db.close()


def test_migrations_refuse_a_newer_ledger(ledger_path: Path) -> None:
    Ledger(ledger_path).close()
    with sqlite3.connect(ledger_path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(StoreError, match="revision 9999 is newer than this claimledger"):
        Ledger(ledger_path)
