"""English news: a cue word used for an act that reports nothing, and a count as what is reported.

The owners' cluster gold (FORMAT.md: a noun-phrase content only where the noun phrase stands for a
claim) leaves out what a naming verb's lone object, a span of time, a charge or a death toll name,
and keeps a body's count of people. Invented sentences shaped like that copy.
"""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


@pytest.mark.parametrize("text", [
    "The storm, which claimed the lives of at least 40 people, moved north on Friday.",
    "Floods in the valley claimed 12 lives over the weekend.",
    "The governor declared five days of official mourning.",
    "The mayor called two days of mourning for the victims.",
    "The chairman called an emergency meeting for Thursday.",
    "She described the scene to the court.",
    "Jonas Pike, 40, was charged with three counts of fraud.",
    "He was charged with stealing a lorry from the depot.",
    "Details: The bridge was closed for almost three hours on Monday.",
    "Background: The port has been shut twice this year.",
])
def test_an_act_is_no_attribution(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "entry"), [
    ("The minister called the report a lie.", ("The minister", "called", "the report a lie", "asserted")),
    ("He described the mayor as a reliable partner.",
     ("He", "described", "the mayor as a reliable partner", "asserted")),
    ("The ministry announced three deaths.", ("The ministry", "announced", "three deaths", "asserted")),
])
def test_what_a_naming_verb_calls_its_object_and_a_count_are_claims(
        text: str, entry: tuple[str, str, str, str]) -> None:
    assert entry in _claims(text)


@pytest.mark.parametrize(("text", "entry"), [
    ("The interior ministry counted 41,000 marchers, including 9,000 in Lyon.",
     ("The interior ministry", "counted", "41,000 marchers, including 9,000 in Lyon", "asserted")),
    ("The union had counted nearly 300,000 strikers.", ("The union", "counted", "nearly 300,000 strikers", "asserted")),
])
def test_a_body_s_count_of_people_is_its_claim(text: str, entry: tuple[str, str, str, str]) -> None:
    assert entry in _claims(text)


@pytest.mark.parametrize("text", ["Officials counted the ballots on Sunday.", "Every ballot counts."])
def test_counting_things_or_mattering_is_no_claim(text: str) -> None:
    assert not [c for c in _claims(text) if c[1].startswith("count")]


@pytest.mark.parametrize(("text", "entry"), [
    ("Authorities have alerted residents that tap water might be unsafe after the floods.",
     ("Authorities", "alerted", "tap water might be unsafe after the floods", "asserted")),
    ("The agency notified airlines that the airspace would close at noon.",
     ("The agency", "notified", "the airspace would close at noon", "asserted")),
])
def test_what_a_telling_verb_tells_its_recipient_is_the_content(text: str, entry: tuple[str, str, str, str]) -> None:
    assert entry in _claims(text)


def test_an_observer_s_that_clause_is_what_is_observed() -> None:
    text = "The local paper observed that the slogan had become a national rallying cry."
    assert ("The local paper", "observed", "the slogan had become a national rallying cry", "asserted") in _claims(text)


@pytest.mark.parametrize("text", [
    "Citing privacy rules, the officials declined to name the man.",
    "The firm cut its forecast, citing weak demand in Asia.",
])
def test_a_reason_cited_is_no_claim(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "cue"), [
    ("Analysts cut their forecasts, citing fears that demand would fall.", "citing"),
    ("The mayor cited the audit as the reason for the delay.", "cited"),
])
def test_a_claim_cited_is_still_one(text: str, cue: str) -> None:
    assert [c for c in _claims(text) if c[1] == cue]


def test_an_evidence_verb_of_purpose_is_no_finding() -> None:
    text = "Thousands marched on Monday, with unions mobilising to show that they are not giving up the fight."
    assert not [c for c in _claims(text) if c[1].startswith("show")]


def test_an_evidence_verb_under_a_raising_verb_is_the_finding() -> None:
    text = "The first figures seem to show that the turnout was lower than hoped."
    assert [c for c in _claims(text) if c[1].startswith("show") and c[2] == "the turnout was lower than hoped"]


@pytest.mark.parametrize(("text", "entry"), [
    ("It is our understanding that an anchor caused the damage.",
     ("our", "understanding", "an anchor caused the damage", "estimated")),
    ("It is the ministry's assessment that the ship caused the damage.",
     ("the ministry's", "assessment", "the ship caused the damage", "estimated")),
    ("Our assessment is that the ship caused the damage.",
     ("Our", "assessment", "the ship caused the damage", "asserted")),
])
def test_a_stance_noun_with_the_copula_s_clause_is_its_holder_s_claim(
        text: str, entry: tuple[str, str, str, str]) -> None:
    assert entry in _claims(text)


@pytest.mark.parametrize(("text", "content"), [
    ("No injuries or deaths were reported in the clashes.", "No injuries or deaths were reported in the clashes"),
    ("Two people were reported killed in the attack.", "Two people were reported killed in the attack"),
    ("The power line, which links the two islands, was reported offline.",
     "The power line, which links the two islands, was reported offline"),
    ("It was reported that the ship had left the port.", "the ship had left the port"),
])
def test_a_bare_reporting_passive_is_hearsay_with_the_clause_as_content(text: str, content: str) -> None:
    assert (None, "reported", content) in [(c[0], c[1].split()[-1], c[2]) for c in _claims(text)]


def test_an_event_reported_to_someone_is_no_claim() -> None:
    assert _claims("The theft was reported to police on Monday.") == []


def test_a_particle_verb_s_plain_object_is_no_claim() -> None:
    assert _claims("The guide pointed out the murals to the visitors.") == []
    assert [c for c in _claims("He pointed out that the plan had failed.") if c[2] == "the plan had failed"]


@pytest.mark.parametrize(("text", "cue"), [
    ("The teachers' union regrets that its proposals were not included.", "regrets"),
    ("Unions deplored that the law was passed without a vote.", "deplored"),
])
def test_a_stance_verb_with_a_that_clause_is_a_claim(text: str, cue: str) -> None:
    assert [c for c in _claims(text) if c[1] == cue]


def test_regretting_a_thing_is_no_claim() -> None:
    assert _claims("He regretted his decision.") == []


@pytest.mark.parametrize("text", [
    "The health agency recommends that every school should test its water.",
    "Protesters demanded that the minister resign.",
])
def test_a_directive_with_its_clause_is_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_a_quotation_a_directive_verb_tags_is_still_the_speaker_s() -> None:
    # (a question alone is no claim under FORMAT.md: test_english_political_news2)
    text = '"Somebody at the agency has to be fired for this," the senator demanded.'
    assert [c for c in _claims(text) if c[0] == "the senator" and c[1] == "demanded"]
