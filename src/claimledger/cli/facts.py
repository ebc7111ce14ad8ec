"""``claimledger facts``: the claims the ledger saw in several articles, with who stands behind them.

Article counts and independent-source counts are separate columns on purpose: five
reprints of one wire story are five articles and one source.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import (
    DEFAULT_LEDGER,
    CsvOpt,
    JsonOpt,
    LedgerOpt,
    NlOpt,
    lang_option,
    limit_option,
    output_format,
)
from claimledger.cli.render import Col, day, emit_rows, figure, fitted, note, out, safe, variable

COLUMNS = (Col("id", 10, keep=4, no_wrap=True), Col("variable / label", 16, grow=4),
           Col("value", 10, right=True),
           Col("date", 10, keep=5, no_wrap=True), Col("sources", 14, grow=3), Col("indep.", 6, right=True),
           Col("grade", 5, keep=3, right=True), Col("ment./art.", 10, keep=6, right=True),
           Col("", 9, keep=1, no_wrap=True))


def facts_table(rows: list[dict[str, Any]], width: int = 60) -> Table:
    """One fact a row: what it is about, its figure, its sources, how credible, how often printed.

    On a narrow terminal the mention counts, the date, the id and the grade give way, in
    that order, so what the fact is, who stands behind it and how credible it is stay readable;
    the sources column fits *(unattributed)* without breaking it.
    """
    t, kept = fitted(COLUMNS, title=f"{len(rows)} fact(s)")
    for r in rows:
        what = variable(r["variable"]) or r["label"]
        if len(what) > width:
            what = what[: width - 1] + "…"
        cells: dict[str, Text | str] = {
            "id": safe(r["id"][:10]),
            "variable / label": safe(what, "bold" if r["variable"] else ""),
            "value": safe(figure(r["value"], r["value_max"], r["approx"], r["unit"])),
            "date": day(r["date"]),
            "sources": safe(", ".join(r["source_names"])) if r["sources"] else Text("(unattributed)", style="dim"),
            "indep.": str(r["independent"]),
            "grade": str(r["grade"]),
            "ment./art.": f"{r['mentions']}/{r['articles']}",
            "": Text("contested", style="bold red") if r["contested"] else "",
        }
        t.add_row(*(cells[c.name] for c in kept))
    return t


def facts(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    contested: Annotated[bool, typer.Option("--contested", help="Only facts a contradiction or denial touches.")]
    = False,
    actor: Annotated[str | None, typer.Option(help="Only facts an originating actor containing this states.")]
    = None,
    lang: Annotated[str | None, lang_option("Only facts mentioned in articles in this language.")] = None,
    kind: Annotated[str | None, typer.Option(help="quantity or claim.")] = None,
    limit: Annotated[int, limit_option()] = 50,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List facts, most mentioned first, with their figures, sources and credibility grade."""
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.facts(contested=contested, actor=actor, lang=lang, kind=kind, limit=limit)
        pending = len(store.unlinked())
    if pending:  # an upgraded ledger, or a run killed before linking: say why facts may be missing
        note(f"{pending} stored article(s) are not linked yet: `claimledger relink` (or the next analyze) links them")
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    out.print(facts_table(rows))


def register(app: typer.Typer) -> None:
    app.command("facts")(facts)
