"""read_articles as a whole: one batch of good and bad inputs, one line per error, nothing raised."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

import claimledger.ingest as ingest
from claimledger.errors import ArgumentError, InputError
from claimledger.ingest import read_articles
from claimledger.model import Article
from claimledger.settings import Settings

from .conftest import Read

Write = Callable[[str, bytes | str], Path]

ARTICLE = "The ministry said on Monday that about 2,000 soldiers had been moved to the border region.\n"


def test_ingest_public_api_is_pinned() -> None:
    assert ingest.__all__ == [
        "check_sources",
        "detect_language",
        "list_inputs",
        "read_articles",
        "read_inputs",
        "summarize_errors",
        "summarize_notes",
    ]


def test_ingest_batch_goes_on_past_every_kind_of_bad_input(read: Read, write: Write, tmp_path: Path) -> None:
    good = [
        write("a-good.txt", ARTICLE),
        write("z-good.html", f"<html><body><article><p>{ARTICLE * 3}</p></article></body></html>"),
    ]
    bad = [
        tmp_path / "missing.txt",
        write("empty.txt", b""),
        write("blank.txt", "  \n\n "),
        write("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        write("big.txt", ARTICLE * 10_000),
        write("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        write("deep.html", "<div>" * 5000),
        write("lolz.xml", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><rss>&a;</rss>'),
        write("nofeed.xml", '<?xml version="1.0"?><settings><x/></settings>'),
        write("broken.jsonl", '{"text": \n'),
        "http://127.0.0.1/",
    ]
    batch = read([good[0], *bad, good[1]], max_bytes=100_000)
    assert [a.raw_ref for a in batch.articles] == [str(good[0]), str(good[1])]
    assert len(batch.errors) == len(bad)
    codes = [e.code for e in batch.errors]
    expected_codes = ["missing", "empty", "empty", "binary", "too-large", "no-main-text", "too-deeply-nested"]
    assert codes == [*expected_codes, "unsafe-xml", "not-a-feed", "bad-json", "forbidden-address"]
    for error, source in zip(batch.errors, bad, strict=True):
        line = str(error)
        assert "\n" not in line and line.startswith(str(source)), line
        assert line.endswith(f"[{error.code}]")


def test_ingest_a_bare_source_is_refused_at_the_call_with_the_fix(write: Write) -> None:
    path = write("one.txt", ARTICLE)
    with pytest.raises(ArgumentError, match=r"not one str: pass \['.*one\.txt'\]"):
        read_articles(str(path), Settings())  # raised by the call itself, before any iteration
    (article,) = read_articles([str(path)], Settings())
    assert isinstance(article, Article) and article.raw_ref == str(path)


def test_ingest_error_lines_stay_one_line_even_for_odd_names(read: Read, tmp_path: Path) -> None:
    (error,) = read([tmp_path / "two\nlines.txt"]).errors
    assert "\n" not in str(error) and str(error).endswith("two\\nlines.txt: no such file or folder [missing]")


def test_ingest_nothing_raises_on_hostile_bytes(tmp_path: Path) -> None:
    rng = random.Random(11)
    prefixes = [b"", b"<html>", b"<?xml version='1.0'?><rss><channel><item>", b"{", b"WARC/1.0\r\n", b"\xef\xbb\xbf<"]
    paths = []
    for i, prefix in enumerate(prefixes * 3):
        noise = bytes(rng.choice(b"<>/&;\"'=!?[]{}abcdef \n\t\xc3\xa4\x00") for _ in range(rng.randint(1, 3000)))
        path = tmp_path / f"fuzz-{i:02d}"
        path.write_bytes(prefix + noise)
        paths.append(path)
    results = list(read_articles(paths, Settings()))
    assert results and all(isinstance(r, Article | InputError) for r in results)
    assert not [r for r in results if isinstance(r, InputError) and r.code == "internal-error"]


def test_ingest_unforeseen_reader_failure_becomes_one_internal_error_line(
    read: Read, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> Article:
        raise KeyError("surprise\nwith two lines")

    monkeypatch.setattr(ingest.text, "read_text", explode)
    first, second = write("one.txt", ARTICLE), write("two.txt", ARTICLE)
    batch = read([first, second])
    assert [str(e) for e in batch.errors] == [
        f"{first}: reader failed unexpectedly (KeyError: 'surprise\\nwith two lines') [internal-error]",
        f"{second}: reader failed unexpectedly (KeyError: 'surprise\\nwith two lines') [internal-error]",
    ]


def test_ingest_reads_the_whole_shared_raw_folder(read: Read, raw_dir: Path) -> None:
    batch = read([raw_dir / "html", raw_dir / "warc", raw_dir / "nordkorea-ryssland.txt"])
    from claimledger.ingest.sniff import _is_folder_doc

    # the TSV is read as text; the folder's README and its script are the folder's own, not articles
    side_files = [p for p in (raw_dir / "warc").iterdir() if p.suffix != ".gz" and not _is_folder_doc(p.name)]
    assert len(batch.articles) == 20 + 19 + 1 + len(side_files)
    errors = {Path(e.source).name: e.code for e in batch.errors}
    assert set(errors.values()) == {"unsupported"} and all(n.endswith(".expected.json") for n in errors)
    assert all(a.lang in ("sv", "en", "no") for a in batch.articles if a.raw_ref.endswith(".html"))
