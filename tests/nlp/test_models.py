"""The English model is the pinned release, checked on load; another one is the user's named choice."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.errors import ModelError
from claimledger.nlp import models


def _pinned_folder() -> Path:
    spec = importlib.util.find_spec(models.PINNED)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / f"{models.PINNED}-{models.PINNED_VERSION}"


def test_models_pinned_release_passes_its_check() -> None:
    assert models.english_model(models.PINNED) == _pinned_folder()


def test_models_one_changed_byte_fails_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / models.PINNED
    shutil.copytree(_pinned_folder().parent, fake, ignore=shutil.ignore_patterns("__pycache__"))
    meta = fake / f"{models.PINNED}-{models.PINNED_VERSION}" / "meta.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"3.8.0"', '"3.8.0" ', 1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(models.PINNED, fake / "__init__.py")
    monkeypatch.setattr(models.importlib.util, "find_spec", lambda name: spec)
    with pytest.raises(ModelError, match="not the release claimledger was tested with"):
        models.english_model(models.PINNED)


def test_models_named_model_must_be_installed() -> None:
    with pytest.raises(ModelError, match="setting english_model"):
        models.english_model("no_such_model_xyz")


def test_models_cli_reports_a_missing_model_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("The ministry said on Monday that 40 people had been evacuated from the town.", encoding="utf-8")
    env = {**os.environ, "CLAIMLEDGER_ENGLISH_MODEL": "no_such_model_xyz"}
    res = subprocess.run([sys.executable, "-m", "claimledger", "analyze", str(page), "--lang", "en",
                          "--ledger", str(tmp_path / "l.sqlite"), "-q"], capture_output=True, text=True, env=env,
                         timeout=300)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr and "no_such_model_xyz" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_an_attribution_s_confidence_is_its_rule_s_measured_share() -> None:
    from claimledger.analyze import analyze_text
    from claimledger.lang import table
    from claimledger.nlp.lexicon import rule_confidence

    measured = {row[0]: float(row[1]) for row in table("sv", "confidence.tsv")}
    assert measured, "lang/sv/confidence.tsv is written by scripts/measure_confidence.py"
    a = analyze_text("Tre fartyg har bordats i hamnen, enligt Kustbevakningen.", lang="sv").attributions[0]
    assert a.confidence == measured.get(a.rule, measured["*"]) == rule_confidence("sv", a.rule)
    assert rule_confidence("xx", "verb-that") == 0.5  # a language never measured
