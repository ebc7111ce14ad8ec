"""Swedish clause shapes from the blind review draws sv-web2012-review3 and -review4.

The annotators' conventions are in ``evaluation/data/README.md``; every sentence here is written for
the test, none is taken from the corpus.
"""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


@pytest.mark.parametrize(("text", "entry"), [
    ("Som Anna Berg påpekar finns det en stor risk för översvämningar i området.",
     ("Anna Berg", "påpekar", "finns det en stor risk för översvämningar i området", "asserted")),
    ("Som regeringen skriver i sitt förslag måste skatten höjas nästa år.",
     ("regeringen", "skriver", "måste skatten höjas nästa år", "asserted")),
    ("Som kommunalrådet (S) sade till lokalradion är bygget redan försenat.",
     ("kommunalrådet", "sade", "är bygget redan försenat", "asserted")),
    ("Även i norr, som ministern uttryckte det, handlar det om att bygga fler spår.",
     ("ministern", "uttryckte", "Även i norr, som ministern uttryckte det, handlar det om att bygga fler spår",
      "asserted")),
])
def test_a_som_aside_reports_the_clause_it_is_set_into(text: str, entry: tuple[str | None, str, str, str]) -> None:
    assert _claims(text) == [entry]


def test_a_som_aside_with_a_generic_subject_or_after_its_noun_is_none() -> None:
    assert _claims("Som man säger är det bättre sent än aldrig.") == []
    assert _claims("Beslutet, som ministern kommenterade, innebär stora förändringar för skolan.") == []


def test_a_belief_inside_a_comparative_clause_is_no_entry() -> None:
    claims = _claims("Nästan hälften svarar att jobbet är tyngre än de först trodde att det skulle vara.")
    assert [c[1] for c in claims] == ["svarar"]
    assert _claims("Kostnaden blev högre än vad kommunen hade räknat med att den skulle bli.") == []


def test_an_evidence_verb_after_a_dash_names_its_evidence_after_it() -> None:
    text = "Skolan är näst bäst i länet – Lund är bäst – visar Skolverkets nya jämförelser av betygen."
    assert _claims(text) == [("Skolverkets nya jämförelser av betygen", "visar",
                              "Skolan är näst bäst i länet – Lund är bäst", "reported")]


def test_a_finite_predicate_after_an_infinitive_claim_is_the_main_clauses() -> None:
    [entry] = _claims("Han förnekar att ha tagit pengarna och lämnade sedan rättssalen i all hast.")
    assert entry == ("Han", "förnekar", "ha tagit pengarna", "denied")
    # a finite 'att' clause keeps its coordinate: one claim
    assert _claims("Han säger att han tog pengarna och lämnade rättssalen.")[0][2] == (
        "han tog pengarna och lämnade rättssalen")


def test_a_relative_clause_on_the_whole_after_an_infinitive_claim_is_the_writers() -> None:
    assert _claims("Han säger sig vara helt oskyldig – vilket åklagaren bestrider.") == [
        ("Han", "säger sig", "vara helt oskyldig", "alleged")]


def test_a_relative_clause_with_no_relative_word_belongs_to_the_enligt_source() -> None:
    assert _claims("Enligt de uppgifter vi har fått är skolan stängd hela veckan.") == [
        ("de uppgifter vi har fått", "Enligt", "är skolan stängd hela veckan", "reported")]


def test_misstankar_om_att_is_a_noun_cue_of_suspicion() -> None:
    assert _claims("Skolan gjorde en anmälan med anledning av misstankar om att en elev hade blivit hotad.") == [
        (None, "misstankar", "en elev hade blivit hotad", "estimated")]


def test_a_noun_cue_that_is_the_subject_ends_its_claim_before_the_main_predicate() -> None:
    assert _claims("Rapporterna om att bron rasat har ännu inte bekräftats av kommunen.") == [
        (None, "Rapporterna", "bron rasat", "reported")]
    assert _claims("Uppgifterna om att chefen har avgått har inte bekräftats.")[0][2] == "chefen har avgått"


@pytest.mark.parametrize(("text", "entry"), [
    ("Polisen pekar ut två män som misstänkta.", ("Polisen", "pekar ut", "två män som misstänkta", "alleged")),
    ("Utredarna pekade på fredagen ut piloten som ansvarig för olyckan.",
     ("Utredarna", "pekade på fredagen ut", "piloten som ansvarig för olyckan", "alleged")),
    ("Till en början pekades en ung man ut som skyldig till branden.",
     (None, "pekades en ung man ut", "Till en början pekades en ung man ut som skyldig till branden", "alleged")),
])
def test_peka_ut_som_labels_its_object(text: str, entry: tuple[str | None, str, str, str]) -> None:
    assert _claims(text) == [entry]


def test_peka_ut_with_no_predicative_points_at_a_thing() -> None:
    assert _claims("Han pekade ut vägen till stationen.") == []


def test_a_quote_after_a_quote_no_one_is_named_for_has_no_speaker() -> None:
    text = ("– Vid sjutiden hörde vi en röst i högtalaren som meddelade att tåget var inställt.\n\n"
            "– Det här är helt oacceptabelt för alla resenärer.")
    assert not [c for c in _claims(text) if c[2].startswith("Det här är helt")]
    text = "– Tåget är inställt i kväll, säger Anna Berg.\n\n– Vi vet inte när nästa tåg går."
    assert ("Anna Berg", "säger", "Vi vet inte när nästa tåg går.", "asserted") in _claims(text)


def test_sta_fast_vid_att_maintains_a_claim() -> None:
    assert ("Hon", "stod fast vid", "hon var oskyldig till brottet", "asserted") in _claims(
        "Hon stod fast vid att hon var oskyldig till brottet.")
    assert _claims("Regeringen står fast vid beslutet.") == []  # a decision, no proposition


@pytest.mark.parametrize(("text", "entry"), [
    ("Allt fler bedömare räknar med kraftigt stigande priser.",
     ("Allt fler bedömare", "räknar med", "kraftigt stigande priser", "estimated")),
    ("Banken förutspår en ovanligt svag krona.", ("Banken", "förutspår", "en ovanligt svag krona", "estimated")),
    ("Fjällräddarna väntar sig stora snömängder.", ("Fjällräddarna", "väntar sig", "stora snömängder", "estimated")),
])
def test_a_forecast_verb_forecasts_a_described_state_of_things(text: str,
                                                               entry: tuple[str | None, str, str, str]) -> None:
    assert _claims(text) == [entry]


def test_a_forecast_verb_with_a_name_or_pronoun_is_whom_one_counts_on() -> None:
    assert _claims("Vi räknar med honom i matchen.") == []
    assert _claims("Hon tror på Gud.") == []


def test_ser_det_is_a_view_only_in_a_som_aside() -> None:
    assert _claims("Som vi ser det har regeringen misslyckats med skolan.") == [
        ("vi", "ser det", "har regeringen misslyckats med skolan", "estimated")]
    assert _claims("Polisen ser det som ett allvarligt hot.") == []
    assert _claims("Så här ser det ut i dag.") == []


def test_a_passive_in_a_second_predicate_after_an_adverb_is_its_own_entry() -> None:
    claims = _claims("Enligt polisen var det en granne som larmade och sedan tros ha lämnat platsen.")
    assert ("polisen", "Enligt", "var det en granne som larmade och sedan tros ha lämnat platsen",
            "asserted") in claims
    assert (None, "tros", "sedan tros ha lämnat platsen", "estimated") in claims


def test_a_subject_with_a_relative_clause_set_off_by_commas_is_no_inverted_claim() -> None:
    text = "Den statliga tidningen, vars uppgift är att försvara regeringen, beskriver protesterna som ett uppror."
    assert _claims(text) == [("Den statliga tidningen", "beskriver", "protesterna som ett uppror", "asserted")]
    # a predicate after the relative clause's closing comma makes the words before the cue a claim
    text = "Flera soldater, som är emot regimen, har tagit på sig attacken, rapporterar AFP."
    assert [c[:2] for c in _claims(text)] == [("AFP", "rapporterar")]


def test_a_trailing_enligt_after_a_dash_apposition_speaks_for_the_whole_clause() -> None:
    assert _claims("Den nya satsningen gäller järnvägen – den största i landets historia, enligt ministern.") == [
        ("ministern", "enligt", "Den nya satsningen gäller järnvägen – den största i landets historia", "asserted")]


def test_a_dash_quote_after_a_colon_or_an_ellipsis_is_its_own() -> None:
    claims = _claims("Även i norr, som ministern uttryckte det, handlar det om att bygga fler spår: – De som åker "
                     "från Kil ska inte behöva vänta, sade hon.")
    assert ("ministern", "uttryckte", "Även i norr, som ministern uttryckte det, handlar det om att bygga fler spår",
            "asserted") in claims
    claims = _claims("Skolan har för få lärare och för... – Alla som vill ska kunna plugga här, säger rektorn.")
    assert claims == [("rektorn", "säger", "Alla som vill ska kunna plugga här", "asserted")]
