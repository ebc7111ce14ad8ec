"""``claimledger export``: the ledger as JSON Lines, CSV, Parquet, ClaimReview JSON-LD or STIX 2.1.

``-o`` follows ``outfile``'s rule (a regular file is replaced atomically, a FIFO or a
device written through, a symlink followed, a directory refused); ``-`` is stdout. Parquet
writes a folder, one file per table. The filters are those of ``claims`` and ``facts``;
what each format holds is in docs/exports.md. A progress bar is drawn on a terminal only.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt, lang_option
from claimledger.cli.render import err, note, safe, show_progress


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, claimreview or stix.")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' for stdout); a folder for "
                                                              "parquet.")] = "-",
    ledger: LedgerOpt = DEFAULT_LEDGER,
    actor: Annotated[str | None, typer.Option("--actor", "--source", help="Only claims whose source, actor id or "
                                                                          "originating actor contains this.")] = None,
    lang: Annotated[str | None, lang_option("Only articles in this language.")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after this day (YYYY-MM-DD).")]
    = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before this day (YYYY-MM-DD).")]
    = None,
    certainty: Annotated[list[str] | None, typer.Option(help="asserted, confirmed, reported, estimated, alleged "
                                                             "or denied (repeatable).")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="Only contested facts and the articles that "
                                                                "mention them.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no note.")] = False,
) -> None:
    """Export the ledger's articles, claims and facts, filtered, in an analyst's format."""
    from claimledger.cli import render
    from claimledger.store import Ledger
    from claimledger.store.exports import Filters, check_format, total

    quiet = quiet or render.QUIET
    fmt = check_format(fmt)
    chosen = Filters.make(actor=actor, lang=lang, since=since, until=until, certainty=certainty or None,
                          contested=contested)
    bar = Progress(TextColumn("exporting {task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, disable=not show_progress(quiet), transient=True)
    with Ledger(ledger, readonly=True) as store, bar:
        task = None
        if not bar.disable:
            with store.reading() as conn:
                task = bar.add_task(fmt, total=total(conn, fmt, chosen))

        def step(n: int) -> None:
            if task is not None:
                bar.update(task, advance=n)

        n = store.export(fmt, output, progress=step, **{k: v for k, v in vars(chosen).items()
                                                         if v not in (None, (), False)})
    if output != "-" and not quiet:
        what = {"jsonl": "article(s)", "csv": "row(s)", "parquet": "row(s)", "claimreview": "fact(s)",
                "stix": "STIX object(s)"}[fmt]
        note(Text(f"wrote {n} {what} to "), safe(output))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
