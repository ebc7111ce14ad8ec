"""``claimledger analyze`` as a user runs it: real subprocesses on real files.

Each test that stores runs on the default SQLite ledger in the working folder and on a
PostgreSQL database named with ``--ledger``; the stored rows are read back with plain SQL
(SQLAlchemy Core, not the ledger's own queries). A writer killed with SIGKILL mid-batch
leaves either ledger one re-run completes, each article once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from tests.conftest import BACKENDS, ledger_target

from claimledger.store import Ledger


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "CLAIMLEDGER_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], cwd=cwd, capture_output=True, text=True,
                          input=stdin.decode() if stdin else None, env=env, timeout=300)


def sql(target: str | Path, query: str) -> list[Any]:
    """Rows of ``query`` on the ledger at ``target`` (a SQLite path or a database URL)."""
    engine = create_engine(f"sqlite:///{target}" if isinstance(target, Path) else target)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(query))]
    finally:
        engine.dispose()


def ledger_args(target: str | Path) -> list[str]:
    """How a command names the ledger: nothing for the default file in the working folder, else --ledger."""
    return [] if isinstance(target, Path) and target.name == "claimledger.sqlite" else ["--ledger", str(target)]


@pytest.fixture(scope="module", params=BACKENDS)
def examples_ledger(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                    examples: Path) -> SimpleNamespace:
    work = tmp_path_factory.mktemp("run")
    target = ledger_target(request, work / "claimledger.sqlite")
    res = run("analyze", str(examples), *ledger_args(target), cwd=work)
    assert res.returncode == 0, res.stderr
    return SimpleNamespace(target=target, cwd=work, args=ledger_args(target))


@pytest.fixture(params=BACKENDS)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> list[str]:
    """The arguments that name a new ledger: none (the default file in the working folder) or
    ``--ledger`` with a new PostgreSQL database."""
    return ledger_args(ledger_target(request, tmp_path / "claimledger.sqlite"))


def test_cli_analyze_examples_into_default_ledger_in_cwd(examples_ledger: SimpleNamespace) -> None:
    assert not isinstance(examples_ledger.target, Path) or examples_ledger.target.is_file()
    with Ledger(examples_ledger.target) as ledger:
        s = ledger.summary()
    assert s["articles"] >= 10
    assert set(s["languages"]) >= {"sv", "en"}
    assert s["attributions"] > 50 and s["quantities"] > 50


def test_cli_every_stored_span_indexes_its_article_text(examples_ledger: SimpleNamespace) -> None:
    texts = dict(sql(examples_ledger.target, "select id, text from articles"))
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
        for art, start, end, stored in sql(examples_ledger.target,
                                           f'select article_id, "{s}", "{e}", "{words}" from {table}'):
            if start is None:
                continue
            assert texts[art][start:end] == stored, (table, words)
            n += 1
    assert n > 300


def test_cli_reanalyze_adds_nothing_and_says_so(examples_ledger: SimpleNamespace, examples: Path) -> None:
    before = sql(examples_ledger.target, "select count(*) from attributions")
    res = run("analyze", str(examples), "--ledger", str(examples_ledger.target), cwd=examples_ledger.cwd)
    assert res.returncode == 0
    assert "0 added" in res.stdout and "already in the ledger" in res.stdout
    assert sql(examples_ledger.target, "select count(*) from attributions") == before


def test_cli_claims_show_export(examples_ledger: SimpleNamespace, tmp_path: Path) -> None:
    cwd, named = examples_ledger.cwd, examples_ledger.args
    res = run("claims", "--certainty", "denied", *named, cwd=cwd)
    assert res.returncode == 0 and "denied" in res.stdout
    first = sql(examples_ledger.target, "select id from articles order by id")[0][0]
    res = run("show", first[:10], *named, cwd=cwd)
    assert res.returncode == 0 and "attributions" in res.stdout
    out = tmp_path / "all.jsonl"
    res = run("export", "--format", "jsonl", "-o", str(out), *named, cwd=cwd)
    assert res.returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(len(rows),)] == sql(examples_ledger.target, "select count(*) from articles")
    assert all("attributions" in r for r in rows)
    res = run("export", "--format", "csv", "-o", str(tmp_path / "a.csv"), *named, cwd=cwd)
    assert res.returncode == 0 and (tmp_path / "a.csv").read_text(encoding="utf-8").count("\n") > 50


def test_cli_bad_inputs_one_line_each_and_the_batch_goes_on(tmp_path: Path, fresh: list[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Enligt polisen greps tre personer under natten.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "feed.xml").write_text("<rss><channel><nothing/></channel></rss>", encoding="utf-8")
    res = run("analyze", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "photo.png"),
              str(tmp_path / "missing.txt"), str(tmp_path / "feed.xml"), *fresh, cwd=tmp_path)
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


def test_cli_stdin(tmp_path: Path, fresh: list[str]) -> None:
    res = run("analyze", "-", *fresh, cwd=tmp_path, stdin=b"Officials said 40 people were injured.")
    assert res.returncode == 0, res.stderr
    assert "1 added" in res.stdout


@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_kill_9_then_rerun_stores_every_article_exactly_once(request: pytest.FixtureRequest, tmp_path: Path,
                                                                  backend: str) -> None:
    """SIGKILL mid-batch: SQLite recovers its WAL on the next open, PostgreSQL rolls back the dead
    connection's transaction; either way the re-run stores what is missing and nothing twice."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 120
    for i in range(n):
        (corpus / f"a{i:03}.txt").write_text(
            f"Enligt polisen greps {i + 2} personer i stad nummer {i}.\n\n"
            f"– Vi har läget under kontroll, säger kommissarie Berg {i}.", encoding="utf-8")
    ledger = tmp_path / "l.sqlite" if backend == "sqlite" else request.getfixturevalue("postgres")()
    env = {**os.environ, "CLAIMLEDGER_DEBUG": ""}
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "analyze", str(corpus), "--ledger", str(ledger),
                             "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = sql(ledger, "select count(*) from articles")[0][0]
        except DBAPIError:
            continue  # not created yet, or (SQLite) locked for a moment
        if stored >= 5:
            break
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the run was not caught mid-batch"
    res = run("analyze", str(corpus), "--ledger", str(ledger), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert sql(ledger, "select count(*) from articles") == [(n,)]
    assert sql(ledger, "select count(distinct raw_ref) from articles") == [(n,)]
    per_article = sql(ledger, "select count(*) from attributions group by article_id")
    assert len(per_article) == n and {c for (c,) in per_article} == {2}
