"""More English attributions on sentences written for these tests (``test_english.py`` is full).

No sentence here comes from PolNeAR (its texts carry no licence; see
shared/data/en/LICENSE-NOTE.md).
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text

Row = tuple[str | None, str, str, str, bool]


def _rows(text: str) -> list[Row]:
    a = analyze_text(text, lang="en")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t), x.certainty, x.anonymous)
            for x in a.attributions]


def _by_cue(text: str, cue: str) -> list[Row]:
    return [r for r in _rows(text) if r[1] == cue]


# ----- a quotation split around its cue, or going on after it -------------------------------

_SPLIT = ('"The ferry will run," the captain said. "We have checked the engines twice this week and the '
          'weather is calm enough for the crossing."')


def test_a_quotation_after_its_cue_is_an_entry_of_its_own_by_default() -> None:
    said = _by_cue(_SPLIT, "said")
    assert len(said) == 2, said
    assert {r[0] for r in said} == {"the captain"}


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_split_quotation_is_one_claim_with_the_longest_fragment() -> None:
    said = _by_cue(_SPLIT, "said")
    assert len(said) == 1, said
    assert said[0][0] == "the captain"
    assert said[0][2].strip('"').startswith("We have checked the engines twice")


# ----- a second verb of the speaker after the reported clause --------------------------------


def test_a_past_verb_joined_to_a_present_reported_clause_is_the_speakers_own() -> None:
    # the parse hangs *suggested* on *seen*; *has seen* is present, *suggested* past like *said*
    text = "The chairman said he has not seen the report and suggested that the board should wait."
    said = _by_cue(text, "said")
    suggested = _by_cue(text, "suggested")
    assert said and said[0][2] == "he has not seen the report"
    assert suggested and suggested[0][0] == "The chairman" and suggested[0][2] == "the board should wait"


def test_a_content_does_not_end_on_the_conjunction_before_the_speakers_next_verb() -> None:
    text = "The senator said she admires the governor's patience and warned that the budget was too tight."
    assert _by_cue(text, "said")[0][2] == "she admires the governor's patience"


def test_a_past_verb_joined_to_a_past_reported_clause_goes_on_with_it() -> None:
    content = _by_cue("Ms. Reyes said she did not condone violence and hoped that people would find a way to voice "
                      "concerns peacefully.", "said")[0][2]
    assert content.endswith("and hoped that people would find a way to voice concerns peacefully")


# ----- plans, requests and pledges: claims only under PolNeAR's convention -------------------

_PLANS = [
    ("The ferry company plans to add a second boat next summer.", "plans"),  # polnear: *to* opens the content
    ("The council asked residents to keep their dogs on a lead in the park.", "asked"),
    ("The union decided to accept the offer after a long meeting.", "decided"),
]


@pytest.mark.parametrize(("text", "cue"), _PLANS)
def test_a_plan_or_a_request_is_no_claim_by_default(text: str, cue: str) -> None:
    assert _rows(text) == []


@pytest.mark.usefixtures("polnear_contents")
@pytest.mark.parametrize(("text", "cue"), _PLANS)
def test_under_polnear_a_plan_or_a_request_is_an_attribution(text: str, cue: str) -> None:
    assert [r[1] for r in _rows(text)] == [cue]


def test_a_claim_with_an_infinitive_stays_one_by_default() -> None:
    rows = _rows("The firm claimed to have repaired every bridge in the county.")
    assert [(r[1], r[2]) for r in rows] == [("claimed", "to have repaired every bridge in the county")]


# ----- one role per word under PolNeAR's convention -------------------------------------------

_NESTED = "The mayor said she suspects the bridge will reopen in May."


def test_an_attribution_inside_anothers_content_is_its_own_entry_by_default() -> None:
    assert sorted(r[1] for r in _rows(_NESTED)) == ["said", "suspects"]


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_an_attribution_inside_anothers_content_is_none() -> None:
    assert [(r[1], r[2]) for r in _rows(_NESTED)] == [("said", "she suspects the bridge will reopen in May")]


# ----- where an object content ends -----------------------------------------------------------


def test_an_object_content_ends_before_where_it_was_said() -> None:
    rows = _by_cue("The minister denied the report at a briefing in the capital.", "denied")
    assert [r[2] for r in rows] == ["the report"]


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_an_object_content_ends_before_when_it_was_said() -> None:
    rows = _by_cue("The mayor repeated her position on Sunday at a forum in the old town.", "repeated")
    assert [r[2] for r in rows] == ["her position"]


# ----- evidence: a study or a poll that finds something -----------------------------------------


@pytest.mark.parametrize(("text", "cue"), [
    ("A new survey of harbour workers found that most of them walk to work.", "found"),
    ("The results of the trial revealed that the drug lowers blood pressure.", "revealed"),
    ("According to a recent poll, most voters favour the new bridge.", "According to"),
])
def test_a_study_or_poll_that_finds_something_puts_it_forward_as_evidence(text: str, cue: str) -> None:
    assert [r[3] for r in _by_cue(text, cue)] == ["reported"]


def test_a_person_who_finds_something_asserts_it() -> None:
    assert [r[3] for r in _by_cue("The inspector found that the railing was loose.", "found")] == ["asserted"]


# ----- a denial verb that refuses someone a thing ----------------------------------------------


@pytest.mark.parametrize("text", [
    "The sailors had been denied shore leave until the storm passed.",
    "The guards denied them access to the port.",
])
def test_a_thing_refused_is_no_claim_denied(text: str) -> None:
    assert _rows(text) == []


def test_a_report_denied_is_a_claim_denied() -> None:
    assert [(r[2], r[3]) for r in _by_cue("The port authority denied the report on Monday.", "denied")] == [
        ("the report", "denied")]


# ----- the complementizer --------------------------------------------------------------------

_THAT = "The harbour master said that the ferry would sail at noon, and he said that man was the pilot."


def test_a_content_opens_after_its_complementizer_by_default() -> None:
    said = _by_cue(_THAT, "said")
    assert said[0][2] == "the ferry would sail at noon"
    assert said[1][2] == "that man was the pilot"  # a determiner *that* is the claim's own word


@pytest.mark.usefixtures("polnear_contents")
def test_polnear_contents_keep_the_complementizer() -> None:
    assert _by_cue(_THAT, "said")[0][2] == "that the ferry would sail at noon"
