"""An article's text cut into pieces, each with the marks (source, cue, content, figure) over it.

Spans nest and overlap (a figure inside a claim's content, a relayed claim inside another's
content), so the text is cut at every span boundary and each piece carries the set of marks
open over it: one sweep over the sorted boundaries, linear in the marks. The template turns
a piece into one element whose classes say its marks, whose link goes to the figure's fact or
the source's actor, and whose title (hover) and hidden label (screen readers) say the claim's
certainty. The pieces are raw text: the template escapes them, never this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

KINDS = ("source", "cue", "content", "figure")


@dataclass
class Piece:
    text: str
    marks: list[str] = field(default_factory=list)
    link: str | None = None
    title: str = ""
    label: str = ""
    """Read out by screen readers where a claim or figure starts (``sr-only``)."""
    claims: list[str] = field(default_factory=list)
    """The attributions the piece belongs to (their content, source or cue), for scripts and tests."""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    claim: str | None
    link: str | None
    title: str
    label: str


def _marks(view: dict[str, Any]) -> list[_Mark]:
    out = []
    for a in view["attributions"]:
        who = a.get("actor_name") or a["actor"] or a["source_text"] or "no source named"
        said = f"{a['certainty']} claim, by {who}"
        actor = f"/actors/{quote(a['actor'], safe='')}" if a["actor"] else None
        for kind in ("source", "cue", "content"):
            span = a[kind]
            if span and span[1] > span[0]:
                label = f"[{said}:]" if kind == "content" else ""
                out.append(_Mark(span[0], span[1], kind, a["id"], actor if kind == "source" else None,
                                 said if kind != "source" else f"source: {who}", label))
    for q in view["quantities"]:
        span = q["span"]
        if span and span[1] > span[0]:
            fact = f"/facts/{q['fact']}" if q["fact"] else None
            shown = f"figure {q['text']} = {q['value']:g}" + (f"–{q['value_max']:g}" if q["value_max"] else "")
            out.append(_Mark(span[0], span[1], "figure", None, fact, f"{shown} ({q['approx']})",
                             f"[figure {q['approx']}:]"))
    return out


def pieces(view: dict[str, Any]) -> list[Piece]:
    """The article text of ``browse.article_view`` as pieces in text order."""
    text: str = view["article"]["text"]
    marks = [m for m in _marks(view) if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    open_marks: list[_Mark] = []
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        open_marks = [m for m in open_marks if m.end > lo] + starts.get(lo, [])
        if not open_marks:
            out.append(Piece(text[lo:hi]))
            continue
        kinds = sorted({m.kind for m in open_marks}, key=KINDS.index)
        link = next((m.link for kind in ("figure", "source") for m in open_marks if m.kind == kind and m.link), None)
        claims = list(dict.fromkeys(m.claim for m in open_marks if m.claim))
        out.append(Piece(text[lo:hi], kinds, link, "; ".join(dict.fromkeys(m.title for m in open_marks)),
                         " ".join(m.label for m in starts.get(lo, []) if m.label), claims))
    return out
