"""The ledger on a real PostgreSQL server: the same answers as SQLite, migrations both ways,
concurrent writers storing each article once, and the web app's pages and search."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect

from claimledger import Ledger
from claimledger.store import migrate

ROOT = Path(__file__).resolve().parents[2]
VOLATILE = {"added_at", "linked_at", "fetched_at"}


def _steady(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Rows without the columns that record when they were written, in a fixed order."""
    return sorted(({k: v for k, v in r.items() if k not in VOLATILE} for r in rows), key=lambda r: str(r[key]))


@pytest.fixture(scope="module")
def both(postgres: Callable[[], str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Ledger, Ledger]:
    """The bundled examples ingested into SQLite and into PostgreSQL by the same code."""
    lite = Ledger(tmp_path_factory.mktemp("pg") / "lite.sqlite")
    pg = Ledger(postgres())
    for ledger in (lite, pg):
        report = ledger.ingest([ROOT / "examples"])
        assert report.added >= 20 and not report.errors
    return lite, pg


def test_pg_same_records_and_links_as_sqlite(both: tuple[Ledger, Ledger]) -> None:
    lite, pg = both
    assert lite.counts() == pg.counts()
    assert _steady(lite.articles(), "id") == _steady(pg.articles(), "id")
    assert _steady(lite.claims(), "id") == _steady(pg.claims(), "id")
    assert _steady(lite.facts(), "id") == _steady(pg.facts(), "id")
    assert lite.actors() == pg.actors()
    assert _steady(lite.copies(), "article_id") == _steady(pg.copies(), "article_id")
    top = lite.facts(limit=3)
    for f in top:
        a, b = lite.fact(f["id"]), pg.fact(f["id"])
        assert _steady(a["mentions"], "record_id") == _steady(b["mentions"], "record_id")
        if f["variable"]:
            assert lite.history(f["id"]) == pg.history(f["id"])
    who = lite.actors(limit=1)[0]["actor"]
    assert _steady(lite.actor(who), "attribution_id") == _steady(pg.actor(who), "attribution_id")
    assert lite.claims(source="kreml", certainty="denied") == pg.claims(source="kreml", certainty="denied")


def test_pg_migrations_down_and_up(postgres: Callable[[], str]) -> None:
    with Ledger(postgres()) as ledger:
        with ledger.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "base")
        with ledger.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"alembic_version"}
        with ledger.engine.connect() as conn, conn.begin():
            command.upgrade(migrate.config(conn), "head")
        with ledger.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head()
            indexes = {i["name"] for i in inspect(conn).get_indexes("attributions")}
            assert "ix_attributions_words" in indexes  # the tsvector index of 0005


def test_pg_two_writers_racing_store_each_article_once(postgres: Callable[[], str]) -> None:
    url = postgres()
    Ledger(url).close()  # the schema first, so both writers race on articles, not on the migration
    cmd = [sys.executable, "-m", "claimledger", "-q", "analyze", str(ROOT / "examples"), "--ledger", url]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    with Ledger(url) as ledger:
        counts = ledger.counts()
        ids = [a["id"] for a in ledger.articles()]
        assert len(ids) == len(set(ids)) == counts["articles"] >= 20
        assert ledger.unlinked() == []


def test_pg_web_pages_and_search(both: tuple[Ledger, Ledger]) -> None:
    from starlette.testclient import TestClient

    from claimledger.settings import Settings
    from claimledger.web import create_app

    lite, pg = both
    url = pg.url.render_as_string(hide_password=False)
    c = TestClient(create_app(url))
    assert c.get("/").status_code == 200
    on_pg = c.get("/claims.json", params={"q": "Nordkorea"}).json()["rows"]
    assert on_pg and all("nordkorea" in (r["content"] + (r["source"] or "")).lower() for r in on_pg)
    lite_client = TestClient(create_app(lite.url.database or ""))
    on_lite = lite_client.get("/claims.json", params={"q": "Nordkorea"}).json()["rows"]
    assert {r["id"] for r in on_pg} == {r["id"] for r in on_lite}
    article = on_pg[0]["article_id"]
    assert c.get(f"/articles/{article}").status_code == 200
    views = [x.get(f"/articles/{article}.json").json() for x in (c, lite_client)]
    for view in views:
        view["article"].pop("added_at")
    assert views[0] == views[1]
    slow = TestClient(create_app(url, settings=Settings.from_env(serve_query_seconds=0.0)))
    assert slow.get("/claims.json", params={"q": "Nordkorea"}).status_code in (200, 503)  # 1 ms: may finish


def test_pg_read_only_ledger_refuses_writes(both: tuple[Ledger, Ledger]) -> None:
    from sqlalchemy import text

    from claimledger.errors import StoreError

    _lite, pg = both
    with Ledger(pg.url.render_as_string(hide_password=False), readonly=True) as ro:
        assert ro.counts() == pg.counts()
        with pytest.raises(StoreError), ro.reading() as conn:
            conn.execute(text("DELETE FROM fact_links"))
