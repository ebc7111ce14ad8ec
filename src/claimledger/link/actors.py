"""Which actor a speaker's words name: the actor tables, kinds and countries, roles, persons.

``match_actor`` finds a table body in words (*den finska polisen*, *Seoul's spy agency*),
``resolve`` and ``_speaker`` turn one attribution's source into (actor, rule, words):
a table name, a kind word with a country, a person in the tables (their parent body), a
definite role noun (*the agency*) standing for the body named or quoted before it, a role of
one kind in the story's country, a pronoun's body named shortly before; a named person
outside the tables keeps their normalised name. ``origins.py`` applies these per article
and collapses relays. A figure outside every attribution takes the source whose cue is in
its sentence, or the table body that is the subject of a counting verb there (*the police
counted 16,300*): ``claimed.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from claimledger.link.data import ActorInfo, LinkData, actors, load, neutral_aliases, offices
from claimledger.link.scope import (
    _WORD,
    countries_in,
    country_words,
    match_scoped,
    scoped_aliases,
    words_of,
)
from claimledger.link.terms import sentence
from claimledger.model import FULL_NAME_RULE, SURNAME_RULE, Attribution

RELAYS = frozenset({"agency", "outlet"})
RELAY_RULES = ("briefing", "citing")
"""Rules by which a named person was found to speak for a body (*lawmaker Park after an NIS briefing*)."""
PERSON_RULES = ("named", SURNAME_RULE, FULL_NAME_RULE)
"""Rules that leave a claim with a named person and no body behind them."""
_POSSESSIVE = re.compile(r"(\w[\w.-]*)['’]s?\s+\w")


def _owned(src: str) -> bool:
    """Whether a phrase opens with a capitalised name in the possessive (*Armenia's …*, *South
    Korea's …*, *Lloyds' …*): every word up to the possessive starts with a capital. Such a
    phrase is no anaphor (the owner is named), whatever the tables know of the owner."""
    m = _POSSESSIVE.search(src)
    if not m:
        return False
    owner = src[: m.end(1)].split()
    return bool(owner) and all(w[:1].isupper() for w in owner)


PRONOUN_BACK = 300
"""How far back (characters) *he* or *she* with no antecedent among the sources looks for a body."""


@cache
def _aliases(lang: str) -> tuple[dict[str, tuple[int, ...]], dict[tuple[str, ...], str]]:
    """The lengths of the aliases each word opens, longest first, and each alias's canonical (the
    first in the tables). *The* opens a thousand English aliases: a slice per length and a dict
    lookup at each word, not a comparison with every alias the word opens, which was most of
    linking's time."""
    from claimledger.nlp.lexicon import load

    pairs = [(c, a) for c, _k, aliases in load(lang).actors for a in aliases]
    pairs += list(neutral_aliases())
    # a name keyed without its hyphens (*Park Sunwon*, ``person_name``) is the name with them
    have = {a for _c, a in pairs}
    pairs += [(c, joined) for c, a in pairs if any("-" in w for w in a)
              and (joined := tuple(w.replace("-", "") for w in a)) not in have]
    lengths: dict[str, set[int]] = {}
    canonical: dict[tuple[str, ...], str] = {}
    for name, alias in pairs:
        if alias:
            canonical.setdefault(alias, name)
            lengths.setdefault(alias[0], set()).add(len(alias))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}, canonical


def match_actor(text: str, data: LinkData) -> tuple[str, str] | None:
    """The table actor whose longest alias the text holds as whole words: (canonical, alias)."""
    return _match_actor(text, data.lang)


@lru_cache(maxsize=16384)
def _match_actor(text: str, lang: str) -> tuple[str, str] | None:
    """``match_actor`` kept per text: a source's words are matched again for each rule that asks."""
    hits = [hit for _i, hit in _longest_at(words_of(text), lang)]
    best = max(hits, key=lambda hit: len(hit[1]), default=None)  # the first of the longest
    return (best[0], " ".join(best[1])) if best else None


def _longest_at(words: Sequence[str], lang: str) -> Iterator[tuple[int, tuple[str, tuple[str, ...]]]]:
    """(i, (canonical, alias)) for each word ``i`` that opens a table alias, the longest there."""
    lengths, canonical = _aliases(lang)
    for i, w in enumerate(words):
        for n in lengths.get(w, ()):
            if (name := canonical.get(alias := tuple(words[i : i + n]))) is not None and len(alias) == n:
                yield i, (name, alias)
                break


def last_actor(text: str, data: LinkData, kind: str, upto: int | None = None,
               since: int = 0) -> tuple[str, str] | None:
    """The table body named last in ``text`` (between characters ``since`` and ``upto``, if given)
    whose kind is ``kind`` (``any``: any but outlets)."""
    # the whole article (``upto`` given) is scanned once and kept; a window is scanned as it is
    hits = _named_in_article(text, data.lang, data.day) if upto is not None else _named(text, data.lang, data.day)
    for start, end, found, alias in reversed(hits):
        if upto is not None and end > upto:
            continue
        if start < since:
            break
        k = actors().get(found, ActorInfo("", "")).kind
        if (kind == "any" and k not in RELAYS and k != "person") or k == kind:
            return found, alias
    return None


def _named(text: str, lang: str, day: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every table body the text names, in order: (start and end offsets, body on ``day``, alias as
    written in the table)."""
    matches = list(_WORD.finditer(text))
    words = [m.group().lower().replace("’", "'") for m in matches]
    return tuple((matches[i].start(), matches[i + len(alias) - 1].end(), body(canonical, day), " ".join(alias))
                 for i, (canonical, alias) in _longest_at(words, lang))


_named_in_article = lru_cache(maxsize=8)(_named)
"""``_named`` kept per article text: a speaker's role is looked up in all the text before it, and
scanning the article again for each of its speakers would make linking quadratic in length."""


def _definite(src: str, a: Attribution, text: str, data: LinkData,
              earlier: list[str]) -> tuple[str, str, str] | None:
    """*the agency*, *his agency*, *the spy chief*: a role noun standing for the body quoted
    last (``earlier``: the actors of the article's earlier attributions) or named shortly before.
    (Not asked when a name owns the noun, *Armenia's defence ministry*: see ``_owned``.)
    """
    words = [w for w in words_of(src) if w not in data.words("possessive")]
    if words and words[0] in data.words("determiner"):
        words = words[1:]
    forms = [" ".join(words), "the " + " ".join(words)]
    country = None
    if len(words) > 1:  # *the Finnish telecoms group*: the head noun's role, in the country named
        if len(words) > 2:  # *the telecoms group* before *the group*
            forms.append("the " + " ".join(words[-2:]))
        forms.append("the " + words[-1])
        named = countries_in(src, data.lang)
        country = named[0] if named else None
    for form in forms:
        role = data.roles.get(form)
        if role and role[0] in ("body", "head"):
            kind = role[1]
            for actor in reversed(earlier):
                info = actors().get(actor, ActorInfo("", ""))
                fits = (kind == "any" and info.kind not in RELAYS) or info.kind == kind
                if fits and country in (None, info.country):
                    return actor, "definite", f"{src} = {actor}"
            start = a.source.start if a.source else a.cue.start
            hit = last_actor(text, data, kind, upto=start, since=max(0, sentence(text, a.cue).start - 400))
            if hit:
                return hit[0], "definite", f"{src} = {hit[1]}"
    return None


def _by_role(src: str, data: LinkData, scope: str | None, text: str = "", at: int = 0) -> tuple[str, str, str] | None:
    """*Criminal Inspector Sami Paila* in a Finnish story: a role of one kind (police) is that
    kind's body in the story's country, found through the kind's own body nouns (*the police*),
    else the body of that kind the text named last before the speaker (at ``at``)."""
    words = words_of(src)
    found = [data.roles.get(" ".join(words[i:j])) for i in range(len(words))
             for j in range(i + 1, min(len(words), i + 4) + 1)]
    kinds = {r[1] for r in found if r and r[0] in ("head", "official", "body") and r[1] != "any"}
    if len(kinds) != 1:
        return None
    kind = next(iter(kinds))
    for form, (name, k) in data.roles.items():
        if scope and name == "body" and k == kind:
            hit = match_scoped(form, scope, data)
            if hit:
                return body(hit[0], data.day), "role+scope", f"{kind} in {scope}"
    # else the body of that kind named last before the speaker; not a government: every country named is one
    hit = last_actor(text, data, kind, upto=at) if at and kind != "government" else None
    return (hit[0], "role+earlier", f"{kind}: {hit[1]}") if hit else None


def _kind_of(words: tuple[str, ...], data: LinkData) -> str | None:
    for kind, stems in data.lex.source_kinds:
        if any(w.startswith(s) for w in words for s in stems if " " not in s):
            return kind
    return None


def _by_kind_and_country(text: str, data: LinkData) -> tuple[str, str] | None:
    """*Seoul's spy agency*: the table's one body of the named kind in the named country."""
    words = words_of(text)
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


def body(canonical: str, day: str = "") -> str:
    """The body an actor speaks for: a person's office on ``day`` (an ISO day) where
    ``lang/offices.tsv`` dates their terms, and the person themselves on a day outside every term
    (*Trump said* in 2016 is no White House claim); a person's parent in ``lang/actors.tsv`` when
    no terms are listed or the day is unknown; any other actor is its own body."""
    info = actors().get(canonical)
    if info is None or info.kind != "person":
        return canonical
    terms = offices().get(canonical)
    if terms and day:
        return next((b for start, end, b in terms if start <= day and (not end or day < end)), canonical)
    return info.parent or canonical


def spoken_for(canonical: str, words: str, data: LinkData) -> tuple[str, str, str]:
    """(actor, rule, words) for a table actor named: the body it speaks for on the article's day,
    with rule ``person->body`` where that is not the actor itself, else ``table``."""
    office = body(canonical, data.day)
    return office, "person->body" if office != canonical else "table", words


def _countryless(alias: str, data: LinkData) -> bool:
    """Whether a table alias names a body without its country (*polisen*, *the government*)."""
    return tuple(alias.split()) in scoped_aliases(data.lang)


def resolve(words: str, data: LinkData, scope: str | None) -> tuple[str, str, str] | None:
    """(actor, rule, words) for a phrase that names a table body, directly or without its country."""
    hit = _by_kind_and_country(words, data)
    if hit:
        return hit[0], "kind+country", hit[1]
    hit = match_actor(words, data)
    if hit and _countryless(hit[1], data):
        # *polisen* is the Swedish police in a Swedish story, the Finnish police in a Finnish one
        scoped = match_scoped(hit[1], scope, data)
        if scoped and scoped[0] != hit[0]:
            return body(scoped[0], data.day), "scoped", scoped[1]
    if hit:
        return spoken_for(hit[0], hit[1], data)
    hit = match_scoped(words, scope, data)
    if hit:
        return body(hit[0], data.day), "scoped", hit[1]
    return None


def _speaker(a: Attribution, text: str, data: LinkData, scope: str | None,
             earlier: list[str]) -> tuple[str | None, str, str]:
    """(actor, rule, words) for the named source of one attribution, before relays collapse."""
    src = a.source.of(text) if a.source else ""
    if a.actor_id and a.actor_id in actors():
        hit = match_actor(src, data) if src else None
        scoped = match_scoped(hit[1], scope, data) if hit and _countryless(hit[1], data) else None
        if scoped and scoped[0] != a.actor_id:
            return body(scoped[0], data.day), "scoped", scoped[1]  # the pipeline read *polisen* as its own country's
        return body(a.actor_id, data.day), "table", a.actor_id
    owned = _owned(src)  # *Armenia's defence ministry*: named, in either spelling of it below
    for phrase in (src, a.actor_id or ""):
        found = phrase and (resolve(phrase, data, scope) or (not owned and _definite(phrase, a, text, data, earlier))
                            or _by_role(phrase, data, scope, text, (a.source or a.cue).start))
        if found:
            return found
    if src.lower() in data.words("person_pronoun") and a.actor_id in (None, src.lower()):
        # *he stated* with no antecedent among the sources: the body named last before it
        at = (a.source or a.cue).start
        hit = last_actor(text, data, "any", upto=at, since=max(0, at - PRONOUN_BACK))
        if hit:
            return hit[0], "pronoun", f"{src} = {hit[1]}"
    function_words = data.words("relative") | data.words("subject_pronoun") | data.words("determiner")
    if a.actor_id and all(w in function_words for w in a.actor_id.split()):
        return None, "none", src  # an unresolved *which* or *they* is nobody a reader can count
    if a.actor_id:
        honorific = data.words("honorific")
        name = " ".join(w for w in a.actor_id.split() if w not in honorific) or a.actor_id
        people = coordinated_names(src, data)
        if len(people) > 1:
            return people[0].lower(), "named", src  # *Grassley and Leahy said*: each a source (``co_sources``)
        if " " not in name and _written_as(name, text):
            return None, "common-noun", src  # *Details:*, *Quote*, *reports*: a word, not a name
        # *Douglas Holtz-Eakin, a former budget director*: the name before the apposition
        return person_name(src, data) or person_name(src.split(",")[0], data) or name, "named", src
    return None, "none", src


def _written_as(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` exactly so (case and all) as a whole word."""
    if WORD_RUN.fullmatch(word):
        return word in word_starts(text)
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


WORD_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=8)
def word_starts(text: str, folded: bool = False) -> dict[str, tuple[int, ...]]:
    """Where each word of an article starts (as written, hyphenated ones whole, or by its lower
    case when ``folded``), in text order: one scan for all its speakers, whether a word occurs at
    all or where it was first named."""
    found: dict[str, list[int]] = {}
    for m in WORD_RUN.finditer(text):
        found.setdefault(m.group().lower() if folded else m.group(), []).append(m.start())
    return {w: tuple(at) for w, at in found.items()}


def person_name(src: str, data: LinkData) -> str | None:
    """The name in a speaker's words, without the title or role before it and the time after it:
    *lawmaker Park Sun-won* and *South Korean parliamentarian Park Sunwon on Wednesday* are both
    ``park sunwon``, so one person is one actor across articles. A bracket after the name (party and
    state, age) and a title's abbreviation before it (*Sen.*) are no part of it."""
    # *Sen. Ted Cruz (R-Tex.)*, *Texas Gov. Greg Abbott*: the name follows the title, before the bracket
    words = re.findall(r"[\w'’-]+", _TITLE_ABBREVIATION.split(_BRACKETED.sub(" ", src))[-1])
    time = data.words("weekday") | data.words("month") | data.words("time_prep")
    while words and words[-1].lower() in time:
        words.pop()
    run: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if not w[:1].isupper() or low in data.roles or low in data.words("honorific"):
            break
        if low in data.words("determiner") and len(low) > 1 and len(run) >= 2:
            break  # *The California Independent System Operator*; but *The Hill* keeps its article
        run.insert(0, low.replace("-", ""))
    return " ".join(run) if len(run) >= 2 else None


def coordinated_names(src: str, data: LinkData) -> list[str]:
    """The names, as written, of a source that coordinates people (*Grassley and Leahy*, *Sen.
    Ann Lee and Rep. Tom Ortiz*): each part's name without title or role; [] unless every part is
    one, after words of those kinds (*protesters and civic leaders* names nobody, nor *officials
    in neighbouring Castilla-La Mancha and Andalusia*)."""
    joins = data.words("coordinator")
    parts: list[list[str]] = [[]]
    for w in re.findall(r"[\w'’.-]+|[,|]", _TITLE_ABBREVIATION.sub(" | ", _BRACKETED.sub(" ", src))):
        if w.lower() in joins or w == ",":
            parts.append([])
        elif w == "|":
            parts[-1] = []  # *Texas Gov. Greg Abbott*: the name follows the title
        else:
            parts[-1].append(w)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return []
    stop = data.words("determiner") | data.words("honorific") | frozenset(data.roles)
    titles = data.words("honorific") | frozenset(data.roles)
    names = []
    for part in parts:
        lead = 0  # determiners, titles and roles before the name
        while lead < len(part) and (part[lead].lower() in stop or part[lead].lower().rstrip(".") in stop):
            lead += 1
        # or any words ending in a role or title (*former U.N. ambassador John Bolton*, *White House
        # aide Sebastian Gorka*): the name is the capitalised run after the last such word
        last = max((k for k, w in enumerate(part) if w.lower() in titles or w.lower().rstrip(".") in titles),
                   default=-1)
        lead = max(lead, last + 1)
        run = part[lead:]
        # a name is a short run of capitalised words: *Department of Health* or a body's kind
        # word (*Ministry*, *Police*) makes the source no list of people
        if (not run or len(run) > NAME_WORDS or not all(w[:1].isupper() for w in run)
                or _kind_of(tuple(w.lower() for w in run), data) not in (None, "person")):
            return []
        names.append(" ".join(w.rstrip(".") for w in run))
    return names


_TITLE_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z][a-z]{1,4}\.(?=\s)")
"""A short capitalised abbreviation before a name is a title (*Sen.*, *Gov.*, *Gen.*), not the
name; an initial (*George W. Bush*) is one letter and stays."""

_BRACKETED = re.compile(r"\([^)]*\)?")
"""A bracket after a name (party and state, age), closed or cut off where the source ends."""

NAME_WORDS = 4
"""A person's name in a coordinated source is at most this many words."""


FULL_NAME_REACH = 3
"""Capitalised words before a surname that may still be the person's given names (*Mary Ann Smith*)."""


def full_name(surname: str, text: str, at: int, data: LinkData) -> str | None:
    """The person a bare surname names (*Clinton said*): the full name that ends in it nearest
    before ``at`` (*Hillary Clinton* in the paragraph above), else the only full name ending in it
    anywhere in the article; None when the article never writes one. News names a person in
    full first and by surname after, so one person is one actor, not *clinton* beside
    *hillary clinton*; where two people share the surname, the one named last is meant."""
    word = surname.strip()
    if not WORD_RUN.fullmatch(word) or not word[:1].isupper():
        return None
    found = _full_names(word, text, data.lang)
    before = bisect_left(found, (at, ""))
    if before:
        return found[before - 1][1]
    names = {name for _s, name in found}
    return names.pop() if len(names) == 1 else None


@lru_cache(maxsize=256)
def _full_names(word: str, text: str, lang: str) -> tuple[tuple[int, str], ...]:
    """Every full name ending in ``word`` that an article writes, with where it stands, in text
    order; found once per article and surname, so a text that repeats *Smith said* a thousand
    times is read once for it, not once per repetition."""
    data = load(lang)
    stop = _no_given_name(data)
    written = word_starts(text)
    found: list[tuple[int, str]] = []
    for start in written.get(word, ()):
        given: list[str] = []
        end = start
        while len(given) < FULL_NAME_REACH:
            m = re.search(r"([^\W\d_][\w'’.-]*) $", text[max(0, end - 40) : end])
            low = m.group(1).lower() if m else ""
            if (m is None or not m.group(1)[:1].isupper() or low in stop or "." in low
                    or low in written):  # a word the article also writes in lower case is no given name
                break
            given.insert(0, low.replace("-", ""))
            end -= len(m.group(0))
        if given:
            found.append((start, " ".join([*given, word.lower().replace("-", "")])))
    return tuple(found)


_NOT_NAMES = ("honorific", "determiner", "coordinator", "subordinator", "relative", "subject_pronoun", "time_prep",
              "locative", "weekday", "month", "possessive", "negation", "source_prep", "hearsay_prep", "relay_prep",
              "conjunction", "contrast", "adjunct_prep", "setting_prep", "complementizer", "expletive",
              "person_pronoun", "affiliation")


_NO_GIVEN_NAME: dict[str, frozenset[str]] = {}


def _no_given_name(data: LinkData) -> frozenset[str]:
    """Capitalised words that start a sentence or stand before a name without being part of it
    (*But*, *Enligt*, *Senator*, *Russian*, *Democrat*); built once per language."""
    if data.lang not in _NO_GIVEN_NAME:
        _NO_GIVEN_NAME[data.lang] = frozenset(data.roles).union(data.lex.cue_words(), data.words("source_stop"),
                                                                country_words(data.lang),
                                                                *(data.words(name) for name in _NOT_NAMES))
    return _NO_GIVEN_NAME[data.lang]
