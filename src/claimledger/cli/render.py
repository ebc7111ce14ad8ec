"""Rich output shared by the commands: tables a person reads, highlighted article text."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimledger.model import Analysis

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

CERTAINTY_STYLE = {
    "asserted": "green",
    "confirmed": "bold green",
    "reported": "yellow",
    "estimated": "cyan",
    "alleged": "magenta",
    "denied": "red",
}


def summary_table(s: dict[str, Any], title: str = "ledger") -> Table:
    t = Table(title=title, show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("articles", str(s["articles"]))
    for lang, n in s.get("languages", {}).items():
        t.add_row(f"  in {lang}", str(n))
    t.add_row("attributions", str(s["attributions"]))
    for c, n in s["certainty"].items():
        t.add_row(Text(f"  {c}", style=CERTAINTY_STYLE.get(c, "")), str(n))
    t.add_row("  anonymous", str(s.get("anonymous", 0)))
    t.add_row("quantities", str(s["quantities"]))
    t.add_row("actor mentions", str(s.get("mentions", 0)))
    return t


def sources_table(s: dict[str, Any]) -> Table:
    t = Table(title="top sources")
    t.add_column("source")
    t.add_column("claims", justify="right")
    for row in s.get("top_sources", []):
        t.add_row(row["source"], str(row["count"]))
    return t


def claims_table(rows: list[dict[str, Any]], width: int = 70) -> Table:
    t = Table(show_lines=False)
    for col in ("article", "source", "cue", "content", "certainty"):
        t.add_column(col, overflow="fold")
    for r in rows:
        content = r["content"] if len(r["content"]) <= width else r["content"][: width - 1] + "…"
        source = r["source"] or Text("(unnamed)", style="dim")
        t.add_row(r["article_id"][:10], source, r["cue"], content,
                  Text(r["certainty"], style=CERTAINTY_STYLE.get(r["certainty"], "")))
    return t


def highlighted(analysis: Analysis) -> Text:
    """The article text with sources, cues, contents and quantities marked."""
    text = Text(analysis.article.text)
    for a in analysis.attributions:
        text.stylize("underline", a.content.start, a.content.end)
    for q in analysis.quantities:
        text.stylize("bold yellow", q.span.start, q.span.end)
    for a in analysis.attributions:
        if a.source:
            text.stylize("bold blue", a.source.start, a.source.end)
        text.stylize("bold magenta", a.cue.start, a.cue.end)
    return text
