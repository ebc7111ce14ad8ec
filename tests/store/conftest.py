"""Fixtures for the store tests: hand-built analyses of made-up sentences, and ledgers.

The analyses are built by hand (no spaCy, no models) so the store is tested on its own:
each record's spans are found by searching the words in the text, so a fixture cannot
silently carry a wrong offset. The sentences are invented for these tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimledger.model import Analysis, Article, Attribution, Mention, Quantity, Span
from claimledger.store import Ledger

SV_TEXT = (
    "Enligt Försvarsmakten sköts tolv drönare ner över Gotland under natten. "
    "Myndigheten uppger att omkring 300 soldater deltog i övningen.\n\n"
    "Källor till tidningen hävdar att fler än 40 fartyg har setts i området."
)
EN_TEXT = (
    "The ministry said on Tuesday that nearly 2,000 households had lost power. "
    "According to officials who asked not to be named, the outage may last about three days. "
    "The operator denied that the grid had been attacked."
)
NESTED_TEXT = "Enligt Dagens Nyheter uppger källor att 10–12 000 personer evakuerades från ön i helgen."


def find(text: str, words: str, after: int = 0) -> Span:
    """The span of the first occurrence of ``words`` at or after ``after``; fails loudly if absent."""
    start = text.index(words, after)
    return Span(start, start + len(words))


def _sv() -> Analysis:
    art = Article(
        text=SV_TEXT,
        lang="sv",
        title="Drönare sköts ner över Gotland",
        published="2025-03-02",
        outlet="Testtidningen",
        url="https://example.org/sv/dronare",
        raw_ref="examples/sv-dronare.txt",
    )
    t, aid = SV_TEXT, art.id
    atts = (
        Attribution(
            "sv-a1",
            aid,
            cue=find(t, "Enligt"),
            content=find(t, "sköts tolv drönare ner över Gotland under natten"),
            source=find(t, "Försvarsmakten"),
            certainty="asserted",
            anonymous=False,
            source_kind="military",
            actor_id="swedish-armed-forces",
            rule="enligt-X",
        ),
        Attribution(
            "sv-a2",
            aid,
            cue=find(t, "uppger"),
            content=find(t, "omkring 300 soldater deltog i övningen"),
            source=find(t, "Myndigheten"),
            certainty="asserted",
            anonymous=False,
            source_kind="agency",
            confidence=0.8,
            rule="X-uppger-att",
        ),
        Attribution(
            "sv-a3",
            aid,
            cue=find(t, "hävdar"),
            content=find(t, "fler än 40 fartyg har setts i området"),
            source=find(t, "Källor till tidningen"),
            certainty="alleged",
            anonymous=True,
            source_kind="anonymous",
            hedges=(find(t, "hävdar"),),
            confidence=0.6,
            rule="X-hävdar-att",
        ),
    )
    qs = (
        Quantity(
            "sv-q1", aid, find(t, "tolv"), 12, "exact", counted=find(t, "drönare"), attribution_id="sv-a1"
        ),
        Quantity(
            "sv-q2",
            aid,
            find(t, "omkring 300"),
            300,
            "about",
            counted=find(t, "soldater"),
            attribution_id="sv-a2",
        ),
        Quantity(
            "sv-q3", aid, find(t, "fler än 40"), 40, "over", counted=find(t, "fartyg"), attribution_id="sv-a3"
        ),
    )
    ms = (
        Mention(
            "sv-m1", aid, find(t, "Försvarsmakten"), "ORG", "swedish-armed-forces", "Swedish Armed Forces"
        ),
        Mention("sv-m2", aid, find(t, "Gotland"), "LOC", canonical="Gotland"),
    )
    return Analysis(art, atts, qs, ms)


def _en() -> Analysis:
    art = Article(
        text=EN_TEXT,
        lang="en",
        title="Thousands without power",
        outlet="The Test Courier",
        url="https://example.org/en/outage",
        canonical_url="https://example.org/en/outage?amp=0",
        fetched_at=datetime(2025, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=1))),
        raw_ref="feed.xml#entry=2",
        warnings=("decoded with replacements",),
    )
    t, aid = EN_TEXT, art.id
    atts = (
        Attribution(
            "en-a1",
            aid,
            cue=find(t, "said"),
            content=find(t, "nearly 2,000 households had lost power"),
            source=find(t, "The ministry"),
            certainty="asserted",
            anonymous=False,
            source_kind="government",
        ),
        Attribution(
            "en-a2",
            aid,
            cue=find(t, "According to"),
            content=find(t, "the outage may last about three days"),
            source=find(t, "officials who asked not to be named"),
            certainty="reported",
            anonymous=True,
            source_kind="official",
            hedges=(find(t, "may"),),
        ),
        Attribution(
            "en-a3",
            aid,
            cue=find(t, "denied"),
            content=find(t, "the grid had been attacked"),
            source=find(t, "The operator"),
            certainty="denied",
            anonymous=False,
            source_kind="organisation",
            content_parts=(find(t, "the grid"), find(t, "attacked")),
        ),
    )
    qs = (
        Quantity(
            "en-q1",
            aid,
            find(t, "nearly 2,000"),
            2000,
            "under",
            counted=find(t, "households"),
            attribution_id="en-a1",
        ),
        Quantity("en-q2", aid, find(t, "about three"), 3, "about", counted=find(t, "days"), unit="day"),
    )
    return Analysis(art, atts, qs, (Mention("en-m1", aid, find(t, "ministry"), "ORG"),))


def _nested() -> Analysis:
    t = NESTED_TEXT
    art = Article(text=t, lang="sv", outlet="Testbladet", published="2025-03-05")
    outer = Attribution(
        "n-a1",
        art.id,
        cue=find(t, "Enligt"),
        content=Span(find(t, "uppger").start, len(t) - 1),
        source=find(t, "Dagens Nyheter"),
        certainty="reported",
        anonymous=False,
        source_kind="outlet",
    )
    inner = Attribution(
        "n-a2",
        art.id,
        cue=find(t, "uppger"),
        content=Span(find(t, "10–12").start, len(t) - 1),
        source=find(t, "källor"),
        certainty="reported",
        anonymous=True,
        via="n-a1",
    )
    q = Quantity(
        "n-q1",
        art.id,
        find(t, "10–12 000"),
        10_000,
        "range",
        value_max=12_000.0,
        counted=find(t, "personer"),
        attribution_id="n-a2",
    )
    return Analysis(art, (outer, inner), (q,))


@pytest.fixture
def sv_analysis() -> Analysis:
    return _sv()


@pytest.fixture
def en_analysis() -> Analysis:
    return _en()


@pytest.fixture
def nested_analysis() -> Analysis:
    return _nested()


@pytest.fixture
def analyses() -> list[Analysis]:
    """Three articles in two languages, 8 attributions, 6 quantities, 3 mentions."""
    return [_sv(), _en(), _nested()]


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    with Ledger(ledger_path) as led:
        yield led


def ledger_on(request: pytest.FixtureRequest, ledger_path: Path) -> Iterator[Ledger]:
    """A ledger on the backend ``request.param`` names, for modules whose tests should hold on
    SQLite and PostgreSQL alike (``@pytest.fixture(params=BACKENDS)`` overriding ``ledger``)."""
    target: str | Path = ledger_path if request.param == "sqlite" else request.getfixturevalue("postgres")()
    with Ledger(target) as led:
        yield led


@pytest.fixture
def filled(ledger: Ledger, analyses: list[Analysis]) -> Ledger:
    """A ledger holding the three analyses, added in order (so the nested one is newest)."""
    for a in analyses:
        assert ledger.add(a)
    return ledger


@pytest.fixture
def make_article() -> Callable[..., Analysis]:
    """Factory for a small one-claim analysis with a unique text, for tests that need many."""

    def make(n: int, lang: str = "en") -> Analysis:
        text = f"Officials said that {n} trucks crossed the border on day {n}."
        art = Article(text=text, lang=lang, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))
        att = Attribution(
            f"a{n}",
            art.id,
            cue=find(text, "said"),
            content=Span(find(text, "that").end + 1, len(text) - 1),
            source=find(text, "Officials"),
            certainty="asserted",
            anonymous=True,
        )
        return Analysis(art, (att,))

    return make
