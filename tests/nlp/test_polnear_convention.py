"""PolNeAR's own convention (setting ``contents=polnear``): rules that only that convention reads.

Sentences are invented for these tests; none comes from PolNeAR (its texts carry no licence; see
shared/data/en/LICENSE-NOTE.md). Each rule is checked under ``polnear`` and, where FORMAT.md's
default reads the sentence differently, under the default too.
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text

Row = tuple[str | None, str, str]


def _rows(text: str) -> list[Row]:
    a = analyze_text(text, lang="en")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t)) for x in a.attributions]


def _by_cue(text: str, cue: str) -> list[Row]:
    return [r for r in _rows(text) if r[1] == cue]


# ----- a raising passive holds its infinitive, not its subject ---------------------------------

_RAISING = "The new ferry terminal is expected to open in the spring after two years of delays."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_raising_passive_holds_its_infinitive_only() -> None:
    rows = _by_cue(_RAISING, "is expected to")
    assert rows == [(None, "is expected to", "to open in the spring after two years of delays")]


def test_a_raising_passive_keeps_its_subject_by_default() -> None:
    rows = _by_cue(_RAISING, "is expected to")
    assert len(rows) == 1 and rows[0][2].startswith("The new ferry terminal"), rows


# ----- PolNeAR's own verb cues: a stance toward a thing, read only under its convention ---------

_BACKED = "The dockworkers' union backed the new contract after a long night of talks."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_stance_toward_a_thing_is_an_attribution() -> None:
    assert _by_cue(_BACKED, "backed") == [("The dockworkers' union", "backed", "the new contract")]


def test_a_stance_toward_a_thing_is_no_attribution_by_default() -> None:
    assert _by_cue(_BACKED, "backed") == []


# ----- a verb of appearance holds its clause, and no one holds it --------------------------------

_LOOKS = "After the second recount it seems that the harbour board will keep its chair."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_verb_of_appearance_holds_its_clause_with_no_source() -> None:
    assert _by_cue(_LOOKS, "seems") == [(None, "seems", "that the harbour board will keep its chair")]


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_verb_of_appearance_with_no_clause_is_no_cue() -> None:
    assert _by_cue("The harbour master appeared on the morning radio show on Monday.", "appeared") == []


def test_a_verb_of_appearance_is_no_cue_by_default() -> None:
    assert _by_cue(_LOOKS, "seems") == []


# ----- PolNeAR's own stance nouns, with a possessive holder ---------------------------------------

_DECISION = "Readers were angry about the council's decision to close the old library on Fridays."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_stance_noun_with_a_possessive_holder_is_an_attribution() -> None:
    assert _by_cue(_DECISION, "decision") == [("the council's", "decision", "to close the old library on Fridays")]


def test_a_stance_noun_is_no_cue_by_default() -> None:
    assert _by_cue(_DECISION, "decision") == []


# ----- a verb whose content is mostly an object still reports a clause it governs -----------------

_LAMENTED = "The coach lamented that the new stadium stood too far from the town centre."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_an_object_verb_reports_its_that_clause() -> None:
    assert _by_cue(_LAMENTED, "lamented") == [
        ("The coach", "lamented", "that the new stadium stood too far from the town centre")]


def test_an_object_verb_reports_no_clause_by_default() -> None:
    assert _by_cue(_LAMENTED, "lamented") == []


# ----- a question put to someone: the asker, if named, is the source; the topic is the content -----

_ASKED = "Asked about the new toll, the minister said she had not seen the figures."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_question_put_to_someone_holds_its_topic() -> None:
    assert _by_cue(_ASKED, "Asked about") == [(None, "Asked about", "the new toll")]  # PolNeAR's cue takes *about*
    asked = _by_cue("The mayor was asked by reporters whether the bridge would reopen in May.", "asked")
    assert asked == [("reporters", "asked", "whether the bridge would reopen in May")]


def test_a_question_put_to_someone_is_no_attribution_by_default() -> None:
    assert _by_cue(_ASKED, "Asked") == []


# ----- the word that opens a content belongs to it, not to the cue ---------------------------------

_SHOW = "New figures show that the ferry line lost money in May."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_the_complementizer_opens_the_content_not_the_cue() -> None:
    assert _rows(_SHOW) == [("New figures", "show", "that the ferry line lost money in May")]


def test_the_complementizer_stays_with_the_cue_by_default() -> None:
    assert _rows(_SHOW) == [("New figures", "show that", "the ferry line lost money in May")]


# ----- a feeling's noun-phrase object is its content under PolNeAR ---------------------------------

_FELT = "The coach felt a deep sense of relief after the match."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_feeling_holds_its_object() -> None:
    assert _by_cue(_FELT, "felt") == [("The coach", "felt", "a deep sense of relief")]


def test_a_feeling_holds_no_object_by_default() -> None:
    assert _by_cue(_FELT, "felt") == []


# ----- a wish with an infinitive is an attribution under PolNeAR -----------------------------------

_WANTS = "The harbour chief wants to reopen the ferry line in May."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_wish_holds_its_infinitive() -> None:
    assert _rows(_WANTS) == [("The harbour chief", "wants", "to reopen the ferry line in May")]


def test_a_wish_is_no_attribution_by_default() -> None:
    assert _rows(_WANTS) == []


# ----- more verbs whose noun-phrase object is their content under PolNeAR -------------------------


@pytest.mark.usefixtures("polnear_contents")
@pytest.mark.parametrize(("text", "row"), [
    ("The ferry company denied any wrongdoing.", ("The ferry company", "denied", "any wrongdoing")),
    ("The audit revealed a large gap in the harbour accounts.",
     ("The audit", "revealed", "a large gap in the harbour accounts")),
])
def test_under_polnear_a_denial_or_a_revelation_holds_its_object(text: str, row: Row) -> None:
    assert _rows(text) == [row]


# ----- an adjective of stance with a that-clause ---------------------------------------------------

_CONFIDENT = "The harbour master is confident that the new pier will hold."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_stance_adjective_with_a_clause_is_an_attribution() -> None:
    assert _rows(_CONFIDENT) == [("The harbour master", "confident", "that the new pier will hold")]


def test_a_stance_adjective_is_no_cue_by_default() -> None:
    assert _rows(_CONFIDENT) == []


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_an_eager_subject_holds_its_infinitive() -> None:
    rows = _rows("The ferry union is eager to settle the dispute before the summer.")
    assert rows == [("The ferry union", "eager", "to settle the dispute before the summer")]


# ----- charges and suspicions: PolNeAR's, not FORMAT.md's ---------------------------------------

_CHARGED = "Jonas Pike, 40, was charged with three counts of fraud."
_SUSPECTED = "Four crew members were barred from leaving the country and are suspected of committing a crime."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_charge_and_a_suspicion_are_entries() -> None:
    assert _by_cue(_CHARGED, "charged with") and _by_cue(_SUSPECTED, "are suspected of")


def test_a_charge_and_a_suspicion_are_no_entries_by_default() -> None:
    assert _rows(_CHARGED) == [] and _rows(_SUSPECTED) == []


# ----- the complementizer that opens a content stays with it -------------------------------------


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_content_keeps_the_complementizer_left_before_it() -> None:
    rows = _rows("Critics dismissed the assertion that the new bridge is unsafe.")
    assert ("Critics", "dismissed", "that the new bridge is unsafe") in rows
