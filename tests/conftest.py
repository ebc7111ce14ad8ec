"""Fixtures shared by every test folder: where ../shared is, when it is there.

A test that needs ../shared and does not find it *fails*, with a message saying so: a CI
run on a checkout without the shared data must not turn green by skipping the very tests
that measure quality. Every such skip (here, in tests/ingest, tests/nlp) names
``../shared`` in its reason, and ``pytest_runtest_makereport`` below turns it into a
failure; ``CLAIMLEDGER_ALLOW_MISSING_SHARED=1`` turns them back into skips for whoever
knowingly runs without the data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.pg import postgres  # noqa: F401  (the session's PostgreSQL server, for any folder's tests)

from claimledger.evaluation.devsets import find_shared

ROOT = Path(__file__).resolve().parents[1]


ALLOW_MISSING_SHARED = "CLAIMLEDGER_ALLOW_MISSING_SHARED"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A skip because ../shared is missing becomes a failure that says what to do (see the module doc)."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if not report.skipped or os.environ.get(ALLOW_MISSING_SHARED) or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if "../shared" in reason:
        report.outcome = "failed"
        why = reason.removeprefix("Skipped: ")
        report.longrepr = (f"{item.nodeid} needs the shared data, which is missing ({why}). "
                           f"Put it beside the checkout as ../shared or set CLAIMLEDGER_SHARED=<folder>; "
                           f"{ALLOW_MISSING_SHARED}=1 skips these tests instead.")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder beside the checkout; without it the test fails (see the module doc)."""
    found = find_shared(ROOT)
    if found is None:
        pytest.skip("../shared is not beside this checkout")
    return found


@pytest.fixture(scope="session")
def examples() -> Path:
    return ROOT / "examples"


# -- a small linked ledger, built by hand (no models, no linker) -------------------------------
#
# Five invented articles about one figure, stored with hand-written link plans, as the
# linker would: the same fact in Swedish and English from one agency (one article a wire
# copy of another), a second agency's figure, a higher figure revising it, a denial, and
# an unattributed figure. ``poison=True`` puts Rich markup, an OSC 52 escape and a bidi
# override into every text field a command prints.

POISON = "[/b][link=http://x]click[/link] \x1b]52;c;SGVsbG8=\x07 \u202eevil"

F1, F2, F3, F4 = "f1000000000000aa", "f2000000000000bb", "f3000000000000cc", "f4000000000000dd"


def _claim(text: str, aid: str, n: int, source: str, cue: str, content: str, certainty: str = "reported") -> Any:
    from claimledger.model import Attribution, Span

    def at(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words))

    return Attribution(f"a{n}", aid, cue=at(cue), content=at(content), source=at(source),
                       certainty=certainty, anonymous=False)  # type: ignore[arg-type]


def _figure(text: str, aid: str, n: int, words: str, value: float, approx: str, att: str | None) -> Any:
    from claimledger.model import Quantity, Span

    start = text.index(words)
    return Quantity(f"q{n}", aid, Span(start, start + len(words)), value, approx,  # type: ignore[arg-type]
                    attribution_id=att)


def build_linked(path: str | Path, poison: bool = False) -> SimpleNamespace:
    """Store the five articles with their plans in ``path``; returns the path and the ids."""
    from claimledger.model import Analysis, Article, Copy, Fact, FactLink, FactMention, LinkPlan, Origin
    from claimledger.store import Ledger

    p = POISON if poison else ""
    texts = {
        "sv": "Enligt Sydkoreas underrättelsetjänst har omkring 10 000 soldater skickats till Ryssland.",
        "wire": f"South Korea's spy agency said about 10,000 troops had been sent to Russia.{p}",
        "copy": f"(Wire) South Korea's spy agency said about 10,000 troops had been sent to Russia.{p}",
        "us": "The Pentagon said more than 11,000 troops were in Kursk. Ukraine's intelligence put it at about 10,000.",
        "ru": "The Kremlin denied that any troops had been sent. Some 12,000 troops are there now.",
    }
    meta = {"sv": ("sv", "2025-01-10", "SVT"), "wire": ("en", "2025-01-11", "Wire"),
            "copy": ("en", "2025-01-11", "Other Paper"), "us": ("en", "2025-01-12", "Courier"),
            "ru": ("en", "2025-01-20", "Daily")}
    arts = {k: Article(text=t, lang=meta[k][0], published=meta[k][1], outlet=meta[k][2] + p, title=f"{k} title{p}")
            for k, t in texts.items()}
    ids = {k: a.id for k, a in arts.items()}
    t = texts
    analyses = {
        "sv": ((_claim(t["sv"], ids["sv"], 1, "Sydkoreas underrättelsetjänst", "Enligt",
                       "har omkring 10 000 soldater skickats till Ryssland"),),
               (_figure(t["sv"], ids["sv"], 1, "omkring 10 000", 10_000, "about", "a1"),)),
        "us": ((_claim(t["us"], ids["us"], 1, "The Pentagon", "said", "more than 11,000 troops were in Kursk"),
                _claim(t["us"], ids["us"], 2, "Ukraine's intelligence", "put", "it at about 10,000")),
               (_figure(t["us"], ids["us"], 1, "more than 11,000", 11_000, "over", "a1"),
                _figure(t["us"], ids["us"], 2, "about 10,000", 10_000, "about", "a2"))),
        "ru": ((_claim(t["ru"], ids["ru"], 1, "The Kremlin", "denied", "any troops had been sent", "denied"),),
               (_figure(t["ru"], ids["ru"], 1, "Some 12,000", 12_000, "about", None),)),
    }
    for k in ("wire", "copy"):
        analyses[k] = ((_claim(t[k], ids[k], 1, "South Korea's spy agency", "said",
                               "about 10,000 troops had been sent to Russia"),),
                       (_figure(t[k], ids[k], 1, "about 10,000", 10_000, "about", "a1"),))
    var = f"troops|total{p}"
    nis, hur = f"NIS{p}", "HUR"
    f1 = Fact(F1, "quantity", f"troops sent{p}", "2025-01-10", var, 10_000.0, None, "about", "person", "sv",
              (nis,), 1, 3, 1, 1)
    f2 = Fact(F2, "quantity", "troops in Kursk", "2025-01-12", var, 11_000.0, None, "over", "person", "en",
              ("Pentagon",), 1, 3, 1, 1)
    f3 = Fact(F3, "claim", f"any troops had been sent{p}", "2025-01-20", None, lang="en", sources=("Kremlin",),
              independent=1, grade=6, mentions=1, articles=1, contested=True)
    f4 = Fact(F4, "quantity", "troops there", "2025-01-20", var, 12_000.0, None, "about", "person", "en",
              (), 0, 6, 1, 1)

    def fm(fact: str, k: str, rec: str, kind: str, day: str, actor: str | None, value: float | None = None,
           approx: str | None = None) -> FactMention:
        return FactMention(fact, ids[k], rec, kind, day, f"{k} {rec}{p}", actor, value,  # type: ignore[arg-type]
                           None, approx, 0.9, f"same figure and variable{p}")  # type: ignore[arg-type]

    def origin(k: str, actor: str, speaker: str, n: int = 1) -> Origin:
        return Origin(ids[k], f"a{n}", actor, speaker + p, "named-agency", f"{speaker}{p}")

    plans = {
        "sv": LinkPlan(ids["sv"], bands=("b1", "b2"), origins=(origin("sv", nis, "Sydkoreas underrättelsetjänst"),),
                       facts=(f1,), mentions=(fm(F1, "sv", "q1", "q", "2025-01-10", nis, 10_000, "about"),),
                       keys=(("c|troops", F1, "2025-01-10"), ("v|8", F1, "2025-01-10"))),
        "wire": LinkPlan(ids["wire"], bands=("b3",), origins=(origin("wire", nis, "South Korea's spy agency"),),
                         facts=(replace(f1, mentions=2, articles=2, grade=3),),
                         mentions=(fm(F1, "wire", "q1", "q", "2025-01-10", nis, 10_000, "about"),),
                         keys=(("c|troops", F1, "2025-01-10"),)),
        "copy": LinkPlan(ids["copy"], copy=Copy(ids["copy"], ids["wire"], "credit", 0.97, f"Wire{p}",
                                                f"credit line and same lead{p}"),
                         bands=("b3",), origins=(origin("copy", nis, "South Korea's spy agency"),),
                         facts=(replace(f1, mentions=3, articles=3),),
                         mentions=(fm(F1, "copy", "q1", "q", "2025-01-10", nis, 10_000, "about"),)),
        "us": LinkPlan(ids["us"], origins=(origin("us", "Pentagon", "The Pentagon"), origin("us", hur, "Ukraine", 2)),
                       facts=(replace(f1, mentions=4, articles=4, sources=(nis, hur), independent=2, grade=2), f2),
                       mentions=(fm(F2, "us", "q1", "q", "2025-01-12", "Pentagon", 11_000, "over"),
                                 fm(F1, "us", "q2", "q", "2025-01-10", hur, 10_000, "about")),
                       keys=(("c|troops", F2, "2025-01-12"),),
                       links=(FactLink(F2, F1, "revision", "higher figure two days later"),)),
        "ru": LinkPlan(ids["ru"], origins=(origin("ru", "Kremlin", "The Kremlin"),),
                       facts=(f3, f4, replace(f1, mentions=4, articles=4, sources=(nis, hur), independent=2, grade=2,
                                              contested=True)),
                       mentions=(fm(F3, "ru", "a1", "a", "2025-01-20", "Kremlin"),
                                 fm(F4, "ru", "q1", "q", "2025-01-20", None, 12_000, "about")),
                       keys=(("c|troops", F4, "2025-01-20"), ("t|troops", F3, "2025-01-20")),
                       links=(FactLink(F3, F1, "denial", f"the Kremlin denies the troops were sent{p}"),)),
    }
    with Ledger(path) as ledger:
        for k in ("sv", "wire", "copy", "us", "ru"):
            atts, qs = analyses[k]
            plan = plans[k]
            assert ledger.add(Analysis(arts[k], atts, qs), link=lambda _view, _a, plan=plan: plan)
    return SimpleNamespace(path=path, articles=ids, facts={"F1": F1, "F2": F2, "F3": F3, "F4": F4})


BACKENDS = ("sqlite", "postgresql")


def ledger_target(request: pytest.FixtureRequest, path: Path) -> str | Path:
    """Where a new ledger goes on the backend ``request.param`` names: ``path`` for SQLite, a
    fresh database's URL on the session's PostgreSQL server otherwise."""
    return path if request.param == "sqlite" else str(request.getfixturevalue("postgres")())


def linked_on(request: pytest.FixtureRequest, tmp_path: Path, poison: bool = False) -> SimpleNamespace:
    """The linked ledger (``poison``: the poisoned one) on the backend ``request.param`` names: for
    modules whose every test should hold on SQLite and on PostgreSQL alike
    (``@pytest.fixture(params=BACKENDS)``)."""
    name = "poisoned.sqlite" if poison else "linked.sqlite"
    found = build_linked(ledger_target(request, tmp_path / name), poison=poison)
    found.folder = tmp_path  # where a command runs, whichever backend holds the ledger
    return found


@pytest.fixture
def linked(tmp_path: Path) -> SimpleNamespace:
    """The five-article linked ledger (see ``build_linked``)."""
    return build_linked(tmp_path / "linked.sqlite")


@pytest.fixture
def poisoned(tmp_path: Path) -> SimpleNamespace:
    """The same ledger with hostile text in every field a command prints."""
    return build_linked(tmp_path / "poisoned.sqlite", poison=True)
