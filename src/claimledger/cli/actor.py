"""``claimledger actor NAME``: every claim one originating actor is behind, across articles and languages."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import CERTAINTY_STYLE, emit_json, out, safe


def actor(
    name: Annotated[str, typer.Argument(help="The actor's name (any case), or words only its name contains.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    as_json: Annotated[bool, typer.Option("--json", help="Print the claims as JSON.")] = False,
) -> None:
    """Show the claims an originating actor is behind, earliest published first, with the relay that carried each."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        rows = store.actor(name)
    if as_json:
        emit_json(rows)
        return
    who = rows[0]["actor"] if rows else name
    t = Table(title=Text.assemble(safe(who, "bold"), f": {len(rows)} claim(s)"), show_lines=True)
    for col in ("published", "article", "speaker", "cue", "content", "certainty", "why this actor"):
        t.add_column(col, overflow="fold")
    for r in rows:
        article = Text.assemble(safe(r["outlet"] or r["article_id"][:10]), (f" ({r['lang']})", "dim"))
        certainty = r["certainty"] or ""
        t.add_row(safe(r["published"] or ""), article, safe(r["speaker"] or r["source"] or ""), safe(r["cue"] or ""),
                  safe(r["content"] or ""), Text(certainty, style=CERTAINTY_STYLE.get(certainty, "")),
                  Text.assemble(safe(r["rule"]), ("\n" if r["words"] else ""), safe(r["words"], "dim")))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("actor")(actor)
