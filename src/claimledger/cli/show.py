"""``claimledger show ARTICLE``: the article with sources, cues, contents and quantities highlighted."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import CERTAINTY_STYLE, Col, emit_json, fitted, highlighted, out, safe

ATTRIBUTION_COLUMNS = (Col("#", 3, no_wrap=True), Col("source", 12, grow=3), Col("cue", 6, grow=1),
                       Col("certainty", 9, no_wrap=True), Col("anon", 4, no_wrap=True), Col("via", 3, no_wrap=True))


def show(
    article: Annotated[str, typer.Argument(help="An article id or a unique id prefix.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    as_json: Annotated[bool, typer.Option("--json", help="Print the article and its records as JSON.")] = False,
) -> None:
    """Show one article: blue source, magenta cue, underlined content, yellow quantities."""
    from claimledger.store import Ledger
    from claimledger.store.exports.lines import article_json

    with Ledger(ledger, readonly=True) as store:
        analysis = store.analysis(article)
    if as_json:
        emit_json(article_json(analysis))
        return
    art = analysis.article
    out.rule(safe(art.title or art.id[:12]))
    meta = "  ".join(str(x) for x in (art.id, art.lang, art.published or "", art.url or art.raw_ref))
    out.print(safe(meta, "dim"))
    out.print(highlighted(analysis))
    t, _ = fitted(ATTRIBUTION_COLUMNS, title="attributions")
    index = {a.id: n for n, a in enumerate(analysis.attributions, 1)}
    text = art.text
    for n, a in enumerate(analysis.attributions, 1):
        source = safe(a.source.of(text)) if a.source else Text("(unnamed)", style="dim")
        t.add_row(str(n), source, safe(a.cue.of(text)), safe(a.certainty, CERTAINTY_STYLE.get(a.certainty, "")),
                  "yes" if a.anonymous else "", str(index.get(a.via or "", "")))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
