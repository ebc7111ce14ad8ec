"""English political news: the classes the FORMAT.md review set on PolNeAR's texts
(en-polnear-format-review) showed, each on an invented sentence (no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(a.source.of(text) if a.source else None, a.cue.of(text), a.content.of(text), a.certainty)
            for a in analysis.attributions]


HOPES = [
    "Harbour officials are hoping the new ferry will cut the crossing to an hour.",
    "I hope that the council will listen to the fishermen this time.",
    "The mayor had hoped for a quick end to the strike.",
]


@pytest.mark.parametrize("text", HOPES)
def test_a_hope_is_a_wish_not_a_claim(text: str) -> None:
    # FORMAT.md: a wish puts forward no proposition; no FORMAT gold set annotates *hope*
    assert _claims(text) == []


@pytest.mark.usefixtures("polnear_contents")
@pytest.mark.parametrize("text", HOPES[:1])
def test_polnear_still_marks_a_hope(text: str) -> None:
    # PolNeAR annotates intentions and wishes (cue_polnear_verb)
    assert [cue for _, cue, _, _ in _claims(text)] in (["hoping"], ["hope"])
