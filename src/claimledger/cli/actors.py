"""``claimledger actors``: who originates the claims, once relays and copies are collapsed."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.options import (
    DEFAULT_LEDGER,
    CsvOpt,
    JsonOpt,
    LedgerOpt,
    NlOpt,
    lang_option,
    limit_option,
    output_format,
)
from claimledger.cli.render import emit_rows, out, safe


def actors(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, lang_option("Count only articles in this language.")] = None,
    limit: Annotated[int, limit_option()] = 100,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List originating actors, most claims first, with their claims per language and facts; a body
    in the actor tables shows the kind they give it, any other the kind its sources' words suggest."""
    from claimledger.link.data import with_table_kinds
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.actors(lang=lang, limit=limit)
    with_table_kinds(rows)
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    t = Table(title=f"{len(rows)} actor(s)")  # five short columns: they fit 80 columns as they are
    for col in ("actor", "kind", "claims", "by language", "facts"):
        t.add_column(col, overflow="fold", min_width=6, justify="right" if col in ("claims", "facts") else "left")
    for r in rows:
        langs = " · ".join(f"{k} {n}" for k, n in r["by_lang"].items())
        t.add_row(safe(r["name"], "bold"), safe(r["kind"]) if r["kind"] else Text("-", style="dim"),
                  str(r["claims"]), safe(langs), str(r["facts"]))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
