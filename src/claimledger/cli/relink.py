"""``claimledger relink``: forget every link decision and link the whole ledger again.

For after an upgrade whose linking rules changed, or a ledger written before links
existed. The articles and their records are untouched; copies, origins, facts and their
links are rebuilt article by article, earliest published first, each in its own
transaction, so an interrupted relink is completed by running it again.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import err, out, safe, show_progress


def relink(
    ledger: LedgerOpt = DEFAULT_LEDGER,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Clear every copy, origin, fact and link, then link every stored article again."""
    from claimledger.analyze import relink as run  # the library holds the linker; store/ knows none
    from claimledger.cli import render
    from claimledger.store import Ledger

    quiet = quiet or render.QUIET

    with Ledger(ledger) as store:
        bar = Progress(TextColumn("linking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=err, disable=not show_progress(quiet))
        with bar:
            task = bar.add_task("linking", total=None)

            def step(done: int, total: int, _article_id: str) -> None:
                bar.update(task, completed=done, total=total)

            failed: list[str] = []
            n = run(store, progress=step, failed=failed)
        for line in failed:  # an article the linker fails on stays unlinked; the rest are linked
            err.print(Text.assemble("claimledger: ", safe(line)), soft_wrap=True)
        if not quiet:
            out.print(Text.assemble(f"linked {n} article(s) in ", safe(store.name)))
        if failed:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("relink")(relink)
