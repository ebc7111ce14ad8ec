"""The records of one page of articles or facts, each in one query, keyed as the query layer keys them.

Why its own module: every format (Parquet, ClaimReview, STIX, CSV) reads the same few joins
for a page of articles (claims with their originating actor, figures, mentions) or facts
(their mentions with the article each is in); the keys are those of ``queries.claims``,
``queries.quantities`` and ``factqueries.fact``, so an export can be checked against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, select

from claimledger.model import CERTAINTIES
from claimledger.store.exports.select import Filters
from claimledger.store.queries import damaged
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import copies as C
from claimledger.store.schema import fact_links as L
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import mentions as M
from claimledger.store.schema import origins as O
from claimledger.store.schema import quantities as Q


def claims(conn: Connection, article_ids: Sequence[str], f: Filters) -> list[dict[str, Any]]:
    """The passing claims of these articles, in article then text order, with ``queries.claims``'
    keys plus ``seq`` and ``actor`` (the originating actor, None before linking)."""
    stmt = (
        select(T.c.id, T.c.article_id, T.c.seq, T.c.source_text.label("source"), T.c.cue_text.label("cue"),
               T.c.content_text.label("content"), T.c.certainty, T.c.anonymous, T.c.source_kind, T.c.actor_id,
               T.c.via, T.c.confidence, T.c.rule, T.c.source_start, T.c.source_end, T.c.cue_start, T.c.cue_end,
               T.c.content_start, T.c.content_end, T.c.relayed_text.label("relayed"), T.c.relayed_start,
               T.c.relayed_end, A.c.lang, A.c.title, A.c.outlet, A.c.published, A.c.url,
               A.c.added_at, O.c.actor)
        .join(A, A.c.id == T.c.article_id)
        .outerjoin(O, and_(O.c.article_id == T.c.article_id, O.c.attribution_id == T.c.id))
        .where(T.c.article_id.in_(article_ids), f.claim())
        .order_by(A.c.added_at, A.c.id, T.c.seq)
    )
    out = []
    for r in conn.execute(stmt).mappings():
        if r["certainty"] not in CERTAINTIES:
            damaged(f"article {str(r['article_id'])[:12]}: attribution {r['id']} has unknown certainty")
            continue
        out.append({**r, "anonymous": bool(r["anonymous"])})
    return out


def quantities(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """These articles' figures with ``queries.quantities``' keys plus ``seq``."""
    stmt = (
        select(Q.c.id, Q.c.article_id, Q.c.seq, Q.c.text, Q.c.value, Q.c.value_max, Q.c.approx,
               Q.c.counted_text.label("counted"), Q.c.unit, Q.c.attribution_id, Q.c.start, Q.c.end,
               Q.c.counted_start, Q.c.counted_end, Q.c.unit_text, Q.c.unit_start, Q.c.unit_end, A.c.lang)
        .join(A, A.c.id == Q.c.article_id)
        .where(Q.c.article_id.in_(article_ids))
        .order_by(A.c.added_at, A.c.id, Q.c.seq)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def mentions(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """These articles' actor mentions: id, article_id, seq, text, label, actor_id, canonical, start, end."""
    stmt = (select(M.c.id, M.c.article_id, M.c.seq, M.c.text, M.c.label, M.c.actor_id, M.c.canonical, M.c.start,
                   M.c.end).join(A, A.c.id == M.c.article_id)
            .where(M.c.article_id.in_(article_ids)).order_by(A.c.added_at, A.c.id, M.c.seq))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def copies(conn: Connection, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The copy decisions about these articles (each a copy of ``original_id``)."""
    stmt = select(C).where(C.c.article_id.in_(article_ids)).order_by(C.c.article_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def fact_mentions(conn: Connection, fact_ids: Sequence[str]) -> list[dict[str, Any]]:
    """These facts' mentions with their article's url, title, outlet, published, lang and the
    attribution behind each (``attribution_id``: the claim, or the claim a figure belongs to);
    earliest published first within a fact."""
    fig = Q.alias("fig")
    stmt = (
        select(FM.c.fact_id, FM.c.article_id, FM.c.record_id, FM.c.kind, FM.c.date, FM.c.text, FM.c.actor,
               FM.c.value, FM.c.value_max, FM.c.approx, FM.c.score, FM.c.reason, A.c.url, A.c.title, A.c.outlet,
               A.c.published, A.c.lang, A.c.added_at, fig.c.attribution_id.label("figure_claim"))
        .join(A, A.c.id == FM.c.article_id)
        .outerjoin(fig, and_(FM.c.kind == "q", fig.c.article_id == FM.c.article_id, fig.c.id == FM.c.record_id))
        .where(FM.c.fact_id.in_(fact_ids))
        .order_by(FM.c.fact_id, A.c.published.asc().nulls_last(), FM.c.article_id, FM.c.kind, FM.c.record_id)
    )
    out = []
    for r in conn.execute(stmt).mappings():
        d = dict(r)
        claim = d.pop("figure_claim")
        d["attribution_id"] = d["record_id"] if d["kind"] == "a" else claim
        out.append(d)
    return out


def fact_links(conn: Connection, fact_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Contradictions, denials and revisions whose first fact (``a``) is one of these: a, b, kind, reason
    (each link once, on the page of its ``a``)."""
    stmt = select(L.c.a, L.c.b, L.c.kind, L.c.reason).where(L.c.a.in_(fact_ids)).order_by(L.c.a, L.c.b, L.c.kind)
    return [dict(r) for r in conn.execute(stmt).mappings()]
