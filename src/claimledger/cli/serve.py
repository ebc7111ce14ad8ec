"""``claimledger serve``: the ledger in a browser (``claimledger.web``) under uvicorn.

Bound to loopback unless told otherwise. On any other address the page that adds articles
asks for the ``serve_token`` setting (``CLAIMLEDGER_SERVE_TOKEN``); without one set, adding
is refused there, and ``serve`` says which of the two it is before it starts.
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import err
from claimledger.safetext import visible


def serve(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default: only this machine).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the ledger's pages and JSON API (overview, claims, articles, actors, facts, add)."""
    import uvicorn

    from claimledger.settings import Settings
    from claimledger.web import create_app
    from claimledger.web.security import is_loopback

    settings = Settings.from_env()
    app = create_app(ledger, settings=settings, host=host)
    shown = f"[{host}]" if ":" in host else host
    def note(line: str) -> None:
        err.print(visible(line), soft_wrap=True, markup=False, highlight=False)

    if not is_loopback(host):
        if settings.serve_token:
            note(f"claimledger: listening on {shown}: adding articles needs the token in CLAIMLEDGER_SERVE_TOKEN")
        else:
            note(f"claimledger: listening on {shown}: adding articles is off (set CLAIMLEDGER_SERVE_TOKEN to allow it)")
    note(f"claimledger: serving {app.state.web.ledger.name} at http://{shown}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
