"""``Ledger``: the store's facade; ``claimledger.Ledger`` adds ``ingest`` on top of it.

A ledger is opened by path or URL, migrated on open (migrate.py), written one article
per transaction, and read through ``queries`` (the same functions the web app calls
with its own connection). Like sqlite-utils, it is keyed by content: an article's id is
the sha256 of its text, so adding the same text again is a no-op that returns False.

Writes are safe against three things. A record whose span does not index the text is
refused before anything is written (``rows.check``). A failure halfway through an
article (a constraint, a full disk, a SIGKILL) rolls the whole article back, because
the article row and all its records go in one transaction. Two writers adding the same
article at once cannot both store it: on SQLite the write lock is taken at BEGIN, so the
existence check and the insert are atomic; on a server database the loser hits the
primary key, and that ``IntegrityError`` is read as "already stored" too.

Links across articles (copies, originating actors, facts, contradictions) are decided by
link/, which store/ never imports: ``add`` takes the linker as a callable and runs it in
the article's own transaction (``links.View`` is all it may read), so an article and its
links are committed together. ``link_pending`` and ``relink`` complete or redo the links
of stored articles; the fact reads live in ``factqueries``. Nor does store/ import the
analysis: reading and analysing sources is ``claimledger.ledger.Ledger.ingest``, a layer above.

Every database failure leaves as a ``StoreError`` whose message is one line naming the
ledger, because the CLI prints exactly that line to the user; a file that is not a ledger
as a ``NotALedgerError``. ``Ledger(path, readonly=True)`` reads without ever writing (no
migration unless the schema is behind, no WAL pragma), so a ledger on a read-only file,
folder or mount can be listed and exported. Rows that cannot be read back (a hand-edited
span outside its text, bad JSON, an unknown label) are skipped with a
``LedgerDamageWarning`` (see ``queries``).

The public methods check their arguments' types and raise ``ArgumentError`` (a
``UsageError`` and a ``TypeError``) with one line, instead of failing somewhere deep
inside, or worse, doing something odd: ``claims(lang=3)`` is refused, never read as
no filter (``check_arg``, ``lang_arg``, which ``claimledger.ledger`` uses too).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO, TypeVar

from sqlalchemy import Connection, bindparam, inspect, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from claimledger.errors import (
    ArgumentError,
    ClaimledgerError,
    NotALedgerError,
    StoreError,
    UsageError,
    debugging,
    internal_line,
)
from claimledger.model import Analysis
from claimledger.outfile import output_text
from claimledger.settings import language_tag
from claimledger.store import dialect, exports, factqueries, links, migrate, queries, rows
from claimledger.store.schema import articles, attributions, mentions, quantities
from claimledger.version import pipeline_version

_DB_ERRORS = (SQLAlchemyError, sqlite3.Error)
_STORED = select(articles.c.id).where(articles.c.id == bindparam("aid"))
"""Whether an article is stored, built once (``add`` asks it of every article): SQLAlchemy finds
its compiled form by the statement's memoised cache key instead of building and hashing a new one."""
_NOT_A_DATABASE = ("file is not a database", "not a database")

T = TypeVar("T")


def check_arg(name: str, value: T, types: type | tuple[type, ...], what: str) -> T:
    """``value`` if it is one of ``types`` (never a bool posing as an int), else ``ArgumentError``."""
    allowed = types if isinstance(types, tuple) else (types,)
    if isinstance(value, allowed) and (bool in allowed or not isinstance(value, bool)):
        return value
    raise ArgumentError(f"{name} must be {what}, not {type(value).__name__}")


def _opt_str(name: str, value: str | None) -> str | None:
    return None if value is None else check_arg(name, value, str, "a string or None")


def _limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    check_arg("limit", limit, int, "an int or None")
    if limit < 0:
        raise UsageError(f"limit must be 0 or more, not {limit}")
    return limit


def lang_arg(lang: str | None) -> str | None:
    """A language filter as given (``sv-SE``, ``SV``) as the stored tag, or ``ArgumentError``."""
    return None if lang is None else language_tag(check_arg("lang", lang, str, "a language tag or None"))


class Ledger:
    """A store of analysed articles: ``add`` them, then ask ``claims``, ``summary``, ``export``."""

    def __init__(self, target: str | Path = "claimledger.sqlite", *, readonly: bool = False) -> None:
        """Open (and on a writable open, create or migrate) the ledger at ``target``.

        ``readonly``: never write; the file must exist and be a ledger (``NotALedgerError``
        otherwise), and writing methods raise ``StoreError``. A ledger written by an older
        claimledger is still migrated first when its file can be written.
        """
        check_arg("target", target, (str, Path), "a path or database URL")
        if isinstance(target, str) and not target.strip():
            raise UsageError("the ledger path is empty")
        self.url = dialect.to_url(target)
        self.name = dialect.describe(self.url)
        """How messages name this ledger: its path, or its URL without a password."""
        self.readonly = bool(readonly)
        self.engine = dialect.engine_for(self.url, readonly=self.readonly)
        self._write_lock = threading.Lock()  # one writer per process; BEGIN IMMEDIATE across processes
        try:
            with self._errors("open"):
                if self.readonly:
                    self._check_readable()
                else:
                    migrate.upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def _check_readable(self) -> None:
        """For a read-only open: the schema must be this claimledger's (migrated first if it is older)."""
        with self.engine.connect() as conn:
            rev = migrate.current(conn)
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        if rev == migrate.head():
            return
        if rev is None:
            what = f"a database but not a claimledger ledger (tables {', '.join(sorted(tables)[:3])})" if tables \
                else "an empty database, not a claimledger ledger"
            raise NotALedgerError(f"ledger {self.name}: {what}")
        writer = dialect.engine_for(self.url)  # an older schema: upgrade it once, if the file can be written
        try:
            migrate.upgrade(writer)
        except _DB_ERRORS as e:
            raise StoreError(f"ledger {self.name}: written by an older claimledger (schema {rev}) and cannot be "
                             f"upgraded here: {dialect.one_line(e)}") from e
        finally:
            writer.dispose()

    def __repr__(self) -> str:
        return f"Ledger({self.name!r})"

    # -- plumbing -----------------------------------------------------------------------

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn a database failure into one ``StoreError`` line naming this ledger."""
        try:
            yield
        except StoreError:
            raise
        except _DB_ERRORS as e:
            line = dialect.one_line(e)
            if any(words in line for words in _NOT_A_DATABASE):
                raise NotALedgerError(f"ledger {self.name}: not a claimledger ledger ({line})") from e
            raise StoreError(f"ledger {self.name}: cannot {doing}: {line}") from e

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in one read transaction: a consistent snapshot for ``queries`` calls.

        For callers that want several queries to agree (a web page, an export), or to run
        a query function this facade does not wrap.
        """
        with self._errors("read"), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """The one write transaction: this process's lock, then the database's writer lock."""
        if self.readonly:
            raise StoreError(f"ledger {self.name}: opened read-only, cannot write")
        with (
            self._write_lock,
            self.engine.connect().execution_options(**{dialect.WRITE: True}) as conn,
            conn.begin(),
        ):
            yield conn

    # -- writing ------------------------------------------------------------------------

    def add(self, analysis: Analysis, link: links.Linker | None = None, *, pipeline: str | None = None) -> bool:
        """Store one analysed article and all its records in one transaction.

        Returns False, writing nothing, when an article with the same id is stored already
        (also when another process stored it a moment ago). Raises ``StoreError`` if a
        record's span does not index the article text, before anything is written.

        With ``link``, the linker runs inside the same transaction once the records are in
        (``link(View(conn), analysis) -> LinkPlan``) and its plan is saved there too: an
        article and its links are committed together, or, if the linker or the save
        fails, neither is.

        The article's row and every link row are stamped with ``pipeline``, by default this
        process's ``claimledger.version.pipeline_version()``: which run made them, for ``diff``.
        """
        check_arg("analysis", analysis, Analysis, "an Analysis")
        stamp = pipeline_version() if pipeline is None else check_arg("pipeline", pipeline, str, "a string or None")
        if link is not None and not callable(link):
            raise ArgumentError(f"link must be a callable linker or None, not {type(link).__name__}")
        rows.check(analysis, self.name)
        art = analysis.article
        records = (
            (attributions, rows.attribution_rows(analysis)),
            (quantities, rows.quantity_rows(analysis)),
            (mentions, rows.mention_rows(analysis)),
        )
        with self._errors(f"store article {art.id[:12]}"):
            try:
                with self._writing() as conn:
                    if conn.execute(_STORED, {"aid": art.id}).first():
                        return False
                    now = datetime.now(UTC)
                    dialect.insert_rows(conn, articles, [rows.article_row(art, now, stamp)])
                    for table, batch in records:
                        dialect.insert_rows(conn, table, batch)
                    if link is not None:
                        self._link(conn, link, analysis, now, stamp)
            except IntegrityError:
                if self.has(art.id):  # a concurrent writer stored the same article first
                    return False
                raise
        return True

    def _link(self, conn: Connection, link: links.Linker, analysis: Analysis, now: datetime,
              pipeline: str | None = None) -> None:
        """Run the linker on a stored article and save its plan, in the caller's transaction."""
        plan = link(links.View(conn), analysis)
        if plan.article_id != analysis.article.id:
            raise StoreError(f"ledger {self.name}: the linker returned a plan for article {plan.article_id[:12]} "
                             f"when linking {analysis.article.id[:12]}")
        links.save_links(conn, plan, now.isoformat(), pipeline)

    def link_pending(self, link: links.Linker, progress: links.LinkProgress | None = None,
                     failed: list[str] | None = None) -> int:
        """Link every article not linked yet, oldest published first, one transaction each.

        This completes a ledger written before links existed (migration 0002), one whose
        ingest ran without a linker, or one that ``relink`` cleared. An article another
        process links meanwhile is skipped. Returns how many articles this call linked.

        With ``failed``, an article the linker itself fails on (a bug, not the database) is left
        unlinked and named there in one line, and the rest are linked: one article must not keep
        every later run from linking. Without it, the linker's exception is raised.
        """
        if not callable(link):
            raise ArgumentError(f"link must be a callable linker, not {type(link).__name__}")
        with self.reading() as conn:
            pending = links.unlinked(conn)
        done = 0
        for i, article_id in enumerate(pending, 1):
            try:
                with self._errors(f"link article {article_id[:12]}"), self._writing() as conn:
                    stmt = select(articles.c.linked_at).where(articles.c.id == article_id)
                    row = conn.execute(stmt).first()
                    if row is not None and row.linked_at is None:
                        self._link(conn, link, queries.analysis(conn, article_id), datetime.now(UTC))
                        done += 1
            except ClaimledgerError:
                raise
            except Exception as e:  # noqa: BLE001 - a linker bug on one article; the transaction rolled back
                if failed is None or debugging():
                    raise
                failed.append(f"article {article_id[:12]}: not linked: {internal_line(e)}")
            if progress is not None:
                progress(i, len(pending), article_id)
        return done

    def relink(self, link: links.Linker, progress: links.LinkProgress | None = None,
               failed: list[str] | None = None) -> int:
        """Forget every link decision, then link every article again (after the linker's rules changed).

        The clearing is one transaction and each article another, so an interrupted relink
        leaves a ledger that ``link_pending`` completes.
        """
        if not callable(link):
            raise ArgumentError(f"link must be a callable linker, not {type(link).__name__}")
        with self._errors("clear links"), self._writing() as conn:
            links.clear_links(conn)
        return self.link_pending(link, progress, failed)

    def add_all(self, analyses: Iterable[Analysis]) -> int:
        """Add each analysis (one transaction each); returns how many were new."""
        if isinstance(analyses, Analysis):
            raise ArgumentError("add_all takes an iterable of Analysis; use add() for one")
        return sum(self.add(a) for a in check_arg("analyses", analyses, Iterable, "an iterable of Analysis"))

    # -- reading ------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        check_arg("article_id", article_id, str, "a string")
        with self.reading() as conn:
            stmt = select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(stmt).first() is not None

    def articles(self, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles, newest first, with record counts (see ``queries.articles`` for keys)."""
        lang, limit = lang_arg(lang), _limit(limit)
        with self.reading() as conn:
            return queries.articles(conn, lang=lang, limit=limit)

    def claims(
        self,
        *,
        source: str | None = None,
        certainty: str | Iterable[str] | None = None,
        lang: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Attributions, filtered (see ``queries.claims`` for the filters and keys)."""
        source, article = _opt_str("source", source), _opt_str("article", article)
        lang, limit = lang_arg(lang), _limit(limit)
        if certainty is not None and not isinstance(certainty, str):
            certainty = [check_arg("certainty", c, str, "a string or strings") for c in
                         check_arg("certainty", certainty, Iterable, "a string, strings or None")]
        with self.reading() as conn:
            return queries.claims(
                conn, source=source, certainty=certainty, lang=lang, article=article, limit=limit
            )

    def quantities(
        self, *, article: str | None = None, counted: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Quantities, filtered by article id/prefix and counted words (see ``queries.quantities``)."""
        article, counted, limit = _opt_str("article", article), _opt_str("counted", counted), _limit(limit)
        with self.reading() as conn:
            return queries.quantities(conn, article=article, counted=counted, limit=limit)

    def analysis(self, article_id_or_prefix: str) -> Analysis:
        """One article's full ``Analysis``; StoreError if the id is unknown or ambiguous."""
        check_arg("article_id_or_prefix", article_id_or_prefix, str, "a string")
        with self.reading() as conn:
            return queries.analysis(conn, queries.resolve(conn, article_id_or_prefix))

    def summary(self) -> dict[str, Any]:
        """Counts, certainties, languages and top sources (see ``queries.summary`` for keys)."""
        with self.reading() as conn:
            return queries.summary(conn)

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, attributions, quantities, mentions)."""
        with self.reading() as conn:
            return queries.counts(conn)

    def export(self, fmt: str, out: str | Path | TextIO, *, progress: exports.Progress | None = None,
               **filters: Any) -> int:
        """Write the ledger as ``jsonl``, ``csv``, ``parquet``, ``claimreview`` or ``stix`` (docs/exports.md).

        ``filters``: ``actor``, ``lang``, ``since``, ``until``, ``certainty``, ``contested``, as
        ``claims`` and ``facts`` read them (``exports.select``). ``out`` is a text stream, ``-``
        (stdout) or a path, written by ``outfile.output_text`` (a regular file whole or not at
        all; a FIFO or device written through; a symlink followed; a directory refused); for
        ``parquet`` a folder, one file per table. Rows are read a page at a time in one read
        transaction; ``progress(n)`` hears of each page. Returns articles (jsonl), rows (csv,
        parquet: all tables), facts (claimreview) or objects (stix) written.
        """
        fmt = exports.check_format(fmt)
        chosen = exports.Filters.of(filters)
        if fmt == "parquet":
            if not isinstance(out, str | Path):
                raise ArgumentError("parquet writes a folder: out must be its path")
            with self.reading() as conn:
                return exports.write_folder(conn, out, chosen, progress)
        if not isinstance(out, str | Path):
            if not callable(getattr(out, "write", None)):
                raise ArgumentError(f"out must be a path, '-' or a text stream, not {type(out).__name__}")
            with self.reading() as conn:
                return exports.drain(exports.stream(conn, fmt, chosen, progress), out)
        with output_text(out) as f, self.reading() as conn:
            return exports.drain(exports.stream(conn, fmt, chosen, progress), f)

    def unlinked(self) -> list[str]:
        """Ids of the articles the linker has not seen yet (see ``links.unlinked`` for the order)."""
        with self.reading() as conn:
            return links.unlinked(conn)

    def facts(
        self,
        *,
        contested: bool = False,
        actor: str | None = None,
        lang: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Facts, most mentioned first, filtered (see ``factqueries.facts`` for the filters and keys)."""
        actor, kind, lang, limit = _opt_str("actor", actor), _opt_str("kind", kind), lang_arg(lang), _limit(limit)
        with self.reading() as conn:
            return factqueries.facts(conn, contested=contested, actor=actor, lang=lang, kind=kind, limit=limit)

    def fact(self, fact_id_or_prefix: str) -> dict[str, Any]:
        """One fact with its mentions and links; StoreError if the id is unknown or ambiguous."""
        check_arg("fact_id_or_prefix", fact_id_or_prefix, str, "a string")
        with self.reading() as conn:
            return factqueries.fact(conn, fact_id_or_prefix)

    def actors(self, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Originating actors with their claim counts (see ``factqueries.actors``)."""
        lang, limit = lang_arg(lang), _limit(limit)
        with self.reading() as conn:
            return factqueries.actors(conn, lang=lang, limit=limit)

    def actor(self, name: str) -> list[dict[str, Any]]:
        """Every claim one originating actor is behind; StoreError if the name is unknown or ambiguous."""
        check_arg("name", name, str, "a string")
        with self.reading() as conn:
            return factqueries.actor(conn, name)

    def history(self, fact_or_variable: str) -> dict[str, Any]:
        """The figures reported for one variable over time (see ``factqueries.history``)."""
        check_arg("fact_or_variable", fact_or_variable, str, "a string")
        with self.reading() as conn:
            return factqueries.history(conn, fact_or_variable)

    def copies(self) -> list[dict[str, Any]]:
        """Every article found to copy another, with the decision's method, score and reason."""
        with self.reading() as conn:
            return factqueries.copies(conn)

    # -- lifetime -----------------------------------------------------------------------

    def close(self) -> None:
        """Close every pooled connection (SQLite then checkpoints the WAL into the file)."""
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
