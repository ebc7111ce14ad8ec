"""The linker reads what the records carry (``Attribution.relayed``, ``Quantity.unit_span``), not
the text again: with the field emptied, the reading it gave goes. The sentences are invented."""

from __future__ import annotations

from dataclasses import replace

from claimledger.link import origins as origins_of
from claimledger.link.data import load
from claimledger.link.features import quantity_item
from claimledger.model import Analysis, Article
from claimledger.nlp.records import analyze_article


def _origins(analysis: Analysis) -> list[tuple[str | None, str, str]]:
    data = load("en")
    return [(o.actor, o.rule, o.words) for o in origins_of.origins(analysis, data,
                                                                   origins_of.speaker_scope(analysis, data))]


def test_a_relay_speaks_for_whom_its_record_names() -> None:
    """*Lee cited Kim as saying that X*: the claim is Kim's (the NIS director named before) because the
    record says Kim is relayed; a record without those words leaves Lee the speaker."""
    text = ("NIS director Kim Dae-ho briefed a closed-door committee on Monday.\n\n"
            "Lee cited Kim as saying that the ferry had sunk near the island.")
    analysis = analyze_article(Article(text=text, lang="en", published="2026-12-01"))
    assert [a.relayed.of(text) if a.relayed else None for a in analysis.attributions] == ["Kim"]
    [(actor, rule, _words)] = _origins(analysis)
    assert (actor, rule) == ("South Korea's intelligence service (NIS)", "introduced")
    bare = replace(analysis, attributions=tuple(replace(a, relayed=None) for a in analysis.attributions))
    assert [(o[0], o[1]) for o in _origins(bare)] == [("lee", "named")]


def test_a_hyphenated_measure_converts_through_its_unit_word() -> None:
    """*a 105-mile cable*: the figure counts nothing, and its unit word (``unit_span``) converts miles."""
    text = "Engineers laid a 105-mile cable under the strait last year."
    analysis = analyze_article(Article(text=text, lang="en", published="2026-12-01"))
    [q] = [q for q in analysis.quantities if q.span.of(text) == "105-mile"]
    item = quantity_item(analysis, q, load("en"))
    assert item.unit == "km" and item.value is not None and round(item.value) == 169
    plain = quantity_item(analysis, replace(q, unit_span=None), load("en"))
    assert plain.value == 105
