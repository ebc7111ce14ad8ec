"""PolNeAR's convention (``contents=polnear``): the learned filter drops what its annotators seldom mark,
and the learned proposer adds acts that no cue of the lexicon names (``nlp/components/polnear_learned.py``,
tables ``lang/en/polnear_filter.tsv`` and ``polnear_proposer.tsv``). Neither runs by default.

Sentences are invented for these tests; none comes from PolNeAR (its texts carry no licence; see
shared/data/en/LICENSE-NOTE.md).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
from tests.scripts import load_script

from claimledger.analyze import analyze_text
from claimledger.lang import table
from claimledger.nlp.components.polnear_learned import read_model

Row = tuple[str | None, str, str]
TABLES = ("polnear_filter.tsv", "polnear_proposer.tsv")


def _rows(text: str) -> list[Row]:
    a = analyze_text(text, lang="en")
    t = a.article.text
    return [(x.source.of(t) if x.source else None, x.cue.of(t), x.content.of(t)) for x in a.attributions]


_SIGNED = "The party leader signed the pledge to rebuild the harbour."


def test_under_polnear_the_proposer_reads_an_act_no_cue_names(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _rows(_SIGNED) == []  # FORMAT.md's convention: no claim, and nothing proposed
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "polnear")
    assert _rows(_SIGNED) == [("The party leader", "signed", "the pledge to rebuild the harbour")]


@pytest.mark.usefixtures("polnear_contents")
def test_under_polnear_the_proposer_adds_beside_what_the_rules_find() -> None:
    assert _rows("The ferry captain signed a letter asking for new docks.") == [
        ("The ferry captain", "signed", "a letter asking for new docks"),
        ("The ferry captain", "asking for", "new docks"),
    ]
    assert _rows("The mayor visited the school on Monday.") == []  # an ordinary act stays none


_HEADLINE = "Mayor Lund: The Bridge Must Be Rebuilt\n\nWork on the old bridge stopped last year."


def test_under_polnear_the_filter_drops_a_headline_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    # PolNeAR's annotators seldom mark a title's 'Name: words' as an attribution, and the filter drops it
    # there; FORMAT.md's sets never write a bare colon as a cue (attributions._worded)
    assert _rows(_HEADLINE) == []
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "polnear")
    assert _rows(_HEADLINE) == []
    assert _rows("The mayor told reporters that the pool would close.") == [
        ("The mayor", "told", "that the pool would close")]  # a plain claim is kept


@pytest.mark.parametrize("name", TABLES)
def test_the_tables_hold_hashed_weights_and_their_model_card_only(name: str) -> None:
    rows = table("en", name)
    assert rows and all(len(r) == 2 for r in rows)
    assert all(r[0].isdigit() or r[0] in {"buckets", "bias", "threshold", "gate"} for r in rows)
    assert all(float(r[1]) == float(r[1]) for r in rows)  # numbers, no text
    header = resources.files("claimledger.lang").joinpath("en", name).read_text(encoding="utf-8")
    card = " ".join(line.lstrip("# ") for line in header.splitlines() if line.startswith("#"))
    assert "polnear-train" in card and "no licence" in card and "No text is stored" in card
    model = read_model("en", name)
    assert model is not None and 0.0 < model.threshold < 1.0 and len(model.weights) > 1000


def _script() -> Any:
    return load_script("polnear_learned")


def test_training_gives_no_weight_to_a_bucket_fewer_rows_have_than_min_count() -> None:
    # bucket 1 in every row and always true; bucket 2 in one row only; row 3 holds rare buckets alone
    rows = [([1, 2], True), ([1], True), ([1], True), ([3], False), ([0], False), ([0], False), ([0], False)]
    w, _ = _script().train(rows, 1e-4, epochs=50, min_count=3, buckets=8)
    assert w[1] > 0 > w[0] and w[2] == 0.0 and w[3] == 0.0
    w, _ = _script().train(rows, 1e-4, epochs=50, buckets=8)
    assert w[2] != 0.0  # without the floor, one row is enough


@pytest.mark.parametrize("name", TABLES)
def test_the_model_cards_give_the_held_out_and_the_in_sample_figures(name: str) -> None:
    header = resources.files("claimledger.lang").joinpath("en", name).read_text(encoding="utf-8")
    assert "held-out" in header and "in-sample" in header  # the gap between them is what overfits
    model = read_model("en", name)
    assert model is not None and model.buckets <= 1 << 16 and max(model.weights) < model.buckets
