"""Fixtures for ``claimledger diff``: the cluster dev articles analysed by today's pipeline, the same
articles analysed by a pipeline whose English cue file was edited in a copied language folder, and
ledgers of either on SQLite or on a real PostgreSQL server."""

from __future__ import annotations

import json
import shutil
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from tests.conftest import BACKENDS, ledger_target

import claimledger.lang
import claimledger.version
from claimledger.link import link_article
from claimledger.model import Analysis, Article
from claimledger.nlp import lexicon, pipeline
from claimledger.nlp.records import analyze_article
from claimledger.store import Ledger

SAY = "\nsay\tverb\tasserted\t"  # the row of *say* itself, not of a longer cue ending in it
"""The English cue line the edited copy changes: *say* from asserted to reported."""


def _analyse(shared: Path) -> tuple[Analysis, ...]:
    rows = [json.loads(line) for line in (shared / "data/clusters/dev-articles.jsonl").read_text().splitlines()]
    return tuple(analyze_article(Article(text=r["text"], lang=r["lang"], published=r.get("published"),
                                         title=r.get("title") or r["id"], url=r.get("url"))) for r in rows)


def _clear() -> None:
    lexicon.load.cache_clear()
    pipeline.load.cache_clear()
    claimledger.version.pipeline_version.cache_clear()


@pytest.fixture(scope="session")
def analyses(shared: Path) -> tuple[Analysis, ...]:
    """The 30 articles of the clusters dev set (English and Swedish, one story) as today's pipeline reads them."""
    return _analyse(shared)


@pytest.fixture(scope="session")
def edited(shared: Path, analyses: tuple[Analysis, ...], tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[tuple[Analysis, ...], str]:
    """The same articles analysed with ``lang/`` copied and *say* made a reported cue in the copy's
    ``en/cues.tsv``, with the pipeline version that run stamps; the real data is back afterwards."""
    folder = tmp_path_factory.mktemp("lang") / "lang"
    shutil.copytree(Path(claimledger.lang.__file__).parent, folder)
    cues = folder / "en" / "cues.tsv"
    text = cues.read_text(encoding="utf-8")
    assert text.count(SAY) == 1
    cues.write_text(text.replace(SAY, "\nsay\tverb\treported\t"), encoding="utf-8")
    copied = types.SimpleNamespace(files=lambda _package: folder)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(claimledger.lang, "resources", copied)
            mp.setattr(claimledger.version, "resources", copied)
            _clear()
            return _analyse(shared), claimledger.version.pipeline_version()
    finally:
        _clear()  # the next pipeline loads the real data again


@pytest.fixture(params=BACKENDS)
def make_ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """``make_ledger(name, analyses, link=True, pipeline=None)``: a ledger of ``analyses`` on this
    test's backend (each added and linked as ``ingest`` does); returns its path or URL."""
    made: list[str] = []

    def make(name: str, items: Sequence[Analysis], link: bool = True, pipeline: str | None = None) -> str:
        target = str(ledger_target(request, tmp_path / f"{name}.sqlite"))
        with Ledger(target) as ledger:
            for a in items:
                ledger.add(a, link=link_article if link else None, pipeline=pipeline)
        made.append(target)
        return target

    yield make
