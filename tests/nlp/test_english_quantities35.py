"""English quantities, round 35: error classes seen across the English review sets, each on an
invented sentence.

A falling pair across *to* (*48 to 41 percent*) is a tally: two figures that share the unit or
noun after the second; a rising pair stays one range. A bare figure conjoined to a counted one
(*2,300 engineers in Ohio and 1,900 in Texas*) counts the same thing: its noun is left out.
Figures listed before one unit (*by 5 and 10 percentage points*) each take it.
"""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _figures(text: str) -> list[tuple[str, float, float | None, str, str | None]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(q.span.of(text), q.value, q.value_max, q.approx, q.counted.of(text) if q.counted else None)
            for q in analysis.quantities]


@pytest.mark.parametrize(("text", "expected"), [
    # a tally: the first figure of a falling pair takes the unit after the second
    ("A new survey shows the mayor beating her rival 48 to 41 percent.",
     [("48", 48.0, None, "exact", "percent"), ("41", 41.0, None, "exact", "percent")]),
    ("The senator carried the county 61 to 37 percent on Tuesday.",
     [("61", 61.0, None, "exact", "percent"), ("37", 37.0, None, "exact", "percent")]),
])
def test_tally_pairs(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare figure conjoined to an earlier counted one counts what that one counts
    ("The firm hired 2,300 engineers in Ohio and 1,900 in Texas.",
     [("2,300", 2300.0, None, "exact", "engineers"), ("1,900", 1900.0, None, "exact", "engineers")]),
    ("Officials counted 310 ballots on Monday and 270 on Tuesday.",
     [("310", 310.0, None, "exact", "ballots"), ("270", 270.0, None, "exact", "ballots")]),
])
def test_elided_counts(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # figures listed with 'and' / 'or' before one unit each take that unit, a unit of two words too
    ("The governor led both rivals by 5 and 10 percentage points, respectively.",
     [("5", 5.0, None, "exact", "percentage points"), ("10", 10.0, None, "exact", "percentage points")]),
    ("Crews cleared 3 and 4 kilometres of road.",
     [("3", 3.0, None, "exact", "kilometres"), ("4", 4.0, None, "exact", "kilometres")]),
])
def test_listed_units(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected
