"""A figure's history as a Vega-Lite specification, for the fact page's interactive plot.

The same points as ``claimledger history --plot`` (``factqueries.history``), one colour and
line per originating source, each point's band (about, over, under, range) as an error bar
drawn with the same reach as the CLI's, denied figures as crosses; hovering a point shows
its source, date, first report, value and wording. The data travel inside the spec as values
(no URL for the browser to fetch), and the page renders it with the vendored vega-embed in
its CSP-safe mode (Vega's expression interpreter: no ``eval``).
"""

from __future__ import annotations

from typing import Any

from claimledger.link.history import UNATTRIBUTED, bars
from claimledger.model import UNDATED

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
"""The spec's ``$schema`` names its version; nothing is fetched from it."""


def history_spec(history: dict[str, Any], fact_id: str) -> dict[str, Any]:
    """The Vega-Lite spec of ``history`` (one variable's points), marking ``fact_id``'s points."""
    values = []
    for p in history["points"]:
        if p["value"] is None or not p["date"] or str(p["date"]).startswith(UNDATED):
            continue  # no figure, or no date to place it at (an undated article)
        below, above = bars(p)
        v = float(p["value"])
        values.append({
            "date": str(p["date"])[:10], "reported": p["reported"] or "", "source": p["source"] or UNATTRIBUTED,
            "value": v, "low": v - below, "high": v + above, "approx": p["approx"], "wording": p["label"],
            "unit": p["unit"] or "", "denied": bool(p["denied"]), "this": p["fact"] == fact_id, "fact": p["fact"],
        })
    tooltip = [{"field": "source", "title": "source"}, {"field": "date", "type": "temporal", "title": "date"},
               {"field": "reported", "title": "first reported"}, {"field": "value", "type": "quantitative",
                                                                   "format": ",", "title": "value"},
               {"field": "approx", "title": "approximation"}, {"field": "wording", "title": "wording"}]
    x = {"field": "date", "type": "temporal", "title": "date of the figure"}
    colour = {"field": "source", "type": "nominal", "title": "originating source"}
    return {
        "$schema": SCHEMA,
        "description": f"Figures reported for {history['variable']} over time, by originating source",
        "width": "container", "height": 280,
        # the marks carry no ARIA of their own: the page's container names the plot, and the
        # table below it gives every point to a screen reader (Vega's per-mark roles have no names)
        "config": {"aria": False},
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "rule", "aria": False},
             "encoding": {"x": x, "y": {"field": "low", "type": "quantitative"}, "y2": {"field": "high"},
                          "color": colour}},
            {"mark": {"type": "line", "opacity": 0.5, "aria": False}, "encoding": {"x": x, "y": {"field": "value",
                                                                              "type": "quantitative"},
                                                                  "color": colour}},
            {"mark": {"type": "point", "filled": True, "size": 90, "aria": False},
             "encoding": {"x": x, "y": {"field": "value", "type": "quantitative", "title": "value"},
                          "color": colour,
                          "shape": {"field": "denied", "type": "nominal", "title": "denied",
                                    "scale": {"domain": [False, True], "range": ["circle", "cross"]}},
                          "strokeWidth": {"condition": {"test": "datum.this", "value": 3}, "value": 0},
                          "stroke": {"value": "black"},
                          "tooltip": tooltip}},
        ],
    }
