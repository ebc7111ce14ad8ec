"""RSS 2.0 and Atom feeds to Articles, one per entry, via feedparser.

**Safety before parsing.** An XML document can declare entities in its DOCTYPE: nested
ones expand a few hundred bytes into gigabytes ("billion laughs"), external ones make a
parser read local files or URLs. News feeds have no need for either, so any entity
declaration before the root element is refused with UNSAFE_XML by a plain byte scan,
before feedparser (or any XML parser) sees the document; nothing is expanded or resolved.
A DOCTYPE without declarations (old RSS 0.91 feeds name the Netscape DTD) is fine.

**The feed's text, or the page when asked.** Feeds carry anything from the whole
article (Blogger's ``description``, Atom ``content``, ``content:encoded``) to a teaser
ending in "Continue reading...". Reading a feed takes the text the feed carries and
makes no request. Only with ``Settings.follow_links`` are the linked pages of teaser
entries fetched (``follow.py``: capped, concurrent, one deadline); a page that fails
keeps the teaser, because a teaser is still a dated, linked statement. What was not
fetched or failed is one note per feed. An entry with neither text nor a usable page
is reported as NO_TEXT.

**Character references to nothing.** ``&#xD800;`` names a UTF-16 surrogate, which is
no character; feedparser's fallback parser raises on it, which would lose every entry
of the feed for one bad byte sequence. Such references are replaced by U+FFFD (what
HTML parsers do) before parsing.

The entry's title, date and link describe the article better than the page's metadata
(they are what the publisher syndicated), so they win over what the page says.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from typing import Any

from claimledger.errors import EMPTY, NO_TEXT, NOT_A_FEED, UNSAFE_XML, InputError
from claimledger.model import Article, RawDoc

from .follow import Followed
from .html import collapse, fragment_text, normalize_date
from .lang import choose_language
from .text import bom_encoding

FULL_CONTENT_CHARS = 200
"""An entry ``content`` element with at least this much text is the article itself."""
FULL_SUMMARY_CHARS = 600
"""A ``description``/summary with at least this much text (and no teaser ending) is the article."""

LinkFollower = Callable[[list[str]], Followed]
"""Read the pages of these links (``follow.follow_links`` bound to a fetcher; injected, so
this module never touches the network)."""

_ROOT = re.compile(rb"<[A-Za-z_]")
_ENTITY = re.compile(rb"<!ENTITY\b", re.I)
_EXTERNAL = re.compile(rb"<!ENTITY\s+%?\s*[\w.:-]+\s+(?:SYSTEM|PUBLIC)\b", re.I)
_MORE = (
    r"continue reading|read more|read the full (?:story|article)|full story|läs mer|läs hela"
    r"|fortsätt läsa|les mer|les hele"
)
# A line that is only a "read more" link ends the excerpt; what follows it is ads and links.
_TEASER_LINE = re.compile(rf"^\W*(?:{_MORE})\W*$", re.I | re.M)
_MORE_END = re.compile(rf"(?:{_MORE})\W*$", re.I)
# &#xD800; .. &#xDFFF; and &#55296; .. &#57343;: references to surrogates, which are not characters.
_CHAR_REF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));")
# A short text cut off with an ellipsis is an excerpt; a long post may just end in one.
_ELLIPSIS_END = re.compile(r"(?:\[\s*(?:\.\.\.|…)\s*\]|…|\.\.\.)\W*$")


def unsafe_xml_reason(data: bytes) -> str | None:
    """Why ``data`` must not be parsed (entity declarations before the root), or None.

    Only the prolog is scanned: the same bytes inside an entry's CDATA (a blog post about
    XML) are text, not declarations.
    """
    bom = bom_encoding(data)
    if bom is not None and bom[0] != "utf-8":
        data = data[bom[1] :].decode(bom[0], errors="ignore").encode("utf-8")
    root = _ROOT.search(data)
    prolog = data[: root.start()] if root else data
    if not _ENTITY.search(prolog):
        return None
    if _EXTERNAL.search(prolog):
        return "XML declares an external entity (SYSTEM/PUBLIC); refused, never resolved"
    return "XML declares entities in its DOCTYPE (possible entity-expansion bomb); refused, never expanded"


def _replace_surrogate_refs(data: bytes) -> bytes:
    """``data`` with character references to surrogates (or past U+10FFFF) replaced by ``&#xFFFD;``."""
    if b"&#" not in data:
        return data

    def fix(match: re.Match[bytes]) -> bytes:
        hex_digits, decimal = match.groups()
        value = int(hex_digits, 16) if hex_digits else int(decimal)
        return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else match.group(0)

    return _CHAR_REF.sub(fix, data)


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (or update) date as ``YYYY-MM-DD``, as the feed states it."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        if found := normalize_date(value):
            return found
        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _as_text(value: str, media: str) -> str:
    """An entry field's text: HTML converted, plain text stripped of outer whitespace."""
    if "html" in (media or "text/html"):
        return fragment_text(value)
    return value.strip()


def _strip_teaser(text: str) -> tuple[str, bool]:
    """(the excerpt without its "Read more" tail, whether the text is a teaser at all)."""
    if line := _TEASER_LINE.search(text):
        return text[: line.start()].strip(), True
    if _MORE_END.search(text):
        return _MORE_END.sub("", text).strip(), True
    if len(text) < FULL_SUMMARY_CHARS and _ELLIPSIS_END.search(text):
        return _ELLIPSIS_END.sub("", text).strip(), True
    return text, False


def _is_full(text: str, minimum: int) -> bool:
    """Long enough to be the article: ``minimum`` characters, or three paragraphs of real text."""
    return len(text) >= minimum or (text.count("\n\n") >= 2 and len(text) >= FULL_CONTENT_CHARS)


def entry_body(entry: Any) -> tuple[str, bool]:
    """(best text the entry carries, whether it is the full article rather than a teaser)."""
    candidates: list[tuple[str, bool]] = []
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        text, teaser = _strip_teaser(_as_text(best["value"], best.get("type", "")))
        candidates.append((text, not teaser and _is_full(text, FULL_CONTENT_CHARS)))
    detail = entry.get("summary_detail") or {}
    text, teaser = _strip_teaser(_as_text(entry.get("summary") or "", detail.get("type", "text/html")))
    candidates.append((text, not teaser and _is_full(text, FULL_SUMMARY_CHARS)))
    full = [c for c in candidates if c[1]]
    return max(full or candidates, key=lambda c: len(c[0]))


def _parse(raw: RawDoc) -> Any:
    """feedparser's result for a feed already judged safe; its exceptions pass to the caller."""
    # The feed's own URL lets feedparser resolve relative entry links against it.
    base = {"content-location": raw.uri} if raw.uri.startswith(("http://", "https://")) else {}
    import feedparser  # here, not at the top: a run of pages never reads a feed

    data = _replace_surrogate_refs(raw.data)
    return feedparser.parse(data, response_headers=base, sanitize_html=True, resolve_relative_uris=True)


_PARSE_ERRORS = (ValueError, TypeError, AttributeError, RecursionError, UnicodeError)


def count_entries(raw: RawDoc) -> int:
    """How many entries ``read_feed`` would read (0 for a feed it would refuse): what a batch
    planner cuts into entry ranges, counted by the same parser so the ranges cover every entry."""
    if unsafe_xml_reason(raw.data):
        return 0
    try:
        return len(_parse(raw).get("entries") or [])
    except _PARSE_ERRORS:
        return 0


def read_feed(
    raw: RawDoc,
    *,
    follow: LinkFollower | None = None,
    lang: str | None = None,
    items: tuple[int, int] | None = None,
) -> Iterator[Article | InputError]:
    """Every entry of a feed as an Article (or the reason it has none); the feed itself may be refused.

    ``follow``: read the linked pages of entries that carry only a teaser (``follow.follow_links``
    bound to a fetcher); None reads the feed's own text and touches no network. What
    happened to the feed as a whole (pages not fetched, pages that failed) is one note
    on the feed's first article, not one per entry.
    ``items`` (first, last; 1-based, inclusive): only those entries, a batch shard's range. The
    whole feed is still parsed (entry numbers and the feed-wide note are the whole feed's, so
    the ranges together read as the whole feed); only the range's linked pages are fetched, and
    a feed refused as a whole is refused by the range that starts at entry 1 only.
    """
    first, last = items or (1, sys.maxsize)
    if reason := unsafe_xml_reason(raw.data):
        if first == 1:
            yield InputError(raw.raw_ref, UNSAFE_XML, reason)
        return
    try:
        parsed = _parse(raw)
    except _PARSE_ERRORS as exc:
        if first == 1:
            yield InputError(raw.raw_ref, NOT_A_FEED, f"feed could not be parsed ({type(exc).__name__})")
        return
    feed = parsed.get("feed") or {}
    entries = parsed.get("entries") or []
    if not entries and first > 1:
        return
    if not entries:
        if feed.get("title"):
            yield InputError(raw.raw_ref, EMPTY, "feed has no entries")
        else:
            problem = parsed.get("bozo_exception")
            why = f" ({collapse(str(problem))[:120]})" if problem else ""
            yield InputError(
                raw.raw_ref, NOT_A_FEED, f"XML with no feed title and no entries: not an RSS/Atom feed{why}"
            )
        return
    context = _FeedContext(collapse(feed.get("title") or "") or None, feed.get("language"), lang, follow is not None)
    drafts = [context.draft(entry, f"{raw.raw_ref}#entry={index}") for index, entry in enumerate(entries, start=1)]
    wanted = [d.link for d in drafts if isinstance(d, _Entry) and d.link and not d.full]
    pages: dict[str, Article | InputError] = {}
    note: str | None = None
    if follow is not None:
        wanted = [d.link for d in drafts[first - 1 : last] if isinstance(d, _Entry) and d.link and not d.full]
    if follow is not None and wanted:
        followed = follow(wanted)
        pages, note = followed.pages, followed.summary_line()
    elif wanted:
        note = (
            f"{len(wanted)} of {len(drafts)} entries carry only a teaser; the feed's text was kept and their"
            " linked pages were not fetched (follow_links is off)"
        )
    for index, draft in enumerate(drafts, start=1):
        if not first <= index <= last:
            if follow is None and isinstance(draft, _Entry) and draft.text:
                note = None  # the whole feed's note went on an article before this range
            continue
        item = draft if isinstance(draft, InputError) else context.article(draft, pages.get(draft.link or ""), raw)
        if note and isinstance(item, Article):
            item = dataclasses.replace(item, warnings=(*item.warnings, f"feed-wide: {note}"))
            note = None
        yield item


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry:
    """One entry's own fields, read before any linked page is fetched."""

    ref: str
    text: str
    full: bool
    title: str | None
    published: str | None
    link: str | None
    declared: str | None


@dataclasses.dataclass(frozen=True)
class _FeedContext:
    """What every entry of one feed shares: its title and language, and whether links are followed."""

    outlet: str | None
    language: str | None
    lang: str | None
    following: bool

    def draft(self, entry: Any, ref: str) -> _Entry | InputError:
        """The entry's own text and metadata, or why the entry cannot be read at all."""
        try:
            text, full = entry_body(entry)
            link = entry.get("link") or None
            return _Entry(
                ref=ref,
                text=text,
                full=full,
                title=collapse(entry.get("title") or "") or None,
                published=_entry_date(entry),
                link=link if isinstance(link, str) else None,
                declared=entry.get("language") or self.language,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            return InputError(ref, NO_TEXT, f"feed entry could not be read ({type(exc).__name__}: {exc})")

    def article(self, entry: _Entry, page: Article | InputError | None, raw: RawDoc) -> Article | InputError:
        """One entry as an Article: its linked page if one was read, else its own text."""
        if isinstance(page, Article):
            return dataclasses.replace(
                page,
                title=entry.title or page.title,
                published=entry.published or page.published,
                url=entry.link,
                canonical_url=page.canonical_url or page.url,
                outlet=page.outlet or self.outlet,
                raw_ref=entry.ref,
            )
        if not entry.text:
            if page is not None:
                return InputError(entry.ref, page.code, f"entry has no text and its link failed: {page}")
            if not entry.link:
                why = "no link"
            elif self.following:
                why = "its link was not fetched (follow_max reached)"
            else:
                why = "its link was not fetched (follow_links is off)"
            return InputError(entry.ref, NO_TEXT, f"feed entry has no text and {why}")
        return Article(
            text=entry.text,
            lang=self.lang or choose_language(entry.text, entry.declared),
            title=entry.title,
            published=entry.published,
            outlet=self.outlet,
            url=entry.link,
            fetched_at=raw.fetched_at,
            raw_ref=entry.ref,
        )
