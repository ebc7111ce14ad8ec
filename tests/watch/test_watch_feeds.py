"""``watch_once`` against a loopback server: new entries, 304s, backoff, Retry-After, bad answers.

Each test runs on a SQLite ledger and on a PostgreSQL one (the ``ledger`` fixture), since
the watch state lives in the ledger. The feed is the example Swedish RSS feed; a second
version of it (one entry more) stands for the feed changing between polls.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from tests.watch.conftest import FEEDS, Reply, Site, static

from claimledger.settings import Settings
from claimledger.store import Ledger, watchstate
from claimledger.watch import watch_once

RSS = (FEEDS / "nordposten-senaste.rss").read_bytes()
ITEMS = re.findall(rb"<item>.*?</item>", RSS, re.S)
OLDER = RSS.replace(ITEMS[0], b"")
"""The feed before its newest entry was published: two entries."""
ETAG = '"v1"'


def feed_list(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text("# watched feeds\n\n" + "\n".join(lines) + "\n")
    return path


def test_watch_feed_new_entries_then_not_modified_then_changed(serve_routes, ledger: Ledger, settings: Settings,
                                                               tmp_path: Path) -> None:
    """First poll stores two entries; the second sends the validators and gets 304; the third finds one new."""
    current = {"body": OLDER, "etag": ETAG}

    def feed(h) -> Reply:  # type: ignore[no-untyped-def]
        if h.headers.get("If-None-Match") == current["etag"]:
            return Reply(304, headers={"ETag": current["etag"]})
        return Reply(200, current["body"], {"Content-Type": "application/rss+xml", "ETag": current["etag"],
                                            "Last-Modified": "Tue, 03 Jun 2025 14:05:00 GMT"})

    site: Site = serve_routes({"/rss.xml": feed})
    feeds = feed_list(tmp_path, site.url("/rss.xml"))

    first = watch_once(ledger, feeds, settings)
    assert (first.polled, first.added, first.not_modified, first.exit_code) == (1, 2, 0, 0)
    assert ledger.counts()["articles"] == 2
    [state] = watchstate.feed_rows(ledger)
    assert (state["etag"], state["last_modified"], state["failures"], state["items"]) == \
        (ETAG, "Tue, 03 Jun 2025 14:05:00 GMT", 0, 2)

    second = watch_once(ledger, feeds, settings)
    assert (second.polled, second.not_modified, second.added) == (1, 1, 0)
    sent = site.hits("/rss.xml")[-1]
    assert sent["if-none-match"] == ETAG and sent["if-modified-since"] == "Tue, 03 Jun 2025 14:05:00 GMT"

    current.update(body=RSS, etag='"v2"')
    third = watch_once(ledger, feeds, settings)
    assert (third.added, third.duplicates, third.not_modified) == (1, 0, 0)
    assert ledger.counts()["articles"] == 3
    assert len({r["url"] for r in watchstate.item_rows(ledger)}) == 3
    assert site.count("/robots.txt") == 3  # once per run, three runs


def test_watch_429_retry_after_backs_off_then_succeeds(serve_routes, ledger: Ledger, settings: Settings,
                                                       tmp_path: Path) -> None:
    """A 429 with Retry-After (an HTTP date) fails the poll, holds the feed back that long, then it is read."""
    later = format_datetime(datetime.fromtimestamp(time.time() + 3, UTC), usegmt=True)
    answers = iter([Reply(429, b"slow down", {"Retry-After": later})])

    def feed(h) -> Reply:  # type: ignore[no-untyped-def]
        return next(answers, Reply(200, OLDER, {"Content-Type": "application/rss+xml"}))

    site = serve_routes({"/rss.xml": feed})
    feeds = feed_list(tmp_path, site.url("/rss.xml"))
    failed = watch_once(ledger, feeds, settings)
    assert failed.exit_code == 1 and "HTTP 429" in str(failed.feed_errors[0])
    [state] = watchstate.sync_feeds(ledger, [site.url("/rss.xml")])
    wait = (datetime.fromisoformat(state.next_poll or "") - datetime.now(UTC)).total_seconds()
    assert state.failures == 1 and 1.0 < wait <= 3.5  # at least the Retry-After, not the 1 s backoff

    held = watch_once(ledger, feeds, settings)  # too early: not even asked
    assert (held.waiting, held.polled, len(site.hits("/rss.xml"))) == (1, 0, 1)

    time.sleep(wait + 0.1)
    later = watch_once(ledger, feeds, settings)
    assert (later.polled, later.added, later.exit_code) == (1, 2, 0)
    [state] = watchstate.sync_feeds(ledger, [site.url("/rss.xml")])
    assert state.failures == 0 and state.last_error is None


def test_watch_503_and_bad_answers_back_off_and_the_rest_goes_on(serve_routes, ledger: Ledger, settings: Settings,
                                                                  tmp_path: Path) -> None:
    """503, a slow answer past the deadline, a truncated feed, an oversized body and a bad line each fail
    one feed (or line) in one line; the good feed beside them is read."""
    half = OLDER[: len(OLDER) // 2]
    site = serve_routes({
        "/ok.xml": static(OLDER),
        "/busy.xml": lambda h: Reply(503, b"busy", {"Retry-After": "120"}),
        "/slow.xml": lambda h: Reply(200, OLDER, {"Content-Type": "application/rss+xml"}, delay=4.5),
        "/cut.xml": static(half),
        "/huge.xml": static(b"<rss>" + b" " * 3_000_000 + b"</rss>"),
    })
    paths = ("/ok.xml", "/busy.xml", "/slow.xml", "/cut.xml", "/huge.xml")
    feeds = feed_list(tmp_path, *(site.url(p) for p in paths), "ftp://example.org/feed.xml")
    small = replace(settings, max_bytes=1_000_000)
    report = watch_once(ledger, feeds, small)
    states = {s["url"]: s for s in watchstate.feed_rows(ledger)}
    cut = states[site.url("/cut.xml")]
    # a feed cut in half gives only the entries that were complete (feedparser reads up to the cut)
    assert cut["failures"] == 0 and cut["items"] == 1
    assert report.exit_code == 1 and report.added == 3
    errors = {e.source: str(e) for e in report.feed_errors}
    assert len(errors) == 4
    assert "HTTP 503" in errors[site.url("/busy.xml")]
    assert "fetch_deadline" in errors[site.url("/slow.xml")] or "timed out" in errors[site.url("/slow.xml")]
    assert "1,000,000-byte limit" in errors[site.url("/huge.xml")]
    assert errors[f"{feeds}:8"].endswith("[bad-feed-line]")
    busy = states[site.url("/busy.xml")]
    assert busy["failures"] == 1 and "HTTP 503" in busy["last_error"]
    wait = (datetime.fromisoformat(busy["next_poll"]) - datetime.now(UTC)).total_seconds()
    assert 110 < wait <= 120  # Retry-After: 120 seconds
    assert states[site.url("/ok.xml")]["items"] == 2


def test_watch_robots_txt_disallowing_the_feed_is_honoured(serve_routes, ledger: Ledger, settings: Settings,
                                                           tmp_path: Path) -> None:
    robots = b"User-agent: claimledger\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n"
    site = serve_routes({"/robots.txt": static(robots, "text/plain"), "/private/rss.xml": static(OLDER),
                  "/rss.xml": static(OLDER)})
    feeds = feed_list(tmp_path, site.url("/private/rss.xml"), site.url("/rss.xml"))
    report = watch_once(ledger, feeds, settings)
    assert [e.code for e in report.feed_errors] == ["robots-disallowed"]
    assert not site.hits("/private/rss.xml") and site.count("/robots.txt") == 1
    assert report.added == 2


def test_watch_one_host_gets_one_request_at_a_time_and_spaced(serve_routes, ledger: Ledger, settings: Settings,
                                                              tmp_path: Path) -> None:
    """Three feeds on one host, polled by parallel threads: never two requests open at once, and
    requests (robots.txt and three feeds) start at least ``watch_host_interval`` apart."""
    slow = {f"/f{i}.xml": (lambda h: Reply(200, OLDER, {"Content-Type": "application/rss+xml"}, delay=0.2))
            for i in range(3)}
    site = serve_routes(slow)
    feeds = feed_list(tmp_path, *(site.url(p) for p in slow))
    paced = replace(settings, watch_host_interval=0.3)
    started = time.monotonic()
    report = watch_once(ledger, feeds, paced)
    assert (report.polled, report.added) == (3, 2)  # one feed's two entries, the same text in all three
    assert site.server.most_active == 1
    assert time.monotonic() - started >= 3 * 0.3
