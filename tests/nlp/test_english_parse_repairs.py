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



def test_a_title_case_headline_is_read_as_running_text() -> None:
    # in Title Case the tagger takes *Claims* and *Warns* for names; their capitals are lowered for the parse only
    cases = (("Report Claims Agency Ignored Warnings", ("Report", "Claims", "Agency Ignored Warnings")),
             ("Mayor Warns Residents To Prepare For Storm", ("Mayor", "Warns", "Residents To Prepare For Storm")))
    for headline, expected in cases:
        assert expected in _found(headline + "\n\nThe rest of the story follows here.")
    from claimledger.nlp.pipeline import headline_case

    assert headline_case("Mayor Warns Residents To Prepare For The Storm", "en") == (
        "Mayor warns Residents to Prepare For the Storm")
    running = "The mayor told residents on Monday that the storm would come."
    assert headline_case(running, "en") == running
