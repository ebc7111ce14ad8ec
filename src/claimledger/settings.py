"""Every setting, once: its name, default and help.

The CLI options, the ``CLAIMLEDGER_*`` environment variables and the docs all read
this one table, so a default is never written twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

ENV_PREFIX = "CLAIMLEDGER_"


@dataclass(frozen=True)
class Settings:
    """Limits and defaults for reading, fetching and storing."""

    ledger: str = "claimledger.sqlite"
    """Where the ledger lives: a path (SQLite) or an SQLAlchemy URL (postgresql://...)."""
    max_bytes: int = 20_000_000
    """Largest input (file, download, archive record) read, in bytes; larger ones are refused."""
    max_html_depth: int = 400
    """Deepest element nesting accepted in an HTML page; deeper pages are refused as hostile."""
    fetch_timeout: float = 20.0
    """Seconds to wait for a URL (connect and each read)."""
    max_redirects: int = 5
    """Redirects followed for one URL."""
    user_agent: str = "claimledger/0.1 (+https://github.com/claimledger; news claim analysis)"
    """User-Agent sent with every request."""
    allow_private: bool = False
    """Allow URLs that resolve to private, loopback or link-local addresses (off: SSRF guard)."""
    fetch_feed_links: bool = True
    """Fetch a feed entry's linked page when the entry carries no full content."""

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then ``CLAIMLEDGER_<NAME>`` environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            default = f.default
            if isinstance(default, bool):
                values[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting, for ``--help`` texts and docs."""
    import inspect

    src = inspect.getsource(Settings)
    out = []
    for f in fields(Settings):
        marker = f"    {f.name}:"
        after = src.split(marker, 1)[1]
        doc = after.split('"""', 2)[1].strip() if '"""' in after else ""
        out.append((f.name, repr(f.default), doc))
    return out
