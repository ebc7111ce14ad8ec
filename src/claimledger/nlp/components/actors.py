"""Who a source is: one actor key per source, across languages, and pronouns resolved to it.

*den sydkoreanska militären* and *South Korea's military* get the same key because both
languages' ``actors.tsv`` list them under one canonical English name; any other named source
gets its own words, normalised, as key. A pronoun source (*han*, *she*, *de*) keeps its words in
the text and takes the key of the nearest earlier source it can stand for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger.nlp.lexicon import Lexicon

_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


_Index = tuple[dict[str, tuple[int, ...]], dict[tuple[str, ...], tuple[int, str]]]


def _alias_index(lex: Lexicon) -> _Index:
    """The lengths of the aliases each word opens, longest first, and each alias's first (row number,
    canonical name) in the table; built once per table.

    Why: a source is looked up once per attribution, and trying every alias of every actor
    on each costs thousands of comparisons per record; *the* alone opens a thousand English
    aliases, so each word is tried as the start of an alias of each length it opens, by a lookup.
    """
    return lex.derived("actor_aliases", _build_alias_index)


def _build_alias_index(lex: Lexicon) -> _Index:
    lengths: dict[str, set[int]] = {}
    first: dict[tuple[str, ...], tuple[int, str]] = {}
    for row, (canonical, _kind, aliases) in enumerate(lex.actors):
        for alias in aliases:
            if alias:
                lengths.setdefault(alias[0], set()).add(len(alias))
                first.setdefault(alias, (row, canonical))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}, first


def actor_key(source: str, lex: Lexicon) -> str | None:
    """The canonical actor a source names, or its own normalised words; None for pronouns and non-names.

    The longest alias found in the words wins; between equally long ones, the actor listed first.
    """
    words = _words(source.split(",")[0]) or _words(source)  # 'Petro Andriusjtjenko, rådgivare till ...'
    if not words:
        return None
    pronouns = lex.word_class("subject_pronoun")
    if len(words) == 1 and words[0] in pronouns:
        return None
    lengths, first = _alias_index(lex)
    best: tuple[int, int, str] | None = None  # (-length, row, canonical): the smallest wins
    for i, word in enumerate(words):
        for n in lengths.get(word, ()):  # the longest alias at a word is the only one there that can win
            if i + n <= len(words) and (hit := first.get(words[i : i + n])) is not None:
                if best is None or (-n, hit[0]) < best[:2]:
                    best = (-n, *hit)
                break
    if best:
        return best[2]
    dets = lex.word_class("determiner")
    while len(words) > 1 and words[0] in dets:
        words = words[1:]
    # *an architect who said*, *the study -- which*, *many of whom*: the source keeps its last words
    # as written, the actor not
    trailing = lex.word_class("relative") | _prepositions(lex)
    while len(words) > 1 and (words[-1] in trailing or not any(ch.isalnum() for ch in words[-1])):
        words = words[:-1]
    return " ".join(words)


def resolve_pronouns(sources: Sequence[tuple[str | None, str | None, str | None]], lex: Lexicon) -> list[str | None]:
    """Actor keys for a run of (source words, actor key, source kind) in text order.

    *han/hon/he/she* take the nearest earlier source that may be a person: one of kind person,
    or a name (*Clarke*, *Donald Trump*); failing that, the nearest of a kind ``sources.tsv``
    names (*the ministry*), never a common noun phrase of no known kind (*the section of the
    debate*). *de/they/vi/we* take the nearest earlier named source of any kind. A negative
    source (*no one*, *ingen*) is no antecedent.
    """
    person = lex.word_class("person_pronoun")
    group = lex.word_class("group_pronoun")
    dets = lex.word_class("determiner")
    dates = lex.word_class("weekday") | lex.word_class("month")
    preps = _prepositions(lex)
    negation = lex.word_class("negation")
    out: list[str | None] = []
    last_person: str | None = None  # the nearest earlier resolved key whose source may be a person
    last_body: str | None = None  # ... whose source is of a kind the tables name
    last_any: str | None = None  # the nearest earlier resolved key of any kind
    for text, key, kind in sources:
        words = _words(text or "")
        if key is None and len(words) == 1 and words[0] in person | group:
            key = (last_person or last_body) if words[0] in person else last_any
        out.append(key)
        if key is None or not words or words[0].split("-")[0] in negation:  # *no one said*: nobody to refer to
            continue
        last_any = key
        if kind == "person" or _names_someone(text or "", dets, dates, preps):
            last_person = key
        elif kind != "organisation":
            last_body = key
    return out


_PREPOSITIONS = ("source_prep", "topic_prep", "hearsay_prep", "locative", "partitive", "setting_prep", "adjunct_prep")
"""Word classes whose words end a source's head phrase: *data from the American Community Survey*
and *a majority of Americans* name no one, *Dan Lee at the Review* does."""


def _prepositions(lex: Lexicon) -> frozenset[str]:
    """The words of the ``_PREPOSITIONS`` classes, joined once per lexicon, not once per source."""
    return lex.derived("prepositions", lambda lx: frozenset().union(*(lx.word_class(c) for c in _PREPOSITIONS)))


def _names_someone(source: str, dets: frozenset[str], dates: frozenset[str], preps: frozenset[str]) -> bool:
    """Whether a source's head phrase (up to a comma or a preposition, past its determiners) holds
    a capitalised word that is no day or month (a name)."""
    tokens = _WORD.findall(source.split(",")[0])
    while tokens and tokens[0].lower() in dets:
        tokens = tokens[1:]
    head = next((tokens[:i] for i, t in enumerate(tokens) if t in preps), tokens)  # lower case only: *Of Mice*
    return any(t[:1].isupper() and t.lower() not in dates for t in head)
