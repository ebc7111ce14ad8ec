"""The one output layer: every byte a command prints goes through here.

Every string that came from an article (titles, outlets, source words, labels, actor
names, URLs, file names in error messages) is hostile: it may hold Rich markup
(``[link=...]``, or a ``[/b]`` that makes Rich raise on every later run), terminal escapes
(``ESC ]52;`` writes the clipboard, ``ESC [2J`` clears the screen, ``ESC ]8;`` hides a
link) or bidi overrides that reorder what a reader sees. So, in layers:

1. The consoles never parse markup or emoji (``markup=False``): a string printed or put
   in a table cell is shown as it is written. Styles come from ``Text`` objects only.
2. ``safe`` turns data into such a ``Text`` with control and bidi characters made
   visible (``safetext.visible``) before Rich measures it, so tables stay aligned.
3. A backstop below Rich's layout (``SafeConsole._render_buffer``): every text segment is
   cleaned again, one character for one, so a value some command forgot to pass through
   ``safe`` still cannot reach the terminal raw. Only Rich's own control segments (a
   progress bar moving the cursor) pass.
4. Machine formats have their own rules: ``--json``/``--nl`` through ``safetext.json_text``
   (exact text, dangerous characters as ``\\u`` escapes), ``--csv`` through
   ``safetext.csv_cell`` (formula injection).

Progress bars are drawn only when stderr is a terminal: a log file gets no bar.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from claimledger.model import UNDATED, Analysis
from claimledger.safetext import csv_row, json_text, visible, visible_same_length


class SafeConsole(Console):
    """A Rich console that parses no markup and lets no control character of the text through."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        """Rich's rendering, with each text segment cleaned one character for one (see the module doc)."""
        cleaned = (seg if seg.control else Segment(visible_same_length(seg.text), seg.style) for seg in buffer)
        return super()._render_buffer(cleaned)


out = SafeConsole()
err = SafeConsole(stderr=True)

QUIET = False
"""Set by ``claimledger --quiet``: no progress bars and no "wrote ..." notes on stderr."""

CERTAINTY_STYLE = {
    "asserted": "green",
    "confirmed": "bold green",
    "reported": "yellow",
    "estimated": "cyan",
    "alleged": "magenta",
    "denied": "red",
}


def clean(value: object, *, newlines: bool = False) -> str:
    """``value`` as text safe for a terminal (``safetext.visible``)."""
    return visible(value, newlines=newlines)


"""The day the linker files an article without a publication date under (``link.features.pub_date``)."""


def day(value: str | None) -> Text:
    """A fact's or point's day for a person: *undated* rather than the placeholder day."""
    return Text("undated", style="dim") if not value or value == UNDATED else safe(value)


FIGURE_KINDS = ("total", "increment", "planned", "rest")


def variable(value: str | None) -> str:
    """A typed variable for a person: ``injured:police|paris|planned`` -> *injured police in
    Paris (planned)*; the stored form stays in ``--json``."""
    if not value:
        return ""
    parts = value.split("|")
    kind = parts.pop() if len(parts) > 1 and parts[-1] in FIGURE_KINDS else ""
    concept, scope = (parts + [""])[:2]
    words = "figure" if concept in ("", "?") else concept.replace(":", " ").replace("_", " ")
    where = f" in {scope.title()}" if scope else ""
    return words + where + (f" ({kind})" if kind and kind != "total" else "")


def safe(value: object, style: str = "", *, newlines: bool = False) -> Text:
    """Hostile text as a Rich ``Text``: markup is never parsed, escapes are shown, not obeyed."""
    return Text(clean(value, newlines=newlines), style=style)


def note(*parts: str | Text | tuple[str, str]) -> None:
    """A one-line message on stderr (``wrote ...``), unless ``--quiet``; parts as for ``Text.assemble``."""
    if not QUIET:
        err.print(Text.assemble(*parts), soft_wrap=True)


def show_progress(quiet: bool = False) -> bool:
    """Whether to draw a progress bar: stderr is a terminal and nobody asked for quiet."""
    return not (quiet or QUIET) and err.is_terminal


def emit_json(data: Any) -> None:
    """Machine-readable output: indented JSON, exact text, no raw control or bidi character."""
    sys.stdout.write(json_text(data, indent=2) + "\n")


FORMATS = ("table", "json", "nl", "csv")


def _cell(value: Any) -> Any:
    """A CSV cell: lists and objects as compact JSON, booleans as true/false, the rest as it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> None:
    """A listing for a pipe: ``json`` (one array), ``nl`` (JSON Lines) or ``csv`` (header, then a row each).

    CSV columns are ``columns`` or the first row's keys; every cell goes through
    ``safetext.csv_cell``, the one CSV rule (formulas neutralised, controls shown).
    """
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "nl":
        for r in rows:
            sys.stdout.write(json_text(r) + "\n")
    elif fmt == "csv":
        cols = list(columns or (rows[0].keys() if rows else ()))
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(csv_row(_cell(r.get(c)) for c in cols))
    else:  # pragma: no cover - callers pass table formats to their own printer
        raise ValueError(fmt)


@dataclass(frozen=True)
class Col:
    """One column of a listing table: how wide it must stay readable, and how much it matters.

    ``keep`` orders columns for dropping when the terminal is narrow: the largest goes first,
    0 never. ``min`` is the width below which it is never squeezed (no three-letter columns);
    ``grow`` its share of the width left over (running text grows, counts do not). A
    ``no_wrap`` column is exactly ``min`` wide.
    """

    name: str
    min: int = 6
    keep: int = 0
    right: bool = False
    no_wrap: bool = False
    grow: int = 1


def fitted(columns: Sequence[Col], width: int | None = None, **table: Any) -> tuple[Table, list[Col]]:
    """A table with as many of ``columns`` as fit ``width`` (the terminal's) at their minimum widths.

    Columns are dropped, least important first, until the minimum widths plus padding and
    borders fit; what is left over is shared out as each column's maximum width, by
    ``grow``. Rich then never has to collapse a column (its collapse ignores minimum
    widths and overflows the terminal); long text wraps (``overflow="fold"``) instead.
    Returns the table and the columns kept, for the caller to fill in the same order.
    """
    width = width or out.width
    kept = list(columns)
    while sum(c.min + 3 for c in kept) + 1 > width and any(c.keep for c in kept):
        kept.remove(max(kept, key=lambda c: c.keep))
    spare = max(0, width - sum(c.min + 3 for c in kept) - 1)
    weights = sum(c.grow for c in kept if not c.no_wrap) or 1
    t = Table(**table)
    for c in kept:
        most = c.min if c.no_wrap else c.min + spare * c.grow // weights
        t.add_column(c.name, min_width=c.min, max_width=most, overflow="fold", no_wrap=c.no_wrap,
                     justify="right" if c.right else "left")
    return t, kept


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
    t = Table(title=safe(title), show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("articles", str(s["articles"]))
    for lang, n in s.get("languages", {}).items():
        t.add_row(safe(f"  in {lang}"), str(n))
    t.add_row("attributions", str(s["attributions"]))
    for c, n in s["certainty"].items():
        t.add_row(safe(f"  {c}", CERTAINTY_STYLE.get(c, "")), str(n))
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


CLAIM_COLUMNS = (Col("article", 10, keep=2, no_wrap=True), Col("source", 12, grow=2), Col("cue", 6, keep=1),
                 Col("content", 20, grow=4), Col("certainty", 9, no_wrap=True))


def claims_table(rows: list[dict[str, Any]], width: int = 70) -> Table:
    """One attribution a row; at 80 columns the article id and then the cue give way to the content."""
    t, kept = fitted(CLAIM_COLUMNS)
    for r in rows:
        content = r["content"] if len(r["content"]) <= width else r["content"][: width - 1] + "…"
        cells = {
            "article": safe(r["article_id"][:10]),
            "source": safe(r["source"]) if r["source"] else Text("(unnamed)", style="dim"),
            "cue": safe(r["cue"]),
            "content": safe(content),
            "certainty": safe(r["certainty"], CERTAINTY_STYLE.get(r["certainty"], "")),
        }
        t.add_row(*(cells[c.name] for c in kept))
    return t


def highlighted(analysis: Analysis) -> Text:
    """The article text with sources, cues, contents and quantities marked."""
    text = Text(visible_same_length(analysis.article.text))  # one character for one: spans still fit
    for a in analysis.attributions:
        text.stylize("underline", a.content.start, a.content.end)
    for q in analysis.quantities:
        text.stylize("bold yellow", q.span.start, q.span.end)
    for a in analysis.attributions:
        if a.source:
            text.stylize("bold blue", a.source.start, a.source.end)
        text.stylize("bold magenta", a.cue.start, a.cue.end)
    return text
