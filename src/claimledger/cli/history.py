"""``claimledger history TARGET``: how a figure was reported over time, by whom, and what disputed it.

``TARGET`` is a variable (``troops|total``, or words only one variable contains) or a fact
id, which stands for its variable. One point per fact and originating source, so a source
that revised its figure shows as its own line; ``--plot`` draws exactly those points.

The CSV is for spreadsheets, so every text cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: the OWASP list) gets
a leading ``'``; numbers are written as numbers. Text cells also have their control and
bidi characters made visible (``render.clean``): the CSV often lands on a terminal first.
"""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import clean, emit_json, err, figure, out, safe
from claimledger.errors import UsageError

FORMATS = ("table", "json", "csv")
CSV_COLUMNS = ("date", "reported", "source", "value", "value_max", "approx", "unit", "mentions", "fact", "label",
               "denied", "contested")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A CSV cell a spreadsheet will not execute: text that starts like a formula gets a leading ``'``."""
    if not isinstance(cell, str):
        return cell
    return "'" + clean(cell) if cell.startswith(FORMULA_START) else clean(cell)


def write_csv(points: list[dict[str, Any]]) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for p in points:
        w.writerow([neutralise(p[c]) for c in CSV_COLUMNS])


def points_table(h: dict[str, Any]) -> Table:
    t = Table(title=Text.assemble(safe(h["variable"], "bold"), f": {len(h['points'])} point(s)"))
    for col in ("date", "reported", "source", "value", "fact", "label", ""):
        t.add_column(col, overflow="fold", justify="right" if col == "value" else "left",
                     no_wrap=col in ("date", "reported", "value", "fact"))
    for p in h["points"]:
        marks = Text()
        if p["denied"]:
            marks.append("denied ", style="red")
        if p["contested"]:
            marks.append("contested", style="bold red")
        t.add_row(safe(p["date"]), safe(p["reported"] or ""),
                  safe(p["source"]) if p["source"] else Text("(unattributed)", style="dim"),
                  safe(figure(p["value"], p["value_max"], p["approx"], p["unit"])), p["fact"][:10],
                  safe(p["label"]), marks)
    return t


def history(
    target: Annotated[str, typer.Argument(help="A variable (or words only one contains), or a fact id.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    plot: Annotated[str | None, typer.Option(help="Also draw the points into this PNG file.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Show the figures reported for a variable over time, one point per fact and source."""
    from claimledger.store import Ledger

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    with Ledger(ledger) as store:
        h = store.history(target)
    if fmt == "json":
        emit_json(h)
    elif fmt == "csv":
        write_csv(h["points"])
    else:
        out.print(points_table(h))
    if plot:
        from claimledger.cli.plot import plot_history

        written = plot_history(h, plot)
        err.print(Text.assemble("wrote ", safe(written)))


def register(app: typer.Typer) -> None:
    app.command("history")(history)
