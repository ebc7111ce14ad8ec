"""Write ``lang/en/polnear_frames.tsv``: the frames in which a word PolNeAR's annotators mark as a cue is one.

A frame is a word's form, its coarse tag, its subject and what it takes first (``nlp.components.polnear.frame``).
For every verb and noun of PolNeAR train that no cue of the lexicon covers, the script counts how often its
frame stands inside an annotated cue; a frame seen at least ``--min-count`` times and inside a cue at least
``--min-share`` of them is kept. Read only under ``contents=polnear``.

    python scripts/polnear_frames.py ../shared/data/en/polnear-train.jsonl

The table is derived from PolNeAR train, whose data carries no licence (``shared/data/en/LICENSE-NOTE.md``):
the file says so in its header, its model card.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

HEADER = """# PolNeAR frames: a word in this frame is a cue under PolNeAR's convention (contents=polnear only).
# Model card. Derived by scripts/polnear_frames.py from polnear-train.jsonl (PolNeAR v1.0.0, Newell,
# Margolin and Ruths, LREC 2018; 840 training articles), which carries no licence: its texts belong to
# their publishers. No text is stored here, only counts per frame. Kept: frames seen at least {n} times
# among the verbs and nouns no lexicon cue covers, inside an annotated cue at least {share:.0%} of them.
# Columns: form, coarse tag, subject (S active, P passive, - none), first complement, inside a cue, seen.
"""


def count(path: Path) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]:
    """How often each frame is seen, and how often inside an annotated cue."""
    os.environ["CLAIMLEDGER_CONTENTS"] = "polnear"
    from claimledger.nlp import pipeline
    from claimledger.nlp.components.polnear import frame
    from claimledger.nlp.components.sentence import find_cues
    from claimledger.nlp.lexicon import load

    lex = load("en")
    lex.derived("polnear_frames", lambda _: {})  # count with no learned frame, as the lexicon alone finds cues
    seen: Counter[tuple[str, ...]] = Counter()
    hits: Counter[tuple[str, ...]] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            cue_chars = {k for a in d["attributions"] for s, e in a["spans"]["cue"] for k in range(s, e)}
            for b in pipeline.blocks(d["text"], "en"):
                if b.doc is None or not b.doc.has_annotation("DEP"):
                    continue
                for sent in b.doc.sents:
                    covered = {k for c0, c1, _ in find_cues(b.doc, sent, lex, True) for k in range(c0, c1)}
                    for t in sent:
                        if t.pos_ in {"VERB", "NOUN"} and t.i not in covered:
                            key = frame(t)
                            seen[key] += 1
                            hits[key] += (b.offset + t.idx) in cue_chars
    return seen, hits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--min-share", type=float, default=0.5)
    ap.add_argument("--counts", type=Path, help="a JSON file of the counts: read if there, else written")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1]
                    / "src" / "claimledger" / "lang" / "en" / "polnear_frames.tsv")
    a = ap.parse_args()
    if a.counts is not None and a.counts.is_file():
        rows = json.loads(a.counts.read_text(encoding="utf-8"))
        seen = Counter({tuple(r[0]): r[1] for r in rows})
        hits = Counter({tuple(r[0]): r[2] for r in rows})
    else:
        seen, hits = count(a.train)
        if a.counts is not None:
            a.counts.write_text(json.dumps([[list(k), n, hits[k]] for k, n in seen.items()]), encoding="utf-8")
    kept = sorted((k for k, n in seen.items() if n >= a.min_count and hits[k] >= a.min_share * n),
                  key=lambda k: (-hits[k], k))
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(n=a.min_count, share=a.min_share))
        for k in kept:
            fh.write("\t".join([*k, str(hits[k]), str(seen[k])]) + "\n")
    print(f"{len(kept)} frames, {sum(hits[k] for k in kept)} of {sum(seen[k] for k in kept)} inside a cue -> {a.out}")


if __name__ == "__main__":
    main()
