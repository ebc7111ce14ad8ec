"""``claimledger articles``: what the ledger holds, one article a row."""

from __future__ import annotations

from typing import Annotated, Any

import typer

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
from claimledger.cli.render import Col, emit_rows, fitted, out, safe

COLUMNS = (Col("id", 10, no_wrap=True), Col("lang", 4, keep=3, no_wrap=True), Col("title", 16, grow=4),
           Col("published", 10, keep=2, no_wrap=True), Col("claims", 6, right=True),
           Col("figures", 7, keep=1, right=True), Col("from", 12, keep=4, grow=2))


def articles(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, lang_option("Only articles in this language.")] = None,
    limit: Annotated[int, limit_option()] = 50,
    as_json: JsonOpt = False,
    as_nl: NlOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List stored articles with their record counts, newest first."""
    from claimledger.store import Ledger

    fmt = output_format(as_json, as_nl, as_csv)
    with Ledger(ledger, readonly=True) as store:
        rows = store.articles(lang=lang, limit=limit)
    if fmt != "table":
        emit_rows(rows, fmt)
        return
    t, kept = fitted(COLUMNS, title=f"{len(rows)} article(s)")
    for r in rows:
        cells: dict[str, Any] = {
            "id": safe(r["id"][:10]), "lang": safe(r["lang"]), "title": safe(r["title"] or ""),
            "published": safe(r["published"] or ""), "claims": str(r["attributions"]),
            "figures": str(r["quantities"]), "from": safe(r["url"] or r["raw_ref"] or ""),
        }
        t.add_row(*(cells[c.name] for c in kept))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
