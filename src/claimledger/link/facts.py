"""Same-fact decisions: which stored fact a new figure or claim states, by rule, with the reason.

Figures are compared the way LINKS.md defines a quantitative fact: the same typed variable
(concept, place, total, increment or plan), a day within ``WINDOW_DAYS`` of the fact's, and a
value compatible with the fact's figure once units are converted. Approximations widen a
figure into an interval for this comparison (*about* ±10 %, *nearly* up to 15 % below,
*at least* up to 15 % above), so *approximately 3,000* and *3,000* from one briefing are one
fact, while *3,000* and *1,500* never are. A figure whose concept we do not know may only
join a fact whose figure is the same and whose words around the number agree.

Claims (attributions) join a claim fact when their content terms overlap enough, across
articles of one language; a claim whose terms are too few stays on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from claimledger.link.data import load
from claimledger.link.features import Item, is_vague
from claimledger.link.scope import independence_root
from claimledger.link.terms import content_terms, neutral_terms
from claimledger.model import Fact, FactMention, record_id

WINDOW_DAYS = 7
"""A reporting round: the same figure for the same variable within a week is one fact."""
CLAIM_WINDOW_DAYS = 14
CLAIM_OVERLAP = 0.5
CLAIM_MIN_SHARED = 3
CLAIM_JACCARD = 0.25
"""A claim shares at least three content terms with a fact's first statement, half of the
shorter one's and a quarter of both, to state it: compared with the first statement only, a
story's common words (*North Korea*, *troops*, *Russia*) cannot chain all its claims into one."""
CLAIM_SAME_SOURCE = (2, 0.34, 0.15)
"""(shared terms, overlap, Jaccard) a claim needs with a fact its own source already states."""
CROSS_LANGUAGE = (3, 0.5, 0.3)
CROSS_SAME_SOURCE = (2, 0.4, 0.2)
"""The bars across languages, on language-neutral terms (concepts and names)."""
CROSS_SPECIFIC = 2
"""Shared neutral terms enough across languages when one of them is not among the story's
most used ones (*shadow fleet* in a story of cables and ships)."""
CLAIM_MENTIONS = 12
"""How many of the same actor's mentions of a fact a new claim is compared with."""
STORY_BAR = 0.4
"""Share of the most frequent names two articles must share to be read as one story."""
DENIAL_SCORE = 0.5
TIE_JACCARD = 0.1
"""A claim held wholly by several facts (few terms, all shared) joins the one that shares the most of both."""
STORY_FREE = 1
SAME_WORDS = 0.8
"""A claim sharing this share of its terms with a fact says it in the same words, story words or not."""
"""Terms a claim must share with a fact besides its article's most used ones."""
"""The score of a denial joining its actor's earlier denial in the story, words aside."""


EVENT_WINDOW_DAYS = 45
"""A figure about one fixed event (the crowd at a protest, the cables cut in one night) keeps
the event's date, so restating it weeks later is the same fact (LINKS.md)."""
MENTIONS_COMPARED = 64
"""A figure is held against a fact's latest mentions only, as many as the store loads of a
stored fact: a figure one article repeats thousands of times is not reread at each repetition."""
PLACE_PREFIX = 6
"""Place words that agree in this many first letters (and differ by at most two) are one place."""
LINK_SLACK = 0.025
OVER_SLACK = 0.01
"""How far an approximate figure reaches when two mentions are matched as one fact."""


def window(*concept_kinds: str) -> int:
    """Days within which two figures can be one fact: longer when both are about a fixed event."""
    return EVENT_WINDOW_DAYS if concept_kinds and all(k == "event" for k in concept_kinds) else WINDOW_DAYS


def days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def link_interval(value: float, value_max: float | None, approx: str | None) -> tuple[float, float]:
    """The values a figure is compatible with when deciding that two mentions state one fact.

    Narrower than what a figure asserts: *around 10,000* and *around 11,000* are two figures
    the same day, while *nearly 800,000* and *782,000* are one. A range only meets a range.
    """
    if approx == "range" and value_max is not None:
        return value, value_max
    if approx == "about":
        return _ordered((1 - LINK_SLACK) * value, (1 + LINK_SLACK) * value)
    if approx == "under":
        return _ordered((1 - LINK_SLACK) * value, value)
    if approx == "over":
        return value, (1 + OVER_SLACK) * value  # *at least 155* is not *158*
    return value, value


def _ordered(a: float, b: float) -> tuple[float, float]:
    """A slack taken as a share of a figure below zero (*about -3%*) turns the bounds round."""
    return (a, b) if a <= b else (b, a)


def truth_interval(value: float, value_max: float | None, approx: str | None) -> tuple[float, float]:
    """What a figure asserts, by LINKS.md's rule for contradictions."""
    if approx == "range" and value_max is not None:
        return value, value_max
    if approx == "about":
        return _ordered(0.9 * value, 1.1 * value)
    if approx == "over":
        return value, float("inf")
    if approx == "under":
        return 0.0, value
    return value, value


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals share a value; two spans that only touch at an end do not.

    The rounding margin is taken at the values that meet, so a wide range elsewhere (up to
    a trillion) widens no margin around a small figure."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    eps = 1e-9 * max([1.0, *(abs(x) for x in (lo, hi) if x != float("inf"))])
    if lo < hi - eps:
        return True
    point = a[0] == a[1] or b[0] == b[1]
    return abs(lo - hi) <= eps and point


@dataclass
class State:
    """A fact while one article is being linked: the record and every mention it has so far."""

    fact: Fact
    mentions: list[FactMention] = field(default_factory=list)
    touched: bool = False
    unseen: int = 0
    """Stored mentions not loaded (the store hands over a popular fact's latest ones only):
    counts and sources then build on the fact's stored ones."""
    loaded: int = 0
    """How many of ``mentions`` came from the store; those after them are this article's."""

    _by_root: dict[str, list[FactMention]] = field(default_factory=dict, repr=False)
    _denying: set[str] = field(default_factory=set, repr=False)
    _rooted: int = field(default=0, repr=False)

    def concept(self) -> str | None:
        c = (self.fact.variable or "?").split("|")[0]
        return None if c == "?" else c

    def own(self, root: str) -> list[FactMention]:
        """The mentions whose actor has independence root ``root``, in order (kept up as
        mentions are added, so a fact one source restates a thousand times is not reread
        at each restatement)."""
        self._catch_up()
        return self._by_root.get(root, [])

    def denied_by(self, root: str) -> bool:
        """Whether one of ``root``'s mentions denies."""
        self._catch_up()
        return root in self._denying

    def _catch_up(self) -> None:
        for m in self.mentions[self._rooted :]:
            if m.actor:
                root = independence_root(m.actor)
                self._by_root.setdefault(root, []).append(m)
                if denies(m):
                    self._denying.add(root)
        self._rooted = len(self.mentions)


def _parts(variable: str | None) -> tuple[str | None, str | None, str]:
    concept, scope, total = ((variable or "?||total").split("|") + ["", "total"])[:3]
    return (None if concept == "?" else concept), (scope or None), total


def quantity_score(item: Item, state: State, kinds: dict[str, str]) -> float:
    """How well a figure fits a stored fact: 0 when it cannot be the same fact.

    ``kinds`` maps each concept to its kind: a *generic* concept (people) fits any count;
    a *measure* (hours, km) is weak evidence, so its figures must also share words or names
    around the number; a figure with no concept must give the very same value and agree
    with the fact's words around the number.
    """
    f = state.fact
    if f.kind != "quantity" or f.value is None or item.value is None:
        return 0.0
    concept, scope, figure = _parts(f.variable)
    mine_kind = kinds.get(item.concept or "", "")
    their_kind = kinds.get(concept or "", "")
    if days_apart(item.date, f.date) > window(mine_kind, their_kind):
        return 0.0
    generic = "generic" in (mine_kind, their_kind) and "measure" not in (mine_kind, their_kind)
    if item.concept and concept and item.concept != concept and not generic:
        return 0.0
    if item.scope and scope and not same_place(item.scope, scope):
        return 0.0
    if item.concept and concept and {"increment", "rest"} & {figure, item.figure} and figure != item.figure:
        return 0.0  # *another 1,500*, *the other five* are no total; a plan and a total may be one figure
    if (item.approx == "range") != (f.approx == "range"):
        return 0.0  # *10,000-12,000* is its own figure, not *10,000* nor *12,000*
    if item.vague != is_vague(f.label, f.lang or ""):
        return 0.0  # *dozens of flights* is not *31 flights*, nor *hundreds of thousands* a city's 100,000
    mine = link_interval(item.value, item.value_max, item.approx)
    if not overlap(mine, link_interval(f.value, f.value_max, f.approx)):
        return 0.0
    same_value = abs(item.value - f.value) < 1e-9 * max(1.0, f.value)
    recent = state.mentions[-MENTIONS_COMPARED:]
    context = max((_agreement(item.context, m, "context") for m in recent), default=0.0)
    names = max((_agreement(item.names, m, "names") for m in recent), default=0.0)
    # the share of a mention's story names that this item's article names anywhere
    story = max((_agreement(item.names_all, m, "story") for m in recent), default=0.0)
    score = 1.0 + context + 0.5 * names + (0.5 if same_value else 0.0)
    if item.concept is None or concept is None:
        if not same_value or (context < 0.25 and not (_distinctive(item.value) and names >= 0.3)):
            return 0.0
    elif ("measure" in (mine_kind, their_kind) or not _distinctive(item.value)) and context < 0.25 and names < 0.3:
        # a small figure of one specific concept in the same story (*four cables*) still joins
        if not (same_value and not generic and "measure" not in (mine_kind, their_kind) and story >= STORY_BAR):
            return 0.0
    else:
        score += 0.5 if generic else 1.0
    if item.scope and scope and same_place(item.scope, scope):
        score += 0.5
    return score


def same_place(a: str, b: str) -> bool:
    """*Marseille* and *Marseilles*, *Paris* and *Paris's*: one place under two spellings."""
    short = min(len(a), len(b), PLACE_PREFIX)
    return a[:short] == b[:short] and abs(len(a) - len(b)) <= 2


def _distinctive(value: float) -> bool:
    """A figure unlikely to recur by chance: 1,000 or more, or not a round number."""
    return value >= 1000 or (value >= 20 and value % 10 != 0)


def _agreement(mine: frozenset[str], m: FactMention, name: str) -> float:
    """Overlap of an item's words with the words a stored mention kept under ``name``."""
    other = m.feature(name)
    if not mine or not other:
        return 0.0
    return len(mine & other) / min(len(mine), len(other))


def claim_terms(text: str, lang: str) -> frozenset[str]:
    """What a claim fact's text is held to in its own language: its content terms and the
    concepts it names (``c:cables``)."""
    return content_terms(text) | {t for t in neutral_terms(text, load(lang)) if t.startswith("c:")}


def claim_item_terms(item: Item) -> frozenset[str]:
    """The same of a claim item: its content terms and the concepts it names beyond its story's."""
    return item.terms | {t for t in item.neutral - item.neutral_story if t.startswith("c:")}


def denies(m: FactMention) -> bool:
    """Whether a mention denies what it is a mention of."""
    return "denied" in m.feature("certainty")


def claim_score(item: Item, state: State, lang: str, actor: str | None = None, *, join: bool = True) -> float:
    """Term overlap of a claim with a claim fact, 0 below the bar.

    A claim whose originating actor already states the fact is held against each of that
    actor's mentions and needs less overlap (one speaker restates the point in other words);
    any other claim is held against the fact's first statement only, with the full bar. Across
    languages the terms are the language-neutral ones (concepts and names,
    ``features.neutral_terms``), with a stricter bar. A denial joins only its own actor's
    fact (``join``); asked what it denies (``join=False``), it is held against any fact.
    """
    f = state.fact
    if f.kind != "claim" or days_apart(item.date, f.date) > CLAIM_WINDOW_DAYS:
        return 0.0
    root = independence_root(actor) if actor else None
    own = state.own(root) if root is not None else []
    same_source = bool(own)
    if join and item.certainty == "denied" and not same_source:
        return 0.0  # a denial restates what it denies: it is a fact of its own, linked as a denial
    # other sources are held against the first statement only, so common words cannot chain
    texts = [f.label]
    if same_source:
        texts += [m.text for m in own[:CLAIM_MENTIONS]]
    if f.lang == lang:
        mine = claim_item_terms(item)
        bars = CLAIM_SAME_SOURCE if same_source else (CLAIM_MIN_SHARED, CLAIM_OVERLAP, CLAIM_JACCARD)
        theirs = [claim_terms(t, lang) for t in texts]
    else:
        mine = item.neutral
        bars = CROSS_SAME_SOURCE if same_source else CROSS_LANGUAGE
        other = load(f.lang or "")
        theirs = [neutral_terms(t, other) for t in texts]
    least, overlap_bar, jaccard_bar = bars
    # one actor's denials in one story deny one thing (*unfounded*, *baseless claims*, *nothing to do with it*)
    best = DENIAL_SCORE if (same_source and item.certainty == "denied" and root is not None
                            and state.denied_by(root)) else 0.0
    for terms in theirs:
        common = mine & terms
        shared = len(common)
        specific = common - item.neutral_story
        if shared < least and not (f.lang != lang and shared >= CROSS_SPECIFIC and specific):
            continue
        if f.lang != lang and not same_source and not specific:
            continue  # across languages too, the story's own terms (*drones*, *airport*) make no two claims one
        contained = shared / min(len(mine), len(terms))
        if f.lang == lang and contained < SAME_WORDS and len(common - item.story - item.neutral_story) < STORY_FREE:
            continue  # the story's own words (*North Korea*, *troops*, *Russia*) make no two claims one
        jaccard = shared / len(mine | terms)
        if contained >= overlap_bar and jaccard >= jaccard_bar:
            best = max(best, contained + TIE_JACCARD * jaccard)
    return best


def new_fact(item: Item, article_id: str, lang: str) -> Fact:
    fid = record_id("fact", article_id, item.kind, item.record_id)
    if item.kind == "q":
        return Fact(fid, "quantity", item.text, item.date, item.variable, item.value, item.value_max,
                    item.approx, item.unit, lang)
    return Fact(fid, "claim", item.text[:500], item.date, lang=lang)


def mention(item: Item, fact_id: str, article_id: str, actor: str | None, score: float, why: str,
            also: tuple[str, ...] = (), via: str | None = None) -> FactMention:
    """A fact mention; ``also``: the bodies named beside ``actor`` in a coordinated source;
    ``via``: the speaker who relayed ``actor`` (*lawmaker Park* after an NIS briefing)."""
    features: tuple[tuple[str, tuple[str, ...]], ...]
    if item.kind == "q":
        features = (("context", tuple(sorted(item.context))), ("names", tuple(sorted(item.names))),
                    ("story", tuple(sorted(item.story))))
    else:
        features = (("certainty", (item.certainty,)),)
    if also:
        features += (("also", also),)
    if via:
        features += (("via", (via,)),)
    return FactMention(fact_id, article_id, item.record_id, item.kind, item.date, item.text, actor,
                       item.value, item.value_max, item.approx, round(score, 3), why, features)


def assign(item: Item, states: Sequence[State], lang: str, kinds: dict[str, str],
           actor: str | None = None) -> tuple[State | None, float, str]:
    """The fact an item joins (None: a new one), its score and the reason in words."""
    best: tuple[float, State | None] = (0.0, None)
    for candidate in states:
        s = (quantity_score(item, candidate, kinds) if item.kind == "q"
             else claim_score(item, candidate, lang, actor))
        if s > best[0]:
            best = (s, candidate)
    score, st = best
    if st is None:
        return None, 1.0, "first mention"
    if item.kind == "q":
        apart = days_apart(item.date, st.fact.date)
        why = f"same variable {st.fact.variable}, {item.text!r} fits {st.fact.label!r}, {apart} day(s) apart"
    else:
        why = f"content terms overlap {min(score, 1.0):.0%}"
    return st, score, why


def refine(state: State, item: Item, kinds: dict[str, str]) -> None:
    """A fact first seen without a concept (or a generic one) takes a mention's more specific concept."""
    concept, _scope, _inc = _parts(state.fact.variable)
    vague = concept is None or kinds.get(concept) == "generic"
    if item.kind == "q" and vague and item.concept and kinds.get(item.concept) != "generic":
        state.fact = replace(state.fact, variable=item.variable)
