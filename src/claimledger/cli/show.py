"""``claimledger show ARTICLE``: the article with sources, cues, contents and quantities highlighted."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import CERTAINTY_STYLE, highlighted, out


def show(
    article: Annotated[str, typer.Argument(help="An article id or a unique id prefix.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
) -> None:
    """Show one article: blue source, magenta cue, underlined content, yellow quantities."""
    from claimledger.store import Ledger

    with Ledger(ledger) as store:
        analysis = store.analysis(article)
    art = analysis.article
    out.rule(art.title or art.id[:12])
    out.print(f"[dim]{art.id}  {art.lang}  {art.published or ''}  {art.url or art.raw_ref}[/dim]")
    out.print(highlighted(analysis))
    t = Table(title="attributions")
    for col in ("#", "source", "cue", "certainty", "anon", "via"):
        t.add_column(col)
    index = {a.id: n for n, a in enumerate(analysis.attributions, 1)}
    text = art.text
    for n, a in enumerate(analysis.attributions, 1):
        t.add_row(str(n), a.source.of(text) if a.source else "(unnamed)", a.cue.of(text),
                  f"[{CERTAINTY_STYLE.get(a.certainty, '')}]{a.certainty}[/]", "yes" if a.anonymous else "",
                  str(index.get(a.via or "", "")))
    out.print(t)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
