"""English quantities, round 36: error classes seen across the English review sets, each on an
invented sentence.

A year-like number between a genitive and an adjective before a noun in the singular is a year
(*the party's 2004 presidential nominee*): so many of anything would take the plural; a
participle before a plural noun leaves the number a count (*2031 registered voters*).
A part of a whole (*six of the past seven contests*) counts the whole's noun, past the
adjectives before the whole's own number. A margin of error (*plus or minus 3 points*, *+/-3*)
is a positive spread: *minus* there is no sign. What is counted runs along the parse to the head
noun of a compound (*three major cable television news networks*), past the fourth word. A verb
in the present tense after a number is the clause's, with the number its subject: nothing counted.
A bare figure set against a counted one by a comparison word (*compared to Lee's 538*) counts the same.
In a rate (*Three in ten nurses*) the part is a figure, the denominator is not.
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


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a whole: the noun after the whole's number, past an adjective before that number
    ("The rookie has won six of the past seven races.",
     [("six", 6.0, None, "exact", "races"), ("seven", 7.0, None, "exact", "races")]),
    ("Voters rejected three of the last five budgets.",
     [("three", 3.0, None, "exact", "budgets"), ("five", 5.0, None, "exact", "budgets")]),
])
def test_part_of_a_whole_after_adjective(text: str,
                                         expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the sign of a margin of error: a positive spread, the sign's words part of the figure
    ("The survey's margin of error is plus or minus 2.8 percentage points.",
     [("plus or minus 2.8", 2.8, None, "exact", "percentage points")]),
    ("The margin of error for both polls was +/-4 percentage points.",
     [("+/-4", 4.0, None, "exact", "percentage points")]),
    ("Its margin of error is plus or minus three percent.",
     [("plus or minus three", 3.0, None, "exact", "percent")]),
    # a minus alone is still the number's sign
    ("The thermometer read minus 7 degrees at dawn.",
     [("minus 7", -7.0, None, "exact", "degrees")]),
])
def test_margin_of_error(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a compound's parts lead to its head noun: what is counted runs to that noun
    ("The study followed four large regional hospital trust boards.",
     [("four", 4.0, None, "exact", "large regional hospital trust boards")]),
    ("Lawyers filed two other class action suits in May.",
     [("two", 2.0, None, "exact", "other class action suits")]),
])
def test_counted_runs_to_compound_head(text: str,
                                       expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a present tense after the number (the English model has no morphology: its fine tag says so)
    ("Auditors said 14 of the 30 files contain errors.",
     [("14", 14.0, None, "exact", "files"), ("30", 30.0, None, "exact", "files")]),
    ("Engineers believe that 3 of the 11 need new parts.",
     [("3", 3.0, None, "exact", None), ("11", 11.0, None, "exact", None)]),
    ("The coach says the two deserve better pay.",
     [("two", 2.0, None, "exact", None)]),
])
def test_present_tense_after_number(text: str,
                                    expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare figure after 'compared to/with' counts what the figure it is set against counts
    ("The mayor has 1,900 votes, compared to Jones' 1,150.",
     [("1,900", 1900.0, None, "exact", "votes"), ("1,150", 1150.0, None, "exact", "votes")]),
    ("Sales rose to 400 units, compared with 350 a year earlier.",
     [("400", 400.0, None, "exact", "units"), ("350", 350.0, None, "exact", "units")]),
])
def test_figure_set_against_counted_one(text: str,
                                        expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a rate: the part stays a figure of its own, the denominator is left out
    ("Three in ten nurses said they would quit.", [("Three", 3.0, None, "exact", None)]),
    ("Roughly 4 in 5 tenants want the rule changed.", [("Roughly 4", 4.0, None, "about", None)]),
])
def test_rate_keeps_its_part(text: str, expected: list[tuple[str, float, float | None, str, str | None]]) -> None:
    assert _figures(text) == expected
