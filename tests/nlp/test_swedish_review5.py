"""Swedish clause shapes from the blind review draw sv-web2012-review5.

The annotators' conventions are in ``evaluation/data/README.md``; every sentence here is written for
the test, none is taken from the corpus.
"""

from __future__ import annotations

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


def test_an_embedded_enligt_with_an_apposition_claims_the_whole_clause() -> None:
    # the apposition set off by commas after the source does not cut the clause in two
    assert _claims("Skolan ska enligt Anna Berg, rektor på skolan, öppna igen i augusti.") == [
        ("Anna Berg", "enligt", "Skolan ska enligt Anna Berg, rektor på skolan, öppna igen i augusti", "asserted")]


def test_two_main_clauses_joined_by_och_each_with_its_own_enligt_are_two_claims() -> None:
    # 'och' followed by a subject and its finite verb opens a second clause with a source of its own
    assert _claims("Enligt kommunen har vägen reparerats och bussen ska enligt Per Ek gå som vanligt.") == [
        ("kommunen", "Enligt", "har vägen reparerats", "asserted"),
        ("Per Ek", "enligt", "bussen ska enligt Per Ek gå som vanligt", "asserted")]
    # no second subject after 'och': one clause, one claim
    assert _claims("Enligt kommunen har vägen reparerats och öppnats igen.") == [
        ("kommunen", "Enligt", "har vägen reparerats och öppnats igen", "asserted")]


def test_a_genitive_owner_of_a_judgement_noun_is_its_source() -> None:
    # after a genitive the noun cue stands in its bare form ('bedömning', not 'bedömningen')
    assert _claims("Den svenska arbetsgivarförbundets hållning är att lönerna ska stiga långsamt.") == [
        ("Den svenska arbetsgivarförbundets", "hållning", "lönerna ska stiga långsamt", "estimated")]
    assert _claims("Regeringens bedömning är att skatten måste höjas.") == [
        ("Regeringens", "bedömning", "skatten måste höjas", "estimated")]


def test_vilken_opens_a_relative_clause_as_vilket_does() -> None:
    # the common-gender form of the relative pronoun: 'enligt X' inside it speaks for that clause only
    claims = _claims("Kommunen instämmer i att skolan behöver en ny byggnad, vilken enligt rektorn är det viktigaste.")
    assert ("rektorn", "enligt", "är det viktigaste", "asserted") in claims


def test_a_claim_ends_before_a_relative_clause_with_a_source_of_its_own() -> None:
    # ', vilket enligt Y …' is Y's comment on the claim, not part of what the first speaker says
    claims = _claims("Kommunen instämmer i att skolan behöver en ny byggnad, vilken enligt rektorn är det viktigaste.")
    assert ("Kommunen", "instämmer i", "skolan behöver en ny byggnad", "asserted") in claims


def test_a_generic_subject_talking_to_itself_is_no_entry() -> None:
    assert _claims("Ibland säger man till sig själv: ” Nu får det vara nog ”.") == []
    assert _claims("Då säger man till sig själv att det ordnar sig.") == []
    # a named speaker talking to herself, and a generic subject talking to someone else, stay entries
    assert [c[0] for c in _claims("Då säger hon till sig själv att det ordnar sig.")] == ["hon"]
    assert [c[0] for c in _claims("Man säger till polisen att det ordnar sig.")] == ["Man"]


def test_an_accusation_of_someone_for_something_is_an_entry() -> None:
    # as 'accused of X' in English: whom, and what they are blamed for (FORMAT.md: anklagar is alleged)
    assert _claims("Oppositionen anklagade regeringen för svek mot väljarna.") == [
        ("Oppositionen", "anklagade", "regeringen för svek mot väljarna", "alleged")]
    assert _claims("Oppositionen anklagade regeringen i går.") == []
