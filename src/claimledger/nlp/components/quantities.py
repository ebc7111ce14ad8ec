"""Numbers that count or measure something: value, range, approximation, and what is counted.

Digits are found with a pattern that knows the language's decimal mark and the thin, plain and non-breaking
spaces Swedish puts between thousands (*10 000*); number words, scale words (*miljoner, billion*) and vague
amounts (*hundratals, thousands*) come from ``numbers.tsv``. Years, dates, clock times, ordinals, ages, rate
denominators and digits inside names are left out, as FORMAT.md asks. The price mark after a figure
(*94 000:- SEK*, Swedish for whole kronor) is no word, so the currency after it is what is counted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from claimledger.model import Approx
from claimledger.nlp.components.ages import age_group
from claimledger.nlp.components.around import count_noun_before, determined, shared_unit, time_span, two_figures
from claimledger.nlp.components.counted import counted_after
from claimledger.nlp.components.measures import (
    code_of,
    colon_money,
    concatenated,
    hyphen_measures,
    money_before,
    pos_at,
)
from claimledger.nlp.components.nocount import (
    bare_adjective,
    bare_label,
    counts_as_number,
    is_measure,
    is_year,
    no_count,
    not_a_count_after,
    open_end,
    placing,
    singular_noun,
    verb_like,
)
from claimledger.nlp.components.numerals import (
    GROUP,
    compound_value,
    digit_scale,
    hyphen_counts,
    loop_words,
    number_prefixes,
    number_value,
    numeral_presets,
    past_sign,
    range_joiners,
    small_number,
    spelled_number,
    unit_range,
    vague_phrases,
    word_ranges,
    word_run,
)
from claimledger.nlp.components.shares import (
    after_copula,
    half_a,
    label_after_noun,
    of_a_whole,
    one_in_contrast,
    preposition_of_noun,
    rate_part,
)
from claimledger.nlp.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|%|(?!(?<=\d):-)(?<!\d:)[^\w\s]", re.UNICODE)  # '94 000:- SEK'


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    """A quantity in character offsets of the block's text."""

    start: int
    end: int
    value: float
    approx: Approx
    value_max: float | None
    counted: tuple[int, int] | None
    unit: str | None
    unit_span: tuple[int, int] | None = None


@cache
def _digits(decimal: str, after_joiner: bool = False) -> re.Pattern[str]:
    """A number in digits; ``after_joiner`` for the second half of a range (*10–12 000*)."""
    if decimal == "comma":
        body = rf"\d{{1,3}}(?:{GROUP}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?![.,]\d)|\d+(?:,\d+|\.\d(?![.,]?\d))?"
    else:
        body = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    before = "" if after_joiner else r"(?<![\w/.:–—^])(?<![^%]-)(?<!^-)(?<!\w\+)(?<!\d,)"  # '49%-40%'; not '2.25,44'
    return re.compile(rf"{before}(?:{body})(?:-tals?)?(?![\w]|[.:/]\d|-[^\W\d_]|-\d+[^\W\d_])")  # not '737-900ER'


_LIST_MARK = re.compile(r"\s*\d{1,3}\s*[.):]?\s*")
_TOLERANCE = re.compile(r"\s*(?:\+/-|\u00b1)\s*[\d.,eE\u2212-]+")

_AFTER = 32
"""Words after a number that the rules may read (scale, range, what is counted): a bound, so a
block of ten thousand numbers costs ten thousand times this, not ten thousand squared."""


class _Words:
    """The block's words with offsets, so rules can look left and right of a number."""

    def __init__(self, text: str) -> None:
        self.items = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        self.ends = [e for _s, e, _ in self.items]

    def index_at(self, pos: int) -> int:
        """The first word that ends after ``pos``."""
        return bisect_right(self.ends, pos)

    def before(self, pos: int, count: int) -> list[tuple[int, int, str]]:
        n = self.index_at(pos)
        return self.items[max(0, n - count) : n]

    def after(self, pos: int) -> list[tuple[int, int, str]]:
        n = self.index_at(pos)
        return self.items[n : n + _AFTER]


def find_quantities(text: str, lex: Lexicon, doc: Doc | None = None) -> list[FoundQuantity]:
    """Every counting or measuring number in ``text`` (one block), in text order."""
    decimal = next(iter(lex.word_class("decimal_mark")), "point")
    if _LIST_MARK.fullmatch(text):
        return []  # a line that is only '4.' or '12)' numbers a list or a heading; it counts nothing
    words = _Words(text)
    nums = lex.numbers
    hits: list[tuple[int, int, float, bool]] = []  # start, end, value, vague
    for m in _digits(decimal).finditer(text):
        hits.append((m.start(), m.end(), number_value(m.group(), decimal), m.group().endswith("-tals")))
    scale = nums.get("scale", {})
    for m in digit_scale(tuple(sorted(scale))).finditer(text):  # 'some 12-thousand troops'
        hits.append((m.start(), m.end(), float(m.group(1)) * scale[m.group(2).lower()], False))
    found = money_before(text, lex.lang, decimal) + hyphen_measures(text, lex) + word_ranges(words.items, lex)
    found += colon_money(text, lex.lang)
    found += hyphen_counts(text, lex, found)
    presets = {p.number_start: p for p in found + numeral_presets(text, lex.lang, decimal, found)}
    hits = [h for h in hits if not any(p.start <= h[0] < p.end for p in presets.values())]
    hits += [(p.number_start, p.number_end, p.value, False) for p in presets.values()]
    hits.sort()
    starts = [s for s, _, _, _ in hits]  # digit hits, in text order and never overlapping
    phrase_end = -1  # end of the last vague phrase taken (they are found in text order too)
    multi_vague = vague_phrases(lex)
    vague, units, articles = nums.get("vague", {}), nums.get("unit", {}), nums.get("article", {})
    joiners = lex.word_class("number_joiner")
    abouts, fractions = nums.get("about", {}), nums.get("fraction", {})
    read, prefixes = loop_words(lex), number_prefixes(lex)
    for n, (s, e, w) in enumerate(words.items):
        if w not in read and "-" not in w and (len(w) <= 5 or w[:3] not in prefixes):
            continue  # the common case, decided by one set look-up (the last test below, first)
        if s >= phrase_end and (w in units or w in articles or "-" in w) and (
                run := _spelled(words, n, lex, joiners)) is not None:
            hits.append((s, words.items[n + run[1] - 1][1], run[0], False))  # 'ninety nine', 'one hundred million'
            phrase_end = words.items[n + run[1] - 1][1]
            continue
        if "-" in w and (compound := compound_value(w, units, scale, articles, nums.get("denominator"))) is not None:
            k = bisect_right(starts, s) - 1
            if s >= phrase_end and not (k >= 0 and s < hits[k][1]):
                hits.append((s, e, compound, False))  # 'twenty-one', 'ten-thousand', 'fifteen-hundred'
            continue
        if w in abouts and s >= phrase_end:
            hits.append((s, e, abouts[w], False))  # 'ett hundratal': about a hundred, as '100-tal'
            continue
        if w in fractions and (half := half_a(words.items, n, lex)) is not None:
            if s >= phrase_end:
                hits.append((s, e, fractions[w], False))  # 'half an hour', 'half a million'
                phrase_end = half
            continue
        if w not in vague and w not in units and w not in articles and w not in multi_vague:
            if (len(w) > 5 and w[:3] in number_prefixes(lex) and text[s + 1 : e].islower()
                    and (joined_value := concatenated(w, lex)) is not None):  # not 'FiveThirtyEight', a name
                hits.append((s, e, joined_value, False))  # 'tvåhundrafemtio'
            continue  # the common case, decided by one set look-up
        k = bisect_right(starts, s) - 1
        if s < phrase_end or (k >= 0 and s < hits[k][1]):
            continue
        phrase = next((v for v in multi_vague.get(w, ())
                       if tuple(x[2] for x in words.items[n : n + len(v)]) == v), None)
        if phrase:
            last = words.items[n + len(phrase) - 1]
            hits.append((s, last[1], vague[" ".join(phrase)], True))
            phrase_end = last[1]
        elif w in nums.get("vague", {}):
            hits.append((s, e, nums["vague"][w], True))
        elif w in nums.get("unit", {}):
            hits.append((s, e, nums["unit"][w], False))
        elif w in nums.get("article", {}) and (counts_as_number(words.items, n, lex)
                                               or one_in_contrast(words.items, n, lex)):
            hits.append((s, e, nums["article"][w], False))
    hits.sort()
    out: list[FoundQuantity] = []
    consumed_until = -1
    joined = re.compile(r"\s*(?:[–—-]|\w+)\s*\d+")
    for s, e, value, is_vague in hits:
        if s < consumed_until:
            continue
        preset = presets.get(s)
        # a currency sign before the number belongs to the figure, so approximations are read before it
        q = _build(text, words, lex, preset.start if preset else s, e, value, is_vague, decimal, doc)
        if q is not None and preset is not None and preset.unit is not None:
            q = replace(q, start=min(q.start, preset.start), end=max(q.end, preset.end), unit=preset.unit,
                        counted=preset.counted, unit_span=preset.unit_span)
            if preset.value_max is not None:  # '£3,000-£5,000': a range with the sign at both ends
                q = replace(q, value_max=preset.value_max, approx="range")
        elif q is not None and preset is not None:  # a figure alone (*1/4*, *4e14*): what follows is read as usual
            q = replace(q, start=min(q.start, preset.start), end=max(q.end, preset.end),
                        counted=preset.counted or q.counted)  # 'a three-way race': the noun it is joined to
            if preset.value_max is not None:  # 'sex-sju': a range in one word
                q = replace(q, value_max=preset.value_max, approx="range")
        if q is not None:
            out.append(q)
            tolerance = _TOLERANCE.match(text, q.end)  # '9.83e-3 +/- 1e-5': the error is no figure of its own
            consumed_until = tolerance.end() if tolerance else q.end
        else:  # 'vecka 28 och 29', 'vecka 26–28': the second number goes with the first
            tail = joined.match(text, e)
            if tail and is_year(text[s:e]) and not is_year(tail.group().split()[-1].lstrip("–—-")):
                tail = None  # 'ökade under 2015 till 221 miljarder': a year, then a figure of its own
            if tail and (tail.group().strip()[:1] in "–—-" or tail.group().split()[0].lower() in range_joiners(lex)
                         or tail.group().split()[0].lower() in lex.word_class("partitive")):  # 'Betyg: 4 av 6'
                consumed_until = tail.end()
    return out


def _spelled(words: _Words, n: int, lex: Lexicon, joiners: frozenset[str]) -> tuple[float, int] | None:
    """A number of several words at word ``n`` (``numerals.spelled_number``), but not one word and
    the scale after it (*two million*), which ``_build`` reads as it reads *2 million*."""
    prefixes = number_prefixes(lex)
    run = spelled_number(words.items, n, lex.numbers, joiners,
                         lambda w: concatenated(w, lex) if len(w) > 5 and w[:3] in prefixes else None)
    if run is None or (run[1] == 2 and words.items[n + 1][2] in lex.numbers.get("scale", {})):
        return None
    return run


def _build(text: str, words: _Words, lex: Lexicon, s: int, e: int, value: float, vague: bool, decimal: str,
           doc: Doc | None) -> FoundQuantity | None:
    nums = lex.numbers
    raw = text[s:e]
    prev = words.before(s, 3)
    nxt = words.after(e)
    if no_count(text, prev, nxt, s, e, vague, decimal, lex) or rate_part(prev, nxt, raw, lex):
        return None  # a date, name, age or order ('week 12'); a rate ('one in three visits')
    if nxt and nxt[0][2] == "]" and text[s - 1 : s] == "[":
        nxt = nxt[1:]  # '[Ten] years ago': an editor's bracket, what is counted follows it
    if raw.lower() in nums.get("fraction", {}) and nxt and nxt[0][2] in nums.get("article", {}):
        nxt = nxt[1:]  # 'half an hour', 'half a million': the article is the fraction's
    about_word = raw.endswith("-tal") or raw.lower() in nums.get("about", {})
    approx: Approx = "about" if about_word else ("over" if vague else "exact")
    start, end = s, e
    if prev and prev[-1][2] in lex.word_class("minus_word") and not vague:
        value, start = -value, prev[-1][0]  # 'minus ten degrees', 'negative 2 percent'
    approx_inside = False
    value_max: float | None = None
    own_scale = False  # whether a scale word follows this number itself ('3,5 miljoner')
    # a scale word or fraction after the number: '3,5 miljoner', 'en halv miljon'
    scale = nums.get("scale", {})
    conj, fractions = lex.word_class("conjunction"), nums.get("fraction", {})
    denominators = nums.get("denominator", {})
    share = False  # a fraction in words ('tre fjärdedelar'): a share unless a unit follows
    if nxt and nxt[0][2] in denominators and nxt[0][0] <= e + 1 and not vague and value == int(value):
        value /= denominators[nxt[0][2]]  # 'two thirds', 'tre fjärdedelar'
        end, share = nxt[0][1], True
        nxt = nxt[1:]
    if (len(nxt) >= 3 and nxt[0][2] in conj and nxt[1][2] in nums.get("article", {}) and nxt[2][2] in fractions
            and not vague):
        value += fractions[nxt[2][2]]  # 'two and a half (million)'
        end = nxt[2][1]
        nxt = nxt[3:]
    if nxt and nxt[0][2] in nums.get("fraction", {}) and len(nxt) > 1 and nxt[1][2] in scale:
        value = value * nums["fraction"][nxt[0][2]] * scale[nxt[1][2]] if value else scale[nxt[1][2]] / 2
        end, own_scale = nxt[1][1], True
        nxt = nxt[2:]
    elif (raw.lower() in nums.get("article", {}) and len(nxt) > 1 and nxt[0][2] in fractions
          and code_of(nxt[1][2], lex.lang) is not None):
        value, end, nxt = value * fractions[nxt[0][2]], nxt[0][1], nxt[1:]  # 'en halv timme': half an hour
    elif nxt and nxt[0][2] in scale and vague and nxt[0][0] <= e + 1:
        value *= scale[nxt[0][2]]  # 'tiotals miljoner', 'tens of millions': ten million and more
        end = nxt[0][1]
        nxt = nxt[1:]
    elif nxt and nxt[0][2] in scale and not vague:
        own_scale = True
        value *= scale[nxt[0][2]]
        end = nxt[0][1]
        big = scale[nxt[0][2]]
        if len(nxt) > 1 and nxt[1][2] == "." and nxt[1][0] == end and f"{nxt[0][2]}." in scale:
            nxt = nxt[1:]  # the abbreviation's dot ('5 milj. människor') is no sentence end
        if code_of(nxt[0][2], lex.lang) is None:
            nxt = nxt[1:]  # a scale that is a currency too ('45 mkr': million kronor) is also the unit
        # 'a hundred and two': a smaller number after 'and' adds to the hundreds
        if (big == 100 and len(nxt) >= 2 and nxt[0][2] in conj
                and 0 < (small := small_number(nxt[1][2], nums)) < 100):
            value += small
            end = nxt[1][1]
            nxt = nxt[2:]
        # 'two million and 300 thousand': a smaller scale joined by 'and' adds to the figure
        if (len(nxt) >= 3 and nxt[0][2] in lex.word_class("conjunction") and nxt[2][2] in scale
                and scale[nxt[2][2]] < big):
            part = float(nxt[1][2]) if nxt[1][2].isdigit() else nums.get("unit", {}).get(nxt[1][2])
            if part:
                value += part * scale[nxt[2][2]]
                end = nxt[2][1]
                nxt = nxt[3:]
        # 'three million, two hundred & forty': the words after a comma or 'and' add to a big figure
        if big >= 1000 and len(nxt) >= 2 and (nxt[0][2] in conj or nxt[0][2] in ",&"):
            run = word_run(nxt[1:], nums, conj, scale)
            if run is not None and run[0] < big:
                value += run[0]
                end = nxt[run[1]][1]
                nxt = nxt[run[1] + 1 :]
    elif len(nxt) > 1 and (nxt[0][2],) in lex.approx.get("over", ()) and nxt[1][2] in scale and not vague:
        value *= scale[nxt[1][2]]  # 'en dryg miljard'
        end, approx_inside = nxt[1][1], True
        nxt = nxt[2:]
    if value != int(value) and not re.search(r"\d[.,]\d", raw) and of_a_whole(nxt, lex):
        return None  # 'a quarter of citizens', 'tre fjärdedelar av väljarna': a share, which FORMAT.md leaves out
    joiners = {w[0] for w in lex.approx.get("range_joiner", ())}  # a range: 'mellan 200 och 300', '10–12 000'
    if not (prev and prev[-1][2] in {w[0] for w in lex.approx.get("range_open", ())}):  # lists: '4 and 5', '4, 5 or 6'
        joiners -= lex.word_class("conjunction") | lex.word_class("list_joiner" if prev and prev[-1][2] == "," else "")
    range_unit, unit_at = None, None
    bare_pair = False  # two bare numbers joined by a dash: a range only if something counted follows
    if (ranged := unit_range(text, e, lex.lang, decimal, tuple(sorted(joiners)))) is not None and not vague:
        hi, end, range_unit, unit_at = ranged  # '44 mg to 50 mg', '-18 °C to -34 °C', '8- to 16-meter'
        value, value_max, approx, nxt = min(value, hi), max(value, hi), "range", words.after(end)
    elif len(nxt) >= 2 and nxt[0][2] in joiners and re.match(r"\d", (pair := past_sign(nxt, lex))[1][2]):
        nxt_dash = pair[0][2] in "-–—"
        m = _digits(decimal, after_joiner=True).match(text, pair[1][0])
        glued = pair[0][2] in "-–" and pair[1][0] == e + 1
        same = (m is not None and raw.isdigit() and m.group().isdigit() and len(raw) == len(m.group())
                and int(raw) < int(m.group()) <= 10 * int(raw))
        if (m and glued and len(m.group()) >= 4 and m.group().isdigit() and raw.isdigit()
                and not (same and not is_year(raw))):
            return None  # '555-1234', 'B 123-4567': a phone or case number, not a range ('15000-20000 personer')
        if m is None and nxt_dash and raw.isdigit() and text[pair[1][1] : pair[1][1] + 1] == "-":
            return None  # '7–2-ledning', '10–12-åringar': the pair is the first part of a compound word
        if m:
            hi = number_value(m.group(), decimal)
            rest = words.after(m.end())
            change = two_figures(words.before(s, 10), pair[0][2], value, hi, rest, lex)  # 'från 8,1 till 8,7'
            if rest and rest[0][2] in scale:
                hi *= scale[rest[0][2]]
                # 'mellan 12 och 15 miljarder': the scale after the range is the low end's too,
                # where that keeps it below the high end ('between 500 and 2 million' keeps 500)
                if not own_scale and (change or value * scale[rest[0][2]] <= hi):
                    value *= scale[rest[0][2]]
                end_hi = rest[0][1]
                rest = rest[1:]
            else:
                end_hi = m.end()
            if change:
                nxt = rest  # the first figure ends at its own number; the second is found on its own
            elif (hi <= value and pair[0][2] in "-–—" and raw.isdigit() and m.group().isdigit() and not own_scale
                    and not (rest and (rest[0][2] in scale or is_measure(rest[0][2], lex)))):
                return None  # '8 – 7', '37–27': a score or result (a falling range is no range), no count
            elif value < hi:
                if value < 1000 <= hi and hi % 1000 == 0 and len(raw) <= 3 and "000" in m.group():
                    value *= 1000
                value_max, approx, end, nxt = hi, "range", end_hi, rest
                bare_pair = nxt_dash and raw.isdigit() and m.group().isdigit() and not own_scale and end_hi == m.end()
    elif (len(nxt) >= 2 and nxt[0][2] in joiners and not raw[:1].isdigit() and not vague
          and (hi := small_number(nxt[1][2], nums)) > 0 and value < hi):
        value_max, approx, end, nxt = hi, "range", nxt[1][1], nxt[2:]  # 'tre – fem år', 'mellan tre och fem'
    if approx == "range" and not_a_count_after(text, end, lex):
        return None  # 'mellan 1 och 10 års ålder': what follows the range says age, as after one number
    bound, taken = ("", 0) if approx == "range" or vague else open_end(nxt, lex)
    if taken:  # '107 or more', 'one or more donations'
        end, nxt = nxt[taken - 1][1], nxt[taken:]
    # approximation words before: 'omkring', 'more than', 'mellan'
    number_start = start
    approx_words: tuple[str, ...] = ()
    if approx != "range" or (prev and prev[-1][2] in {w[0] for w in lex.approx.get("range_open", ())}):
        for kind in ("range_open", "about", "over", "under", "exact"):
            for seq in lex.approx.get(kind, ()):
                if len(prev) >= len(seq) and tuple(w[2] for w in prev[-len(seq):]) == seq:
                    if kind == "range_open":
                        if approx == "range":
                            start = prev[-len(seq)][0]
                    else:
                        start = prev[-len(seq)][0]
                        approx = kind  # type: ignore[assignment]
                        approx_words = seq
                    break
            else:
                continue
            break
    if approx_inside:
        approx = "over"
    if bound:
        approx = bound  # type: ignore[assignment]
    if about_word and prev and prev[-1][2] in nums.get("article", {}):
        start = prev[-1][0]
    if (approx != "range" and len(nxt) >= 2 and nxt[0][2] in lex.word_class("distributive")
            and ((m := _digits(decimal, after_joiner=True).match(text, nxt[1][0])) is not None
                 or nxt[1][2] in nums.get("unit", {}))
            and (rest := words.after(m.end() if m is not None else nxt[1][1])) is not None
            and (not own_scale or (rest and rest[0][2] in scale))):
        # '5 885 respektive 7 894 miljoner kronor', 'tre respektive fyra poäng': scale and unit are both
        # figures'; '2 md respektive 1,4 md pund': the unit after the second scale is the first's too
        if rest and rest[0][2] in scale:
            value *= 1 if own_scale else scale[rest[0][2]]
            rest = rest[1:]
        nxt = rest
    elif not own_scale and approx != "range":
        nxt = shared_unit(nxt, lex)  # '20, 40 eller 60 procent': the unit after the list is each figure's
    counted, unit = counted_after(nxt, lex, doc) if range_unit is None else (None, range_unit)
    if range_unit is None and unit is not None:
        unit_at = counted  # '105 miles', '40 per cent': the words counted_after read as the unit
    if counted is None and unit is None:
        counted = count_noun_before(words.before(start, 12), lex, doc)  # 'dödstalet har stigit till 900'
    elif approx == "exact" and counted is not None and counted[0] > end and not bound:
        approx = open_end(words.after(counted[1]), lex)[0] or approx  # type: ignore[assignment]  # '50 kr och uppåt'
    if share and unit is None and value < 1 and not after_copula(words.before(start, 1), lex, doc):
        return None  # 'Tre fjärdedelar väljer ort': a share (FORMAT.md); 'risken är en sjättedel' a value
    if approx in {"range", "over", "under"} and unit == "a" and age_group(doc, start, lex):
        return None  # 'flickor mellan 7 och 17 år', 'barn under 16 år': an age group
    if (approx == "under" and len(approx_words) == 1 and approx_words[0] in lex.word_class("during")
            and counted is not None and time_span(text[counted[0] : counted[1]], lex)):
        approx, start = "exact", number_start  # 'under två veckor', 'under tre års tid': during, not fewer than
    elif (counted is not None and counted[0] > end and unit is None and not own_scale
          and preposition_of_noun(doc, approx_words, start, lex)):
        approx, start = "exact", number_start  # 'makt över tre provinser': a preposition, not more than
    if counted is not None and text[counted[0] : counted[1]].lower().split()[0] in lex.word_class("multiplier"):
        return None  # 'a thousand fold': a multiplier, not a count
    if raw.lower() in nums.get("article", {}) and counted is not None and bare_adjective(doc, counted):
        return None  # 'rasade ner över ett annat': an article before an adjective standing for its noun
    if counted is None and (value == 1 and not vague
                            or unit is None and end == e  # 'blev tre miljoner' is a figure, 'blev tre' a place
                            and placing(words.before(s, 5), words.after(e)[:2], raw, lex, doc)
                            or unit is None and (start, end) == (s, e) and bare_label(text, s, end, raw, lex)
                            or unit is None and (start, end) == (s, e) and label_after_noun(doc, text, s, raw, lex)):
        return None
    if (is_year(raw) and unit is None and not vague and start == s
            and (counted is None or counted[0] < s or verb_like(doc, counted, lex) or pos_at(doc, *counted) == "ADV"
                 or (determined(text, prev, lex) and singular_noun(doc, counted, lex)))):
        # '2012 ökade intäkterna', 'a 2015 study', 'the operator's 2019 assessment': a year-like
        # number before a verb or an adverb ('bankkrisen 2008 hårt sargade'), or between a determiner
        # and a noun in the singular, names a year
        # (so many of something take the plural: '2000 workers'; '2000 staff' has no determiner)
        return None
    if bare_pair and counted is None and unit is None and start == s:
        return None  # '97–104', 'setsiffrorna 3–11, 4–11': a score or result, nothing counted
    value = float(f"{value:.12g}")  # '16,4' times a million is 16400000, not 16399999.999999998
    return FoundQuantity(start, end, value, approx, value_max, counted, unit, unit_at)
