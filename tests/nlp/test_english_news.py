"""English wire news: relays, quotes holding reportative passives, and where a content stops.

FORMAT.md's nesting rule (each relay its own entry; the outer entry's content holds the inner
source and cue) and its *cue inside the claim*, on invented sentences shaped like wire copy.
"""

from __future__ import annotations

import pytest

from claimledger.model import Article
from claimledger.nlp.records import analyze_article


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_article(Article(text=text, lang="en")).claims()


def _by_cue(text: str, cue: str) -> list[tuple[str | None, str, str, str]]:
    return [c for c in _claims(text) if c[1] == cue]


@pytest.mark.parametrize(("text", "inner", "outer"), [
    ("The ministry said ten bridges had collapsed, according to the broadcaster.",
     ("The ministry", "said", "ten bridges had collapsed"),
     ("the broadcaster", "according to", "The ministry said ten bridges had collapsed")),
    ("Harbour chief Ana Molina told a closed meeting on Monday that her office had found two wrecks near the pier, "
     "according to councillor Tom Reed who attended the meeting.",
     ("Harbour chief Ana Molina", "told", "her office had found two wrecks near the pier"),
     ("councillor Tom Reed", "according to",
      "Harbour chief Ana Molina told a closed meeting on Monday that her office had found two wrecks near the pier")),
])
def test_a_trailing_according_to_relays_the_whole_saying(
        text: str, inner: tuple[str, str, str], outer: tuple[str, str, str]) -> None:
    claims = {c[:3] for c in _claims(text)}
    source, cue, content = inner
    assert any(c[0] == source and c[1] == cue and c[2].removeprefix("that ") == content for c in claims)
    assert outer in claims


def test_according_to_a_report_citing_someone_is_two_relays() -> None:
    text = "According to a report by the Gazette, citing a harbour official, the ferry ran aground near the pier."
    claims = {c[:3] for c in _claims(text)}
    assert ("a harbour official", "citing", "the ferry ran aground near the pier") in claims
    assert any(c[1] == "According to" and "Gazette" in (c[0] or "") and c[2] == "the ferry ran aground near the pier"
               for c in claims)
    assert not any(c[2].startswith("citing") for c in claims)


def test_a_quote_with_reportative_passives_is_one_content_and_their_own_entries() -> None:
    text = ('The navy spoke on Monday.\n\n"Forty boats are thought to have sunk near the cape... so about 200 sailors '
            'are believed to be missing," the admiral, who leads the northern fleet, told reporters.')
    told = _by_cue(text, "told")
    assert len(told) == 1 and told[0][0] == "the admiral"
    assert "Forty boats" in told[0][2] and told[0][2].rstrip('",').endswith("are believed to be missing")
    for cue in ("are thought to", "are believed to"):
        inner = _by_cue(text, cue)
        assert len(inner) == 1 and inner[0][0] is None and inner[0][3] == "estimated"
        assert "the admiral" not in inner[0][2]  # the passive's content stays inside the quotation


def test_an_outer_speaker_over_a_reportative_passive_makes_two_entries() -> None:
    text = "More troops are believed to have crossed the river, said Senator Ann Bell on Tuesday."
    claims = _claims(text)
    assert any(c[0] is None and c[1] == "are believed to" and c[3] == "estimated" for c in claims)
    assert any(c[1] == "said" and c[2] == "More troops are believed to have crossed the river" for c in claims)


def test_an_expectation_inside_a_saying_is_no_entry_of_its_own() -> None:
    text = "The company said repairing the line is expected to take seven months."
    assert not _by_cue(text, "is expected to")


@pytest.mark.parametrize(("text", "content"), [
    ("Prices will fall next year, the minister said before the vote began.", "Prices will fall next year"),
    ("The toll rose to 30, the governor said after the army briefed him.", "The toll rose to 30"),
])
def test_the_adverbial_clause_after_the_cue_is_no_content(text: str, content: str) -> None:
    said = _by_cue(text, "said")
    assert [c[2] for c in said] == [content]


def test_a_that_clause_after_an_adverbial_is_still_the_content() -> None:
    said = _by_cue("She said after the meeting that prices will fall.", "said")
    assert [c[2].removeprefix("that ") for c in said] == ["prices will fall"]


@pytest.mark.parametrize(("text", "inner_cue", "inner_content"), [
    ("The agency said it had closed the site and feared more leaks would follow.",
     "feared", "more leaks would follow"),
    ("The port authority said it had seized the boat's cargo and suspected the trawler was among a fleet of old ships.",
     "suspected", "the trawler was among a fleet of old ships"),
])
def test_a_coordinated_complement_is_one_content_and_the_pronoun_speaks_inside(
        text: str, inner_cue: str, inner_content: str) -> None:
    said = _by_cue(text, "said")
    assert len(said) == 1 and said[0][2].startswith("it had") and said[0][2].endswith(inner_content)
    inner = _by_cue(text, inner_cue)
    assert [(c[0], c[2]) for c in inner] == [("it", inner_content)]


def test_a_second_claim_of_the_speaker_still_ends_the_first() -> None:
    text = "The mayor said the bridge was safe and warned that the river would rise."
    said = _by_cue(text, "said")
    assert [c[2] for c in said] == ["the bridge was safe"]


def test_a_dateline_before_a_sentence_with_its_own_speaker_is_no_source() -> None:
    text = "Oslo: Norway's fisheries chief has told lawmakers that cod stocks have fallen by a third this year."
    claims = _claims(text)
    assert not any(c[0] == "Oslo" for c in claims)
    assert any(c[0] == "Norway's fisheries chief" and c[1] == "told" for c in claims)


def test_a_name_before_a_colon_is_no_attribution() -> None:
    # FORMAT.md: a cue is a phrase, and no gold set writes a bare colon as one (test_english)
    assert _claims("Mensah: The harbour will close on Monday.") == []


@pytest.mark.parametrize(("text", "entry"), [
    ("Norway has already identified the trawler as the culprit in the breakage of the cable.",
     ("Norway", "identified", "the trawler as the culprit in the breakage of the cable")),
    ("Police identified the victim as a 40-year-old local man.",
     ("Police", "identified", "the victim as a 40-year-old local man")),
])
def test_identified_x_as_y_is_an_x_as_y_entry(text: str, entry: tuple[str, str, str]) -> None:
    assert entry in {c[:3] for c in _claims(text)}


@pytest.mark.parametrize("text", [
    "Engineers have identified three options for the bridge.",
    "Officials identified the problem on Tuesday.",
])
def test_identified_without_as_is_no_claim(text: str) -> None:
    assert not _claims(text)


def test_a_nested_assessment_inside_a_saying_is_its_own_entry() -> None:
    text = ("The agency released a statement on Friday saying that it has assessed that the river has already "
            "begun to rise in four districts.")
    inner = _by_cue(text, "assessed")
    assert [(c[0], c[2].removeprefix("that "), c[3]) for c in inner] == [
        ("it", "the river has already begun to rise in four districts", "estimated")]
    assert any(c[1] == "saying" and "it has assessed" in c[2] for c in _claims(text))


def test_an_assessment_of_a_thing_is_no_claim() -> None:
    assert not _claims("Inspectors assessed the damage on Monday.")


@pytest.mark.parametrize(("text", "entry"), [
    ("The company has previously denied using child labour in its factories.",
     ("The company", "denied", "using child labour in its factories", "denied")),
    ("He admitted taking the money.", ("He", "admitted", "taking the money", "asserted")),
])
def test_a_gerund_after_deny_or_admit_is_the_claim(text: str, entry: tuple[str, str, str, str]) -> None:
    assert entry in _claims(text)


def test_a_reduced_allegation_with_a_gerund_is_a_claim_held_by_no_one() -> None:
    text = "The man, accused of stealing cars, was released on Monday."
    assert (None, "accused of", "stealing cars", "alleged") in _claims(text)


@pytest.mark.parametrize("text", [
    "The trawler, suspected of cutting the line, was towed to port.",
    "Four crew members were barred from leaving the country and are suspected of committing a crime.",
])
def test_a_suspicion_of_a_deed_is_no_entry(text: str) -> None:
    """The owners' English cluster gold leaves *suspected of X* out each time it occurs (a charge
    no one is named to hold), while *accused of X* and *is suspected to have* are entries."""
    assert not [c for c in _claims(text) if "suspected" in c[1]]


def test_a_reduced_suspicion_inside_a_saying_is_the_saying_s() -> None:
    text = ("The police are investigating the vessel Aurora, suspected of damaging the power cable, and have found "
            "marks on the seabed, inspector Ola Berg said on Sunday.")
    claims = _claims(text)
    assert not [c for c in claims if c[1] == "suspected of"]
    assert any(c[0] == "inspector Ola Berg" and "suspected of damaging" in c[2] for c in claims)


def test_figures_reported_on_a_day_are_no_claim() -> None:
    assert not _claims("The figures reported on Sunday were lower than expected.")


@pytest.mark.parametrize("text", [
    "It is fair to say that the harbour will not reopen this year.",
    "It's hard to think that the ferry has fewer seats than the bus.",
    "It is important to note that the bridge was closed on Monday.",
])
def test_an_extraposed_infinitive_after_an_expletive_it_is_the_writers_hedge(text: str) -> None:
    # FORMAT.md: *It* is no source, and nobody else holds the claim: the article's own voice
    assert _claims(text) == []


def test_a_pronoun_it_that_stands_for_a_body_still_speaks() -> None:
    assert _by_cue("The ministry said it was ready to say that the dam would hold.", "said")


@pytest.mark.parametrize("text", [
    "The mayor left the hall without saying that the plan had failed.",
    'Analysts warn against reading the dip as a trend. "Nobody knows the real rate."',
])
def test_a_gerund_cue_of_what_did_not_happen_says_nothing(text: str) -> None:
    # FORMAT.md: a cue must put forward a proposition; *without saying X* says none
    assert _claims(text) == []


def test_a_gerund_cue_after_by_is_its_clauses_subjects() -> None:
    assert _claims("The mayor opened the session by saying that the plan had failed.") == [
        ("The mayor", "saying", "the plan had failed", "asserted")]


@pytest.mark.parametrize("text", [
    "The clerk at the desk looked so calm I think he was the owner.",
    "We believe the council was wrong to close the library.",
])
def test_an_unquoted_first_person_hedge_is_the_writers_own_voice(text: str) -> None:
    # FORMAT.md's own voice, as first-person hedges inside a quotation are no entries either
    assert _claims(text) == []


def test_a_first_person_saying_is_still_a_claim() -> None:
    assert _claims("I said the plan would fail.") == [("I", "said", "the plan would fail", "asserted")]


def test_a_warning_against_an_act_is_no_claim() -> None:
    # FORMAT.md: a directive puts forward no proposition (PolNeAR's convention marks it: cue_polnear_verb)
    assert _claims("Bankers cautioned against reading the dip as a trend.") == []


@pytest.mark.parametrize(("text", "cue"), [
    ("It has been emphasised that the ferry must sail by May.", "emphasised"),
    ("The mayor criticised the plan and recognised that it had failed.", "recognised"),
])
def test_british_spellings_of_cues_are_cues(text: str, cue: str) -> None:
    # one cues.tsv row serves both spellings (spelling_variant in words.tsv)
    assert _by_cue(text, cue)


@pytest.mark.parametrize("text", [
    "The ministry has not commented on the reports.",
    "Police did not confirm the report.",
    "The club would not comment on the size of the fine.",
])
def test_a_negated_cue_with_a_noun_phrase_puts_nothing_forward(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "outer"), [
    ("The harbour police said they did not know who was behind the fire.",
     ("The harbour police", "said", "they did not know who was behind the fire", "asserted")),
    ("The mayor said the council had not confirmed that the bridge would close.",
     ("The mayor", "said", "the council had not confirmed that the bridge would close", "asserted")),
])
def test_a_negated_cue_with_a_clause_states_nothing_but_the_claim_around_it_stands(
        text: str, outer: tuple[str, str, str, str]) -> None:
    """*they did not know who …*: the text says the act did not happen, so only the police's own
    statement is an entry (the inner *know* used to be one, with the wh-clause as its content)."""
    assert _claims(text) == [outer]


@pytest.mark.parametrize("text", [
    "The coach explained how the new schedule would cut travel times.",
    "Officials said why the ferry had been held in port.",
    "The minister did not disclose how many workers were affected.",
    "Harbour officials have not said why the ship was turned away.",
])
def test_an_open_question_as_content_puts_nothing_forward(text: str) -> None:
    """FORMAT.md convention of the English sets: *explained how X*, *said why X* ask, not claim."""
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("The paper noted what began as a street protest had grown into a national movement.",
     "what began as a street protest had grown into a national movement"),
    ("The mayor said if the bridge closes, traffic in the centre will double.",
     "if the bridge closes, traffic in the centre will double"),
])
def test_a_clause_that_opens_with_a_question_word_inside_it_is_still_a_claim(text: str, content: str) -> None:
    assert [c[2] for c in _claims(text)] == [content]


def test_a_time_after_an_inverted_speaker_is_when_not_who() -> None:
    """*"…," reported X last month*: when the parser hangs the speaker on nothing (``dep``) and reads
    *last month* as the verb's noun-phrase adverbial, the speaker is still X. The parse is given by hand,
    as the model gives it for such a sentence, so the rule is checked whatever the model does."""
    import spacy
    from spacy.tokens import Doc

    from claimledger.nlp.components import dependency
    from claimledger.nlp.lexicon import load

    words = ['"', "It", "is", "amazing", ",", '"', "reported", "NordTel", "unlimited", "data", "customer", "Jo",
             "Lind", "last", "month", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              spaces=[False, True, True, False, False, True, True, True, True, True, True, True, True, True,
                      False, False],
              heads=[6, 2, 6, 2, 6, 6, 6, 6, 10, 10, 7, 12, 10, 14, 6, 6],
              deps=["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "dep", "amod", "compound", "dobj",
                    "compound", "appos", "amod", "npadvmod", "punct"],
              tags=["``", "PRP", "VBZ", "JJ", ",", "''", "VBD", "NNP", "JJ", "NN", "NN", "NNP", "NNP", "JJ", "NN", "."],
              pos=["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "ADJ", "NOUN", "NOUN", "PROPN",
                   "PROPN", "ADJ", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 15)
    lex = load("en")
    [found] = dependency.sentence_attributions(doc, doc[:], lex, [(6, 7, lex.cues["reported"][0])])
    assert found.source is not None
    assert doc[found.source[0] : found.source[1]].text == "NordTel unlimited data customer Jo Lind"


def test_a_relative_clause_hung_on_a_participle_is_no_content() -> None:
    """*the protein found in red blood cells that's responsible for …*: *found* is a participle, the
    clause after it a relative one; a that-clause after *found* still is a claim."""
    assert _claims("Iron helps the body make haemoglobin, the protein found in red blood cells that's "
                   "responsible for carrying oxygen.") == []
    assert [c[2] for c in _claims("The inspectors found that the dam was leaking.")] == ["the dam was leaking"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The port authority rejected allegations that its cranes had been hacked.",
     [("The port authority", "rejected", "its cranes had been hacked", "denied")]),
    ("The ministry denied reports that the convoy had been hit.",
     [("The ministry", "denied", "the convoy had been hit", "denied")]),
])
def test_a_denied_claim_noun_hands_its_clause_to_the_denial(text: str, expected: list) -> None:
    """*rejected allegations that X*: X is what is denied (as the cluster gold writes it); the noun is
    no entry of its own."""
    assert _claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lawmaker Ahn cited the agency's director as saying that the ferry had sunk.",
     [("Lawmaker Ahn", "cited the agency's director as saying", "the ferry had sunk", "asserted")]),
    ("The broadcaster quoted a senior official as saying the talks had failed.",
     [("The broadcaster", "quoted a senior official as saying", "the talks had failed", "asserted")]),
])
def test_cited_as_saying_is_one_relayed_entry(text: str, expected: list) -> None:
    assert _claims(text) == expected


@pytest.mark.parametrize(("text", "source"), [
    ("Harbour police arrested the captain on suspicion that he had falsified the logbook.", "Harbour police"),
    ("Coastguards boarded a trawler carrying frozen fish on suspicion that it had fished in a closed zone.",
     "Coastguards"),
    ("The captain was arrested on suspicion that he had falsified the logbook.", None),
])
def test_who_acts_on_a_suspicion_holds_it(text: str, source: str | None) -> None:
    """*detained the ship on suspicion that X*: the actor holds the suspicion, also when the phrase hangs
    on a participle (*a trawler carrying fish on suspicion …*); a passive names no one."""
    assert [(c[0], c[1]) for c in _claims(text)] == [(source, "suspicion")]


def test_an_absolute_with_clause_ends_a_noun_phrase_content() -> None:
    """*denied involvement, with X criticizing Y*: what is denied ends before the clause that adds
    another speaker's act, and that clause is the other speaker's entry."""
    text = "The ministry denied involvement, with its spokesman Ivo Lind dismissing the reports as rumours."
    claims = _claims(text)
    assert ("The ministry", "denied", "involvement", "denied") in claims
    assert any(c[0] == "its spokesman Ivo Lind" for c in claims)
    # *including* adds no one's act: the object runs on
    text = "The senator denied the reports, including the one circulating on Monday, at a hearing."
    assert any(c[2].startswith("the reports, including the one circulating") for c in _claims(text))


def test_a_negation_inside_the_quotation_is_not_the_cue_s() -> None:
    text = '"Are the repairs finished? Probably not," the engineer said.'
    assert _by_cue(text, "said") == [("the engineer", "said", '"Are the repairs finished? Probably not,"', "estimated")]


def test_a_cue_with_a_noun_phrase_and_no_negation_still_reports() -> None:
    assert _by_cue("The mayor has commented on the reports.", "commented on")


def test_an_inverted_speaker_after_a_colon_and_a_quotation_says_the_quotation() -> None:
    text = "The drivers' union regrets that it was not asked: \"Nobody called us,\" said Ms. Hale."
    assert _by_cue(text, "said") == [("Ms. Hale", "said", '"Nobody called us,"', "asserted")]


@pytest.mark.parametrize("text", [
    'The Harbour Workers union regrets that its notes on the wording of the plan were not included: '
    '"There wasn\'t really any debate," said Ms. Pike.',
    'The Teachers Alliance regrets that its views on the draft of the code were not heard: '
    '"There wasn\'t really any debate," said Ms. Pike.',
])
def test_a_quotation_a_colon_opens_is_its_speakers_whatever_the_parse_hangs_it_on(text: str) -> None:
    assert _by_cue(text, "said") == [("Ms. Pike", "said", '"There wasn\'t really any debate,"', "asserted")]
