"""PolNeAR's convention (``contents=polnear``): a topic's preposition goes with the cue, and the learned
frames of ``lang/en/polnear_frames.tsv`` make cues that no word list holds.

Sentences are invented for these tests; none comes from PolNeAR (its texts carry no licence; see
shared/data/en/LICENSE-NOTE.md).
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text
from claimledger.nlp.components.polnear import learned_frames
from claimledger.nlp.lexicon import load

Row = tuple[str | None, str, str]


def _rows(text: str) -> list[Row]:
    a = analyze_text(text, lang="en")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t)) for x in a.attributions]


_TOPIC = "The fishermen complained about the new quota rules."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_the_topic_opens_after_its_preposition() -> None:
    assert _rows(_TOPIC) == [("The fishermen", "complained about", "the new quota rules")]


def test_by_default_a_topic_alone_is_no_claim() -> None:
    # FORMAT.md: what a complaint is about is no proposition; no gold set of that convention writes one
    assert _rows(_TOPIC) == []


_RELEASED = "The port authority released a statement on the strike."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_learned_frame_makes_a_cue() -> None:
    assert _rows(_RELEASED) == [("The port authority", "released", "a statement on the strike")]


def test_a_learned_frame_is_no_cue_by_default() -> None:
    assert _rows(_RELEASED) == []


@pytest.mark.usefixtures("polnear_contents")
def test_a_learned_form_outside_its_frame_is_no_cue() -> None:
    # 'released' with no object (the prisoners were released) is an event, whatever the table says of its active use
    assert _rows("Two of the prisoners were released on Monday.") == []


def test_the_frame_table_holds_counts_only() -> None:
    frames = learned_frames(load("en"))
    assert frames and all(c.words == (f[0],) and c.kind in {"verb", "noun"} for f, c in frames.items())


_POLL = "In a study of 40 towns, rents rose faster near the coast."


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_study_that_a_clause_stands_in_is_its_source() -> None:
    assert _rows(_POLL) == [("a study of 40 towns", "In", "rents rose faster near the coast")]
    assert _rows("In her words, the harbour is too small for the new boats.") == [
        ("her words", "In", "the harbour is too small for the new boats")]


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_a_time_phrase_or_a_poll_inside_a_clause_names_no_source() -> None:
    assert _rows("In the spring, the council opened a new ferry line.") == []
    assert _rows("The mayor holds a clear lead in the latest polls.") == []


def test_a_study_that_a_clause_stands_in_is_no_source_by_default() -> None:
    assert _rows(_POLL) == []
