"""``make eval``: predict and score every gold set under ``../shared/data`` and print one table.

Each run's figures are kept in ``.cache/eval.json`` under the commit they were measured
at, so the table shows the change against the last other commit measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from claimledger.evaluation.predict import predict_docs, read_gold
from claimledger.evaluation.score import score
from claimledger.evaluation.standoff import read_standoff

_REPO = Path(__file__).resolve().parents[3]
SETS = {
    "sv-dev": ["data/dev/seed.jsonl", "data/dev/sv-dev.jsonl"],
    "en-polnear-dev": ["data/en/polnear-dev.jsonl"],
    # five Norwegian texts written and annotated for the tests (in a checkout only; an absolute
    # path stays itself when joined to ``shared``)
    "no-own": [str(_REPO / "tests" / "data" / "no" / "gold.jsonl")],
    # Swedish web news 2012 annotated before any rule saw it, never tuned on (evaluation/data/README.md)
    "sv-web2012-heldout": [str(Path(__file__).parent / "data" / "sv-web2012-heldout.jsonl")],
    # a second draw from the same source, annotated the same way (evaluation/data/README.md)
    "sv-web2012-heldout2": [str(Path(__file__).parent / "data" / "sv-web2012-heldout2.jsonl")],
    # a review draw from the corpus's training half, annotated blind the same way, tuned on (evaluation/data/README.md)
    "sv-web2012-review3": [str(Path(__file__).parent / "data" / "sv-web2012-review3.jsonl")],
    "sv-web2012-review4": [str(Path(__file__).parent / "data" / "sv-web2012-review4.jsonl")],
    "sv-web2012-review5": [str(Path(__file__).parent / "data" / "sv-web2012-review5.jsonl")],
    "sv-web2012-review6": [str(Path(__file__).parent / "data" / "sv-web2012-review6.jsonl")],
    "sv-web2012-review7": [str(Path(__file__).parent / "data" / "sv-web2012-review7.jsonl")],
    # a third held-out draw from the corpus's test half, annotated blind, never tuned on (evaluation/data/README.md)
    "sv-web2012-heldout3": [str(Path(__file__).parent / "data" / "sv-web2012-heldout3.jsonl")],
    "sv-web2012-heldout4": [str(Path(__file__).parent / "data" / "sv-web2012-heldout4.jsonl")],
    "sv-web2012-heldout5": [str(Path(__file__).parent / "data" / "sv-web2012-heldout5.jsonl")],
    "sv-web2012-heldout6": [str(Path(__file__).parent / "data" / "sv-web2012-heldout6.jsonl")],
    "sv-web2012-heldout7": [str(Path(__file__).parent / "data" / "sv-web2012-heldout7.jsonl")],
    # real Swedish long-form text: the 25 posts of an economy and defence blog's feed in ../shared, annotated
    # blind, stand-off: 13 review, tuned on, and 12 held out, never tuned on; and the 54 entries with text of
    # a Dagens Nyheter news feed (teasers, nine attributions: mostly a test of claiming nothing), held out
    # UD Swedish PUD's news documents (Swedish translations of 2-5 sentences of one article each, CC BY-SA 4.0):
    # 40 review, tuned on, and 40 held out, never tuned on (evaluation/data/README.md)
    "sv-pud-review": [str(Path(__file__).parent / "data" / "sv-pud-review.jsonl")],
    "sv-pud-heldout": [str(Path(__file__).parent / "data" / "sv-pud-heldout.jsonl")],
    "sv-pud-heldout2": [str(Path(__file__).parent / "data" / "sv-pud-heldout2.jsonl")],
    "sv-blog-review": [str(Path(__file__).parent / "data" / "sv-blog-review.standoff.jsonl")],
    "sv-blog-heldout": [str(Path(__file__).parent / "data" / "sv-blog-heldout.standoff.jsonl")],
    "sv-dn-feed-heldout": [str(Path(__file__).parent / "data" / "sv-dn-feed-heldout.standoff.jsonl")],
    # Swedish figures: 60 fresh Webbnyheter 2012 sentences with numbers, quantities only (evaluation/data/README.md)
    "sv-quantities-heldout": [str(Path(__file__).parent / "data" / "sv-quantities-heldout.jsonl")],
    # a third fresh draw of 70 such sentences (seed 3131), quantities only (evaluation/data/README.md)
    "sv-quantities-heldout2": [str(Path(__file__).parent / "data" / "sv-quantities-heldout2.jsonl")],
    # English Wikinews (GUM's news documents) annotated before any rule saw it, never tuned on
    "en-wikinews-heldout": [str(Path(__file__).parent / "data" / "en-wikinews-heldout.jsonl")],
    # the 15 other GUM Wikinews articles, annotated the same way: the English review set, tuned on
    "en-wikinews-dev": [str(Path(__file__).parent / "data" / "en-wikinews-dev.jsonl")],
    # the 14 weblog posts of UD English EWT's test split (news and politics blogs, 2003-06), annotated blind, never
    # tuned on (rules of stop 34 were read from its dev split's weblog posts, without gold)
    "en-ewt-weblog-heldout": [str(Path(__file__).parent / "data" / "en-ewt-weblog-heldout.jsonl")],
    # UD English PUD news (2-5 sentences of one article each): 25 review documents, tuned on, and 25
    # held-out ones annotated before any rule saw them, never tuned on (evaluation/data/README.md)
    "en-pud-news-review": [str(Path(__file__).parent / "data" / "en-pud-news-review.jsonl")],
    "en-pud-news-heldout": [str(Path(__file__).parent / "data" / "en-pud-news-heldout.jsonl")],
    # a second draw of 40 + 40 from the 102 PUD news documents the first left (seeds 4242 / 2424)
    "en-pud-news-review2": [str(Path(__file__).parent / "data" / "en-pud-news-review2.jsonl")],
    "en-pud-news-heldout2": [str(Path(__file__).parent / "data" / "en-pud-news-heldout2.jsonl")],
    # 15 real English news pages of ../shared/data/raw/html (AP, Reuters, BBC, Politico, NYT, ...), annotated
    # blind as stand-off gold (offsets only: the pages' text is not ours to hold): 8 review, tuned on,
    # and 7 held out, never tuned on (evaluation/data/README.md)
    "en-web-news-review": [str(Path(__file__).parent / "data" / "en-web-news-review.standoff.jsonl")],
    "en-web-news-heldout": [str(Path(__file__).parent / "data" / "en-web-news-heldout.standoff.jsonl")],
    # the 54 entries of a Guardian world-news feed in ../shared/data/raw/feeds (standfirst and lead), annotated
    # blind the same way, stand-off: 27 review, tuned on, and 27 held out, never tuned on
    "en-feed-news-review": [str(Path(__file__).parent / "data" / "en-feed-news-review.standoff.jsonl")],
    "en-feed-news-heldout": [str(Path(__file__).parent / "data" / "en-feed-news-heldout.standoff.jsonl")],
    # PolNeAR training articles of 300-600 words annotated again, blind, by FORMAT.md (not PolNeAR's
    # broader convention), stand-off into ../shared's corpus file (its text is not ours to hold):
    # 35 + 24 review, tuned on, and 15 + 15 held out, never tuned on (evaluation/data/README.md)
    "en-polnear-format-review": [str(Path(__file__).parent / "data" / "en-polnear-format-review.standoff.jsonl")],
    "en-polnear-format-review2": [str(Path(__file__).parent / "data" / "en-polnear-format-review2.standoff.jsonl")],
    "en-polnear-format-review3": [str(Path(__file__).parent / "data" / "en-polnear-format-review3.standoff.jsonl")],
    "en-polnear-format-review4": [str(Path(__file__).parent / "data" / "en-polnear-format-review4.standoff.jsonl")],
    "en-polnear-format-heldout": [str(Path(__file__).parent / "data" / "en-polnear-format-heldout.standoff.jsonl")],
    "en-polnear-format-heldout2": [str(Path(__file__).parent / "data" / "en-polnear-format-heldout2.standoff.jsonl")],
    "en-polnear-format-heldout3": [str(Path(__file__).parent / "data" / "en-polnear-format-heldout3.standoff.jsonl")],
    # PolNeAR again, scored under its own annotation's convention for noun-phrase contents
    # (setting ``contents=polnear``: the object of any stance verb), which FORMAT.md does not share
    "en-polnear-dev/polnear": ["data/en/polnear-dev.jsonl"],
}
CONVENTION = {"en-polnear-dev/polnear": "polnear"}
"""Rows predicted under another ``contents`` setting than the default."""
COLUMNS = [
    ("strict F1", ("attributions", "strict", "f1")),
    ("content F1", ("attributions", "match", "f1")),
    ("exact F1", ("attributions", "exact_content", "f1")),
    ("source", ("attributions", "source_acc")),
    ("cue", ("attributions", "cue_acc")),
    ("certainty", ("attributions", "certainty_acc")),
    ("qty F1", ("quantities", "match", "f1")),
    ("qty strict F1", ("quantities", "strict", "f1")),
]


def find_shared(start: Path | None = None) -> Path | None:
    """The ``shared`` folder beside the checkout (or $CLAIMLEDGER_SHARED)."""
    import os

    env = os.environ.get("CLAIMLEDGER_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = (start or Path.cwd()).resolve()
    for base in [here, *here.parents]:
        cand = base.parent / "shared"
        if (cand / "eval").is_dir():
            return cand
    return None


def run_sets(shared: Path) -> dict[str, dict[str, Any]]:
    """Figures per gold set, plus words/s of the prediction."""
    out: dict[str, dict[str, Any]] = {}
    for name, files in SETS.items():
        docs = [d for f in files for d in gold_docs(shared, f)]
        if not docs:
            continue
        t = time.perf_counter()
        preds = _predicted(docs, CONVENTION.get(name))
        took = time.perf_counter() - t
        res = score({str(d["id"]): d for d in docs}, preds)
        res["seconds"] = round(took, 2)
        res["articles_per_s"] = round(len(docs) / took, 1) if took else 0.0
        out[name] = res
    return out


def gold_docs(shared: Path, name: str) -> list[dict[str, Any]]:
    """The gold records of one set file (a path under ``shared``, or absolute); [] when absent.

    A ``*.standoff.jsonl`` file holds offsets into pages under ``shared`` (``standoff.py``)."""
    path = shared / name
    if not path.is_file():
        return []
    if path.name.endswith(".standoff.jsonl"):
        return read_standoff(path, shared)
    return read_gold(path)


def _predicted(docs: list[dict[str, Any]], contents: str | None) -> dict[str, dict[str, Any]]:
    """Predictions by id, under the ``contents`` convention given (the setting's own value when None)."""
    import os

    before = os.environ.get("CLAIMLEDGER_CONTENTS")
    if contents is not None:
        os.environ["CLAIMLEDGER_CONTENTS"] = contents
    try:
        return {p["id"]: p for p in predict_docs(docs)}
    finally:
        if before is None:
            os.environ.pop("CLAIMLEDGER_CONTENTS", None)
        else:
            os.environ["CLAIMLEDGER_CONTENTS"] = before


LINK_SETS = {
    "clusters-dev": ("data/clusters/dev.jsonl", "data/clusters/dev-articles.jsonl"),
    "clusters-dev2": ("data/clusters/dev2.jsonl", "data/clusters/dev2-articles.jsonl"),
}
LINK_COLUMNS = [
    ("copy F1", ("copies", "pairwise", "f1")),
    ("same-fact F1", ("links", "all", "f1")),
    ("B-cubed", ("links", "bcubed", "f1")),
    ("cross-lang F1", ("links", "cross_language", "f1")),
    ("source acc", ("sources", "accuracy")),
    ("contra F1", ("contradictions", "f1")),
    ("hist cover", ("history", "coverage")),
    ("hist prec", ("history", "precision")),
]


def score_links(shared: Path, gold: Path, articles: Path) -> dict[str, Any]:
    """Predict links for a cluster set and score them with ``shared/eval/score_links.py`` itself.

    The users' scorer is run as it is (a subprocess on its own file), so our figures are
    exactly theirs.
    """
    import tempfile

    from claimledger.evaluation.links import predict_links
    from claimledger.evaluation.predict import write_jsonl

    t = time.perf_counter()
    records = predict_links(read_gold(articles))
    took = time.perf_counter() - t
    fd, name = tempfile.mkstemp(suffix=".jsonl")
    with open(fd, "w", encoding="utf-8") as fh:
        write_jsonl(records, fh)
    try:
        out = subprocess.run([sys.executable, str(shared / "eval" / "score_links.py"), str(gold), name,
                              "--articles", str(articles), "--json"], capture_output=True, text=True, check=True)
    finally:
        Path(name).unlink(missing_ok=True)
    res: dict[str, Any] = json.loads(out.stdout)["all"]
    res["seconds"] = round(took, 2)
    return res


def run_link_sets(shared: Path) -> dict[str, dict[str, Any]]:
    """Cross-article figures per cluster set."""
    return {name: score_links(shared, shared / gold, shared / arts)
            for name, (gold, arts) in LINK_SETS.items() if (shared / gold).is_file() and (shared / arts).is_file()}


def _get(d: dict[str, Any], path: tuple[str, ...]) -> float:
    cur: Any = d
    for k in path:
        cur = cur[k]
    return float("nan") if cur is None else float(cur)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _table(title: str, results: dict[str, dict[str, Any]], columns: list[tuple[str, tuple[str, ...]]],
           previous: dict[str, Any] | None, count: tuple[str, str], speed: tuple[str, str]) -> Table:
    """One row per set: its size (``count``: header, key), figures with Δ against ``previous``, speed."""
    table = Table(title=title)
    table.add_column("set")
    table.add_column(count[0], justify="right")
    for label, _ in columns:
        table.add_column(label, justify="right")
    table.add_column(speed[0], justify="right")
    for name, res in results.items():
        cells = []
        for _, path in columns:
            v = _get(res, path)
            cell = f"{v:.3f}"
            if previous and name in previous:
                delta = v - _get(previous[name], path)
                if abs(delta) >= 0.0005:
                    cell += f" ({delta:+.3f})"
            cells.append(cell)
        table.add_row(name, str(res[count[1]]), *cells, f"{res[speed[1]]:.1f}")
    return table


def main() -> int:
    shared = find_shared()
    console = Console(width=max(Console().width, 150))
    if shared is None:
        console.print("no ../shared folder with gold sets found (set CLAIMLEDGER_SHARED)")
        return 2
    results = run_sets(shared)
    cache = Path(".cache/eval.json")
    history: dict[str, Any] = json.loads(cache.read_text()) if cache.is_file() else {}
    commit = _commit()
    previous = next((v for k, v in reversed(list(history.items())) if k != commit), None)
    title = f"dev sets at {commit}" + (" (Δ against the last other commit measured)" if previous else "")
    table = _table(title, results, COLUMNS, previous, ("docs", "documents"), ("art/s", "articles_per_s"))
    console.print(table)
    links = run_link_sets(shared)
    console.print(_table(f"cross-article sets at {commit} (score_links.py)", links, LINK_COLUMNS,
                         previous, ("stories", "stories"), ("s", "seconds")))
    results.update(links)
    history[commit] = results
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(history, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
