"""Polite HTTP for ``watch``: conditional requests, robots.txt, per-host pacing, backoff.

A watcher asks the same servers the same questions every few minutes, for days, so it
must cost them as little as possible and stop when asked:

* **Conditional requests.** Each poll sends the feed's last ``ETag`` as ``If-None-Match``
  and its ``Last-Modified`` as ``If-Modified-Since``; a "304 Not Modified" answer costs
  the server no body and us no parsing.
* **robots.txt**, read once per host per run (``urllib.robotparser``) through the same
  guarded fetcher with its own size cap (``robots_max_bytes``), is honoured for feeds and
  article pages alike. Following RFC 9309: a robots.txt that is missing (any 4xx) allows
  everything; one that cannot be read (5xx, a timeout, a refused address) disallows the
  host for this run, because "the server is struggling" is no permission.
* **Pacing per host.** Requests to one host start at least ``watch_host_interval``
  seconds apart, and at most ``watch_host_concurrency`` are open at once, however many
  feeds live there and however many threads poll.
* **Backoff.** A failed poll waits ``watch_backoff`` seconds doubled per failure in a row
  (at most ``watch_backoff_max``), times a random factor in [0.5, 1] so that many
  watchers failing together do not return together; a 429 or 503 with ``Retry-After``
  (seconds or an HTTP date) waits at least that long.

Every request goes through ``fetch.Fetcher``: the SSRF guard, checked redirects, the
size cap while streaming and the one deadline per URL are the same as ``analyze``'s.
The validators are added, and the answer's status and headers read, by httpx event
hooks on the fetcher's client, so the guarded request path is not written twice.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.robotparser import RobotFileParser

import httpx

from claimledger.errors import FETCH, InputError
from claimledger.model import RawDoc
from claimledger.settings import Settings

from .fetch import Fetcher, Resolver

ROBOTS_REFUSED = "robots-disallowed"
"""The error code of a URL that robots.txt does not allow us to fetch."""


@dataclass(frozen=True)
class Answer:
    """One polite GET: the HTTP status (0 when no answer came), the document or the error, the validators."""

    status: int
    doc: RawDoc | None = None
    error: InputError | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None
    """Seconds the server asked us to wait (``Retry-After`` on a 429 or 503), if it did."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` header as seconds from ``now``: a number of seconds, or an HTTP date; None if neither."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(failures: int, settings: Settings, retry_after: float | None = None,
                    rand: Callable[[], float] = random.random) -> float:
    """How long to wait after the ``failures``-th failure in a row (see the module docstring)."""
    base = min(settings.watch_backoff_max, settings.watch_backoff * 2.0 ** min(max(failures - 1, 0), 64))
    wait = base * (0.5 + rand() / 2)
    if retry_after is not None:
        wait = max(wait, min(retry_after, settings.watch_backoff_max))
    return wait


class _Host:
    """One host's pacing: a slot count and the earliest moment the next request may start."""

    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.next_at = 0.0


class PoliteClient:
    """The fetcher every request of one watch run goes through (thread-safe: feeds poll in threads)."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None,
                 resolver: Resolver | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.fetcher = Fetcher(settings, transport=transport, resolver=resolver)
        robots = replace(settings, max_bytes=settings.robots_max_bytes)
        self.robots_fetcher = Fetcher(robots, transport=transport, resolver=resolver)
        for client in (self.fetcher.client, self.robots_fetcher.client):
            client.event_hooks = {"request": [self._send_validators], "response": [self._keep_answer]}
        self.sleep = sleep
        self._local = threading.local()
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, tuple[RobotFileParser | None, str]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self.requests = 0

    def close(self) -> None:
        self.fetcher.close()
        self.robots_fetcher.close()

    # -- the event hooks: this thread's validators out, the answer's status and headers in --

    def _send_validators(self, request: httpx.Request) -> None:
        for name, value in getattr(self._local, "validators", {}).items():
            request.headers[name] = value

    def _keep_answer(self, response: httpx.Response) -> None:
        self._local.status = response.status_code
        self._local.headers = response.headers

    # -- pacing -------------------------------------------------------------------------

    def _host(self, host: str) -> _Host:
        with self._lock:
            found = self._hosts.get(host)
            if found is None:
                found = self._hosts[host] = _Host(self.settings.watch_host_concurrency)
            return found

    def _paced(self, fetcher: Fetcher, url: str, name: str, validators: dict[str, str]) -> Answer:
        """One GET within the host's slots and interval, returning what the hooks saw."""
        host = self._host(_host_of(url))
        with host.slots:
            with host.lock:
                wait = host.next_at - time.monotonic()
                host.next_at = max(host.next_at, time.monotonic()) + self.settings.watch_host_interval
            if wait > 0:
                self.sleep(wait)
            self._local.validators, self._local.status, self._local.headers = validators, 0, None
            try:
                result = fetcher.get(url, name)
            finally:
                self._local.validators = {}
            with self._lock:
                self.requests += 1
        status, headers = self._local.status, self._local.headers or httpx.Headers()
        retry = retry_after_seconds(headers.get("retry-after")) if status in (429, 503) else None
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if status == 304:  # the fetcher reads a 3xx without Location as a broken redirect; here it is the point
            return Answer(304, etag=etag, last_modified=modified)
        if isinstance(result, InputError):
            return Answer(status if status >= 400 else 0, error=result, retry_after=retry)
        return Answer(status, doc=result, etag=etag, last_modified=modified)

    # -- robots.txt -----------------------------------------------------------------------

    def refusal(self, url: str) -> str | None:
        """Why robots.txt of ``url``'s host keeps us from fetching it, or None when it may be fetched.

        The host's robots.txt is read once per run (per client), by one thread while the
        others for that host wait.
        """
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
        parser, why = self._robots[origin]
        if parser is None:
            return f"robots.txt of {origin} could not be read ({why}), so nothing there is fetched this run"
        if not parser.can_fetch(self.settings.user_agent, url):
            return f"robots.txt of {origin} does not allow fetching {url}"
        return None

    def forget_robots(self) -> None:
        """Read every host's robots.txt afresh when next asked (a long watch does so each round)."""
        with self._lock:
            self._robots.clear()

    def _read_robots(self, origin: str) -> tuple[RobotFileParser | None, str]:
        """The host's rules (allow-all when there is no robots.txt), or None and why it could not be read."""
        parser = RobotFileParser(origin + "/robots.txt")
        answer = self._paced(self.robots_fetcher, origin + "/robots.txt", origin + "/robots.txt", {})
        if answer.doc is not None and answer.status < 300:
            parser.parse(answer.doc.data.decode("utf-8", errors="replace").splitlines())
        elif 400 <= answer.status < 500:
            parser.parse([])
        else:
            return None, answer.error.message if answer.error else f"HTTP {answer.status}"
        return parser, ""

    # -- the one entry point ------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            name: str | None = None) -> Answer:
        """GET ``url`` if robots.txt allows it, paced per host, conditionally when validators are given."""
        label = name or url
        try:
            if refused := self.refusal(url):
                return Answer(0, error=InputError(label, ROBOTS_REFUSED, refused))
        except (httpx.InvalidURL, ValueError) as exc:
            return Answer(0, error=InputError(label, FETCH, f"not a valid URL ({exc})"))
        validators = {}
        if etag:
            validators["If-None-Match"] = etag
        if last_modified:
            validators["If-Modified-Since"] = last_modified
        return self._paced(self.fetcher, url, label, validators)


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL: where its robots.txt lives."""
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def _host_of(url: str) -> str:
    """The host a request goes to, for pacing (a URL that does not parse is paced as itself)."""
    try:
        return httpx.URL(url).host or url
    except (httpx.InvalidURL, ValueError):
        return url
