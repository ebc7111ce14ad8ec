"""A bug of ours on one article (in the rules or in the linker) costs that article, not the batch.

The bug is injected (a function that fails on one chosen text), because a known one is fixed
when it is found; what is tested is the real ingest path around it: the other articles are
analysed, stored and linked, the failing one is reported in one line, an article whose linker
failed is kept unlinked with its records, and the next run links it once the linker works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger.link
import claimledger.nlp.records
from claimledger.analyze import ingest_articles, relink
from claimledger.errors import INTERNAL
from claimledger.model import Analysis, Article
from claimledger.store import Ledger

TEXTS = [
    "The ministry said on Monday that about 2,000 soldiers had been moved to the border.",
    "Officials told reporters that 40 ships had been seen near the island on Sunday.",
    "The mayor said 300 homes were flooded after the river burst its banks.",
]


def _articles() -> list[Article]:
    return [Article(text=t, lang="en", published="2024-10-18", title=f"story {i}") for i, t in enumerate(TEXTS)]


def test_ingest_analysis_bug_skips_that_article_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = claimledger.nlp.records.analyze_article

    def flaky(article: Article, settings: object = None) -> Analysis:
        if "ships" in article.text:
            raise IndexError("list index out of range")
        return real(article, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(claimledger.nlp.records, "analyze_article", flaky)
    monkeypatch.delenv("CLAIMLEDGER_DEBUG", raising=False)
    with Ledger(tmp_path / "l.sqlite") as ledger:
        report = ingest_articles(ledger, _articles())
        assert report.read == 3 and report.added == 2
        [error] = report.errors
        assert error.code == INTERNAL and error.source == "story 1"
        assert "IndexError" in str(error) and "\n" not in str(error)
        assert report.exit_code == 1
        assert ledger.unlinked() == []


def test_ingest_linker_bug_keeps_the_article_unlinked_then_links_it(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    real = claimledger.link.link_article
    calls = {"failed": 0}

    def flaky(view, analysis):  # type: ignore[no-untyped-def]
        if "homes" in analysis.article.text:
            calls["failed"] += 1
            raise ValueError("math domain error")
        return real(view, analysis)

    monkeypatch.setattr(claimledger.link, "link_article", flaky)
    monkeypatch.delenv("CLAIMLEDGER_DEBUG", raising=False)
    with Ledger(tmp_path / "l.sqlite") as ledger:
        report = ingest_articles(ledger, _articles())
        assert report.added == 3 and not report.errors
        assert any("stored without links" in w and "ValueError" in w for w in report.warnings)
        [pending] = ledger.unlinked()
        stored = ledger.articles()
        assert len(stored) == 3
        flooded = next(a for a in stored if a["id"] == pending)
        assert flooded["title"] == "story 2"
        assert len(ledger.claims(article=pending)) >= 1  # its records are kept

        # the next run tries again first: still failing, it is named and the new article goes in
        again = ingest_articles(ledger, [Article(text="The army said 12 drones were shot down.", lang="en")])
        assert again.added == 1 and again.relinked == 0
        assert any(pending[:12] in w and "not linked" in w for w in again.warnings)
        assert ledger.unlinked() == [pending]

        # with the bug fixed, the next run links it
        monkeypatch.setattr(claimledger.link, "link_article", real)
        fixed = ingest_articles(ledger, [])
        assert fixed.relinked == 1 and ledger.unlinked() == []

        # relink names a failing article and links the rest
        monkeypatch.setattr(claimledger.link, "link_article", flaky)
        failed: list[str] = []
        assert relink(ledger, failed=failed) == 3
        assert len(failed) == 1 and pending[:12] in failed[0]
        assert ledger.unlinked() == [pending]


def test_ingest_linker_bug_raises_under_debug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(view, analysis):  # type: ignore[no-untyped-def]
        raise ValueError("math domain error")

    monkeypatch.setattr(claimledger.link, "link_article", broken)
    monkeypatch.setenv("CLAIMLEDGER_DEBUG", "1")
    with Ledger(tmp_path / "l.sqlite") as ledger, pytest.raises(ValueError):
        ingest_articles(ledger, _articles()[:1])


def test_ingest_collector_paused_until_the_first_article_then_frozen(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    """The garbage collector sleeps while the first article loads the models and tables, then
    what they built is frozen out of its sight and it collects as before, even when the batch fails."""
    import gc
    import sys

    pipeline = sys.modules["claimledger.analyze"]  # the package's ``analyze`` attribute is the function
    monkeypatch.setattr(pipeline, "_SETTLED", [])
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the test process keeps its own collector as it is
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    real = claimledger.nlp.records.analyze_article

    def spy(article: Article, settings: object = None) -> Analysis:
        seen.append(gc.get_threshold())
        return real(article, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(claimledger.nlp.records, "analyze_article", spy)
    arts = [Article(text=f"The council said on Monday that {n} bridges were closed.", lang="en") for n in (3, 4)]
    with Ledger(tmp_path / "l.sqlite") as ledger:
        ingest_articles(ledger, arts)
    assert seen[0][0] == 0 and seen[1] == before  # paused for the first, collecting for the second
    assert gc.get_threshold() == before and pipeline._SETTLED == [True]
    monkeypatch.setattr(pipeline, "_SETTLED", [])

    def broken(article: Article, settings: object = None) -> Analysis:
        raise KeyboardInterrupt

    monkeypatch.setattr(claimledger.nlp.records, "analyze_article", broken)
    with Ledger(tmp_path / "m.sqlite") as ledger, pytest.raises(KeyboardInterrupt):
        ingest_articles(ledger, arts)
    assert gc.get_threshold() == before
