"""What users expect of a data CLI (sqlite-utils, datasette, gh): pipes, exit codes, options, settings, width.

In process through ``main`` where the bytes do not depend on a terminal, as subprocesses
where they do (colour, progress bars, a reader that leaves the pipe early).
"""

from __future__ import annotations

import csv
import io
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

LISTINGS = [("articles",), ("claims",), ("facts",), ("actors",), ("actor", "nis"), ("history", "troops")]


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Every convention here, on a SQLite file and on a real PostgreSQL server's database."""
    return linked_on(request, tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    got = capsys.readouterr()
    return code, got.out, got.err


def sub(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "CLAIMLEDGER_DEBUG": "", **(env or {})}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], capture_output=True, text=True, env=full,
                          cwd=cwd, timeout=120)


def test_cli_conventions_version_and_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and re.fullmatch(r"claimledger \d+\.\d+\S*\n", out)
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "claims" in out and "--json" in out
    code, out, _ = run(capsys, "claims", "-h")
    assert code == 0 and "--nl" in out and "--csv" in out and "--lang" in out


@pytest.mark.parametrize("args, words", [
    (("claims", "--limit", "abc"), "--limit"),
    (("claims", "--limit", "-1"), "--limit"),
    (("claims", "--no-such-option"), "no such option"),
    (("claims", "--lang", "english"), "not a language tag"),
    (("claims", "--json", "--csv"), "choose one output format"),
    (("history", "troops", "--format", "xml"), "unknown format 'xml'"),
    (("nosuchcommand",), "no such command"),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_cli_conventions_usage_errors_exit_2_with_one_line(linked: SimpleNamespace, capsys: pytest.CaptureFixture[str],
                                                           args: tuple[str, ...], words: str) -> None:
    code, out, err = run(capsys, *args, "--ledger", str(linked.path))
    assert code == 2, err
    assert out == "" and err.count("\n") == 1 and err.startswith("claimledger") and "internal error" not in err
    assert words.lower() in err.lower()


@pytest.mark.parametrize("tag, same", [("EN", "en"), ("en-GB", "en"), ("SV", "sv"), ("sv-SE", "sv"), ("sv_FI", "sv")])
def test_cli_conventions_language_tags_are_normalised(linked: SimpleNamespace, capsys: pytest.CaptureFixture[str],
                                                      tag: str, same: str) -> None:
    for command in ("articles", "claims", "facts", "actors"):
        _, want, _ = run(capsys, command, "--json", "--lang", same, "--ledger", str(linked.path))
        code, got, err = run(capsys, command, "--json", "--lang", tag, "--ledger", str(linked.path))
        assert code == 0 and got == want and json.loads(got), (command, err)


def test_cli_conventions_norwegian_tags_are_one_language() -> None:
    from claimledger.settings import language_tag

    assert {language_tag(t) for t in ("nb", "nn", "no", "NB-no", "nn_NO")} == {"no"}


@pytest.mark.parametrize("variable, value, words", [
    ("CLAIMLEDGER_MAX_BYTES", "lots", "CLAIMLEDGER_MAX_BYTES='lots' is not valid: expected a whole number"),
    ("CLAIMLEDGER_MAX_BYTES", "-5", "a whole number, 0 or more"),
    ("CLAIMLEDGER_FETCH_TIMEOUT", "soon", "CLAIMLEDGER_FETCH_TIMEOUT='soon' is not valid: expected a number"),
    ("CLAIMLEDGER_ALLOW_PRIVATE", "maybe", "one of 1/0, true/false, yes/no, on/off"),
])
def test_cli_conventions_bad_setting_names_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, variable: str, value: str,
                                                  words: str) -> None:
    monkeypatch.setenv(variable, value)
    (tmp_path / "a.txt").write_text("The ministry said that 3 drones were seen.")
    code, out, err = run(capsys, "analyze", str(tmp_path / "a.txt"), "--ledger", str(tmp_path / "l.sqlite"))
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("claimledger: ") and words in err


def test_cli_conventions_settings_parse_accepts_the_usual_spellings() -> None:
    from claimledger.settings import parse

    assert [parse("allow_private", v) for v in ("1", "TRUE", "yes", " on ", "0", "False", "no", "off")] == [
        True] * 4 + [False] * 4
    assert parse("max_bytes", "20_000") == 20_000 and parse("fetch_timeout", "2.5") == 2.5


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_cli_conventions_every_listing_takes_json_nl_and_csv(linked: SimpleNamespace,
                                                             capsys: pytest.CaptureFixture[str],
                                                             args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *args, "--json", "--ledger", str(linked.path))
    assert code == 0, err
    data = json.loads(out)
    rows = data["points"] if isinstance(data, dict) else data
    assert rows
    code, out, _ = run(capsys, *args, "--nl", "--ledger", str(linked.path))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and lines == rows
    code, out, _ = run(capsys, *args, "--csv", "--ledger", str(linked.path))
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(table) == len(rows) and set(table[0]) <= set(rows[0])


@pytest.mark.parametrize("args", [*LISTINGS, ("fact", "f1"), ("show", "9c")], ids=" ".join)
def test_cli_conventions_tables_fit_80_columns(linked: SimpleNamespace, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> None:
    """At 80 columns every line fits and no column is squeezed to a few letters: headers are never broken."""
    from claimledger.cli import render

    monkeypatch.setattr(render.out, "_width", 80)
    if args[0] == "show":
        args = ("show", linked.articles["us"][:10])
    code, out, err = run(capsys, *args, "--ledger", str(linked.path))
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= 80
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("┏"):  # a header row follows: one line, so no column name was broken
            assert lines[i + 1].startswith("┃") and lines[i + 2].startswith("┡"), "\n".join(lines[i:i + 3])


def test_cli_conventions_quiet_and_no_color(linked: SimpleNamespace, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--quiet", "export", "-o", str(tmp_path / "x.jsonl"), "--ledger", str(linked.path))
    assert code == 0 and err == "" and (tmp_path / "x.jsonl").is_file()
    colour = sub("claims", "--ledger", str(linked.path), env={"FORCE_COLOR": "1", "COLUMNS": "150"})
    plain = sub("claims", "--ledger", str(linked.path), env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "150"})
    assert colour.returncode == plain.returncode == 0

    def colours(text: str) -> set[str]:
        params = [p for m in re.findall(r"\x1b\[([0-9;]*)m", text) for p in m.split(";")]
        return {p for p in params if p and (p.startswith(("3", "9")) and p != "39")}

    assert colours(colour.stdout) and not colours(plain.stdout)


def test_cli_conventions_no_progress_bar_on_redirected_stderr(linked: SimpleNamespace, tmp_path: Path) -> None:
    """Issue 15: a log file is not a terminal, so it gets no progress bar (relink and analyze share the rule)."""
    from claimledger.cli.render import show_progress

    log = tmp_path / "err.log"
    with log.open("w") as fh:
        res = subprocess.run([sys.executable, "-m", "claimledger", "relink", "--ledger", str(linked.path)],
                             stdout=subprocess.PIPE, stderr=fh, text=True, timeout=300,
                             env={**os.environ, "CLAIMLEDGER_DEBUG": ""})
    assert res.returncode == 0 and "linked 5 article(s)" in res.stdout
    assert "━" not in log.read_text() and "\r" not in log.read_text()
    assert show_progress() is False  # pytest's stderr is no terminal either


def test_cli_conventions_reader_leaving_the_pipe_is_not_an_error(linked: SimpleNamespace) -> None:
    cmd = f"{sys.executable} -m claimledger export --ledger '{linked.path}' | head -c 10"
    res = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr


def test_cli_conventions_a_run_registers_only_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`claimledger predict …` imports and builds the predict command alone; `--help` (or a
    command that does not exist) still lists every command in one order, whatever ran before."""
    from claimledger.cli import app as cli_app

    assert cli_app._command(["-q", "predict", "x.jsonl"]) == "predict"
    assert cli_app._command(["--help"]) is None
    assert cli_app._command(["predic"]) is None
    cli_app.app.registered_commands.clear()
    assert main(["predict", "--help"]) == 0
    assert [c.name for c in cli_app.app.registered_commands] == ["predict"]
    assert main(["--help"]) == 0
    assert [c.name for c in cli_app.app.registered_commands] == list(cli_app.COMMANDS)
    assert "predict-links" in capsys.readouterr().out


@pytest.mark.parametrize("given, expected", [(None, "1"), ("3", "3")])
def test_cli_conventions_blas_multiplies_on_one_thread_unless_told(given: str | None, expected: str) -> None:
    """The models' matrix products run on one OpenBLAS thread (extra ones spin, costing CPU for no
    speed), set before numpy loads; a user's own OPENBLAS_NUM_THREADS is kept."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    probe = ("import os, sys; from claimledger.cli.app import main; main(['--version']); "
             "assert 'numpy' not in sys.modules; print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == expected
