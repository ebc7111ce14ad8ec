"""A writer SIGKILLed inside a transaction loses only that article, and a re-run completes the ledger.

This is the promise behind "one transaction per article": ``claimledger watch`` may be
killed at any moment (OOM killer, a laptop lid, ``kill -9``), and the next run must
neither duplicate what was stored nor keep half an article. The writer runs in a real
subprocess (``crash_writer.py``) so SQLite's own crash recovery of the WAL is exercised,
not an in-process rollback. The same writer is killed on a PostgreSQL ledger too, where the
server rolls back the dead connection's open transaction; there the rows are read back with
SQLAlchemy Core, on SQLite with plain sqlite3 plus its integrity and foreign-key checks.
"""

from __future__ import annotations

import importlib.util
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, text
from tests.conftest import BACKENDS, ledger_target

WRITER = Path(__file__).with_name("crash_writer.py")
N = 60
KILL_AT = 37


def _writer_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_writer", WRITER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _per_article(target: str | Path) -> dict[str, dict[str, int]]:
    """Rows per table per article, read with plain SQL (not the code under test)."""
    if isinstance(target, Path):
        db = sqlite3.connect(target)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            db.close()
    engine = create_engine(f"sqlite:///{target}" if isinstance(target, Path) else target)
    try:
        with engine.connect() as db:
            out: dict[str, dict[str, int]] = {
                aid: {"attributions": 0, "quantities": 0, "mentions": 0}
                for (aid,) in db.execute(text("SELECT id FROM articles"))
            }
            for table in ("attributions", "quantities", "mentions"):
                for aid, n in db.execute(text(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id")):
                    out[aid][table] = n  # a KeyError here would be a record without its article
        return out
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    return ledger_target(request, tmp_path / "crash.sqlite")


def test_ledger_crash_mid_transaction_then_rerun(target: str | Path) -> None:
    writer = _writer_module()
    path = target
    cmd = [sys.executable, str(WRITER), str(path), str(N)]

    lines = []
    with subprocess.Popen(
        [*cmd, str(KILL_AT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("inside"):
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert lines[-1] == f"inside {KILL_AT}" and lines[:-1] == [f"{i} True" for i in range(KILL_AT)]

    ids = [writer.analysis(i).article.id for i in range(N)]
    stored = _per_article(path)
    assert set(stored) == set(ids[:KILL_AT])  # the article being written when killed is gone, whole

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    flags = [line.split()[1] for line in rerun.stdout.splitlines()]
    assert flags == ["False"] * KILL_AT + ["True"] * (N - KILL_AT)

    stored = _per_article(path)
    assert sorted(stored) == sorted(ids)  # every article exactly once (ids are the primary key)
    for i, aid in enumerate(ids):
        assert stored[aid] == writer.expected(i), f"article {i} is partial"
