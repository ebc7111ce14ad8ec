"""A real HTTP server on 127.0.0.1 serving a folder, for tests that fetch through real sockets.

Some paths cannot take an injected transport: a Dask worker or a ``claimledger`` subprocess
fetches with the real one. They are pointed at this server instead, with ``allow_private``
on (the SSRF guard refuses loopback otherwise), so nothing leaves the machine. Each request
path is recorded, so a test can tell what was fetched and how often.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Served:
    """A running server: its base URL (no trailing slash) and the paths requested so far."""

    base: str
    requests: list[str] = field(default_factory=list)


class _Quiet(SimpleHTTPRequestHandler):
    served: Served

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.served.requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(folder: Path) -> Iterator[Served]:
    """Serve the files of ``folder`` (404 for the rest) on a free loopback port while the block runs."""
    served = Served("")
    handler = partial(type("Handler", (_Quiet,), {"served": served}), directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
