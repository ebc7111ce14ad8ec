"""Poisoned records cost their own record only: every other line, entry and archive record is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import BAD_JSON, INTERNAL, InputError
from claimledger.ingest import jsonl, read_articles
from claimledger.model import Article
from claimledger.settings import Settings

GOOD = '{{"id": "{n}", "lang": "en", "text": "Officials said on Monday that {n} drones were shot down."}}'


def _read(path: Path) -> list[Article | InputError]:
    return list(read_articles([path], Settings()))


@pytest.mark.parametrize(
    ("poison", "message"),
    [
        (
            r'{"text": "Officials said \ud800 on Monday."}',
            r"'text' holds a lone surrogate escape (\ud800) at character 15: not valid Unicode",
        ),
        (
            r'{"text": "Officials said on Monday.", "title": "A \udfff title"}',
            r"'title' holds a lone surrogate escape (\udfff) at character 2: not valid Unicode",
        ),
        (r'{"text": "Ends in a high half \udbff"}', r"'text' holds a lone surrogate escape (\udbff) at character 20"),
    ],
)
def test_hostile_jsonl_lone_surrogate_loses_only_its_line(tmp_path: Path, poison: str, message: str) -> None:
    path = tmp_path / "poisoned.jsonl"
    lines = [GOOD.format(n=1), GOOD.format(n=2), poison, GOOD.format(n=4), GOOD.format(n=5)]
    path.write_text("\n".join(lines) + "\n")
    items = _read(path)
    assert [type(x).__name__ for x in items] == ["Article", "Article", "InputError", "Article", "Article"]
    error = items[2]
    assert isinstance(error, InputError) and error.code == BAD_JSON and error.source == f"{path}:3"
    assert error.message.startswith(message)
    assert [a.raw_ref for a in items if isinstance(a, Article)] == [f"{path}#line={n}" for n in (1, 2, 4, 5)]


def test_hostile_jsonl_a_valid_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "emoji.jsonl"
    path.write_text(r'{"text": "Officials said on Monday \ud83d\ude00 that talks resumed."}' + "\n")
    (article,) = _read(path)
    assert isinstance(article, Article) and "\U0001f600" in article.text


def test_hostile_jsonl_every_kind_of_poison_in_one_file(tmp_path: Path) -> None:
    poisons = [
        b'{"text": "\\ud800"}',  # lone surrogate
        b'{"text": "bad \xff\xfe bytes"}',  # invalid UTF-8
        b"[" * 100_000 + b"]" * 100_000,  # nesting past the recursion limit
        b'{"text": "NUL \x00 inside a string"}',  # a raw control character
        b'"just a string"',
        b'{"text": 42}',
        b"\x00\x01\x02",
    ]
    path = tmp_path / "mixed.jsonl"
    good = [GOOD.format(n=n).encode() for n in range(len(poisons) + 1)]
    interleaved = [line for pair in zip(good, poisons, strict=False) for line in pair] + [good[-1]]
    path.write_bytes(b"\n".join(interleaved) + b"\n")
    items = _read(path)
    assert len(items) == len(interleaved)
    errors = [x for x in items if isinstance(x, InputError)]
    assert [e.source for e in errors] == [f"{path}:{2 * i}" for i in range(1, len(poisons) + 1)]
    assert {e.code for e in errors} == {BAD_JSON}
    assert sum(isinstance(x, Article) for x in items) == len(good)


def test_hostile_jsonl_an_unforeseen_failure_is_kept_to_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = jsonl.choose_language

    def explode_on_three(text: str, *args: object) -> str | None:
        if "3 drones" in text:
            raise MemoryError("a reader bug on this line only")
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "choose_language", explode_on_three)
    path = tmp_path / "bug.jsonl"
    path.write_text("\n".join(GOOD.replace('"lang": "en", ', "").format(n=n) for n in range(1, 6)) + "\n")
    items = _read(path)
    assert [type(x).__name__ for x in items] == ["Article", "Article", "InputError", "Article", "Article"]
    error = items[2]
    assert isinstance(error, InputError) and error.code == INTERNAL and error.source == f"{path}:3"
    assert error.message == "line could not be read (MemoryError: a reader bug on this line only)"


def test_hostile_feed_surrogate_character_references_keep_every_entry(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Story {i} &#xD800;</title><description>Officials said &#55296; on Monday that"
        f" story {i} &#x110000; was developing.</description></item>"
        for i in range(1, 4)
    )
    feed = tmp_path / "poisoned.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    articles = _read(feed)
    assert [type(a).__name__ for a in articles] == ["Article"] * 3
    for i, article in enumerate(articles, start=1):
        assert isinstance(article, Article)
        assert article.title == f"Story {i} \ufffd"
        assert article.text == f"Officials said \ufffd on Monday that story {i} \ufffd was developing."
        article.text.encode("utf-8")


def _warc_response(body: bytes, declared_extra: int = 0) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
        "WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + declared_extra}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_hostile_warc_lying_lengths_are_one_line_not_a_flood_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    page = b"<html><body><article>" + b"<p>Officials said on Monday that 12 drones fell near the border.</p>" * 5
    path = tmp_path / "lies.warc"
    path.write_bytes(b"".join(_warc_response(page + b"</article></body></html>", -2) for _ in range(5)))
    items = _read(path)
    assert sum(isinstance(x, Article) for x in items) == 5
    (error,) = [x for x in items if isinstance(x, InputError)]
    assert str(error) == (
        f"{path}: 5 records not followed by a blank line (a Content-Length that lies?); each was read as declared"
        " [bad-archive]"
    )
    assert capfd.readouterr().err == ""
