"""English news: speech verbs of translated copy, and a prepositional cue set off inside its clause.

Wire copy translated from French writes *”…”, rejoiced X*, *exclaimed X*, *greeted X*; the owners'
cluster gold reads each as X's claim. *Nearly 800,000 people, according to the police, marched …*
is written whole in that gold (the cue inside the claim). Invented sentences.
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str]]:
    a = analyze_text(text, lang="en")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t)) for x in a.attributions]


@pytest.mark.parametrize(("text", "cue"), [
    ("“The turnout beat every forecast”, rejoiced the union leader Marie Roux.", "rejoiced"),
    ("“Don't give up, the fight goes on”, exclaimed the opposition leader Paul Martin.", "exclaimed"),
    ("“This is one of the strongest days in years”, greeted the union leader Marie Roux.", "greeted"),
    ("She underlined that the plan was final.", "underlined"),
])
def test_speech_verbs_of_translated_copy_are_cues(text: str, cue: str) -> None:
    assert [c for c in _claims(text) if c[1] == cue and c[0]]


def test_greeting_someone_is_no_claim() -> None:
    assert _claims("The crowd greeted the president warmly.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("Nearly 40,000 people, according to the police, marched through Lyon on Monday.",
     "Nearly 40,000 people, according to the police, marched through Lyon on Monday"),
    ("The ship, according to investigators, dragged its anchor for 100 km.",
     "The ship, according to investigators, dragged its anchor for 100 km"),
])
def test_a_prepositional_cue_set_off_before_its_verb_stands_inside_the_claim(text: str, content: str) -> None:
    assert [c[2] for c in _claims(text) if c[1] == "according to"] == [content]


def test_a_prepositional_cue_after_its_verb_speaks_for_its_own_conjunct() -> None:
    text = ("The top group paid 25 percent of the tax, according to the budget office, and the next group "
            "paid 20 percent.")
    contents = [c[2] for c in _claims(text) if c[1] == "according to"]
    assert contents and "budget office" not in contents[0], contents


@pytest.mark.parametrize(("text", "cue"), [
    ("“We will win,” he whispered.", "whispered"),
    ("“It is over,” she sighed.", "sighed"),
    ("The minister affirmed that the talks would continue.", "affirmed"),
    ("He swore that he had never met her.", "swore"),
    ("He reckons the deal will close in May.", "reckons"),
    ("The company refuted claims that it had polluted the river.", "refuted"),
])
def test_manner_of_speaking_and_belief_verbs_are_cues(text: str, cue: str) -> None:
    assert [c for c in _claims(text) if c[1] == cue and c[0]]


@pytest.mark.parametrize("text", ["She swore in the new cabinet.", "He is supposed to arrive on Monday."])
def test_their_other_senses_are_no_claims(text: str) -> None:
    assert _claims(text) == []


def test_a_clause_the_parse_splits_on_the_cue_goes_on_to_its_predicate() -> None:
    text = ("Recent reports have revealed that a defector from the elite group within the church called the "
            "Guard was first persuaded to travel back to a building in Ohio, where he was arrested.")
    contents = [c[2] for c in _claims(text) if c[1] == "revealed"]
    assert contents and "was first persuaded to travel back" in contents[0], contents


@pytest.mark.parametrize(("text", "entry"), [
    ("The senator was quoted as saying that the bill would pass.",
     ("The senator", "was quoted as saying", "the bill would pass")),
    ("Park cited Cho as saying that the north plans to send troops.",
     ("Park", "cited Cho as saying", "the north plans to send troops")),
])
def test_a_speaker_quoted_as_saying_is_the_source_in_either_voice(text: str, entry: tuple[str, str, str]) -> None:
    assert entry in _claims(text)


def test_a_cue_s_base_form_is_a_cue_too() -> None:
    text = "Prosecutors allege that the firm hid the losses."
    assert ("Prosecutors", "allege", "the firm hid the losses") in _claims(text)


def test_a_newsroom_that_understands_reports_hearsay() -> None:
    assert ("The BBC", "understands", "the minister will resign on Friday") in _claims(
        "The BBC understands that the minister will resign on Friday.")
    assert _claims("I understand your concern.") == []


@pytest.mark.parametrize(("text", "cue"), [
    ("The report stresses that the risk is low.", "stresses"),
    ("She replies that the plan failed.", "replies"),
    ("The minister reiterates that no deal is possible.", "reiterates"),
])
def test_present_tense_reporting_verbs_are_cues(text: str, cue: str) -> None:
    assert [c for c in _claims(text) if c[1] == cue and c[0]]
