"""What every response carries and every write must show, against hostile pages and visitors.

Articles are hostile text and the app may listen beyond loopback, so: response headers that
forbid inline script, framing, MIME sniffing and leaking URLs (``headers``); a cap on request
bodies before anything reads them (``BodyLimit``); a CSRF token tied to a cookie on every
form post (``csrf_token`` / ``check_csrf``: the double-submit pattern, compared in constant
time); and, off loopback, the ``serve_token`` setting on every write (``check_write_token``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "claimledger_csrf"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""No inline script or style, nothing from elsewhere: an article's ``<script>`` could not run
even if it escaped the templates. Vega renders into SVG/canvas, which needs no inline script."""

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class SecurityHeaders:
    """ASGI middleware: the headers above on every response, and the body cap on every request."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await PlainTextResponse(f"request body over {self.max_body:,} bytes (serve_max_body)",
                                    status_code=413)(scope, receive, send)
            return
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, capped, with_headers)
        except BodyTooLarge:
            await PlainTextResponse(f"request body over {self.max_body:,} bytes (serve_max_body)",
                                    status_code=413)(scope, receive, with_headers)


class BodyTooLarge(Exception):
    """A chunked body ran past the cap while being read."""


def csrf_token(request: Request) -> tuple[str, bool]:
    """The visitor's CSRF token (from its cookie) and whether the cookie must be set now."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) == 43 and token.replace("-", "").replace("_", "").isalnum():
        return token, False
    return secrets.token_urlsafe(32), True


def check_csrf(request: Request, form: Any) -> bool:
    """The form's token equals the cookie's (a page of ours put it there, not another site)."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = str(form.get("csrf", ""))
    return bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())


def check_write_token(request: Request, form: Any, expected: str, loopback: bool) -> bool:
    """On loopback anyone local may write; elsewhere only with the ``serve_token`` setting's value."""
    if loopback:
        return True
    if not expected:
        return False
    auth = request.headers.get("authorization", "")
    sent = auth[7:] if auth.lower().startswith("bearer ") else str(form.get("token", ""))
    return hmac.compare_digest(expected.encode(), sent.encode())
