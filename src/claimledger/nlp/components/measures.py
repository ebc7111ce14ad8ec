"""Units, money and number words that the digit pattern alone does not find.

What a figure is measured in is stored as a code, not as the word the text used: an SI symbol
(``km``, ``t``, ``MW``), an ISO 4217 currency code (``USD``, ``SEK``) or ``%``. The words and
signs behind each code, and whether they stand before the number (*$*, *SEK*) or after it
(*dollars*, *kronor*, *%*), are data in ``lang/<code>/unitcodes.tsv``; this module only reads
them. Three shapes need their own patterns, since the digit pattern leaves them out on purpose:

* money with the currency in front and the scale glued on: *$5.5bn*, *€3m*, *SEK 400m*;
* a measure joined to its number by a hyphen: *a 230-metre ship*, *a 105-mile cable*;
* Swedish number words written as one word: *tvåhundrafemtio* (250), *femtiotusen* (50,000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.lang import table
from claimledger.nlp.lexicon import Lexicon

SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
"""Scale letters glued to a figure after a currency (*$5.5bn*, *€40m*): the same in every language
that writes money this way, so they are not language data."""


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
    unit: str
    counted: tuple[int, int] | None = None


@cache
def _money_pattern(lang: str, decimal: str) -> re.Pattern[str] | None:
    forms = unit_forms(lang)
    before = sorted((f for f, u in forms.items() if u.before and u.kind == "currency"), key=len, reverse=True)
    if not before:
        return None
    signs = "|".join(re.escape(f) if not f.isalpha() else rf"\b{re.escape(f)}\b" for f in before)
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" if decimal != "comma" else r"\d+(?:,\d+)?"
    glued = "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))
    return re.compile(rf"(?P<cur>{signs})\s?(?P<num>{number})(?P<glued>{glued})?(?![\w])", re.IGNORECASE)


def money_before(text: str, lang: str, decimal: str) -> list[Preset]:
    """*$5.5bn*, *€3 million*, *SEK 400m*: money whose currency stands before the number."""
    pattern = _money_pattern(lang, decimal)
    if pattern is None:
        return []
    forms = unit_forms(lang)
    out = []
    for m in pattern.finditer(text):
        raw = m.group("num")
        value = float(raw.replace(",", "") if decimal != "comma" else raw.replace(",", "."))
        if m.group("glued"):
            value *= SUFFIX_SCALES[m.group("glued").lower()]
        unit = forms[m.group("cur").lower()]
        # the number runs to the glued scale, so what follows it (*million*) can still multiply it
        out.append(Preset(m.start(), m.end(), m.start("num"), m.end(), value, unit.code))
    return out


@cache
def _hyphen_pattern(lang: str) -> re.Pattern[str] | None:
    forms = sorted((f for f, u in unit_forms(lang).items() if u.after and u.kind == "measure" and f.isalpha()),
                   key=len, reverse=True)
    if not forms:
        return None
    return re.compile(rf"(?<![\w\-/.:–—])(?P<num>\d+(?:[.,]\d+)?)-(?P<unit>{'|'.join(forms)})\b", re.IGNORECASE)


def hyphen_measures(text: str, lang: str) -> list[Preset]:
    """*a 230-metre ship*: a measure joined to its number by a hyphen; the unit is what is counted."""
    pattern = _hyphen_pattern(lang)
    if pattern is None:
        return []
    forms = unit_forms(lang)
    return [Preset(m.start(), m.end(), m.start("num"), m.end("num"), float(m.group("num").replace(",", ".")),
                   forms[m.group("unit").lower()].code, (m.start("unit"), m.end("unit")))
            for m in pattern.finditer(text)]


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
