"""The public ``Ledger``: the store's, with ``ingest``, which reads, analyses and links.

``ingest`` runs the whole data path (ingest -> nlp -> link -> store), so it lives above both
the pipeline and the store: the store itself never imports the stages that feed it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from claimledger.analyze import IngestReport
from claimledger.settings import Settings
from claimledger.store import ledger as store


class Ledger(store.Ledger):
    """A store of analysed articles: ``ingest`` sources or ``add`` analyses, then ask ``claims``,
    ``facts``, ``summary``, ``export``."""

    def ingest(self, sources: Iterable[str | Path] | str | Path, *, lang: str | None = None,
               settings: Settings | None = None) -> IngestReport:
        """Read, analyse, store and link every article of ``sources`` (see ``claimledger.analyze.ingest``).

        One path, URL or ``-`` may be passed as it is: ``ingest("a.txt")`` reads one file
        (a string is never taken apart into characters).
        """
        if isinstance(sources, str | Path):
            sources = [sources]
        store.check_arg("sources", sources, Iterable, "a path, a URL or an iterable of them")
        items = list(sources)
        for s in items:
            store.check_arg("each source", s, (str, Path), "a path or URL")
        if settings is not None:
            store.check_arg("settings", settings, Settings, "a Settings or None")
        # the module, looked up at call time (``claimledger.analyze`` is also the package's analyze())
        pipeline = importlib.import_module("claimledger.analyze")
        report: IngestReport = pipeline.ingest(self, items, lang=store.lang_arg(lang), settings=settings)
        return report
