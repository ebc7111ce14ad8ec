"""``make eval``: predict and score every gold set under ``../shared/data`` and print one table.

Each run's figures are kept in ``.cache/eval.json`` under the commit they were measured
at, so the table shows the change against the last other commit measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from claimledger.evaluation.predict import predict_docs, read_gold
from claimledger.evaluation.score import score

SETS = {
    "sv-dev": ["data/dev/seed.jsonl", "data/dev/sv-dev.jsonl"],
    "en-polnear-dev": ["data/en/polnear-dev.jsonl"],
}
COLUMNS = [
    ("strict F1", ("attributions", "strict", "f1")),
    ("content F1", ("attributions", "match", "f1")),
    ("exact F1", ("attributions", "exact_content", "f1")),
    ("source", ("attributions", "source_acc")),
    ("cue", ("attributions", "cue_acc")),
    ("certainty", ("attributions", "certainty_acc")),
    ("qty F1", ("quantities", "match", "f1")),
    ("qty strict F1", ("quantities", "strict", "f1")),
]


def find_shared(start: Path | None = None) -> Path | None:
    """The ``shared`` folder beside the checkout (or $CLAIMLEDGER_SHARED)."""
    import os

    env = os.environ.get("CLAIMLEDGER_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = (start or Path.cwd()).resolve()
    for base in [here, *here.parents]:
        cand = base.parent / "shared"
        if (cand / "eval").is_dir():
            return cand
    return None


def run_sets(shared: Path) -> dict[str, dict[str, Any]]:
    """Figures per gold set, plus words/s of the prediction."""
    out: dict[str, dict[str, Any]] = {}
    for name, files in SETS.items():
        docs = [d for f in files if (shared / f).is_file() for d in read_gold(shared / f)]
        if not docs:
            continue
        t = time.perf_counter()
        preds = {p["id"]: p for p in predict_docs(docs)}
        took = time.perf_counter() - t
        res = score({str(d["id"]): d for d in docs}, preds)
        res["seconds"] = round(took, 2)
        res["articles_per_s"] = round(len(docs) / took, 1) if took else 0.0
        out[name] = res
    return out


def _get(d: dict[str, Any], path: tuple[str, ...]) -> float:
    cur: Any = d
    for k in path:
        cur = cur[k]
    return float(cur)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    shared = find_shared()
    console = Console(width=max(Console().width, 150))
    if shared is None:
        console.print("no ../shared folder with gold sets found (set CLAIMLEDGER_SHARED)")
        return 2
    results = run_sets(shared)
    cache = Path(".cache/eval.json")
    history: dict[str, Any] = json.loads(cache.read_text()) if cache.is_file() else {}
    commit = _commit()
    previous = next((v for k, v in reversed(list(history.items())) if k != commit), None)
    table = Table(title=f"dev sets at {commit}" + (" (Δ against the last other commit measured)" if previous else ""))
    table.add_column("set")
    table.add_column("docs", justify="right")
    for label, _ in COLUMNS:
        table.add_column(label, justify="right")
    table.add_column("art/s", justify="right")
    for name, res in results.items():
        cells = []
        for _, path in COLUMNS:
            v = _get(res, path)
            cell = f"{v:.3f}"
            if previous and name in previous:
                delta = v - _get(previous[name], path)
                if abs(delta) >= 0.0005:
                    cell += f" ({delta:+.3f})"
            cells.append(cell)
        table.add_row(name, str(res["documents"]), *cells, f"{res['articles_per_s']:.1f}")
    console.print(table)
    history[commit] = results
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(history, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
