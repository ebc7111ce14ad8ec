"""Read every kind of input into Articles: one entry point, one module per format.

``read_articles(sources)`` yields an ``Article`` for each article it can read and an
``InputError`` (never raised) for each input it cannot, so a batch goes on past a bad item.

::

    sources --sniff.expand_sources--> Input (file | folder entry | URL | stdin)
      file/stdin --sniff.open_path/read_stream--> kind decided from the bytes
      URL --fetch.Fetcher--> RawDoc --sniff.sniff_kind--> kind
      kind: text -> text.read_text       html -> html.extract_html
            feed -> feeds.read_feed (linked pages only with follow_links: follow.py)
            warc -> warc.iter_warc -> html/text per record
            jsonl -> jsonl.iter_jsonl
            urls -> each URL read as a URL source, once (urllist.py; files and stdin only)

Each module catches the failures it knows (narrowly) and turns them into an InputError
naming the input. Around each input there is one more guard: third-party readers
(trafilatura, feedparser, warcio) can fail on hostile input in ways no documentation
lists, and one such page must not end a batch of ten thousand. Those failures are
reported with the code ``internal-error`` and the exception's type, so they read as our
bug to fix rather than as a property of the input.

Misuse is different from bad input: ``read_articles("ab.txt")`` (a string where a list
of sources belongs) or a source that is not a path or URL raises ``ArgumentError`` (a
``TypeError`` too) at the call, before anything is read (``check_sources``), rather
than reading six one-letter files.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import httpx

from claimledger.errors import INTERNAL, UNSUPPORTED, ArgumentError, InputError, UsageError
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

from . import feeds, html, jsonl, sniff, text, urllist, warc
from .fetch import Fetcher
from .follow import Followed, follow_links
from .lang import detect_language
from .notes import summarize_errors, summarize_notes

__all__ = ["check_sources", "detect_language", "list_inputs", "read_articles", "read_inputs", "summarize_errors",
           "summarize_notes"]

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
        self.follower = self.follow if settings.follow_links else None

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
        if opened.kind is sniff.Kind.URLS and opened.data is not None:
            yield from self.url_list(item.name, opened.data, item.lines)
            return
        if opened.data is None:  # a streamed kind, read from its path record by record
            yield from self.dispatch(opened.kind, item.name, path=item.path, lines=item.lines, records=item.records)
            return
        media = _MEDIA_TYPES[opened.kind]
        raw = RawDoc(uri=item.name, data=opened.data, media_type=media, raw_ref=item.name)
        if opened.kind is sniff.Kind.FEED and item.entries is not None:  # a batch shard's entry range
            yield from feeds.read_feed(raw, follow=self.follower, lang=self.lang, items=item.entries)
            return
        yield from self.dispatch(opened.kind, item.name, raw=raw)

    def dispatch(
        self, kind: sniff.Kind, name: str, *, raw: RawDoc | None = None, path: Path | None = None,
        lines: tuple[int, int] | None = None, records: tuple[int, int] | None = None,
    ) -> Iterator[Article | InputError]:
        """Hand an input to the reader for its kind: bytes in memory (``raw``) or a file to stream."""
        limit = self.settings.max_bytes
        if kind is sniff.Kind.WARC:
            if raw is not None:
                yield from self.warc(warc.read_warc_bytes(raw.data, name, max_bytes=limit))
            elif path is not None:
                yield from self.warc(warc.read_warc_path(path, name, max_bytes=limit, records=records))
        elif kind is sniff.Kind.JSONL:
            if raw is not None:
                yield from jsonl.iter_jsonl(io.BytesIO(raw.data), name, max_bytes=limit, lang=self.lang)
            elif path is not None:
                yield from jsonl.read_jsonl_path(path, name, max_bytes=limit, lang=self.lang, lines=lines)
        elif raw is not None:
            yield from self.document(raw, kind)

    def document(self, raw: RawDoc, kind: sniff.Kind) -> Iterator[Article | InputError]:
        """A single document (text, HTML page or feed) already in memory."""
        if kind is sniff.Kind.HTML:
            yield html.extract_html(raw, max_depth=self.settings.max_html_depth, lang=self.lang)
        elif kind is sniff.Kind.FEED:
            yield from feeds.read_feed(raw, follow=self.follower, lang=self.lang)
        elif kind is sniff.Kind.TEXT:
            yield text.read_text(raw, lang=self.lang)
        else:
            yield InputError(raw.raw_ref, UNSUPPORTED, f"a {kind.value} input cannot be read here")

    def url_list(self, name: str, data: bytes, lines: tuple[int, int] | None) -> Iterator[Article | InputError]:
        """A URL list's pages (those first listed on ``lines``; all without): each URL read as if
        given as a source, behind its own guard, so one bad URL is one error and the list goes on."""
        for listed in urllist.select(urllist.parse(urllist.decode(data)), lines):
            note = listed.note(name)
            for result in _guarded(listed.url, self.read(sniff.Input(listed.url, url=listed.url))):
                if note is not None and isinstance(result, Article):
                    result, note = replace(result, warnings=(*result.warnings, note)), None
                yield result

    def warc(self, records: Iterator[RawDoc | InputError]) -> Iterator[Article | InputError]:
        """Each article record of an archive, extracted by its media type."""
        for record in records:
            if isinstance(record, InputError):
                yield record
            elif record.media_type == "text/plain":
                yield text.read_text(record, lang=self.lang)
            else:
                yield html.extract_html(record, max_depth=self.settings.max_html_depth, lang=self.lang)

    def follow(self, links: list[str]) -> Followed:
        """A feed's linked pages, within ``follow_max`` and ``follow_deadline`` (see ``follow.py``)."""
        _ = self.fetcher  # opened here, once, before the worker threads share it
        limits = self.settings
        return follow_links(links, self.read_page, max_pages=limits.follow_max, deadline=limits.follow_deadline)

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


def check_sources(sources: object) -> list[str | Path]:
    """``sources`` as a list, or ArgumentError/UsageError when it is not an iterable of paths and URLs.

    A bare string is iterable too, and iterating it reads one file per character; it is
    refused with the fix in the message, as is anything whose items are not str or Path.
    """
    if isinstance(sources, str | bytes | os.PathLike):
        raise ArgumentError(
            f"sources must be a list of paths or URLs, not one {type(sources).__name__}: pass [{sources!r}]"
        )
    try:
        items = list(sources)  # type: ignore[call-overload]
    except TypeError:
        raise ArgumentError(f"sources must be a list of paths or URLs, not {type(sources).__name__}") from None
    for number, item in enumerate(items, start=1):
        if not isinstance(item, str | os.PathLike) or isinstance(item, bytes):
            raise ArgumentError(f"source {number} is a {type(item).__name__}, not a path or URL (str or Path)")
        if isinstance(item, str) and not item.strip():
            raise UsageError(f"source {number} is an empty string, not a path or URL")
    return [item if isinstance(item, str) else Path(item) for item in items]


def _check_options(
    settings: object, lang: object, transport: object, stdin: object, follow: object
) -> None:
    """Refuse options of the wrong type at the call, where the mistake is, not deep inside a read."""
    checks = (
        ("settings", settings, Settings, "a Settings"),
        ("lang", lang, str, "a language code (str)"),
        ("transport", transport, httpx.BaseTransport, "an httpx.BaseTransport"),
        ("follow_links", follow, bool, "a bool"),
    )
    for name, value, kind, what in checks:
        if value is not None and not isinstance(value, kind):
            raise ArgumentError(f"{name} must be {what} or None, not {type(value).__name__}")
    if stdin is not None and not callable(getattr(stdin, "read", None)):
        raise ArgumentError(f"stdin must be a binary stream or None, not {type(stdin).__name__}")


def read_articles(
    sources: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
    follow_links: bool | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article for every article in ``sources`` and an InputError for every input that fails.

    ``sources``: a list of files, folders (read recursively, sorted, hidden names skipped;
    links out of the folder only with ``follow_symlinks``), http(s) URLs and ``"-"`` for
    standard input (``stdin`` replaces ``sys.stdin.buffer``). A file (or standard input) whose
    every non-blank, non-``#`` line is an http(s) URL is a URL list: each URL is read as a source.
    ``lang``: use this language code for every article instead of detecting it.
    ``transport``: an httpx transport for every request (tests pass ``httpx.MockTransport``).
    ``follow_links``: fetch the linked pages of feed entries that carry only a teaser
    (None: ``settings.follow_links``, off by default); see ``follow.py`` for its bounds.
    Nothing is raised for bad input; errors are yielded in the order the inputs are read.
    Misuse (a bare string for ``sources``, options of the wrong type) raises
    ``ArgumentError`` here, at the call.
    """
    items = check_sources(sources)
    _check_options(settings, lang, transport, stdin, follow_links)
    options = settings or Settings()
    if follow_links is not None:
        options = replace(options, follow_links=follow_links)
    return _read_all(items, _Reader(options, lang, transport, stdin))


def _read_all(sources: list[str | Path], reader: _Reader) -> Iterator[Article | InputError]:
    """The batch itself: every input in turn, each behind the guard, the HTTP client closed at the end."""
    return _read_inputs(sniff.expand_sources(sources, follow_symlinks=reader.settings.follow_symlinks), reader)


def _read_inputs(inputs: Iterable[sniff.Input | InputError], reader: _Reader) -> Iterator[Article | InputError]:
    try:
        for item in inputs:
            results = [item] if isinstance(item, InputError) else _guarded(item.name, reader.read(item))
            for result in results:
                yield _one_line(result) if isinstance(result, InputError) else result
    finally:
        reader.close()


def list_inputs(sources: Iterable[str | Path], settings: Settings | None = None) -> Iterator[sniff.Input | InputError]:
    """The inputs ``read_articles`` would read, in its order, unread: what a batch engine shards."""
    options = settings or Settings()
    return sniff.expand_sources(check_sources(sources), follow_symlinks=options.follow_symlinks)


def read_inputs(
    inputs: Iterable[sniff.Input], settings: Settings | None = None, *, lang: str | None = None,
) -> Iterator[Article | InputError]:
    """``read_articles`` for inputs already listed (``list_inputs``, a shard of them): the same
    readers, names and guards, so a shard read on a worker gives what a whole read gives."""
    return _read_inputs(list(inputs), _Reader(settings or Settings(), lang, None, None))
