"""Swedish clause shapes from the blind review draws sv-web2012-review6 and -review7.

The annotators' conventions are in ``evaluation/data/README.md``; every sentence here is written for
the test, none is taken from the corpus.
"""

from __future__ import annotations

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    a = analyze_text(text, lang="sv")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t), x.certainty) for x in a.attributions]


def test_a_cue_coordinated_inside_a_relative_clause_takes_that_clauses_subject() -> None:
    # 'där X hälsade och berättade att': X speaks, not the main clause's subject
    claims = _claims("Mötet började med en film där ordföranden hälsade alla välkomna och berättade att "
                     "kvällen skulle handla om skolan.")
    assert [(c[0], c[1]) for c in claims] == [("ordföranden", "berättade")]


def test_a_cue_coordinated_after_a_fronted_phrase_takes_the_inverted_subject() -> None:
    # 'I talet föreslog han X och betonade Y': V2 after a fronted prepositional phrase; a noun after a
    # coordinated cue is its object, never an inverted subject
    claims = _claims("I talet föreslog hon en ny skatt och betonade vikten av att skolan får mer pengar.")
    assert [(c[0], c[1]) for c in claims] == [("hon", "betonade")]
    # a subject of its own after the fronted phrase is still the source
    claims = _claims("I talet betonade ministern att skolan får mer pengar.")
    assert [(c[0], c[1]) for c in claims] == [("ministern", "betonade")]


def test_veta_att_is_an_asserted_claim() -> None:
    # a knowledge verb with an 'att' clause, or after the claim (*…, jag vet*), puts the clause forward
    assert _claims("Vi vet att skolan behöver mer pengar.") == [
        ("Vi", "vet", "skolan behöver mer pengar", "asserted")]
    assert [c[:2] for c in _claims("Det här fungerar inte, jag vet.")] == [("jag", "vet")]
    # over an indirect question, negated, or asking: nothing is put forward
    assert _claims("Jag vet inte om det stämmer.") == []
    assert _claims("Vem vet vad som händer.") == []


def test_a_cue_in_a_relative_clause_before_a_copula_and_a_bare_infinitive_claims_nothing() -> None:
    # *Det roligaste jag vet är att sova*: the 'att' phrase names a deed, no proposition
    assert _claims("Det roligaste jag vet är fortfarande att få sova länge.") == []
    assert _claims("Det bästa hon sa var att gå hem tidigt.") == []
    # a finite 'att' clause after the copula still holds the claim
    assert [c[2] for c in _claims("Det enda vi vet är att bron är stängd.")] == ["bron är stängd"]


def test_assumption_and_impression_verbs_are_estimated_cues() -> None:
    assert _claims("De har utgått från att alla betalar i tid.") == [
        ("De", "utgått från", "alla betalar i tid", "estimated")]
    assert _claims("Hon fick intrycket av att bussen var försenad.") == [
        ("Hon", "fick intrycket av", "bussen var försenad", "estimated")]


def test_claim_nouns_prognosen_larmet_and_kritiken() -> None:
    assert _claims("Prognosen är att räntan sänks i vår.") == [(None, "Prognosen", "räntan sänks i vår", "estimated")]
    assert _claims("Larmet om att en man setts med ett vapen kom på morgonen.") == [
        (None, "Larmet", "en man setts med ett vapen", "reported")]
    # the denial of the criticism holds the criticism; the criticism is its own sourceless entry
    assert _claims("Departementet tillbakavisar kritiken att kontrollen var slapp.") == [
        ("Departementet", "tillbakavisar", "kritiken att kontrollen var slapp", "denied"),
        (None, "kritiken", "kontrollen var slapp", "alleged")]


def test_a_claim_ends_before_a_clause_with_its_own_subject_and_cue() -> None:
    # after a comma: a short subject and a later cue verb open the next respondent's claim
    assert _claims("I enkäten svarar 62 kommuner att de höjer skatten, 37 kommuner svarar att de sänker den.") == [
        ("62 kommuner", "svarar", "de höjer skatten", "asserted"),
        ("37 kommuner", "svarar", "de sänker den", "asserted")]
    # after 'och', once the clause before it is finished
    claims = _claims("Enligt enkäten tror hälften att priserna stiger och bara 8 procent tror att de faller.")
    assert ("hälften", "tror", "priserna stiger", "estimated") in claims
    # a list of subjects, or 'och' inside a phrase, ends nothing
    assert _claims("Hon säger att polisen, kommunen och staten tror att bron håller.")[0][2] == (
        "polisen, kommunen och staten tror att bron håller")
    assert _claims("Han säger att man både för Åres och Idres del väntar sig laviner.")[0][2] == (
        "man både för Åres och Idres del väntar sig laviner")


def test_kallas_before_a_bare_term_gives_a_name_and_claims_nothing() -> None:
    assert _claims("Fenomenet kallas vertikalpelare och uppstår när tre faktorer sammanfaller.") == []
    assert _claims("Avgiften brukar kallas för trängselskatt.") == []
    # a judgement or a quoted description is still reported
    assert [c[1] for c in _claims("Planen kallas orealistisk av kritikerna.")] == ["kallas"]
    assert [c[1] for c in _claims("Roboten kallas ”ett lyckat strategiskt vapen”.")] == ["kallas"]


def test_a_fronted_som_phrase_before_a_cue_with_its_own_att_clause_is_no_aside() -> None:
    # 'Som lärare tycker hon att X': 'som lärare' is in what capacity she speaks; she is the source
    assert _claims("Som lärare tycker hon att skolan behöver mer pengar.") == [
        ("hon", "tycker", "skolan behöver mer pengar", "asserted")]
    # a true aside still reports the main clause after it
    assert _claims("Som Anna Berg påpekar är skolan för liten.") == [
        ("Anna Berg", "påpekar", "är skolan för liten", "asserted")]


def test_a_prepositional_phrase_set_off_by_commas_before_the_cue_is_no_part_of_the_source() -> None:
    claims = _claims("Ministern, i likhet med partiet, anser att skatten ska höjas.")
    assert claims == [("Ministern", "anser", "skatten ska höjas", "estimated")]
    claims = _claims("I enkäten har 62 kommuner, av 212 svarande, svarat att de höjer avgiften.")
    assert [(c[0], c[1]) for c in claims] == [("62 kommuner", "svarat")]


def test_a_noun_cue_with_its_copula_allows_an_adverb_after_the_copula() -> None:
    assert _claims("Prognosen är därmed att räntan sänks.") == [(None, "Prognosen", "räntan sänks", "estimated")]
    assert [c[2] for c in _claims("Beskedet är alltså att skolan stänger.")] == ["skolan stänger"]


def test_a_label_ends_where_a_second_main_clause_joins_on() -> None:
    # 'och' + a subject + its finite verb: the writer's next clause, not part of the label
    assert _claims("Jag har pekat ut dem som ett hot mot staten och de har visat att de är det.") == [
        ("Jag", "pekat ut", "dem som ett hot mot staten", "alleged")]


def test_a_conditional_before_an_auxiliary_and_the_cue_claims_nothing() -> None:
    # the walk back to 'om' goes past the auxiliary of a perfect (*hade berättat*, *har sagt*)
    assert _claims("Det är som om jag hade berättat att jag ville flytta.") == []
    assert _claims("Om hon har sagt att skatten höjs blir det bråk.") == []
    assert [c[1] for c in _claims("Hon har sagt att skatten höjs.")] == ["sagt"]


def test_a_hedge_inside_a_relative_clause_leaves_the_claim_asserted() -> None:
    assert [c[3] for c in _claims("Vi vet att vi har barn som sannolikt är skadade för livet.")] == ["asserted"]
    # a hedge on the claim itself still makes it estimated
    assert [c[3] for c in _claims("Hon säger att skolan sannolikt stänger.")] == ["estimated"]


def test_a_lost_full_stop_before_a_capitalised_adverb_or_pronoun_ends_the_sentence() -> None:
    # mid-sentence only names take a capital: 'Ungefär' after 'bil' opens a new sentence
    claims = _claims("Bilden visar en man som står bredvid en bil Ungefär 400 hushåll saknar ström, enligt Vattenfall.")
    assert ("Vattenfall", "enligt", "Ungefär 400 hushåll saknar ström", "asserted") in claims
    # a name after a lower-case word (a definite noun, a first name and surname) stays inside
    assert [c[2] for c in _claims("Det är dock troligt att Riksbanken höjer räntan, säger docent Kai Knudsen.")] == [
        "Det är dock troligt att Riksbanken höjer räntan"]


def test_an_evidence_verb_before_an_indirect_question_shows_it() -> None:
    assert _claims("Bilderna visar även hur soldaterna skjuter mot bilen.") == [
        ("Bilderna", "visar", "hur soldaterna skjuter mot bilen", "reported")]
    # a person showing where something goes demonstrates, and claims nothing
    assert _claims("Han visar var skåpet ska stå.") == []


def test_a_passive_inside_an_att_or_subordinate_clause_claims_that_clause() -> None:
    claims = _claims("Hon säger att mannen uppges ha flytt.")
    assert (None, "uppges", "mannen uppges ha flytt", "reported") in claims
    claims = _claims("Skolan stängde sedan en beväpnad man ska ha setts på området.")
    assert [c[2] for c in claims] == ["en beväpnad man ska ha setts på området"]


def test_adverbs_before_a_noun_phrase_claim_are_no_part_of_it() -> None:
    assert _claims("Iran dementerade strax därefter all inblandning.") == [
        ("Iran", "dementerade", "all inblandning", "denied")]


def test_a_passive_after_a_fronted_subordinate_clause_claims_the_whole_sentence() -> None:
    # the subordinate clause has its own finite verb first: the cue is the main clause's, V2
    assert [c[2] for c in _claims("När det gäller järnvägarna väntas mindre störningar under dagen.")] == [
        "När det gäller järnvägarna väntas mindre störningar under dagen"]


def test_a_passive_with_an_infinitive_ends_before_a_finite_second_predicate() -> None:
    claims = _claims("Den gripne mannen uppges vara i 40-årsåldern och är känd av polisen sedan tidigare.")
    assert [c[2] for c in claims] == ["Den gripne mannen uppges vara i 40-årsåldern"]
    # a coordinated supine belongs to the infinitive phrase
    assert [c[2] for c in _claims("Mannen uppges ha skjutit två personer och skadat en tredje.")] == [
        "Mannen uppges ha skjutit två personer och skadat en tredje"]


def test_a_passive_in_a_second_main_clause_claims_that_clause() -> None:
    claims = _claims("Fyra personer ligger på sjukhus och fem personer har rapporterats saknade.")
    assert [c[2] for c in claims] == ["fem personer har rapporterats saknade"]
    # a coordinated subject is one clause
    assert [c[2] for c in _claims("Mannen och kvinnan uppges ha flytt.")] == ["Mannen och kvinnan uppges ha flytt"]
