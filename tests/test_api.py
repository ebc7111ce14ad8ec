"""The public API is small on purpose: this pins it. ``Ledger`` is used on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import BACKENDS, ledger_target

import claimledger


def test_api_all_is_pinned() -> None:
    assert sorted(claimledger.__all__) == sorted([
        "Analysis", "Article", "Attribution", "ClaimledgerError", "InputError", "Ledger", "Quantity", "Span",
        "StoreError", "analyze",
    ])


def test_api_analyze_text_without_a_store() -> None:
    [a] = claimledger.analyze("Enligt Kustbevakningen har tre fartyg bordats.\n\nDet är oklart varför.")
    assert a.article.lang == "sv"
    assert [x.cue.of(a.article.text) for x in a.attributions] == ["Enligt"]
    assert a.quantities[0].value == 3


def test_api_analyze_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "a.txt"
    p.write_text("Officials said about 1,000 troops had crossed the border on Monday.", encoding="utf-8")
    [a] = claimledger.analyze(p)
    assert a.article.lang == "en"
    assert a.article.raw_ref.endswith("a.txt")
    assert a.attributions and a.quantities[0].value == 1000


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A new ledger: a SQLite file, then a PostgreSQL database."""
    return ledger_target(request, tmp_path / "l.sqlite")


def test_api_ledger_ingest_then_query(target, examples) -> None:  # type: ignore[no-untyped-def]
    with claimledger.Ledger(target) as ledger:
        report = ledger.ingest([examples / "sv"])
        assert report.exit_code == 0 and report.added == report.read > 0
        again = ledger.ingest([examples / "sv"])
        assert again.added == 0 and again.duplicates == report.read
        assert ledger.claims(lang="sv")


def test_api_language_without_data_gets_no_guesses() -> None:
    [a] = claimledger.analyze("Описание: вчера в Москве было 20 градусов.", lang="ru")
    assert a.article.lang == "ru" and a.attributions == () and a.quantities == ()
