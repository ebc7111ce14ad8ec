"""The Dask engine: shards analysed on workers, then imported into the ledger and linked.

``analyze_with_dask`` starts a ``LocalCluster`` (``workers`` processes, one thread each: the
pipelines are CPU-bound Python) or joins a running scheduler (``tcp://HOST:8786``), submits one
task per shard not yet done, and writes each finished shard under ``out``; ``import_shards``
then adds every shard's articles to the ledger in shard order and links them, one transaction
per article, skipping articles already stored. A shard whose worker dies or raises is
reported and left unfinished (no ``done.json``), the others go on, and running the same
command again does only what is missing.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.analyze import IngestReport, Progress, ingest_articles
from claimledger.batch.shards import Shard, plan
from claimledger.batch.shards_io import is_done, read_shard, write_shard
from claimledger.errors import InputError, UsageError
from claimledger.settings import Settings

if TYPE_CHECKING:
    from claimledger.store.ledger import Ledger


@dataclass
class BatchReport:
    """What a batch run did: shards done now, skipped (done before), failed, and the import."""

    shards: int = 0
    analysed: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    listing_errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    imported: IngestReport = field(default_factory=IngestReport)

    @property
    def exit_code(self) -> int:
        """0 all done and read, 1 something failed or was unreadable, 2 nothing read."""
        if self.imported.read == 0:
            return 2
        return 1 if self.failed or self.listing_errors or self.imported.errors else 0


def analyze_shard(shard: Shard, out: str, settings: Settings, lang: str | None) -> dict[str, Any]:
    """On a worker: read and analyse one shard, write its Parquet folder; counts and timing back."""
    from claimledger.ingest import read_inputs
    from claimledger.nlp.records import analyze_article

    started = time.perf_counter()
    analyses, errors = [], []
    for item in read_inputs(shard.inputs, settings, lang=lang):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            analyses.append(analyze_article(item, settings))
        except InputError as e:  # longer than max_article_chars: refused, the shard goes on
            errors.append(e)
    counts = write_shard(Path(out) / shard.key, analyses, errors)
    return {**counts, "shard": shard.key, "seconds": time.perf_counter() - started, "pid": os.getpid()}


def analyze_with_dask(
    sources: Iterable[str | Path], out: Path, *, settings: Settings, workers: int | None = None,
    scheduler: str | None = None, per_shard: int = 8, per_range: int = 400, lang: str | None = None,
    on_shard: Callable[[str, bool], None] | None = None, on_plan: Callable[[int], None] | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> BatchReport:
    """Analyse ``sources`` into shard folders under ``out`` on Dask workers (see the module doc):
    ``per_shard`` files or URLs a shard (URLs of a URL list too), ``per_range`` lines of a JSON
    Lines file, records of a WARC archive or entries of a feed."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler and workers:
        raise UsageError("give --workers (a cluster on this machine) or --scheduler (a running one), not both")
    report = BatchReport()
    started = time.perf_counter()
    shards, report.listing_errors = plan(sources, settings, per_shard=per_shard, lines_per_shard=per_range)
    report.shards = len(shards)
    out.mkdir(parents=True, exist_ok=True)
    todo = [s for s in shards if not is_done(out / s.key)]
    report.skipped = len(shards) - len(todo)
    if on_plan:
        on_plan(len(shards))
    for s in shards:
        if s not in todo and on_shard:
            on_shard(s.key, True)
    if todo:
        cluster = None
        if scheduler is None:
            # Dask's dashboard needs bokeh, which claimledger does not require: served when installed
            dashboard = ":0" if importlib.util.find_spec("bokeh") is not None else None
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=dashboard, silence_logs=40)
        client = Client(scheduler or cluster)
        link = getattr(client, "dashboard_link", None) if (scheduler or dashboard) else None
        if link and on_dashboard:
            on_dashboard(str(link))
        try:
            futures = {client.submit(analyze_shard, s, str(out), settings, lang, pure=False, retries=1): s
                       for s in todo}
            for future in as_completed(futures):
                shard = futures[future]
                try:
                    future.result()
                    report.analysed += 1
                    ok = True
                except Exception as exc:  # noqa: BLE001 - a worker's failure is this shard's, not the run's
                    report.failed.append(f"{shard.key}: {type(exc).__name__}: {' '.join(str(exc).split())[:160]}")
                    ok = False
                if on_shard:
                    on_shard(shard.key, ok)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    report.seconds = time.perf_counter() - started
    return report


def shard_folders(paths: Iterable[str | Path]) -> list[Path]:
    """Shard folders named directly, or found inside the folders named, in shard order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if (p / "articles.parquet").exists() or p.name.startswith("shard-"):
            found.append(p)
        elif p.is_dir():
            found += sorted(x for x in p.iterdir() if x.is_dir() and x.name.startswith("shard-")
                            and not x.name.endswith(".tmp"))
        else:
            raise UsageError(f"{p}: not a shard folder or a folder of shards")
    return found


def import_shards(
    ledger: Ledger, paths: Iterable[str | Path], *, settings: Settings | None = None, link: bool = True,
    progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Add every shard's articles to ``ledger`` in shard order and link them: idempotent (an
    article already stored is skipped), and a crashed import completes when run again."""

    analyses: dict[str, Any] = {}

    def articles() -> Iterable[Any]:
        for folder in shard_folders(paths):
            for record in read_shard(folder):
                if isinstance(record, InputError):
                    yield record
                else:
                    analyses[record.article.id] = record
                    yield record.article

    return ingest_articles(ledger, articles(), settings=settings, progress=progress, link=link,
                           analysed=lambda article_id: analyses.pop(article_id))
