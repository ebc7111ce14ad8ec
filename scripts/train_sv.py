#!/usr/bin/env python
"""Train claimledger's Swedish spaCy pipeline from open data and ship it inside the package.

    .venv/bin/python scripts/train_sv.py [--out src/claimledger/models/sv] [--quick]

Steps: convert UD Swedish-Talbanken (dev+test), UD Swedish-PUD and the klintan Swedish NER corpus
into spaCy DocBins (multi-sentence documents; a fixed 10 % of the UD documents and the NER test
file are held out and never trained on), train tok2vec + morphologizer + trainable_lemmatizer +
parser + ner + senter on one CPU core, add the abbreviation sentence-start rules, evaluate on
the held-out data, measure speed, and write the pipeline plus MODEL_CARD.md to --out.

Helpers and the training config live in scripts/train_sv/.
"""

from __future__ import annotations

import os

# One core only: other work runs on this machine. Must be set before numpy/thinc are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from string import Template  # noqa: E402
from typing import Any  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE / "train_sv"))

import spacy  # noqa: E402
import sv_data  # noqa: E402
import sv_tokenizer  # noqa: E402
import sv_verbs  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402
from thinc.api import Config  # noqa: E402

CONFIG_TEMPLATE = HERE / "train_sv" / "config.cfg"
CARD_TEMPLATE = HERE / "train_sv" / "MODEL_CARD.template.md"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "sv"
DEFAULT_OUT = REPO / "src" / "claimledger" / "models" / "sv"
DEFAULT_WORK = REPO / "build" / "train_sv"
RULER_NAME = "attribute_ruler"
# attribute_ruler writes values as uint64; 2**64 - 1 lands in TokenC.sent_start (a C int) as -1,
# i.e. "this token does not start a sentence", which the parser and the senter respect.
NOT_SENT_START = 2**64 - 1
PIPELINE_NAME = "claimledger_sv"
PIPELINE_VERSION = "0.1.0"


def pin_to_one_core(core: int) -> str:
    try:
        available = os.sched_getaffinity(0)
    except AttributeError:  # not Linux
        return "not pinned (no sched_setaffinity)"
    target = core if core in available else min(available)
    os.sched_setaffinity(0, {target})
    return f"pinned to CPU {target}"


def register_tokenizer_callback() -> None:
    @spacy.registry.callbacks("claimledger.sv_tokenizer.v1")
    def make_customizer(sparv_path: str):  # type: ignore[no-untyped-def]
        def customize(nlp: Language) -> Language:
            sv_tokenizer.customize_tokenizer(nlp, Path(sparv_path))
            return nlp

        return customize


# --- evaluation --------------------------------------------------------------------------------


def examples_for(nlp: Language, refs: list[Doc]) -> list[Example]:
    return [Example(nlp.make_doc(ref.text), ref) for ref in refs]


def ud_attachment_incl_punct(examples: list[Example]) -> tuple[float, float]:
    """UAS/LAS over all gold tokens including punctuation (CoNLL 2018 style); a gold token that
    is not aligned one-to-one with a predicted token counts as wrong."""
    total = uas = las = 0
    for eg in examples:
        y2x = eg.alignment.y2x
        x2y = eg.alignment.x2y
        for gold in eg.reference:
            total += 1
            xs = [int(v) for v in y2x[gold.i]]
            if len(xs) != 1 or len(list(x2y[xs[0]])) != 1:
                continue
            pred = eg.predicted[xs[0]]
            head_y = [int(v) for v in x2y[pred.head.i]]
            if len(head_y) == 1 and head_y[0] == gold.head.i:
                uas += 1
                if pred.dep_.lower() == gold.dep_.lower():
                    las += 1
    return uas / max(total, 1), las / max(total, 1)


def sentence_scores(nlp: Language, refs: list[Doc], pipes: list[str]) -> dict[str, float]:
    examples = examples_for(nlp, refs)
    was_disabled = [p for p in pipes if p in nlp.disabled]
    for p in was_disabled:
        nlp.enable_pipe(p)
    try:
        with nlp.select_pipes(enable=pipes):
            for eg in examples:
                eg.predicted = nlp(eg.predicted)
    finally:
        for p in was_disabled:
            nlp.disable_pipe(p)
    scores = Scorer.score_spans(examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START"))
    return {k: float(v) for k, v in scores.items() if isinstance(v, (int, float))}


def evaluate(nlp: Language, ud_test: list[Doc], ner_test: list[Doc]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    ud_examples = examples_for(nlp, ud_test)
    ud = nlp.evaluate(ud_examples)
    res["upos_acc"] = ud["pos_acc"]
    res["morph_acc"] = ud["morph_acc"]
    res["lemma_acc"] = ud["lemma_acc"]
    res["dep_uas"] = ud["dep_uas"]
    res["dep_las"] = ud["dep_las"]
    # Sentences of the full pipeline: the senter splits, the parser respects its boundaries.
    res["sents_p"], res["sents_r"], res["sents_f"] = ud["sents_p"], ud["sents_r"], ud["sents_f"]
    # nlp.evaluate annotated copies of the predicted docs; score the punctuation-inclusive
    # attachment scores on a fresh run.
    examples = examples_for(nlp, ud_test)
    for eg in examples:
        eg.predicted = nlp(eg.predicted)
    res["dep_uas_incl_punct"], res["dep_las_incl_punct"] = ud_attachment_incl_punct(examples)
    ner = nlp.evaluate(examples_for(nlp, ner_test))
    res["ents_p"], res["ents_r"], res["ents_f"] = ner["ents_p"], ner["ents_r"], ner["ents_f"]
    res["ents_per_type"] = ner["ents_per_type"]
    res["news_sents_f"] = ner["sents_f"]
    # For comparison: sentence boundaries from the parser alone (senter switched off).
    parser_pipes = [p for p in nlp.pipe_names if p != "senter"]
    res["sents_f_parser_only"] = sentence_scores(nlp, ud_test, parser_pipes)["sents_f"]
    res["news_sents_f_parser_only"] = sentence_scores(nlp, ner_test, parser_pipes)["sents_f"]
    return res


def speed(nlp: Language, texts: list[str], pipes: list[str] | None, repeat: int = 2) -> dict[str, float]:
    words = sum(len(t.split()) for t in texts)
    ctx = nlp.select_pipes(enable=pipes) if pipes is not None else None
    try:
        list(nlp.pipe(texts[:5]))  # warm-up
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
            best = min(best, time.perf_counter() - t0)
    finally:
        if ctx is not None:
            ctx.restore()
    wps = words / best
    return {"words": words, "seconds": best, "words_per_s": wps, "articles_per_s": wps / 500}


def articles_from(docs: list[Doc], words_per_article: int = 500) -> list[str]:
    """Concatenate held-out NER test documents (2012 web news) into ~500-word 'articles'."""
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for doc in docs:
        cur.append(doc.text)
        n += len(doc.text.split())
        if n >= words_per_article:
            out.append(" ".join(cur))
            cur, n = [], 0
    if cur:
        out.append(" ".join(cur))
    return out


# --- packaging ---------------------------------------------------------------------------------


def finalize(best: Path, out: Path, sparv_path: Path) -> Language:
    nlp = spacy.load(best)
    forms = sv_tokenizer.abbreviation_forms(sv_tokenizer.read_sparv_abbreviations(sparv_path))
    ruler = nlp.add_pipe("attribute_ruler", name=RULER_NAME, first=True)
    ruler.add(sv_tokenizer.no_sentence_start_patterns(forms), {"SENT_START": NOT_SENT_START}, index=1)
    # Lemmas of irregular reporting verbs; the lemmatizer keeps lemmas that are already set.
    by_lemma: dict[str, list[str]] = {}
    for form, lemma in sv_verbs.LEMMA_EXCEPTIONS.items():
        by_lemma.setdefault(lemma, []).append(form)
    for lemma, forms_ in sorted(by_lemma.items()):
        ruler.add([[{"LOWER": {"IN": sorted(forms_)}}]], {"LEMMA": lemma})
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "description": (
                "claimledger's small Swedish CPU pipeline: tokenizer with Swedish abbreviations, "
                "senter, morphologizer (UPOS+FEATS), edit-tree lemmatizer, dependency parser, NER "
                "(PER/ORG/LOC/MISC)."
            ),
            "license": "CC BY-SA 4.0",
            "author": "claimledger",
            "spacy_version": ">=3.8.0,<3.9.0",
            "sources": [
                {
                    "name": "UD Swedish-Talbanken (dev+test)",
                    "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "UD Swedish-PUD",
                    "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "Swedish NER corpus (Andreas Klintberg)",
                    "url": "https://github.com/klintan/swedish-ner-corpus",
                    "license": "CC BY 4.0",
                },
                {
                    "name": "Sparv tokenizer abbreviations (Språkbanken)",
                    "url": "https://github.com/spraakbanken/sparv-models",
                    "license": "MIT",
                },
            ],
        }
    )
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    # The saved config must not depend on this script: drop training-only paths and callbacks.
    cfg = Config().from_disk(out / "config.cfg", interpolate=False)
    for key in ("train", "dev", "sparv"):
        cfg["paths"][key] = None
    cfg["initialize"]["before_init"] = None
    cfg.to_disk(out / "config.cfg")
    return nlp


def fmt(x: float) -> str:
    return f"{100 * x:.2f}"


def write_model_card(out: Path, scores: dict[str, Any], stats: dict[str, int], info: dict[str, Any]) -> None:
    ner_rows = "\n".join(
        f"| {lab} | {fmt(v['p'])} | {fmt(v['r'])} | {fmt(v['f'])} |"
        for lab, v in sorted(scores["ents_per_type"].items())
    )
    size_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    values: dict[str, Any] = {
        k: fmt(v) for k, v in scores.items() if isinstance(v, float)
    }
    values.update(
        name=PIPELINE_NAME,
        version=PIPELINE_VERSION,
        spacy_version=spacy.__version__,
        date=info["date"],
        quick_note=" (QUICK smoke-test run: the scores mean nothing)" if info["quick"] else "",
        components=", ".join(info["components"]),
        ruler=RULER_NAME,
        ner_rows=ner_rows,
        cpu=info["cpu"],
        wps_full=f"{info['speed_full']['words_per_s']:.0f}",
        aps_full=f"{info['speed_full']['articles_per_s']:.1f}",
        wps_senter=f"{info['speed_senter']['words_per_s']:.0f}",
        aps_senter=f"{info['speed_senter']['articles_per_s']:.1f}",
        train_min=f"{info['train_seconds'] / 60:.1f}",
        size_mb=f"{size_mb:.1f}",
        ud_abbr=stats.get("ud_train_abbr_sents", 0),
        ner_abbr=stats.get("ner_train_abbr_sents", 0),
        ud_verb=stats.get("ud_train_verb_sents", 0),
        stats=json.dumps(stats, sort_keys=True),
        **{k: stats.get(k, 0) for k in ("ud_test_sents", "ud_test_tokens", "ner_test_sents",
                                         "ner_test_tokens", "ud_train_tokens")},
    )
    card = Template(CARD_TEMPLATE.read_text(encoding="utf-8")).substitute(values)
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the pipeline")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ud-talbanken/, ud-pud/, ...")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch folder (DocBins, checkpoints)")
    ap.add_argument("--config", type=Path, default=CONFIG_TEMPLATE, help="training config")
    ap.add_argument("--quick", action="store_true", help="train a few steps only (smoke test)")
    ap.add_argument("--cpu", type=int, default=1, help="CPU core to pin to (default 1)")
    ap.add_argument("--max-epochs", type=int, default=None, help="override training.max_epochs")
    ap.add_argument(
        "--no-train", action="store_true", help="reuse the checkpoint in --work; only package and evaluate"
    )
    args = ap.parse_args(argv)

    cpu_info = pin_to_one_core(args.cpu)
    print(f"[train_sv] {cpu_info}; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}", flush=True)
    spacy.require_cpu()
    register_tokenizer_callback()
    sparv = args.data / "abbreviations-sparv" / "bettertokenizer.sv"
    work = args.work
    work.mkdir(parents=True, exist_ok=True)

    # 1. data
    t0 = time.perf_counter()
    vocab_nlp = spacy.blank("sv")
    corpora = sv_data.build_corpora(args.data, vocab_nlp.vocab)
    sv_data.write_docbin(corpora.train, work / "train.spacy")
    sv_data.write_docbin(corpora.dev, work / "dev.spacy")
    sv_data.write_docbin(corpora.ud_test, work / "ud_test.spacy")
    sv_data.write_docbin(corpora.ner_test, work / "ner_test.spacy")
    print(f"[train_sv] data converted in {time.perf_counter() - t0:.1f}s: {corpora.stats}", flush=True)

    # 2. train
    model_dir = work / "model"
    overrides: dict[str, Any] = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "paths.sparv": str(sparv),
    }
    if args.quick:
        overrides.update({"training.max_steps": 40, "training.eval_frequency": 20, "training.max_epochs": 1})
    elif args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    shutil.copy(args.config, work / "config.cfg")
    train_seconds = 0.0
    if not args.no_train:
        from spacy.cli.train import train as spacy_train

        if model_dir.exists():
            shutil.rmtree(model_dir)
        t0 = time.perf_counter()
        spacy_train(work / "config.cfg", model_dir, use_gpu=-1, overrides=overrides)
        train_seconds = time.perf_counter() - t0
        (work / "train_seconds.txt").write_text(f"{train_seconds:.1f}\n")
        print(f"[train_sv] training took {train_seconds / 60:.1f} min", flush=True)
    elif (work / "train_seconds.txt").exists():
        train_seconds = float((work / "train_seconds.txt").read_text())

    # 3. package (model-best only) and reload from disk, exactly as users will
    finalize(model_dir / "model-best", args.out, sparv)
    nlp = spacy.load(args.out)

    # 4. held-out evaluation
    ud_test = list(sv_data.iter_docbin(work / "ud_test.spacy", nlp.vocab))
    ner_test = list(sv_data.iter_docbin(work / "ner_test.spacy", nlp.vocab))
    scores = evaluate(nlp, ud_test, ner_test)

    # 5. speed (one core): full pipeline and tokenizer + sentence split only
    texts = articles_from(ner_test)
    speed_full = speed(nlp, texts, None)
    speed_senter = speed(nlp, texts, [RULER_NAME, "senter"])

    info = {
        "date": date.today().isoformat(),
        "quick": args.quick,
        "components": nlp.component_names,
        "cpu": cpu_info,
        "train_seconds": train_seconds,
        "speed_full": speed_full,
        "speed_senter": speed_senter,
    }
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["performance"] = {k: v for k, v in scores.items()}
    meta["speed_words_per_s_one_core"] = {
        "full": round(speed_full["words_per_s"]), "tokenizer_senter": round(speed_senter["words_per_s"])
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    write_model_card(args.out, scores, corpora.stats, info)

    # 6. report
    size_mb = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file()) / 1e6
    sc = {k: fmt(v) for k, v in scores.items() if isinstance(v, float)}
    lines = [
        "==== held-out scores ====",
        f"UPOS accuracy            {sc['upos_acc']}",
        f"FEATS accuracy           {sc['morph_acc']}",
        f"Lemma accuracy           {sc['lemma_acc']}",
        f"UAS / LAS (no punct)     {sc['dep_uas']} / {sc['dep_las']}",
        f"UAS / LAS (all tokens)   {sc['dep_uas_incl_punct']} / {sc['dep_las_incl_punct']}",
        f"Sentence F1 (senter)     {sc['sents_f']}  (P {sc['sents_p']}, R {sc['sents_r']})",
        f"  news text (NER test)   {sc['news_sents_f']}",
        f"  parser alone, UD/news  {sc['sents_f_parser_only']} / {sc['news_sents_f_parser_only']}",
        f"NER P / R / F1           {sc['ents_p']} / {sc['ents_r']} / {sc['ents_f']}",
    ]
    for lab, v in sorted(scores["ents_per_type"].items()):
        lines.append(f"  {lab:<5} P {fmt(v['p'])}  R {fmt(v['r'])}  F {fmt(v['f'])}")
    for label, sp in (("full pipeline", speed_full), ("tokenizer+senter", speed_senter)):
        wps, aps = sp["words_per_s"], sp["articles_per_s"]
        lines.append(f"Speed {label:<18} {wps:.0f} words/s ({aps:.1f} articles/s)")
    lines.append(f"Training time            {train_seconds / 60:.1f} min")
    lines.append(f"Model size               {size_mb:.1f} MB at {args.out}")
    print("\n" + "\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
