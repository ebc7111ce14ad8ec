"""Feeds do not fetch behind the user's back, and a feed's troubles are one line, not one per entry."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimledger.errors import NO_TEXT, InputError
from claimledger.ingest import read_articles, summarize_errors, summarize_notes
from claimledger.model import Article
from claimledger.settings import Settings


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail any attempt to resolve a name or open a connection; returns the attempts (for the message)."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[1:] or args))
        raise AssertionError(f"a socket was opened: {args!r}")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _rss(count: int, *, link: str = "https://news.example/story/{i}", body: str = "") -> str:
    teaser = "Officials said on Monday that {i} drones were shot down overnight."
    items = "".join(
        f"<item><title>Story {i}</title><link>{link.format(i=i)}</link>"
        f"<description>{body or teaser.format(i=i)}</description></item>"
        for i in range(1, count + 1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_hostile_feed_of_10000_teasers_is_read_without_the_network(no_sockets: list[str], tmp_path: Path) -> None:
    feed = tmp_path / "big.rss"
    feed.write_text(_rss(10_000))
    started = time.monotonic()
    batch = list(read_articles([feed], Settings()))
    elapsed = time.monotonic() - started
    assert no_sockets == []
    assert len(batch) == 10_000 and all(isinstance(a, Article) for a in batch)
    articles = [a for a in batch if isinstance(a, Article)]
    assert articles[9_999].text == "Officials said on Monday that 10000 drones were shot down overnight."
    assert articles[0].warnings == (
        "feed-wide: 10000 of 10000 entries carry only a teaser; the feed's text was kept and their linked pages"
        " were not fetched (follow_links is off)",
    )
    assert sum(len(a.warnings) for a in articles) == 1
    assert elapsed < 60, elapsed  # about 6 s on one idle core: parsing and language detection, no waiting


def test_hostile_feed_url_reads_only_the_feed_itself() -> None:
    requested: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(200, headers={"Content-Type": "application/rss+xml"}, text=_rss(50))

    batch = list(read_articles(["https://news.example/feed"], Settings(), transport=httpx.MockTransport(answer)))
    assert requested == ["https://news.example/feed"]
    assert len(batch) == 50 and all(isinstance(a, Article) for a in batch)


def test_hostile_feed_follow_links_is_capped_per_feed(tmp_path: Path) -> None:
    requested: list[str] = []
    lock = threading.Lock()

    def answer(request: httpx.Request) -> httpx.Response:
        with lock:
            requested.append(str(request.url))
        return httpx.Response(404)

    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(30))
    options = Settings(follow_max=5)
    batch = list(read_articles([feed], options, follow_links=True, transport=httpx.MockTransport(answer)))
    assert sorted(requested) == sorted(f"https://news.example/story/{i}" for i in range(1, 6))
    articles = [a for a in batch if isinstance(a, Article)]
    assert len(articles) == 30
    assert articles[0].warnings == (
        "feed-wide: followed 5 linked page(s): 0 read; 5 failed and kept the feed's text (HTTP 404 ×5; first:"
        " https://news.example/story/1: HTTP 404 Not Found for https://news.example/story/1 [fetch-failed]);"
        " 25 more kept the feed's text (follow_max=5)",
    )


def test_hostile_feed_eleven_failing_pages_are_one_note_line(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(_rss(11))
    transport = httpx.MockTransport(lambda request: httpx.Response(503))
    batch = list(read_articles([feed], Settings(), follow_links=True, transport=transport))
    notes = [f"{a.raw_ref}: {w}" for a in batch if isinstance(a, Article) for w in a.warnings]
    assert len(notes) == 1 and "11 failed and kept the feed's text (HTTP 503 ×11; first: " in notes[0]


def test_hostile_feed_entries_without_text_and_failed_links_summarise_by_code(tmp_path: Path) -> None:
    feed = tmp_path / "bare.rss"
    feed.write_text(_rss(11, body=" "))
    transport = httpx.MockTransport(lambda request: httpx.Response(503))
    errors = [e for e in read_articles([feed], Settings(), follow_links=True, transport=transport)]
    assert len(errors) == 11 and all(isinstance(e, InputError) and e.code == "fetch-failed" for e in errors)
    lines = summarize_errors(e for e in errors if isinstance(e, InputError))
    assert lines[:3] == [str(e) for e in errors[:3]]
    assert lines[3:] == ["… and 8 more [fetch-failed]"]
    off = [e for e in read_articles([feed], Settings()) if isinstance(e, InputError)]
    assert {e.code for e in off} == {NO_TEXT}
    assert off[0].message == "feed entry has no text and its link was not fetched (follow_links is off)"


def test_hostile_feed_notes_summariser_keeps_three_of_a_kind_and_counts_the_rest() -> None:
    lines = [f"f.rss#entry={i}: invalid UTF-8 replaced at {i} places" for i in range(1, 12)]
    lines.insert(2, "a.html: decoded as windows-1252")
    assert summarize_notes(lines) == [
        "f.rss#entry=1: invalid UTF-8 replaced at 1 places",
        "f.rss#entry=2: invalid UTF-8 replaced at 2 places",
        "f.rss#entry=3: invalid UTF-8 replaced at 3 places",
        "… and 8 more (invalid UTF-8 replaced at N places)",
        "a.html: decoded as windows-1252",
    ]
    assert summarize_notes(lines[:3]) == lines[:3]  # nothing to count: unchanged
