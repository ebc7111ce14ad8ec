"""Speed and memory of ``analyze``: articles/s, words/s and peak memory per stage and language.

Prints figures, asserts nothing (targets are read by people, not by tests). Run with
``make bench``; pin it to one core with ``taskset -c 0`` to compare with the issue targets.

Stages timed: read+extract (ingest of examples/), annotate (spaCy + rules, per language on the
dev texts when ../shared is there, else on the examples), store (one transaction per article).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimledger.analyze import read  # noqa: E402
from claimledger.errors import InputError  # noqa: E402
from claimledger.evaluation.devsets import find_shared  # noqa: E402
from claimledger.evaluation.predict import read_gold  # noqa: E402
from claimledger.model import Article  # noqa: E402
from claimledger.nlp import pipeline  # noqa: E402
from claimledger.nlp.records import analyze_article  # noqa: E402
from claimledger.store import Ledger  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_annotate(articles: list[Article], repeat: int) -> tuple[float, int]:
    analyze_article(articles[0])  # warm: the pipeline loads once
    words = sum(len(a.text.split()) for a in articles) * repeat
    t = time.perf_counter()
    for _ in range(repeat):
        for a in articles:
            analyze_article(a)
    return time.perf_counter() - t, words


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over each text set")
    args = ap.parse_args()
    console = Console(width=140)
    table = Table(title="claimledger analyze: speed and memory (this process, one core)")
    for col in ("stage", "set", "articles", "seconds", "articles/s", "words/s", "500-word art/s", "peak MB"):
        table.add_column(col, justify="right" if col not in {"stage", "set"} else "left")

    t = time.perf_counter()
    items = list(read([ROOT / "examples"]))
    read_s = time.perf_counter() - t
    arts = [x for x in items if isinstance(x, Article)]
    errors = [x for x in items if isinstance(x, InputError)]
    words = sum(len(a.text.split()) for a in arts)
    table.add_row("read+extract", "examples/", str(len(arts)), f"{read_s:.2f}", f"{len(arts) / read_s:.1f}",
                  f"{words / read_s:.0f}", "", f"{peak_mb():.0f}")

    sets: dict[str, list[Article]] = {}
    shared = find_shared(ROOT)
    if shared is not None:
        for name, rel in (("sv-dev", "data/dev/sv-dev.jsonl"), ("polnear-dev", "data/en/polnear-dev.jsonl")):
            if (shared / rel).is_file():
                sets[name] = [Article(text=d["text"], lang=d["lang"]) for d in read_gold(shared / rel)]
    for lang in ("sv", "en"):
        sets.setdefault(f"examples-{lang}", [a for a in arts if a.lang == lang])
    for name, articles in sets.items():
        if not articles:
            continue
        secs, w = timed_annotate(articles, args.repeat)
        n = len(articles) * args.repeat
        table.add_row("annotate", f"{name} (~{w // n} words)", str(n), f"{secs:.2f}", f"{n / secs:.1f}",
                      f"{w / secs:.0f}", f"{w / secs / 500:.1f}", f"{peak_mb():.0f}")

    analyses = [analyze_article(a) for a in arts]
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "bench.sqlite") as ledger:
        t = time.perf_counter()
        for a in analyses:
            ledger.add(a)
        store_s = time.perf_counter() - t
    table.add_row("store", "examples/", str(len(analyses)), f"{store_s:.2f}", f"{len(analyses) / store_s:.1f}", "",
                  "", f"{peak_mb():.0f}")
    console.print(table)
    lines = ", ".join(f"{k}: {'parsed' if (pipeline.MODELS / k / 'config.cfg').is_file() else 'blank'}"
                      for k in ("sv",))
    console.print(f"Swedish pipeline: {lines}; read errors: {len(errors)}; peak memory {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
