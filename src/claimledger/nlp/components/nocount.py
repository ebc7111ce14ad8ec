"""Which numbers count: those that name, date, age, order or time something do not (FORMAT.md
leaves them out), and *en/ett/one* counts only where a count is the point.

``quantities.py`` finds the numbers and builds the figures; it asks here first. Each check
reads the words around one number (``prev``/``nxt``/``items``: words with offsets, as
``quantities._Words`` gives them) and steps over the text without slicing it, so a block of
many numbers costs a bounded amount per number. The words each check turns on are language
data (``number_marker``, ``year_marker``, ``month``, ``not_a_count``, ``clock``, ...).
"""

from __future__ import annotations

import re

from claimledger.nlp.components.measures import code_of, function_words
from claimledger.nlp.lexicon import Lexicon
from claimledger.nlp.spans import mark_before


def is_year(raw: str) -> bool:
    """Digits that could be a year of modern news (1800-2099)."""
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", raw))


def after_month(prev: list[tuple[int, int, str]], months: frozenset[str]) -> bool:
    """A day after an abbreviated month (*Dec. 19*), or the year of *September 11, 2001*."""
    words = [w for _s, _e, w in prev]
    if len(words) >= 2 and words[-1] == "." and words[-2] in months:
        return True
    return len(words) >= 3 and words[-1] == "," and words[-2].isdigit() and len(words[-2]) <= 2 and words[-3] in months


def age_after_name(text: str, prev: list[tuple[int, int, str]], e: int, raw: str,
                    nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*Zoe Anderson, 24, was…*, *Hartley, 37, from…*, *Lena Berg, 65 år,*: a number set off by
    commas right after a name (a time unit may follow it) is the person's age, which FORMAT.md
    leaves out."""
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
    duration and counts: the subject must be a person word and the years must end the clause."""
    w = lex.word_class
    if len(prev) < 2 or prev[-1][2] not in w("age_copula") or prev[-2][2] not in w("age_subject"):
        return False
    unit = code_of(nxt[0][2], lex.lang) if nxt else None
    if unit is None or unit.code != "a":
        return False
    after = nxt[1][2] if len(nxt) > 1 else ""
    return after == "" or not after[0].isalnum() or after in w("age_word") or after in w("conjunction")


def name_part(text: str, prev: list[tuple[int, int, str]], s: int, raw: str) -> bool:
    """A single digit right after a capitalised word inside a sentence is part of a name
    (*Estlink 2*, *Nord Stream 2*, *Sentinel 1*), not a count: news style spells counts
    under ten in words. Larger figures there are counts (*sent Ukraine 50 tanks*, *får Säpo 80
    miljoner*), and a capital that starts a sentence (*Around 200*) makes no name."""
    if len(raw) != 1 or not raw.isdigit() or not prev or prev[-1][1] != s - 1 or not text[prev[-1][0]].isupper():
        return False
    before = mark_before(text, prev[-1][0], " \t")
    return before != "" and before not in ".!?:;\n\"'”»“«(-–—"


def no_count(text: str, prev: list[tuple[int, int, str]], nxt: list[tuple[int, int, str]], s: int, e: int,
             vague: bool, decimal: str, lex: Lexicon) -> bool:
    """Whether the number at ``text[s:e]`` dates, names, ages, orders or times something:
    a hyphenated name part, a number after a marker word (*week 12*, *age of 92*), a year after
    a year word, a day of a month, a name's digit or a person's age, what ``not_a_count``
    words after it say (*year-old*), a clock time, an ordinal suffix, a year before a word
    that is no noun."""
    raw = text[s:e]
    prev_word = prev[-1][2] if prev else ""
    if s > 0 and (text[s - 1] == "-" and s > 1 and text[s - 2].isalpha()):
        return True
    if len(raw) > 1 and raw[0] == "0" and raw.isdigit():
        return True  # '08', '007', '0771': a code, a number or a short year, never a count
    year_like = is_year(raw)
    markers = lex.word_class("number_marker")
    if (prev_word in markers or (len(prev) > 1 and f"{prev[-2][2]} {prev_word}" in markers)
            or (year_like and prev_word in lex.word_class("year_marker"))):
        return True
    months = lex.word_class("month")
    if prev_word in months or (nxt and nxt[0][2] in months) or after_month(prev, months):
        return True
    if name_part(text, prev, s, raw) or age_after_name(text, prev, e, raw, nxt, lex) or age_stated(prev, nxt, lex):
        return True
    after_text = text[e : e + 24].lower()  # room for the longest not_a_count form and a space
    if any(after_text.startswith(x) or after_text.lstrip().startswith(x) for x in lex.units.get("not_a_count", ())):
        return True
    if nxt and nxt[0][2] in lex.units.get("clock", ()) and re.fullmatch(r"(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?", raw):
        return True  # '2 pm', '2.13 am': a clock time ('2.1 pm' is a length)
    if re.match(r"(:e|:a|st\b|nd\b|rd\b|th\b|\.\s?[a-zåäö])", text[e : e + 3]) and not vague:
        return True
    if decimal == "comma" and re.fullmatch(r"\d{1,2}\.\d\d", text[s : e + 3].split()[0] if e + 3 <= len(text) else ""):
        return True
    # a year-like number counts only before a lower-case word that is no function word ('1500 soldiers')
    return year_like and not vague and (not nxt or not nxt[0][2].isalpha() or not text[nxt[0][0]].islower()
                                        or nxt[0][2] in function_words(lex))


def counts_as_number(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """'en/ett/one' (``items[n]``) is a number only where a count is the point: after 'nästan',
    before 'miljard'."""
    scale = lex.numbers.get("scale", {})
    nxt = [w for _, _, w in items[n + 1 : n + 3]]
    if nxt and (nxt[0] in scale or is_measure(nxt[0], lex)):
        return True  # 'a gallon'
    if nxt and nxt[0] in lex.numbers.get("denominator", {}):  # 'one sixth.', 'a third of', not 'a third connection'
        return len(nxt) == 1 or not nxt[1].isalpha() or nxt[1] in lex.word_class("partitive")
    if nxt and (len(nxt) > 1 and nxt[1] in scale and (
            (nxt[0],) in lex.approx.get("over", ()) or nxt[0] in lex.numbers.get("fraction", {}))):
        return True  # 'en miljard', 'en dryg miljard', 'en halv miljon'
    fractions = lex.numbers.get("fraction", {})
    later = [w for _, _, w in items[n + 1 : n + 5]]
    if (len(later) == 4 and later[0] in lex.word_class("number_joiner") and later[1] in lex.numbers.get("article", {})
            and later[2] in fractions and later[3] in scale):
        return True  # 'one and a half million'
    if items[n][2] in lex.word_class("indefinite_article"):
        return False  # 'about a tropical storm', 'at least a trial': an article, not a count
    prev = tuple(w for _, _, w in items[max(0, n - 2) : n])
    prepositions = lex.word_class("source_stop")
    return any(prev[-len(seq):] == seq and not (len(seq) == 1 and seq[0] in prepositions)
               for kind in ("about", "over", "under") for seq in lex.approx.get(kind, ()))


def is_measure(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` names a measure (*gallon*, *mile*): after *a* or *one* the figure is one of it."""
    found = code_of(word, lex.lang)
    return found is not None and found.kind == "measure"
