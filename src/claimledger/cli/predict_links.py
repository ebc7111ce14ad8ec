"""``claimledger predict-links ARTICLES.jsonl -o LINKS.jsonl``: LINKS.md cluster predictions."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.render import note, safe
from claimledger.errors import InputError
from claimledger.outfile import output_text


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
    with output_text(output) as fh:
        n = write_jsonl(records, fh)
    if output != "-":
        note(f"wrote {n} story prediction(s) to ", safe(output))


def register(app: typer.Typer) -> None:
    app.command("predict-links")(predict_links)
