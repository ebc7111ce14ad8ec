"""Scoped aliases: *polisen* in a Finnish story is the Finnish police.

The actor tables name bodies with their country (*finska polisen*, *the French interior
ministry*, *Copenhagen Airport*). An article about one country drops the country word
(*polisen*, *the interior minister*, *airport officials*). Nothing here is written per
country or per language: the **country words** of a language are read off its actor table
(a word that names actors of one country only, in at least two of its rows: *finska*,
*finland's*, *copenhagen*), the **scoped alias** of a row is its alias with those words
taken out (*finska polisen* -> *polisen* for FI), and an article's **scope** is the country
whose words it uses most. A speaker the tables miss is then read as the scoped alias of the
speaker's own country word, else of the article's scope.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from babel import Locale, UnknownLocaleError

from claimledger.link.data import ActorInfo, LinkData, actors, load

_WORD = re.compile(r"[\w'’-]+")
SCOPE_LEAD = 2
"""The scope country must be named at least this many times, and more than any other."""


def words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


def _rows(lang: str) -> list[tuple[str, str, tuple[tuple[str, ...], ...]]]:
    table = actors()
    return [(c, table.get(c, ActorInfo(c, k)).country, aliases) for c, k, aliases in load(lang).lex.actors
            if k != "person" and table.get(c, ActorInfo(c, k)).country]


@cache
def country_words(lang: str) -> dict[str, str]:
    """Word -> the one country whose actors it names.

    A word qualifies when it names actors of one country only and stands for the country
    itself: it is in the names of the country's own government (whose aliases are its country
    names, demonyms and capital, *finland*, *finnish*, *moscow*), or an inflection of such a
    word that names two of its actors (*finsk* beside *finska*). That keeps out the words a
    country's bodies merely share (*war* of *war department* and *study of war*, *online*,
    *nyheter*) and role words (*ledare*, *chancellor*). A word always bound to one neighbour
    (*north* of *north korea*, *states* of *united states*) names nothing alone."""
    return {w: country for w, (country, _rows_n) in _country_words(lang).items()}


@cache
def _tables(lang: str) -> tuple[dict[str, Counter[str]], dict[str, set[str]], dict[str, set[tuple[str, str]]]]:
    """Per word: the countries whose rows use it (and how often), each country's own government
    words, and the (previous, next) neighbours the word has in the aliases (first four letters)."""
    rows_with: dict[str, Counter[str]] = defaultdict(Counter)
    own: dict[str, set[str]] = defaultdict(set)
    neighbours: dict[str, set[tuple[str, str]]] = defaultdict(set)
    table = actors()
    for canonical, country, aliases in _rows(lang):
        info = table.get(canonical, ActorInfo(canonical, ""))
        for alias in aliases:
            for i, w in enumerate(alias):
                neighbours[w].add((alias[i - 1][:4] if i else "", alias[i + 1][:4] if i + 1 < len(alias) else ""))
        for w in {w for alias in aliases for w in alias}:
            rows_with[w][country] += 1
            if info.kind == "government" and not info.parent:
                own[country].add(w)
    return rows_with, own, neighbours


@cache
def _country_words(lang: str) -> dict[str, tuple[str, int]]:
    """Word -> (country, how many of its actors' rows use it): see ``country_words``."""
    rows_with, own, neighbours = _tables(lang)
    roles = {w for phrase in load(lang).roles for w in phrase.split()}
    out: dict[str, tuple[str, int]] = {}
    for w, c in rows_with.items():
        country, n = next(iter(c.items()))
        if len(c) != 1 or len(w) < 2 or w in roles or _bound(neighbours[w]):
            continue
        if w in own[country] or (n > 1 and any(_inflects(w, b) for b in own[country])):
            out[w] = (country, n)
    return out


@cache
def country_pairs(lang: str) -> dict[tuple[str, str], str]:
    """(word, next word) -> country, for the two-word names of a country its own government goes
    by and no other country's body uses: (*north*, *korean*) is North Korea, (*united*,
    *states*) the United States. The second word is a name two countries share (*korea*) or
    always follows the first (*states*, *kingdom*); a word that follows others too (*forces*,
    *government*) makes no name."""
    table = actors()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    own: set[tuple[str, str]] = set()
    for canonical, country, aliases in _rows(lang):
        info = table.get(canonical, ActorInfo(canonical, ""))
        for alias in aliases:
            for a, b in zip(alias, alias[1:], strict=False):
                seen[(a, b)].add(country)
                if info.kind == "government" and not info.parent:
                    own.add((a, b))
    rows_with, _own, neighbours = _tables(lang)
    shared_names = {w for w, c in rows_with.items() if len(c) == 2}
    data = load(lang)
    skip = country_words(lang).keys() | data.words("determiner") | data.words("possessive")
    return {pair: next(iter(seen[pair])) for pair in own
            if len(seen[pair]) == 1 and pair[0] not in skip and len(pair[0]) > 2 and len(pair[1]) > 1
            and (pair[1] in shared_names or {b for b, _a in neighbours[pair[1]]} == {pair[0][:4]})}


@cache
def names_country(word: str, lang: str) -> str | None:
    """The country a place word names as a whole: its name (Babel's territory names in the
    language, *Frankrike*, *Spain*) or its code (*US*), never its capital (*Paris* is narrower
    than France, though a country word of it)."""
    found = _country_words(lang).get(word)
    if found is None:
        return None
    country = found[0]
    names = {_territory(lang, country), country.lower()}
    return country if word in names else None


@cache
def _territory(lang: str, country: str) -> str:
    """The country's name in the language, lower case (Babel's CLDR data; none for a language it lacks)."""
    try:
        return str(Locale.parse(lang).territories.get(country, "")).lower()
    except (UnknownLocaleError, ValueError):  # a language folder Babel has no locale for
        return ""


def _bound(seen: set[tuple[str, str]]) -> bool:
    """Whether a word always has the same word before it, or always the same after it."""
    before, after = {b for b, _a in seen}, {a for _b, a in seen}
    return (len(before) == 1 and "" not in before) or (len(after) == 1 and "" not in after)


def _inflects(word: str, base: str) -> bool:
    """*finsk* and *finska*, *amerikansk* and *amerikanska*: one is the other plus an ending."""
    short, long_ = sorted((word, base), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


@cache
def scoped_aliases(lang: str) -> dict[tuple[str, ...], dict[str, str]]:
    """Alias without its country words -> {country: canonical}; where one country has several
    bodies under one scoped alias, the one above the others (*Danish police* over
    *Copenhagen police*) is kept, and none if no one is above the rest."""
    cw = country_words(lang)
    locative = load(lang).words("locative")
    found: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for canonical, country, aliases in _rows(lang):
        for alias in aliases:
            rest = [w for w in alias if cw.get(w) != country]
            while rest and rest[-1] in locative:
                rest.pop()
            if rest and len(rest) < len(alias) and any(len(w) > 3 for w in rest):
                found[tuple(rest)][country].add(canonical)
    out: dict[tuple[str, ...], dict[str, str]] = {}
    for alias, by_country in found.items():
        chosen = {c: top for c, names in by_country.items() if (top := _top(names))}
        if chosen:
            out[alias] = chosen
    return out


@cache
def _ancestors(canonical: str) -> tuple[str, ...]:
    table, out, seen = actors(), [], {canonical}
    parent = table.get(canonical, ActorInfo("", "")).parent
    while parent and parent not in seen:
        out.append(parent)
        seen.add(parent)
        parent = table.get(parent, ActorInfo("", "")).parent
    return tuple(out)


def _top(names: set[str]) -> str | None:
    """The one body that every other one of ``names`` sits under, if there is one."""
    if len(names) == 1:
        return next(iter(names))
    for n in names:
        if all(n == m or n in _ancestors(m) for m in names):
            return n
    return None


@cache
def independence_root(canonical: str) -> str:
    """What a source counts as when independent sources are counted: the body it answers to
    below the country's government (*Finnish NBI* -> *Finland's interior ministry*, *Copenhagen
    police* -> *Denmark's justice ministry*), so a police force and the ministry that
    publishes its figures count once, while two ministries, or a ministry and a company,
    count twice. Actors outside the tables count as themselves."""
    table = actors()
    chain = [canonical, *_ancestors(canonical)]
    if len(chain) > 1 and table.get(chain[-1], ActorInfo("", "")).kind == "government":
        return chain[-2]  # stop below the country's government itself
    return chain[-1]


def lead_country(countries: list[str], least: int = 1) -> str | None:
    """The country named at least ``least`` times and more than twice as often as any other."""
    top = Counter(countries).most_common(2)
    if not top or top[0][1] < least or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def countries_in(text: str, lang: str) -> list[str]:
    """The countries a text's country words name, in order; a short one counts only in capitals
    (*US*, *UK*, never the pronoun *us*)."""
    cw, pairs = country_words(lang), country_pairs(lang)
    out = []
    tokens = _WORD.findall(text)
    for i, token in enumerate(tokens):
        w = token.lower().replace("’", "'")
        if w in cw and (len(w) > 3 or token.isupper()):
            out.append(cw[w])
        elif i + 1 < len(tokens) and (pair := (w, tokens[i + 1].lower().replace("’", "'"))) in pairs:
            out.append(pairs[pair])
    return out


def article_scope(text: str, lang: str) -> str | None:
    """The country whose country words an article uses most, clearly."""
    return lead_country(countries_in(text, lang), SCOPE_LEAD)


def match_scoped(speaker: str, scope: str | None, data: LinkData) -> tuple[str, str] | None:
    """The body a speaker names without its country: (canonical, words), for the speaker's own
    country word if it has one, else the article's scope."""
    words = words_of(speaker)
    own = countries_in(speaker, data.lang)
    country = own[0] if own else scope
    if country is None:
        return None
    index = scoped_aliases(data.lang)
    best: tuple[int, str, str] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 6), i, -1):
            hit = index.get(words[i:j])
            if hit and country in hit and (best is None or j - i > best[0]):
                best = (j - i, hit[country], " ".join(words[i:j]))
                break
    return (best[1], f"{best[2]} in {country}") if best else None
