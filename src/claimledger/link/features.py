"""What the linker compares: each quantity as a typed figure, each attribution as a bag of terms.

A quantity becomes an ``Item`` with a *variable* (what is counted: a concept from
``concepts.tsv``, where it is counted: the place after a locative preposition nearby, and
whether it is a total, an increment (*another 1,500*) or a plan (*plans to send 10,000*)), its value interval in the
concept's base unit (*tio mil* = 100 km), the day the figure is about (a weekday or
*yesterday* in its sentence, else the publication day) and its context words. An
attribution becomes an ``Item`` of content terms. Nothing here compares two items; that is
``facts.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from claimledger.link.data import LinkData, load
from claimledger.link.scope import names_country
from claimledger.link.terms import (
    _NUMBER,
    _stem,
    all_names,
    content_terms,
    neutral_terms,
    proper_names,
    sentence,
    story_names,
    story_neutral,
    story_terms,
)
from claimledger.model import UNDATED, Analysis, Approx, Attribution, MentionKind, Quantity, Span

_TOKEN = re.compile(r"\w[\w'’.,-]*\w|\w|[^\w\s]")
PLACE_REACH = 5
"""Words after a locative (*in the eastern region of …*) within which its place is looked for."""
SCOPE_BEFORE = 10
"""How many words back a place before a figure (*in Lille (north, 15,000)*) may stand."""
SCOPE_AFTER = 5
"""How far after a figure its place's locative may come (*46 people have been arrested in the capital*)."""
OUTCOME_REACH = 5
"""How many words after a figure an outcome (*killed*, *injured*) may follow whom it befell."""
PLAN_REACH = 8
"""How many words before a figure a plan word (*plans to send*, *ska skickas*) may stand."""


@dataclass(frozen=True, slots=True)
class Item:
    """One record as the linker sees it."""

    record_id: str
    kind: MentionKind
    text: str
    date: str
    attribution_id: str | None = None
    concept: str | None = None
    concept_kind: str = "count"
    scope: str | None = None
    increment: bool = False
    planned: bool = False
    value: float | None = None
    value_max: float | None = None
    approx: Approx | None = None
    unit: str | None = None
    context: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    neutral: frozenset[str] = frozenset()
    story: frozenset[str] = frozenset()
    neutral_story: frozenset[str] = frozenset()
    names_all: frozenset[str] = frozenset()
    """Every name of the item's article (``story`` holds only the most used)."""
    vague: bool = False
    """A vague amount (*dozens of*, *hundreds of thousands*): a fact of its own kind."""
    rest: bool = False
    """The rest of a group (*the other five suspects*, *övriga fem*): a part, never the total."""
    certainty: str = "asserted"

    @property
    def figure(self) -> str:
        """What kind of figure: a total, an increment (*another 1,500*), a plan (*plans to send
        10,000*) or the rest of a group (*the other five*)."""
        return "planned" if self.planned else "increment" if self.increment else "rest" if self.rest else "total"

    @property
    def variable(self) -> str | None:
        """The typed variable of a figure: concept, scope, and total, increment or planned."""
        if self.kind != "q":
            return None
        parts = [self.concept or "?", self.scope or "", self.figure]
        return "|".join(parts)


def pub_date(published: str | None) -> str:
    """The ISO day of a publication date, or a far-past placeholder when none is known."""
    if published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        return published[:10]
    return UNDATED


def _tokens(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(start + m.start(), m.group()) for m in _TOKEN.finditer(text[start:end])]


def _concept(words: list[str], data: LinkData, measures: bool = False) -> tuple[str, str] | None:
    """The first concept the words name; a unit (hours, km) only where ``measures`` allows it.
    A word in the genitive modifies a later one (*eight members of the tanker's crew*), which
    names what is counted when it names a concept."""
    generic = None
    endings = tuple(data.words("genitive_ending"))
    for i, w in enumerate(words):
        if endings and w.lower().endswith(endings) and _concept(words[i + 1 :], data, measures):
            continue
        found = data.concept_of(w)
        if found and found[1] != "term" and (measures or found[1] != "measure"):
            if found[1] != "generic":
                return found
            generic = generic or found
    return generic


def _window(words: list[str], n: int, data: LinkData) -> list[str]:
    """The first ``n`` words, and one more for each genitive that ends them (*… of the Eagle S
    tanker's* | *crew*): what a genitive modifies is part of the phrase it opens."""
    endings = tuple(data.words("genitive_ending"))
    while endings and 0 < n < len(words) and words[n - 1].lower().endswith(endings):
        n += 1
    return words[:n]


def _scope(before: list[str], after: list[str], data: LinkData, country: str | None) -> str | None:
    """The place a figure is about: a capitalised word after a locative preposition, just after
    or before it; the article's own country (*in Spain* in a story about Spain) is no narrower
    than no place at all."""
    loc, gap = data.words("locative"), data.words("place_gap")
    capital = data.capitals.get(country or "", ())[:1]
    # a place before a coordinated figure, a clause of its own or a speech verb is not the figure's:
    # *25 in the capital, and 291 across France*; *searching in the Valencia region after floods
    # killed 95*; *the government in Madrid says 3,600 troops are deployed*
    joins = data.words("coordinator") | data.words("subordinator")
    cues = data.lex.cues
    cut = max((i for i, w in enumerate(before) if w.lower() in joins
               or any(c.kind == "verb" and len(c.words) == 1 for c in cues.get(w.lower(), ()))), default=-1)
    before = before[cut + 1 :]
    found = next((p for i in range(min(len(after) - 1, SCOPE_AFTER)) if after[i].lower() in loc
                  and (p := _place_after(after, i + 1, gap, capital, data))), None)
    found = found or next((p for i in range(len(before) - 2, max(-1, len(before) - SCOPE_BEFORE), -1)
                           if before[i].lower() in loc and (p := _place_after(before, i + 1, gap, capital, data))),
                          None)
    if found is None:
        return None
    place = re.sub(r"['’]s?$", "", found.lower())
    for names in data.capitals.values():
        if place in names[1:]:
            place = names[0]  # *Kiev* and *Kyiv* are one place
    return None if country and names_country(place, data.lang) == country else place


def _place_after(words: list[str], i: int, gap: frozenset[str], capital: tuple[str, ...] = (),
                 data: LinkData | None = None) -> str | None:
    """The capitalised place a locative leads to, over words that only lead to a place (*in the
    eastern region of Valencia*; not *in support of Russia*); *the capital* is ``capital``, the
    capital of the country the article is about."""
    for w in words[i : i + PLACE_REACH]:
        if w[:1].isupper():
            return w
        if capital and data is not None and w.lower() in data.words("capital_noun"):
            return capital[0]
        if w.lower() not in gap:
            return None
    return None


def _past_aside(words: list[str]) -> list[str]:
    """The words after a figure with a bracketed aside left out (*170-kilometer (105-mile) line*)."""
    out, depth = [], 0
    for w in words:
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(w)
    return out


def _stop_at_number(seq: list[str], marks: frozenset[str] = frozenset({";", "(", ")"}),
                    words: frozenset[str] = frozenset()) -> list[str]:
    """The words up to the next number, in digits or one of the number ``words`` (or one of
    ``marks``): what can still belong to this figure."""
    out = []
    for w in seq:
        if _NUMBER.search(w) or w in marks or w.lower() in words:
            break
        out.append(w)
    return out


def _date(sent: str, published: str, data: LinkData) -> str:
    """The day a figure is about: a weekday or *yesterday* in its sentence, counted back from publication."""
    if published == UNDATED:
        return published
    low = f" {sent.lower()} "
    pub = date.fromisoformat(published)
    if any(f" {phrase} " in low for phrase in data.words("day_before")):
        return (pub - timedelta(days=1)).isoformat()
    if any(f" {phrase} " in low for phrase in data.words("week_before")):
        return (pub - timedelta(days=7)).isoformat()
    days = data.weekdays()
    for w in re.findall(r"\w+", low):
        if w in days:
            return (pub - timedelta(days=(pub.weekday() - days[w]) % 7)).isoformat()
    return published


def quantity_item(analysis: Analysis, q: Quantity, data: LinkData, country: str | None = None) -> Item:
    """A quantity as a typed figure (see the module docstring); ``country``: the one the article is about."""
    text = analysis.article.text
    sent = sentence(text, q.span)
    before = _tokens(text, sent.start, q.span.start)
    after = _tokens(text, q.span.end, sent.end)
    bw = [w for _i, w in before]
    aw = [w for _i, w in after]
    counted = q.counted.of(text).split() if q.counted else []
    words_n = frozenset(data.lex.numbers.get("unit", {}))
    stopped = _stop_at_number(aw, words=words_n)
    near_after = _window(stopped, 4, data)
    linking = data.words("partitive") | data.words("determiner")
    if stopped and len(stopped) < len(aw) and all(w.lower() in linking for w in stopped):
        # *two of the four fiber optic lines*: a part of what the next figure counts
        near_after = _stop_at_number(aw[len(stopped) + 1 :], words=words_n)[:4]
    near_before = list(reversed(_stop_at_number(list(reversed(bw)))))[-6:]
    heads = [i for i, w in enumerate(bw) if w.lower() in data.words("count_head")]
    # *raised the death toll … to 205*: the count a head noun names, before words after the number
    by_head = _concept(bw[max(0, heads[-1] - 2) : heads[-1] + 4], data) if heads else None
    close = [_concept(counted, data, measures=True), _concept(near_after[:1], data, measures=True),
             _concept(near_after, data), _concept(list(reversed(near_before)), data)]
    # words further away count only when nothing close names what is counted
    found = close if any(close) else [by_head, _concept(_window(aw, 6, data) + list(reversed(bw[-6:])), data)]
    named = [c for c in found if c is not None]
    # *95 people were killed*: the specific concept near the number says more than *people*
    concept = next((c for c in named if c[1] != "generic"), named[0] if named else None)
    if named and named[0][1] == "measure":
        concept = named[0]
    outcome = next((c for w in _stop_at_number(aw)[:OUTCOME_REACH] if (c := data.concept_of(w)) and c[1] == "outcome"),
                   None)
    if concept and outcome and concept[1] in ("count", "event"):
        concept = (f"{outcome[0]}:{concept[0]}", "outcome")  # *108 police officers were injured*
    elif outcome and (concept is None or concept[1] == "generic"):
        concept = outcome  # *202 people had been confirmed dead*: the dead, not any people
    value, vmax, unit = q.value, q.value_max, q.unit
    # '105-mile': the unit written inside the figure (its counted, or for a measure that counts nothing, the unit
    # word the quantity rule found; '105 miles' writes it after the figure, where near_after reads it)
    inside = (counted if q.counted and q.span.start <= q.counted.start < q.span.end
              else [q.unit_span.of(text)] if q.unit_span and q.span.contains(q.unit_span) else [])
    for w in inside[-1:] + ([" ".join(near_after[:2])] if len(near_after) > 1 else []) + near_after[:1]:
        factor = data.factors.get(w.lower())
        if factor:
            concept = (factor[0], data.concept_kind(factor[0]))
            value, vmax, unit = value * factor[1], vmax * factor[1] if vmax is not None else None, factor[0]
            break
    if inside and concept and concept[1] == "measure" and (thing := _concept(_past_aside(aw)[:4], data)):
        concept = (f"{concept[0]}:{thing[0]}", "measure")  # *a 170-kilometer cable*: a cable's length
    incr = data.words("increment")
    increment = any(w.lower() in incr for w in bw[-2:]) or (
        bool(aw) and aw[0].lower() in incr and (len(aw) < 2 or aw[1].lower() not in data.words("count_stop"))
    )
    around = f" {' '.join(bw[-PLAN_REACH:] + aw[:4]).lower()} "
    planned = any(f" {phrase} " in around for phrase in data.words("planned"))
    rest = bool(bw) and bw[-1].lower() in data.words("remainder")  # *the other five*, *övriga fem*
    window = [w for w in bw[-6:] + aw[:6] if len(w) > 3 and not _NUMBER.search(w)]
    return Item(
        record_id=q.id,
        kind="q",
        text=q.span.of(text),
        date=_date(sent.of(text), pub_date(analysis.article.published), data),
        attribution_id=q.attribution_id,
        concept=concept[0] if concept else None,
        concept_kind=concept[1] if concept else "count",
        scope=_scope(_stop_at_number(list(reversed(bw)), frozenset({";"}))[::-1], _stop_at_number(aw), data, country),
        increment=increment,
        planned=planned,
        rest=rest,
        value=value,
        value_max=vmax,
        approx=q.approx,
        unit=unit,
        context=frozenset(_stem(w) for w in window),
        names=proper_names(text, sent),
        story=story_names(text, data.lang),
        names_all=all_names(text, data.lang),
        vague=is_vague(q.span.of(text), data.lang),
    )


@lru_cache(maxsize=65536)
def is_vague(figure: str, lang: str) -> bool:
    """Whether a figure's words are a vague amount (*dozens of*, *Hundreds of thousands*, *tusentals*)
    rather than a number: such amounts are facts of their own, as LINKS.md's gold keeps them.
    Cached: every candidate fact's label is asked again for each new figure."""
    words = " ".join(re.findall(r"\w+", figure.lower()))
    return not _NUMBER.search(figure) and any(
        f" {v} " in f" {words} " for v in load(lang).lex.numbers.get("vague", {}))


def fill_ellipsis(items: list[Item], analysis: Analysis) -> list[Item]:
    """A figure that names nothing it counts, in a sentence listing figures, counts what the
    figure before it counts: *8,700 demonstrators in Strasbourg (…), 7,300 in Lille (north,
    15,000)* are all demonstrators."""
    text = analysis.article.text
    spans = {q.id: q.span for q in analysis.quantities}
    out: list[Item] = []
    last: tuple[Span, Item] | None = None
    for it in items:
        span = spans.get(it.record_id) if it.kind == "q" else None
        if span is None:
            out.append(it)
            continue
        sent = sentence(text, span)
        if it.concept is None and last and last[0] == sent and last[1].concept and last[1].concept_kind != "measure":
            it = replace(it, concept=last[1].concept, concept_kind=last[1].concept_kind)
        if it.concept:
            last = (sent, it)
        out.append(it)
    return out


def attribution_item(analysis: Analysis, a: Attribution, data: LinkData) -> Item:
    """An attribution as the terms and names of its content."""
    text = analysis.article.text
    return Item(
        record_id=a.id,
        kind="a",
        text=a.content.of(text),
        date=pub_date(analysis.article.published),
        attribution_id=a.id,
        terms=content_terms(a.content.of(text)),
        names=proper_names(text, a.content),
        neutral=neutral_terms(a.content.of(text), data),
        story=story_terms(text),
        neutral_story=story_neutral(text, data.lang),
        certainty=a.certainty,
    )

