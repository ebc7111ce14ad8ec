"""Measure how often each attribution rule is right, and write it as that rule's confidence.

An attribution's ``confidence`` is the share of the attributions its rule (``verb-that``,
``prep-first``, ``passive``, ...) produced on the annotated dev sets that were strictly right
(content matched one to one as ``score.py`` matches it, source and cue right). Each
language's figures go to ``lang/<code>/confidence.tsv``, where ``nlp.records`` reads them.

Measured with k folds by article as well: each fold's attributions get the figures measured on
the other folds, and the script prints how well those held-out confidences are calibrated
(Brier score, expected calibration error) beside the former constants (0.8, or 0.5 for
passives, adverbs and bare verbs), so the figures are judged on articles they were not measured on.

    python scripts/measure_confidence.py [--folds 5] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimledger.evaluation.devsets import SETS, find_shared  # noqa: E402
from claimledger.evaluation.predict import read_gold  # noqa: E402
from claimledger.evaluation.score import _attr_score as attr_score  # noqa: E402
from claimledger.evaluation.score import names_same, pair_up, source_right  # noqa: E402
from claimledger.gold import to_gold  # noqa: E402
from claimledger.model import Article  # noqa: E402
from claimledger.nlp.records import analyze_article  # noqa: E402

PRIOR = 2.0
"""Pseudo-counts pulling a rarely seen rule towards the language's overall figure, and that
figure towards one half."""
BINS = 10


def former(rule: str) -> float:
    """The constant confidence attributions had before it was measured: 0.5 for passives, adverbs
    and bare verbs, else 0.8."""
    return 0.5 if rule in {"passive", "passive-relative", "dep-passive", "adverb", "verb-bare"} else 0.8


def judged(docs: list[dict[str, Any]]) -> list[tuple[str, str, str, float, bool]]:
    """(article id, language, rule, former constant, strictly right) for every predicted attribution."""
    out = []
    for d in docs:
        analysis = analyze_article(Article(text=d["text"], lang=d.get("lang") or "und"))
        pred = to_gold(analysis, doc_id=str(d["id"]))["attributions"]
        right = {id(p) for g, p in pair_up(d.get("attributions") or [], pred, attr_score)
                 if source_right(g, p) and names_same(g.get("cue"), p.get("cue"))}
        for a, p in zip(analysis.attributions, pred, strict=True):
            out.append((str(d["id"]), analysis.article.lang, a.rule, former(a.rule), id(p) in right))
    return out


def figures(rows: list[tuple[str, str, str, float, bool]]) -> dict[str, dict[str, tuple[float, int]]]:
    """Language -> rule -> (smoothed share right, attributions seen); rule ``*`` is the language's whole."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    for _doc, lang, rule, _old, ok in rows:
        for key in (rule, "*"):
            seen[lang][key] += 1
            hits[lang][key] += ok
    out: dict[str, dict[str, tuple[float, int]]] = {}
    for lang, counts in seen.items():
        base = (hits[lang]["*"] + PRIOR * 0.5) / (counts["*"] + PRIOR)  # a small set proves no certainty
        out[lang] = {rule: ((hits[lang][rule] + PRIOR * base) / (n + PRIOR), n) for rule, n in counts.items()}
        out[lang]["*"] = (base, counts["*"])
    return out


def calibration(pairs: list[tuple[float, bool]]) -> tuple[float, float]:
    """(Brier score, expected calibration error over ``BINS`` equal-width bins)."""
    brier = sum((c - ok) ** 2 for c, ok in pairs) / len(pairs)
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for c, ok in pairs:
        bins[min(BINS - 1, int(c * BINS))].append((c, ok))
    ece = sum(abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b)) * len(b) for b in bins.values())
    return brier, ece / len(pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    shared = find_shared(ROOT)
    if shared is None:
        print("measure_confidence: needs ../shared/data")
        return 1
    rows = []
    for name, files in SETS.items():
        docs = [d for f in files if (shared / f).is_file() for d in read_gold(shared / f)]
        rows += judged(docs)
        print(f"{name}: {len(docs)} articles")
    docs_ids = sorted({r[0] for r in rows})
    fold_of = {doc: i % args.folds for i, doc in enumerate(docs_ids)}
    held: list[tuple[float, bool]] = []
    old: list[tuple[float, bool]] = []
    for k in range(args.folds):
        trained = figures([r for r in rows if fold_of[r[0]] != k])
        for _doc, lang, rule, constant, ok in (r for r in rows if fold_of[r[0]] == k):
            table = trained.get(lang, {})
            held.append((table.get(rule, table.get("*", (0.5, 0)))[0], ok))
            old.append((constant, ok))
    print(f"held-out ({args.folds} folds by article, {len(held)} attributions): "
          "Brier %.3f, ECE %.3f; the former constants: Brier %.3f, ECE %.3f"
          % (*calibration(held), *calibration(old)))
    for lang, table in sorted(figures(rows).items()):
        lines = ["# How often each attribution rule was strictly right on the annotated dev sets",
                 "# (scripts/measure_confidence.py writes this file; nlp.records reads it as the confidence).",
                 "# rule\tshare right (smoothed)\tattributions measured"]
        lines += [f"{rule}\t{share:.3f}\t{n}" for rule, (share, n) in sorted(table.items(), key=lambda x: -x[1][1])]
        print("\n".join(lines[2:]))
        if not args.dry_run:
            path = ROOT / "src/claimledger/lang" / lang / "confidence.tsv"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
