"""Data conversion for claimledger's Swedish pipeline (UD CoNLL-U and the klintan NER corpus).

Everything here is deterministic: the same input files always give the same train/dev/test split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab
from sv_verbs import PARADIGMS, SLOT_BY_FEATS, SWAPPABLE

# Sentences are grouped into multi-sentence documents so that the parser and the senter see
# sentence boundaries inside a document, as they will in running text.
SENTS_PER_DOC = 8
# Chunk index modulo 10 decides the split: a fixed 10 % test, 10 % dev, 80 % train.
TEST_SLOT = 3
DEV_SLOT = 7


@dataclass
class UDToken:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based index within the sentence, 0 = root
    deprel: str
    space_after: bool


@dataclass
class UDSentence:
    sent_id: str
    tokens: list[UDToken] = field(default_factory=list)


def read_conllu(path: Path) -> list[UDSentence]:
    """Read a CoNLL-U file. Tokens that contain spaces (UD Swedish-PUD writes "5 000" as one
    token) are split on the spaces, because spaCy's tokenizer never yields a token with a space;
    the extra parts are attached to the first part, as PUD does when it splits such numbers."""
    sentences: list[UDSentence] = []
    cur: UDSentence | None = None
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal cur, rows
        if cur is not None and rows:
            cur.tokens = _split_space_tokens(rows)
            sentences.append(cur)
        cur, rows = None, []

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*sent_id\s*=\s*(\S+)", line)
            if m:
                cur = UDSentence(sent_id=m.group(1))
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue  # multiword-token ranges and empty nodes (none in these files)
        if cur is None:
            cur = UDSentence(sent_id=f"{path.name}-{len(sentences)}")
        rows.append(cols)
    flush()
    return sentences


def _split_space_tokens(rows: list[list[str]]) -> list[UDToken]:
    # New index for every (old index, part number).
    new_index: dict[int, int] = {}
    parts_per_row: list[list[str]] = []
    n = 0
    for cols in rows:
        parts = cols[1].split(" ")
        parts_per_row.append(parts)
        new_index[int(cols[0])] = n + 1  # the head of a split token is its first part
        n += len(parts)
    out: list[UDToken] = []
    for cols, parts in zip(rows, parts_per_row, strict=True):
        first = new_index[int(cols[0])]
        head = 0 if cols[6] == "0" else new_index[int(cols[6])]
        space_after = "SpaceAfter=No" not in cols[9].split("|")
        lemma_parts = cols[2].split(" ")
        if len(lemma_parts) != len(parts):
            lemma_parts = parts
        for k, part in enumerate(parts):
            if k == 0:
                out.append(
                    UDToken(part, lemma_parts[0], cols[3], cols[4], cols[5], head, cols[7],
                            space_after if len(parts) == 1 else True)
                )
            else:
                rel = "nummod" if cols[3] == "NUM" else "flat"
                out.append(
                    UDToken(part, lemma_parts[k], cols[3], cols[4], cols[5], first, rel,
                            space_after if k == len(parts) - 1 else True)
                )
    return out


def chunk(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def split_of(index: int) -> str:
    slot = index % 10
    if slot == TEST_SLOT:
        return "test"
    if slot == DEV_SLOT:
        return "dev"
    return "train"


def ud_doc(vocab: Vocab, sents: list[UDSentence]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    for s_i, sent in enumerate(sents):
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            last_of_doc = s_i == len(sents) - 1 and i == len(sent.tokens) - 1
            # Sentences in a document are separated by a space even if the last token says
            # SpaceAfter=No (PUD marks that at the end of some sentences).
            spaces.append(False if last_of_doc else (tok.space_after or i == len(sent.tokens) - 1))
            lemmas.append(tok.lemma)
            pos.append(tok.upos)
            morphs.append("" if tok.feats == "_" else tok.feats)
            if tok.head == 0:
                heads.append(offset + i)
                deps.append("ROOT")
            else:
                heads.append(offset + tok.head - 1)
                deps.append(tok.deprel)
            sent_starts.append(i == 0)
    return Doc(
        vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, morphs=morphs,
        heads=heads, deps=deps, sent_starts=sent_starts,
    )


# --- klintan swedish-ner-corpus ---------------------------------------------------------------

_NO_SPACE_BEFORE = set(",.;:!?)]}%…")
_NO_SPACE_AFTER = set("([{")
NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def read_ner(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, label); label "O" outside. Lines are "TOKEN<ws>LABEL"; the corpus
    has one malformed line without a label, which is skipped."""
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sentences.append(cur)
            cur = []
            continue
        if len(parts) < 2:
            continue
        token, label = " ".join(parts[:-1]), parts[-1]
        if " " in token:
            continue
        cur.append((token, NER_LABELS.get(label, "O")))
    if cur:
        sentences.append(cur)
    return sentences


def _spaces_for(tokens: list[str]) -> list[bool]:
    spaces = []
    for i, tok in enumerate(tokens):
        if i == len(tokens) - 1:
            spaces.append(True)
            continue
        nxt = tokens[i + 1]
        glue = (len(nxt) == 1 and nxt in _NO_SPACE_BEFORE) or (len(tok) == 1 and tok in _NO_SPACE_AFTER)
        spaces.append(not glue)
    return spaces


def ner_doc(vocab: Vocab, sents: list[list[tuple[str, str]]]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[str] = []
    sent_starts: list[bool] = []
    for s_i, sent in enumerate(sents):
        toks = [t for t, _ in sent]
        sp = _spaces_for(toks)
        if s_i == len(sents) - 1:
            sp[-1] = False
        prev = "O"
        for i, (tok, lab) in enumerate(sent):
            words.append(tok)
            spaces.append(sp[i])
            sent_starts.append(i == 0)
            if lab == "O":
                ents.append("O")
            elif lab == prev:
                ents.append(f"I-{lab}")
            else:
                ents.append(f"B-{lab}")
            prev = lab
    return Doc(vocab, words=words, spaces=spaces, ents=ents, sent_starts=sent_starts)


# --- abbreviation augmentation -------------------------------------------------------------------
# The NER corpus has no abbreviations at all and UD has only a few, so a model trained on them
# has hardly seen "bl.a." or "t.ex." in the middle of a sentence. Training documents that contain
# one of these phrases are added a second time with the phrase written as its abbreviation,
# annotated the way UD Swedish-Talbanken annotates abbreviations (e.g. bl.a. = ADV, Abbr=Yes,
# lemma bland_annat).
# phrase -> (abbreviation, lemma, UPOS, FEATS, deprel or None to keep the phrase head's)
ABBREVIATE: dict[tuple[str, ...], tuple[str, str, str, str, str | None]] = {
    ("bland", "annat"): ("bl.a.", "bland_annat", "ADV", "Abbr=Yes", "advmod"),
    ("bland", "andra"): ("bl.a.", "bland_annat", "ADV", "Abbr=Yes", "advmod"),
    ("till", "exempel"): ("t.ex.", "till_exempel", "ADV", "Abbr=Yes", "advmod"),
    ("det", "vill", "säga"): ("dvs.", "det_vill_säga", "ADV", "Abbr=Yes", "advmod"),
    ("och", "så", "vidare"): ("osv.", "och_så_vidare", "ADV", "Abbr=Yes", None),
    ("med", "flera"): ("m.fl.", "med_flera", "ADV", "Abbr=Yes", None),
    ("med", "mera"): ("m.m.", "med_mera", "ADV", "Abbr=Yes", None),
    ("cirka",): ("ca", "circa", "ADV", "Abbr=Yes", "advmod"),
    ("klockan",): ("kl.", "klocka", "NOUN", "Abbr=Yes", None),
    ("så", "kallade"): ("s.k.", "så_kallad", "ADJ", "Abbr=Yes", "amod"),
    ("så", "kallad"): ("s.k.", "så_kallad", "ADJ", "Abbr=Yes", "amod"),
    ("på", "grund", "av"): ("p.g.a.", "på_grund_av", "ADP", "Abbr=Yes", "case"),
    ("före", "detta"): ("f.d.", "före_detta", "ADJ", "Abbr=Yes", "amod"),
}


def _find_phrases(words: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    lower = [w.lower() for w in words]
    found: list[tuple[int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for phrase in sorted(ABBREVIATE, key=len, reverse=True):
            if tuple(lower[i : i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase), phrase))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _cased(abbr: str, first_word: str) -> str:
    return abbr[0].upper() + abbr[1:] if first_word[:1].isupper() else abbr


def abbreviate_ud(sent: UDSentence) -> UDSentence | None:
    toks = sent.tokens
    spans = _find_phrases([t.form for t in toks])
    if not spans:
        return None
    # Keep only spans whose tokens form one subtree root (exactly one head outside the span).
    keep = []
    for start, end, phrase in spans:
        outside = [i for i in range(start, end) if not (start < toks[i].head <= end)]
        if len(outside) == 1:
            keep.append((start, end, phrase, outside[0]))
    if not keep:
        return None
    old2new: dict[int, int] = {}
    new_tokens: list[UDToken] = []
    span_at = {s: (e, ph, root) for s, e, ph, root in keep}
    i = 0
    while i < len(toks):
        if i in span_at:
            end, phrase, root = span_at[i]
            for j in range(i, end):
                old2new[j + 1] = len(new_tokens) + 1
            abbr, lemma, upos, feats, rel = ABBREVIATE[phrase]
            r = toks[root]
            new_tokens.append(
                UDToken(_cased(abbr, toks[i].form), lemma, upos, "AB|AN", feats, r.head,
                        rel or r.deprel if r.head != 0 else r.deprel, toks[end - 1].space_after)
            )
            i = end
        else:
            old2new[i + 1] = len(new_tokens) + 1
            new_tokens.append(UDToken(**vars(toks[i])))
            i += 1
    for t in new_tokens:
        if t.head != 0:
            t.head = old2new[t.head]
    return UDSentence(sent.sent_id + "-abbr", new_tokens)


def abbreviate_ner(sent: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    spans = [
        (s, e, p) for s, e, p in _find_phrases([w for w, _ in sent])
        if all(lab == "O" for _, lab in sent[s:e])
    ]
    if not spans:
        return None
    out: list[tuple[str, str]] = []
    i = 0
    starts = {s: (e, p) for s, e, p in spans}
    while i < len(sent):
        if i in starts:
            end, phrase = starts[i]
            out.append((_cased(ABBREVIATE[phrase][0], sent[i][0]), "O"))
            i = end
        else:
            out.append(sent[i])
            i += 1
    return out


def augment_groups(groups: list[list], fn) -> list[list]:
    """The sentences that ``fn`` changes, regrouped into documents of SENTS_PER_DOC sentences."""
    changed = [n for group in groups for n in (fn(s) for s in group) if n is not None]
    return chunk(changed, SENTS_PER_DOC)


# --- reporting-verb substitution -----------------------------------------------------------------
# The treebanks have about a hundred reporting verbs in all (mostly säger/sade), so the tagger and
# lemmatizer have hardly seen "uppger", "meddelar", "sa" in a reporting frame. Each UD training
# sentence with a finite/infinitive/supine reporting verb is added again with that verb replaced
# by other reporting verbs in the same form (same UPOS, FEATS, head and relation; new FORM/LEMMA).

VERB_VARIANTS = 2


def swap_reporting_verbs(sent: UDSentence, variant: int) -> UDSentence | None:
    changed = False
    new_tokens: list[UDToken] = []
    for i, tok in enumerate(sent.tokens):
        slot = SLOT_BY_FEATS.get(tok.feats)
        if tok.upos == "VERB" and tok.lemma in PARADIGMS and slot is not None:
            # deterministic choice, different for each variant and position
            k = (len(sent.tokens) * 7 + i * 13 + variant * 5) % len(SWAPPABLE)
            lemma = SWAPPABLE[k]
            if lemma == tok.lemma:
                lemma = SWAPPABLE[(k + 1) % len(SWAPPABLE)]
            form = PARADIGMS[lemma][slot]
            if tok.form[:1].isupper():
                form = form[0].upper() + form[1:]
            new_tokens.append(UDToken(**{**vars(tok), "form": form, "lemma": lemma}))
            changed = True
        else:
            new_tokens.append(UDToken(**vars(tok)))
    return UDSentence(f"{sent.sent_id}-verb{variant}", new_tokens) if changed else None


# --- building the corpora ----------------------------------------------------------------------


@dataclass
class Corpora:
    train: list[Doc]
    dev: list[Doc]
    ud_test: list[Doc]
    ner_test: list[Doc]
    stats: dict[str, int]


def build_corpora(data_dir: Path, vocab: Vocab, augment: bool = True) -> Corpora:
    ud_files = [
        data_dir / "ud-talbanken" / "sv_talbanken-ud-dev.conllu",
        data_dir / "ud-talbanken" / "sv_talbanken-ud-test.conllu",
        data_dir / "ud-pud" / "sv_pud-ud-test.conllu",
    ]
    train: list[Doc] = []
    dev: list[Doc] = []
    ud_test: list[Doc] = []
    stats: dict[str, int] = {}
    for path in ud_files:
        sents = read_conllu(path)
        train_groups = []
        for i, group in enumerate(chunk(sents, SENTS_PER_DOC)):
            doc = ud_doc(vocab, group)
            part = split_of(i)
            {"train": train, "dev": dev, "test": ud_test}[part].append(doc)
            if part == "train":
                train_groups.append(group)
            key = f"ud_{part}"
            stats[key + "_sents"] = stats.get(key + "_sents", 0) + len(group)
            stats[key + "_tokens"] = stats.get(key + "_tokens", 0) + len(doc)
        if augment:
            extra = augment_groups(train_groups, abbreviate_ud)
            train.extend(ud_doc(vocab, g) for g in extra)
            stats["ud_train_abbr_sents"] = stats.get("ud_train_abbr_sents", 0) + sum(map(len, extra))
            for variant in range(VERB_VARIANTS):
                extra = augment_groups(train_groups, lambda s, v=variant: swap_reporting_verbs(s, v))
                train.extend(ud_doc(vocab, g) for g in extra)
                stats["ud_train_verb_sents"] = stats.get("ud_train_verb_sents", 0) + sum(map(len, extra))
    ner_dir = data_dir / "swedish-ner-corpus"
    ner_train_sents = read_ner(ner_dir / "train_corpus.txt")
    ner_train_groups = []
    for i, group in enumerate(chunk(ner_train_sents, SENTS_PER_DOC)):
        doc = ner_doc(vocab, group)
        # The test slot goes to train here: the NER corpus has its own test file.
        part = "dev" if split_of(i) == "dev" else "train"
        (dev if part == "dev" else train).append(doc)
        if part == "train":
            ner_train_groups.append(group)
        stats[f"ner_{part}_sents"] = stats.get(f"ner_{part}_sents", 0) + len(group)
        stats[f"ner_{part}_tokens"] = stats.get(f"ner_{part}_tokens", 0) + len(doc)
    if augment:
        extra = augment_groups(ner_train_groups, abbreviate_ner)
        train.extend(ner_doc(vocab, g) for g in extra)
        stats["ner_train_abbr_sents"] = sum(map(len, extra))
    ner_test_sents = read_ner(ner_dir / "test_corpus.txt")
    ner_test = [ner_doc(vocab, g) for g in chunk(ner_test_sents, SENTS_PER_DOC)]
    stats["ner_test_sents"] = len(ner_test_sents)
    stats["ner_test_tokens"] = sum(len(d) for d in ner_test)
    return Corpora(train, dev, ud_test, ner_test, stats)


def write_docbin(docs: Iterable[Doc], path: Path) -> None:
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def iter_docbin(path: Path, vocab: Vocab) -> Iterator[Doc]:
    yield from DocBin().from_disk(path).get_docs(vocab)
