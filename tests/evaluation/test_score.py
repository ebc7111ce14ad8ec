"""Our scorer prints what the shared scorer prints, and predict writes the gold format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.evaluation.predict import predict_docs, read_gold
from claimledger.evaluation.score import by_language, load_jsonl, names_same, overlap, score

DEV_SETS = ["data/dev/sv-dev.jsonl", "data/dev/seed.jsonl", "data/en/polnear-dev.jsonl"]


def test_score_overlap_counts_words_not_characters() -> None:
    assert overlap("tre soldater dödades", "tre soldater dödades i går") == pytest.approx(2 * 3 / 8)
    assert overlap("", "x") == 0.0


def test_score_names_same_accepts_a_name_within_a_description() -> None:
    assert names_same("Yonhap", "den sydkoreanska nyhetsbyrån Yonhap")
    assert not names_same("Reuters", "AP")


def test_score_perfect_prediction_is_one() -> None:
    gold = {"a": {"id": "a", "attributions": [{"source": "X", "cue": "sa", "content": "det regnar i dag"}],
                  "quantities": [{"text": "tre", "value": 3, "approx": "exact", "counted": "hus"}]}}
    s = score(gold, gold)
    assert s["attributions"]["strict"]["f1"] == 1.0
    assert s["quantities"]["strict"]["f1"] == 1.0
    assert score(gold, {})["attributions"]["strict"]["f1"] == 0.0


@pytest.mark.parametrize("rel", DEV_SETS)
def test_score_agrees_with_shared_scorer_on_dev_sets(shared: Path, rel: str, tmp_path: Path) -> None:
    gold_path = shared / rel
    docs = read_gold(gold_path)
    pred_path = tmp_path / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for p in predict_docs(docs):
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    theirs = json.loads(subprocess.run(
        [sys.executable, str(shared / "eval/score.py"), str(gold_path), str(pred_path), "--json", "--by-lang"],
        capture_output=True, text=True, check=True).stdout)
    ours = by_language(load_jsonl(gold_path), load_jsonl(pred_path))
    assert ours == theirs


def test_predict_output_passes_the_shared_validator(shared: Path, tmp_path: Path) -> None:
    docs = read_gold(shared / "data/dev/sv-dev.jsonl")
    out = tmp_path / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for d, p in zip(docs, predict_docs(docs), strict=True):
            fh.write(json.dumps({**p, "text": d["text"]}, ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(shared / "eval/validate.py"), str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-2000:]
