"""Same-fact links, independent sources, contradictions and histories on hand-written news."""

from __future__ import annotations

from claimledger.link import link_article
from claimledger.link.facts import link_interval, overlap, truth_interval

EN_1 = ("South Korea's spy agency said on Friday that North Korea has sent about 1,500 soldiers to Russia, "
        "according to lawmakers.")
EN_2 = "North Korea has sent 1,500 troops to Russia, South Korea's National Intelligence Service said."
SV_1 = "Nordkorea har skickat 1 500 soldater till Ryssland, uppger Sydkoreas underrättelsetjänst NIS."
EN_OTHER = "The Pentagon said that about 3,000 troops had been sent to Russia."


def _fact_of(ledger, analysis, index: int = 0) -> dict:  # type: ignore[no-untyped-def]
    rid = analysis.quantities[index].id
    for row in ledger.facts():
        fact = ledger.fact(row["id"])
        if any(m["record_id"] == rid and m["article_id"] == analysis.article.id for m in fact["mentions"]):
            return fact
    raise AssertionError("quantity in no fact")


def test_facts_intervals_follow_links_md() -> None:
    assert truth_interval(10000, None, "about") == (9000.0, 11000.0)
    assert truth_interval(95, None, "over")[1] == float("inf")
    assert not overlap(truth_interval(31, None, "exact"), truth_interval(35, None, "over"))
    assert overlap(link_interval(3000, None, "about"), link_interval(3000, None, "exact"))
    assert not overlap(link_interval(11000, None, "about"), link_interval(12000, None, "exact"))


def test_facts_same_figure_across_articles_and_languages_is_one_fact(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add(EN_1)
    b = add(EN_2, published="2024-10-19")
    c = add(SV_1, lang="sv", published="2024-10-19")
    fa, fb, fc = _fact_of(ledger, a), _fact_of(ledger, b), _fact_of(ledger, c)
    assert fa["id"] == fb["id"] == fc["id"]
    assert fa["independent"] == 1, fa["sources"]  # one spy agency, however it is named
    assert {m["lang"] for m in fa["mentions"]} == {"en", "sv"}
    assert all(m["reason"] for m in fa["mentions"])


def test_facts_different_figure_is_another_fact(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add(EN_1)
    b = add(EN_OTHER)
    assert _fact_of(ledger, a)["id"] != _fact_of(ledger, b)["id"]


def test_facts_same_figure_weeks_later_is_a_new_fact(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add(EN_2)
    b = add(EN_2.replace("troops", "soldiers"), published="2024-12-01")
    assert _fact_of(ledger, a)["id"] != _fact_of(ledger, b)["id"]


def test_facts_increment_is_not_the_total(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add(EN_2)
    b = add("North Korea has sent another 1,500 troops to Russia, South Korea's spy agency said.")
    assert _fact_of(ledger, a)["id"] != _fact_of(ledger, b)["id"]
    assert _fact_of(ledger, b)["variable"].endswith("increment")


def test_facts_the_rest_of_a_group_is_no_rival_to_its_part(linked) -> None:  # type: ignore[no-untyped-def]
    """*the other five* beside *three* of one count is the rest of the group: a fact of its own
    kind, no contradiction; in Swedish as in English."""
    ledger, add = linked
    a = add("Three protesters were arrested in the square, the interior ministry said on Monday.",
            published="2025-03-03")
    b = add("The other five protesters were arrested at the station, the police said on Monday.",
            published="2025-03-03")
    fa, fb = _fact_of(ledger, a), _fact_of(ledger, b)
    assert fb["variable"].endswith("rest") and not fa["variable"].endswith("rest")
    assert not fa["contested"] and not fb["contested"]
    c = add("Tre demonstranter greps på torget, uppger inrikesministeriet.", lang="sv", published="2025-03-03")
    d = add("Övriga fem demonstranter greps vid stationen, säger polisen.", lang="sv", published="2025-03-03")
    assert _fact_of(ledger, d)["variable"].endswith("rest")
    assert not _fact_of(ledger, c)["contested"] and not _fact_of(ledger, d)["contested"]
    # without the word for the rest, the same two figures are rivals
    e = add("Five protesters were arrested at the station, the police said on Monday.", published="2025-03-03")
    assert _fact_of(ledger, e)["contested"]


def test_facts_contradiction_same_day_different_sources(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("At least 95 people were killed in the floods, the government said on Wednesday.",
            published="2024-10-30")
    b = add("The floods killed 52 people, the regional emergency service said on Wednesday.",
            published="2024-10-30")
    fa, fb = _fact_of(ledger, a), _fact_of(ledger, b)
    assert fa["contested"] and fb["contested"]
    assert any(link["kind"] == "contradiction" and link["other"] == fb["id"] for link in fa["links"])
    assert fa["grade"] == 4


def test_facts_rising_count_is_history_not_contradiction(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("The floods killed 95 people, the government said.", published="2024-10-30")
    b = add("The floods killed 158 people, the government said.", published="2024-10-31")
    fa, fb = _fact_of(ledger, a), _fact_of(ledger, b)
    assert not fa["contested"] and not fb["contested"]
    points = ledger.history(fa["id"])["points"]
    assert [p["value"] for p in points] == [95, 158]


def test_facts_unattributed_mention_adds_no_source(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Rescuers said 70 people were lifted to safety by helicopter in the flooded town of Alzira.")
    b = add("About 70 people were lifted to safety by helicopter in Alzira.")
    fact = _fact_of(ledger, a)
    assert fact["id"] == _fact_of(ledger, b)["id"]
    assert fact["independent"] <= 1


def test_facts_unattributed_in_two_articles_is_grade_3_in_one_grade_6(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Heavy rain flooded 1,250 homes in the valley on Tuesday.", published="2024-10-18")
    f = _fact_of(ledger, a)
    assert (f["independent"], f["grade"]) == (0, 6)
    add("Floods in the valley on Tuesday left 1,250 homes under water.", published="2024-10-19")
    f = _fact_of(ledger, a)
    assert (f["independent"], f["grade"]) == (0, 3)


def test_facts_coordinated_bodies_are_two_independent_sources(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Repairing the Estlink 2 power cable is expected to take some seven months, operators Fingrid of "
            "Finland and Elering of Estonia have said.", published="2025-01-06")
    f = _fact_of(ledger, a)
    assert set(f["sources"]) == {"Fingrid", "Elering"} and f["independent"] == 2


def test_facts_a_relaying_speaker_is_the_actor_he_relays_in_every_mention(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("North Korea has sent another 1,500 troops to Russia, lawmaker Park Sun-won said after a briefing "
            "by the National Intelligence Service.")
    b = add("Another 1,500 North Korean troops have been sent to Russia, lawmaker Park Sun-won said.",
            published="2024-10-19")
    fa, fb = _fact_of(ledger, a), _fact_of(ledger, b)
    assert fa["id"] == fb["id"]
    assert fa["independent"] == 1, fa["sources"]


def test_facts_a_number_in_a_name_is_no_figure_and_a_part_takes_the_whole_s_concept(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Jaakko Wallenius, Chief Security Officer at Elisa, which owns two of the four fiber optic lines, "
            "said the Estlink 2 power cable was also cut.", published="2025-01-06")
    assert [q.span.of(a.article.text) for q in a.quantities] == ["two", "four"]
    assert _fact_of(ledger, a)["variable"].startswith("cables|")  # not *police* of *Officer*


def test_history_series_leaves_out_parts_of_a_running_count() -> None:
    from claimledger.link.history import followed, series

    points = [{"date": "2024-10-30", "value": 95}, {"date": "2024-10-31", "value": 6},
              {"date": "2024-10-31", "value": 158}, {"date": "2024-11-01", "value": 40},
              {"date": "2024-11-01", "value": 205}]
    assert [p["value"] for p in series(points, "outcome")] == [95, 158, 205]
    assert len(series(points, "event")) == 5  # one event's figures are rivals, not parts
    assert followed("count") and not followed("generic") and not followed(None)


def test_facts_the_capital_is_the_capital_of_the_story_s_country(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("French police said 46 people have been arrested in the capital alone so far, as protests "
            "spread across France.", published="2023-05-01")
    b = add("France's interior minister said 291 people were arrested across France, including 46 in Paris.",
            published="2023-05-01")
    assert _fact_of(ledger, a)["variable"] == "arrested|paris|total"  # Paris, narrower than France
    assert _fact_of(ledger, b, 0)["variable"] == "arrested||total"  # *in France* in a French story: no place
    assert _fact_of(ledger, a)["id"] == _fact_of(ledger, b, 1)["id"]


def test_facts_what_befell_people_is_counted_and_a_speaker_s_place_is_not_the_figure_s(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Emergency services said 202 people had been confirmed dead after the floods.", published="2024-11-01")
    assert _fact_of(ledger, a)["variable"] == "dead||total"  # not any *people*
    b = add("The Spanish central government in Madrid says more than 3,600 soldiers are deployed in the "
            "worst-affected areas.", published="2024-11-03")
    assert _fact_of(ledger, b)["variable"] == "troops||total"  # Madrid is where the speaker sits


def test_facts_a_list_counts_what_its_first_figure_counts_and_a_bracketed_source_speaks_for_it(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Police reports estimate that there were 8,700 demonstrators in Strasbourg (east, 15,000 according "
            "to the unions), 7,300 in Lille (north, 15,000) and 11,000 in Marseilles (south, 130,000).",
            published="2023-05-01")
    text = a.article.text
    unions = next(x for x in a.attributions if x.source and x.source.of(text) == "the unions")
    assert unions.content.of(text) == "east, 15,000"
    lille = _fact_of(ledger, a, 2)
    assert lille["variable"] == "demonstrators|lille|total"


def test_facts_a_popular_fact_keeps_exact_counts_when_only_its_latest_mentions_are_loaded(  # type: ignore[no-untyped-def]
        linked, monkeypatch) -> None:
    from claimledger.store import links

    texts = [("South Korea's spy agency said North Korea has sent 1,500 soldiers to Russia.", "2024-10-18"),
             ("North Korea has sent 1,500 troops to Russia, Ukraine's military intelligence said.", "2024-10-19"),
             ("Some 1,500 North Korean soldiers are in Russia, the Pentagon said.", "2024-10-19"),
             ("North Korea sent 1,500 troops to Russia, NATO said.", "2024-10-20")]
    ledger, add = linked
    first = add(*texts[0][:1], published=texts[0][1])
    for text, day in texts[1:]:
        add(text, published=day)
    full = _fact_of(ledger, first)
    assert full["articles"] == 4 and full["independent"] >= 3
    monkeypatch.setattr(links, "MENTIONS_PER_FACT", 2)
    ledger.relink(link_article)
    capped = _fact_of(ledger, first)
    assert (capped["mentions"], capped["articles"], capped["independent"], sorted(capped["sources"])) == (
        full["mentions"], full["articles"], full["independent"], sorted(full["sources"]))


def test_facts_a_vague_amount_is_a_fact_of_its_own_kind(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    a = add("Copenhagen Airport said dozens of flights were diverted on Monday night.", published="2025-09-23")
    b = add("Dozens of flights were diverted as drones circled the airport, the airport said.",
            published="2025-09-23")
    c = add("Copenhagen Airport said 31 flights were diverted on Monday night.", published="2025-09-23")
    assert _fact_of(ledger, a)["id"] == _fact_of(ledger, b)["id"]
    assert _fact_of(ledger, a)["id"] != _fact_of(ledger, c)["id"]


def test_facts_a_genitive_at_the_window_edge_hands_on_to_what_it_modifies() -> None:
    """*eight members of the Eagle S tanker's crew*: what is counted is the crew, not the tanker,
    however far the genitive stands from the figure."""
    from claimledger.analyze import analyze_text
    from claimledger.link.data import load
    from claimledger.link.features import quantity_item

    text = ("The National Bureau of Investigation says eight members of the Eagle S tanker's crew are now "
            "suspects.")
    analysis = analyze_text(text, lang="en")
    [q] = analysis.quantities
    assert quantity_item(analysis, q, load("en")).concept == "crew"


def test_facts_a_claim_that_is_wholly_a_negated_speech_act_joins_no_fact(linked) -> None:  # type: ignore[no-untyped-def]
    """*Police said they did not know who flew the drones* puts nothing forward about who did:
    neither it nor its negated inner act may join the fact of who flew them."""
    ledger, add = linked
    add("The Kremlin said on Monday that Russia had nothing to do with the drones over the harbour.")
    b = add("The harbour police said they did not know who was behind the drones over the harbour.",
            published="2024-10-19")
    linked_ids = {m["record_id"] for row in ledger.facts() for m in ledger.fact(row["id"])["mentions"]
                  if m["article_id"] == b.article.id}
    assert b.attributions and not linked_ids & {a.id for a in b.attributions}


NEGATIVE_1 = "Inflation fell to about -3 percent in May, the central bank said on Tuesday."
NEGATIVE_2 = "The central bank said inflation was about -3 percent in May."


def test_facts_figures_below_zero_are_linked_like_any_other(linked) -> None:  # type: ignore[no-untyped-def]
    """A figure below zero once stopped the linker with a math domain error (its magnitude key),
    and the slack of *about -3* turned its interval round so that it met nothing."""
    ledger, add = linked
    a = add(NEGATIVE_1)
    b = add(NEGATIVE_2, published="2024-10-19")
    assert a.quantities[0].value == b.quantities[0].value == -3
    assert ledger.unlinked() == []
    assert _fact_of(ledger, a)["id"] == _fact_of(ledger, b)["id"]
    assert truth_interval(-3, None, "about") == (-3.3000000000000003, -2.7)
    assert overlap(link_interval(-3, None, "about"), link_interval(-3, None, "exact"))
