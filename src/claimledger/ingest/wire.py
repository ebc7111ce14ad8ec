"""The bytes on the wire, bounded: one total deadline per download, and bounded decompression.

Two ways a hostile server holds a batch hostage get past per-read limits, so both are
bounded here, below the HTTP client:

* **Trickling.** httpx's timeout applies to each read. A server that sends one header
  byte (or one body byte) every few seconds never trips it and holds the download open
  for days. ``deadline_at`` sets one moment for the current thread, and every socket
  wait underneath (connect, TLS handshake, each send and receive) is shortened to the
  time left before it. Waits shrink as the deadline nears, so the download ends within
  it whatever the server does. The deadline lives in a thread-local, so the threads
  that follow a feed's links each keep their own, and nested deadlines (one URL inside
  one feed) keep whichever comes first.
* **Stacked encodings.** ``Content-Encoding: gzip, gzip`` wraps a bomb in a bomb: a few
  kilobytes over the wire, gigabytes after two inflations. httpx inflates each layer
  in one call, so a size cap that counts what httpx hands back counts too late: the
  gigabytes are already in memory. ``BoundedDecoder`` undoes the layers itself, a
  slice at a time, and counts the output of every layer against the cap.

The transport reaches httpx through ``deadline_transport``: an ``httpx.HTTPTransport``
whose connection pool uses our network backend. That replaces the transport's private
``_pool`` attribute, stable since httpx 0.18; ``tests/hostile`` talks to a real
loopback server, so a change there fails a test rather than silently losing the bound.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpcore
import httpx

from claimledger.errors import FETCH, TOO_LARGE, UNSUPPORTED

STEP = 1 << 16
"""Largest slice one decompression call may produce, so no layer allocates more at once."""

MAX_LAYERS = 3
"""Content encodings stacked on one body. Servers send one; three is generous, and a
header listing hundreds would cost a decompressor each."""

_MIN_WAIT = 0.001
_local = threading.local()


@dataclass(frozen=True, slots=True)
class Deadline:
    """A moment (``time.monotonic``) after which no socket wait is allowed, and its setting's name."""

    at: float
    setting: str
    seconds: float


def current_deadline() -> Deadline | None:
    """The deadline in force in this thread, if any."""
    return getattr(_local, "deadline", None)


def time_left() -> float | None:
    """Seconds before this thread's deadline (negative once past), or None without one."""
    found = current_deadline()
    return None if found is None else found.at - time.monotonic()


@contextmanager
def deadline_at(at: float, setting: str, seconds: float) -> Iterator[Deadline]:
    """Bound every network wait in this thread by ``at``; an earlier deadline already in force wins."""
    previous = current_deadline()
    mine = Deadline(at, setting, seconds)
    _local.deadline = previous if previous is not None and previous.at <= at else mine
    try:
        yield _local.deadline
    finally:
        _local.deadline = previous


def _bounded(timeout: float | None) -> float | None:
    """``timeout`` shortened to the time left; never zero, which a socket reads as "do not block"."""
    left = time_left()
    if left is None:
        return timeout
    left = max(left, _MIN_WAIT)
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A connection whose every wait is cut to the thread's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: object, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout))  # type: ignore[arg-type]
        return _Stream(inner)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's own socket backend, with each connection wrapped in ``_Stream``."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[object] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _bounded(timeout), local_address, socket_options)  # type: ignore[arg-type]
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[object] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _bounded(timeout), socket_options))  # type: ignore[arg-type]

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def deadline_transport() -> httpx.HTTPTransport:
    """An httpx transport whose sockets obey ``deadline_at`` (proxies from the environment are not used).

    Not using ``HTTP(S)_PROXY`` is deliberate as well as necessary: the SSRF guard checks
    the address of the host we connect to, and a proxy would connect somewhere else.
    """
    transport = httpx.HTTPTransport()
    limits = httpx.Limits()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_Backend(),
    )
    return transport


class BodyRefused(Exception):
    """A response body that cannot be accepted: ``.code`` is an ``errors`` code, str() the reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class _Layer:
    """One content encoding undone a slice at a time; counts every byte it produces."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.produced = 0
        self._raw_fallback = name == "deflate"  # "deflate" is zlib-wrapped by the RFC, raw by some servers
        self._started = False
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16 if name == "gzip" else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompressed slices of ``data``, none over ``STEP`` bytes."""
        while True:
            try:
                out = self._inflate.decompress(data, STEP)
            except zlib.error as exc:
                if self._raw_fallback and not self._started:
                    self._raw_fallback = False
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BodyRefused(FETCH, f"body is not valid {self.name} data ({exc})") from None
            self._started = True
            data = self._inflate.unconsumed_tail
            if out:
                self.produced += len(out)
                yield out
            if not data and len(out) < STEP:
                return

    def flush(self) -> Iterator[bytes]:
        """What the decompressor still holds once the input has ended (at most its window)."""
        out = self._inflate.flush()
        if out:
            self.produced += len(out)
            yield out


class BoundedDecoder:
    """Undo a ``Content-Encoding`` header's layers (last applied, first undone), capped at ``limit`` bytes.

    Every layer's output counts against the cap on its own, so neither the final text nor
    any layer in between can grow past ``limit``; memory stays at about ``STEP`` per layer.
    """

    def __init__(self, header: str, limit: int) -> None:
        names = [n.strip().lower() for n in header.split(",") if n.strip().lower() not in ("", "identity")]
        names = ["gzip" if n == "x-gzip" else n for n in names]
        unknown = sorted({n for n in names if n not in ("gzip", "deflate")})
        if unknown:
            raise BodyRefused(UNSUPPORTED, f"body uses a content encoding we did not ask for ({', '.join(unknown)})")
        if len(names) > MAX_LAYERS:
            raise BodyRefused(TOO_LARGE, f"body is wrapped in {len(names)} content encodings (at most {MAX_LAYERS})")
        self.limit = limit
        self.received = 0
        self._layers = [_Layer(name) for name in reversed(names)]

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded bytes of one chunk from the wire, checked against the cap as they appear."""
        self.received += len(chunk)
        self._check(self.received, "")
        yield from self._through(chunk, 0)

    def flush(self) -> Iterator[bytes]:
        """The rest, once the wire has no more; each layer's tail goes through the layers after it."""
        for index, layer in enumerate(self._layers):
            for piece in layer.flush():
                self._check(layer.produced, layer.name)
                yield from self._through(piece, index + 1)

    def _through(self, data: bytes, start: int) -> Iterator[bytes]:
        if start == len(self._layers):
            yield data
            return
        layer = self._layers[start]
        for piece in layer.feed(data):
            self._check(layer.produced, layer.name)
            yield from self._through(piece, start + 1)

    def _check(self, size: int, layer: str) -> None:
        if size > self.limit:
            where = f" once its {layer} encoding is undone" if layer else ""
            raise BodyRefused(TOO_LARGE, f"download exceeds the {self.limit:,}-byte limit{where} (max_bytes)")
