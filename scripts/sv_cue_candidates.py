"""List synonyms of the Swedish cue lemmas that ``lang/sv/cues.tsv`` does not hold yet, for a person to read.

Why: rule rounds fitted to review-set errors stopped carrying to fresh Swedish text; the cues a fresh text
brings are mostly verbs of saying the lexicon lacks. The language's own lexical data names them: Viggo
Kann's synonym thesaurus (``../shared/data/sv/thesaurus-sv``, MyThes format, ISO-8859-1) lists, for
*säga*, *uppge*, *förneka*, … the verbs that can stand for them. The synonyms are loose (*uppskatta*
also lists *tycka om*), so nothing here writes the lexicon: each candidate is printed with the cue
lemmas it is a synonym of, how often it occurs in the open Swedish text (the NER corpus, Webbnyheter
2012, by its regular forms; UD Talbanken and PUD by lemma) and how often as a cue would stand (*att*
after it, or *Y, VERB X*), with such a sentence to read; a person keeps those that put forward what someone
says, confirms or denies, with a kind and certainty like their nearest cue (the rows under *From the
thesaurus* in ``cues.tsv`` came out of this list).

    python scripts/sv_cue_candidates.py [--shared ../shared] [--limit 80]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CUES = ROOT / "src" / "claimledger" / "lang" / "sv" / "cues.tsv"


def read_thesaurus(path: Path) -> dict[str, list[str]]:
    """Headword -> its synonyms (every sense's, in order; a sense's part-of-speech tag dropped)."""
    lines = path.read_text(encoding="iso-8859-1").splitlines()
    out: dict[str, list[str]] = {}
    i = 1  # the first line names the encoding
    while i < len(lines):
        head, _, count = lines[i].rpartition("|")
        if not head or not count.isdigit():
            i += 1
            continue
        n = int(count)
        syns = [s for line in lines[i + 1 : i + 1 + n] for s in line.split("|")[1:] if s]
        out[head] = [re.sub(r"\s*\(.*?\)", "", s).strip() for s in syns]
        i += n + 1
    return out


def cue_rows(path: Path = CUES) -> list[tuple[str, str, str, list[str]]]:
    """(lemma, kind, certainty, forms) of each cue row."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, certainty, *rest = line.split("\t")
        rows.append((lemma, kind, certainty, rest[0].split(",") if rest else []))
    return rows


def candidates(thesaurus: dict[str, list[str]], rows: list[tuple[str, str, str, list[str]]]) -> dict[str, set[str]]:
    """Each synonym of a cue lemma that is no cue lemma or form yet -> the cue lemmas it stands for."""
    known = {r[0] for r in rows} | {f for r in rows for f in r[3]}
    out: dict[str, set[str]] = {}
    for lemma, *_ in rows:
        for syn in thesaurus.get(lemma, []):
            if syn and syn not in known:
                out.setdefault(syn, set()).add(lemma)
    return out


def _forms(lemma: str) -> list[str]:
    """The present and past forms of a regular verb (first conjugation: -ar, -ade; else -er, -de), for
    counting only: a candidate's real forms are written by hand."""
    head, _, tail = lemma.partition(" ")
    stem = head[:-1] if head.endswith("a") else head
    forms = [head, stem + "ar", stem + "ade", stem + "er", stem + "de"]
    return [f"{f} {tail}".strip() for f in dict.fromkeys(forms)]


def counts(words: list[str], cands: dict[str, set[str]]) -> Counter[str]:
    """How often each candidate's guessed forms occur in ``words`` (lower case, one token each)."""
    text = " " + " ".join(words) + " "
    return Counter({c: sum(text.count(f" {f} ") for f in _forms(c)) for c in cands})


Sentence = list[tuple[str, str]]  # (form, lemma) of each token, lower case; the NER corpus has no lemma ("")


def ner_sentences(shared: Path) -> list[Sentence]:
    """The NER corpus (Webbnyheter 2012) as sentences: one token a line, its tag after it, a blank line
    between sentences."""
    out: list[Sentence] = []
    for name in ("train_corpus.txt", "test_corpus.txt"):
        path = shared / "data" / "sv" / "swedish-ner-corpus" / name
        if not path.is_file():
            continue
        sent: Sentence = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sent.append((line.split()[0].lower(), ""))
            elif sent:
                out.append(sent)
                sent = []
        if sent:
            out.append(sent)
    return out


def treebank_sentences(shared: Path) -> list[Sentence]:
    """UD Talbanken and PUD (.conllu): their lemmas find irregular forms that guessed conjugation misses."""
    out: list[Sentence] = []
    for folder in ("ud-talbanken", "ud-pud"):
        for path in sorted((shared / "data" / "sv" / folder).glob("*.conllu")):
            sent: Sentence = []
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    sent.append((cols[1].lower(), cols[2].lower()))
                elif not line.strip() and sent:
                    out.append(sent)
                    sent = []
            if sent:
                out.append(sent)
    return out


def _hits(sent: Sentence, cand: str) -> list[int]:
    """Where ``cand`` (a lemma, perhaps with a particle: 'redogöra för') starts in ``sent``: by lemma where
    the sentence has lemmas, by the guessed forms where it has none; the particle must follow within two
    tokens."""
    head, _, tail = cand.partition(" ")
    heads = {head} if sent and sent[0][1] else set(_forms(head))
    out = []
    for i, (form, lemma) in enumerate(sent):
        if (lemma or form) not in heads and form not in heads:
            continue
        if tail and tail.split()[0] not in {f for f, _ in sent[i + 1 : i + 3]}:
            continue
        out.append(i)
    return out


def _cue_like(sent: Sentence, i: int) -> bool:
    """The use a cue has: *att* within three tokens after it ('X VERB (till) att Y'), or a comma just
    before it with a subject after ('Y, VERB X')."""
    after = [f for f, _ in sent[i + 1 : i + 4]]
    return "att" in after or (i > 0 and sent[i - 1][0] == "," and i + 1 < len(sent))


def survey(sents: list[Sentence], cands: dict[str, set[str]]) -> dict[str, tuple[int, int, str]]:
    """candidate -> (occurrences, cue-like occurrences, the first cue-like sentence)."""
    out: dict[str, tuple[int, int, str]] = {}
    for cand in cands:
        n = cue = 0
        example = ""
        for sent in sents:
            for i in _hits(sent, cand):
                n += 1
                if _cue_like(sent, i):
                    cue += 1
                    example = example or " ".join(f for f, _ in sent)
        out[cand] = (n, cue, example)
    return out


def gold_text(root: Path = ROOT) -> str:
    """Every Swedish evaluation set's text, lower case, with no spaces: a corpus sentence found in it is left
    out of the survey, so that no held-out draw's sentence (Webbnyheter and PUD are both drawn from these
    corpora) is read while rows are chosen."""
    parts = []
    for path in sorted((root / "src" / "claimledger" / "evaluation" / "data").glob("sv-*.jsonl")):
        parts += [json.loads(line).get("text", "") for line in path.read_text(encoding="utf-8").splitlines() if line]
    return re.sub(r"\s+", "", "\n".join(parts).lower())


def unseen(sents: list[Sentence], gold: str) -> list[Sentence]:
    """The sentences no evaluation set holds (compared without spaces: the sets rejoin the corpus tokens)."""
    return [s for s in sents if "".join(form for form, _ in s) not in gold]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=80)
    args = ap.parse_args()
    th_path = args.shared / "data" / "sv" / "thesaurus-sv" / "th_sv_SE_v2.dat"
    if not th_path.is_file():
        print(f"{th_path}: no thesaurus there (pass --shared)")
        return 2
    cands = candidates(read_thesaurus(th_path), cue_rows())
    gold = gold_text()
    news = survey(unseen(ner_sentences(args.shared), gold), cands)
    trees = survey(unseen(treebank_sentences(args.shared), gold), cands)
    ranked = sorted(cands, key=lambda c: (-(news[c][1] + trees[c][1]), -(news[c][0] + trees[c][0]), c))
    print(f"{len(cands)} candidates. Columns: candidate, synonym of, NER corpus (times, cue-like), "
          f"treebanks by lemma (times, cue-like), a cue-like sentence ('att' after it or 'Y, VERB X')")
    for c in ranked[: args.limit]:
        example = news[c][2] or trees[c][2]
        seen = f"{news[c][0]},{news[c][1]}\t{trees[c][0]},{trees[c][1]}"
        print(f"{c}\t{', '.join(sorted(cands[c]))}\t{seen}\t{example[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
