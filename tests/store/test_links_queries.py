"""factqueries over the hand-built five-article ledger of tests/conftest.py (``linked``).

F1 is one figure (about 10,000) from NIS in three articles (one a wire copy, one Swedish)
and from HUR in a fourth; F2 a higher figure from the Pentagon that revises it; F3 the
Kremlin's denial (a claim); F4 an unattributed figure.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS, linked_on

from claimledger.errors import StoreError, UsageError
from claimledger.model import Analysis, Article, Fact, LinkPlan
from claimledger.store import Ledger


def _ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["id"] for r in rows]



@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Every test here, on SQLite and on a real PostgreSQL server."""
    return linked_on(request, tmp_path)

def test_links_queries_facts_filters(linked: SimpleNamespace) -> None:
    F = linked.facts
    with Ledger(linked.path) as led:
        everything = led.facts()
        assert _ids(everything) == [F["F1"], F["F2"], F["F3"], F["F4"]]  # most mentions, then date
        first = everything[0]
        assert (first["mentions"], first["articles"], first["independent"]) == (4, 4, 2)
        assert first["sources"] == ["NIS", "HUR"] and first["langs"] == ["en", "sv"] and first["contested"]
        assert _ids(led.facts(contested=True)) == [F["F1"], F["F3"]]
        assert _ids(led.facts(actor="nis")) == [F["F1"]]
        assert _ids(led.facts(actor="KREML")) == [F["F3"]]
        assert _ids(led.facts(lang="SV")) == [F["F1"]]
        assert _ids(led.facts(kind="claim")) == [F["F3"]]
        assert _ids(led.facts(limit=2)) == [F["F1"], F["F2"]]
        with pytest.raises(UsageError, match="unknown fact kind"):
            led.facts(kind="rumour")


def test_links_queries_fact_mentions_spans_and_links(linked: SimpleNamespace) -> None:
    F, A = linked.facts, linked.articles
    with Ledger(linked.path) as led:
        f = led.fact("f1")
        texts = {a: led.analysis(a).article.text for a in A.values()}
        assert f["id"] == F["F1"] and f["mention_count"] == 4
        assert [m["article_id"] for m in f["mentions"]] == [A["sv"], A["copy"], A["wire"], A["us"]]
        words = [texts[m["article_id"]][m["start"]:m["end"]] for m in f["mentions"]]
        assert words == ["omkring 10 000", "about 10,000", "about 10,000", "about 10,000"]
        assert f["mentions"][1]["copy_of"] == A["wire"] and f["mentions"][3]["actor"] == "HUR"
        assert [(x["kind"], x["direction"], x["other"]) for x in f["links"]] == [
            ("denial", "in", F["F3"]), ("revision", "in", F["F2"])]
        denial = led.fact(F["F3"])
        assert denial["links"][0] | {"reason": ""} == {"direction": "out", "kind": "denial", "other": F["F1"],
                                                       "other_label": "troops sent", "reason": ""}
        m = denial["mentions"][0]
        assert texts[m["article_id"]][m["start"]:m["end"]] == "any troops had been sent"  # content span


def test_links_queries_fact_unknown_or_ambiguous_is_one_line(linked: SimpleNamespace) -> None:
    with Ledger(linked.path) as led:
        with pytest.raises(StoreError, match=r"fact id 'f' is ambiguous: f1\w+, f2\w+, f3\w+, \.\.\.$") as info:
            led.fact("f")
        assert "\n" not in str(info.value)
        with pytest.raises(StoreError, match="no fact with id 'zz'"):
            led.fact("zz")


def test_links_queries_history_points_per_source_in_date_order(linked: SimpleNamespace) -> None:
    F = linked.facts
    with Ledger(linked.path) as led:
        h = led.history("troops")
        assert led.history(F["F2"][:6]) == h == led.history("troops|total")
    assert h["variable"] == "troops|total"
    got = [(p["date"], p["source"], p["value"], p["fact"], p["mentions"], p["denied"]) for p in h["points"]]
    assert got == [
        ("2025-01-10", "HUR", 10_000.0, F["F1"], 1, True),
        ("2025-01-10", "NIS", 10_000.0, F["F1"], 3, True),
        ("2025-01-12", "Pentagon", 11_000.0, F["F2"], 1, False),
        ("2025-01-20", None, 12_000.0, F["F4"], 1, False),
    ]
    assert [p["reported"] for p in h["points"]] == ["2025-01-12", "2025-01-10", "2025-01-12", "2025-01-20"]
    assert h["points"][2]["approx"] == "over" and h["points"][0]["contested"]


def test_links_queries_history_refusals(linked: SimpleNamespace) -> None:
    with Ledger(linked.path) as led:
        with pytest.raises(StoreError, match="is a claim, not a figure"):
            led.history(linked.facts["F3"])
        with pytest.raises(StoreError, match="no fact or variable 'drones'"):
            led.history("drones")
    art = Article(text="Another 5,000 troops arrived.", lang="en", published="2025-02-01")
    fact = Fact("f5000000000000ee", "quantity", "increment", "2025-02-01", "troops|increment", 5.0)
    with Ledger(linked.path) as led:
        assert led.add(Analysis(art), link=lambda _v, a: LinkPlan(a.article.id, facts=(fact,)))
        with pytest.raises(StoreError, match=re.escape("variable 'troops' is ambiguous: 'troops|increment', 'troops|")):
            led.history("troops")
        assert led.history("incr")["points"][0]["source"] is None  # a fact without mentions: one point


def test_links_queries_actors_and_actor(linked: SimpleNamespace) -> None:
    A = linked.articles
    with Ledger(linked.path) as led:
        actors = led.actors()
        assert [(a["actor"], a["claims"], a["by_lang"], a["facts"]) for a in actors] == [
            ("NIS", 3, {"en": 2, "sv": 1}, 1), ("HUR", 1, {"en": 1}, 1), ("Kremlin", 1, {"en": 1}, 1),
            ("Pentagon", 1, {"en": 1}, 1)]
        assert [(a["actor"], a["claims"], a["facts"]) for a in led.actors(lang="sv")] == [("NIS", 1, 1)]
        claims = led.actor("nis")
        assert [c["article_id"] for c in claims] == [A["sv"], A["wire"], A["copy"]]  # by published
        assert claims[0]["cue"] == "Enligt" and claims[0]["speaker"] == "Sydkoreas underrättelsetjänst"
        assert [c["actor"] for c in led.actor("penta")] == ["Pentagon"]  # a unique substring
        with pytest.raises(StoreError, match="actor 'n' is ambiguous") as info:
            led.actor("n")
        assert "\n" not in str(info.value)
        with pytest.raises(StoreError, match="no originating actor 'Nobody'"):
            led.actor("Nobody")


def test_links_queries_copies(linked: SimpleNamespace) -> None:
    A = linked.articles
    with Ledger(linked.path) as led:
        [c] = led.copies()
    assert (c["article_id"], c["original_id"], c["method"], c["credit"]) == (A["copy"], A["wire"], "credit", "Wire")
    assert (c["title"], c["outlet"], c["original_title"]) == ("copy title", "Other Paper", "wire title")
