"""Checks of claimledger's shipped Swedish spaCy pipeline (src/claimledger/models/sv).

Built by scripts/train_sv.py. Skipped when the model folder has not been built.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

# CLAIMLEDGER_SV_MODEL points the tests at another build (e.g. a --quick one, which must fail).
MODEL_DIR = Path(
    os.environ.get("CLAIMLEDGER_SV_MODEL")
    or Path(__file__).resolve().parents[2] / "src" / "claimledger" / "models" / "sv"
)
RULER = "attribute_ruler"

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").is_file(), reason="Swedish model not built (run scripts/train_sv.py)"
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy.load(MODEL_DIR)


@pytest.fixture(scope="module")
def fast():  # type: ignore[no-untyped-def]
    """Tokenizer + sentence split only, as the product runs it on whole articles."""
    return spacy.load(MODEL_DIR, enable=[RULER, "senter"])


def _sents(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in doc.sents]


# --- package layout and metadata ------------------------------------------------------------


def test_loads_without_custom_code_and_is_small() -> None:
    cfg = (MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    assert "claimledger.sv_tokenizer" not in cfg  # the training-time callback is not needed
    assert not (MODEL_DIR / "model-last").exists()
    assert not (MODEL_DIR / "model-best").exists()
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 30_000_000, f"model is {size / 1e6:.1f} MB"


def test_pipeline_components(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.lang == "sv"
    assert nlp.pipe_names == [
        RULER, "senter", "tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"
    ]
    assert nlp.disabled == []
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}


def test_meta_licence_and_scores() -> None:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    perf = meta["performance"]
    # Real, trained model (a --quick smoke build stays far below these).
    assert perf["upos_acc"] > 0.85
    assert perf["dep_las"] > 0.60
    assert perf["lemma_acc"] > 0.85
    assert perf["sents_f"] > 0.80
    assert perf["ents_f"] > 0.65


def test_model_card_has_scores_licence_and_attributions() -> None:
    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "QUICK" not in card
    for needle in ("CC BY-SA 4.0", "Talbanken", "PUD", "Klintberg", "Sparv", "scripts/train_sv.py"):
        assert needle in card, needle
    for metric in ("UPOS accuracy", "Lemma accuracy", "UAS / LAS", "Sentence F1", "F1"):
        assert metric in card, metric
    upos = re.search(r"\| UPOS accuracy \| (\d+\.\d+) \|", card)
    assert upos is not None and 85.0 < float(upos.group(1)) <= 100.0
    ner = re.search(r"\*\*F1 (\d+\.\d+)\*\*", card)
    assert ner is not None and float(ner.group(1)) > 65.0
    for label in ("PER", "ORG", "LOC", "MISC"):
        assert re.search(rf"\| {label} \| \d+\.\d+ \| \d+\.\d+ \| \d+\.\d+ \|", card), label


# --- tokenizer and sentences ----------------------------------------------------------------


def test_abbreviations_are_single_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Åklagaren kräver bl.a. fängelse, dvs. ett år, för ca 40 brott t.ex. i Lund.")
    words = [t.text for t in doc]
    assert "bl.a." in words
    assert "dvs." in words
    assert "t.ex." in words
    assert words[-2:] == ["Lund", "."]  # sentence-final period split off a normal word
    assert "bl" not in words and "a." not in words


def test_sentence_final_units_keep_their_period(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Biljetten kostar 250 kr. Resan tar 40 min. Sedan är det slut.")
    words = [t.text for t in doc]
    assert words[3:5] == ["kr", "."]
    assert words[8:10] == ["min", "."]


def test_numbers_with_space_and_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc('Ministern sa:"Vi skickar 12 500 soldater."')
    assert [t.text for t in doc][:5] == ["Ministern", "sa", ":", '"', "Vi"]
    assert "12" in [t.text for t in doc] and "500" in [t.text for t in doc]


TEXT_3 = (
    "Räddningstjänsten larmades vid 14-tiden, bl.a. till en villa i Kalmar. "
    "Enligt polisen skadades ca 15 personer, t.ex. en brandman och en 70-årig kvinna. "
    "Ingen av dem är allvarligt skadad."
)
STARTS_3 = ["Räddningstjänsten", "Enligt", "Ingen"]


def test_sentences_full_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    sents = list(nlp(TEXT_3).sents)
    assert [s[0].text for s in sents] == STARTS_3


def test_sentences_senter_only(fast) -> None:  # type: ignore[no-untyped-def]
    assert fast.pipe_names == [RULER, "senter"]
    sents = list(fast(TEXT_3).sents)
    assert [s[0].text for s in sents] == STARTS_3


@pytest.mark.parametrize(
    "text",
    [
        "Polisen meddelar att fyra män har gripits, bl.a. en 19-årig man från Uppsala.",
        "Företaget säljer bl.a. cyklar, t.ex. elcyklar och lådcyklar, till ca 30 länder.",
        "Mötet börjar kl. 9 och beräknas pågå till kl. 16 i morgon.",
    ],
)
def test_abbreviation_does_not_end_sentence(nlp, fast, text) -> None:  # type: ignore[no-untyped-def]
    assert len(_sents(nlp(text))) == 1
    assert len(_sents(fast(text))) == 1


# --- tags, lemmas, dependencies -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb", "lemma"),
    [
        ("Statsministern säger att regeringen ska sänka skatten.", "säger", "säga"),
        ("Kommunen uppger att skolan stängs i höst.", "uppger", "uppge"),
        ("Forskarna menar att klimatet blir varmare.", "menar", "mena"),
    ],
)
def test_reporting_verb_is_verb_and_root(nlp, text, verb, lemma) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB"
    assert tok.lemma_ == lemma
    assert tok.dep_ == "ROOT"
    # the subject hangs on the reporting verb, the that-clause too
    assert any(c.dep_.startswith("nsubj") and c.i == 0 for c in tok.children)
    assert any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in tok.children)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Enligt Försvarsmakten har ubåten lämnat svenskt vatten.", "Försvarsmakten"),
        ("Enligt den lokala polisen har två personer skadats.", "polisen"),
        ("Arbetslösheten har ökat, enligt Statistiska centralbyrån.", "centralbyrån"),
    ],
)
def test_enligt_is_adp_attached_to_its_noun(nlp, text, noun) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    enligt = next(t for t in doc if t.lower_ == "enligt")
    assert enligt.pos_ == "ADP"
    assert enligt.dep_ == "case"
    assert enligt.head.text == noun
    assert enligt.head.dep_ == "obl"


def test_number_and_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Regeringen skickar 300 soldater till Lettland.")
    num = doc[2]
    assert num.text == "300" and num.pos_ == "NUM"
    assert num.dep_ == "nummod" and num.head.text == "soldater"


# --- named entities -------------------------------------------------------------------------


def _ents(doc) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(e.text, e.label_) for e in doc.ents}


def test_ner_person_and_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("– Vi måste agera nu, säger Anna Lindqvist, presschef på Volvo, till Dagens Nyheter.")
    ents = _ents(doc)
    assert ("Anna Lindqvist", "PER") in ents
    assert any(label == "ORG" for _, label in ents)


def test_ner_person_and_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Statsminister Magnus Ek besökte Göteborg och Malmö under tisdagen.")
    ents = _ents(doc)
    assert ("Magnus Ek", "PER") in ents
    assert ("Göteborg", "LOC") in ents
    assert ("Malmö", "LOC") in ents


def test_irregular_reporting_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hon sa att polisen uppgav att mannen medgav brottet.")
    by_text = {t.text: t for t in doc}
    for form, lemma in (("sa", "säga"), ("uppgav", "uppge"), ("medgav", "medge")):
        assert by_text[form].pos_ == "VERB", form
        assert by_text[form].lemma_ == lemma, form
    assert by_text["sa"].dep_ == "ROOT"
    assert by_text["uppgav"].head.text == "sa"
    assert by_text["polisen"].head.text == "uppgav" and by_text["polisen"].dep_ == "nsubj"


@pytest.mark.parametrize(
    ("text", "first", "rest", "noun"),
    [
        ("Försvaret skickar 12 000 soldater till gränsen.", "12", "000", "soldater"),
        ("Enligt myndigheten har drygt 40 000 hushåll fått elen tillbaka.", "40", "000", "hushåll"),
    ],
)
def test_number_written_with_space(nlp, text, first, rest, noun) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == first)
    assert doc[i + 1].text == rest
    assert doc[i].pos_ == "NUM" and doc[i + 1].pos_ == "NUM"
    assert doc[i].head.text == noun and doc[i].dep_ == "nummod"
    assert doc[i + 1].head.i == i
