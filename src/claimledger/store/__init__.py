"""The ledger: where analyses are stored and queried (SQLAlchemy Core; SQLite by default).

``Ledger`` is the facade; ``queries`` holds the read functions the CLI and the web app
share; ``schema`` the tables; ``dialect`` the only SQLite-specific code; ``migrate`` and
``migrations/`` keep an existing ledger's schema current.
"""

from claimledger.store.ledger import Ledger

__all__ = ["Ledger"]
