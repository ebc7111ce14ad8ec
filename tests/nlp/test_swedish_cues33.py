"""Swedish cue rows from the language's own thesaurus (stop 33): invented news sentences, and the script
that lists the candidates a person reads before a row is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.scripts import load_script

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="sv")).claims()


@pytest.mark.parametrize(("text", "claim"), [
    ("Ministern yttrade att kriget snart var över.", ("Ministern", "yttrade", "kriget snart var över", "asserted")),
    ("Bolaget bestrider att det har brutit mot lagen.",
     ("Bolaget", "bestrider", "det har brutit mot lagen", "denied")),
    ("Oppositionen gör gällande att regeringen ljög om kostnaderna.",
     ("Oppositionen", "gör gällande", "regeringen ljög om kostnaderna", "alleged")),
    ("Forskarna förutsäger att priserna stiger i vår.",
     ("Forskarna", "förutsäger", "priserna stiger i vår", "estimated")),
    ("Polisen informerade om att vägen var stängd hela natten.",
     ("Polisen", "informerade om", "vägen var stängd hela natten", "asserted")),
    ("Tingsrätten förtydligade att domen gäller från i dag.",
     ("Tingsrätten", "förtydligade", "domen gäller från i dag", "asserted")),
    ("Banken verifierade att pengarna hade förts över.",
     ("Banken", "verifierade", "pengarna hade förts över", "confirmed")),
])
def test_a_thesaurus_cue_reports_its_clause(text: str, claim: tuple[str, str, str, str]) -> None:
    assert _claims(text) == [claim]


@pytest.mark.parametrize(("text", "claim"), [
    ("Mannen förmodas ha flytt till Spanien.",
     (None, "förmodas", "Mannen förmodas ha flytt till Spanien", "estimated")),
    ("Tre personer fruktas ha omkommit i branden.",
     (None, "fruktas", "Tre personer fruktas ha omkommit i branden", "estimated")),
    ("Oron för att kriget ska sprida sig växer.", (None, "Oron", "kriget ska sprida sig", "estimated")),
    ("Slutsatsen är att priserna stiger.", (None, "Slutsatsen", "priserna stiger", "estimated")),
])
def test_a_thesaurus_passive_or_noun_is_a_sourceless_claim(text: str, claim: tuple[None, str, str, str]) -> None:
    assert _claims(text) == [claim]


def test_a_thesaurus_cue_with_a_plain_object_claims_nothing() -> None:
    # 'försäkra' also means to insure; 'informera om' a thing is no claim
    assert _claims("Han försäkrade bilen i fjol.") == []
    assert _claims("Polisen informerade om olyckan.") == []


def _script() -> Any:
    return load_script("sv_cue_candidates")


def test_the_candidate_script_lists_synonyms_the_lexicon_lacks(shared: Path) -> None:
    script = _script()
    thesaurus = script.read_thesaurus(shared / "data" / "sv" / "thesaurus-sv" / "th_sv_SE_v2.dat")
    rows = script.cue_rows()
    cands = script.candidates(thesaurus, rows)
    assert "redogöra" in cands and "redovisa" in cands["redogöra"]  # a synonym no row holds yet
    assert not {r[0] for r in rows} & set(cands)  # nothing the lexicon already has
    assert script.counts(["han", "talar", "om", "det"], {"tala om": {"säga"}})["tala om"] == 1


def test_a_noun_cues_claim_as_subject_ends_at_the_main_verb_not_at_a_day_word() -> None:
    # 'i går' ends the sentence: its 'går' is no finite verb, so the main clause's 'kom' closes the claim
    assert _claims("Beskedet att skolan stängs kom i går.") == [(None, "Beskedet", "skolan stängs", "asserted")]


def test_a_suspicion_noun_takes_its_att_clause_without_om() -> None:
    assert _claims("Misstanken att mannen ljög stärktes av vittnet.") == [
        (None, "Misstanken", "mannen ljög", "estimated")]
