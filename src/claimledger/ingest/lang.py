"""Which language an article is in: an ISO 639-1 code, or ``"und"`` when we cannot tell.

The language picks the spaCy pipeline downstream, so the costly mistake is not "Thai
called Lao" but a Norwegian or Danish page handed to the Swedish pipeline (or the
reverse): the words look alike, the cue lexicons do not. py3langid's full model keeps the
three apart well on real text; we add two guards around it:

* Norwegian comes out under one code. The model has ``no`` and ``nn`` (and some tools say
  ``nb``); downstream cares about "Norwegian, not Swedish", so all become ``no``, through
  ``lang/aliases.tsv`` (data, so a new variety needs no code).
* Letters no model can argue with. Swedish writes ä/ö, Norwegian and Danish write æ/ø.
  When the model picks within the three and the letters clearly say otherwise, the letters
  win (a short Swedish teaser with no rare words is the typical case).

Texts with fewer than ``MIN_LETTERS`` letters get ``"und"``: a headline fragment or a
byline is not evidence. The model is loaded once, lazily, because it takes a moment.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from claimledger.lang import table

MIN_LETTERS = 20
"""Fewer letters than this is too little evidence: the answer is ``"und"``."""
SAMPLE_CHARS = 6_000
"""Classify at most this many characters; more text changes nothing but the time taken."""
UNDETERMINED = "und"

_ALIASES = {row[0]: row[1] for row in table(None, "aliases.tsv") if len(row) >= 2}
"""Detector and page codes -> the code whose folder serves them (``lang/aliases.tsv``: nb, nn -> no)."""
_SCANDINAVIAN = ("sv", "no", "da")
_SWEDISH_ONLY = set("äöÄÖ")
_DANO_NORWEGIAN_ONLY = set("æøÆØ")


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with normalised probabilities (loaded on first use).

    Its feature table ships as float16 and every call gathered the rows a text hits and
    widened them to float32 for the product: on an article of 5,000 characters that
    widening was 1.6 of the 3 ms detection took. Widened once here (57 MB), the rows
    gathered are the same float32 numbers, so the scores are bit for bit the same.
    """
    import numpy
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if getattr(identifier, "nb_ptc", None) is not None and identifier.nb_ptc.dtype == numpy.float16:
        identifier.nb_ptc = identifier.nb_ptc.astype(numpy.float32)
    return identifier


def has_letters(sample: str, count: int) -> bool:
    """Whether ``sample`` holds at least ``count`` letters; stops reading once it has seen them."""
    return sum(1 for _ in itertools.islice(filter(str.isalpha, sample), count)) >= count


def _letter_vote(sample: str) -> str | None:
    """``"sv"`` or ``"no/da"`` when the special letters clearly point one way, else None."""
    sv = sum(map(sample.count, _SWEDISH_ONLY))
    nd = sum(map(sample.count, _DANO_NORWEGIAN_ONLY))
    if sv >= 3 * nd + 2:
        return "sv"
    if nd >= 3 * sv + 2:
        return "no/da"
    return None


def _rank(sample: str) -> list[tuple[str, float]]:
    """All languages, best first, with Norwegian variants folded into ``no``."""
    merged: dict[str, float] = {}
    for code, score in _identifier().rank(sample):
        key = _ALIASES.get(str(code), str(code))
        merged[key] = merged.get(key, 0.0) + float(score)
    return sorted(merged.items(), key=lambda item: item[1], reverse=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``"und"`` if it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return UNDETERMINED
    ranked = _rank(sample)
    best = ranked[0][0] if ranked else UNDETERMINED
    if best in _SCANDINAVIAN:
        vote = _letter_vote(sample)
        if vote == "sv":
            best = "sv"
        elif vote == "no/da" and best == "sv":
            best = next((code for code, _ in ranked if code in ("no", "da")), "no")
    return best


def normalize_language(tag: str | None) -> str | None:
    """The primary subtag of a declared language tag (``sv-SE`` -> ``sv``, ``nb`` -> ``no``)."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 3:
        return None
    return _ALIASES.get(primary, primary)


def choose_language(text: str, declared: str | None = None) -> str:
    """Detect the language; fall back to what the page or feed declares when detection cannot tell.

    Detection comes first because declarations are often copied from a template (an
    English ``<html lang>`` on a Swedish article); the declaration is used only when the
    text is too short to classify.
    """
    found = detect_language(text)
    if found == UNDETERMINED:
        return normalize_language(declared) or UNDETERMINED
    return found
