"""Which spans contain which, in one sweep rather than every pair.

Why: records are linked across a whole article (a quantity to the claim whose content holds
it, a relayed claim to its host, a name to the source it stands in), and comparing every
record with every other costs the square of their number: on a megabyte of cue words,
hours. A sweep in text order keeps only the hosts still open at each point, so the cost is
the number of records times how many contents overlap at one place, which the sentence
bound of ``windows.py`` keeps small. ``mark_before`` is the same care for one position: what
stands before it, found by stepping back rather than by copying the text up to it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

from claimledger.model import Span


def containing(hosts: Sequence[Span], points: Sequence[Span]) -> Iterator[tuple[int, list[int]]]:
    """For each point, by index and in text order, the indices (in no order) of the hosts that contain it."""
    by_start = sorted(range(len(hosts)), key=lambda i: hosts[i].start)
    open_ends: list[tuple[int, int]] = []
    active: set[int] = set()
    k = 0
    for p in sorted(range(len(points)), key=lambda i: points[i].start):
        point = points[p]
        while k < len(by_start) and hosts[by_start[k]].start <= point.start:
            i = by_start[k]
            heapq.heappush(open_ends, (hosts[i].end, i))
            active.add(i)
            k += 1
        while open_ends and open_ends[0][0] < point.start:
            active.discard(heapq.heappop(open_ends)[1])
        yield p, [i for i in active if hosts[i].end >= point.end]


def narrowest(hosts: Sequence[Span], points: Sequence[Span], exclude_self: bool = False,
              wider_than: Sequence[int] | None = None) -> list[int | None]:
    """For each point, the narrowest host holding it (the first in ``hosts`` order on a tie), or None.

    ``exclude_self``: point *i* may not be hosted by host *i*; ``wider_than``: host *h* counts
    for point *i* only when it is longer than ``wider_than[i]``.
    """
    out: list[int | None] = [None] * len(points)
    for p, found in containing(hosts, points):
        best: tuple[int, int] | None = None  # (length, index): the smallest wins
        for h in found:
            if (exclude_self and h == p) or (wider_than is not None and len(hosts[h]) <= wider_than[p]):
                continue
            if best is None or (len(hosts[h]), h) < best:
                best = (len(hosts[h]), h)
        out[p] = best[1] if best else None
    return out


def first_holding(hosts: Sequence[Span], points: Sequence[Span]) -> list[int | None]:
    """For each point, the first host in ``hosts`` order that holds it, or None."""
    out: list[int | None] = [None] * len(points)
    for p, found in containing(hosts, points):
        out[p] = min(found) if found else None
    return out


def mark_before(text: str, at: int, blanks: str | None = None) -> str:
    """The character before ``at`` once the blanks before it are passed ('' at the start of
    ``text``); ``blanks``: which characters count as blank (default: all whitespace).

    Found by stepping back, never by slicing ``text[:at]``: a rule asking this for every word or
    number of a long line would otherwise copy the line each time, quadratic in its length.
    """
    j = at - 1
    while j >= 0 and (text[j].isspace() if blanks is None else text[j] in blanks):
        j -= 1
    return text[j] if j >= 0 else ""
