"""Swedish classes of the 36th rule round, each on an invented sentence (no corpus text): a hand reading of
400 fresh Webbnyheter 2012 sentences that no gold set holds showed each of them twice or more."""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text
from claimledger.gold import to_gold
from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


@pytest.mark.parametrize(("text", "cue", "certainty"), [
    ("Busschauffören, som fördes till sjukhus efter olyckan, misstänks för rattfylleri.", "misstänks", "estimated"),
    ("Anna Berg, som ledde klubben i fem år, väntas ta över som förbundskapten.", "väntas", "estimated"),
    ("Den nya ägaren, som köpte bolaget i våras, uppges ha sålt fastigheterna.", "uppges", "reported"),
])
def test_a_passive_after_a_subject_with_an_inserted_relative_clause_claims_the_whole_clause(
        text: str, cue: str, certainty: str) -> None:
    # the predicate after the second comma is the subject's: the subject and its clause are in the claim
    assert _claims(text) == [(None, cue, text[:-1], certainty)]


def test_a_passive_after_att_and_an_inserted_relative_clause_starts_at_the_subject() -> None:
    found = _claims("Polisen meddelade att mannen, som greps i Malmö, uppges ha lämnat landet tidigare.")
    assert (None, "uppges", "mannen, som greps i Malmö, uppges ha lämnat landet tidigare", "reported") in found


@pytest.mark.parametrize("text", [
    "Vi har som sagt ett stort problem att lösa.",
    "Det är som sagt för tidigt att säga något om orsaken.",
    "Som sagt: matchen mot Finland avgörs först i morgon.",
])
def test_som_sagt_is_an_idiom_that_reports_nothing(text: str) -> None:
    # 'as said': a bare supine after the manner word, with no subject and no 'att', names no one; after a
    # pronoun 'som' opens a relative clause whose 'har' is left out, which still reports
    assert _claims(text) == []
    assert _claims("Det finns de som sagt att skolan borde stängas.") == [
        ("de", "sagt", "skolan borde stängas", "asserted")]



@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("Skolan har blivit en marknad, som rektorn uttrycker det.", "rektorn", "uttrycker",
     "Skolan har blivit en marknad"),
    ("Bolaget har tappat fotfästet i Asien, som vd Eva Lind själv beskrev det.", "vd Eva Lind själv", "beskrev",
     "Bolaget har tappat fotfästet i Asien"),
])
def test_an_as_aside_that_ends_the_sentence_reports_the_clause_before_it(
        text: str, source: str, cue: str, content: str) -> None:
    # ', som X uttrycker det.': review4's gold writes the aside as X's claim of the clause it is set into
    assert _claims(text) == [(source, cue, content, "asserted")]


def _figures(text: str) -> list[tuple[str, float, float | None, str]]:
    gold = to_gold(analyze_article(Article(text=text, lang="sv")), doc_id="t")
    return [(q["text"], q["value"], q.get("value_max"), q["approx"]) for q in gold["quantities"]]


@pytest.mark.parametrize(("text", "figure"), [
    ("Vid branden skadades tre eller fyra personer lätt.", ("tre eller fyra", 3, 4, "range")),
    ("Varje klass får en eller två extra lärare nästa år.", ("en eller två", 1, 2, "range")),
    ("Resan tar 5 eller 6 timmar med tåg.", ("5 eller 6", 5, 6, "range")),
])
def test_two_numbers_joined_by_eller_are_one_range(text: str, figure: tuple[str, float, float, str]) -> None:
    # review6's gold writes 'en eller två ledamöter' as one range, as English 'two or three' is one; after a
    # list's comma ('20, 30 eller 40') the figures stay a list
    assert _figures(text) == [figure]
    assert [f[3] for f in _figures("Avgiften kan bli 20, 30 eller 40 kronor.")] == ["exact"] * 3


@pytest.mark.parametrize("text", [
    "I går sade styrelsen ja till att bolaget får köpa tillbaka egna aktier.",
    "Länsstyrelsen har sagt nej till att bygget får fortsätta under vintern.",
])
def test_saying_yes_or_no_to_something_is_a_decision_not_a_claim(text: str) -> None:
    # 'säga ja/nej till X' accepts or refuses X, as 'säga upp' dismisses: the verb reports nothing
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "source", "cue", "content", "certainty"), [
    ("Det tror jag är fel väg att gå.", "jag", "tror", "är fel väg att gå", "estimated"),
    ("Viktigast anser hon är att lösa bostadsfrågan för unga som söker jobb.", "hon", "anser",
     "är att lösa bostadsfrågan för unga som söker jobb", "estimated"),
    ("Det tycker vi i styrelsen är ett rimligt pris.", "vi", "tycker", "är ett rimligt pris", "asserted"),
])
def test_a_word_fronted_out_of_the_claim_leaves_the_claim_after_the_subject(
        text: str, source: str, cue: str, content: str, certainty: str) -> None:
    # the claim's first word stands before the cue and its finite verb after the cue's subject, no 'att'
    assert _claims(text) == [(source, cue, content, certainty)]


def test_skulle_ha_in_a_sentence_with_a_condition_is_a_counterfactual_not_hearsay() -> None:
    # 'would have ... if': what would have been, not what is heard; nobody is reported
    assert _claims("Laget skulle ändå inte ha gått vidare om de fått straff i slutminuten.") == []


def test_a_counterfactual_inside_a_prepositional_claim_keeps_it_asserted() -> None:
    # 'enligt X' puts forward a counterfactual; the modal in it is no hearsay hedge
    found = _claims("Bolaget skulle enligt vd:n aldrig ha överlevt om de inte fått nytt kapital.")
    assert [(s, c, cert) for s, c, _, cert in found] == [("vd:n", "enligt", "asserted")]


@pytest.mark.parametrize(("text", "content"), [
    ("Regeringen skriver att alla barn har rätt till skola men i praktiken står många utan plats.",
     "alla barn har rätt till skola"),
    ("Det fanns länge misstankar om att kassan inte stämde och vid en revision i maj, som gjordes av "
     "kommunen, har granskarna hittat stora brister.", "kassan inte stämde"),
])
def test_a_main_clause_after_a_fronted_prepositional_phrase_ends_the_claim(text: str, content: str) -> None:
    # 'och/men' + a prepositional phrase + the finite verb before its subject: the inversion only a main
    # clause makes, so the writer's own clause, not the claim's
    assert [c for _, _, c, _ in _claims(text)] == [content]


@pytest.mark.parametrize(("text", "source"), [
    ("Skatten höjs nästa år, enligt det besked som finansministern gav i riksdagen.", "finansministern"),
    ("Enligt de beräkningar som Svensk Handel har gjort ökar julhandeln med fyra procent.", "Svensk Handel"),
])
def test_the_maker_of_a_statement_in_a_relative_clause_after_enligt_is_the_source(text: str, source: str) -> None:
    # 'enligt det besked som X gav' is X's, as 'enligt ett uttalande från X' is; not 'uppgifter som X tagit del av'
    assert [(s, c) for s, c, _, _ in _claims(text)] == [(source, text.split()[0] if text.startswith("Enligt")
                                                         else "enligt")]
    assert [s for s, _, _, _ in _claims("Priset höjs, enligt uppgifter som tidningen tagit del av.")] == ["uppgifter"]


@pytest.mark.parametrize(("text", "content"), [
    ("Ett bra ledarskap börjar med förtroende, det vet vi.", "Ett bra ledarskap börjar med förtroende"),
    ("Att priserna stiger i vår, det tror jag, men inte hur mycket.", "Att priserna stiger i vår"),
])
def test_a_claim_taken_up_by_det_before_an_inverted_cue_ends_before_the_comma(text: str, content: str) -> None:
    # 'X, det vet vi': 'det' is the cue's object, standing for X; X alone is the claim
    assert [c for _, _, c, _ in _claims(text)] == [content]
