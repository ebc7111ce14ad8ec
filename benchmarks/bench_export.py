"""Export rate and peak memory per format on a synthetic larger ledger.

The ledger is ``bench_web.py``'s: the examples' ledger multiplied to about ``--articles``
articles (built once into its cache). Each format is exported in a fresh child process
(``--one FMT``), so its peak resident memory (``resource.getrusage``'s ``ru_maxrss``) is its
own; streaming means the peak should not grow with the ledger, so compare two sizes.
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

FORMATS = ("jsonl", "csv", "parquet", "claimreview", "stix")


def one(path: Path, fmt: str) -> dict[str, float]:
    """Export ``path`` as ``fmt`` into a temporary place; seconds, peak MiB, items and claims."""
    from claimledger.store import Ledger

    with tempfile.TemporaryDirectory() as tmp, Ledger(path, readonly=True) as led:
        claims = led.counts()["attributions"]
        start = time.perf_counter()
        n = led.export(fmt, Path(tmp) / ("out" if fmt == "parquet" else f"out.{fmt}"))
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "peak_mib": peak, "items": n, "claims": claims}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2_000, 10_000])
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-bench-web")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.path, args.one)))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(width=140)
    table = Table(title="export: rate and peak memory (each format in its own process)")
    for col in ("articles", "claims", "format", "items", "seconds", "claims/s", "peak MiB"):
        table.add_column(col, justify="right")
    for size in args.articles:
        path = args.cache / f"ledger-{size}.sqlite"
        if not path.exists():
            from bench_web import build

            args.cache.mkdir(parents=True, exist_ok=True)
            console.print(f"building a ledger of {size:,} articles at {path} (once)")
            build(path, size)
        for fmt in args.formats.split(","):
            res = subprocess.run([sys.executable, __file__, "--one", fmt, "--path", str(path)], capture_output=True,
                                 text=True, check=True)
            r = json.loads(res.stdout.strip().splitlines()[-1])
            table.add_row(f"{size:,}", f"{int(r['claims']):,}", fmt, f"{int(r['items']):,}", f"{r['seconds']:.1f}",
                          f"{r['claims'] / r['seconds']:,.0f}", f"{r['peak_mib']:.0f}")
    console.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
