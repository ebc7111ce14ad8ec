"""English quantities: the classes the Wikinews review documents showed, each on an invented sentence.

Ranks, labels, shares, ages, rates and multipliers count nothing (FORMAT.md's Quantities section);
*one or two* is a range, *107 or more* a bound, *half an hour* a fraction of a unit it measures.
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
    # a rank after '#' is an ordinal
    ("The mill is the #4 producer and has been #2 for years.", []),
    # a bare integer right after a noun or name labels it; after a verb, a preposition or a colon it counts
    ("Guards at border huts 318 and 319 saw nothing, and the band played at Club 77.", []),
    # a noun that names the count is not what it counts (English gold: *the death toll ... more than
    # a thousand* counts nothing named); the noun phrase of its *of* is, through a genitive
    ("The toll rose to 45 on Monday.", [("45", 45.0, None, "exact", None)]),
    # money with its sign at both ends of a range is one range; a 24-hour clock time counts nothing;
    # an infinitive after a modal is the clause's verb, not what is counted
    ("Tickets cost £30-£50, and the stands cost $5m to $7m.",
     [("£30-£50", 30.0, 50.0, "range", None), ("$5m to $7m", 5e6, 7e6, "range", None)]),
    ("The mayor will speak at 22.15 and the polls close at 21.30 GMT.", []),
    ("The grant is 9 million euros, of which 2.5 million will go to schools.",
     [("9 million", 9e6, None, "exact", "euros"), ("2.5 million", 2.5e6, None, "exact", None)]),
    ("The move brings the number of Danish medics in the region to 300, officials said.",
     [("300", 300.0, None, "exact", "Danish medics")]),
    ("The tally of the club's members reached 300 in May.", [("300", 300.0, None, "exact", "club's members")]),
    ("Rebels killed 45 near the border.", [("45", 45.0, None, "exact", None)]),
    ("Injured: 45 by Friday.", [("45", 45.0, None, "exact", None)]),
    # a fraction of a whole is a share, left out; of a unit, and a mixed number, it measures
    ("Only a quarter of residents voted, and two-thirds of members stayed away.", []),
    ("It took nearly half an hour to drive half a mile.",
     [("nearly half", 0.5, None, "under", "hour"), ("half", 0.5, None, "exact", "mile")]),
    ("The city has half a million residents.", [("half a million", 5e5, None, "exact", "residents")]),
    ("They waited one and a half years.", [("one and a half", 1.5, None, "exact", "years")]),
    ("Add 1/4 cup of milk and boil for 2½ hours.",
     [("1/4", 0.25, None, "exact", "cup"), ("2½", 2.5, None, "exact", "hours")]),
    # an age before 'year old' is left out
    ("A 23 year old driver and a nine-month-old calf were hurt.", []),
    # 'one or two' is a range; 'or more' / 'or fewer' bound the figure
    ("The club won one or two games and 4 or 5 cups.",
     [("one or two", 1.0, 2.0, "range", "games"), ("4 or 5", 4.0, 5.0, "range", "cups")]),
    ("The blast killed 12 or more and hurt one or more guards.",
     [("12 or more", 12.0, None, "over", None), ("one or more", 1.0, None, "over", "guards")]),
    ("Groups of 20 or fewer may enter.", [("20 or fewer", 20.0, None, "under", None)]),
    # a rate (smaller in larger): the denominator is left out, the part kept (blind gold, round 36);
    # a larger first number is a count
    ("One in four voters agreed, and 2 in 5 adults did too.", [("2", 2.0, None, "exact", None)]),
    ("Rebels killed 45 in 3 attacks.", [("45", 45.0, None, "exact", None), ("3", 3.0, None, "exact", "attacks")]),
    ("Sales grew 3 in 12 months.", [("3", 3.0, None, "exact", None), ("12", 12.0, None, "exact", "months")]),
    # a multiplier is no count
    ("Prices rose a hundred fold.", []),
    # what is counted follows an editor's closing bracket
    ('"[Five] days later, it ended," she said.', [("Five", 5.0, None, "exact", "days")]),
    # a digit after a unit in capitals is a figure, not part of a name
    ("The card runs at 2.5 GHz 8 MB cache.", [("2.5", 2.5, None, "exact", "GHz"), ("8", 8.0, None, "exact", "MB")]),
    # 'one' counts where another number counts the same noun close by, or a span of time beside it
    ("Troops fired 36 shells at the posts after the rebels fired one shell at the town.",
     [("36", 36.0, None, "exact", "shells"), ("one", 1.0, None, "exact", "shell")]),
    ("They had only two weeks to build it and only one day to test it.",
     [("two", 2.0, None, "exact", "weeks"), ("one", 1.0, None, "exact", "day")]),
    ("Two weeks later, they left. One day he returned.", [("Two", 2.0, None, "exact", "weeks")]),
    ("One man said 45 people died.", [("45", 45.0, None, "exact", "people")]),
    # a mixed number with a space before the fraction sign; 'dozen' scales the number before it
    ("He served 5 ½ years and sold two dozen hats.",
     [("5 ½", 5.5, None, "exact", "years"), ("two dozen", 24.0, None, "exact", "hats")]),
])
def test_english_review_classes(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # classes from PolNeAR train texts (no gold there; judged by FORMAT.md), on invented sentences
    ("The 9/11 panel met; the bolt is 3/16 of an inch.", [("3/16", 0.1875, None, "exact", "inch")]),
    ('<post post-id="918273645546372819"> and 45 people.', [("45", 45.0, None, "exact", "people")]),
    ("He cites ThirtyFive and leads by 9 points. [538.] The poll [12] ends.", [("9", 9.0, None, "exact", "points")]),
    ("The board saw Lind, then 44, as a driver, and Moss, now 61, agreed.", []),
    ("Their 4,200-foot loft sold.", [("4,200-foot", 4200.0, None, "exact", None)]),  # a measure counts nothing
    ("She got an M.F.A. in May.", []),
    ("Donors put hundreds of millions of dollars into it.",
     [("hundreds of millions", 1e8, None, "over", "dollars")]),
    ("He leads among voters under age 45.", []),
    # a name runs on to the noun it names in what is counted
    ("The museum holds over 9,000 Ansel Adams prints.", [("over 9,000", 9000.0, None, "over", "Ansel Adams prints")]),
    # a scale word glued to the figure, with or without a currency sign
    ("Donors made more than 2.5million gifts, and he raised $12.2million.",
     [("more than 2.5million", 2.5e6, None, "over", "gifts"), ("$12.2million", 1.22e7, None, "exact", None)]),
])
def test_english_train_classes(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "counted"), [
    ("All eight of France's main unions joined the march.", "main unions"),
    ("Two of the country's largest banks failed.", "largest banks"),
    ("Three of its commanders were killed.", "commanders"),
])
def test_a_partitive_whole_s_owner_is_not_what_is_counted(text: str, counted: str) -> None:
    assert [f[4] for f in _figures(text)] == [counted]


@pytest.mark.parametrize(("text", "approx"), [
    ("The trip took more or less 45 minutes.", "about"),
    ("Attendance was closer to 40,000.", "under"),
])
def test_how_exact_a_figure_is_put(text: str, approx: str) -> None:
    assert [f[3] for f in _figures(text)] == [approx]


@pytest.mark.parametrize(("text", "expected"), [
    # a number joined by a hyphen to the noun it counts (the Wikinews *three-nation*, the political-news
    # *three-way*, *30-second*): that noun is what is counted
    ("It is a three-way race with a 30-second ad on every channel.",
     [("three-way", 3.0, None, "exact", "way"), ("30-second", 30.0, None, "exact", "second")]),
    # a number word after the hyphen makes one number; a fraction and a multiple count nothing
    ("Twenty-seven boats left, two-thirds of them full, after an 18-fold rise in fares.",
     [("Twenty-seven", 27.0, None, "exact", "boats")]),
])
def test_a_number_joined_to_its_noun_by_a_hyphen(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a money range with its sign at both ends, after 'between'
    ("Donations between $1,001 and $5,000 rose.", [("between $1,001 and $5,000", 1001.0, 5000.0, "range", None)]),
    # 'as high as' is an upper bound (like 'up to'); 'a few thousand' a vague amount (FORMAT.md: over)
    ("Turnout was as high as 42 percent, with a few thousand voters.",
     [("as high as 42", 42.0, None, "under", "percent"), ("a few thousand", 1000.0, None, "over", "voters")]),
    # a scale word joined to its noun counts it (the PUD and political-news gold: *a billion-dollar*)
    ("It was a billion-dollar deficit.", [("billion-dollar", 1e9, None, "exact", "dollar")]),
])
def test_money_ranges_bounds_and_vague_amounts_of_political_news(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("Maybe 1,500 people came to the harbour.", 1500),
    ("Probably 150,000 watched the launch online.", 150000),
])
def test_a_hedged_figure_is_approximate(text: str, value: float) -> None:
    # en-polnear-format review gold: *maybe 1,500*, *probably 150,000*: about
    [q] = analyze_article(Article(text=text, lang="en")).quantities
    assert (q.value, q.approx) == (value, "about")
