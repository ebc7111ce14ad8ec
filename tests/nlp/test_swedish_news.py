"""Swedish news: particle and passive cues, a name given, and where an *enligt* source ends.

The owners' Swedish cluster gold reads *slog fast att X* and *beskrivs som X* as claims, *kallas för
Dana* as a name given, and *enligt DR främst till X* as DR's *främst till X*. Invented sentences.
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


@pytest.mark.parametrize(("text", "entry"), [
    ("Kommunens säkerhetschef slog fast att branden inte var anlagd.",
     ("Kommunens säkerhetschef", "slog fast", "branden inte var anlagd", "asserted")),
    ("Polisen fastslog att bilen hade stulits.", ("Polisen", "fastslog", "bilen hade stulits", "asserted")),
    ("Stormen beskrivs som den värsta på femtio år.",
     (None, "beskrivs", "Stormen beskrivs som den värsta på femtio år", "reported")),
])
def test_a_particle_verb_and_a_describing_passive_are_cues(text: str, entry: tuple[str | None, str, str, str]) -> None:
    assert entry in _claims(text)


def test_a_passive_that_gives_a_name_is_no_claim() -> None:
    assert not [c for c in _claims("Ovädret kallas för Ingrid och har fällt tusentals träd.") if c[1] == "kallas"]
    assert [c for c in _claims("Beslutet kallas för ett svek av oppositionen.") if c[1] == "kallas"]


def test_a_focus_adverb_ends_an_enligt_source() -> None:
    text = "Flygen leddes om till andra flygplatser, enligt SVT främst till Malmö och Göteborg."
    assert [c[0] for c in _claims(text) if c[1] == "enligt"] == ["SVT"]


def test_det_and_a_cue_opening_a_paragraph_attributes_the_one_sentence_paragraph_before() -> None:
    text = ("Hamnen kommer att stängas i minst tre veckor efter branden.\n\n"
            "Det bekräftar Sjöfartsverket i ett pressmeddelande.")
    assert ("Sjöfartsverket", "bekräftar", "Hamnen kommer att stängas i minst tre veckor efter branden",
            "confirmed") in _claims(text)


def test_det_after_a_paragraph_that_already_names_its_speaker_is_no_second_entry() -> None:
    text = "– Vi stänger hamnen i tre veckor, säger hamnchefen Eva Lind.\n\nDet säger hon till SVT."
    assert len([c for c in _claims(text) if c[2].startswith("Vi stänger hamnen")]) == 1


def test_flaggar_for_att_signals_a_claim() -> None:
    text = "Banken flaggar samtidigt för att räntan kan höjas igen i vår."
    assert [c for c in _claims(text) if c[1].startswith("flaggar") and c[2] == "räntan kan höjas igen i vår"]


def test_an_acronym_opening_a_sentence_is_a_source_not_a_verb() -> None:
    text = ("Stormen drar in över landet och med det finns risk för fallande träd. "
            "SMHI varnar för att det kan bli mycket blåsigt i fjällen.")
    assert [c for c in _claims(text) if c[0] == "SMHI" and c[1] == "varnar för"]


def test_vantas_is_an_expectation_held_by_no_one() -> None:
    # *väntas* as *förväntas*: a reportative passive, the cue inside the claim (the owners' cluster gold)
    [(source, cue, content, certainty)] = _claims("Utredningen väntas vara klar i början av maj.")
    assert (source, cue, certainty) == (None, "väntas", "estimated")
    assert content == "Utredningen väntas vara klar i början av maj"


def test_a_relay_phrase_between_the_verb_and_att_leaves_both_the_verbs_claim_and_the_relays() -> None:
    # FORMAT.md nesting: *X uppger med hänvisning till Y att Z*: X says Z, and Y, through the relay phrase, too
    claims = _claims("Tidningen uppger med hänvisning till polisen att tre personer har gripits.")
    assert ("Tidningen", "uppger", "tre personer har gripits", "asserted") in claims
    assert ("polisen", "med hänvisning till", "tre personer har gripits", "asserted") in claims
