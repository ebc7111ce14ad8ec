"""``claimledger export`` and ``fact`` as a user runs them, ``/api/v1/export`` as a tool calls it,
and the Admiralty rule on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
from starlette.testclient import TestClient

from claimledger.settings import Settings
from claimledger.store import Ledger
from claimledger.store.admiralty import grade


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "CLAIMLEDGER_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


def test_cli_export_parquet_with_filters_and_bad_input(ledger: SimpleNamespace, tmp_path: Path) -> None:
    res = run("export", "--format", "parquet", "-o", str(tmp_path / "pq"), "--lang", "EN", "--certainty", "denied",
              "--ledger", str(ledger.path), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "wrote" in res.stderr and "\x1b[" not in res.stderr  # no progress bar on a pipe
    claims = pq.read_table(tmp_path / "pq" / "claims.parquet").to_pylist()
    with Ledger(ledger.path, readonly=True) as led:
        assert {c["id"] for c in claims} == {c["id"] for c in led.claims(certainty="denied", lang="en")}
    bad = run("export", "--format", "stix", "--since", "last week", "--ledger", str(ledger.path), cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "ISO date" in bad.stderr


def test_cli_fact_shows_the_admiralty_grade(ledger: SimpleNamespace, tmp_path: Path) -> None:
    with Ledger(ledger.path, readonly=True) as led:
        fid = led.facts(contested=True)[0]["id"]
    data = json.loads(run("fact", fid, "--json", "--ledger", str(ledger.path), cwd=tmp_path).stdout)
    adm = data["admiralty"]
    assert adm["code"] == f"{adm['reliability']}{adm['credibility']}" and adm["credibility"] == data["grade"] == 4
    assert any(e.startswith(("contradiction", "denial")) for e in adm["evidence"])
    table = run("fact", fid, "--ledger", str(ledger.path), cwd=tmp_path).stdout
    assert "admiralty" in table and adm["words"] in table


def test_web_export_streams_each_text_format(ledger: SimpleNamespace) -> None:
    from claimledger.web import create_app

    client = TestClient(create_app(ledger.path, settings=Settings.from_env()), base_url="http://testserver")
    types = {"jsonl": "application/x-ndjson", "csv": "text/csv", "claimreview": "application/ld+json",
             "stix": "application/stix+json"}
    for fmt, media in types.items():
        r = client.get("/api/v1/export", params={"format": fmt, "lang": "sv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media), fmt
        assert "attachment" in r.headers["content-disposition"]
    reviews = client.get("/api/v1/export", params={"format": "claimreview"}).json()["@graph"]
    assert reviews[0]["url"].startswith("http://testserver/facts/")
    assert client.get("/api/v1/export", params={"format": "parquet"}).status_code == 400
    assert client.get("/api/v1/export", params={"format": "csv", "certainty": "sure"}).status_code == 400


def test_admiralty_rule() -> None:
    fact = {"id": "f1", "grade": 1, "independent": 2, "sources": ["NIS", "HUR"]}
    g = grade(fact, {"NIS": {"intelligence"}, "HUR": {"anonymous"}}, [])
    assert (g.code, g.sources[0][2], g.sources[1][2]) == ("B1", "F", "B")  # best source wins; sorted by name
    assert grade({**fact, "grade": 2, "independent": 1, "sources": ["Tass"]}, {"Tass": {"outlet"}}, []).code == "C2"
    assert grade({**fact, "grade": 6, "independent": 0, "sources": []}, {}, []).code == "F6"
    denied = grade({**fact, "grade": 4}, {"NIS": {"person", "witness"}}, [("denial", "f9", "denies it")])
    assert denied.code == "D4" and denied.evidence[-1] == "denial with fact f9: denies it"
