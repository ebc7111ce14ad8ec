"""The gold format of ``shared/eval/FORMAT.md``: a projection of Attribution and Quantity records.

``claimledger predict`` and ``Ledger.export('jsonl')`` both write it through ``to_gold``,
so what we score is exactly what we store.
"""

from __future__ import annotations

from typing import Any

from claimledger.model import Analysis


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def to_gold(analysis: Analysis, *, doc_id: str | None = None, with_spans: bool = False) -> dict[str, Any]:
    """One article's records in FORMAT.md shape (``doc_id`` replaces the content hash when given)."""
    art = analysis.article
    text = art.text
    attributions = []
    for a in analysis.attributions:
        row: dict[str, Any] = {
            "source": a.source.of(text) if a.source else None,
            "cue": a.cue.of(text),
            "content": a.content.of(text),
            "certainty": a.certainty,
            "anonymous": a.anonymous,
        }
        if with_spans:
            row.update(id=a.id, via=a.via, source_kind=a.source_kind, rule=a.rule,
                       spans={"cue": [a.cue.start, a.cue.end], "content": [a.content.start, a.content.end],
                              "source": [a.source.start, a.source.end] if a.source else None})
        attributions.append(row)
    quantities = []
    for q in analysis.quantities:
        qrow: dict[str, Any] = {
            "text": q.span.of(text),
            "value": _num(q.value),
            "approx": q.approx,
            "counted": q.counted.of(text) if q.counted else None,
        }
        if q.value_max is not None:
            qrow["value_max"] = _num(q.value_max)
        if with_spans:
            qrow.update(id=q.id, attribution_id=q.attribution_id, unit=q.unit,
                        spans={"text": [q.span.start, q.span.end],
                               "counted": [q.counted.start, q.counted.end] if q.counted else None})
        quantities.append(qrow)
    return {
        "id": doc_id or art.id,
        "lang": art.lang,
        "url": art.url,
        "published": art.published,
        "title": art.title,
        "attributions": attributions,
        "quantities": quantities,
    }
