"""Cross-article quality gates: floors on the cluster dev sets, scored by ``shared/eval/score_links.py``.

``clusters-dev`` (two stories) was used to build the rules and ``clusters-dev2`` (three other
stories) to check them; both are pinned. Raising a floor is progress; lowering one needs a
reason in the commit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluation.devsets import LINK_SETS, score_links

FLOORS = {
    # history coverage on dev fell from 0.92 to 0.85 when plans (plans to send 10,000) were told from totals:
    # the annotators put some plans and totals in one history; precision rose to 0.81
    # cross-language 0.40 -> 0.375 (one pair) when claims stopped meeting across languages through the country and
    # concept terms every claim of a story holds: the candidates per article they cost grew with the ledger;
    # 0.44 once a short claim that several facts hold wholly joins the one sharing most terms; 0.50 once
    # Swedish passives kept to their own clause; sources 0.71 -> 0.78 once negated speech acts (*has not commented*)
    # stopped counting as sources; 0.80 once a cited source (citing officials) became an entry of its own;
    # 0.778 (one fact of 45) when noun-phrase contents followed FORMAT.md (*police questioning the crew* is
    # no claim): that article's mentions align differently; dev2 unchanged; sources 0.756 (one more fact) and
    # cross-language 0.471 (one pair of 39) when English relays and coordinations followed FORMAT.md's nesting
    # (*X said Y, according to Z*: Z's content holds X's saying; *said it had seized X and suspected Y* is one
    # content): right on the blind wire-news gold of these stories (strict .79 -> .91), and a Swedish
    # shadow-fleet mention no longer meets the longer English claim; dev2 unchanged
    "clusters-dev": {"copy": 0.95, "same_fact": 0.86, "bcubed": 0.86, "cross_language": 0.46, "sources": 0.75,
                     "history_cover": 0.80, "history_precision": 0.78},
    # history coverage on dev2 went from 0.50 to 0.40 when histories began to leave out parts of a running
    # count (six of the dead in one care home): precision rose from 0.26 to 0.45 for it; 0.67 / 0.92 once a
    # figure's place left out the speaker's seat and the capital became the capital's name.
    # same-fact pairwise 0.85 -> 0.844 when figures in a list took the first one's concept (sources 0.75 -> 0.80),
    # back to 0.852 once vague amounts stopped joining exact figures
    "clusters-dev2": {"copy": 0.95, "same_fact": 0.84, "bcubed": 0.93, "cross_language": 0.90, "sources": 0.80,
                      "history_cover": 0.65, "history_precision": 0.90},
}


@pytest.fixture(scope="module", params=sorted(LINK_SETS))
def scored(request: pytest.FixtureRequest, shared: Path) -> tuple[str, dict[str, Any]]:
    gold, articles = LINK_SETS[request.param]
    return request.param, score_links(shared, shared / gold, shared / articles)


def test_links_copy_f1_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, s = scored
    assert s["copies"]["pairwise"]["f1"] >= FLOORS[name]["copy"]


def test_links_same_fact_f1_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, s = scored
    assert s["links"]["all"]["f1"] >= FLOORS[name]["same_fact"]
    assert s["links"]["bcubed"]["f1"] >= FLOORS[name]["bcubed"]


def test_links_cross_language_f1_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, s = scored
    assert s["links"]["cross_language"]["f1"] >= FLOORS[name]["cross_language"]


def test_links_source_count_accuracy_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, s = scored
    assert s["sources"]["accuracy"] >= FLOORS[name]["sources"]


def test_links_history_coverage_floor(scored: tuple[str, dict[str, Any]]) -> None:
    name, s = scored
    assert s["history"]["coverage"] >= FLOORS[name]["history_cover"]
    assert s["history"]["precision"] >= FLOORS[name]["history_precision"]
