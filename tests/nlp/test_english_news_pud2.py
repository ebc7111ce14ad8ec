"""English news: the classes the second PUD review draw (en-pud-news-review2) showed, each on an
invented sentence (FORMAT.md's rules; no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


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


def _figures(text: str) -> list[tuple[str, float, str, str | None]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(q.span.of(text), q.value, q.approx, q.counted.of(text) if q.counted else None)
            for q in analysis.quantities]


def test_below_a_figure_bounds_it_from_above() -> None:
    # approx.tsv: *below* like *under* (FORMAT.md's `under`)
    assert _figures("Inflation fell below 3% in May, and fares stayed just below £40.") == [
        ("below 3", 3.0, "under", "%"), ("just below £40", 40.0, "under", None)]


@pytest.mark.parametrize("text", [
    "Day three, the crew was back at the dock.",
    "The square became ground zero for the strike.",
    "The hosts won game two.",
])
def test_a_number_word_after_a_bare_singular_noun_labels_it(text: str) -> None:
    # as *room 12* for digits: nothing counted, the noun named
    assert _figures(text) == []
    assert _figures("The hosts won two games and lost three.") == [
        ("two", 2.0, "exact", "games"), ("three", 3.0, "exact", None)]


@pytest.mark.parametrize("text", [
    "A club spokesman said reports that the coach would quit were inaccurate.",
    "The mayor's office said dates floated online -- May or June -- aren't accurate.",
    "The minister said the story isn't true.",
])
def test_a_neutral_verb_saying_a_claim_is_wrong_denies_it(text: str) -> None:
    # FORMAT.md: a neutral verb whose content says that another claim is false is `denied`
    said = [c for c in _claims(text) if c[1] == "said"]
    assert said and said[0][3] == "denied"


@pytest.mark.parametrize(("text", "content", "certainty"), [
    ("Police are studying videos alleged to show the raid.", "show the raid", "alleged"),
    ("The inquiry is also reading angry posts from March, alleged to come from guards in the town.",
     "come from guards in the town", "alleged"),
    ("Shares in the firm, expected to report losses, fell.", "report losses", "estimated"),
])
def test_a_hearsay_participle_after_its_noun_is_a_cue_inside_the_claim(
        text: str, content: str, certainty: str) -> None:
    # FORMAT.md: in a relative clause the content starts at the verb after the cue; no one named holds it
    assert [(c[0], c[2], c[3]) for c in _claims(text)] == [(None, content, certainty)]


@pytest.mark.parametrize(("text", "content"), [
    ("The tolls will change in May and the service is expected to improve by June.",
     "the service is expected to improve by June"),
    ("The rent is expected to rise and the landlord will pay for repairs.", "The rent is expected to rise"),
])
def test_a_cue_inside_the_claim_holds_only_its_own_joined_clause(text: str, content: str) -> None:
    # FORMAT.md: the content is the clause with the cue; a clause joined to it with a subject of its own is not
    assert [c[2] for c in _claims(text)] == [content]


def test_a_number_word_label_after_a_copula_counts_nothing() -> None:
    # *is ground zero*: an English tagger does not slip a verb into a noun there (the Swedish supine does)
    assert _figures("The valley is ground zero in this fight.") == []
