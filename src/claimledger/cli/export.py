"""``claimledger export``: the ledger as JSON Lines (FORMAT.md shape) or CSV.

``-o`` follows ``outfile``'s rule (a regular file is replaced atomically, a FIFO or a
device written through, a symlink followed, a directory refused); ``-`` is stdout.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import note, safe


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; '-' for stdout.")] = "-",
    ledger: LedgerOpt = DEFAULT_LEDGER,
) -> None:
    """Export every article's claims (jsonl: one article a line; csv: one attribution a row)."""
    from claimledger.store import Ledger

    with Ledger(ledger, readonly=True) as store:
        n = store.export(fmt, output)
    if output != "-":
        note(Text(f"wrote {n} row(s) to "), safe(output))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
