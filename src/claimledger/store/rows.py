"""Records to rows and back: the one place that knows how ``model`` maps onto ``schema``.

Writing and reading are kept side by side so that a field added to a record is added
to both directions at once, and the round trip ``Ledger.add`` -> ``Ledger.analysis``
gives back equal records (a test pins that).

``check`` runs before anything is written. A record whose span does not index its
article's text is a bug upstream (an off-by-one in a tokenizer, offsets taken from a
normalised copy of the text); storing it would put words in the ledger that the article
never said, so the whole article is refused with a message naming the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, get_args

from claimledger.errors import StoreError
from claimledger.model import (
    APPROXES,
    CERTAINTIES,
    Analysis,
    Article,
    Attribution,
    Mention,
    Quantity,
    SourceKind,
    Span,
)

SOURCE_KINDS: frozenset[str] = frozenset(get_args(SourceKind))

Row = dict[str, Any]


def check(analysis: Analysis, where: str) -> None:
    """Refuse an analysis the ledger must not store; ``where`` names the ledger in the message.

    Checked: every span lies in ``[0, len(text)]``; every record belongs to this article;
    record ids are unique per kind; certainty, approx and source kind are known values;
    ``via`` and ``attribution_id`` point at attributions of the same analysis.
    """
    art = analysis.article
    n = len(art.text)
    att_ids = {a.id for a in analysis.attributions}
    for kind, records in (
        ("attribution", analysis.attributions),
        ("quantity", analysis.quantities),
        ("mention", analysis.mentions),
    ):
        ids = [r.id for r in records]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise StoreError(f"ledger {where}: article {art.id[:12]}: {kind} id {dup} occurs twice")
        for r in records:
            if r.article_id != art.id:
                raise StoreError(f"ledger {where}: article {art.id[:12]}: {kind} {r.id} belongs to article "
                                 f"{r.article_id[:12]}")
            wrong = problem(r, n, att_ids)
            if wrong:
                raise StoreError(f"ledger {where}: article {art.id[:12]}: {wrong}")


def _span_problem(kind: str, rid: str, span: Span | None, n: int) -> str | None:
    if span is not None and not 0 <= span.start <= span.end <= n:
        return f"{kind} span {span.start}:{span.end} of record {rid} is outside the text ({n} chars)"
    return None


def problem(record: Attribution | Quantity | Mention, n: int, att_ids: set[str]) -> str | None:
    """What is wrong with one record of an article whose text has ``n`` characters, or None.

    The one rule for both directions: ``check`` refuses to store such a record, and
    ``queries.analysis`` skips one that a tampered or hand-edited ledger gives back.
    """
    spans: list[tuple[str, Span | None]]
    if isinstance(record, Attribution):
        a = record
        spans = [("cue", a.cue), ("content", a.content), ("source", a.source), ("relayed", a.relayed)]
        spans += [("hedge/part", s) for s in (*a.hedges, *a.content_parts)]
        if a.certainty not in CERTAINTIES:
            return f"attribution {a.id} has unknown certainty {a.certainty!r}"
        if a.source_kind is not None and a.source_kind not in SOURCE_KINDS:
            return f"attribution {a.id} has unknown source kind {a.source_kind!r}"
        if a.via is not None and a.via not in att_ids:
            return f"attribution {a.id} is relayed via {a.via}, which is not in this article"
    elif isinstance(record, Quantity):
        q = record
        spans = [("quantity", q.span), ("counted", q.counted), ("unit", q.unit_span)]
        if q.approx not in APPROXES:
            return f"quantity {q.id} has unknown approx {q.approx!r}"
        if q.attribution_id is not None and q.attribution_id not in att_ids:
            return f"quantity {q.id} belongs to attribution {q.attribution_id}, not in this article"
    else:
        spans = [("mention", record.span)]
    for kind, span in spans:
        wrong = _span_problem(kind, record.id, span, n)
        if wrong:
            return wrong
    return None


def _spans_json(spans: Iterable[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def _spans_from(raw: str) -> tuple[Span, ...]:
    """Spans stored as JSON ``[[start, end], ...]``; ValueError (a ``BadRow``) for anything else."""
    try:
        return tuple(Span(int(s), int(e)) for s, e in json.loads(raw or "[]"))
    except (TypeError, ValueError) as e:  # JSONDecodeError is a ValueError
        raise BadRow(f"bad span list {str(raw)[:40]!r}") from e


class BadRow(ValueError):
    """A stored row that cannot be turned back into its record (only a tampered ledger has one)."""


def _slice(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]


def article_row(article: Article, added_at: datetime, pipeline: str | None = None) -> Row:
    """The article's row; ``pipeline`` names the run that analysed it (``claimledger.version``), which
    is not part of the ``Article`` record: the same text analysed twice is the same article."""
    return {
        "id": article.id,
        "text": article.text,
        "lang": article.lang,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "fetched_at": article.fetched_at.isoformat() if article.fetched_at else None,
        "raw_ref": article.raw_ref,
        "copy_of": article.copy_of,
        "copy_reason": article.copy_reason,
        "warnings": json.dumps(list(article.warnings), ensure_ascii=False),
        "added_at": added_at.isoformat(),
        "pipeline": pipeline,
    }


def attribution_rows(analysis: Analysis) -> list[Row]:
    text = analysis.article.text
    return [
        {
            "article_id": analysis.article.id,
            "id": a.id,
            "seq": i,
            "cue_start": a.cue.start,
            "cue_end": a.cue.end,
            "content_start": a.content.start,
            "content_end": a.content.end,
            "source_start": a.source.start if a.source else None,
            "source_end": a.source.end if a.source else None,
            "source_text": _slice(text, a.source),
            "cue_text": _slice(text, a.cue),
            "content_text": _slice(text, a.content),
            "certainty": a.certainty,
            "anonymous": a.anonymous,
            "source_kind": a.source_kind,
            "actor_id": a.actor_id,
            "via": a.via,
            "hedges": _spans_json(a.hedges),
            "content_parts": _spans_json(a.content_parts),
            "confidence": float(a.confidence),
            "rule": a.rule,
            "relayed_start": a.relayed.start if a.relayed else None,
            "relayed_end": a.relayed.end if a.relayed else None,
            "relayed_text": _slice(text, a.relayed),
        }
        for i, a in enumerate(analysis.attributions)
    ]


def quantity_rows(analysis: Analysis) -> list[Row]:
    text = analysis.article.text
    return [
        {
            "article_id": analysis.article.id,
            "id": q.id,
            "seq": i,
            "start": q.span.start,
            "end": q.span.end,
            "text": _slice(text, q.span),
            "value": float(q.value),
            "value_max": None if q.value_max is None else float(q.value_max),
            "approx": q.approx,
            "counted_start": q.counted.start if q.counted else None,
            "counted_end": q.counted.end if q.counted else None,
            "counted_text": _slice(text, q.counted),
            "unit": q.unit,
            "attribution_id": q.attribution_id,
            "unit_start": q.unit_span.start if q.unit_span else None,
            "unit_end": q.unit_span.end if q.unit_span else None,
            "unit_text": _slice(text, q.unit_span),
        }
        for i, q in enumerate(analysis.quantities)
    ]


def mention_rows(analysis: Analysis) -> list[Row]:
    text = analysis.article.text
    return [
        {
            "article_id": analysis.article.id,
            "id": m.id,
            "seq": i,
            "start": m.span.start,
            "end": m.span.end,
            "text": _slice(text, m.span),
            "label": m.label,
            "actor_id": m.actor_id,
            "canonical": m.canonical,
        }
        for i, m in enumerate(analysis.mentions)
    ]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def _need(start: int | None, end: int | None) -> Span:
    span = _span(start, end)
    if span is None:  # NOT NULL columns: only a hand-edited ledger gets here
        raise BadRow(f"empty required span ({start}:{end})")
    return span


def decoded(make: Any, r: Mapping[Any, Any]) -> Any:
    """``make(r)``, with any failure to decode the row (bad span, bad type, bad JSON) as a ``BadRow``."""
    try:
        return make(r)
    except BadRow:
        raise
    except (TypeError, ValueError, KeyError) as e:
        raise BadRow(str(e) or type(e).__name__) from e


def article_from(r: Mapping[Any, Any], damage: list[str] | None = None) -> Article:
    """The stored article; a damaged metadata field (bad ``warnings`` JSON, a bad date) is dropped, not fatal.

    An article is the unit everything else hangs on, so rather than losing it to one bad
    field the field is left empty and, when ``damage`` is given, what was dropped is
    appended to it for the caller to report.
    """
    notes: list[str] = [] if damage is None else damage
    try:
        warnings = tuple(str(w) for w in json.loads(r["warnings"] or "[]"))
    except (TypeError, ValueError):
        warnings = ()
        notes.append("its warnings are not a JSON list")
    try:
        fetched = datetime.fromisoformat(r["fetched_at"]) if r["fetched_at"] else None
    except (TypeError, ValueError):
        fetched = None
        notes.append(f"its fetched_at {str(r['fetched_at'])[:30]!r} is not a date")
    return Article(
        text=r["text"],
        lang=r["lang"],
        id=r["id"],
        title=r["title"],
        published=r["published"],
        outlet=r["outlet"],
        url=r["url"],
        canonical_url=r["canonical_url"],
        fetched_at=fetched,
        raw_ref=r["raw_ref"],
        copy_of=r["copy_of"],
        copy_reason=r["copy_reason"],
        warnings=warnings,
    )


def attribution_from(r: Mapping[Any, Any]) -> Attribution:
    return Attribution(
        id=r["id"],
        article_id=r["article_id"],
        cue=_need(r["cue_start"], r["cue_end"]),
        content=_need(r["content_start"], r["content_end"]),
        source=_span(r["source_start"], r["source_end"]),
        certainty=r["certainty"],
        anonymous=bool(r["anonymous"]),
        source_kind=r["source_kind"],
        actor_id=r["actor_id"],
        via=r["via"],
        hedges=_spans_from(r["hedges"]),
        content_parts=_spans_from(r["content_parts"]),
        confidence=r["confidence"],
        rule=r["rule"],
        relayed=_span(r.get("relayed_start"), r.get("relayed_end")),  # absent from a shard written before 0008
    )


def quantity_from(r: Mapping[Any, Any]) -> Quantity:
    return Quantity(
        id=r["id"],
        article_id=r["article_id"],
        span=_need(r["start"], r["end"]),
        value=r["value"],
        approx=r["approx"],
        value_max=r["value_max"],
        counted=_span(r["counted_start"], r["counted_end"]),
        unit=r["unit"],
        attribution_id=r["attribution_id"],
        unit_span=_span(r.get("unit_start"), r.get("unit_end")),
    )


def mention_from(r: Mapping[Any, Any]) -> Mention:
    return Mention(
        id=r["id"],
        article_id=r["article_id"],
        span=_need(r["start"], r["end"]),
        label=r["label"],
        actor_id=r["actor_id"],
        canonical=r["canonical"],
    )
