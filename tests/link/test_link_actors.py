"""Originating actors on hand-written news: scoped aliases, definite descriptions, relays, independence.

Most tests need no ledger; the one that reads relays back from a ledger runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import BACKENDS, ledger_target

from claimledger.link import claimed
from claimledger.link import origins as origins_of
from claimledger.link.data import load
from claimledger.link.scope import article_scope, country_words, independence_root, match_scoped
from claimledger.model import Article, Origin
from claimledger.nlp.records import analyze_article


def _origins(text: str, lang: str = "en") -> list[tuple[str | None, str]]:
    analysis = analyze_article(Article(text=text, lang=lang, published="2024-12-27"))
    data = load(lang)
    found = origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data))
    return [(o.actor, o.rule) for o in found]


def test_scope_country_words_are_read_off_the_tables() -> None:
    assert country_words("en").get("finnish") == "FI"
    assert country_words("sv").get("finska") == "FI"
    assert "police" not in country_words("en")  # every country has police
    assert article_scope("Finnish police said the Finnish tanker left Finland.", "en") == "FI"


def test_scope_country_words_name_the_country_itself() -> None:
    en, sv = country_words("en"), country_words("sv")
    assert en.get("moscow") == "RU" and en.get("finland's") == "FI" and sv.get("finsk") == "FI"
    # words US bodies merely share (*war department*, *study of war*) and words bound to a
    # neighbour (*north* of *north korea*) name no country alone
    assert "war" not in en and "north" not in en and "states" not in en
    assert article_scope("The war went on. The war dragged into its third year of war.", "en") is None
    # *us* names the US only in capitals
    assert article_scope("They told us, and then told us again, that US and US officials agreed.", "en") == "US"
    assert article_scope("They told us, and then told us again.", "en") is None


def test_scope_polisen_in_a_finnish_story_is_the_finnish_police() -> None:
    data = load("sv")
    assert match_scoped("polisen", "FI", data) is not None
    assert match_scoped("polisen", "FI", data)[0] == "Finnish police"  # type: ignore[index]
    assert match_scoped("polisen", "DK", data)[0] == "Danish police"  # type: ignore[index]
    assert match_scoped("polisen", None, data) is None


def test_origins_scoped_body_in_an_article_about_one_country() -> None:
    text = ("Finnish police said on Thursday that the tanker had damaged the Estlink 2 cable in Finnish waters. "
            "The police said that four more cables were damaged.")
    found = _origins(text)
    assert found[-1] == ("Finnish police", "scoped") or found[-1][0] == "Finnish police"


def test_origins_definite_description_is_the_body_quoted_before() -> None:
    text = ("Finland's transport agency Traficom said two cables were cut on Wednesday. "
            "The agency said a third cable was damaged.")
    found = _origins(text)
    assert found[0][0] == found[-1][0] and found[-1][1] == "definite"


def test_origins_outlet_that_relays_nothing_is_the_source() -> None:
    found = _origins("Tre ur besättningen måste stanna i Finland, enligt Iltalehti.", "sv")
    assert found == [("Iltalehti", "outlet-own")]


def test_origins_outlet_relaying_an_actor_is_never_the_source() -> None:
    found = _origins("South Korea's spy agency said 1,500 troops had left, according to Yonhap.")
    assert all(actor != "Yonhap" for actor, _rule in found)
    assert any(actor == "South Korea's intelligence service (NIS)" for actor, _rule in found)


def test_independence_a_police_force_and_its_ministry_count_once() -> None:
    assert independence_root("Finnish National Bureau of Investigation (NBI)") == independence_root("Finnish police")
    assert independence_root("Finnish Customs") != independence_root("Finnish police")


def test_person_name_drops_titles_roles_and_time() -> None:
    from claimledger.link.actors import person_name

    data = load("en")
    assert person_name("lawmaker Park Sun-won", data) == person_name(
        "South Korean parliamentarian Park Sun-Won on Wednesday", data) == "park sunwon"
    assert person_name("Criminal Inspector Sami Paila", data) == "sami paila"
    assert person_name("the unions", data) is None


def test_own_page_figures_are_the_publishing_body() -> None:
    from claimledger.link.claimed import own_page

    page = analyze_article(Article(text="Four cables were damaged on Christmas Day.", lang="en",
                                   outlet="Finnish Police", published="2024-12-27"))
    paper = analyze_article(Article(text="Four cables were damaged on Christmas Day.", lang="en",
                                    outlet="Helsingin Sanomat", published="2024-12-27"))
    found = own_page(page, load("en"))
    assert found is not None and found.actor == "Finnish police" and found.rule == "own-page"
    assert own_page(paper, load("en")) is None  # a newspaper's own voice is nobody's source


def test_origins_polisen_in_a_swedish_text_about_finland_is_the_finnish_police() -> None:
    text = ("Den finska polisen har gripit två män i Helsingfors. Åtta personer misstänks för brott i Finland, "
            "enligt polisen. Tre personer är belagda med reseförbud i Finland.")
    found = _origins(text, "sv")
    assert found[-1][0] == "Finnish police", found


def _figure_origins(text: str) -> dict[str, Origin | None]:
    """Each figure of an English text, by its words, with the origin the linker gives it."""
    analysis = analyze_article(Article(text=text, lang="en", published="2023-05-01"))
    data = load("en")
    scope = origins_of.speaker_scope(analysis, data)
    by_attr = {o.attribution_id: o for o in origins_of.origins(analysis, data, scope)}
    return {q.span.of(text): claimed.quantity_origin(analysis, q, by_attr, data, None) for q in analysis.quantities}


def test_quantity_origin_brackets_pair_figures_with_their_cue() -> None:
    text = ("The French police said there were 8,700 marchers in Strasbourg (15,000 according to the CGT), "
            "7,300 in Lille (12,000) and 11,000 in Marseille (130,000).")
    found = _figure_origins(text)
    who = {k: (o.actor if o else None) for k, o in found.items()}
    assert who["7,300"] == who["11,000"] == "French police", who
    assert who["12,000"] == who["130,000"] == "CGT", who


def test_quantity_origin_a_lone_cue_in_brackets_speaks_for_the_brackets_only() -> None:
    text = ("The last joint march of the six main unions was in 2010, during the debt crisis (the CGT said nearly "
            "900,000 marched, the police 400,000).")
    found = _figure_origins(text)
    assert found["six"] is None, found
    assert found["nearly 900,000"] is not None and found["nearly 900,000"].actor == "CGT", found


def test_co_sources_each_body_in_a_coordinated_source_is_a_source() -> None:
    text = ("Repairing the cable is expected to take some seven months, operators Fingrid of Finland and "
            "Elering of Estonia have said.")
    analysis = analyze_article(Article(text=text, lang="en", published="2025-01-06"))
    data = load("en")
    origin = origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data))[0]
    assert origin.actor == "Fingrid"
    assert claimed.co_sources(analysis.attributions[0], text, data, origin.actor) == ("Elering",)


def test_co_sources_each_person_in_a_coordinated_source_is_a_source() -> None:
    """*Okafor and Lindqvist said*: two people, each by the full name the article gave, and a
    title or a party tag is no part of a name; a list of common nouns names nobody."""
    text = ("Senator Grace Okafor and Rep. Anders Lindqvist visited the port on Monday.\n\n"
            "Okafor and Lindqvist said the harbour would need 40 million dollars of repairs.\n\n"
            "Protesters and civic leaders said 300 jobs were at risk.")
    analysis = analyze_article(Article(text=text, lang="en", published="2025-01-06"))
    data = load("en")
    found = origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data))
    said = [a for a in analysis.attributions if a.source and a.source.of(text).startswith("Okafor")][0]
    origin = next(o for o in found if o.attribution_id == said.id)
    assert origin.actor == "grace okafor"
    assert claimed.co_sources(said, text, data, origin.actor) == ("anders lindqvist",)
    crowd = [a for a in analysis.attributions if a.source and a.source.of(text).startswith("Protesters")][0]
    assert claimed.co_sources(crowd, text, data, "protesters and civic leaders") == ()


def test_scope_two_word_country_names() -> None:
    from claimledger.link.scope import countries_in

    assert countries_in("North Korea sent troops; the North Korean army and South Korea's spy agency", "en") == [
        "KP", "KP", "KR"]
    assert countries_in("the United States and the United Kingdom", "en") == ["US", "GB"]
    assert countries_in("in the north of the country", "en") == []


def test_origins_a_named_owner_is_no_definite_description() -> None:
    """*Armenia's defence ministry* after *Armenia and Azerbaijan accused …* is Armenia's ministry,
    not the pair quoted before it (a capitalised possessive names the owner)."""
    text = ("Armenia and Azerbaijan accused each other on Sunday of opening fire across their border. "
            "Armenia's defence ministry said Azerbaijani forces fired small arms at Armenian positions. "
            "Azerbaijan's defence ministry said its troops had only returned fire.")
    found = _origins(text)
    pair = found[0][0]
    assert len(found) == 3 and found[1][0] != pair and found[2][0] != pair and found[1][0] != found[2][0]
    assert "definite" not in (found[1][1], found[2][1])


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    return ledger_target(request, tmp_path / "l.sqlite")


def test_origins_a_person_who_relayed_a_body_before_speaks_for_it(target: str | Path) -> None:
    """*lawmaker Park* briefed by the NIS in one article is the NIS's relay in a later one that
    names no briefing; a person the ledger never saw relaying stays their own source."""
    from claimledger.analyze import ingest_articles
    from claimledger.ledger import Ledger

    texts = [
        ("North Korea has sent 3,000 troops to Russia, lawmaker Park Sun-won told reporters after a briefing "
         "by the National Intelligence Service.", "2024-10-23"),
        ("North Korea has sent another 1,500 troops to Russia, South Korean lawmaker Park Sun-won said on "
         "Wednesday.", "2024-11-20"),
        ("North Korea has sent 2,000 troops to Russia, lawmaker Lee Seong-kweun said on Thursday.", "2024-11-21"),
    ]
    with Ledger(target) as ledger:
        for i, (text, day) in enumerate(texts):
            ingest_articles(ledger, [Article(text=text, lang="en", published=day, raw_ref=f"a{i}")])
        nis = ledger.actor("NIS")
        assert [c["rule"] for c in nis] == ["briefing", "relay-before"]
        assert any(a["actor"].startswith("lee seong") for a in ledger.actors())


def test_origins_a_negated_speech_act_names_no_source() -> None:
    text = ("South Korea's spy agency said on Friday that 1,500 North Korean soldiers had been sent to Russia. "
            "Neither Russia nor North Korea have commented on the reports. The Kremlin has not confirmed them.")
    found = _origins(text)
    assert found[0][0] is not None and found[0][1] != origins_of.NOT_SAID
    assert [rule for _actor, rule in found[1:]] == [origins_of.NOT_SAID] * (len(found) - 1) and len(found) >= 2
    assert all(actor is None for actor, _rule in found[1:])
    # a negation in a clause between source and cue is not the cue's
    kept = _origins("A senior official, who did not want to be named, said the troops had crossed the border.")
    assert kept and kept[0][1] != origins_of.NOT_SAID
    # Swedish: the negation follows the finite verb
    sv = _origins("Enligt polisen har åtta personer gripits. Kreml kommenterar inte uppgifterna.", "sv")
    assert sv and sv[0][1] != origins_of.NOT_SAID


def test_figure_after_a_closed_direct_quotation_is_the_writers() -> None:
    text = ('"The current suspicion is that the damage was caused by an anchor," said John Smith, security chief '
            'at Elisa, on Monday. The cables are just over two centimetres thick.\n\n'
            'Eight people are suspected of a crime, according to the Finnish police. Three have been banned '
            'from travelling.')
    analysis = analyze_article(Article(text=text, lang="en", published="2025-01-06"))
    data = load("en")
    origins = origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data))
    by_attr = {o.attribution_id: o for o in origins}
    figures = {q.span.of(text): claimed.quantity_origin(analysis, q, by_attr, data, "FI") for q in analysis.quantities}
    assert figures["over two"] is None  # the writer's description after the quotation closed
    assert figures["Three"] is not None and figures["Three"].actor == "Finnish police"  # goes on reporting


def test_origins_a_surname_is_the_body_its_full_name_was_introduced_with() -> None:
    """*NIS director Kim Dae-ho* earlier, then *Lee cited Kim as saying …*: Kim speaks for the
    NIS, and the body inside what Kim is said to have said (*North Korea*) relays nothing."""
    text = ("NIS director Kim Dae-ho briefed a closed-door committee on Monday.\n\n"
            "Lee cited Kim as saying that North Korea plans to send a total of 9,000 soldiers by March.")
    analysis = analyze_article(Article(text=text, lang="en", published="2024-12-27"))
    data = load("en")
    # one entry, Lee's (*cited Kim as saying* its cue); the claim is Kim's, read from inside the cue
    [(a, o)] = zip(analysis.attributions, origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data)),
                   strict=True)
    assert (a.source.of(text) if a.source else None, a.cue.of(text)) == ("Lee", "cited Kim as saying")
    assert o.actor == "South Korea's intelligence service (NIS)"
    assert o.rule == "introduced"


def test_origins_a_relay_verb_keeps_the_body_it_cites() -> None:
    """*Yonhap cited the NIS as …*: the cited body is inside the relay's own content, and counts."""
    found = _origins("Yonhap news agency cited the National Intelligence Service as saying that the troops left.")
    assert ("South Korea's intelligence service (NIS)", "citing") in found


def test_origins_bare_surname_is_the_full_name_the_article_gives() -> None:
    """*Clinton said* is the person the article named in full, the nearest before it where two
    share the surname, so one person is one actor (and listed as a person), not *okafor* beside
    *grace okafor* (a person of the actor tables is that table actor: ``test_link_offices``)."""
    found = _origins("Grace Okafor spoke in Iowa on Monday. \"We will win,\" Okafor said. "
                     "Daniel Okafor, her husband, was also there. Okafor told reporters the economy was strong.")
    assert found == [("grace okafor", "full-name"), ("daniel okafor", "full-name")]
    # a sentence-opening word or a cue word before the surname is no given name
    later = _origins("Mark Reyes leads the union. According to Reyes, the strike will go on. "
                     "But Reyes said talks may resume.")
    assert [actor for actor, _rule in later] == ["mark reyes", "mark reyes"]
    # no full name in the article: the surname stays as it is
    assert _origins("Okafor said the bridge would reopen in May.") == [("okafor", "named")]


def test_origins_a_later_name_is_only_the_speaker_it_named() -> None:
    """A name inside an earlier source that is not the speaker's own (*Mensah* in *Mensah on
    Climate Change*, *Clarke* in *Clarke's new company*) does not make later *Mensah said* that
    speaker."""
    found = _origins("Mensah on Climate Change: \"We must act,\" the video says.\n\n"
                     "Mensah said the planet was warming.")
    assert ("mensah", "named") in found and found.count(("climate change", "named")) <= 1
    owned = _origins("Clarke's new company said it would hire 40 miners.\n\nClarke said the mine was safe.")
    assert owned[-1][0] != owned[0][0]


def test_origins_a_person_named_before_another_is_not_their_title() -> None:
    """*Republican Donald Trump and Democrat Hillary Clinton*: the words before *Hillary Clinton*
    name another person, not a body she speaks for, so *Clinton said* is her, not his office."""
    found = _origins("Republican Donald Trump and Democrat Hillary Clinton met in a debate on Monday.\n\n"
                     "Clinton said the economy was strong.")
    assert found == [("Hillary Clinton", "table")]


def test_origins_a_description_that_names_a_person_is_that_person() -> None:
    """*The chief, Grace Okafor, said*: the description names her, so it is not the person quoted
    before it, and a later *Ms. Okafor* is her too, not that other person."""
    text = ("Governor Daniel Mensah's top aide told reporters on Monday that 40 towns were flooded.\n\n"
            "The chief, Grace Okafor, said the repairs would cost $20 million.\n\n"
            "Ms. Okafor said 300 workers would be hired.")
    found = _origins(text)
    assert [actor for actor, _rule in found[1:]] == ["grace okafor", "grace okafor"]


def test_co_sources_people_listed_with_their_posts_are_each_a_source() -> None:
    """*former envoy X and campaign aide Y said*: words before a role belong to the post, not the
    name; words before a place are no post (*officials in neighbouring A and B*)."""
    from claimledger.link.actors import coordinated_names

    data = load("en")
    assert coordinated_names("former U.N. ambassador Grace Okafor and White House aide Tom Ortiz", data) == [
        "Grace Okafor", "Tom Ortiz"]
    assert coordinated_names("officials in neighbouring Castilla-La Mancha and Andalusia", data) == []


def test_origins_a_name_written_without_its_hyphen_is_the_table_person() -> None:
    """*Lee Jaemyung* is the *Lee Jae-myung* of the tables, as a key without hyphens is built."""
    found = _origins("South Korean President Lee Jaemyung said on Monday that 12 drones had crossed the border.")
    assert found[0][0] is not None and found[0][0] != "lee jaemyung"


def test_a_pronoun_after_a_bare_surname_is_the_person_named_in_full() -> None:
    """*he* stands for *Okafor*, whom the article first calls *Bayo Okafor*: one actor, the full
    name, not a second actor *okafor* for every pronoun."""
    text = ("Bayo Okafor runs a ferry company in the delta. Mr. Okafor said the river had risen overnight. "
            "He said the boats would stay in port until Friday.")
    found = _origins(text)
    assert found[-1][0] == "bayo okafor" and found[-1][1] == "full-name"


def test_a_pronoun_never_stands_for_a_common_noun_phrase_of_no_known_kind() -> None:
    """*The part of the hearing devoted to housing revealed* is no person: a later *he* is the named man
    before it, not that phrase."""
    text = ("Marcus Vell rents out flats in the old town. "
            "Vell said rents had doubled in two years. "
            "The part of the hearing devoted to housing revealed that the parties were split. "
            "He said the city had waited too long.")
    analysis = analyze_article(Article(text=text, lang="en", published="2024-12-27"))
    he = [a for a in analysis.attributions if a.source and a.source.of(text) == "He"]
    assert he and he[0].actor_id == "vell"


def test_a_negative_source_is_no_antecedent() -> None:
    text = ("Mayor Lena Ortiz said the bridge was safe. No one said when it would reopen. "
            "She said repairs would take a week.")
    analysis = analyze_article(Article(text=text, lang="en", published="2024-12-27"))
    she = [a for a in analysis.attributions if a.source and a.source.of(text) == "She"]
    assert she and she[0].actor_id == "mayor lena ortiz"


def test_a_hyphenated_name_is_one_actor_whether_named_in_full_first_or_after_an_apposition() -> None:
    """*Anna-Lena Berg, an economist,* and later *Ms. Berg* are one actor; the bracketed party
    and state after a name (*(D-Ore.)*) and the article before a body's name are no part of it."""
    text = ("Anna-Lena Berg, an economist at the institute, said prices would rise. "
            "Ms. Berg said wages would follow a year later. "
            "Sen. Tom Harlan (D-Ore.) said the plan was fair. "
            "The Harbour Safety Board said the pier was closed.")
    found = [actor for actor, _rule in _origins(text)]
    assert found[:2] == ["annalena berg", "annalena berg"]
    assert found[2] == "tom harlan"
    assert found[3] == "harbour safety board"


def test_a_hyphenated_name_is_shown_as_the_article_writes_it() -> None:
    import re

    from claimledger.model import name_pattern

    assert re.search(name_pattern("annalena berg"), "said Anna-Lena Berg.", re.IGNORECASE).group() == "Anna-Lena Berg"  # type: ignore[union-attr]
    assert re.search(name_pattern("park sunwon"), "Park Sun-won said", re.IGNORECASE).group() == "Park Sun-won"  # type: ignore[union-attr]


def test_a_relative_pronoun_ending_a_source_is_no_part_of_its_actor() -> None:
    """The source keeps *who* as written (FORMAT.md), the actor is *the architect*: one actor with
    a later *the architect said*."""
    text = ("The club hired an architect who said the clubhouse would cost less than planned. "
            "The architect said the bill was never paid.")
    analysis = analyze_article(Article(text=text, lang="en", published="2024-12-27"))
    assert [a.source.of(text) for a in analysis.attributions if a.source] == ["an architect who", "The architect"]
    assert {a.actor_id for a in analysis.attributions} == {"architect"}


def test_a_source_whose_head_names_no_one_is_no_antecedent_for_he() -> None:
    """*a majority of Residents* is no person for a later *he*: the capital after a preposition names
    what the phrase is about, not who speaks."""
    text = ("Vell said rents had doubled. A majority of Residents said the city had waited too long. "
            "He said the fund was empty.")
    analysis = analyze_article(Article(text=text, lang="en", published="2024-12-27"))
    keys = {a.source.of(text): a.actor_id for a in analysis.attributions if a.source}
    assert keys["He"] == "vell"


def test_the_last_words_of_a_source_are_no_part_of_its_actor() -> None:
    from claimledger.nlp.components.actors import actor_key
    from claimledger.nlp.lexicon import load as load_lexicon

    lex = load_lexicon("en")
    assert actor_key("the study -- which", lex) == "study"
    assert actor_key("some economists who", lex) == "some economists"
    assert actor_key("Secretary of State", lex) == "secretary of state"


def test_a_company_description_is_the_company_not_the_country_named_since() -> None:
    """*a spokesperson for the Finnish telecoms group* after *Finland seized the tanker …*: the telecoms
    group is the company named before (its two last words a company role in roles.tsv), not Finland."""
    text = ("Finland's Elisa said on Monday that it had repaired both of its cables.\n\n"
            "Finnish authorities seized the tanker on suspicion that it had damaged the cables.\n\n"
            '"Both cables work again," a spokesperson for the Finnish telecoms group said on Monday.')
    found = _origins(text)
    assert found[-1][0] == "Elisa"
