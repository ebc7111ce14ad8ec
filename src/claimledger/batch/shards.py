"""Sources cut into shards: a shard is a few inputs (files, URLs, a JSON Lines file's line range).

Why this cut: a worker's unit of work must be big enough that scheduling costs nothing beside
it, and small enough that a crash loses little and the workers finish together. Inputs keep
their order and their names (``ingest.list_inputs``), so a shard read on a worker yields
what the local path yields for the same inputs; a JSON Lines file of many articles is split
into line ranges, a WARC archive into runs of records (their byte offsets found by one pass
over its headers on the client), and an RSS/Atom feed file into entry ranges (its entries
counted on the client by the parser the workers use, so the ranges cover every entry; each
worker parses the whole feed and keeps its range: the cost of a feed is its articles'
analysis, not its parse). A URL list (``ingest/urllist.py``) is cut into line ranges that hold
``per_shard`` URLs each (a listed URL costs what a URL given as a source costs: a fetch and an
article), read the same way: each worker parses the whole list and reads the URLs first listed
in its range, so a URL listed twice is read once in all. A shard's ``key`` changes when any of
its inputs does (name, size, mtime, range), so a re-run skips exactly the shards already done.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from claimledger.errors import InputError
from claimledger.ingest import list_inputs, urllist
from claimledger.ingest.feeds import count_entries
from claimledger.ingest.sniff import HEAD_BYTES, Input, Kind, sniff_kind
from claimledger.ingest.warc import record_offsets
from claimledger.model import RawDoc
from claimledger.settings import Settings

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.txt")
_WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th shard of a run and the inputs it reads, in order."""

    index: int
    inputs: tuple[Input, ...]

    @property
    def key(self) -> str:
        """A name for the shard's output that changes when its inputs change."""
        parts = []
        for item in self.inputs:
            stat = item.path.stat() if item.path is not None and item.path.exists() else None
            parts.append([item.name, item.url, list(item.lines) if item.lines else None,
                          list(item.records) if item.records else None, list(item.entries) if item.entries else None,
                          stat.st_size if stat else None, stat.st_mtime_ns if stat else None])
        digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]
        return f"shard-{self.index:05d}-{digest}"


def plan(sources: Iterable[str | Path], settings: Settings, *, per_shard: int,
         lines_per_shard: int = 400) -> tuple[list[Shard], list[InputError]]:
    """The shards of ``sources`` (``per_shard`` inputs or URLs of a URL list, or ``lines_per_shard``
    lines of a JSON Lines file, records of a WARC archive or entries of a feed, each) and the
    inputs that could not even be listed (a missing path, a loop of links)."""
    units: list[Input] = []
    errors: list[InputError] = []
    for item in list_inputs(sources, settings):
        if isinstance(item, InputError):
            errors.append(item)
        elif item.path is not None and item.name.lower().endswith(_JSONL_SUFFIXES):
            units += _line_ranges(item, lines_per_shard)
        elif item.path is not None and item.name.lower().endswith(_WARC_SUFFIXES):
            units += _record_ranges(item, lines_per_shard)
        elif item.path is not None and (kind := _kind(item.path, item.name, settings)) is Kind.FEED:
            units += _entry_ranges(item, lines_per_shard)
        elif item.path is not None and kind is Kind.URLS:
            units += _url_ranges(item, per_shard)
        else:
            units.append(item)
    shards: list[Shard] = []
    batch: list[Input] = []
    for unit in units:
        if unit.lines is not None or unit.records is not None or unit.entries is not None:  # a range: a shard
            if batch:
                shards.append(Shard(len(shards), tuple(batch)))
                batch = []
            shards.append(Shard(len(shards), (unit,)))
            continue
        batch.append(unit)
        if len(batch) >= per_shard:
            shards.append(Shard(len(shards), tuple(batch)))
            batch = []
    if batch:
        shards.append(Shard(len(shards), tuple(batch)))
    return shards, errors


def _line_ranges(item: Input, per_shard: int) -> list[Input]:
    """A JSON Lines file as ranges of ``per_shard`` lines (the whole file when it is short)."""
    assert item.path is not None
    try:
        with item.path.open("rb") as fh:
            total = sum(1 for _ in fh)
    except OSError:
        return [item]  # the worker's read reports it, as the local path would
    return [replace(item, lines=span) for span in _ranges(total, per_shard)] if total > per_shard else [item]


def _record_ranges(item: Input, per_shard: int) -> list[Input]:
    """A WARC file as runs of ``per_shard`` records, each from its first record's byte to the
    next run's (the whole file when it is short, or cannot be read to its end)."""
    assert item.path is not None
    starts = record_offsets(item.path)
    if len(starts) <= per_shard:
        return [item]
    size = item.path.stat().st_size
    cuts = starts[::per_shard] + [size]
    return [replace(item, records=(a, b)) for a, b in zip(cuts, cuts[1:], strict=False)]


def _kind(path: Path, name: str, settings: Settings) -> Kind | None:
    """The kind of a readable file small enough to be read whole, as its worker will sniff it
    (None for the rest: a larger or unreadable one is refused by its worker, as locally)."""
    try:
        if not 0 < path.stat().st_size <= settings.max_bytes:
            return None
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return None
    kind = sniff_kind(head, name, url_list=True)
    return kind if isinstance(kind, Kind) else None


def _entry_ranges(item: Input, per_shard: int) -> list[Input]:
    """A feed as ranges of ``per_shard`` entries (the whole feed when it is short or refused)."""
    assert item.path is not None
    raw = RawDoc(uri=item.name, data=item.path.read_bytes(), media_type="application/xml", raw_ref=item.name)
    total = count_entries(raw)
    return [replace(item, entries=span) for span in _ranges(total, per_shard)] if total > per_shard else [item]


def _url_ranges(item: Input, per_shard: int) -> list[Input]:
    """A URL list as line ranges of ``per_shard`` URLs, each its own shard (the file as it is
    when prose past its head makes it a text article after all)."""
    assert item.path is not None
    text = urllist.decode(item.path.read_bytes())
    if not urllist.is_url_list(text):
        return [item]
    spans = urllist.line_ranges(urllist.parse(text), per_shard, len(text.splitlines()))
    return [replace(item, lines=span) for span in spans]


def _ranges(total: int, per_shard: int) -> list[tuple[int, int]]:
    """1-based inclusive (first, last) runs of ``per_shard`` items that cover ``total``."""
    return [(first, min(total, first + per_shard - 1)) for first in range(1, total + 1, per_shard)]
