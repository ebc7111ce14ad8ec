"""The gold format of ``shared/eval/FORMAT.md``: a projection of Attribution and Quantity records.

``claimledger predict`` and ``Ledger.export('jsonl')`` both write it through ``to_gold``,
so what we score is exactly what we store.
"""

from __future__ import annotations

from typing import Any

from claimledger.model import Analysis, Span


def number(v: float) -> int | float:
    """10000.0 -> 10000: the gold format writes whole numbers as integers."""
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else v


def to_gold(analysis: Analysis, *, doc_id: str | None = None) -> dict[str, Any]:
    """One article's records in FORMAT.md shape (``doc_id`` replaces the content hash when given).

    Records keep their order, so a caller can zip ``analysis.attributions`` with the rows to add
    fields of its own (the ledger's export adds ids, spans and actors).
    """
    art = analysis.article
    text = art.text

    def words(span: Span | None) -> str | None:
        return None if span is None else span.of(text)

    attributions = [
        {
            "source": words(a.source),
            "cue": a.cue.of(text),
            "content": a.content.of(text),
            "certainty": a.certainty,
            "anonymous": a.anonymous,
        }
        for a in analysis.attributions
    ]
    quantities = []
    for q in analysis.quantities:
        row: dict[str, Any] = {"text": q.span.of(text), "value": number(q.value), "approx": q.approx,
                               "counted": words(q.counted)}
        if q.value_max is not None:
            row["value_max"] = number(q.value_max)
        quantities.append(row)
    return {
        "id": doc_id or art.id,
        "lang": art.lang,
        "url": art.url,
        "published": art.published,
        "title": art.title,
        "attributions": attributions,
        "quantities": quantities,
    }
