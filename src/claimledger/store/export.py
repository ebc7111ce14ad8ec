"""Where ``article_json`` and the CSV columns lived before the export formats became a package.

Kept so that callers importing ``claimledger.store.export`` (``claimledger show --json``)
keep working; the code is in ``store/exports/lines.py`` and the formats in ``store/exports``.
"""

from __future__ import annotations

from claimledger.store.exports.lines import CSV_COLUMNS, article_json

__all__ = ["CSV_COLUMNS", "article_json"]
