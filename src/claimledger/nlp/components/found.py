"""One attribution as the rules find it, in token indices of a block's Doc, and what both rule
engines (``surface`` and ``dependency``) do with a sentence's list of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from claimledger.model import Certainty
from claimledger.nlp.lexicon import Lexicon

Range = tuple[int, int]
"""A half-open range of token indices into the block's Doc."""


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution in token indices of a block's Doc."""

    cue: Range
    content: Range
    source: Range | None
    certainty: Certainty
    kind: str
    rule: str
    parts: tuple[Range, ...] = ()
    relayed: Range | None = None
    """Inside the cue, whom the source relays (*cited* **Kim** *as saying*): ``Attribution.relayed``."""


def bracket_around(d: Doc, s: int, e: int, c0: int, c1: int) -> Range | None:
    """The inside of the round bracket that tokens ``c0 .. c1`` stand in, within tokens ``s .. e``."""
    i = c0 - 1
    while i >= s and d[i].text not in "()":
        i -= 1
    if i < s or d[i].text != "(":
        return None
    j = c1
    while j < e and d[j].text not in "()":
        j += 1
    return (i + 1, j) if j < e and d[j].text == ")" else None


FOLDING = {"modal", "adverb"}


def fold_hearsay(found: list[Found]) -> list[Found]:
    """A hearsay modal inside another attribution's content is that attribution's hedge, not a claim of its own.

    *Minst 30 personer ska ha dödats, rapporterar AP*: AP reports hearsay, so AP's entry becomes
    'reported' and no separate sourceless entry is made. Only the innermost host takes the hedge:
    in *CNN skriver: enligt en tjänsteman ska roboten ha avfyrats*, the official's claim is hearsay,
    CNN's relay of it is not.
    """
    hedged: dict[int, Found] = {}
    keep: list[Found] = []
    for f in found:
        hosts = [g for g in found if g is not f and g.kind not in FOLDING
                 and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]] if f.kind in FOLDING else []
        if not hosts:
            keep.append(f)
            continue
        def depth(g: Found, hosts: list[Found] = hosts) -> int:  # how many other hosts relay g itself
            return sum(1 for h in hosts if h is not g and h.content[0] <= g.cue[0] < h.content[1])

        # the narrowest host, and among equally narrow ones the most deeply relayed (the first on a
        # tie); depth is counted only for the narrowest, not for every host
        narrow = min(g.content[1] - g.content[0] for g in hosts)
        host = max((g for g in hosts if g.content[1] - g.content[0] == narrow), key=depth)
        hedged.setdefault(id(host), f)
    out = []
    for g in keep:
        inner = hedged.get(id(g))
        if inner is not None and g.certainty == "asserted":
            g = replace(g, certainty=inner.certainty)
        out.append(g)
    return out


WEAK_RULES = frozenset({"dep-object", "dep-passive", "dep-infinitive", "dep-prep", "verb-bare"})
"""Rules whose cues (*ordered*, *wants to*, *talked about*) report a stance or a plan rather than a claim."""


def one_role(found: list[Found]) -> list[Found]:
    """Under PolNeAR's convention: an attribution whose cue stands in another's content, fragments or
    source (*said he suspects …*, *the judges who ruled X said …*) is none of its own."""
    def within(f: Found, g: Found) -> bool:
        spans = [g.content, *g.parts, *([g.source] if g.source else [])]
        return any(r[0] <= f.cue[0] and f.cue[1] <= r[1] for r in spans)
    return [f for f in found if not any(g is not f and within(f, g) and not within(g, f) for g in found)]


def drop_embedded(found: list[Found], beliefs: frozenset[Range] = frozenset()) -> list[Found]:
    """A stance or plan inside what someone else is reported to say is part of that content.

    *Trump said he would order a review*: Trump's claim, not a second one by *he* through
    *order*. Nested speech (*X said Y told him*) stays: that is a relay of its own, and so does a
    reportative passive (*"troops are believed to have left," he said*: FORMAT's cue inside the claim).
    """
    out = []
    for f in found:
        if (f.rule in WEAK_RULES or (f.certainty == "estimated" and f.source is None and f.cue not in beliefs)) and any(
            g is not f and g.rule not in WEAK_RULES and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
            for g in found
        ):
            continue
        out.append(f)
    return out


def fold_named_passives(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """A reportative passive inside the clause an 'enligt X' speaks for names no one else: X is the one
    who estimates or reports (*I år bedöms de ha sjunkit med 9 procent, enligt SBI*), so the two are one
    attribution, with the passive's certainty, as a hearsay modal folds into its host. A passive of the
    language's ``state_passive`` class (*misstänks för brott, enligt polisen*) states what X reports about
    someone, a suspicion held, not X's estimate: it stays an entry of its own and X's claim is as put."""
    preps = [g for g in found if g.kind == "prep"]
    if not preps:
        return found
    out, folded = [], {}
    for f in found:
        host = next((g for g in preps if f.kind == "passive" and f.source is None
                     and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
                     and f.content[0] <= g.content[0] and g.content[1] <= f.content[1]), None)
        if host is None or doc[f.cue[1] - 1].lower_ in lex.word_class("state_passive"):
            out.append(f)
        else:
            folded[id(host)] = f.certainty
    return [replace(g, certainty=folded[id(g)]) if id(g) in folded and g.certainty == "asserted" else g
            for g in out]
