"""What a re-run changed: two ledgers of the same articles, compared (``claimledger diff``).

Why a diff of ledgers and not of code: a cue file edited, a rule tightened or a linking
threshold moved changes claims and facts across thousands of articles, and what a reviewer
needs before accepting the change is *which* claims: added, removed, relabelled, and which
facts the linker now merges or splits. Both ledgers are read through the query layer
(``queries.analysis`` rebuilds each article's records exactly as they were added,
``factqueries.copies`` gives copies with their titles) inside one read transaction each, so a
ledger being written meanwhile is still compared as one consistent state. Both are opened
read-only: a diff never writes either side (an older ledger is still migrated on open if its
file can be written, as every read-only open does).

Articles are the same article in both ledgers when their ids are (the id is the hash of the
text), so their records index the same text and are matched by span (``diffmatch``). Facts
have no identity across ledgers (a relink renumbers nothing on purpose, but a new fact takes
the id of whichever mention opened it), so they are mapped through their mentions: a mention
is ``(article, kind, record)``, an old record id translated to the new run's record it matched.
A new fact holding mentions of several old facts *merged* them; an old fact whose mentions
now lie in several new facts was *split*. Copies are compared as (copy, original) pairs.

The result is plain data (counts and up to ``examples`` examples per kind, article text
in them as it was stored): the CLI escapes it for the terminal or JSON (``safetext``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from claimledger.errors import UsageError
from claimledger.model import Analysis
from claimledger.store import factqueries, queries
from claimledger.store.diffmatch import (
    claim_changes,
    claim_words,
    match_claims,
    match_quantities,
    quantity_changes,
    quantity_words,
)
from claimledger.store.ledger import Ledger, check_arg
from claimledger.store.schema import articles as A
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import facts as F
from claimledger.version import UNKNOWN

MentionKey = tuple[str, str, str]
"""A fact mention's identity: (article id, kind ``a``/``q``, record id)."""


class Tally:
    """A count and the first few examples of one kind of change."""

    def __init__(self, keep: int) -> None:
        self.count = 0
        self.examples: list[dict[str, Any]] = []
        self._keep = keep

    def add(self, example: dict[str, Any]) -> None:
        self.count += 1
        if len(self.examples) < self._keep:
            self.examples.append(example)

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "examples": self.examples}


def pipelines(conn: Connection) -> dict[str, dict[str, int]]:
    """Which pipeline versions made a ledger: ``analysis`` counts articles per version, ``linking``
    facts per version (the linker's most numerous decision); rows older than 0006 as ``unknown``."""
    out: dict[str, dict[str, int]] = {}
    for name, col in (("analysis", A.c.pipeline), ("linking", F.c.pipeline)):
        counts: Counter[str] = Counter()
        for version, in conn.execute(select(col)):
            counts[version or UNKNOWN] += 1
        out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _titles(conn: Connection) -> dict[str, str | None]:
    """Every article's id and title: which articles a ledger holds, cheaply (no text)."""
    return {r.id: r.title for r in conn.execute(select(A.c.id, A.c.title))}


def _fact_mentions(conn: Connection) -> tuple[dict[str, str], dict[MentionKey, str]]:
    """Fact labels by id, and each mention's fact."""
    labels = {r.id: r.label for r in conn.execute(select(F.c.id, F.c.label))}
    owner = {(r.article_id, r.kind, r.record_id): r.fact_id
             for r in conn.execute(select(FM.c.fact_id, FM.c.article_id, FM.c.kind, FM.c.record_id))}
    return labels, owner


def _article(a: Analysis) -> dict[str, Any]:
    return {"article_id": a.article.id, "title": a.article.title}


_KINDS: tuple[tuple[str, str, str, Callable[[Analysis], Any], Callable[..., Any], Callable[..., Any],
                    Callable[..., Any]], ...] = (
    ("a", "claims", "relabelled", lambda x: x.attributions, match_claims, claim_changes, claim_words),
    ("q", "quantities", "changed", lambda x: x.quantities, match_quantities, quantity_changes, quantity_words),
)
"""Per record kind: mention kind, result section, what a changed match is called, the records,
how they are matched, how a match's changes and a record's words are read."""


class _Records:
    """Per shared article: claims and figures added, removed, relabelled; old record ids mapped to new."""

    def __init__(self, keep: int) -> None:
        self.sections = {section: {k: Tally(keep) for k in ("added", "removed", relabel)}
                         for _, section, relabel, *_ in _KINDS}
        self.renamed: dict[MentionKey, MentionKey] = {}
        """Old (article, kind, record id) -> the new run's record it matched."""
        self.changed_articles = 0

    def _total(self) -> int:
        return sum(t.count for tallies in self.sections.values() for t in tallies.values())

    def compare(self, old: Analysis, new: Analysis) -> None:
        text, where, before = new.article.text, _article(new), self._total()
        for letter, section, relabel, records, match, changes_of, words in _KINDS:
            tallies, found = self.sections[section], match(records(old), records(new))
            for o, n in found.pairs:
                self.renamed[(old.article.id, letter, o.id)] = (new.article.id, letter, n.id)
                changes = changes_of(text, o, n)
                if changes:
                    tallies[relabel].add(where | words(text, n) | {"changes": changes})
            for kind, lone in (("removed", found.removed), ("added", found.added)):
                for r in lone:
                    tallies[kind].add(where | words(text, r))
        if self._total() > before:
            self.changed_articles += 1


def _facts(old: tuple[dict[str, str], dict[MentionKey, str]], new: tuple[dict[str, str], dict[MentionKey, str]],
           renamed: dict[MentionKey, MentionKey], keep: int) -> dict[str, Any]:
    """Facts merged, split, only in one ledger: old and new facts mapped through their mentions."""
    (old_labels, old_owner), (new_labels, new_owner) = old, new
    into: dict[str, set[str]] = defaultdict(set)  # old fact -> new facts holding its mentions
    came_from: dict[str, set[str]] = defaultdict(set)  # new fact -> old facts whose mentions it holds
    for key, old_fact in old_owner.items():
        new_fact = new_owner.get(renamed.get(key, key))
        if new_fact is not None:
            into[old_fact].add(new_fact)
            came_from[new_fact].add(old_fact)
    merged, split, added, removed = Tally(keep), Tally(keep), Tally(keep), Tally(keep)

    def shown(ids: Iterable[str], labels: dict[str, str]) -> list[dict[str, str]]:
        return [{"fact": i, "label": labels.get(i, "")} for i in sorted(ids, key=lambda i: (labels.get(i, ""), i))]

    for fid in sorted(new_labels, key=lambda i: (new_labels[i], i)):
        if len(came_from[fid]) > 1:
            merged.add({"fact": fid, "label": new_labels[fid], "from": shown(came_from[fid], old_labels)})
        elif not came_from[fid]:
            added.add({"fact": fid, "label": new_labels[fid]})
    for fid in sorted(old_labels, key=lambda i: (old_labels[i], i)):
        if len(into[fid]) > 1:
            split.add({"fact": fid, "label": old_labels[fid], "into": shown(into[fid], new_labels)})
        elif not into[fid]:
            removed.add({"fact": fid, "label": old_labels[fid]})
    return {"old": len(old_labels), "new": len(new_labels), "merged": merged.as_dict(), "split": split.as_dict(),
            "added": added.as_dict(), "removed": removed.as_dict()}


def _copies(old: list[dict[str, Any]], new: list[dict[str, Any]], keep: int) -> dict[str, Any]:
    """Copy decisions only one ledger made, as (copy, original) pairs with both titles."""
    def pairs(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
        return {(r["article_id"], r["original_id"]): r for r in rows}

    o, n = pairs(old), pairs(new)
    out: dict[str, Any] = {"old": len(o), "new": len(n)}
    for kind, mine, other in (("added", n, o), ("removed", o, n)):
        tally = Tally(keep)
        for key in sorted(set(mine) - set(other), key=lambda k: (mine[k]["title"] or "", k)):
            r = mine[key]
            tally.add({"article_id": r["article_id"], "title": r["title"], "original_id": r["original_id"],
                       "original_title": r["original_title"], "method": r["method"], "reason": r["reason"]})
        out[kind] = tally.as_dict()
    return out


def _analyses(conn: Connection, ids: Iterable[str]) -> Iterator[Analysis]:
    for article_id in ids:
        yield queries.analysis(conn, article_id)


def diff(old: Ledger, new: Ledger, *, examples: int = 3) -> dict[str, Any]:
    """Everything that differs between two ledgers of the same articles (see the module doc).

    Keys: ``old``/``new`` (``ledger`` name, ``articles`` count, ``pipelines``), ``articles``
    (``only_old``, ``only_new``: count and examples; ``shared``, ``changed``), ``claims``
    (``added``, ``removed``, ``relabelled``), ``quantities`` (``added``, ``removed``, ``changed``),
    ``facts`` (``old``, ``new`` counts; ``merged``, ``split``, ``added``, ``removed``) and
    ``copies`` (``old``, ``new`` counts; ``added``, ``removed``). Each change kind is
    ``{"count": n, "examples": [...]}`` with at most ``examples`` examples.
    """
    check_arg("old", old, Ledger, "a Ledger")
    check_arg("new", new, Ledger, "a Ledger")
    keep = check_arg("examples", examples, int, "an int")
    if keep < 0:
        raise UsageError(f"examples must be 0 or more, not {keep}")
    with old.reading() as oc, new.reading() as nc:
        old_titles, new_titles = _titles(oc), _titles(nc)
        shared = sorted(old_titles.keys() & new_titles.keys(), key=lambda i: (new_titles[i] or "", i))
        records = _Records(keep)
        for o, n in zip(_analyses(oc, shared), _analyses(nc, shared), strict=True):
            records.compare(o, n)
        only: dict[str, Any] = {}
        for kind, mine, other in (("only_old", old_titles, new_titles), ("only_new", new_titles, old_titles)):
            tally = Tally(keep)
            for i in sorted(mine.keys() - other.keys(), key=lambda i: (mine[i] or "", i)):
                tally.add({"article_id": i, "title": mine[i]})
            only[kind] = tally.as_dict()
        result: dict[str, Any] = {
            "old": {"ledger": old.name, "articles": len(old_titles), "pipelines": pipelines(oc)},
            "new": {"ledger": new.name, "articles": len(new_titles), "pipelines": pipelines(nc)},
            "articles": only | {"shared": len(shared), "changed": records.changed_articles},
            **{section: {k: t.as_dict() for k, t in tallies.items()} for section, tallies in records.sections.items()},
            "facts": _facts(_fact_mentions(oc), _fact_mentions(nc), records.renamed, keep),
            "copies": _copies(factqueries.copies(oc), factqueries.copies(nc), keep),
        }
    return result


def diff_ledgers(old: str | Path, new: str | Path, *, examples: int = 3) -> dict[str, Any]:
    """``diff`` of the ledgers at two paths or URLs, both opened read-only."""
    with Ledger(old, readonly=True) as o, Ledger(new, readonly=True) as n:
        return diff(o, n, examples=examples)


def unchanged(result: dict[str, Any]) -> bool:
    """Whether a ``diff`` found nothing at all that differs (pipeline versions aside)."""
    counts = [result["articles"]["only_old"]["count"], result["articles"]["only_new"]["count"]]
    for part in ("claims", "quantities", "facts", "copies"):
        counts += [v["count"] for v in result[part].values() if isinstance(v, dict)]
    return not any(counts)
