"""Our implementation of the scoring that ``shared/eval/FORMAT.md`` defines.

Two attributions match when their contents' words overlap with F1 >= 0.5 (one to one,
best pair first); among matches, source and cue are right when their words overlap with
F1 >= 0.5 or one's words all stand in the other; strict counts a match only when source
and cue are right too. Quantities match on the same value and overlapping words; strict
needs the approximation and the counted noun right. A test checks that these figures equal
the shared scorer's on every dev set.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def overlap(a: str | None, b: str | None) -> float:
    """Word-bag F1 between two strings."""
    ca, cb = Counter(words(a)), Counter(words(b))
    common = sum((ca & cb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def names_same(a: str | None, b: str | None) -> bool:
    """Same words enough (F1 >= 0.5), or one's words all within the other's (*Yonhap* names the agency)."""
    sa, sb = set(words(a)), set(words(b))
    if not sa or not sb:
        return False
    return sa <= sb or sb <= sa or overlap(a, b) >= 0.5


def source_right(gold: Doc, pred: Doc) -> bool:
    if not gold.get("source"):
        return not pred.get("source") or bool(pred.get("anonymous"))
    return names_same(gold.get("source"), pred.get("source"))


def counted_same(g: str | None, p: str | None) -> bool:
    """Same counted thing: one's words within the other's, or the same first five letters."""
    if not g or not p:
        return not g and not p
    sg, sp = set(words(g)), set(words(p))
    if sg and sp and (sg <= sp or sp <= sg):
        return True
    g, p = g.lower().strip(), p.lower().strip()
    shared = 0
    for x, y in zip(g, p, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= min(5, len(g), len(p))


def pair_up(golds: list[Doc], preds: list[Doc], score: Callable[[Doc, Doc], float]) -> list[tuple[Doc, Doc]]:
    """One-to-one greedy matching, best score first, ties by position; zero never matches."""
    ranked = sorted(
        ((score(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)), reverse=True
    )
    gu: set[int] = set()
    pu: set[int] = set()
    out = []
    for s, gi, pi in ranked:
        if s > 0 and gi not in gu and pi not in pu:
            gu.add(gi)
            pu.add(pi)
            out.append((golds[gi], preds[pi]))
    return out


def _attr_score(g: Doc, p: Doc) -> float:
    f = overlap(g.get("content"), p.get("content"))
    return f if f >= 0.5 else 0.0


def _quantity_score(g: Doc, p: Doc) -> float:
    try:
        gv, pv = float(g["value"]), float(p["value"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    if abs(gv - pv) > 1e-6 * max(1.0, abs(gv)):
        return 0.0
    if not set(words(g.get("text"))) & set(words(p.get("text"))):
        return 0.0
    return 1.0 + (g.get("approx") == p.get("approx")) + counted_same(g.get("counted"), p.get("counted"))


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(gold: dict[str, Doc], pred: dict[str, Doc]) -> dict[str, Any]:
    """The figures of FORMAT.md's Scoring section for one gold set."""
    n: Counter[str] = Counter()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        ga, pa = g.get("attributions") or [], p.get("attributions") or []
        n["a_gold"] += len(ga)
        n["a_pred"] += len(pa)
        for gi, pi in pair_up(ga, pa, _attr_score):
            n["a_match"] += 1
            n["a_exact"] += " ".join(words(gi.get("content"))) == " ".join(words(pi.get("content")))
            s_ok = source_right(gi, pi)
            c_ok = names_same(gi.get("cue"), pi.get("cue"))
            n["a_source"] += s_ok
            n["a_cue"] += c_ok
            n["a_certainty"] += gi.get("certainty") == pi.get("certainty")
            n["a_strict"] += s_ok and c_ok
        gq, pq = g.get("quantities") or [], p.get("quantities") or []
        n["q_gold"] += len(gq)
        n["q_pred"] += len(pq)
        for gi, pi in pair_up(gq, pq, _quantity_score):
            a_ok = gi.get("approx") == pi.get("approx")
            c_ok = counted_same(gi.get("counted"), pi.get("counted"))
            n["q_match"] += 1
            n["q_approx"] += a_ok
            n["q_counted"] += c_ok
            n["q_strict"] += a_ok and c_ok
    am, qm = n["a_match"] or 1, n["q_match"] or 1
    return {
        "documents": len(gold),
        "attributions": {
            "gold": n["a_gold"],
            "predicted": n["a_pred"],
            "match": _prf(n["a_match"], n["a_pred"], n["a_gold"]),
            "exact_content": _prf(n["a_exact"], n["a_pred"], n["a_gold"]),
            "strict": _prf(n["a_strict"], n["a_pred"], n["a_gold"]),
            "source_acc": round(n["a_source"] / am, 4),
            "cue_acc": round(n["a_cue"] / am, 4),
            "certainty_acc": round(n["a_certainty"] / am, 4),
        },
        "quantities": {
            "gold": n["q_gold"],
            "predicted": n["q_pred"],
            "match": _prf(n["q_match"], n["q_pred"], n["q_gold"]),
            "strict": _prf(n["q_strict"], n["q_pred"], n["q_gold"]),
            "approx_acc": round(n["q_approx"] / qm, 4),
            "counted_acc": round(n["q_counted"] / qm, 4),
        },
    }


def load_jsonl(path: str | Path) -> dict[str, Doc]:
    """Documents by id; a line that is not JSON raises ValueError naming ``path:line``."""
    docs: dict[str, Doc] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not JSON: {e.msg}") from None
                docs[str(d["id"])] = d
    return docs


def by_language(gold: dict[str, Doc], pred: dict[str, Doc]) -> dict[str, dict[str, Any]]:
    """The overall figures, then each language's alone."""
    out = {"all": score(gold, pred)}
    for lang in sorted({str(d.get("lang", "?")) for d in gold.values()}):
        out[lang] = score({k: v for k, v in gold.items() if str(v.get("lang", "?")) == lang}, pred)
    return out


def report(name: str, s: dict[str, Any]) -> Iterable[str]:
    """The same text lines the shared scorer prints."""
    a, q = s["attributions"], s["quantities"]

    def f(d: dict[str, float]) -> str:
        return f"P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}"

    yield f"== {name}: {s['documents']} documents"
    yield f"attributions  gold {a['gold']}  predicted {a['predicted']}"
    yield f"  content match   {f(a['match'])}"
    yield f"  exact content   {f(a['exact_content'])}"
    yield f"  strict          {f(a['strict'])}"
    yield (f"  among matched: source {a['source_acc']:.3f}  cue {a['cue_acc']:.3f}  "
           f"certainty {a['certainty_acc']:.3f}")
    yield f"quantities    gold {q['gold']}  predicted {q['predicted']}"
    yield f"  value match     {f(q['match'])}"
    yield f"  strict          {f(q['strict'])}"
    yield f"  among matched: approx {q['approx_acc']:.3f}  counted {q['counted_acc']:.3f}"
