"""SQLite set-up (WAL, foreign keys, busy timeout), ledger names, and one-line open errors.

SQLite only by nature: pragmas, WAL files and file paths are what is tested; PostgreSQL's open
errors are tested in tests/hostile/test_store_misuse.py and test_store_damaged.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from claimledger.errors import StoreError
from claimledger.model import Analysis
from claimledger.store import Ledger, dialect


def test_dialect_pragmas_on_every_connection(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        assert dialect.journal_mode(conn) == "wal"
        pragma = {
            p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("foreign_keys", "synchronous", "busy_timeout")
        }
        assert pragma == {"foreign_keys": 1, "synchronous": 1, "busy_timeout": dialect.BUSY_TIMEOUT_MS}


def test_dialect_lower_folds_non_ascii(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        assert conn.scalar(select(func.lower("FÖRSVARSMAKTEN ÅÄÖ"))) == "försvarsmakten åäö"


def test_dialect_foreign_keys_cascade(filled: Ledger, sv_analysis: Analysis) -> None:
    with filled.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": sv_analysis.article.id})
    assert filled.counts() == {"articles": 2, "attributions": 5, "quantities": 3, "mentions": 1}


@pytest.mark.parametrize(
    ("target", "backend", "database"),
    [
        ("ledger.sqlite", "sqlite", "ledger.sqlite"),
        (Path("some dir/ledger.sqlite"), "sqlite", "some dir/ledger.sqlite"),
        ("sqlite:///rel.sqlite", "sqlite", "rel.sqlite"),
        ("postgresql+psycopg://u:secret@db.example/claims", "postgresql", "claims"),
    ],
)
def test_dialect_to_url(target: str | Path, backend: str, database: str) -> None:
    url = dialect.to_url(target)
    assert (url.get_backend_name(), url.database) == (backend, database)
    assert "secret" not in dialect.describe(url)


def test_dialect_memory_ledger(sv_analysis: Analysis) -> None:
    with Ledger(":memory:") as led:
        assert led.add(sv_analysis) and led.analysis(sv_analysis.article.id) == sv_analysis


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "no" / "such" / "dir" / "l.sqlite", "directory .* does not exist"),
        (
            lambda p: (p / "notes.txt", (p / "notes.txt").write_text("plain words, not a database\n" * 50))[
                0
            ],
            r"not a claimledger ledger \(file is not a database\)",
        ),
        (lambda p: p, "cannot open: unable to open database file"),
        (lambda p: "postgresql+nosuchdriver://u:secret@host/db", "Can't load plugin"),
    ],
    ids=["missing-directory", "not-a-database", "a-directory", "unknown-driver"],
)
def test_dialect_open_errors_are_one_line(tmp_path: Path, make: object, message: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(StoreError, match=message) as info:
        Ledger(target)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith("ledger ") and "secret" not in msg


def test_dialect_other_process_reads_while_a_write_is_open(filled: Ledger, ledger_path: Path) -> None:
    """WAL: a reader in another process sees committed data and is not blocked by a writer."""
    script = textwrap.dedent(
        """
        import json, sys
        from claimledger.store import Ledger
        with Ledger(sys.argv[1]) as led:
            sources = [c["source"] for c in led.claims(lang="en")]
            print(json.dumps({"counts": led.counts(), "sources": sources}))
        """
    )
    with filled.engine.connect().execution_options(**{dialect.WRITE: True}) as writer, writer.begin():
        # An uncommitted write holds SQLite's writer lock for the whole subprocess run.
        writer.execute(text("UPDATE articles SET title = 'pending' WHERE lang = 'en'"))
        done = subprocess.run(
            [sys.executable, "-c", script, str(ledger_path)], capture_output=True, text=True, timeout=60
        )
        writer.rollback()
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["counts"] == {"articles": 3, "attributions": 8, "quantities": 6, "mentions": 3}
    assert seen["sources"] == ["The ministry", "officials who asked not to be named", "The operator"]


def test_dialect_upsert_sent_to_the_driver_stores_what_sqlalchemy_stored(ledger: Ledger) -> None:
    """Rows of one shape go to SQLite as one prepared upsert; rows of mixed shapes take SQLAlchemy's
    way. Either way the same rows come back: replaced or kept by key, a flag stored as 0 or 1."""
    from claimledger.store.schema import fact_keys, facts

    def fact(fid: str, label: str, contested: bool, **more: object) -> dict[str, object]:
        return {"id": fid, "kind": "claim", "variable": None, "label": label, "date": "2024-05-02",
                "value": None, "value_max": None, "approx": None, "unit": None, "lang": "en", "sources": "[]",
                "independent": 1, "grade": 3, "mentions": 1, "articles": 1, "contested": contested, **more}

    with ledger._writing() as conn:
        dialect.upsert(conn, facts, [fact("f1", "bridges shut", True), fact("f2", "ferries stop", False)],
                       replace=True)
        dialect.upsert(conn, facts, [fact("f1", "bridges closed", False), fact("f3", "x", True, pipeline="p")],
                       replace=True)  # the second row has a key the first lacks: SQLAlchemy's way, which ignores it
        dialect.upsert(conn, fact_keys, [{"key": "t|bridge", "fact_id": "f1", "date": "2024-05-02"},
                                         {"key": "t|bridge", "fact_id": "f1", "date": "2024-05-09"}], replace=False)
        got = conn.execute(text("SELECT id, label, contested, typeof(contested), pipeline FROM facts ORDER BY id"))
        assert [tuple(r) for r in got] == [("f1", "bridges closed", 0, "integer", None),
                                           ("f2", "ferries stop", 0, "integer", None),
                                           ("f3", "x", 1, "integer", None)]
        assert [tuple(r) for r in conn.execute(text("SELECT key, date FROM fact_keys"))] == [("t|bridge", "2024-05-02")]


def test_dialect_insert_rows_sent_to_the_driver_stores_what_sqlalchemy_stored(
        ledger: Ledger, tmp_path: Path, en_analysis: Analysis) -> None:
    """An article's rows go to SQLite as one prepared insert: the same rows, of the same types (a flag
    as 0 or 1, a missing span as NULL), as SQLAlchemy's insert stores; a stored key is still refused."""
    from datetime import UTC, datetime

    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from claimledger.store import rows
    from claimledger.store.schema import articles, attributions, quantities

    now = datetime(2024, 5, 2, tzinfo=UTC)
    batches = [(articles, [rows.article_row(en_analysis.article, now)]),
               (attributions, rows.attribution_rows(en_analysis)), (quantities, rows.quantity_rows(en_analysis))]
    assert all(batch for _, batch in batches)
    with Ledger(tmp_path / "other.sqlite") as other:
        stored = []
        for target, fast in ((ledger, True), (other, False)):
            with target._writing() as conn:
                for table, batch in batches:
                    if fast:
                        dialect.insert_rows(conn, table, batch)
                    else:
                        conn.execute(insert(table), batch)
                stored.append([[tuple(r) for r in conn.execute(text(
                    f"SELECT *, typeof(anonymous) FROM {t.name}" if t is attributions else f"SELECT * FROM {t.name}"))]
                    for t, _ in batches])
    assert stored[0] == stored[1]
    assert any(row[-1] == "integer" for row in stored[0][1])
    with pytest.raises(IntegrityError), ledger._writing() as conn:
        dialect.insert_rows(conn, attributions, rows.attribution_rows(en_analysis)[:1])


def test_dialect_driver_params_are_each_rows_values_in_statement_order() -> None:
    """The values sent to the driver, one tuple a row in the order of the statement's ``?``; None
    (SQLAlchemy's way) as soon as a row lacks a key or has one more."""
    rows = [{"b": 2, "a": 1}, {"a": 3, "b": None}]
    assert dialect._driver_params(rows, ("a", "b")) == [(1, 2), (3, None)]
    assert dialect._driver_params([{"a": "x"}], ("a",)) == [("x",)]
    assert dialect._driver_params([*rows, {"a": 5}], ("a", "b")) is None
    assert dialect._driver_params([*rows, {"a": 5, "c": 6}], ("a", "b")) is None
    assert dialect._driver_params([*rows, {"a": 5, "b": 6, "c": 7}], ("a", "b")) is None
