"""What the rules knew travels on the records: whom a relay names (``Attribution.relayed``) and the
word that names a figure's unit (``Quantity.unit_span``), so the linker never reads them back
out of the text. The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


@pytest.mark.parametrize(("text", "cue", "relayed"), [
    ("Lee cited Kim as saying that North Korea plans to send more soldiers by March.",
     "cited Kim as saying", "Kim"),
    ("Lawmaker Ahn cited the agency's director as saying that the ferry had sunk.",
     "cited the agency's director as saying", "the agency's director"),
])
def test_relay_as_saying_names_whom_it_relays(text: str, cue: str, relayed: str) -> None:
    """*Lee cited Kim as saying that X*: one entry (source Lee), and Kim's words inside its cue."""
    [a] = analyze_article(Article(text=text, lang="en")).attributions
    assert (a.rule, a.cue.of(text)) == ("relay-as-saying", cue)
    assert a.relayed is not None and a.relayed.of(text) == relayed
    assert a.cue.contains(a.relayed)


def test_an_entry_that_relays_no_one_has_no_relayed_words() -> None:
    text = "The coast guard said the ferry had sunk near the island."
    [a] = analyze_article(Article(text=text, lang="en")).attributions
    assert a.relayed is None


@pytest.mark.parametrize(("text", "figure", "unit", "word"), [
    ("The navy said a 230-metre ship ran aground off the island.", "230-metre", "m", "metre"),
    ("Engineers laid a 105-mile cable under the strait last year.", "105-mile", "mi", "mile"),
    ("The company will build 8- to 16-meter towers along the coast.", "8- to 16-meter", "m", "meter"),
])
def test_a_measure_keeps_the_word_of_its_unit(text: str, figure: str, unit: str, word: str) -> None:
    """*a 230-metre ship* counts nothing (FORMAT.md), but its unit's word is known where it stands."""
    qs = {q.span.of(text): q for q in analyze_article(Article(text=text, lang="en")).quantities}
    q = qs[figure]
    assert (q.unit, q.counted) == (unit, None)
    assert q.unit_span is not None and q.unit_span.of(text) == word
    assert q.span.contains(q.unit_span)


@pytest.mark.parametrize(("text", "lang", "figure", "word"), [
    ("The cable runs 105 miles under the strait.", "en", "105", "miles"),
    ("Prices rose 40 per cent last year, the bank said.", "en", "40", "per cent"),
    ("Bolaget förlorade 45 miljoner kronor i fjol.", "sv", "45 miljoner", "kronor"),
])
def test_a_unit_after_the_figure_is_its_unit_words(text: str, lang: str, figure: str, word: str) -> None:
    """*105 miles*: the unit's words follow the figure, and are what it counts."""
    qs = {q.span.of(text): q for q in analyze_article(Article(text=text, lang=lang)).quantities}
    q = qs[figure]
    assert q.unit_span is not None and q.unit_span.of(text) == word
    assert q.unit_span == q.counted


def test_a_currency_sign_or_a_counted_noun_is_no_unit_word() -> None:
    text = "The plant lost $5 million and 300 jobs."
    qs = {q.span.of(text): q for q in analyze_article(Article(text=text, lang="en")).quantities}
    assert (qs["$5 million"].unit, qs["$5 million"].unit_span) == ("USD", None)
    assert (qs["300"].unit, qs["300"].unit_span) == (None, None)
