"""``claimledger claims``: who said what, how firmly, as a table or for a pipe."""

from __future__ import annotations

from typing import Annotated

import typer

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
from claimledger.cli.render import claims_table, emit_rows, out


def claims(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    source: Annotated[str | None, typer.Option("--source", "--actor", help="Source words contain this.")] = None,
    certainty: Annotated[list[str] | None, typer.Option(help="asserted, confirmed, reported, estimated, "
                                                                "alleged or denied (repeatable).")] = None,
    lang: Annotated[str | None, lang_option("Only articles in this language.")] = None,
    article: Annotated[str | None, typer.Option(help="An article id or id prefix.")] = None,
    limit: Annotated[int, limit_option()] = 100,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List attributions, filtered by source, certainty, language or article."""
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.claims(source=source, certainty=certainty or None, lang=lang, article=article, limit=limit)
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    out.print(claims_table(rows))
    out.print(f"{len(rows)} claim(s)")


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
