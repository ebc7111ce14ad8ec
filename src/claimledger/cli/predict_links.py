"""``claimledger predict-links ARTICLES.jsonl -o LINKS.jsonl``: LINKS.md cluster predictions."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimledger.cli.render import err
from claimledger.errors import InputError


def predict_links(
    articles: Annotated[str, typer.Argument(help="Articles in the LINKS.md shape (id, lang, text, published, story).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write predictions; '-' for stdout.")] = "-",
) -> None:
    """Analyse and link articles as one ledger would; write one prediction per story (LINKS.md)."""
    from claimledger.evaluation.links import predict_links as run
    from claimledger.evaluation.predict import read_gold, write_jsonl

    try:
        docs = read_gold(articles)
    except (OSError, ValueError) as e:
        raise InputError(articles, "bad-json", str(e).removeprefix(f"{articles}:").strip()) from None
    records = run(docs)
    if output == "-":
        write_jsonl(records, sys.stdout)
        return
    with open(output, "w", encoding="utf-8") as fh:
        n = write_jsonl(records, fh)
    err.print(f"wrote {n} story prediction(s) to {output}")


def register(app: typer.Typer) -> None:
    app.command("predict-links")(predict_links)
