"""STIX 2.1 bundles (parsed by ``stix2``, passed by OASIS's validator), ClaimReview JSON-LD (the shapes
Google's ClaimReview documentation requires), and hostile article text through every format."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace
from typing import Any

import stix2
import stix2validator

from claimledger.store import Ledger
from claimledger.store.admiralty import admiralty
from claimledger.store.exports.stix import CERTAINTY_CONFIDENCE, CREDIBILITY_CONFIDENCE, stix_id


def _export(ledger: SimpleNamespace, fmt: str, **filters: Any) -> tuple[int, str]:
    buf = io.StringIO()
    with Ledger(ledger.path, readonly=True) as led:
        n = led.export(fmt, buf, **filters)
    return n, buf.getvalue()


def test_stix_bundle_is_valid_stable_and_mapped(ledger: SimpleNamespace) -> None:
    n, text = _export(ledger, "stix")
    results = stix2validator.validate_string(text)
    assert results.is_valid, [str(e) for e in results.errors][:5]
    assert not results.errors
    bundle = stix2.parse(text)
    objects = {o.id: o for o in bundle.objects}
    assert len(objects) == len(bundle.objects) == n  # ids unique, count as reported
    assert _export(ledger, "stix")[1] == text  # deterministic ids and timestamps: the same bytes again
    with Ledger(ledger.path, readonly=True) as led:
        claims, facts = led.claims(), led.facts()
        with led.reading() as conn:
            grades = admiralty(conn, facts)
    by_type: dict[str, int] = {}
    for o in bundle.objects:
        by_type[o.type] = by_type.get(o.type, 0) + 1
    assert by_type["note"] == len(claims) and by_type["grouping"] == len(facts) and by_type["identity"] > 5
    for c in claims[:50]:
        note = objects[stix_id("note", c["article_id"], c["id"])]
        assert note.content == c["content"] and note.confidence == CERTAINTY_CONFIDENCE[c["certainty"]]
        assert stix_id("report", c["article_id"]) in note.object_refs
        assert note.id in objects[stix_id("report", c["article_id"])].object_refs
    for f in facts:
        g = objects[stix_id("grouping", f["id"])]
        grade = grades[f["id"]]
        assert f"admiralty:{grade.code}" in g.labels
        assert g.get("confidence") == CREDIBILITY_CONFIDENCE.get(grade.credibility)
        assert all(ref in objects for ref in g.object_refs)  # every claim it groups is in the bundle


def test_stix_filtered_bundle_is_valid(ledger: SimpleNamespace) -> None:
    n, text = _export(ledger, "stix", lang="sv", contested=True)
    assert stix2validator.validate_string(text).is_valid
    reports = [o for o in stix2.parse(text).objects if o.type == "report"]
    assert reports and all(r.lang == "sv" for r in reports)


REQUIRED_REVIEW = {"claimReviewed": str, "reviewRating": dict, "url": str, "author": dict, "itemReviewed": dict}


def test_claimreview_has_the_shapes_google_requires(ledger: SimpleNamespace) -> None:
    n, text = _export(ledger, "claimreview")
    doc = json.loads(text)
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == n
    with Ledger(ledger.path, readonly=True) as led:
        facts = {f["id"]: f for f in led.facts()}
        with led.reading() as conn:
            grades = admiralty(conn, list(facts.values()))
    assert n == len(facts)
    for review in doc["@graph"]:
        assert review["@type"] == "ClaimReview"
        for key, kind in REQUIRED_REVIEW.items():
            assert isinstance(review[key], kind) and review[key], key
        assert review["author"]["@type"] in ("Organization", "Person") and review["author"]["name"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str) and rating["alternateName"]
        claim = review["itemReviewed"]
        fid = claim["@id"].rsplit(":", 1)[1]
        f, grade = facts[fid], grades[fid]
        assert claim["@type"] == "Claim" and review["claimReviewed"] == f["label"]
        assert rating["alternateName"].startswith(grade.code)
        props = {p["name"]: p["value"] for p in claim["additionalProperty"]}
        assert props["admiralty"] == grade.code and props["independentSources"] == f["independent"]
        assert [a["name"] for a in claim["author"]] == f["source_names"]  # as the articles write them
        assert claim["appearance"] and claim["firstAppearance"] == claim["appearance"][0]
        for work in claim["appearance"]:
            assert work["url"].startswith(("http://", "https://", "urn:claimledger:article:"))
            assert "publisher" not in work or work["publisher"]["@type"] == "Organization"


def test_hostile_text_is_exported_safely(ledger: SimpleNamespace) -> None:
    _, text = _export(ledger, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [c for r in rows[1:] for c in r]
    assert any("calc'!A0" in c for c in cells) and any("alert(1)</script>" in c for c in cells)  # hostile rows...
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)  # ...and no cell is a formula
    assert "\x1b" not in text and "\u202e" not in text
    for fmt in ("jsonl", "claimreview", "stix"):
        _, out = _export(ledger, fmt)
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out, fmt  # escaped as \\u...
    _, jsonl = _export(ledger, "jsonl")
    hostile = [json.loads(line) for line in jsonl.splitlines() if "cmd|" in line]
    assert hostile and "\x1b]52;c;SGVsbG8=\x07" in hostile[0]["text"]  # escapes decode to the exact text
    assert "<script>alert(1)</script>" in hostile[0]["text"]
