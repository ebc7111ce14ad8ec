"""Batch analysis past one process: sources cut into shards, analysed by Dask workers into
Parquet shards, imported into the ledger and linked.

::

    sources --shards.plan--> Shard(inputs) ... --engine.analyze_shard (a worker)--> shard folder
    shard folders --shards_io.read_shard--> Analysis ... --engine.import_shards--> ledger.add + link

Workers only read and analyse (the expensive part: the spaCy pipelines, loaded once per
worker process); linking stays in one process, article by article in source order, because
each link decision depends on what is already stored. The records are the local path's:
the same readers over the same inputs (``ingest.read_inputs``), the same ``analyze_article``,
stored by the same ``Ledger.add``.
"""

from claimledger.batch.engine import BatchReport, analyze_with_dask, import_shards

__all__ = ["BatchReport", "analyze_with_dask", "import_shards"]
