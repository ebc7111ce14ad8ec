"""The four things trafilatura's metadata pass gives us: title, site name, canonical URL, date.

Why not ``bare_extraction(with_metadata=True)``: that pass also finds the author (on a deep
copy of the whole page), categories, tags and licence, which nothing here reads, and it
asks htmldate for a date even when the page's own metadata already gave one
(``html.published_date`` wins over it). On the raw-HTML bench pages that was over a third of
trafilatura's time (``bare_extraction`` 17 ms a page with it, 10 without).

So the same trafilatura and htmldate functions are called, in the same order and on the same
tree, for the fields we read only; ``tests/ingest/test_pagemeta.py`` checks the result
against trafilatura's own pass on every page in the shared data and ``examples/``, so a
trafilatura or htmldate release that changes that pass (both bounded in pyproject.toml)
fails there rather than changing titles or dates unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from htmldate import find_date
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": True}
"""htmldate's settings for a page's date: the first publication, with the text searched too."""


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself, as trafilatura reads it (after its own clean-up)."""

    title: str | None
    sitename: str | None
    url: str | None
    """The page's canonical URL (``<link rel=canonical>``, ``og:url``), else the URL it was fetched from."""
    date: str | None
    """htmldate's guess at the publication date (``YYYY-MM-DD``); None when not asked for."""


def page_meta(tree: Any, url: str | None, *, date: bool) -> PageMeta:
    """Title, site name and canonical URL of a parsed page, as ``extract_metadata`` finds them, and
    htmldate's date only when ``date`` (a page whose own metadata claims a date does not need it)."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # as trafilatura does, so JSON-LD sees the same state
        meta.author = None
    meta = extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    if date:
        meta.date = find_date(tree, url=meta.url, **DATE_PARAMS)
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    if meta.sitename:
        site = meta.sitename.lstrip("@")  # a Twitter handle
        meta.sitename = site.title() if site and "." not in site and not site[0].isupper() else site
    elif meta.url and (host := META_URL.match(meta.url)):
        meta.sitename = host[1]
    meta.clean_and_trim()  # entities, control characters and length, as on every field trafilatura returns
    return PageMeta(meta.title, meta.sitename, meta.url, meta.date)
