"""Migration 0002 on a ledger written by 0001: the articles stay, unlinked, and can be linked later."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import MetaData, Table, insert, inspect, select

from claimledger.model import Analysis, LinkPlan
from claimledger.store import Ledger, dialect, migrate, rows
from claimledger.store.links import View


def _ledger_at_0001(path: Path, analysis: Analysis) -> None:
    """A ledger as claimledger wrote it before links existed, holding one article and its records."""
    engine = dialect.engine_for(dialect.to_url(path))
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "0001")
        meta = MetaData()
        tables = {n: Table(n, meta, autoload_with=conn) for n in ("articles", "attributions", "quantities",
                                                                  "mentions")}
        assert "linked_at" not in tables["articles"].c
        conn.execute(insert(tables["articles"]), [rows.article_row(analysis.article, datetime.now(UTC))])
        for name, batch in (("attributions", rows.attribution_rows(analysis)),
                            ("quantities", rows.quantity_rows(analysis)), ("mentions", rows.mention_rows(analysis))):
            if batch:
                conn.execute(insert(tables[name]), batch)
    engine.dispose()


def test_links_migration_0001_ledger_is_upgraded_and_left_unlinked(ledger_path: Path,
                                                                     sv_analysis: Analysis) -> None:
    _ledger_at_0001(ledger_path, sv_analysis)
    with Ledger(ledger_path) as led:
        with led.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head() == "0008"
            assert {"facts", "fact_mentions", "copies"} <= set(inspect(conn).get_table_names())
            assert conn.execute(select(Table("articles", MetaData(), autoload_with=conn).c.linked_at)).all() == [
                (None,)
            ]
        assert led.unlinked() == [sv_analysis.article.id]
        assert led.analysis(sv_analysis.article.id) == sv_analysis


def test_links_migration_link_pending_completes_an_old_ledger(ledger_path: Path, sv_analysis: Analysis) -> None:
    _ledger_at_0001(ledger_path, sv_analysis)
    seen: list[Analysis] = []
    steps: list[tuple[int, int, str]] = []

    def linker(view: View, analysis: Analysis) -> LinkPlan:
        seen.append(analysis)
        return LinkPlan(analysis.article.id, bands=("band-1",))

    with Ledger(ledger_path) as led:
        assert led.link_pending(linker, lambda *step: steps.append(step)) == 1
        assert seen == [sv_analysis]  # the stored analysis, rebuilt whole
        assert steps == [(1, 1, sv_analysis.article.id)]
        assert led.unlinked() == []
        assert led.link_pending(linker) == 0  # nothing left: a second run is a no-op
        assert led.articles()[0]["id"] == sv_analysis.article.id


def test_links_migration_downgrade_to_0001_keeps_articles(ledger_path: Path, sv_analysis: Analysis) -> None:
    """0002's downgrade drops the link tables and the column without touching articles or records."""
    with Ledger(ledger_path) as led:
        assert led.add(sv_analysis, link=lambda _v, a: LinkPlan(a.article.id, bands=("b",)))
        with led.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "0001")
        with led.engine.connect() as conn:
            assert "facts" not in inspect(conn).get_table_names()
            assert "linked_at" not in {c["name"] for c in inspect(conn).get_columns("articles")}
    with Ledger(ledger_path) as led:  # upgraded again on open
        assert led.counts()["attributions"] == len(sv_analysis.attributions)
        assert led.unlinked() == [sv_analysis.article.id]


def test_links_migration_0003_empties_links_for_a_relink_and_keeps_records(ledger_path: Path,
                                                                            sv_analysis: Analysis) -> None:
    """A ledger linked under 0002 (features inside the reason text) is marked unlinked by 0003."""
    from claimledger.link import link_article

    with Ledger(ledger_path) as led:
        assert led.add(sv_analysis, link=link_article)
        assert led.facts()
        with led.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "0002")
            assert "features" not in {c["name"] for c in inspect(conn).get_columns("fact_mentions")}
    with Ledger(ledger_path) as led:  # upgraded to 0003 on open
        assert led.facts() == [] and led.unlinked() == [sv_analysis.article.id]
        assert led.counts()["attributions"] == len(sv_analysis.attributions)
        assert led.link_pending(link_article) == 1
        facts = led.facts()
        assert facts
        mentions = led.fact(facts[0]["id"])["mentions"]
        assert mentions and all("|" not in m["reason"] for m in mentions)  # the why in words, nothing else


def test_links_migration_0004_drops_the_bands_copies_kept(ledger_path: Path, sv_analysis: Analysis) -> None:
    """A ledger written at 0003 kept a copy's bands too; 0004 keeps the original's only."""
    engine = dialect.engine_for(dialect.to_url(ledger_path))
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "0003")
        meta = MetaData()
        t = {n: Table(n, meta, autoload_with=conn) for n in ("articles", "copies", "copy_bands")}
        now = datetime.now(UTC)
        original = rows.article_row(sv_analysis.article, now)
        copy = {**original, "id": "c" * 64, "text": original["text"] + " (TT)"}
        conn.execute(insert(t["articles"]), [original, copy])
        conn.execute(insert(t["copies"]), [{"article_id": copy["id"], "original_id": original["id"], "method": "exact",
                                            "score": 1.0, "credit": None, "reason": "same text"}])
        conn.execute(insert(t["copy_bands"]), [{"band": b, "article_id": a} for b in ("b1", "b2")
                                               for a in (original["id"], copy["id"])])
    engine.dispose()
    with Ledger(ledger_path) as led, led.engine.connect() as conn:
        bands = Table("copy_bands", MetaData(), autoload_with=conn)
        kept = conn.execute(select(bands.c.article_id, bands.c.band).order_by(bands.c.band)).all()
    assert kept == [(sv_analysis.article.id, "b1"), (sv_analysis.article.id, "b2")]


def test_head_constant_is_the_scripts_head() -> None:
    """Opening a ledger compares against ``migrate.HEAD`` without loading Alembic: a new
    migration script must move that constant too, or ledgers would never be upgraded to it."""
    assert migrate.scripts_head() == migrate.HEAD
