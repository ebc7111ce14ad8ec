"""``Ledger.add`` with a linker, ``save_links`` and the ``View`` the linker reads through.

The plans are written by hand here: the rules that make them live in link/ and have their
own tests. What is pinned is the store's half: a plan is stored with its article or not
at all, facts are upserted, keys and windows find exactly what they should.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimledger.errors import StoreError
from claimledger.model import Analysis, Copy, Fact, FactLink, FactMention, LinkPlan, Origin
from claimledger.store import Ledger, links
from claimledger.store.links import View
from claimledger.store.schema import LINK_TABLES, articles, copy_bands, facts


def _fact(fid: str, date: str, mentions: int = 1, **kw: object) -> Fact:
    return Fact(fid, "quantity", f"label {fid}", date, "troops|total", 100.0, approx="about", lang="en",
                sources=("NIS",), independent=1, grade=3, mentions=mentions, articles=mentions, **kw)  # type: ignore[arg-type]


def _mention(fid: str, an: Analysis, n: int = 0, date: str = "2025-03-02") -> FactMention:
    q = an.quantities[n]
    return FactMention(fid, an.article.id, q.id, "q", date, q.span.of(an.article.text), "NIS", q.value,
                       approx=q.approx, score=0.8, reason="same variable")


def _plan(an: Analysis, *facts_: Fact, keys: tuple[tuple[str, str, str], ...] = (), **kw: object) -> LinkPlan:
    mentions = tuple(_mention(f.id, an, i % len(an.quantities)) for i, f in enumerate(facts_))
    return LinkPlan(an.article.id, facts=facts_, mentions=mentions, keys=keys, **kw)  # type: ignore[arg-type]


def _rows(path: Path, table: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"select count(*) from {table}").fetchone()[0])
    finally:
        db.close()


def test_links_save_failing_linker_stores_no_article(ledger: Ledger, ledger_path: Path,
                                                    sv_analysis: Analysis) -> None:
    def broken(view: View, analysis: Analysis) -> LinkPlan:
        raise RuntimeError("linker bug")

    with pytest.raises(RuntimeError, match="linker bug"):
        ledger.add(sv_analysis, link=broken)
    assert not ledger.has(sv_analysis.article.id)
    assert _rows(ledger_path, "attributions") == 0
    assert ledger.add(sv_analysis)  # the same article is still new afterwards


def test_links_save_bad_plan_is_one_line_and_rolls_back(ledger: Ledger, sv_analysis: Analysis) -> None:
    orphan = FactMention("no-such-fact", sv_analysis.article.id, "sv-q1", "q", "2025-03-02", "tolv")
    with pytest.raises(StoreError) as info:
        ledger.add(sv_analysis, link=lambda _v, a: LinkPlan(a.article.id, mentions=(orphan,)))
    assert "\n" not in str(info.value) and "FOREIGN KEY" in str(info.value)
    assert not ledger.has(sv_analysis.article.id)
    with pytest.raises(StoreError, match="returned a plan for article"):
        ledger.add(sv_analysis, link=lambda _v, _a: LinkPlan("someone-else"))
    assert not ledger.has(sv_analysis.article.id)


def test_links_save_plan_stored_with_article(ledger: Ledger, ledger_path: Path, sv_analysis: Analysis) -> None:
    f = _fact("fa", "2025-03-02")
    plan = _plan(sv_analysis, f, keys=(("c|troops", "fa", "2025-03-02"), ("v|4", "fa", "2025-03-02")),
                 bands=("b1", "b2"), origins=(Origin(sv_analysis.article.id, "sv-a1", "NIS", "Myndigheten", "r"),))
    assert ledger.add(sv_analysis, link=lambda _v, _a: plan)
    assert [_rows(ledger_path, t) for t in ("facts", "fact_mentions", "fact_keys", "copy_bands", "origins")] == [
        1, 1, 2, 2, 1]
    assert ledger.unlinked() == []
    with ledger.reading() as conn:
        assert conn.scalar(select(articles.c.linked_at)) is not None
        [(got, mentions)] = View(conn).facts_by_keys(["c|troops", "v|4"], "2025-03-01", "2025-03-03")
        assert got == f and mentions == list(plan.mentions)
        assert View(conn).origins_of(sv_analysis.article.id) == list(plan.origins)


def test_links_save_facts_by_keys_respects_key_and_date_window(ledger: Ledger, analyses: list[Analysis]) -> None:
    sv, en, nested = analyses
    ledger.add(sv, link=lambda _v, a: _plan(a, _fact("early", "2025-03-01"), keys=(("k", "early", "2025-03-01"),)))
    ledger.add(en, link=lambda _v, a: _plan(a, _fact("late", "2025-03-09"), keys=(("k", "late", "2025-03-09"),)))
    ledger.add(nested, link=lambda _v, a: _plan(a, _fact("other", "2025-03-02"),
                                                  keys=(("x", "other", "2025-03-02"),)))
    with ledger.reading() as conn:
        view = View(conn)
        assert [f.id for f, _ in view.facts_by_keys(["k"], "2025-03-01", "2025-03-09")] == ["early", "late"]
        assert [f.id for f, _ in view.facts_by_keys(["k"], "2025-03-02", "2025-03-08")] == []
        assert [f.id for f, _ in view.facts_by_keys(["k", "x"], "2025-03-01", "2025-03-02")] == ["early", "other"]
        many = [f"noise-{i}" for i in range(2 * links.CHUNK + 7)] + ["x"]  # past one IN list
        assert [f.id for f, _ in view.facts_by_keys(many, "2025-01-01", "2025-12-31")] == ["other"]


def test_links_save_upsert_updates_fact_and_keeps_keys_once(ledger: Ledger, ledger_path: Path,
                                                            analyses: list[Analysis]) -> None:
    sv, en, _ = analyses
    key = (("c|troops", "fa", "2025-03-02"),)
    ledger.add(sv, link=lambda _v, a: _plan(a, _fact("fa", "2025-03-02"), keys=key))
    grown = _fact("fa", "2025-03-02", mentions=2, contested=True)
    ledger.add(en, link=lambda _v, a: _plan(a, grown, keys=key))
    assert _rows(ledger_path, "facts") == 1 and _rows(ledger_path, "fact_keys") == 1
    assert _rows(ledger_path, "fact_mentions") == 2
    with ledger.reading() as conn:
        [(got, mentions)] = View(conn).facts_by_keys(["c|troops"], "2025-03-02", "2025-03-02")
    assert got == grown and {m.article_id for m in mentions} == {sv.article.id, en.article.id}


def test_links_save_mention_moves_to_its_new_fact(ledger: Ledger, sv_analysis: Analysis) -> None:
    """Re-saving an article's mention replaces it (same article, kind, record): it is in one fact only."""
    ledger.add(sv_analysis, link=lambda _v, a: _plan(a, _fact("old", "2025-03-02")))
    with ledger._writing() as conn:
        links.save_links(conn, _plan(sv_analysis, _fact("new", "2025-03-02")), "2025-03-03T00:00:00")
    with ledger.reading() as conn:
        assert conn.scalar(select(func.count()).select_from(facts)) == 2
    assert [m["record_id"] for m in ledger.fact("new")["mentions"]] == ["sv-q1"]
    assert ledger.fact("old")["mentions"] == []


def test_links_save_copy_bands_and_urls(ledger: Ledger, analyses: list[Analysis]) -> None:
    sv, en, nested = analyses
    ledger.add(sv, link=lambda _v, a: LinkPlan(a.article.id, bands=("b1", "b2")))
    ledger.add(en, link=lambda _v, a: LinkPlan(a.article.id, bands=("b9",)))
    copy = Copy(nested.article.id, sv.article.id, "near", 0.91, None, "shares 91 % of its shingles")
    seen: list[list[str]] = []

    def linker(view: View, a: Analysis) -> LinkPlan:
        seen.append([x.id for x in view.copy_candidates(["b2", "b3"], a.article.id)])
        seen.append([x.id for x in view.by_url("https://example.org/en/outage?amp=0", a.article.id)])
        return LinkPlan(a.article.id, copy=copy, bands=("b2", "b3"))

    ledger.add(nested, link=linker)
    assert seen == [[sv.article.id], [en.article.id]]
    row = next(r for r in ledger.articles() if r["id"] == nested.article.id)
    assert (row["copy_of"], row["copy_reason"]) == (sv.article.id, "shares 91 % of its shingles")
    [c] = ledger.copies()
    assert (c["article_id"], c["original_id"], c["method"], c["title"]) == (nested.article.id, sv.article.id,
                                                                            "near", None)
    with ledger.reading() as conn:
        assert View(conn).copy_of(nested.article.id) == copy
        # a copy is never a candidate itself: its original stands for every copy of it, so its
        # bands are not even stored (however many copies a wire story has, a band lookup costs the same)
        assert [x.id for x in View(conn).copy_candidates(["b2"], sv.article.id)] == []
        assert conn.scalar(select(func.count()).select_from(copy_bands)
                           .where(copy_bands.c.article_id == nested.article.id)) == 0
        assert [x.id for x in View(conn).copy_candidates(["b2"], nested.article.id)] == [sv.article.id]
        assert [x.id for x in View(conn).by_url("https://example.org/en/outage", "-")] == [en.article.id]
        assert View(conn).by_url("https://example.org/en/outage", en.article.id) == []


def test_links_save_links_of_both_directions(ledger: Ledger, sv_analysis: Analysis) -> None:
    fa, fb, fc = _fact("fa", "2025-03-02"), _fact("fb", "2025-03-02"), _fact("fc", "2025-03-02")
    plan = replace(_plan(sv_analysis, fa, fb, fc), links=(FactLink("fa", "fb", "contradiction", "x"),
                                                          FactLink("fc", "fa", "denial", "y")))
    ledger.add(sv_analysis, link=lambda _v, _a: plan)
    with ledger.reading() as conn:
        view = View(conn)
        assert {(x.a, x.b) for x in view.links_of(["fa"])} == {("fa", "fb"), ("fc", "fa")}
        assert [(x.a, x.b, x.kind) for x in view.links_of(["fb"])] == [("fa", "fb", "contradiction")]


def test_links_save_clear_and_relink(ledger: Ledger, ledger_path: Path, analyses: list[Analysis]) -> None:
    sv, en, nested = analyses
    for a in analyses:
        ledger.add(a, link=lambda _v, x: _plan(x, _fact(x.article.id[:8], "2025-03-02"), bands=("b",),
                                                keys=(("k", x.article.id[:8], "2025-03-02"),)))
    with ledger._writing() as conn:
        links.clear_links(conn)
    assert all(_rows(ledger_path, t.name) == 0 for t in LINK_TABLES)
    assert _rows(ledger_path, "attributions") == 8  # records untouched
    # earliest published first, undated (en) last
    assert ledger.unlinked() == [sv.article.id, nested.article.id, en.article.id]
    order: list[str] = []

    def again(_v: View, a: Analysis) -> LinkPlan:
        order.append(a.article.id)
        return _plan(a, _fact("one", "2025-03-02", mentions=len(order)))

    assert ledger.relink(again) == 3
    assert order == [sv.article.id, nested.article.id, en.article.id]
    assert _rows(ledger_path, "facts") == 1 and ledger.fact("one")["mention_count"] == 3
    assert ledger.unlinked() == []
