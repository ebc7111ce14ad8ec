"""The ledger as Parquet: one file per table in a folder, typed columns, written a page at a time.

Why typed columns and one file per table: an analyst opens ``claims.parquet`` in pandas,
DuckDB or Spark and joins it to ``facts.parquet`` by id, with numbers as numbers, days as
``date32``, times as UTC timestamps and lists as lists, not JSON in text. ``SCHEMAS`` is
the one definition of every column; docs/exports.md lists it. Each file is written through
a ``ParquetWriter`` one row group per page (``select.PAGE`` rows of the driving table), so
memory stays bounded whatever the ledger's size, and renamed into place when complete, so
an interrupted export leaves no half file under a table's name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection

from claimledger.errors import OutputError
from claimledger.store import factqueries
from claimledger.store.admiralty import admiralty
from claimledger.store.exports import records
from claimledger.store.exports.select import Filters, article_pages, fact_pages

S, I32, F64, B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
TS, DAY, NAMES = pa.timestamp("us", tz="UTC"), pa.date32(), pa.list_(pa.string())
SPAN = (("start", I32), ("end", I32))

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("id", S), ("lang", S), ("title", S), ("published", S), ("outlet", S), ("url", S),
                           ("canonical_url", S), ("fetched_at", TS), ("added_at", TS), ("linked_at", TS),
                           ("raw_ref", S), ("copy_of", S), ("copy_reason", S), ("warnings", NAMES)]),
    "claims": pa.schema([("article_id", S), ("id", S), ("seq", I32), ("source", S), ("cue", S), ("content", S),
                         ("certainty", S), ("anonymous", B), ("source_kind", S), ("actor_id", S), ("actor", S),
                         ("via", S), ("confidence", F64), ("rule", S), ("source_start", I32), ("source_end", I32),
                         ("cue_start", I32), ("cue_end", I32), ("content_start", I32), ("content_end", I32),
                         ("relayed", S), ("relayed_start", I32), ("relayed_end", I32)]),
    "quantities": pa.schema([("article_id", S), ("id", S), ("seq", I32), ("text", S), ("value", F64),
                             ("value_max", F64), ("approx", S), ("counted", S), ("unit", S), ("attribution_id", S),
                             *SPAN, ("counted_start", I32), ("counted_end", I32), ("unit_text", S),
                             ("unit_start", I32), ("unit_end", I32)]),
    "mentions": pa.schema([("article_id", S), ("id", S), ("seq", I32), ("text", S), ("label", S), ("actor_id", S),
                           ("canonical", S), *SPAN]),
    "copies": pa.schema([("article_id", S), ("original_id", S), ("method", S), ("score", F64), ("credit", S),
                         ("reason", S)]),
    "facts": pa.schema([("id", S), ("kind", S), ("variable", S), ("label", S), ("date", DAY), ("value", F64),
                        ("value_max", F64), ("approx", S), ("unit", S), ("lang", S), ("sources", NAMES),
                        ("independent", I32), ("grade", I32), ("mentions", I32), ("articles", I32),
                        ("contested", B), ("admiralty", S), ("reliability", S), ("credibility", I32),
                        ("admiralty_evidence", NAMES)]),
    "fact_mentions": pa.schema([("fact_id", S), ("article_id", S), ("record_id", S), ("kind", S), ("date", DAY),
                                ("text", S), ("actor", S), ("attribution_id", S), ("value", F64),
                                ("value_max", F64), ("approx", S), ("score", F64), ("reason", S)]),
    "contradictions": pa.schema([("a", S), ("b", S), ("kind", S), ("reason", S)]),
    "actors": pa.schema([("actor", S), ("kind", S), ("claims", pa.int64()), ("facts", pa.int64()),
                         ("langs", NAMES)]),
}
"""Every table and column an export writes; a missing value is a null."""


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        t = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class _Tables:
    """One open ``ParquetWriter`` per table, into temporary names renamed when all is written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = dict.fromkeys(SCHEMAS, 0)

    def _tmp(self, name: str) -> Path:
        return self.folder / f".{name}.parquet.partial"

    def add(self, name: str, rows: list[dict[str, Any]]) -> None:
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self._tmp(name), SCHEMAS[name], compression="zstd")
        if rows:
            self.writers[name].write_batch(pa.RecordBatch.from_pylist(rows, schema=SCHEMAS[name]))
            self.rows[name] += len(rows)

    def finish(self) -> None:
        for name in SCHEMAS:
            self.add(name, [])  # an empty table is still a file with its schema
        for name, w in self.writers.items():
            w.close()
            os.replace(self._tmp(name), self.folder / f"{name}.parquet")

    def abandon(self) -> None:
        for name, w in self.writers.items():
            w.close()
            self._tmp(name).unlink(missing_ok=True)


def folder(target: str | Path) -> Path:
    """The export folder, made if missing; ``OutputError`` for stdout or a path that is not a folder."""
    if str(target) == "-":
        raise OutputError("-", "parquet writes one file per table: give a folder with -o, not '-'")
    path = Path(target).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(str(target), f"{target}: not a folder (parquet writes a file per table into one)") from None
    except OSError as e:
        raise OutputError(str(target), f"{target}: cannot make the folder: {e.strerror or e}") from None
    return path


def write(conn: Connection, target: str | Path, f: Filters,
          progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write every table into the folder ``target``; returns rows written per table.

    ``progress(n)`` is called after each page with the articles (then facts) just written.
    """
    out = _Tables(folder(target))
    try:
        for page in article_pages(conn, f):
            ids = [a["id"] for a in page]
            out.add("articles", [{**a, "fetched_at": _time(a["fetched_at"]), "added_at": _time(a["added_at"]),
                                  "linked_at": _time(a["linked_at"]), "warnings": _warnings(a)} for a in page])
            out.add("claims", records.claims(conn, ids, f))
            out.add("quantities", records.quantities(conn, ids))
            out.add("mentions", records.mentions(conn, ids))
            out.add("copies", records.copies(conn, ids))
            if progress:
                progress(len(page))
        for facts in fact_pages(conn, f):
            ids = [x["id"] for x in facts]
            grades = admiralty(conn, facts)
            out.add("facts", [_fact(x, grades[x["id"]]) for x in facts])
            out.add("fact_mentions", [{**m, "date": _day(m["date"])} for m in records.fact_mentions(conn, ids)])
            out.add("contradictions", records.fact_links(conn, ids))
            if progress:
                progress(len(facts))
        out.add("actors", _actors(factqueries.actors(conn, lang=f.lang)))
        out.finish()
    except BaseException:
        out.abandon()
        raise
    return out.rows


def _fact(x: dict[str, Any], grade: Any) -> dict[str, Any]:
    return {**x, "date": _day(x["date"]), "admiralty": grade.code, "reliability": grade.reliability,
            "credibility": grade.credibility, "admiralty_evidence": list(grade.evidence)}


def _warnings(a: dict[str, Any]) -> list[str]:
    try:
        found = json.loads(a["warnings"] or "[]")
    except ValueError:
        return []
    return [str(w) for w in found] if isinstance(found, list) else []


def _actors(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**r, "langs": sorted(r["by_lang"])} for r in rows]
