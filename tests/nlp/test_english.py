"""English attributions on sentences written for these tests, and the PolNeAR dev quality gate.

No sentence here comes from PolNeAR (its texts carry no licence; see
shared/data/en/LICENSE-NOTE.md): the corpus is only read, from ../shared, by the gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.analyze import analyze_text
from claimledger.model import Analysis
from claimledger.nlp.lexicon import load

Row = tuple[str | None, str, str, str, bool]


def _analysis(text: str) -> Analysis:
    return analyze_text(text, lang="en")


def _rows(text: str) -> list[Row]:
    a = _analysis(text)
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t), x.certainty, x.anonymous)
            for x in a.attributions]


def _one(text: str) -> Row:
    found = _rows(text)
    assert len(found) == 1, found
    return found[0]


def _by_cue(text: str, cue: str) -> Row:
    hits = [r for r in _rows(text) if r[1] == cue]
    assert len(hits) == 1, _rows(text)
    return hits[0]


# ----- direct, indirect and mixed quotations ------------------------------------------------


def test_indirect_speech_subject_and_that_clause() -> None:
    src, cue, content, cert, anon = _one(
        "The harbour master said that three ferries had been cancelled because of the storm.")
    assert (src, cue, cert, anon) == ("The harbour master", "said", "asserted", False)
    assert content.endswith("three ferries had been cancelled because of the storm")


def test_direct_quote_before_source_and_cue() -> None:
    src, cue, content, _, _ = _one('"We will not close the bridge," the mayor said on Tuesday.')
    assert (src, cue) == ("the mayor", "said")
    assert content.strip('",') == "We will not close the bridge"


def test_inverted_said_then_name_keeps_the_name() -> None:
    src, cue, content, _, _ = _one('"The ferry is safe," said Ana Lopez, a spokeswoman for the port authority.')
    assert cue == "said" and src is not None and src.startswith("Ana Lopez")
    assert "The ferry is safe" in content


def test_quote_split_around_the_cue_is_two_entries_with_one_speaker() -> None:
    # FORMAT.md's continuation quotes: the Wikinews gold and the political-news gold write a quotation
    # split by its cue as two entries with the same source and cue (PolNeAR's convention keeps one claim)
    a = _analysis('"Nobody expected this," she said, "least of all the engineers who designed the old dam."')
    t = a.article.text
    assert [(x.source.of(t) if x.source else None, x.cue.of(t)) for x in a.attributions] == [("she", "said")] * 2
    contents = sorted(x.content.of(t).strip('",') for x in a.attributions)
    assert contents == ["Nobody expected this", "least of all the engineers who designed the old dam."]


def _entries_begin(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Every attribution, in order, has the expected source and cue and its content begins so."""
    a = _analysis(text)
    got = [(x.source.of(text) if x.source else None, x.cue.of(text), x.content.of(text)) for x in a.attributions]
    assert len(got) == len(expected), got
    for (src, cue, content), (want_src, want_cue, begins) in zip(got, expected, strict=True):
        assert (src, cue) == (want_src, want_cue) and content.startswith(begins), got


def test_quote_continued_in_the_next_sentence_is_an_entry_of_its_own() -> None:
    # FORMAT.md: a continuation quote is an entry of its own with the same source and cue
    # (PolNeAR instead keeps one attribution whose content is the longest fragment)
    a = _analysis('"It was quiet," the guard said. "Then the lights went out across the whole district at once."')
    t = a.article.text
    got = [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t).strip('",. ')) for x in a.attributions]
    assert got == [("the guard", "said", "It was quiet"),
                   ("the guard", "said", "Then the lights went out across the whole district at once")]
    assert all(not x.content_parts for x in a.attributions)


def test_quote_over_two_sentences_before_the_cue_is_whole() -> None:
    _, cue, content, _, _ = _one(
        '"The storm destroyed the pier. It will take a year to rebuild," the harbour master said.')
    assert cue == "said"
    assert "The storm destroyed the pier" in content and "a year to rebuild" in content


def test_mixed_quotation_inside_indirect_speech() -> None:
    src, _, content, _, _ = _one('The senator said the bill was "dead on arrival" and would never reach the floor.')
    assert src == "The senator"
    assert '"dead on arrival"' in content and content.endswith("would never reach the floor")


def test_parenthetical_cue_inside_the_claim() -> None:
    src, cue, content, _, _ = _one(
        "The new tunnel, the minister said, would cost far more than the government had budgeted.")
    assert (src, cue) == ("the minister", "said")
    # one clause, interrupted: written whole, the aside inside it, as FORMAT.md's gold sets write it
    assert content == "The new tunnel, the minister said, would cost far more than the government had budgeted"


def test_colon_after_the_cue() -> None:
    src, cue, content, _, _ = _one('She said: "The harvest was the worst in thirty years."')
    assert (src, cue) == ("She", "said")
    assert "worst in thirty years" in content


@pytest.mark.parametrize("text", [
    'Okafor: "We will not give up a single village."',
    '"MORALES: Well, the mayor calls it a “small delay.” It is not. We lost a season.',
    "“The river has never been this low.” ― Ana Reyes",
])
def test_a_bare_colon_or_dash_is_no_cue(text: str) -> None:
    # FORMAT.md's cue is a phrase: no gold set of that convention (the owners', nor the blind annotators'
    # on headlines, transcripts and columns) writes a colon or a dash as one, and the scorer could never
    # credit it; a cue word before the colon still speaks (next test)
    assert _rows(text) == []


def test_inverted_said_before_a_colon() -> None:
    src, cue, content, _, _ = _one('Said Mensah: "I do not think the council read the report."')
    assert (src, cue) == ("Mensah", "Said")
    assert "read the report" in content


def test_a_heading_with_a_colon_is_no_speaker() -> None:
    assert _rows("The Latest: Storm closes three schools in the valley.") == []


# ----- paraphrase cues and certainty from the cue --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "certainty"),
    [
        ("The governor told reporters that the budget would be balanced by June.", "told", "asserted"),
        ("Police warned that the mountain roads would remain icy overnight.", "warned", "asserted"),
        ("The opposition leader claimed that the count had been rigged.", "claimed", "alleged"),
        ("The ministry denied that any soldiers had crossed the border.", "denied", "denied"),
        ("The mayor confirmed that the stadium would be rebuilt.", "confirmed", "confirmed"),
        ("The central bank estimated that inflation would fall to three percent.", "estimated", "estimated"),
        ("The coach added that two players were injured.", "added", "asserted"),
        ("The firm announced that it would open a plant in the north.", "announced", "asserted"),
        ("The defence insisted that the witness had lied.", "insisted", "asserted"),
        ("The agency reported that exports had doubled.", "reported", "asserted"),
        # a speaker revealing is asserting, as Swedish 'avslöjar' is; evidence verbs (show) report
        ("The singer revealed that she had left the band in May.", "revealed", "asserted"),
    ],
)
def test_paraphrase_cue_certainty(sentence: str, cue: str, certainty: str) -> None:
    src, found_cue, content, cert, _ = _one(sentence)
    assert found_cue == cue and cert == certainty
    assert src is not None and src.split()[-1] in sentence.split(cue)[0]
    assert content and cue not in content.split()


def test_denial_of_a_claim_noun() -> None:
    src, cue, content, cert, _ = _by_cue(
        "The company denied the report that it had laid off a thousand workers.", "denied")
    assert (src, cert) == ("The company", "denied")
    # what is denied is the noun's clause, as the cluster gold writes *rejected allegations that X*
    assert content == "it had laid off a thousand workers"


def test_noun_cue_the_claim_that() -> None:
    src, cue, content, cert, anon = _one("The claim that the factory had closed turned out to be false.")
    assert (src, cue, content, cert, anon) == (None, "claim", "the factory had closed", "alleged", True)


# ----- according to, nesting -----------------------------------------------------------------


def test_according_to_first() -> None:
    src, cue, content, _, _ = _one("According to the coast guard, two fishing boats sank near the island.")
    assert (src, cue) == ("the coast guard", "According to")
    assert content == "two fishing boats sank near the island"


def test_according_to_last() -> None:
    src, cue, content, _, _ = _one("Two fishing boats sank near the island, according to the coast guard.")
    assert (src, cue) == ("the coast guard", "according to")
    assert content == "Two fishing boats sank near the island"


def test_nested_according_to_chain_links_the_relay() -> None:
    a = _analysis("According to the newspaper, officials said the embassy would reopen next month.")
    t = a.article.text
    by_cue = {x.cue.of(t): x for x in a.attributions}
    assert set(by_cue) == {"According to", "said"}
    outer, inner = by_cue["According to"], by_cue["said"]
    assert outer.source is not None and outer.source.of(t) == "the newspaper"
    assert "officials said the embassy would reopen" in outer.content.of(t)
    assert inner.source is not None and inner.source.of(t) == "officials" and inner.anonymous
    assert inner.via == outer.id


# ----- reportative adverbs and passives ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "certainty"),
    [
        ("The general is said to have left the capital on Sunday.", "is said to", "reported"),
        ("The minister reportedly resigned after the vote.", "reportedly", "reported"),
        ("The rebels allegedly fired on the convoy.", "allegedly", "alleged"),
        ("The ship is believed to have sunk in deep water.", "is believed to", "estimated"),
    ],
)
def test_reportative_cue_has_no_source_and_keeps_the_whole_clause(sentence: str, cue: str, certainty: str) -> None:
    src, found_cue, content, cert, anon = _one(sentence)
    assert (src, found_cue, cert, anon) == (None, cue, certainty, True)
    assert content == sentence.rstrip(".")


# ----- sources: anonymous, pronouns, participles ---------------------------------------------


def test_anonymous_officials_familiar_with_the_matter() -> None:
    src, cue, _, _, anon = _one("Two cruise missiles hit the port, according to officials familiar with the matter.")
    assert src is not None and src.startswith("officials") and anon


def test_person_speaking_on_condition_of_anonymity() -> None:
    src, _, content, _, anon = _one("A person who spoke on condition of anonymity said the talks had stalled.")
    assert src == "A person" and anon
    assert content == "the talks had stalled"


def test_sources_familiar_with_are_anonymous_hearsay() -> None:
    src, _, _, cert, anon = _one("Sources familiar with the negotiations said a deal was close.")
    assert src is not None and src.startswith("Sources") and anon and cert == "reported"


def test_pronoun_source_is_kept_as_written_and_is_not_anonymous() -> None:
    src, _, _, _, anon = _one('"The dam will hold," she said.')
    assert src == "she" and not anon


def test_participle_cue_takes_the_main_subject() -> None:
    rows = _rows('The mayor said the vote was close, adding that "nothing will change."')
    assert {(r[0], r[1]) for r in rows} == {("The mayor", "said"), ("The mayor", "adding")}


def test_dateline_is_not_the_source() -> None:
    src, _, _, _, _ = _one(
        "LAGOS -- The governor, opening the new bridge on Saturday, said it would carry ten thousand cars a day.")
    assert src is not None and src.startswith("The governor")


def test_a_plan_inside_reported_speech_is_part_of_it() -> None:
    rows = _rows("The president said he would order a review of the whole program.")
    assert [(r[0], r[1]) for r in rows] == [("The president", "said")]


# ----- stray and unbalanced quotation marks --------------------------------------------------


def test_stray_closing_mark_does_not_swallow_the_next_sentence() -> None:
    rows = _rows('The mayor said the vote was close." Police said two people were hurt.')
    assert {(r[0], r[2]) for r in rows} == {("The mayor", "the vote was close"), ("Police", "two people were hurt")}


def test_unclosed_quote_costs_at_most_its_sentence() -> None:
    rows = _rows('He said "the plan is dead. Officials said the budget was cut.')
    assert ("Officials", "said", "the budget was cut") in [(r[0], r[1], r[2]) for r in rows]


def test_stray_mark_alone_at_paragraph_start() -> None:
    rows = _rows('" The council said the road would reopen.\n\n"We will win," he said.')
    assert ("The council", "the road would reopen") in [(r[0], r[2]) for r in rows]
    assert ("he", "said") in [(r[0], r[1]) for r in rows]


@pytest.mark.parametrize(
    "text",
    ['"', '“”', '"""', "“ said ”", 'He said "', 'said "a" "b" "c', "”He said“ the plan” was “", "''", "‘ ’ ’ ‘"],
)
def test_odd_quote_marks_never_crash(text: str) -> None:
    a = _analysis(text + "\n\nThe harbour master said the ferries were cancelled.")
    t = a.article.text
    assert any(x.content.of(t) == "the ferries were cancelled" for x in a.attributions)
    for x in a.attributions:
        assert x.content.of(t).strip()


# ----- every range stays inside its text ----------------------------------------------------


def test_spans_index_the_text_exactly() -> None:
    text = ('"It was quiet," the guard said. "Then the lights went out."\n\n'
            "According to the newspaper, officials said the embassy would reopen.")
    a = _analysis(text)
    assert a.attributions
    for x in a.attributions:
        spans = [x.cue, x.content, *x.content_parts] + ([x.source] if x.source else [])
        for s in spans:
            assert 0 <= s.start < s.end <= len(text)
            assert text[s.start:s.end] == text[s.start:s.end].strip()


# ----- PolNeAR dev quality gate --------------------------------------------------------------

POLNEAR_DEV = "data/en/polnear-dev.jsonl"


@pytest.fixture(scope="module")
def polnear_scores(shared: Path) -> dict:
    from claimledger.evaluation.predict import predict_docs, read_gold
    from claimledger.evaluation.score import score

    path = shared / POLNEAR_DEV
    if not path.is_file():
        pytest.skip(f"{POLNEAR_DEV} is not in ../shared")
    docs = read_gold(path)
    with pytest.MonkeyPatch.context() as mp:  # PolNeAR's gold follows its own convention for object contents
        mp.setenv("CLAIMLEDGER_CONTENTS", "polnear")
        preds = {p["id"]: p for p in predict_docs(docs)}
    return score({d["id"]: d for d in docs}, preds)


def test_polnear_dev_strict_f1_floor(polnear_scores: dict) -> None:
    assert polnear_scores["attributions"]["strict"]["f1"] >= 0.635


def test_polnear_dev_content_f1_floor(polnear_scores: dict) -> None:
    assert polnear_scores["attributions"]["match"]["f1"] >= 0.725


def test_english_hyphenated_number_words_are_figures() -> None:
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article

    cases = {
        "North Korea decided to send some 12-thousand troops to Russia.": ("some 12-thousand", 12000.0, "about"),
        "It sent some 15-hundred special forces troops.": ("some 15-hundred", 1500.0, "about"),
        "Twenty-one people died in the fire.": ("Twenty-one", 21.0, "exact"),
        "Around ten-thousand soldiers were there.": ("Around ten-thousand", 10000.0, "about"),
        "Unions counted about two million and 300 thousand marchers.": ("about two million and 300 thousand",
                                                                        2300000.0, "about"),
    }
    for text, (span, value, approx) in cases.items():
        [q] = analyze_article(Article(text=text, lang="en")).quantities
        assert (q.span.of(text), q.value, q.approx) == (span, value, approx), text
    for text in ("The F-16 jet flew on.", "A self-made man paid a one-off fee."):
        assert not analyze_article(Article(text=text, lang="en")).quantities, text
    # a span of time with a numeral is a duration (FORMAT.md keeps them), hyphenated or not
    [q] = analyze_article(Article(text="The F-16 flew a 5-year mission.", lang="en")).quantities
    assert (q.value, q.unit) == (5.0, "a")


def test_suspicion_and_suspected_passives_name_the_claim_of_their_own_clause() -> None:
    from claimledger.analyze import analyze_text

    text = ("Finnish authorities seized a ship on suspicion that it caused the failure of a submarine cable. "
            "The vessel is detained, after it was suspected to have been responsible for damage to cables.")
    a = analyze_text(text, lang="en")
    found = {(x.cue.of(text), x.content.of(text)) for x in a.attributions}
    assert ("suspicion", "it caused the failure of a submarine cable") in found
    assert ("was suspected to", "it was suspected to have been responsible for damage to cables") in found


def test_hyphenated_given_names_are_one_token_for_the_parser() -> None:
    """*Kim Min-ho* is one subject, not three (*Min*, *-*, *ho*), so the source is the whole name."""
    from claimledger.nlp import pipeline

    doc = pipeline.load("en")("Lawmaker Kim Min-ho told reporters after a closed-door briefing that troops had left.")
    subjects = [t.text for t in doc if t.dep_ == "nsubj" and t.head.text == "told"]
    assert subjects == ["Min-ho"]
    assert "closed" in [t.text for t in doc]  # a lower-case compound keeps its hyphen split


# ----- issue 10: recall on English (each rule class, on sentences written for these tests) -----


@pytest.mark.usefixtures("polnear_contents")  # PolNeAR's convention: FORMAT.md has no such content
@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("The harbour master defended the new ferry timetable.",
     "The harbour master", "defended", "the new ferry timetable"),
    ("The fishermen hoped that the quota would be raised in the spring.",
     "The fishermen", "hoped", "the quota would be raised in the spring"),
    ("The union thanked the volunteers who rebuilt the pier.",
     "The union", "thanked", "the volunteers who rebuilt the pier"),
    # second pass: verbs mined from PolNeAR's training split
    ("The harbour master likened the new ferry timetable to a lottery.",
     "The harbour master", "likened", "the new ferry timetable to a lottery"),
    ("The fishermen hailed the decision to raise the quota.",
     "The fishermen", "hailed", "the decision to raise the quota"),
    ("The mayor reaffirmed that the bridge would reopen in May.",
     "The mayor", "reaffirmed", "the bridge would reopen in May"),
])
def test_attitude_verbs_are_cues(text: str, source: str, cue: str, content: str) -> None:
    src, found_cue, found, _, _ = _by_cue(text, cue)
    assert (src, found.removeprefix("that ")) == (source, content)


@pytest.mark.usefixtures("polnear_contents")  # FORMAT.md's gold has no bare *seemed to* (test_english_web_news)
def test_seems_to_is_an_evidential_with_no_source_under_polnear() -> None:
    src, cue, content, cert, anon = _one("The ferry strike seemed to collapse after the second vote.")
    assert (src, cue, cert, anon) == (None, "seemed to", "estimated", True)
    assert content.endswith("collapse after the second vote")


def test_preposition_cue_object_keeps_the_verbs_trailing_complements() -> None:
    _, _, content, _, _ = _by_cue("The minister pointed to the harbour figures as proof of a recovery.", "pointed to")
    assert content == "the harbour figures as proof of a recovery"


def test_inverted_content_and_the_quotation_after_the_cue_are_two_entries() -> None:
    text = ('"Crowds were singing" before the match, she said. "It was calm and friendly, and nobody '
            'expected any trouble at all that night."')
    _entries_begin(text, [("she", "said", '"Crowds were singing'), ("she", "said", '"It was calm and friendly')])


def test_comma_aside_after_reported_clause_is_not_content() -> None:
    _, _, content, _, _ = _by_cue("The captain said the ferry would resume in May, which surprised the dock workers.",
                                  "said")
    assert content == "the ferry would resume in May"


def test_contracted_has_is_not_a_passive() -> None:
    src, cue, content, _, _ = _by_cue("She's said she will not run for the council again.", "said")
    assert (src, content) == ("She", "she will not run for the council again")


def test_stance_verb_with_no_holder_is_no_attribution() -> None:
    rows = _rows("Whether to challenge the ruling is still unclear.")
    assert "challenge" not in [r[1] for r in rows]


def test_speaker_after_inverted_quote_read_as_object() -> None:
    src, cue, _, _, _ = _by_cue('"We will rebuild the pier by June," read the statement.', "read")
    assert src == "the statement"


def test_participle_hung_inside_the_following_quotation() -> None:
    text = 'The mayor seemed ready to joke about the storm, telling the crowd, "Some people get carried away."'
    src, _, content, _, _ = _by_cue(text, "telling")
    assert src == "The mayor" and content.startswith('"Some people')


def test_a_quotation_on_each_side_of_the_cue_is_an_entry_each() -> None:
    text = ('"Unquestionably, extraordinarily disappointing," the coach said. '
            '"We lost to a good team and we go on."')
    _entries_begin(text, [("the coach", "said", '"Unquestionably'), ("the coach", "said", '"We lost to a good team')])


@pytest.mark.parametrize(("text", "expected"), [
    ("The harbour master defended the new ferry timetable.", []),
    ("The governor praised the plan in an interview published Saturday.", []),
    ("The ministry announced the start of a public inquiry.", []),
    ("The ministry announced three deaths on Monday.", [("The ministry", "announced", "three deaths")]),
    ("The ministry denied the report on Monday.", [("The ministry", "denied", "the report")]),
    ("The mayor called the plan a stunt.", [("The mayor", "called", "the plan a stunt")]),
])
def test_by_default_a_noun_object_is_a_claim_only_where_format_md_says(text: str, expected: list) -> None:
    """FORMAT.md: a noun phrase is a content only when it stands for a claim (*denied the
    report*); an event or a thing praised is none; a count put forward and a name given are."""
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.usefixtures("polnear_contents")  # PolNeAR's convention: FORMAT.md has no such content
def test_infinitive_stance_is_a_plan_not_a_held_stance() -> None:
    rows = _rows("The council plans to attack the harbour budget next week.")
    assert "attack" not in [r[1] for r in rows]
    assert _by_cue("The council attacked the harbour budget.", "attacked")[2] == "the harbour budget"


@pytest.mark.parametrize("text", ["The talks will continue in the spring.", "She sent a tweet before noon.",
                                  "The new budget is a challenge for the small ports."])
def test_words_that_are_seldom_cues_in_these_forms(text: str) -> None:
    assert _rows(text) == []


# ----- issue 10, second pass: cues mined from PolNeAR's training split, stance nouns ----------


def test_expect_is_an_estimate() -> None:
    src, _, content, cert, _ = _by_cue("The port authority expects that the strike will end by Friday.", "expects")
    assert (src, cert) == ("The port authority", "estimated")
    assert content.endswith("the strike will end by Friday")


def test_stance_noun_with_a_possessive_holder_takes_its_infinitive() -> None:
    src, _, content, _, _ = _by_cue("The mayor's pledge to rebuild the old pier pleased the fishermen.", "pledge")
    assert (src, content) == ("The mayor's", "to rebuild the old pier")


def test_stance_noun_with_a_by_holder() -> None:
    src, _, content, _, _ = _by_cue("The pledge by the mayor to rebuild the pier was welcomed by the fishermen.",
                                    "pledge")
    assert (src, content) == ("the mayor", "to rebuild the pier")


def test_stance_noun_owned_by_a_pronoun_is_held_by_the_verbs_subject() -> None:
    src, _, content, _, _ = _by_cue("The harbour master repeated his critique of the new timetable.", "critique")
    assert (src, content) == ("The harbour master", "the new timetable")


@pytest.mark.parametrize("text", ["The pledge was made in a hurry.", "A critique of the timetable appeared.",
                                  "Her desire grew stronger every year."])
def test_stance_noun_with_no_holder_is_no_attribution(text: str) -> None:
    assert _rows(text) == []


# ----- round 3 (train sample, seed 4404): continuations, asides, *as* clauses -----------------


def test_a_title_after_a_possessive_is_no_quotation_and_the_next_sentence_goes_on() -> None:
    text = ('"The plan is dead," Mr. Lamb said on the network\'s "Face the Voters." "They '
            'never had the votes, and everybody in the building knew it from the first day."')
    # two entries, never the show's title
    _entries_begin(text, [("Mr. Lamb", "said", '"The plan is dead'), ("Mr. Lamb", "said", '"They never had the votes')])


def test_a_quotation_after_a_sentence_with_no_other_speaker_goes_on_with_the_speaker() -> None:
    text = ('"Her name will live on," Moss said, as a few young boxers trained inside the '
            'hall. "Her stories will live on, and her example will live on here."')
    _entries_begin(text, [("Moss", "said", '"Her name will live on'), ("Moss", "said", '"Her stories will live on')])


def test_a_quotation_after_a_sentence_with_another_cue_is_not_taken() -> None:
    found = _rows('"The name will live on," Moss said, and the coach argued that the hall must close. '
                  '"The stories will live on, and the example will live on here, whatever anyone says."')
    said = [r for r in found if r[1] == "said"]
    assert said and said[0][2].strip('",') == "The name will live on"


def test_an_adverbial_clause_before_an_aside_cue_is_not_what_is_said() -> None:
    src, cue, content, _, _ = _by_cue("When she first described the fence in May, she said, \u201cWe are going to "
                                      "build a fence; it will be tall, and people will come in legally.\u201d", "said")
    assert (src, cue) == ("she", "said")
    assert content.startswith("\u201cWe are going to build a fence") and content.endswith("legally.\u201d")


def test_an_aside_cue_right_after_a_comma_reports_the_clause_before_it() -> None:
    src, _, content, _, _ = _by_cue("She was unable to find a single buyer, she said, on condition of anonymity to "
                                    "speak freely about her party.", "said")
    assert (src, content) == ("she", "She was unable to find a single buyer")


def test_an_aside_cue_with_the_rest_of_the_sentence_hung_on_it() -> None:
    src, _, content, _, _ = _by_cue("Nor does Ms. Reyes have any plans, advisers say, to take cues from the "
                                    "campaign and start playing down her support for open markets.", "say")
    assert src == "advisers" and content.startswith("Nor does Ms. Reyes have any plans, advisers say, to take cues")
    assert content.endswith("her support for open markets")  # one clause, interrupted: written whole


@pytest.mark.parametrize(("text", "source", "content"), [
    ("As the Chronicle observed, Democrats now control both chambers in 12 states.", "the Chronicle",
     "Democrats now control both chambers in 12 states"),
    ("Lamb also met with the governor that day, as the Chronicle reported on Tuesday.", "the Chronicle",
     "Lamb also met with the governor that day"),
    ("As reported by the Chronicle, investigators found over 200 letters in the archive.", "the Chronicle",
     "investigators found over 200 letters in the archive"),
])
def test_an_as_clause_reports_the_clause_it_hangs_on(text: str, source: str, content: str) -> None:
    found = _rows(text)
    assert len(found) == 1 and found[0][0] == source and found[0][2] == content, found


@pytest.mark.parametrize("text", ["The crowd cheered as she replied.",
                                  "Costs will not fall, as was made clear last week when the board met."])
def test_an_as_clause_of_time_or_with_no_speaker_reports_nothing(text: str) -> None:
    assert not [r for r in _rows(text) if r[2].startswith(("The crowd", "Costs"))]


def test_a_reported_clause_ending_in_a_colon_takes_the_quotation_after_it() -> None:
    _, _, content, _, _ = _by_cue("Ms. Lamb said that some kind of deal might be possible: \u201cIn business, the "
                                  "question always is whether the two prices overlap.\u201d", "said")
    assert content.startswith("some kind of deal") and content.endswith("overlap.\u201d")


@pytest.mark.usefixtures("polnear_contents")  # PolNeAR's convention: FORMAT.md has no such content
@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The senator defended him on cable news.", "defended", "him"),
    ("The governor praised the plan in an interview published Saturday.", "praised", "the plan"),
    ("Lamb opposed the bill as he prepared his run for governor.", "opposed", "the bill"),
    ("The mayor endorsed Reyes on Thursday.", "endorsed", "Reyes"),
    ("She showed her skill by joking that she would build a bridge to the island.", "showed", "her skill"),
])
def test_an_object_content_ends_before_when_where_and_how(text: str, cue: str, content: str) -> None:
    assert _by_cue(text, cue)[2] == content


@pytest.mark.usefixtures("polnear_contents")  # PolNeAR's convention: FORMAT.md has no such content
@pytest.mark.parametrize(("text", "cue", "content"), [
    ("She blamed the delay on a faulty signal.", "blamed", "the delay on a faulty signal"),
    ("The paper chided the mayor on Monday for leaving the city during the flood.", "chided",
     "the mayor on Monday for leaving the city during the flood"),
])
def test_an_object_content_keeps_the_cues_arguments(text: str, cue: str, content: str) -> None:
    assert _by_cue(text, cue)[2] == content


def test_a_second_verb_of_the_reported_clause_goes_on_with_it() -> None:
    # the parse makes *hoped* a conjunct of *condone*, inside what is said; 'said X and warned Y' is unchanged
    content = _by_cue("Ms. Reyes said she did not condone violence and hoped that people would find a way to voice "
                      "concerns peacefully.", "said")[2]
    assert content == "she did not condone violence and hoped that people would find a way to voice concerns peacefully"


def test_a_finite_verb_joined_to_a_reported_clause_about_a_thing_is_the_speakers_own() -> None:
    found = _rows("The minister said the bridge was safe and warned that drivers must slow down.")
    said = [r for r in found if r[1] == "said"]
    warned = [r for r in found if r[1] == "warned"]
    assert said and said[0][2] == "the bridge was safe"
    assert warned and warned[0][0] == "The minister" and warned[0][2] == "drivers must slow down"


def test_the_noun_phrase_after_an_inverted_cue_speaks_when_the_parse_names_no_speaker() -> None:
    # the parser reads 'Skelly' as an adverb, and hangs 'the woman' on the relative clause after her
    found = _rows('"Having the file is valuable," said Skelly, explaining he worked closely with Reyes.')
    assert [(r[0], r[1]) for r in found] == [("Skelly", "said"), ("Skelly", "explaining")]
    src, cue, _, _, _ = _one('"One guy came in and said we should leave," said the woman, who like many in the '
                             'town did not want to be named.')
    assert (src, cue) == ("the woman", "said")


def test_a_fallback_cue_takes_its_subject_from_the_parse_not_the_words_before_it() -> None:
    src, cue, content, _, _ = _by_cue("Sen. Ana Reyes has cast the mayor as unqualified and accused her of making "
                                      "false statements about the budget.", "accused")
    assert src == "Sen. Ana Reyes" and content.startswith("her of making false statements")


@pytest.fixture
def without_polnear_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules alone under PolNeAR's convention: the learned filter (polnear_learned.kept), retrained on
    PolNeAR train from time to time, may drop an attribution whose reading a rule's test checks."""
    monkeypatch.setitem(load("en")._derived, "polnear_filter.tsv", None)


@pytest.mark.usefixtures("polnear_contents", "without_polnear_filter")  # FORMAT.md has no such content
@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Mitt Romney opened the rally with a speech denouncing the governor.", "denouncing", "Mitt Romney"),
    ("Reyes met the groups that sided with Lamb and bankrolled ads attacking the mayor.", "attacking",
     "the groups"),
    ("Ana Reyes, who helped launch the movement with a speech denouncing the governor, will not attend.",
     "denouncing", "Ana Reyes"),
])
def test_a_participle_on_a_message_speaks_for_whoever_delivers_it(text: str, cue: str, source: str) -> None:
    assert _by_cue(text, cue)[0] == source


def test_an_as_that_clause_after_an_object_is_what_the_object_says_not_an_adjunct() -> None:
    content = _by_cue("The agency cited the intelligence service as that the troops have already left the country.",
                      "cited")[2]
    assert content == "the intelligence service as that the troops have already left the country"


def test_straight_closing_quote_after_full_stop_opens_no_continuation() -> None:
    # a straight '"' glued to the full stop before it closes a quotation; the sentence after it
    # is the article's own, not a quotation going on with the speaker named earlier
    text = ('The mayor said the harbour would reopen next month. The ferry company called the delay '
            'a "needless burden." The new timetable will be printed in the autumn.')
    rows = _rows(text)
    assert not any("timetable" in r[2] for r in rows), rows


def test_passive_report_of_a_noun_names_no_source() -> None:
    # the subject of a passive 'reported' is what was reported, not who reports; the main clause
    # after it is the article's own, and 'an estimated' qualifies a number
    rows = _rows("After word of the bridge closure was reported, the council received calls from many drivers.")
    assert not any(r[0] and "word" in r[0] for r in rows), rows
    rows = _rows("The repairs came to an estimated 4 million dollars last year.")
    assert not any(r[1] == "estimated" and r[0] == "an" for r in rows), rows


@pytest.mark.parametrize("text", [
    "Every club was required to submit its accounts by March.",
    "Joining the league requires each club to field a youth team.",
    "The mayor requested donations for the flood victims on her website.",
    "The charity encourages local schools to plant more trees.",
    "The students named their boat \"Sea Breeze\" after a long vote.",
    "The club listed its home town as Riverside on the entry form.",
])
def test_obligations_requests_and_names_are_no_attribution(text: str) -> None:
    # FORMAT.md: directives and requests put forward no proposition, and naming a thing claims nothing
    assert _rows(text) == []


@pytest.mark.parametrize(("text", "source", "content"), [
    ("According to the club's coach, Maria Lopez, in their first game, the club's robot scored two points.",
     "the club's coach, Maria Lopez", "in their first game, the club's robot scored two points"),
    ("According to the audit, which was leaked on Monday, the council overspent by a wide margin.",
     "the audit", "the council overspent by a wide margin"),
    ("According to an estimate by Jane Roe, a former budget aide, the levy will bring in less than planned.",
     "an estimate by Jane Roe, a former budget aide", "the levy will bring in less than planned"),
])
def test_according_to_source_ends_after_its_appositive(text: str, source: str, content: str) -> None:
    # the source is the noun phrase with its appositive; a name set off by commas after it is one too;
    # a prepositional phrase or a relative clause after the next comma is no part of it
    row = _by_cue(text, "According to")
    assert (row[0], row[2]) == (source, content)


@pytest.mark.parametrize(("text", "source"), [
    ("The ferry was met by Dr. Ellen Park, who told reporters the clinic would reopen.", "Dr. Ellen Park, who"),
    ("The plan drew fire from the union, which claimed the cuts were illegal.", "the union, which"),
])
def test_relative_pronoun_source_runs_from_its_noun(text: str, source: str) -> None:
    # a relative pronoun speaks for the noun it follows: the source names the speaker and keeps the pronoun
    assert _one(text)[0] == source


@pytest.mark.parametrize("text", [
    "The company revealed one of those meetings on Monday.",
    "The club unveiled its new kit at the stadium.",
])
def test_event_objects_are_no_claim(text: str) -> None:
    # FORMAT.md: an event noun (reported the attack) is no content
    assert _rows(text) == []


def test_a_count_announced_is_a_claim() -> None:
    assert _one("The region announced three deaths on Friday.")[2] == "three deaths"


def test_in_the_words_of_and_reasoned_are_cues() -> None:
    row = _one('In the words of the judge, Ann Holt, "the case was never about money."')
    assert row[0] == "the judge, Ann Holt" and row[1] == "In the words of" and "never about money" in row[2]
    row = _one('The court reasoned, "the schools charge a fee, so they are businesses."')
    assert row[:2] == ("The court", "reasoned")


def test_according_to_a_paper_then_a_named_speaker() -> None:
    # the name after 'according to the Herald,' is the subject of its own cue, not the paper's appositive
    text = ("According to the Otago Times, Professor Ian Reid, the chairman of the panel, said the anthem was never "
            "put to a vote.")
    assert _by_cue(text, "According to")[0] == "the Otago Times"
    assert _by_cue(text, "said")[0] == "Professor Ian Reid, the chairman of the panel"


def test_inverted_parenthetical_cue_speaks_for_the_name_after_it() -> None:
    # 'X, said Y, …': the parser may give the cue both nouns as subjects; the one after it speaks
    text = "Member schools, said Moss, are obliged to exhibit the donated prints every ten years as one condition."
    row = _by_cue(text, "said")
    assert row[0] == "Moss"


def test_free_relative_cue_takes_no_quotation_after_it() -> None:
    # 'what they found': the cue's object is the relative word; the quotation after it is the next speaker's
    rows = _rows('Professor Lane said he is worried by what they found. "Children here get half the iodine they need," '
                 'he said.')
    assert not any(r[1] == "found" for r in rows), rows


def test_belief_inside_reported_speech_is_an_entry_of_its_own() -> None:
    # FORMAT.md: nested attributions are separate entries; a hedge with no holder ('appears to') is not one
    rows = _rows("The coach said she believed the new rules had made the league fairer.")
    assert ("she", "believed", "the new rules had made the league fairer", "estimated", False) in rows
    assert any(r[1] == "said" for r in rows)
    assert not any(r[1] == "appears to" for r in _rows("The study says the decline appears to be due to the drought."))


def test_comma_lead_names_the_speaker_of_the_quoted_paragraph_after_it() -> None:
    text = ("The mayor said the bridge was safe. The engineer stated,\n\n"
            "\"The cables were worn out. Nobody checked them for years.\"")
    assert (("The engineer", "stated", "The cables were worn out. Nobody checked them for years.", "asserted", False)
            in _rows(text))


def test_signed_pull_quote_is_no_continuation() -> None:
    text = ("The mayor said the bridge was safe.\n\n"
            "\"So far, the city has won. But it is a long game.\" - Anna Berg")
    assert _rows(text) == [("The mayor", "said", "the bridge was safe", "asserted", False)]


def test_object_content_that_ends_inside_a_quotation_runs_to_its_closing_mark() -> None:
    text = ('The critic characterized the dispute as "another small fight in a war the firm has waged for '
            'ten years, since the early days of the web. Lawsuits were filed -- an all-out war."')
    row = _by_cue(text, "characterized")
    assert row[2].endswith("an all-out war.\""), row


def test_lead_into_a_quotation_stops_where_the_quotation_closes() -> None:
    text = ("The engineer stated,\n\n"
            "\"The cables were worn out. Nobody checked them for years.\" Barnes asserted that the officials knew it.")
    row = _by_cue(text, "stated")
    assert row[2] == "The cables were worn out. Nobody checked them for years.", row


def test_quotation_of_whole_sentences_after_a_verb_is_still_the_speakers() -> None:
    # 'We need to "…. …," X said': the verb before the mark does not make the quotation its object
    text = ('She says the issue is complicated. We need to "make sure there is enough iodine in the food. '
            'But we have got to make sure people do not get too much," Ms Berg said.')
    row = _by_cue(text, "said")
    assert row[0] == "Ms Berg" and "enough iodine in the food" in row[2] and "too much" in row[2], row


def test_a_proper_name_given_with_called_is_no_claim() -> None:
    text = "Months later, after having left the inner circle within the church called the Blue Order, he moved."
    assert not any(r[1] == "called" for r in _rows(text))
    assert ("The senator", "called", "Smith a liar", "asserted", False) in _rows("The senator called Smith a liar.")


def test_a_conjunct_cue_that_says_nothing_does_not_end_the_content() -> None:
    text = ("After the clash, the North stated it would attack any speakers playing songs and would respond, "
            "firmly, within two days if the songs do not stop.")
    row = _by_cue(text, "stated")
    assert row[2].endswith("if the songs do not stop"), row


def test_told_in_a_statement_that_is_the_verbs_claim() -> None:
    text = ("Steve White, a spokesman for the sheriff, told the Weekly in a statement that the case was "
            "treated as theft.")
    assert _rows(text) == [("Steve White, a spokesman for the sheriff", "told", "the case was treated as theft",
                            "asserted", False)]


def test_feel_and_theorize_with_a_clause_are_estimates() -> None:
    assert _by_cue("The coach felt the referee had been unfair to her team.", "felt") == (
        "The coach", "felt", "the referee had been unfair to her team", "estimated", False)
    assert _by_cue("Posts on the forum theorized that a power cut had caused the crash.", "theorized")[3] == "estimated"
    assert not _rows("The coach felt a sharp pain in her knee.")


def test_reports_as_the_head_of_the_source_is_hearsay() -> None:
    row = _by_cue("Recent reports have revealed that the mayor left the city in May.", "revealed")
    assert row[3] == "reported", row


def test_subject_of_the_clause_before_then_says_speaks() -> None:
    text = "The governor jokingly offered the man a job as minister, then says he will welcome advice from anyone."
    assert _by_cue(text, "says")[:3] == ("The governor", "says", "he will welcome advice from anyone")


def test_colon_lead_with_a_manner_participle_names_the_speaker_of_the_next_paragraph() -> None:
    text = ("The president tweeted using his official account:\n\n"
            "\"Cool robot, Sam. Want to bring it to the capital? We should inspire more kids like you.\"")
    assert _rows(text) == [("The president", "tweeted",
                            "Cool robot, Sam. Want to bring it to the capital? We should inspire more kids like you.",
                            "asserted", False)]


def test_the_contents_setting_switches_the_convention_and_refuses_a_typo(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimledger.errors import SettingError

    text = "The harbour master defended the new ferry timetable."
    assert _rows(text) == []
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "PolNeAR")
    assert [row[2] for row in _rows(text)] == ["the new ferry timetable"]
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "polner")
    with pytest.raises(SettingError, match="CLAIMLEDGER_CONTENTS"):
        _rows(text)
