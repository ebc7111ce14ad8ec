"""Copies: a trimmed, retitled wire copy is a copy; another article on the same event is not."""

from __future__ import annotations

from claimledger.link import copies
from claimledger.model import Article

WIRE = (
    "SEOUL (AP) — The harbour authority in Busan said on Friday that three cargo ships collided in heavy fog "
    "outside the port, and that two crew members were taken to hospital with minor injuries.\n\n"
    "The authority said salvage teams were pumping fuel from the damaged hull of the largest vessel, a "
    "container ship registered in Panama, and that no oil had reached the shore so far.\n\n"
    "Port traffic was suspended for six hours while coast guard divers inspected the hulls, officials said. "
    "Fishermen in the area were told to keep their boats in harbour until Saturday morning.\n\n"
    "An investigation into the cause of the collision has begun, the authority said, adding that radar "
    "records from all three ships had been secured."
)
TRIMMED = WIRE.split("\n\n", 3)
COPY = "Three ships collide in fog off Busan\n\n" + "\n\n".join(TRIMMED[:3])
OTHER = (
    "BUSAN (AP) — Divers finished inspecting three cargo ships on Saturday, a day after the vessels collided in "
    "fog outside Busan, and the port reopened to traffic, the harbour authority said. The authority gave no "
    "new figure for the injured and said the cause of the collision was still being investigated."
)


def art(text: str, lang: str = "en") -> Article:
    return Article(text=text, lang=lang)


def test_copies_trimmed_retitled_wire_copy_is_a_copy() -> None:
    original = art(WIRE)
    found = copies.decide(art(COPY), [original])
    assert found is not None and found.original_id == original.id
    assert found.method in {"near", "lead"} and found.reason


def test_copies_same_event_by_same_agency_is_not_a_copy() -> None:
    assert copies.decide(art(OTHER), [art(WIRE)]) is None


def test_copies_translation_is_never_a_copy() -> None:
    assert copies.decide(art(WIRE, "sv"), [art(WIRE)]) is None


def test_copies_lsh_bands_meet_for_copies_only() -> None:
    assert set(copies.bands(COPY)) & set(copies.bands(WIRE))
    assert not set(copies.bands(OTHER)) & set(copies.bands("An unrelated text about wheat prices in Kansas "
                                                            "rising for the third week as drought spreads."))


def test_copies_credit_line() -> None:
    assert copies.credit(WIRE) == "AP"
    assert copies.credit("Polisen utreder branden. /TT") == "TT"
    assert copies.credit("No wire credit here at all.") is None


def test_copies_in_the_ledger_collapse_to_the_first_original(linked) -> None:  # type: ignore[no-untyped-def]
    ledger, add = linked
    first = add(WIRE)
    add(COPY)
    add("Three cargo ships collided in fog\n\n" + WIRE)
    got = {c["original_id"] for c in ledger.copies()}
    assert got == {first.article.id}
    assert len(ledger.copies()) == 2


FIGURES = (
    "Police counted 8,700 marchers in Strasbourg, 7,300 in Lille and 11,000 in Marseille, while the unions "
    "claimed 15,000, 15,000 and 130,000 in the same cities.\n\n"
    "In Toulouse the police saw 13,500 people and the unions 100,000; in Lyon 21,000 marched."
)
REWORDED = (
    "According to the police there were 8,700 demonstrators in Strasbourg, 7,300 in Lille and 11,000 in "
    "Marseille, and the unions said 15,000, 15,000 and 130,000 in those cities.\n\n"
    "The police saw 13,500 people in Toulouse and the unions 100,000; 21,000 marched in Lyon."
)


def test_copies_rewrite_with_the_same_figures_in_order_is_a_copy() -> None:
    original = art(FIGURES)
    found = copies.decide(art(REWORDED), [original])
    assert found is not None and found.method == "rewrite" and "figures in the same order" in found.reason
    assert set(copies.bands(REWORDED)) & {b for b in copies.bands(FIGURES) if b.startswith("N")}


def test_copies_same_figures_in_another_story_is_not_a_copy() -> None:
    other = ("Exports rose to 8,700 tonnes in March, 7,300 in April and 11,000 in May; imports were 15,000, "
             "15,000 and 130,000 tonnes, and stocks 13,500, 100,000 and 21,000 tonnes at the end of June.")
    assert copies.decide(art(other), [art(FIGURES)]) is None


def test_copies_signature_is_datasketchs_minhash() -> None:
    """Our MinHash is the one the stored bands were made with (datasketch 2, 64 permutations,
    seed 7): the same values for any set of grams, the largest value for none, and bands pinned
    to the values a ledger holds, so an upgrade never strands its copy_bands."""
    import random

    grams = {"the army said", "army said on", "said on monday"}
    assert copies.signature(grams)[:4] == [209372500, 1627860804, 1263067445, 371595391]
    assert copies.signature(set()) == [0xFFFFFFFF] * copies.PERMUTATIONS
    assert copies.bands("Troops crossed the river at dawn, the army said on Monday.")[:2] == (
        "T0:ebfbc48c0df64fb0e06b0292", "T1:bccfac521836f7d87ab823f3")
    from datasketch import MinHash  # a test dependency: the library our signature must equal

    rng = random.Random(5)
    for n in (1, 3, 40, 400):
        some = {f"ord{rng.random()} å {i}" for i in range(n)}
        sig = MinHash(num_perm=copies.PERMUTATIONS, seed=7)
        sig.update_batch([g.encode("utf-8") for g in some])
        assert copies.signature(some) == [int(v) for v in sig.hashvalues]
