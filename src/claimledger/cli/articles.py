"""``claimledger articles``: what the ledger holds, one article a row."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import out


def articles(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
) -> None:
    """List stored articles with their record counts."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        rows = store.articles(lang=lang, limit=limit)
    t = Table(title=f"{len(rows)} article(s)")
    for col in ("id", "lang", "title", "published", "attributions", "quantities", "from"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["id"][:10], r["lang"], r["title"] or "", r["published"] or "", str(r["attributions"]),
                  str(r["quantities"]), r["url"] or r["raw_ref"] or "")
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
