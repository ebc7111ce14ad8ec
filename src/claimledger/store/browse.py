"""The reads a browser needs: an overview, a page of claims at a time, one article with its marks.

Why a module of its own: ``queries`` and ``factqueries`` answer the CLI's questions (a list,
up to a limit); a web page needs a *stable page* of a filtered list (keyset pagination: the
next page starts after the last row shown, so rows added meanwhile never shift or repeat a
page), full-text search over the claims' words (FTS5 on SQLite, ``tsvector`` on PostgreSQL,
migration 0005), and an article with every span the page marks. Plain dicts, as everywhere
in the store, so the HTML and the JSON of one URL are the same data.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections import defaultdict
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
)

from claimledger.errors import UsageError
from claimledger.store import factqueries, queries
from claimledger.store.names import named, written_names
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import copies as C
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import facts as F
from claimledger.store.schema import origins as O

PAGE_MAX = 200
"""The most rows one page may ask for."""
_SEARCH_WORD = re.compile(r"\w+")


def overview(conn: Connection, *, newest: int = 10, contested: int = 10) -> dict[str, Any]:
    """Counts per language (articles, claims, actors, facts, contested facts), the newest
    articles and the most mentioned contested facts."""
    per: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(
        ("articles", "claims", "actors", "facts", "contested"), 0))
    for lang, n in conn.execute(select(A.c.lang, func.count()).group_by(A.c.lang)):
        per[lang]["articles"] = n
    for lang, n in conn.execute(select(A.c.lang, func.count()).join(T, T.c.article_id == A.c.id).group_by(A.c.lang)):
        per[lang]["claims"] = n
    actors = select(A.c.lang, func.count(O.c.actor.distinct())).join(O, O.c.article_id == A.c.id)
    for lang, n in conn.execute(actors.where(O.c.actor.is_not(None)).group_by(A.c.lang)):
        per[lang]["actors"] = n
    hot = func.sum(case((F.c.contested.is_(True), 1), else_=0))
    for lang, n, n_hot in conn.execute(select(F.c.lang, func.count(), hot).group_by(F.c.lang)):
        per[lang]["facts"] = n
        per[lang]["contested"] = int(n_hot or 0)
    return {
        "languages": {k: per[k] for k in sorted(per)},
        "newest": queries.articles(conn, limit=newest),
        "contested": factqueries.facts(conn, contested=True, limit=contested),
    }


def claims_page(
    conn: Connection,
    *,
    q: str | None = None,
    actor: str | None = None,
    certainty: str | None = None,
    lang: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    after: str | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    """One page of claims: ``rows`` (the keys of ``queries.claims`` plus ``actor``, the
    originating actor) and ``next``, the cursor of the page after it (None on the last page).

    Newest stored article first, then text order; a search on SQLite lists the claims most
    recently indexed first (the order the index keeps, so a page of a common word is read
    straight off it). ``q`` is words to find (all of them, the last also as a prefix) in the
    source, cue or content; ``actor`` the originating actor (its exact name, else words of
    it); ``since``/``until`` bound the publication date (ISO, inclusive); ``after`` a cursor
    from an earlier page of the same question.
    """
    if not 1 <= limit <= PAGE_MAX:
        raise UsageError(f"a page holds 1 to {PAGE_MAX} claims, not {limit}")
    if certainty:
        queries.check_certainties([certainty])
    stmt = (
        select(T.c.id, T.c.article_id, T.c.seq, T.c.source_text.label("source"), T.c.cue_text.label("cue"),
               T.c.content_text.label("content"), T.c.certainty, T.c.anonymous, T.c.source_kind, T.c.confidence,
               A.c.lang, A.c.title, A.c.outlet, A.c.published, A.c.url, A.c.added_at, O.c.actor)
        .join(A, A.c.id == T.c.article_id)
        .outerjoin(O, and_(O.c.article_id == T.c.article_id, O.c.attribution_id == T.c.id))
    )
    if certainty:
        stmt = stmt.where(_scanned(conn, T.c.certainty) == certainty)
    if lang:
        stmt = stmt.where(_scanned(conn, A.c.lang) == lang.lower())
    if outlet:
        stmt = stmt.where(func.lower(A.c.outlet).contains(outlet.lower(), autoescape=True))
    if since:
        stmt = stmt.where(A.c.published >= since)
    if until:
        stmt = stmt.where(A.c.published <= until + "\uffff")  # the whole day, whatever time follows
    if actor:
        stmt = _by_actor(conn, stmt, actor)
    words = _SEARCH_WORD.findall(q or "")
    if q and q.strip() and not words:
        return {"rows": [], "next": None, "limit": limit}  # only punctuation: nothing to find
    if words and conn.dialect.name == "sqlite":
        return _searched(conn, stmt, words, after, limit)
    if words and conn.dialect.name == "postgresql" and _rare(conn, words):
        # few matches: find them all through the GIN index first, then sort them (the walk below
        # would test every claim of the ledger against a word that is nowhere)
        hits = select(T.c.article_id, T.c.id).where(_matches(conn, words)).cte("hits").prefix_with("MATERIALIZED")
        stmt = stmt.join(hits, and_(hits.c.article_id == T.c.article_id, hits.c.id == T.c.id))
    elif words:  # many matches (or no index): newest first, each claim tested until a page is full
        stmt = stmt.where(_matches(conn, words))
    stmt = stmt.order_by(A.c.added_at.desc(), A.c.id, T.c.seq)
    if after:
        added, article_id, seq = _cursor(after)
        stmt = stmt.where(or_(A.c.added_at < added, and_(A.c.added_at == added,
                                                          tuple_(A.c.id, T.c.seq) > tuple_(article_id, seq))))
    rows, more = _page(conn, stmt, limit)
    last = rows[-1] if rows and more else None
    return {"rows": rows, "next": _encode([last["added_at"], last["article_id"], last["seq"]]) if last else None,
            "limit": limit}


RARE, FEW = 2000, 1000
"""Fewer matches than these (a word's on PostgreSQL, an actor's), and a query collects them all
through an index before sorting them; more, and it walks the newest articles and stops after a
page (testing a claim's stored ``tsvector`` or its actor costs little; sorting thousands of
claims with their articles does not). Measured at 900k claims by ``bench_store.py``."""


def _rare(conn: Connection, words: list[str]) -> bool:
    """Whether fewer than ``RARE`` claims hold the words (counted off the GIN index, at most ``RARE``)."""
    few = select(T.c.id).where(_matches(conn, words)).limit(RARE).subquery()
    return int(conn.scalar(select(func.count()).select_from(few)) or 0) < RARE


def _by_actor(conn: Connection, stmt: Select[Any], actor: str) -> Select[Any]:
    """``stmt`` narrowed to one originating actor: its exact stored name when there is one, else
    words of a name. With the exact name, the claims that pass every filter are counted through
    the actor's index (at most ``FEW``): few, and they are collected and sorted; many, and the
    plan walks the newest articles instead (an agency behind a tenth of the ledger)."""
    if not factqueries.is_actor(conn, actor):
        return stmt.where(func.lower(O.c.actor).contains(actor.lower(), autoescape=True))
    indexed = stmt.where(O.c.actor == actor)
    n = int(conn.scalar(select(func.count()).select_from(indexed.with_only_columns(T.c.id).limit(FEW)
                                                          .subquery())) or 0)
    return stmt.where(_scanned(conn, O.c.actor) == actor) if n >= FEW else indexed


def _scanned(conn: Connection, col: ColumnElement[Any]) -> ColumnElement[Any]:
    """A filter column the plan should test row by row while it reads the newest articles first.

    A certainty or a language holds a large share of all claims, so the fast plan walks
    ``articles.added_at`` backwards and stops after a page. SQLite's planner would rather use
    the filter column's own index and then sort every match, so there the column is wrapped
    (``coalesce``: same value, no index); PostgreSQL's statistics choose the walk themselves,
    and a wrapped column would only blind them.
    """
    return func.coalesce(col, "") if conn.dialect.name == "sqlite" else col


_PG_WORDS: ColumnElement[Any] = literal_column("attributions.words_tsv")
"""The claim's words as a ``tsvector``: the stored column migration 0005 adds on PostgreSQL
(GIN-indexed, and cheap to test row by row when a search walks the newest claims)."""

_FTS = table("claims_fts", column("rowid"), column("article_id"), column("id"))


def _searched(conn: Connection, stmt: Select[Any], words: list[str], after: str | None, limit: int) -> dict[str, Any]:
    """A search on SQLite: the FTS5 index drives, newest indexed first, its rowid the cursor."""
    match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
    hits = (select(_FTS.c.rowid.label("hit"), _FTS.c.article_id, _FTS.c.id)
            .where(text("claims_fts MATCH :match").bindparams(match=match.strip())))
    if after:
        hits = hits.where(_FTS.c.rowid < _search_cursor(after))
    found = hits.order_by(_FTS.c.rowid.desc()).subquery()
    stmt = stmt.add_columns(found.c.hit).join(found, and_(found.c.article_id == T.c.article_id,
                                                          found.c.id == T.c.id)).order_by(found.c.hit.desc())
    rows, more = _page(conn, stmt, limit)
    rowids = [r.pop("hit") for r in rows]
    return {"rows": rows, "next": _encode(["s", rowids[-1]]) if rows and more else None, "limit": limit}


def _page(conn: Connection, stmt: Select[Any], limit: int) -> tuple[list[dict[str, Any]], bool]:
    found = [dict(r) for r in conn.execute(stmt.limit(limit + 1)).mappings()]
    for r in found:
        r["anonymous"] = bool(r["anonymous"])
    return named(conn, found[:limit], "actor", "actor_name"), len(found) > limit


def _matches(conn: Connection, words: list[str]) -> ColumnElement[bool]:
    """Claims holding every word (the last also as a prefix): on PostgreSQL through the stored
    ``tsvector`` column of migration 0005 and its GIN index, elsewhere by substring.

    The user's words never reach a query language as syntax: only runs of word characters
    are kept, so ``"``, ``*``, ``NEAR``, ``OR`` or ``-`` in a search box are not operators.
    """
    if conn.dialect.name == "postgresql":
        query = " & ".join(words[:-1] + [words[-1] + ":*"])
        return _PG_WORDS.op("@@")(func.to_tsquery(literal_column("'simple'"), query))
    return and_(*(func.lower(T.c.content_text).contains(w.lower(), autoescape=True) for w in words))


def _encode(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _decode(token: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, TypeError, binascii.Error):
        return None


_NOT_OURS = "not a page cursor from this ledger and question (start again from the first page)"


def _cursor(token: str) -> tuple[str, str, int]:
    """A listing's cursor back into its key; anything else is a one-line ``UsageError``."""
    key = _decode(token)
    if isinstance(key, list) and len(key) == 3 and isinstance(key[0], str) and isinstance(key[1], str) \
            and isinstance(key[2], int):
        return key[0], key[1], key[2]
    raise UsageError(_NOT_OURS)


def _search_cursor(token: str) -> int:
    """A search's cursor: the index row the page before ended on."""
    key = _decode(token)
    if isinstance(key, list) and len(key) == 2 and key[0] == "s" and isinstance(key[1], int):
        return key[1]
    raise UsageError(_NOT_OURS)


def article_view(conn: Connection, id_or_prefix: str) -> dict[str, Any]:
    """One article for reading: ``article`` (metadata and text), ``attributions`` (spans,
    certainty, originating ``actor``, ``via``), ``quantities`` (span, value, unit and the
    ``fact`` it belongs to), ``copy`` (the decision that made it a copy, or None) and
    ``copies`` (the articles judged copies of it, with method, score and reason)."""
    article_id = queries.resolve(conn, id_or_prefix)
    analysis = queries.analysis(conn, article_id)
    art = analysis.article
    actors = dict(conn.execute(select(O.c.attribution_id, O.c.actor).where(O.c.article_id == article_id)).all())
    facts = {(k, r): f for k, r, f in conn.execute(
        select(FM.c.kind, FM.c.record_id, FM.c.fact_id).where(FM.c.article_id == article_id))}
    meta = conn.execute(select(A.c.published, A.c.outlet, A.c.url, A.c.added_at, A.c.copy_of)
                        .where(A.c.id == article_id)).mappings().one()
    spans = [
        {"id": a.id, "source": _span(a.source), "cue": _span(a.cue), "content": _span(a.content),
         "certainty": a.certainty, "anonymous": a.anonymous, "via": a.via, "actor": actors.get(a.id),
         "source_text": a.source.of(art.text) if a.source else None, "fact": facts.get(("a", a.id))}
        for a in analysis.attributions
    ]
    figures = [
        {"id": q.id, "span": _span(q.span), "text": q.span.of(art.text), "value": q.value, "value_max": q.value_max,
         "approx": q.approx, "unit": q.unit, "fact": facts.get(("q", q.id))}
        for q in analysis.quantities
    ]
    copy = conn.execute(select(C).where(C.c.article_id == article_id)).mappings().first()
    copies = conn.execute(select(C, A.c.title, A.c.outlet).join(A, A.c.id == C.c.article_id)
                          .where(C.c.original_id == article_id).order_by(C.c.article_id)).mappings().all()
    return {
        "article": {"id": art.id, "lang": art.lang, "title": art.title, "text": art.text, **dict(meta)},
        "attributions": named(conn, spans, "actor", "actor_name"),
        "quantities": figures,
        "copy": dict(copy) if copy else None,
        "copies": [dict(c) for c in copies],
    }


def _span(span: Any) -> list[int] | None:
    return [span.start, span.end] if span is not None else None



def actor_view(conn: Connection, name: str, *, limit: int) -> dict[str, Any]:
    """An actor's page: ``actor`` (its stored name), ``total`` claims, ``by_month`` (claims per
    month published) and ``claims``, the latest ``limit`` of them (keys of ``factqueries.actor``).

    Both are read off the (actor, published) index of ``origins``: an agency quoted in half
    the ledger is behind tens of thousands of claims, and only the latest get their words.
    """
    who = factqueries.resolve_actor(conn, name)
    month = func.substr(O.c.published, 1, 7)
    months = {str(m or "undated"): int(n) for m, n in conn.execute(
        select(month, func.count()).where(O.c.actor == who).group_by(month).order_by(month))}
    latest = conn.execute(select(O.c.article_id, O.c.attribution_id).where(O.c.actor == who)
                          .order_by(O.c.published.desc(), O.c.article_id.desc(), O.c.attribution_id.desc())
                          .limit(max(0, limit))).all()
    keys = [(r.article_id, r.attribution_id) for r in latest]
    return {"actor": who, "name": written_names(conn, [who]).get(who, who),
            "total": sum(months.values()), "by_month": months,
            "claims": factqueries.actor(conn, who, keys=keys) if keys else []}
