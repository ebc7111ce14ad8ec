"""JSON Lines in the gold format: text exactly as given, broken lines reported as path:line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from claimledger.errors import BAD_JSON, EMPTY, TOO_LARGE

from .conftest import Read

Write = Callable[[str, bytes | str], Path]

LINE = {
    "id": "sv-test-001",
    "lang": "sv",
    "url": "https://example.org/a",
    "published": "2024-12-02",
    "title": "Rubrik",
    "text": "  Enligt TT har omkring 10\u00a0000 soldater skickats.\n\nShare.\n",
}


def _line(**changes: object) -> str:
    return json.dumps({**LINE, **changes}, ensure_ascii=False)


def test_jsonl_gold_line_becomes_an_article_with_its_text_exactly(read: Read, write: Write) -> None:
    path = write("gold.jsonl", _line() + "\n")
    (article,) = read([path]).articles
    assert article.text == LINE["text"]
    assert (article.lang, article.title, article.published, article.url) == ("sv", "Rubrik", "2024-12-02", LINE["url"])
    assert article.raw_ref == f"{path}#line=1"


def test_jsonl_broken_line_is_reported_and_the_other_lines_go_on(read: Read, write: Write) -> None:
    lines = [_line(id="a"), '{"id": "b", "text": "unterminated', "", _line(id="c"), "[1, 2]", _line(id="d", text="")]
    path = write("mixed.jsonl", "\n".join(lines) + "\n")
    batch = read([path])
    assert [a.raw_ref for a in batch.articles] == [f"{path}#line=1", f"{path}#line=4"]
    assert [(e.source, e.code) for e in batch.errors] == [
        (f"{path}:2", BAD_JSON),
        (f"{path}:5", BAD_JSON),
        (f"{path}:6", EMPTY),
    ]
    assert str(batch.errors[0]).startswith(f"{path}:2: invalid JSON (")


def test_jsonl_line_without_text_or_with_bad_utf8(read: Read, write: Write) -> None:
    path = write("bad.jsonl", b'{"id": "x", "lang": "en"}\n{"text": "caf\xe9"}\n')
    batch = read([path])
    assert [str(e) for e in batch.errors] == [
        f"{path}:1: line has no 'text' string [{BAD_JSON}]",
        f"{path}:2: line is not valid UTF-8 [{BAD_JSON}]",
    ]


def test_jsonl_language_is_detected_when_the_line_has_none(read: Read, write: Write) -> None:
    text = "The ministry said on Monday that about 2,000 soldiers had been moved to the border region."
    path = write("nolang.jsonl", json.dumps({"id": "x", "text": text}) + "\n")
    (article,) = read([path]).articles
    assert article.lang == "en"


def test_jsonl_overlong_line_is_capped_and_skipped(read: Read, write: Write) -> None:
    path = write("long.jsonl", _line(text="x " * 5000) + "\n" + _line(id="short") + "\n")
    batch = read([path], max_bytes=2000)
    assert [e.code for e in batch.errors] == [TOO_LARGE]
    assert [a.raw_ref for a in batch.articles] == [f"{path}#line=2"]


def test_jsonl_shared_dev_set_round_trips(read: Read, raw_dir: Path) -> None:
    gold = raw_dir.parent / "dev" / "sv-dev.jsonl"
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    batch = read([gold])
    assert not batch.errors
    assert [a.text for a in batch.articles] == [line["text"] for line in lines]
    assert {a.lang for a in batch.articles} == {"sv"}
