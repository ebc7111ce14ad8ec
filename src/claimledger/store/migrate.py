"""Bring a ledger's schema to the newest revision, from code, on every open.

Why on open: a user who upgrades claimledger and runs ``claimledger claims`` on last
month's ledger should get a migrated ledger, not a crash on a missing column; and a
fresh path should simply get the schema. The Alembic ``Config`` is built here in code,
with ``script_location`` pointing at the ``migrations`` folder shipped inside the
package, so no ``alembic.ini`` has to exist at run time or in the user's cwd.

Why inside one write transaction: two processes opening a fresh ledger at once must
not both create tables. The version check and the upgrade run under the writer lock
(``BEGIN IMMEDIATE`` on SQLite); the second process then finds the ledger at head.
SQLite's DDL is transactional once the driver stops autocommitting (see dialect.py),
so a failed migration leaves the old schema intact.

Opening an up-to-date ledger costs one ``SELECT`` of ``alembic_version`` and no import of
Alembic (a fifth of a second of every command's start): the head revision is the constant
``HEAD``, which a test checks against the scripts; Alembic is loaded only to upgrade.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from claimledger.errors import StoreError
from claimledger.store import dialect

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0008"
"""The newest revision in ``migrations/versions`` (tests/store/test_links_migration.py checks it)."""

SCRIPTS = Path(__file__).with_name("migrations")


def config(connection: Connection | None = None) -> Config:
    """An Alembic config for the shipped migrations; with a connection, env.py runs on it."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the shipped scripts know."""
    return HEAD


def scripts_head() -> str | None:
    """The head revision as Alembic reads it from the scripts (what ``HEAD`` must equal)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config()).get_current_head()


def current(connection: Connection) -> str | None:
    """The revision a ledger is at; None for an empty database (or one that is no ledger)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revs = [r for (r,) in connection.execute(text("SELECT version_num FROM alembic_version"))]
    if len(revs) > 1:
        raise StoreError(f"ledger {dialect.describe(connection.engine.url)}: several schema revisions at once "
                         f"({', '.join(sorted(revs))})")
    return revs[0] if revs else None


def upgrade(engine: Engine) -> bool:
    """Migrate to head if needed; True if anything ran.

    A quick read first, so the common case (already at head) never takes the writer
    lock; then, only if behind, the check is repeated under the lock and the upgrade
    runs in that same transaction.
    """
    with engine.connect() as conn:
        if current(conn) == head():
            return False
    with engine.connect().execution_options(**{dialect.WRITE: True}) as conn, conn.begin():
        rev = current(conn)
        if rev == head():
            return False
        _check_upgradable(conn, rev)
        from alembic import command
        from alembic.util import CommandError

        try:
            command.upgrade(config(conn), "head")
        except CommandError as e:
            raise StoreError(f"ledger {dialect.describe(conn.engine.url)}: cannot be migrated: {dialect.one_line(e)}") \
                from e
    return True


def _check_upgradable(conn: Connection, rev: str | None) -> None:
    """Refuse what a migration must not touch: someone else's database, or a newer ledger.

    An existing database with tables but no ``alembic_version`` is not a ledger (a
    user pointed ``--ledger`` at the wrong file): creating our tables in it would be
    a surprise. A revision the scripts do not know means a newer claimledger wrote it.
    """
    url = dialect.describe(conn.engine.url)
    if rev is None:
        foreign = [
            t
            for t in inspect(conn).get_table_names()
            if t != "alembic_version" and not t.startswith("sqlite_")
        ]
        if foreign:
            shown = ", ".join(sorted(foreign)[:3])
            raise StoreError(f"ledger {url}: a database but not a claimledger ledger (tables {shown})")
        return
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(config()).walk_revisions()}
    if rev not in known:
        raise StoreError(f"ledger {url}: schema revision {rev} is newer than this claimledger ({head()})")
