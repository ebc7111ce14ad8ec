"""The app factory: one read-only ledger, the pages, static files, security headers, errors as pages.

``create_app`` is what ``claimledger serve`` runs under uvicorn and what the tests drive
through an in-process httpx client. What the pages share (state, timed reads, rendering)
is ``respond.py``; the pages themselves are ``pages.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from claimledger.errors import ClaimledgerError, StoreError
from claimledger.settings import Settings
from claimledger.store import Ledger, dialect
from claimledger.web import pages
from claimledger.web.respond import HERE, WebState, render
from claimledger.web.security import SecurityHeaders, is_loopback


def create_app(ledger: str | Path, *, settings: Settings | None = None, host: str = "127.0.0.1") -> FastAPI:
    """The web app over the ledger at ``ledger`` (a path or URL), as served on ``host``."""
    settings = settings or Settings.from_env()
    if dialect.is_new(ledger):
        Ledger(ledger).close()  # a new file or an empty database: created empty, so the add page can fill it
    state = WebState(str(ledger), settings, is_loopback(host), Ledger(ledger, readonly=True))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.ledger.close()

    app = FastAPI(title="claimledger", lifespan=lifespan,
                  summary="Who says what, and who confirms it: the ledger's pages and API.",
                  docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.web = state
    app.add_middleware(SecurityHeaders, max_body=settings.serve_max_body)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.include_router(pages.router)

    @app.exception_handler(ClaimledgerError)
    async def _known(request: Request, exc: ClaimledgerError) -> Response:
        status = 404 if isinstance(exc, StoreError) and "no " in str(exc).split(":")[-1][:40] else 400
        if isinstance(exc, StoreError) and ("interrupted" in str(exc) or "statement timeout" in str(exc)):
            status, exc = 503, StoreError(f"the query took longer than {settings.serve_query_seconds:g} s")
        return render(request, "error.html", {"error": str(exc), "status": status}, status=status)

    return app
