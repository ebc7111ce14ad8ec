"""Link one new article against what the ledger holds: the ``link`` stage, incremental.

The linker knows no SQL. It asks a ``View`` (the store's, bound to the article's write
transaction) for candidates found through blocking keys, never for everything: articles
sharing a MinHash band, facts sharing a key (``c|troops``, ``v|1500``, ``t|anchor``,
``a|<actor>``) within a few days. Cost per new article therefore depends on how many facts
share its keys in its days, not on the size of the ledger. What it decides comes back as one
``LinkPlan`` that the store writes in the same transaction as the article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from claimledger.link import actors, claimed, contradictions, copies, facts
from claimledger.link import origins as origins_of
from claimledger.link.data import LinkData, concept_kinds, load
from claimledger.link.facts import State
from claimledger.link.features import Item, attribution_item, fill_ellipsis, pub_date, quantity_item
from claimledger.link.pool import Pool
from claimledger.link.terms import sentence
from claimledger.model import Analysis, Article, Copy, Fact, FactLink, FactMention, LinkPlan, Quantity

KEY_TERMS = 6
"""How many of a claim's longest content terms become its blocking keys."""


class View(Protocol):
    """What the linker may ask the ledger (store.links.View implements it)."""

    def copy_candidates(self, bands: Sequence[str], exclude: str, date_lo: str | None = None,
                        date_hi: str | None = None) -> list[Article]: ...

    def facts_by_keys(
        self, keys: Sequence[str], date_lo: str, date_hi: str
    ) -> list[tuple[Fact, list[FactMention]]]: ...

    def links_of(self, fact_ids: Sequence[str]) -> list[FactLink]: ...

    def relays_by(self, speakers: Sequence[str], rules: Sequence[str]) -> dict[str, str]: ...


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _value_key(value: float | None) -> str:
    """Figures are blocked by order of magnitude, so *nearly 800,000* meets *782,000*."""
    if not value or value <= 0:
        return "v|0"
    return f"v|{math.floor(math.log10(value) * 2)}"


def keys(item: Item, actor: str | None) -> list[str]:
    """The blocking keys under which an item finds, and is found by, its candidate facts."""
    if item.kind == "q":
        out = [_value_key(item.value)]
        if item.value and item.value > 0:  # a fall (*-3%*) or a temperature below zero has no magnitude band above
            out.append(f"v|{math.floor(math.log10(item.value) * 2) + 1}")
        return out
    out = [f"t|{t}" for t in sorted(item.terms, key=lambda t: (-len(t), t))[:KEY_TERMS]]
    # across languages a claim is found by the names and concepts it shares beyond its story's own
    # (the story's countries and concepts are in every claim)
    out += [f"x|{t}" for t in sorted((t for t in item.neutral - item.neutral_story if not t.startswith("k:")),
                                     key=lambda t: (-len(t), t))[:KEY_TERMS]]
    if actor:
        out.append(f"a|{actor.lower()}")
    return out




def copy_decision(view: View, art: Article) -> tuple[tuple[str, ...], Copy | None]:
    """An article's MinHash bands and its copy decision against the originals of its weeks."""
    bands = copies.bands(art.text)
    day = pub_date(art.published)
    span = (None, None) if day == pub_date(None) else (_shift(day, -copies.WINDOW_DAYS),
                                                       _shift(day, copies.WINDOW_DAYS))
    return bands, copies.decide(art, view.copy_candidates(bands, art.id, *span))


HOLLOW_WORDS = 4
"""Words a claim may hold before a negated speech act it wholly is (*they did not | know …*)."""


def negated_act(content: str, data: LinkData) -> bool:
    """Whether a claim's content opens with a speech act its own words negate: *they did not know
    who was behind the drones*, *it had not confirmed that …*. The extraction states no claim for
    the negated act itself, so the claim around it is read here: at most ``HOLLOW_WORDS`` words,
    a negation (``negation`` or a contracted *n't*), a cue that asserts or confirms, and the word
    that opens its clause (``complementizer``, ``open_question``): *could not rule out* is a hedge."""
    negation = data.words("negation")
    words = re.findall(r"[\w'’]+", content.lower())[: HOLLOW_WORDS + 4]
    for i, w in enumerate(words[: HOLLOW_WORDS + 1]):
        if w in negation or w.endswith(("n't", "n’t")):
            after = tuple(words[i + 1 :])
            cue = next((c for c in data.lex.cues.get(after[0] if after else "", [])
                        if after[: len(c.words)] == c.words), None)  # longest first: *rule out* before *rule*
            opener = after[len(cue.words)] if cue is not None and len(after) > len(cue.words) else ""
            return (cue is not None and cue.kind == "verb" and cue.certainty in ("asserted", "confirmed")
                    and opener in data.words("complementizer") | data.words("open_question"))
    return False


def link_article(view: View, analysis: Analysis) -> LinkPlan:
    """Every link decision for one new article (see the module docstring)."""
    art = analysis.article
    bands, copy = copy_decision(view, art)
    data = load(art.lang).on(art.published)  # a person speaks for the office held that day
    if not data.lex.cues:
        return LinkPlan(art.id, copy, bands)
    scope = origins_of.speaker_scope(analysis, data)
    origins = origins_of.origins(analysis, data, scope)
    named = sorted({o.actor for o in origins if o.actor and o.rule in actors.PERSON_RULES})
    origins = claimed.recall_relays(origins, view.relays_by(named, actors.RELAY_RULES) if named else {})
    by_attr = {o.attribution_id: o for o in origins}
    items = fill_ellipsis([quantity_item(analysis, q, data, scope) for q in analysis.quantities], analysis)
    # a speech act the text negates (*has not commented on the alleged deployment*) states no fact,
    # nor does a claim that is wholly such an act (*police said they did not know who was behind it*)
    unsaid = [a for a in analysis.attributions if by_attr[a.id].rule == origins_of.NOT_SAID]
    hollow = {a.id for a in analysis.attributions for b in unsaid
              if b is not a and a.content.start <= b.cue.start and b.content.end >= a.content.end
              and len(analysis.article.text[a.content.start : b.cue.start].split()) <= HOLLOW_WORDS}
    hollow |= {a.id for a in analysis.attributions if negated_act(a.content.of(art.text), data)}
    # a claim that names nobody inside another's (*Fartyget, som misstänks för X, ..., rapporterar Yle*) is
    # part of what its host says, the same fact, not a fact of its own
    hollow |= {a.id for a in analysis.attributions if a.via and a.source is None}
    items += [attribution_item(analysis, a, data) for a in analysis.attributions
              if by_attr[a.id].rule != origins_of.NOT_SAID and a.id not in hollow]
    q_origin = {q.id: claimed.quantity_origin(analysis, q, by_attr, data, scope) for q in analysis.quantities}
    actor_of = {it.record_id + it.kind: (q_origin.get(it.record_id) if it.kind == "q" else by_attr.get(it.record_id))
                for it in items}
    item_keys = {k: keys(it, o.actor if (o := actor_of[k]) else None)
                 for it in items for k in [it.record_id + it.kind]}
    states = Pool(_candidates(view, items, item_keys, art), art.lang)
    mentions: list[FactMention] = []
    plan_keys: list[tuple[str, str, str]] = []
    revised: set[str] = set()
    denials: list[tuple[Item, State]] = []
    kinds = concept_kinds(art.lang)
    q_by_id = {q.id: q for q in analysis.quantities}
    by_id = {a.id: a for a in analysis.attributions}
    co: dict[tuple[str, str | None], tuple[str, ...]] = {}  # an attribution's figures share its co-sources
    for it in items:
        origin = actor_of[it.record_id + it.kind]
        actor = origin.actor if origin else None
        said = by_id.get(origin.attribution_id) if origin else None
        if said is not None and (said.id, actor) not in co:
            co[(said.id, actor)] = claimed.co_sources(said, art.text, data, actor)
        also = co[(said.id, actor)] if said is not None else ()
        via = origin.speaker if origin and actor and origin.speaker not in (None, actor) else None
        st, score, why = facts.assign(it, states.candidates(it, actor), art.lang, kinds, actor)
        if st is None:
            st = State(facts.new_fact(it, art.id, art.lang))
            states.add(st)
        else:
            facts.refine(st, it, kinds)
        m = facts.mention(it, st.fact.id, art.id, actor, score, why, also, via)
        states.mention(st, m)
        st.touched = True
        mentions.append(m)
        plan_keys += [(k, st.fact.id, it.date) for k in item_keys[it.record_id + it.kind]]
        if it.kind == "q" and _revises(art.text, q_by_id[it.record_id], data):
            revised.add(st.fact.id)
        if it.kind == "a" and it.certainty == "denied":
            denials.append((it, st))
    touched = [s for s in states if s.touched]
    links = contradictions.find(touched, list(states), kinds, revised)
    links += _denials(denials, states, art.lang)
    stored_links = view.links_of([s.fact.id for s in touched])
    against = contradictions.contested(links + stored_links)
    finished = tuple(contradictions.finish(s, against) for s in touched)
    # facts on the other side of a new link change grade too
    others = {lk.a for lk in links} | {lk.b for lk in links}
    finished += tuple(contradictions.finish(s, against) for s in states
                      if not s.touched and s.fact.id in others)
    return LinkPlan(art.id, copy, bands, tuple(origins), finished, tuple(mentions), tuple(plan_keys), tuple(links))


def _candidates(view: View, items: list[Item], item_keys: dict[str, list[str]], art: Article) -> list[State]:
    """The stored facts the items may join: under their keys within a claim's window, and for
    one event's figures (kept for weeks) within the event window too, so only those reach far."""
    dates = [it.date for it in items] or [pub_date(art.published)]
    lo, hi = min(dates), max(dates)
    near = max(facts.CLAIM_WINDOW_DAYS, facts.WINDOW_DAYS)
    keys = sorted({k for ks in item_keys.values() for k in ks})
    found = {f.id: (f, ms) for f, ms in view.facts_by_keys(keys, _shift(lo, -near), _shift(hi, near))}
    event_keys = sorted({k for it in items if it.concept_kind == "event" for k in item_keys[it.record_id + it.kind]})
    if event_keys:
        far = facts.EVENT_WINDOW_DAYS
        for f, ms in view.facts_by_keys(event_keys, _shift(lo, -far), _shift(hi, far)):
            found.setdefault(f.id, (f, ms))
    return [State(f, list(ms), unseen=max(0, f.mentions - len(ms)), loaded=len(ms)) for f, ms in found.values()]


def _revises(text: str, q: Quantity, data: LinkData) -> bool:
    sent = sentence(text, q.span).of(text).lower()
    return any(w in sent for w in data.words("revision"))


def _denials(denials: list[tuple[Item, State]], states: Pool, lang: str) -> list[FactLink]:
    """Each denial links to the other claim fact its content overlaps most."""
    out = []
    for it, own in denials:
        best: tuple[float, State | None] = (0.0, None)
        for st in states.candidates(it):
            if st is own or st.fact.kind != "claim" or any(m.record_id == it.record_id for m in st.mentions):
                continue
            s = facts.claim_score(it, st, lang, join=False)
            if s > best[0]:
                best = (s, st)
        if best[1] is not None:
            out.append(contradictions.denial(own.fact, best[1], best[0]))
    return out
