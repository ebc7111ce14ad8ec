"""The ledger: where analyses are stored and queried (SQLAlchemy Core; SQLite by default)."""
