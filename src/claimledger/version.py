"""The pipeline version: which code, language data and models made a stored record.

Why one string, computed here and nowhere else: a ledger outlives the code that filled it.
When a cue file, a rule or a model changes, a re-run gives other claims and other facts, and
``claimledger diff`` (store/diff.py) can only say *which* run made each side if every row
carries a name for it. The package version alone does not move when someone edits
``lang/en/cues.tsv``, so the name is the package version plus a digest over what decides the
output: every file of the language data (``claimledger.lang``, read through the same
``importlib.resources`` root the stages read it from), the rule code (``nlp/`` and ``link/``
sources), each shipped model's ``meta.json`` and the model settings (the English model's name,
``CLAIMLEDGER_MODEL_<LANG>`` folders). Weights are not hashed (tens of megabytes on every
start); a retrained model writes a new ``meta.json`` (its scores), which is.

Computed once per process (``functools.cache``): about 1 MB read, a few milliseconds. This
module imports nothing of claimledger's but ``settings``, so store/ may stamp rows with it
without reaching into nlp/ or link/.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
RULE_CODE = ("nlp", "link")
"""Package folders whose source decides what a run finds (besides the language data)."""
UNKNOWN = "unknown"
"""What a row written before migration 0006 says about the pipeline that made it (it is NULL)."""


def _walk(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every file under ``root`` with its path relative to it, caches and bytecode left out."""
    found: list[tuple[str, Traversable]] = []
    for child in root.iterdir():
        name = f"{prefix}{child.name}"
        if child.name == "__pycache__" or child.name.startswith("."):
            continue
        if child.is_dir():
            found += _walk(child, f"{name}/")
        elif not child.name.endswith((".pyc", ".pyo")):
            found.append((name, child))
    return found


def _package_version() -> str:
    try:
        return metadata.version("claimledger")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        return "0+source"


def _model_identity() -> list[str]:
    """Which models the pipelines load: settings and overrides by name, shipped models by their meta."""
    from claimledger.settings import Settings

    parts = [f"english_model={Settings.from_env().english_model}"]
    parts += sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("CLAIMLEDGER_MODEL_"))
    models = PACKAGE / "models"
    if models.is_dir():
        parts += [f"{m.parent.name}:{hashlib.sha256(m.read_bytes()).hexdigest()}"
                  for m in sorted(models.glob("*/meta.json"))]
    return parts


@cache
def pipeline_version() -> str:
    """``<package version>+<12 hex digits>``: changes when any language file, rule source or model does."""
    h = hashlib.sha256()
    roots: list[tuple[str, Traversable]] = [("lang", resources.files("claimledger.lang"))]
    roots += [(name, PACKAGE / name) for name in RULE_CODE]  # paths: importing nlp would load spaCy
    for label, root in roots:
        for rel, item in sorted(_walk(root), key=lambda x: x[0]):
            h.update(f"{label}/{rel}".encode() + b"\0")
            h.update(item.read_bytes())
            h.update(b"\0")
    for part in _model_identity():
        h.update(part.encode() + b"\0")
    return f"{_package_version()}+{h.hexdigest()[:12]}"
