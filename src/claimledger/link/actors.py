"""The originating actor behind every attribution: relays collapsed, people mapped to their body.

An article names a *speaker* (*Yonhap*, *lawmaker Park*, *a Kremlin spokesman*); what a user
counts is the *originating actor*, the body whose knowledge the claim rests on. The rules,
in order, each recorded with the words it rests on:

- ``table``: the speaker's words hold a name from the actor tables (*den finska polisen*).
- ``kind+country``: a kind word and a country (*Seoul's spy agency*: intelligence, KR) pick
  the one body of that kind in that country.
- ``person->body``: a person in the tables speaks for their parent body.
- ``surname``: *Park* is the *lawmaker Park Sun-won* named earlier in the article.
- ``citing`` / ``briefing``: a relay word in the sentence (*citing the NIS*, *after an NIS
  briefing*) names the actor behind a relaying or briefed speaker.
- ``relay-only``: outlets and agencies that only relay are never the source (None), and
  anonymous sources under an outlet become that outlet's sources (*WSJ sources*).
Named speakers outside the tables keep their own normalised words as actor, so the same
name in another article is the same actor.
"""

from __future__ import annotations

import re
from functools import cache

from claimledger.link.data import ActorInfo, LinkData, actors, neutral_aliases
from claimledger.link.features import sentence
from claimledger.model import Analysis, Attribution, Origin

RELAYS = frozenset({"agency", "outlet"})
_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


@cache
def _aliases(lang: str) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """First word of an alias -> (canonical, alias words), longest first: one dict lookup per word."""
    from claimledger.nlp.lexicon import load

    pairs = [(c, a) for c, _k, aliases in load(lang).actors for a in aliases]
    pairs += list(neutral_aliases())
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for canonical, alias in sorted(pairs, key=lambda p: -len(p[1])):
        if alias:
            index.setdefault(alias[0], []).append((canonical, alias))
    return {w: tuple(v) for w, v in index.items()}


def match_actor(text: str, data: LinkData) -> tuple[str, str] | None:
    """The table actor whose longest alias the text holds as whole words: (canonical, alias)."""
    words = _words(text)
    index = _aliases(data.lang)
    best: tuple[str, tuple[str, ...]] | None = None
    for i, w in enumerate(words):
        for canonical, alias in index.get(w, ()):
            if words[i : i + len(alias)] == alias and (best is None or len(alias) > len(best[1])):
                best = (canonical, alias)
                break
    return (best[0], " ".join(best[1])) if best else None


def _kind_of(words: tuple[str, ...], data: LinkData) -> str | None:
    for kind, stems in data.lex.source_kinds:
        if any(w.startswith(s) for w in words for s in stems if " " not in s):
            return kind
    return None


def _by_kind_and_country(text: str, data: LinkData) -> tuple[str, str] | None:
    """*Seoul's spy agency*: the table's one body of the named kind in the named country."""
    words = _words(text)
    found = match_actor(text, data)
    table = actors()
    if not found or table.get(found[0], ActorInfo("", "")).kind != "government":
        return None
    country = table[found[0]].country
    kind = _kind_of(words, data)
    if not country or kind is None or kind == "government":
        return None
    same = [a for a in table.values() if a.country == country and a.kind == kind]
    top = [a for a in same if table.get(a.parent, ActorInfo("", "")).kind != kind]
    if len(top) == 1:
        return top[0].canonical, f"{found[1]} + {kind}"
    return None


def body(canonical: str) -> str:
    """The body an actor speaks for: a person's parent, else the actor itself."""
    info = actors().get(canonical)
    if info and info.kind == "person" and info.parent:
        return info.parent
    return canonical


def _speaker(a: Attribution, text: str, data: LinkData) -> tuple[str | None, str, str]:
    """(actor, rule, words) for the named source of one attribution, before relays collapse."""
    src = a.source.of(text) if a.source else ""
    if a.actor_id and a.actor_id in actors():
        return body(a.actor_id), "table", a.actor_id
    if src:
        hit = _by_kind_and_country(src, data)
        if hit:
            return hit[0], "kind+country", hit[1]
        hit = match_actor(src, data)
        if hit:
            rule = "person->body" if body(hit[0]) != hit[0] else "table"
            return body(hit[0]), rule, hit[1]
    function_words = data.words("relative") | data.words("subject_pronoun") | data.words("determiner")
    if a.actor_id and all(w in function_words for w in a.actor_id.split()):
        return None, "none", src  # an unresolved *which* or *they* is nobody a reader can count
    return a.actor_id, "named" if a.actor_id else "none", src


def _relay_target(sent: str, data: LinkData) -> tuple[str, str, str] | None:
    """An actor named after a relay word (*citing*) or beside a briefing word in a sentence."""
    low = sent.lower()
    for rule, cls in (("citing", "relay_prep"), ("briefing", "briefing")):
        for w in data.words(cls):
            at = low.find(w)
            if at < 0:
                continue
            window = sent[max(0, at - 60) : at + len(w) + 80] if rule == "briefing" else sent[at + len(w) : at + 120]
            hit = _by_kind_and_country(window, data) or match_actor(window, data)
            if hit and actors().get(hit[0], ActorInfo("", "")).kind not in RELAYS:
                return body(hit[0]), rule, f"{w} … {hit[1]}"
    return None


def origins(analysis: Analysis, data: LinkData) -> list[Origin]:
    """One ``Origin`` per attribution of an article, in its order."""
    text = analysis.article.text
    named: list[str] = []
    out: dict[str, Origin] = {}
    for a in analysis.attributions:
        actor, rule, words = _speaker(a, text, data)
        speaker = actor
        if actor and rule == "named" and len(actor.split()) == 1:
            earlier = next((n for n in reversed(named) if n.split()[-1] == actor or actor in n.split()[1:]), None)
            if earlier:
                actor, rule, words = earlier, "surname", f"{actor} = {earlier}"
        info = actors().get(actor or "")
        relay = info is not None and info.kind in RELAYS
        if relay or rule in ("named", "none") or a.anonymous:
            found = _relay_target(sentence(text, a.cue).of(text), data)
            if found:
                actor, rule, words = found
            elif relay:
                actor, rule, words = None, "relay-only", speaker or ""
            elif a.anonymous and a.via and a.via in out and out[a.via].speaker:
                host = out[a.via].speaker
                if actors().get(host or "", ActorInfo("", "")).kind in RELAYS:
                    actor, rule, words = f"{host} sources", "sources-of-outlet", host or ""
        if a.anonymous and rule in ("named", "none"):
            actor = None
        if actor and rule == "named":
            named.append(actor)
        out[a.id] = Origin(analysis.article.id, a.id, actor, speaker, rule, words)
    return [out[a.id] for a in analysis.attributions]
