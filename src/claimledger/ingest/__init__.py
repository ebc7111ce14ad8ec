"""Read every kind of input into Articles: one entry point, one module per format.

``read_articles(sources)`` yields an ``Article`` for each article it can read and an
``InputError`` (never raised) for each input it cannot, so a batch goes on past a bad item.

::

    sources --sniff.expand_sources--> Input (file | folder entry | URL | stdin)
      file/stdin --sniff.open_path/read_stream--> kind decided from the bytes
      URL --fetch.Fetcher--> RawDoc --sniff.sniff_kind--> kind
      kind: text -> text.read_text       html -> html.extract_html
            feed -> feeds.read_feed (linked pages: fetch + html)
            warc -> warc.iter_warc -> html/text per record
            jsonl -> jsonl.iter_jsonl

Each module catches the failures it knows (narrowly) and turns them into an InputError
naming the input. Around each input there is one more guard: third-party readers
(trafilatura, feedparser, warcio) can fail on hostile input in ways no documentation
lists, and one such page must not end a batch of ten thousand. Those failures are
reported with the code ``internal-error`` and the exception's type, so they read as our
bug to fix rather than as a property of the input.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import httpx

from claimledger.errors import INTERNAL, UNSUPPORTED, InputError
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

from . import feeds, html, jsonl, sniff, text, warc
from .fetch import Fetcher
from .lang import detect_language

__all__ = ["detect_language", "read_articles"]

_MEDIA_TYPES = {
    sniff.Kind.TEXT: "text/plain",
    sniff.Kind.HTML: "text/html",
    sniff.Kind.FEED: "application/xml",
    sniff.Kind.JSONL: "application/jsonl",
    sniff.Kind.WARC: "application/warc",
}


class _Reader:
    """One batch: the settings, the language override and a lazily opened HTTP client."""

    def __init__(
        self,
        settings: Settings,
        lang: str | None,
        transport: httpx.BaseTransport | None,
        stdin: BinaryIO | None,
    ) -> None:
        self.settings = settings
        self.lang = lang
        self.transport = transport
        self.stdin = stdin
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings, transport=self.transport)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read(self, item: sniff.Input) -> Iterator[Article | InputError]:
        """Everything one input holds: fetch or open it, decide its kind, hand it to its reader."""
        if item.url is not None:
            raw = self.fetcher.get(item.url)
            if isinstance(raw, InputError):
                yield raw
                return
            kind = sniff.sniff_kind(raw.data[: sniff.HEAD_BYTES], item.url)
            if isinstance(kind, InputError):
                yield kind
                return
            yield from self.dispatch(kind, item.name, raw=raw)
            return
        if item.path is not None:
            opened = sniff.open_path(item.path, item.name, self.settings.max_bytes)
        else:
            opened = sniff.read_stream(self.stdin or _binary_stdin(), item.name, self.settings.max_bytes)
        if isinstance(opened, InputError):
            yield opened
            return
        if opened.data is None:  # a streamed kind, read from its path record by record
            yield from self.dispatch(opened.kind, item.name, path=item.path)
            return
        media = _MEDIA_TYPES[opened.kind]
        raw = RawDoc(uri=item.name, data=opened.data, media_type=media, raw_ref=item.name)
        yield from self.dispatch(opened.kind, item.name, raw=raw)

    def dispatch(
        self, kind: sniff.Kind, name: str, *, raw: RawDoc | None = None, path: Path | None = None
    ) -> Iterator[Article | InputError]:
        """Hand an input to the reader for its kind: bytes in memory (``raw``) or a file to stream."""
        limit = self.settings.max_bytes
        if kind is sniff.Kind.WARC:
            if raw is not None:
                yield from self.warc(warc.read_warc_bytes(raw.data, name, max_bytes=limit))
            elif path is not None:
                yield from self.warc(warc.read_warc_path(path, name, max_bytes=limit))
        elif kind is sniff.Kind.JSONL:
            if raw is not None:
                yield from jsonl.iter_jsonl(io.BytesIO(raw.data), name, max_bytes=limit, lang=self.lang)
            elif path is not None:
                yield from jsonl.read_jsonl_path(path, name, max_bytes=limit, lang=self.lang)
        elif raw is not None:
            yield from self.document(raw, kind)

    def document(self, raw: RawDoc, kind: sniff.Kind) -> Iterator[Article | InputError]:
        """A single document (text, HTML page or feed) already in memory."""
        if kind is sniff.Kind.HTML:
            yield html.extract_html(raw, max_depth=self.settings.max_html_depth, lang=self.lang)
        elif kind is sniff.Kind.FEED:
            yield from feeds.read_feed(
                raw, fetch_links=self.settings.fetch_feed_links, read_page=self.read_page, lang=self.lang
            )
        elif kind is sniff.Kind.TEXT:
            yield text.read_text(raw, lang=self.lang)
        else:
            yield InputError(raw.raw_ref, UNSUPPORTED, f"a {kind.value} input cannot be read here")

    def warc(self, records: Iterator[RawDoc | InputError]) -> Iterator[Article | InputError]:
        """Each article record of an archive, extracted by its media type."""
        for record in records:
            if isinstance(record, InputError):
                yield record
            elif record.media_type == "text/plain":
                yield text.read_text(record, lang=self.lang)
            else:
                yield html.extract_html(record, max_depth=self.settings.max_html_depth, lang=self.lang)

    def read_page(self, url: str) -> Article | InputError:
        """A feed entry's linked page: fetched, sniffed and extracted as one article."""
        raw = self.fetcher.get(url)
        if isinstance(raw, InputError):
            return raw
        kind = sniff.sniff_kind(raw.data[: sniff.HEAD_BYTES], url)
        if isinstance(kind, InputError):
            return kind
        if kind is sniff.Kind.HTML:
            return html.extract_html(raw, max_depth=self.settings.max_html_depth, lang=self.lang)
        if kind is sniff.Kind.TEXT:
            return text.read_text(raw, lang=self.lang)
        return InputError(url, UNSUPPORTED, f"linked page is a {kind.value} document, not an article")


def _binary_stdin() -> BinaryIO:
    return sys.stdin.buffer


def _guarded(name: str, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    """Pass items through; turn an unforeseen library failure into one INTERNAL error line."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - the batch boundary; see the module docstring
        detail = " ".join(str(exc).split())[:160]
        yield InputError(name, INTERNAL, f"reader failed unexpectedly ({type(exc).__name__}: {detail})")


def _one_line(error: InputError) -> InputError:
    """The error with any line breaks (from a file name or a library's message) flattened.

    A user's terminal and scripts read one error per line; a message quoting an exception
    or a file name with a newline in it must not break that.
    """
    message = " ".join(error.message.split())
    source = error.source.replace("\r", "\\r").replace("\n", "\\n")
    if message == error.message and source == error.source:
        return error
    return InputError(source, error.code, message)


def read_articles(
    sources: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article for every article in ``sources`` and an InputError for every input that fails.

    ``sources``: files, folders (read recursively, sorted, hidden names skipped), http(s)
    URLs and ``"-"`` for standard input (``stdin`` replaces ``sys.stdin.buffer``).
    ``lang``: use this language code for every article instead of detecting it.
    ``transport``: an httpx transport for every request (tests pass ``httpx.MockTransport``).
    Nothing is raised for bad input; errors are yielded in the order the inputs are read.
    """
    if isinstance(sources, str | Path):  # one source given bare: not a string of one-letter paths
        sources = [sources]
    reader = _Reader(settings or Settings(), lang, transport, stdin)
    try:
        for item in sniff.expand_sources(sources):
            results = [item] if isinstance(item, InputError) else _guarded(item.name, reader.read(item))
            for result in results:
                yield _one_line(result) if isinstance(result, InputError) else result
    finally:
        reader.close()
