"""The candidate pool: the facts an item is held against are exactly those a full scan would
score above zero, and a long article's figures are not each held against every other."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from claimledger.link import contradictions, facts, pool
from claimledger.link.facts import State
from claimledger.link.features import Item
from claimledger.link.pool import Pool
from claimledger.link.terms import SENTENCE_REACH, sentence
from claimledger.model import Span

KINDS = {"soldiers": "count", "people": "generic", "km": "measure"}
WORDS = ["bridge", "closed", "roads", "flooded", "soldier", "border", "troops", "capital", "minister"]


def _item(r: random.Random, k: int) -> Item:
    """A random figure or claim of one article, drawn so that many pairs can and many cannot join."""
    if r.random() < 0.6:
        value = r.choice([0.0, -3.0, 5.0, 12.0, 1e-9, 2e12, round(r.uniform(1, 2000)), r.choice([100.0, 102.0, 98.0])])
        approx = r.choice([None, "exact", "about", "under", "over", "range"])
        top = value * r.choice([1.0, 1.2, 10.0]) if approx == "range" else None
        return Item(f"q{k}", "q", f"{value:g}", "2024-10-18", value=value, value_max=top, approx=approx,
                    concept=r.choice([None, "soldiers", "people", "km"]), context=frozenset(r.sample(WORDS, 2)),
                    names=frozenset(r.sample(["kyiv", "seoul", "lille"], 1)))
    terms = frozenset(r.sample(WORDS, r.randint(1, 5)))
    return Item(f"a{k}", "a", " ".join(sorted(terms)), "2024-10-18", terms=terms,
                certainty=r.choice(["asserted", "asserted", "denied", "reported"]))


def _run(items: list[Item], actors: list[str | None], indexed: bool) -> list[tuple[str, float]]:
    """Assign every item as the linker does, with the pool's candidates or against every fact."""
    states = Pool([], "en")
    out = []
    for it, actor in zip(items, actors, strict=True):
        candidates = states.candidates(it, actor) if indexed else list(states)
        st, score, _why = facts.assign(it, candidates, "en", KINDS, actor)
        if st is None:
            st = State(facts.new_fact(it, "art", "en"))
            states.add(st)
        states.mention(st, facts.mention(it, st.fact.id, "art", actor, score, "why"))
        out.append((st.fact.id, round(score, 9)))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_pool_assigns_every_item_as_the_full_scan_does(seed: int) -> None:
    r = random.Random(seed)
    items = [_item(r, k) for k in range(300)]
    actors = [r.choice([None, "grace okafor", "ann lee", "NATO"]) for _ in items]
    full = _run(items, actors, indexed=False)
    assert _run(items, actors, indexed=True) == full
    assert len({f for f, _s in full}) < len(items)  # the draw lets items join facts: the test means something


def test_pool_holds_a_figure_only_against_facts_whose_values_can_meet_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    score = facts.quantity_score

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return score(*args, **kwargs)

    monkeypatch.setattr(facts, "quantity_score", counted)
    n = 2000
    items = [Item(f"q{k}", "q", str(k * 10), "2024-10-18", value=float(k * 10), concept="soldiers")
             for k in range(1, n + 1)]
    made = _run(items, [None] * n, indexed=True)
    assert len({f for f, _s in made}) == n  # every figure is its own fact
    assert calls < 10 * n  # the full scan made n * (n - 1) / 2 = 1,999,000
    calls = 0
    same = [Item(f"s{k}", "q", "5", "2024-10-18", value=5.0, context=frozenset({f"w{k}"})) for k in range(n)]
    made = _run(same, [None] * n, indexed=True)  # one value, nothing shared: each its own fact
    assert len({f for f, _s in made}) == n
    assert calls <= pool.BAND_REACH * 3 * n  # only the latest facts of one value are held against a figure


def test_pool_bands_put_neighbouring_values_in_one_band_or_the_next() -> None:
    for x in [1e-7, 0.001, 0.5, 1.0, 99.5, 100.0, 316.2, 782_000.0, 800_000.0, 2.3e6, 1e60, float("inf")]:
        step = pool._band(x * (1 + 1e-9), pool.FINE) - pool._band(x, pool.FINE)
        assert step in (0, 1)
    assert pool._band(0.0, pool.COARSE) == pool._band(-5.0, pool.COARSE) == pool._band(1e-8, pool.COARSE)


def test_sentence_finds_the_same_bounds_as_a_scan_of_the_text() -> None:
    r = random.Random(3)

    def scan(text: str, span: Span) -> Span:
        left = max(text.rfind("\n", 0, span.start), *(text.rfind(p, 0, span.start) for p in (". ", "! ", "? ")))
        ends = [i for i in (text.find("\n", span.end), *(text.find(p, span.end) for p in (". ", "! ", "? ")))
                if i >= 0]
        return Span(0 if left < 0 else left + 1, min(ends) + 1 if ends else len(text))

    for _ in range(3000):
        text = "".join(r.choice("ab .!?\n") for _ in range(r.randint(0, 40)))
        start = r.randint(0, len(text))
        span = Span(start, r.randint(start, len(text)))
        assert sentence(text, span) == scan(text, span)


def test_contradictions_give_a_fact_at_most_max_rivals_and_still_contest_every_one() -> None:
    n = 40  # 40 rival counts of one variable on one day, each from its own source: 780 clashing pairs
    items = [Item(f"q{k}", "q", str(1000 + 10 * k), "2024-10-18", value=float(1000 + 10 * k), concept="soldiers")
             for k in range(n)]
    states = Pool([], "en")
    for k, it in enumerate(items):
        st = State(facts.new_fact(it, "art", "en"))
        states.add(st)
        states.mention(st, facts.mention(it, st.fact.id, "art", f"source {k}", 1.0, "first mention"))
        st.touched = True
    links = contradictions.find(list(states), list(states), KINDS, set())
    per_fact = Counter(f for lk in links for f in (lk.a, lk.b))
    assert {lk.kind for lk in links} == {"contradiction"}
    assert max(per_fact.values()) == contradictions.MAX_RIVALS
    assert len(per_fact) == n  # every figure is contested all the same
    against = contradictions.contested(links)
    assert all(contradictions.finish(st, against).contested for st in states)


def test_a_sentence_reaches_no_further_than_its_bound_in_a_text_without_boundaries() -> None:
    text = " ".join(str(k) for k in range(5000))  # one line of numbers, no stop
    at = text.index(" 2500 ") + 1
    sent = sentence(text, Span(at, at + 4))
    assert at - sent.start <= SENTENCE_REACH and sent.end - (at + 4) <= SENTENCE_REACH
    assert text[sent.start - 1] == " " and text[sent.end] == " "  # cut at a word's edge
    short = "Troops left. Officials said 4,000 soldiers had arrived on Monday. More followed."
    at = short.index("4,000")
    assert sentence(short, Span(at, at + 5)).of(short).strip() == "Officials said 4,000 soldiers had arrived on Monday."
