"""Swedish cue rows from the thesaurus, ranked by how often the open treebanks and news text use each
synonym as a cue (stop 35): invented news sentences, and the candidate script's corpus survey."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.scripts import load_script

from claimledger.model import Article
from claimledger.nlp.records import analyze_article

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "sv_cue_candidates.py"


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="sv")).claims()


@pytest.mark.parametrize(("text", "claim"), [
    ("Kommunen klarlade att bygglovet var giltigt.", ("Kommunen", "klarlade", "bygglovet var giltigt", "asserted")),
    ("Hovrätten fastställde att mannen var skyldig.",
     ("Hovrätten", "fastställde", "mannen var skyldig", "asserted")),
    ("Jag gissar att priserna stiger.", ("Jag", "gissar", "priserna stiger", "estimated")),
    ("Experterna spår att räntan höjs i höst.", ("Experterna", "spår", "räntan höjs i höst", "estimated")),
    ("Läkare larmar om att köerna växer.", ("Läkare", "larmar om", "köerna växer", "asserted")),
    ("Bolaget offentliggjorde att vd:n lämnar sin post.",
     ("Bolaget", "offentliggjorde", "vd:n lämnar sin post", "asserted")),
])
def test_a_verb_the_corpora_use_as_a_cue_reports_its_clause(text: str, claim: tuple[str, str, str, str]) -> None:
    assert _claims(text) == [claim]


@pytest.mark.parametrize(("text", "claim"), [
    ("Räntan spås stiga i höst.", (None, "spås", "Räntan spås stiga i höst", "estimated")),
    ("Elpriset förutspås falla under sommaren.",
     (None, "förutspås", "Elpriset förutspås falla under sommaren", "estimated")),
    ("Uppskattningen är att priserna stiger i vår.",
     (None, "Uppskattningen", "priserna stiger i vår", "estimated")),
    ("Hennes ståndpunkt är att kriget måste upphöra.",
     (None, "ståndpunkt", "kriget måste upphöra", "estimated")),
])
def test_a_passive_or_noun_from_the_thesaurus_is_a_sourceless_claim(
        text: str, claim: tuple[None, str, str, str]) -> None:
    assert _claims(text) == [claim]


@pytest.mark.parametrize(("cue", "plain"), [
    ("Bolaget offentliggjorde att vd:n lämnar sin post.", "Bolaget offentliggjorde rapporten i går."),
    ("Hovrätten fastställde att mannen var skyldig.", "Hovrätten fastställde domen."),
    ("Experterna spår att räntan höjs i höst.", "Hundarna följde spår i snön."),  # 'spår' the noun: tracks
])
def test_a_new_cue_claims_its_clause_but_not_a_plain_object(cue: str, plain: str) -> None:
    assert len(_claims(cue)) == 1 and _claims(plain) == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Ministern säger att skatten troligtvis höjs.", ("Ministern", "säger", "skatten troligtvis höjs", "estimated")),
    ("Polisen uppger att mannen antagligen flydde till Norge.",
     ("Polisen", "uppger", "mannen antagligen flydde till Norge", "estimated")),
    ("Bolaget meddelar att fabriken möjligtvis stängs.",
     ("Bolaget", "meddelar", "fabriken möjligtvis stängs", "estimated")),
    ("Kommunen skriver att beslutet eventuellt överklagas.",
     ("Kommunen", "skriver", "beslutet eventuellt överklagas", "estimated")),
])
def test_a_thesaurus_synonym_of_a_hedge_makes_the_claim_estimated(text: str, claim: tuple[str, str, str, str]) -> None:
    # synonyms of 'troligen', 'förmodligen', 'möjligen' in the thesaurus, as hedge_estimated words
    assert _claims(text) == [claim]


def _script() -> Any:
    return load_script("sv_cue_candidates")


def test_the_candidate_script_finds_cue_like_uses_in_the_open_corpora(shared: Path) -> None:
    script = _script()
    sents = script.treebank_sentences(shared) + script.ner_sentences(shared)
    assert len(sents) > 10000
    # 'tala om' (a thesaurus synonym of 'säga' that the lexicon lacks: loose, 'talk about') stands before 'att'
    times, cue_like, example = script.survey(sents, {"tala om": {"säga"}})["tala om"]
    assert times >= cue_like > 0 and " att " in example


def test_the_candidate_script_runs_on_the_shared_data(shared: Path) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared), "--limit", "400"],
                         capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert "candidates" in lines[0]
    row = next(line.split("\t") for line in lines[1:] if line.startswith("tala om\t"))
    # synonym of, NER corpus (times, cue-like), treebanks (times, cue-like), a cue-like sentence
    assert "säga" in row[1] and int(row[2].split(",")[1]) > 0 and " att " in row[4]
