"""Everything that differs between backends, in one place: the rest of store/ is portable Core.

A ledger is named by a plain path (SQLite, the default) or an SQLAlchemy URL
(``postgresql+psycopg://...`` for a team). This module turns that name into an
``Engine`` and sets SQLite up the way datasette and sqlite-utils taught us:

- ``journal_mode=WAL``: readers never block the writer and the writer never blocks
  readers, so ``claimledger serve`` can read while ``claimledger watch`` writes.
- ``synchronous=NORMAL``: safe with WAL (a power cut may lose the last commits, never
  corrupt the file), and far faster than FULL for one transaction per article.
- ``foreign_keys=ON``: SQLite ignores foreign keys unless asked, per connection.
- ``busy_timeout``: a second writer waits its turn instead of failing at once.
- One writer at a time: write transactions start with ``BEGIN IMMEDIATE``, which takes
  the write lock up front. A deferred transaction that reads and then writes can fail
  with "database is locked" *without* waiting when another process committed in between
  (its snapshot went stale); taking the lock first makes ``Ledger.add``'s
  check-then-insert atomic across processes.
- Upserts (``upsert``): "insert, or on a primary-key clash update / keep the stored row"
  is ``INSERT ... ON CONFLICT`` on both SQLite and PostgreSQL, but each spells it with its
  own dialect's ``insert``; other backends get a portable select-then-write fallback.
- ``lower()`` is replaced by Python's ``str.lower``: SQLite's own folds only ASCII, so
  ``--source FÖRSVARSMAKTEN`` would miss *Försvarsmakten*. PostgreSQL's ``lower`` is
  already Unicode-aware, so queries can call ``func.lower`` on either backend.

A ledger opened for reading only (``engine_for(url, readonly=True)``: every listing
command) must work where it cannot be written: a read-only file, folder or mount. Where
the file and its folder can be written it is opened as usual plus ``query_only`` (SQLite
itself refuses writes), because only a writable connection removes the WAL's ``-wal`` and
``-shm`` files when it closes. Elsewhere it is opened with SQLite's ``mode=ro`` and no
pragma that writes; and where SQLite cannot even create the ``-shm`` index (a read-only
folder), ``immutable`` (no locks, no WAL): nobody can be writing a ledger whose folder
nobody may write to.

Python's sqlite3 module (before 3.12's ``autocommit``) decides itself when to BEGIN and
skips it before SELECT and DDL, which breaks transactional migrations and repeatable
reads; so its own transaction control is switched off and SQLAlchemy's ``begin`` event
emits the BEGIN (the recipe in SQLAlchemy's SQLite documentation).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, create_engine, event, insert, inspect, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from claimledger.errors import NotALedgerError, StoreError

BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another writer's transaction before giving up."""

CONNECT_TIMEOUT_S = 10
"""How long opening a PostgreSQL connection may take (a URL's own ``connect_timeout`` wins)."""

WRITE = "claimledger_write"
"""Execution option that marks a connection as the writer (``BEGIN IMMEDIATE`` on SQLite)."""


def to_url(target: str | Path) -> URL:
    """A plain path becomes ``sqlite:///path``; anything with ``://`` is an SQLAlchemy URL."""
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite", database=str(target))
    try:
        return make_url(target)
    except ArgumentError as e:
        raise StoreError(f"ledger {target!r}: not a path or database URL ({e})") from None


def describe(url: URL) -> str:
    """How error messages name a ledger: its file path, or its URL without the password."""
    if is_sqlite(url):
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def is_memory(url: URL) -> bool:
    """An in-memory SQLite database (tests, throwaway analyses): no file, no WAL."""
    db = url.database or ""
    return is_sqlite(url) and (db in ("", ":memory:") or "mode=memory" in db)


def engine_for(url: URL, *, readonly: bool = False) -> Engine:
    """The engine for a ledger, set up for its backend; StoreError if it cannot be created.

    ``readonly``: open an existing SQLite ledger without writing to it (see the module doc);
    NotALedgerError if there is no file. A PostgreSQL ledger opened read-only gets sessions
    that refuse writes (``default_transaction_read_only``); other permissions are the server's.
    """
    if not is_sqlite(url):
        args: dict[str, Any] = {}
        if "postgresql" in url.drivername:
            if readonly:
                args["options"] = "-c default_transaction_read_only=on"
            if "connect_timeout" not in url.query:  # libpq waits forever on a server that accepts and never answers
                args["connect_timeout"] = CONNECT_TIMEOUT_S
        try:
            return create_engine(url, pool_pre_ping=True, connect_args=args)
        except (ArgumentError, ImportError) as e:
            raise StoreError(f"ledger {describe(url)}: {one_line(e)}") from None
    if readonly and not is_memory(url):
        return _readonly_engine(url)
    if not is_memory(url):
        parent = Path(url.database or "").expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"ledger {describe(url)}: directory {parent} does not exist")
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def is_new(target: str | Path) -> bool:
    """True where a new ledger may be created without asking: a file that does not exist yet, or a
    database with no tables at all (what ``createdb`` hands a team). A database holding anything,
    or one that cannot be reached, is not new: opening it then says what it is instead."""
    url = to_url(target)
    if is_sqlite(url):
        return not is_memory(url) and not Path(url.database or "").expanduser().exists()
    engine = engine_for(url, readonly=True)
    try:
        with engine.connect() as conn:
            return not inspect(conn).get_table_names()
    except DBAPIError:
        return False
    finally:
        engine.dispose()


def _readonly_engine(url: URL) -> Engine:
    """An engine whose connections open the ledger file ``mode=ro``, or ``immutable`` where that fails."""
    path = Path(url.database or "").expanduser()
    if not path.exists():
        raise NotALedgerError(f"ledger {describe(url)}: no such file (claimledger analyze creates one)")
    if not path.is_file():
        raise NotALedgerError(f"ledger {describe(url)}: not a file")
    if os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK):
        engine = engine_for(url)
        event.listen(engine, "connect", _query_only)
        return engine
    uri = path.resolve().as_uri()

    def connect() -> sqlite3.Connection:
        last: sqlite3.Error | None = None
        for flags in ("mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header
                return conn
            except sqlite3.OperationalError as e:  # no -shm and no right to create it
                conn.close()
                last = e
        assert last is not None
        raise last

    engine = create_engine("sqlite://", creator=connect)
    event.listen(engine, "connect", _sqlite_connect_readonly)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """Per-connection SQLite settings; see the module docstring for why each one."""
    dbapi_conn.isolation_level = None  # SQLAlchemy's begin event emits BEGIN, not the driver
    dbapi_conn.create_function("lower", 1, _lower, deterministic=True)
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")  # also reads the header: a non-database fails here
        cur.execute("PRAGMA synchronous = NORMAL")
    finally:
        cur.close()


def _query_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """After the usual settings: this connection may read only (SQLite raises on any write)."""
    dbapi_conn.execute("PRAGMA query_only = ON")


def _sqlite_connect_readonly(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """The reader's settings: the same ``lower`` and busy wait, and no pragma that writes."""
    dbapi_conn.isolation_level = None
    dbapi_conn.create_function("lower", 1, _lower, deterministic=True)
    dbapi_conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _sqlite_begin(conn: Connection) -> None:
    """Writers take the write lock at BEGIN; readers get a deferred, repeatable snapshot."""
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _lower(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    return value.lower() if isinstance(value, str) else value


def journal_mode(conn: Connection) -> str | None:
    """The journal mode in effect (``wal`` for a file ledger), or None off SQLite."""
    if conn.dialect.name != "sqlite":
        return None
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


def one_line(exc: BaseException) -> str:
    """A database error as one line: the driver's own message, without SQL or doc links.

    SQLAlchemy's ``str()`` of a DBAPI error spans lines (statement, parameters, a
    background URL); a user needs only the driver's words, e.g. "file is not a database".
    """
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc) or type(exc).__name__
    return " ".join(text.split())


@lru_cache(maxsize=256)
def _upsert_statement(name: str, table: Table, replace: bool) -> Any:
    """The dialect's ``INSERT ... ON CONFLICT`` for ``table``, built once: the linker upserts
    several tables per article, and building the statement cost more than running it."""
    keys = [c.name for c in table.primary_key.columns]
    stmt = (sqlite_dialect.insert if name == "sqlite" else postgresql.insert)(table)
    if replace:
        others = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
        return stmt.on_conflict_do_update(index_elements=keys, set_=others)
    return stmt.on_conflict_do_nothing(index_elements=keys)


def _differs() -> bool:
    raise KeyError("rows with other keys")


@lru_cache(maxsize=256)
def _sqlite_upsert_sql(table: Table, replace: bool, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The SQLite upsert for rows of exactly ``keys``, as SQL text and the key of each ``?`` in order:
    sent to the driver as it is, the rows skip SQLAlchemy's per-row parameter processing (some 400
    rows an article; every link column is text or a number, which the driver binds alike)."""
    compiled = _upsert_statement("sqlite", table, replace).compile(dialect=sqlite_dialect.dialect(),
                                                                   column_keys=list(keys))
    return compiled.string, tuple(compiled.positiontup or ())


@lru_cache(maxsize=256)
def _values(order: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A row's values in ``order``, as a tuple (KeyError if one is missing): one C call a row."""
    if len(order) == 1:
        key = order[0]
        return lambda row: (row[key],)
    return itemgetter(*order)


def _driver_params(rows: Sequence[dict[str, Any]], order: tuple[str, ...]) -> list[tuple[Any, ...]] | None:
    """Every row's values in ``order``, or None when a row has other keys than ``order`` (as many, each there)."""
    values, n = _values(order), len(order)
    try:
        return [values(row) for row in rows if len(row) == n or _differs()]
    except KeyError:
        return None


@lru_cache(maxsize=256)
def _sqlite_insert_sql(table: Table, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The plain SQLite ``INSERT`` for rows of exactly ``keys``, as ``_sqlite_upsert_sql`` gives its upsert."""
    compiled = insert(table).compile(dialect=sqlite_dialect.dialect(), column_keys=list(keys))
    return compiled.string, tuple(compiled.positiontup or ())


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (a stored key is an ``IntegrityError``, as with ``insert``): on SQLite as driver
    SQL when every row has the first row's keys, skipping SQLAlchemy's per-row parameter processing
    as ``upsert`` does (an article's attribution, quantity and mention rows, every article); the
    same values reach the driver, so the same rows are stored."""
    if not rows:
        return
    if conn.dialect.name == "sqlite" and conn.dialect.paramstyle == "qmark":
        sql, order = _sqlite_insert_sql(table, tuple(rows[0]))
        params = _driver_params(rows, order)
        if params is not None:
            conn.exec_driver_sql(sql, params)
            return
    conn.execute(insert(table), list(rows))


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, replace: bool) -> None:
    """Insert ``rows``; a row whose primary key is stored already replaces it (``replace``) or is skipped.

    Why not delete-then-insert: deleting a fact would cascade to its mentions, keys and
    links, and the linker re-sends a fact every time a new article touches it. Rows that
    repeat a key within ``rows`` are merged first (the last wins when replacing, the first
    otherwise): PostgreSQL refuses one statement that updates the same row twice.
    """
    keys = [c.name for c in table.primary_key.columns]
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        pk = tuple(row[k] for k in keys)
        if replace or pk not in unique:
            unique[pk] = row
    rows = list(unique.values())
    if not rows:
        return
    name = conn.dialect.name
    if name == "sqlite" and conn.dialect.paramstyle == "qmark":
        sql, order = _sqlite_upsert_sql(table, replace, tuple(rows[0]))
        params = _driver_params(rows, order)  # every row with the first row's keys, or SQLAlchemy's way
        if params is not None:
            conn.exec_driver_sql(sql, params)
            return
    if name in ("sqlite", "postgresql"):
        conn.execute(_upsert_statement(name, table, replace), rows)
        return
    for row in rows:  # pragma: no cover - neither SQLite nor PostgreSQL
        match = and_(*(table.c[k] == row[k] for k in keys))
        if conn.execute(select(*(table.c[k] for k in keys)).where(match)).first() is None:
            conn.execute(insert(table), [row])
        elif replace:
            conn.execute(update(table).where(match).values({k: v for k, v in row.items() if k not in keys}))
