"""``claimledger copies``: which stored articles republish another, and why the ledger thinks so."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, CsvOpt, JsonOpt, LedgerOpt, NlOpt, limit_option, output_format
from claimledger.cli.render import emit_rows, out, safe


def copies(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    limit: Annotated[int, limit_option()] = 200,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List syndicated copies, grouped by original: method, score, wire credit and the reason in words."""
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.copies()[:limit] if limit else store.copies()
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    if not rows:
        out.print("no copies in the ledger: every stored article is its own text")
        return
    groups = len({r["original_id"] for r in rows})
    t = Table(title=f"{len(rows)} copies of {groups} original(s)")
    t.add_column("original", overflow="fold", ratio=2, min_width=12)
    t.add_column("copy", overflow="fold", ratio=2, min_width=12)
    t.add_column("method", min_width=6)
    t.add_column("score", justify="right", min_width=5)
    t.add_column("why", overflow="fold", ratio=3, min_width=16)
    for r in rows:
        original = safe(r["original_title"] or r["original_id"][:12])
        copy = Text.assemble(safe(r["title"] or r["article_id"][:12]), "\n",
                             safe(r["outlet"] or "", "dim"))
        method = safe(r["method"] + (f" ({r['credit']})" if r["credit"] else ""))
        t.add_row(original, copy, method, f"{r['score']:.2f}", safe(r["reason"] or ""))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("copies")(copies)
