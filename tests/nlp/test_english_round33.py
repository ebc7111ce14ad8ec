"""English, stop 33: classes PolNeAR's training articles showed under either convention, each on an invented
sentence (no corpus text)."""

from __future__ import annotations

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


def test_a_fronted_participle_clause_is_no_claim_of_the_speaker() -> None:
    # 'Asked whether …,' says when the mayor spoke; the verb-final reading took it for what she said
    assert _claims("Asked whether she would run again, the mayor said no.") == []
    assert _claims("Speaking to reporters on Monday, the mayor said.") == []


def test_a_quoted_clause_before_the_cue_stays_a_claim_whatever_its_first_word() -> None:
    claims = _claims('"Worried about the harbour," the mayor said.')
    assert [(c[0], c[1]) for c in claims] == [("the mayor", "said")]


def test_a_bare_verb_with_only_a_place_says_nothing() -> None:
    # a byline's 'reported from X' and a reporter's 'reports live from the field' report no content
    assert _claims("Jane Roe reported from Lisbon.") == []
    assert _claims("Roe is a correspondent who reports live from the field across the country.") == []


def test_a_reported_clause_after_a_place_stays_a_claim() -> None:
    assert _claims("He reported from Lisbon that the port was calm.") == [
        ("He", "reported", "the port was calm", "asserted")]


def test_claiming_a_victory_claims_nothing() -> None:
    assert _claims("The senator claimed a victory in the spring primary.") == []
    assert _claims("The senator claimed victory was near.") == [
        ("The senator", "claimed", "victory was near", "alleged")]


def test_an_aside_between_subject_and_predicate_leaves_one_clause_whole() -> None:
    # FORMAT.md's gold sets write the interrupted clause whole, aside and all ('Nearly 800,000 people,
    # according to the police, marched …'); the longer side alone lost the subject
    assert _claims("The new harbour plan, the mayor said, will fail within a year.") == [
        ("the mayor", "said", "The new harbour plan, the mayor said, will fail within a year", "asserted")]


def test_a_fronted_adverbial_before_an_aside_stays_out_of_the_claim() -> None:
    assert _claims("In the first phase, the ministry said, the army moved 1,500 troops.") == [
        ("the ministry", "said", "the army moved 1,500 troops", "asserted")]


def test_a_quotation_opening_right_after_the_cue_is_the_claim_whole() -> None:
    # the parser takes the quotation's first words for the verb's object and its clause for the complement
    assert _claims("The senator said “reckless spending, it has no place in this budget.”") == [
        ("The senator", "said", "“reckless spending, it has no place in this budget.”", "asserted")]


def test_a_source_keeps_the_bracket_it_opens() -> None:
    claims = _claims("Asked about the ad, Rep. Jane Roe (D-NY) said the images had no place in a campaign.")
    assert claims == [("Rep. Jane Roe (D-NY)", "said", "the images had no place in a campaign", "asserted")]


def test_a_comma_glued_to_a_quotation_mark_is_its_own_token() -> None:
    # pages whose spacing was lost write 'said,“Look': the cue was one token with the comma and the word
    assert _claims("The senator said,“Look, this budget has no future.”") == [
        ("The senator", "said", "“Look, this budget has no future.”", "asserted")]


def test_a_quotation_of_whole_sentences_before_the_speaker_is_the_claim() -> None:
    # the '?' cut the quotation in two sentences and the parser made its second part the cue's subject
    text = ('"Well, look, she is clearly ready, right? A careful person, a tested person," the campaign '
            'manager said Monday in an interview with a radio station.')
    assert _claims(text) == [("the campaign manager", "said", '"Well, look, she is clearly ready, right? A careful '
                              'person, a tested person,"', "asserted")]


def test_a_bare_verb_with_only_a_time_and_a_place_says_nothing() -> None:
    assert _claims("The campaign manager said Monday in an interview with a radio station.") == []


def test_according_to_set_off_after_the_subject_leaves_the_clause_whole() -> None:
    # the parser hung the phrase on the subject noun; the claim is the clause it interrupts, written whole
    text = "Other major divides, according to the survey, include age and education."
    assert _claims(text) == [
        ("the survey", "according to", "Other major divides, according to the survey, include age and education",
         "reported")]


def test_a_participle_after_a_datelined_clause_speaks_for_its_subject() -> None:
    # the parser made the dateline's dash the root (a dash is also a signature cue) and the dateline its subject
    text = ("LISBON ― The port authority announced plans Tuesday to widen the harbour, acknowledging that the "
            "old quay had not stopped the flooding.")
    assert _claims(text) == [
        ("The port authority", "acknowledging", "the old quay had not stopped the flooding", "asserted")]


def test_a_floating_quantifier_is_no_speaker() -> None:
    text = "Party leaders — whose party was once known for its discipline — both suggested the writer be fired."
    assert [c[0] for c in _claims(text)] == ["Party leaders"]


def test_a_rate_before_the_cue_is_the_whole_source() -> None:
    # the parser hangs 'in 10' on the verb; the source is the rate, not its first number
    assert _claims("Nearly 6 in 10 said the harbour was the top issue.") == [
        ("Nearly 6 in 10", "said", "the harbour was the top issue", "asserted")]


def test_a_quotation_closed_by_a_full_stop_before_a_bare_speaker_sentence_is_the_claim() -> None:
    # '"… missing." Trump said.': the sentence of speaker and cue has no claim of its own
    assert _claims('"Ministers, if you are listening, we need the harbour open by May." The mayor said.') == [
        ("The mayor", "said", '"Ministers, if you are listening, we need the harbour open by May."', "asserted")]
    # with a clause of its own, the cue's claim is that clause
    assert [c[2] for c in _claims('"We will not change it." The council said it would review the case.')] == [
        "it would review the case"]


def test_a_quotation_before_a_cue_with_its_own_subject_is_the_cue_s_even_if_a_word_of_it_is_parsed_as_subject() -> None:
    # the parser made 'nothing' a second subject of 'said' and the quotation after 'adding:' its content
    text = ('"If the board gets to pick its own auditors, nothing you can do folks," Trump said before adding: '
            '"Though the unions, maybe there is."')
    claims = _claims(text)
    assert ("Trump", "said", '"If the board gets to pick its own auditors, nothing you can do folks,"',
            "asserted") in claims


def test_a_quoted_label_inside_a_phrase_after_the_cue_is_not_what_was_said() -> None:
    assert _claims('The mayor expects an "aggressive appeal" of the ruling.') == []
    assert _claims('The band added old hits including "Harbour Lights".') == []


def test_a_quotation_a_message_noun_holds_is_what_was_said() -> None:
    assert _claims("Supporters responded with chants of “We are with her” until she spoke.") == [
        ("Supporters", "responded", "“We are with her”", "asserted")]


def test_a_colon_after_an_imperative_or_a_relative_clause_leads_into_no_ones_words() -> None:
    assert not any(c[1] == "Read" for c in _claims("Read the latest updates:\n\nThe harbour opened on Monday."))
    assert _claims("Here are the five stories that people talked about:\n\n1. THE HARBOUR OPENS.") == []
    assert _claims("The mayor said:\n\nThe harbour will close.") == [
        ("The mayor", "said", "The harbour will close.", "asserted")]


def test_a_quotation_the_splitter_cut_is_one_claim_with_the_words_before_it() -> None:
    text = ("Earlier port managers “were slow. They were not careful. There was no plan” in comparison to the "
            "new team, the mayor said.")
    assert _claims(text) == [("the mayor", "said", "Earlier port managers “were slow. They were not careful. There "
                              "was no plan” in comparison to the new team", "asserted")]


def test_a_marked_conjunct_after_a_nested_unmarked_clause_is_the_outer_cues() -> None:
    text = "The council says residents agree the plan is too expensive and that the mayor broke his promise."
    claims = _claims(text)
    assert ("residents", "agree", "the plan is too expensive", "asserted") in claims
    assert ("The council", "says", "residents agree the plan is too expensive and that the mayor broke his promise",
            "asserted") in claims
    # a cue of its own, not nested: both clauses are its claim
    assert _claims("The mayor said the plan failed and that the council broke its promise.") == [
        ("The mayor", "said", "the plan failed and that the council broke its promise", "asserted")]


def _figures(text: str) -> list[tuple[float, str | None]]:
    a = analyze_article(Article(text=text, lang="en"))
    return [(q.value, q.counted.of(a.article.text) if q.counted else None) for q in a.quantities]


def test_at_one_point_is_a_moment_not_a_count() -> None:
    # another number of the same noun nearby made 'one point' a count in contrast
    assert _figures("At one point in the race the mayor trailed by 50 points.") == [(50.0, "points")]
    assert _figures("The army fired 36 shells and the navy fired one shell.") == [(36.0, "shells"), (1.0, "shell")]


def test_a_perfect_tense_relay_inside_a_quotation_is_nested() -> None:
    text = "“The campaign has informed the party that the speaker will not attend,” the release said."
    claims = _claims(text)
    assert ("The campaign", "informed", "the speaker will not attend", "asserted") in claims
    assert any(c[0] == "the release" for c in claims)
    # a participle with no tense of its own stays the speaker's telling
    assert [c[0] for c in _claims("“The grid operator, saying it is congestion, wants time,” she said.")] == ["she"]


def test_a_quotation_after_that_is_what_was_said_even_where_the_parser_made_that_its_head() -> None:
    text = ('The police inspector told reporters that "the number, the size, the flight patterns. All this '
            'together indicates a capable actor."')
    assert [(c[0], c[1]) for c in _claims(text)] == [("The police inspector", "told")]
