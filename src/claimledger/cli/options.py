"""Options several commands share, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.settings import Settings

LedgerOpt = Annotated[
    str,
    typer.Option("--ledger", "-l", envvar="CLAIMLEDGER_LEDGER",
                 help="The ledger: a SQLite path or an SQLAlchemy URL."),
]
DEFAULT_LEDGER = Settings().ledger
