"""CSV formula injection: every CSV writer neutralises formula cells with one function; JSON keeps the exact text.

OWASP's rule: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run by a spreadsheet, so it gets a leading ``'``. Only CSV: ``export`` to
JSON Lines and ``--json``/``--nl`` keep the words exactly as the article printed them. The
ledger is a SQLite file and a PostgreSQL database in turn: what comes back out of either is escaped alike.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.conftest import BACKENDS, ledger_target

from claimledger.cli.app import main
from claimledger.model import Analysis, Article, Attribution, Span
from claimledger.safetext import csv_cell

FORMULAS = ("=HYPERLINK(\"http://evil\")", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR")


@pytest.fixture(params=BACKENDS)
def formula_ledger(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    from claimledger.store import Ledger

    path = ledger_target(request, tmp_path / "f.sqlite")
    with Ledger(path) as ledger:
        for n, formula in enumerate(FORMULAS):
            text = f"{formula} said that {formula} happened."
            art = Article(text=text, lang="en", title=formula, outlet=formula, raw_ref=f"{n}.txt")
            said = text.index(" said") + 1
            content = text.index("that") + 5
            att = Attribution(f"a{n}", art.id, cue=Span(said, said + 4), content=Span(content, len(text) - 1),
                              source=Span(0, len(formula)), certainty="asserted", anonymous=False)
            ledger.add(Analysis(art, (att,)))
    return path


def cells(out: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(out)) for c in row]


def test_cli_csv_one_rule_for_every_cell() -> None:
    assert [csv_cell(c) for c in ("=1+1", "+x", "-2", "@x", "\tx", "\rx", "plain", "a=b", -5.0, 3, None, True)] == [
        "'=1+1", "'+x", "'-2", "'@x", "' x", "'␍x", "plain", "a=b", -5.0, 3, None, True]


@pytest.mark.parametrize("args", [("export", "--format", "csv"), ("claims", "--csv"), ("articles", "--csv")],
                         ids=" ".join)
def test_cli_csv_writers_neutralise_formulas(formula_ledger: str | Path, capsys: pytest.CaptureFixture[str],
                                            args: tuple[str, ...]) -> None:
    assert main([*args, "--ledger", str(formula_ledger)]) == 0
    found = cells(capsys.readouterr().out)
    assert not [c for c in found if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=HYPERLINK(\"http://evil\")" in found and "'+SUM(A1)" in found


def test_cli_csv_jsonl_and_json_keep_the_exact_text(formula_ledger: str | Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--ledger", str(formula_ledger)]) == 0
    sources = {a["source"] for line in capsys.readouterr().out.splitlines() for a in json.loads(line)["attributions"]}
    assert sources == set(FORMULAS)
    assert main(["claims", "--json", "--ledger", str(formula_ledger)]) == 0
    assert {r["source"] for r in json.loads(capsys.readouterr().out)} == set(FORMULAS)
    assert main(["claims", "--nl", "--ledger", str(formula_ledger)]) == 0
    assert {json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()} == set(FORMULAS)


def test_cli_csv_numbers_stay_numbers() -> None:
    """Negative numbers are numbers, not formulas: no quote on them (OWASP's rule is for text)."""
    from claimledger.safetext import csv_row

    assert csv_row([-1, -2.5, "-1"]) == [-1, -2.5, "'-1"]
