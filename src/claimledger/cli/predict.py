"""``claimledger predict GOLD.jsonl -o PRED.jsonl``: FORMAT.md predictions, no ledger touched."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.render import note, safe
from claimledger.errors import InputError
from claimledger.outfile import output_text


def predict(
    gold: Annotated[str, typer.Argument(help="Articles in FORMAT.md shape (id, lang, text).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write predictions; '-' for stdout.")] = "-",
) -> None:
    """Predict attributions and quantities for annotated articles (their annotations are ignored)."""
    from claimledger.evaluation.predict import predict_docs, read_gold, write_jsonl

    try:
        docs = read_gold(gold)
    except (OSError, ValueError) as e:
        raise InputError(gold, "bad-json", str(e).removeprefix(f"{gold}:").strip()) from None
    with output_text(output) as fh:
        n = write_jsonl(predict_docs(docs), fh)
    if output != "-":
        note(f"wrote {n} prediction(s) to ", safe(output))


def register(app: typer.Typer) -> None:
    app.command("predict")(predict)
