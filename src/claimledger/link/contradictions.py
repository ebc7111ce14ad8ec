"""Contradictions, denials and revisions between facts, and each fact's credibility grade.

Figures are compared by rule, never by a model (DESIGN.md §7): two quantity facts on the
same typed variable contradict when their days are at most ``WINDOW_DAYS`` apart, their
intervals (LINKS.md: exact, about ±10 %, over, under, range) cannot both hold, and the pair
is not an update: one source's figure on another day is its history, and a changing count
(the dead, troops deployed) that stands wholly higher later has risen. Different figures
from one source on one day contradict unless the text says it revised them.

A denial (a claim with certainty ``denied``) links to the claim fact it denies; a figure in
a sentence with a revision word (*raised the toll to*) links to the same source's earlier
figure as its revision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimledger.link.data import actors
from claimledger.link.facts import State, _parts, days_apart, overlap, truth_interval, window
from claimledger.link.scope import independence_root
from claimledger.model import Fact, FactLink

WINDOW_DAYS = 3
DISPUTED = frozenset({"count", "outcome", "event"})
"""Concept kinds whose figures can be in dispute."""
MAX_RIVALS = 20
"""Contradictions one fact takes from one article's linking. Real stories give a figure a few
rivals; a text of thousands of clashing figures would otherwise store one link per pair (the
square of their number), and the fact is contested after its first."""
PART_RATIO = 6.0
"""Rival estimates of one count differ by less than this factor (*782,000* against *2.3 million*);
a figure this many times smaller is a part of the other (*two* of the dead in one region)."""


def _sources(state: State) -> set[str]:
    """The originating actors of a fact's mentions, with those named beside them (*X and Y said*),
    and, where not every mention is loaded, the sources stored with the fact.

    A speaker one mention shows relaying an actor (*Park* after an NIS briefing) is that actor
    in the fact's other mentions too, where the text names only the speaker."""
    relayed = {v: m.actor for m in state.mentions if m.actor for v in m.feature("via")}
    found = {relayed.get(a, a) for m in state.mentions if m.actor for a in (m.actor, *m.feature("also"))}
    return found | set(state.fact.sources) if state.unseen else found


def _articles(state: State) -> int:
    """How many articles mention the fact: the loaded mentions', plus, where some are not loaded,
    the stored count's articles that the loaded ones do not account for."""
    if not state.unseen:
        return len({m.article_id for m in state.mentions})
    stored = {m.article_id for m in state.mentions[: state.loaded]}
    return state.fact.articles + len({m.article_id for m in state.mentions[state.loaded :]} - stored)


def independent(sources: Iterable[str]) -> int:
    """How many of ``sources`` are independent: a body and the ministry it answers to count
    once, and a country's government (*South Korea says*) adds nothing beside one of its own
    bodies (*South Korea's spy agency*)."""
    table = actors()
    roots = {independence_root(s) for s in sources}
    countries = {table[r].country for r in roots if r in table and table[r].parent}
    return len({r for r in roots if not (r in table and not table[r].parent and table[r].kind == "government"
                                         and table[r].country in countries)})


def contradicts(a: State, b: State, concept_kind: str, revised: bool = False) -> str | None:
    """Why two quantity facts contradict, or None."""
    fa, fb = a.fact, b.fact
    if fa.id == fb.id or fa.kind != "quantity" or fb.kind != "quantity" or fa.variable != fb.variable:
        return None
    concept, _scope, figure = _parts(fa.variable)
    if concept is None or fa.value is None or fb.value is None or figure == "rest":
        return None  # *the other five* and *the other three* may both hold: they are parts
    if days_apart(fa.date, fb.date) > (WINDOW_DAYS if concept_kind != "event" else window("event")):
        return None  # figures about one fixed event are compared whenever they were reported
    if concept_kind not in DISPUTED:
        return None  # durations, years and bare *people* counts are background, not claims in dispute
    ia, ib = truth_interval(fa.value, fa.value_max, fa.approx), truth_interval(fb.value, fb.value_max, fb.approx)
    if overlap(ia, ib):
        return None
    low, high = sorted((fa.value_max or fa.value, fb.value_max or fb.value))
    if low <= 0 or high / low > PART_RATIO:
        return None  # *six of those who died* beside the toll of 95: a part, not a rival figure
    sa, sb = _sources(a), _sources(b)
    if fa.date != fb.date:
        if sa and sa == sb:
            return None  # one source's figure on another day: history
        early, late = (ia, ib) if fa.date < fb.date else (ib, ia)
        if concept_kind in ("count", "outcome") and late[0] >= early[1]:
            return None  # a changing count that rose
    elif sa and sa == sb and revised:
        return None
    return f"{fa.label!r} and {fb.label!r} cannot both hold for {concept} on {min(fa.date, fb.date)}"


def grade(state: State, contested: bool) -> int:
    """Admiralty-style credibility of a fact from its independent sources.

    1 confirmed by two or more independent sources; 2 one named source; 3 no named source but
    reported in two or more articles; 4 doubtful: contradicted or denied; 6 cannot be judged: one
    unattributed report. (5, improbable, needs a judgement of each source's record, which the
    ledger does not make.)
    """
    n = independent(_sources(state))
    if contested:
        return 4
    if n >= 2:
        return 1
    if n == 1:
        return 2
    return 3 if _articles(state) >= 2 else 6


def contested(links: Iterable[FactLink]) -> set[str]:
    """The facts a contradiction or a denial stands against (a revision contests nothing)."""
    return {f for lk in links if lk.kind != "revision" for f in (lk.a, lk.b)}


def finish(state: State, against: set[str]) -> Fact:
    """A touched fact with its counts, sources and grade recomputed from its mentions and from
    ``against``, the facts its links contest (``contested``)."""
    contested = state.fact.id in against
    sources = tuple(sorted(_sources(state)))
    from dataclasses import replace

    return replace(
        state.fact,
        sources=sources,
        independent=independent(sources),
        grade=grade(state, contested),
        mentions=len(state.mentions) + state.unseen,
        articles=_articles(state),
        contested=contested,
    )


def find(touched: Sequence[State], others: Sequence[State], kinds: dict[str, str],
         revised: set[str]) -> list[FactLink]:
    """Contradiction and revision links between touched facts and every other fact in view."""
    out: list[FactLink] = []
    seen: set[tuple[str, str]] = set()
    rivals: dict[str, int] = {}
    # both kinds of link need one variable with a concept: only such pairs are looked at, so an
    # article's facts are matched in linear time, not each against every fact in view
    by_variable: dict[str, list[State]] = {}
    for b in others:
        if b.fact.variable is not None:
            by_variable.setdefault(b.fact.variable, []).append(b)
    full: dict[str, int] = {}  # facts of a variable that reached MAX_RIVALS since its list was last pruned
    for a in touched:
        concept, _s, _i = _parts(a.fact.variable)
        if concept is None or a.fact.variable is None:
            continue
        group = by_variable.get(a.fact.variable, [])
        if 2 * full.get(a.fact.variable, 0) > len(group):  # skip no longer over them one by one
            group[:] = [b for b in group if rivals.get(b.fact.id, 0) < MAX_RIVALS]
            full[a.fact.variable] = 0
        for b in group:
            if rivals.get(a.fact.id, 0) >= MAX_RIVALS:
                break
            if a.fact.id == b.fact.id or rivals.get(b.fact.id, 0) >= MAX_RIVALS:
                continue
            key = tuple(sorted((a.fact.id, b.fact.id)))
            if key in seen:
                continue
            seen.add(key)  # type: ignore[arg-type]
            is_revised = a.fact.id in revised or b.fact.id in revised
            why = contradicts(a, b, kinds.get(concept or "", "count"), is_revised)
            if why:
                out.append(FactLink(key[0], key[1], "contradiction", why))
                for f in (a.fact.id, b.fact.id):
                    rivals[f] = rivals.get(f, 0) + 1
                    full[a.fact.variable] = full.get(a.fact.variable, 0) + (rivals[f] == MAX_RIVALS)
            elif (is_revised and a.fact.variable == b.fact.variable and concept
                  and _sources(a) & _sources(b) and a.fact.value != b.fact.value):
                old, new = sorted((a.fact, b.fact), key=lambda f: f.date)
                out.append(FactLink(old.id, new.id, "revision", f"{new.label!r} revises {old.label!r}"))
    return out


def denial(fact: Fact, denied: State, score: float) -> FactLink:
    overlap = min(score, 1.0)  # a tie-break share may lift a full overlap a little over 1
    return FactLink(fact.id, denied.fact.id, "denial", f"denies {denied.fact.label[:80]!r} (terms {overlap:.0%})")
