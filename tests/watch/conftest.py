"""Fixtures for the watch tests: a loopback HTTP server whose answers change between polls, and ledgers.

The server is ``tests/hostile``'s ``http.server`` on 127.0.0.1 in a thread, reached through the real socket
transport (the SSRF guard lets it through only with ``allow_private``, as a user would
have to). Each route is a function of the request, so a test can answer 304 to the
right validators, 429 the first time, or a changed feed on the second poll; every
request is logged with its headers. The articles served are real: the example feeds in
``examples/feeds`` and saved news pages from ``../shared/data/raw/html``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from tests.conftest import BACKENDS
from tests.hostile.test_ingest_http import Site as Hostile
from tests.hostile.test_ingest_http import serve  # noqa: F401 - the loopback server fixture, reused

from claimledger.settings import Settings
from claimledger.store import Ledger

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "examples" / "feeds"


@dataclass(frozen=True)
class Reply:
    """What a route answers: a status, headers and a body."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""


Route = Callable[[BaseHTTPRequestHandler], Reply]


@dataclass
class Site:
    """The loopback server (``tests/hostile``'s, reused) with every routed request's headers kept."""

    server: Hostile
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.server.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        """The headers of every request for a routed ``path``, in order."""
        with self.lock:
            return [h for p, h in self.log if p == path]

    def count(self, path: str) -> int:
        """Requests for ``path``, routed or not (robots.txt is answered 404 unless routed)."""
        return self.server.requests.count(path)


Serve = Callable[[dict[str, Callable[[BaseHTTPRequestHandler], None]]], Hostile]


def _answer(site: Site, path: str, route: Route) -> Callable[[BaseHTTPRequestHandler], None]:
    """The hostile server's kind of handler: log the headers, ask ``route``, write its reply."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        with site.lock:
            site.log.append((path, {k.lower(): v for k, v in h.headers.items()}))
        reply = route(h)
        if reply.delay:
            threading.Event().wait(reply.delay)
        h.send_response(reply.status)
        for name, value in reply.headers.items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(reply.body) if reply.status != 304 else 0))
        h.end_headers()
        if reply.status != 304:
            h.wfile.write(reply.body)

    return handle


@pytest.fixture
def serve_routes(serve: Serve) -> Callable[[dict[str, Route]], Site]:  # noqa: F811 - the fixture imported above
    """``serve_routes(routes)``: the loopback server answering each path with its route's ``Reply``."""

    def start(routes: dict[str, Route]) -> Site:
        site = Site(Hostile({}))
        site.server = serve({path: _answer(site, path, route) for path, route in routes.items()})
        return site

    return start


def static(body: bytes, content_type: str = "application/rss+xml", **headers: str) -> Route:
    """A route that always answers ``body`` with 200."""
    return lambda _h: Reply(200, body, {"Content-Type": content_type, **headers})


@pytest.fixture
def settings() -> Settings:
    """Watch settings for a loopback server: private addresses allowed, fast pacing, short caps."""
    return Settings(allow_private=True, watch_host_interval=0.05, watch_backoff=1.0, fetch_timeout=3.0,
                    fetch_deadline=3.0)


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """A fresh ledger on SQLite and on a real PostgreSQL server's database."""
    target = str(tmp_path / "watch.sqlite") if request.param == "sqlite" else request.getfixturevalue("postgres")()
    with Ledger(target) as led:
        yield led


@pytest.fixture(scope="session")
def html_dir() -> Path:
    """Saved news pages in ../shared; without them the test fails (tests/conftest.py says why)."""
    found = ROOT.parent / "shared" / "data" / "raw" / "html"
    if not found.is_dir():
        pytest.skip("../shared/data/raw/html is not available")
    return found
