"""A shard's records as Parquet: the ledger's own tables, one file each, in a folder per shard.

Schema (documented here, derived from ``store.schema`` so the two cannot drift): a shard folder
holds ``articles.parquet``, ``attributions.parquet``, ``quantities.parquet`` and
``mentions.parquet`` with exactly the columns of the ledger's tables of those names (the
ledger's ``added_at`` and ``linked_at`` excepted: a shard is not stored yet), typed as in the
ledger (int64, float64, bool, string; spans as start/end columns, span lists as JSON text),
plus ``errors.parquet`` (``source``, ``code``, ``message``: each input that could not be read)
and ``done.json`` (counts), written last: a folder without it is an unfinished shard, redone.
Rows are in the order the local path would store them: articles in read order, records by
``seq``. pandas, DuckDB and Spark read the folders as they are.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Float, Integer, Table

from claimledger.errors import InputError
from claimledger.model import Analysis
from claimledger.store import rows
from claimledger.store.schema import articles, attributions, mentions, quantities

DONE = "done.json"
_TABLES: dict[str, Table] = {"articles": articles, "attributions": attributions, "quantities": quantities,
                             "mentions": mentions}
_NOT_IN_SHARDS = {"added_at", "linked_at"}


def _arrow(column_type: Any) -> pa.DataType:
    if isinstance(column_type, Boolean):
        return pa.bool_()
    if isinstance(column_type, Integer):
        return pa.int64()
    if isinstance(column_type, Float):
        return pa.float64()
    return pa.string()


SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([(c.name, _arrow(c.type)) for c in table.columns if c.name not in _NOT_IN_SHARDS])
    for name, table in _TABLES.items()
}
SCHEMAS["errors"] = pa.schema([("source", pa.string()), ("code", pa.string()), ("message", pa.string())])


def write_shard(folder: Path, analyses: list[Analysis], errors: list[InputError]) -> dict[str, int]:
    """Write one shard's records into ``folder`` (replacing an unfinished one); ``done.json`` last."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    from datetime import UTC, datetime

    table_rows: dict[str, list[dict[str, Any]]] = {
        "articles": [rows.article_row(a.article, datetime.now(UTC)) for a in analyses],
        "attributions": [r for a in analyses for r in rows.attribution_rows(a)],
        "quantities": [r for a in analyses for r in rows.quantity_rows(a)],
        "mentions": [r for a in analyses for r in rows.mention_rows(a)],
        "errors": [{"source": e.source, "code": e.code, "message": e.message} for e in errors],
    }
    for name, schema in SCHEMAS.items():
        cols = {f.name: [r.get(f.name) for r in table_rows[name]] for f in schema}
        pq.write_table(pa.table(cols, schema=schema), tmp / f"{name}.parquet")
    counts = {"articles": len(analyses), "errors": len(errors),
              "attributions": len(table_rows["attributions"]), "quantities": len(table_rows["quantities"])}
    (tmp / DONE).write_text(json.dumps(counts), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    return counts


def is_done(folder: Path) -> bool:
    return (folder / DONE).is_file()


def read_shard(folder: Path) -> Iterator[Analysis | InputError]:
    """A finished shard's articles as ``Analysis`` records, in order, then its read errors."""
    if not is_done(folder):
        yield InputError(str(folder), "unfinished", "shard has no done.json (its worker did not finish): run again")
        return
    tables = {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in SCHEMAS}
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    seen: set[tuple[str, str, int]] = set()
    for name in ("attributions", "quantities", "mentions"):
        for r in tables[name]:
            # One text read twice in a shard (a page at two URLs, two copies of a file) is two
            # article rows of one id with its records written twice: keep them once, as the
            # local path stores the first and counts the second a duplicate.
            if (key := (name, r["article_id"], _seq(r))) not in seen:
                seen.add(key)
                by_article[r["article_id"]][name].append(r)
    for row in tables["articles"]:
        recs = by_article[row["id"]]
        yield Analysis(
            article=rows.article_from(row),
            attributions=tuple(rows.attribution_from(r) for r in sorted(recs["attributions"], key=_seq)),
            quantities=tuple(rows.quantity_from(r) for r in sorted(recs["quantities"], key=_seq)),
            mentions=tuple(rows.mention_from(r) for r in sorted(recs["mentions"], key=_seq)),
        )
    for e in tables["errors"]:
        yield InputError(e["source"], e["code"], e["message"])


def _seq(r: dict[str, Any]) -> int:
    return int(r["seq"])
