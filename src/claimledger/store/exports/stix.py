"""The ledger as one STIX 2.1 bundle: reports, identities, notes and groupings, for threat-intel tools.

Why STIX: OSINT and CTI analysts keep their reporting in STIX platforms (OpenCTI, MISP's
importer, TAXII servers), which read a bundle of objects linked by id. The mapping:

- a ``report`` per article (``published`` its publication day, else when it was stored;
  ``object_refs`` its claims' notes; ``external_references`` its URL and id);
- an ``identity`` per originating actor (``identity_class`` from the source's kind);
- a ``note`` per claim: ``content`` the claimed words, ``abstract`` who said it how,
  ``authors`` the source's words, ``object_refs`` its report and its actor's identity,
  ``confidence`` from its certainty (``CERTAINTY_CONFIDENCE``);
- a ``grouping`` per fact (context ``unspecified``): ``object_refs`` the notes of its claims
  (a figure with no claim: its article's report), ``confidence`` from the Admiralty
  credibility on STIX's own Admiralty scale (``CREDIBILITY_CONFIDENCE``; 6, cannot be
  judged, has none), the grade and its evidence in ``description`` and ``labels``, and
  ``external_references`` the URLs of the articles that state it.

Every id is a uuid5 of the record's own id (``stix_id``), and ``created``/``modified`` come
from the ledger (when the article was stored, the fact's day; identities a fixed time), so
exporting the same ledger twice gives the same bytes. Objects are built by the ``stix2``
library (which checks each one) and the bundle is written an object at a time.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Generator
from typing import Any

import stix2
from sqlalchemy import Connection

from claimledger.safetext import json_text, safe_uri
from claimledger.store.admiralty import admiralty
from claimledger.store.exports import records
from claimledger.store.exports.select import Filters, article_pages, fact_pages

NAMESPACE = uuid.UUID("5b0c4c8e-2f6f-5a43-9a57-6c6564676572")
"""The uuid5 namespace of every id this export makes (fixed: ids must survive re-exports)."""
EPOCH = "2024-01-01T00:00:00.000Z"
"""``created`` of identities, which the ledger does not date."""
CERTAINTY_CONFIDENCE = {"confirmed": 90, "asserted": 70, "reported": 50, "estimated": 50, "alleged": 30,
                        "denied": 10}
"""A claim's certainty on STIX 2.1's WEP confidence scale (Appendix A)."""
CREDIBILITY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
"""Admiralty credibility on STIX 2.1's Admiralty Credibility scale (Appendix A); 6 has no confidence."""
INDIVIDUAL = frozenset({"person", "witness", "expert"})


def stix_id(kind: str, *key: str) -> str:
    """``kind--uuid5`` of the record's key: the same record always has the same STIX id."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *key)))}"


PRODUCER = stix2.v21.Identity(id=stix_id("identity", "claimledger"), name="claimledger", identity_class="system",
                              created=EPOCH, modified=EPOCH, description="claims read from news by claimledger")


def _time(value: Any) -> str:
    """An ISO time or day as STIX's UTC timestamp text."""
    from datetime import UTC, datetime

    text = str(value or "")
    try:
        t = datetime.fromisoformat(text if len(text) > 10 else text[:10] + "T00:00:00+00:00")
    except ValueError:
        return EPOCH
    t = (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def _refs(article: dict[str, Any]) -> list[dict[str, str]]:
    ref = {"source_name": article.get("outlet") or "article", "external_id": article.get("article_id")
           or article["id"]}
    url = safe_uri(article.get("url"))
    if url:
        ref["url"] = url
    return [ref]


def _identity(actor: str, kind: str | None) -> stix2.v21.Identity:
    cls = "individual" if kind in INDIVIDUAL else "unknown" if kind == "anonymous" or not kind else "organization"
    return stix2.v21.Identity(id=stix_id("identity", actor), name=actor, identity_class=cls, created=EPOCH,
                              modified=EPOCH, created_by_ref=PRODUCER.id)


def _note(c: dict[str, Any]) -> stix2.v21.Note:
    refs = [stix_id("report", c["article_id"])] + ([stix_id("identity", c["actor"])] if c["actor"] else [])
    who = c["source"] or "(no source named)"
    at = _time(c["added_at"])
    return stix2.v21.Note(
        id=stix_id("note", c["article_id"], c["id"]), created=at, modified=at, created_by_ref=PRODUCER.id,
        abstract=f"{who} {c['cue']} ({c['certainty']})", content=c["content"], authors=[who], object_refs=refs,
        confidence=CERTAINTY_CONFIDENCE[c["certainty"]], labels=[c["certainty"], c["source_kind"] or "unknown"],
        external_references=[{**_refs(c)[0], "external_id": f"{c['article_id']}#{c['id']}"}])


def _report(a: dict[str, Any], notes: list[str]) -> stix2.v21.Report:
    at = _time(a["added_at"])
    return stix2.v21.Report(
        id=stix_id("report", a["id"]), created=at, modified=at, created_by_ref=PRODUCER.id,
        name=a["title"] or f"article {a['id'][:12]}", published=_time(a["published"] or a["added_at"]),
        report_types=["threat-report"], object_refs=notes or [PRODUCER.id], lang=a["lang"] or "en",
        external_references=_refs(a))


def _grouping(fact: dict[str, Any], mentions: list[dict[str, Any]], grade: Any) -> stix2.v21.Grouping:
    refs = list(dict.fromkeys(stix_id("note", m["article_id"], m["attribution_id"]) if m["attribution_id"]
                              else stix_id("report", m["article_id"]) for m in mentions))
    urls = list(dict.fromkeys(m["article_id"] for m in mentions))
    by_id = {m["article_id"]: m for m in mentions}
    extra = {"confidence": CREDIBILITY_CONFIDENCE[grade.credibility]} if grade.credibility in CREDIBILITY_CONFIDENCE \
        else {}
    at = _time(fact["date"])
    return stix2.v21.Grouping(
        id=stix_id("grouping", fact["id"]), created=at, modified=at, created_by_ref=PRODUCER.id,
        name=fact["label"], context="unspecified", object_refs=refs or [PRODUCER.id],
        description=f"Admiralty {grade.words}. " + "; ".join(grade.evidence)
        + f". {fact['independent']} independent source(s), {fact['mentions']} mention(s) in {fact['articles']} "
          f"article(s).",
        labels=[f"admiralty:{grade.code}", f"fact:{fact['kind']}", *(["contested"] if fact["contested"] else [])],
        external_references=[r for a in urls for r in _refs(by_id[a])] or None, **extra)


def _dumped(obj: Any) -> str:
    return json_text(json.loads(obj.serialize()))


def stream(conn: Connection, f: Filters, progress: Callable[[int], None] | None = None
           ) -> Generator[str, None, int]:
    """The bundle in pieces, one STIX object a piece (see the module doc); returns the objects written."""
    n = 1
    yield json_text({"type": "bundle", "id": stix_id("bundle", repr(f))})[:-1] + ', "objects": [\n'
    yield _dumped(PRODUCER)
    seen: set[str] = set()
    for page in article_pages(conn, f):
        notes: dict[str, list[str]] = defaultdict(list)
        for c in records.claims(conn, [a["id"] for a in page], f):
            if c["actor"] and c["actor"] not in seen:
                seen.add(c["actor"])
                yield ",\n" + _dumped(_identity(c["actor"], c["source_kind"]))
                n += 1
            note = _note(c)
            notes[c["article_id"]].append(note.id)
            yield ",\n" + _dumped(note)
            n += 1
        for a in page:
            yield ",\n" + _dumped(_report(a, notes[a["id"]]))
        n += len(page)
        if progress:
            progress(len(page))
    for facts in fact_pages(conn, f):
        grades = admiralty(conn, facts)
        by_fact: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in records.fact_mentions(conn, [x["id"] for x in facts]):
            by_fact[m["fact_id"]].append(m)
        for x in facts:
            yield ",\n" + _dumped(_grouping(x, by_fact[x["id"]], grades[x["id"]]))
        n += len(facts)
        if progress:
            progress(len(facts))
    yield "\n]}\n"
    return n
