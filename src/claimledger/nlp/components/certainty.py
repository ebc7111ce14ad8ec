"""How firmly a claim is put forward, whether its source can be identified, and what kind of source it is.

The cue decides first (FORMAT.md: *certainty follows the cue*); then words around it
can move it: hearsay sources (*enligt uppgifter*), hedges inside the content (*ska ha*,
*en försiktig bedömning*), and a neutral verb whose content says another claim is false.
"""

from __future__ import annotations

import re

from claimledger.model import Certainty, SourceKind
from claimledger.nlp.lexicon import Lexicon

_WORD = re.compile(r"\w+(?:[-']\w+)*")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_phrase(words: list[str], phrases: frozenset[str], first: int | None = None) -> str | None:
    hay = words if first is None else words[:first]
    joined = " " + " ".join(hay) + " "
    for p in phrases:
        if f" {p} " in joined:
            return p
    return None


def _modal_hearsay(words: list[str], lex: Lexicon) -> bool:
    """A two-word modal cue split by a few words (*ska roboten ha avfyrats*) is hearsay; its first
    word alone (*ska utbildas*) is a plan."""
    pairs = _modal_pairs(lex)
    if not pairs:
        return False
    present = set(words)
    state = lex.word_class("state_aux")  # 'ska vara': the cue finder's tags decide (a plan before an adjective)
    for first, second in pairs:
        if first in present and second not in state:
            for n, w in enumerate(words):
                if w == first and second in words[n + 1 : n + 5]:
                    return True
    return False


def _conditional_clause(words: list[str], lex: Lexicon) -> bool:
    """A conditional word (``conditional``) and right after it a pronoun in the nominative, which only a
    clause's subject takes (*om han skrivit*, not the preposition's *om honom*): the modal of such a
    sentence says what would have been (*skulle aldrig ha blivit känd om han skrivit*), not what is heard."""
    conditional, subjects = lex.word_class("conditional"), lex.word_class("nominative_pronoun")
    return any(w in conditional and nxt in subjects for w, nxt in zip(words, words[1:], strict=False))


def _modal_pairs(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """The two-word modal cues of ``lex``, found once per lexicon: every claim's certainty asks,
    and walking the whole table (a thousand cues) each time was a tenth of the rules' time."""
    return lex.derived("modal_pairs", lambda lx: tuple(
        (c.words[0], c.words[1]) for cues in lx.cues.values() for c in cues if c.kind == "modal" and len(c.words) == 2))


def _possessive_have(words: list[str], lex: Lexicon) -> list[str]:
    """``words`` with each perfect auxiliary that owns a noun phrase (*ska ha en egen dator*,
    *Sverige ska ha en världsledande utbildningsnivå*: a determiner follows) blanked, so
    only *ska ha* + supine reads as hearsay."""
    aux, det = lex.word_class("perfect_aux"), lex.word_class("determiner")
    if not aux or not any(w in aux for w in words):
        return words
    return ["" if w in aux and k + 1 < len(words) and words[k + 1] in det else w for k, w in enumerate(words)]


def is_anonymous(source: str | None, lex: Lexicon) -> bool:
    """True when the words give no way to identify who makes the claim (FORMAT.md's rule)."""
    if not source:
        return True
    words = _words(source)
    if not words:
        return True
    pronouns = lex.word_class("subject_pronoun")
    if len(words) == 1 and words[0] in pronouns:
        return False
    tokens = source.split()
    named = any(t[:1].isupper() for t in tokens[1:]) or (len(tokens) == 1 and tokens[0][:1].isupper()
                                                          and words[0] not in lex.word_class("anonymous"))
    anon = lex.word_class("anonymous")
    hit = _has_phrase(words, anon)
    if named and not (hit and words[0] in anon and not any(t[:1].isupper() for t in tokens[1:])):
        return False
    return hit is not None


def _hearsay(word: str, lex: Lexicon) -> bool:
    """A hearsay source word (*uppgifter*, *reports*), or, where the language writes compounds as one word
    (rule ``closed_compounds``), a compound with one as its head (*mediauppgifter*, *tidningsuppgifter*)."""
    nouns = lex.word_class("hearsay_source")
    return word in nouns or ("closed_compounds" in lex.word_class("rules") and any(
        word.endswith(n) and len(word) - len(n) >= 3 for n in nouns))


def certainty(base: Certainty, kind: str, source: str | None, content: str, lex: Lexicon) -> Certainty:
    """The cue's certainty, moved by hearsay sources (and, where the language's rules say so, by any
    unnamed source of a prepositional cue: ``prep_anonymous_hearsay``), hedges in the content and denials."""
    src = _words(source or "")
    head = src[1:] if len(src) > 1 and src[0] in lex.word_class("definite_article") else src
    if base == "asserted" and src and (_hearsay(head[0], lex)  # 'de uppgifter jag fick'
                                       or _hearsay(src[-1], lex)):  # 'recent reports', 'enligt mediauppgifter'
        return "reported"
    words = _possessive_have(_words(content), lex)
    if base == "asserted" and kind == "prep" and "prep_anonymous_hearsay" in lex.word_class("rules") and (
            is_anonymous(source, lex)):
        return "reported"  # 'according to people familiar with the talks'
    if base == "asserted" and any(w in lex.word_class("estimate_source") for w in src):
        return "estimated"  # 'enligt den egna prognosen'
    if base == "asserted" and _modal_hearsay(words, lex) and not _conditional_clause(words, lex):
        return "reported"
    if base == "asserted":
        if _has_phrase(words, lex.word_class("hedge_reported")):
            return "reported"
        barrier = lex.word_class("hedge_barrier")  # 'barn som sannolikt är X': the relative clause's hedge
        scope = next((k for k, w in enumerate(words) if w in barrier), len(words))
        if _has_phrase(words[:scope], lex.word_class("hedge_estimated"), first=12):
            return "estimated"
        if kind == "verb" and _denies(words, lex):
            return "denied"
    return base


def _denies(words: list[str], lex: Lexicon) -> bool:
    """Whether a content says that another claim is false: a denial phrase (``denial``: *not true*), or
    an adjective of ``denial_adjective`` as the predicate (after ``copula``, one *-ly* adverb allowed:
    *is patently false*; after a claim noun: *called the charges fabricated*), before a claim noun
    (*baseless accusations*) or closing the content. The same adjective before any other noun (*false
    prophets*, *a fake passport*) denies nothing."""
    if _has_phrase(words, lex.word_class("denial")):
        return True
    adjectives = lex.word_class("denial_adjective")
    if not adjectives:
        return False
    claims, copula = lex.word_class("claim_noun"), lex.word_class("copula")
    for k, w in enumerate(words):
        if w not in adjectives:
            continue
        before = words[k - 1] if k else ""
        if before.endswith("ly") and k > 1:
            before = words[k - 2]
        if before in copula or before in claims or k == len(words) - 1 or words[k + 1] in claims:
            return True
    return False


_KINDS: dict[tuple[int, str, bool], tuple[Lexicon, SourceKind | None]] = {}
"""Source kinds already decided, by lexicon, words and anonymity: a source is named again and again,
and each decision tries every stem of sources.tsv. The lexicon is kept beside its answer, so an
answer is only ever reused for the very lexicon that gave it."""


def source_kind(source: str | None, anonymous: bool, lex: Lexicon) -> SourceKind | None:
    """A coarse kind for the source (government, military, outlet...), from stems in sources.tsv."""
    if not source:
        return "anonymous"
    key = (id(lex), source, anonymous)
    hit = _KINDS.get(key)
    if hit is not None and hit[0] is lex:
        return hit[1]
    if len(_KINDS) > 50_000:
        _KINDS.clear()
    kind = _source_kind(source, anonymous, lex)
    _KINDS[key] = (lex, kind)
    return kind


def stem_kind(source: str, lex: Lexicon) -> SourceKind | None:
    """The kind that a word stem of ``sources.tsv`` names in ``source`` (*intelligence*,
    *military*, *agency*...), or None when no stem matches."""
    words = _words(source)
    exact, prefixes, lengths, phrases = _stem_index(lex.source_kinds)
    # the first row whose stem matches: a one-word stem is a word, or (longer than three letters) its start
    first = min((row for w in words for row in (exact.get(w), *(prefixes.get(w[:n]) for n in lengths))
                 if row is not None), default=len(lex.source_kinds))
    joined = " ".join(words)
    first = next((row for row, phrase in phrases if row < first and phrase in joined), first)  # a phrase inside
    return lex.source_kinds[first][0] if first < len(lex.source_kinds) else None  # type: ignore[return-value]


_StemIndex = tuple[dict[str, int], dict[str, int], tuple[int, ...], tuple[tuple[int, str], ...]]
_STEMS: dict[int, tuple[object, _StemIndex]] = {}


def _stem_index(kinds: tuple[tuple[str, tuple[str, ...]], ...]) -> _StemIndex:
    """The table's one-word stems by the first row that has them, those longer than three letters
    (which also match as a word's start) and their lengths, and its phrases with their rows in
    order: the first row that matches wins. Built once per table (``stem_kind`` runs for every new
    source phrase), instead of a test per stem and word."""
    hit = _STEMS.get(id(kinds))
    if hit is not None and hit[0] is kinds:
        return hit[1]
    exact: dict[str, int] = {}
    for row, (_kind, stems) in enumerate(kinds):
        for s in stems:
            if " " not in s:
                exact.setdefault(s, row)
    prefixes = {s: row for s, row in exact.items() if len(s) > 3}
    phrases = tuple((row, s) for row, (_kind, stems) in enumerate(kinds) for s in stems if " " in s)
    index = (exact, prefixes, tuple(sorted({len(s) for s in prefixes})), phrases)
    _STEMS[id(kinds)] = (kinds, index)
    return index


def _source_kind(source: str, anonymous: bool, lex: Lexicon) -> SourceKind | None:
    if not source:
        return "anonymous"
    words = _words(source)
    if len(words) == 1 and words[0] in lex.word_class("subject_pronoun"):
        return "person"
    if len(words) == 1 and words[0] in lex.word_class("relative"):
        return None  # an unresolved *who* or *which*: no kind to tell (and not *WHO*, an organisation)
    if (kind := stem_kind(source, lex)) is not None:
        return kind
    if anonymous:
        return "anonymous"
    tokens = source.split()
    if tokens and all(t[:1].isupper() for t in tokens) and 1 < len(tokens) <= 4:
        return "person"
    return "organisation"
