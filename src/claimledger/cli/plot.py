"""The figure history as a PNG: one line per source, so a revision stands out from a repeat.

Why these choices:
- matplotlib's object API with the Agg canvas, never ``pyplot``: no global state, no GUI
  backend picked from the environment, safe in a server thread or a CI job with no display.
- One series per originating source, in date order: users of trackers asked to see who
  revised what, so the sources are not averaged into one line.
- Approximations as bars, not hidden: *about* spans ±10 %, *over* a bar up to 1.15× with an
  upward caret, *under* a bar down to 0.85× with a downward caret, a range from its low
  to its high figure. Denied points get an ×, contested points a red ring.
- Every label is article text (a variable, an actor's name): mathtext parsing is turned
  off on every text we set, so a ``$`` cannot crash or restyle the plot, and legend labels
  that start with ``_`` (which matplotlib would hide) are shown.
- Written through ``outfile.output_binary``, the rule every output file follows: a
  temporary file renamed into place (an interrupted run leaves no half PNG), but a FIFO
  or device written through, a symlink followed, a directory refused.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from claimledger.cli.render import clean, variable
from claimledger.errors import UsageError
from claimledger.link.history import OVER, UNATTRIBUTED, bars
from claimledger.outfile import output_binary

LEGEND_CHARS = 40
"""A source's name in the legend is cut to this many characters, so the plot keeps its width."""


def _label(text: object) -> str:
    """Article words as a plot label: controls shown as U+FFFD (fonts lack the control pictures)."""
    shown = "".join("\ufffd" if "\u2400" <= ch <= "\u2421" else ch for ch in clean(text))
    return " " + shown if shown.startswith("_") else shown


def _series(points: list[dict[str, Any]]) -> dict[str, list[tuple[date, dict[str, Any]]]]:
    by_source: dict[str, list[tuple[date, dict[str, Any]]]] = defaultdict(list)
    for p in points:
        if p["value"] is None:
            continue
        try:
            day = date.fromisoformat(str(p["date"])[:10])
        except ValueError:
            continue
        by_source[p["source"] or UNATTRIBUTED].append((day, p))
    for items in by_source.values():
        items.sort(key=lambda dp: (dp[0], dp[1]["value"]))
    return dict(sorted(by_source.items()))


def plot_history(history: dict[str, Any], path: str | Path) -> Path:
    """Draw ``Ledger.history``'s points into a PNG at ``path``; returns the path written."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    series = _series(history["points"])
    if not series:
        raise UsageError(f"history of {clean(history['variable'])!r} has no dated figures to plot")
    from matplotlib.dates import AutoDateLocator, DateFormatter, date2num

    fig = Figure(figsize=(10, 5), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for source, items in series.items():
        days = np.array([d for d, _ in items], dtype="datetime64[D]")
        values = [float(p["value"]) for _, p in items]
        lo, hi = zip(*(bars(p) for _, p in items), strict=True)
        # one source's figures joined by a line; unattributed ones are many voices: points only
        name = _label(source)
        name = name if len(name) <= LEGEND_CHARS else name[: LEGEND_CHARS - 1] + "…"
        style: dict[str, Any] = {"fmt": "o", "color": "grey"} if source == UNATTRIBUTED else {"fmt": "-o"}
        drawn = ax.errorbar(days, values, yerr=[list(lo), list(hi)], capsize=3, label=name, **style)
        color = drawn.lines[0].get_color()
        for day, p in zip(days, (p for _, p in items), strict=True):
            v = float(p["value"])
            if p["approx"] in ("over", "under"):
                sign = 1 if p["approx"] == "over" else -1
                ax.plot(day, v * (1 + sign * OVER), marker="^" if sign > 0 else "v", color=color)
            if p["denied"]:
                ax.plot(day, v, marker="x", markersize=12, color="black", linestyle="none")
            if p["contested"]:
                ax.plot(day, v, marker="o", markersize=16, markerfacecolor="none", markeredgecolor="red",
                        linestyle="none")
    locator = AutoDateLocator(minticks=3, maxticks=10, interval_multiples=True)  # type: ignore[no-untyped-call]
    locator.intervald[3] = [1, 2, 7, 14]  # days: whole days only, never hours between two reports
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))  # type: ignore[no-untyped-call]
    first, last = min(d for items in series.values() for d, _ in items), max(
        d for items in series.values() for d, _ in items)
    pad = max(1, (last - first).days // 20)
    ax.set_xlim(date2num(first - timedelta(days=pad)), date2num(last + timedelta(days=pad)))  # type: ignore[no-untyped-call]
    fig.autofmt_xdate()
    ax.set_ylabel(_label(history["points"][0].get("unit") or "value"), parse_math=False)
    ax.set_title(_label(variable(history["variable"])), parse_math=False)
    ax.grid(True, alpha=0.3)
    legend = ax.legend(title="source", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    for text in (*legend.get_texts(), legend.get_title()):
        text.set_parse_math(False)
    return _write(fig, Path(path))


def _write(fig: Any, path: Path) -> Path:
    """Save the PNG through ``outfile.output_binary`` (see the module doc)."""
    with output_binary(path) as fh, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph missing from the font is drawn as a box
        fig.savefig(fh, format="png")
    return path
