"""The ledger's reads, as pure functions over a ``Connection``.

Why functions over a connection and not methods: the CLI (through ``Ledger``) and the
web app (a connection per request, datasette style) must answer the same question with
the same SQL, and a function that takes a connection can be called from both, inside
whatever transaction the caller holds. Nothing here writes.

Every function returns plain dicts (JSON-ready: str, int, float, bool, None) so a
table printer, a template and a ``.json`` endpoint can all use them unchanged. Text
filters are case-insensitive substrings (``lower(col) LIKE %x%`` with ``%`` and ``_``
in the user's words escaped); on SQLite ``lower`` is Unicode-aware thanks to dialect.py.

Order is newest article first (by when the ledger stored it), then text order inside
an article, so ``limit`` shows the latest material.

A ledger is a file a user may hand-edit or receive from someone else, so a row that
cannot be read back (a span outside its text, bad JSON, an unknown certainty) is not
trusted and not fatal: it is skipped with a ``LedgerDamageWarning`` naming it, and the
question is answered from the sound rows (``rows.problem`` is the same rule ``add``
applies before storing).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select

from claimledger.errors import LedgerDamageWarning, StoreError, UsageError
from claimledger.model import CERTAINTIES, Analysis, Attribution, Mention, Quantity
from claimledger.store import rows
from claimledger.store.names import named
from claimledger.store.schema import articles as A
from claimledger.store.schema import attributions as T
from claimledger.store.schema import mentions as M
from claimledger.store.schema import origins as O
from claimledger.store.schema import quantities as Q

ARTICLE_KEYS = (
    "id",
    "lang",
    "title",
    "published",
    "outlet",
    "url",
    "canonical_url",
    "fetched_at",
    "raw_ref",
    "copy_of",
    "copy_reason",
    "added_at",
)


def _contains(col: ColumnElement[Any], words: str) -> ColumnElement[bool]:
    """Case-insensitive substring test that treats the user's ``%`` and ``_`` literally."""
    return func.lower(col).contains(words.lower(), autoescape=True)


def _article_is(col: ColumnElement[Any], id_or_prefix: str) -> ColumnElement[bool]:
    return col.startswith(id_or_prefix.strip(), autoescape=True)


def _limit(stmt: Select[Any], limit: int | None) -> Select[Any]:
    return stmt if limit is None else stmt.limit(max(0, limit))


def check_certainties(wanted: Iterable[str]) -> None:
    """A one-line ``UsageError`` for the first value that is no certainty of ``model.CERTAINTIES``."""
    unknown = [c for c in wanted if c not in CERTAINTIES]
    if unknown:
        raise UsageError(f"unknown certainty {unknown[0]!r} (one of {', '.join(CERTAINTIES)})")


def resolve(conn: Connection, id_or_prefix: str) -> str:
    """The one article id that is, or starts with, ``id_or_prefix`` (like a git hash).

    StoreError when nothing matches or the prefix is ambiguous, naming a few candidates,
    because a user typing ``claimledger show 3fa`` needs to know which to type instead.
    """
    key = id_or_prefix.strip()
    if not key:
        raise StoreError("no article id given")
    if conn.execute(select(A.c.id).where(A.c.id == key)).first():
        return key
    found = list(conn.scalars(select(A.c.id).where(_article_is(A.c.id, key)).order_by(A.c.id).limit(4)))
    if not found:
        raise StoreError(f"no article with id {key!r} in the ledger")
    if len(found) > 1:
        shown = ", ".join(f[:12] for f in found[:3])
        raise StoreError(f"article id {key!r} is ambiguous: {shown}{', ...' if len(found) > 3 else ''}")
    return str(found[0])


def damaged(message: str) -> None:
    """Report one unreadable row that was skipped (or field that was dropped); see the module doc."""
    warnings.warn(f"damaged ledger row skipped: {message}", LedgerDamageWarning, stacklevel=3)


def _count(table: Any) -> Any:
    """Correlated count of one record table's rows for the outer article row."""
    return select(func.count()).select_from(table).where(table.c.article_id == A.c.id).scalar_subquery()


def articles(conn: Connection, *, lang: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles, newest first, with their metadata and how many records each has.

    Keys: id, lang, title, published, outlet, url, canonical_url, fetched_at, raw_ref,
    copy_of, copy_reason, added_at, warnings (list), chars, attributions, quantities, mentions.
    The text itself is left out (``analysis`` has it): listings should stay small.
    """
    stmt = select(
        *(A.c[k] for k in ARTICLE_KEYS),
        A.c.warnings,
        func.length(A.c.text).label("chars"),
        _count(T).label("attributions"),
        _count(Q).label("quantities"),
        _count(M).label("mentions"),
    ).order_by(A.c.added_at.desc(), A.c.id)
    if lang:
        stmt = stmt.where(func.lower(A.c.lang) == lang.lower())
    out = []
    for r in conn.execute(_limit(stmt, limit)).mappings():
        d = dict(r)
        try:
            d["warnings"] = [str(w) for w in json.loads(d["warnings"] or "[]")]
        except (TypeError, ValueError):
            damaged(f"article {str(d['id'])[:12]}: its warnings are not a JSON list (shown as none)")
            d["warnings"] = []
        out.append(d)
    return out


def claims(
    conn: Connection,
    *,
    source: str | None = None,
    certainty: str | Iterable[str] | None = None,
    lang: str | None = None,
    article: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Attributions with their words and their article's metadata, filtered.

    ``source`` matches the source's words or its actor id; ``certainty`` is one value or
    several; ``article`` is an id or an id prefix (every article it starts). Keys: id,
    article_id, source, cue, content, certainty, anonymous, source_kind, actor_id, via,
    confidence, rule, source_start, source_end, cue_start, cue_end, content_start,
    content_end, relayed, relayed_start, relayed_end (whom a relay names inside the cue; None
    for most claims), lang, title, outlet, published, url.
    """
    stmt = (
        select(
            T.c.id,
            T.c.article_id,
            T.c.source_text.label("source"),
            T.c.cue_text.label("cue"),
            T.c.content_text.label("content"),
            T.c.certainty,
            T.c.anonymous,
            T.c.source_kind,
            T.c.actor_id,
            T.c.via,
            T.c.confidence,
            T.c.rule,
            T.c.source_start,
            T.c.source_end,
            T.c.cue_start,
            T.c.cue_end,
            T.c.content_start,
            T.c.content_end,
            T.c.relayed_text.label("relayed"),
            T.c.relayed_start,
            T.c.relayed_end,
            A.c.lang,
            A.c.title,
            A.c.outlet,
            A.c.published,
            A.c.url,
        )
        .join(A, A.c.id == T.c.article_id)
        .order_by(A.c.added_at.desc(), A.c.id, T.c.seq)
    )
    if source:
        stmt = stmt.where(or_(_contains(T.c.source_text, source), _contains(T.c.actor_id, source)))
    if certainty:
        wanted = [certainty] if isinstance(certainty, str) else list(certainty)
        check_certainties(wanted)
        stmt = stmt.where(T.c.certainty.in_(wanted))
    if lang:
        stmt = stmt.where(func.lower(A.c.lang) == lang.lower())
    if article:
        stmt = stmt.where(_article_is(T.c.article_id, article))
    out = []
    for r in conn.execute(_limit(stmt, limit)).mappings():
        if r["certainty"] not in CERTAINTIES:
            damaged(f"article {str(r['article_id'])[:12]}: attribution {r['id']} has unknown certainty "
                    f"{str(r['certainty'])[:30]!r}")
            continue
        out.append({**r, "anonymous": bool(r["anonymous"])})
    return out


def quantities(
    conn: Connection,
    *,
    article: str | None = None,
    counted: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Quantities with their words, filtered by article (id or prefix) and counted words.

    Keys: id, article_id, text, value, value_max, approx, counted, unit, attribution_id,
    start, end, counted_start, counted_end, unit_text, unit_start, unit_end (the word naming the
    unit as written, where the figure's rule knew it), lang.
    """
    stmt = (
        select(
            Q.c.id,
            Q.c.article_id,
            Q.c.text,
            Q.c.value,
            Q.c.value_max,
            Q.c.approx,
            Q.c.counted_text.label("counted"),
            Q.c.unit,
            Q.c.attribution_id,
            Q.c.start,
            Q.c.end,
            Q.c.counted_start,
            Q.c.counted_end,
            Q.c.unit_text,
            Q.c.unit_start,
            Q.c.unit_end,
            A.c.lang,
        )
        .join(A, A.c.id == Q.c.article_id)
        .order_by(A.c.added_at.desc(), A.c.id, Q.c.seq)
    )
    if article:
        stmt = stmt.where(_article_is(Q.c.article_id, article))
    if counted:
        stmt = stmt.where(_contains(Q.c.counted_text, counted))
    return [dict(r) for r in conn.execute(_limit(stmt, limit)).mappings()]


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table: articles, attributions, quantities, mentions."""
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in (A, T, Q, M)}


def summary(conn: Connection, *, top: int = 10) -> dict[str, Any]:
    """What the ledger holds, at a glance.

    Keys: articles, attributions, quantities, mentions (counts); anonymous (anonymous
    attributions); certainty ({certainty: n} for every certainty, zeros included, in
    model order); languages ({lang: articles}, most first); top_sources (list of
    {"source": actor, "count": n}: the ``top`` originating actors by claims once the ledger is
    linked, named as the articles write them, else the most frequent source words).
    """
    out: dict[str, Any] = dict(counts(conn))
    out["anonymous"] = int(conn.scalar(select(func.count()).select_from(T).where(T.c.anonymous)) or 0)
    stmt = select(T.c.certainty, func.count()).group_by(T.c.certainty)
    by: dict[str, int] = {c: int(k) for c, k in conn.execute(stmt)}
    out["certainty"] = {c: int(by.pop(c, 0)) for c in CERTAINTIES} | {k: int(v) for k, v in by.items()}
    n = func.count().label("n")
    langs = conn.execute(select(A.c.lang, n).group_by(A.c.lang).order_by(n.desc(), A.c.lang))
    out["languages"] = {lang: int(k) for lang, k in langs}
    # who says it: the originating actors the linker resolved (relays collapsed, *he* and *it*
    # read as their antecedent, an unresolved pronoun nobody); the words as written before linking
    linked = conn.scalar(select(func.count()).select_from(O).where(O.c.actor.is_not(None))) or 0
    column = O.c.actor if linked else T.c.source_text
    sources = conn.execute(
        select(column, n).where(column.is_not(None)).group_by(column).order_by(n.desc(), column).limit(top)
    )
    out["top_sources"] = [{"source": s, "count": int(k)} for s, k in sources]
    if linked:  # an actor as the articles write it (*Bernie Sanders*, stored *bernie sanders*)
        named(conn, out["top_sources"], "source", "source")
    return out


def analysis(conn: Connection, article_id: str) -> Analysis:
    """One stored article with all its records, rebuilt as the ``Analysis`` that was added."""
    row = conn.execute(select(A).where(A.c.id == article_id)).mappings().first()
    if row is None:
        raise StoreError(f"no article with id {article_id!r} in the ledger")

    def load(table: Any) -> Iterator[Any]:
        stmt = select(table).where(table.c.article_id == article_id).order_by(table.c.seq)
        return iter(conn.execute(stmt).mappings())

    notes: list[str] = []
    article = rows.article_from(row, notes)
    for note in notes:
        damaged(f"article {article_id[:12]}: {note}")
    n = len(article.text)
    atts = _sound(article_id, n, load(T), rows.attribution_from, None)
    while True:  # a relay via a skipped attribution goes too, to a fixed point
        kept = _sound(article_id, n, iter(atts), _same, {a.id for a in atts})
        if len(kept) == len(atts):
            break
        atts = kept
    return Analysis(
        article=article,
        attributions=tuple(atts),
        quantities=tuple(_sound(article_id, n, load(Q), rows.quantity_from, {a.id for a in atts})),
        mentions=tuple(_sound(article_id, n, load(M), rows.mention_from, set())),
    )


def _same(record: Any) -> Any:
    return record


def _sound(article_id: str, n: int, found: Iterator[Any], make: Callable[[Any], Any],
           known: set[str] | None) -> list[Any]:
    """The records of ``found`` that decode and pass ``rows.problem``; the others are reported and skipped.

    ``known``: the sound attribution ids that ``via`` and ``attribution_id`` may point at;
    None while the attributions themselves are first read (their relays are checked after).
    """
    out: list[Any] = []
    for r in found:
        try:
            record: Attribution | Quantity | Mention = rows.decoded(make, r)
        except rows.BadRow as e:
            damaged(f"article {article_id[:12]}: record {r['id']}: {e}")
            continue
        ids = known if known is not None else {getattr(record, "via", None)} - {None}
        wrong = rows.problem(record, n, ids)  # type: ignore[arg-type]
        if wrong:
            damaged(f"article {article_id[:12]}: {wrong}")
            continue
        out.append(record)
    return out


def article_ids(conn: Connection) -> list[str]:
    """Every article id, in the order the ledger stored them (oldest first), for exports."""
    return list(conn.scalars(select(A.c.id).order_by(A.c.added_at, A.c.id)))
