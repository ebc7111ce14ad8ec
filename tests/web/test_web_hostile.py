"""Hostile articles and visitors: escaping in one output layer, CSRF, the write token, time limits.

Every test that stores or reads a ledger runs on a SQLite file and on a PostgreSQL database.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from tests.conftest import BACKENDS, linked_on
from tests.web.conftest import Client

Fresh = Callable[[str], str | Path]


@pytest.fixture(params=BACKENDS)
def poisoned(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    return linked_on(request, tmp_path, poison=True)


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    return linked_on(request, tmp_path)

HOSTILE = (
    "<script>alert('owned')</script> Enligt polisen har 12 personer gripits.\n\n"
    '<a href="javascript:alert(1)">klicka</a> <img src=x onerror=alert(2)> {{ 1234*5678 }} '
    "\x1b]52;c;SGVsbG8=\x07 \u202eevil\u202c Försvarsmakten uppger att 40 drönare sköts ner."
)


def _csrf(c: httpx.Client) -> str:
    page = c.get("/add")
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert m, page.text
    return m.group(1)


def test_web_add_pasted_text_lands_on_its_article_page(client: Client, fresh: Fresh) -> None:
    c = client(fresh("new"))
    r = c.post("/add", data={"text": "Enligt polisen har tolv personer gripits i Göteborg.", "title": "Gripna",
                             "csrf": _csrf(c)})
    assert r.status_code == 303
    page = c.get(r.headers["location"])
    assert page.status_code == 200 and "Gripna" in page.text
    data = c.get(r.headers["location"] + ".json").json()
    assert data["article"]["lang"] == "sv"
    [claim] = data["attributions"]
    assert claim["source_text"] == "polisen" and data["article"]["text"][slice(*claim["cue"])] == "Enligt"
    again = c.post("/add", data={"text": "Enligt polisen har tolv personer gripits i Göteborg.", "csrf": _csrf(c)})
    assert again.status_code == 303 and again.headers["location"] == r.headers["location"]  # stored once


def test_web_add_refuses_without_csrf_token_or_input(client: Client, fresh: Fresh) -> None:
    c = client(fresh("new"))
    assert c.post("/add", data={"text": "Enligt polisen gripits."}).status_code == 403
    assert c.post("/add", data={"text": "Enligt polisen gripits.", "csrf": "x" * 43}).status_code == 403
    assert c.post("/add", data={"csrf": _csrf(c)}).status_code == 400
    assert c.get("/index.json").json()["languages"] == {}


def test_web_beyond_loopback_writes_need_the_token(client: Client, fresh: Fresh) -> None:
    open_server = client(fresh("a"), host="0.0.0.0")
    r = open_server.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(open_server)})
    assert r.status_code == 403 and "token" in r.text
    guarded = client(fresh("b"), host="0.0.0.0", serve_token="s3cret")
    assert 'name="token"' in guarded.get("/add").text
    bad = guarded.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(guarded), "token": "no"})
    assert bad.status_code == 403
    good = guarded.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(guarded),
                                      "token": "s3cret"})
    assert good.status_code == 303


def test_web_hostile_article_is_inert_text(client: Client, fresh: Fresh) -> None:
    c = client(fresh("hostile"))
    r = c.post("/add", data={"text": HOSTILE, "title": "<b>bold</b>\u202e title", "csrf": _csrf(c)})
    assert r.status_code == 303
    page = c.get(r.headers["location"]).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and 'href="javascript:' not in page and "<b>bold" not in page
    assert "\x1b" not in page and "\x07" not in page and "\u202e" not in page  # shown as pictures instead
    assert "␛" in page and "&lt;U+202E&gt;" in page
    assert "{{ 1234*5678 }}" in page and "7006652" not in page  # article text is never a template
    data = c.get(r.headers["location"] + ".json").text
    assert "\u202e" not in data and "\\u202e" in data  # JSON keeps the text, escaped


def test_web_poisoned_ledger_every_page(client: Client, poisoned: SimpleNamespace) -> None:
    c = client(poisoned.path)
    pages = ["/", "/claims", "/actors", "/facts", f"/facts/{poisoned.facts['F1']}",
             f"/articles/{poisoned.articles['wire']}", f"/facts/{poisoned.facts['F3']}"]
    for url in pages:
        r = c.get(url)
        assert r.status_code == 200, url
        assert "\x1b" not in r.text and "\u202e" not in r.text and "[link=http://x]click" in r.text, url


def test_web_query_time_limit_answers_503(client: Client, examples_on: str | Path) -> None:
    c = client(examples_on, serve_query_seconds=0.0)
    r = c.get("/claims.json", params={"limit": 200})
    assert r.status_code == 503 and "longer than 0 s" in r.json()["error"]
    assert client(examples_on).get("/claims.json", params={"limit": 200}).status_code == 200


PAGE = ("<html><head><title>Drones downed</title></head><body><article><h1>Drones downed over Kyiv</h1>"
        + "<p>Ukraine's air force said on Monday that 40 drones had been shot down overnight.</p>" * 3
        + "</article></body></html>").encode()


@pytest.fixture
def page_server() -> Iterator[str]:
    """A loopback HTTP server with one news page at ``/news``."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            self.send_response(200 if self.path == "/news" else 404)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_web_add_by_url_fetches_reads_and_lands_on_the_article(client: Client, fresh: Fresh,
                                                              page_server: str) -> None:
    guarded = client(fresh("a"))  # the SSRF guard: a private address is refused, in one line
    refused = guarded.post("/add", data={"url": page_server + "/news", "csrf": _csrf(guarded)})
    assert refused.status_code == 422 and "private" in refused.text.lower()
    c = client(fresh("b"), allow_private=True)
    r = c.post("/add", data={"url": page_server + "/news", "csrf": _csrf(c)})
    assert r.status_code == 303
    data = c.get(r.headers["location"] + ".json").json()
    assert data["article"]["title"] == "Drones downed over Kyiv" and data["article"]["url"] == page_server + "/news"
    assert any(q["value"] == 40 for q in data["quantities"])


def test_cli_serve_answers_on_loopback_and_says_what_it_does(tmp_path: Path, linked: SimpleNamespace) -> None:
    from tests.web.conftest import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "serve", "--ledger", str(linked.path),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["languages"]["sv"]["articles"] == 1
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=20)
    assert f"at http://127.0.0.1:{port}/" in err and "Traceback" not in err
    wide = subprocess.run([sys.executable, "-m", "claimledger", "serve", "--ledger", str(tmp_path / "no" / "such"),
                           "--host", "0.0.0.0", "--port", str(free_port())], capture_output=True, text=True,
                          timeout=60)
    assert wide.returncode != 0 and wide.stderr.count("\n") == 1 and "Traceback" not in wide.stderr
