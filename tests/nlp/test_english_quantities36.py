"""English quantities, round 36: error classes seen across the English review sets, each on an
invented sentence.

A year-like number between a genitive and an adjective before a noun in the singular is a year
(*the party's 2004 presidential nominee*): so many of anything would take the plural; a
participle before a plural noun leaves the number a count (*2031 registered voters*).
"""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _figures(text: str) -> list[tuple[str, float, float | None, str, str | None]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(q.span.of(text), q.value, q.value_max, q.approx, q.counted.of(text) if q.counted else None)
            for q in analysis.quantities]


@pytest.mark.parametrize("text", [
    # a year before an adjective and a singular noun, after a genitive: no count
    "Jones, the party's 2004 presidential nominee, spoke on Friday.",
    "Brown's 2008 mayoral campaign raised little money.",
    "Smith was the Labour Party's 2010 parliamentary candidate in the seat.",
])
def test_year_before_adjective_and_singular_noun(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a participle before a plural noun: the number counts the noun, whatever its size
    ("Officials said 1997 registered voters turned out.",
     [("1997", 1997.0, None, "exact", "registered voters")]),
    ("The ward saw 2031 registered voters turn out.",
     [("2031", 2031.0, None, "exact", "registered voters")]),
])
def test_year_like_count_before_participle(text: str,
                                           expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected
