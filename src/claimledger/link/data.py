"""The language knowledge the linker reads: concepts, unit factors, actors, roles.

Everything here comes from data files under ``claimledger/lang/`` (``concepts.tsv``,
``unitfactors.tsv``, ``actors.tsv``, ``roles.tsv``, ``capitals.tsv`` per language, and the language-neutral
``lang/actors.tsv`` with each actor's kind, country and parent body, and ``lang/offices.tsv`` with
the dated terms of people whose office changed), so a new language
is a new folder, never new code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from claimledger.lang import languages, table
from claimledger.nlp.lexicon import Lexicon
from claimledger.nlp.lexicon import load as load_lexicon


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One row of the language-neutral actor table."""

    canonical: str
    kind: str
    country: str = ""
    parent: str = ""


@dataclass(frozen=True)
class LinkData:
    """What the linker knows about one language."""

    lang: str
    lex: Lexicon
    concepts: tuple[tuple[str, str, tuple[str, ...], frozenset[str]], ...] = ()
    """(concept, kind, word stems, exact words), in file order: the first that matches wins."""
    factors: dict[str, tuple[str, float]] = field(default_factory=dict)
    """Unit word -> (concept, factor to the concept's base unit)."""
    roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Role word -> (role, kind): *talesperson* -> (spokesperson, any)."""

    capitals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Country -> its capital's names (``capitals.tsv``), the first the one a figure's place is."""
    weekday_order: tuple[str, ...] = ()
    """The ``weekday`` word class in file order: Monday first, each name's inflections after the seven."""
    day: str = ""
    """The ISO day of the article being linked, '' when unknown (``on``): a person speaks for the
    office they held that day (``offices``)."""

    def on(self, published: str | None) -> LinkData:
        """This language's data as read for an article published then (an ISO date or timestamp)."""
        day = published[:10] if published and _ISO_DAY.match(published) else ""
        return self if day == self.day else replace(self, day=day)

    def words(self, name: str) -> frozenset[str]:
        return self.lex.word_class(name)

    def weekdays(self) -> dict[str, int]:
        """Weekday word -> 0 (Monday) ... 6 (Sunday)."""
        return {w: i % 7 for i, w in enumerate(self.weekday_order)}

    def concept_of(self, word: str) -> tuple[str, str] | None:
        """The (concept, kind) a word names, if any (looked up once per language and word)."""
        return _concept_of(self.lang, word.lower())

    def concept_kind(self, concept: str) -> str:
        return next((k for c, k, _s, _e in self.concepts if c == concept), "count")


@lru_cache(maxsize=65536)
def _concept_of(lang: str, w: str) -> tuple[str, str] | None:
    """The first row of ``concepts.tsv`` (file order decides) that has ``w`` as an exact form or
    one of its stems as a prefix: looked up by the word's prefixes, not by trying every stem, and
    only by those no longer than the word (the lengths are sorted), keeping the least row as found
    (a word new to the cache costs this on each new article's vocabulary)."""
    exact, stems, lengths = _concept_index(lang)
    best = exact.get(w)
    get = stems.get
    for n in lengths[: bisect_right(lengths, len(w))]:
        row = get(w[:n])
        if row is not None and (best is None or row < best):
            best = row
    if best is None:
        return None
    concept, kind, _s, _e = load(lang).concepts[best]
    return concept, kind


@cache
def _concept_index(lang: str) -> tuple[dict[str, int], dict[str, int], tuple[int, ...]]:
    """Exact form -> first row, stem -> first row, and the stem lengths there are."""
    exact: dict[str, int] = {}
    stems: dict[str, int] = {}
    for row, (_c, _k, row_stems, row_exact) in enumerate(load(lang).concepts):
        for f in row_exact:
            exact.setdefault(f, row)
        for f in row_stems:
            stems.setdefault(f, row)
    return exact, stems, tuple(sorted({len(f) for f in stems}))


def _split(cell: str) -> list[str]:
    return [w.strip().lower() for w in cell.split(",") if w.strip()]


@cache
def load(lang: str) -> LinkData:
    """The linker's data for ``lang`` (cached); an unknown language gets empty tables."""
    concepts = []
    for row in table(lang, "concepts.tsv"):
        forms = _split(row[2])
        stems = tuple(f for f in forms if not f.startswith("="))
        exact = frozenset(f[1:] for f in forms if f.startswith("="))
        concepts.append((row[0], row[1], stems, exact))
    factors = {row[0].lower(): (row[1], float(row[2])) for row in table(lang, "unitfactors.tsv")}
    roles: dict[str, tuple[str, str]] = {}
    for row in table(lang, "roles.tsv"):
        if len(row) >= 3:
            for form in _split(row[2]):
                roles.setdefault(form, (row[0], row[1]))
    order = next((tuple(_split(row[1])) for row in table(lang, "words.tsv") if row[0] == "weekday"), ())
    capitals = {row[0]: tuple(_split(row[1])) for row in table(lang, "capitals.tsv") if len(row) >= 2}
    return LinkData(lang, load_lexicon(lang), tuple(concepts), factors, roles, capitals, order)


@cache
def concept_kinds(lang: str) -> dict[str, str]:
    """Concept id -> kind, with every *outcome:whom* pair (``injured:police``) an outcome and
    every *measure:thing* pair (``km:cables``) a measure."""
    kinds = {c: k for c, k, _s, _e in load(lang).concepts}
    outcomes = [c for c, k in kinds.items() if k == "outcome"]
    things = [c for c, k in kinds.items() if k in ("count", "event")]
    kinds.update({f"{o}:{c}": "outcome" for o in outcomes for c in things})
    # *a 170-kilometer cable* is km:cables, a measure of one thing
    kinds.update({f"{m}:{c}": "measure" for m in [c for c, k in kinds.items() if k == "measure"] for c in things})
    return kinds


@cache
def actors() -> dict[str, ActorInfo]:
    """Canonical name -> kind, country and parent, from ``lang/actors.tsv`` and every language's names."""
    out: dict[str, ActorInfo] = {}
    for row in table(None, "actors.tsv"):
        row = row + [""] * (5 - len(row))
        out[row[0]] = ActorInfo(row[0], row[1], row[2], row[3])
    for lang in languages():
        for canonical, kind, _aliases in load_lexicon(lang).actors:
            out.setdefault(canonical, ActorInfo(canonical, kind))
    return out


def with_table_kinds(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Actor listing rows with the kind the actor tables give a table actor, whatever the words
    of its sources suggest (a listing's ``kind`` is read off those words otherwise)."""
    table = actors()
    for r in rows:
        info = table.get(r["actor"])
        if info is not None:
            r["kind"] = info.kind
    return rows


@cache
def offices() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Person -> their dated terms, (from, to, body) each, from ``lang/offices.tsv``; ``to`` is
    exclusive and '' while the person is still in office."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in table(None, "offices.tsv"):
        row = row + [""] * (4 - len(row))
        out.setdefault(row[0], []).append((row[2], row[3], row[1]))
    return {person: tuple(terms) for person, terms in out.items()}


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def neutral_aliases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical, alias words) for names that are the same in every language (NATO, Reuters), longest first."""
    pairs = [
        (row[0], tuple(a.split()))
        for row in table(None, "actors.tsv")
        if len(row) >= 5
        for a in _split(row[4])
    ]
    return tuple(sorted(pairs, key=lambda p: -len(p[1])))
