"""``claimledger actor NAME``: every claim one originating actor is behind, across articles and languages."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, CsvOpt, JsonOpt, LedgerOpt, NlOpt, output_format
from claimledger.cli.render import CERTAINTY_STYLE, Col, emit_rows, fitted, out, safe

COLUMNS = (Col("published", 10, keep=2, no_wrap=True), Col("article", 10), Col("speaker", 10),
           Col("cue", 6, keep=3), Col("content", 16, grow=4), Col("certainty", 9, keep=1),
           Col("why this actor", 12, keep=4))


def actor(
    name: Annotated[str, typer.Argument(help="The actor's name (any case), or words only its name contains.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Show the claims an originating actor is behind, earliest published first, with the relay that carried each."""
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.actor(name)
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    who = rows[0]["actor_name"] if rows else name
    t, kept = fitted(COLUMNS, title=Text.assemble(safe(who, "bold"), f": {len(rows)} claim(s)"), show_lines=True)
    for r in rows:
        certainty = r["certainty"] or ""
        cells = {
            "published": safe(r["published"] or ""),
            "article": Text.assemble(safe(r["outlet"] or r["article_id"][:10]), safe(f" ({r['lang']})", "dim")),
            "speaker": safe(r["speaker"] or r["source"] or ""),
            "cue": safe(r["cue"] or ""),
            "content": safe(r["content"] or ""),
            "certainty": safe(certainty, CERTAINTY_STYLE.get(certainty, "")),
            "why this actor": Text.assemble(safe(r["rule"]), ("\n" if r["words"] else ""), safe(r["words"], "dim")),
        }
        t.add_row(*(cells[c.name] for c in kept))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("actor")(actor)
