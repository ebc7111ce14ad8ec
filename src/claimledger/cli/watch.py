"""``claimledger watch FEEDS.txt [--every 15m] [--once]``: keep the ledger current from feeds.

A thin shell over ``claimledger.watch``: it parses the interval, draws a status line on a
terminal (feeds polled, new articles, not modified, errors), prints one plain summary
line per round otherwise, and ``--json`` prints the last round's summary for a script.
Exit status as ``analyze``: 0 every feed read, 1 some feed, line or item failed; 2 a
usage error or a feed list that cannot be read; 130 interrupted (a long watch ends so).
"""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.status import Status
from rich.text import Text

from claimledger.cli.options import DEFAULT_LEDGER, LedgerOpt
from claimledger.cli.render import emit_json, err, out, safe, show_progress
from claimledger.errors import UsageError

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


def parse_interval(value: str) -> float:
    """``15m``, ``90s``, ``1h``, ``2d`` or plain seconds (``900``) as seconds; UsageError otherwise."""
    match = _INTERVAL.fullmatch(value.strip().lower())
    seconds = float(match.group(1)) * _UNITS[match.group(2)] if match else 0.0
    if not match or seconds < 1:
        raise UsageError(f"--every {value!r} is not an interval of a second or more (such as 90s, 15m, 1h)")
    return seconds


def watch(
    feeds: Annotated[str, typer.Argument(help="A text file: one RSS/Atom feed or sitemap URL a line, # comments.")],
    ledger: LedgerOpt = DEFAULT_LEDGER,
    every: Annotated[str | None, typer.Option(help="Poll each feed this often: 90s, 15m, 1h (default watch_every).")]
    = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and exit (for cron); feeds still "
                                                      "backing off after errors are left for a later run.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary at the end instead of lines.")] = False,
    allow_private: Annotated[bool, typer.Option(help="Allow feeds on private/loopback addresses.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No status line and no summary.")] = False,
) -> None:
    """Poll feeds politely and add what is new to the ledger (exit 0 all read, 1 some failed)."""
    from claimledger.cli import render
    from claimledger.ingest import summarize_errors, summarize_notes
    from claimledger.settings import Settings
    from claimledger.store import Ledger
    from claimledger.watch import WatchReport, watch_forever, watch_once

    quiet = quiet or render.QUIET
    settings = Settings.from_env(ledger=ledger, allow_private=allow_private or None,
                                 watch_every=parse_interval(every) if every is not None else None)
    counts = {"polled": 0, "not-modified": 0, "failed": 0, "added": 0, "duplicate": 0, "item-error": 0}
    live = show_progress(quiet or as_json)
    status = Status("", console=err) if live else None
    last: list[WatchReport] = []

    def line() -> str:
        return (f"feeds polled {counts['polled'] + counts['not-modified']} · new articles {counts['added']} · "
                f"not modified {counts['not-modified']} · errors {counts['failed'] + counts['item-error']}")

    def on_event(kind: str, label: str) -> None:
        counts[kind] = counts.get(kind, 0) + 1
        if status is not None:
            status.update(Text.assemble(line(), " ", (safe(label[:50]).plain, "dim")))

    def on_round(report: WatchReport) -> None:
        last[:] = [report]
        for error_line in summarize_errors(report.feed_errors + report.item_errors):
            err.print(Text.assemble(("failed", "red"), " ", safe(error_line)), soft_wrap=True)
        if not quiet:
            for note_line in summarize_notes(report.notes):
                err.print(Text.assemble(("note", "yellow"), " ", safe(note_line)), soft_wrap=True)
        if not quiet and not as_json:
            out.print(Text(f"{report.polled} of {report.feeds} feed(s) polled: {report.added} new article(s), "
                           f"{report.duplicates} already stored, {report.not_modified} not modified, "
                           f"{report.waiting} waiting, {len(report.feed_errors)} failed, "
                           f"{len(report.item_errors)} item(s) failed"))

    with Ledger(settings.ledger) as store:
        if status is not None:
            status.start()
        try:
            if once:
                on_round(watch_once(store, feeds, settings, once=True, on_event=on_event))
            else:
                watch_forever(store, feeds, settings, on_round=on_round, on_event=on_event)
        finally:
            if status is not None:
                status.stop()
    if as_json and last:
        emit_json(last[0].as_dict())
    raise typer.Exit(last[0].exit_code if last else 0)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
