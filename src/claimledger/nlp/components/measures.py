"""Units, money and number words that the digit pattern alone does not find.

What a figure is measured in is stored as a code, not as the word the text used: an SI symbol
(``km``, ``t``, ``MW``), an ISO 4217 currency code (``USD``, ``SEK``) or ``%``. The words and
signs behind each code, and whether they stand before the number (*$*, *SEK*) or after it
(*dollars*, *kronor*, *%*), are data in ``lang/<code>/unitcodes.tsv``; this module only reads
them. Three shapes need their own patterns, since the digit pattern leaves them out on purpose:

* money with the currency in front and the scale glued on: *$5.5bn*, *€3m*, *SEK 400m*;
* a measure joined to its number by a hyphen: *a 230-metre ship*, *a 105-mile cable*;
* Swedish number words written as one word: *tvåhundrafemtio* (250), *femtiotusen* (50,000).

``counted.py`` reads what a figure counts or is measured in from the words after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from claimledger.lang import table
from claimledger.nlp.lexicon import Lexicon, load

SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
"""Scale letters glued to a figure (*$5.5bn*, *€40m*, *0.5k*): the same in every language
that writes money this way, so they are not language data."""

MONEY_SCALES = {**SUFFIX_SCALES, "t": 1e12}
"""After a currency sign a glued *T* is a trillion (*$2.174T*); elsewhere it is a tonne (*278,000t*)."""


_DECIMAL_DIGIT = re.compile(r"\d")

LONGEST_NUMBER_WORD = 48
"""Longer than any number written as one word (*niohundranittionioTusen…* stops well before)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One form of a unit: the code it is stored under, its kind, and where it stands."""

    code: str
    kind: str
    before: bool
    after: bool


@cache
def unit_forms(lang: str) -> dict[str, Unit]:
    """Lower-case form -> ``Unit``, from ``unitcodes.tsv`` (empty for a language without one)."""
    out = {}
    for row in table(lang, "unitcodes.tsv"):
        if len(row) >= 4:
            place = row[3]
            out[row[0].lower()] = Unit(row[1], row[2], place in ("before", "both"), place in ("after", "both"))
    return out


def code_of(words: str, lang: str) -> Unit | None:
    """The unit that the words after a number name (*per cent*, *kronor*, *MW*), if any."""
    found = unit_forms(lang).get(words.lower())
    return found if found is not None and found.after else None


@dataclass(frozen=True, slots=True)
class Preset:
    """A figure found by one of this module's patterns: its span, value and unit code."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    unit: str | None
    counted: tuple[int, int] | None = None
    value_max: float | None = None
    unit_span: tuple[int, int] | None = None
    """The unit's word as written (*230-* **metre**, *10* **kg**): ``Quantity.unit_span``."""


@cache
def _money_scales(lang: str) -> dict[str, float]:
    """Scale letters and the language's scale words glued to money (*$5.5bn*, *$12.2million*)."""
    words = {w: v for w, v in load(lang).numbers.get("scale", {}).items() if w.isalpha() and len(w) > 2}
    return {**MONEY_SCALES, **words}


@cache
def _money_pattern(lang: str, decimal: str) -> re.Pattern[str] | None:
    forms = unit_forms(lang)
    before = sorted((f for f, u in forms.items() if u.before and u.kind == "currency"), key=len, reverse=True)
    if not before:
        return None
    signs = "|".join(re.escape(f) if not f.isalpha() else rf"\b{re.escape(f)}\b" for f in before)
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" if decimal != "comma" else r"\d+(?:,\d+)?"
    glued = "|".join(sorted(_money_scales(lang), key=len, reverse=True))
    return re.compile(rf"(?P<cur>{signs})\s?(?P<num>[-\u2212]?(?:{number}))(?P<glued>{glued})?(?![\w])", re.IGNORECASE)


def money_before(text: str, lang: str, decimal: str) -> list[Preset]:
    """*$5.5bn*, *€3 million*, *SEK 400m*: money whose currency stands before the number."""
    pattern = _money_pattern(lang, decimal)
    if pattern is None or not _DECIMAL_DIGIT.search(text):  # the pattern needs a digit
        return []
    forms = unit_forms(lang)
    out: list[Preset] = []
    for m in pattern.finditer(text):
        raw = m.group("num")
        raw = raw.replace("\u2212", "-")
        value = float(raw.replace(",", "") if decimal != "comma" else raw.replace(",", "."))
        if m.group("glued"):
            value *= _money_scales(lang)[m.group("glued").lower()]
        unit = forms[m.group("cur").lower()]
        low = out[-1] if out else None
        if (low is not None and low.unit == unit.code and low.value_max is None and low.value < value
                and _money_joiner(lang).fullmatch(text, low.end, m.start())):
            # *£3,000-£5,000*, *$5m to $7m*: the sign at both ends of one range
            out[-1] = Preset(low.start, m.end(), low.number_start, low.number_end, low.value, unit.code,
                             value_max=value)
            continue
        # the number runs to the glued scale, so what follows it (*million*) can still multiply it
        out.append(Preset(m.start(), m.end(), m.start("num"), m.end(), value, unit.code))
    return out


@cache
def _money_joiner(lang: str) -> re.Pattern[str]:
    """What stands between the two ends of a range of money: a dash, or a range joiner that is no
    conjunction (*to*; *and* joins a range only after *between*)."""
    lex = load(lang)
    words = {w[0] for w in lex.approx.get("range_joiner", ())} - lex.word_class("conjunction")
    ordered = sorted(words, key=len, reverse=True)
    alts = "|".join(re.escape(w) if not w.isalpha() else rf"{re.escape(w)}\b" for w in ordered)
    return re.compile(rf"\s*(?:{alts or '(?!x)x'})\s*", re.IGNORECASE)


@cache
def _colon_money_pattern(lang: str) -> re.Pattern[str] | None:
    after = sorted((f for f, u in unit_forms(lang).items() if u.after and u.kind == "currency"), key=len, reverse=True)
    if not after:
        return None
    words = "|".join(re.escape(f) if not f.isalpha() else rf"{re.escape(f)}\b" for f in after)
    return re.compile(rf"(?<![\w:.,])(?P<whole>\d{{1,6}}):(?P<cents>\d\d)(?!\d)(?=\s?(?:{words}))", re.IGNORECASE)


def colon_money(text: str, lang: str) -> list[Preset]:
    """*2:60 kronor*, *1:30 kr*: crowns and öre split by a colon, as Swedish prices are written;
    only before a currency word, so a clock time (*klockan 14:30*) or a score is never read so."""
    pattern = _colon_money_pattern(lang)
    if pattern is None or ":" not in text:
        return []
    return [Preset(m.start(), m.end(), m.start(), m.end(), int(m.group("whole")) + int(m.group("cents")) / 100, None)
            for m in pattern.finditer(text)]


@cache
def _hyphen_pattern(lang: str) -> re.Pattern[str] | None:
    forms = sorted((f for f, u in unit_forms(lang).items()
                    if u.after and u.kind in ("measure", "time_unit") and f.isalpha()), key=len, reverse=True)
    if not forms:
        return None
    # number words from two up (*a two-year period*); *one-day* and *a-mile* read as no count
    words = sorted((w for w, v in load(lang).numbers.get("unit", {}).items() if v >= 2 and w.isalpha()),
                   key=len, reverse=True)
    spelled = "|".join(map(re.escape, words)) or "(?!x)x"
    return re.compile(rf"(?<![\w\-/.:–—])(?P<num>\d+(?:[.,]\d+)?|{spelled})-(?P<unit>{'|'.join(forms)})\b",
                      re.IGNORECASE)


def hyphen_measures(text: str, lex: Lexicon) -> list[Preset]:
    """*a 230-metre ship*, *a 12-month ban*, *a two-year period*: a measure or a span of time
    joined to its number by a hyphen. A span of time counts its unit; a measure that qualifies a
    noun counts nothing (the unit code keeps what it is measured in), as the cluster gold writes
    *230-metre*, *105-mile*, *170-kilometer*. An age (*a 20-year-old*, ``not_a_count`` in
    ``units.tsv``) is none."""
    pattern = _hyphen_pattern(lex.lang)
    if pattern is None or "-" not in text:  # the pattern joins number and unit by a hyphen
        return []
    forms, spelled = unit_forms(lex.lang), lex.numbers.get("unit", {})
    ages = [x for x in lex.units.get("not_a_count", ()) if x.startswith("-")]
    out = []
    for m in pattern.finditer(text):
        after = text[m.end("num") : m.end("num") + 14].lower()
        if any(after.startswith(x) for x in ages):
            continue
        raw = m.group("num").lower()
        digits = raw.replace(",", "") if "point" in lex.word_class("decimal_mark") else raw.replace(",", ".")
        value = spelled[raw] if raw in spelled else float(digits)  # '4,200-foot': a thousands comma in English
        unit = forms[m.group("unit").lower()]
        at = (m.start("unit"), m.end("unit"))
        counted = at if unit.kind == "time_unit" else None
        out.append(Preset(m.start(), m.end(), m.start("num"), m.end("num"), value, unit.code, counted, unit_span=at))
    return out


def concatenated(word: str, lex: Lexicon) -> float | None:
    """The value of a number written as one word of number words (*tvåhundrafemtio* = 250,
    *femtiotusen* = 50,000), None if the word is not wholly such parts or is one part alone."""
    if len(word) > LONGEST_NUMBER_WORD:
        return None  # no number is written in one word this long; a hostile run of them costs nothing
    units, scales = lex.numbers.get("unit", {}), lex.numbers.get("scale", {})
    parts = sorted(set(units) | {s for s in scales if s.isalpha() and len(s) > 2}, key=len, reverse=True)
    total = current = 0.0
    i, count = 0, 0
    while i < len(word):
        part = next((p for p in parts if word.startswith(p, i)), None)
        if part is None:
            return None
        if part in scales and part not in units or (part in scales and count and current):
            scale = scales[part]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            current += units[part]
        i += len(part)
        count += 1
    return total + current if count > 1 else None


def token_at(doc: Doc, start: int, end: int) -> Token | None:  # the first token of start:end, widened to whole ones
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def pos_at(doc: Doc | None, start: int, end: int) -> str:
    """The coarse tag of the token at ``start:end`` ("" without tags)."""
    if doc is None or not doc.has_annotation("POS"):
        return ""
    token = token_at(doc, start, end)
    return token.pos_ if token is not None else ""
