"""Library misuse: public ``Ledger`` methods check their arguments and raise documented errors, in one line.

Wrong types raise ``ArgumentError`` (a ``UsageError`` and a ``TypeError``); wrong values
``UsageError``. A string is never taken apart into characters: ``ingest("ab.txt")`` is
one source. Every test that opens a ledger runs on SQLite and on a real PostgreSQL server,
and a PostgreSQL URL that names no database, or a server that does not answer, is one line.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.conftest import BACKENDS, ledger_target, linked_on

from claimledger import Ledger
from claimledger.cli.app import main
from claimledger.errors import ArgumentError, ClaimledgerError, StoreError, UsageError


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Misuse is refused the same way whichever database holds the ledger."""
    return linked_on(request, tmp_path)


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A new ledger's place: a SQLite file, or a fresh PostgreSQL database."""
    return ledger_target(request, tmp_path / "l.sqlite")


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


def test_store_misuse_ingest_takes_one_string_as_one_source(target: str | Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """``Ledger.ingest("ab.txt")`` hands the ingest layer ``["ab.txt"]``, never ``["a", "b", ...]``."""
    import importlib

    module = importlib.import_module("claimledger.analyze")  # the attribute is the analyze() function
    seen: list[Any] = []
    monkeypatch.setattr(module, "ingest", lambda _store, sources, **_kw: seen.append(sources))
    with Ledger(target) as ledger:
        ledger.ingest("ab.txt")
        ledger.ingest(tmp_path / "cd.txt")
        ledger.ingest(iter(["x.txt", "y.txt"]))
    assert seen == [["ab.txt"], [tmp_path / "cd.txt"], ["x.txt", "y.txt"]]


@pytest.mark.parametrize("where, words", [
    ("no-database", "does not exist"),
    ("no-server", "no such file or directory"),
])
def test_store_misuse_unreachable_postgresql_is_one_line(postgres: object, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str], where: str,
                                                        words: str) -> None:
    """A URL naming a database the server lacks, or a socket no server listens on: the library raises
    one ``StoreError`` line, the CLI prints it and exits 2, and neither hangs."""
    url = str(postgres())  # type: ignore[operator]
    if where == "no-database":
        url = url.replace("/t_", "/nosuch_", 1)
    else:
        url = url.split("?host=")[0] + f"?host={tmp_path}&connect_timeout=5"
    with pytest.raises(StoreError) as info:
        Ledger(url)
    assert "\n" not in str(info.value) and words in str(info.value).lower()
    assert main(["claims", "--ledger", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err.lower() and "Traceback" not in err


def test_store_misuse_postgresql_server_that_never_answers_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A port that accepts the connection and never says a word (a firewall's tarpit, a hung server):
    libpq would wait forever; the ledger gives up after ``CONNECT_TIMEOUT_S`` with one line, exit 2."""
    import socket
    import threading
    import time

    from claimledger.store.dialect import CONNECT_TIMEOUT_S

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        held: list[socket.socket] = []
        threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True).start()
        started = time.monotonic()
        code = main(["claims", "--ledger", f"postgresql+psycopg://u@127.0.0.1:{silent.getsockname()[1]}/db"])
        took = time.monotonic() - started
        for conn in held:
            conn.close()
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "timeout" in err and "Traceback" not in err
    assert took < CONNECT_TIMEOUT_S * 3
