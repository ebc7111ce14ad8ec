"""``claimledger history TARGET``: how a figure was reported over time, by whom, and what disputed it.

``TARGET`` is a variable (``troops|total``, or words only one variable contains) or a fact
id, which stands for its variable. One point per fact and originating source, so a source
that revised its figure shows as its own line; ``--plot`` draws exactly those points.

``--format json`` (or ``--json``) prints the variable with its points; ``--nl`` and
``--csv`` print the points alone, one a line or row, like every other listing. The CSV
goes through ``safetext.csv_cell`` (OWASP's formula rule, controls made visible), the
one CSV rule every command and the export share.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, CsvOpt, JsonOpt, LedgerOpt, NlOpt, output_format
from claimledger.cli.render import Col, day, emit_json, emit_rows, figure, fitted, note, out, safe, variable
from claimledger.errors import UsageError
from claimledger.safetext import csv_cell

FORMATS = ("table", "json", "nl", "csv")
CSV_COLUMNS = ("date", "reported", "source", "value", "value_max", "approx", "unit", "mentions", "fact", "label",
               "denied", "contested")


def neutralise(cell: object) -> object:
    """A CSV cell a spreadsheet will not execute (``safetext.csv_cell``; kept for callers of this name)."""
    return csv_cell(cell)


POINT_COLUMNS = (Col("date", 10, no_wrap=True), Col("reported", 10, keep=2, no_wrap=True), Col("source", 10, grow=2),
                 Col("value", 8, right=True), Col("fact", 10, keep=1, no_wrap=True), Col("label", 12, grow=3),
                 Col("", 9, keep=3))


def points_table(h: dict[str, Any]) -> Table:
    """One point a row; on a narrow terminal the fact id, then the reporting date, then the marks give way."""
    title = Text.assemble(safe(variable(h["variable"]), "bold"), f": {len(h['points'])} point(s)")
    t, kept = fitted(POINT_COLUMNS, title=title)
    for p in h["points"]:
        marks = Text()
        if p["denied"]:
            marks.append("denied ", style="red")
        if p["contested"]:
            marks.append("contested", style="bold red")
        cells = {
            "date": day(p["date"]), "reported": safe(p["reported"] or ""),
            "source": safe(p["source"]) if p["source"] else Text("(unattributed)", style="dim"),
            "value": safe(figure(p["value"], p["value_max"], p["approx"], p["unit"])),
            "fact": safe(p["fact"][:10]), "label": safe(p["label"]), "": marks,
        }
        t.add_row(*(cells[c.name] for c in kept))
    return t


def history(
    target: Annotated[str, typer.Argument(help="A variable (or words only one contains), or a fact id.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    plot: Annotated[str | None, typer.Option(help="Also draw the points into this PNG file.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, nl or csv.")] = "table",
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also the figures that are parts of a running count.")]
    = False,
) -> None:
    """Show the figures reported for a variable over time, one point per fact and source.

    A running count's parts (*six of the dead were in one care home*) are left out unless
    ``--all``: the series is the count as it was reported.
    """
    from claimledger.store import Ledger

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    flag = output_format(as_json, as_nl, as_csv)
    if flag != "table" and fmt not in ("table", flag):
        raise UsageError(f"choose one output format, not --format {fmt} and --{flag}")
    fmt = flag if flag != "table" else fmt
    with Ledger(ledger, readonly=True) as store:
        h = store.history(target)
    left_out = 0
    if not show_all:
        from claimledger.link.history import concept_kind, series

        kept = series(h["points"], concept_kind(h["variable"], h.get("lang")))
        left_out = len(h["points"]) - len(kept)
        h = {**h, "points": kept}
    if fmt == "json":
        emit_json(h)
    elif fmt in ("nl", "csv"):
        emit_rows(h["points"], fmt, CSV_COLUMNS if fmt == "csv" else None)
    else:
        out.print(points_table(h))
        if left_out:
            note(f"{left_out} figure(s) under half of the count before them left out as its parts (--all shows them)")
    if plot:
        from claimledger.cli.plot import plot_history

        written = plot_history(h, plot)
        note("wrote ", safe(written))


def register(app: typer.Typer) -> None:
    app.command("history")(history)
