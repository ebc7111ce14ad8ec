"""Speed and memory of ``link``: ms per new article and peak memory as the ledger grows.

Prints figures, asserts nothing. The linker asks the store only for what shares a blocking
key (MinHash bands for copies; fact keys within a date window for facts), so the cost of
linking one new article should depend on what shares its keys, not on the ledger's size.

The ledger: the cluster dev articles (``../shared/data/clusters``) are analysed once; each
stored article is a synthetic variant of one of them: the original text plus one suffix line
(so a new id; every span still indexes the text), published ``k % 720`` days after the
original (a ledger spanning two years), the same records re-owned by the new id. With
``--copies exact`` (default) the suffix line has no word characters (``[.--.]``, variant k in
binary), so a variant has the same words as its original, as a syndicated wire copy has;
with ``--copies near`` it is ``[synthetic variant k]``, a near copy. Either way every variant of
an original is a copy of it, so the copy candidates of an article (all stored articles sharing
a MinHash band, not limited by date) grow with the ledger as a real archive's would not: the
table gives the copy path's share of the time and the candidates, to tell the two costs apart.
The date layout also makes the days dense unevenly: the originals' stories lie months apart,
so as variants shift across the calendar more of them share a window. "articles ±14 d" counts
the stored articles published within the fact window of each timed article: fact candidates,
and so link time, follow that density, not the ledger's size.

Sizes: growing runs at about 20 articles/s on one core (linking dominates), so 100k articles
take over an hour and about 5 GB of disk; ``--sizes 1000,10000`` takes about ten minutes.

``--per-day N`` lays the variants out at N a day instead (variant i is shifted ``i // N`` days):
the density of one story's articles then stays the same at every size, as in a real archive
that grows by covering more days rather than by piling more copies onto the same ones. The
default layout packs every original's k-th variant on day k, wrapping after two years, so
beyond about 42k articles the days only get denser: the worst case, not a growing archive.

Growing: variants are stored and linked with the real linker in batches of ``BATCH``
articles per transaction (the store's row mapping, then ``link_article`` on ``View(conn)`` and
``save_links``: what ``Ledger.add(analysis, link=...)`` does, minus one commit per article),
because that is the faster way to reach large sizes; linking is still one article at a time.

Timed at each size: ``--fresh`` new variants published inside the covered days, each stored
and linked in a transaction rolled back afterwards (the ledger keeps its size); only
``link_article`` + ``save_links`` are timed. "copy ms" is the copy path alone (bands, candidates,
decision) run again on the same transaction, outside the timed figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Connection, func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimledger.evaluation.devsets import find_shared  # noqa: E402
from claimledger.link import facts, link_article  # noqa: E402
from claimledger.link.linker import copy_decision  # noqa: E402
from claimledger.model import Analysis, Article, Fact, FactMention  # noqa: E402
from claimledger.nlp.records import analyze_article  # noqa: E402
from claimledger.store import Ledger, rows  # noqa: E402
from claimledger.store.links import View, save_links  # noqa: E402
from claimledger.store.schema import articles, attributions, mentions, metadata, quantities  # noqa: E402

FILES = ("dev-articles.jsonl", "dev2-articles.jsonl")
SPAN_DAYS = 720
BATCH = 500
MARKS = str.maketrans("01", ".-")
FRESH_BASE = 10**7
"""Variant numbers of the fresh (timed) articles: far above any stored variant's."""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_analyses(data: Path) -> list[Analysis]:
    out = []
    for name in FILES:
        with (data / name).open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                art = Article(text=d["text"], lang=d.get("lang") or "und", title=d.get("title"), url=d.get("url"),
                              published=d.get("published"), outlet=d.get("outlet"), raw_ref=str(d["id"]))
                out.append(analyze_article(art))
    return out


def suffix(k: int, mode: str) -> str:
    """The line that makes variant ``k`` a new text: no word characters for an exact copy."""
    return f"[synthetic variant {k}]" if mode == "near" else f"[{k:b}]".translate(MARKS)


def variant(a: Analysis, k: int, shift: int, mode: str) -> Analysis:
    """Variant ``k`` of ``a``: a suffix line appended, published ``shift`` days later, records re-owned."""
    art = a.article
    pub = art.published or "2024-01-01"
    day = (date.fromisoformat(pub[:10]) + timedelta(days=shift)).isoformat()
    new = replace(art, text=f"{art.text}\n\n{suffix(k, mode)}", id="", published=day + pub[10:],
                  url=f"{art.url or 'https://example.invalid/'}#v{k}", canonical_url=None)

    def own(recs: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(replace(r, article_id=new.id) for r in recs)

    return Analysis(new, own(a.attributions), own(a.quantities), own(a.mentions))


def store(conn: Connection, a: Analysis, now: datetime) -> None:
    """The article's rows, as ``Ledger.add`` writes them."""
    conn.execute(insert(articles), [rows.article_row(a.article, now)])
    for table, batch in ((attributions, rows.attribution_rows(a)), (quantities, rows.quantity_rows(a)),
                         (mentions, rows.mention_rows(a))):
        if batch:
            conn.execute(insert(table), batch)


def shift_of(i: int, n_base: int, per_day: int | None) -> int:
    """Days variant ``i`` is published after its original (see ``--per-day``)."""
    return i // per_day if per_day else (i // n_base) % SPAN_DAYS


def grow(ledger: Ledger, base: list[Analysis], start: int, stop: int, mode: str, log: Callable[[str], None],
         per_day: int | None = None) -> None:
    """Store and link variants ``start .. stop-1`` (variant i: original ``i % len(base)``, k ``i // len(base)``)."""
    t = time.perf_counter()
    for lo in range(start, stop, BATCH):
        with ledger._writing() as conn:  # noqa: SLF001 - the store's own write transaction, one per batch
            for i in range(lo, min(lo + BATCH, stop)):
                k = i // len(base)
                a = variant(base[i % len(base)], i if per_day else k,
                            shift_of(i, len(base), per_day), mode)
                now = datetime.now(UTC)
                store(conn, a, now)
                save_links(conn, link_article(View(conn), a), now.isoformat())
        done = min(lo + BATCH, stop)
        if done % 2000 == 0 or done == stop:
            rate = (done - start) / (time.perf_counter() - t)
            log(f"  stored+linked {done:>7} articles ({rate:.0f}/s)")


class CountingView(View):
    """The store's ``View``, counting how many candidates each question returned."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.facts = self.copies = 0

    def facts_by_keys(self, keys: Sequence[str], date_lo: str, date_hi: str) -> list[tuple[Fact, list[FactMention]]]:
        found = super().facts_by_keys(keys, date_lo, date_hi)
        self.facts += len(found)
        return found

    def copy_candidates(self, bands: Sequence[str], exclude: str, date_lo: str | None = None,
                        date_hi: str | None = None, limit: int = 50) -> list[Article]:
        found = super().copy_candidates(bands, exclude, date_lo, date_hi, limit)
        self.copies += len(found)
        return found


def measure(ledger: Ledger, base: list[Analysis], size: int, fresh: int, mode: str,
            per_day: int | None = None) -> dict[str, float]:
    """Link ``fresh`` new variants against a ledger of ``size``; each in a rolled-back transaction."""
    rng = random.Random(size)
    covered = max(1, size // per_day) if per_day else min(SPAN_DAYS, max(1, -(-size // len(base))))
    ms: list[float] = []
    copy_ms: list[float] = []
    n_facts = n_copies = n_near = 0
    pub = articles.c.published
    days = timedelta(days=max(facts.WINDOW_DAYS, facts.CLAIM_WINDOW_DAYS))
    for j in range(fresh):
        a = variant(base[rng.randrange(len(base))], FRESH_BASE + size + j, rng.randrange(covered), mode)
        art = a.article
        with ledger.engine.connect() as conn:
            tx = conn.begin()
            now = datetime.now(UTC)
            store(conn, a, now)
            day = date.fromisoformat((art.published or "")[:10])
            lo, hi = (day - days).isoformat(), (day + days).isoformat() + "~"
            n_near += conn.scalar(select(func.count()).select_from(articles).where(pub >= lo, pub <= hi)) or 0
            view = CountingView(conn)
            t = time.perf_counter()
            save_links(conn, link_article(view, a), now.isoformat())
            ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            copy_decision(View(conn), art)
            copy_ms.append((time.perf_counter() - t) * 1000)
            tx.rollback()
        n_facts += view.facts
        n_copies += view.copies
    ms.sort()
    return {"median": statistics.median(ms), "p90": ms[min(len(ms) - 1, int(0.9 * len(ms)))],
            "copy": statistics.median(copy_ms), "facts": n_facts / fresh, "copies": n_copies / fresh,
            "near": n_near / fresh}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="ledger sizes, comma separated, ascending")
    ap.add_argument("--fresh", type=int, default=50, help="new articles timed at each size")
    ap.add_argument("--keep", type=Path, help="build the ledger in DIR and keep it (default: a temp dir)")
    ap.add_argument("--quick", action="store_true", help="smoke run: sizes 200,1000")
    ap.add_argument("--per-day", type=int, help="lay variants out at N a day (constant density) instead of "
                    "every original's k-th variant on day k")
    ap.add_argument("--copies", choices=("exact", "near"), default="exact",
                    help="variants have the same words as their original, or a differing word suffix")
    ap.add_argument("--grow-range", help="START:STOP: only grow variants START..STOP-1 into --keep DIR (no timing), "
                    "to build a later stretch of days in parallel with another run")
    ap.add_argument("--merge", type=Path, help="with --keep DIR holding a grown ledger: add the rows of the ledger "
                    "in this folder (grown with --grow-range) and time at --sizes' last size")
    args = ap.parse_args()
    if args.grow_range or args.merge:
        return parts(args)
    sizes = [200, 1000] if args.quick else sorted(int(s) for s in args.sizes.split(","))
    console = Console(width=140, stderr=True)
    shared = find_shared(ROOT)
    if shared is None or not all((shared / "data/clusters" / name).is_file() for name in FILES):
        console.print(f"bench_link: needs {', '.join(FILES)} under ../shared/data/clusters")
        return 1
    t0 = time.perf_counter()
    base = load_analyses(shared / "data/clusters")
    console.print(f"analysed {len(base)} articles in {time.perf_counter() - t0:.1f}s")
    tmp = None if args.keep else Path(tempfile.mkdtemp(prefix="claimledger-bench-link-"))
    folder = args.keep or tmp
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("bench-link.sqlite*"):  # a kept ledger from an earlier run, with its WAL
        old.unlink()
    path = folder / "bench-link.sqlite"
    table = Table(title=f"claimledger link: one new article against a growing ledger "
                        f"({args.fresh} timed per size, {args.copies} copies, "
                        f"{f'{args.per_day} a day' if args.per_day else 'k-th variants on day k'})")
    for col in ("ledger articles", "link ms median", "link ms p90", "copy ms median", "articles ±14 d",
                "fact cands", "copy cands", "ledger MiB", "peak RSS MiB", "grow s"):
        table.add_column(col, justify="right")
    medians: list[float] = []
    try:
        with Ledger(path) as ledger:
            have = 0
            for size in sizes:
                t = time.perf_counter()
                grow(ledger, base, have, size, args.copies, console.print, args.per_day)
                have = size
                grow_s = time.perf_counter() - t
                r = measure(ledger, base, size, args.fresh, args.copies, args.per_day)
                medians.append(r["median"])
                console.print(f"  {size:>7} articles: link {r['median']:.1f} ms median, {r['p90']:.1f} ms p90, "
                              f"{r['facts']:.0f} fact / {r['copies']:.0f} copy candidates")
                mib = sum(p.stat().st_size for p in folder.glob("bench-link.sqlite*")) / 2**20
                table.add_row(f"{size:,}", f"{r['median']:.1f}", f"{r['p90']:.1f}", f"{r['copy']:.1f}",
                              f"{r['near']:.0f}", f"{r['facts']:.1f}", f"{r['copies']:.1f}", f"{mib:.0f}",
                              f"{peak_mib():.0f}", f"{grow_s:.0f}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    out = Console(width=160)
    out.print(table)
    if len(medians) > 1:
        out.print(f"median at {sizes[-1]:,} / median at {sizes[0]:,}: {medians[-1] / medians[0]:.2f}x")
    out.print(f"total {time.perf_counter() - t0:.0f}s")
    return 0


def parts(args: argparse.Namespace) -> int:
    """``--grow-range`` and ``--merge``: a ledger too large to grow in one session's time is grown
    as stretches of days in parallel processes and merged. Variants are laid out by day
    (``--per-day``), and links reach at most ``facts.EVENT_WINDOW_DAYS`` back, so a stretch
    grown on its own misses only the links of its first weeks into the stretch before it; the
    merged ledger is timed exactly as a grown one is."""
    console = Console(width=140, stderr=True)
    if not args.per_day or args.keep is None:
        console.print("bench_link: --grow-range and --merge need --per-day and --keep")
        return 1
    shared = find_shared(ROOT)
    assert shared is not None
    base = load_analyses(shared / "data/clusters")
    path = args.keep / "bench-link.sqlite"
    if args.grow_range:
        start, stop = (int(x) for x in args.grow_range.split(":"))
        args.keep.mkdir(parents=True, exist_ok=True)
        for old in args.keep.glob("bench-link.sqlite*"):
            old.unlink()
        t = time.perf_counter()
        with Ledger(path) as ledger:
            grow(ledger, base, start, stop, args.copies, console.print, args.per_day)
        console.print(f"grew variants {start}..{stop - 1} in {time.perf_counter() - t:.0f}s")
        return 0
    other = args.merge / "bench-link.sqlite"
    size = int(args.sizes.split(",")[-1])
    with Ledger(path) as ledger:
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql(f"ATTACH DATABASE '{other}' AS part")
            for t in metadata.sorted_tables:
                conn.exec_driver_sql(f'INSERT OR IGNORE INTO main."{t.name}" SELECT * FROM part."{t.name}"')
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql("DETACH DATABASE part")
            have = conn.scalar(select(func.count()).select_from(articles)) or 0
        console.print(f"merged: {have} articles")
        r = measure(ledger, base, size, args.fresh, args.copies, args.per_day)
    mib = sum(p.stat().st_size for p in args.keep.glob("bench-link.sqlite*")) / 2**20
    out = Console(width=160)
    out.print(f"{have:,} articles (merged): link {r['median']:.1f} ms median, {r['p90']:.1f} ms p90, "
              f"copy {r['copy']:.1f} ms, {r['near']:.0f} articles ±14 d, {r['facts']:.1f} fact / "
              f"{r['copies']:.1f} copy candidates, ledger {mib:.0f} MiB, peak RSS {peak_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
