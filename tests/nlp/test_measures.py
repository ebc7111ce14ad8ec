"""Figures with units and money, compound number words, mixed numbers and what is no count."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _figures(text: str, lang: str) -> list[tuple[str, float, float | None, str, str | None]]:
    analysis = analyze_article(Article(text=text, lang=lang))
    return [(q.span.of(text), q.value, q.value_max, q.approx, q.unit) for q in analysis.quantities]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The package is worth $5.5bn, officials said.", "en", [("$5.5bn", 5.5e9, None, "exact", "USD")]),
    ("Brussels pledged €3 million more.", "en", [("€3 million", 3e6, None, "exact", "EUR")]),
    ("About $20 billion in aid has been sent.", "en", [("About $20 billion", 2e10, None, "about", "USD")]),
    ("The fund paid SEK 400m last year.", "en", [("SEK 400m", 4e8, None, "exact", "SEK")]),
    ("Affären är värd 5,5 miljarder dollar.", "sv", [("5,5 miljarder", 5.5e9, None, "exact", "USD")]),
    ("Det kostade 1,2 mdr kr.", "sv", [("1,2 mdr", 1.2e9, None, "exact", "SEK")]),
    ("Turnout rose to 40% in the capital.", "en", [("40", 40.0, None, "exact", "%")]),
    ("Some 40 per cent of voters agreed.", "en", [("Some 40", 40.0, None, "about", "%")]),
    ("40 procent av väljarna röstade nej.", "sv", [("40", 40.0, None, "exact", "%")]),
    ("The tanker dragged its anchor behind a 230-metre hull.", "en", [("230-metre", 230.0, None, "exact", "m")]),
    ("It severed a 105-mile cable.", "en", [("105-mile", 105.0, None, "exact", "mi")]),
    ("Fartyget låg tio mil bort.", "sv", [("tio", 10.0, None, "exact", "mil")]),
    ("The plant produces 400 MW.", "en", [("400", 400.0, None, "exact", "MW")]),
    ("A hundred and two people were rescued.", "en", [("A hundred and two", 102.0, None, "exact", None)]),
    # a scale word after a range scales its low end too, where the low end then stays below the high
    ("Det kostar mellan 12 och 15 miljarder kronor.", "sv",
     [("mellan 12 och 15 miljarder", 1.2e10, 1.5e10, "range", "SEK")]),
    ("It will cost between 12 and 15 billion dollars.", "en",
     [("between 12 and 15 billion", 1.2e10, 1.5e10, "range", "USD")]),
    ("Between 500 and 2 million people fled.", "en", [("Between 500 and 2 million", 500.0, 2e6, "range", None)]),
    ("Two and a half million people have fled.", "en", [("Two and a half million", 2.5e6, None, "exact", None)]),
    ("Tvåhundrafemtio soldater och femtiotusen civila.", "sv",
     [("Tvåhundrafemtio", 250.0, None, "exact", None), ("femtiotusen", 50000.0, None, "exact", None)]),
    ("Polisen räknade 10.000 demonstranter.", "sv", [("10.000", 10000.0, None, "exact", None)]),
    ("Call 555-1234 for details.", "en", []),
    ("A drag mark stretches tens of kilometers.", "en", [("tens of", 10.0, None, "over", "km")]),
    ("Tiotals personer skadades.", "sv", [("Tiotals", 10.0, None, "over", None)]),
])
def test_figures_with_units_money_and_number_words(text: str, lang: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text, lang) == expected
