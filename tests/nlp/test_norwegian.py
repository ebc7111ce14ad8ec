"""Norwegian Bokmål, added as a folder (``lang/no``) with no Python of its own.

``tests/data/no/gold.jsonl`` holds five Norwegian news texts written for these tests and
annotated by hand (``build_gold.py`` writes it); the floors below are quality gates for a
language read by the rules alone, with spaCy's blank Bokmål tokenizer and no model.
"""

from __future__ import annotations

from pathlib import Path

from claimledger.analyze import analyze_text
from claimledger.evaluation.predict import predict_docs, read_gold
from claimledger.evaluation.score import score
from claimledger.ingest.lang import choose_language, normalize_language

GOLD = Path(__file__).parents[1] / "data" / "no" / "gold.jsonl"


def test_norwegian_hand_annotated_set_floors() -> None:
    gold = {d["id"]: d for d in read_gold(GOLD)}
    assert len(gold) >= 5
    s = score(gold, {d["id"]: d for d in predict_docs(gold.values())})
    assert s["attributions"]["strict"]["f1"] >= 0.85, s["attributions"]
    assert s["attributions"]["certainty_acc"] >= 0.85
    assert s["quantities"]["strict"]["f1"] >= 0.8, s["quantities"]


def test_norwegian_text_and_tags_find_the_folder() -> None:
    text = ("Politiet opplyser at minst tolv personer ble skadd i angrepet natt til tirsdag, og at "
            "flere av dem er alvorlig skadd. Kreml benekter opplysningene.")
    assert choose_language(text) == "no"
    assert normalize_language("nb-NO") == normalize_language("nn") == "no"
    found = analyze_text(text, lang="no").attributions
    assert [(a.certainty, a.content.of(text)) for a in found][-1] == ("denied", "opplysningene")


def test_norwegian_figures_link_with_swedish_ones(tmp_path: Path) -> None:
    from claimledger.link import link_article
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article
    from claimledger.store import Ledger

    texts = [("no", "Den finske grensevakten opplyser at rundt 2 000 russiske soldater er samlet ved grensen."),
             ("sv", "Omkring 2 000 ryska soldater har samlats vid gränsen, uppger den finska gränsbevakningen.")]
    with Ledger(tmp_path / "l.sqlite") as ledger:
        for lang, text in texts:
            ledger.add(analyze_article(Article(text=text, lang=lang, published="2025-02-03")), link=link_article)
        rows = [ledger.fact(r["id"]) for r in ledger.facts()]
    troops = [f for f in rows if f["variable"] and f["variable"].startswith("troops")]
    assert len(troops) == 1, [f["variable"] for f in rows]
    assert {m["lang"] for m in troops[0]["mentions"]} == {"no", "sv"}
