"""Rebuild the news documents of UD English PUD as pseudo-articles and draw review and held-out halves.

UD_English-PUD (the English part of the Parallel Universal Dependencies treebanks of the CoNLL
2017 shared task; CC BY-SA 3.0) holds 1,000 sentences in one file, ``en_pud-ud-test.conllu``.
Its news documents (``# newdoc id = n…``) hold 1-5 sentences each, drawn from one news article
(not always adjacent ones). A document is rebuilt as one pseudo-article: its ``# text =`` lines
joined by one space as one paragraph, with no title, url or date.

``python -m claimledger.evaluation.pud_news SOURCE OUT_DIR`` writes ``review.jsonl`` and
``heldout.jsonl`` (FORMAT.md records with empty annotations). SOURCE is the ``.conllu`` file or
the git directory of a UD_English-PUD clone (read with ``git show HEAD:en_pud-ud-test.conllu``).
The draw: ``random.Random(SEED).sample`` of ``CHOSEN`` ids from the sorted ids of the news
documents of two sentences or more, then ``random.Random(SPLIT_SEED).sample`` of ``HELDOUT`` of
those (in sorted order) as the held-out half; the rest is the review half.

A second draw (``review2.jsonl``, ``heldout2.jsonl``; seeds fixed before any engine run on these
texts) takes only the documents the first draw did not choose: ``random.Random(SEED2).sample`` of
``CHOSEN2`` ids from the sorted ids of the remaining news documents, then
``random.Random(SPLIT_SEED2).sample`` of ``HELDOUT2`` of those (sorted) as the second held-out
half; the rest is the second review half. Of the 102 remaining documents 80 are drawn; the other
22 stay unused for a later round (``unused``).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

SEED = 2017
SPLIT_SEED = 1000
CHOSEN = 50
HELDOUT = 25
MIN_SENTENCES = 2
SEED2 = 4242
SPLIT_SEED2 = 2424
CHOSEN2 = 80
HELDOUT2 = 40
_FILE = "en_pud-ud-test.conllu"

Docs = list[dict[str, Any]]


def documents(conllu: str) -> dict[str, list[str]]:
    """The ``# text`` sentences of every document of a .conllu text, by ``newdoc`` id, in file order."""
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in conllu.splitlines():
        if line.startswith("# newdoc id = "):
            current = docs.setdefault(line.split("=", 1)[1].strip(), [])
        elif line.startswith("# text = ") and current is not None:
            current.append(line[len("# text = "):].strip())
    return docs


def record(doc_id: str, sentences: list[str]) -> dict[str, Any]:
    """One PUD document as a FORMAT.md record without annotations (one paragraph)."""
    return {"id": f"en-pud-{doc_id}", "lang": "en", "url": None, "published": None, "title": None,
            "text": " ".join(sentences), "attributions": [], "quantities": []}


def news(conllu: str, min_sentences: int = MIN_SENTENCES) -> Docs:
    """The news documents (ids starting with ``n``) of ``min_sentences`` sentences or more, by id."""
    docs = documents(conllu)
    return [record(k, docs[k]) for k in sorted(docs) if k.startswith("n") and len(docs[k]) >= min_sentences]


def split(docs: Docs, seed: int = SEED, split_seed: int = SPLIT_SEED, chosen: int = CHOSEN,
          heldout: int = HELDOUT) -> tuple[Docs, Docs]:
    """(review, held-out): ``chosen`` documents drawn with ``random.Random(seed)`` from the sorted ids,
    ``heldout`` of them (sorted) drawn with ``random.Random(split_seed)``; both halves in id order."""
    ids = sorted(d["id"] for d in docs)
    picked = sorted(random.Random(seed).sample(ids, min(chosen, len(ids))))
    held = set(random.Random(split_seed).sample(picked, min(heldout, len(picked))))
    by_id = {d["id"]: d for d in docs}
    return [by_id[i] for i in picked if i not in held], [by_id[i] for i in picked if i in held]


def split2(docs: Docs) -> tuple[Docs, Docs]:
    """(review2, held-out2): the second draw over the documents the first ``split`` did not choose."""
    first = {d["id"] for half in split(docs) for d in half}
    return split([d for d in docs if d["id"] not in first], SEED2, SPLIT_SEED2, CHOSEN2, HELDOUT2)


def unused(docs: Docs) -> Docs:
    """The documents neither draw chose, kept for a later round (in id order)."""
    taken = {d["id"] for half in (*split(docs), *split2(docs)) for d in half}
    return [d for d in docs if d["id"] not in taken]


def read_source(source: Path) -> str:
    """The .conllu text: ``source`` itself when it is a file, else ``HEAD:en_pud-ud-test.conllu`` of a git dir."""
    if source.is_file():
        return source.read_text(encoding="utf-8")
    return subprocess.run(["git", "--git-dir", str(source), "show", f"HEAD:{_FILE}"],
                          capture_output=True, text=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__)
        return 2
    out = Path(args[1])
    out.mkdir(parents=True, exist_ok=True)
    docs = news(read_source(Path(args[0])))
    for name, part in zip(("review", "heldout", "review2", "heldout2"), (*split(docs), *split2(docs)),
                          strict=True):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in part:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(name, len(part), " ".join(d["id"].removeprefix("en-pud-") for d in part))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
