"""Reading what ``watch`` polls: the feed list, one poll of a feed or sitemap, its new items.

This module decides *what* to fetch and reads it into Articles; it knows nothing of the
ledger. What was seen before comes in as a set (``Seen``), and every new item goes out
through a callback as soon as it is read, so the caller can store it before the next one
is fetched (``claimledger.watch`` does, one article per transaction). How to fetch
politely (validators, robots.txt, pacing, backoff) is ``watchhttp``.

A feed list (``FEEDS.txt``) holds one URL a line; blank lines and lines starting with
``#`` are skipped. A line that is no http(s) URL is one error naming ``file:line``, and
the other lines are watched all the same.

A polled URL is one of:

* an RSS or Atom feed: each entry is read from the text the feed carries
  (``feeds.read_feed``); an entry is new when its link (or, without one, its text's hash)
  was not seen with this text before, so an edited entry is read again as a new version;
* a sitemap (``<urlset>``): each ``<loc>`` not seen before is fetched, politely and
  through robots.txt, and extracted like any page, at most ``watch_max_items`` a poll;
* a sitemap index (``<sitemapindex>``): its sitemaps (at most ``MAX_SITEMAPS``) are read
  as above, one level deep. A gzipped sitemap (``.xml.gz``) is inflated within ``max_bytes``.

Sitemaps are parsed with the standard library's ElementTree only after the byte scan that
refuses entity declarations (``feeds.unsafe_xml_reason``), so no entity is ever expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from claimledger.errors import EMPTY, FETCH, MISSING, NOT_A_FEED, TOO_LARGE, UNREADABLE, UNSAFE_XML, InputError
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

from . import feeds, html, sniff, text
from .watchhttp import Answer, PoliteClient
from .wire import BodyRefused, BoundedDecoder

MAX_SITEMAPS = 50
"""Sitemaps of one sitemap index read per poll."""
BAD_LINE = "bad-feed-line"
"""The error code of a feed list line that is not an http(s) URL."""

_SITEMAP_ROOT = re.compile(rb"<(?:[\w.-]+:)?(urlset|sitemapindex)[\s>/]")
_GZIP = b"\x1f\x8b"


@dataclass(frozen=True)
class Seen:
    """What the ledger recorded of one feed: items read (URL, content hash) and URLs that failed."""

    read: frozenset[tuple[str, str]] = frozenset()
    failed: frozenset[str] = frozenset()

    @property
    def urls(self) -> frozenset[str]:
        return frozenset(url for url, _ in self.read)


@dataclass(frozen=True)
class Item:
    """One new item of a feed: its key URL and its article, or why it has none."""

    url: str
    article: Article | None = None
    error: InputError | None = None


@dataclass
class Polled:
    """How one poll of one feed went: the answer's kind, its validators, the error that failed it."""

    url: str
    outcome: str = "read"
    """``read`` (a fresh answer was read), ``not-modified`` (304) or ``failed``."""
    error: InputError | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None
    items: int = 0
    skipped: list[str] = field(default_factory=list)
    """Lines about what this poll left for later (sitemap pages over ``watch_max_items``)."""


Emit = Callable[[Item], None]
"""Called with each new item as soon as it is read."""


def read_feed_list(path: str | Path, max_bytes: int) -> tuple[list[str], list[InputError]]:
    """The feed URLs of a feed list, in order, once each, and one error per bad line (``file:line``)."""
    name = str(path)
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, MISSING, "no such feed list") from None
    except IsADirectoryError:
        raise InputError(name, UNREADABLE, "is a folder, not a feed list (one URL a line)") from None
    except OSError as exc:
        raise InputError(name, UNREADABLE, f"cannot read the feed list ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(name, TOO_LARGE, f"feed list is over the {max_bytes:,}-byte limit (max_bytes)")
    urls: list[str] = []
    errors: list[InputError] = []
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if problem := _bad_url(line):
            errors.append(InputError(f"{name}:{number}", BAD_LINE, problem))
        elif line not in urls:
            urls.append(line)
    if not urls and not errors:
        raise InputError(name, EMPTY, "the feed list names no feed (one http(s) URL a line, # for comments)")
    return urls, errors


def _bad_url(line: str) -> str | None:
    """Why a feed list line is no feed URL, or None."""
    if any(ch.isspace() for ch in line):
        return f"not one URL (has spaces): {line[:80]!r}"
    try:
        url = httpx.URL(line)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        return f"not a valid URL ({exc})"
    if url.scheme not in ("http", "https"):
        return f"not an http(s) URL: {line[:80]!r}"
    if not url.host:
        return f"URL has no host: {line[:80]!r}"
    return None


class Poller:
    """Polls feeds through one ``PoliteClient`` and reads their new items into Articles."""

    def __init__(self, client: PoliteClient, settings: Settings) -> None:
        self.client = client
        self.settings = settings

    def poll(self, url: str, seen: Seen, emit: Emit, *, etag: str | None = None,
             last_modified: str | None = None) -> Polled:
        """One conditional poll of ``url``; every new item is handed to ``emit`` before the next is read."""
        answer = self.client.get(url, etag=etag, last_modified=last_modified)
        polled = Polled(url, etag=answer.etag, last_modified=answer.last_modified, retry_after=answer.retry_after)
        if answer.not_modified:
            polled.outcome = "not-modified"
            return polled
        if answer.doc is None:
            polled.outcome, polled.error = "failed", answer.error
            return polled
        doc = self._inflated(answer.doc)
        if isinstance(doc, InputError):
            polled.outcome, polled.error = "failed", doc
            return polled
        root = _SITEMAP_ROOT.search(doc.data[:4096])
        items = self._sitemap(doc, root.group(1) == b"sitemapindex", seen, polled) if root else \
            self._feed(doc, seen)
        for item in items:
            if isinstance(item, InputError):  # the feed itself is refused: no entry can be read
                polled.outcome, polled.error = "failed", item
                return polled
            polled.items += 1
            emit(item)
        return polled

    def _inflated(self, doc: RawDoc) -> RawDoc | InputError:
        """A gzipped body (a ``sitemap.xml.gz``) inflated within ``max_bytes``; others as they are."""
        if not doc.data.startswith(_GZIP):
            return doc
        decoder = BoundedDecoder("gzip", self.settings.max_bytes)
        try:
            data = b"".join([*decoder.feed(doc.data), *decoder.flush()])
        except BodyRefused as exc:
            return InputError(doc.raw_ref, exc.code, str(exc))
        return RawDoc(uri=doc.uri, data=data, media_type="application/xml", raw_ref=doc.raw_ref,
                      fetched_at=doc.fetched_at, charset=doc.charset)

    def _feed(self, doc: RawDoc, seen: Seen) -> Iterator[Item | InputError]:
        """The entries of an RSS/Atom feed that are new: unseen link, or a known link with new text."""
        entries = list(feeds.read_feed(doc))
        if len(entries) == 1 and isinstance(entries[0], InputError) and "#entry=" not in entries[0].source:
            yield entries[0]  # the feed as a whole: unsafe XML, not a feed, no entries
            return
        for entry in entries:
            if isinstance(entry, InputError):
                if entry.source not in seen.failed:  # an entry with no text is reported once
                    yield Item(entry.source, error=entry)
                continue
            key = entry.url or f"{doc.uri}#sha256={entry.id}"
            if (key, entry.id) not in seen.read:
                yield Item(key, article=entry)

    def _sitemap(self, doc: RawDoc, index: bool, seen: Seen, polled: Polled) -> Iterator[Item | InputError]:
        """The pages of a sitemap (or of an index's sitemaps) not read before, fetched one at a time."""
        locs = _locs(doc)
        if isinstance(locs, InputError):
            yield locs
            return
        if index:
            pages: list[str] = []
            for child in locs[:MAX_SITEMAPS]:
                answer = self.client.get(child)
                body = self._inflated(answer.doc) if answer.doc is not None else answer.error
                found = _locs(body) if isinstance(body, RawDoc) else body
                if isinstance(found, InputError) or found is None:
                    polled.skipped.append(f"sitemap {child} not read: {found}")
                    continue
                pages += found
            locs = pages
        new = [u for u in dict.fromkeys(locs) if u not in seen.urls]
        cap = self.settings.watch_max_items
        if len(new) > cap:
            polled.skipped.append(f"{len(new) - cap} new page(s) left for the next poll (watch_max_items={cap})")
        for url in new[:cap]:
            yield self._page(url)

    def _page(self, url: str) -> Item:
        """One sitemap page, fetched and extracted as an article."""
        answer: Answer = self.client.get(url)
        if answer.doc is None:
            return Item(url, error=answer.error or InputError(url, FETCH, f"HTTP {answer.status}"))
        raw = answer.doc
        kind = sniff.sniff_kind(raw.data[: sniff.HEAD_BYTES], url)
        if kind is sniff.Kind.HTML:
            found = html.extract_html(raw, max_depth=self.settings.max_html_depth)
        elif kind is sniff.Kind.TEXT:
            found = text.read_text(raw)
        else:
            why = kind if isinstance(kind, InputError) else f"a {kind.value} document, not an article page"
            found = InputError(url, NOT_A_FEED, f"sitemap page is {why}")
        if isinstance(found, InputError):
            return Item(url, error=found)
        return Item(url, article=found)


def _locs(doc: RawDoc) -> list[str] | InputError:
    """The http(s) ``<loc>`` URLs of a sitemap or sitemap index, in document order."""
    if reason := feeds.unsafe_xml_reason(doc.data):
        return InputError(doc.raw_ref, UNSAFE_XML, reason)
    try:
        root = ET.fromstring(doc.data)
    except ET.ParseError as exc:
        return InputError(doc.raw_ref, NOT_A_FEED, f"sitemap could not be parsed ({exc})")
    found = [(el.text or "").strip() for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc"]
    return [u for u in found if u.startswith(("http://", "https://"))]
