"""English news: the classes the second PUD review draw (en-pud-news-review2) showed, each on an
invented sentence (FORMAT.md's rules; no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(a.source.of(text) if a.source else None, a.cue.of(text), a.content.of(text), a.certainty)
            for a in analysis.attributions]


@pytest.mark.parametrize(("text", "kept", "cue"), [
    ("The dockers' union called for the repeal of the harbour levy.",
     "The judge agreed with the tenants that the rent was too high.", "agreed with"),
    ("The mayor called for calm after the flood.", "The mayor has commented on the reports.", "commented on"),
    ("He is a vain man that cares about nothing but his yacht.", "The skipper was accused of fraud.", "accused of"),
    ("The bishop spoke about his years in the valley.", "The bishop spoke about claims that the abbey was sold.",
     "spoke about"),
])
def test_a_neutral_cue_with_a_preposition_and_a_noun_phrase_that_is_no_claim_is_none(
        text: str, kept: str, cue: str) -> None:
    # FORMAT.md: a noun-phrase content only when it stands for a claim (a claim noun, a that-clause,
    # an allegation's object); PolNeAR takes any (its convention row, contents=polnear)
    assert _claims(text) == []
    assert [c for c in _claims(kept) if c[1] == cue]
