"""HTML pages to Articles: the main text (via trafilatura) and what the page says about itself.

trafilatura finds the article body; around it we do the few things it cannot know about
our use, each because a real page showed the need (see tests/ingest):

* **Charset first.** We decode before trafilatura sees the page, so a lying HTTP header
  (ISO-8859-1 over UTF-8 bytes) or a windows-1252 page is decoded the same way for every
  reader, with a note when the declaration was wrong.
* **Depth guard.** A hostile page of 100 000 nested ``<div>`` makes tree builders and
  recursive extractors hang or overflow the stack, so nesting is measured with a flat
  linear scan before any tree is built, and too-deep pages are refused.
* **Promo boxes out.** Newsletter sign-ups and trust badges sit inside article bodies
  where trafilatura keeps them; small elements whose class or id says so are pruned.
* **Lead back in.** The standfirst/ingress often sits in its own box between headline and
  body, which trafilatura drops; when the page's own description starts an element right
  after the headline and that text is missing, it is put back as the first paragraph.
* **Headline over junk titles.** The visible ``<h1>`` is preferred to a metadata title
  that is missing, a CMS name (``escenic``) or the site's name, and used whenever it
  shares words with the metadata title (it is what readers saw).
* **Publication date from the page's own claims** (``article:published_time``, JSON-LD
  ``datePublished``) before trafilatura's guess, which can pick the modified date.

Paragraphs are separated by one blank line, as in the gold format.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from claimledger.errors import NO_TEXT, TOO_DEEP, TOO_LARGE, InputError
from claimledger.model import Article, RawDoc

from .lang import choose_language, has_letters
from .pagemeta import page_meta
from .text import Decoded, decode_bytes, normalize_charset

MIN_TEXT_LETTERS = 25
"""Extracted text with fewer letters than this is no article (menus, cookie banners)."""
MAX_ELEMENTS = 100_000
"""More elements than this is no article page (real news pages have a few thousand), and
extraction time grows with the tree: a page of a million ``<p>`` would take minutes."""
FULL_TEXT_CHARS = 2500
"""Main text at least this long is kept from trafilatura's own extractor alone; shorter text is
extracted again with its fallbacks (readability, jusText) compared in. The figure is the one
trafilatura itself uses to skip that comparison when recall is favoured (ten times its
250-character minimum): on a full article the fallbacks never won on our pages and cost a
third of the extraction time."""

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)|<\?xml[^>]+?encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.I
)
_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\s/>]*)([^>]*>)?)")
"""A comment's start, or a tag's name and (group 4, None where the text has no ``>`` left) the rest up to ``>``."""
# fmt: off
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "isindex",
})
# End tags that HTML lets authors leave out: counting them would make sloppy but harmless
# pages look deep, and the parser closes them implicitly anyway.
_OPTIONAL_END = frozenset({
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rtc", "rp", "caption", "html", "head", "body",
})
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"})
_RAW_END = {name: re.compile("</" + "".join(f"[{c}{c.upper()}]" for c in name)) for name in _RAW_TEXT}
"""A raw-text element's end tag in any case: exactly where ``markup.lower().find('</' + name)`` is
when lowering keeps every offset (see ``scan_markup``)."""
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
    "table", "section", "article", "figure", "figcaption", "header", "footer", "hr", "dd", "dt",
    "dl", "aside", "main", "address",
})
# fmt: on
_BLOCK_TAG = re.compile(rf"(?i)</?(?:{'|'.join(sorted(_BLOCKS))})\b[^>]*>")
# Class/id words (separators removed) of boxes that sit inside article bodies but are not
# the article: newsletter sign-ups, subscription and promo boxes, trust badges, ads.
_PROMO = re.compile(rb"newsletter|promo|signup|subscri|trustbadge|paywall|advert|sponsored")
_NOT_AZ = bytes(b for b in range(128) if not 97 <= b <= 122)
_PROMO_MAX_CHARS = 600
_LEAD_MAX_CHARS = 1200
_LIBXML_MAX_DEPTH = 255
_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@property="og:article:published_time"]/@content',
    '//meta[@name="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//meta[@name="pubdate" or @name="publishdate" or @name="publish-date" or @name="DC.date.issued"'
    ' or @name="dcterms.created" or @name="parsely-pub-date" or @name="sailthru.date"]/@content',
)


def collapse(text: str) -> str:
    """Runs of whitespace (NBSP included) as one space: how texts are compared, never stored."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag (or an XHTML ``<?xml encoding?>``) declares in the first 16 KiB."""
    match = _META_CHARSET.search(data[:16384])
    return (match.group(1) or match.group(2)).decode("ascii") if match else None


def decode_html(raw: RawDoc) -> Decoded:
    """Decode a page: BOM, then valid UTF-8, then the HTTP or ``<meta>`` charset, then windows-1252.

    Valid UTF-8 wins over a declaration because a header claiming ISO-8859-1 over UTF-8
    bytes is a common server default, while legacy text that is valid UTF-8 is rare.
    """
    declared = [label for label in (raw.charset, meta_charset(raw.data)) if label]
    legacy = next((label for label in declared if normalize_charset(label) not in (None, "utf-8")), None)
    decoded = decode_bytes(raw.data, legacy)
    notes = list(decoded.warnings)
    if decoded.encoding == "utf-8" and legacy and not raw.data.isascii() and not notes:
        notes.append(f"declared {legacy} but the bytes are UTF-8; decoded as UTF-8")
    return Decoded(decoded.text, decoded.encoding, tuple(notes))


def scan_markup(markup: str, max_depth: int, max_elements: int = MAX_ELEMENTS) -> tuple[int, int]:
    """(deepest element nesting, number of elements) by a flat scan; stops past either limit.

    No tree is built and nothing recurses, so the cost is one pass over the text whatever
    the page holds. Void elements and elements whose end tag is optional do not count
    towards depth (the parser closes them implicitly); script/style bodies and comments
    are skipped.

    Each tag is matched to its ``>`` by one pattern and the tags come from one ``finditer``,
    started again only after a comment or a raw-text body is skipped (a few times a page);
    a tag with no ``>`` after it ends the scan.
    """
    # where a raw-text body ends: its end tag in any case, as ``markup.lower()`` finds it; lowering the
    # whole page costs more than the scan, and only two characters (U+0130, U+212A) lower to an ASCII
    # letter that is not their own, so only a page holding one of them is lowered
    lower = markup.lower() if "\u0130" in markup or "\u212a" in markup else None
    depth = deepest = pos = elements = 0
    limit = len(markup)
    while pos < limit:
        restart = -1
        for match in _TAG.finditer(markup, pos):
            if match.group(1):
                end = markup.find("-->", match.end())
                if end < 0:
                    return deepest, elements
                restart = end + 3
                break
            if match.group(4) is None:  # no '>' closes it
                return deepest, elements
            name = match.group(3).lower()
            if match.group(2):
                if name not in _VOID and name not in _OPTIONAL_END:
                    depth = max(0, depth - 1)
                continue
            elements += 1
            if elements > max_elements:
                return deepest, elements
            if name in _RAW_TEXT:
                if lower is not None:
                    end = lower.find("</" + name, match.end())
                else:
                    found = _RAW_END[name].search(markup, match.end())
                    end = found.start() if found else -1
                restart = limit if end < 0 else end
                break
            if name not in _VOID and name not in _OPTIONAL_END and markup[match.end() - 2] != "/":
                depth += 1
                if depth > deepest:
                    deepest = depth
                    if deepest > max_depth:
                        return deepest, elements
        if restart < 0:
            break
        pos = restart
    return deepest, elements


def nesting_depth(markup: str, limit: int) -> int:
    """The deepest element nesting in ``markup`` (see ``scan_markup``); stops past ``limit``."""
    return scan_markup(markup, limit, max_elements=len(markup))[0]


def normalize_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like date string (the date as the page states it), else None."""
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _json_ld_dates(tree: Any) -> Iterator[str]:
    """Every ``datePublished`` in the page's JSON-LD blocks, in document order."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    yield item["datePublished"]
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def published_date(tree: Any) -> str | None:
    """The publication date the page claims in its metadata, before any heuristic guess."""
    for xpath in _DATE_XPATHS[:3]:
        for value in tree.xpath(xpath):
            if found := normalize_date(str(value)):
                return found
    for value in _json_ld_dates(tree):
        if found := normalize_date(value):
            return found
    for xpath in _DATE_XPATHS[3:]:
        for value in tree.xpath(xpath):
            if found := normalize_date(str(value)):
                return found
    return None


def _meta(tree: Any, *names: str) -> str | None:
    """The first non-empty ``<meta name|property=...>`` content among ``names``."""
    for name in names:
        for value in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]/@content'):
            if text := collapse(str(value)):
                return text
    return None


def _headline(tree: Any) -> Any | None:
    """The page's headline element: an ``<h1>`` that reads like a headline (3+ words)."""
    candidates = tree.xpath('//h1[@itemprop="headline"]') + tree.xpath("//article//h1") + tree.xpath("//h1")
    for h1 in candidates:
        text = collapse(h1.text_content())
        if len(text.split()) >= 3 and len(text) <= 300:
            return h1
    return None


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w{4,}", (text or "").lower())}


def choose_title(
    meta_title: str | None, headline: str | None, others: list[str | None], site: str | None
) -> str | None:
    """The headline when the metadata title is junk or agrees with it; else the metadata title.

    Junk is a missing title, the site's own name, or a single word (a CMS name such as
    ``escenic``); a single word is still better than nothing when there is no headline.
    """
    is_site = bool(meta_title) and collapse(meta_title or "").lower() == (site or "").lower()
    weak = not meta_title or is_site or len(meta_title.split()) < 2
    if headline and (weak or any(_words(headline) & _words(t) for t in [meta_title, *others])):
        return headline
    return meta_title if meta_title and not is_site else headline


def _prune_promos(tree: Any) -> None:
    """Remove small elements whose class or id names them a newsletter box, promo or badge."""
    doomed = []
    for el in tree.xpath("//*[@class or @id]"):
        # the label's a-z letters only: bytes.translate does in C what a regex substitution did per element
        label = f"{el.get('class', '')}{el.get('id', '')}".lower().encode("ascii", "ignore").translate(None, _NOT_AZ)
        if _PROMO.search(label) and len(el.text_content()) <= _PROMO_MAX_CHARS:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _lead(tree: Any, headline: Any | None, description: str | None, body: str) -> str | None:
    """The standfirst right after the headline, when the page's description starts it and it is missing."""
    if headline is None or not description or len(description) < 40:
        return None
    probe = description.rstrip(".… ")[:60]
    best: str | None = None
    for el in headline.xpath("following::*[position() <= 60]"):
        if not isinstance(el.tag, str):
            continue
        raw = el.text_content()
        head = collapse(raw[: 2 * len(probe) + 80])  # a prefix of collapse(raw), so a mismatch here is final:
        if len(head) > len(probe) and not head.startswith(probe):  # most of the 60 are long containers
            continue
        text = collapse(raw)
        if not text.startswith(probe):
            continue
        if len(text) > _LEAD_MAX_CHARS:
            # An unclosed standfirst swallows the body in the parsed tree; the page's
            # own description, when the element starts with all of it, is the lead.
            text = description if text.startswith(description) else ""
        if text and (best is None or len(text) < len(best)):
            best = text
    if best is None or best[:80] in body:
        return None
    return best


def _paragraphs(text: str) -> str:
    """trafilatura's one-block-per-line text with a blank line between blocks."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _without_headline(body: str, titles: set[str | None]) -> str:
    """The body minus a first paragraph that only repeats the headline (it is kept as the title)."""
    first, _, rest = body.partition("\n\n")
    return rest if rest and collapse(first) in titles else body


_TRAFILATURA = threading.Lock()
"""trafilatura parses every page with one module-level lxml ``HTMLParser``, and an lxml parser
used by two threads at once can abort the whole process inside libxml2 (it did, about one run
in ten, while feed entries' linked pages were extracted on the follow pool's threads). Pages
are extracted one at a time; fetching them stays parallel."""


def extract_html(raw: RawDoc, *, max_depth: int, lang: str | None = None) -> Article | InputError:
    """One HTML page as an Article, or the reason it has none."""
    with _TRAFILATURA:
        return _extract_html(raw, max_depth=max_depth, lang=lang)


def _extract_html(raw: RawDoc, *, max_depth: int, lang: str | None = None) -> Article | InputError:
    decoded = decode_html(raw)
    markup = decoded.text
    depth, elements = scan_markup(markup, max_depth)
    if depth > max_depth:
        return InputError(raw.raw_ref, TOO_DEEP, f"HTML nested more than {max_depth} levels deep (max_html_depth)")
    if elements > MAX_ELEMENTS:
        return InputError(raw.raw_ref, TOO_LARGE, f"HTML has more than {MAX_ELEMENTS:,} elements; not an article page")
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            return InputError(raw.raw_ref, NO_TEXT, "HTML could not be parsed into a page")
        headline_el = _headline(tree)
        headline = collapse(headline_el.text_content()) if headline_el is not None else None
        description = _meta(tree, "description", "og:description", "twitter:description")
        claimed_date = published_date(tree)
        others = [_meta(tree, "og:title", "twitter:title")] + [
            collapse(t.text_content()) for t in tree.xpath("//title")
        ]
        html_lang = (tree.xpath("/html/@lang") or [None])[0]
        _prune_promos(tree)
        url = raw.uri if raw.uri.startswith(("http://", "https://")) else None
        meta = page_meta(tree, url, date=claimed_date is None)
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True, fast=True)
        if len(getattr(doc, "text", None) or "") < FULL_TEXT_CHARS:
            doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True)
    except (RecursionError, ValueError, etree.LxmlError) as exc:
        return InputError(
            raw.raw_ref,
            TOO_DEEP if isinstance(exc, RecursionError) else NO_TEXT,
            f"HTML could not be extracted ({type(exc).__name__})",
        )
    title = choose_title(meta.title, headline, others, site := meta.sitename)
    body = _without_headline(_paragraphs(getattr(doc, "text", None) or ""), {headline, title})
    lead = _lead(tree, headline_el, description, collapse(body))
    if lead:
        body = f"{lead}\n\n{body}" if body else lead
    if not has_letters(body, MIN_TEXT_LETTERS):
        return InputError(raw.raw_ref, NO_TEXT, "HTML page has no main text")
    canonical = meta.url
    return Article(
        text=body,
        lang=lang or choose_language(body, str(html_lang) if html_lang else None),
        title=title,
        published=claimed_date or normalize_date(meta.date),
        outlet=site,
        url=url or canonical,
        canonical_url=canonical,
        fetched_at=raw.fetched_at,
        raw_ref=raw.raw_ref,
        warnings=decoded.warnings,
    )


def fragment_text(markup: str) -> str:
    """An HTML fragment (a feed entry's body) as text, one blank line between blocks.

    Walks the tree with ``iterwalk`` (no recursion) and keeps every text node outside
    scripts and styles; ``<br>`` becomes a line break. libxml2 silently drops what lies
    deeper than 255 levels, so a deeper fragment is flattened by tag stripping instead.
    """
    if nesting_depth(markup, _LIBXML_MAX_DEPTH) > _LIBXML_MAX_DEPTH:
        return _stripped_text(markup)
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//object"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            parts.append("\n\n" if tag in _BLOCKS else "\n" if tag == "br" else "")
            parts.append(el.text or "" if isinstance(el.tag, str) else "")
        else:
            parts.append("\n\n" if tag in _BLOCKS else "")
            if el is not root:
                parts.append(el.tail or "")
    return _blocks("".join(parts))


def _stripped_text(markup: str) -> str:
    """Text of markup too deep to parse: scripts and styles dropped, tags removed, entities decoded."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = _BLOCK_TAG.sub("\n\n", markup)
    return _blocks(html_lib.unescape(re.sub(r"<[^>]*>", "", markup)))


def _blocks(text: str) -> str:
    """Blank-line separated blocks, each line's whitespace collapsed, empty lines dropped."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in block.split("\n")]
        if text := "\n".join(line for line in lines if line):
            paragraphs.append(text)
    return "\n\n".join(paragraphs)
