"""``claimledger analyze`` as a user runs it: real subprocesses on real files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.store import Ledger


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "CLAIMLEDGER_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin.decode() if stdin else None, env=env, timeout=300)


@pytest.fixture(scope="module")
def examples_ledger(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    work = tmp_path_factory.mktemp("run")
    res = run("analyze", str(examples), cwd=work)
    assert res.returncode == 0, res.stderr
    return work / "claimledger.sqlite"


def test_cli_analyze_examples_into_default_ledger_in_cwd(examples_ledger: Path) -> None:
    assert examples_ledger.is_file()
    with Ledger(examples_ledger) as ledger:
        s = ledger.summary()
    assert s["articles"] >= 10
    assert set(s["languages"]) >= {"sv", "en"}
    assert s["attributions"] > 50 and s["quantities"] > 50


def test_cli_every_stored_span_indexes_its_article_text(examples_ledger: Path) -> None:
    con = sqlite3.connect(examples_ledger)
    texts = dict(con.execute("select id, text from articles"))
    checks = [
        ("attributions", "cue_start", "cue_end", "cue_text"),
        ("attributions", "content_start", "content_end", "content_text"),
        ("attributions", "source_start", "source_end", "source_text"),
        ("quantities", "start", "end", "text"),
        ("quantities", "counted_start", "counted_end", "counted_text"),
        ("mentions", "start", "end", "text"),
    ]
    n = 0
    for table, s, e, words in checks:
        for art, start, end, stored in con.execute(f'select article_id, "{s}", "{e}", "{words}" from {table}'):
            if start is None:
                continue
            assert texts[art][start:end] == stored, (table, words)
            n += 1
    assert n > 300


def test_cli_reanalyze_adds_nothing_and_says_so(examples_ledger: Path, examples: Path) -> None:
    before = sqlite3.connect(examples_ledger).execute("select count(*) from attributions").fetchone()
    res = run("analyze", str(examples), "--ledger", str(examples_ledger), cwd=examples_ledger.parent)
    assert res.returncode == 0
    assert "0 added" in res.stdout and "already in the ledger" in res.stdout
    assert sqlite3.connect(examples_ledger).execute("select count(*) from attributions").fetchone() == before


def test_cli_claims_show_export(examples_ledger: Path, tmp_path: Path) -> None:
    cwd = examples_ledger.parent
    res = run("claims", "--certainty", "denied", cwd=cwd)
    assert res.returncode == 0 and "denied" in res.stdout
    first = sqlite3.connect(examples_ledger).execute("select id from articles").fetchone()[0]
    res = run("show", first[:10], cwd=cwd)
    assert res.returncode == 0 and "attributions" in res.stdout
    out = tmp_path / "all.jsonl"
    res = run("export", "--format", "jsonl", "-o", str(out), cwd=cwd)
    assert res.returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sqlite3.connect(examples_ledger).execute("select count(*) from articles").fetchone()[0]
    assert all("attributions" in r for r in rows)
    res = run("export", "--format", "csv", "-o", str(tmp_path / "a.csv"), cwd=cwd)
    assert res.returncode == 0 and (tmp_path / "a.csv").read_text(encoding="utf-8").count("\n") > 50


def test_cli_bad_inputs_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Enligt polisen greps tre personer under natten.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "feed.xml").write_text("<rss><channel><nothing/></channel></rss>", encoding="utf-8")
    res = run("analyze", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "photo.png"),
              str(tmp_path / "missing.txt"), str(tmp_path / "feed.xml"), cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    for name in ("empty.txt", "photo.png", "missing.txt", "feed.xml"):
        lines = [line for line in res.stderr.splitlines() if name in line]
        assert len(lines) == 1, (name, res.stderr)
    assert "1 added" in res.stdout


def test_cli_nothing_readable_exits_2(tmp_path: Path) -> None:
    res = run("analyze", str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr and "nope.txt" in res.stderr


def test_cli_stdin(tmp_path: Path) -> None:
    res = run("analyze", "-", cwd=tmp_path, stdin=b"Officials said 40 people were injured.")
    assert res.returncode == 0, res.stderr
    assert "1 added" in res.stdout


def test_cli_kill_9_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 120
    for i in range(n):
        (corpus / f"a{i:03}.txt").write_text(
            f"Enligt polisen greps {i + 2} personer i stad nummer {i}.\n\n"
            f"– Vi har läget under kontroll, säger kommissarie Berg {i}.", encoding="utf-8")
    ledger = tmp_path / "l.sqlite"
    env = {**os.environ, "CLAIMLEDGER_DEBUG": ""}
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "analyze", str(corpus), "--ledger", str(ledger),
                             "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = sqlite3.connect(ledger, timeout=1).execute("select count(*) from articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 5:
            break
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the run was not caught mid-batch"
    res = run("analyze", str(corpus), "--ledger", str(ledger), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    con = sqlite3.connect(ledger)
    assert con.execute("select count(*) from articles").fetchone()[0] == n
    assert con.execute("select count(distinct raw_ref) from articles").fetchone()[0] == n
    per_article = con.execute("select count(*) from attributions group by article_id").fetchall()
    assert len(per_article) == n and {c for (c,) in per_article} == {2}
