"""What link/ decided, persisted; and the lookups the linker needs, answered from the ledger.

Why a ``View`` and not the ``Ledger``: the linker runs *inside* the write transaction that
stores the article (``Ledger.add(analysis, link=...)``), so an article and its links are
committed together or not at all. It must therefore read through that transaction's
connection, and must not be able to write: ``View`` offers only the five questions the
linker asks (copy candidates by MinHash band or URL, facts by blocking key and date
window, the links and origins already decided), each returning ``model`` records.
link/ knows no SQL; store/ knows no linking rule.

Why chunks: SQLite refuses statements with more than 32766 bound variables (999 before
3.32), and a popular blocking key list or band set can come close; every ``IN`` list
here is sent ``CHUNK`` values at a time.

The record <-> row mapping for the link tables lives here, beside the only code that
writes them, the way rows.py keeps it for the per-article records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar, get_args

from sqlalchemy import Connection, Delete, Select, Table, bindparam, delete, func, or_, select, update

from claimledger.errors import StoreError
from claimledger.model import (
    APPROXES,
    Analysis,
    Article,
    Copy,
    Fact,
    FactKind,
    FactLink,
    FactMention,
    LinkKind,
    LinkPlan,
    MentionKind,
    Origin,
)
from claimledger.store import dialect, rows
from claimledger.store.schema import LINK_TABLES, copies, copy_bands, fact_keys, fact_links, fact_mentions, facts
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import origins as O
from claimledger.version import pipeline_version

CHUNK = 500
"""Values per ``IN (...)`` list: far below SQLite's bound-variable limit."""

FACT_KINDS: frozenset[str] = frozenset(get_args(FactKind))
LINK_KINDS: frozenset[str] = frozenset(get_args(LinkKind))
MENTION_KINDS: frozenset[str] = frozenset(get_args(MentionKind))

Linker = Callable[["View", Analysis], LinkPlan]
"""What ``Ledger.add``/``link_pending`` call: the linker, given the view and the stored analysis."""
LinkProgress = Callable[[int, int, str], None]
"""Called after each article is linked: (done, total, article id)."""

_T = TypeVar("_T")
Row = dict[str, Any]


COPY_CANDIDATES = 50
"""At most this many stored originals, those sharing most bands, are verified as a new article's original."""
MENTIONS_PER_FACT = 64
"""The latest mentions of a candidate fact the linker compares a new article with."""


def chunks(items: Iterable[_T], size: int = CHUNK) -> Iterator[list[_T]]:
    """``items`` in lists of at most ``size``, duplicates dropped, order kept."""
    batch: list[_T] = []
    for item in dict.fromkeys(items):
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- records <-> rows ------------------------------------------------------------------------


def fact_row(f: Fact) -> Row:
    return {
        "id": f.id, "kind": f.kind, "variable": f.variable, "label": f.label, "date": f.date,
        "value": f.value, "value_max": f.value_max, "approx": f.approx, "unit": f.unit, "lang": f.lang,
        "sources": json.dumps(list(f.sources), ensure_ascii=False), "independent": f.independent,
        "grade": f.grade, "mentions": f.mentions, "articles": f.articles, "contested": bool(f.contested),
    }


def fact_from(r: Mapping[Any, Any]) -> Fact:
    return Fact(
        id=r["id"], kind=r["kind"], label=r["label"], date=r["date"], variable=r["variable"],
        value=r["value"], value_max=r["value_max"], approx=r["approx"], unit=r["unit"], lang=r["lang"],
        sources=tuple(json.loads(r["sources"])), independent=r["independent"], grade=r["grade"],
        mentions=r["mentions"], articles=r["articles"], contested=bool(r["contested"]),
    )


def mention_row(m: FactMention) -> Row:
    return {
        "fact_id": m.fact_id, "article_id": m.article_id, "record_id": m.record_id, "kind": m.kind,
        "date": m.date, "text": m.text, "actor": m.actor, "value": m.value, "value_max": m.value_max,
        "approx": m.approx, "score": float(m.score), "reason": m.reason,
        "features": json.dumps({k: list(v) for k, v in m.features}, ensure_ascii=False, sort_keys=True),
    }


def mention_from(r: Mapping[Any, Any]) -> FactMention:
    return FactMention(
        fact_id=r["fact_id"], article_id=r["article_id"], record_id=r["record_id"], kind=r["kind"],
        date=r["date"], text=r["text"], actor=r["actor"], value=r["value"], value_max=r["value_max"],
        approx=r["approx"], score=r["score"], reason=r["reason"], features=_features(r.get("features")),
    )


@lru_cache(maxsize=65536)
def _features(raw: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A mention's stored features; none for a row the linker will not compare (bad or missing JSON)."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple((str(k), tuple(str(x) for x in v)) for k, v in sorted(data.items()) if isinstance(v, list))


def link_from(r: Mapping[Any, Any]) -> FactLink:
    return FactLink(a=r["a"], b=r["b"], kind=r["kind"], reason=r["reason"])


def origin_from(r: Mapping[Any, Any]) -> Origin:
    return Origin(article_id=r["article_id"], attribution_id=r["attribution_id"], actor=r["actor"],
                  speaker=r["speaker"], rule=r["rule"], words=r["words"])


def copy_from(r: Mapping[Any, Any]) -> Copy:
    return Copy(article_id=r["article_id"], original_id=r["original_id"], method=r["method"],
                score=r["score"], credit=r["credit"], reason=r["reason"])


# -- what the linker may ask -----------------------------------------------------------------


@lru_cache(maxsize=16)
def _query(name: str) -> Select[Any]:
    """The linker's questions, each built once with its values bound (``:ids`` an expanding list).

    Why: building a statement and hashing it into SQLAlchemy's cache key cost more than SQLite
    took to answer it; a statement built once is found in that cache by its own memoised key.
    The SQL sent is the one a statement built each time renders, so the same rows come back.
    """
    ids: Any = bindparam("ids", expanding=True)
    lo: Any = bindparam("lo")
    hi: Any = bindparam("hi")
    m = fact_mentions.c
    if name == "bands":
        return select(copy_bands.c.article_id, func.count()).where(copy_bands.c.band.in_(ids)).group_by(
            copy_bands.c.article_id)
    if name in ("originals", "originals_dated"):
        stmt = select(A).where(A.c.id.in_(ids), A.c.copy_of.is_(None))
        return stmt if name == "originals" else stmt.where(or_(A.c.published.is_(None), A.c.published.between(lo, hi)))
    if name == "keyed":
        k = fact_keys.c
        return select(k.fact_id).where(k.key.in_(ids), k.date >= lo, k.date <= hi)
    if name == "facts":
        return select(facts).where(facts.c.id.in_(ids))
    if name == "mentions":
        latest = func.row_number().over(
            partition_by=m.fact_id, order_by=(m.date.desc(), m.article_id.desc(), m.kind, m.record_id)
        ).label("latest")
        ranked = select(fact_mentions, latest).where(m.fact_id.in_(ids)).subquery()
        return (select(ranked).where(ranked.c.latest <= MENTIONS_PER_FACT)
                .order_by(ranked.c.date, ranked.c.article_id, ranked.c.kind, ranked.c.record_id))
    if name == "links":
        both: Any = bindparam("ids_b", expanding=True)
        return select(fact_links).where(or_(fact_links.c.a.in_(ids), fact_links.c.b.in_(both)))
    if name == "relays":
        return (select(O.c.speaker, O.c.actor, func.count())
                .where(O.c.speaker.in_(ids), O.c.rule.in_(bindparam("rules", expanding=True)), O.c.actor.is_not(None))
                .group_by(O.c.speaker, O.c.actor))
    raise KeyError(name)


class View:
    """What the linker may ask the ledger, bound to the connection of the current write transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _articles(self, ids: Iterable[str]) -> list[Article]:
        found: list[Article] = []
        for batch in chunks(ids):
            stmt = select(A).where(A.c.id.in_(batch))
            found += [rows.article_from(r) for r in self._conn.execute(stmt).mappings()]
        return sorted(found, key=lambda a: (a.published or "", a.id))

    def copy_candidates(self, bands: Sequence[str], exclude: str, date_lo: str | None = None,
                        date_hi: str | None = None, limit: int = COPY_CANDIDATES) -> list[Article]:
        """Originals (articles that are no copy) sharing a MinHash band with ``bands``, most bands
        first, at most ``limit``, published within ``[date_lo, date_hi]`` when given (undated
        articles always qualify), except ``exclude``.

        Copies are left out because a copy is verified against its original: however many
        outlets ran one wire story, a new article meets it once, so the cost stays flat as
        the ledger grows.
        """
        shared: dict[str, int] = {}
        for batch in chunks(bands):
            for aid, n in self._conn.execute(_query("bands"), {"ids": batch}):
                shared[aid] = shared.get(aid, 0) + int(n)
        shared.pop(exclude, None)
        ranked = sorted(shared, key=lambda a: (-shared[a], a))
        out: list[Article] = []
        dated = bool(date_lo and date_hi)
        for batch in chunks(ranked):
            values = {"ids": batch, "lo": date_lo, "hi": f"{date_hi}~"} if dated else {"ids": batch}
            stmt = _query("originals_dated" if dated else "originals")
            found = {r["id"]: rows.article_from(r) for r in self._conn.execute(stmt, values).mappings()}
            out += [found[a] for a in batch if a in found]
            if len(out) >= limit:
                break
        return sorted(out[:limit], key=lambda a: (a.published or "", a.id))

    def by_url(self, url: str, exclude: str) -> list[Article]:
        """Stored articles whose canonical URL or URL is ``url`` (a re-fetched or re-edited page)."""
        if not url:
            return []
        stmt = select(A.c.id).where(or_(A.c.canonical_url == url, A.c.url == url), A.c.id != exclude)
        return self._articles(self._conn.scalars(stmt))

    def copy_of(self, article_id: str) -> Copy | None:
        """The stored copy decision for an article, if it is a copy (to follow a copy to its original)."""
        r = self._conn.execute(select(copies).where(copies.c.article_id == article_id)).mappings().first()
        return None if r is None else copy_from(r)

    def facts_by_keys(self, keys: Sequence[str], date_lo: str, date_hi: str) -> list[tuple[Fact, list[FactMention]]]:
        """Every fact filed under one of ``keys`` with a date in ``[date_lo, date_hi]``, with its latest
        ``MENTIONS_PER_FACT`` mentions (all of them for most facts), oldest first.

        A fact that half the archive repeats would otherwise cost every new article all its
        mentions; its stored counts and sources stand for the rest (``Fact.mentions``,
        ``Fact.sources``). Dates are ISO strings, compared as strings. Facts come once each,
        oldest date first.
        """
        ids: dict[str, None] = {}
        for batch in chunks(keys):
            ids.update(dict.fromkeys(self._conn.scalars(_query("keyed"), {"ids": batch, "lo": date_lo, "hi": date_hi})))
        found: list[Fact] = []
        by_fact: dict[str, list[FactMention]] = {i: [] for i in ids}
        for batch in chunks(ids):
            found += [fact_from(r) for r in self._conn.execute(_query("facts"), {"ids": batch}).mappings()]
            for r in self._conn.execute(_query("mentions"), {"ids": batch}).mappings():
                by_fact[r["fact_id"]].append(mention_from(r))
        found.sort(key=lambda f: (f.date, f.id))
        return [(f, by_fact[f.id]) for f in found]

    def links_of(self, fact_ids: Sequence[str]) -> list[FactLink]:
        """Every link with one of ``fact_ids`` at either end, once each."""
        found: dict[tuple[str, str, str], FactLink] = {}
        for batch in chunks(fact_ids):
            for r in self._conn.execute(_query("links"), {"ids": batch, "ids_b": batch}).mappings():
                found[(r["a"], r["b"], r["kind"])] = link_from(r)
        return [found[k] for k in sorted(found)]

    def relays_by(self, speakers: Sequence[str], rules: Sequence[str]) -> dict[str, str]:
        """For each named person among ``speakers``: the body they were found relaying (by one of
        the linker's ``rules``: a briefing, a citation) most often in the articles stored, if any."""
        if not speakers:
            return {}
        tally: dict[str, dict[str, int]] = {}
        for batch in chunks(list(speakers)):
            for speaker, actor, n in self._conn.execute(_query("relays"), {"ids": batch, "rules": list(rules)}):
                tally.setdefault(speaker, {})[actor] = int(n)
        return {s: min(by.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, by in tally.items()}

    def origins_of(self, article_id: str) -> list[Origin]:
        """The originating actors decided for one article's attributions, in text order."""
        stmt = (
            select(O)
            .outerjoin(T, (T.c.article_id == O.c.article_id) & (T.c.id == O.c.attribution_id))
            .where(O.c.article_id == article_id)
            .order_by(T.c.seq, O.c.attribution_id)
        )
        return [origin_from(r) for r in self._conn.execute(stmt).mappings()]


# -- writing ---------------------------------------------------------------------------------


def _check(conn: Connection, plan: LinkPlan) -> str | None:
    """Refuse a plan that does not fit the ledger, with one line naming what is wrong; else the
    article's stored publication date (its origins carry it), read by the same query."""
    aid = plan.article_id
    where = f"links of article {aid[:12]}"
    stored = conn.execute(_article_statement("published"), {"aid": aid}).first()
    if stored is None:
        raise StoreError(f"{where}: the article is not in the ledger")
    if plan.copy is not None and (plan.copy.article_id != aid or plan.copy.original_id == aid):
        raise StoreError(f"{where}: copy record {plan.copy.article_id[:12]} -> {plan.copy.original_id[:12]} "
                         "does not fit the article")
    for o in plan.origins:
        if o.article_id != aid:
            raise StoreError(f"{where}: origin of attribution {o.attribution_id} belongs to {o.article_id[:12]}")
    for f in plan.facts:
        if f.kind not in FACT_KINDS or (f.approx is not None and f.approx not in APPROXES):
            raise StoreError(f"{where}: fact {f.id} has unknown kind {f.kind!r} or approx {f.approx!r}")
    for m in plan.mentions:
        if m.kind not in MENTION_KINDS:
            raise StoreError(f"{where}: mention {m.record_id} has unknown kind {m.kind!r}")
    for link in plan.links:
        if link.kind not in LINK_KINDS:
            raise StoreError(f"{where}: link {link.a} -> {link.b} has unknown kind {link.kind!r}")
    published: str | None = stored.published
    return published


@lru_cache(maxsize=4)
def _article_statement(name: str) -> Any:
    """The article-row statements of ``save_links``, built once with ``:aid`` (and the values) bound,
    as ``_query`` builds the linker's questions: ``published`` reads the row, ``linked`` and
    ``copied`` mark it linked (``copied`` also a copy's ``copy_of``/``copy_reason``). The SQL sent
    is the one a statement built each article renders, with the same values."""
    if name == "published":
        return select(A.c.id, A.c.published).where(A.c.id == bindparam("aid"))
    values: dict[str, Any] = {"linked_at": bindparam("at")}
    if name == "copied":
        values |= {"copy_of": bindparam("original"), "copy_reason": bindparam("why")}
    return update(A).where(A.c.id == bindparam("aid")).values(**values)


@lru_cache(maxsize=8)
def _delete_article_rows(table: Table) -> Delete:
    """``DELETE FROM table WHERE article_id = :aid``, built once: SQLAlchemy then finds its compiled
    form by the statement's own cache key, not by building and hashing a new statement each article."""
    return delete(table).where(table.c.article_id == bindparam("aid"))


def save_links(conn: Connection, plan: LinkPlan, linked_at: str, pipeline: str | None = None) -> None:
    """Write what linking one article decided, inside the caller's transaction.

    The article's own rows (copy, bands, origins) replace any it had; facts are upserted
    (the plan carries each touched fact's new counts and grade); mentions replace a stored
    mention of the same record; keys and links already stored are kept as they are.
    Finally ``articles.linked_at`` marks the article as linked, and a copy also sets the
    article's ``copy_of``/``copy_reason`` (what ``articles`` and exports show). Every decision row
    is stamped with ``pipeline`` (by default this process's ``pipeline_version()``): the linker
    that made it, which after a ``relink`` may be newer than the one that analysed the article.
    """
    stored_published = _check(conn, plan)
    aid = plan.article_id
    run = pipeline_version() if pipeline is None else pipeline
    for table in (copies, copy_bands, O):
        conn.execute(_delete_article_rows(table), {"aid": aid})
    copy_of: dict[str, Any] = {}
    if plan.copy is not None:
        c = plan.copy
        conn.execute(copies.insert(), [{"article_id": aid, "original_id": c.original_id, "method": c.method,
                                        "score": float(c.score), "credit": c.credit, "reason": c.reason,
                                        "pipeline": run}])
        copy_of = {"original": c.original_id, "why": c.reason}
    if plan.copy is None:  # only originals are ever candidates: a copy's bands would only be scanned
        dialect.upsert(conn, copy_bands, [{"band": b, "article_id": aid} for b in plan.bands], replace=False)
    published = stored_published if plan.origins else None
    dialect.upsert(conn, O, [
        {"article_id": aid, "attribution_id": o.attribution_id, "actor": o.actor, "speaker": o.speaker,
         "rule": o.rule, "words": o.words, "published": published, "pipeline": run}
        for o in plan.origins
    ], replace=True)
    dialect.upsert(conn, facts, [fact_row(f) | {"pipeline": run} for f in plan.facts], replace=True)
    dialect.upsert(conn, fact_mentions, [mention_row(m) | {"pipeline": run} for m in plan.mentions], replace=True)
    dialect.upsert(conn, fact_keys, [{"key": k, "fact_id": f, "date": d} for k, f, d in plan.keys], replace=False)
    dialect.upsert(conn, fact_links, [{"a": x.a, "b": x.b, "kind": x.kind, "reason": x.reason, "pipeline": run}
                                      for x in plan.links], replace=False)
    conn.execute(_article_statement("copied" if copy_of else "linked"), {"aid": aid, "at": linked_at, **copy_of})


def clear_links(conn: Connection) -> None:
    """Forget every link decision (for ``relink``): the link tables emptied, every article unlinked."""
    for table in LINK_TABLES:
        conn.execute(delete(table))
    conn.execute(update(A).values(copy_of=None, copy_reason=None, linked_at=None))


def unlinked(conn: Connection) -> list[str]:
    """Ids of the articles not linked yet, earliest published first (undated last), then as stored.

    That order lets an original be linked before the copies that name it, and a first
    report of a figure before its revisions.
    """
    stmt = select(A.c.id).where(A.c.linked_at.is_(None)).order_by(
        A.c.published.asc().nulls_last(), A.c.added_at, A.c.id
    )
    return list(conn.scalars(stmt))
