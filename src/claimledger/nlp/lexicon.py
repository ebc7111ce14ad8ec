"""Language knowledge, loaded from the data files under ``claimledger/lang/<code>/``.

Rules never name a Swedish or English word: they ask the lexicon. A new language is a
new folder with the same files (cues.tsv, words.tsv, numbers.tsv, approx.tsv,
units.tsv, sources.tsv), not new code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from claimledger.lang import table
from claimledger.model import Certainty

T = TypeVar("T")

CUE_KINDS = ("verb", "prep", "passive", "modal", "noun", "evidence", "adverb", "self")


@dataclass(frozen=True, slots=True)
class Cue:
    """One surface form of a cue, split into lower-case words."""

    words: tuple[str, ...]
    lemma: str
    kind: str
    certainty: Certainty


@dataclass(frozen=True)
class Lexicon:
    """Everything the rules know about one language."""

    lang: str
    cues: dict[str, list[Cue]] = field(default_factory=dict)
    """First word of a cue form -> the cues that start with it, longest first."""
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    """Word classes from words.tsv (complementizer, relative, conjunction, anonymous, ...)."""
    numbers: dict[str, dict[str, float]] = field(default_factory=dict)
    """Number-word kind (unit, scale, vague, article, fraction) -> word -> value."""
    approx: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Approximation kind -> word sequences, longest first."""
    units: dict[str, frozenset[str]] = field(default_factory=dict)
    source_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    actors: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = ()
    """(canonical English name, kind, aliases as word tuples) from actors.tsv."""
    _derived: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def derived(self, name: str, build: Callable[[Lexicon], T]) -> T:
        """A table built from this lexicon once and kept with it (an index of its cues or aliases, a
        joined word set): rules ask per sentence or per source, and rebuilding each time costs."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[no-any-return]

    def word_class(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def cue_words(self) -> frozenset[str]:
        """Every first word of a cue: a cheap filter for sentences worth a closer look."""
        return frozenset(self.cues)




def _split(cell: str) -> list[str]:
    return [w.strip().lower() for w in cell.split(",") if w.strip()]


def _spellings(forms: list[str], variants: list[tuple[str, ...]]) -> list[str]:
    """``forms`` and each one's other spelling (``spelling_variant`` in words.tsv, *ize:ise*:
    *criticized* is also *criticised*), so one row serves both spellings of a language."""
    return list(dict.fromkeys([*forms, *(form.replace(a, b) for form in forms for a, b in variants if a in form)]))


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (cached). Unknown languages get an empty lexicon, so nothing is found."""
    raw_words = {row[0]: _split(row[1]) for row in table(lang, "words.tsv")}
    variants = [tuple(v.split(":", 1)) for v in raw_words.get("spelling_variant", ()) if ":" in v]
    cues: dict[str, list[Cue]] = {}
    for row in table(lang, "cues.tsv"):
        lemma, kind, certainty, forms = row[0], row[1], row[2], row[3]
        if kind not in CUE_KINDS:
            raise ValueError(f"lang/{lang}/cues.tsv: unknown cue kind {kind!r}")
        for form in _spellings(_split(forms), variants):
            parts = tuple(form.split())
            cues.setdefault(parts[0], []).append(Cue(parts, lemma, kind, certainty))  # type: ignore[arg-type]
    for options in cues.values():
        options.sort(key=lambda c: -len(c.words))
    words = {name: frozenset(forms if name == "spelling_variant" else _spellings(forms, variants))
             for name, forms in raw_words.items()}
    numbers: dict[str, dict[str, float]] = {}
    for kind, word, value in table(lang, "numbers.tsv"):
        numbers.setdefault(kind, {})[word.lower()] = float(value)
    approx = {
        row[0]: tuple(sorted((tuple(w.split()) for w in _split(row[1])), key=len, reverse=True))
        for row in table(lang, "approx.tsv")
    }
    units = {row[0]: frozenset(_split(row[1])) for row in table(lang, "units.tsv")}
    kinds = tuple((row[0], tuple(_split(row[1]))) for row in table(lang, "sources.tsv"))
    actors = tuple(
        (row[0], row[1], tuple(tuple(a.split()) for a in sorted(_split(row[2]), key=len, reverse=True)))
        for row in table(lang, "actors.tsv")
    )
    return Lexicon(lang, cues, words, numbers, approx, units, kinds, actors)


@cache
def _confidences(lang: str) -> dict[str, float]:
    return {row[0]: float(row[1]) for row in table(lang, "confidence.tsv") if len(row) >= 2}


def rule_confidence(lang: str, rule: str) -> float:
    """How often the rule that found an attribution was strictly right on the annotated dev sets
    (``confidence.tsv``, written by ``scripts/measure_confidence.py``): the rule's own share,
    else the language's overall share (``*``), else one half for a language never measured."""
    shares = _confidences(lang)
    return shares.get(rule, shares.get("*", 0.5))
