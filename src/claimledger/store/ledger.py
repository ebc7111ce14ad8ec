"""``Ledger``: the facade the CLI, the web app and library users hold.

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
of stored articles; the fact reads live in ``factqueries``.

Every database failure leaves as a ``StoreError`` whose message is one line naming the
ledger, because the CLI prints exactly that line to the user.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from alembic.util import CommandError
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from claimledger.errors import StoreError, UsageError
from claimledger.model import Analysis
from claimledger.settings import Settings
from claimledger.store import dialect, export, factqueries, links, migrate, queries, rows
from claimledger.store.schema import articles, attributions, mentions, quantities

if TYPE_CHECKING:
    from claimledger.analyze import IngestReport

_DB_ERRORS = (SQLAlchemyError, sqlite3.Error, CommandError)


class Ledger:
    """A store of analysed articles: ``add`` them, then ask ``claims``, ``summary``, ``export``."""

    def __init__(self, target: str | Path = "claimledger.sqlite") -> None:
        self.url = dialect.to_url(target)
        self.name = dialect.describe(self.url)
        """How messages name this ledger: its path, or its URL without a password."""
        self.engine = dialect.engine_for(self.url)
        self._write_lock = threading.Lock()  # one writer per process; BEGIN IMMEDIATE across processes
        try:
            with self._errors("open"):
                migrate.upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

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
            raise StoreError(f"ledger {self.name}: cannot {doing}: {dialect.one_line(e)}") from e

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
        with (
            self._write_lock,
            self.engine.connect().execution_options(**{dialect.WRITE: True}) as conn,
            conn.begin(),
        ):
            yield conn

    # -- writing ------------------------------------------------------------------------

    def add(self, analysis: Analysis, link: links.Linker | None = None) -> bool:
        """Store one analysed article and all its records in one transaction.

        Returns False, writing nothing, when an article with the same id is stored already
        (also when another process stored it a moment ago). Raises ``StoreError`` if a
        record's span does not index the article text, before anything is written.

        With ``link``, the linker runs inside the same transaction once the records are in
        (``link(View(conn), analysis) -> LinkPlan``) and its plan is saved there too: an
        article and its links are committed together, or, if the linker or the save
        fails, neither is.
        """
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
                    if conn.execute(select(articles.c.id).where(articles.c.id == art.id)).first():
                        return False
                    now = datetime.now(UTC)
                    conn.execute(insert(articles), [rows.article_row(art, now)])
                    for table, batch in records:
                        if batch:
                            conn.execute(insert(table), batch)
                    if link is not None:
                        self._link(conn, link, analysis, now)
            except IntegrityError:
                if self.has(art.id):  # a concurrent writer stored the same article first
                    return False
                raise
        return True

    def _link(self, conn: Connection, link: links.Linker, analysis: Analysis, now: datetime) -> None:
        """Run the linker on a stored article and save its plan, in the caller's transaction."""
        plan = link(links.View(conn), analysis)
        if plan.article_id != analysis.article.id:
            raise StoreError(f"ledger {self.name}: the linker returned a plan for article {plan.article_id[:12]} "
                             f"when linking {analysis.article.id[:12]}")
        links.save_links(conn, plan, now.isoformat())

    def link_pending(self, link: links.Linker, progress: links.LinkProgress | None = None) -> int:
        """Link every article not linked yet, oldest published first, one transaction each.

        This completes a ledger written before links existed (migration 0002), one whose
        ingest ran without a linker, or one that ``relink`` cleared. An article another
        process links meanwhile is skipped. Returns how many articles this call linked.
        """
        with self.reading() as conn:
            pending = links.unlinked(conn)
        done = 0
        for i, article_id in enumerate(pending, 1):
            with self._errors(f"link article {article_id[:12]}"), self._writing() as conn:
                stmt = select(articles.c.linked_at).where(articles.c.id == article_id)
                row = conn.execute(stmt).first()
                if row is not None and row.linked_at is None:
                    self._link(conn, link, queries.analysis(conn, article_id), datetime.now(UTC))
                    done += 1
            if progress is not None:
                progress(i, len(pending), article_id)
        return done

    def relink(self, link: links.Linker, progress: links.LinkProgress | None = None) -> int:
        """Forget every link decision, then link every article again (after the linker's rules changed).

        The clearing is one transaction and each article another, so an interrupted relink
        leaves a ledger that ``link_pending`` completes.
        """
        with self._errors("clear links"), self._writing() as conn:
            links.clear_links(conn)
        return self.link_pending(link, progress)

    def add_all(self, analyses: Iterable[Analysis]) -> int:
        """Add each analysis (one transaction each); returns how many were new."""
        return sum(self.add(a) for a in analyses)

    def ingest(self, sources: Iterable[str | Path], *, lang: str | None = None,
               settings: Settings | None = None) -> IngestReport:
        """Read, analyse and store every article of ``sources`` (see ``claimledger.analyze.ingest``)."""
        from claimledger.analyze import ingest

        return ingest(self, sources, lang=lang, settings=settings)

    # -- reading ------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether an article with exactly this id is stored."""
        with self.reading() as conn:
            stmt = select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(stmt).first() is not None

    def articles(self, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles, newest first, with record counts (see ``queries.articles`` for keys)."""
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
        with self.reading() as conn:
            return queries.claims(
                conn, source=source, certainty=certainty, lang=lang, article=article, limit=limit
            )

    def quantities(
        self, *, article: str | None = None, counted: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Quantities, filtered by article id/prefix and counted words (see ``queries.quantities``)."""
        with self.reading() as conn:
            return queries.quantities(conn, article=article, counted=counted, limit=limit)

    def analysis(self, article_id_or_prefix: str) -> Analysis:
        """One article's full ``Analysis``; StoreError if the id is unknown or ambiguous."""
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

    def export(self, fmt: str, out: str | Path | TextIO) -> int:
        """Write the ledger as ``jsonl`` (articles written) or ``csv`` (attributions written).

        A path is written whole or not at all: the export goes to ``<path>.part`` and is
        renamed into place when complete, so an interrupted export leaves no half file.
        """
        if fmt not in export.FORMATS:
            raise UsageError(f"unknown export format {fmt!r} (one of {', '.join(export.FORMATS)})")
        write = export.write_jsonl if fmt == "jsonl" else export.write_csv
        if not isinstance(out, str | Path):
            with self.reading() as conn:
                return write(conn, out)
        path = Path(out)
        part = path.with_name(path.name + ".part")
        try:
            with part.open("w", encoding="utf-8", newline="") as f, self.reading() as conn:
                n = write(conn, f)
            os.replace(part, path)
        except OSError as e:
            part.unlink(missing_ok=True)
            raise StoreError(f"ledger {self.name}: cannot write export {path}: {e.strerror or e}") from e
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return n

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
        with self.reading() as conn:
            return factqueries.facts(conn, contested=contested, actor=actor, lang=lang, kind=kind, limit=limit)

    def fact(self, fact_id_or_prefix: str) -> dict[str, Any]:
        """One fact with its mentions and links; StoreError if the id is unknown or ambiguous."""
        with self.reading() as conn:
            return factqueries.fact(conn, fact_id_or_prefix)

    def actors(self, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Originating actors with their claim counts (see ``factqueries.actors``)."""
        with self.reading() as conn:
            return factqueries.actors(conn, lang=lang, limit=limit)

    def actor(self, name: str) -> list[dict[str, Any]]:
        """Every claim one originating actor is behind; StoreError if the name is unknown or ambiguous."""
        with self.reading() as conn:
            return factqueries.actor(conn, name)

    def history(self, fact_or_variable: str) -> dict[str, Any]:
        """The figures reported for one variable over time (see ``factqueries.history``)."""
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
