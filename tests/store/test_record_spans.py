"""Migration 0008 and the spans it stores, on SQLite and on a real PostgreSQL server.

``Attribution.relayed`` (whom a relay names inside its cue: *Lee cited* **Kim** *as saying*) and
``Quantity.unit_span`` (the word naming a figure's unit: *a 230-* **metre** *ship*) go into the
ledger and come back whole, through every reader that lists their sibling spans; a ledger
written at 0007 upgrades in place when opened, keeps every row, and reads back with the new
spans filled the way the linker before 0008 read them from the text (test_record_spans_backfill.py
has the relinking). The sentences are invented for these tests.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, func, insert, select
from tests.conftest import BACKENDS, ledger_target
from tests.store.conftest import find, ledger_on

from claimledger.model import Analysis, Article, Attribution, Quantity
from claimledger.store import Ledger, dialect, migrate, rows

TEXT = (
    "Senator Lee cited Mayor Kim as saying that the 230-metre ship would leave the harbour on Friday. "
    "The port authority said 40 containers were still on board."
)


def _analysis() -> Analysis:
    art = Article(text=TEXT, lang="en", title="A ship at the quay", published="2026-11-30", raw_ref="tests/ship.txt")
    t, aid = TEXT, art.id
    relay = Attribution("rs-a1", aid, cue=find(t, "cited Mayor Kim as saying"),
                        content=find(t, "the 230-metre ship would leave the harbour on Friday"),
                        source=find(t, "Senator Lee"), certainty="asserted", anonymous=False,
                        source_kind="person", actor_id="lee", rule="relay-as-saying", relayed=find(t, "Mayor Kim"))
    plain = Attribution("rs-a2", aid, cue=find(t, "said"), content=find(t, "40 containers were still on board"),
                        source=find(t, "The port authority"), certainty="asserted", anonymous=False,
                        source_kind="agency", actor_id="port authority", rule="dep-verb")
    ship = Quantity("rs-q1", aid, find(t, "230-metre"), 230.0, "exact", unit="m", attribution_id="rs-a1",
                    unit_span=find(t, "metre"))
    boxes = Quantity("rs-q2", aid, find(t, "40"), 40.0, "exact", counted=find(t, "containers"),
                     attribution_id="rs-a2")
    return Analysis(art, (relay, plain), (ship, boxes))


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, ledger_path: Path) -> Iterator[Ledger]:
    yield from ledger_on(request, ledger_path)


def test_record_spans_round_trip(ledger: Ledger) -> None:
    an = _analysis()
    assert ledger.add(an)
    back = ledger.analysis(an.article.id)
    assert back == an
    assert back.attributions[0].relayed is not None and back.attributions[0].relayed.of(TEXT) == "Mayor Kim"
    assert back.quantities[0].unit_span is not None and back.quantities[0].unit_span.of(TEXT) == "metre"
    claims = {c["id"]: c for c in ledger.claims()}
    kim = TEXT.index("Mayor Kim")
    assert (claims["rs-a1"]["relayed"], claims["rs-a1"]["relayed_start"], claims["rs-a1"]["relayed_end"]) == (
        "Mayor Kim", kim, kim + len("Mayor Kim"))
    assert (claims["rs-a2"]["relayed"], claims["rs-a2"]["relayed_start"]) == (None, None)
    figures = {q["id"]: q for q in ledger.quantities()}
    metre = TEXT.index("metre")
    assert (figures["rs-q1"]["unit_text"], figures["rs-q1"]["unit_start"], figures["rs-q1"]["unit_end"]) == (
        "metre", metre, metre + len("metre"))
    assert figures["rs-q2"]["unit_text"] is None


def test_record_spans_in_exports(ledger: Ledger) -> None:
    """JSON Lines carries ``relayed_span`` and ``unit_span`` beside the other spans, CSV the relay's words."""
    ledger.add(_analysis())
    buf = io.StringIO()
    ledger.export("jsonl", buf)
    art = json.loads(buf.getvalue())
    kim, metre = TEXT.index("Mayor Kim"), TEXT.index("metre")
    assert [a["relayed_span"] for a in art["attributions"]] == [[kim, kim + len("Mayor Kim")], None]
    assert [q["unit_span"] for q in art["quantities"]] == [[metre, metre + len("metre")], None]
    out = io.StringIO()
    ledger.export("csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["relayed"], r["relayed_start"]) for r in table] == [("Mayor Kim", str(kim)), ("", "")]


def _ledger_at_0007(target: str | Path, an: Analysis) -> None:
    """A ledger as the previous claimledger wrote it: schema 0007, one article and its records."""
    engine = dialect.engine_for(dialect.to_url(target))
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "0007")
        meta = MetaData()
        tables = {n: Table(n, meta, autoload_with=conn) for n in ("articles", "attributions", "quantities")}
        assert "relayed_start" not in tables["attributions"].c and "unit_start" not in tables["quantities"].c
        conn.execute(insert(tables["articles"]), [rows.article_row(an.article, datetime.now(UTC))])
        for name, batch in (("attributions", rows.attribution_rows(an)), ("quantities", rows.quantity_rows(an))):
            old = tables[name].c
            conn.execute(insert(tables[name]), [{k: v for k, v in r.items() if k in old} for r in batch])
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def old_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where an old ledger goes: a SQLite file, or a fresh database on the PostgreSQL server."""
    return ledger_target(request, tmp_path / "old.sqlite")


def test_record_spans_0007_ledger_upgrades_in_place(old_target: str | Path) -> None:
    target = old_target
    an = _analysis()
    _ledger_at_0007(target, an)
    with Ledger(target) as led:  # opening upgrades it
        with led.engine.connect() as conn:
            assert migrate.current(conn) == migrate.head() == "0008"
            meta = MetaData()
            t = Table("attributions", meta, autoload_with=conn)
            q = Table("quantities", meta, autoload_with=conn)
            kim, metre = TEXT.index("Mayor Kim"), TEXT.index("metre")
            assert conn.execute(select(t.c.id, t.c.relayed_start, t.c.relayed_end, t.c.relayed_text)
                                .order_by(t.c.seq)).all() == [("rs-a1", kim, kim + 9, "Mayor Kim"),
                                                              ("rs-a2", None, None, None)]
            assert conn.execute(select(q.c.id, q.c.unit_start, q.c.unit_end, q.c.unit_text)
                                .order_by(q.c.seq)).all() == [("rs-q1", metre, metre + 5, "metre"),
                                                              ("rs-q2", None, None, None)]
            assert conn.scalar(select(func.count()).select_from(t)) == 2
        assert led.counts() == {"articles": 1, "attributions": 2, "quantities": 2, "mentions": 0}
        assert led.analysis(an.article.id) == an  # every field it had, the new spans read as the old linker did
        assert [c["relayed"] for c in led.claims()] == ["Mayor Kim", None]
        again = replace(an.article, text=TEXT + " ", id="")  # a new article gets its spans stored
        fresh = replace(an, article=again, attributions=tuple(replace(a, article_id=again.id) for a in an.attributions),
                        quantities=tuple(replace(x, article_id=again.id) for x in an.quantities))
        assert led.add(fresh)
        assert led.analysis(again.id) == fresh


def test_record_spans_downgrade_to_0007_keeps_rows(ledger_path: Path) -> None:
    """0008's downgrade drops only its columns: the records stay, and opening upgrades again."""
    an = _analysis()
    with Ledger(ledger_path) as led:
        assert led.add(an)
        with led.engine.connect() as conn, conn.begin():
            command.downgrade(migrate.config(conn), "0007")
            assert migrate.current(conn) == "0007"
    with Ledger(ledger_path) as led:
        assert led.counts()["attributions"] == 2
        assert led.analysis(an.article.id) == an  # the upgrade fills the spans again
