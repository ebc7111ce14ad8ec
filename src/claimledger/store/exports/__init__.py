"""Every export format behind one door: ``write`` (a file or folder) and ``stream`` (text pieces).

Why one door: ``Ledger.export``, ``claimledger export`` and the web API's ``/api/v1/export``
must offer the same formats with the same filters, so the format table lives here.
Text formats are generators of ``str`` pieces whose return value is what they wrote
(articles for ``jsonl``, rows for ``csv``, facts for ``claimreview``, objects for ``stix``):
a file writer drains them, a web response streams them. ``parquet`` writes a folder of
files and returns the rows of all its tables. docs/exports.md describes every format.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection

from claimledger.errors import UsageError
from claimledger.store.exports import lines, select
from claimledger.store.exports.select import Filters

FORMATS = ("jsonl", "csv", "parquet", "claimreview", "stix")
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "claimreview": "application/ld+json; charset=utf-8",
    "stix": "application/stix+json; version=2.1; charset=utf-8",
}
"""The text formats (which a web response can stream) and their content types."""
SUFFIXES = {"jsonl": "jsonl", "csv": "csv", "claimreview": "jsonld", "stix": "json"}
BY_FACT = frozenset({"claimreview"})
"""Formats that walk facts only (their progress counts facts, not articles)."""

Progress = Callable[[int], None]


def check_format(fmt: object, *, text_only: bool = False) -> str:
    """``fmt`` if it is a format (a text one, with ``text_only``); a one-line ``UsageError`` otherwise."""
    known = tuple(MEDIA_TYPES) if text_only else FORMATS
    if not isinstance(fmt, str) or fmt not in known:
        more = " (parquet writes a folder: use the library or the CLI)" if fmt == "parquet" else ""
        raise UsageError(f"unknown export format {str(fmt)[:40]!r}{more} (one of {', '.join(known)})")
    return fmt


def total(conn: Connection, fmt: str, f: Filters) -> int:
    """How many steps ``progress`` will be told of: articles, then facts (facts only for ``BY_FACT``)."""
    facts = select.count_facts(conn, f)
    return facts if fmt in BY_FACT else select.count_articles(conn, f) + (facts if fmt in ("parquet", "stix") else 0)


def stream(conn: Connection, fmt: str, f: Filters, progress: Progress | None = None,
           base_url: str | None = None) -> Generator[str, None, int]:
    """A text format's pieces (see the module doc); ``base_url`` names fact pages in ClaimReview."""
    check_format(fmt, text_only=True)
    if fmt == "jsonl":
        return lines.stream_jsonl(conn, f, progress)
    if fmt == "csv":
        return lines.stream_csv(conn, f, progress)
    # the heavy writers (the OASIS stix2 library, pyarrow) load when asked for, not in every command's start
    if fmt == "claimreview":
        from claimledger.store.exports import claimreview

        return claimreview.stream(conn, f, progress, base_url)
    from claimledger.store.exports import stix

    return stix.stream(conn, f, progress)


def drain(pieces: Generator[str, None, int], out: TextIO) -> int:
    """Write every piece to ``out``; returns the generator's count."""
    while True:
        try:
            out.write(next(pieces))
        except StopIteration as done:
            return int(done.value)


def write_folder(conn: Connection, target: str | Path, f: Filters, progress: Progress | None = None) -> int:
    """Parquet into the folder ``target``; returns the rows written over all tables."""
    from claimledger.store.exports import parquet

    return sum(parquet.write(conn, target, f, progress).values())


__all__ = ["BY_FACT", "FORMATS", "MEDIA_TYPES", "SUFFIXES", "Filters", "check_format", "drain", "stream", "total",
           "write_folder"]
