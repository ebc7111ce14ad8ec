"""Reads over the cross-article ledger: facts, who originates claims, and how figures moved.

Pure functions over a ``Connection``, returning JSON-ready dicts, for the same reason as
queries.py: the CLI (through ``Ledger``), the web app and a ``.json`` endpoint must
answer with the same SQL. Nothing here writes.

Facts are named like articles, by id or unique id prefix; an unknown or ambiguous name
is a one-line ``StoreError`` that lists a few candidates. Article counts and
independent-source counts are kept apart in every row (users asked for both, and for
disagreement never to be averaged away): ``mentions``/``articles`` say how often a fact
was printed, ``sources``/``independent`` how many actors stand behind it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, or_, select, tuple_

from claimledger.errors import StoreError, UsageError
from claimledger.model import FULL_NAME_RULE, SURNAME_RULE
from claimledger.store.links import FACT_KINDS, chunks
from claimledger.store.names import named
from claimledger.store.queries import damaged
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import copies as C
from claimledger.store.schema import fact_links as L
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import facts as F
from claimledger.store.schema import origins as O
from claimledger.store.schema import quantities as Q

FACT_KEYS = ("id", "kind", "variable", "label", "value", "value_max", "approx", "unit", "date", "lang",
             "independent", "grade", "mentions", "articles")


def _contains(col: ColumnElement[Any], words: str) -> ColumnElement[bool]:
    return func.lower(col).contains(words.lower(), autoescape=True)


def _limit(stmt: Select[Any], limit: int | None) -> Select[Any]:
    return stmt if limit is None else stmt.limit(max(0, limit))


def _shown(names: list[str]) -> str:
    return ", ".join(repr(n[:40]) for n in names[:3]) + (", ..." if len(names) > 3 else "")


def resolve_fact(conn: Connection, id_or_prefix: str) -> str:
    """The one fact id that is, or starts with, ``id_or_prefix``; StoreError naming candidates otherwise."""
    key = id_or_prefix.strip()
    if not key:
        raise StoreError("no fact id given")
    found = _fact_prefix(conn, key)
    if not found:
        raise StoreError(f"no fact with id {key!r} in the ledger")
    if len(found) > 1:
        raise StoreError(f"fact id {key!r} is ambiguous: {', '.join(f[:12] for f in found[:3])}"
                         f"{', ...' if len(found) > 3 else ''}")
    return found[0]


def _fact_prefix(conn: Connection, key: str) -> list[str]:
    if conn.execute(select(F.c.id).where(F.c.id == key)).first():
        return [key]
    stmt = select(F.c.id).where(F.c.id.startswith(key, autoescape=True)).order_by(F.c.id).limit(4)
    return list(conn.scalars(stmt))


def _fact_dict(r: Any) -> dict[str, Any]:
    d = {k: r[k] for k in FACT_KEYS}
    try:
        sources = json.loads(r["sources"])
        if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
            raise ValueError("not a list of names")
    except (TypeError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        damaged(f"fact {r['id']}: sources {str(r['sources'])[:40]!r} ({exc})")
        sources = []
    d["sources"] = sources
    d["contested"] = bool(r["contested"])
    return d


def _langs(conn: Connection, fact_ids: Iterable[str]) -> dict[str, list[str]]:
    """The languages of the articles each fact is mentioned in, sorted."""
    out: dict[str, set[str]] = defaultdict(set)
    for batch in chunks(fact_ids):
        stmt = select(FM.c.fact_id, A.c.lang).join(A, A.c.id == FM.c.article_id).where(FM.c.fact_id.in_(batch))
        for fid, lang in conn.execute(stmt.distinct()):
            out[fid].add(lang)
    return {k: sorted(v) for k, v in out.items()}


def facts(
    conn: Connection,
    *,
    contested: bool = False,
    actor: str | None = None,
    lang: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Facts, most mentioned first (then by date), filtered.

    ``contested`` keeps facts a contradiction or denial touches; ``actor`` facts with a
    mention whose originating actor contains those words (case-insensitive); ``lang``
    facts mentioned in an article of that language; ``kind`` is ``quantity`` or ``claim``.
    Keys: id, kind, variable, label, value, value_max, approx, unit, date, lang, sources
    (list), source_names (the same as written), independent, grade, mentions, articles,
    contested, langs (list).
    """
    stmt = select(F).order_by(F.c.mentions.desc(), F.c.date, F.c.id)  # off ix_facts_mentions_date_id, sorted per count
    if contested:
        stmt = stmt.where(F.c.contested.is_(True))
    if kind:
        if kind not in FACT_KINDS:
            raise UsageError(f"unknown fact kind {kind!r} (one of {', '.join(sorted(FACT_KINDS))})")
        stmt = stmt.where(F.c.kind == kind)
    if actor:
        stmt = stmt.where(exists().where(FM.c.fact_id == F.c.id, _contains(FM.c.actor, actor)))
    if lang:
        in_lang = and_(FM.c.fact_id == F.c.id, A.c.id == FM.c.article_id, func.lower(A.c.lang) == lang.lower())
        stmt = stmt.where(exists().where(in_lang))
    found = [_fact_dict(r) for r in conn.execute(_limit(stmt, limit)).mappings()]
    langs = _langs(conn, (f["id"] for f in found))
    for f in found:
        f["langs"] = langs.get(f["id"], [])
    return named(conn, found, "sources", "source_names")


def fact(conn: Connection, id_or_prefix: str) -> dict[str, Any]:
    """One fact (keys as in ``facts``, its stored mention count as ``mention_count``) plus ``mentions`` and ``links``.

    ``mentions`` (a list here): article_id, title, outlet, published, lang, copy_of, kind (``q`` a
    quantity, ``a`` an attribution), record_id, date, text, start, end (the quantity's
    span, or the attribution's content), actor, actor_name (as written), value, value_max, approx, score, reason;
    earliest published first. ``links``: kind, direction (``out`` this fact is ``a``,
    ``in`` it is ``b``), other (the other fact's id), other_label, reason.
    """
    fid = resolve_fact(conn, id_or_prefix)
    row = conn.execute(select(F).where(F.c.id == fid)).mappings().one()
    out = _fact_dict(row)
    out["langs"] = _langs(conn, [fid]).get(fid, [])
    out["mention_count"] = out["mentions"]
    q_on = and_(FM.c.kind == "q", Q.c.article_id == FM.c.article_id, Q.c.id == FM.c.record_id)
    t_on = and_(FM.c.kind == "a", T.c.article_id == FM.c.article_id, T.c.id == FM.c.record_id)
    stmt = (
        select(FM, A.c.title, A.c.outlet, A.c.published, A.c.lang, A.c.copy_of,
               Q.c.start.label("q_start"), Q.c.end.label("q_end"), T.c.content_start, T.c.content_end)
        .join(A, A.c.id == FM.c.article_id)
        .outerjoin(Q, q_on)
        .outerjoin(T, t_on)
        .where(FM.c.fact_id == fid)
        .order_by(A.c.published.asc().nulls_last(), FM.c.article_id, FM.c.kind, FM.c.record_id)
    )
    out["mentions"] = []
    for r in conn.execute(stmt).mappings():
        q = r["kind"] == "q"
        out["mentions"].append({
            "article_id": r["article_id"], "title": r["title"], "outlet": r["outlet"],
            "published": r["published"], "lang": r["lang"], "copy_of": r["copy_of"], "kind": r["kind"],
            "record_id": r["record_id"], "date": r["date"], "text": r["text"],
            "start": r["q_start"] if q else r["content_start"], "end": r["q_end"] if q else r["content_end"],
            "actor": r["actor"], "value": r["value"], "value_max": r["value_max"], "approx": r["approx"],
            "score": r["score"], "reason": r["reason"],
        })
    out["links"] = []
    for direction, mine, other in (("out", L.c.a, L.c.b), ("in", L.c.b, L.c.a)):
        stmt = (select(L.c.kind, L.c.reason, other.label("other"), F.c.label.label("other_label"))
                .join(F, F.c.id == other).where(mine == fid).order_by(L.c.kind, other))
        out["links"] += [{"direction": direction, **r} for r in conn.execute(stmt).mappings()]
    named(conn, out["mentions"], "actor", "actor_name")
    return named(conn, [out], "sources", "source_names")[0]


def actors(conn: Connection, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Originating actors (copies and relays collapsed), most claims first.

    Keys: actor (the stored name, which every actor query takes), name (that name as the
    articles write it, ``written_names``), claims (attributions it is behind), by_lang ({lang: claims}), facts
    (distinct facts with a mention by it), kind (its most frequent source kind, or None; a
    *person* wherever a bare surname was read as the full name the article gives, rules
    ``full-name`` and ``surname``: a source's words alone cannot tell *Clinton said* from *Reuters said*).
    With ``lang``, only articles in that language count.
    """
    stmt = (
        select(O.c.actor, A.c.lang, T.c.source_kind, O.c.rule, func.count().label("n"))
        .join(A, A.c.id == O.c.article_id)
        .outerjoin(T, and_(T.c.article_id == O.c.article_id, T.c.id == O.c.attribution_id))
        .where(O.c.actor.is_not(None))
        .group_by(O.c.actor, A.c.lang, T.c.source_kind, O.c.rule)
    )
    fstmt = select(FM.c.actor, func.count(FM.c.fact_id.distinct())).where(FM.c.actor.is_not(None))
    if lang:
        stmt = stmt.where(func.lower(A.c.lang) == lang.lower())
        fstmt = fstmt.join(A, A.c.id == FM.c.article_id).where(func.lower(A.c.lang) == lang.lower())
    by_lang: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    people: set[str] = set()
    for name, art_lang, source_kind, rule, n in conn.execute(stmt):
        by_lang[name][art_lang] += n
        if rule in (FULL_NAME_RULE, SURNAME_RULE):
            people.add(name)
        if source_kind:
            kinds[name][source_kind] += n
    fact_counts = {name: int(n) for name, n in conn.execute(fstmt.group_by(FM.c.actor))}
    out: list[dict[str, Any]] = [
        {"actor": name, "claims": sum(langs.values()), "by_lang": dict(sorted(langs.items())),
         "facts": fact_counts.get(name, 0),
         "kind": "person" if name in people else (
             min(kinds[name].items(), key=lambda kv: (-kv[1], kv[0]))[0] if kinds[name] else None)}
        for name, langs in by_lang.items()
    ]
    out.sort(key=lambda d: (-d["claims"], d["actor"]))
    return named(conn, out if limit is None else out[: max(0, limit)], "actor", "name")


def is_actor(conn: Connection, name: str) -> bool:
    """Whether ``name`` is exactly a stored originating actor's name (one probe of its index)."""
    return conn.scalar(select(O.c.actor).where(O.c.actor == name).limit(1)) is not None


def resolve_actor(conn: Connection, name: str) -> str:
    """The stored actor name ``name`` means: equal ignoring case, else the one that contains it."""
    words = name.strip()
    if not words:
        raise StoreError("no actor name given")
    if is_actor(conn, words):
        return words  # the exact stored name, as every link gives it
    names = select(O.c.actor).where(O.c.actor.is_not(None)).distinct()
    equal = list(conn.scalars(names.where(func.lower(O.c.actor) == words.lower()).order_by(O.c.actor)))
    if len(equal) == 1:
        return str(equal[0])
    found = equal or list(conn.scalars(names.where(_contains(O.c.actor, words)).order_by(O.c.actor).limit(4)))
    if not found:
        raise StoreError(f"no originating actor {words!r} in the ledger")
    if len(found) > 1:
        raise StoreError(f"actor {words!r} is ambiguous: {_shown(found)}")
    return str(found[0])


def actor(conn: Connection, name: str, *, keys: Iterable[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """Every claim whose originating actor is ``name``, earliest published first.

    ``name`` matches ignoring case, else as the one actor containing it. Keys: actor,
    actor_name (as written), article_id, attribution_id, title, lang, published, outlet, speaker, source, cue,
    content, certainty, rule, words. With ``keys`` ((article id, attribution id) pairs): only those.
    """
    who = resolve_actor(conn, name)
    stmt = (
        select(O.c.actor, O.c.article_id, O.c.attribution_id, A.c.title, A.c.lang, A.c.published, A.c.outlet,
               O.c.speaker, T.c.source_text.label("source"), T.c.cue_text.label("cue"),
               T.c.content_text.label("content"), T.c.certainty, O.c.rule, O.c.words)
        .join(A, A.c.id == O.c.article_id)
        .outerjoin(T, and_(T.c.article_id == O.c.article_id, T.c.id == O.c.attribution_id))
    )
    if keys is None:
        stmt = stmt.where(O.c.actor == who)
    else:  # the keys were chosen among the actor's: found through the primary key's articles
        pairs = list(keys)
        stmt = stmt.where(O.c.article_id.in_(sorted({a for a, _ in pairs})),
                          tuple_(O.c.article_id, O.c.attribution_id).in_(pairs))
    stmt = stmt.order_by(A.c.published.asc().nulls_last(), A.c.added_at, O.c.article_id, T.c.seq)
    return named(conn, [dict(r) for r in conn.execute(stmt).mappings()], "actor", "actor_name")


def _resolve_variable(conn: Connection, target: str) -> str:
    """A history target as a variable: a fact id or prefix gives its variable, else variable words."""
    key = target.strip()
    if not key:
        raise StoreError("no fact id or variable given")
    variables = select(F.c.variable).where(F.c.variable.is_not(None)).distinct().order_by(F.c.variable)
    if conn.execute(variables.where(F.c.variable == key)).first():
        return key
    ids = _fact_prefix(conn, key)
    if len(ids) == 1:
        variable = conn.scalar(select(F.c.variable).where(F.c.id == ids[0]))
        if variable is None:
            raise StoreError(f"fact {ids[0][:12]} is a claim, not a figure: it has no history")
        return str(variable)
    found = list(conn.scalars(variables.where(_contains(F.c.variable, key)).limit(4)))
    if len(found) == 1:
        return str(found[0])
    if found:
        raise StoreError(f"variable {key!r} is ambiguous: {_shown(found)}")
    if ids:
        raise StoreError(f"fact id {key!r} is ambiguous: {', '.join(i[:12] for i in ids[:3])}")
    raise StoreError(f"no fact or variable {key!r} in the ledger")


def history(conn: Connection, target: str, *, days: int | None = None, near: int | None = None) -> dict[str, Any]:
    """The figures reported for one variable: one point per fact and originating source.

    ``target`` is a variable (exactly, else the one variable containing the words) or a
    fact id/prefix, which stands for its variable. A fact stated by two sources gives two
    points, so a revision by one source is not hidden by another's repeat; mentions with
    no originating actor give one point with ``source`` None. Point keys: date (the day
    the figure is about), reported (earliest publication of those mentions), source,
    value, value_max, approx (the source's own wording of the figure, else the fact's),
    unit, mentions, fact, label, denied (a denial link touches the fact), contested.
    Ordered by date, then value. With a fact as ``target``, a page's window on a long
    series: ``days``, only the variable's facts dated within that many days of the fact's;
    ``near``, at most that many facts on each side of its date (the nearest ones).
    """
    variable = _resolve_variable(conn, target)
    stmt = select(F).where(F.c.variable == variable)
    day = conn.scalar(select(F.c.date).where(F.c.id == target)) if days is not None or near is not None else None
    if day and days is not None:
        center = date.fromisoformat(str(day)[:10])
        stmt = stmt.where(F.c.date.between(str(center - timedelta(days=days)), str(center + timedelta(days=days))))
    if day and near is not None:  # two index range scans outward from the fact's day
        before = stmt.where(F.c.date <= day).order_by(F.c.date.desc(), F.c.id.desc()).limit(near)
        after = stmt.where(F.c.date > day).order_by(F.c.date, F.c.id).limit(near)
        rows = [*conn.execute(before).mappings(), *conn.execute(after).mappings()]
        rows += conn.execute(select(F).where(F.c.id == target)).mappings().all()
        fact_rows = {r["id"]: r for r in rows}
    else:
        fact_rows = {r["id"]: r for r in conn.execute(stmt).mappings()}
    denied: set[str] = set()
    for batch in chunks(fact_rows):
        stmt = select(L.c.a, L.c.b).where(L.c.kind == "denial", or_(L.c.a.in_(batch), L.c.b.in_(batch)))
        for a, b in conn.execute(stmt):
            denied |= {a, b}
    groups: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for batch in chunks(fact_rows):
        stmt = (
            select(FM.c.fact_id, FM.c.actor, FM.c.value, FM.c.value_max, FM.c.approx, A.c.published)
            .join(A, A.c.id == FM.c.article_id)
            .where(FM.c.fact_id.in_(batch))
            .order_by(A.c.published.asc().nulls_last(), FM.c.article_id, FM.c.kind, FM.c.record_id)
        )
        for r in conn.execute(stmt).mappings():
            groups[(r["fact_id"], r["actor"])].append(r)
    mentioned = {fid for fid, _ in groups}
    for fid in fact_rows.keys() - mentioned:  # a fact without mentions still has its own figure
        groups[(fid, None)] = []
    points = []
    for (fid, source), ms in groups.items():
        f = fact_rows[fid]
        first = next((m for m in ms if m["value"] is not None), None)
        fig = first if first is not None else f
        published = [m["published"] for m in ms if m["published"]]
        points.append({
            "date": f["date"], "reported": min(published) if published else None, "source": source,
            "value": fig["value"], "value_max": fig["value_max"], "approx": fig["approx"], "unit": f["unit"],
            "mentions": len(ms), "fact": fid, "label": f["label"], "denied": fid in denied,
            "contested": bool(f["contested"]),
        })
    points.sort(key=lambda p: (p["date"], p["value"] is None, p["value"] or 0.0, p["source"] or "", p["fact"]))
    return {"variable": variable, "points": points}


def copies(conn: Connection) -> list[dict[str, Any]]:
    """Every copy decision with the copy's title and outlet and its original's title.

    Keys: article_id, original_id, method, score, credit, reason, title, outlet, original_title.
    """
    orig = A.alias("original")
    stmt = (
        select(C, A.c.title, A.c.outlet, orig.c.title.label("original_title"))
        .join(A, A.c.id == C.c.article_id)
        .outerjoin(orig, orig.c.id == C.c.original_id)
        .order_by(C.c.original_id, A.c.published.asc().nulls_last(), C.c.article_id)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]
