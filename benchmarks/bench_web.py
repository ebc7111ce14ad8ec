"""The web app's pages and API routes: p50 and p95 latency on a large SQLite ledger.

The ledger is the bundled examples, analysed and linked for real, then multiplied by SQL into
``--articles`` articles (default 100,000): every article, claim, figure, origin, fact, fact
mention and copy decision copied with fresh ids, dates spread over a year, the search index
filled by its triggers. The linking is not redone (the copies are not linked to each other):
what is measured is reading pages, so the tables only need the sizes and shapes of a real
ledger. Built once into ``--cache`` (a few minutes) and reused.

Each route is asked ``--repeat`` times through the app in process (Starlette's test client,
no socket), with a different article, fact or actor each time where the URL names one, after
one warm-up request. Prints a table; asserts nothing. Target: every page's p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TABLES = ("articles", "attributions", "quantities", "mentions", "origins", "copies", "facts", "fact_mentions",
          "fact_links")


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def _new(expr: str, width: int) -> str:
    """A copy's id: the original's first characters, then the copy number in hex."""
    return f"substr({expr}, 1, {width - 8}) || printf('%08x', k.n)"


REKEY = {  # column -> how a copy's value is made from the original's and the copy number k.n
    "articles": {"id": _new("id", 64),
                 "copy_of": f"CASE WHEN copy_of IS NULL THEN NULL ELSE {_new('copy_of', 64)} END",
                 "added_at": "strftime('%Y-%m-%dT%H:%M:%f+00:00', added_at, '-' || k.n || ' minutes')",
                 "published": "CASE WHEN published IS NULL THEN NULL "
                              "ELSE date(published, '-' || (k.n % 365) || ' days') END"},
    "attributions": {"article_id": _new("article_id", 64)},
    "quantities": {"article_id": _new("article_id", 64)},
    "mentions": {"article_id": _new("article_id", 64)},
    "origins": {"article_id": _new("article_id", 64)},
    "copies": {"article_id": _new("article_id", 64), "original_id": _new("original_id", 64)},
    "facts": {"id": _new("id", 16), "date": "date(date, '-' || (k.n % 365) || ' days')"},
    "fact_mentions": {"fact_id": _new("fact_id", 16), "article_id": _new("article_id", 64)},
    "fact_links": {"a": _new("a", 16), "b": _new("b", 16)},
}


def main() -> int:
    from rich.console import Console
    from rich.table import Table
    from starlette.testclient import TestClient

    from claimledger.web import create_app

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-bench-web")
    args = ap.parse_args()
    console = Console()
    path = args.cache / f"ledger-{args.articles}.sqlite"
    if not path.exists():
        args.cache.mkdir(parents=True, exist_ok=True)
        console.print(f"building a ledger of {args.articles:,} articles at {path} (once)")
        build(path, args.articles)
    client = TestClient(create_app(path))
    rng = random.Random(7)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "attributions", "facts")}
    article_ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY random() LIMIT 200")]
    fact_ids = [r[0] for r in db.execute("SELECT id FROM facts WHERE mentions > 1 ORDER BY random() LIMIT 200")]
    plotted = [r[0] for r in db.execute("SELECT id FROM facts WHERE variable IS NOT NULL AND variable NOT LIKE '?%' "
                                        "ORDER BY random() LIMIT 200")]
    actors = [r[0] for r in db.execute("SELECT DISTINCT actor FROM origins WHERE actor IS NOT NULL LIMIT 200")]
    words = ["Nordkorea", "troops", "drönare", "police", "kremlin", "soldater", "said", "försvarsmakten"]
    db.close()
    routes: dict[str, Callable[[], str]] = {
        "overview /": lambda: "/",
        "claims /claims": lambda: "/claims",
        "claims, next page": lambda: _next_page(client),
        "claims ?q= (search)": lambda: "/claims?q=" + quote(rng.choice(words)),
        "claims ?actor=NAME&lang=": lambda: "/claims?lang=en&actor=" + quote(rng.choice(actors)),
        "claims ?actor=words": lambda: "/claims?actor=" + quote(rng.choice(actors)[1:8]),
        "claims.csv": lambda: "/claims.csv?certainty=denied",
        "article /articles/ID": lambda: "/articles/" + rng.choice(article_ids),
        "actors /actors": lambda: "/actors",
        "actor /actors/NAME": lambda: "/actors/" + quote(rng.choice(actors), safe=""),
        "facts /facts": lambda: "/facts",
        "facts ?contested": lambda: "/facts?contested=true",
        "fact /facts/ID": lambda: "/facts/" + rng.choice(fact_ids),
        "fact plot.json": lambda: f"/facts/{rng.choice(plotted)}/plot.json",
        "api /api/v1/claims": lambda: "/api/v1/claims?limit=100",
        "api /api/v1/articles/ID": lambda: "/api/v1/articles/" + rng.choice(article_ids),
    }
    table = Table(title=f"web app on SQLite: {counts['articles']:,} articles, {counts['attributions']:,} claims, "
                        f"{counts['facts']:,} facts ({args.repeat} requests a route)")
    for col in ("route", "p50 ms", "p95 ms", "max ms", "status"):
        table.add_column(col, justify="left" if col == "route" else "right")
    for name, url in routes.items():
        client.get(url())
        times, statuses = [], set()
        for _ in range(args.repeat):
            u = url()
            t = time.perf_counter()
            r = client.get(u)
            times.append(1000 * (time.perf_counter() - t))
            statuses.add(r.status_code)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        style = "red" if p95 > 100 else ""
        table.add_row(name, f"{statistics.median(times):.1f}", f"[{style}]{p95:.1f}[/]" if style else f"{p95:.1f}",
                      f"{times[-1]:.1f}", " ".join(map(str, sorted(statuses))))
    console.print(table)
    return 0


_NEXT: list[str] = []


def _next_page(client: object) -> str:
    """The claims page after the first (a keyset cursor from the page before)."""
    if not _NEXT:
        first = client.get("/claims.json").json()  # type: ignore[attr-defined]
        _NEXT.append("/claims?after=" + first["next"])
    return _NEXT[0]


def build(path: Path, articles: int) -> None:
    """The examples' ledger multiplied to about ``articles`` articles at ``path`` (the examples'
    own ledger attached as ``base``, each table copied from it ``k`` times at once)."""
    from claimledger.ledger import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.sqlite"
        with Ledger(base) as ledger:
            ledger.ingest([ROOT / "examples"])
        shutil.copy(base, path)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute(f"ATTACH DATABASE '{base}' AS base")
        db.execute("PRAGMA synchronous=OFF")
        per = db.execute("SELECT count(*) FROM base.articles").fetchone()[0]
        copies = max(1, articles // per)
        db.execute("CREATE TEMP TABLE k (n INTEGER PRIMARY KEY)")
        step = 500
        for start in range(1, copies, step):
            t = time.perf_counter()
            db.execute("BEGIN")
            db.execute("DELETE FROM k")
            db.executemany("INSERT INTO k VALUES (?)", [(n,) for n in range(start, min(copies, start + step))])
            for table in TABLES:
                cols = _columns(db, table)
                values = ", ".join(REKEY.get(table, {}).get(c, f'"{c}"') for c in cols)
                quoted = ", ".join(f'"{c}"' for c in cols)
                db.execute(f"INSERT INTO main.{table} ({quoted}) SELECT {values} FROM base.{table}, k")
            db.execute("COMMIT")
            print(f"  {min(copies, start + step) * per:,} articles ({time.perf_counter() - t:.1f} s for the last "
                  f"{(min(copies, start + step) - start) * per:,})", flush=True)
        db.execute("ANALYZE")
        db.close()


if __name__ == "__main__":
    raise SystemExit(main())
