"""Swedish clause shapes from the blind review draw sv-web2012-review5.

The annotators' conventions are in ``evaluation/data/README.md``; every sentence here is written for
the test, none is taken from the corpus.
"""

from __future__ import annotations

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    a = analyze_text(text, lang="sv")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t), x.certainty) for x in a.attributions]


def test_an_embedded_enligt_with_an_apposition_claims_the_whole_clause() -> None:
    # the apposition set off by commas after the source does not cut the clause in two
    assert _claims("Skolan ska enligt Anna Berg, rektor på skolan, öppna igen i augusti.") == [
        ("Anna Berg", "enligt", "Skolan ska enligt Anna Berg, rektor på skolan, öppna igen i augusti", "asserted")]
