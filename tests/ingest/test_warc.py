"""WARC: the 19 articles of the sample archive, what is skipped, and a truncated copy."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import BAD_ARCHIVE, TRUNCATED
from claimledger.ingest import read_articles
from claimledger.ingest.warc import iter_warc
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

from .conftest import Batch, Read

Write = Callable[[str, bytes | str], Path]


@pytest.fixture(scope="module")
def sample(raw_dir: Path) -> Path:
    return raw_dir / "warc" / "sample.warc.gz"


@pytest.fixture(scope="module")
def archive(sample: Path) -> Batch:
    return Batch(list(read_articles([sample], Settings())))


@pytest.fixture(scope="module")
def records(sample: Path) -> dict[str, str]:
    """WARC-Target-URI -> X-Fixture-File for every article response (records.tsv is the key)."""
    rows = (sample.parent / "records.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {cols[2]: cols[3] for cols in (r.split("\t") for r in rows) if cols[3] != "-"}


def test_warc_sample_gives_exactly_the_19_articles(archive: Batch, records: dict[str, str]) -> None:
    assert not archive.errors
    assert len(archive.articles) == 19
    assert sorted(a.url or "" for a in archive.articles) == sorted(records)


def test_warc_articles_match_their_expected_pages(
    archive: Batch, records: dict[str, str], expected: dict[str, Any], squash: Callable[[str], str]
) -> None:
    for article in archive.articles:
        page = expected[records[article.url or ""]]
        text = squash(article.text)
        assert all(squash(s) in text for s in page["must_contain"]), page["file"]
        assert not [s for s in page["must_not_contain"] if squash(s) in text], page["file"]
        assert article.title == page["title"], page["file"]
        assert article.published == page["published"], page["file"]
        assert article.lang == page["language"], page["file"]
        assert article.fetched_at is not None and article.fetched_at.date().isoformat() == page["published"]


def test_warc_special_records_decode_right(archive: Batch, records: dict[str, str], pages: dict[str, Any]) -> None:
    by_file = {records[a.url or ""]: a for a in archive.articles}
    # windows-1252 bytes, declared in header and <meta>: same text as the UTF-8 page
    assert by_file["sv-gp.se-brand-i-hamn.html"].text == pages["sv-gp.se-brand-i-hamn.html"].text
    # UTF-8 bytes under a header that says ISO-8859-1: decoded as UTF-8, and flagged
    tine = by_file["no-tine.no-fotballskole.html"]
    assert "nærmer seg slutten" in tine.text and "Ã" not in tine.text
    assert tine.warnings == ("declared ISO-8859-1 but the bytes are UTF-8; decoded as UTF-8",)
    # gzip Content-Encoding undone before extraction
    assert by_file["en-reuters.com-parasite-sag.html"].text == pages["en-reuters.com-parasite-sag.html"].text


def test_warc_raw_ref_points_at_the_record_offset(archive: Batch, sample: Path) -> None:
    data = sample.read_bytes()
    for article in archive.articles:
        ref, _, offset = article.raw_ref.partition("#offset=")
        assert ref == str(sample)
        member = zlib.decompressobj(wbits=31).decompress(data[int(offset) :], 400)  # that record's gzip member
        assert member.startswith(b"WARC/1.1\r\nWARC-Type: response")
        assert (article.url or "").encode() in member


def test_warc_truncated_archive_keeps_records_before_the_break(read: Read, write: Write, sample: Path) -> None:
    data = sample.read_bytes()
    cut = write("cut.warc.gz", data[:500_000])  # inside the 11th article record
    batch = read([cut])
    assert len(batch.articles) == 10
    assert [type(x).__name__ for x in batch.items] == ["Article"] * 10 + ["InputError"]
    (error,) = batch.errors
    assert error.code == TRUNCATED and error.source == str(cut)
    assert "archive truncated after 11 records" in str(error)


def test_warc_cut_between_gzip_members_is_still_truncated(sample: Path) -> None:
    data = sample.read_bytes()
    out = list(iter_warc(io.BytesIO(data[: 11866 + 30]), "x.warc.gz", size=11866 + 30, max_bytes=10**8))
    assert [type(x).__name__ for x in out] == ["RawDoc", "InputError"]
    assert isinstance(out[-1], Exception) and out[-1].code == TRUNCATED


def test_warc_uncompressed_archive_reads_the_same(read: Read, write: Write, sample: Path) -> None:
    plain = write("sample.warc", gzip.decompress(sample.read_bytes()))
    out = list(iter_warc(plain.open("rb"), str(plain), size=plain.stat().st_size, max_bytes=10**8))
    assert len(out) == 19 and all(isinstance(x, RawDoc) for x in out)


def test_warc_garbage_after_the_magic_is_a_bad_archive(read: Read, write: Write) -> None:
    (error,) = read([write("junk.warc", b"WARC/1.0\r\n" + b"\x01garbage\n" * 5)]).errors
    assert error.code in (BAD_ARCHIVE, TRUNCATED)


def test_warc_from_stdin(read: Read, sample: Path) -> None:
    batch = read(["-"], stdin=io.BytesIO(sample.read_bytes()))
    assert len(batch.articles) == 19
    assert all(isinstance(a, Article) and a.raw_ref.startswith("<stdin>#offset=") for a in batch.articles)


def test_warc_and_feed_readers_load_only_when_needed() -> None:
    """Reading pages imports neither warcio nor feedparser (a twentieth of a second of every start);
    the first archive read imports warcio."""
    import subprocess
    import sys

    code = ("import sys, claimledger.ingest, claimledger.analyze; "
            "print(sorted(m for m in ('warcio', 'feedparser') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
