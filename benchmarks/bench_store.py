"""The ledger on SQLite and on PostgreSQL: ingest rate, and query latency at about a million claims.

1. **Ingest**: the PolNeAR dev articles (``../shared``), analysed once, then stored and linked
   into a fresh ledger on each backend (``Ledger.add``: one transaction per article), and
   stored without linking; articles/s.
2. **Queries at ~1M claims**: the 100k-article ledger of ``bench_web.py`` (900k claims, 1.3M
   facts; built once into its cache) on SQLite, and the same rows copied into PostgreSQL;
   p50/p95 of one fact with its mentions, one actor's page, and the claims page filtered by
   certainty and language, by actor and by words; then each statement's query plan.

The PostgreSQL server is Debian's, started in a temporary folder as in the tests
(``tests/pg.py``). Prints tables and plans; asserts nothing. Target: p95 <= 50 ms on both.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

COPIED = ("articles", "attributions", "quantities", "mentions", "origins", "copies", "facts", "fact_mentions",
          "fact_links")


def ingest_rates(server: Any, console: Any) -> None:
    from rich.table import Table

    from claimledger.evaluation.devsets import find_shared
    from claimledger.evaluation.predict import read_gold
    from claimledger.ledger import Ledger
    from claimledger.link import link_article
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article

    shared = find_shared(ROOT)
    if shared is None:
        console.print("no ../shared: ingest rates skipped")
        return
    docs = read_gold(shared / "data" / "en" / "polnear-dev.jsonl")
    analyses = [analyze_article(Article(text=d["text"], lang="en")) for d in docs]
    table = Table(title=f"storing {len(analyses)} analysed PolNeAR articles, one transaction each")
    for col in ("backend", "store + link art/s", "store only art/s"):
        table.add_column(col, justify="right" if col != "backend" else "left")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("SQLite", lambda kind: str(Path(tmp) / f"{kind}.sqlite")),
                           ("PostgreSQL", lambda _kind: server.new_database())):
            rates = []
            for link in (link_article, None):
                with Ledger(make("linked" if link else "plain")) as ledger:
                    t = time.perf_counter()
                    for a in analyses:
                        ledger.add(a, link=link)
                    rates.append(len(analyses) / (time.perf_counter() - t))
            table.add_row(name, f"{rates[0]:.1f}", f"{rates[1]:.1f}")
    console.print(table)


def copy_to_postgres(sqlite_path: Path, url: str, console: Any) -> None:
    """The SQLite ledger's rows into a migrated PostgreSQL ledger, table by table with COPY."""
    import psycopg

    from claimledger.store import Ledger

    Ledger(url).close()  # the schema, by the migrations
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as pg:
        for table in COPIED:
            t = time.perf_counter()
            pg_cols = [r[0] for r in pg.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                (table,))]
            bools = {r[0] for r in pg.execute("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = %s AND data_type = 'boolean'", (table,))}
            cols = [c for c in pg_cols if c in {r[1] for r in src.execute(f"PRAGMA table_info({table})")}]
            quoted = ", ".join(f'"{c}"' for c in cols)
            flags = [c in bools for c in cols]
            with pg.cursor() as cur, cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {quoted} FROM {table}"):
                    copy.write_row([bool(v) if f and v is not None else v for v, f in zip(row, flags, strict=True)])
            pg.commit()
            console.print(f"  copied {table} ({time.perf_counter() - t:.0f} s)")
        pg.execute("ANALYZE")
        pg.commit()


def measure(ledger: Any, picks: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    from claimledger.store import browse, factqueries

    rng = random.Random(11)
    queries: dict[str, Callable[[Any], Any]] = {
        "fact with mentions": lambda c: factqueries.fact(c, rng.choice(picks["facts"])),
        "actor page": lambda c: browse.actor_view(c, rng.choice(picks["actors"]), limit=200),
        "claims: certainty + language": lambda c: browse.claims_page(c, certainty=rng.choice(
            ["denied", "reported", "estimated"]), lang=rng.choice(["en", "sv"])),
        "claims: actor": lambda c: browse.claims_page(c, actor=rng.choice(picks["actors"])),
        "claims: words": lambda c: browse.claims_page(c, q=rng.choice(picks["words"])),
    }
    out = {}
    with ledger.reading() as conn:
        for name, query in queries.items():
            query(conn)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                query(conn)
                times.append(1000 * (time.perf_counter() - t))
            times.sort()
            out[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))])
    return out


def plans(ledger: Any, picks: dict[str, list[str]], console: Any) -> None:
    """Each statement the queries run, with the backend's plan for it."""
    from sqlalchemy import event, text

    from claimledger.store import browse, factqueries

    seen: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    sqlite = ledger.engine.dialect.name == "sqlite"
    event.listen(ledger.engine, "before_cursor_execute", grab)
    with ledger.reading() as conn:
        factqueries.fact(conn, picks["facts"][0])
        browse.actor_view(conn, picks["actors"][0], limit=200)
        browse.claims_page(conn, certainty="denied", lang="en")
        browse.claims_page(conn, q=picks["words"][0])
    event.remove(ledger.engine, "before_cursor_execute", grab)
    with ledger.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for statement, params in seen:
            cur = raw.cursor()
            if sqlite:
                cur.execute("EXPLAIN QUERY PLAN " + statement, params)
                plan = [r[3] for r in cur.fetchall()]
            else:
                cur.execute("EXPLAIN " + statement, params)
                plan = [r[0] for r in cur.fetchall()]
            first = " ".join(statement.split())[:110]
            console.print(f"[bold]{first}[/bold]", highlight=False)
            for line in plan[:8]:
                console.print(f"    {line}", highlight=False, markup=False)
    _ = text


def main() -> int:
    from rich.console import Console
    from rich.table import Table
    from tests.pg import Server

    from claimledger.store import Ledger

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-bench-web")
    ap.add_argument("--plans", action="store_true", help="print every statement's query plan")
    args = ap.parse_args()
    console = Console(width=160)
    try:
        server = Server()
    except FileNotFoundError as e:
        console.print(f"PostgreSQL benchmark skipped: {e}")
        return 2
    try:
        ingest_rates(server, console)
        path = args.cache / f"ledger-{args.articles}.sqlite"
        if not path.exists():
            from bench_web import build

            args.cache.mkdir(parents=True, exist_ok=True)
            console.print(f"building a ledger of {args.articles:,} articles at {path} (once)")
            build(path, args.articles)
        url = server.new_database()
        console.print("copying it into PostgreSQL")
        copy_to_postgres(path, url, console)
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        claims = src.execute("SELECT count(*) FROM attributions").fetchone()[0]
        picks = {
            "facts": [r[0] for r in src.execute("SELECT id FROM facts ORDER BY random() LIMIT 100")],
            "actors": [r[0] for r in src.execute("SELECT actor FROM origins WHERE actor IS NOT NULL "
                                                 "GROUP BY actor ORDER BY count(*) DESC LIMIT 40")],
            "words": ["Nordkorea", "troops", "drönare", "police", "kremlin", "soldater", "ministry"],
        }
        table = Table(title=f"queries at {claims:,} claims ({args.repeat} runs each)")
        for col in ("query", "SQLite p50 ms", "SQLite p95 ms", "PostgreSQL p50 ms", "PostgreSQL p95 ms"):
            table.add_column(col, justify="right" if col != "query" else "left")
        with Ledger(path, readonly=True) as lite, Ledger(url, readonly=True) as pg:
            a, b = measure(lite, picks, args.repeat), measure(pg, picks, args.repeat)
            for name in a:
                table.add_row(name, f"{a[name][0]:.1f}", f"{a[name][1]:.1f}", f"{b[name][0]:.1f}", f"{b[name][1]:.1f}")
            console.print(table)
            if args.plans:
                for ledger in (lite, pg):
                    console.rule(f"query plans on {ledger.engine.dialect.name}")
                    plans(ledger, picks, console)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
