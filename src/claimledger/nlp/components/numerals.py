"""Figures written in shapes the plain digit pattern leaves out on purpose.

The digit pattern in ``quantities.py`` refuses a number glued to anything (*10kg*, *-15*,
*1/4*), because most such strings in news are not counts: *Covid-19*, *2013-14*, *9/11*. The
shapes here are the exceptions that are figures in every language that writes digits, so they
are patterns, not language data; each gives a ``Preset`` the extractor treats like money:

* scientific notation: *4e14*, *9.83e-3*, *2.48×10−5*;
* fractions and mixed numbers: *1/4*, *2 1/2*, the vulgar fraction signs *½ ⅓* and *2½*;
* a sign glued to the number: *-15*, *−18 °C* (not after a letter or digit: *Covid-19*, *2013-14*);
* a scale letter glued to the number: *0.5k*, *2.174bn*;
* a unit glued to the number, with its power: *10kg*, *25lbs*, *1Ga*, *4km^2*, *301,338 km2*.

A range whose unit stands at both ends (*44 mg to 50 mg*, *8- to 16-meter*) is read by
``unit_range``, which the range rule of ``quantities.py`` asks before its own. Number words
that join into one figure are read from the language's ``numbers.tsv`` tables: hyphenated
compounds (*twenty-one*, *one-half*) by ``compound_value``, a number of several words (*two
thousand six hundred forty five*, *one hundred million*, *tre tusen femhundra*) by
``spelled_number``, and words after a figure in digits (*3 million, two hundred & forty*) by
``word_run``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate

from claimledger.nlp.components.measures import SUFFIX_SCALES, Preset, Unit, unit_forms
from claimledger.nlp.lexicon import Lexicon, load

GROUP = "[ \u00a0\u2009\u202f]"
MINUS = "-\u2212"
_VULGAR = "".join(c for c in map(chr, range(0xA0, 0x2190)) if unicodedata.category(c) == "No"
                  and unicodedata.name(c, "").startswith("VULGAR FRACTION"))
_FIGURE_CHAR = re.compile(rf"[\d{re.escape(_VULGAR)}]")
_POINT_DECIMAL = re.compile(r"\d+\.\d")
"""'6.5 miljarder' in a language of decimal commas: a point before one digit groups no thousands and
ends no clock time (*6.30*), so it marks decimals, as web text often writes them."""
_POWERS = {"2": "2", "3": "3", "\u00b2": "2", "\u00b3": "3"}


def number_body(decimal: str) -> str:
    """A number in digits with the language's thousands groups and decimal mark (no sign)."""
    if decimal == "comma":
        return rf"\d{{1,3}}(?:{GROUP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def number_value(raw: str, decimal: str) -> float:
    """The value of digits as ``number_body`` or the extractor's digit pattern found them."""
    raw = raw.removesuffix("-tals").removesuffix("-tal")  # '100-tal' about, '100 000-tals' over: the number
    raw = re.sub(GROUP, "", raw)
    if decimal == "comma" and not _POINT_DECIMAL.fullmatch(raw):
        raw = raw.replace(".", "")  # '10.000': a point groups thousands where a comma marks decimals
    raw = raw.replace(",", ".") if decimal == "comma" else raw.replace(",", "")
    return float(raw.replace("\u2212", "-"))


@cache
def _patterns(lang: str, decimal: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]:
    """Each shape's pattern, with a character class one of whose characters every match holds
    (None: any text may match): a line without one is not searched for that shape."""
    num = number_body(decimal)
    lead = r"(?<![\w\-\u2212/.:,\u2013\u2014^%])"  # not after '%' either: '49%-40%' joins two shares
    sign = rf"(?P<neg>(?<![\w\-\u2212/.:,\u2013\u2014^%])[{MINUS}])?"
    sci = re.compile(rf"{lead}{sign}(?P<num>{num})(?:[eE](?P<exp>[{MINUS}+]?\d{{1,3}})"
                     rf"|\s?[×x]\s?10(?:\^|\*\*)?(?P<exp10>[{MINUS}+]?\d{{1,3}}))(?!\w|[.,/]\d)")
    fraction = re.compile(rf"{lead}(?:(?P<whole>\d+)\s)?(?P<top>\d{{1,3}})/(?P<bottom>\d{{1,3}})(?![\w/.,]\d|\w)")
    vulgar = re.compile(rf"{lead}(?:(?P<whole>\d+) ?)?(?P<frac>[{_VULGAR}])(?![\d])")  # '2½', '5 ½ years'
    signed = re.compile(rf"{lead}(?P<neg>[{MINUS}])(?P<num>{num})(?![\w]|[.:]\d)")
    scales = "|".join(sorted(_scales(lang), key=len, reverse=True))
    scaled = re.compile(rf"{lead}{sign}(?P<num>{num})(?P<scale>{scales})(?![\w])", re.IGNORECASE)
    forms = sorted((f for f, u in unit_forms(lang).items() if u.after and u.kind != "percent"
                    and len(f) > 1 and " " not in f), key=len, reverse=True)
    glued = re.compile(rf"{lead}{sign}(?P<num>{num})(?P<space>\s?)(?P<unit>{'|'.join(map(re.escape, forms))})"
                       rf"(?P<power>\^?[23\u00b2\u00b3])?(?![\w^])", re.IGNORECASE) if forms else None
    margin = _margin_pattern(lang, num)
    needs = {sci: "[eE\u00d7x]", fraction: "/", vulgar: f"[{_VULGAR}]", signed: f"[{MINUS}]"}
    return tuple((p, re.compile(needs[p]) if p in needs else None)
                 for p in (sci, fraction, vulgar, scaled, glued, signed, margin) if p is not None)


def _margin_pattern(lang: str, num: str) -> re.Pattern[str] | None:
    """A number after the sign of a margin of error (*plus or minus 3.4*, *+/-3*, *±2*): a positive
    spread, the figure from the sign on, so that *minus* is not read as the number's own sign."""
    signs = _margin_signs(lang)
    if signs is None:
        return None
    words = "|".join(sorted(load(lang).numbers.get("unit", {}), key=len, reverse=True))  # '± two percent'
    return re.compile(rf"(?<!\w)(?P<margin>{signs.pattern})\s?(?P<num>{num}|{words})(?![\w]|[.,]\d)",
                      re.IGNORECASE)


@cache
def _margin_signs(lang: str) -> re.Pattern[str] | None:
    """The language's signs of a margin of error (``margin_sign``), longest first."""
    signs = sorted(load(lang).word_class("margin_sign"), key=len, reverse=True)
    if not signs:
        return None
    return re.compile("|".join(re.escape(s).replace(r"\ ", r"\s+") for s in signs), re.IGNORECASE)


def numeral_presets(text: str, lang: str, decimal: str, taken: list[Preset]) -> list[Preset]:
    """The figures of the shapes above in ``text``, none overlapping ``taken`` or each other."""
    if not _FIGURE_CHAR.search(text) and not ((signs := _margin_signs(lang)) is not None and signs.search(text)):
        return []  # every pattern above needs a decimal digit or a vulgar fraction sign, but a margin's number
    # characters already read as a figure: one byte each, so a match is checked in its own
    # length, not against every figure found before it (a line of 9,000 fractions stays linear)
    used = bytearray(len(text))
    for p in taken:
        used[p.start : p.end] = b"\x01" * (min(p.end, len(text)) - p.start)
    out: list[Preset] = []
    forms = unit_forms(lang)
    for pattern, needs in _patterns(lang, decimal):
        if needs is not None and not needs.search(text):
            continue
        for m in pattern.finditer(text):
            if 1 in used[m.start() : m.end()]:
                continue
            found = _preset(m, decimal, forms, _scales(lang), load(lang).numbers.get("unit", {}))
            if found is not None:
                out.append(found)
                used[found.start : found.end] = b"\x01" * (found.end - found.start)
    return out


@cache
def digit_scale(scales: tuple[str, ...]) -> re.Pattern[str]:
    """Digits joined to a scale word by a hyphen (*12-thousand*), which the digit pattern of
    ``quantities.py`` leaves out."""
    words = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True) if w.isalpha() and len(w) > 2)
    return re.compile(rf"(?<![\w\-/.:–—])(\d{{1,3}})-({words})\b", re.IGNORECASE) if words else re.compile(r"(?!x)x")


@cache
def _scales(lang: str) -> dict[str, float]:
    """Scale letters (*5.5bn*) and the language's scale words, which may be glued on too (*2.5million*)."""
    words = {w: v for w, v in load(lang).numbers.get("scale", {}).items() if w.isalpha() and len(w) > 2}
    return {**SUFFIX_SCALES, **words}


def _preset(m: re.Match[str], decimal: str, forms: dict[str, Unit], scales: dict[str, float],
            spelled: dict[str, float]) -> Preset | None:
    groups = m.groupdict()
    negative = -1.0 if groups.get("neg") else 1.0
    if "exp" in groups:
        exp = groups["exp"] or groups["exp10"]
        value = number_value(groups["num"], decimal) * 10.0 ** int(exp.replace("\u2212", "-"))
        return Preset(m.start(), m.end(), m.start(), m.end(), negative * value, None)
    if "bottom" in groups:
        top, bottom = int(groups["top"]), int(groups["bottom"])
        if bottom == 0 or top >= bottom and not groups["whole"] or (groups["whole"] and top >= bottom):
            return None  # '24/7', '1/0': not a fraction
        if top > 1 and bottom > 10 and bottom & (bottom - 1) and not groups["whole"]:
            return None  # '9/11': a date or a name; fractions in prose halve or count to tenths (3/16 in)
        return Preset(m.start(), m.end(), m.start(), m.end(), int(groups["whole"] or 0) + top / bottom, None)
    if "frac" in groups:
        value = int(groups["whole"] or 0) + unicodedata.numeric(groups["frac"])
        return Preset(m.start(), m.end(), m.start(), m.end(), value, None)
    if "margin" in groups:  # the sign's words are the figure's, the number its value
        word = spelled.get(groups["num"].lower())
        value = word if word is not None else number_value(groups["num"], decimal)
        return Preset(m.start(), m.end(), m.start("num"), m.end(), value, None)
    value = negative * number_value(groups["num"], decimal)
    if "scale" in groups:
        scaled = value * scales[groups["scale"].lower()]
        return Preset(m.start(), m.end(), m.start(), m.end(), scaled, None)
    if "unit" in groups:
        if groups["space"] and not groups["power"] and not any(c in _POWERS for c in groups["unit"]):
            return None  # '10 kg': the extractor reads a spaced unit itself
        unit = forms[groups["unit"].lower()].code + (_POWERS[groups["power"][-1]] if groups["power"] else "")
        return Preset(m.start(), m.end(), m.start(), m.start("unit"), value, unit, (m.start("unit"), m.end()),
                      unit_span=(m.start("unit"), m.end("unit")))
    return Preset(m.start(), m.end(), m.start(), m.end(), value, None)


@cache
def _range_pattern(lang: str, decimal: str, joiners: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = unit_forms(lang)
    after = sorted((f for f, u in forms.items() if u.after and u.kind != "percent"), key=len, reverse=True)
    money = sorted((f for f, u in forms.items() if u.before and u.kind == "currency"), key=len, reverse=True)
    if not after or not joiners:
        return None
    units = "|".join(map(re.escape, after))
    join = "|".join(re.escape(j) if not j.isalpha() else rf"{re.escape(j)}\b" for j in joiners)
    cur = "|".join(map(re.escape, money)) or "(?!x)x"
    return re.compile(rf"(?P<hyphen>-)?\s?(?P<u1>{units})?\s*(?:{join})\s*(?:{cur})?(?P<neg>[{MINUS}])?"
                      rf"(?P<hi>{number_body(decimal)})(?P<h2>-|\s?)(?P<u2>{units})(?![\w])", re.IGNORECASE)


def unit_range(text: str, end: int, lang: str, decimal: str, joiners: tuple[str, ...]
               ) -> tuple[float, int, str, tuple[int, int]] | None:
    """The high end of a range whose unit stands at both ends (*44 mg to 50 mg*, *-18 °C to -34 °C*)
    or whose first number hangs on a hyphen (*8- to 16-meter*), read from ``end`` of the low number:
    (high value, where the range ends, unit code, where the last unit word stands), None where the
    text is no such range."""
    pattern = _range_pattern(lang, decimal, joiners)
    m = pattern.match(text, end) if pattern is not None else None
    if m is None:
        return None
    forms = unit_forms(lang)
    u1, u2 = m.group("u1"), m.group("u2")
    same_unit = u1 is not None and not m.group("hyphen") and forms[u1.lower()].code == forms[u2.lower()].code
    hanging = m.group("hyphen") is not None and u1 is None and m.group("h2") == "-"
    if not (same_unit or hanging):
        return None
    hi = number_value(m.group("hi"), decimal) * (-1.0 if m.group("neg") else 1.0)
    return hi, m.end(), forms[u2.lower()].code, (m.start("u2"), m.end("u2"))


def word_range(word: str, units: dict[str, float]) -> tuple[float, float] | None:
    """*sex-sju*, *two-three*: two number words under twenty joined by a hyphen, the first the
    smaller, are a range (low, high); None for anything else."""
    parts = word.split("-")
    if len(parts) != 2 or parts[0] not in units or parts[1] not in units:
        return None
    low, high = units[parts[0]], units[parts[1]]
    return (low, high) if 0 < low < high < 20 else None


def compound_value(word: str, units: dict[str, float], scales: dict[str, float], articles: dict[str, float],
              denominators: dict[str, float] | None = None) -> float | None:
    """The value of a hyphenated number word (*twenty-one*, *ten-thousand*, *one-half*), None if it is not one."""
    value = 0.0
    parts = word.split("-")
    for i, part in enumerate(parts):
        if denominators and part in denominators and i == len(parts) - 1 and value:
            value /= denominators[part]
        elif part in scales and i > 0:
            value = (value or 1.0) * scales[part]
        elif part in units or (part in articles and (i == 0 or value >= 20)):  # twenty-one
            if i > 0 and 0 < value < 20:
                return None  # 'sex-sju', 'two-three': a range of two small numbers, not their sum
            value += units.get(part, articles.get(part, 0.0))
        else:
            return None
    return value if len(parts) > 1 else None


def word_run(nxt: list[tuple[int, int, str]], nums: dict[str, dict[str, float]], conj: frozenset[str],
              scale: dict[str, float]) -> tuple[float, int] | None:
    """A number under a thousand in words (*two hundred & forty*, *five*): its value and how many
    words it takes, None where the words are no such number or run on into a scale (*two hundred
    thousand*, which is a figure of its own)."""
    words = [w for _s, _e, w in nxt[:5]]
    if not words or not words[0].isalpha() or not (value := small_number(words[0], nums)):
        return None
    n = 1
    if n < len(words) and scale.get(words[n]) == 100:
        value, n = value * 100, n + 1
        if (n + 1 < len(words) and (words[n] in conj or words[n] == "&") and words[n + 1].isalpha()
                and 0 < (small := small_number(words[n + 1], nums)) < 100):
            value, n = value + small, n + 2
    if n < len(words) and words[n] in scale:
        return None
    return value, n


def small_number(word: str, nums: dict[str, dict[str, float]]) -> float:
    """A number under a hundred in digits or words (*two*, *twenty-one*), else 0."""
    if word.isdigit():
        return float(word)
    units = nums.get("unit", {})
    return units.get(word) or compound_value(word, units, {}, nums.get("article", {})) or 0.0


def spelled_number(items: list[tuple[int, int, str]], n: int, nums: dict[str, dict[str, float]],
                   joiners: frozenset[str], glued: Callable[[str], float | None] | None = None,
                   ) -> tuple[float, int] | None:
    """A number written in words from ``items[n]`` on, and how many items it takes (None if under two).

    The grammar numbers are written in, read left to right with the language's own words: a
    group below a thousand (*two hundred fifty*, *ninety nine*, *a hundred and two*) is closed
    by a scale (*thousand*, *million*), each scale smaller than the one before (*seven million
    five hundred twenty thousand*, *one hundred million*); a joiner word (*and*, *&*) or, after a
    scale of a thousand or more, a comma goes on only into a smaller part (*million and one*,
    *three million, two hundred & forty*). So *twenty five thirty six* is two numbers, *two and
    three* is two, *one, two, three* three: a run stops at the first word the grammar refuses.
    Hyphenated compounds under a hundred (*twenty-one*) count as one small number; ``glued``
    reads a group written as one word (*femhundra* in *tre tusen femhundra*).
    """
    units, scales, articles = nums.get("unit", {}), nums.get("scale", {}), nums.get("article", {})
    total, group, last_scale = 0.0, 0.0, float("inf")
    taken, i = 0, n
    end = min(len(items), n + 16)

    def small(word: str) -> float | None:
        if word in units:
            return units[word]
        if word in articles:
            return articles[word]
        return compound_value(word, units, {}, articles) if "-" in word else None

    while i < end:
        word = items[i][2]
        value = small(word)
        if value is not None and value < 100:
            if word in articles and word not in units and not (
                    (i == n and i + 1 < end and items[i + 1][2] in scales) or (i > n and items[i - 1][2] in joiners)):
                break  # 'a' / 'one' opens a run only before a scale (*a million*), goes on one only after 'and'
            low = group % 100
            if not (group == 0 or low == 0 or (low >= 20 and low % 10 == 0 and 0 < value < 10)):
                break  # 'twenty five thirty': 'thirty' opens a new number
            group += value
        elif word in scales and word.isalpha() and len(word) > 2:
            scale = scales[word]
            if scale >= last_scale:
                break
            if scale == 100:
                if group >= 100 or (group == 0 and i > n):
                    break
                group = (group or 1.0) * 100
            else:
                if group == 0 and i > n:
                    break
                total += (group or 1.0) * scale
                group, last_scale = 0.0, scale
        elif (word in joiners or word == ",") and i > n and i + 1 < end:
            nxt = small(items[i + 1][2])
            after_scale = group == 0 and last_scale < float("inf") and (word in joiners or last_scale >= 1000)
            after_hundreds = word in joiners and group >= 100 and group % 100 == 0
            if nxt is None or not 0 < nxt < 100 or not (after_scale or after_hundreds):
                break
            if i + 2 < len(items) and items[i + 2][2] in nums.get("fraction", {}):
                break  # 'two and a half' is a fraction, read elsewhere
        elif group == 0 and i > n and (whole := value or (glued(word) if glued else None)) is not None and whole < 1000:
            group = whole  # 'tre tusen femhundra'
        else:
            break
        i += 1
        if word not in joiners and word != ",":
            taken = i - n
    if taken < 2:
        return None
    return total + group, taken


_PREFIXES: dict[str, frozenset[str]] = {}


def number_prefixes(lex: Lexicon) -> frozenset[str]:
    """First three letters of the number words a one-word number (*tvåhundrafemtio*) can start with."""
    if lex.lang not in _PREFIXES:
        _PREFIXES[lex.lang] = frozenset(w[:3] for w in lex.numbers.get("unit", {}) if len(w) >= 3)
    return _PREFIXES[lex.lang]


def loop_words(lex: Lexicon) -> frozenset[str]:
    """Every word ``find_quantities`` reads in its pass over a block's words (a unit, article, vague,
    about or fraction word, a vague phrase's first word): any other word without a hyphen or a
    number word's first letters is passed over by one set look-up."""
    nums = lex.numbers
    return lex.derived("quantity_loop_words", lambda _lex: frozenset().union(
        *(nums.get(kind, {}) for kind in ("unit", "article", "vague", "about", "fraction")), vague_phrases(lex)))


def range_joiners(lex: Lexicon) -> set[str]:
    """The first words of the words that join a range (*to*, *till*): *vecka 26 till 28* is one figure."""
    return {w[0] for w in lex.approx.get("range_joiner", ())}


_MULTI_VAGUE: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}


def vague_phrases(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Vague amounts of several words (*tens of thousands*), by first word, longest first (cached per language)."""
    if lex.lang in _MULTI_VAGUE:
        return _MULTI_VAGUE[lex.lang]
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lex.numbers.get("vague", {}):
        if " " in phrase:
            words = tuple(phrase.split())
            out.setdefault(words[0], []).append(words)
    result = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}
    _MULTI_VAGUE[lex.lang] = result
    return result


def word_ranges(items: list[tuple[int, int, str]], lex: Lexicon) -> list[Preset]:
    """*sex-sju kvinnor*, *two-three days*: a range written as one hyphenated word (``items``: the
    block's words with offsets)."""
    units = lex.numbers.get("unit", {})
    out = []
    for s, e, w in items:
        if "-" in w and (r := word_range(w, units)) is not None:
            out.append(Preset(s, e, s, e, r[0], None, None, r[1]))
    return out


@cache
def _hyphen_count_pattern(lang: str) -> re.Pattern[str] | None:
    nums = load(lang).numbers
    words = sorted((w for w, v in {**nums.get("unit", {}), **nums.get("scale", {})}.items() if v >= 2 and w.isalpha()
                    and len(w) > 2), key=len, reverse=True)  # 'a three-way race', 'a billion-dollar deficit'
    if not words:
        return None
    spelled = "|".join(map(re.escape, words))
    return re.compile(rf"(?<![\w\-/.:–—$€£])(?P<num>\d+|{spelled})-(?P<noun>[^\W\d_]{{2,}})\b(?!-)", re.IGNORECASE)


def hyphen_counts(text: str, lex: Lexicon, taken: list[Preset]) -> list[Preset]:
    """*a three-way race*, *a 30-second ad*, *a three-nation tour*: a number joined by a hyphen to the
    noun it counts, as a compound adjective, counts that noun (the Wikinews and political-news gold),
    where the language writes such compounds (``hyphen_count`` in the rules of ``words.tsv``; Swedish
    writes *tioårig* and leaves it out). Units are ``hyphen_measures``'; a number word after the hyphen
    makes one number (*twenty-seven*); fractions (*two-thirds*), multiples (*18-fold*) and what
    ``hyphen_not_counted`` lists are none, and an age (*20-year-old*) stops at its second hyphen."""
    pattern = _hyphen_count_pattern(lex.lang) if "hyphen_count" in lex.word_class("rules") else None
    if pattern is None or "-" not in text:
        return []
    spelled = {**lex.numbers.get("unit", {}), **lex.numbers.get("scale", {})}
    skip = lex.derived("hyphen_skip", lambda lx: lx.word_class("hyphen_not_counted") | lx.word_class("multiplier") | {
        w for table in lx.numbers.values() for w in table})  # 'twenty-seven', '12-thousand': one number
    spans = sorted((p.start, p.end) for p in taken)
    ends = list(accumulate((e for _, e in spans), max))  # the furthest end among the spans starting so far
    out = []
    for m in pattern.finditer(text):
        k = bisect_right(spans, (m.start(), float("inf"))) - 1  # a figure found already covers it: linear, not n*m
        if m.group("noun").lower() in skip or (k >= 0 and ends[k] > m.start()):
            continue
        raw = m.group("num").lower()
        value = spelled[raw] if raw in spelled else float(raw)
        noun = (m.start("noun"), m.end("noun"))
        out.append(Preset(m.start(), m.end(), m.start("num"), m.end("num"), value, None, noun))
    return out


def past_sign(nxt: list[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """The words after a range's joiner with a currency sign glued to the next number left out
    (*between $1,001 and $5,000*: the second sign is the range's, as the first is)."""
    sign = nxt[1][2] if len(nxt) >= 3 else ""
    if sign in lex.units.get("currency", ()) and not sign.isalpha() and nxt[2][0] == nxt[1][1]:
        return [nxt[0], *nxt[2:]]
    return nxt
