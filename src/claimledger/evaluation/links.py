"""``predict-links``: articles in the LINKS.md shape -> one cluster prediction per story.

The articles go through the same path a user's articles take: analysed, stored and linked
one at a time, in file order, into a fresh ledger, so the figures ``score_links.py`` prints
are the figures of the product, not of a separate evaluation linker. ``story`` only groups
the output; linking never sees it (every article of the file shares one ledger).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimledger.link import link_article
from claimledger.link.history import concept_kind, followed, series
from claimledger.model import Analysis, Article
from claimledger.nlp.records import analyze_article
from claimledger.store import Ledger


def _article(d: dict[str, Any]) -> Article:
    return Article(text=d["text"], lang=d.get("lang") or "und", url=d.get("url"), title=d.get("title"),
                   published=d.get("published"), outlet=d.get("outlet"), raw_ref=str(d["id"]))


def predict_links(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """LINKS.md prediction records, one per distinct ``story`` value, in first-seen order."""
    docs = list(docs)
    with tempfile.TemporaryDirectory(prefix="claimledger-links-") as tmp, Ledger(Path(tmp) / "l.sqlite") as ledger:
        analyses: dict[str, Analysis] = {}
        doc_of: dict[str, str] = {}
        for d in docs:
            analysis = analyze_article(_article(d))
            ledger.add(analysis, link=link_article)
            analyses[analysis.article.id] = analysis
            doc_of.setdefault(analysis.article.id, str(d["id"]))
        return _records(ledger, docs, analyses, doc_of)


def _index(analysis: Analysis, kind: str, record_id: str) -> int:
    ids = [q.id for q in analysis.quantities] if kind == "q" else [a.id for a in analysis.attributions]
    return ids.index(record_id)


def _records(ledger: Ledger, docs: list[dict[str, Any]], analyses: dict[str, Analysis],
             doc_of: dict[str, str]) -> list[dict[str, Any]]:
    story_of = {str(d["id"]): str(d.get("story") or "") for d in docs}
    out: dict[str, dict[str, Any]] = {}
    for d in docs:
        out.setdefault(story_of[str(d["id"])], {"story": story_of[str(d["id"])], "copies": [], "facts": [],
                                               "contradictions": [], "history": []})
    groups: dict[str, list[str]] = defaultdict(list)
    for c in ledger.copies():
        groups[c["original_id"]].append(c["article_id"])
    for original, members in groups.items():
        ids = [doc_of[a] for a in [original, *members] if a in doc_of]
        out[story_of[ids[0]]]["copies"].append(ids)
    by_variable: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    seen_links: set[tuple[str, str]] = set()
    for row in ledger.facts():
        fact = ledger.fact(row["id"])
        mentions = [{"doc": doc_of[m["article_id"]], "kind": m["kind"], "text": m["text"],
                     "index": _index(analyses[m["article_id"]], m["kind"], m["record_id"]),
                     **({"value": m["value"]} if m["kind"] == "q" and m["value"] is not None else {})}
                    for m in fact["mentions"] if m["article_id"] in doc_of]
        if not mentions:
            continue
        story = story_of[mentions[0]["doc"]]
        out[story]["facts"].append({"id": fact["id"], "variable": fact["variable"], "date": fact["date"],
                                    "mentions": mentions, "sources": fact["sources"],
                                    "independent_sources": fact["independent"], "grade": fact["grade"]})
        for link in fact["links"]:
            pair = (fact["id"], link["other"]) if link["direction"] == "out" else (link["other"], fact["id"])
            if link["kind"] == "contradiction" and pair not in seen_links:
                seen_links.add(pair)
                out[story]["contradictions"].append({"a": pair[0], "b": pair[1], "why": link["reason"]})
        if fact["kind"] == "quantity" and fact["variable"] and not fact["variable"].startswith("?"):
            by_variable[(story, fact["variable"])].append(fact)
    for (story, variable), facts in by_variable.items():
        kind = concept_kind(variable, facts[0]["lang"])
        points = series([{"fact": f["id"], "date": f["date"], "value": f["value"], "sources": f["sources"]}
                         for f in facts], kind)
        if followed(kind) and len(points) >= 2:
            out[story]["history"].append({"variable": variable, "points": points})
    return list(out.values())
