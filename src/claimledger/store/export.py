"""Writing the ledger out: JSON Lines in the gold format, or CSV for spreadsheets.

JSONL is one article per line in the format of ``shared/eval/FORMAT.md`` (``id``,
``lang``, ``text``, ``attributions`` with ``source``/``cue``/``content``/``certainty``/
``anonymous``, ``quantities`` with ``text``/``value``/``approx``/``counted``), so an
export can be scored by ``score.py`` or diffed against a gold set as it is. Everything
else the ledger knows rides along in extra keys the scorer ignores: record ids,
character spans (``*_span`` as ``[start, end]``), source kind, actor, relay, hedges,
confidence, the article's provenance, and its mentions. A reader can therefore rebuild
every record from an export without the database.

CSV is one attribution per row, the table a journalist opens in a spreadsheet, so every
cell goes through ``safetext.csv_cell`` (OWASP's rule: a cell starting ``= + - @``, tab
or CR gets a leading ``'``; controls shown). JSON Lines keeps the exact text: only the
characters a terminal would act on (DEL, C1, bidi) travel as ``\\u`` escapes, which
decode to the same text (``safetext.json_text``). Both are written from one read
transaction, so a writer adding articles meanwhile does not produce a half-updated export.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from sqlalchemy import Connection

from claimledger.gold import to_gold
from claimledger.model import Analysis, Span
from claimledger.safetext import csv_row, json_text
from claimledger.store import queries

FORMATS = ("jsonl", "csv")

CSV_COLUMNS = (
    "article_id", "attribution_id", "lang", "source", "cue", "content", "certainty", "anonymous",
    "source_kind", "actor_id", "via", "confidence",
    "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
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
                    attribution_id=q.attribution_id)
    out["mentions"] = [
        {"text": m.span.of(text), "label": m.label, "id": m.id, "span": _pair(m.span), "actor_id": m.actor_id,
         "canonical": m.canonical}
        for m in an.mentions
    ]
    return out


def write_jsonl(conn: Connection, out: TextIO) -> int:
    """Every article, oldest first, one JSON object per line; returns articles written."""
    n = 0
    for article_id in queries.article_ids(conn):
        out.write(json_text(article_json(queries.analysis(conn, article_id))))
        out.write("\n")
        n += 1
    return n


def write_csv(conn: Connection, out: TextIO) -> int:
    """Every attribution, in article then text order, one row each; returns rows written."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    n = 0
    for article_id in queries.article_ids(conn):
        an = queries.analysis(conn, article_id)
        text = an.article.text
        for a in an.attributions:
            src = a.source
            w.writerow(
                csv_row((
                    article_id,
                    a.id,
                    an.article.lang,
                    src.of(text) if src else "",
                    a.cue.of(text),
                    a.content.of(text),
                    a.certainty,
                    "true" if a.anonymous else "false",
                    a.source_kind or "",
                    a.actor_id or "",
                    a.via or "",
                    a.confidence,
                    src.start if src else "",
                    src.end if src else "",
                    a.cue.start,
                    a.cue.end,
                    a.content.start,
                    a.content.end,
                ))
            )
            n += 1
    return n
