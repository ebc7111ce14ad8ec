"""Swedish quantities, round 36: error classes seen across the review sets, each on an invented
sentence.

A part of a whole (*16 av landets 21 regioner*, *fyra av de senaste nio matcherna*) counts the
whole's noun, past the owner's genitive or the adjectives before the whole's own number. A
margin of error (*plus minus 2,5 procentenheter*) is a positive spread: *minus* there is no sign.
"""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _figures(text: str) -> list[tuple[str, float, float | None, str, str | None]]:
    analysis = analyze_article(Article(text=text, lang="sv"))
    return [(q.span.of(text), q.value, q.value_max, q.approx, q.counted.of(text) if q.counted else None)
            for q in analysis.quantities]


@pytest.mark.parametrize(("text", "expected"), [
    # the owner's genitive before the whole's number
    ("Sjukhuset i 12 av länets 17 kommuner har byggts om.",
     [("12", 12.0, None, "exact", "kommuner"), ("17", 17.0, None, "exact", "kommuner")]),
    # an adjective before the whole's number
    ("Laget har vunnit fyra av de senaste nio matcherna.",
     [("fyra", 4.0, None, "exact", "matcherna"), ("nio", 9.0, None, "exact", "matcherna")]),
])
def test_part_of_a_whole_past_genitive_or_adjective(
        text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Felmarginalen i mätningen är plus minus 2,5 procentenheter.",
     [("plus minus 2,5", 2.5, None, "exact", "procentenheter")]),
    ("Det var minus 12 grader i Kiruna i natt.",
     [("minus 12", -12.0, None, "exact", "grader")]),
])
def test_margin_of_error(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected
