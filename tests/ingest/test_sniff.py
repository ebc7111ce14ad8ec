"""Sources to inputs, kinds from content, and the gate for inputs that are not text."""

from __future__ import annotations

import gzip
import io
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import BINARY, EMPTY, MISSING, TOO_LARGE, UNSUPPORTED
from claimledger.ingest.sniff import Kind, sniff_kind

from .conftest import Read

Write = Callable[[str, bytes | str], Path]
ARTICLE = "The ministry said on Monday that about 2,000 soldiers had been moved to the border region.\n"

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40
BINARIES = {
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data (PNG image), not text"),
    "report.pdf": (PDF, "binary data (PDF document), not text"),
    "bundle.zip": (ZIP, "binary data (zip archive (or docx/xlsx/epub)), not text"),
    "noise.txt": (random.Random(7).randbytes(4096), "binary data, not text"),
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_sniff_binary_input_is_refused_with_its_kind(read: Read, write: Write, name: str) -> None:
    data, message = BINARIES[name]
    path = write(name, data)
    batch = read([path])
    assert [str(e) for e in batch.errors] == [f"{path}: {message} [{BINARY}]"]


def test_sniff_missing_path_is_reported_and_the_batch_goes_on(read: Read, write: Write, tmp_path: Path) -> None:
    good = write("good.txt", ARTICLE)
    missing = tmp_path / "nope.txt"
    batch = read([missing, good])
    assert [str(e) for e in batch.errors] == [f"{missing}: no such file or folder [{MISSING}]"]
    assert [a.raw_ref for a in batch.articles] == [str(good)]


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff \u00a0\n".encode(), b"\xff\xfe \x00\n\x00"])
def test_sniff_empty_and_whitespace_only_files_are_refused(read: Read, write: Write, content: bytes) -> None:
    path = write("blank.txt", content)
    (error,) = read([path]).errors
    assert error.code == EMPTY
    assert str(error).startswith(f"{path}: ") and "\n" not in str(error)


def test_sniff_oversize_file_is_refused(read: Read, write: Write) -> None:
    path = write("big.txt", ARTICLE * 100)
    (error,) = read([path], max_bytes=1000).errors
    assert str(error) == f"{path}: {len(ARTICLE) * 100:,} bytes, over the 1,000-byte limit (max_bytes) [{TOO_LARGE}]"


def test_sniff_folders_are_read_recursively_sorted_skipping_hidden(read: Read, write: Write, tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/config.txt", "a/.secret/x.txt"):
        write(name, ARTICLE)
    batch = read([tmp_path])
    found = [Path(a.raw_ref).relative_to(tmp_path).as_posix() for a in batch.articles]
    assert found == ["a/b/c.txt", "a/z.txt", "b.txt"]


def test_sniff_empty_folder_is_reported(read: Read, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (error,) = read([tmp_path / "empty"]).errors
    assert error.code == EMPTY


def test_sniff_stdin_is_read_for_a_dash(read: Read) -> None:
    batch = read(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    (article,) = batch.articles
    assert article.text == ARTICLE and article.raw_ref == "<stdin>"


def test_sniff_unknown_url_scheme_is_unsupported(read: Read) -> None:
    (error,) = read(["ftp://example.org/news.txt"]).errors
    assert error.code == UNSUPPORTED


def test_sniff_gzip_that_is_not_a_warc_is_unsupported(read: Read, write: Write) -> None:
    path = write("notes.txt.gz", gzip.compress(ARTICLE.encode()))
    (error,) = read([path]).errors
    assert error.code == UNSUPPORTED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_sniff_unreadable_file_is_reported(read: Read, write: Write) -> None:
    path = write("locked.txt", ARTICLE)
    path.chmod(0)
    (error,) = read([path]).errors
    assert error.code == "unreadable"


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", Kind.HTML),
        (b"\n<!-- saved page -->\n<html lang='sv'>", "page", Kind.HTML),
        (b"<?xml version='1.0'?><rss version='2.0'><channel>", "feed.html", Kind.FEED),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "x", Kind.FEED),
        (b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>]><lolz/>", "x.txt", Kind.FEED),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", "x.xml", Kind.HTML),
        (b'{"id": "a", "lang": "sv", "text": "x"}\n{"id": "b"}\n', "gold.txt", Kind.JSONL),
        (b'{"id": "a", "text": \n{"id": "b", "text": "y"}\n', "gold", Kind.JSONL),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "crawl.bin", Kind.WARC),
        (ARTICLE.encode(), "story.html", Kind.TEXT),
        (b"<Reuters> said the talks had stalled.", "x.txt", Kind.TEXT),
    ],
)
def test_sniff_kind_comes_from_content_more_than_extension(head: bytes, name: str, kind: Kind) -> None:
    assert sniff_kind(head, name) is kind


def test_sniff_folder_skips_its_own_readme_sources_and_licence(tmp_path: Path) -> None:
    from claimledger.errors import InputError
    from claimledger.ingest.sniff import expand_sources

    (tmp_path / "README.md").write_text("# what these are", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("| file | source |", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("CC BY", encoding="utf-8")
    (tmp_path / "article.txt").write_text("Enligt polisen greps tre personer.", encoding="utf-8")
    names = [Path(i.name).name for i in expand_sources([tmp_path]) if not isinstance(i, InputError)]
    assert names == ["article.txt"]
    explicit = [i for i in expand_sources([tmp_path / "README.md"]) if not isinstance(i, InputError)]
    assert len(explicit) == 1  # named on its own, it is read
