"""Swedish news documents: the classes the UD Swedish PUD review set (sv-pud-review) and the blog review set
showed, each on an invented sentence (no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


@pytest.mark.parametrize(("text", "source"), [
    ("Borgmästaren med rådgivare besöker i dag hamnen i Ystad, och menar att färjan måste gå oftare.",
     "Borgmästaren med rådgivare"),
    ("Kommunen och Trafikverket har lämnat sin rapport och konstaterat att bron behöver lagas.",
     "Kommunen och Trafikverket"),
])
def test_a_coordinated_cue_shares_a_subject_with_a_preposition_or_conjunction_inside(text: str, source: str) -> None:
    # 'X med Y' and 'X och Y' are one noun phrase: the second predicate's cue has it as its subject
    assert [s for s, _, _, _ in _claims(text)] == [source]


@pytest.mark.parametrize("text", [
    "Enligt tidningsuppgifter har hamnen i Ystad sålts till ett danskt rederi.",
    "Hamnen i Ystad har sålts till ett danskt rederi, enligt medieuppgifter.",
])
def test_a_compound_of_uppgifter_is_a_hearsay_source(text: str) -> None:
    # FORMAT.md: 'enligt uppgifter' is reported; so is a compound with it as its head
    assert [k for _, _, _, k in _claims(text)] == ["reported"]


def test_a_prepositional_source_ends_at_a_name_before_a_definite_noun() -> None:
    # 'enligt Trafikverket olyckorna': the name is the source, the definite noun the clause's own
    text = "Skälen är enligt Trafikverket olyckorna, samt kostnaderna för bron."
    assert _claims(text) == [("Trafikverket", "enligt", text[:-1], "asserted")]


def test_an_infinitive_after_a_preposition_is_part_of_the_subject() -> None:
    # 'planer för att bygga bron': the infinitive modifies the noun; the subject is the whole phrase, not 'bron'
    text = "En rapport om kommunens planer för att bygga bron säger att kostnaden blir högre."
    assert [s for s, _, _, _ in _claims(text)] == ["En rapport om kommunens planer för att bygga bron"]


@pytest.mark.parametrize(("text", "cue", "certainty"), [
    ("Efter mötet tillkännagav borgmästaren att färjan ska gå varje timme.", "tillkännagav", "asserted"),
    ("Rederiet beklagar att färjan inte gick i tid.", "beklagar", "asserted"),
    ("Kaptenen är övertygad om att färjan klarar stormen.", "är övertygad om", "estimated"),
    ("Kaptenerna var övertygade att färjan klarade stormen.", "var övertygade", "estimated"),
])
def test_verbs_of_announcing_regretting_and_conviction_are_cues(text: str, cue: str, certainty: str) -> None:
    assert [(c, k) for _, c, _, k in _claims(text)] == [(cue, certainty)]


def test_an_inverted_cue_with_no_comma_before_it_keeps_its_claim_when_a_clause_follows() -> None:
    # 'Y rapporterar X, och Z': the source ends at the comma; Z is the writer's own next clause
    text = "Färjan slutar gå till Bornholm rapporterar lokalradion, och i vinter blir det inga turer alls."
    assert _claims(text) == [("lokalradion", "rapporterar", "Färjan slutar gå till Bornholm", "asserted")]


def test_indikerar_is_an_evidence_cue() -> None:
    # like 'visar att': what a finding indicates is reported
    text = "Mätningarna indikerar att vattnet i hamnen är förorenat."
    assert [(c, x, k) for _, c, x, k in _claims(text)] == [
        ("indikerar", "vattnet i hamnen är förorenat", "reported")]


def test_a_quotation_after_a_colon_closed_before_an_inverted_cue_is_that_speakers_claim() -> None:
    # 'X beklagar att Y: ”Z,” sade hon': the quotation is hers, not the words before the colon
    text = "Rederiet beklagar att turen ställdes in: ”Vi hade inget val,” sade kaptenen Eva Ek."
    assert ("kaptenen Eva Ek", "sade", "Vi hade inget val", "asserted") in _claims(text)


@pytest.mark.parametrize(("text", "claims"), [
    ("Det var en resa som skulle varit roligare med fler passagerare.", 0),  # counterfactual: 'would have been'
    ("Kaptenen ska fått betalt av rederiet.", 1),  # hearsay: 'is said to have got'
])
def test_a_bare_supine_is_hearsay_after_ska_but_counterfactual_after_skulle(text: str, claims: int) -> None:
    assert len(_claims(text)) == claims


def test_an_att_clause_ends_at_a_colon_before_a_later_speakers_quotation() -> None:
    # 'X beklagar att Y: ”Z,” sade hon': Y is X's claim, Z hers
    text = "Rederiet beklagar att turen ställdes in: ”Vi hade inget val,” sade kaptenen Eva Ek."
    assert ("Rederiet", "beklagar", "turen ställdes in", "asserted") in _claims(text)
