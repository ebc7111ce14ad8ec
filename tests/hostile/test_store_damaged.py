"""Read-only and damaged ledgers: read what can be read, report what cannot, one line for what is no ledger.

A ledger on a read-only file or folder used to be unreadable (the WAL pragma ran on open).
A tampered row (a span outside its text, bad JSON, an unknown certainty) is skipped with a
``LedgerDamageWarning`` and the rest of the answer is given; a file that is not a ledger
gets one line and exit 2 from the CLI.

Read-only files and folders, file modes and files that are not SQLite are about a file by
nature, so those tests stay on SQLite; tampered rows, the write path's refusal and a
database that is no ledger (empty, or someone else's tables) run on PostgreSQL too.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from tests.conftest import BACKENDS, linked_on

from claimledger.cli.app import main
from claimledger.errors import LedgerDamageWarning, NotALedgerError, StoreError
from claimledger.store import Ledger


@pytest.fixture
def readonly_folder(linked: SimpleNamespace) -> Iterator[Path]:
    """The linked ledger in a folder, both made read-only (restored afterwards so tmp_path can be removed)."""
    folder = linked.path.parent
    linked.path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield linked.path
    finally:
        folder.chmod(0o755)
        linked.path.chmod(0o644)


def test_store_readonly_file_and_folder_can_be_read(readonly_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in readonly_folder.parent.iterdir()}
    with Ledger(readonly_folder, readonly=True) as ledger:
        assert ledger.summary()["articles"] == 5
        assert len(ledger.claims()) == 6 and ledger.facts()
        with pytest.raises(StoreError, match="read-only"):
            ledger.relink(lambda view, a: None)  # type: ignore[arg-type, return-value]
    for args in (["claims"], ["articles", "--json"], ["facts"], ["export", "-f", "csv"]):
        assert main([*args, "--ledger", str(readonly_folder)]) == 0, capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in readonly_folder.parent.iterdir()} == before


def test_store_readonly_open_never_writes(linked: SimpleNamespace) -> None:
    """Even where the file may be written, a reading command changes nothing and leaves no -wal/-shm behind."""
    before = linked.path.read_bytes()
    with Ledger(linked.path, readonly=True) as ledger:
        assert ledger.counts()["articles"] == 5
    assert linked.path.read_bytes() == before
    assert sorted(p.name for p in linked.path.parent.iterdir()) == ["linked.sqlite"]


def test_store_readonly_mode_ro_when_the_file_cannot_be_written(linked: SimpleNamespace,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``mode=ro`` / ``immutable`` path, taken where ``os.access`` says no (as root it always says yes)."""
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    with Ledger(linked.path, readonly=True) as ledger:
        assert ledger.counts()["articles"] == 5 and ledger.analysis(linked.articles["sv"][:8]).attributions


def test_store_readonly_missing_ledger_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--ledger", str(tmp_path / "nope.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err
    assert not (tmp_path / "nope.sqlite").exists()  # a reading command creates nothing


@pytest.mark.parametrize("make", [
    lambda p: p.write_bytes(b"\x00garbage, not SQLite" * 50),
    lambda p: p.write_bytes(b""),
    lambda p: sqlite3.connect(p).execute("create table notes(x)").connection.commit(),
    lambda p: p.mkdir(),
], ids=["garbage", "empty-file", "other-database", "a-directory"])
def test_store_not_a_ledger_is_one_line(tmp_path: Path, make: object, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.db"
    make(target)  # type: ignore[operator]
    for args in (["claims"], ["articles", "--json"], ["export"]):
        assert main([*args, "--ledger", str(target)]) == 2
        got = capsys.readouterr()
        assert got.out == "" and got.err.count("\n") == 1 and got.err.startswith("claimledger: ledger ")
    if target.is_file():
        with pytest.raises(NotALedgerError):
            Ledger(target, readonly=True)


@pytest.fixture(params=BACKENDS)
def linked_on_both(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    return linked_on(request, tmp_path)


def tamper(target: str | Path, sql: str, *params: object) -> None:
    """Change stored rows behind the ledger's back, with plain SQL (``:p0``, ``:p1`` ... for ``params``)."""
    engine = create_engine(f"sqlite:///{target}" if isinstance(target, Path) else target)
    with engine.begin() as conn:
        conn.execute(text(sql), {f"p{i}": v for i, v in enumerate(params)})
    engine.dispose()


@pytest.mark.parametrize("make", [
    "",
    "create table notes(x int)",
], ids=["empty-database", "other-database"])
def test_store_postgresql_database_not_a_ledger_is_one_line(postgres: object, make: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = str(postgres())  # type: ignore[operator]
    if make:
        tamper(url, make)
    for args in (["claims"], ["articles", "--json"], ["export"]):
        assert main([*args, "--ledger", url]) == 2
        got = capsys.readouterr()
        assert got.out == "" and got.err.count("\n") == 1 and "not a claimledger ledger" in got.err
    with pytest.raises(NotALedgerError):
        Ledger(url, readonly=True)
    engine = create_engine(url)
    with engine.connect() as conn:  # a reading command created nothing there
        assert conn.execute(text("select count(*) from pg_tables where schemaname = 'public'")).scalar() == len(
            [make] if make else [])
    engine.dispose()


def test_store_tampered_rows_are_reported_and_skipped(linked_on_both: SimpleNamespace,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    linked = linked_on_both
    us = linked.articles["us"]
    tamper(linked.path, "update attributions set content_end = 99999 where article_id = :p0 and id = 'a1'", us)
    tamper(linked.path, "update attributions set hedges = '{not json' where article_id = :p0 and id = 'a2'", us)
    tamper(linked.path, "update attributions set certainty = 'sorta' where article_id = :p0", linked.articles["ru"])
    tamper(linked.path, "update articles set warnings = 'nope', fetched_at = 'yesterday' where id = :p0", us)
    with Ledger(linked.path, readonly=True) as ledger:
        with pytest.warns(LedgerDamageWarning) as caught:
            an = ledger.analysis(us)
        assert an.attributions == () and an.quantities == ()  # both claims damaged; their figures go with them
        assert an.article.warnings == () and an.article.fetched_at is None
        messages = " | ".join(str(w.message) for w in caught)
        assert "outside the text" in messages and "bad span list" in messages and "not a JSON list" in messages
        with pytest.warns(LedgerDamageWarning, match="unknown certainty 'sorta'"):
            claims = ledger.claims()
        assert len(claims) == 5
        with pytest.warns(LedgerDamageWarning):
            assert ledger.export("jsonl", os.devnull) == 5
    assert main(["claims", "--ledger", str(linked.path)]) == 0
    err = capsys.readouterr().err
    assert "claimledger: note: damaged ledger row skipped" in err and "sorta" in err
    assert main(["show", us[:10], "--ledger", str(linked.path)]) == 0
    assert "outside the text" in capsys.readouterr().err
    assert main(["--quiet", "claims", "--ledger", str(linked.path)]) == 0
    assert capsys.readouterr().err == ""


def test_store_write_path_still_refuses_bad_records(linked_on_both: SimpleNamespace) -> None:
    """The same rule (``rows.problem``) guards the way in: a span outside the text is never stored."""
    from dataclasses import replace

    linked = linked_on_both

    from claimledger.model import Span

    with Ledger(linked.path) as ledger:
        an = ledger.analysis(linked.articles["sv"])
        art = replace(an.article, text=an.article.text + " extra", id="")
        bad = replace(an.attributions[0], article_id=art.id, cue=Span(0, 10_000))
        with pytest.raises(StoreError, match="outside the text"):
            ledger.add(replace(an, article=art, attributions=(bad,), quantities=()))


def test_store_readonly_file_mode_is_kept(linked: SimpleNamespace) -> None:
    linked.path.chmod(0o400)
    try:
        with Ledger(linked.path, readonly=True) as ledger:
            assert ledger.counts()["attributions"] == 6
        assert stat.S_IMODE(linked.path.stat().st_mode) == 0o400
    finally:
        linked.path.chmod(0o644)
