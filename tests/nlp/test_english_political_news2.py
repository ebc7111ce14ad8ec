"""English political news, second round: the classes the second FORMAT.md review draw on PolNeAR's
texts (en-polnear-format-review2) showed, each on an invented sentence (no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


def test_a_claim_noun_keeps_its_clause_when_the_parser_hangs_it_higher() -> None:
    # the parse hangs *that he is …* on *be*, not on *claims*; the clause right after the noun is its
    text = ("Both candidates on the ballot will be targets for Smith's false claims that he's an advocate for "
            "working people against big banks.")
    assert ("Smith's", "claims", "he's an advocate for working people against big banks", "alleged") in _claims(text)


@pytest.mark.parametrize("text", [
    "The mayor is repeating a false claim that she opposed the harbour sale.",
    "The mayor made the claim that she opposed the harbour sale.",
])
def test_who_repeats_or_makes_a_claim_holds_it(text: str) -> None:
    # FORMAT.md: the noun is the cue, the one who voices it the source; the verb is no second entry
    assert _claims(text) == [("The mayor", "claim", "she opposed the harbour sale", "alleged")]


@pytest.mark.parametrize("text", [
    '"Do we close the pier or repair it?" the mayor asked.',
    'The harbour master interjected: "But why would the ferry stop?"',
])
def test_a_question_alone_claims_nothing(text: str) -> None:
    assert _claims(text) == []


def test_what_follows_a_question_is_still_the_speakers() -> None:
    text = '"How long is that pier going to be?" the mayor said. "As long as it needs to be."'
    assert [(s, c) for s, _, c, _ in _claims(text)] == [("the mayor", '"As long as it needs to be."')]


@pytest.mark.parametrize("text", [
    '"The pier will be ready by May, but we will see, right?" the mayor said.',
    '"The old ferries, the ones that leak?" the mayor asked.',
    '"What a strange harbour this is, where the ferries never run?" the mayor said.',
])
def test_a_statement_said_as_a_question_still_claims(text: str) -> None:
    # no question word and no auxiliary before the subject: said with a rising tone, still a claim
    assert len(_claims(text)) == 1


@pytest.mark.parametrize("text", [
    "The columnist speculated about the cost of the new pier.",
    "The governor weighed in on allegations against the harbour board.",
])
def test_a_cue_with_only_a_topic_claims_nothing(text: str) -> None:
    # *speculated about X*: what it is about, not what is claimed
    assert _claims(text) == []


def test_a_weekday_is_no_source() -> None:
    text = "Wednesday added one more odd turn to the race: the mayor naming a fisherman as her deputy."
    assert all(s != "Wednesday" for s, _, _, _ in _claims(text))


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ('"In his heart he thinks he was destined to be mayor," she said.', "he", "thinks",
     "he was destined to be mayor"),
    ('"Some people feel the ferry will never run again," the captain said.', "Some people", "feel",
     "the ferry will never run again"),
])
def test_a_relay_inside_a_quotation_is_its_own_entry(text: str, source: str, cue: str, content: str) -> None:
    # FORMAT.md nests each relay; the speaker's words hold another's claim
    assert (source, cue, content, "estimated") in _claims(text)


@pytest.mark.parametrize("text", [
    '"I think the ferry will run again," the captain said.',
    '"You know the ferry will run again," the captain said.',
])
def test_the_speakers_own_frame_inside_a_quotation_is_no_relay(text: str) -> None:
    assert [c for _, c, _, _ in _claims(text)] == ["said"]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The governor painted her rival as a friend of the banks.", "painted", "her rival as a friend of the banks"),
    ("She regards the mayor as the town's best hope.", "regards", "the mayor as the town's best hope"),
])
def test_a_verb_that_casts_its_object_as_something_claims_the_pair(text: str, cue: str, content: str) -> None:
    # FORMAT.md review gold: *painting X as Y*, *regards X as Y*: content *X as Y*; the *as* may hang on the object
    assert [(c, x) for _, c, x, _ in _claims(text)] == [(cue, content)]


def test_a_verb_that_casts_needs_its_as() -> None:
    assert _claims("The governor painted the old ferry last spring.") == []


@pytest.mark.parametrize("text", [
    "The new ferries are seen as a failure by now.",
    "Both harbour masters are considered to be moderates.",
])
def test_a_labelling_passive_with_no_one_named_is_estimated(text: str) -> None:
    [(source, _, content, certainty)] = _claims(text)
    assert (source, certainty) == (None, "estimated") and content.startswith(text.split()[0])


def test_an_absolute_clause_after_the_claim_is_another_persons_act() -> None:
    # ', with X taking to Twitter to …' hangs on the cue: X's act, not part of what was denied
    text = ("Even after several videos surfaced, the harbour board has denied it happened, with its chair "
            "taking to Twitter to call the reporter delusional.")
    assert ("the harbour board", "denied", "it happened", "denied") in _claims(text)


def test_a_participle_misread_on_its_noun_that_takes_a_that_clause_is_the_main_verb() -> None:
    # the parser reads 'A new poll found last week that …' as a noun with a reduced relative
    assert _claims("A new poll found last week that the mayor would win the vote.") == [
        ("A new poll", "found", "the mayor would win the vote", "reported")]


def test_ruling_out_denies_its_object() -> None:
    assert _claims("The harbour board has ruled out sabotage in the latest outage.") == [
        ("The harbour board", "ruled out", "sabotage in the latest outage", "denied")]


@pytest.mark.parametrize("text", [
    "The harbour master could not rule out that more boats had sunk.",
    "The mayor did not deny that the ferry contract was changed.",
])
def test_a_negated_denial_is_no_entry(text: str) -> None:
    # the owners' gold: *could "not rule out" Russian involvement*, *can not deny … that Russia was responsible*
    assert _claims(text) == []
