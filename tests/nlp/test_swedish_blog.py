"""Swedish long-form text: the classes the blog review set (sv-blog-review) showed, each on an invented
sentence (no blog text)."""

from __future__ import annotations

import pytest

from claimledger.analyze import analyze_text


def _claims(text: str) -> list[tuple[str | None, str, str, str]]:
    return analyze_text(text, lang="sv").claims()


def test_a_reportative_adverb_claims_its_clause_with_no_source() -> None:
    assert _claims("Hamnen stängs tydligen i vår.") == [
        (None, "tydligen", "Hamnen stängs tydligen i vår", "reported")]


def test_a_cue_inside_a_claim_claims_only_its_att_clause() -> None:
    # FORMAT.md: a cue inside the claim takes the whole clause with it; the clause is the att clause
    text = "Det nya tecknet är att färjan tydligen går varje timme nu."
    assert [(c, x) for _, c, x, _ in _claims(text)] == [("tydligen", "färjan tydligen går varje timme nu")]


@pytest.mark.parametrize(("text", "cue", "certainty", "content"), [
    ("Han greps efter farhågor om att han hade sålt kartor till en främmande makt.", "farhågor", "estimated",
     "han hade sålt kartor till en främmande makt"),
    ("Kommunen bygger vidare i tron att staten betalar hamnen.", "tron", "estimated", "staten betalar hamnen"),
    ("Myten om att färjan alltid är försenad lever kvar.", "Myten", "alleged", "färjan alltid är försenad"),
])
def test_noun_cues_of_fear_belief_and_myth_claim_their_att_clause(
        text: str, cue: str, certainty: str, content: str) -> None:
    assert [(c, x, k) for _, c, x, k in _claims(text)] == [(cue, content, certainty)]


def test_a_quotation_broken_over_lines_is_one_content() -> None:
    text = ("Hamnen höjer avgifterna. Lokaltidningen skriver följande:\n\n"
            "\"Avgiften för färjan höjs från 30 till 35 kronor.\n"
            "Avgift införs även på helger, som i dag är avgiftsfria.\n"
            "Avgiften tas ut redan från klockan 6 på morgonen.\"\n\n"
            "Pengarna ska gå till en ny kaj.")
    found = _claims(text)
    assert len(found) == 1
    source, cue, content, _ = found[0]
    assert (source, cue) == ("Lokaltidningen", "skriver")
    assert content.startswith("Avgiften för färjan") and content.endswith("klockan 6 på morgonen.")


def test_lines_with_their_own_quotations_stay_paragraphs_of_their_own() -> None:
    text = ("\"Färjan går i tid,\" säger kaptenen.\n"
            "\"Biljetterna räcker inte,\" säger kassören.")
    assert [s for s, _, _, _ in _claims(text)] == ["kaptenen", "kassören"]


@pytest.mark.parametrize(("text", "cue", "certainty"), [
    ("Det sägs att färjan ska läggas ned i höst.", "sägs", "reported"),
    ("Det konstaterades att kajen saknade finansiering.", "konstaterades", "asserted"),
])
def test_an_impersonal_passive_claims_its_att_clause(text: str, cue: str, certainty: str) -> None:
    # the sv-web2012 and blog gold: *Det sägs att X*, *rapporterades att X*: the content is X
    [(source, c, content, k)] = _claims(text)
    assert (source, c, k) == (None, cue, certainty) and content.split()[0] in {"färjan", "kajen"}


def test_an_english_quotation_broken_over_lines_is_one_content() -> None:
    text = ("The harbour board wrote:\n\n"
            "\"Fares rise from 30 to 35 kronor at rush hour.\n"
            "Fares will also be charged on some holidays.\"\n\n"
            "The money goes to a new quay.")
    [(source, cue, content, _)] = analyze_text(text, lang="en").claims()
    assert (source, cue) == ("The harbour board", "wrote") and content.count("Fares") == 2


def test_pointing_out_is_a_reporting_verb() -> None:
    assert _claims("Hamnbolaget påtalar dock att kajen är en tillfällig lösning.") == [
        ("Hamnbolaget", "påtalar", "kajen är en tillfällig lösning", "asserted")]


@pytest.mark.parametrize(("text", "value"), [
    ("Myndigheten kräver 6.5 miljarder kronor i tillskott.", 6_500_000_000),
    ("Räntan ligger på 9.5% just nu.", 9.5),
    ("Biljetten kostar 10.000 kronor.", 10_000),
])
def test_a_point_before_one_digit_marks_decimals_in_swedish(text: str, value: float) -> None:
    # web text often writes *6.5*; a point before one digit groups no thousands and ends no clock time
    assert [q.value for q in analyze_text(text, lang="sv").quantities] == [value]


def test_a_clock_time_with_a_point_is_no_figure() -> None:
    assert analyze_text("Avgiften tas ut från 6.30 i stället.", lang="sv").quantities == ()


@pytest.mark.parametrize("text", [
    "Hamnchefen förnekar allt och vägrar kommentera saken.",
    "Hamnchefen förnekar allt och ingen vill säga något om saken.",
])
def test_what_is_denied_ends_where_the_next_verb_begins(text: str) -> None:
    assert _claims(text) == [("Hamnchefen", "förnekar", "allt", "denied")]
