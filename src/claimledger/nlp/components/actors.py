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


def _holds(words: tuple[str, ...], alias: tuple[str, ...]) -> bool:
    n = len(alias)
    return any(words[i : i + n] == alias for i in range(len(words) - n + 1))


def actor_key(source: str, lex: Lexicon) -> str | None:
    """The canonical actor a source names, or its own normalised words; None for pronouns and non-names."""
    words = _words(source.split(",")[0]) or _words(source)  # 'Petro Andriusjtjenko, rådgivare till ...'
    if not words:
        return None
    pronouns = lex.word_class("subject_pronoun")
    if len(words) == 1 and words[0] in pronouns:
        return None
    best: tuple[int, str] | None = None
    for canonical, _kind, aliases in lex.actors:
        for alias in aliases:
            if _holds(words, alias) and (best is None or len(alias) > best[0]):
                best = (len(alias), canonical)
            if best and best[0] >= len(alias):
                break
    if best:
        return best[1]
    dets = lex.word_class("determiner")
    while len(words) > 1 and words[0] in dets:
        words = words[1:]
    return " ".join(words)


def resolve_pronouns(sources: Sequence[tuple[str | None, str | None, str | None]], lex: Lexicon) -> list[str | None]:
    """Actor keys for a run of (source words, actor key, source kind) in text order.

    *han/hon/he/she* take the nearest earlier source that is a person (or, failing that,
    any named one); *de/they/vi/we* the nearest earlier named source of any kind.
    """
    person = lex.word_class("person_pronoun")
    group = lex.word_class("group_pronoun")
    out: list[str | None] = []
    for n, (text, key, _kind) in enumerate(sources):
        words = _words(text or "")
        if key is not None or len(words) != 1 or words[0] not in person | group:
            out.append(key)
            continue
        earlier = [(k, kind) for k, kind in zip(out[:n], (s[2] for s in sources[:n]), strict=True) if k is not None]
        pick = None
        if words[0] in person:
            pick = next((k for k, kind in reversed(earlier) if kind == "person"), None)
        if pick is None and earlier:
            pick = earlier[-1][0]
        out.append(pick)
    return out
