"""``claimledger facts``: the claims the ledger saw in several articles, with who stands behind them.

Article counts and independent-source counts are separate columns on purpose: five
reprints of one wire story are five articles and one source.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import emit_json, figure, out, safe

RIGHT = {"value", "indep.", "grade", "ment./art."}
NO_WRAP = {"id", "value", "date"}


def facts_table(rows: list[dict[str, Any]], width: int = 60) -> Table:
    """One fact a row: what it is about, its figure, its sources, how credible, how often printed."""
    t = Table(title=f"{len(rows)} fact(s)")
    for col in ("id", "variable / label", "value", "date", "sources", "indep.", "grade", "ment./art.", ""):
        t.add_column(col, overflow="fold", justify="right" if col in RIGHT else "left", no_wrap=col in NO_WRAP)
    for r in rows:
        what = r["variable"] or r["label"]
        if len(what) > width:
            what = what[: width - 1] + "…"
        t.add_row(
            r["id"][:10],
            safe(what, "bold" if r["variable"] else ""),
            safe(figure(r["value"], r["value_max"], r["approx"], r["unit"])),
            safe(r["date"]),
            safe(", ".join(r["sources"])) if r["sources"] else Text("(unattributed)", style="dim"),
            str(r["independent"]),
            str(r["grade"]),
            f"{r['mentions']}/{r['articles']}",
            Text("contested", style="bold red") if r["contested"] else "",
        )
    return t


def facts(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    contested: Annotated[bool, typer.Option("--contested", help="Only facts a contradiction or denial touches.")]
    = False,
    actor: Annotated[str | None, typer.Option(help="Only facts an originating actor containing this states.")]
    = None,
    lang: Annotated[str | None, typer.Option(help="Only facts mentioned in articles in this language.")] = None,
    kind: Annotated[str | None, typer.Option(help="quantity or claim.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """List facts, most mentioned first, with their figures, sources and credibility grade."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        rows = store.facts(contested=contested, actor=actor, lang=lang, kind=kind, limit=limit)
    if as_json:
        emit_json(rows)
        return
    out.print(facts_table(rows))


def register(app: typer.Typer) -> None:
    app.command("facts")(facts)
