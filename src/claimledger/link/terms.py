"""Words as the linker reads them: sentences, content terms, language-neutral terms, story words.

Two claims are one fact when they share the terms that say what they claim, and not merely the
words their whole story shares. This module turns text into those terms: a claim's stemmed
content words (``content_terms``), what it says in words every language shares (countries,
concepts, names: ``neutral_terms``), and an article's most used names and terms, which tell its
story and so cannot be what makes two of its claims one (``story_names``, ``story_terms``,
``story_neutral``). ``sentence`` finds the sentence around a span, by position, so that each of
an article's figures does not reread the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from claimledger.link.data import LinkData, load
from claimledger.link.scope import country_pairs, country_words
from claimledger.model import Span
from claimledger.nlp.spans import mark_before

_NUMBER = re.compile(r"\d")
_BREAK = re.compile("\n")
_STOP = re.compile(r"[.!?](?= )")
_STOP_LEN = 4
SENTENCE_REACH = 1000
"""Characters a sentence may run before or after the span it is asked for."""
STORY_NAMES = 8
STORY_TERMS = 8
STORY_NEUTRAL = 6


def sentence(text: str, span: Span) -> Span:
    """The sentence (or headline line) around a span: from the last boundary before it to the next after it.

    A boundary is a line break or a full stop, exclamation or question mark with a space after
    it; boundaries are found once per text and looked up by position, so an article's figures
    cost one read of it, not one each. No sentence reaches more than ``SENTENCE_REACH``
    characters beyond the span (at a word's edge): a text with no boundaries (a list of numbers
    on one line) is no sentence that each of its figures should read whole."""
    breaks, stops = _boundaries(text)
    left = max(_last_before(breaks, span.start - 1), _last_before(stops, span.start - 2))
    start = 0 if left < 0 else left + 1
    ends = [i for i in (_first_from(breaks, span.end), _first_from(stops, span.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    if span.start - start > SENTENCE_REACH:
        cut = span.start - SENTENCE_REACH
        space = text.find(" ", cut, span.start)
        start = space + 1 if space >= 0 else cut
    if end - span.end > SENTENCE_REACH:
        cut = span.end + SENTENCE_REACH
        space = text.rfind(" ", span.end, cut)
        end = space if space >= 0 else cut
    return Span(start, end)


@lru_cache(maxsize=8)
def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Where each line break stands, and each stop (*. *, *! *, *? *) starts, in order."""
    return [m.start() for m in _BREAK.finditer(text)], [m.start() for m in _STOP.finditer(text)]


def _last_before(at: list[int], upto: int) -> int:
    """The last position in ``at`` at or before ``upto``, -1 if none."""
    k = bisect_right(at, upto)
    return at[k - 1] if k else -1


def _first_from(at: list[int], start: int) -> int:
    """The first position in ``at`` at or after ``start``, -1 if none."""
    k = bisect_left(at, start)
    return at[k] if k < len(at) else -1


def _stem(word: str) -> str:
    return word.lower().replace("’", "'")[:6]


@lru_cache(maxsize=65536)
def content_terms(text: str) -> frozenset[str]:
    """Stemmed content words of a text: the terms two claims must share to state one fact."""
    return frozenset(_stem(w) for w in re.findall(r"\w+", text) if len(w) > _STOP_LEN and not _NUMBER.search(w))


def proper_names(text: str, span: Span) -> frozenset[str]:
    """Capitalised words inside a span that do not start its sentence: names shared across languages."""
    out = set()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-ZÅÄÖ][\w-]{2,})", text[span.start : span.end]):
        out.add(m.group(1).lower())
    return frozenset(out)


def neutral_terms(text: str, data: LinkData) -> frozenset[str]:
    """What a claim says in words every language shares: the countries it names (*finska* and
    *Finnish* are ``k:FI``), the concepts its words name (*kabel* and *cable* are
    ``c:cables``) and its other proper names, first five letters (``n:eagle``)."""
    return _neutral(text, data.lang)


@lru_cache(maxsize=65536)
def _neutral(text: str, lang: str) -> frozenset[str]:
    return frozenset(_neutral_seq(text, lang))


def _neutral_seq(text: str, lang: str) -> list[str]:
    """The neutral terms of ``text``'s words in order, a two-word country name one term. Only a word
    that can open such a name (``_pair_openers``) is looked up with the word after it: every word of
    every article passes here (``story_neutral``)."""
    pairs, openers, out = country_pairs(lang), _pair_openers(lang), []
    matches = list(_TOKEN.finditer(text))
    terms = [_word_terms(m.group(), lang) for m in matches]
    i, n = 0, len(terms)
    while i < n:
        low, country, concept, name = terms[i]
        if low in openers and (pair := pairs.get((low, terms[i + 1][0] if i + 1 < n else ""))) is not None:
            out.append(f"k:{pair}")
            i += 2  # the second word is part of the name
            continue
        if term := country or concept or (name if name and concept is None
                                          and not _starts_sentence(text, matches[i].start()) else None):
            out.append(term)
        i += 1
    return out


_TOKEN = re.compile(r"[\w'’]+")


@lru_cache(maxsize=8)
def _pair_openers(lang: str) -> frozenset[str]:
    """The first words of ``country_pairs``: only these can open a two-word country name."""
    return frozenset(first for first, _second in country_pairs(lang))


@lru_cache(maxsize=65536)
def _word_terms(w: str, lang: str) -> tuple[str, str | None, str | None, str | None]:
    """A word's lower case and the term it is in ``_neutral_seq`` whatever its neighbours: the country
    it names alone (``k:FI``), else its concept (``c:cables``; '' for a unit word, which means something
    only beside a figure: *ha*, *mil*), else the name it is unless it starts a sentence (``n:eagle``)."""
    data, low, countries = load(lang), w.lower().replace("’", "'"), country_words(lang)
    country = f"k:{countries[low]}" if low in countries and (len(low) > 3 or w.isupper()) else None
    concept = (f"c:{found[0]}" if found[1] != "measure" else "") if (found := data.concept_of(w)) else None
    name = (f"n:{low[:5]}" if w[:1].isupper() and len(w) > 2 and not _NUMBER.search(w)
            and low not in data.words("month") | data.words("weekday") else None)
    return low, country, concept, name


@lru_cache(maxsize=256)
def story_neutral(text: str, lang: str) -> frozenset[str]:
    """An article's most used language-neutral terms (``k:FI``, ``c:cables``, ``n:eagle``): what
    every claim of its story shares in any language, so they alone make no two claims one."""
    counts = Counter(_neutral_seq(text, lang))
    return frozenset(t for t, _n in counts.most_common(STORY_NEUTRAL))


def _starts_sentence(text: str, at: int) -> bool:
    before = mark_before(text, at)
    return before == "" or before in ".!?:\"”»"


@lru_cache(maxsize=256)
def story_names(text: str, lang: str) -> frozenset[str]:
    """The names an article uses most (*eagle*, *estlink*, *finland*): what tells its story.

    A name is a capitalised word inside a sentence that the article never writes in lower case
    (so not *The* of a headline) and that is no day or month (*Sunday*, *December*)."""
    return frozenset(n for n, _c in _name_counts(text, lang).most_common(STORY_NAMES))


@lru_cache(maxsize=256)
def all_names(text: str, lang: str) -> frozenset[str]:
    """Every name of an article: where another article's story names are looked for."""
    return frozenset(_name_counts(text, lang))


@lru_cache(maxsize=256)
def _name_counts(text: str, lang: str) -> Counter[str]:
    data = load(lang)
    dates = data.words("month") | data.words("weekday")
    lower = {w for w in re.findall(r"\w+", text) if w[:1].islower()}
    # the set lookups first: most capitalised words are ruled out before their sentence is looked at
    return Counter(
        low for m in re.finditer(r"\b([A-ZÅÄÖ][\w-]{2,})", text)
        if (low := m.group(1).lower()) not in lower and low not in dates and not _starts_sentence(text, m.start()))


@lru_cache(maxsize=256)
def story_terms(text: str) -> frozenset[str]:
    """An article's most used content terms (*north*, *korea*, *troops*, *russia*): what every claim
    of its story shares, so they cannot be what makes two claims one."""
    counts = Counter(_stem(w) for w in re.findall(r"\w+", text) if len(w) > _STOP_LEN and not _NUMBER.search(w))
    return frozenset(t for t, _n in counts.most_common(STORY_TERMS))
