"""``claimledger claims``: who said what, how firmly, as a table."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import claims_table, out


def claims(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    source: Annotated[str | None, typer.Option("--source", "--actor", help="Source words contain this.")] = None,
    certainty: Annotated[list[str] | None, typer.Option(help="asserted, confirmed, reported, estimated, "
                                                                "alleged or denied (repeatable).")] = None,
    lang: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
    article: Annotated[str | None, typer.Option(help="An article id or id prefix.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
) -> None:
    """List attributions, filtered by source, certainty, language or article."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        rows = store.claims(source=source, certainty=certainty or None, lang=lang, article=article, limit=limit)
    out.print(claims_table(rows))
    out.print(f"{len(rows)} claim(s)")


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
