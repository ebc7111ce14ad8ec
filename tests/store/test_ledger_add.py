"""Ledger.add: round trip, idempotence, refusal before writing, one transaction per article."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.conftest import BACKENDS
from tests.store.conftest import ledger_on

from claimledger.errors import StoreError
from claimledger.model import Analysis, Span
from claimledger.store import Ledger
from claimledger.store import ledger as ledger_module


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, ledger_path: Path) -> Iterator[Ledger]:
    """Every test here, on SQLite and on a real PostgreSQL server."""
    yield from ledger_on(request, ledger_path)


def test_ledger_round_trip_gives_equal_analysis(filled: Ledger, analyses: list[Analysis]) -> None:
    for a in analyses:
        back = filled.analysis(a.article.id)
        assert back == a
        # Equality of frozen dataclasses hides type drift; spot-check what SQLite could change.
        assert back.article.fetched_at == a.article.fetched_at
        assert all(isinstance(s, Span) for _, s in back.spans())


def test_ledger_round_trip_keeps_timezone_and_warnings(filled: Ledger, en_analysis: Analysis) -> None:
    back, orig = filled.analysis(en_analysis.article.id).article, en_analysis.article
    assert back.fetched_at is not None and orig.fetched_at is not None
    assert back.fetched_at.utcoffset() == orig.fetched_at.utcoffset()
    assert back.warnings == ("decoded with replacements",)


def test_ledger_spans_index_text_in_every_row(filled: Ledger) -> None:
    """Every stored *_text column is exactly the article text sliced at the stored offsets."""
    checks = {
        "attributions": [
            ("cue_start", "cue_end", "cue_text"),
            ("content_start", "content_end", "content_text"),
            ("source_start", "source_end", "source_text"),
        ],
        "quantities": [("start", "end", "text"), ("counted_start", "counted_end", "counted_text")],
        "mentions": [("start", "end", "text")],
    }
    seen = 0
    with filled.engine.connect() as conn:
        for table, triples in checks.items():
            for row in conn.execute(
                text(
                    f"SELECT r.*, a.text AS article_text FROM {table} r "
                    "JOIN articles a ON a.id = r.article_id"
                )
            ).mappings():
                for s, e, words in triples:
                    if row[s] is None:
                        assert row[words] is None
                        continue
                    assert row["article_text"][row[s] : row[e]] == row[words]
                    seen += 1
    assert seen == 8 * 3 + 6 * 2 + 3


def test_ledger_add_twice_is_a_no_op(filled: Ledger, analyses: list[Analysis]) -> None:
    before = filled.counts()
    assert [filled.add(a) for a in analyses] == [False, False, False]
    assert filled.counts() == before == {"articles": 3, "attributions": 8, "quantities": 6, "mentions": 3}


def test_ledger_add_same_text_other_metadata_is_a_no_op(filled: Ledger, sv_analysis: Analysis) -> None:
    """The id is the text's hash: a syndicated copy with another title is the same article."""
    retitled = dataclasses.replace(
        sv_analysis, article=dataclasses.replace(sv_analysis.article, title="Annan")
    )
    assert filled.add(retitled) is False
    assert filled.analysis(sv_analysis.article.id).article.title == sv_analysis.article.title


def test_ledger_has(ledger: Ledger, sv_analysis: Analysis) -> None:
    assert not ledger.has(sv_analysis.article.id)
    ledger.add(sv_analysis)
    assert ledger.has(sv_analysis.article.id)
    assert not ledger.has(sv_analysis.article.id[:10])  # has() wants the whole id


def _with_attribution(an: Analysis, **changes: object) -> Analysis:
    bad = dataclasses.replace(an.attributions[-1], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(an, attributions=(*an.attributions[:-1], bad))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content": Span(10, 10_000)}, "outside the text"),
        ({"hedges": (Span(0, 9_999),)}, "outside the text"),
        ({"certainty": "rumoured"}, "unknown certainty"),
        ({"source_kind": "oracle"}, "unknown source kind"),
        ({"via": "no-such-attribution"}, "not in this article"),
        ({"article_id": "0" * 64}, "belongs to article"),
        ({"id": "sv-a1"}, "occurs twice"),
    ],
)
def test_ledger_add_refuses_bad_records_before_writing(
    ledger: Ledger, sv_analysis: Analysis, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(StoreError, match=message) as info:
        ledger.add(_with_attribution(sv_analysis, **changes))
    assert "\n" not in str(info.value) and ledger.name in str(info.value)
    assert ledger.counts() == {"articles": 0, "attributions": 0, "quantities": 0, "mentions": 0}


def test_ledger_add_refuses_out_of_range_quantity_and_mention(ledger: Ledger, sv_analysis: Analysis) -> None:
    n = len(sv_analysis.article.text)
    q = dataclasses.replace(sv_analysis.quantities[0], counted=Span(n, n + 1))
    with pytest.raises(StoreError, match="counted span"):
        ledger.add(dataclasses.replace(sv_analysis, quantities=(q,)))
    m = dataclasses.replace(sv_analysis.mentions[0], span=Span(n - 2, n + 3))
    with pytest.raises(StoreError, match="mention span"):
        ledger.add(dataclasses.replace(sv_analysis, mentions=(m,)))
    assert not ledger.has(sv_analysis.article.id)


def test_ledger_add_failure_midway_leaves_nothing(
    ledger: Ledger, sv_analysis: Analysis, en_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article row and attributions are written, then the mentions fail: all rolled back."""
    ledger.add(en_analysis)

    def broken(_: Analysis) -> list[dict[str, object]]:
        return [
            {
                "article_id": sv_analysis.article.id,
                "id": "m",
                "seq": 0,
                "start": 0,
                "end": 1,
                "text": "E",
                "label": None,
            }
        ]  # label is NOT NULL: the insert fails

    monkeypatch.setattr(ledger_module.rows, "mention_rows", broken)
    with pytest.raises(StoreError, match="cannot store article") as info:
        ledger.add(sv_analysis)
    assert "\n" not in str(info.value)
    assert not ledger.has(sv_analysis.article.id)
    assert ledger.counts() == {"articles": 1, "attributions": 3, "quantities": 2, "mentions": 1}
    monkeypatch.undo()
    assert ledger.add(sv_analysis) is True  # nothing half-written stands in the way


def test_ledger_add_concurrent_duplicates_store_once(ledger_path: Path, sv_analysis: Analysis) -> None:
    """Writers in several threads, each with its own Ledger, race to add one article."""
    Ledger(ledger_path).close()  # migrate once, so the race is about the article
    results: list[bool] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def race() -> None:
        with Ledger(ledger_path) as led:
            barrier.wait()
            try:
                results.append(led.add(sv_analysis))
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

    threads = [threading.Thread(target=race) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [False] * 5 + [True]
    with Ledger(ledger_path) as led:
        assert led.counts()["attributions"] == 3


def test_ledger_add_all_counts_new(ledger: Ledger, analyses: list[Analysis]) -> None:
    assert ledger.add_all(analyses[:2]) == 2
    assert ledger.add_all(analyses) == 1
