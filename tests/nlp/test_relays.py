"""Relayed sources (*citing officials*, *which cited a senior official*): the cited party is a
source of the host claim's content, an entry of its own (FORMAT.md: each relay is its own entry)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str]]:
    analysis = analyze_article(Article(text=text, lang="en"))
    return [(a.source.of(text) if a.source else None, a.cue.of(text), a.content.of(text))
            for a in analysis.attributions]


@pytest.mark.parametrize(("text", "relayed"), [
    ("The bridge was closed, the broadcaster reported, citing police.", ("police", "citing", "The bridge was closed")),
    ("The ferry sank at dawn, according to TT, which cited a coastguard officer.",
     ("a coastguard officer", "cited", "The ferry sank at dawn")),
    ("The council said 40 homes were flooded, citing insurance records.",
     ("insurance records", "citing", "40 homes were flooded")),
])
def test_a_cited_source_relays_the_host_claim(text: str, relayed: tuple[str, str, str]) -> None:
    claims = _claims(text)
    assert relayed in claims
    assert any(c[2] == relayed[2] and c[0] != relayed[0] for c in claims)  # the host keeps its own entry


def test_citing_a_reason_is_no_relay() -> None:
    claims = _claims("The mayor resigned on Friday, citing poor health.")
    assert not any(c[0] == "poor health" for c in claims)
