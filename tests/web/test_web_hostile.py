"""Hostile articles and visitors: escaping in one output layer, CSRF, the write token, time limits."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import httpx
from tests.web.conftest import Client

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


def test_web_add_pasted_text_lands_on_its_article_page(client: Client, tmp_path: Path) -> None:
    c = client(tmp_path / "new.sqlite")
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


def test_web_add_refuses_without_csrf_token_or_input(client: Client, tmp_path: Path) -> None:
    c = client(tmp_path / "new.sqlite")
    assert c.post("/add", data={"text": "Enligt polisen gripits."}).status_code == 403
    assert c.post("/add", data={"text": "Enligt polisen gripits.", "csrf": "x" * 43}).status_code == 403
    assert c.post("/add", data={"csrf": _csrf(c)}).status_code == 400
    assert c.get("/index.json").json()["languages"] == {}


def test_web_beyond_loopback_writes_need_the_token(client: Client, tmp_path: Path) -> None:
    open_server = client(tmp_path / "a.sqlite", host="0.0.0.0")
    r = open_server.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(open_server)})
    assert r.status_code == 403 and "token" in r.text
    guarded = client(tmp_path / "b.sqlite", host="0.0.0.0", serve_token="s3cret")
    assert 'name="token"' in guarded.get("/add").text
    bad = guarded.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(guarded), "token": "no"})
    assert bad.status_code == 403
    good = guarded.post("/add", data={"text": "Enligt polisen gripits tre.", "csrf": _csrf(guarded),
                                      "token": "s3cret"})
    assert good.status_code == 303


def test_web_hostile_article_is_inert_text(client: Client, tmp_path: Path) -> None:
    c = client(tmp_path / "hostile.sqlite")
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


def test_web_query_time_limit_answers_503(client: Client, examples_ledger: Path) -> None:
    c = client(examples_ledger, serve_query_seconds=0.0)
    r = c.get("/claims.json", params={"limit": 200})
    assert r.status_code == 503 and "longer than 0 s" in r.json()["error"]
    assert client(examples_ledger).get("/claims.json", params={"limit": 200}).status_code == 200
