"""Turn the user's sources into inputs, and decide what each input is from its bytes.

Extensions lie (``.html`` files that are feeds, ``.txt`` files that are HTML, downloads
with no name at all), so the kind is read from the content: magic bytes, the first
markup tag, the first JSON line. The extension only breaks ties the content leaves open.

A local file or standard input whose every non-blank line not starting with ``#`` is one
http(s) URL is a URL list (``Kind.URLS``, read as the pages it names: ``urllist.py``); one
line of prose among the URLs makes it a text article. A fetched body is never a URL list
(``sniff_kind(..., url_list=False)``, the default): a server does not choose what else to fetch.

This is also the gate for inputs that are not text at all: images, PDFs, archives and
random bytes are refused here with a one-line reason, before any parser sees them, and
so are missing, empty and oversized files. Containers that are read record by record
(WARC, JSON Lines) are exempt from the whole-file size cap (crawls are gigabytes);
each of their records is capped instead.

A folder is read as what it holds, not as what its links point to: a symbolic link in
it that leads outside the folder (``secrets -> /etc/passwd``, ``home -> ~``) is skipped
with an ``outside-folder`` error unless ``follow_symlinks`` is on. Links that stay
inside are followed, each file and folder is read once however many links reach it,
and a link that leads back into a folder being read ends as one ``symlink-loop`` error.
"""

from __future__ import annotations

import enum
import errno
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimledger.errors import (
    BINARY,
    EMPTY,
    MISSING,
    OUTSIDE_FOLDER,
    SYMLINK_LOOP,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED,
    InputError,
)

from . import urllist
from .text import bom_encoding

HEAD_BYTES = 65_536
"""How much of an input is read to decide its kind."""

STDIN_NAME = "<stdin>"


class Kind(enum.Enum):
    """What an input is, which decides the module that reads it."""

    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"
    JSONL = "jsonl"
    URLS = "urls"


STREAMED = frozenset({Kind.WARC, Kind.JSONL})
"""Kinds read record by record, so the whole-file size cap does not apply to them."""


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a file, a URL or standard input, under the name the user gave it."""

    name: str
    path: Path | None = None
    url: str | None = None
    stdin: bool = False
    lines: tuple[int, int] | None = None
    """For a JSON Lines file or URL list: read only lines ``first`` to ``last`` (1-based, inclusive); a batch shard."""
    records: tuple[int, int] | None = None
    """For a WARC file: read only the records starting at byte ``start`` up to ``end``; a batch shard."""
    entries: tuple[int, int] | None = None
    """For an RSS/Atom feed: read only entries ``first`` to ``last`` (1-based, inclusive); a batch shard."""


# Magic numbers of formats that are certainly not text, with the name a user recognises.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty zip archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)  # what no text file holds
_MAX_NUL_RATIO = 0.001
_MAX_CONTROL_RATIO = 0.02

_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf", "channel"}
_HTML_TAGS = {
    "html", "head", "body", "meta", "title", "link", "script", "style", "div", "p", "span", "a",
    "article", "section", "main", "header", "footer", "nav", "table", "ul", "ol", "form", "img",
    "br", "hr", "b", "i", "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "base", "noscript",
    "iframe", "center", "font", "blockquote", "pre", "figure", "aside", "template", "svg",
}  # fmt: skip
_LATE_HTML = re.compile(rb"^\s*<(?:!doctype html|html|head|body)[\s>]", re.I | re.M)
_JSON_OBJECT_START = re.compile(rb'\s*\{\s*"[^"\n]{1,64}"\s*:')
_XML_SUFFIXES = (".xml", ".rss", ".atom")
_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9:_.-]*)")
_DOCTYPE_NAME = re.compile(rb"<!DOCTYPE\s+([A-Za-z_:][A-Za-z0-9_:.-]*)", re.I)
_SKIP_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S | re.I)


def describe_binary(head: bytes) -> str | None:
    """What kind of binary data ``head`` starts, or None if it may be text.

    Magic numbers name the common cases; otherwise a share of NUL bytes or of control
    characters that no text file has (tab, newline, form feed and escape excepted)
    marks random or unknown binary data.
    """
    for magic, label in _MAGIC:
        if head.startswith(magic):
            return label
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if bom_encoding(head) is not None or not head:
        return None
    controls = len(head) - len(head.translate(None, _BINARY_CONTROLS))  # counted in C, not byte by byte
    if head.count(0) > _MAX_NUL_RATIO * len(head) or controls > _MAX_CONTROL_RATIO * len(head):
        return "binary data"
    return None


def gunzip_head(head: bytes, limit: int = 4096) -> bytes:
    """The first bytes inside a gzip stream (empty if it cannot be decompressed)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, limit)
    except zlib.error:
        return b""


def _ascii_view(head: bytes) -> bytes:
    """The head as bytes an ASCII regex can read (UTF-16/32 text is transcoded first)."""
    bom = bom_encoding(head)
    if bom is None:
        return head
    codec, size, _ = bom
    return head[size:].decode(codec, errors="ignore").encode("utf-8", errors="ignore")


def _first_tag(view: bytes) -> str | None:
    """The name of the root element, after the XML declaration, comments and DOCTYPE.

    A DOCTYPE names the root element too, which matters when its internal subset runs
    past the head (an entity bomb): the name alone then decides.
    """
    pos = 0
    while match := _SKIP_PROLOG.match(view, pos):
        if match.end() == pos:
            break
        pos = match.end()
    rest = view[pos:].lstrip()
    doctype = _DOCTYPE_NAME.match(rest)
    if doctype:
        return doctype.group(1).decode("ascii").lower()
    tag = _TAG.match(rest)
    return tag.group(1).decode("ascii").lower() if tag else None


def _json_lines_vote(view: bytes) -> bool:
    """True if one of the first lines parses as a JSON object (the first may be the bad one).

    A first line longer than the head cannot be parsed here; an object that opens with a
    quoted key (``{"id": ...``) is taken as JSON Lines then, and its reader has the last word.
    """
    lines = view.splitlines()
    if len(lines) == 1 and _JSON_OBJECT_START.match(view):
        return True
    for line in lines[:5]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, UnicodeDecodeError):
            continue
    return False


def sniff_kind(head: bytes, name: str, *, url_list: bool = False) -> Kind | InputError:
    """Decide the kind of an input from its first bytes, the name breaking ties.

    ``url_list``: a text whose lines are all http(s) URLs is ``Kind.URLS`` (for local files
    and standard input; see the module docstring). A head of ``HEAD_BYTES`` may be cut
    mid-line, so its last line is not judged; ``open_path`` and ``read_stream`` judge the
    whole input again once it is read.
    """
    suffix = Path(name.split("?")[0]).suffix.lower()
    if head.startswith(b"\x1f\x8b"):
        inner = gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return Kind.WARC
        return InputError(name, UNSUPPORTED, "gzip data that is not a WARC archive; unpack it first")
    if head.startswith(b"WARC/"):
        return Kind.WARC
    if head.lstrip().startswith(b"{") and _json_lines_vote(head.lstrip()):
        # Before the binary check: a JSON Lines file with a NUL-filled tail (a crash mid-write)
        # or one line of junk is still a file of records, each read or refused on its own line.
        return Kind.JSONL
    label = describe_binary(head)
    if label is not None:
        return InputError(
            name,
            BINARY,
            f"binary data ({label}), not text" if label != "binary data" else "binary data, not text",
        )
    view = _ascii_view(head)
    stripped = view.lstrip()
    if stripped.startswith(b"<"):
        tag = _first_tag(view)
        if tag in _FEED_ROOTS:
            return Kind.FEED
        if tag in _HTML_TAGS or tag is None and suffix in (".html", ".htm"):
            return Kind.HTML
        if stripped.startswith((b"<?xml", b"<!DOCTYPE")) or tag is not None and suffix in _XML_SUFFIXES:
            return Kind.FEED  # other XML: the feed reader checks it for safety and says why not
    if stripped.startswith(b"{") and (_json_lines_vote(stripped) or suffix in (".jsonl", ".ndjson")):
        return Kind.JSONL
    if stripped.startswith((b"{", b"[")) and suffix == ".json":
        return InputError(name, UNSUPPORTED, "a JSON document, not JSON Lines (one article per line)")
    if not stripped.startswith((b"{", b"[")) and _LATE_HTML.search(view[:4096]):
        return Kind.HTML  # markup after some leading junk (a stray byte, a server banner)
    if url_list and urllist.is_url_list(urllist.decode(head), cut=len(head) >= HEAD_BYTES):
        return Kind.URLS
    return Kind.TEXT


def expand_sources(sources: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Input | InputError]:
    """Files, folders (recursively, sorted; hidden names and README/SOURCES/LICENSE skipped), URLs, ``-``.

    ``follow_symlinks``: also read links in a folder that point outside it.
    """
    for source in sources:
        text = str(source)
        if isinstance(source, str) and text == "-":
            yield Input(STDIN_NAME, stdin=True)
        elif isinstance(source, str) and re.match(r"(?i)https?://", text):
            yield Input(text, url=text)
        elif isinstance(source, str) and re.match(r"(?i)[a-z][a-z0-9+.-]*://", text):
            yield InputError(text, UNSUPPORTED, "only http:// and https:// URLs can be read")
        else:
            yield from _expand_path(Path(source), text, follow_symlinks)


_FOLDER_DOCS = re.compile(r"(?i)^(readme|sources|licen[cs]e|notice|copying|changelog|authors)(\.[a-z]+)?$")


def _is_folder_doc(name: str) -> bool:
    """A folder's own README, SOURCES or LICENSE file describes the articles; it is not one of them."""
    return bool(_FOLDER_DOCS.match(name)) or name.endswith((".py", ".sh", ".md5", ".sha256"))


def _expand_path(path: Path, name: str, follow_symlinks: bool) -> Iterator[Input | InputError]:
    """One path as inputs: a file, or every visible file below a folder."""
    try:
        if not path.exists():
            yield InputError(name, MISSING, "no such file or folder")
            return
        if not path.is_dir():
            yield Input(name, path=path)
            return
        root = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        yield InputError(name, UNREADABLE, f"cannot be read ({getattr(exc, 'strerror', None) or exc})")
        return
    found = 0
    for item in _FolderWalk(root, follow_symlinks).walk(path):
        found += isinstance(item, Input)
        yield item
    if not found:
        yield InputError(name, EMPTY, "folder holds no (visible) files")


class _FolderWalk:
    """A depth-first walk of one folder, sorted by name, that knows where every link leads.

    ``os.walk`` lists a link to a file as a file, so a folder holding ``passwd ->
    /etc/passwd`` would hand that file over as an article; here each link is resolved
    first and judged by where it ends. Real folders and files are remembered by their
    resolved path, so two links to one file read it once, and a folder reached again
    from inside itself is a loop, reported once, not walked.
    """

    def __init__(self, root: Path, follow_symlinks: bool) -> None:
        self.root = root
        self.follow_symlinks = follow_symlinks
        self.seen: set[Path] = {root}

    def walk(self, folder: Path) -> Iterator[Input | InputError]:
        """Inputs for every visible file below ``folder``, errors for links and folders that cannot be read."""
        opened = self._listing(folder, str(folder))
        if isinstance(opened, InputError):
            yield opened
            return
        # Each level: its entries still to visit, its real path, and the real folders above it.
        stack: list[tuple[Iterator[os.DirEntry[str]], Path, frozenset[Path]]] = [(opened, self.root, frozenset())]
        while stack:
            entries, real, above = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            resolved = self._resolve(entry, real, above | {real})
            if isinstance(resolved, InputError):
                yield resolved
            elif resolved in self.seen:
                continue  # reached before, by its own name or another link
            elif resolved.is_dir():
                self.seen.add(resolved)
                listing = self._listing(Path(entry.path), entry.path)
                if isinstance(listing, InputError):
                    yield listing
                else:
                    stack.append((listing, resolved, above | {real}))
            elif not _is_folder_doc(entry.name):
                self.seen.add(resolved)
                yield Input(entry.path, path=resolved)

    def _listing(self, folder: Path, name: str) -> Iterator[os.DirEntry[str]] | InputError:
        try:
            with os.scandir(folder) as listing:
                return iter(sorted(listing, key=lambda e: e.name))
        except OSError as exc:
            return InputError(name, UNREADABLE, f"folder cannot be read ({exc.strerror or exc})")

    def _resolve(self, entry: os.DirEntry[str], real: Path, ancestors: frozenset[Path]) -> Path | InputError:
        """Where an entry really is (``real`` is its folder's real path), or why it is not read."""
        try:
            if not entry.is_symlink():
                return real / entry.name
            target = Path(entry.path).resolve(strict=True)
        except FileNotFoundError:
            return InputError(entry.path, MISSING, "symbolic link to a file or folder that does not exist")
        except (OSError, RuntimeError) as exc:  # Python 3.11 raises RuntimeError for a link loop, 3.13 ELOOP
            if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
                return InputError(entry.path, SYMLINK_LOOP, "symbolic link that leads back to itself; skipped")
            return InputError(entry.path, UNREADABLE, f"cannot be read ({exc.strerror or exc})")
        if not self.follow_symlinks and not target.is_relative_to(self.root):
            return InputError(
                entry.path,
                OUTSIDE_FOLDER,
                f"symbolic link to {target}, outside the folder being read; skipped (follow_symlinks is off)",
            )
        if target in ancestors:
            why = f"symbolic link back to {target}, a folder it is inside; skipped"
            return InputError(entry.path, SYMLINK_LOOP, why)
        return target


@dataclass(frozen=True, slots=True)
class Opened:
    """An input whose kind is known: the whole bytes, or (for streamed kinds) only the path."""

    kind: Kind
    data: bytes | None
    size: int


def _size_error(name: str, size: int, limit: int) -> InputError:
    return InputError(name, TOO_LARGE, f"{size:,} bytes, over the {limit:,}-byte limit (max_bytes)")


def open_path(path: Path, name: str, max_bytes: int) -> Opened | InputError:
    """Check a file and decide its kind; read it whole unless it is a streamed kind."""
    try:
        if not path.is_file():
            return InputError(name, UNSUPPORTED, "not a regular file")
        size = path.stat().st_size
        if size == 0:
            return InputError(name, EMPTY, "empty file (0 bytes)")
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
            kind = sniff_kind(head, name, url_list=True)
            if isinstance(kind, InputError):
                return kind
            if kind in STREAMED:
                return Opened(kind, None, size)
            if size > max_bytes:
                return _size_error(name, size, max_bytes)
            data = head + fh.read(max_bytes + 1 - len(head))
    except OSError as exc:
        return InputError(name, UNREADABLE, f"cannot be read ({exc.strerror or exc})")
    if len(data) > max_bytes:  # the file grew while we read it
        return _size_error(name, len(data), max_bytes)
    return _check_blank(Opened(kind, data, len(data)), name)


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> Opened | InputError:
    """Read a stream (standard input) whole, capped, and decide its kind.

    A stream cannot be re-opened, so streamed kinds are buffered too (still capped).
    A gzip-compressed WARC is decompressed here, lazily and capped, by the WARC reader.
    """
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return InputError(name, UNREADABLE, f"cannot be read ({exc.strerror or exc})")
    if not data:
        return InputError(name, EMPTY, "empty input (0 bytes)")
    if len(data) > max_bytes:
        return InputError(name, TOO_LARGE, f"more than the {max_bytes:,}-byte limit (max_bytes)")
    kind = sniff_kind(data[:HEAD_BYTES], name, url_list=True)
    if isinstance(kind, InputError):
        return kind
    return _check_blank(Opened(kind, data, len(data)), name)


def _check_blank(opened: Opened, name: str) -> Opened | InputError:
    """Refuse an input that holds only whitespace (after any byte-order mark); a URL list whose
    head alone looked like one, but that has prose further on, is a text article after all."""
    data = opened.data or b""
    if opened.kind is Kind.URLS and not urllist.is_url_list(urllist.decode(data)):
        opened = Opened(Kind.TEXT, data, opened.size)
    bom = bom_encoding(data)
    body = data[bom[1] :].decode(bom[0], errors="replace") if bom else data.decode("latin-1")
    if not body.strip():
        return InputError(name, EMPTY, f"only whitespace ({len(data):,} bytes), no text")
    return opened
