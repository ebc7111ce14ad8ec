"""Hostile HTTP servers, for real: a loopback server that trickles, stacks gzip and stalls feeds.

Every test here talks to ``http.server`` on 127.0.0.1 in a thread, through the real
socket transport, because the bounds under test (one total deadline, bounded
decompression) live below httpx where a mock transport cannot reach. Each server
handler stops by itself within a few seconds; nothing leaves this machine.
"""

from __future__ import annotations

import gzip
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.errors import FETCH, TOO_LARGE, UNSUPPORTED, InputError
from claimledger.ingest import read_articles
from claimledger.ingest.fetch import Fetcher
from claimledger.ingest.follow import GRACE, WORKERS
from claimledger.ingest.wire import BodyRefused, BoundedDecoder
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

Handler = Callable[[BaseHTTPRequestHandler], None]

PAGE = (
    "<html><head><title>Talks stall</title></head><body><article><h1>Talks stall in Geneva</h1>"
    + "<p>Negotiators said on Monday that the talks had stalled, according to two officials.</p>" * 6
    + "</article></body></html>"
).encode()
TRICKLE_FOR = 6.0
"""Seconds a trickling handler goes on at most (the client must give up long before)."""


@dataclass
class Site:
    """A loopback server: ``routes`` by path, with counts of requests and of connections open at once."""

    routes: dict[str, Handler]
    base: str = ""
    requests: list[str] = field(default_factory=list)
    active: int = 0
    most_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: Site

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site = self.site
        with site.lock:
            site.requests.append(self.path)
            site.active += 1
            site.most_active = max(site.most_active, site.active)
        try:
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should
        finally:
            with site.lock:
                site.active -= 1

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Handler]], Site]]:
    """``serve(routes)``: a ThreadingHTTPServer on 127.0.0.1 answering ``routes``; shut down after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Handler]) -> Site:
        site = Site(routes)
        handler = type("Handler", (_Handler,), {"site": site})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        site.base = f"http://127.0.0.1:{server.server_address[1]}"
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _send(head: bytes, body: bytes = b"") -> Handler:
    def handle(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(head + body)
        h.wfile.flush()

    return handle


def _trickle(head: bytes, every: float = 0.1) -> Handler:
    """Send ``head``, then one byte every ``every`` seconds: each read is quick, the whole never ends."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(head)
        h.wfile.flush()
        end = time.monotonic() + TRICKLE_FOR
        while time.monotonic() < end:
            time.sleep(every)
            h.wfile.write(b"a")
            h.wfile.flush()

    return handle


def _ok(length: int, *extra: str) -> bytes:
    lines = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8", f"Content-Length: {length}", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _gzip_stream(size: int) -> bytes:
    """gzip of ``size`` zero bytes, compressed a megabyte at a time (never ``size`` bytes in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


LOOPBACK = Settings(allow_private=True, fetch_timeout=2.0, fetch_deadline=1.5)


def test_hostile_http_slow_headers_end_at_the_total_deadline(serve: Callable[[dict[str, Handler]], Site]) -> None:
    # One header byte every 0.1 s: no single read waits anywhere near fetch_timeout (2 s).
    site = serve({"/slow": _trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ")})
    fetcher = Fetcher(LOOPBACK)
    started = time.monotonic()
    error = fetcher.get(site.base + "/slow")
    elapsed = time.monotonic() - started
    fetcher.close()
    assert isinstance(error, InputError) and error.code == FETCH
    assert error.message == f"fetching {site.base}/slow failed: no complete answer within 1.5s (fetch_deadline)"
    assert 1.4 <= elapsed < 2.5, elapsed


def test_hostile_http_slow_body_ends_at_the_total_deadline(serve: Callable[[dict[str, Handler]], Site]) -> None:
    site = serve({"/slow": _trickle(_ok(100_000))})
    fetcher = Fetcher(LOOPBACK)
    started = time.monotonic()
    error = fetcher.get(site.base + "/slow")
    elapsed = time.monotonic() - started
    fetcher.close()
    assert isinstance(error, InputError)
    assert str(error).endswith("failed: no complete answer within 1.5s (fetch_deadline) [fetch-failed]")
    assert 1.4 <= elapsed < 2.5, elapsed


def test_hostile_http_the_deadline_spans_redirects(serve: Callable[[dict[str, Handler]], Site]) -> None:
    # Each hop answers in 0.6 s, well inside fetch_timeout; three of them do not fit in 1.5 s.
    def slow_redirect(to: str) -> Handler:
        def handle(h: BaseHTTPRequestHandler) -> None:
            time.sleep(0.6)
            _send(f"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n".encode())(h)

        return handle

    site = serve({"/a": slow_redirect("/b"), "/b": slow_redirect("/c"), "/c": slow_redirect("/d")})
    started = time.monotonic()
    error = Fetcher(LOOPBACK).get(site.base + "/a")
    assert isinstance(error, InputError) and "within 1.5s (fetch_deadline)" in error.message
    assert time.monotonic() - started < 2.5
    assert site.requests == ["/a", "/b", "/c"]


def test_hostile_http_stacked_gzip_bomb_is_refused_without_inflating_it(
    serve: Callable[[dict[str, Handler]], Site],
) -> None:
    bomb = gzip.compress(_gzip_stream(64 << 20))  # 64 MiB of zeros, gzipped twice: a few kilobytes on the wire
    assert len(bomb) < 20_000
    site = serve({"/bomb": _send(_ok(len(bomb), "Content-Encoding: gzip, gzip"), bomb)})
    fetcher = Fetcher(Settings(allow_private=True, max_bytes=1_000_000))
    tracemalloc.start()
    try:
        error = fetcher.get(site.base + "/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        fetcher.close()
    assert isinstance(error, InputError) and error.code == TOO_LARGE
    assert error.message == "download exceeds the 1,000,000-byte limit once its gzip encoding is undone (max_bytes)"
    assert peak < 4_000_000, peak  # never the 64 MiB, nor one layer of it in one piece


def test_hostile_http_stacked_encodings_within_the_cap_are_read(serve: Callable[[dict[str, Handler]], Site]) -> None:
    body = zlib.compress(gzip.compress(PAGE))  # gzip first, then deflate: "gzip, deflate"
    site = serve({"/page": _send(_ok(len(body), "Content-Encoding: gzip, deflate"), body)})
    raw = Fetcher(Settings(allow_private=True)).get(site.base + "/page")
    assert isinstance(raw, RawDoc) and raw.data == PAGE


@pytest.mark.parametrize(
    ("encoding", "code", "message"),
    [
        ("br", UNSUPPORTED, "body uses a content encoding we did not ask for (br)"),
        ("gzip, gzip, gzip, gzip", TOO_LARGE, "body is wrapped in 4 content encodings (at most 3)"),
    ],
)
def test_hostile_http_unasked_and_deeply_stacked_encodings_are_refused(
    serve: Callable[[dict[str, Handler]], Site], encoding: str, code: str, message: str
) -> None:
    site = serve({"/x": _send(_ok(4, f"Content-Encoding: {encoding}"), b"abcd")})
    error = Fetcher(Settings(allow_private=True)).get(site.base + "/x")
    assert isinstance(error, InputError) and (error.code, error.message) == (code, message)


def test_hostile_http_every_layer_is_counted_not_only_the_last() -> None:
    # The outer layer alone inflates to 2 MB (a gzip stream followed by junk the inner layer
    # would never reach); the cap is 1 MB, so the middle layer is what trips it.
    middle = gzip.compress(b"x" * 10) + bytes(2_000_000)
    decoder = BoundedDecoder("gzip, gzip", 1_000_000)
    with pytest.raises(BodyRefused, match="1,000,000-byte limit once its gzip encoding is undone"):
        for _ in decoder.feed(gzip.compress(middle)):
            pass


def test_hostile_http_raw_deflate_and_identity_are_read() -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_deflate = packer.compress(PAGE) + packer.flush()
    decoder = BoundedDecoder("deflate", 1_000_000)
    assert b"".join([*decoder.feed(raw_deflate), *decoder.flush()]) == PAGE
    decoder = BoundedDecoder("identity", 1_000_000)
    assert b"".join([*decoder.feed(PAGE), *decoder.flush()]) == PAGE


def _feed(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{link}</link>"
        f"<description>Officials said on Monday that story {i} was developing.</description></item>"
        for i, link in enumerate(links, start=1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_hostile_http_feed_links_stall_but_the_feed_ends_at_follow_deadline(
    serve: Callable[[dict[str, Handler]], Site], tmp_path: Path
) -> None:
    routes = {f"/p{i}": _trickle(_ok(50_000)) for i in range(1, 9)}
    site = serve(routes)
    feed = tmp_path / "wire.rss"
    feed.write_text(_feed([f"{site.base}/p{i}" for i in range(1, 9)]))
    options = Settings(allow_private=True, fetch_timeout=5.0, fetch_deadline=30.0, follow_deadline=1.5, follow_max=6)
    started = time.monotonic()
    batch = list(read_articles([feed], options, follow_links=True))
    elapsed = time.monotonic() - started
    assert elapsed < 1.5 + GRACE + 1.0, elapsed
    articles = [a for a in batch if isinstance(a, Article)]
    teasers = [f"Officials said on Monday that story {i} was developing." for i in range(1, 9)]
    assert [a.text for a in articles] == teasers
    assert len(site.requests) <= 6 and site.most_active <= WORKERS
    (note,) = articles[0].warnings  # one line for the whole feed, on its first article
    assert note.startswith(
        "feed-wide: followed 6 linked page(s): 0 read; 6 failed and kept the feed's text (timed out ×6; first: "
    )
    assert note.endswith("; 2 more kept the feed's text (follow_max=6)")
    assert not any(a.warnings for a in articles[1:])


def test_hostile_http_feed_links_are_read_a_few_at_a_time(
    serve: Callable[[dict[str, Handler]], Site], tmp_path: Path
) -> None:
    def slow_page(h: BaseHTTPRequestHandler) -> None:
        time.sleep(0.3)
        _send(_ok(len(PAGE)), PAGE)(h)

    site = serve({f"/p{i}": slow_page for i in range(1, 11)})
    feed = tmp_path / "wire.rss"
    feed.write_text(_feed([f"{site.base}/p{i}" for i in range(1, 11)]))
    batch = list(read_articles([feed], Settings(allow_private=True), follow_links=True))
    articles = [a for a in batch if isinstance(a, Article)]
    assert len(articles) == 10 and all(a.title and a.title.startswith("Story ") for a in articles)
    assert all("according to two officials" in a.text for a in articles)  # the pages, not the teasers
    assert sorted(site.requests) == sorted(f"/p{i}" for i in range(1, 11))
    assert 1 < site.most_active <= WORKERS
    assert not any(a.warnings for a in articles)
