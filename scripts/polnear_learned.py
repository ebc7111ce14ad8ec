"""Write ``lang/en/polnear_filter.tsv`` and ``polnear_proposer.tsv``: the learned models of PolNeAR's convention.

The rules run over PolNeAR train with ``contents=polnear`` and no filter; every attribution they hand to
``nlp.components.polnear_learned.kept`` is described by its ``features`` and labelled by whether the scorer
(``evaluation.score``, strict: content, source and cue right) pairs it with a gold attribution. A logistic
regression over the hashed features (numpy, Adagrad, L2) is trained on folds of train by article; its
configuration (hash buckets, L2 weight, the fewest rows a bucket needs to get a weight: ``--filter``) and
threshold are those whose held-out predictions give the best strict plus content F1 on train when the
attributions below the threshold are dropped and the whole of train is scored again. The proposer
(``nlp.components.polnear_learned``) is trained the same way on the candidates it would offer, labelled by
whether one is a strict match of a gold attribution the rules miss (``--proposer``); then both thresholds
are chosen again together. Both tables are then trained on all of train; their cards give the held-out
and the in-sample figures of train, and the gap between them is what the choice of configuration keeps
small: on the grid tried (2^14, 2^16, 2^18 buckets; L2 1e-4 to 1e-2; min count 1 or 3) the filter's
held-out strict + content F1 was flat within .002, so the smallest such configuration was taken
(2^14, 1e-3, 3: half the weights of 2^18 and 1e-3); the proposer needs weak L2 (1e-3 loses .003 strict
held-out) and takes 2^16, 1e-4, 3.

    python scripts/polnear_learned.py ../shared/data/en/polnear-train.jsonl --cache /tmp/filter.json \
        --filter 16384:0.001:3 --proposer 65536:0.0001:3

The table is derived from PolNeAR train, whose data carries no licence (``shared/data/en/LICENSE-NOTE.md``):
it holds hashed feature buckets and weights only, no text, and says so in its header, its model card.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any
from zlib import crc32

import numpy as np

HEADER = """# PolNeAR filter: logistic-regression weights over hashed features of an attribution the rules find
# (nlp/components/polnear_learned.py); one scoring below the threshold is dropped (contents=polnear only).
# Model card. Trained by scripts/polnear_learned.py on polnear-train.jsonl only (PolNeAR v1.0.0, Newell,
# Margolin and Ruths, LREC 2018; 840 training articles), which carries no licence (shared/data/en/
# LICENSE-NOTE.md): its texts belong to their publishers. No text is stored here: only crc32 buckets of
# feature strings (rule names, lower-case words, tags, dependency labels) and their weights. Label: the
# prediction is a strict match of a gold one.
# {card}
# Rows: buckets, bias and threshold, then bucket<TAB>weight.
"""
PROPOSER = """# PolNeAR proposer: logistic-regression weights over hashed features of a verb no cue covers and one
# of its arguments (nlp/components/polnear_learned.py); a candidate scoring at the threshold or over becomes an
# attribution (contents=polnear only). Model card. Trained by scripts/polnear_learned.py on polnear-train.jsonl
# only (PolNeAR v1.0.0, Newell, Margolin and Ruths, LREC 2018; 840 training articles), which carries no
# licence (shared/data/en/LICENSE-NOTE.md): its texts belong to their publishers. No text is stored here:
# only crc32 buckets of feature strings (lower-case words, tags, dependency labels) and their weights.
# Label: the candidate is a strict match of a gold attribution the rules miss.
# {card}
# Rows: buckets, bias, threshold (and at the end the cascade's gate), then bucket<TAB>weight.
"""
BUCKETS = 1 << 18
Row = dict[str, Any]


def collect(path: Path) -> list[dict[str, Any]]:
    """Per article: its gold attributions and the unfiltered predictions, each with its features (None where
    the filter never sees it) and whether it is a strict match."""
    os.environ["CLAIMLEDGER_CONTENTS"] = "polnear"
    from claimledger.evaluation.predict import read_gold
    from claimledger.evaluation.score import _attr_score, names_same, overlap, pair_up, source_right
    from claimledger.gold import to_gold
    from claimledger.model import Article
    from claimledger.nlp import lexicon, records
    from claimledger.nlp.components import attributions, polnear_learned
    from claimledger.nlp.records import analyze_article

    lex = lexicon.load("en")
    lex.derived("polnear_filter.tsv", lambda _: None)  # unfiltered, and nothing proposed
    lex.derived("polnear_proposer.tsv", lambda _: None)
    seen: dict[tuple[int, tuple[int, int], tuple[int, int]], list[str]] = {}
    by_id: dict[str, list[str]] = {}
    cands: list[Row] = []
    original_kept, original_attribution = attributions.kept, records._attribution

    def record(found: list[Any], doc: Any, lex: Any) -> list[Any]:
        for f in found:
            seen[(id(doc), f.cue, f.content)] = polnear_learned.features(f, doc, found)
        return original_kept(found, doc, lex)

    def propose(doc: Any, sent: Any, lex: Any, found: list[Any]) -> list[Any]:
        for f, frame, arg in polnear_learned.candidates(doc, sent, found):
            feats = frame + arg
            cands.append({"source": doc[f.source[0]:f.source[1]].text if f.source else None,
                          "cue": doc[f.cue[0]:f.cue[1]].text, "content": doc[f.content[0]:f.content[1]].text,
                          "key": f"{id(doc)}:{f.cue[0]}", "features": feats})
        return []

    def attribution(article: Any, p: Any, lex: Any, nested: Any) -> Any:
        a = original_attribution(article, p, lex, nested)
        feats = seen.get((id(records.block_doc(p.cue_block or p.block)), p.found.cue, p.found.content))
        if feats is not None:
            by_id.setdefault(a.id, feats)
        return a

    attributions.kept, records._attribution = record, attribution  # type: ignore[assignment]
    attributions.proposed = propose  # type: ignore[assignment]
    out = []
    for d in read_gold(path):
        seen.clear()
        by_id.clear()
        cands.clear()
        analysis = analyze_article(Article(text=d["text"], lang="en", url=d.get("url"), title=d.get("title"),
                                           published=d.get("published")))
        rows = to_gold(analysis, doc_id=d["id"])["attributions"]
        for row, a in zip(rows, analysis.attributions, strict=True):
            row["features"] = by_id.get(a.id)
        pairs = [(g, p) for g, p in pair_up(d["attributions"], rows, _attr_score)
                 if source_right(g, p) and names_same(g.get("cue"), p.get("cue"))]
        strict, found = {id(p) for _, p in pairs}, {id(g) for g, _ in pairs}
        for row in rows:
            row["label"] = id(row) in strict
        missed = [g for g in d["attributions"] if id(g) not in found]
        for c in cands:  # a strict match of a gold attribution the rules miss
            c["label"] = any(overlap(g.get("content"), c["content"]) >= 0.5 and source_right(g, c)
                             and names_same(g.get("cue"), c["cue"]) for g in missed)
        out.append({"id": d["id"], "gold": d["attributions"], "pred": rows, "cands": list(cands)})
    return out


def hashed(feats: list[str], buckets: int | None = None) -> list[int]:
    n = buckets or BUCKETS
    return sorted({crc32(x.encode()) % n for x in feats})


def train(rows: list[tuple[list[int], bool]], l2: float, epochs: int = 150, min_count: int = 1,
          buckets: int | None = None) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch Adagrad: weights by bucket and a bias. A bucket that fewer than
    ``min_count`` of the rows have keeps no weight (a feature seen once or twice is mostly what overfits)."""
    n = buckets or BUCKETS
    idx = np.concatenate([np.asarray(r, dtype=np.int64) for r, _ in rows])
    lens = np.array([len(r) for r, _ in rows])
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    y = np.array([lab for _, lab in rows], dtype=np.float64)
    if min_count > 1:
        rare = np.bincount(idx, minlength=n) < min_count
        keep = ~rare[idx]
        idx = idx[keep]
        lens = np.add.reduceat(keep.astype(np.int64), starts)
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    empty = lens == 0  # a row left with no bucket sums nothing (reduceat would read the next row's value)
    w, b = np.zeros(n), 0.0
    gw2, gb2 = np.full(n, 1e-8), 1e-8
    for _ in range(epochs):
        z = np.where(empty, 0.0, np.add.reduceat(np.append(w[idx], 0.0), starts)) + b
        err = 1.0 / (1.0 + np.exp(-z)) - y
        g = np.bincount(idx, weights=np.repeat(err, lens), minlength=n) / len(rows) + l2 * w
        gb = err.mean()
        gw2 += g * g
        gb2 += gb * gb
        w -= 0.5 * g / np.sqrt(gw2)
        b -= 0.5 * gb / np.sqrt(gb2)
    return w, b


def prob(w: np.ndarray, b: float, feats: list[int]) -> float:
    return float(1.0 / (1.0 + np.exp(-(w[feats].sum() + b))))


Probs = list[list[float | None]]


def chosen(a: dict[str, Any], ps: list[float | None], cps: list[float] | None, t: float, t2: float) -> list[Row]:
    """An article's predictions as the models make them: the rules' ones the filter keeps at ``t``, and the
    proposer's best candidate per cue word at ``t2`` or over (``polnear_learned.proposed``)."""
    out = [r for r, p in zip(a["pred"], ps, strict=True) if p is None or p >= t]
    if cps is not None:
        taken: set[str] = set()
        for p, n in sorted(((p, n) for n, p in enumerate(cps)), key=lambda x: (-x[0], x[1])):
            c = a["cands"][n]
            if p >= t2 and c["key"] not in taken:
                taken.add(c["key"])
                out.append(c)
    return out


def rescore(arts: list[dict[str, Any]], probs: Probs, t: float, cprobs: list[list[float]] | None = None,
            t2: float = 1.0) -> dict[str, Any]:
    """Train's attribution scores with the predictions ``chosen`` keeps."""
    from claimledger.evaluation.score import score

    gold = {a["id"]: {"attributions": a["gold"]} for a in arts}
    pred = {a["id"]: {"attributions": chosen(a, ps, cprobs[i] if cprobs else None, t, t2)}
            for i, (a, ps) in enumerate(zip(arts, probs, strict=True))}
    return score(gold, pred)["attributions"]  # type: ignore[no-any-return]


def folds(items: list[list[dict[str, Any]]], l2: float, k: int, min_count: int = 1,
          buckets: int | None = None) -> Probs:
    """Each article's items scored by a model trained on the other folds (article i in fold i % k); an item
    with no features (the filter never sees it) has None. With ``k`` 1, every item is scored by a model
    trained on all of them: the in-sample figure."""
    hashes = [[hashed(r["features"], buckets) if r["features"] is not None else None for r in rows]
              for rows in items]
    probs: Probs = [[] for _ in items]
    for fold in range(k):
        train_rows = [(h, bool(r["label"])) for i, rows in enumerate(items) if k == 1 or i % k != fold
                      for h, r in zip(hashes[i], rows, strict=True) if h is not None]
        w, b = train(train_rows, l2, min_count=min_count, buckets=buckets)
        for i in range(fold, len(items), k):
            probs[i] = [prob(w, b, h) if h is not None else None for h in hashes[i]]
    return probs


def line(s: dict[str, Any]) -> str:
    return f"strict {s['strict']['f1']} content {s['match']['f1']} exact {s['exact_content']['f1']}"


Config = tuple[int, float, int]
"""Hash buckets, L2 weight, and the fewest rows a bucket must have to keep a weight (``train``'s min_count)."""


def config(text: str) -> Config:
    """``buckets:l2:min_count``, as the command line gives it."""
    nb, l2, mc = text.split(":")
    return (int(nb), float(l2), int(mc))


def named(c: Config) -> str:
    return f"{c[0]} buckets, l2 {c[1]:g}, min count {c[2]}"


def write(path: Path, header: str, card: str, items: list[dict[str, Any]], c: Config, t: float) -> None:
    """Train on every item and write the table: the weights of at least 0.02, rounded (the rest change
    a probability by little and would make the table several times larger)."""
    rows = [(hashed(r["features"], c[0]), bool(r["label"])) for r in items if r["features"] is not None]
    w, b = train(rows, c[1], min_count=c[2], buckets=c[0])
    kept = [(i, float(w[i])) for i in np.flatnonzero(np.abs(w) >= 0.02)]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header.format(card=f"{len(rows)} examples; {card}"))
        fh.write(f"buckets\t{c[0]}\nbias\t{b:.4f}\nthreshold\t{t:.3f}\n")
        for i, x in kept:
            fh.write(f"{i}\t{x:.4f}\n")
    print(card, f"{len(kept)} weights -> {path}")


def both(s: dict[str, Any]) -> float:
    """What the choices maximise: strict plus content F1 (the filter alone trades content away)."""
    return float(s["strict"]["f1"] + s["match"]["f1"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--cache", type=Path, help="a JSON file of the collected predictions: read if there, else written")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--filter", type=config, nargs="+", default=[config("16384:0.001:3")],
                    help="the filter's configurations to choose among, each buckets:l2:min_count")
    ap.add_argument("--proposer", type=config, nargs="+", default=[config("65536:0.0001:3")],
                    help="the proposer's configurations to choose among, each buckets:l2:min_count")
    lang = Path(__file__).resolve().parents[1] / "src" / "claimledger" / "lang" / "en"
    ap.add_argument("--out", type=Path, default=lang)
    a = ap.parse_args()
    if a.cache is not None and a.cache.is_file():
        arts = json.loads(a.cache.read_text(encoding="utf-8"))
    else:
        arts = collect(a.train)
        if a.cache is not None:
            a.cache.write_text(json.dumps(arts), encoding="utf-8")
    none: Probs = [[None] * len(x["pred"]) for x in arts]
    base = rescore(arts, none, 0.0)
    print("rules alone:", line(base))
    best: tuple[float, Config, float, Probs] = (both(base), a.filter[0], 1.0, none)
    for c in a.filter:
        probs = folds([x["pred"] for x in arts], c[1], a.folds, c[2], c[0])
        for t in np.arange(0.05, 0.45, 0.05):
            s = rescore(arts, probs, float(t))
            print(f"filter {named(c)} t {t:.2f}:", line(s))
            if both(s) > best[0]:
                best = (both(s), c, float(t), probs)
    _, fc, t, probs = best
    best2: tuple[float, Config, float, Any] = (-1.0, a.proposer[0], 1.0, None)
    for c in a.proposer:
        cprobs: list[list[float]] = folds([x["cands"] for x in arts], c[1], a.folds, c[2], c[0])  # type: ignore[assignment]
        for t2 in np.arange(0.3, 0.55, 0.05):
            s = rescore(arts, probs, t, cprobs, float(t2))
            print(f"proposer {named(c)} t {t2:.2f}:", line(s))
            if both(s) > best2[0]:
                best2 = (both(s), c, float(t2), cprobs)
    _, pc, t2, cprobs = best2
    joint = (-1.0, t, t2)
    for t1 in np.arange(0.0, 0.35, 0.05):  # both thresholds again, together
        for t2b in np.arange(0.3, 0.55, 0.05):
            s = rescore(arts, probs, float(t1), cprobs, float(t2b))
            print(f"joint t {t1:.2f} / {t2b:.2f}:", line(s))
            if both(s) > joint[0]:
                joint = (both(s), float(t1), float(t2b))
    _, t, t2 = joint
    filtered, held = rescore(arts, probs, t), rescore(arts, probs, t, cprobs, t2)
    inside = rescore(arts, folds([x["pred"] for x in arts], fc[1], 1, fc[2], fc[0]), t,
                     folds([x["cands"] for x in arts], pc[1], 1, pc[2], pc[0]), t2)  # type: ignore[arg-type]
    folded = f"{a.folds} folds of train by article (both thresholds together, for strict + content F1)"
    both_card = f"Both models on train: held-out {line(held)}; in-sample {line(inside)}."
    write(a.out / "polnear_filter.tsv", HEADER, f"{named(fc)}, threshold {t:.2f} chosen on {folded}: held-out "
          f"{line(base)} -> {line(filtered)} (rules alone -> filtered). {both_card}",
          [r for x in arts for r in x["pred"]], fc, t)
    write(a.out / "polnear_proposer.tsv", PROPOSER, f"{named(pc)}, threshold {t2:.2f} chosen on {folded}: held-out "
          f"{line(filtered)} -> {line(held)} (filtered -> with proposals). {both_card}",
          [r for x in arts for r in x["cands"]], pc, t2)
    gate(a.out / "polnear_proposer.tsv", [r for x in arts for r in x["cands"]])


def gate(path: Path, cands: list[Row], margin: float = 0.25) -> None:
    """Append the proposer's cascade gate: ``margin`` under the lowest logit that a proposed candidate's word
    gives by its own features (those before ``arg=``), so no train proposal is lost by it."""
    w: dict[int, float] = {}
    head: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            k, v = line.split("\t")
            (w.__setitem__(int(k), float(v)) if k.isdigit() else head.__setitem__(k, float(v)))

    def logit(feats: list[str]) -> float:
        return head["bias"] + sum(w.get(crc32(x.encode()) % int(head["buckets"]), 0.0) for x in feats)

    lowest = min(logit(c["features"][: next(i for i, x in enumerate(c["features"]) if x.startswith("arg="))])
                 for c in cands if 1.0 / (1.0 + np.exp(-logit(c["features"]))) >= head["threshold"])
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"gate\t{lowest - margin:.4f}\n")
    print(f"gate {lowest - margin:.4f} -> {path}")


if __name__ == "__main__":
    main()
