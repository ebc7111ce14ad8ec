"""Which language an article is in: an ISO 639-1 code, or ``"und"`` when we cannot tell.

The language picks the spaCy pipeline downstream, so the costly mistake is not "Thai
called Lao" but a Norwegian or Danish page handed to the Swedish pipeline (or the
reverse): the words look alike, the cue lexicons do not. py3langid's full model keeps the
three apart well on real text; we add two guards around it:

* Norwegian comes out under one code. The model has ``no`` and ``nn`` (and some tools say
  ``nb``); downstream cares about "Norwegian, not Swedish", so all become ``no``, through
  ``lang/aliases.tsv`` (data, so a new variety needs no code).
* Letters no model can argue with. Swedish writes ä/ö, Norwegian and Danish write æ/ø.
  When the model picks within the three and the letters clearly say otherwise, the letters
  win (a short Swedish teaser with no rare words is the typical case).

Texts with fewer than ``MIN_LETTERS`` letters get ``"und"``: a headline fragment or a
byline is not evidence. The model is loaded once, lazily, because it takes a moment.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import shutil
import tempfile
from array import array
from pathlib import Path
from typing import Any

from claimledger.lang import table

MIN_LETTERS = 20
"""Fewer letters than this is too little evidence: the answer is ``"und"``."""
SAMPLE_CHARS = 6_000
"""Classify at most this many characters; more text changes nothing but the time taken."""
UNDETERMINED = "und"

_ALIASES = {row[0]: row[1] for row in table(None, "aliases.tsv") if len(row) >= 2}
"""Detector and page codes -> the code whose folder serves them (``lang/aliases.tsv``: nb, nn -> no)."""
_SCANDINAVIAN = ("sv", "no", "da")
_SWEDISH_ONLY = set("äöÄÖ")
_DANO_NORWEGIAN_ONLY = set("æøÆØ")


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with normalised probabilities (loaded on first use).

    Its feature table ships as float16 and every call gathered the rows a text hits and
    widened them to float32 for the product: on an article of 5,000 characters that
    widening was 1.6 of the 3 ms detection took. Widened once here (57 MB), the rows
    gathered are the same float32 numbers, so the scores are bit for bit the same.

    The model ships LZMA-compressed: unpacking it took most of a second of every process that
    detects a language. Unpacked once, it is kept under the user's cache folder (``_cached``)
    and later processes map it from there: the same arrays, so the same scores.
    """
    import numpy
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    path = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else MODEL_DIR / MODEL_FILE
    folder = _cache_folder(path)
    if folder is not None and (found := _cached(folder)) is not None:
        ptc, pc, classes, nextmove, row, output = found
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if getattr(identifier, "nb_ptc", None) is not None and identifier.nb_ptc.dtype == numpy.float16:
        identifier.nb_ptc = identifier.nb_ptc.astype(numpy.float32)
    if folder is not None:
        _keep(folder, identifier)
    return identifier


_CACHE_FORMAT = "1"
_CACHE_FILES = ("ptc.npy", "pc.npy", "output.npy", "nextmove.bin", "row.bin", "meta.json")


def _cache_folder(model: Path) -> Path | None:
    """Where the unpacked model lives: ``$XDG_CACHE_HOME`` (or ``~/.cache``) ``/claimledger``, one
    folder per model file's content, so a new py3langid model is unpacked anew."""
    try:
        digest = hashlib.sha1(model.read_bytes()).hexdigest()[:16]
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (OSError, RuntimeError):  # no model file to hash, or no home folder
        return None
    return root / "claimledger" / f"langid-{_CACHE_FORMAT}-{digest}"


def _cached(folder: Path) -> tuple[Any, Any, list[str], array[int], array[int], list[int]] | None:
    """The unpacked model's arrays, the feature table mapped read-only; None if they are not all there."""
    import numpy

    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        ptc = numpy.load(folder / "ptc.npy", mmap_mode="r")
        pc = numpy.load(folder / "pc.npy")
        output = numpy.load(folder / "output.npy").tolist()
        nextmove, row = array(meta["nextmove"]), array(meta["row"])
        nextmove.frombytes((folder / "nextmove.bin").read_bytes())
        row.frombytes((folder / "row.bin").read_bytes())
        classes = [str(c) for c in meta["classes"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if ptc.dtype != numpy.float32 or ptc.ndim != 2 or ptc.shape[1] != len(classes) or len(output) != len(row):
        return None
    return ptc, pc, classes, nextmove, row, output


def _keep(folder: Path, identifier: Any) -> None:
    """Write the unpacked model under ``folder`` (a temporary folder renamed into place, so a reader
    never sees half of it); nothing when that cannot be done (a read-only home, a full disk)."""
    import numpy

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError:
        return
    try:
        numpy.save(tmp / "ptc.npy", numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32))
        numpy.save(tmp / "pc.npy", identifier.nb_pc)
        numpy.save(tmp / "output.npy", numpy.asarray(identifier.tk_output, dtype=numpy.int64))
        (tmp / "nextmove.bin").write_bytes(identifier.tk_nextmove.tobytes())
        (tmp / "row.bin").write_bytes(identifier.tk_row.tobytes())
        meta = {"nextmove": identifier.tk_nextmove.typecode, "row": identifier.tk_row.typecode,
                "classes": list(identifier.nb_classes)}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        tmp.rename(folder)
    except OSError:  # written by another process meanwhile, or no room: the next run tries again
        shutil.rmtree(tmp, ignore_errors=True)


def has_letters(sample: str, count: int) -> bool:
    """Whether ``sample`` holds at least ``count`` letters; stops reading once it has seen them."""
    return sum(1 for _ in itertools.islice(filter(str.isalpha, sample), count)) >= count


def _letter_vote(sample: str) -> str | None:
    """``"sv"`` or ``"no/da"`` when the special letters clearly point one way, else None."""
    sv = sum(map(sample.count, _SWEDISH_ONLY))
    nd = sum(map(sample.count, _DANO_NORWEGIAN_ONLY))
    if sv >= 3 * nd + 2:
        return "sv"
    if nd >= 3 * sv + 2:
        return "no/da"
    return None


def _rank(sample: str) -> list[tuple[str, float]]:
    """All languages, best first, with Norwegian variants folded into ``no``."""
    merged: dict[str, float] = {}
    for code, score in _identifier().rank(sample):
        key = _ALIASES.get(str(code), str(code))
        merged[key] = merged.get(key, 0.0) + float(score)
    return sorted(merged.items(), key=lambda item: item[1], reverse=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or ``"und"`` if it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return UNDETERMINED
    ranked = _rank(sample)
    best = ranked[0][0] if ranked else UNDETERMINED
    if best in _SCANDINAVIAN:
        vote = _letter_vote(sample)
        if vote == "sv":
            best = "sv"
        elif vote == "no/da" and best == "sv":
            best = next((code for code, _ in ranked if code in ("no", "da")), "no")
    return best


def normalize_language(tag: str | None) -> str | None:
    """The primary subtag of a declared language tag (``sv-SE`` -> ``sv``, ``nb`` -> ``no``)."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 3:
        return None
    return _ALIASES.get(primary, primary)


def choose_language(text: str, declared: str | None = None) -> str:
    """Detect the language; fall back to what the page or feed declares when detection cannot tell.

    Detection comes first because declarations are often copied from a template (an
    English ``<html lang>`` on a Swedish article); the declaration is used only when the
    text is too short to classify.
    """
    found = detect_language(text)
    if found == UNDETERMINED:
        return normalize_language(declared) or UNDETERMINED
    return found
