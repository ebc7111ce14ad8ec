"""Ages, which FORMAT.md leaves out: a number of years set off after a name (*Hartley, 37,*),
said of a person (*Han är 77 år.*), a list of them (*28 och 61 år*), or after a plural noun
(*flickor mellan 7 och 17 år*). Split from ``nocount.py``, which asks these first."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimledger.nlp.components.measures import code_of, unit_forms
from claimledger.nlp.lexicon import Lexicon, load


def age_after_name(text: str, prev: list[tuple[int, int, str]], e: int, raw: str,
                    nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*Zoe Anderson, 24, was…*, *Hartley, 37, from…*, *Lena Berg, 65 år,*: a number set off by
    commas right after a name (a time unit may follow it) is the person's age, which FORMAT.md
    leaves out."""
    if len(prev) > 2 and prev[-1][2] in lex.word_class("time_adverb") and prev[-2][2] == ",":
        prev = prev[:-1]  # 'Fiorina, then 44, as': the age she was then
    if not raw.isdigit() or int(raw) > 120 or len(prev) < 2 or prev[-1][2] != ",":
        return False
    if not text[prev[-2][0]].isupper() or not prev[-2][2].isalpha():
        return False
    if len(nxt) >= 2 and nxt[0][2] in lex.units.get("time_unit", ()) and nxt[1][2] == ",":
        return True
    return text[e : e + 1] == ","


def age_stated(prev: list[tuple[int, int, str]], nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*Han är 77 år.*, *she was 40 years old*, *mannen, som är 45 år,*: a number of years that
    a person pronoun (or *som* after one) is said to be is an age, which FORMAT.md leaves out. A
    number of years followed by more words (*det är tio år sedan*, *straffet blir fyra år*) is a
    duration and counts: the subject must be a person word and the years must end the clause.
    A time adverb may stand between subject and verb (*som nu är 2 år*)."""
    w = lex.word_class
    if prev and prev[-1][2] in w("age_turn") and (not nxt or not nxt[0][2][0].isalnum() or nxt[0][2] in w("time_prep")):
        return True  # 'Trump turns 70 on Tuesday', 'when she turned 18.': turning a bare number is an age
    if len(prev) < 2 or prev[-1][2] not in w("age_copula"):
        return False
    k = -3 if len(prev) > 2 and prev[-2][2] in w("time_adverb") else -2
    if prev[k][2] not in w("age_subject"):
        return False
    unit = code_of(nxt[0][2], lex.lang) if nxt else None
    if unit is None or unit.code != "a":
        return False
    if len(prev) > -k and prev[k - 1][2] in w("subordinator"):
        return True  # 'När hon var sju år flyttade familjen': the clause ends at the years
    after = nxt[1][2] if len(nxt) > 1 else ""
    return (after == "" or not after[0].isalnum() or after in w("age_word") or after in w("conjunction")
            or after in w("subordinator"))


def num_value(word: str, lex: Lexicon) -> float | None:
    """A small number in digits or one number word (*28*, *fyra*), else None."""
    if word.isdigit() and len(word) <= 3:
        return float(word)
    return lex.numbers.get("unit", {}).get(word.lower())


@cache
def _list_pattern(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(after the first number: the rest of a list of numbers and *år*; before a number: the
    list's earlier numbers back to the comma that opens it), for ``age_list``."""
    lex = load(lang)
    joiners = sorted(lex.word_class("list_joiner"), key=len, reverse=True)
    year_words = [f for f, u in unit_forms(lang).items() if u.code == "a" and u.after and f.isalpha()]
    if not joiners or not year_words:
        return None
    words = sorted((w for w, v in lex.numbers.get("unit", {}).items() if v <= 120 and w.isalpha()), key=len,
                   reverse=True)
    num = r"(?:\d{1,3}|" + "|".join(map(re.escape, words)) + r")\b"
    words_joined = "|".join(re.escape(j) + (r"\b" if j[-1].isalpha() else "") for j in joiners)
    join = rf"(?:\s*,\s*|\s+(?:{words_joined})\s+)"
    years = "|".join(map(re.escape, year_words))
    forward = re.compile(rf"(?:{join}{num})*\s+(?:{years})\b", re.IGNORECASE)
    backward = re.compile(rf"(?<=[^\W\d_]),\s*(?:{num}{join})*$", re.IGNORECASE)
    return forward, backward


def age_list(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """*fyra respektive åtta år gamla*, *Två män, 28 och 61 år, har gripits*, *kvinnan, 34 år,*:
    numbers joined by commas or ``list_joiner`` words that end in years said to be an age
    (*år gamla*: ``age_word``) or that stand as an aside between commas after a noun are ages,
    each of them, which FORMAT.md leaves out."""
    patterns = _list_pattern(lex.lang)
    if patterns is None or num_value(text[s:e], lex) is None:
        return False
    m = patterns[0].match(text, e)
    if m is None:
        return False
    after = text[m.end() : m.end() + 12].lstrip().lower()
    if any(after.startswith(w) and not after[len(w) : len(w) + 1].isalpha() for w in lex.word_class("age_word")):
        return True
    return after.startswith(",") and patterns[1].search(text, max(0, s - 80), s) is not None


def age_group(doc: Doc | None, start: int, lex: Lexicon) -> bool:
    """*flickor mellan 7 och 17 år*, *personer mellan 65 och 69 år*: a range of years (the caller
    checks the unit) right after a noun in the plural names the age of those it describes, an
    age, left out; a span of time stands after a verb or a preposition (*pågick i mellan 5 och 10
    år*)."""
    if doc is None or not doc.has_annotation("POS"):
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return False
    before = doc[span[0].i - 1]  # a unit is no one of an age ('39 procent under två år')
    if (before.pos_ == "NOUN" and ("Plur" in before.morph.get("Number", []) or before.lower_ in lex.word_class(
            "age_noun")) and code_of(before.text, lex.lang) is None):
        return True  # 'varje barn under 16 år': a noun of people in the singular too (``age_noun``)
    return _threshold_said(doc, span[0].i, lex)


def _threshold_said(doc: Doc, i: int, lex: Lexicon) -> bool:
    """*Den som är under 20 år*, *alla tre misstänkta är över 15 år*: a bound on years (the token
    at ``i`` opens it) right after a copula whose subject is a pronoun or a plural is an age said
    of people, where the years end the clause; after a singular noun it is a span of time
    (*straffet blev under två år*), and words that go on make a duration (*han var under två år i
    fängelse*). The copula may open the clause before its pronoun (*Är han eller hon under 18 år*)."""
    k = i - 1
    while k > 0 and doc[k].pos_ in {"PRON", "CCONJ"} and doc[k - 1].lower_ not in lex.word_class("age_copula"):
        k -= 1  # 'Är han eller hon': back over the pronouns to the copula before them
    inverted = k > 0 and doc[k].pos_ == "PRON" and doc[k - 1].lower_ in lex.word_class("age_copula")
    if not inverted and (i < 2 or doc[i - 1].lower_ not in lex.word_class("age_copula")):
        return False
    subject = doc[k] if inverted else doc[i - 2]
    plural = "Plur" in subject.morph.get("Number", []) or (  # 'de gripna': an adjective after a plural determiner
        subject.pos_ == "ADJ" and subject.i > 0 and "Plur" in doc[subject.i - 1].morph.get("Number", []))
    if subject.lower_ in lex.word_class("expletive") or not (
            subject.pos_ == "PRON" or (subject.pos_ in {"NOUN", "ADJ"} and plural)):
        return False  # 'det är över tio år': no one's age
    years = next((t for t in doc[i : i + 4] if t.pos_ == "NOUN"), None)
    after = years.nbor(1) if years is not None and years.i + 1 < len(doc) else None
    return after is None or after.pos_ in {"PUNCT", "CCONJ", "SCONJ", "VERB", "AUX"} or after.lower_ in lex.word_class(
        "age_word")
