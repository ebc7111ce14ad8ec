"""``claimledger eval GOLD.jsonl [PRED.jsonl]``: FORMAT.md's scores, the same figures as shared/eval/score.py."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from claimledger.cli.render import out
from claimledger.errors import InputError


def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold articles (FORMAT.md).")],
    predicted: Annotated[str | None, typer.Argument(help="Predictions; predicted now when left out.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    by_lang: Annotated[bool, typer.Option("--by-lang", help="Also score each language alone.")] = False,
) -> None:
    """Score predictions against gold annotations."""
    from claimledger.evaluation.predict import predict_docs, read_gold
    from claimledger.evaluation.score import by_language, load_jsonl, report, score

    try:
        gold_docs = load_jsonl(gold)
        preds = load_jsonl(predicted) if predicted else {p["id"]: p for p in predict_docs(read_gold(gold))}
    except (OSError, ValueError) as e:
        raise InputError(predicted or gold, "bad-json", str(e)) from None
    results = by_language(gold_docs, preds) if by_lang else {"all": score(gold_docs, preds)}
    if as_json:
        out.print_json(json.dumps(results))
        return
    for name, res in results.items():
        for line in report(name, res):
            out.print(line, markup=False)
    s = results["all"]
    out.print(f"headline: attribution strict F1 {s['attributions']['strict']['f1']:.3f}, "
              f"quantity strict F1 {s['quantities']['strict']['f1']:.3f}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
