"""The Dask batch path: analysis time with 1 and 2 workers, the speed-up, memory per worker,
and what shard size costs; the local path (one process) beside it.

Corpus: the first ``--articles`` lines of PolNeAR train (``../shared/data/en``, read for
measuring only), as a JSON Lines file, so shards are line ranges. Each configuration runs
``analyze_with_dask`` into a fresh shard folder (cluster start and each worker's pipeline
load included: that is what a run costs), and reports wall seconds, articles/s and the
largest resident memory any worker reached. Prints a table; asserts nothing. Target: 2
workers on this 2-core machine >= 1.8x one worker.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _peak_worker_mb(client: object) -> float:
    def peak() -> float:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return max(client.run(peak).values())  # type: ignore[attr-defined]


def run(corpus: Path, workers: int, lines: int, tmp: Path) -> tuple[float, float, int]:
    """Seconds, peak MB of a worker, articles: one dask run over ``corpus`` into a new folder."""
    from dask.distributed import Client, LocalCluster

    from claimledger.batch.engine import analyze_shard
    from claimledger.batch.shards import plan
    from claimledger.settings import Settings

    out = Path(tempfile.mkdtemp(dir=tmp))
    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    client = Client(cluster)
    shards, _ = plan([corpus], Settings(), per_shard=8, lines_per_shard=lines)
    futures = [client.submit(analyze_shard, s, str(out), Settings(), None, pure=False) for s in shards]
    done = client.gather(futures)
    seconds = time.perf_counter() - started
    peak = _peak_worker_mb(client)
    client.close()
    cluster.close()
    return seconds, peak, sum(d["articles"] for d in done)


def main() -> int:
    from rich.console import Console
    from rich.table import Table

    from claimledger.evaluation.devsets import find_shared

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=840)
    args = ap.parse_args()
    shared = find_shared(ROOT)
    console = Console()
    if shared is None:
        console.print("no ../shared (PolNeAR) here: set CLAIMLEDGER_SHARED")
        return 2
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        with (shared / "data" / "en" / "polnear-train.jsonl").open(encoding="utf-8") as src:
            corpus.write_text("".join(line for _, line in zip(range(args.articles), src, strict=False)),
                              encoding="utf-8")
        table = Table(title=f"claimledger analyze --engine dask: {args.articles} PolNeAR articles (~800 words), "
                            "cluster start and pipeline loads included")
        for col in ("workers", "lines a shard", "seconds", "articles/s", "speed-up", "peak MB a worker"):
            table.add_column(col, justify="right")
        base = None
        for workers, lines in ((1, 25), (2, 25), (2, 5), (2, 100)):
            seconds, peak, n = run(corpus, workers, lines, tmp)
            base = base or seconds
            table.add_row(str(workers), str(lines), f"{seconds:.1f}", f"{n / seconds:.1f}", f"{base / seconds:.2f}x",
                          f"{peak:.0f}")
        console.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
