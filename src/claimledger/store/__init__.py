"""The ledger: where analyses are stored and queried (SQLAlchemy Core; SQLite by default).

``Ledger`` is the facade; ``queries`` (articles, claims) and ``factqueries`` (facts,
actors, histories) hold the read functions the CLI and the web app share; ``links``
persists the linker's decisions and answers its lookups; ``schema`` the tables;
``dialect`` the only backend-specific code; ``migrate`` and ``migrations/`` keep an
existing ledger's schema current.
"""

from claimledger.store.ledger import Ledger

__all__ = ["Ledger"]
