"""The facts one article's items may join, indexed so that linking stays linear in the article.

Each item of an article is held against every stored candidate fact and every fact the
article itself has made so far. Held against the article's own facts one by one, a long
text with thousands of figures costs the square of their number (1,000 repetitions of one
sentence took 18 s of fact assignment). The scores in ``facts.py`` are zero for most pairs,
and they say when: a figure only joins a quantity fact whose value interval meets its own
(``facts.link_interval``), a claim only a claim fact with which it shares at least two terms,
or, for a denial, one of its own actor's denials. ``Pool`` keeps the article's new facts
indexed by exactly those (value bands, terms, denying actors) and hands ``assign`` the facts
that may score above zero, in the order the full scan would have met them, so every
decision is the one the full scan made, as long as no band or term holds more than
``BAND_REACH`` or ``REACH`` of the article's facts. Stored candidates are few (the store returns only
those under the items' keys) and are always held against the item.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from claimledger.link.facts import State, claim_item_terms, claim_terms, denies, link_interval, overlap
from claimledger.link.features import Item
from claimledger.link.scope import independence_root
from claimledger.model import FactMention

_FLOOR = -6.5
"""Every value at or below 10**-6.5 (zero and figures below zero included) falls in the lowest band,"""
_CEILING = 49.5
"""and every value above 10**49.5 in the highest."""
FINE = 100
"""Bands per decade for single figures, whose link intervals span a few per cent at most (*about*)."""
COARSE = 2
"""Bands per decade for ranges (*10,000-12,000*), which only meet ranges and may span decades."""


REACH = 200
"""The latest facts sharing a term that a claim is held against, and ``BAND_REACH`` the latest
facts of a value band that a figure is. Exact below them: an article states fewer figures of one
value, or claims sharing one term, than this; a text that repeats one figure or word thousands
of times (a table, a hostile page) is held to the latest only, and its linking stays linear."""
BAND_REACH = 64


def _band(x: float, per_decade: int) -> int:
    """The band of a value; neighbouring values are in one band or in adjacent ones."""
    low, high = math.floor(_FLOOR * per_decade), math.floor(_CEILING * per_decade)
    if math.isnan(x) or x <= 10**_FLOOR:
        return low
    if math.isinf(x):
        return high
    return max(low, min(high, math.floor(math.log10(x) * per_decade)))


def _bands(lo: float, hi: float, per_decade: int, pad: int) -> range:
    """The bands an interval covers, widened by ``pad`` on each side: ``facts.overlap`` lets two
    intervals that touch within a rounding margin meet, and such a touch may cross a band edge."""
    return range(_band(lo, per_decade) - pad, _band(hi, per_decade) + pad + 1)


class Pool:
    """The stored candidate facts of an article and the facts it makes, with an index of the
    latter; iterating gives every fact in the order it entered."""

    def __init__(self, stored: list[State], lang: str) -> None:
        self._states = list(stored)
        self._stored = len(stored)
        self._lang = lang
        self._bands: dict[tuple[bool, int], list[int]] = {}
        self._terms: dict[str, list[int]] = {}
        self._denying: dict[str, list[int]] = {}
        self._intervals: dict[int, tuple[float, float]] = {}
        self._indexed_terms: list[set[str]] = []
        self._own: dict[int, int] = {}  # id() of a fact the article made -> its place

    def __iter__(self) -> Iterator[State]:
        return iter(self._states)

    def __len__(self) -> int:
        return len(self._states)

    def add(self, state: State) -> None:
        """A fact the article makes, before its first mention is added."""
        n = len(self._states)
        self._states.append(state)
        self._indexed_terms.append(set())
        self._own[id(state)] = n
        f = state.fact
        if f.kind == "quantity" and f.value is not None:
            ranged = f.approx == "range"
            lo, hi = link_interval(f.value, f.value_max, f.approx)
            self._intervals[n] = (lo, hi)
            for b in _bands(lo, hi, COARSE if ranged else FINE, 1):
                self._bands.setdefault((ranged, b), []).append(n)
        elif f.kind == "claim":
            self._index_terms(n, claim_terms(f.label, f.lang or self._lang))

    def mention(self, state: State, m: FactMention) -> None:
        """A mention joins a fact; a fact the article made is found by its words from then on."""
        state.mentions.append(m)
        n = self._own.get(id(state))
        if n is None or state.fact.kind != "claim":
            return
        self._index_terms(n, claim_terms(m.text, state.fact.lang or self._lang))
        if m.actor and denies(m):
            ids = self._denying.setdefault(independence_root(m.actor), [])
            if not ids or ids[-1] != n:
                ids.append(n)

    def candidates(self, item: Item, actor: str | None = None) -> list[State]:
        """Every fact ``item`` may score above zero against, in the order the facts entered:
        all stored candidates, then those of the article's own facts the index points to."""
        own: set[int] = set()
        if item.kind == "q":
            if item.value is not None:
                ranged = item.approx == "range"  # a range only meets a range (``facts.quantity_score``)
                lo, hi = link_interval(item.value, item.value_max, item.approx)
                for b in _bands(lo, hi, COARSE if ranged else FINE, 0):
                    own.update(self._bands.get((ranged, b), ())[-BAND_REACH:])
                own = {n for n in own if overlap((lo, hi), self._intervals[n])}  # as ``quantity_score`` asks
        else:
            mine = claim_item_terms(item)
            seen: dict[int, int] = {}
            if len(mine) >= 2:  # every bar asks for two shared terms at least
                for t in mine:
                    for n in self._terms.get(t, ())[-REACH:]:
                        seen[n] = seen.get(n, 0) + 1
            own = {n for n, c in seen.items() if c >= 2}
            if actor and item.certainty == "denied":
                own.update(self._denying.get(independence_root(actor), ())[-REACH:])
        return self._states[: self._stored] + [self._states[n] for n in sorted(own)]

    def _index_terms(self, n: int, terms: frozenset[str]) -> None:
        done = self._indexed_terms[n - self._stored]
        for t in terms - done:
            self._terms.setdefault(t, []).append(n)
        done |= terms
