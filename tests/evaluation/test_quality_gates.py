"""Quality gates: dev-set floors. Raising a floor is progress; lowering one needs a reason in the commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation.predict import predict_docs, read_gold
from claimledger.evaluation.score import score

SV_FILES = ["data/dev/seed.jsonl", "data/dev/sv-dev.jsonl"]


@pytest.fixture(scope="module")
def sv_scores(shared: Path) -> dict:
    docs = [d for f in SV_FILES for d in read_gold(shared / f)]
    preds = {p["id"]: p for p in predict_docs(docs)}
    return score({d["id"]: d for d in docs}, preds)


def test_sv_dev_attribution_strict_f1_floor(sv_scores: dict) -> None:
    assert sv_scores["attributions"]["strict"]["f1"] >= 0.88


def test_sv_dev_content_f1_floor(sv_scores: dict) -> None:
    assert sv_scores["attributions"]["match"]["f1"] >= 0.91


def test_sv_dev_certainty_accuracy_floor(sv_scores: dict) -> None:
    assert sv_scores["attributions"]["certainty_acc"] >= 0.95


def test_sv_dev_quantity_strict_f1_floor(sv_scores: dict) -> None:
    assert sv_scores["quantities"]["strict"]["f1"] >= 0.96


SV_HELDOUT2 = Path(__file__).resolve().parents[2] / "src/claimledger/evaluation/data/sv-web2012-heldout2.jsonl"


def test_sv_web2012_heldout2_attribution_strict_f1_floor() -> None:
    """The second Swedish held-out set (never tuned on): unseen .835, .862 after the fifth review round."""
    docs = read_gold(SV_HELDOUT2)
    preds = {p["id"]: p for p in predict_docs(docs)}
    assert score({d["id"]: d for d in docs}, preds)["attributions"]["strict"]["f1"] >= 0.84


@pytest.mark.parametrize(("name", "strict"), [
    ("sv-web2012-review3", 0.90),  # unseen .829; .922 after its review round
    ("sv-web2012-review4", 0.93),  # unseen .897; .959 after its review round
    ("sv-web2012-review5", 0.93),  # unseen .895 (.852 after the review3/4 round); .957 after its own round
    ("sv-web2012-review6", 0.90),  # unseen .814; .930 after its round
    ("sv-web2012-review7", 0.81),  # unseen .739; .842 after its round
    ("sv-web2012-heldout3", 0.72),  # unseen .726; never tuned on; .745 now
    ("sv-web2012-heldout4", 0.69),  # unseen .718; never tuned on
    ("sv-pud-review", 0.86),  # unseen .692; .889 after its round
    ("sv-pud-heldout", 0.60),  # unseen .636; never tuned on
    ("sv-web2012-heldout5", 0.78),  # unseen .824 (stop 31's end rules); never tuned on
    ("sv-pud-heldout2", 0.80),  # unseen .849 (stop 31's end rules); never tuned on
    ("sv-web2012-heldout6", 0.72),  # unseen .750 (stop 32's end rules); never tuned on; .754 at stop 33's end
    ("sv-web2012-heldout7", 0.69),  # unseen .724 (stop 33's end rules); never tuned on
])
def test_sv_web2012_review_and_third_heldout_strict_f1_floors(name: str, strict: float) -> None:
    """The later blind Swedish draws: Webbnyheter review and held-out draws, and UD Swedish PUD's news
    documents (evaluation/data/README.md)."""
    docs = read_gold(SV_HELDOUT2.with_name(f"{name}.jsonl"))
    preds = {p["id"]: p for p in predict_docs(docs)}
    assert score({d["id"]: d for d in docs}, preds)["attributions"]["strict"]["f1"] >= strict


@pytest.fixture(scope="module")
def wikinews_scores() -> dict:
    # English Wikinews held-out set (evaluation/data/README.md), in the checkout: never tuned on
    data = Path(__file__).parents[2] / "src" / "claimledger" / "evaluation" / "data"
    docs = read_gold(data / "en-wikinews-heldout.jsonl")
    preds = {p["id"]: p for p in predict_docs(docs)}
    return score({d["id"]: d for d in docs}, preds)


def test_en_wikinews_heldout_floors(wikinews_scores: dict) -> None:
    # .667 / .712 before noun-phrase contents followed FORMAT.md, .690 / .737 after
    assert wikinews_scores["attributions"]["strict"]["f1"] >= 0.68
    assert wikinews_scores["attributions"]["match"]["f1"] >= 0.72
    assert wikinews_scores["attributions"]["certainty_acc"] >= 0.95
    assert wikinews_scores["quantities"]["strict"]["f1"] >= 0.89


def _checkout_set_scores(name: str) -> dict:
    """Scores of a gold set kept in the checkout (``evaluation/data/NAME.jsonl``), predicted by the current rules."""
    docs = read_gold(Path(__file__).resolve().parents[2] / f"src/claimledger/evaluation/data/{name}.jsonl")
    preds = {p["id"]: p for p in predict_docs(docs)}
    return score({d["id"]: d for d in docs}, preds)


def test_en_wikinews_dev_floors() -> None:
    """The 15 English Wikinews review articles (evaluation/data/README.md; tuned on): .779 before the
    round that annotated them, .819 after it, .838 once noun-phrase contents followed FORMAT.md."""
    s = _checkout_set_scores("en-wikinews-dev")
    assert s["attributions"]["strict"]["f1"] >= 0.86
    assert s["attributions"]["match"]["f1"] >= 0.87
    assert s["attributions"]["certainty_acc"] >= 0.95
    assert s["quantities"]["strict"]["f1"] >= 0.90


def test_en_ewt_weblog_heldout_floors() -> None:
    """UD English EWT's 14 test-split weblog posts, annotated blind (evaluation/data/README.md; never tuned
    on): .611 strict, .737 content, quantity strict .778 at stop 33's end rules."""
    s = _checkout_set_scores("en-ewt-weblog-heldout")
    assert s["attributions"]["strict"]["f1"] >= 0.57
    assert s["attributions"]["match"]["f1"] >= 0.70
    assert s["quantities"]["strict"]["f1"] >= 0.74


@pytest.mark.parametrize(("half", "strict", "quantity"), [
    ("review", 0.77, 0.95),  # unseen .625 / .791; .791 / 1.000 after the review round on it
    ("heldout", 0.74, 0.65),  # unseen .757 / .667; never tuned on
    ("review2", 0.86, 0.94),  # second draw: unseen .821 / .906; .895 / .980 after the review round on it
    ("heldout2", 0.74, 0.66),  # second draw: unseen .779 / .710; never tuned on
])
def test_en_pud_news_floors(half: str, strict: float, quantity: float) -> None:
    """English news sentences from UD English PUD, annotated blind (evaluation/data/README.md)."""
    path = Path(__file__).resolve().parents[2] / f"src/claimledger/evaluation/data/en-pud-news-{half}.jsonl"
    docs = read_gold(path)
    preds = {p["id"]: p for p in predict_docs(docs)}
    s = score({d["id"]: d for d in docs}, preds)
    assert s["attributions"]["strict"]["f1"] >= strict
    assert s["quantities"]["strict"]["f1"] >= quantity


@pytest.mark.parametrize(("name", "strict", "certainty", "quantity"), [
    ("en-web-news-review", 0.90, 0.91, 0.95),  # unseen .890 / .898 / .955; .929 / .932 / .968 after its review round
    ("en-web-news-heldout", 0.79, 0.94, 0.68),  # unseen .811 / .976 / .708; never tuned on
    ("en-feed-news-review", 0.80, 0.86, 0.72),  # unseen .696 / .857 / .750; .821 / .881 / .750 after its review round
    ("en-feed-news-heldout", 0.76, 0.88, 0.90),  # unseen .785 / .906 / .926; never tuned on
    ("en-polnear-format-review", 0.80, 0.93, 0.82),  # unseen .829, .799, .765 (three draws); .815 / .952 / .849 now
    ("en-polnear-format-review2", 0.83, 0.93, 0.76),  # unseen .822 / .957 / .787; .856 / .954 / .787 after its round
    ("en-polnear-format-review3", 0.77, 0.94, 0.70),  # unseen .775 / .972 / .739; tuned on from stop 32
    ("en-polnear-format-review4", 0.88, 0.93, 0.52),  # unseen .902 / .964 / .571 (annotators' counted); tuned on
    ("en-polnear-format-heldout", 0.77, 0.90, 0.82),  # unseen .751 / .927 / .838; never tuned on; .794 / .914 / .868
    ("en-polnear-format-heldout2", 0.78, 0.85, 0.78),  # unseen .807 / .872 / .811 (start rules); never tuned on
    ("en-polnear-format-heldout3", 0.72, 0.85, 0.76),  # .740 / .885 / .800 at stop 31's end rules; never tuned on
    ("sv-blog-review", 0.58, 0.90, 0.85),  # unseen .474 / .867 / .754; .610 / .923 / .874 after its first round
    ("sv-blog-heldout", 0.44, 0.85, 0.60),  # unseen .422 / .870 / .562; never tuned on; .462 / .880 / .626 now
])
def test_standoff_news_floors(shared: Path, name: str, strict: float, certainty: float, quantity: float) -> None:
    """Real English news pages, a feed's entries, PolNeAR's political news and a Swedish blog's posts, annotated
    blind by FORMAT.md, stored stand-off (evaluation/data/README.md)."""
    from claimledger.evaluation.devsets import gold_docs

    path = Path(__file__).resolve().parents[2] / f"src/claimledger/evaluation/data/{name}.standoff.jsonl"
    docs = gold_docs(shared, str(path))
    assert len(docs) == len(path.read_text(encoding="utf-8").splitlines()) >= 6  # every record found its page
    preds = {p["id"]: p for p in predict_docs(docs)}
    s = score({d["id"]: d for d in docs}, preds)
    assert s["attributions"]["strict"]["f1"] >= strict
    assert s["attributions"]["certainty_acc"] >= certainty
    assert s["quantities"]["strict"]["f1"] >= quantity


def test_sv_quantities_heldout_quantity_strict_f1_floor() -> None:
    """Swedish figures nobody tuned on (evaluation/data/README.md): .827 unseen, .863 after the review rounds."""
    path = Path(__file__).resolve().parents[2] / "src/claimledger/evaluation/data/sv-quantities-heldout.jsonl"
    docs = read_gold(path)
    preds = {p["id"]: p for p in predict_docs(docs)}
    assert score({d["id"]: d for d in docs}, preds)["quantities"]["strict"]["f1"] >= 0.85


def test_sv_quantities_heldout2_quantity_strict_f1_floor() -> None:
    """A third fresh set of Swedish figures (evaluation/data/README.md): .946 unseen, .955 after the seed-8484 round."""
    path = Path(__file__).resolve().parents[2] / "src/claimledger/evaluation/data/sv-quantities-heldout2.jsonl"
    docs = read_gold(path)
    preds = {p["id"]: p for p in predict_docs(docs)}
    assert score({d["id"]: d for d in docs}, preds)["quantities"]["strict"]["f1"] >= 0.93


def test_en_polnear_dev_under_its_own_convention_floors(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PolNeAR dev scored under its own annotation's convention (setting ``contents=polnear``, the
    ``en-polnear-dev/polnear`` row of ``devsets``): .673 / .763 before the pn3 round, .682 / .771 after it."""
    monkeypatch.setenv("CLAIMLEDGER_CONTENTS", "polnear")
    docs = read_gold(shared / "data/en/polnear-dev.jsonl")
    preds = {p["id"]: p for p in predict_docs(docs)}
    s = score({d["id"]: d for d in docs}, preds)
    assert s["attributions"]["strict"]["f1"] >= 0.68
    assert s["attributions"]["match"]["f1"] >= 0.77
