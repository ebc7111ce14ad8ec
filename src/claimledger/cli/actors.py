"""``claimledger actors``: who originates the claims, once relays and copies are collapsed."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import emit_json, out, safe


def actors(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, typer.Option(help="Count only articles in this language.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON.")] = False,
) -> None:
    """List originating actors, most claims first, with their claims per language and facts."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        rows = store.actors(lang=lang, limit=limit)
    if as_json:
        emit_json(rows)
        return
    t = Table(title=f"{len(rows)} actor(s)")
    for col in ("actor", "kind", "claims", "by language", "facts"):
        t.add_column(col, overflow="fold", justify="right" if col in ("claims", "facts") else "left")
    for r in rows:
        langs = " · ".join(f"{k} {n}" for k, n in r["by_lang"].items())
        t.add_row(safe(r["actor"], "bold"), safe(r["kind"]) if r["kind"] else Text("-", style="dim"),
                  str(r["claims"]), safe(langs), str(r["facts"]))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
