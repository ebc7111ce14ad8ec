"""``claimledger diff OLD NEW``: what a re-run changed between two ledgers of the same articles.

A thin shell over ``store.diff.diff_ledgers``: a summary table of counts and a table of a
few examples per change for people, the whole result as JSON for tools (``--json``). Every
title and claim word came from an article, so each passes ``render.safe`` (terminal) or
``emit_json`` (JSON) on its way out. See docs/diff.md for the before/after recipes.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from claimledger.cli.render import Col, emit_json, fitted, number, out, safe

SECTIONS = (
    ("articles", "articles", ("only_old", "only_new")),
    ("claims", "claims", ("added", "removed", "relabelled")),
    ("quantities", "figures", ("added", "removed", "changed")),
    ("facts", "facts", ("merged", "split", "added", "removed")),
    ("copies", "copies", ("added", "removed")),
)
"""(result key, what a person calls it, change kinds in the order shown)."""
KIND_WORDS = {"only_old": "only in OLD", "only_new": "only in NEW"}


def _quoted(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return number(value)
    return f'"{value}"' if isinstance(value, str) else str(value)


def _side(label: str, side: dict[str, Any]) -> Text:
    """``OLD path: N articles; analysed by v1 (n), linked by v2 (m)``."""
    parts: list[str | Text] = [(label + " "), safe(side["ledger"]), f": {side['articles']} articles"]
    for stage, versions in side["pipelines"].items():
        shown = ", ".join(f"{v} ({n})" for v, n in versions.items()) or "nothing"
        parts += [f"; {'analysed' if stage == 'analysis' else 'linked'} by ", safe(shown)]
    return Text.assemble(*parts)


def _summary(result: dict[str, Any]) -> Table:
    t = Table(title="what changed from OLD to NEW")
    t.add_column("records")
    t.add_column("change")
    t.add_column("count", justify="right")
    arts = result["articles"]
    t.add_row("articles", "shared", str(arts["shared"]))
    t.add_row("", "with changed records", str(arts["changed"]))
    for key, name, kinds in SECTIONS:
        for i, kind in enumerate(kinds):
            first = name if i == 0 and key != "articles" else ""
            t.add_row(first, KIND_WORDS.get(kind, kind), str(result[key][kind]["count"]))
    return t


def _record_words(e: dict[str, Any]) -> Text:
    """A claim as source, cue and content; a figure as its words and what it counts."""
    if "cue" in e:
        words = " ".join(w for w in (e.get("source"), e["cue"], e["content"]) if w)
    else:
        words = e["text"] + (f" ({e['counted']})" if e.get("counted") else "")
    text = Text.assemble(safe(words))
    for name, (before, after) in e.get("changes", {}).items():
        text.append_text(Text.assemble("\n", (f"{name}: ", "bold"), safe(_quoted(before)), " -> ",
                                       safe(_quoted(after))))
    return text


def _fact_words(e: dict[str, Any]) -> Text:
    text = Text.assemble(safe(e["label"]))
    for word, key in (("from", "from"), ("into", "into")):
        for other in e.get(key, ()):
            text.append_text(Text.assemble("\n", (f"{word} ", "dim"), safe(other["label"])))
    return text


def _examples(result: dict[str, Any]) -> Table | None:
    t, cols = fitted([Col("change", 11, grow=0), Col("article", 14, keep=1), Col("what", 24, grow=2)],
                     title="examples")
    rows = 0
    for key, name, kinds in SECTIONS:
        for kind in kinds:
            for e in result[key][kind]["examples"]:
                if key == "facts":
                    cells = {"article": Text(""), "what": _fact_words(e)}
                elif key == "copies":
                    cells = {"article": safe(e["title"] or e["article_id"][:12]),
                             "what": Text.assemble("copy of ", safe(e["original_title"] or e["original_id"][:12]),
                                                   " (", safe(e["method"]), ")")}
                elif key == "articles":
                    cells = {"article": safe(e["title"] or e["article_id"][:12]), "what": Text("")}
                else:
                    cells = {"article": safe(e["title"] or e["article_id"][:12]), "what": _record_words(e)}
                cells["change"] = Text(f"{name}\n{KIND_WORDS.get(kind, kind)}")
                t.add_row(*(cells[c.name] for c in cols))
                rows += 1
    return t if rows else None


def diff(
    old: Annotated[str, typer.Argument(help="The ledger before: a SQLite path or an SQLAlchemy URL.")],
    new: Annotated[str, typer.Argument(help="The ledger after: a SQLite path or an SQLAlchemy URL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole result as one JSON object.")] = False,
    examples: Annotated[int, typer.Option("--examples", "-e", min=0, help="Examples shown per kind of change.")] = 3,
) -> None:
    """Compare two ledgers of the same articles: claims, figures, facts and copies a re-run changed."""
    from claimledger.store.diff import diff_ledgers, unchanged

    result = diff_ledgers(old, new, examples=examples)
    if as_json:
        emit_json(result)
        return
    out.print(_side("OLD", result["old"]), soft_wrap=True)
    out.print(_side("NEW", result["new"]), soft_wrap=True)
    if unchanged(result):
        out.print("no change: the same articles, claims, figures, facts and copies")
        return
    out.print(_summary(result))
    table = _examples(result)
    if table is not None:
        out.print(table)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
