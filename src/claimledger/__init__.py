"""claimledger: who says what, how firmly, and who confirms it.

The public API is small on purpose::

    import claimledger
    [analysis] = claimledger.analyze("Enligt försvarsmakten sköts tolv drönare ner.")
    with claimledger.Ledger("claimledger.sqlite") as ledger:
        ledger.ingest(["examples/"])
        ledger.claims(certainty="reported")

Everything else is an internal module that may change.

``Ledger`` is imported on first use: the store pulls in SQLAlchemy and Alembic (0.4 s),
which a process that only extracts (``claimledger predict``, a worker) should not pay for
at start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from claimledger.analyze import analyze
from claimledger.errors import ClaimledgerError, InputError, StoreError
from claimledger.model import Analysis, Article, Attribution, Quantity, Span

if TYPE_CHECKING:
    from claimledger.ledger import Ledger


def __getattr__(name: str) -> Any:
    if name == "Ledger":
        value = import_module("claimledger.ledger").Ledger
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "ClaimledgerError",
    "InputError",
    "Ledger",
    "Quantity",
    "Span",
    "StoreError",
    "analyze",
]
__version__ = "0.1.0"
