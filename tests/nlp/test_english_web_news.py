"""English news: the classes the web-news review set (en-web-news-review: wire copy and newspaper
pages) showed, each on an invented sentence (FORMAT.md's rules; no article text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Inflation in the region is also expected to fall to 3% next year.", "is also expected to",
     "Inflation in the region is also expected to fall to 3% next year"),
    ("The rebels were widely believed to have fled north.", "were widely believed to",
     "The rebels were widely believed to have fled north"),
    ("Output is projected to shrink by 2% this year.", "is projected to",
     "Output is projected to shrink by 2% this year"),
    ("Roads may close again as rivers are forecast to rise overnight.", "are forecast to",
     "rivers are forecast to rise overnight"),
])
def test_a_forecast_passive_is_a_cue_inside_the_claim_held_by_no_one(text: str, cue: str, content: str) -> None:
    # FORMAT.md: a reportative passive has no source and the whole clause (cue included) as content; an
    # adverb after the auxiliary is part of the cue; a subordinate clause's claim starts after *as*
    assert (None, cue, content, "estimated") in _claims(text)


def test_a_subject_set_off_by_a_parenthetical_adverb_is_not_an_inverted_speaker() -> None:
    # 'X, however, claimed Y' is no 'Y, claimed X': the parse gives the verb its subject before the comma
    claims = _claims("The militia, however, claimed responsibility for the attack on the convoy.")
    assert [(s, c) for s, c, _, _ in claims] == [("The militia", "claimed")]
    assert claims[0][2].startswith("responsibility for the attack")


@pytest.mark.parametrize("text", [
    "The mayor's brother appears to be the new owner of the club.",
    "The cables seemed to have been cut by an anchor.",
])
def test_an_appearance_verb_is_the_writers_hedge_not_an_attribution(text: str) -> None:
    # the owners' gold, Wikinews and the web-news gold annotate no bare *appears to* / *seemed to*;
    # PolNeAR's convention keeps them (cue_polnear_appearance)
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "certainty"), [
    ("The ferry was late again, according to people who travelled on it.", "reported"),
    ("The ferry was late again, according to a person on board.", "reported"),
    ("The ferry was late on 40 days, according to Harbour Board data.", "asserted"),
    ("The ferry was late on 40 days, according to the Harbour Board.", "asserted"),
])
def test_according_to_an_unnamed_source_is_hearsay_and_a_named_ones_data_an_assertion(
        text: str, certainty: str) -> None:
    # the owners' and Wikinews gold: 'according to the police' asserted, 'according to its sources' reported;
    # the web-news gold: 'according to Bank of England data' asserted, 'according to a person at X' reported
    [(_, cue, _, found)] = _claims(text)
    assert (cue, found) == ("according to", certainty)


@pytest.mark.parametrize("text", [
    "A jury found the driver guilty of dangerous driving.",
    "The tribunal found the landlord liable for the repairs.",
    "The port authority ordered a full inquiry into the fire.",
    "The mayor's resignation — announced two days before the vote — has angered the council.",
])
def test_a_verdict_an_order_and_a_participle_set_off_by_dashes_claim_nothing(text: str) -> None:
    # FORMAT.md: verdicts (like *charged with*) and directives are no attribution; a participle between
    # dashes after its noun is what was announced, not who announced it
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The regulator also cited a shortage of spare parts.",
     ("The regulator", "cited", "a shortage of spare parts", "asserted")),
    ("Economists predicted a sharp fall in house prices.",
     ("Economists", "predicted", "a sharp fall in house prices", "estimated")),
    ("The farmers had watched the prices and figured they could wait another year.",
     ("The farmers", "figured", "they could wait another year", "estimated")),
])
def test_a_cause_cited_a_prediction_and_a_reckoning_are_claims(
        text: str, expected: tuple[str, str, str, str]) -> None:
    # a finite *cited* states a cause (the participle *Citing X, officials declined* gives a reason, no claim)
    assert expected in _claims(text)


def test_billions_of_is_a_vague_amount() -> None:
    # FORMAT.md: vague amounts (*thousands*, *millions*) count from their scale, approx over
    analysis = analyze_article(Article(text="The repairs will cost billions of pounds.", lang="en"))
    [q] = analysis.quantities
    assert (q.value, q.approx) == (1_000_000_000, "over")


@pytest.mark.parametrize("text", [
    "Had the police known the man was armed, they would have waited.",
    "Did the minister say that the plant was safe?",
])
def test_a_cue_whose_auxiliary_stands_before_its_subject_asks_or_supposes(text: str) -> None:
    # a question or an inverted condition puts nothing forward (FORMAT.md: interview questions are no entries)
    assert _claims(text) == []


def test_a_quotation_with_its_own_cue_after_it_is_not_the_speaker_befores() -> None:
    # 'X, Jespersen said. "Y," he added.': Y is he-added's, and X stays Jespersen's content, even where the
    # parser hangs *added* inside the quotation's sentence
    text = ('The port was closed, Berg said. "The way they sailed yesterday indicates that what they actually '
            'wanted was to show off," she added.')
    claims = _claims(text)
    assert ("Berg", "said", "The port was closed", "asserted") in claims
    assert [s for s, cue, _, _ in claims if cue == "said"] == ["Berg"]


@pytest.mark.parametrize("text", [
    "The fishermen called for the harbour fees to be scrapped.",
    "The governor has vowed to rebuild every bridge.",
    "Expect prices to rise as the winter comes.",
])
def test_a_request_a_vow_and_a_bidding_claim_nothing(text: str) -> None:
    # FORMAT.md: directives and requests are no attribution; no FORMAT gold annotates *called for* or
    # *vowed to* (PolNeAR's convention keeps them)
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The navy signalled that it was ready to escort the ferries.",
     ("The navy", "signalled", "it was ready to escort the ferries", "asserted")),
    ("She criticised the board for what she termed a reckless gamble with pensions.",
     ("she", "termed", "a reckless gamble with pensions", "asserted")),
    ("The mayor is widely tipped to win a third term.",
     (None, "is widely tipped to", "The mayor is widely tipped to win a third term", "estimated")),
    ("Voters go to the polls in a vote forecasted to return the ruling party.",
     (None, "forecasted to", "return the ruling party", "estimated")),
])
def test_british_forms_and_forecasts_are_cues(text: str, expected: tuple[str | None, str, str, str]) -> None:
    assert expected in _claims(text)


def test_a_stance_noun_raised_by_someone_is_theirs_and_a_name_after_a_trailing_cue_its_speaker() -> None:
    assert ("Engineers", "concerns", "the old bridge may not survive another winter", "asserted") in _claims(
        "Engineers have raised concerns that the old bridge may not survive another winter.")
    # 'X, reported the BBC.': the parser makes *reported* a second verb of X with the name as its object
    assert _claims("The ferry ran aground near the harbour on Monday, reported the Harbour Times.") == [
        ("the Harbour Times", "reported", "The ferry ran aground near the harbour on Monday", "asserted")]


def test_a_speaker_inside_a_relative_clause_says_the_predicate_after_the_cue() -> None:
    # the parser gives *warn* both *that* and *forecasters* as subjects and makes *could become* the root
    claims = _claims("Islanders were bracing for a heavy storm that forecasters warn could become a hurricane.")
    assert ("forecasters", "warn", "could become a hurricane", "asserted") in claims


@pytest.mark.parametrize(("text", "expected"), [
    ("Ferries were cancelled and a 5km queue reported at the port of Dover.",
     (None, "reported", "a 5km queue reported at the port of Dover", "reported")),
    ("Three climbers feared dead after avalanche in the Alps",
     (None, "feared", "Three climbers feared dead after avalanche in the Alps", "estimated")),
])
def test_a_headline_passive_without_its_auxiliary_is_a_cue_inside_the_claim(
        text: str, expected: tuple[str | None, str, str, str]) -> None:
    # feed and headline style drops *is* / *are*; in running text *figures reported on Sunday showed X* stays none
    assert expected in _claims(text)
    assert _claims("Figures reported on Sunday showed a rise in exports.") == []


def test_one_before_a_unit_of_time_is_a_duration_but_not_the_adverb_one_day() -> None:
    # FORMAT.md keeps durations with a numeral (*over two months*); *one* is the numeral, *a week* an article
    analysis = analyze_article(Article(text="Protests grew one week after the vote. One day, he left.", lang="en"))
    assert [(q.value, q.approx) for q in analysis.quantities] == [(1, "exact")]
    assert analysis.quantities[0].span.of(analysis.article.text) == "one"


def test_one_first_in_a_list_of_counts_counts() -> None:
    # FORMAT.md: *one* counts where it enters a count, as in a list with other numbers
    analysis = analyze_article(Article(text="The shell hit a school, killing one teacher and injuring six pupils.",
                                       lang="en"))
    assert [(q.value, q.counted.of(analysis.article.text) if q.counted else None) for q in analysis.quantities] == [
        (1, "teacher"), (6, "pupils")]


def test_a_denied_noun_phrase_ends_before_the_time_it_was_denied() -> None:
    # 'in the summer of 2004' dates the denial, not the rumours (FORMAT.md's noun-phrase content)
    claims = _claims("After denying takeover rumours in the summer of 2019, the chairman sold the club.")
    assert ("the chairman", "denying", "takeover rumours", "denied") in claims


def test_a_date_between_the_object_and_the_rest_of_the_content_does_not_end_it() -> None:
    claims = _claims("The grid operator forecast electricity demand Monday at near record levels.")
    assert ("The grid operator", "forecast", "electricity demand Monday at near record levels", "estimated") in claims


def test_a_passive_accusation_is_a_cue_inside_the_claim() -> None:
    # the Wikinews and web-news gold: *He is accused of X* holds the whole clause, the cue inside it
    [(source, cue, content, certainty)] = _claims("The captain is accused of leaving the harbour without a pilot.")
    assert (source, certainty) == (None, "alleged")
    assert content == "The captain is accused of leaving the harbour without a pilot"


@pytest.mark.parametrize("text", [
    "The ferry line added two boats, the harbour board said on Monday, with about 900 passengers a day expected "
    "to use them by June.",
    "The line added two boats, with 900 passengers expected to use them by June.",
])
def test_an_expectation_in_a_with_clause_holds_the_whole_clause(text: str) -> None:
    # the owners' gold: *with around 10,000 soldiers total expected to be deployed* is the whole absolute clause
    expected = [c for c in _claims(text) if c[1] == "expected to"]
    assert [(s, c.split()[-2], cert) for s, _, c, cert in expected] == [(None, "by", "estimated")]
    assert "passengers" in expected[0][2] and expected[0][2].endswith("by June")
