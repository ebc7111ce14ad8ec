"""Alembic's entry point for the ledger's migrations.

Two ways in. ``claimledger.store.migrate.upgrade`` (what ``Ledger`` runs on open)
hands over an open connection already inside a write transaction, through
``config.attributes["connection"]``, so the migration commits or rolls back as one
unit with the version check. A developer can also run the ``alembic`` command with a
config naming ``sqlalchemy.url`` (for ``revision --autogenerate`` against a scratch
ledger, or ``upgrade head --sql`` to hand a PostgreSQL DBA a script); then the engine
is built by ``dialect.engine_for`` so SQLite gets the same pragmas as at run time.

``render_as_batch`` makes autogenerate write SQLite-safe ALTERs (table rebuilds);
``compare_type`` makes it notice type changes, not only new columns.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from claimledger.store import dialect
from claimledger.store.schema import metadata, outside_metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=outside_metadata,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    """Offline (emit SQL), with a caller's connection, or with a fresh engine from the config."""
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=metadata,
            literal_binds=True,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    url = dialect.to_url(config.get_main_option("sqlalchemy.url") or "claimledger.sqlite")
    engine = dialect.engine_for(url)
    try:
        with engine.connect().execution_options(**{dialect.WRITE: True}) as connection:
            _run(connection)
    finally:
        engine.dispose()


main()
