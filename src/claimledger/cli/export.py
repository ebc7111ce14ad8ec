"""``claimledger export``: the ledger as JSON Lines (FORMAT.md shape) or CSV."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import err


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' for stdout.")] = "-",
    ledger: LedgerOpt = DEFAULT_LEDGER,
) -> None:
    """Export every article's claims (jsonl: one article a line; csv: one attribution a row)."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        n = store.export(fmt, sys.stdout if output == "-" else output)
    if output != "-":
        err.print(f"wrote {n} row(s) to {output}")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
