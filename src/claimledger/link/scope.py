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

from claimledger.link.data import ActorInfo, LinkData, actors, load

_WORD = re.compile(r"[\w'’-]+")
MIN_ROWS = 2
"""A word names a country when it is in the aliases of at least this many of its actors."""
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
    """Word -> the one country whose actors it names (in at least ``MIN_ROWS`` rows)."""
    rows_with: dict[str, Counter[str]] = defaultdict(Counter)
    for _canonical, country, aliases in _rows(lang):
        for w in {w for alias in aliases for w in alias}:
            rows_with[w][country] += 1
    return {w: next(iter(c)) for w, c in rows_with.items() if len(c) == 1 and sum(c.values()) >= MIN_ROWS}


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


def article_scope(text: str, lang: str) -> str | None:
    """The country whose country words an article uses most, clearly."""
    cw = country_words(lang)
    return lead_country([cw[w] for w in words_of(text) if w in cw], SCOPE_LEAD)


def match_scoped(speaker: str, scope: str | None, data: LinkData) -> tuple[str, str] | None:
    """The body a speaker names without its country: (canonical, words), for the speaker's own
    country word if it has one, else the article's scope."""
    words = words_of(speaker)
    cw = country_words(data.lang)
    own = next((cw[w] for w in words if w in cw), None)
    country = own or scope
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
