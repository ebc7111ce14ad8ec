"""Ledger.export: JSON Lines in the gold format (plus ids and spans) and CSV, both read back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import BACKENDS
from tests.store.conftest import ledger_on

from claimledger.errors import OutputError, UsageError
from claimledger.model import Analysis
from claimledger.store import Ledger


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, ledger_path: Path) -> Iterator[Ledger]:
    """Every test here, on SQLite and on a real PostgreSQL server."""
    yield from ledger_on(request, ledger_path)


def test_export_jsonl_parses_back_in_gold_format(
    filled: Ledger, analyses: list[Analysis], tmp_path: Path
) -> None:
    out = tmp_path / "ledger.jsonl"
    assert filled.export("jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == [a.article.id for a in analyses]  # oldest first
    for d, an in zip(lines, analyses, strict=True):
        assert d["text"] == an.article.text and d["lang"] == an.article.lang
        for got, att in zip(d["attributions"], an.attributions, strict=True):
            gold = {k: got[k] for k in ("source", "cue", "content", "certainty", "anonymous")}
            assert gold == {
                "source": att.source.of(an.article.text) if att.source else None,
                "cue": att.cue.of(an.article.text),
                "content": att.content.of(an.article.text),
                "certainty": att.certainty,
                "anonymous": att.anonymous,
            }
            s, e = got["content_span"]
            assert d["text"][s:e] == got["content"] and got["id"] == att.id
        for got, q in zip(d["quantities"], an.quantities, strict=True):
            assert got["text"] == q.span.of(an.article.text) and got["value"] == q.value
            assert got["approx"] == q.approx and got["counted"] == (
                q.counted.of(d["text"]) if q.counted else None
            )
    rng = lines[2]["quantities"][0]
    assert (rng["value"], rng["value_max"]) == (10000, 12000)
    assert isinstance(rng["value"], int)  # whole numbers written as the gold sets write them
    assert lines[1]["fetched_at"] == "2025-03-04T09:30:00+01:00"
    assert lines[0]["mentions"][0]["canonical"] == "Swedish Armed Forces"


def test_export_jsonl_spans_rebuild_records(filled: Ledger, en_analysis: Analysis) -> None:
    buf = io.StringIO()
    filled.export("jsonl", buf)
    d = json.loads(buf.getvalue().splitlines()[1])
    parts = d["attributions"][2]["content_parts"]
    assert [d["text"][s:e] for s, e in parts] == ["the grid", "attacked"]
    assert [d["text"][s:e] for s, e in d["attributions"][1]["hedges"]] == ["may"]


def test_export_csv_parses_back(filled: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert filled.export("csv", out) == 8
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 8
    first = rows[0]
    assert (
        first["attribution_id"],
        first["source"],
        first["cue"],
        first["certainty"],
        first["anonymous"],
    ) == (
        "sv-a1",
        "Försvarsmakten",
        "Enligt",
        "asserted",
        "false",
    )
    assert first["content"] == "sköts tolv drönare ner över Gotland under natten"
    assert {r["lang"] for r in rows} == {"sv", "en"}
    nested = [r for r in rows if r["attribution_id"] == "n-a2"][0]
    assert nested["via"] == "n-a1" and nested["anonymous"] == "true"
    by_id = {r["attribution_id"]: r for r in rows}
    for a in filled.claims():
        r = by_id[a["id"]]
        assert (int(r["cue_start"]), int(r["cue_end"])) == (a["cue_start"], a["cue_end"])
        assert r["source_start"] == ("" if a["source_start"] is None else str(a["source_start"]))


def test_export_to_path_leaves_no_part_file(filled: Ledger, tmp_path: Path) -> None:
    filled.export("csv", tmp_path / "x.csv")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("x")) == ["x.csv"]


def test_export_unknown_format_and_bad_path(filled: Ledger, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format 'xml'"):
        filled.export("xml", tmp_path / "x.xml")
    with pytest.raises(OutputError, match="cannot write .*folder .* does not exist") as info:
        filled.export("jsonl", tmp_path / "missing" / "x.jsonl")
    assert "\n" not in str(info.value)


def test_export_empty_ledger(ledger: Ledger) -> None:
    buf = io.StringIO()
    assert ledger.export("jsonl", buf) == 0 and buf.getvalue() == ""
    buf = io.StringIO()
    assert ledger.export("csv", buf) == 0 and buf.getvalue().startswith("article_id,attribution_id,")
