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
    # number words in several words: a group under a thousand closed by ever smaller scales
    ("Ninety nine ballots went missing.", "en", [("Ninety nine", 99.0, None, "exact", None)]),
    ("The state printed one hundred million leaflets.", "en",
     [("one hundred million", 1e8, None, "exact", None)]),
    ("They counted two thousand six hundred forty five graves.", "en",
     [("two thousand six hundred forty five", 2645.0, None, "exact", None)]),
    ("Seven million five hundred twenty thousand voters", "en",
     [("Seven million five hundred twenty thousand", 7.52e6, None, "exact", None)]),
    ("It cost a million and one excuses.", "en", [("a million and one", 1000001.0, None, "exact", None)]),
    ("Twenty-one thousand troops and two hundred twenty-one tanks.", "en",
     [("Twenty-one thousand", 21000.0, None, "exact", None), ("two hundred twenty-one", 221.0, None, "exact", None)]),
    ("One and a half million people fled.", "en", [("One and a half million", 1.5e6, None, "exact", None)]),
    ("The index fell to minus ten.", "en", [("minus ten", -10.0, None, "exact", None)]),
    # where the grammar stops: two numbers, never one
    ("Twenty five thirty six times", "en", [("Twenty five", 25.0, None, "exact", None),
                                            ("thirty six", 36.0, None, "exact", None)]),
    ("Between two and three officers were hurt.", "en", [("Between two and three", 2.0, 3.0, "range", None)]),
    ("A million a year is paid.", "en", [("A million", 1e6, None, "exact", None)]),
    ("Det var tre tusen femhundra soldater.", "sv", [("tre tusen femhundra", 3500.0, None, "exact", None)]),
    # a score or result is no count, a rising range is a range; a race time is no figure to split
    ("Laget ledde med 8 – 7 i halvtid och vann 31-27.", "sv", []),
    ("The vote went 52-48 against the motion.", "en", []),
    ("Kostnaderna minskar med 10 – 15 procent.", "sv", [("10 – 15", 10.0, 15.0, "range", "%")]),
    ("Hon sprang på 2.25,44 i finalen.", "sv", []),
    # dates, years and labels written around a number are no counts
    ("The panel met on Dec. 19 and again on Oct. 3 with 40 members.", "en", [("40", 40.0, None, "exact", None)]),
    ("Since the September 11, 2001 attacks, 12 agencies have merged.", "en", [("12", 12.0, None, "exact", None)]),
    ("In the 2016 election its 2019 review found 300 faults.", "en", [("300", 300.0, None, "exact", None)]),
    ("The grid entered stage 3 at 6 p.m. and cut 500 homes.", "en", [("500", 500.0, None, "exact", None)]),
    ("Eleverna i årskurs 8 skrev 30 prov.", "sv", [("30", 30.0, None, "exact", None)]),
    ("Fitter Jon Hale, 37, from Leeds, lost 12 clients.", "en", [("12", 12.0, None, "exact", None)]),
    ("Anna Berg, 24, har sålt 40 hästar.", "sv", [("40", 40.0, None, "exact", None)]),
    ("Han hade fyllt 15 år och ägde 3 båtar.", "sv", [("3", 3.0, None, "exact", None)]),
    ("4.", "sv", []),
    ("Det kostade 5 885 respektive 7 894 miljoner kronor.", "sv",
     [("5 885", 5.885e9, None, "exact", "SEK"), ("7 894 miljoner", 7.894e9, None, "exact", "SEK")]),
    ("De dömdes till 3 respektive 4 år.", "sv", [("3", 3.0, None, "exact", "a"), ("4", 4.0, None, "exact", "a")]),
    ("Ett hundratal personer och ett 70-tal gäster kom.", "sv",
     [("Ett hundratal", 100.0, None, "about", None), ("ett 70-tal", 70.0, None, "about", None)]),
    ("Det kostar tiotals miljoner kronor.", "sv", [("tiotals miljoner", 1e7, None, "over", "SEK")]),
    ("Tens of millions of people voted.", "en", [("Tens of millions", 1e7, None, "over", None)]),
    ("De fick tre – fem år, mellan tre och fem soldater.", "sv",
     [("tre – fem", 3.0, 5.0, "range", "a"), ("mellan tre och fem", 3.0, 5.0, "range", None)]),
    ("Han har tre och hon har fem.", "sv", [("tre", 3.0, None, "exact", None), ("fem", 5.0, None, "exact", None)]),
    ("Lena Berg, 65 år, köpte 12 kor.", "sv", [("12", 12.0, None, "exact", None)]),
    ("The talks were about a storm; at least a trial is due.", "en", []),
    ("Minst en person dödades.", "sv", [("Minst en", 1.0, None, "over", None)]),
    ("He died at the age of 92 with 3 heirs.", "en", [("3", 3.0, None, "exact", None)]),
    ("12)", "en", []),
    ("A drag mark stretches tens of kilometers.", "en", [("tens of", 10.0, None, "over", "km")]),
    ("Tiotals personer skadades.", "sv", [("Tiotals", 10.0, None, "over", None)]),
    # Swedish and Norwegian units are data too (lang/sv, lang/no unitcodes.tsv)
    ("Verket producerade 12,5 terawattimmar förra året.", "sv", [("12,5", 12.5, None, "exact", "TWh")]),
    ("Polisen beslagtog 300 gram kokain.", "sv", [("300", 300.0, None, "exact", "g")]),
    ("Branden har spridit sig över 40 kvadratkilometer.", "sv", [("över 40", 40.0, None, "over", "km2")]),
    ("Brannen har spredt seg over 40 kvadratkilometer.", "no", [("over 40", 40.0, None, "over", "km2")]),
])
def test_figures_with_units_money_and_number_words(text: str, lang: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # fractions and mixed numbers, in digits, in signs and in words
    # a fraction of a whole (a share: FORMAT.md leaves fractions out) is no figure; of a unit it measures
    ("Only 1/4 of the grain arrived.", "en", []),
    ("They walked 3/4 of a mile.", "en", [("3/4", 0.75, None, "exact", "mi")]),
    ("The wall is 2 1/2 metres high.", "en", [("2 1/2", 2.5, None, "exact", "m")]),
    ("Add ½ cup of stock.", "en", [("½", 0.5, None, "exact", "cup")]),
    ("Two thirds of the voters stayed home.", "en", []),
    ("The risk is one sixth.", "en", [("one sixth", 1 / 6, None, "exact", None)]),
    ("a third connection was cut", "en", []),
    ("Tre fjärdedelar av väljarna röstade.", "sv", []),
    ("24/7 coverage and a 1/0 error", "en", []),
    # scientific notation and signs
    ("The rate was 2.48×10−5 per hour.", "en", [("2.48×10−5", 2.48e-5, None, "exact", None)]),
    ("It oscillates 4e14 times.", "en", [("4e14", 4e14, None, "exact", None)]),
    ("Night fell to -18 °C on Monday.", "en", [("-18", -18.0, None, "exact", "°C")]),
    ("Revenue was -15€ and $-99.99.", "en", [("-15", -15.0, None, "exact", "EUR"),
                                            ("$-99.99", -99.99, None, "exact", "USD")]),
    ("Covid-19 and the 2013-14 season", "en", []),
    # units and scales glued to the number
    ("The bag weighs 10kg (25lbs).", "en", [("10kg", 10.0, None, "exact", "kg"), ("25lbs", 25.0, None, "exact", "lb")]),
    ("An area of 301,338 km2 and 4km^3 of ice.", "en",
     [("301,338 km2", 301338.0, None, "exact", "km2"), ("4km^3", 4.0, None, "exact", "km3")]),
    ("Its GDP is $2.174T, up from 0.5k miles.", "en",
     [("$2.174T", 2.174e12, None, "exact", "USD"), ("0.5k", 500.0, None, "exact", "mi")]),
    # ranges with the unit at both ends, a hanging hyphen, a falling range; 'and' joins only after 'between'
    ("They were given 44 mg to 50 mg daily.", "en", [("44 mg to 50 mg", 44.0, 50.0, "range", "mg")]),
    ("Lows fell from -18 °C to -34 °C.", "en", [("from -18 °C to -34 °C", -34.0, -18.0, "range", "°C")]),
    ("An 8- to 16-meter telescope.", "en", [("8- to 16-meter", 8.0, 16.0, "range", "m")]),
    ("I have seen 45 and 50 cases.", "en", [("45", 45.0, None, "exact", None), ("50", 50.0, None, "exact", None)]),
    # clock times are no counts, lengths in picometres are
    ("At 2 pm and at 2.13 am nobody came.", "en", []),
    ("The grid measures 2.1 pm.", "en", [("2.1", 2.1, None, "exact", None)]),
])
def test_fractions_signs_scientific_glued_units_and_unit_ranges(
        text: str, lang: str, expected: list[tuple[object, ...]]) -> None:
    got = _figures(text, lang)
    assert [(s, pytest.approx(v), m, a, u) for s, v, m, a, u in got] == expected


def _counted(text: str, lang: str) -> list[tuple[str, str | None]]:
    analysis = analyze_article(Article(text=text, lang=lang))
    return [(q.span.of(text), q.counted.of(text) if q.counted else None) for q in analysis.quantities]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a person said to be so many years old: an age, left out; a duration of years counts
    ("Hon är 52 år och driver en bilverkstad.", "sv", []),
    ("Pojken, som var 14 år gammal, greps senare.", "sv", []),
    ("She was 61 years old when the shop closed.", "en", []),
    ("Det är mer än tjugo år sedan bron byggdes.", "sv", [("mer än tjugo", "år")]),
    ("Straffet blir sex år.", "sv", [("sex", "år")]),
    # two bare numbers joined by a dash with nothing counted: a score or result
    ("Lakers vann borta, 88–101, efter förlängning.", "sv", []),
    ("Setsiffrorna blev 2–11, 6–11 och 13–15.", "sv", []),
    ("Laget gick upp i 5–3-ledning före paus.", "sv", []),
    ("Han räknar med 20–25 deltagare.", "sv", [("20–25", "deltagare")]),
    # a hyphenated noun is what is counted; a partitive 'av' leads to it
    ("Tre IT-konsulter och två FN-observatörer kom fram.", "sv", [("Tre", "IT-konsulter"), ("två", "FN-observatörer")]),
    ("Hittills har 11 av EU-länderna skrivit under.", "sv", [("11", "EU-länderna")]),
    # an abbreviated scale word with its dot; a copula after the number is skipped
    ("Kampanjen ska nå 3 milj. hushåll i år.", "sv", [("3 milj", "hushåll")]),
    ("Om 40 blir smittade stänger skolan.", "sv", [("40", "smittade")]),
    # road and line numbers, codes with a leading zero, a year before a verb: no counts
    ("Olyckan skedde på riksväg 45 vid Mora.", "sv", []),
    ("Bästa målskytt i 09 var en back.", "sv", []),
    ("Under hösten 2014 minskade antalet resenärer.", "sv", []),
    ("Laget vände ett 1 – 3-underläge.", "sv", []),
    # an active finite verb after the number is no counted noun; a passive one is
    ("De tre menar att beslutet var fel.", "sv", [("tre", None)]),
    ("Minst 12 skadades i olyckan.", "sv", [("Minst 12", "skadades")]),
    # a span of time joined to its number by a hyphen is a duration; an age so written is none
    ("The club imposed a 14-month ban and a three-week suspension.", "en",
     [("14-month", "month"), ("three-week", "week")]),
    ("A four-month-old puppy and a 19-year-old student were rescued.", "en", []),
    # a year-like number between a determiner and a singular noun is a year; so many take the plural
    ("The agency's 2021 review and a 2019 survey found 2000 faults.", "en", [("2000", "faults")]),
    ("Its 2018 budget paid 1900 nurses.", "en", [("1900", "nurses")]),
    # a part of a whole: what is counted comes after the partitive, its determiner and the whole's count
    ("Två av de nya färjorna och tre av de sju bussarna stod still.", "sv",
     [("Två", "nya färjorna"), ("tre", "bussarna"), ("sju", "bussarna")]),
    ("Three of the nine ferries stayed in port.", "en", [("Three", "ferries"), ("nine", "ferries")]),
    ("Five of their tanks and two of those drones were lost.", "en", [("Five", "tanks"), ("two", "drones")]),
    ("Fyra av våra bussar och tre av hans bilar.", "sv", [("Fyra", "bussar"), ("tre", "bilar")]),
    # an age threshold is an age; 'knappa' is under; crowns and öre split by a colon are money
    ("Alla 65 år och äldre erbjuds vaccin, knappa tre veckor före jul.", "sv", [("knappa tre", "veckor")]),
    ("Workers 18 years and older qualify.", "en", []),
    ("Biljetten kostar 12:50 kronor, klockan 14:30 går bussen.", "sv", [("12:50", "kronor")]),
    # Swedish 'under' before a span of time is 'during': no approximation, and no part of the figure
    ("Bron var stängd under tre veckor, och under 40 bilar kom fram.", "sv",
     [("tre", "veckor"), ("under 40", "bilar")]),
    # a year of history after a year word is a year, but a count before its noun; a year-like number
    # that is the subject of its verb counts ('2000 died', no subject after the verb); comparatives
    ("The fort was built in 1540 and rebuilt in 1790.", "en", []),
    ("A poll of 1450 pupils was held. In the flood 2000 died.", "en", [("1450", "pupils"), ("2000", "died")]),
    ("They hired ten more nurses and 12 fewer guards.", "en", [("ten", "nurses"), ("12", "guards")]),
])
def test_ages_scores_and_counted_nouns(text: str, lang: str, expected: list[tuple[str, str | None]]) -> None:
    assert _counted(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Det tar fyra-fem dagar att laga bron.", "sv", [("fyra-fem", 4.0, 5.0, "range", "d")]),
    ("Repairs take two-three weeks.", "en", [("two-three", 2.0, 3.0, "range", "wk")]),
    ("Twenty-one people and fifty-five cars.", "en", [("Twenty-one", 21.0, None, "exact", None),
                                                      ("fifty-five", 55.0, None, "exact", None)]),
    ("Priset sjönk med 1:30 kronor.", "sv", [("1:30", 1.3, None, "exact", "SEK")]),
    # a change from one figure to another is two figures, the scale after the second shared; a range otherwise
    ("Vinsten steg från 2,5 till 3,1 miljarder kronor.", "sv",
     [("2,5", 2.5e9, None, "exact", "SEK"), ("3,1 miljarder", 3.1e9, None, "exact", "SEK")]),
    ("Turnout fell from 64 to 58 percent.", "en", [("64", 64.0, None, "exact", "%"), ("58", 58.0, None, "exact", "%")]),
    ("Från 20 till 30 personer väntas.", "sv", [("20 till 30", 20.0, 30.0, "range", None)]),
])
def test_word_ranges_and_colon_money(text: str, lang: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the Swedish review classes where Norwegian has the same shape (lang/no data)
    ("Guttene, sju og ni år gamle, ble funnet i god behold.", "no", []),
    ("Terningkast: 5 Filmen er god.", "no", []),
    ("Vi kom hjem halv ti og sov.", "no", []),
    ("Prisen kan stige opp mot 40 millioner kroner.", "no", [("opp mot 40 millioner", 4e7, None, "under", "NOK")]),
    ("I bilen satt to menn og en kvinne.", "no", [("to", 2.0, None, "exact", None), ("en", 1.0, None, "exact", None)]),
    ("Lønnen kan senkes med 5, 10 eller 15 prosent.", "no",
     [("5", 5.0, None, "exact", "%"), ("10", 10.0, None, "exact", "%"), ("15", 15.0, None, "exact", "%")]),
])
def test_norwegian_counterparts_of_swedish_classes(text: str, lang: str, expected: list[tuple[object, ...]]) -> None:
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # each figure shape is looked for only in a line holding the character it needs (× or e, a slash,
    # a fraction sign, a minus, a hyphen before a unit, a digit after a currency): all still found
    ("The probe logged a reading of 2.48×10−5 tesla, then 9.83e-3 tesla an hour later.",
     [("2.48×10−5", 2.48e-05, None, "exact", None), ("9.83e-3", 0.00983, None, "exact", None)]),
    ("Crews cleared 2½ kilometres of track while it was −18 °C.",
     [("2½", 2.5, None, "exact", "km"), ("−18", -18.0, None, "exact", "°C")]),
    ("The 12-kilometre convoy carried $40m in aid.",
     [("12-kilometre", 12.0, None, "exact", "km"), ("$40m", 4e7, None, "exact", "USD")]),
])
def test_figure_shapes_found_beside_their_marks(text: str, expected: list[tuple[str, float, float | None, str,
                                                                             str | None]]) -> None:
    assert _figures(text, "en") == expected


@pytest.mark.parametrize(("text", "counted"), [
    ("The tanker dragged its anchor behind a 230-metre hull.", None),
    ("It severed a 105-mile cable between the islands.", None),
    ("The striker got a 12-month ban.", "month"),
])
def test_a_hyphenated_measure_counts_nothing_a_span_of_time_its_unit(text: str, counted: str | None) -> None:
    """*a 230-metre hull*: the measure qualifies its noun and counts nothing, as the cluster gold writes
    it (the unit code keeps the metres); *a 12-month ban* counts months."""
    [q] = analyze_article(Article(text=text, lang="en")).quantities
    assert (q.counted.of(text) if q.counted else None) == counted


@pytest.mark.parametrize(("text", "lang"), [
    ("Police counted 8,700 marchers in the north (15,000 according to the unions).", "en"),
    ("Polisen räknade 300, 500 enligt arrangörerna.", "sv"),
])
def test_a_prepositional_cue_after_a_figure_is_not_what_it_counts(text: str, lang: str) -> None:
    """*15,000 according to the unions*: the unions say it; nothing named is counted."""
    last = analyze_article(Article(text=text, lang=lang)).quantities[-1]
    assert last.counted is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Floods hit 15 or so villages in the valley.", ("15 or so", 15.0, "about", "villages")),
    ("The drones can fly as far as 300 km.", ("as far as 300", 300.0, "under", "km")),
])
def test_or_so_after_and_as_far_as_before_a_figure(text: str, expected: tuple) -> None:
    """*15 or so villages* is an estimate (``about_after``); *as far as 300 km* a bound from above."""
    [q] = analyze_article(Article(text=text, lang="en")).quantities
    assert (q.span.of(text), q.value, q.approx, q.counted.of(text) if q.counted else None) == expected


def test_a_prepositional_participle_after_a_figure_is_not_what_it_counts() -> None:
    """*rose to 52 following the discovery*: *following* opens a phrase of time, as *including* one of parts."""
    text = "The toll rose to 52 following the discovery of more bodies."
    [q] = analyze_article(Article(text=text, lang="en")).quantities
    assert q.counted is None
