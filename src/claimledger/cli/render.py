"""Rich output shared by the commands: tables a person reads, highlighted article text.

Every string that came from an article (titles, outlets, source words, labels, actor
names, URLs) is hostile: it may hold Rich markup (``[link=...]``), terminal escapes
(``ESC ]52;`` writes the clipboard) or bidi overrides that reorder what a reader sees.
Such strings reach the terminal only through ``safe`` (a Rich ``Text``, so markup is
never parsed, built from ``clean``, so control characters are shown, not obeyed) and JSON
only through ``emit_json`` (ASCII escapes).
"""

from __future__ import annotations

import json
import sys
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


def _visible(code: int) -> str:
    """How one control or format character is shown: a control picture, else ``<U+XXXX>``."""
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␊ for LF ...
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CLEAN = {c: _visible(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI, 0x2028, 0x2029)}
_CLEAN[0x09] = " "
_KEEP_LINES = _CLEAN | {0x0A: "\n"}
_ONE_FOR_ONE = {c: (v if len(v) == 1 else "\ufffd") for c, v in _KEEP_LINES.items()} | {0x09: "\t"}
"""For text whose character offsets must stay valid (highlighted spans): each character replaced by one."""


def clean(value: object, *, newlines: bool = False) -> str:
    """``value`` as text safe for a terminal: control, bidi and line-separator characters made visible.

    Tabs become spaces; newlines are kept only with ``newlines`` (running text), else shown
    as ␊ (one-line table cells).
    """
    text = "" if value is None else str(value)
    return text.translate(_KEEP_LINES if newlines else _CLEAN)


def safe(value: object, style: str = "", *, newlines: bool = False) -> Text:
    """Hostile text as a Rich ``Text``: markup is never parsed, escapes are shown, not obeyed."""
    return Text(clean(value, newlines=newlines), style=style)


def emit_json(data: Any) -> None:
    """Machine-readable output: indented JSON with every non-ASCII character escaped."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")


def number(value: float) -> str:
    """A figure as a reader writes it: thousands separated, no trailing ``.0``."""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"


APPROX_SIGN = {"about": "≈", "over": "≥", "under": "≤"}


def figure(value: float | None, value_max: float | None = None, approx: str | None = None,
           unit: str | None = None) -> str:
    """A fact's figure with its approximation: ``≈10,000``, ``≥40``, ``10,000–12,000 troops``."""
    if value is None:
        return ""
    if approx == "range" and value_max is not None:
        shown = f"{number(value)}–{number(value_max)}"
    else:
        shown = APPROX_SIGN.get(approx or "", "") + number(value)
    return f"{shown} {clean(unit)}" if unit else shown


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
        t.add_row(safe(row["source"]), str(row["count"]))
    return t


def claims_table(rows: list[dict[str, Any]], width: int = 70) -> Table:
    t = Table(show_lines=False)
    for col in ("article", "source", "cue", "content", "certainty"):
        t.add_column(col, overflow="fold")
    for r in rows:
        content = r["content"] if len(r["content"]) <= width else r["content"][: width - 1] + "…"
        source = safe(r["source"]) if r["source"] else Text("(unnamed)", style="dim")
        t.add_row(r["article_id"][:10], source, safe(r["cue"]), safe(content),
                  Text(r["certainty"], style=CERTAINTY_STYLE.get(r["certainty"], "")))
    return t


def highlighted(analysis: Analysis) -> Text:
    """The article text with sources, cues, contents and quantities marked."""
    text = Text(analysis.article.text.translate(_ONE_FOR_ONE))  # one character for one: spans still fit
    for a in analysis.attributions:
        text.stylize("underline", a.content.start, a.content.end)
    for q in analysis.quantities:
        text.stylize("bold yellow", q.span.start, q.span.end)
    for a in analysis.attributions:
        if a.source:
            text.stylize("bold blue", a.source.start, a.source.end)
        text.stylize("bold magenta", a.cue.start, a.cue.end)
    return text
