"""Fixtures for the web app: an ASGI client over a ledger, and the bundled examples analysed for real.

``client`` drives the app through httpx's ASGI transport (no socket); ``examples_ledger``
is the bundled examples run through the whole pipeline once per session, for tests that
check marks against real extraction (``examples_on`` gives it on either backend, the
PostgreSQL one built on first use); ``server`` serves it with uvicorn on a loopback port
for the browser tests; ``fresh`` names new, empty ledgers on either backend.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.conftest import BACKENDS, ledger_target

from claimledger.settings import Settings

Client = Callable[..., httpx.Client]


@pytest.fixture
def client() -> Iterator[Client]:
    """``client(ledger_path, host=..., **settings)``: Starlette's httpx-based test client over a
    fresh app on that ledger (the ASGI app called in-process, no socket)."""
    from starlette.testclient import TestClient

    from claimledger.web import create_app

    made: list[httpx.Client] = []

    def make(ledger: Path, host: str = "127.0.0.1", **settings: Any) -> httpx.Client:
        app = create_app(ledger, settings=Settings.from_env(**settings), host=host)
        c = TestClient(app, base_url="http://testserver", follow_redirects=False)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


@pytest.fixture(scope="session")
def examples_ledger(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """The bundled examples, read, analysed and linked into a ledger by ``Ledger.ingest``."""
    from claimledger import Ledger

    path = tmp_path_factory.mktemp("web") / "examples.sqlite"
    with Ledger(path) as ledger:
        report = ledger.ingest([examples])
    assert report.added >= 20, report
    return path


@pytest.fixture(scope="session")
def examples_pg(postgres: Callable[[], str], examples: Path) -> str:
    """The bundled examples ingested into a PostgreSQL database, once per session."""
    from claimledger import Ledger

    url = postgres()
    with Ledger(url) as ledger:
        report = ledger.ingest([examples])
    assert report.added >= 20, report
    return url


@pytest.fixture(params=BACKENDS)
def examples_on(request: pytest.FixtureRequest) -> str | Path:
    """The examples ledger on SQLite, then on PostgreSQL."""
    found: str | Path = request.getfixturevalue("examples_ledger" if request.param == "sqlite" else "examples_pg")
    return found


@pytest.fixture(params=BACKENDS)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str | Path]:
    """``fresh(name)``: a new, empty ledger's place, a SQLite file or a new PostgreSQL database."""
    return lambda name: ledger_target(request, tmp_path / f"{name}.sqlite")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(examples_ledger: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a copy of the examples ledger, served by uvicorn on a loopback port."""
    import uvicorn

    from claimledger.web import create_app

    path = tmp_path_factory.mktemp("served") / "ledger.sqlite"
    shutil.copy(examples_ledger, path)
    port = free_port()
    app = create_app(path, settings=Settings.from_env())
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
