"""The link stage: across articles, which are copies, which claims state one fact, who is behind them.

``link_article(view, analysis)`` decides everything for one new article against the
candidates the store's view returns; ``history`` turns facts into per-variable series.
Each decision carries its reason, so a user can see why two reports were joined.
"""

from claimledger.link.linker import View, link_article

__all__ = ["View", "link_article"]
