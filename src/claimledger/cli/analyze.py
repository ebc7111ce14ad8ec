"""``claimledger analyze SOURCE...``: raw news into the ledger, with a progress bar and a summary."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import err, out, sources_table, summary_table


def analyze(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, '-' for stdin, URLs, feeds, WARCs, JSONL.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, typer.Option(help="Language of every article (sv, en); detected if left out.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private/loopback addresses.")] = False,
    max_bytes: Annotated[int | None, typer.Option(help="Largest input read, in bytes.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Analyze articles and store their claims in the ledger (exit 0 all read, 1 some skipped, 2 none read)."""
    from claimledger.analyze import Progress as Step
    from claimledger.analyze import ingest
    from claimledger.settings import Settings
    from claimledger.store import Ledger

    settings = Settings.from_env(ledger=ledger, allow_private=allow_private or None, max_bytes=max_bytes)
    with Ledger(settings.ledger) as store:
        bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("[dim]{task.fields[last]}"), TimeElapsedColumn(), console=err,
                       disable=quiet, transient=False)
        with bar:
            task = bar.add_task("analyzing", total=None, last="")

            def step(s: Step) -> None:
                if s.kind == "error":
                    return
                bar.update(task, advance=1, last=s.label[:50])

            report = ingest(store, sources, lang=lang, settings=settings, progress=step)
            bar.update(task, total=report.read, completed=report.read)
        for e in report.errors:
            err.print(f"[red]skipped[/red] {e}", markup=True, highlight=False, soft_wrap=True)
        for w in report.warnings:
            err.print(f"[yellow]note[/yellow] {w}", soft_wrap=True)
        if not quiet:
            out.print(
                f"read {report.read} article(s): {report.added} added, {report.duplicates} already in "
                f"the ledger, {len(report.errors)} input(s) skipped -> {store.name}"
            )
            s = store.summary()
            out.print(summary_table(s, title=f"ledger {store.name}"))
            if s.get("top_sources"):
                out.print(sources_table(s))
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
