"""Which figures make a variable's history: the series a reader would plot.

A variable's facts are not all one series. A story's toll *rises*; beside it the same
article gives parts of it (*six of those who died were in a care home*, *40 in Paiporta*).
A history therefore keeps, for a changing count, the figures that stand at least half as
high as the highest one reported before them, and only follows variables that are counts,
measures or one event's figure: a bare *people* count is background, not a series.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimledger.link.data import concept_kinds

SUBSET_SHARE = 0.5
"""A count below this share of the highest earlier figure is a part of it, not its next value."""
FOLLOWED = frozenset({"count", "outcome", "event", "measure"})


def concept_kind(variable: str | None, lang: str | None) -> str | None:
    """The kind of a variable's concept (``troops|russia|total`` -> count), None when it has none."""
    concept = (variable or "?").split("|")[0]
    return None if concept == "?" else concept_kinds(lang or "en").get(concept)


def followed(concept_kind: str | None) -> bool:
    """Whether a variable of this concept kind has a history worth drawing."""
    return concept_kind in FOLLOWED


def series(points: Sequence[dict[str, Any]], concept_kind: str | None) -> list[dict[str, Any]]:
    """``points`` (each with ``date`` and ``value``) in date order, parts of a running count left out."""
    ordered = sorted(points, key=lambda p: (p["date"] or "", p.get("value") or 0))
    if concept_kind not in ("count", "outcome"):
        return ordered
    out: list[dict[str, Any]] = []
    top = 0.0
    for p in ordered:
        value = float(p.get("value") or 0)
        if value >= SUBSET_SHARE * top:
            out.append(p)
        top = max(top, value)
    return out


UNATTRIBUTED = "unattributed"
"""The series of figures no originating actor stands behind, in plots."""
ABOUT, OVER, UNDER = 0.10, 0.15, 0.15
"""How far a plotted band reaches for *about* (either side), *over* (above), *under* (below)."""


def bars(p: dict[str, Any]) -> tuple[float, float]:
    """How far a history point's band reaches below and above its value (the CLI's plot and the web's)."""
    v, approx = float(p["value"]), p["approx"]
    if approx == "about":
        return abs(v) * ABOUT, abs(v) * ABOUT
    if approx == "over":
        return 0.0, abs(v) * OVER
    if approx == "under":
        return abs(v) * UNDER, 0.0
    if approx == "range" and p["value_max"] is not None:
        return 0.0, max(0.0, float(p["value_max"]) - v)
    return 0.0, 0.0
