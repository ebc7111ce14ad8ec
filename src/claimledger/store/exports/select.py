"""What an export holds: the filters ``claims`` and ``facts`` take, applied in SQL, read a page at a time.

Why pages and not a list: an export of a million claims must run in bounded memory, so
every export walks its rows by keyset (``added_at, id`` for articles, ``id`` for facts), one
query per ``PAGE`` rows, inside the caller's one read transaction (a consistent snapshot).

The filters mean what they mean for ``claimledger claims`` and ``claimledger facts``:

- ``lang`` and ``since``/``until`` (ISO dates, inclusive) choose articles by their language
  and publication date;
- ``actor`` (words of the source, its actor id or its originating actor, any case) and
  ``certainty`` (one or several) choose claims; an article is exported when one of its
  claims passes, and only the passing claims are listed as claims;
- ``contested`` chooses facts a contradiction or denial touches, and the articles that
  mention one.

A fact is exported when one of its mentions is in an exported article (with no article
filter, every fact), when it is contested if ``contested`` is asked, and when an
originating actor of it matches ``actor`` (``factqueries.facts``' rule).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, or_, select, true, tuple_

from claimledger.errors import ArgumentError, UsageError
from claimledger.settings import language_tag
from claimledger.store.queries import check_certainties, damaged
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import facts as F
from claimledger.store.schema import origins as O

PAGE = 500
"""Rows per query: small enough to bound memory, large enough that round trips do not dominate."""

FILTERS = frozenset({"actor", "lang", "since", "until", "certainty", "contested"})


def _contains(col: ColumnElement[Any], words: str) -> ColumnElement[bool]:
    return func.lower(col).contains(words.lower(), autoescape=True)


def _day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentError(f"{name} must be an ISO date string or None, not {type(value).__name__}")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be an ISO date (YYYY-MM-DD), not {value[:40]!r}") from None


@dataclass(frozen=True)
class Filters:
    """The export's filters, checked once (``make``) before anything is written or streamed."""

    actor: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    certainty: tuple[str, ...] = ()
    contested: bool = False

    @classmethod
    def make(cls, *, actor: str | None = None, lang: str | None = None, since: str | None = None,
             until: str | None = None, certainty: str | Iterable[str] | None = None,
             contested: bool = False) -> Filters:
        """Filters from a caller's keywords; ``ArgumentError``/``UsageError`` in one line for a bad one."""
        if actor is not None and not isinstance(actor, str):
            raise ArgumentError(f"actor must be a string or None, not {type(actor).__name__}")
        if lang is not None and not isinstance(lang, str):
            raise ArgumentError(f"lang must be a language tag or None, not {type(lang).__name__}")
        if not isinstance(contested, bool):
            raise ArgumentError(f"contested must be a bool, not {type(contested).__name__}")
        wanted = (certainty,) if isinstance(certainty, str) else tuple(certainty or ())
        if not all(isinstance(c, str) for c in wanted):
            raise ArgumentError("certainty must be a string, strings or None")
        check_certainties(wanted)
        return cls(actor=actor.strip() or None if actor else None, lang=language_tag(lang) if lang else None,
                   since=_day("since", since), until=_day("until", until), certainty=wanted, contested=contested)

    @classmethod
    def of(cls, given: dict[str, Any]) -> Filters:
        """``make`` from a dict of keywords, naming an unknown one in a one-line ``ArgumentError``."""
        unknown = sorted(set(given) - FILTERS)
        if unknown:
            raise ArgumentError(f"unknown export filter {unknown[0]!r} (one of {', '.join(sorted(FILTERS))})")
        return cls.make(**given)

    def claim(self) -> ColumnElement[bool]:
        """The claims (attribution rows) that pass ``actor`` and ``certainty``."""
        where: list[ColumnElement[bool]] = []
        if self.certainty:
            where.append(T.c.certainty.in_(self.certainty))
        if self.actor:
            behind = exists().where(O.c.article_id == T.c.article_id, O.c.attribution_id == T.c.id,
                                    _contains(O.c.actor, self.actor))
            where.append(or_(_contains(T.c.source_text, self.actor), _contains(T.c.actor_id, self.actor), behind))
        return and_(true(), *where)

    def article(self) -> ColumnElement[bool]:
        """The articles an export holds (see the module doc)."""
        where: list[ColumnElement[bool]] = []
        if self.lang:
            where.append(func.lower(A.c.lang) == self.lang.lower())
        if self.since:
            where.append(A.c.published >= self.since)
        if self.until:
            where.append(A.c.published <= self.until + "\uffff")  # the whole day, whatever time follows
        if self.certainty or self.actor:
            where.append(exists().where(T.c.article_id == A.c.id, self.claim()))
        if self.contested:
            where.append(exists().where(FM.c.article_id == A.c.id, F.c.id == FM.c.fact_id, F.c.contested.is_(True)))
        return and_(true(), *where)

    @property
    def by_article(self) -> bool:
        return bool(self.lang or self.since or self.until or self.certainty or self.actor)

    def fact(self) -> ColumnElement[bool]:
        """The facts an export holds (see the module doc)."""
        where: list[ColumnElement[bool]] = []
        if self.contested:
            where.append(F.c.contested.is_(True))
        if self.actor:
            where.append(exists().where(FM.c.fact_id == F.c.id, _contains(FM.c.actor, self.actor)))
        if self.by_article:
            chosen = select(A.c.id).where(self.article())
            where.append(exists().where(FM.c.fact_id == F.c.id, FM.c.article_id.in_(chosen)))
        return and_(true(), *where)


def count_articles(conn: Connection, f: Filters) -> int:
    return int(conn.scalar(select(func.count()).select_from(A).where(f.article())) or 0)


def count_facts(conn: Connection, f: Filters) -> int:
    return int(conn.scalar(select(func.count()).select_from(F).where(f.fact())) or 0)


def article_pages(conn: Connection, f: Filters, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """The chosen articles' rows (every column but the text), oldest stored first, a page at a time."""
    cols = [c for c in A.c if c.name != "text"]
    stmt = select(*cols).where(f.article()).order_by(A.c.added_at, A.c.id)
    yield from _keyset(conn, stmt, (A.c.added_at, A.c.id), ("added_at", "id"), size)


def fact_pages(conn: Connection, f: Filters, size: int = PAGE) -> Iterator[list[dict[str, Any]]]:
    """The chosen facts' rows by id, ``sources`` decoded to a list, a page at a time."""
    stmt = select(F).where(f.fact()).order_by(F.c.id)
    for page in _keyset(conn, stmt, (F.c.id,), ("id",), size):
        for r in page:
            r["sources"] = _names(r)
            r["contested"] = bool(r["contested"])
        yield page


def _names(row: dict[str, Any]) -> list[str]:
    try:
        found = json.loads(row["sources"])
        if isinstance(found, list) and all(isinstance(x, str) for x in found):
            return found
    except (TypeError, ValueError):
        pass
    damaged(f"fact {row['id']}: sources {str(row['sources'])[:40]!r} are not a list of names")
    return []


def _keyset(conn: Connection, stmt: Select[Any], cols: tuple[Any, ...], keys: tuple[str, ...],
            size: int) -> Iterator[list[dict[str, Any]]]:
    last: tuple[Any, ...] | None = None
    while True:
        page_stmt = stmt if last is None else stmt.where(tuple_(*cols) > tuple_(*last))
        page = [dict(r) for r in conn.execute(page_stmt.limit(size)).mappings()]
        if not page:
            return
        yield page
        if len(page) < size:
            return
        last = tuple(page[-1][k] for k in keys)
