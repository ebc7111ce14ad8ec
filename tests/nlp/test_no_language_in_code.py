"""No language's words in Python under ``nlp/``: a new language is a new data folder.

Every string literal in the ``nlp`` package (docstrings aside) is checked against the words
the data files hold for every language: cue forms, word classes and number words. What may
match are the names the code and the data share (certainty labels, number and approximation
kinds, word-class names, rule flags) and spaCy's own labels, listed here with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

import claimledger.nlp
from claimledger.lang import table

LANGS = ("en", "sv")
NAMES = {
    # certainty labels, cue kinds, number and approximation kinds, unit places: names, not words
    "asserted", "confirmed", "reported", "estimated", "alleged", "denied", "article", "under", "over",
    "about", "exact", "range", "comma", "point", "before", "after",
    # rule flags and word-class names read from words.tsv
    "rules", "dependency", "lenient_pos", "split_particles", "count_head_apart", "prep_anonymous_hearsay",
    "hyphen_count", "subject_clauses", "closed_compounds",
    "during",  # the word class of 'under' before a span of time (sv/no), and an English adjunct preposition
    "month",  # the word class of month names, and an English noun of time (time_noun)
    # spaCy pipe names, dependency labels and tags, NER labels
    "ner", "lemmatizer", "det", "DET", "PER", "SOURCE",
    "VBP", "VBZ",  # Penn tags of the present tense, the English ``finite_tag`` class as well as tree.py's
    # Universal Dependencies morphological feature names (token.morph), the same in every language
    "Voice", "Number", "Past",
}


def _language_words() -> set[str]:
    words: set[str] = set()
    for lang in LANGS:
        for row in table(lang, "cues.tsv"):
            if len(row) >= 4:
                words |= {w.strip() for w in row[3].split(",")}
        for row in table(lang, "words.tsv"):
            if len(row) >= 2:
                words |= {w.strip() for w in row[1].split(",")}
        words |= {row[1] for row in table(lang, "numbers.tsv") if len(row) >= 2}
    return {w.lower() for w in words if len(w) >= 3 and any(c.isalpha() for c in w)}


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_cue_or_function_word_literals_under_nlp() -> None:
    words = _language_words()
    assert len(words) > 500  # the check reads real data
    root = Path(claimledger.nlp.__file__).parent
    found = [f"{p.relative_to(root)}:{line} {value!r}" for p in sorted(root.rglob("*.py"))
             for line, value in _literals(p) if value.lower() in words and value not in NAMES]
    assert found == [], "language words in Python; move them to lang/<code>/*.tsv: " + ", ".join(found)
