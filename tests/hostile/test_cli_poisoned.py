"""Every reading command on a poisoned ledger: nothing a stranger's article holds reaches the terminal raw.

The ledger is the shared five-article linked ledger with hostile text in every printed
field (``tests/conftest.py``'s POISON), plus one article whose title, outlet, URL, file
name and text carry the rest of the catalogue: Rich markup that would close a style Rich
never opened (``[/b]`` made every later run fail), an OSC 8 hyperlink, OSC 52 clipboard
write, clear-screen, a C1 CSI, BEL, DEL, bidi overrides and isolates. Commands run in
process through ``main`` (fast), and a few as subprocesses on a forced-colour "terminal",
where the only escapes allowed are Rich's own colour codes. The poisoned ledger is a SQLite file
and a PostgreSQL database in turn: hostile text read back from either is printed alike.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS, linked_on

from claimledger.cli.app import main
from claimledger.model import Analysis, Article, Attribution, Quantity, Span

PAYLOAD = ("[/b][link=https://evil.example]click[/link][bold red]x "
           "\x1b[2J\x1b]52;c;SGVsbG8=\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ "
           "\x9b31m\x7f \u202eevil\u202c \u2066iso\u2069")
RAW = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u202c", "\u2066", "\u2069")


def _hostile_article(path: str | Path) -> str:
    """Add one article whose every printed field carries PAYLOAD; returns its id."""
    from claimledger.store import Ledger

    text = f"The ministry{PAYLOAD} said that 40 drones{PAYLOAD} were shot down."
    art = Article(text=text, lang="en", title=f"Title{PAYLOAD}", outlet=f"Outlet{PAYLOAD}",
                  url=f"https://example.org/{PAYLOAD}", raw_ref=f"evil{PAYLOAD}.txt", published="2025-02-01",
                  warnings=(f"warning{PAYLOAD}",))

    def at(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words))

    att = Attribution("h1", art.id, cue=at("said"), content=at(f"40 drones{PAYLOAD} were shot down"),
                      source=at(f"The ministry{PAYLOAD}"), certainty="asserted", anonymous=False)
    q = Quantity("hq1", art.id, at("40"), 40, "exact", counted=at(f"drones{PAYLOAD}"), attribution_id="h1")
    with Ledger(path) as ledger:
        ledger.add(Analysis(art, (att,), (q,)))
    return art.id


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so that checks for whole phrases do not meet a table's line wrap."""
    from claimledger.cli import render

    for console in (render.out, render.err):
        monkeypatch.setattr(console, "_width", 250)


@pytest.fixture(params=BACKENDS)
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    poisoned = linked_on(request, tmp_path, poison=True)
    poisoned.articles["hostile"] = _hostile_article(poisoned.path)
    return poisoned


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    got = capsys.readouterr()
    return code, got.out, got.err


def strings(data: object) -> list[str]:
    """Every string inside decoded JSON, keys and values."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (k, *strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def assert_inert(out: str, err: str, what: object) -> None:
    for raw in RAW:
        assert raw not in out, (what, repr(raw), "stdout")
        assert raw not in err, (what, repr(raw), "stderr")


COMMANDS = [
    ("articles",), ("claims",), ("claims", "--source", "ministry"), ("facts",), ("facts", "--contested"),
    ("fact", "f1"), ("fact", "f3"), ("actors",), ("actor", "nis"), ("history", "f1"), ("history", "troops"),
    ("export",), ("export", "--format", "csv"),
    ("articles", "--csv"), ("claims", "--csv"), ("facts", "--csv"), ("actors", "--csv"), ("history", "f1", "--csv"),
    ("articles", "--nl"), ("claims", "--nl"), ("facts", "--nl"), ("actors", "--nl"), ("actor", "nis", "--nl"),
    ("articles", "--json"), ("claims", "--json"), ("facts", "--json"), ("fact", "f1", "--json"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_cli_poisoned_every_reading_command_prints_hostile_text_inert(
        hostile: SimpleNamespace, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *args, "--ledger", str(hostile.path))
    assert code == 0, err
    assert_inert(out, err, args)
    if any(a in args for a in ("--json", "--nl")) or args == ("export",):
        data = json.loads(out) if "--json" in args else [json.loads(line) for line in out.splitlines()]
        text = "\n".join(strings(data))
        assert "[/b][link=" in text  # the exact text survives, escaped
        assert "\u202e" in text and "\x1b" in text  # once decoded, every character is there
    elif "--csv" not in args and "csv" not in args:
        assert "[/b][link=" in out  # markup printed as text, never run
        assert "␛]52;c;SGVsbG8=" in out and "<U+202E>" in out


def test_cli_poisoned_show_and_its_json(hostile: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    for article in hostile.articles.values():
        code, out, err = run(capsys, "show", article[:12], "--ledger", str(hostile.path))
        assert code == 0, err
        assert_inert(out, err, article)
    code, out, err = run(capsys, "show", hostile.articles["hostile"][:12], "--ledger", str(hostile.path))
    assert "Title[/b][link=https://evil.example]click[/link][bold red]x ␛[2J" in out
    code, out, err = run(capsys, "show", hostile.articles["hostile"][:12], "--json", "--ledger", str(hostile.path))
    assert code == 0 and json.loads(out)["title"] == f"Title{PAYLOAD}"
    assert_inert(out, err, "show --json")


def test_cli_poisoned_markup_never_breaks_a_later_run(hostile: SimpleNamespace,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The bug report: an article with ``[/b]`` made ``claims`` fail with "internal error" on every run."""
    for _ in range(2):
        code, out, err = run(capsys, "claims", "--ledger", str(hostile.path))
        assert code == 0 and "internal error" not in err and "[/b]" in out


def test_cli_poisoned_error_messages_are_escaped(hostile: SimpleNamespace,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", f"zz{PAYLOAD}", "--ledger", str(hostile.path))
    assert code == 2 and err.count("\n") == 1
    assert_inert(out, err, "show error")
    evil_dir = hostile.folder / f"d{PAYLOAD.replace('/', '|')}"
    code, out, err = run(capsys, "claims", "--ledger", str(evil_dir / "ledger.sqlite"))
    assert code == 2 and err.count("\n") == 1 and "␛[2J" in err
    assert_inert(out, err, "ledger path error")
    if isinstance(hostile.path, str):  # a database the server lacks, its hostile name quoted back by the server
        code, out, err = run(capsys, "claims", "--ledger", hostile.path.replace("?host=", f"{PAYLOAD}?host="))
        assert code == 2 and err.count("\n") == 1 and "does not exist" in err
        assert_inert(out, err, "database name error")


def test_cli_poisoned_console_backstop_cleans_what_a_command_forgot(capsys: pytest.CaptureFixture[str]) -> None:
    """Even a raw ``str`` printed on the shared console (no ``safe``) is shown, not obeyed, and markup stays text."""
    from rich.table import Table

    from claimledger.cli.render import out

    out.print(f"raw {PAYLOAD}")
    t = Table("col")
    t.add_row(PAYLOAD)
    out.print(t)
    printed = capsys.readouterr().out
    assert_inert(printed, "", "backstop")
    assert "[/b][link=https://evil.example]click[/link][bold red]x" in printed


SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("args", [("claims",), ("articles",), ("fact", "f1"), ("actor", "nis"), ("facts",)],
                         ids=" ".join)
def test_cli_poisoned_forced_colour_terminal_gets_only_colour_codes(hostile: SimpleNamespace,
                                                                    args: tuple[str, ...]) -> None:
    """On a terminal Rich writes its own colour codes; nothing else may start with ESC (no OSC 8 links, no 2J)."""
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "160", "CLAIMLEDGER_DEBUG": ""}
    env.pop("NO_COLOR", None)
    res = subprocess.run([sys.executable, "-m", "claimledger", *args, "--ledger", str(hostile.path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert SGR.search(res.stdout), "expected a colour terminal"
    leftover = SGR.sub("", res.stdout)
    assert_inert(leftover, res.stderr, args)
    assert "\x1b]8;" not in res.stdout and "[link=" in leftover
