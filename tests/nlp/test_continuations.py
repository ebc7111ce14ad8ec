"""Quotations whose speaker is named in the sentence before (FORMAT.md: continuation quotes are
entries of their own, with the source and cue of the attribution that makes the speaker clear)."""

from __future__ import annotations

import re

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article

_MARKS = re.compile(r'^[“”" ]+|[“”" ]+$')


def _claims(text: str, lang: str) -> list[tuple[str | None, str, str]]:
    analysis = analyze_article(Article(text=text, lang=lang))
    return [(a.source.of(text) if a.source else None, a.cue.of(text), _MARKS.sub("", a.content.of(text)))
            for a in analysis.attributions]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a quotation opening the next sentence goes on with the speaker of the one before
    ("“The harbour was empty all week,” the pilot Ruth Ong said. “Nobody came in after the storm.”", "en",
     [("the pilot Ruth Ong", "said", "The harbour was empty all week,"),
      ("the pilot Ruth Ong", "said", "Nobody came in after the storm.")]),
    ("“We have no money left,” she said. “The council cut every grant in March.”", "en",
     [("she", "said", "We have no money left,"), ("she", "said", "The council cut every grant in March.")]),
    # another speaker between takes their own quotation
    ("“We won,” she said. “It was a hard season,” her coach added.", "en",
     [("she", "said", "We won,"), ("her coach", "added", "It was a hard season,")]),
    # Swedish dash and quote runs in one paragraph
    ("– Skolan måste stänga, säger rektorn Eva Lind. – Vi har inga lärare kvar. – Det är ett stort problem.", "sv",
     [("rektorn Eva Lind", "säger", "Skolan måste stänga"),
      ("rektorn Eva Lind", "säger", "Vi har inga lärare kvar."),
      ("rektorn Eva Lind", "säger", "Det är ett stort problem.")]),
    ("”Bron är stängd”, säger Per Ek. ”Den öppnar igen i maj.”", "sv",
     [("Per Ek", "säger", "Bron är stängd"), ("Per Ek", "säger", "Den öppnar igen i maj.")]),
])
def test_quotations_go_on_with_the_speaker_before(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert _claims(text, lang) == expected


def test_a_quoted_phrase_inside_a_sentence_is_no_continuation() -> None:
    # the quoted words do not end their sentence: a name for something, not the speaker going on
    text = "The mayor said the plan was ready. “Green corridors” is the name of the new parks."
    assert [c[2] for c in _claims(text, "en")] == ["the plan was ready"]
