"""Language data: one folder per language code, data files only, and the one reader of them.

Everything that knows a language (cues, number words, units, actors, concepts, capitals) is a
tab-separated file here, so a new language is a new folder. ``table`` reads one file; the
stages that need the data (``ingest.lang``, ``nlp.lexicon``, ``link.data``) build their
structures from its rows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def languages() -> tuple[str, ...]:
    """Every language with a data folder, in code order: where tables shared by all languages
    (actor and agency names) gather their rows from."""
    folder = resources.files("claimledger.lang")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))


def table(lang: str | None, name: str) -> list[list[str]]:
    """The rows of one data file: ``lang/<lang>/<name>``, or ``lang/<name>`` for language-neutral data.

    Tab-separated cells, stripped; blank lines and ``#`` comments skipped; a missing file is no rows.
    """
    folder = resources.files("claimledger.lang")
    try:
        path = folder.joinpath(lang, name) if lang else folder.joinpath(name)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows
