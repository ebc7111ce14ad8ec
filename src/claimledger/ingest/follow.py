"""Following a feed's links to their pages: only when asked, capped, concurrent, on one deadline.

Reading a feed means reading what the feed carries. Fetching each entry's linked page
is a network request per entry that the user did not make, so it happens only with
``follow_links`` (``--follow-links``), and then within bounds a user can predict:

* at most ``follow_max`` distinct pages per feed (the first entries that need one);
  the rest keep the feed's own text;
* all of them within ``follow_deadline`` seconds together: every socket wait in the
  worker threads is cut to that moment (``wire.deadline_at``), and a page not read by
  then keeps the feed's text too;
* ``WORKERS`` requests at a time, so a feed of slow pages does not take
  ``follow_max`` times one page's time, nor open a burst of connections to one site.

What happened is told in one line per feed (``summary_line``), not one per entry: a
feed whose eleven linked pages fail is one note, not eleven.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from claimledger.errors import FETCH, INTERNAL, InputError
from claimledger.model import Article

from .wire import deadline_at

WORKERS = 4
"""Linked pages fetched at once."""

GRACE = 2.0
"""Seconds past the deadline allowed for a page already downloaded to finish extracting."""

PageReader = Callable[[str], Article | InputError]
"""Fetch a URL and extract its article."""


@dataclass
class Followed:
    """What following one feed's links gave: a page or an error per link tried, and what was left out."""

    pages: dict[str, Article | InputError] = field(default_factory=dict)
    over_cap: int = 0
    """Links not tried because ``follow_max`` was reached."""
    max_pages: int = 0

    def failures(self) -> list[InputError]:
        """The links that were tried and failed, in the feed's order."""
        return [page for page in self.pages.values() if isinstance(page, InputError)]

    def summary_line(self) -> str | None:
        """One line saying how following went, or None when every page tried was read."""
        failed = self.failures()
        if not failed and not self.over_cap:
            return None
        parts = [f"followed {len(self.pages)} linked page(s): {len(self.pages) - len(failed)} read"]
        if failed:
            kinds = Counter(_failure_kind(error) for error in failed)
            counted = ", ".join(f"{kind} ×{n}" if n > 1 else kind for kind, n in kinds.most_common())
            first = " ".join(str(failed[0]).split())[:200]
            parts.append(f"{len(failed)} failed and kept the feed's text ({counted}; first: {first})")
        if self.over_cap:
            parts.append(f"{self.over_cap} more kept the feed's text (follow_max={self.max_pages})")
        return "; ".join(parts)


def _failure_kind(error: InputError) -> str:
    """A short label that groups failures: the HTTP status, a timeout, or the error code."""
    message = error.message
    if "HTTP " in message:
        return "HTTP " + message.split("HTTP ", 1)[1].split(" ", 1)[0]
    if "follow_deadline" in message or "fetch_deadline" in message or "timed out" in message:
        return "timed out"
    return error.code


def follow_links(
    links: Sequence[str], read_page: PageReader, *, max_pages: int, deadline: float, workers: int = WORKERS
) -> Followed:
    """Read the pages of ``links`` (duplicates once, at most ``max_pages``) within ``deadline`` seconds."""
    unique = list(dict.fromkeys(links))
    chosen = unique[: max(max_pages, 0)]
    result = Followed(over_cap=len(unique) - len(chosen), max_pages=max_pages)
    if not chosen:
        return result
    at = time.monotonic() + deadline

    def one(url: str) -> Article | InputError:
        if time.monotonic() >= at:  # queued behind slow pages until the time was up
            return _late(url, deadline)
        with deadline_at(at, "follow_deadline", deadline):
            return read_page(url)

    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(chosen))), thread_name_prefix="follow")
    try:
        futures = {url: pool.submit(one, url) for url in chosen}
        _wait_until(list(futures.values()), at + GRACE)
        for url, future in futures.items():
            result.pages[url] = _outcome(url, future, deadline)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return result


def _wait_until(futures: list[Future[Article | InputError]], at: float) -> None:
    """Wait for every future, but not past ``at`` (monotonic)."""
    pending = set(futures)
    while pending:
        left = at - time.monotonic()
        if left <= 0:
            return
        _, pending = wait(pending, timeout=left, return_when=FIRST_EXCEPTION)


def _late(url: str, deadline: float) -> InputError:
    return InputError(url, FETCH, f"linked page not read within {deadline:g}s (follow_deadline)")


def _outcome(url: str, future: Future[Article | InputError], deadline: float) -> Article | InputError:
    """The page a finished future holds, or why there is none (late, or a reader that raised)."""
    if not future.done() or future.cancelled():
        future.cancel()
        return _late(url, deadline)
    error = future.exception()
    if error is not None:
        detail = " ".join(str(error).split())[:160]
        why = f"reading the linked page failed unexpectedly ({type(error).__name__}: {detail})"
        return InputError(url, INTERNAL, why)
    return future.result()
