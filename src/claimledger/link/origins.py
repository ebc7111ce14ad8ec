"""Who each attribution's claim originates with: relays collapsed, people mapped to their body.

An article names a *speaker* (*Yonhap*, *lawmaker Park*, *a Kremlin spokesman*); what a user
counts is the *originating actor*, the body whose knowledge the claim rests on. ``actors.py``
matches words to the actor tables; the rules here decide, in order, each recorded with the
words it rests on:

- ``table``: the speaker's words hold a name from the actor tables (*den finska polisen*).
- ``kind+country``: a kind word and a country (*Seoul's spy agency*: intelligence, KR) pick
  the one body of that kind in that country.
- ``person->body``: a person in the tables speaks for their parent body.
- ``surname``: *Park* is the *lawmaker Park Sun-won* quoted earlier in the article;
  ``introduced``: *Cho* is the *NIS director Cho Tae-yong* named earlier, quoted or not;
  ``full-name``: failing both, *Clinton* is the *Hillary Clinton* the article names in full
  (the nearest before, else the only one), so a person is one actor however often cited.
- ``citing`` / ``briefing``: a relay word in the sentence, outside the claim itself (*citing
  the NIS*, *after an NIS briefing*), names the actor behind a relaying or briefed speaker.
- ``scoped``: a body named without its country (*polisen*, *the interior minister*,
  *airport officials*) is that body of the speaker's own country word, else of the country
  the article is about (``scope.py``).
- ``relay-only``: an outlet or agency whose content holds another attribution only relays
  it (None); one that relays nothing is the source of what it reports (*enligt
  Iltalehti*: ``outlet-own``). Anonymous sources under an outlet become that outlet's
  sources (*WSJ sources*).
Named speakers outside the tables keep their own normalised words as actor (titles such as
*Mr* dropped), so the same name in another article is the same actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from claimledger.link.actors import (
    PERSON_RULES,
    RELAYS,
    WORD_RUN,
    _by_kind_and_country,
    _countryless,
    _speaker,
    body,
    full_name,
    last_actor,
    match_actor,
    person_name,
    spoken_for,
    word_starts,
)
from claimledger.link.data import ActorInfo, LinkData, actors, load
from claimledger.link.scope import SCOPE_LEAD, article_scope, countries_in, lead_country
from claimledger.link.terms import sentence
from claimledger.model import (
    ASCII_MARKS,
    FULL_NAME_RULE,
    INNER_MARKS,
    SURNAME_RULE,
    Analysis,
    Attribution,
    Origin,
    Span,
    capitalised,
    name_pattern,
)

BRIEFING_BEFORE, BRIEFING_AFTER, CITING_AFTER = 100, 60, 120
"""How far from a briefing or citing word (characters) the actor behind a relay is looked for."""
INTRO_CHARS, INTRO_WORDS = 80, 6
"""How much text before a name's first mention may hold the body it was introduced with."""


def _relay_target(sent: str, data: LinkData, outside: str | None = None) -> tuple[str, str, str] | None:
    """An actor named after a relay word (*citing the NIS*), else the body nearest a briefing
    word: *the NIS … told a closed-door meeting*, *after a briefing by the NIS*.

    ``outside``: the sentence with the attribution's own content blanked out, where the relay
    word and the body after it are looked for: in *Park cited Cho as saying that North Korea
    plans …* the body Cho is said to have named is what is claimed, not who relays it.
    """
    outside = sent if outside is None else outside
    low = outside.lower()
    for w in sorted(data.words("relay_prep")):
        at = low.find(w)
        hit = _first_body(outside[at + len(w) : at + len(w) + CITING_AFTER], data) if at >= 0 else None
        if hit:
            return hit[0], "citing", f"{w} … {hit[1]}"
    low = sent.lower()
    near: list[tuple[int, str, tuple[str, str]]] = []
    for w in sorted(data.words("briefing")):
        at = low.find(w)
        if at < 0:
            continue
        before, after = sent[max(0, at - BRIEFING_BEFORE) : at], sent[at + len(w) : at + len(w) + BRIEFING_AFTER]
        for hit in [last_actor(before, data, "any")]:
            if hit and (d := before.lower().rfind(hit[1])) >= 0:
                near.append((len(before) - d, w, hit))
        for hit in [_first_body(after, data)]:
            if hit and (d := after.lower().find(hit[1])) >= 0:
                near.append((d, w, hit))
    if near:
        _d, w, hit = min(near)
        return hit[0], "briefing", f"{w} … {hit[1]}"
    return None


def _first_body(text: str, data: LinkData) -> tuple[str, str] | None:
    hit = _by_kind_and_country(text, data) or match_actor(text, data)
    if hit and actors().get(hit[0], ActorInfo("", "")).kind not in RELAYS:
        return body(hit[0], data.day), hit[1]
    return None


def _blanked(text: str, sent: Span, content: Span) -> str:
    """The sentence with ``content`` (where it falls inside) replaced by spaces, offsets kept."""
    lo, hi = max(sent.start, content.start), min(sent.end, content.end)
    if lo >= hi:
        return sent.of(text)
    return text[sent.start : lo] + " " * (hi - lo) + text[hi : sent.end]


def _introduced(text: str, a: Attribution, data: LinkData) -> tuple[str, str, str] | None:
    """The body a one-word named speaker (*Cho*) was introduced with earlier in the article:
    the words right before the full name's first mention (*NIS director Cho Tae-yong*,
    *Ukrainian President Volodymyr Zelenskyy*) that name a table body or a kind and country.
    Only the words since the last mark before the name count, at most ``INTRO_WORDS`` of them."""
    src = a.source.of(text) if a.source else ""
    if not src or " " in src.strip():
        return None
    upto, name = (a.source or a.cue).start, src.strip()
    return next((found for at, found in _introductions(name, text, data.lang, data.day) if at + len(name) <= upto),
                None)


@lru_cache(maxsize=256)
def _introductions(name: str, text: str, lang: str, day: str) -> tuple[tuple[int, tuple[str, str, str]], ...]:
    """Every place the article writes ``name`` after words that introduce a body, in text order,
    with what ``_introduced`` makes of it: read once per article and name, so a text that repeats
    *Cho said* a thousand times is not read again for each."""
    data = load(lang).on(day or None)
    if WORD_RUN.fullmatch(name):  # the article's word index, built once: no scan of the text per speaker
        starts: list[int] = list(word_starts(text).get(name, ()))
    else:
        starts = [m.start() for m in re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])").finditer(text)]
    joins = data.words("coordinator") | data.words("complementizer") | data.words("conjunction")
    out = []
    for at in starts:
        gap = text[max(0, at - INTRO_CHARS) : at]
        cut = max(gap.rfind(mark) for mark in ".,;:\n\"”“")
        window = gap[cut + 1 :] if cut >= 0 else " ".join(gap.split()[-INTRO_WORDS:])
        # a title stands right before its name: *Trump and Democrat Hillary* or *… said that
        # President Barack* introduce no one by the words before the coordinator or complementizer
        words = window.split()
        window = " ".join(words[max((i + 1 for i, w in enumerate(words) if w.lower() in joins), default=0) :])
        if not window.strip():
            continue
        hit = _by_kind_and_country(window, data) or match_actor(window, data)
        kind = actors().get(hit[0], ActorInfo("", "")).kind if hit else ""
        if hit and kind not in RELAYS and kind != "person":  # one person is not another's title
            out.append((at, (body(hit[0], data.day), "introduced", f"{name} = {window.strip()}")))
    return tuple(out)


def speaker_scope(analysis: Analysis, data: LinkData) -> str | None:
    """The country an article is about: that of the table bodies it quotes, if one clearly
    leads; else the one whose country words its text uses most; else, where the text names a
    country too seldom to tell, those words and the seats of the outlets it quotes together
    (*finskt vatten … enligt Yle … enligt Iltalehti*)."""
    text = analysis.article.text
    table = actors()
    quoted, outlets = [], []
    for a in analysis.attributions:
        hit = match_actor(a.source.of(text), data) if a.source else None
        if hit and _countryless(hit[1], data):
            continue  # *polisen* names no country: it cannot tell which one the story is about
        info = table.get(body(hit[0], data.day), ActorInfo("", "")) if hit else ActorInfo("", "")
        if info.kind in RELAYS:  # an outlet's seat is not the story's, unless nothing else tells
            outlets.append(info.country)
        elif info.country:
            quoted.append(info.country)
    return (lead_country(quoted) or article_scope(text, data.lang)
            or lead_country(countries_in(text, data.lang) + [c for c in outlets if c], SCOPE_LEAD))


def origins(analysis: Analysis, data: LinkData, scope: str | None = None) -> list[Origin]:
    """One ``Origin`` per attribution of an article, in its order (``scope``: the country the
    article is about, ``speaker_scope``)."""
    text = analysis.article.text
    names: dict[str, str | None] = {}
    out: dict[str, Origin] = {}
    # an outlet relays another only where that one names a source: a report holding a bare passive
    # (*Yle: fartyget, som misstänks för sabotage, ...*) names nobody else, so the outlet is its origin
    sourced = [a for a in analysis.attributions if a.source is not None]
    relays_other = {a.via for a in sourced if a.via} | _holding(sourced)
    relayed: dict[str, str] = {}
    earlier: list[str] = []  # the actors of the attributions before, in order
    for a in analysis.attributions:
        a = _cited_inside(a)
        actor, rule, words = _speaker(a, text, data, scope, earlier)
        if (rule == "definite" and actors().get(actor or "", ActorInfo("", "person")).kind == "person" and a.source
                and (person := person_name(a.source.of(text), data)) and person != (actor or "").lower()):
            # *The chief, Paul Manafort* is the person the description names, not another person
            # quoted before (a body's official still speaks for the body: *the agency's head, Cho*)
            actor, rule, words = _in_tables(person, data) or (person, "named", a.source.of(text))
        speaker = actor
        last = actor.split()[-1] if actor else ""
        if actor and rule == "named" and last in names:
            known = names[last] or ""
            actor, rule, words = names[last], SURNAME_RULE, f"{actor} = {_as_written(known, text, a.cue.start)}"
        elif actor and rule == "named" and " " not in actor and (intro := _introduced(text, a, data)):
            actor, rule, words = intro  # *Cho* is the *NIS director Cho Tae-yong* named earlier
        elif (actor and rule == "named" and " " not in actor and a.source
              and (full := full_name(_name_as_written(actor, a.source.of(text), text), text, a.source.start, data))):
            # *Clinton* is the *Hillary Clinton* the article names in full, and a person of the
            # tables speaks for the office held that day, as when named in full
            actor, rule, words = _in_tables(full, data) or (full, FULL_NAME_RULE, _as_written(full, text, a.cue.start))
            words = f"{a.source.of(text).strip()} = {words}"
        info = actors().get(actor or "")
        relay = info is not None and info.kind in RELAYS
        if relay or rule in ("named", "none") or a.anonymous:
            sent = sentence(text, a.cue)
            # the claim itself names no relay, unless the cue is the relay word (*Yonhap cited the
            # NIS as …*) or the claim holds the relayed attribution: then the relayed body is in it
            own = a.id in relays_other or a.cue.of(text).lower() in data.words("relay_prep")
            outside = sent.of(text) if own else _blanked(text, sent, a.content)
            found = _relay_target(sent.of(text), data, outside)
            if found:
                actor, rule, words = found
            elif relay and a.via in out and out[a.via].actor and out[a.via].rule != "outlet-own":
                actor, rule, words = out[a.via].actor, "relay", f"{speaker} relays {out[a.via].actor}"
                relayed.setdefault(speaker or "", actor or "")
            elif relay and a.id in relays_other:
                actor, rule, words = None, "relay-only", speaker or ""
            elif relay and actor in relayed:
                actor, rule, words = relayed[actor], "relay-of-outlet", f"{speaker} relays {relayed[actor]}"
            elif relay:
                rule = "outlet-own"
            elif a.anonymous and a.via and a.via in out and out[a.via].speaker:
                host = out[a.via].speaker
                if actors().get(host or "", ActorInfo("", "")).kind in RELAYS:
                    actor, rule, words = f"{host} sources", "sources-of-outlet", host or ""
        if a.anonymous and rule in ("named", "none"):
            actor = None
        if actor and _unsaid(a, text, data):
            actor, rule, words = None, NOT_SAID, a.cue.of(text)
        if a.source and actor and rule not in (SURNAME_RULE, FULL_NAME_RULE):
            # later *Park* or *Koskimäki* is whoever this named person turned out to be; only a
            # name of the actor's or the speaker's own counts: *Obama* in *Obama on Climate
            # Change* or *Clarke* in *Clarke's new company* is not who speaks
            # a table body stands for the person it names (*NIS director Cho*: later *Cho* is the
            # NIS); a person or another actor only for its own words, and the person for theirs
            person = person_name(a.source.of(text), data) or ""
            in_tables = actors().get(actor, ActorInfo("", "person")).kind != "person"
            named = set(f"{actor} {person if in_tables else ''}".lower().split())
            for name in re.findall(r"\b[A-ZÅÄÖ][\w-]{2,}", a.source.of(text)):
                if name.lower() in named:
                    names.setdefault(name.lower(), actor)
                elif not in_tables and name.lower() in person.split():
                    names.setdefault(name.lower(), person)
        out[a.id] = Origin(analysis.article.id, a.id, actor, speaker, rule, words)
        if actor:
            earlier.append(actor)
        outer = out.get(a.via or "")
        if outer and actor and outer.actor is None and outer.rule == "relay-only" and outer.speaker:
            relayed.setdefault(outer.speaker, actor)  # a later *it said* of this outlet is this actor
    by_via: dict[str, list[Attribution]] = {}
    for a in analysis.attributions:
        if a.via:
            by_via.setdefault(a.via, []).append(a)
    return [_through_relay(out[a.id], by_via.get(a.id, []), out) for a in analysis.attributions]


def _holding(attributions: Sequence[Attribution]) -> set[str]:
    """The attributions whose content holds another attribution's cue (found by position, so a
    long article's attributions are not each held against every other)."""
    cues = sorted(a.cue.start for a in attributions)
    out = set()
    for a in attributions:
        held = bisect_left(cues, a.content.end) - bisect_left(cues, a.content.start)
        if held - (a.content.start <= a.cue.start < a.content.end) > 0:
            out.add(a.id)
    return out


def _written_word(word: str, source: str) -> str:
    """The source's word that is ``word`` as written (*King* in *both King and Schultz*), or the whole source."""
    return next((w for w in WORD_RUN.findall(source) if w.lower() == word), source)


def _name_as_written(word: str, source: str, text: str) -> str:
    """``word`` as the source writes it, or, for a pronoun standing for it (*he* said, after
    *Clarke*), as the article writes it with a capital: who *he* is gets the full name too."""
    written = _written_word(word, source)
    if written.lower() == word:
        return written
    for at in _folded_starts(text).get(word, ()):
        form = m.group() if (m := WORD_RUN.match(text, at)) else ""  # *Holtz-Eakin* for *holtzeakin*
        if form[:1].isupper():
            return form
    return written


@lru_cache(maxsize=64)
def _folded_starts(text: str) -> dict[str, tuple[int, ...]]:
    """The article's words by lower case, and a hyphenated word also without its hyphens as a
    person's key writes it (*sun-won*, *sunwon*); read once per article (``word_starts``)."""
    found: dict[str, tuple[int, ...]] = {}
    for word, at in word_starts(text).items():  # merged from the words as written (read anyway): in order still
        low = word.lower()
        found[low] = tuple(sorted(found[low] + at)) if low in found else at
    joined: dict[str, tuple[int, ...]] = {}
    for word, starts in found.items():
        if "-" in word and (bare := word.replace("-", "")) not in found:
            joined[bare] = tuple(sorted(joined.get(bare, ()) + starts))
    return found | joined


def _as_written(name: str, text: str, before: int) -> str:
    """A person's name as the article last wrote it before ``before`` (*Ted Cruz* for the key
    *ted cruz*), so a listing can show it as written; the key itself where the text never spells
    it out so (*park sunwon* from *Park Sun-won*)."""
    written = _written_forms(name, text)
    i = bisect_left(written, (before, ""))
    return written[i - 1][1] if i else name


@lru_cache(maxsize=1024)
def _written_forms(name: str, text: str) -> tuple[tuple[int, str], ...]:
    """Where an article writes a person's name with capitals, and how: found once per article and
    name from the places of its last word, so linking stays linear in the article's length however
    often a long text repeats *Smith said*."""
    words = name.split()
    if not words:
        return ()
    starts = _folded_starts(text).get(words[-1], ())
    if not starts:
        return ()  # the last word is nowhere in the text: no pattern to compile
    # a key with no quote of its own matches the same places of the text with its right quotes read
    # as apostrophes (neither a letter, both \W), by a pattern far cheaper to compile
    plain = "'" not in name and "’" not in name
    ending = re.compile(name_pattern(name, ASCII_MARKS if plain else INNER_MARKS) + r"$", re.IGNORECASE)
    searched = _apostrophes(text) if plain else text
    out = []
    for at in starts:
        end = (w.end() if (w := WORD_RUN.match(text, at)) else at + len(words[-1]))  # *Sun-won* for *sunwon*
        m = ending.search(searched, max(0, end - NAME_SPAN), end)
        if m is not None and capitalised(written := text[m.start() : m.end()]):
            out.append((at, written))
    return tuple(out)


@lru_cache(maxsize=8)
def _apostrophes(text: str) -> str:
    """An article with its right quotes as apostrophes, made once for all its names."""
    return text.replace("’", "'")


NAME_SPAN = 120
"""The most characters a person's written name spans."""


def _in_tables(name: str, data: LinkData) -> tuple[str, str, str] | None:
    """A full name that is a person of the actor tables: (the body they speak for, rule, canonical)."""
    hit = match_actor(name, data)
    if hit is None or actors().get(hit[0], ActorInfo("", "")).kind != "person" or hit[1] != name:
        return None
    return spoken_for(hit[0], hit[0], data)


def _cited_inside(a: Attribution) -> Attribution:
    """*Lee cited Kim as saying that X*: one entry whose source is Lee and whose cue names who Lee
    relays (``Attribution.relayed``, set by the rule that read the relay); the claim comes from Kim,
    so Kim is read as its source here, as if Kim's own *saying* stood alone."""
    return replace(a, source=a.relayed) if a.relayed is not None else a


NOT_SAID = "not-said"
"""The origin rule of an attribution whose speech act the text negates: it names no source and states no fact."""


def _unsaid(a: Attribution, text: str, data: LinkData) -> bool:
    """A speech act the text says did not happen is nobody's claim: *Neither Russia nor North
    Korea have commented on the alleged deployment*, *Kreml har inte bekräftat*, *Polisen
    kommenterar inte*. The negation stands right before the cue, opens the source, or (where
    the finite verb comes first) is the adverb right after it; one in a clause between source
    and cue (*an official, who did not want to be named, said*) is not the cue's."""
    negation = data.words("negation")
    start = max(sentence(text, a.cue).start, a.cue.start - 40)
    before = [w.lower() for w in re.findall(r"\w+", text[start : a.cue.start])][-3:]
    opens = a.source is not None and a.source.start < a.cue.start and \
        text[a.source.start : a.source.end].split()[0].lower() in negation
    after = re.match(r"\s+(\w+)", text[a.cue.end : a.cue.end + 20])
    adverb = after is not None and after.group(1).lower() in data.words("negation_adverb")
    return opens or adverb or (any(w in negation for w in before) and "," not in text[a.cue.start - 20 : a.cue.start])


def _through_relay(o: Origin, relayed: list[Attribution], out: dict[str, Origin]) -> Origin:
    """A named speaker outside the tables whose content holds another attribution (``relayed``:
    those whose ``via`` it is) relays it: *according to lawmaker Park* around *the NIS director
    said* is the NIS."""
    if o.rule not in PERSON_RULES or o.actor in actors():
        return o
    inner = next((out[b.id] for b in relayed if out[b.id].actor and out[b.id].actor in actors()), None)
    if inner is None:
        return o
    return Origin(o.article_id, o.attribution_id, inner.actor, o.speaker, "relay", f"{o.speaker} relays {inner.actor}")
