"""Parquet: one typed file per table, read back with pyarrow, equal to what the query layer answers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimledger.errors import OutputError, UsageError
from claimledger.store import Ledger
from claimledger.store.admiralty import admiralty
from claimledger.store.exports.parquet import SCHEMAS


def _read(folder: Path, table: str) -> list[dict[str, Any]]:
    t = pq.read_table(folder / f"{table}.parquet")
    assert t.schema.equals(SCHEMAS[table]), table  # the documented types, not whatever pandas guessed
    return t.to_pylist()


def test_parquet_tables_equal_the_query_layer(ledger: SimpleNamespace, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    with Ledger(ledger.path, readonly=True) as led:
        n = led.export("parquet", out)
        claims, quantities, facts = led.claims(), led.quantities(), led.facts()
        articles, copies = led.articles(), led.copies()
        with led.reading() as conn:
            grades = admiralty(conn, facts)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in SCHEMAS)  # no partial files
    got = {t: _read(out, t) for t in SCHEMAS}
    assert n == sum(len(rows) for rows in got.values())
    assert len(claims) > 100 and len(facts) > 100 and copies  # a real linked ledger, not an empty one

    by_key = {(c["article_id"], c["id"]): c for c in claims}
    assert len(got["claims"]) == len(by_key)
    for row in got["claims"]:
        want = by_key[(row["article_id"], row["id"])]
        assert {k: row[k] for k in want if k in row} == {k: want[k] for k in want if k in row}
    qs = {(q["article_id"], q["id"]): q for q in quantities}
    assert {(r["article_id"], r["id"]): r["value"] for r in got["quantities"]} == {k: q["value"] for k, q in qs.items()}
    assert all(r["counted"] == qs[(r["article_id"], r["id"])]["counted"] for r in got["quantities"])
    assert {a["id"] for a in got["articles"]} == {a["id"] for a in articles}
    assert sorted((c["article_id"], c["original_id"], c["method"]) for c in got["copies"]) == \
        sorted((c["article_id"], c["original_id"], c["method"]) for c in copies)

    want_facts = {f["id"]: f for f in facts}
    assert len(got["facts"]) == len(want_facts)
    for row in got["facts"]:
        f = want_facts[row["id"]]
        assert (row["label"], row["sources"], row["independent"], row["grade"], row["contested"]) == \
            (f["label"], f["sources"], f["independent"], f["grade"], f["contested"])
        assert str(row["date"]) == f["date"]  # a date32 that prints as the stored day
        g = grades[row["id"]]
        assert (row["admiralty"], row["reliability"], row["credibility"]) == (g.code, g.reliability, g.credibility)
        assert row["admiralty_evidence"] == list(g.evidence)
    assert {r["fact_id"] for r in got["fact_mentions"]} <= set(want_facts)
    kinds = {r["kind"] for r in got["contradictions"]}
    assert "contradiction" in kinds
    assert pa.types.is_timestamp(SCHEMAS["articles"].field("added_at").type)
    assert all(r["added_at"].tzinfo is not None for r in got["articles"])


def test_parquet_filters_choose_rows(ledger: SimpleNamespace, tmp_path: Path) -> None:
    with Ledger(ledger.path, readonly=True) as led:
        led.export("parquet", tmp_path / "sv", lang="sv")
        led.export("parquet", tmp_path / "denied", certainty="denied")
        led.export("parquet", tmp_path / "hot", contested=True)
        sv_ids = {a["id"] for a in led.articles(lang="sv")}
        denied = {(c["article_id"], c["id"]) for c in led.claims(certainty="denied")}
        hot = {f["id"] for f in led.facts(contested=True)}
    assert {a["id"] for a in _read(tmp_path / "sv", "articles")} == sv_ids
    assert {c["article_id"] for c in _read(tmp_path / "sv", "claims")} <= sv_ids
    assert {(c["article_id"], c["id"]) for c in _read(tmp_path / "denied", "claims")} == denied
    assert {f["id"] for f in _read(tmp_path / "hot", "facts")} == hot and hot


def test_parquet_refuses_stdout_a_file_and_bad_filters(ledger: SimpleNamespace, tmp_path: Path) -> None:
    a_file = tmp_path / "f"
    a_file.write_text("x")
    with Ledger(ledger.path, readonly=True) as led:
        with pytest.raises(OutputError, match="folder"):
            led.export("parquet", "-")
        with pytest.raises(OutputError, match="not a folder"):
            led.export("parquet", a_file)
        with pytest.raises(UsageError, match="ISO date"):
            led.export("parquet", tmp_path / "x", since="yesterday")
        with pytest.raises(UsageError, match="unknown export filter 'colour'"):
            led.export("parquet", tmp_path / "x", colour="red")
        with pytest.raises(UsageError, match="unknown export format 'xml'"):
            led.export("xml", tmp_path / "x")
    assert a_file.read_text() == "x"
