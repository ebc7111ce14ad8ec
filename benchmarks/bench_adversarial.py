"""Seconds per KB and peak memory of ``analyze`` on adversarial text, beside ordinary news.

Each text is analysed, then stored and linked into a fresh SQLite ledger (the two times are
printed apart; s/KB is their sum). One row per family (see ``adversarial.py``) and size, each
measured in its own process so the peak RSS is that family's alone; ordinary news (the Swedish dev articles, PolNeAR for
English, else ``examples/``) is concatenated to the same size and measured the same way. The
target: every family at least half the speed per KB of ordinary news in its language, and
peak memory at most 600 MB, at 100 KB and at 1 MB alike. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_adversarial.py --sizes 100000,1000000
    .venv/bin/python benchmarks/bench_adversarial.py --families quotes-en,chain-sv --sizes 20000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import adversarial  # noqa: E402


def ordinary(lang: str, size: int) -> str:
    """Ordinary news in ``lang``, articles joined by blank lines and repeated up to ``size`` characters."""
    from claimledger.evaluation.devsets import find_shared
    from claimledger.evaluation.predict import read_gold

    texts: list[str] = []
    shared = find_shared(ROOT)
    rel = {"sv": "data/dev/sv-dev.jsonl", "en": "data/en/polnear-dev.jsonl"}[lang]
    if shared is not None and (shared / rel).is_file():
        texts = [d["text"] for d in read_gold(shared / rel)]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / lang).glob("*.txt"))]
    out: list[str] = []
    n = 0
    while n < size:
        for t in texts:
            out.append(t)
            n += len(t) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def text_for(name: str, size: int) -> tuple[str, str]:
    if name.startswith("ordinary-"):
        lang = name.removeprefix("ordinary-")
        return lang, ordinary(lang, size)
    return adversarial.FAMILIES[name].lang, adversarial.make(name, size)


def child(name: str, size: int) -> None:
    """Measure one family at one size in this process and print one JSON line."""
    import tempfile

    from claimledger.link import link_article
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article
    from claimledger.store import Ledger

    lang, text = text_for(name, size)
    analyze_article(Article(text="Enligt TT sa han att 10 personer dog.", lang=lang))  # load outside the timing
    t = time.perf_counter()
    a = analyze_article(Article(text=text, lang=lang, published="2024-10-18"))
    secs = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "l.sqlite") as ledger:
        t = time.perf_counter()
        ledger.add(a, link=link_article)
        link_secs = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": secs, "link_seconds": link_secs, "peak_mb": peak,
                      "records": len(a.attributions) + len(a.quantities)}))


def measure(name: str, size: int, timeout: float) -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--child", name, "--sizes", str(size)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"{name}: exit {done.returncode}")
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def row(name: str, size: int, r: dict[str, float] | None, base: float, timeout: float) -> str:
    if r is None:
        return f"{name:<22}{size / 1000:>7.0f}{'> ' + str(int(timeout)):>9}"
    total = r["seconds"] + r["link_seconds"]
    per_kb = total / (size / 1000)
    return (f"{name:<22}{size / 1000:>7.0f}{r['seconds']:>9.2f}{r['link_seconds']:>9.2f}{per_kb:>9.4f}"
            f"{per_kb / base:>12.2f}{r['peak_mb']:>9.0f}{r['records']:>9.0f}")


def run_group(lang: str, names: list[str], size: int, timeout: float) -> None:
    """One language's families at one size, between two runs of ordinary news in that language: the
    ratio is to their mean, so a machine that is busier at the start than at the end skews it less."""
    first = measure(f"ordinary-{lang}", size, timeout)
    results = [(name, measure(name, size, timeout)) for name in names]
    last = measure(f"ordinary-{lang}", size, timeout)
    runs = [r["seconds"] + r["link_seconds"] for r in (first, last) if r is not None]
    base = sum(runs) / len(runs) / (size / 1000) if runs else float("nan")
    for name, r in [(f"ordinary-{lang}", first), *results, (f"ordinary-{lang}", last)]:
        print(row(name, size, r, base, timeout), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000", help="comma-separated sizes in characters")
    ap.add_argument("--families", default="", help="comma-separated families (default: all)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a family counts as not finishing")
    ap.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.child:
        child(args.child, sizes[0])
        return 0
    names = [n for n in args.families.split(",") if n] or list(adversarial.FAMILIES)
    print(f"{'family':<22}{'KB':>7}{'analyze':>9}{'link':>9}{'s/KB':>9}{'x ordinary':>12}{'peak MB':>9}"
          f"{'records':>9}")
    for size in sizes:
        for lang in ("sv", "en"):
            group = [n for n in names if adversarial.FAMILIES[n].lang == lang]
            if group:
                run_group(lang, group, size, args.timeout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
