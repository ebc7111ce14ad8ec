"""Where en_core_web_sm's parse goes wrong in a way a rule can see, the rules repair it."""

from __future__ import annotations

import claimledger


def _found(text: str) -> list[tuple[str | None, str, str]]:
    [a] = claimledger.analyze(text)
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t)) for x in a.attributions]


def test_a_reported_clause_hung_inside_the_subject_is_the_content() -> None:
    # the parser makes *cut* a modifier of *agency*: subject and content are one subtree
    text = ("Two fiber optic cables from the operator Elisa connecting Finland and Estonia were cut, while a third "
            "connection between the two countries, owned by the company Citic, was damaged, Finnish transport and "
            "communications agency Traficom said.")
    [(source, cue, content)] = _found(text)
    assert (source, cue) == ("Finnish transport and communications agency Traficom", "said")
    assert content.startswith("Two fiber optic cables") and content.endswith("was damaged")

