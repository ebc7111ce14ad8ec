"""``facts``, ``fact``, ``history``, ``actors``, ``actor`` as a user runs them, on a hand-built linked ledger.

Real subprocesses, so what is checked is the bytes a terminal or a pipe receives. The
poisoned ledger carries Rich markup, an OSC 52 clipboard escape and a bidi override in
every printed field: none may reach the output raw, and markup must print as text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS, linked_on

BIDI = "\u202e"


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Every command here, on a SQLite file and on a real PostgreSQL server's database."""
    return linked_on(request, tmp_path)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "CLAIMLEDGER_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def ok(*args: str, ledger: SimpleNamespace) -> str:
    res = run(*args, "--ledger", str(ledger.path), cwd=ledger.folder)
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_cli_facts_table_and_json(linked: SimpleNamespace) -> None:
    table = ok("facts", ledger=linked)
    assert "4 fact(s)" in table and "≈10,000 person" in table and "≥11,000 person" in table
    assert "NIS, HUR" in table and "contested" in table and "(unattributed)" in table
    rows = json.loads(ok("facts", "--contested", "--json", ledger=linked))
    assert [r["id"] for r in rows] == [linked.facts["F1"], linked.facts["F3"]]
    assert [r["id"] for r in json.loads(ok("facts", "--actor", "pentagon", "--json", ledger=linked))] == [
        linked.facts["F2"]]
    assert [r["id"] for r in json.loads(ok("facts", "--lang", "sv", "--json", ledger=linked))] == [linked.facts["F1"]]


def test_cli_fact_shows_mentions_and_links(linked: SimpleNamespace) -> None:
    shown = ok("fact", "f1", ledger=linked)
    for words in ("troops sent", "4 mention(s)", "SVT · 2025-01-10 · sv", "41:55", "copy of", "HUR",
                  "same figure and variable", "score 0.90", "denial", "the Kremlin denies the troops were sent"):
        assert words in shown, words
    data = json.loads(ok("fact", "f3", "--json", ledger=linked))
    assert data["kind"] == "claim" and data["links"][0]["other"] == linked.facts["F1"]


def test_cli_fact_unknown_is_one_line_exit_2(linked: SimpleNamespace) -> None:
    res = run("fact", "zz", "--ledger", str(linked.path), cwd=linked.folder)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr == "claimledger: no fact with id 'zz' in the ledger\n"


def test_cli_history_formats(linked: SimpleNamespace) -> None:
    table = ok("history", "troops", ledger=linked)
    assert "troops: 4 point(s)" in table and "denied contested" in table
    h = json.loads(ok("history", "troops", "--format", "json", ledger=linked))
    assert [p["source"] for p in h["points"]] == ["HUR", "NIS", "Pentagon", None]
    got = list(csv.DictReader(io.StringIO(ok("history", linked.facts["F2"], "--format", "csv", ledger=linked))))
    assert [(r["date"], r["source"], r["value"], r["denied"]) for r in got] == [
        ("2025-01-10", "HUR", "10000.0", "true"), ("2025-01-10", "NIS", "10000.0", "true"),
        ("2025-01-12", "Pentagon", "11000.0", "false"), ("2025-01-20", "", "12000.0", "false")]
    res = run("history", "troops", "--format", "xml", "--ledger", str(linked.path), cwd=linked.folder)
    assert res.returncode == 2 and "unknown format 'xml'" in res.stderr


def test_cli_history_plot_writes_a_png(linked: SimpleNamespace, tmp_path: Path) -> None:
    (tmp_path / "plots").mkdir()
    png = tmp_path / "plots" / "troops.png"
    res = run("history", "troops", "--plot", str(png), "--format", "json", "--ledger", str(linked.path),
              cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["variable"] == "troops|total"  # the plot's note stays off stdout
    assert str(png) in res.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1024
    assert [p.name for p in png.parent.iterdir()] == ["troops.png"]  # no temporary file left behind


def test_cli_history_plot_into_missing_folder_fails_cleanly(linked: SimpleNamespace, tmp_path: Path) -> None:
    res = run("history", "troops", "--plot", str(tmp_path / "nope" / "t.png"), "--ledger", str(linked.path),
              cwd=tmp_path)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "does not exist" in res.stderr


def test_cli_actors_and_actor(linked: SimpleNamespace) -> None:
    table = ok("actors", ledger=linked)
    assert "4 actor(s)" in table and "en 2 · sv 1" in table
    assert json.loads(ok("actors", "--lang", "sv", "--json", ledger=linked))[0]["actor"] == "NIS"
    shown = ok("actor", "nis", ledger=linked)
    assert "NIS: 3 claim(s)" in shown and "Sydkoreas underrättelsetjänst" in shown and "named-agency" in shown
    assert len(json.loads(ok("actor", "Pentagon", "--json", ledger=linked))) == 1
    res = run("actor", "n", "--ledger", str(linked.path), cwd=linked.folder)
    assert res.returncode == 2 and res.stderr.startswith("claimledger: actor 'n' is ambiguous")


def test_cli_copies_lists_each_copy_with_its_reason(linked: SimpleNamespace) -> None:
    table = ok("copies", ledger=linked)
    assert "1 copies of 1 original(s)" in table and "Other Paper" in table
    [row] = json.loads(ok("copies", "--json", ledger=linked))
    assert row["method"] and row["reason"] and row["outlet"] == "Other Paper"
    rows = list(csv.DictReader(io.StringIO(ok("copies", "--csv", ledger=linked))))
    assert [r["outlet"] for r in rows] == ["Other Paper"]


@pytest.mark.parametrize("args", [
    ("facts",), ("fact", "f1"), ("fact", "f3"), ("history", "f1"), ("history", "f1", "--format", "csv"),
    ("history", "f1", "--format", "json"), ("actors",), ("actor", "nis"), ("facts", "--json"), ("copies",),
])
def test_cli_facts_poisoned_ledger_prints_hostile_text_inert(poisoned: SimpleNamespace, args: tuple[str, ...]) -> None:
    res = run(*args, "--ledger", str(poisoned.path), cwd=poisoned.path.parent)
    assert res.returncode == 0, res.stderr
    for raw in ("\x1b", "\x07", BIDI):
        assert raw not in res.stdout and raw not in res.stderr, (args, raw)
    if "--json" in args or "json" in args:
        assert "[/b]" in json.dumps(json.loads(res.stdout))  # JSON keeps the text, escaped
    else:
        assert "[/b][link=http://x]click[/link]" in res.stdout  # markup printed as text, never run
        assert "␛]52;c;SGVsbG8=" in res.stdout and "<U+202E>" in res.stdout


def test_cli_history_poisoned_plot(poisoned: SimpleNamespace, tmp_path: Path) -> None:
    png = tmp_path / "p.png"
    res = run("history", "f1", "--plot", str(png), "--ledger", str(poisoned.path), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_history_csv_neutralises_formulas() -> None:
    from claimledger.cli.history import neutralise

    assert [neutralise(c) for c in ("=1+1", "+SUM(A1)", "-2", "@x", "\tx", "\rx", "plain", -5.0, None)] == [
        "'=1+1", "'+SUM(A1)", "'-2", "'@x", "' x", "'␍x", "plain", -5.0, None]


def test_cli_relink_rebuilds_links_with_the_library_linker(linked: SimpleNamespace) -> None:
    """The hand-written plans are replaced by what the real linker decides; every article is linked again."""
    from claimledger.store import Ledger

    res = run("relink", "--ledger", str(linked.path), cwd=linked.folder)
    assert res.returncode == 0, res.stderr
    assert "linked 5 article(s)" in res.stdout
    with Ledger(linked.path) as led:
        assert led.unlinked() == []
        assert linked.facts["F1"] not in {f["id"] for f in led.facts()}
