"""Fixtures for the link stage: a ledger that analyses and links articles the way ``ingest`` does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import BACKENDS

from claimledger.link import link_article
from claimledger.model import Analysis, Article
from claimledger.nlp.records import analyze_article
from claimledger.store import Ledger


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Ledger, Callable[..., Analysis]]]:
    """A fresh ledger and ``add(text, lang, published, **meta)`` that analyses, stores and links one
    article; every link test runs on SQLite and on a real PostgreSQL server."""
    target: str | Path = tmp_path / "l.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres")()
    with Ledger(target) as ledger:

        def add(text: str, lang: str = "en", published: str = "2024-10-18", **meta: str) -> Analysis:
            analysis = analyze_article(Article(text=text, lang=lang, published=published, **meta))
            ledger.add(analysis, link=link_article)
            return analysis

        yield ledger, add
