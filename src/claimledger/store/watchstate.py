"""What ``claimledger watch`` remembers between polls, kept in the ledger itself (migration 0007).

Why in the ledger and not a file beside it: a watch on a team's PostgreSQL ledger may run
on any machine, and a crash must never leave the state and the articles disagreeing
about what was stored. The state is two tables. ``feeds``: a feed's validators (ETag,
Last-Modified) for conditional requests, when it was polled and may be polled again,
and its run of failures (the backoff). ``feed_items``: every item seen, keyed by feed,
item URL and content hash (the article id), with the article stored for it or the one
line saying why none was.

Resuming after ``kill -9`` rests on one order: an item is recorded only *after* its
article is committed (``analyze.ingest_articles``, one transaction per article), and a
feed's validators are saved only after all its items are handled. A kill between the
two re-reads that one item on the next run, and the article id (the text's sha256)
makes storing it again a no-op; a kill before the validators are saved means the next
poll is not answered "304 Not Modified" over items never stored.

Writes go through the ledger's one write transaction (``Ledger._writing``: this
process's lock, then ``BEGIN IMMEDIATE`` on SQLite), so a watch and an ``analyze`` on
one ledger take turns. Nothing here imports the pipeline: the orchestration is
``claimledger.watch``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from claimledger.store import dialect
from claimledger.store.ledger import Ledger
from claimledger.store.schema import feed_items, feeds

FAILED = ""
"""The content hash of an item that could not be read: one row per item, replaced by the next try."""


@dataclass(frozen=True)
class FeedState:
    """One feed's row: what the next conditional request sends and whether the feed is backing off."""

    id: int
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    next_poll: str | None = None
    failures: int = 0
    last_error: str | None = None

    def due(self, now: datetime, *, backoff_only: bool = False) -> bool:
        """Whether the feed may be polled at ``now``.

        ``backoff_only`` (``watch --once``, run by cron): only a backoff holds a feed back
        (failures, a Retry-After), not the regular interval, so a cron a second early
        still polls every healthy feed.
        """
        if self.next_poll is None or (backoff_only and self.failures == 0):
            return True
        return datetime.fromisoformat(self.next_poll) <= now


def _state(row: Any) -> FeedState:
    return FeedState(row.id, row.url, row.etag, row.last_modified, row.last_polled, row.next_poll, row.failures,
                     row.last_error)


def sync_feeds(ledger: Ledger, urls: Iterable[str]) -> list[FeedState]:
    """The state of each of ``urls`` (in their order), adding a fresh row for a feed never seen."""
    wanted = list(dict.fromkeys(urls))
    with ledger._errors("record the watched feeds"), ledger._writing() as conn:
        known = {r.url for r in conn.execute(select(feeds.c.url).where(feeds.c.url.in_(wanted)))} if wanted else set()
        fresh = [{"url": u, "failures": 0} for u in wanted if u not in known]
        if fresh:
            conn.execute(insert(feeds), fresh)
        found = {r.url: _state(r) for r in conn.execute(select(feeds).where(feeds.c.url.in_(wanted)))} \
            if wanted else {}
    return [found[u] for u in wanted]


def seen_items(ledger: Ledger, feed_id: int) -> tuple[set[tuple[str, str]], set[str]]:
    """What was recorded of one feed: (item URL, content hash) of the items read, and the URLs that failed."""
    stmt = select(feed_items.c.url, feed_items.c.content_hash).where(feed_items.c.feed_id == feed_id)
    read: set[tuple[str, str]] = set()
    failed: set[str] = set()
    with ledger.reading() as conn:
        for r in conn.execute(stmt):
            if r.content_hash == FAILED:
                failed.add(r.url)
            else:
                read.add((r.url, r.content_hash))
    return read, failed


def record_item(ledger: Ledger, feed_id: int, url: str, now: datetime, *, article_id: str | None = None,
                error: str | None = None) -> None:
    """Record one item as read (its article id is its content hash) or as failed (``error``).

    Call it only after the article is committed: see the module docstring for why. A read
    item replaces the failure recorded for it before; a failure replaces the previous one.
    """
    row = {"feed_id": feed_id, "url": url, "content_hash": article_id or FAILED, "first_seen": now.isoformat(),
           "article_id": article_id, "error": error}
    with ledger._errors("record a feed item"), ledger._writing() as conn:
        dialect.upsert(conn, feed_items, [row], replace=article_id is None)
        if article_id is not None:
            conn.execute(delete(feed_items).where(feed_items.c.feed_id == feed_id, feed_items.c.url == url,
                                                  feed_items.c.content_hash == FAILED))


def save_poll(ledger: Ledger, feed_id: int, *, polled: datetime, next_poll: datetime, failures: int,
              error: str | None, etag: str | None = None, last_modified: str | None = None,
              keep_validators: bool = True) -> None:
    """A poll's outcome: when it ran, when the next may, the failure run, and new validators.

    ``keep_validators``: a poll that got no fresh answer (304, a failure) keeps the
    validators already stored; a 200 replaces them with its own (None included, so a
    server that stopped sending an ETag is no longer asked with a stale one).
    """
    values: dict[str, Any] = {"last_polled": polled.isoformat(), "next_poll": next_poll.isoformat(),
                              "failures": failures, "last_error": error}
    if not keep_validators:
        values |= {"etag": etag, "last_modified": last_modified}
    with ledger._errors("record a feed's poll"), ledger._writing() as conn:
        conn.execute(update(feeds).where(feeds.c.id == feed_id).values(values))


def feed_rows(ledger: Ledger) -> list[dict[str, Any]]:
    """Every watched feed with its state and how many distinct items were read from it, by URL."""
    read = (select(feed_items.c.feed_id, feed_items.c.url).where(feed_items.c.content_hash != FAILED)
            .distinct().subquery())
    counted = select(read.c.feed_id, func.count().label("n")).group_by(read.c.feed_id)
    with ledger.reading() as conn:
        per_feed = {r.feed_id: int(r.n) for r in conn.execute(counted)}
        return [{**dict(r._mapping), "items": per_feed.get(r.id, 0)}
                for r in conn.execute(select(feeds).order_by(feeds.c.url))]


def item_rows(ledger: Ledger, feed_url: str | None = None) -> list[dict[str, Any]]:
    """Every item recorded (oldest first), optionally of one feed: URL, hash, first seen, article or error."""
    stmt = (select(feeds.c.url.label("feed"), feed_items.c.url, feed_items.c.content_hash, feed_items.c.first_seen,
                   feed_items.c.article_id, feed_items.c.error)
            .join(feeds, feeds.c.id == feed_items.c.feed_id)
            .order_by(feed_items.c.first_seen, feed_items.c.url))
    if feed_url is not None:
        stmt = stmt.where(feeds.c.url == feed_url)
    with ledger.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]
