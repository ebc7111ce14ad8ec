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
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt, lang_option
from claimledger.cli.render import err, out, safe, show_progress, sources_table, summary_table
from claimledger.errors import UsageError


def analyze(
    sources: Annotated[list[str], typer.Argument(
        help="Files, folders, '-' for stdin, URLs, feeds, WARCs, JSONL, URL lists (one URL a line).")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    lang: Annotated[str | None, lang_option("Language of every article; detected if left out.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private/loopback addresses.")] = False,
    max_bytes: Annotated[int | None, typer.Option(help="Largest input read, in bytes.")] = None,
    follow_links: Annotated[bool, typer.Option(
        "--follow-links", help="Fetch the linked page of feed entries that carry only a teaser "
                               "(at most follow_max pages a feed, within follow_deadline).")] = False,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="Read files that links in a folder point to outside that folder.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    engine: Annotated[str, typer.Option(help="local: this process; dask: shards on Dask workers, then import.")]
    = "local",
    workers: Annotated[int | None, typer.Option(min=1, help="Dask: worker processes on this machine.")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask: a running scheduler, tcp://HOST:8786.")] = None,
    shards: Annotated[str | None, typer.Option(help="Dask: folder for the Parquet shards (default LEDGER.shards).")]
    = None,
) -> None:
    """Analyze articles and store their claims in the ledger (exit 0 all read, 1 some skipped, 2 none read)."""
    from claimledger.analyze import Progress as Step
    from claimledger.analyze import ingest
    from claimledger.cli import render
    from claimledger.ingest import summarize_errors, summarize_notes
    from claimledger.settings import Settings
    from claimledger.store import Ledger

    quiet = quiet or render.QUIET

    settings = Settings.from_env(ledger=ledger, allow_private=allow_private or None, max_bytes=max_bytes,
                                 follow_links=follow_links or None, follow_symlinks=follow_symlinks or None)
    if engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {engine!r} (local or dask)")
    if engine == "local" and (workers or scheduler or shards):
        raise UsageError("--workers, --scheduler and --shards go with --engine dask")
    if engine == "dask":
        from claimledger.cli.batch import run_dask

        raise typer.Exit(run_dask(sources, settings, lang=lang, workers=workers, scheduler=scheduler,
                                  shards=shards, quiet=quiet))
    with Ledger(settings.ledger) as store:
        bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[last]}", style="dim", markup=False), TimeElapsedColumn(),
                       console=err, disable=not show_progress(quiet), transient=False)
        with bar:
            task = bar.add_task("analyzing", total=None, last="")

            def step(s: Step) -> None:
                if s.kind == "error":
                    return
                bar.update(task, advance=1, last=safe(s.label[:50]).plain)

            report = ingest(store, sources, lang=lang, settings=settings, progress=step)
            bar.update(task, total=report.read, completed=report.read)
        # a handful of lines however many items misbehave: three of each kind, then a count
        for line in summarize_errors(report.errors):
            err.print(Text.assemble(("skipped", "red"), " ", safe(line)), soft_wrap=True)
        for line in summarize_notes(report.warnings):
            err.print(Text.assemble(("note", "yellow"), " ", safe(line)), soft_wrap=True)
        if not quiet:
            out.print(Text.assemble(
                f"read {report.read} article(s): {report.added} added, {report.duplicates} already in "
                f"the ledger, {len(report.errors)} input(s) skipped -> ", safe(store.name)))
            s = store.summary()
            out.print(summary_table(s, title=f"ledger {store.name}"))
            if s.get("top_sources"):
                out.print(sources_table(s))
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
