"""English, stop 32: classes the English review sets showed, each on an invented sentence (no corpus text)."""

from __future__ import annotations

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


def test_a_claim_verbs_infinitive_inside_a_quotation_is_a_relay_of_its_own() -> None:
    # FORMAT.md nests each relay; 'claims to be' takes an infinitive, so the parse gives no clause
    text = '"The mayor claims to be a friend of the harbour. She is not," the councillor said.'
    claims = _claims(text)
    assert ("The mayor", "claims", "to be a friend of the harbour", "alleged") in claims
    assert any(c[0] == "the councillor" for c in claims)


def test_a_plan_inside_a_quotation_stays_the_speakers() -> None:
    # 'want to' is no claim under FORMAT.md: nothing nested
    assert [c[0] for c in _claims('"The rebels want to hold the bridge," the colonel said.')] == ["the colonel"]


def test_a_misread_conjunct_after_an_according_to_source_is_no_content() -> None:
    # the parser hangs 'according to' on 'authorized', joined to the main verb; the clause before is the claim
    text = ("The army is moving into the city, according to three officials who spoke to the newspaper but were "
            "not authorized to speak publicly.")
    assert _claims(text) == [("three officials", "according to", "The army is moving into the city", "reported")]


def test_according_to_closing_a_paragraph_with_a_colon_leads_into_the_next() -> None:
    text = ("The council met on Monday.\n\nAccording to Jane Roe, writing for the Herald:\n\n"
            "The harbour company received as much as $2 million in payments from the city.\n\n"
            "Another official said the payments were legal.")
    claims = _claims(text)
    assert ("Jane Roe", "According to",
            "The harbour company received as much as $2 million in payments from the city.", "asserted") in claims
    assert not any(c[1] == "writing" or c[2] == "writing for the Herald" for c in claims)


def test_a_relay_inside_a_quotation_ends_with_its_clause() -> None:
    # the quotation goes on after the relayed clause, in the speaker's own voice
    text = '"The mayor says the harbour will stay open. I doubt it," the councillor said.'
    assert ("The mayor", "says", "the harbour will stay open", "asserted") in _claims(text)


def test_a_colon_lead_takes_the_cues_subject_not_a_fronted_phrase() -> None:
    text = ("The senator has spoken out before.\n\nIn a speech last July, he said:\n\n"
            "Let no one be mistaken, the plan is a disaster for the city.\n\nThe council did not reply.")
    assert ("he", "said", "Let no one be mistaken, the plan is a disaster for the city.", "asserted") in _claims(text)


def test_more_claim_nouns_with_a_that_clause() -> None:
    assert _claims("Despite complaints that the lanes slow traffic, the council kept them.") == [
        (None, "complaints", "the lanes slow traffic", "alleged")]
    assert _claims("It is a common misconception that the harbour belongs to the city.") == [
        (None, "misconception", "the harbour belongs to the city", "estimated")]


def test_a_noun_clause_ends_before_a_main_clause_the_parser_took_for_it() -> None:
    # the parse makes 'kept' the clause of 'complaints' and hangs 'the lanes slow traffic' on it
    assert ("the lanes slow traffic" in [c[2] for c in _claims(
        "Despite complaints that the lanes slow traffic, the council kept them.")])


def _figures(text: str) -> list[str]:
    a = analyze_article(Article(text=text, lang="en"))
    return [text[q.span.start:q.span.end] for q in a.quantities]


def test_turning_a_bare_number_is_an_age() -> None:
    assert _figures("The senator turns 70 on Tuesday, and his staff planned a party.") == []
    assert _figures("When she turned 18, she moved to the city.") == []
    assert _figures("Sales turned 40 percent lower.") == ["40"]


def test_praise_or_blame_of_x_as_y_claims_x_as_y() -> None:
    assert _claims("The senator criticized the mayor as unfit for office.") == [
        ("The senator", "criticized", "the mayor as unfit for office", "asserted")]
    assert _claims("The union praised the deal as a victory for workers.") == [
        ("The union", "praised", "the deal as a victory for workers", "asserted")]


def test_an_as_clause_of_time_names_nothing() -> None:
    assert _claims("The army attacked the town as night fell.") == []


def test_who_was_heard_from_speaks() -> None:
    assert _claims("I have heard from many sources that the deal is off.") == [
        ("many sources", "heard from", "the deal is off", "reported")]
    assert _claims("We learned from a diplomat that the talks failed.") == [
        ("a diplomat", "learned", "the talks failed", "reported")]
    assert _claims("I heard that the mayor resigned.") == []


def test_a_supposed_holder_is_no_source() -> None:
    assert _claims("Anyone who thinks the war is over is wrong.") == []
    assert _claims("Anyone expecting the mayor to change course will be disappointed.") == []
    assert _claims("Everyone who was asked said the bridge was safe.") == [
        ("Everyone", "said", "the bridge was safe", "asserted")]


def test_a_relative_pronoun_speaks_for_a_demonstrative_it_follows() -> None:
    claims = _claims("Those who believe the harbour will close are wrong, the mayor said.")
    assert ("Those who", "believe", "the harbour will close", "estimated") in claims


def test_a_target_or_topic_phrase_with_adjuncts_after_it_claims_nothing() -> None:
    assert _claims("Davis lashed out at the nominee on Facebook.") == []
    assert _claims("The minister hinted at a deal.") == []
    assert _claims("He said at a rally that the plan would fail.") == [
        ("He", "said", "the plan would fail", "asserted")]


def test_a_bare_verbs_time_clause_is_no_content() -> None:
    text = "That is in addition to the donations the foundation acknowledged after the paper asked about them."
    assert _claims(text) == []


def test_an_unresolved_relative_pronoun_has_no_source_kind() -> None:
    # 'who' is no organisation (the stem table knows the WHO): an unresolved relative names no one
    a = analyze_article(Article(text="I met him, who said the bridge was safe.", lang="en"))
    assert [x.source_kind for x in a.attributions if x.source is not None] == [None]


def test_a_finding_from_an_investigation_or_from_no_one_named_is_reported() -> None:
    assert _claims("Investigations have revealed that requests were made for added security.") == [
        ("Investigations", "revealed", "requests were made for added security", "reported")]
    assert _claims("It was revealed that she had used a personal email account.") == [
        (None, "revealed", "she had used a personal email account", "reported")]
    assert _claims("The agency revealed that the troops had left.")[0][3] == "asserted"


def test_a_poll_pair_after_a_name_is_two_shares_not_a_label() -> None:
    assert _figures("Trump leads Clinton 46 to 40 percent in Ohio.") == ["46", "40"]
    assert _figures("The band played at Studio 54 to a full house.") == []


def test_a_dash_after_a_percent_sign_joins_two_shares() -> None:
    assert _figures("Clinton leads 49%-40% among women.") == ["49", "40"]
    assert _figures("Temperatures fell to -33 degrees.") == ["-33"]


def test_a_quotation_that_a_later_cue_claims_is_no_continuation_of_the_one_before() -> None:
    text = ('"Many would call that a failure" if she lost, said David Ross, an analyst. '
            '"And yet it would help the harbour" because the ferry would return, he said.')
    claims = _claims(text)
    assert [c[0] for c in claims] == ["David Ross, an analyst", "he"]


def test_a_relative_pronoun_after_a_doubled_space_still_speaks_for_its_noun() -> None:
    claims = _claims("The Post recently ran a piece  that noted his plan would help the rich.")
    assert claims and claims[0][0] == "a piece  that"


def test_had_this_to_say_leads_into_a_quotation() -> None:
    assert _claims('The mayor had this to say: "We will rebuild the harbour."') == [
        ("The mayor", "had this to say", '"We will rebuild the harbour."', "asserted")]


def test_an_imperative_in_brackets_claims_nothing() -> None:
    assert _claims("They receive funds for services (think college administrators), and they benefit.") == []


def test_claiming_a_thing_taken_is_no_claim() -> None:
    assert _claims("The plan aims to stop the senator from claiming the nomination.") == []
    assert _claims("The floods claimed the lives of at least 158 people.") == []
    assert _claims("The group claimed responsibility for the attack.") == [
        ("The group", "claimed", "responsibility for the attack", "alleged")]
