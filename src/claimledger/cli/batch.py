"""``claimledger analyze --engine dask`` and ``claimledger import SHARDS...``: the batch path's shell.

Shards are analysed on Dask workers with a bar over shards, then imported into the ledger and
linked with a bar over articles; failures are listed per shard and per input, one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from claimledger.analyze import IngestReport
from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import err, out, safe, show_progress
from claimledger.settings import Settings


def _bar(quiet: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, disable=not show_progress(quiet), transient=False)


def run_dask(sources: list[str], settings: Settings, *, lang: str | None, workers: int | None,
             scheduler: str | None, shards: str | None, quiet: bool) -> int:
    """Analyse on Dask into shard folders, then import them: the exit code of the whole."""
    from claimledger.batch import analyze_with_dask

    folder = Path(shards) if shards else Path(f"{settings.ledger}.shards")
    if "://" in str(settings.ledger) and not shards:
        folder = Path("claimledger.shards")
    with _bar(quiet) as bar:
        task = bar.add_task("analyzing shards", total=None)
        report = analyze_with_dask(sources, folder, settings=settings, workers=workers, scheduler=scheduler,
                                   lang=lang, on_plan=lambda n: bar.update(task, total=n),
                                   on_shard=lambda _key, _ok: bar.update(task, advance=1),
                                   on_dashboard=lambda url: err.print(Text.assemble("Dask dashboard: ", safe(url)),
                                                                      soft_wrap=True))
    for line in report.failed:
        err.print(Text.assemble(("failed", "red"), " ", safe(line)), soft_wrap=True)
    for e in report.listing_errors:
        err.print(Text.assemble(("skipped", "red"), " ", safe(str(e))), soft_wrap=True)
    if not quiet:
        out.print(Text.assemble(f"{report.shards} shard(s): {report.analysed} analysed, {report.skipped} done "
                                f"before, {len(report.failed)} failed, in {report.seconds:.1f} s -> ",
                                safe(str(folder))), soft_wrap=True)
    imported = _import(settings.ledger, [folder], quiet)
    report.imported = imported
    return report.exit_code


def _import(ledger: str, folders: list[Path | str], quiet: bool) -> IngestReport:
    from claimledger.batch import import_shards
    from claimledger.ingest import summarize_errors
    from claimledger.store import Ledger

    with Ledger(ledger) as store, _bar(quiet) as bar:
        task = bar.add_task("importing", total=None)
        report = import_shards(store, folders, progress=lambda _s: bar.update(task, advance=1))
        bar.update(task, total=report.read, completed=report.read)
        name = store.name
    for line in summarize_errors(report.errors):
        err.print(Text.assemble(("skipped", "red"), " ", safe(line)), soft_wrap=True)
    if not quiet:
        out.print(Text.assemble(f"imported {report.read} article(s): {report.added} added, {report.duplicates} "
                                f"already in the ledger, {len(report.errors)} input(s) skipped -> ", safe(name)),
                  soft_wrap=True)
    return report


def import_(
    shards: Annotated[list[str], typer.Argument(help="Shard folders, or folders of them (analyze --engine dask).")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Import Parquet shards into the ledger and link them (an article already stored is skipped)."""
    from claimledger.cli import render

    report = _import(ledger, list(shards), quiet or render.QUIET)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
