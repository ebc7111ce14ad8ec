"""English, stop 34: classes that weblog posts of UD English EWT's dev split showed (read by hand, no gold),
each on an invented sentence (no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


@pytest.mark.parametrize("text", [
    "What the minister said makes sense to me.",
    "Jane, what you say makes sense.",
    "Whatever the council claims will not change the budget.",
])
def test_a_fronted_what_object_names_what_was_said_without_saying_it(text: str) -> None:
    assert _claims(text) == []


def test_a_label_after_a_fronted_what_is_still_the_speakers() -> None:
    # 'what he called the Evil Empire': the words after the cue are his label
    claims = _claims('The senator attacked what he called the "Evil Empire" of the lobbyists.')
    assert [(c[0], c[1]) for c in claims] == [("he", "called")]


def test_a_bare_verb_before_a_coordinated_clause_claims_nothing() -> None:
    assert _claims("But not always do the three ministers agree, and not always are their budgets equal.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("It is rumored that the company has two new plants.", "the company has two new plants"),
    ("The company is rumoured to have two new plants.", "The company is rumoured to have two new plants"),
])
def test_rumour_passives_report_hearsay(text: str, content: str) -> None:
    assert [(c[0], c[2], c[3]) for c in _claims(text)] == [(None, content, "reported")]


@pytest.mark.parametrize("text", [
    "One could have reasonably predicted that violence would break out.",
    "He would have said that the plan was illegal, had anyone asked him.",
])
def test_a_counterfactual_cue_claims_nothing(text: str) -> None:
    assert _claims(text) == []


def test_a_perfect_without_a_counterfactual_modal_still_claims() -> None:
    assert [(c[0], c[1]) for c in _claims("She has said that the plan was illegal.")] == [("She", "said")]


def test_a_cue_with_its_own_noun_object_is_no_aside() -> None:
    # the parenthetical reading took the words before the colon for what 'expressed solidarity' reports
    text = ("So I will say it plainly: it is odd that on Friday the agency reported of the cleric: ' A radical "
            "cleric has expressed solidarity with the group and said that he should be considered its arm.'")
    assert all(c[1] != "expressed" for c in _claims(text))
    assert ("A radical cleric", "said", "he should be considered its arm") in [c[:3] for c in _claims(text)]


def test_an_aside_cue_with_a_recipient_is_still_an_aside() -> None:
    claims = _claims("The plan, the minister told reporters on Monday, was dead.")
    assert [(c[0], c[1]) for c in claims] == [("the minister", "told")]


@pytest.mark.parametrize("text", [
    "That overstates the risk, I know.",
    "Now, I would argue that the ministry could have seen the flood coming.",
])
def test_the_writers_own_first_person_cue_is_no_entry(text: str) -> None:
    assert _claims(text) == []


def test_a_first_person_cue_inside_a_quotation_stays_out_and_the_speaker_stays_in() -> None:
    claims = _claims('"I know the plan is sound," the minister said.')
    assert [(c[0], c[1]) for c in claims] == [("the minister", "said")]


def test_a_signature_after_a_dash_is_no_continuation_of_the_last_speaker() -> None:
    text = ('"The budget will not pass this year," the minister said.\n\n'
            "-- Posted by Harbour Watch at 11/16/2005 08:36:00 AM")
    assert [(c[0], c[1]) for c in _claims(text)] == [("the minister", "said")]


def test_a_quotation_paragraph_still_continues_the_speaker() -> None:
    text = ('"The budget will not pass this year," the minister said.\n\n'
            '"We will try again in the spring, with the same plan."')
    assert [(c[0], c[1]) for c in _claims(text)] == [("the minister", "said"), ("the minister", "said")]


def test_a_participle_modifying_a_noun_is_no_cue() -> None:
    text = "The floods left thousands homeless and estimated damages as high as $2 billion."
    assert all(c[1] != "estimated" for c in _claims(text))


def test_an_inverted_speaker_the_parser_takes_for_a_modified_noun_stays_the_source() -> None:
    claims = _claims('"Troops were sent to the border within 48 hours", added KCNA.')
    assert [(c[0], c[1]) for c in claims] == [("KCNA", "added")]



def test_a_source_runs_on_through_its_last_conjunct() -> None:
    # the parser made each conjunct a subject of its own; the source ended at 'and'
    claims = _claims('And all of our friends and all of our neighbours would say, "You two would get along."')
    assert [c[0] for c in claims] == ["all of our friends and all of our neighbours"]
    assert [c[0] for c in _claims("The mayor and the council said the bridge would reopen.")] == [
        "The mayor and the council"]
