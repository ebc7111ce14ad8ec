"""Library misuse: public ``Ledger`` methods check their arguments and raise documented errors, in one line.

Wrong types raise ``ArgumentError`` (a ``UsageError`` and a ``TypeError``); wrong values
``UsageError``. A string is never taken apart into characters: ``ingest("ab.txt")`` is
one source.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from claimledger import Ledger
from claimledger.errors import ArgumentError, ClaimledgerError, UsageError


@pytest.mark.parametrize("call", [
    lambda led: led.add("some text"),
    lambda led: led.add(None),
    lambda led: led.add_all("abc"),
    lambda led: led.claims(limit="10"),
    lambda led: led.claims(limit=True),
    lambda led: led.claims(source=3),
    lambda led: led.claims(certainty=[1]),
    lambda led: led.articles(lang=5),
    lambda led: led.analysis(123),
    lambda led: led.fact(None),
    lambda led: led.actor(["x"]),
    lambda led: led.history(1.5),
    lambda led: led.export("jsonl", 42),
    lambda led: led.relink("not a linker"),
    lambda led: led.ingest(3),
    lambda led: led.ingest(["a.txt", 3]),
    lambda led: led.ingest("a.txt", settings={"max_bytes": 1}),
], ids=["add-str", "add-none", "add_all-str", "limit-str", "limit-bool", "source-int", "certainty-int",
        "lang-int", "analysis-int", "fact-none", "actor-list", "history-float", "export-int", "relink-str",
        "ingest-int", "ingest-mixed", "ingest-settings-dict"])
def test_store_misuse_wrong_types_raise_argument_error(linked: SimpleNamespace, call: Any) -> None:
    with Ledger(linked.path) as ledger, pytest.raises(ArgumentError) as info:
        call(ledger)
    assert isinstance(info.value, TypeError) and isinstance(info.value, UsageError)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("call, words", [
    (lambda led: led.claims(limit=-1), "limit must be 0 or more"),
    (lambda led: led.claims(lang="english"), "not a language tag"),
    (lambda led: led.claims(certainty="sure"), "unknown certainty"),
    (lambda led: led.export("xml", "-"), "unknown export format"),
])
def test_store_misuse_wrong_values_raise_usage_error(linked: SimpleNamespace, call: Any, words: str) -> None:
    with Ledger(linked.path) as ledger, pytest.raises(UsageError, match=words):
        call(ledger)


def test_store_misuse_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(ArgumentError):
        Ledger(42)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        Ledger("  ")
    with pytest.raises(ClaimledgerError, match="does not exist"):
        Ledger(tmp_path / "no" / "such" / "ledger.sqlite")


def test_store_misuse_language_tags_are_normalised(linked: SimpleNamespace) -> None:
    with Ledger(linked.path, readonly=True) as ledger:
        sv = ledger.claims(lang="sv")
        assert sv and ledger.claims(lang="SV") == sv == ledger.claims(lang="sv-SE") == ledger.claims(lang="sv_FI")
        assert len(ledger.articles(lang="EN")) == 4 and ledger.facts(lang="En-GB") == ledger.facts(lang="en")


def test_store_misuse_ingest_takes_one_string_as_one_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Ledger.ingest("ab.txt")`` hands the ingest layer ``["ab.txt"]``, never ``["a", "b", ...]``."""
    import importlib

    module = importlib.import_module("claimledger.analyze")  # the attribute is the analyze() function
    seen: list[Any] = []
    monkeypatch.setattr(module, "ingest", lambda _store, sources, **_kw: seen.append(sources))
    with Ledger(tmp_path / "l.sqlite") as ledger:
        ledger.ingest("ab.txt")
        ledger.ingest(tmp_path / "cd.txt")
        ledger.ingest(iter(["x.txt", "y.txt"]))
    assert seen == [["ab.txt"], [tmp_path / "cd.txt"], ["x.txt", "y.txt"]]
