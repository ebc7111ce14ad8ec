"""What every page shares: the app's state, timed reads, the templates and the one way out.

``reading`` is a snapshot transaction on the read-only ledger with a deadline (SQLite's
progress handler interrupts a query past ``serve_query_seconds``; PostgreSQL gets
``statement_timeout``), so one heavy search cannot hold the server. ``render`` gives a
page or its data as JSON from the same dict, and is the one output layer: Jinja2's
autoescaping after ``safetext.visible`` (as ``finalize``) for HTML, ``safetext.json_text``
for JSON.
"""


from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader
from sqlalchemy import Connection, text

from claimledger.model import UNDATED
from claimledger.safetext import json_text, safe_uri, visible
from claimledger.settings import Settings
from claimledger.store import Ledger
from claimledger.web.security import CSRF_COOKIE, csrf_token

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50


@dataclass
class WebState:
    target: str
    settings: Settings
    loopback: bool
    ledger: Ledger
    cache: dict[str, tuple[float, Any, Any]] = field(default_factory=dict)


CACHE_SECONDS = 60.0
"""How long a whole-ledger summary (the overview's counts, the actor list) is reused while no
article is added: counting a million claims takes a second, and these pages are the busiest."""


def cached(request: Request, key: str, conn: Connection, make: Callable[[], Any]) -> Any:
    """``make()``, or its answer from the last minute if the ledger has no new article since."""
    state = web(request)
    stamp = conn.scalar(text("SELECT max(rowid) FROM articles")) if conn.dialect.name == "sqlite" else None
    hit = state.cache.get(key)
    now = time.monotonic()
    if hit is not None and hit[0] > now and hit[1] == stamp:
        return hit[2]
    value = make()
    state.cache[key] = (now + CACHE_SECONDS, stamp, value)
    return value


def _finalize(value: Any) -> Any:
    """Every ``{{ }}`` of every template: text shown as ``safetext.visible`` shows it (controls and
    bidi overrides as visible pictures), then autoescaped by Jinja2."""
    return visible(value, newlines=True) if isinstance(value, str) else ("" if value is None else value)


def _segment(value: object) -> str:
    """A value as one URL path segment (an actor's name may hold ``/``, ``?`` or ``#``)."""
    return quote(str(value), safe="")


def _safe_url(value: object) -> str:
    """An article's own URL as a link target (``safetext.safe_uri``), ``#`` where it is no http(s) URL."""
    return safe_uri(value) or "#"


def _number(value: object) -> str:
    """A figure as people write it: 9,000,000 rather than 9e+06, decimals only where there are some."""
    if not isinstance(value, int | float):
        return "" if value is None else str(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _day(value: object) -> str:
    """A stored date, or *undated* for the linker's stand-in day of an article with no date."""
    text = "" if value is None else str(value)
    return "undated" if not text or text.startswith(UNDATED) else text


templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                                           finalize=_finalize, undefined=ChainableUndefined))
templates.env.filters["seg"] = _segment
templates.env.filters["safe_url"] = _safe_url
templates.env.filters["num"] = _number
templates.env.filters["day"] = _day


class JSONText(Response):
    """JSON written by ``safetext.json_text``: the exact text, with controls and bidi marks escaped."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json_text(content).encode("utf-8")


def web(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


@contextmanager
def reading(request: Request) -> Iterator[Connection]:
    """One snapshot read for a page, stopped after ``serve_query_seconds``."""
    state = web(request)
    limit = state.settings.serve_query_seconds
    with state.ledger.reading() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SET LOCAL statement_timeout = {max(1, int(limit * 1000))}"))  # 0 would be none
            yield conn
            return
        raw: Any = conn.connection.dbapi_connection
        deadline = time.monotonic() + limit
        raw.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 1_000)
        try:
            yield conn
        finally:
            raw.set_progress_handler(None, 0)


def wants_json(request: Request) -> bool:
    """JSON for ``/api/…``, a ``.json`` suffix or a client that asks for it before HTML."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def render(request: Request, template: str, data: dict[str, Any], *, status: int = 200,
           context: dict[str, Any] | None = None) -> Response:
    """The page, or its data as JSON: one handler, one set of data, two shapes."""
    if wants_json(request):
        return JSONText(data, status_code=status)
    token, new = csrf_token(request)
    page = templates.TemplateResponse(request, template, {**data, **(context or {}), "csrf": token},
                                      status_code=status)
    if new:
        page.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return page
