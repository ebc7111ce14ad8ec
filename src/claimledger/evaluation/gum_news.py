"""Rebuild the plain text of GUM's Wikinews documents and split them into held-out and review.

GUM (Georgetown University Multilayer corpus; its Universal Dependencies release
``UD_English-GUM``) keeps every source document as ``not-to-release/sources/GUM_news_*.conllu``.
Those news documents are Wikinews articles (CC BY 2.5, Wikinews contributors).
A document is rebuilt from its ``# text =`` lines: a ``# newpar`` line starts a new paragraph
(paragraphs joined by a blank line, sentences of a paragraph by one space); a block that
opens with a nested one (``# newpar_block = p (6 s) | figure (1 s) | caption (1 s)``: a photo
caption at the head of a paragraph) has the nested block's sentences as a paragraph of their
own. The title is the first paragraph when GUM marks it as a heading (``# newpar_block = head``).

``python -m claimledger.evaluation.gum_news SOURCE OUT_DIR`` writes ``heldout.jsonl`` and
``review.jsonl`` (FORMAT.md records with empty annotations). SOURCE is a folder holding the
``GUM_news_*.conllu`` files, or the git directory of a UD_English-GUM clone (read with
``git show HEAD:...``). The split is ``random.Random(SEED)`` over the sorted document ids.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

SEED = 7373
HELDOUT = 9
_SOURCES = "not-to-release/sources"
_BLOCK_SENTS = re.compile(r"\((\d+) s\)")


def rebuild(conllu: str) -> dict[str, Any]:
    """One GUM document (the text of its .conllu file) as a FORMAT.md record without annotations."""
    meta: dict[str, str] = {}
    doc_id = ""
    paras: list[list[str]] = []
    new_par = True
    split_after = 0  # sentences left in a nested block that opens the current one
    for line in conllu.splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::"):
            key, _, val = line[len("# meta::"):].partition(" = ")
            meta[key.strip()] = val.strip()
        elif line.startswith("# newpar"):
            new_par = True
            counts = [int(n) for n in _BLOCK_SENTS.findall(line)]
            if line.startswith("# newpar_block") and len(counts) > 1 and counts[1] < counts[0]:
                split_after = counts[1]
        elif line.startswith("# text = "):
            sent = line[len("# text = "):].strip()
            if new_par or not paras:
                paras.append([])
                new_par = False
            paras[-1].append(sent)
            if split_after:
                split_after -= 1
                new_par = split_after == 0
    created = meta.get("dateCreated") or None
    return {"id": "en-wikinews-" + doc_id.removeprefix("GUM_news_"), "lang": "en",
            "url": meta.get("sourceURL"), "published": created, "title": meta.get("title"),
            "text": "\n\n".join(" ".join(p) for p in paras), "attributions": [], "quantities": []}


def read_sources(source: Path) -> dict[str, str]:
    """The .conllu text of every GUM news document under ``source`` (a folder or a git directory)."""
    if source.is_dir() and any(source.glob("GUM_news_*.conllu")):
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(source.glob("GUM_news_*.conllu"))}
    names = subprocess.run(["git", "--git-dir", str(source), "ls-tree", "--name-only", f"HEAD:{_SOURCES}"],
                           capture_output=True, text=True, check=True).stdout.split()
    out = {}
    for name in sorted(n for n in names if n.startswith("GUM_news_") and n.endswith(".conllu")):
        out[name.removesuffix(".conllu")] = subprocess.run(
            ["git", "--git-dir", str(source), "show", f"HEAD:{_SOURCES}/{name}"],
            capture_output=True, text=True, check=True).stdout
    return out


Docs = list[dict[str, Any]]


def split(docs: Docs, seed: int = SEED, heldout: int = HELDOUT) -> tuple[Docs, Docs]:
    """(held-out, review): ``heldout`` documents drawn with ``random.Random(seed)`` from the sorted ids."""
    ordered = sorted(docs, key=lambda d: d["id"])
    chosen = set(random.Random(seed).sample([d["id"] for d in ordered], heldout))
    return [d for d in ordered if d["id"] in chosen], [d for d in ordered if d["id"] not in chosen]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__)
        return 2
    docs = [rebuild(text) for text in read_sources(Path(args[0])).values()]
    docs = [d for d in docs if d["url"] and "wikinews.org" in d["url"]]
    out = Path(args[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, part in zip(("heldout", "review"), split(docs), strict=True):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for d in part:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(name, len(part), " ".join(d["id"] for d in part))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
