"""Who stands behind a claim beyond its own speaker: figures, co-sources, relays seen before.

``origins.origins`` decides each attribution's originating actor from its article alone; this
module adds what needs more than one attribution or more than the article: the attribution
a figure belongs to (``quantity_origin``: its cue's sentence, brackets, a press release's own
voice), the other bodies named beside the main one (``co_sources``), and a named person who
relayed a body's briefings in articles the ledger already holds (``recall_relays``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from claimledger.link.actors import PERSON_RULES, RELAYS, body, coordinated_names, full_name, match_actor, resolve
from claimledger.link.data import ActorInfo, LinkData, actors
from claimledger.link.scope import _WORD, words_of
from claimledger.link.terms import sentence
from claimledger.model import Analysis, Attribution, Origin, Quantity, Span


def recall_relays(origins: list[Origin], relayed: dict[str, str]) -> list[Origin]:
    """A named person who relayed a body's briefings in earlier articles (``relayed``: person ->
    that body, from the ledger) speaks for it here too, when this article names no body behind
    them: *parliamentarian Park Sun-won said* after weeks of *Park, briefed by the NIS, said*."""
    if not relayed:
        return origins
    return [replace(o, actor=relayed[o.actor], rule="relay-before", words=f"{o.actor} relayed {relayed[o.actor]}")
            if o.actor in relayed and o.rule in PERSON_RULES else o for o in origins]


def co_sources(a: Attribution, text: str, data: LinkData, primary: str | None) -> tuple[str, ...]:
    """Table bodies and people named beside the main one in a coordinated source (*operators
    Fingrid of Finland and Elering of Estonia have said*, *Grassley and Leahy said*): each is a
    source of what is said. Outlets and agencies are left out, since what they report is not theirs."""
    if a.source is None or primary is None:
        return ()
    joins = data.words("coordinator")
    parts: list[list[str]] = [[]]
    for w in a.source.of(text).split():
        if w.lower() in joins:
            parts.append([])
        else:
            parts[-1].append(w)
    if len(parts) < 2:
        return ()
    out: list[str] = []
    for part in parts:
        hit = match_actor(" ".join(part), data)
        kind = actors().get(hit[0], ActorInfo("", "")).kind if hit else ""
        if hit and hit[0] != primary and hit[0] not in out and kind not in RELAYS:
            out.append(hit[0])
    # people named side by side (*Grassley and Leahy said*): each one a source, by full name
    # where the article gives it
    for name in coordinated_names(a.source.of(text), data)[1:]:
        person = full_name(name, text, a.source.start, data) if " " not in name else None
        key = person or name.lower()
        if not match_actor(name, data) and key != primary and key not in out:
            out.append(key)
    return tuple(out)


def quantity_origin(analysis: Analysis, q: Quantity, by_attr: dict[str, Origin], data: LinkData,
                    scope: str | None) -> Origin | None:
    """The origin behind a figure: its attribution's; else the one whose cue is in its sentence;
    else a table body that is the subject of a counting verb before it (*the police counted*);
    else, on a body's own page (a police press release), that body."""
    text = analysis.article.text
    sent = sentence(text, q.span)
    inside = [a for a in cues_in(analysis.attributions, sent) if a.id in by_attr and by_attr[a.id].actor]
    if q.attribution_id:
        own = next((a for a in inside if a.id == q.attribution_id), None)
        level = _bracketed(text, sent.start, q.span.start)
        if own is None or _bracketed(text, sent.start, own.cue.start) == level:
            return by_attr.get(q.attribution_id)
        # the figure is outside the brackets its cue stands in (or inside brackets its cue is not)
        others = [a for a in inside if _bracketed(text, sent.start, a.cue.start) == level]
        return by_attr[others[0].id] if len(others) == 1 else by_attr.get(q.attribution_id)
    if inside:
        # 'police saw 8,700 in Strasbourg (15,000 according to the unions), 7,300 in Lille (15,000)':
        # a figure in brackets goes with the cue in brackets, one outside with the cue outside; a lone
        # cue in brackets speaks for the bracket only ('the eight unions marched in 2009 (the CGT counted …)')
        level = _bracketed(text, sent.start, q.span.start)
        inside = [a for a in inside if _bracketed(text, sent.start, a.cue.start) == level]
    if len(inside) == 1:
        return by_attr[inside[0].id]
    lead = text[sent.start : q.span.start]
    tally = data.words("tally")
    verbs = [m for m in _WORD.finditer(lead) if m.group().lower() in tally]
    if verbs:
        found = resolve(lead[: verbs[0].start()], data, scope)
        if found and actors().get(found[0], ActorInfo("", "")).kind not in RELAYS:
            return Origin(analysis.article.id, "", found[0], found[0], f"subject ({found[1]})", found[2])
    return _continued(analysis, sent, by_attr, data) or own_page(analysis, data)


_CUE_ORDER: list[tuple[Sequence[Attribution], list[int], list[int]]] = []
"""The last article's attributions with their cue starts in order: figures look their sentence's
cues up by position, so an article's figures cost one sort of its attributions, not a scan each."""


def cues_in(attributions: Sequence[Attribution], span: Span) -> list[Attribution]:
    """The attributions whose cue starts inside ``span``, in their own order."""
    last = _CUE_ORDER[0] if _CUE_ORDER else None  # read once: another thread may replace it
    if last is None or last[0] is not attributions:
        order = sorted(range(len(attributions)), key=lambda k: attributions[k].cue.start)
        last = (attributions, [attributions[k].cue.start for k in order], order)
        _CUE_ORDER[:] = [last]
    _same, starts, order = last
    found = order[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
    return [attributions[k] for k in sorted(found)]


def _bracketed(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside round brackets opened after ``start``."""
    part = text[start:at]
    return part.count("(") > part.count(")")


def _continued(analysis: Analysis, sent: Span, by_attr: dict[str, Origin], data: LinkData) -> Origin | None:
    """*Åtta personer misstänks, enligt polisen. Tre är belagda med reseförbud.*: a figure in a
    sentence with no cue, right after a sentence of the same paragraph that names its source,
    goes on reporting that source. Not after a closed direct quotation: the quotation marks
    end the speaker's words, and what follows is the writer's (*"...," the company's security
    chief said. The cables are just over two centimetres thick.*)."""
    text = analysis.article.text
    gap = text[max(0, sent.start - 2) : sent.start]
    if "\n" in gap or sent.start == 0:
        return None  # a new paragraph starts a new voice
    prev = sentence(text, Span(max(0, sent.start - 2), max(0, sent.start - 1)))
    said = [a for a in cues_in(analysis.attributions, prev) if a.id in by_attr and by_attr[a.id].actor]
    if len(said) != 1 or _quoted(text, said[0].content, data):
        return None
    o = by_attr[said[0].id]
    return Origin(o.article_id, o.attribution_id, o.actor, o.speaker, "continued", f"{o.rule}: {o.words}")


def _quoted(text: str, content: Span, data: LinkData) -> bool:
    """Whether a content is a direct quotation: it opens with, or right after, a quotation mark."""
    marks = data.words("quote_open")
    return text[content.start : content.start + 1] in marks or text[max(0, content.start - 1) : content.start] in marks


def own_page(analysis: Analysis, data: LinkData) -> Origin | None:
    """The body whose own page an article is (its outlet is a police force, a ministry, a
    company): what the page states in its own voice is that body's claim (LINKS.md)."""
    outlet = re.sub(r"\(.*?\)", " ", analysis.article.outlet or "")
    hit = match_actor(outlet, data) if outlet.strip() else None
    if hit is None or hit[1] != " ".join(words_of(outlet)):
        return None  # only the whole outlet name is the body's name: *RBC-Ukraine* is no ministry
    if actors().get(body(hit[0], data.day), ActorInfo("", "")).kind in RELAYS:
        return None
    return Origin(analysis.article.id, "", body(hit[0], data.day), body(hit[0], data.day), "own-page", outlet.strip())

