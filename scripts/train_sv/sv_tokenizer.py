"""Tokenizer customisation for claimledger's Swedish pipeline.

The abbreviations come from Språkbanken's Sparv tokenizer settings
(abbreviations-sparv/bettertokenizer.sv, MIT licence). Only forms that cannot be an ordinary
word at the end of a sentence are turned into special cases: a special case glues the period to
the word, so a sentence ending in such a word would lose its sentence-final period.

Everything set here is stored in the pipeline's tokenizer file, so loading the trained
pipeline needs no code from this module.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

# Sparv abbreviations (without final period) that are ordinary words, names or units that can
# end a sentence ("100 sek.", "vann EM.", "sa Tim.", "en ny art.", "3 st.").
SPARV_EXCLUDE = {
    "alt", "art", "co", "em", "ex", "gr", "ill", "lb", "lisp", "o", "pers", "rc", "sek", "sp",
    "st", "tim", "v", "w", "ök", "följ", "f", "kap",
}
# For these the capitalised form is a name or a normal word, so only the lower-case form is added.
NO_CAPITALISED = {"leg", "mag", "pol", "doc", "op", "tr", "dir", "sign", "tab", "mom", "div", "eg", "ev"}
# Extra abbreviations common in news that the Sparv list lacks.
EXTRA = ["ca", "nr", "f.Kr", "e.Kr", "St", "fr.o.m", "t.o.m", "p.g.a", "jfr", "inkl", "exkl", "milj", "mdkr"]
# spaCy's built-in Swedish special cases that swallow a sentence-final period after ordinary
# words ("100 kr.", "5 min.", "sa Max.", "potatis och mos.", "han är lat.", "mjölkar kor.").
REMOVE = {
    "kr.", "Kr.", "min.", "Min.", "max.", "Max.", "mos.", "Mos.", "lat.", "Lat.", "kor.", "Kor.",
    "el.", "El.", "mt.", "Mt.", "mos", "kap.", "Kap.", "eng.", "Eng.", "Övers.", "vol.", "Vol.",
}


def read_sparv_abbreviations(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    started = False
    for line in lines:
        if line.startswith("abbreviations:"):
            started = True
            continue
        if started:
            word = line.strip()
            if word and not word.startswith("#"):
                out.append(word)
    return out


def abbreviation_forms(sparv: list[str]) -> list[str]:
    """All token forms (with final period) to add as tokenizer special cases."""
    forms: set[str] = set()
    for abbr in list(sparv) + EXTRA:
        low = abbr if abbr in {"f.Kr", "e.Kr", "St"} else abbr.lower()
        if low in SPARV_EXCLUDE:
            continue
        if abbr in {"St"}:
            forms.add("St.")
            continue
        forms.add(low + ".")
        if low[0].isalpha() and low not in NO_CAPITALISED:
            forms.add(low[0].upper() + low[1:] + ".")
    return sorted(forms)


def customize_tokenizer(nlp: Language, sparv_path: Path) -> list[str]:
    """Add abbreviation special cases, drop harmful built-in ones, split ':' before a quote.
    Returns the abbreviation forms added (used for the sentence-start rules)."""
    tok = nlp.tokenizer
    rules = {k: v for k, v in (tok.rules or {}).items() if k not in REMOVE}
    tok.rules = rules
    forms = abbreviation_forms(read_sparv_abbreviations(sparv_path))
    for form in forms:
        tok.add_special_case(form, [{ORTH: form}])
    # 'sa:"Hej' -> 'sa', ':', '"', 'Hej' (keeps SVT:s, 14:30).
    infixes = list(nlp.Defaults.infixes or []) + [r""":(?=["”“»'’])""", r"""(?<=:)["”“»'’]"""]
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    return forms


# Abbreviations after which the next token never starts a sentence when it is lower case or a
# number ("bl.a. en 20-årig man", "ca 300", "kl. 14"). Used by an attribute_ruler in the pipeline.
def no_sentence_start_patterns(forms: list[str]) -> list[list[dict]]:
    multiword = [f for f in forms if f.count(".") >= 1]
    abbr = sorted(set(multiword) | {"ca", "Ca", "cirka", "Cirka"})
    return [
        [{"ORTH": {"IN": abbr}}, {"IS_LOWER": True}],
        [{"ORTH": {"IN": abbr}}, {"LIKE_NUM": True}],
    ]
