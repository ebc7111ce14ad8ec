"""claimledger: who says what, how firmly, and who confirms it.

The public API is small on purpose::

    import claimledger
    [analysis] = claimledger.analyze("Enligt försvarsmakten sköts tolv drönare ner.")
    with claimledger.Ledger("claimledger.sqlite") as ledger:
        ledger.ingest(["examples/"])
        ledger.claims(certainty="reported")

Everything else is an internal module that may change.
"""

from claimledger.analyze import analyze
from claimledger.errors import ClaimledgerError, InputError, StoreError
from claimledger.ledger import Ledger
from claimledger.model import Analysis, Article, Attribution, Quantity, Span

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
