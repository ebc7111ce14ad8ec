"""Writing the ledger out: JSON Lines in the gold format, or CSV for spreadsheets.

JSONL is one article per line in the format of ``shared/eval/FORMAT.md`` (``id``,
``lang``, ``text``, ``attributions`` with ``source``/``cue``/``content``/``certainty``/
``anonymous``, ``quantities`` with ``text``/``value``/``approx``/``counted``), so an
export can be scored by ``score.py`` or diffed against a gold set as it is. Everything
else the ledger knows rides along in extra keys the scorer ignores: record ids,
character spans (``*_span`` as ``[start, end]``: a relay's ``relayed_span``, a figure's
``unit_span`` too), source kind, actor, relay, hedges,
confidence, the article's provenance, and its mentions. A reader can therefore rebuild
every record from an export without the database.

CSV is one attribution per row, the table a journalist opens in a spreadsheet, so every
cell goes through ``safetext.csv_cell`` (OWASP's rule: a cell starting ``= + - @``, tab
or CR gets a leading ``'``; controls shown). JSON Lines keeps the exact text: only the
characters a terminal would act on (DEL, C1, bidi) travel as ``\\u`` escapes, which
decode to the same text (``safetext.json_text``). Both are written from one read
transaction, so a writer adding articles meanwhile does not produce a half-updated export.

Both stream: articles are read a page at a time (``exports.select``), so memory does not
grow with the ledger. With filters (``exports.select.Filters``), JSONL keeps each chosen
article whole (its quantities point at its attributions), CSV lists only the passing claims.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator
from typing import Any

from sqlalchemy import Connection

from claimledger.gold import to_gold
from claimledger.model import Analysis, Span
from claimledger.safetext import csv_row, json_text
from claimledger.store import queries
from claimledger.store.exports import records
from claimledger.store.exports.select import Filters, article_pages

CSV_COLUMNS = (
    "article_id", "attribution_id", "lang", "source", "cue", "content", "certainty", "anonymous",
    "source_kind", "actor_id", "via", "confidence",
    "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
    "relayed", "relayed_start", "relayed_end",
)  # fmt: skip


def _pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def article_json(an: Analysis) -> dict[str, Any]:
    """One article as a gold-format object (``gold.to_gold``) plus the ledger's extra fields."""
    art, text = an.article, an.article.text
    out = to_gold(an)
    out.update(
        text=text,
        outlet=art.outlet,
        canonical_url=art.canonical_url,
        fetched_at=art.fetched_at.isoformat() if art.fetched_at else None,
        raw_ref=art.raw_ref,
        copy_of=art.copy_of,
        copy_reason=art.copy_reason,
        warnings=list(art.warnings),
    )
    for row, a in zip(out["attributions"], an.attributions, strict=True):
        row.update(
            id=a.id,
            source_span=_pair(a.source),
            cue_span=_pair(a.cue),
            content_span=_pair(a.content),
            relayed_span=_pair(a.relayed),
            source_kind=a.source_kind,
            actor_id=a.actor_id,
            via=a.via,
            hedges=[_pair(h) for h in a.hedges],
            content_parts=[_pair(p) for p in a.content_parts],
            confidence=a.confidence,
            rule=a.rule,
        )
    for qrow, q in zip(out["quantities"], an.quantities, strict=True):
        qrow.setdefault("value_max", None)
        qrow.update(id=q.id, span=_pair(q.span), counted_span=_pair(q.counted), unit=q.unit,
                    unit_span=_pair(q.unit_span),
                    attribution_id=q.attribution_id)
    out["mentions"] = [
        {"text": m.span.of(text), "label": m.label, "id": m.id, "span": _pair(m.span), "actor_id": m.actor_id,
         "canonical": m.canonical}
        for m in an.mentions
    ]
    return out


def stream_jsonl(conn: Connection, f: Filters, progress: Callable[[int], None] | None = None
                 ) -> Generator[str, None, int]:
    """The chosen articles, oldest stored first, one JSON object a line; returns articles written."""
    n = 0
    for page in article_pages(conn, f):
        for a in page:
            yield json_text(article_json(queries.analysis(conn, a["id"]))) + "\n"
        n += len(page)
        if progress:
            progress(len(page))
    return n


def stream_csv(conn: Connection, f: Filters, progress: Callable[[int], None] | None = None
               ) -> Generator[str, None, int]:
    """The passing attributions, in article then text order, one row each, after a header line;
    returns rows written."""
    n = 0
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for page in article_pages(conn, f):
        ids = [a["id"] for a in page]
        passing = {(c["article_id"], c["id"]) for c in records.claims(conn, ids, f)} if f.certainty or f.actor \
            else None
        for article_id in ids:
            an = queries.analysis(conn, article_id)
            for a in an.attributions:
                if passing is None or (article_id, a.id) in passing:
                    w.writerow(csv_row(_cells(an, a)))
                    n += 1
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
        if progress:
            progress(len(page))
    yield buf.getvalue()
    return n


def _cells(an: Analysis, a: Any) -> tuple[object, ...]:
    text, src, rel = an.article.text, a.source, a.relayed
    return (
        an.article.id, a.id, an.article.lang, src.of(text) if src else "", a.cue.of(text), a.content.of(text),
        a.certainty, "true" if a.anonymous else "false", a.source_kind or "", a.actor_id or "", a.via or "",
        a.confidence, src.start if src else "", src.end if src else "", a.cue.start, a.cue.end, a.content.start,
        a.content.end, rel.of(text) if rel else "", rel.start if rel else "", rel.end if rel else "",
    )
