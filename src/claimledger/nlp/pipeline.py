"""The spaCy pipelines, one per language: the only module that imports spaCy.

Why blocks: an article is cut into lines (paragraphs: ``windows.paragraphs``), and only lines that hold a cue
word, a number or a quotation are run through the statistical pipeline; the rest are
never parsed. Sentences never cross a line break, and records index the article text
through each block's offset. A line too long for one Doc is cut into windows (see
``windows.py``), and Docs are made a few at a time, so memory holds a bounded number of them
whatever the article's length.
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
import srsly
from spacy.attrs import DEP, IS_ALPHA, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from claimledger.nlp import lexicon
from claimledger.nlp.components.factories import ATTRIBUTIONS, QUANTITIES, blank_language, rule_components
from claimledger.nlp.models import english_model
from claimledger.nlp.spans import mark_before
from claimledger.nlp.windows import bound_sentences, paragraphs, windows

MODELS = Path(__file__).resolve().parent.parent / "models"
_DIGIT = re.compile(r"\d")
_BATCH = 1000
"""Lines taken at once (spaCy's own batch size): a bound on short lines, as _BATCH_CHARS is on long ones."""
_BATCH_CHARS = 12_000
"""Characters parsed at once: a model's working memory grows with the tokens in flight."""


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the article: ``doc`` (None when the line holds nothing worth parsing) indexes
    ``text[offset:offset+len(line)]``."""

    offset: int
    text: str
    doc: Doc | None
    line: int
    """Position of the line among the article's non-empty lines: tells which paragraphs are adjacent."""
    part: int = 0
    """Which window of its line this is (0 for the first, and for every line of ordinary length)."""
    final: bool = True
    """Whether this is the line's last window: only a line's last window leads into the next line."""


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``: its model (our trained Swedish one, en_core_web_sm, or a blank
    tokenizer), then the rule components its ``pipeline.tsv`` lists."""
    nlp = _glued_quotes(_numpy_matmul(_load_model(lang)), lang)
    for name in rule_components(lang):
        nlp.add_pipe(name, config={"lang": lang}, last=True)
    return nlp


def _load_model(lang: str) -> Language:
    if lang == "en":
        return _load_english()
    override = os.environ.get(f"CLAIMLEDGER_MODEL_{lang.upper()}")
    model_dir = Path(override) if override else MODELS / lang
    if (model_dir / "config.cfg").is_file():
        rules = lexicon.load(lang).word_class("rules")
        if "dependency" in rules:
            return _bounded(spacy.load(model_dir, exclude=["trainable_lemmatizer", "lemmatizer"]))
        # The rules need tags and sentences, not trees: the model's senter splits news sentences more
        # reliably than its parser (97 vs 92 F1), and skipping the parse is most of the time.
        nlp = spacy.load(model_dir, exclude=["parser", "trainable_lemmatizer", "lemmatizer"])
        if "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        return _bounded(nlp)
    nlp = spacy.blank(blank_language(lang))
    nlp.add_pipe("sentencizer")
    return _bounded(nlp)


class _PredictOps(NumpyOps):  # type: ignore[misc]  # thinc ships it untyped (Cython)
    """thinc's CPU ops for models that only predict, as every pipeline here does: a maxout layer's
    best piece is numpy's element-wise maximum of its pieces, not thinc's kernel, which also
    records which piece won (for training only) and took 0.39 ms against 0.12 ms on an
    article's (981, 96, 3) activations, five times an article in the tok2vec. The maximum of
    finite floats is exact, so the same numbers come out (tags, trees and records checked on
    the PolNeAR and Swedish dev sets and the raw pages' ledger); which piece won is not kept,
    and training through these ops fails (``backprop_maxout`` is given None)."""

    def maxout(self, X: Any) -> Any:
        if X.ndim != 3 or X.shape[2] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, None


_MATMUL_OPS = _PredictOps(use_blis=False)


def _numpy_matmul(nlp: Language) -> Language:
    """Have every layer of the models multiply its matrices through numpy rather than BLIS.

    Why: the models' time is nearly all matrix products (the tok2vec's maxout layers and the
    parser's hidden layer), and thinc's default CPU backend does them with its bundled BLIS,
    which on this class of machine (AVX2/AVX-512 x86) runs about a third as fast per core as
    the OpenBLAS numpy ships with: 31 against 98 GFLOP/s on the tok2vec's shapes. Same float32
    products, so the same tags, trees and records (checked on the PolNeAR and Swedish dev
    sets); a third less time per English article (``benchmarks/bench_english.py``).
    """
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = _MATMUL_OPS
    return nlp


def _glued_quotes(nlp: Language, lang: str) -> Language:
    """Split a comma or colon glued to a quotation mark after a word (*said,“Look*, as pages whose
    spacing was lost write it): spaCy's infixes split a comma between letters only, so the cue,
    the comma and the quotation's first word were one token and no rule saw the cue."""
    marks = "".join(sorted(lexicon.load(lang).word_class("quote_open") - {"''"}))
    if not marks:
        return nlp
    glued = rf"(?<=\w)[,:](?=[{re.escape(marks)}])|(?<=[,:])[{re.escape(marks)}](?=\w)"
    tokenizer: Any = nlp.tokenizer
    infixes = getattr(tokenizer.infix_finditer, "__self__", None)  # the model's compiled infix pattern
    pattern = f"{infixes.pattern}|{glued}" if isinstance(infixes, re.Pattern) else glued
    tokenizer.infix_finditer = re.compile(pattern).finditer  # one pattern: matches in order, as spaCy needs
    return nlp


def _bounded(nlp: Language) -> Language:
    """Add the sentence bound: before a parser (which keeps the cuts it is given), else last."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimledger_bound_sentences", before="parser")
    else:
        nlp.add_pipe("claimledger_bound_sentences", last=True)
    return nlp


def _load_english() -> Language:
    """en_core_web_sm without what the rules never read, for speed (one core, >= 10 articles/s).

    Left out, as ``lang/en/words.tsv`` says (``pipeline_exclude``): the lemmatizer, and the
    entity recognizer, which costs as much as tagger and parser together and only fed
    actor mentions. The attribute ruler, a Matcher over 179 patterns, is swapped for a table
    built from its own patterns that sets the coarse tags the rules read (``pos_``) the same way.
    """
    exclude = set(lexicon.load("en").word_class("pipeline_exclude"))
    model = english_model()  # the pinned release, checked, or the model the english_model setting names
    nlp = spacy.load(model, exclude=sorted(exclude | {"attribute_ruler"}))
    patterns = _ruler_patterns(model)
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
    nlp.add_pipe("claimledger_hyphen_names", first=True)
    nlp.add_pipe("claimledger_en_pos", config={}, last=True)
    nlp.get_pipe("claimledger_en_pos").tables = (by_tag, by_word)  # type: ignore[attr-defined]
    return _bounded(nlp)


def _ruler_patterns(model: str | Path) -> list[dict[str, Any]]:
    """The attribute ruler's patterns as the model stores them (``attribute_ruler/patterns``).

    Read from the file when the model is a folder: loading the model a second time for its ruler
    alone cost 0.4 s of every process start (a whole Language, tokenizer exceptions included).
    A model named as a package is loaded for its ruler, as before.
    """
    stored = Path(model) / "attribute_ruler" / "patterns"
    if stored.is_file():
        return list(srsly.read_msgpack(stored))
    ruler = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "ner", "lemmatizer"])
    return list(getattr(ruler.get_pipe("attribute_ruler"), "patterns", []))


@Language.component("claimledger_hyphen_names")
def hyphen_names(doc: Doc) -> Doc:
    """*Min-ho*, *Sun-won*, *Jong-un* as one token, as the name they are.

    English tokenization splits a hyphen between letters, which is right for *well-known* and
    wrong for a given name written with its syllables hyphenated: the tagger then reads *Kim
    Min - ho told* as three subjects and the source comes out as *ho*. A capitalised piece, a
    hyphen and a lower-case piece, with no spaces between, are merged before anything reads them.
    A Doc with no hyphen token (most lines) is passed on without building its text.
    """
    if not (doc.to_array(ORTH) == doc.vocab.strings["-"]).any():
        return doc
    spans = [span for m in _HYPHEN_NAME.finditer(doc.text)
             if m.group()[0].isupper() and m.group().rsplit("-", 1)[1].islower()
             and (span := doc.char_span(m.start(), m.end())) is not None and len(span) == 3]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


class _EnglishPos:
    """Coarse tags from fine ones: the attribute ruler's table, then its few parse-aware rules.

    Works on the Doc's arrays, not on Token objects: this runs on every token of every article.
    """

    _MAIN_VERB_DEPS = ("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp")

    def __init__(self) -> None:
        self.tables: tuple[dict[str, str], dict[tuple[str, str], str]] = ({}, {})
        self._ids: dict[str, Any] | None = None

    def _compile(self, doc: Doc) -> dict[str, Any]:
        h = doc.vocab.strings.add
        by_tag, by_word = self.tables
        words = lexicon.load("en").word_class
        return {
            "tag": {h(t): POS_IDS[p] for t, p in by_tag.items()},
            "word": {(h(t), h(w)): POS_IDS[p] for (t, w), p in by_word.items()},
            "aux": {h("aux"), h("auxpass")}, "to": h("TO"), "sp": h("_SP"), "in": h("IN"), "mark": h("mark"),
            "dt": {h("DT"), h("WDT")}, "det_deps": {h("det"), h("quantmod"), 0}, "cc": h("CC"),
            "cc_adverb": {h(x) for x in words("pos_but")},
            "advmod": h("advmod"), "expl": h("expl"), "main": {h(x) for x in self._MAIN_VERB_DEPS},
            # the English function words these rules turn on are data (lang/en/words.tsv)
            "do_have": {h(x) for x in words("pos_do_have")}, "be": {h(x) for x in words("pos_be")},
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
            if tag == k["cc"] and low in k["cc_adverb"] and dep == k["advmod"]:
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
    """Whether a line can hold a record: a figure, a colon lead, a quote, or a trigger word among
    others (a line of one bare word, *enligt* or a name, holds no source, cue and content)."""
    if _DIGIT.search(line):
        return True
    if ":" in line[:60] or any(q in line for q in quote_marks):
        return True
    if len(line.split()) < 2:
        return False
    low = line.lower()
    return any(w in triggers for w in re.findall(r"\w+", low))


@cache
def _triggers(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words and marks that make a line worth parsing, built once per language, not per article."""
    lex = lexicon.load(lang)
    words = lex.cue_words() | frozenset(lex.numbers.get("unit", {})) | frozenset(lex.numbers.get("vague", {}))
    return words, lex.word_class("quote_open") | lex.word_class("dash")


def _pieces(text: str, lang: str) -> Iterator[tuple[Block, bool]]:
    """Every non-empty line (or window of a long line) with its offset, and whether it is worth parsing."""
    triggers, quotes = _triggers(lang)
    n = 0
    led = False  # the line before ended in a colon ('X wrote:'): this one may be all that X wrote
    for start, line in paragraphs(text, _double_marks(lang)):
        if not line.strip():
            continue
        cuts = windows(line)
        for k, (a, b) in enumerate(cuts):
            piece = line[a:b]
            if piece.strip():
                block = Block(start + a, piece, None, n, k, k == len(cuts) - 1)
                yield block, (led and k == 0) or _worth_parsing(piece, triggers, quotes)
        led = line.rstrip().endswith(":")
        n += 1


@cache
def _double_marks(lang: str) -> frozenset[str]:
    """The quotation marks that pair across lines (single ones are apostrophes too), once per language."""
    lex = lexicon.load(lang)
    return (lex.word_class("quote_open") | lex.word_class("quote_close")) - lex.word_class("quote_single")


def blocks(text: str, lang: str) -> Iterator[Block]:
    """Every non-empty line of ``text``, in order, with its offset; only lines worth it are parsed.

    Lazily, ``_BATCH`` parsed lines at a time: a caller that lets each block go holds only a
    batch of Docs, however long the article.
    """
    nlp = load(lang)
    batch: list[tuple[Block, bool]] = []
    size = 0
    for b, keep in _pieces(text, lang):
        batch.append((b, keep))
        size += len(b.text) if keep else 0
        if len(batch) >= _BATCH or size >= _BATCH_CHARS:
            yield from _parse(nlp, batch, lang)
            batch, size = [], 0
    yield from _parse(nlp, batch, lang)


def _parse(nlp: Language, batch: list[tuple[Block, bool]], lang: str) -> Iterator[Block]:
    """The batch's blocks, those worth it parsed: prose through the whole pipeline, other text
    (see ``_is_prose``) only tokenized and cut into sentences."""
    docs = [nlp.make_doc(headline_case(b.text, lang)) if keep else None for b, keep in batch]
    prose = [d is not None and _is_prose(d) for d in docs]
    parsed = iter(nlp.pipe([d for d, p in zip(docs, prose, strict=True) if d is not None and p], batch_size=_BATCH))
    rules = [nlp.get_pipe(name) for name in nlp.pipe_names if name in _RULE_COMPONENTS]
    for (b, _), doc, p in zip(batch, docs, prose, strict=True):
        if doc is not None and p:
            doc = next(parsed)
        elif doc is not None:  # not prose: cut into sentences, then read by the rules untagged
            doc = bound_sentences(_SENTENCIZER(doc))
            for rule in rules:
                doc = rule(doc)
        yield Block(b.offset, b.text, doc, b.line, b.part, b.final)


_HEADLINE_MIN_WORDS = 4
_HEADLINE_LONG = 4
"""Words this long or longer decide whether a line is in Title Case (short ones are often lower case there)."""
_HEADLINE_CAPITALISED = 0.7
_HEADLINE_BREAKS = frozenset(":—-–")
_WORD_RUN = re.compile(r"[^\W\d_]+")
_LONG_WORD = re.compile(rf"[^\W\d_]{{{_HEADLINE_LONG},}}")
"""Whole runs of letters this long or longer: a run is matched entire, so these are the long runs of ``_WORD_RUN``."""
_HEADLINE_CLASSES = ("determiner", "complementizer", "relative", "conjunction", "coordinator", "recipient", "aux",
                     "negation", "subject_pronoun", "person_pronoun", "time_prep", "locative")


def headline_case(line: str, lang: str) -> str:
    """A Title Case headline (*Trump Tells Supporters To Watch The Polls*) as the tagger reads
    running text: the capitals the style puts on cue words and function words are lowered, so
    *Tells* is a verb, not a name. Only the first letter of such a word changes, so every offset
    into the line still holds (the Doc indexes the line; records read the article's own text).
    Names keep their capitals; a line that is not mostly capitalised words is returned as it is."""
    long = _LONG_WORD.findall(line)  # strings only: most lines are prose and stop at the next test
    if not long or sum(w[0].isupper() and not w.isupper() for w in long) < _HEADLINE_CAPITALISED * len(long):
        return line
    words = list(_WORD_RUN.finditer(line))
    if len(words) < _HEADLINE_MIN_WORDS:
        return line
    common = _headline_words(lang)
    out = list(line)
    for k, m in enumerate(words):
        w = m.group()
        if k == 0 or not w[0].isupper() or not w[1:].islower() or w.lower() not in common:
            continue
        if mark_before(line, m.start()) in _HEADLINE_BREAKS:
            continue  # a word that opens a headline's second part keeps its capital
        low = w[0].lower()
        if len(low) == 1:
            out[m.start()] = low
    return "".join(out)


@cache
def _headline_words(lang: str) -> frozenset[str]:
    lex = lexicon.load(lang)
    words = set(lex.cue_words())
    for name in _HEADLINE_CLASSES:
        words |= lex.word_class(name)
    return frozenset(w for w in words if " " not in w)


_SENTENCIZER = Sentencizer()
_HYPHEN_NAME = re.compile(r"\b[^\W\d_]{2,}-[^\W\d_]{1,4}\b")
"""A capitalised piece, a hyphen and a short lower-case piece: *Min-ho*, *Jong-un* (not *well-known*)."""
_RULE_COMPONENTS = frozenset({ATTRIBUTIONS, QUANTITIES})
_PROSE_MIN_WORDS = 0.3
_PROSE_MAX_DENSITY = 0.4


def _is_prose(doc: Doc) -> bool:
    """Whether the statistical pipeline should read this Doc: anything short, and longer text where
    words are at least 30% of the tokens and tokens at most 0.4 a character.

    Why: the models cost the same per token, and a run of quotation marks, dashes or digits
    has three times the tokens per character of prose, so it would cost three times as much
    per KB to tag marks and numbers a tagger trained on prose has nothing to say about. News
    is far from both limits (in the dev sets and PolNeAR's training set, lines of 30 tokens or
    more are at least 0.4 words, lines of 60 or more at most 0.30 tokens a character, and the
    test applies from 100 tokens); such text is read by the rules untagged, as a language
    without a model is.
    """
    n = len(doc)
    if n < 100:
        return True
    words = int(doc.to_array(IS_ALPHA).sum())
    return words >= _PROSE_MIN_WORDS * n and n <= _PROSE_MAX_DENSITY * len(doc.text)
