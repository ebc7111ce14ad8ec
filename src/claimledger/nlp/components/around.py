"""The words around a figure that decide how it reads: a change from one figure to another
(*ökade från 8,1 till 8,7*), a determiner before the number, a noun that names the count before it
(*dödstalet*), a unit shared by a list of figures (*20, 40 eller 60 procent*), and whether what a
figure counts is a span of time. Split from ``measures.py``, which would pass 450 lines; the
words each check turns on are language data (``change_verb``, ``count_head``, ``list_joiner``, ...).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from claimledger.nlp.components.counted import counted_after
from claimledger.nlp.components.measures import code_of, token_at
from claimledger.nlp.lexicon import Lexicon


def change_pair(prev: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*ökade från 8,1 till 8,7*, *rose from 40 to 55*: 'från/from' right before the number and a
    verb of change shortly before it (``change_from``, ``change_verb`` stems): a before and an
    after, each a figure of its own, where *från 50 till 100 personer* alone is a range."""
    if not prev or prev[-1][2] not in lex.word_class("change_from"):
        return False
    stems = lex.word_class("change_verb")
    for _s, _e, w in reversed(prev[:-1]):  # back to the clause's start (*sjönk antalet användare på
        if not w.replace("-", "").isalnum():  # en vecka från 16,4 till 12,4 miljoner*)
            return False
        if any(w.startswith(stem) for stem in stems):
            return True
    return False


def two_figures(prev: list[tuple[int, int, str]], joiner: str, low: float, high: float,
                rest: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether *A to B* is two figures, each with what follows B, rather than one range: a change
    (``change_pair``), or a tally, where B falls below A across a ``tally_joiner`` word (*beat her
    48 to 41 percent*, *leads 312 to 287 in votes*): a falling pair is no range, and the unit or
    noun after it is both figures' (*48 percent* and *41 percent*). A scale after B (*500 to 2
    million*) leaves the pair to the range reading, which scales the low end only where that fits."""
    if change_pair(prev, lex):
        return True
    scaled = bool(rest) and rest[0][2] in lex.numbers.get("scale", {})
    return joiner in lex.word_class("tally_joiner") and high < low and not scaled


def determined(text: str, prev: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether a determiner, a possessive or a genitive mark (*the*, *its*, *operator's*) stands
    right before the number."""
    if not prev:
        return False
    w = lex.word_class
    if prev[-1][2] in w("determiner") | w("possessive"):
        return True
    return len(prev) > 1 and text[prev[-2][0] : prev[-1][1]].lower() in w("genitive_ending")


def count_noun_before(prev: list[tuple[int, int, str]], lex: Lexicon, doc: Doc | None = None) -> tuple[int, int] | None:
    """What a figure counts where a noun that names the count itself (*dödstalet*, *the death toll*,
    *antalet*) stands shortly before the number, within the same clause: that noun; or, in a
    language whose gold writes the count's noun apart (``rules`` has ``count_head_apart``: English),
    the noun phrase of its *of* (*the number of North Korean troops in Russia rose to 3,000*), else
    nothing (*the death toll rose to 52*)."""
    stems = lex.word_class("count_head")
    quantifiers = lex.word_class("quantifier_noun")  # 'ett antal barn', 'stora antal röster': a quantity, not the count
    for i in range(len(prev) - 1, -1, -1):
        s, e, word = prev[i]
        if not word.isalpha() and word not in {"-", "'", "’"}:
            return None  # punctuation ends the clause (a genitive's mark does not)
        if any(word.startswith(stem) for stem in stems) and word not in quantifiers:
            if "count_head_apart" not in lex.word_class("rules"):
                return (s, e)
            rest = prev[i + 1 :]
            if doc is None or len(rest) < 2 or rest[0][2] not in lex.word_class("partitive"):
                return None
            return _of_phrase(rest[1:], lex, doc)
    return None


def _of_phrase(words: list[tuple[int, int, str]], lex: Lexicon, doc: Doc) -> tuple[int, int] | None:
    """The noun phrase after *of*, through a genitive (*Pyongyang's troops*)."""
    span = counted_after(words, lex, doc)[0]
    if span is None:
        return None
    k = next((n for n, (s, _e, _w) in enumerate(words) if s >= span[1]), len(words))
    if (k + 2 < len(words) and words[k][0] == span[1] and words[k][1] == words[k + 1][0]
            and words[k][2] + words[k + 1][2] in lex.word_class("genitive_ending")):  # *'s* read as two words
        head = counted_after(words[k + 2 :], lex, doc)[0]
        if head is not None:
            return (span[0], head[1])
    return span


def shared_unit(nxt: list[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """*20, 40 eller 60 procent*, *tre, fyra och fem kilometer*: where the words after a figure are
    more figures joined by commas and a ``list_joiner`` word and then a unit, the words from that
    unit on (each figure of the list is in it); else ``nxt`` itself. Counted nouns are not shared:
    *45 och 50 fall* may be two counts of different things."""
    joiners = lex.word_class("list_joiner")
    units = lex.numbers.get("unit", {})
    i, joined = 0, False
    while i + 1 < len(nxt) and (nxt[i][2] == "," or nxt[i][2] in joiners) and (
            nxt[i + 1][2].isdigit() or nxt[i + 1][2] in units):
        joined = joined or nxt[i][2] in joiners
        i += 2
    two = " ".join(w for _s, _e, w in nxt[i : i + 2])  # a unit of two words: *percentage points*
    if not joined or i >= len(nxt) or (code_of(nxt[i][2], lex.lang) is None and code_of(two, lex.lang) is None):
        return nxt
    return nxt[i:]


def time_span(words: str, lex: Lexicon) -> bool:
    """Whether ``words`` (what a figure counts) is a span of time: *veckor*, or its genitive before
    a noun of time (*års tid*, *månaders väntan*)."""
    first = words.split()[0].lower() if words.split() else ""
    spans = lex.units.get("time_unit", ())
    return first in spans or (first.endswith("s") and first[:-1] in spans)


class _Figure(Protocol):
    """What ``elided_counts`` reads of a found figure (``quantities.FoundQuantity``, which imports
    this module, so it is named by shape here)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def counted(self) -> tuple[int, int] | None: ...
    @property
    def unit(self) -> str | None: ...


F = TypeVar("F", bound=_Figure)


def elided_counts(figures: list[F], doc: Doc, lex: Lexicon) -> list[F]:
    """*hired 2,300 engineers in Ohio and 1,900 in Texas*: a bare figure conjoined (``conj``) to an
    earlier figure of its sentence, or to the word that governs that figure's noun, counts what that
    figure counts; the noun is left out, not absent. So does a bare figure that a comparison word
    (``set_against``) sets against an earlier one (*won 758 delegates, compared to Lee's 538*).
    Only a figure with neither noun nor unit of its own, so *45 soldiers and 12 civilians* keeps its own."""
    out = list(figures)
    for k, fig in enumerate(figures):
        if fig.counted is not None or fig.unit is not None:
            continue
        tok = token_at(doc, fig.start, fig.end)
        compared = _comparison_above(tok, lex) if tok is not None and tok.dep_ != "conj" else None
        if (tok is None or (tok.dep_ != "conj" and compared is None)
                or any(c.dep_ in {"pobj", "dobj"} for c in tok.children)):
            continue
        for prev in reversed(out[:k]):
            if prev.counted is None or prev.unit is not None:
                continue
            span = doc.char_span(prev.counted[0], prev.counted[1], alignment_mode="expand")
            if span is None or span.sent != tok.sent:
                break
            governors = (span.root, span.root.head, span.root.head.head)
            if tok.head in governors[:2] or (compared is not None and compared.head in governors):
                out[k] = replace(fig, counted=prev.counted)  # type: ignore[type-var]
            break
    return out


def _comparison_above(tok: Token, lex: Lexicon) -> Token | None:
    """The comparison word a figure hangs from, up to three heads above it (*compared* in
    *compared to Lee's 538*, *versus* in *versus 39*), if any."""
    words = lex.word_class("set_against")
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lower_ in words:
            return tok
    return None
