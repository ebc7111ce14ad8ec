"""Swedish classes of the 34th rule round, each on an invented sentence (no corpus text): the blind
Webbnyheter review sets (sv-web2012-review3..7) showed them again and again."""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


@pytest.mark.parametrize("text", [
    "Två kvinnor är misstänkta för grovt bedrägeri mot pensionärer i Umeå.",
    "Hon misstänks formellt för grovt bedrägeri.",
    "Numera misstänks pojken för stöld.",
])
def test_a_finite_suspicion_passive_before_a_charge_reports_the_suspicion(text: str) -> None:
    # the suspicion is the clause's own predicate: an estimate with nobody named, the whole clause
    cue = "är misstänkta" if " är " in text else "misstänks"
    assert _claims(text) == [(None, cue, text[:-1], "estimated")]


def test_a_suspicion_participle_on_an_arrest_still_claims_nothing() -> None:
    # a secondary predicate of 'greps' (sv-dev's gold leaves 'greps misstänkta för mord' out)
    assert _claims("Två män greps i natt misstänkta för mord.") == []
