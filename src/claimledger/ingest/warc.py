"""WARC and WARC.gz archives to article pages, record by record.

A web archive holds far more than articles: the crawler's own notes (``warcinfo``,
``metadata``), the requests it sent, ``revisit`` stubs, redirects, robots.txt, images and
scripts. Only a ``response`` record with HTTP status 200 whose content type is HTML (or
plain text that is not a well-known crawler file) can be an article; everything else is
skipped silently, because skipping it is the correct reading of the archive, not a
problem with it.

Each kept record becomes a RawDoc carrying the archive's knowledge: the target URI as the
URL, the WARC-Date as ``fetched_at``, the HTTP charset (which the HTML reader weighs
against the bytes), and ``raw_ref = file.warc.gz#offset=N`` so the record can be found
again. warcio undoes chunked transfer and ``Content-Encoding: gzip`` for us.

Archives are streamed, so the whole-file size cap does not apply; each record payload is
capped at ``max_bytes``. A truncated archive (a copy cut short, a crawl that died) keeps
every complete record before the break and reports TRUNCATED once, after them: warcio
itself reads a cut-off record as if it were short, so we check each record's declared
length against what was read, and the archive's end against the last record's end.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from claimledger.errors import BAD_ARCHIVE, TOO_LARGE, TRUNCATED, InputError
from claimledger.model import RawDoc

_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_NOT_ARTICLES = ("/robots.txt", "/ads.txt", "/app-ads.txt", "/humans.txt", "/security.txt", "/sitemap.txt")


@cache
def _warcio() -> tuple[Any, type[Exception], tuple[type[BaseException], ...]]:
    """warcio's ``ArchiveIterator``, its ``ArchiveLoadFailed``, and what it raises on damaged input:
    its own errors, and plain Python errors when a record header is cut off (a missing
    WARC-Target-URI surfaces as AttributeError). Imported when an archive is first read: a run
    of pages or feeds never needs it (a twentieth of a second of every start)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    return ArchiveIterator, ArchiveLoadFailed, (
        ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, ValueError,
        AttributeError, TypeError, KeyError, IndexError,
    )  # fmt: skip


def _header_params(value: str) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type value."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset


def _parse_warc_date(value: str | None) -> datetime | None:
    """A WARC-Date (``2020-05-14T09:30:00Z``) as an aware datetime, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _article_media(record: Any) -> tuple[str, str | None] | None:
    """(media type, charset) when a record can be an article, else None (skip it)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    media, charset = _header_params(record.http_headers.get_header("Content-Type") or "")
    if media not in _ARTICLE_TYPES:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").split("?")[0].lower()
    if media == "text/plain" and uri.endswith(_NOT_ARTICLES):
        return None
    return media, charset


def _cut_short(record: Any) -> bool:
    """True when the record's declared length was not all there (warcio reads short silently)."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return record.length is None or bool(remaining)


def iter_warc(stream: BinaryIO, name: str, *, size: int | None, max_bytes: int,
              end: int | None = None) -> Iterator[RawDoc | InputError]:
    """Article records of one archive as RawDocs; TRUNCATED or BAD_ARCHIVE once, at the end, if damaged.

    A stream positioned at a record (a batch shard's first) reads from there, with warcio's
    offsets still the file's; ``end``: the byte where the next shard's records start, where
    this read stops.
    """
    archive_iterator, _failed, failures = _warcio()
    iterator = archive_iterator(stream)
    # warcio writes a multi-line warning to stderr for each record whose Content-Length
    # looks wrong; a hostile archive would flood the terminal past our one-line errors.
    # Silenced here (the instance attribute shadows the class's text) and counted below.
    iterator.INC_RECORD = ""
    records = iter(iterator)
    count = 0
    while True:
        try:
            record = next(records)
            media = _article_media(record)
            payload = record.content_stream().read(max_bytes + 1) if media is not None else b""
            iterator.read_to_end(record)  # also fixes the record's offset
        except StopIteration:
            break
        except failures as exc:
            yield _damaged(name, count, stream, size, exc)
            return
        offset = iterator.get_record_offset()
        if end is not None and offset >= end:
            return  # the next shard's first record
        if _cut_short(record):
            yield _truncated(name, count, offset)
            return
        count += 1
        if media is None or not payload.strip():
            continue
        if len(payload) > max_bytes:
            yield InputError(
                f"{name}#offset={offset}",
                TOO_LARGE,
                f"record payload over the {max_bytes:,}-byte limit (max_bytes)",
            )
            continue
        yield RawDoc(
            uri=record.rec_headers.get_header("WARC-Target-URI") or "",
            data=payload,
            media_type=media[0],
            raw_ref=f"{name}#offset={offset}",
            fetched_at=_parse_warc_date(record.rec_headers.get_header("WARC-Date")),
            charset=media[1],
            meta={"warc_record_id": record.rec_headers.get_header("WARC-Record-ID") or ""},
        )
    # warcio reads a gzip member cut in its header as the end of the archive: what is left
    # between the last complete record and the end of the file is the damage.
    if size is not None and iterator.offset < size:
        yield _truncated(name, count, iterator.offset)
    elif getattr(iterator, "err_count", 0):
        n = iterator.err_count
        yield InputError(
            name,
            BAD_ARCHIVE,
            f"{_records(n)} not followed by a blank line (a Content-Length that lies?); each was read as declared",
        )


def _damaged(name: str, count: int, stream: BinaryIO, size: int | None, exc: BaseException) -> InputError:
    """TRUNCATED when warcio failed at the end of the data, BAD_ARCHIVE when in the middle."""
    try:
        at_end = size is None or stream.tell() >= size
    except (OSError, ValueError):
        at_end = True
    if count == 0 and isinstance(exc, _warcio()[1]):
        return InputError(name, BAD_ARCHIVE, f"not a readable WARC archive ({_first_line(exc)})")
    if at_end:
        return InputError(name, TRUNCATED, f"archive truncated after {_records(count)} ({_first_line(exc)})")
    what = "not a readable WARC archive" if count == 0 else f"archive damaged after {_records(count)}"
    return InputError(name, BAD_ARCHIVE, f"{what} ({_first_line(exc)})")


def _truncated(name: str, count: int, offset: int) -> InputError:
    return InputError(name, TRUNCATED, f"archive truncated after {_records(count)} (at byte {offset:,})")


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def read_warc_path(path: Path, name: str, *, max_bytes: int,
                   records: tuple[int, int] | None = None) -> Iterator[RawDoc | InputError]:
    """Stream the archive at ``path`` (only the records from byte ``start`` to ``end``, if given)."""
    with path.open("rb") as fh:
        if records is None:
            yield from iter_warc(fh, name, size=path.stat().st_size, max_bytes=max_bytes)
            return
        fh.seek(records[0])
        yield from iter_warc(fh, name, size=records[1], max_bytes=max_bytes, end=records[1])


def record_offsets(path: Path) -> list[int]:
    """Where each record of the archive starts, in bytes (for cutting it into batch shards);
    empty when the archive cannot be read to its end (then it is read whole, and its damage
    reported as usual)."""
    archive_iterator, _failed, failures = _warcio()
    try:
        with path.open("rb") as fh:
            iterator = archive_iterator(fh)
            iterator.INC_RECORD = ""
            out = []
            for record in iterator:
                out.append(iterator.get_record_offset())
                iterator.read_to_end(record)
            return out
    except failures:  # OSError among them
        return []


def read_warc_bytes(data: bytes, name: str, *, max_bytes: int) -> Iterator[RawDoc | InputError]:
    """Read an archive already in memory (standard input)."""
    yield from iter_warc(io.BytesIO(data), name, size=len(data), max_bytes=max_bytes)
