"""Facts as schema.org ``ClaimReview`` JSON-LD: the shape fact-checkers and search engines read.

Why ClaimReview around each ``Claim``: Google's ClaimReview structured data (and the
fact-check tools that read it) expects a review (``claimReviewed``, ``reviewRating`` with an
``alternateName``, ``url``, ``author``) whose ``itemReviewed`` is the ``Claim``; the Claim
carries what the ledger found: every ``appearance`` (the article's URL, its outlet as
``publisher``, its date), ``firstAppearance``, its ``author`` (the originating sources).
The grade has no schema.org property, so it travels twice: as the rating's ``alternateName``
(``B2: usually reliable, probably true``) and ``ratingExplanation`` (the evidence), and as
``additionalProperty`` ``PropertyValue``s on the Claim (``admiralty``, ``reliability``,
``credibility``, ``independentSources``, ``mentions``, ``articles``, ``contested``); the
mapping is in docs/exports.md. The ``Rating`` carries no numbers: Admiralty's 1 is best,
and Google wants ``bestRating`` above ``worstRating``.

The document is one JSON object, ``{"@context": "https://schema.org", "@graph": [...]}``,
written a fact at a time. Without an ``http`` base for fact pages (the web API passes its
own), a review's ``url`` and every id is a ``urn:claimledger:`` name, and an article without
a URL appears as ``urn:claimledger:article:<id>``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Generator
from typing import Any

from sqlalchemy import Connection

from claimledger.model import UNDATED
from claimledger.safetext import json_text, safe_uri
from claimledger.store.admiralty import Admiralty, admiralty
from claimledger.store.exports import records
from claimledger.store.exports.select import Filters, fact_pages
from claimledger.store.names import named

CONTEXT = "https://schema.org"
PERSON_KINDS = frozenset({"person", "witness", "expert"})
REVIEWER = {"@type": "Organization", "name": "claimledger"}


def _appearance(m: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "url": safe_uri(m["url"])
                             or f"urn:claimledger:article:{m['article_id']}"}
    if m["title"]:
        work["headline"] = m["title"]
    if m["published"]:
        work["datePublished"] = m["published"]
    if m["lang"]:
        work["inLanguage"] = m["lang"]
    if m["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": m["outlet"]}
    return work


def _prop(name: str, value: Any) -> dict[str, Any]:
    return {"@type": "PropertyValue", "name": name, "value": value}


def review(fact: dict[str, Any], mentions: list[dict[str, Any]], grade: Admiralty,
           person: set[str], base_url: str | None = None) -> dict[str, Any]:
    """One fact as a ``ClaimReview`` of its ``Claim`` (see the module doc)."""
    fid = fact["id"]
    seen: dict[str, dict[str, Any]] = {}
    for m in mentions:  # earliest published first: the first appearance leads
        seen.setdefault(m["article_id"], _appearance(m))
    appearances = list(seen.values())
    claim: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"urn:claimledger:fact:{fid}",
        "text": fact["label"],
        "author": [{"@type": "Person" if s in person else "Organization", "name": name}
                   for s, name in zip(fact["sources"], fact.get("source_names") or fact["sources"], strict=True)],
        "appearance": appearances,
        "additionalProperty": [
            _prop("admiralty", grade.code), _prop("reliability", grade.reliability),
            _prop("credibility", grade.credibility), _prop("independentSources", fact["independent"]),
            _prop("mentions", fact["mentions"]), _prop("articles", fact["articles"]),
            _prop("contested", fact["contested"]),
        ],
    }
    if appearances:
        claim["firstAppearance"] = appearances[0]
        if "datePublished" in appearances[0]:
            claim["datePublished"] = appearances[0]["datePublished"]
    if fact["variable"]:
        claim["about"] = {"@type": "Thing", "name": fact["variable"]}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:claimledger:review:{fid}",
        "url": f"{base_url.rstrip('/')}/facts/{fid}" if base_url else f"urn:claimledger:fact:{fid}",
        "claimReviewed": fact["label"],
        "author": REVIEWER,
        "reviewRating": {"@type": "Rating", "alternateName": grade.words,
                         "ratingExplanation": "; ".join(grade.evidence)},
        "itemReviewed": claim,
    }
    if fact["date"] and not str(fact["date"]).startswith(UNDATED):
        review["datePublished"] = fact["date"]  # an undated fact's stand-in day is no date to publish
    return review


def stream(conn: Connection, f: Filters, progress: Callable[[int], None] | None = None,
           base_url: str | None = None) -> Generator[str, None, int]:
    """The JSON-LD document in pieces, one fact's review a piece; terminal-acting characters
    travel as ``\\u`` escapes (``safetext.json_text``). Returns the facts written."""
    n = 0
    yield '{"@context": "https://schema.org", "@graph": [\n'
    first = True
    for facts in fact_pages(conn, f):
        named(conn, facts, "sources", "source_names")  # authors as the articles write them
        ids = [x["id"] for x in facts]
        grades = admiralty(conn, facts)
        by_fact: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in records.fact_mentions(conn, ids):
            by_fact[m["fact_id"]].append(m)
        for x in facts:
            person = {a for a, kinds, _r in grades[x["id"]].sources if PERSON_KINDS.intersection(kinds)}
            yield ("" if first else ",\n") + json_text(review(x, by_fact[x["id"]], grades[x["id"]], person, base_url))
            first = False
            n += 1
        if progress:
            progress(len(facts))
    yield "\n]}\n"
    return n

