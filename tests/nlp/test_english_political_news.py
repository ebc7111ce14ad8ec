"""English political news: the classes the FORMAT.md review set on PolNeAR's texts
(en-polnear-format-review) showed, each on an invented sentence (no corpus text)."""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


HOPES = [
    "Harbour officials are hoping the new ferry will cut the crossing to an hour.",
    "I hope that the council will listen to the fishermen this time.",
    "The mayor had hoped for a quick end to the strike.",
]


@pytest.mark.parametrize("text", HOPES)
def test_a_hope_is_a_wish_not_a_claim(text: str) -> None:
    # FORMAT.md: a wish puts forward no proposition; no FORMAT gold set annotates *hope*
    assert _claims(text) == []


@pytest.mark.usefixtures("polnear_contents")
@pytest.mark.parametrize("text", HOPES[:1])
def test_polnear_still_marks_a_hope(text: str) -> None:
    # PolNeAR annotates intentions and wishes (cue_polnear_verb)
    assert [cue for _, cue, _, _ in _claims(text)] in (["hoping"], ["hope"])


@pytest.mark.parametrize(("text", "certainty"), [
    ("The harbour board argued that the new pier would pay for itself.", "alleged"),
    ("The mayor has long maintained that the ferry contract was fair.", "alleged"),
    ("The minister played down the idea that the port would close.", "denied"),
    ("The company brushed off the allegations of price fixing.", "denied"),
])
def test_arguing_and_maintaining_are_claims_and_brushing_off_a_denial(text: str, certainty: str) -> None:
    # FORMAT.md: alleged for *claims, alleges* (the web-news and political-news gold: *argued*, *has long
    # maintained*); denied for *denies, rejects* (the owners' *brushed the allegations*, *played down the idea*)
    assert [found for _, _, _, found in _claims(text)] == [certainty]


@pytest.mark.parametrize(("text", "certainty"), [
    ("The pastor said the town had been led astray by false prophets.", "asserted"),
    ("The driver said he had been stopped with a fake passport.", "asserted"),
    ("The mayor said the reports were false.", "denied"),
    ("The mayor said the reports were patently false.", "denied"),
    ("The mayor said he was tired of baseless accusations.", "denied"),
    ("The council called the charges fabricated.", "denied"),
])
def test_a_false_thing_is_no_denial_unless_a_claim_is_called_false(text: str, certainty: str) -> None:
    # FORMAT.md: a neutral verb is denied when its content says another claim is false (*said the claim
    # was false*); *false prophets* or *a fake passport* call no claim false
    assert [found for _, _, _, found in _claims(text)] == [certainty]


def test_a_quotation_split_by_its_cue_is_two_entries() -> None:
    # FORMAT.md's continuation quotes; the Wikinews and political-news gold write '"A," X said, "B."' as two
    claims = _claims('"The ferry will run every day of the week," the mayor said, "but not on Sundays in winter."')
    assert [(s, c) for s, c, _, _ in claims] == [("the mayor", "said"), ("the mayor", "said")]
    assert [content.strip('",') for _, _, content, _ in claims] == [
        "The ferry will run every day of the week", "but not on Sundays in winter."]


def test_a_split_quotations_short_piece_stays_with_the_claim() -> None:
    claims = _claims('"Hopefully," the mayor said, "the ferry will run again before the winter."')
    assert len(claims) == 1 and "ferry will run again" in claims[0][2]


def test_as_reported_by_an_outlet_whose_comma_the_parser_hangs_on_it() -> None:
    # 'As reported by X, Y': the parser may attach the comma to the agent, inside the aside
    text = ("As reported by Coastal Journalism, the former harbour master was made aware of his duty "
            "to inspect the doors.")
    assert _claims(text) == [("Coastal Journalism", "reported", "the former harbour master was made aware of his duty "
                                                                "to inspect the doors", "asserted")]


@pytest.mark.parametrize(("text", "entry"), [
    ("The harbour board released figures showing that ferry traffic fell by a third.",
     ("figures", "showing", "ferry traffic fell by a third", "reported")),
    ("The leaflet included polling data showing the mayor leading the race.",
     ("polling data", "showing", "the mayor leading the race", "reported")),
])
def test_data_that_shows_something_is_the_source_not_whoever_released_it(
        text: str, entry: tuple[str, str, str, str]) -> None:
    # FORMAT.md's evidence (*bilder visar*, *the first figures show*): the figures show, reported; a
    # statement's owner still speaks for it (*His office put out a statement saying X*)
    assert _claims(text) == [entry]
    assert _claims("His office put out a statement saying the minister would resign.")[0][0] == "His office"


@pytest.mark.parametrize("text", [
    "The senator called on Republicans to back the nominee.",
    "Sen. Ted Cruz, who called on Republicans to back the nominee, spoke on Monday.",
])
def test_calling_on_someone_is_a_directive(text: str) -> None:
    # FORMAT.md names *calls on* among the directives, which are no attribution; no gold set annotates it
    assert _claims(text) == []


def test_the_paragraph_after_a_colon_lead_is_read_even_with_no_cue_or_figure() -> None:
    # 'X wrote:' closing a paragraph: the next paragraph is what X wrote, though nothing in it alone
    # (no cue word, figure or quotation mark) would have it parsed
    text = "The mayor wrote:\n\nWe will not close the pier this winter.\n"
    assert _claims(text) == [("The mayor", "wrote", "We will not close the pier this winter.", "asserted")]


def test_a_hearsay_adverb_in_a_relative_clause_holds_the_clauses_whole_verb_group() -> None:
    # FORMAT.md: in a relative clause the content starts at the verb after the cue; it ends where the main
    # clause's verb begins, not at the relative clause's own auxiliaries
    claims = _claims("For the mayor, who reportedly has been itching to leave the council, the key question is money.")
    assert claims == [(None, "reportedly", "has been itching to leave the council", "reported")]


@pytest.mark.parametrize("text", [
    "The council has not publicly accused the ferry company of hiding the reports.",
    "The mayor did not claim that the pier was safe.",
])
def test_an_accusation_or_claim_that_was_not_made_is_no_entry(text: str) -> None:
    # FORMAT.md convention of the English sets: a negated cue puts nothing forward
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Asked if she believed the mayor wanted the pier to close, the minister said she did not know.",
     [("the minister", "said")]),
    ("We asked our readers what they thought the mayor was doing wrong.", []),
])
def test_a_belief_inside_a_question_claims_nothing(text: str, kept: list[tuple[str, str]]) -> None:
    # FORMAT.md convention of the English sets: questions are no entries, nor is a cue in the clause asked about
    assert [(s, c) for s, c, _, _ in _claims(text)] == kept


@pytest.mark.parametrize(("text", "cue", "content", "certainty"), [
    ("The senator repeated his charge that the mayor had been weak on crime.", "charge",
     "the mayor had been weak on crime", "alleged"),
    ("He dismissed the argument that the pier was unsafe.", "argument", "the pier was unsafe", "alleged"),
])
def test_a_charge_or_argument_that_x_is_a_claim_noun(text: str, cue: str, content: str, certainty: str) -> None:
    # like *claim that*, *allegation that* (FORMAT.md: alleged for claims); a relative *that* is no cue
    assert any(c == cue and body == content and found == certainty for _, c, body, found in _claims(text))
    relative = _claims("The senator dismissed the charges that were filed on Monday.")
    assert [c for _, c, _, _ in relative] == ["dismissed"]


@pytest.mark.parametrize(("text", "certainty"), [
    ("Turnout will fall, according to a survey of 1,300 voters from the Harbour Institute.", "asserted"),
    ("The storm could reach the coast by Friday, according to forecasts.", "reported"),
])
def test_according_to_evidence_a_name_owns_is_its_assertion(text: str, certainty: str) -> None:
    # the feed-news and political-news gold: a named body's survey or poll asserts; unnamed forecasts are hearsay
    [(_, cue, _, found)] = _claims(text)
    assert (cue, found) == ("according to", certainty)
