"""Raw HTML pages to stored, linked claims: articles/s per core, stage by stage, and whole process.

Two measurements, each in a fresh process pinned to one core:

* **stages**: after start-up (imports, language identifier, the spaCy pipeline and the linker's
  tables of every language the pages are in, trafilatura; warmed on the bundled examples, read,
  annotated, stored and linked, and one short text per language, so that what a long run pays
  once is not charged to 20 pages; then,
  as ``analyze`` does after its first article, what start-up built is frozen out of the garbage
  collector's sight), every
  page of the folder is read and extracted (trafilatura and our page rules), then annotated,
  then stored and linked into an empty SQLite ledger, one stage over all pages at a time; ms per
  article for each stage (wall clock, and the process's CPU time, which another busy process on
  the machine inflates less) and the steady rate they add up to.
* **whole process**: ``claimledger analyze FOLDER`` from ``exec`` to exit, start-up included.

The pages are ``../shared/data/raw/html`` (real news pages, 50 KB to 1.4 MB) or ``--pages DIR``.
On a machine others are using too, ``--runs 5`` repeats the stages in five fresh processes and
shows each figure's median. Prints a table; asserts nothing.
``python benchmarks/bench_html.py [--pages DIR] [--runs N]``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _one_core() -> int:
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[0]})
    return cpus[0]


# One short text per language the bench pages are in, for the warm-up: each language's
# pipeline, rule tables and linker tables are loaded on first use.
_WARM = {
    "en": "The ministry said on Monday that 12 soldiers were killed in the attack, officials told Reuters.",
    "sv": "Försvarsmakten uppger att 12 soldater dödades i attacken, enligt TT på måndagen.",
    "no": "Forsvaret opplyser at 12 soldater ble drept i angrepet, ifølge NTB mandag.",
}


def _warm(ledger: Any) -> None:
    """What a long run pays once: every bundled example (HTML pages and texts, English and Swedish)
    read, annotated, stored and linked, then a short text in each language. Each rule table, each
    pattern a rule compiles on first use and each reference table the linker loads on first need
    (the territory names a scope rule asks for, loaded here for each language whether or not a warm-up
    text names a place) is then built, as it is after a long run's first articles, and is not charged
    to the pages measured."""
    from claimledger.analyze import analyze_text, read
    from claimledger.link import link_article
    from claimledger.link.scope import country_words, names_country
    from claimledger.nlp.records import analyze_article

    examples = ROOT / "examples"
    for item in read([examples / "html", examples / "en", examples / "sv"]):
        if not isinstance(item, Exception):
            ledger.add(analyze_article(item), link=link_article)
    for lang, text in _WARM.items():
        ledger.add(analyze_text(text, lang=lang), link=link_article)
        # the language's territory names (Babel's locale data, some 4 ms for English), which a scope rule
        # reads on the first place word it meets: the texts above need not hold one
        names_country(next(iter(country_words(lang)), ""), lang)


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _stages(pages: Path, out: Any) -> None:
    _one_core()
    t_start = time.perf_counter()
    from claimledger.analyze import pause_gc, read, settle
    from claimledger.ledger import Ledger
    from claimledger.link import link_article
    from claimledger.nlp.records import analyze_article

    paused = pause_gc()  # as ``ingest`` does until its first article is stored and linked
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "warm.sqlite") as ledger:
        _warm(ledger)
    settle(paused)
    t0 = _clocks()
    items = list(read([pages]))
    articles = [a for a in items if not isinstance(a, Exception)]
    t1 = _clocks()
    analyses = [analyze_article(a) for a in articles]
    t2 = _clocks()
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "bench.sqlite") as ledger:
        for analysis in analyses:
            ledger.add(analysis, link=link_article)
        t3 = _clocks()
    spans = {"read": (t0, t1), "annotate": (t1, t2), "store": (t2, t3)}
    out.put({"start": t0[0] - t_start, **{k: b[0] - a[0] for k, (a, b) in spans.items()},
             **{f"{k}_cpu": b[1] - a[1] for k, (a, b) in spans.items()},
             "articles": len(articles), "errors": len(items) - len(articles),
             "words": sum(len(a.text.split()) for a in articles),
             "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _whole(pages: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of ``claimledger analyze pages`` on one core."""
    cpu = str(sorted(os.sched_getaffinity(0))[0])
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["taskset", "-c", cpu, sys.executable, "-m", "claimledger", "analyze", str(pages),
               "--ledger", str(Path(tmp) / "whole.sqlite")]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        wall = time.perf_counter() - t
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    from rich.console import Console
    from rich.table import Table

    from claimledger.evaluation.devsets import find_shared

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, help="a folder of HTML pages (default ../shared/data/raw/html)")
    ap.add_argument("--runs", type=int, default=1,
                    help="stage runs, each in a fresh process; the table shows each figure's median (default 1)")
    args = ap.parse_args()
    shared = find_shared(ROOT)
    pages = args.pages or (shared / "data" / "raw" / "html" if shared else None)
    console = Console()
    if pages is None or not pages.is_dir():
        console.print("no HTML pages: pass --pages DIR or set CLAIMLEDGER_SHARED")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "pages"
        html.mkdir()
        for p in sorted(pages.glob("*.htm*")):
            (html / p.name).write_bytes(p.read_bytes())
        runs = []
        for _ in range(args.runs):
            q: Any = mp.get_context("spawn").Queue()
            child = mp.get_context("spawn").Process(target=_stages, args=(html, q))
            child.start()
            runs.append(q.get())
            child.join()
        r = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        wall, whole_peak = _whole(html)
    n = r["articles"]
    words = r["words"] // max(n, 1)
    table = Table(title=f"raw HTML to stored, linked claims: {n} pages ({words} words each), one core")
    for col in ("stage", "seconds", "ms / article", "CPU ms / article", "articles/s"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    r["steady"] = r["read"] + r["annotate"] + r["store"]
    r["steady_cpu"] = r["read_cpu"] + r["annotate_cpu"] + r["store_cpu"]
    table.add_row("start-up (imports, models, warm-up)", f"{r['start']:.2f}", "", "", "")
    for stage, label in (("read", "read + extract"), ("annotate", "annotate"), ("store", "store + link"),
                         ("steady", "steady (the three stages)")):
        table.add_row(label, f"{r[stage]:.2f}", f"{1000 * r[stage] / n:.0f}", f"{1000 * r[stage + '_cpu'] / n:.0f}",
                      f"{n / r[stage]:.1f}")
    table.add_row("whole process (claimledger analyze)", f"{wall:.2f}", f"{1000 * wall / n:.0f}", "", f"{n / wall:.1f}")
    console.print(table)
    console.print(f"peak memory: stages {r['peak_mb']:.0f} MB, whole process {whole_peak:.0f} MB; "
                  f"unreadable pages: {r['errors']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
