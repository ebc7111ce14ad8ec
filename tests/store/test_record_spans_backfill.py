"""Migration 0008 fills its new spans on old rows the way the linker before it read the text, so
that relinking an upgraded ledger decides as relinking it did before the upgrade.

A ledger is written and linked with the current code, taken back to 0007 (which drops the span
columns, as a ledger written before 0008 never had them) and opened again, which upgrades it:
the relay's *Kim* and the *105-mile* figure's *mile* are back in their columns, and ``relink``
gives the same origins and facts as before. Without the filling, *Lee cited Kim as saying* goes
to Lee instead of the NIS director introduced before, and the 105 miles stay miles. On SQLite
and on a real PostgreSQL server. The sentences are invented for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, select
from tests.conftest import BACKENDS, ledger_target
from tests.store.conftest import find
from tests.store.test_record_spans import _ledger_at_0007

from claimledger.link import link_article
from claimledger.model import Analysis, Article, Attribution, Quantity
from claimledger.nlp.records import analyze_article
from claimledger.store import Ledger, migrate

TEXT = ("NIS director Kim Dae-ho briefed a closed-door committee on Monday.\n\n"
        "Lee cited Kim as saying that the ferry had sunk near the island.\n\n"
        "The coast guard said the ferry had sailed a 105-mile route before it sank.")

LINKS = ("origins", "facts", "fact_mentions", "fact_keys", "fact_links")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze_article(Article(text=TEXT, lang="en", title="A ferry", published="2026-12-01"))


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    return ledger_target(request, tmp_path / "ledger.sqlite")


def _links(led: Ledger) -> dict[str, list[dict[str, Any]]]:
    """Every row of the linker's tables, sorted: what one linking decided."""
    with led.engine.connect() as conn:
        meta = MetaData()
        return {n: sorted((dict(r) for r in conn.execute(select(Table(n, meta, autoload_with=conn))).mappings()),
                          key=repr) for n in LINKS}


def test_upgrade_fills_the_spans_and_relinks_as_before(analysis: Analysis, target: str | Path) -> None:
    relay = next(a for a in analysis.attributions if a.rule == "relay-as-saying")
    mile = next(q for q in analysis.quantities if q.span.of(TEXT) == "105-mile")
    assert relay.relayed is not None and relay.relayed.of(TEXT) == "Kim"
    assert mile.unit_span is not None and mile.unit_span.of(TEXT) == "mile"
    with Ledger(target) as led:
        assert led.add(analysis, link=link_article)
        led.relink(link_article)
        before = _links(led)
        assert [(o["actor"], o["rule"]) for o in before["origins"] if o["attribution_id"] == relay.id] == [
            ("South Korea's intelligence service (NIS)", "introduced")]
        assert [round(m["value"]) for m in before["fact_mentions"] if m["record_id"] == mile.id] == [169]
        with led.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "0007")  # the columns go, as in a ledger older than 0008
    with Ledger(target) as led:  # opening upgrades it
        led.relink(link_article)
        assert _links(led) == before
        with led.engine.connect() as conn:
            assert migrate.current(conn) == "0008"
            meta = MetaData()
            t, q = (Table(n, meta, autoload_with=conn) for n in ("attributions", "quantities"))
            assert conn.execute(select(t.c.id, t.c.relayed_start, t.c.relayed_end, t.c.relayed_text)
                                .order_by(t.c.seq)).all() == [
                (a.id, *((a.relayed.start, a.relayed.end, a.relayed.of(TEXT)) if a.relayed else (None,) * 3))
                for a in analysis.attributions]
            assert conn.execute(select(q.c.id, q.c.unit_start, q.c.unit_end, q.c.unit_text)
                                .where(q.c.id == mile.id)).one() == (
                mile.id, mile.unit_span.start, mile.unit_span.end, "mile")
        assert led.analysis(analysis.article.id) == analysis  # what analysing it now would store


def test_backfill_reads_only_what_the_old_linker_read(target: str | Path) -> None:
    """The old reading, frozen: a relay verb first and *as* after the relayed words; a unit word after
    a hyphen at the figure's end. A cue of another shape, a glued unit (*10kg*), a unit after the
    figure (*105 miles*) and a figure without a unit stay NULL: the linker before 0008 read nothing
    there, or read it after the figure, where it still does. A spelled *Twenty-four* with a unit gets
    the *four* the old reading took for a unit word, since that is how the linker read it."""
    t = ("Senator Lee quoted Mayor Kim as saying that a 10kg parcel and a 230-metre ship were lost. "
         "Kim was quoted as saying the ship had sailed 105 miles with twenty-five sailors. "
         "Twenty-four per cent of the cargo was insured.")
    art = Article(text=t, lang="en", published="2026-12-01", raw_ref="tests/ship.txt")
    aid = art.id

    def said(i: str, cue: str, content: str, rule: str) -> Attribution:
        return Attribution(i, aid, cue=find(t, cue), content=find(t, content), source=None, certainty="asserted",
                           anonymous=False, rule=rule)

    atts = (said("b1", "quoted Mayor Kim as saying", "a 10kg parcel and a 230-metre ship were lost",
                 "relay-as-saying"),
            said("b2", "was quoted as saying", "the ship had sailed 105 miles with twenty-five sailors", "dep-verb"))
    qs = (Quantity("q1", aid, find(t, "10kg"), 10.0, "exact", unit="kg"),
          Quantity("q2", aid, find(t, "230-metre"), 230.0, "exact", unit="m"),
          Quantity("q3", aid, find(t, "105"), 105.0, "exact", counted=find(t, "miles"), unit="mi"),
          Quantity("q4", aid, find(t, "twenty-five"), 25.0, "exact", counted=find(t, "sailors")),
          Quantity("q5", aid, find(t, "Twenty-four"), 24.0, "exact", counted=find(t, "per cent"), unit="%"))
    _ledger_at_0007(target, Analysis(art, atts, qs))
    with Ledger(target) as led:
        back = led.analysis(aid)
    assert [(a.id, a.relayed.of(t) if a.relayed else None) for a in back.attributions] == [
        ("b1", "Mayor Kim"), ("b2", None)]
    assert back.attributions[0].relayed == find(t, "Mayor Kim")
    assert [(q.id, q.unit_span) for q in back.quantities] == [
        ("q1", None), ("q2", find(t, "metre")), ("q3", None), ("q4", None), ("q5", find(t, "four"))]
