"""Keep a ledger current from feeds: poll, store what is new, remember what was seen.

``watch_once`` polls every due feed of a list once: feeds are fetched in threads (one
``PoliteClient`` paces every host), and each new item comes back through a small queue
to this thread, which analyses, stores and links it through the one write path
(``analyze.ingest_articles``, one transaction per article) and then records it as seen
(``store.watchstate``). A feed's validators and schedule are saved only once all its
items are handled. So a run killed at any moment resumes without storing anything
twice, and fetches again at most the few items that were in flight (see watchstate).

``watch_forever`` repeats that, sleeping until the next feed is due, re-reading the
feed list each round so an edited list takes effect without a restart.

A feed is due when its ``next_poll`` has come: ``every`` seconds after a good poll, a
backoff after failures (``watchhttp.backoff_seconds``: doubling, jittered, at least a
Retry-After). ``once`` (cron) ignores the regular interval but never a backoff.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from claimledger.analyze import ingest_articles
from claimledger.errors import INTERNAL, InputError
from claimledger.ingest.watch import Item, Polled, Poller, Seen, read_feed_list
from claimledger.ingest.watchhttp import PoliteClient, backoff_seconds
from claimledger.settings import Settings
from claimledger.store import watchstate
from claimledger.store.ledger import Ledger

QUEUE = 4
"""Items read but not yet stored, across all feeds: what a kill may make us fetch again."""
POLL_THREADS = 8
"""Feeds fetched at once (each host still gets at most ``watch_host_concurrency`` requests)."""


@dataclass
class WatchReport:
    """What one round of polling did: the status line's counts and the errors to print."""

    feeds: int = 0
    polled: int = 0
    not_modified: int = 0
    waiting: int = 0
    """Feeds not polled because they are backing off (or, outside ``once``, not due yet)."""
    added: int = 0
    duplicates: int = 0
    feed_errors: list[InputError] = field(default_factory=list)
    item_errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 every due feed was read, 1 some feed (or feed list line, or item) failed."""
        return 1 if self.feed_errors or self.item_errors else 0

    def as_dict(self) -> dict[str, object]:
        """The summary ``watch --json`` prints."""
        return {"feeds": self.feeds, "polled": self.polled, "not_modified": self.not_modified,
                "waiting": self.waiting, "new_articles": self.added, "already_stored": self.duplicates,
                "feed_errors": [str(e) for e in self.feed_errors], "item_errors": [str(e) for e in self.item_errors],
                "notes": list(self.notes)}


Event = Callable[[str, str], None]
"""Called as things happen, for a status line: (kind, label); kinds are ``polled``, ``not-modified``,
``failed``, ``added``, ``duplicate``, ``item-error``."""


@dataclass(frozen=True)
class _Done:
    state: watchstate.FeedState
    polled: Polled


class _Stopped(Exception):
    """The run ended (an interrupt) while a poll thread waited to hand over an item."""


def watch_once(ledger: Ledger, feed_list: str | Path, settings: Settings, *, once: bool = True,
               transport: httpx.BaseTransport | None = None, on_event: Event | None = None,
               client: PoliteClient | None = None) -> WatchReport:
    """Poll each due feed of ``feed_list`` once; store and link what is new (see the module docstring)."""
    urls, bad_lines = read_feed_list(feed_list, settings.max_bytes)
    report = WatchReport(feeds=len(urls), feed_errors=list(bad_lines))
    now = datetime.now(UTC)
    states = watchstate.sync_feeds(ledger, urls)
    due = [s for s in states if s.due(now, backoff_only=once)]
    report.waiting = len(states) - len(due)
    own = client is None
    polite = client or PoliteClient(settings, transport=transport)
    try:
        _poll_all(ledger, due, Poller(polite, settings), settings, report, on_event or (lambda kind, label: None))
    finally:
        if own:
            polite.close()
    return report


def _poll_all(ledger: Ledger, due: list[watchstate.FeedState], poller: Poller, settings: Settings,
              report: WatchReport, event: Event) -> None:
    """Fetch the due feeds in threads; store their items and save their polls here, in this thread."""
    if not due:
        return
    handed: queue.Queue[tuple[watchstate.FeedState, Item] | _Done] = queue.Queue(maxsize=QUEUE)
    stop = threading.Event()

    def put(thing: tuple[watchstate.FeedState, Item] | _Done) -> None:
        while not stop.is_set():
            try:
                handed.put(thing, timeout=0.2)
                return
            except queue.Full:
                continue
        raise _Stopped

    def poll(state: watchstate.FeedState, seen: Seen) -> None:
        def emit(item: Item) -> None:
            put((state, item))

        try:
            polled = poller.poll(state.url, seen, emit, etag=state.etag, last_modified=state.last_modified)
        except _Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - one feed's unforeseen failure must not end the round
            detail = " ".join(str(exc).split())[:160]
            polled = Polled(state.url, outcome="failed",
                            error=InputError(state.url, INTERNAL, f"polling failed ({type(exc).__name__}: {detail})"))
        put(_Done(state, polled))

    seen = {s.id: _seen(ledger, s.id) for s in due}
    pool = ThreadPoolExecutor(max_workers=min(POLL_THREADS, len(due)), thread_name_prefix="watch")
    try:
        for state in due:
            pool.submit(poll, state, seen[state.id])
        left = len(due)
        while left:
            thing = handed.get()
            if isinstance(thing, _Done):
                left -= 1
                _finish(ledger, thing, settings, report, event)
            else:
                _store(ledger, *thing, settings, report, event)
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


def _seen(ledger: Ledger, feed_id: int) -> Seen:
    read, failed = watchstate.seen_items(ledger, feed_id)
    return Seen(frozenset(read), frozenset(failed))


def _store(ledger: Ledger, state: watchstate.FeedState, item: Item, settings: Settings, report: WatchReport,
           event: Event) -> None:
    """Analyse, store and link one new item, then record it as seen (in that order: see watchstate)."""
    now = datetime.now(UTC)
    if item.article is None:
        error = item.error or InputError(item.url, INTERNAL, "item has neither an article nor an error")
        report.item_errors.append(error)
        watchstate.record_item(ledger, state.id, item.url, now, error=str(error))
        event("item-error", item.url)
        return
    done = ingest_articles(ledger, [item.article], settings=settings)
    report.notes += done.warnings
    if done.errors:  # refused by the analysis (longer than max_article_chars)
        report.item_errors += done.errors
        watchstate.record_item(ledger, state.id, item.url, now, error=str(done.errors[0]))
        event("item-error", item.url)
        return
    report.added += done.added
    report.duplicates += done.duplicates
    watchstate.record_item(ledger, state.id, item.url, now, article_id=item.article.id)
    event("added" if done.added else "duplicate", item.article.title or item.url)


def _finish(ledger: Ledger, done: _Done, settings: Settings, report: WatchReport, event: Event) -> None:
    """Save one feed's poll (after all its items): validators, schedule, failure run."""
    state, polled = done.state, done.polled
    now = datetime.now(UTC)
    report.notes += [f"{state.url}: {line}" for line in polled.skipped]
    if polled.outcome == "failed":
        failures = state.failures + 1
        wait = backoff_seconds(failures, settings, polled.retry_after)
        error = polled.error or InputError(state.url, INTERNAL, "poll failed")
        report.feed_errors.append(error)
        watchstate.save_poll(ledger, state.id, polled=now, next_poll=now + timedelta(seconds=wait),
                             failures=failures, error=str(error))
        event("failed", state.url)
        return
    report.polled += 1
    fresh = polled.outcome == "read"
    if not fresh:
        report.not_modified += 1
    watchstate.save_poll(ledger, state.id, polled=now, next_poll=now + timedelta(seconds=settings.watch_every),
                         failures=0, error=None, etag=polled.etag, last_modified=polled.last_modified,
                         keep_validators=not fresh)
    event("polled" if fresh else "not-modified", state.url)


def next_due(ledger: Ledger, feed_list: str | Path, settings: Settings) -> float:
    """Seconds until the first feed of the list is due (0 when one is due now)."""
    urls, _ = read_feed_list(feed_list, settings.max_bytes)
    now = datetime.now(UTC)
    waits = [(datetime.fromisoformat(s.next_poll) - now).total_seconds() if s.next_poll else 0.0
             for s in watchstate.sync_feeds(ledger, urls)]
    return max(0.0, min(waits, default=settings.watch_every))


def watch_forever(ledger: Ledger, feed_list: str | Path, settings: Settings, *,
                  on_round: Callable[[WatchReport], None], stop: threading.Event | None = None,
                  transport: httpx.BaseTransport | None = None, on_event: Event | None = None,
                  rounds: int | None = None) -> None:
    """Poll due feeds, sleep until the next is due, again, until ``stop`` is set (or ``rounds`` ran)."""
    stop = stop or threading.Event()
    client = PoliteClient(settings, transport=transport)
    done = 0
    try:
        while not stop.is_set() and (rounds is None or done < rounds):
            started = time.monotonic()
            on_round(watch_once(ledger, feed_list, settings, once=False, on_event=on_event, client=client))
            done += 1
            if rounds is not None and done >= rounds:
                break
            # robots.txt is read once per host per round of a long watch, not once for days
            client.forget_robots()
            stop.wait(max(next_due(ledger, feed_list, settings), 1.0 - (time.monotonic() - started)))
    finally:
        client.close()
