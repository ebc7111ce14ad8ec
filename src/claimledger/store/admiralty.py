"""The Admiralty grade of a fact (source reliability A-F, information credibility 1-6), with its evidence.

Why here and why one function: every export, ``claimledger fact`` and its ``--json`` must
show the same grade for the same fact, so the rule lives in ``grade`` and nowhere else, and
``admiralty`` reads the stored rows it needs for a page of facts at once. It only reads what
the linker already stored (the fact's sources, independent count, 1-6 ``grade``, its links,
and the kinds of the attributions behind its mentions), so it is store-level: store/ still
imports neither link/ nor nlp/.

The two halves answer different questions, as the NATO/Admiralty system keeps them apart:

**Reliability** (who says it) is the best rating among the fact's originating sources, by the
kind of source the attribution names (``model.Attribution.source_kind``; for a figure no claim
holds, the kind the actor's other claims in the ledger most often have):

=====  =====================================================================================
B      a named, accountable state body on the record: government, military, intelligence,
       agency, official
C      a named non-state body or specialist: outlet, organisation, expert
D      a named individual without institutional standing: person, witness
F      cannot be judged: only anonymous sources (or an anonymous attribution), or no
       originating source at all
=====  =====================================================================================

A (completely reliable) and E (unreliable) need a record of a source being right or wrong
over time, which the ledger does not keep, so neither is ever given.

**Credibility** (is it true) is the stored 1-6 grade of ``link.contradictions.grade``: 1
confirmed by two or more independent sources, 2 one named source, 3 no named source but
reported in two or more articles, 4 doubtful (contradicted or denied), 6 cannot be judged
(one unattributed report); 5 (improbable) is never given.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from claimledger.store.links import chunks
from claimledger.store.schema import attributions as T
from claimledger.store.schema import fact_links as L
from claimledger.store.schema import fact_mentions as FM
from claimledger.store.schema import origins as O
from claimledger.store.schema import quantities as Q

RELIABILITY_BY_KIND = {
    "government": "B", "military": "B", "intelligence": "B", "agency": "B", "official": "B",
    "outlet": "C", "organisation": "C", "expert": "C",
    "person": "D", "witness": "D",
}  # fmt: skip
"""A named source's reliability by its kind; anything else (anonymous, unknown) is F."""

RELIABILITY_WORDS = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
                     "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY_WORDS = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true", 4: "doubtful",
                     5: "improbable", 6: "truth cannot be judged"}
_CREDIBILITY_WHY = {1: "stated by two or more independent sources", 2: "stated by one named source",
                    3: "no named source, but reported in two or more articles",
                    4: "contradicted or denied", 6: "one unattributed report"}


@dataclass(frozen=True)
class Admiralty:
    """One fact's grade: ``code`` is the two together (``B2``), ``evidence`` the reasons in words."""

    reliability: str
    credibility: int
    evidence: tuple[str, ...]
    sources: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    """Each originating source: (actor, its source kinds in this fact, its reliability)."""

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def words(self) -> str:
        """The grade as an analyst reads it: ``B2: usually reliable, probably true``."""
        return f"{self.code}: {RELIABILITY_WORDS[self.reliability]}, {CREDIBILITY_WORDS[self.credibility]}"

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "reliability": self.reliability, "credibility": self.credibility,
                "words": self.words, "evidence": list(self.evidence),
                "sources": [{"actor": a, "kinds": list(k), "reliability": r} for a, k, r in self.sources]}


def grade(fact: dict[str, Any], kinds: dict[str, set[str]], links: Iterable[tuple[str, str, str]]) -> Admiralty:
    """The Admiralty grade of one fact: the one rule (see the module doc).

    ``fact``: its stored row (``id``, ``grade``, ``independent``, ``sources``: a list or the
    stored JSON already decoded); ``kinds``: each originating actor's source kinds in the
    fact's mentions (``anonymous`` for an anonymous attribution); ``links``: (kind, other
    fact id, reason) of every contradiction, denial or revision touching it.
    """
    rated: dict[str, str] = {}
    for actor, found in kinds.items():
        named = {k for k in found if k in RELIABILITY_BY_KIND}
        rated[actor] = min((RELIABILITY_BY_KIND[k] for k in named), default="F")
    best = min(rated.values(), default="F")
    evidence: list[str] = []
    if rated:
        shown = ", ".join(f"{a} ({'/'.join(sorted(kinds[a])) or 'kind unknown'}: {r})"
                          for a, r in sorted(rated.items(), key=lambda kv: (kv[1], kv[0])))
        evidence.append(f"reliability {best}: best of its originating sources {shown}")
    else:
        evidence.append("reliability F: no originating source")
    credibility = int(fact["grade"]) if int(fact["grade"]) in CREDIBILITY_WORDS else 6
    n = int(fact["independent"])
    evidence.append(f"credibility {credibility}: {_CREDIBILITY_WHY.get(credibility, 'unknown')} "
                    f"({n} independent source(s) of {len(fact['sources'])} named)")
    for kind, other, reason in sorted(links):
        evidence.append(f"{kind} with fact {other[:12]}: {reason}")
    sources = tuple((a, tuple(sorted(kinds[a])), r) for a, r in sorted(rated.items()))
    return Admiralty(best, credibility, tuple(evidence), sources)


def admiralty(conn: Connection, facts: Iterable[dict[str, Any]]) -> dict[str, Admiralty]:
    """The grade of each of ``facts`` (stored rows with ``id``, ``grade``, ``independent``,
    ``sources`` decoded), read in batches: three queries per thousand facts."""
    rows = {f["id"]: f for f in facts}
    kinds: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    links: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    # the attribution behind each mention: the claim itself, or the claim a figure belongs to
    on_claim = and_(T.c.article_id == FM.c.article_id,
                    or_(and_(FM.c.kind == "a", T.c.id == FM.c.record_id),
                        and_(FM.c.kind == "q", T.c.id == Q.c.attribution_id)))
    for batch in chunks(rows):
        stmt = (select(FM.c.fact_id, FM.c.actor, T.c.source_kind, T.c.anonymous)
                .outerjoin(Q, and_(FM.c.kind == "q", Q.c.article_id == FM.c.article_id, Q.c.id == FM.c.record_id))
                .outerjoin(T, on_claim)
                .where(FM.c.fact_id.in_(batch), FM.c.actor.is_not(None)).distinct())
        for fid, actor, kind, anonymous in conn.execute(stmt):
            found = kinds[fid][actor]
            if anonymous:
                found.add("anonymous")
            elif kind:
                found.add(kind)
        for mine, other in ((L.c.a, L.c.b), (L.c.b, L.c.a)):
            stmt2 = select(mine, L.c.kind, other, L.c.reason).where(mine.in_(batch))
            for fid, kind, oid, reason in conn.execute(stmt2):
                links[fid].append((kind, oid, reason))
    usual = _usual_kinds(conn, {a for by in kinds.values() for a, found in by.items() if not found})
    for by in kinds.values():
        for a, found in by.items():
            if not found and a in usual:
                found.add(usual[a])
    return {fid: grade(f, kinds.get(fid, {}), links.get(fid, ())) for fid, f in rows.items()}


def _usual_kinds(conn: Connection, names: set[str]) -> dict[str, str]:
    """For actors whose mentions in a fact carry no kind (a figure no claim holds): the kind their
    other claims in the ledger most often have (``factqueries.actors``' rule)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for batch in chunks(sorted(names)):
        stmt = (select(O.c.actor, T.c.source_kind, func.count())
                .join(T, and_(T.c.article_id == O.c.article_id, T.c.id == O.c.attribution_id))
                .where(O.c.actor.in_(batch), T.c.source_kind.is_not(None)).group_by(O.c.actor, T.c.source_kind))
        for actor, kind, n in conn.execute(stmt):
            counts[actor][kind] += int(n)
    return {a: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for a, c in counts.items()}

