"""Fixtures for the ingest tests: the real pages in ../shared, synthetic bad inputs, mock HTTP.

The real inputs (``../shared/data/raw``) are read where they lie, never copied into the
repository; when that folder is absent the tests that need it skip. Nothing here touches
the network: every URL is answered by an ``httpx.MockTransport``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimledger.errors import InputError
from claimledger.ingest import read_articles
from claimledger.model import Article
from claimledger.settings import Settings

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RAW = SHARED / "data" / "raw"
HTML_DIR = RAW / "html"
FIXTURE_URL = "https://example.org/claimledger-fixtures/"


def _page_names() -> list[str]:
    if not HTML_DIR.is_dir():
        return []
    return sorted(p.name for p in HTML_DIR.glob("*.html"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``page_name`` over every HTML page in ../shared (one skipped case if absent)."""
    if "page_name" in metafunc.fixturenames:
        names = _page_names()
        metafunc.parametrize("page_name", names or [pytest.param("", marks=pytest.mark.skip("no ../shared"))])


@pytest.fixture(autouse=True)
def _no_real_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that would resolve a host or open a real connection (no transport injected)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a test tried to use the real network")

    monkeypatch.setattr("claimledger.ingest.fetch.system_resolver", refuse)
    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """../shared/data/raw, or skip the test when the shared data is not there."""
    if not RAW.is_dir():
        pytest.skip("../shared/data/raw is not available")
    return RAW


@dataclass(frozen=True)
class Batch:
    """What one read_articles call produced, split by kind, in order."""

    items: list[Article | InputError]

    @property
    def articles(self) -> list[Article]:
        return [x for x in self.items if isinstance(x, Article)]

    @property
    def errors(self) -> list[InputError]:
        return [x for x in self.items if isinstance(x, InputError)]


Read = Callable[..., Batch]


@pytest.fixture
def read() -> Read:
    """``read(sources, **settings_and_kwargs)``: run read_articles to the end and collect it."""

    def run(
        sources: Iterable[str | Path],
        *,
        transport: httpx.BaseTransport | None = None,
        lang: str | None = None,
        stdin: Any = None,
        **settings: Any,
    ) -> Batch:
        options = Settings(**settings) if settings else Settings()
        return Batch(list(read_articles(sources, options, lang=lang, transport=transport, stdin=stdin)))

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """``write(name, content)``: a file in tmp_path holding exactly ``content``."""

    def make(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return make


@pytest.fixture(scope="session")
def expected() -> dict[str, dict[str, Any]]:
    """Every ``NAME.expected.json`` by page file name (empty without ../shared)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(HTML_DIR.glob("*.expected.json")) if HTML_DIR.is_dir() else []:
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["file"]] = data
    return out


@pytest.fixture(scope="session")
def pages() -> dict[str, Article | InputError]:
    """Every HTML page in ../shared read once through read_articles, by file name."""
    if not HTML_DIR.is_dir():
        pytest.skip("../shared/data/raw/html is not available")
    files = sorted(HTML_DIR.glob("*.html"))
    results = list(read_articles(files, Settings()))
    return {Path(str(getattr(r, "raw_ref", "") or r.source)).name: r for r in results}


def _fixture_pages(request: httpx.Request) -> httpx.Response:
    """Answer example.org/claimledger-fixtures/<file>.html with ../shared/data/raw/html/<file>."""
    url = str(request.url)
    if url.startswith(FIXTURE_URL):
        path = HTML_DIR / url[len(FIXTURE_URL) :]
        if path.is_file():
            body = path.read_bytes()
            return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=body)
    return httpx.Response(404, text="not here")


@pytest.fixture
def fixture_site() -> httpx.MockTransport:
    """A transport serving the HTML fixtures under the made-up example.org URLs of fixtures-own.rss.xml."""
    if not HTML_DIR.is_dir():
        pytest.skip("../shared/data/raw/html is not available")
    return httpx.MockTransport(_fixture_pages)


@pytest.fixture
def site() -> Callable[[dict[str, Callable[[httpx.Request], httpx.Response]]], httpx.MockTransport]:
    """``site({url: handler})``: a transport answering exact URLs; every other URL is a 404."""

    def make(routes: dict[str, Callable[[httpx.Request], httpx.Response]]) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            handler = routes.get(str(request.url))
            return handler(request) if handler else httpx.Response(404)

        return httpx.MockTransport(handle)

    return make


@pytest.fixture
def no_network() -> httpx.MockTransport:
    """A transport that fails the test if anything is requested."""

    def handle(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"unexpected request to {request.url}")

    return httpx.MockTransport(handle)


def collapse(text: str) -> str:
    """Whitespace and NBSP runs as one space, as the expected files are compared."""
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="session")
def squash() -> Callable[[str], str]:
    """The comparison the expected.json files define: whitespace + NBSP collapsed to one space."""
    return collapse
