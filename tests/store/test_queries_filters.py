"""The read functions behind ``claims``, ``quantities``, ``articles``, ``summary`` and id prefixes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import BACKENDS
from tests.store.conftest import ledger_on

from claimledger.errors import StoreError, UsageError
from claimledger.model import Analysis
from claimledger.store import Ledger, queries

CLAIM_KEYS = {
    "id",
    "article_id",
    "source",
    "cue",
    "content",
    "certainty",
    "anonymous",
    "source_kind",
    "actor_id",
    "via",
    "confidence",
    "rule",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "relayed",
    "relayed_start",
    "relayed_end",
    "lang",
    "title",
    "outlet",
    "published",
    "url",
}


def ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["id"] for r in rows]


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, ledger_path: Path) -> Iterator[Ledger]:
    """Every test here, on SQLite and on a real PostgreSQL server."""
    yield from ledger_on(request, ledger_path)


def test_queries_claims_all_newest_article_first_then_text_order(filled: Ledger) -> None:
    rows = filled.claims()
    assert ids(rows) == ["n-a1", "n-a2", "en-a1", "en-a2", "en-a3", "sv-a1", "sv-a2", "sv-a3"]
    assert set(rows[0]) == CLAIM_KEYS
    first = rows[5]
    assert (first["source"], first["cue"], first["certainty"], first["anonymous"]) == (
        "Försvarsmakten",
        "Enligt",
        "asserted",
        False,
    )
    assert first["lang"] == "sv" and first["outlet"] == "Testtidningen"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("försvarsmakten", ["sv-a1"]),
        ("FÖRSVARSMAKTEN", ["sv-a1"]),  # non-ASCII case folding, which SQLite's own lower() lacks
        ("swedish-armed", ["sv-a1"]),  # the actor id matches too
        ("källor", ["n-a2", "sv-a3"]),
        ("MINISTRY", ["en-a1"]),
        ("100%", []),  # % is a literal character, not a wildcard
        ("o_f", []),  # and so is _
    ],
)
def test_queries_claims_source_filter(filled: Ledger, source: str, expected: list[str]) -> None:
    assert ids(filled.claims(source=source)) == expected


def test_queries_claims_certainty_filter(filled: Ledger) -> None:
    assert ids(filled.claims(certainty="denied")) == ["en-a3"]
    assert ids(filled.claims(certainty=["alleged", "denied"])) == ["en-a3", "sv-a3"]
    assert ids(filled.claims(certainty="confirmed")) == []
    with pytest.raises(UsageError, match="unknown certainty 'sure'"):
        filled.claims(certainty="sure")


def test_queries_claims_lang_article_and_limit(filled: Ledger, en_analysis: Analysis) -> None:
    assert {r["lang"] for r in filled.claims(lang="SV")} == {"sv"}
    assert len(filled.claims(lang="sv")) == 5
    assert ids(filled.claims(article=en_analysis.article.id[:7])) == ["en-a1", "en-a2", "en-a3"]
    assert ids(filled.claims(article=en_analysis.article.id)) == ["en-a1", "en-a2", "en-a3"]
    assert ids(filled.claims(lang="sv", limit=1)) == ["n-a1"]
    assert filled.claims(source="källor", certainty="alleged", lang="sv")[0]["id"] == "sv-a3"
    assert filled.claims(article="zz") == []


def test_queries_quantities_filters(filled: Ledger, sv_analysis: Analysis) -> None:
    rows = filled.quantities()
    assert ids(rows) == ["n-q1", "en-q1", "en-q2", "sv-q1", "sv-q2", "sv-q3"]
    rng = rows[0]
    assert (rng["text"], rng["value"], rng["value_max"], rng["approx"], rng["counted"]) == (
        "10–12 000",
        10_000,
        12_000,
        "range",
        "personer",
    )
    assert ids(filled.quantities(counted="DRÖN")) == ["sv-q1"]
    assert ids(filled.quantities(article=sv_analysis.article.id[:6])) == ["sv-q1", "sv-q2", "sv-q3"]
    assert ids(filled.quantities(counted="a", limit=2)) == ["en-q2", "sv-q1"]


def test_queries_articles_with_counts(filled: Ledger, analyses: list[Analysis]) -> None:
    rows = filled.articles()
    assert [r["id"] for r in rows] == [a.article.id for a in reversed(analyses)]
    sv = rows[2]
    assert (sv["attributions"], sv["quantities"], sv["mentions"]) == (3, 3, 2)
    assert sv["chars"] == len(analyses[0].article.text) and "text" not in sv
    assert rows[1]["warnings"] == ["decoded with replacements"]
    assert rows[1]["fetched_at"] == "2025-03-04T09:30:00+01:00"
    assert [r["lang"] for r in filled.articles(lang="sv")] == ["sv", "sv"]
    assert len(filled.articles(limit=1)) == 1


def test_queries_summary(filled: Ledger) -> None:
    s = filled.summary()
    assert {k: s[k] for k in ("articles", "attributions", "quantities", "mentions", "anonymous")} == {
        "articles": 3,
        "attributions": 8,
        "quantities": 6,
        "mentions": 3,
        "anonymous": 3,
    }
    assert s["certainty"] == {
        "asserted": 3,
        "confirmed": 0,
        "reported": 3,
        "estimated": 0,
        "alleged": 1,
        "denied": 1,
    }
    assert list(s["certainty"]) == ["asserted", "confirmed", "reported", "estimated", "alleged", "denied"]
    assert s["languages"] == {"sv": 2, "en": 1}
    assert s["top_sources"][0] == {"source": "Dagens Nyheter", "count": 1}
    assert len(s["top_sources"]) == 8


def test_queries_summary_top_sources_by_count(ledger: Ledger, make_article: Callable[..., Analysis]) -> None:
    for n in range(4):
        ledger.add(make_article(n))
    assert ledger.summary()["top_sources"] == [{"source": "Officials", "count": 4}]


def test_queries_summary_of_empty_ledger(ledger: Ledger) -> None:
    s = ledger.summary()
    assert s["articles"] == 0 and s["top_sources"] == [] and s["languages"] == {}
    assert set(s["certainty"].values()) == {0}


def test_queries_resolve_prefix(filled: Ledger, sv_analysis: Analysis) -> None:
    full = sv_analysis.article.id
    assert filled.analysis(full[:8]) == sv_analysis
    with filled.reading() as conn:
        assert queries.resolve(conn, f"  {full[:5]} ") == full
        with pytest.raises(StoreError, match="no article with id 'nothere'"):
            queries.resolve(conn, "nothere")
        with pytest.raises(StoreError, match="no article id given"):
            queries.resolve(conn, "")


def test_queries_resolve_ambiguous_prefix(ledger: Ledger, make_article: Callable[..., Analysis]) -> None:
    made = [make_article(n) for n in range(40)]
    for a in made:
        ledger.add(a)
    # With 40 hex ids, some pair shares its first character: that prefix is ambiguous.
    firsts = [a.article.id[0] for a in made]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(StoreError, match=f"article id '{shared}' is ambiguous") as info:
        ledger.analysis(shared)
    assert "\n" not in str(info.value)
