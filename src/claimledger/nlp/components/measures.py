"""Units, money and number words that the digit pattern alone does not find.

What a figure is measured in is stored as a code, not as the word the text used: an SI symbol
(``km``, ``t``, ``MW``), an ISO 4217 currency code (``USD``, ``SEK``) or ``%``. The words and
signs behind each code, and whether they stand before the number (*$*, *SEK*) or after it
(*dollars*, *kronor*, *%*), are data in ``lang/<code>/unitcodes.tsv``; this module only reads
them. Three shapes need their own patterns, since the digit pattern leaves them out on purpose:

* money with the currency in front and the scale glued on: *$5.5bn*, *€3m*, *SEK 400m*;
* a measure joined to its number by a hyphen: *a 230-metre ship*, *a 105-mile cable*;
* Swedish number words written as one word: *tvåhundrafemtio* (250), *femtiotusen* (50,000).

``counted_after`` reads what a figure counts or is measured in from the words after it.
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


def function_words(lex: Lexicon) -> frozenset[str]:
    """Words that end what a figure counts; among them the first word of a prepositional cue
    (*15,000 according to the unions*: the unions say it, nothing named is counted). Joined once per lexicon."""
    return lex.derived("function_words", _function_words)


def _function_words(lex: Lexicon) -> frozenset[str]:
    w = lex.word_class
    return (w("source_stop") | w("recipient") | w("source_prep") | w("complementizer") | w("relative")
            | w("conjunction") | w("count_stop") | w("aux") | w("determiner")
            | frozenset(first for first, cues in lex.cues.items() if any(c.kind == "prep" for c in cues)))


def _counted_after_words(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    """``counted_after``'s stop words, the words it skips and those of them with several words (longest
    first): joined once per lexicon, not for every figure."""
    w = lex.word_class
    stop = function_words(lex) | w("month") | w("subject_pronoun") | w("time_deictic")  # '36 förra året'
    skip = w("skip_after_number") | w("aux")
    return stop, skip, tuple(sorted((tuple(x.split()) for x in skip if " " in x), key=len, reverse=True))


def counted_after(
    nxt: list[tuple[int, int, str]], lex: Lexicon, doc: Doc | None
) -> tuple[tuple[int, int] | None, str | None]:
    """The words naming what is counted: the next noun phrase or participle (*soldater*, *dödats*, *wounded*)."""
    w = lex.word_class
    stop, skip, multi = lex.derived("counted_after_words", _counted_after_words)
    units = lex.units
    i = 0
    while i < len(nxt):
        seq = next((m for m in multi if tuple(x[2] for x in nxt[i : i + len(m)]) == m), None)
        if seq:
            i += len(seq)
        elif nxt[i][2] in skip:
            i += 1
        else:
            break
    if (i + 2 < len(nxt) and nxt[i][2] in w("list_joiner") - w("conjunction")
            and (nxt[i + 1][2].isdigit() or nxt[i + 1][2] in lex.numbers.get("unit", {}))):
        i += 2  # 'en eller två bilar', 'tre eller fyra personer': the noun after the list is each number's
    if (i + 3 < len(nxt) and nxt[i][2].isdigit() and nxt[i + 1][2] == "-" and nxt[i + 2][2].isalpha()
            and nxt[i][1] == nxt[i + 1][0] and nxt[i + 1][1] == nxt[i + 2][0]):
        i += 3  # 'två 16-åriga flickor', 'three 20-year-old men': an adjective of a number and a word
    if 0 < i < len(nxt) - 1 and nxt[i - 1][2] in w("partitive") and nxt[i][2] in w("determiner") | w("possessive"):
        i += 1  # 'three of its commanders', 'tre av hans soldater': the whole's determiner
    if 0 < i < len(nxt) - 3 and (nxt[i - 1][2] in w("partitive") or i > 1 and nxt[i - 2][2] in w("partitive")) and (
            nxt[i + 1][2] + nxt[i + 2][2] in w("genitive_ending")):
        i += 3  # 'eight of France's main unions', 'two of the country's banks': the owner named before the whole
    if 0 < i < len(nxt) - 1 and nxt[i - 1][2] in w("partitive"):
        i += next((len(seq) for kind in ("about", "over", "under") for seq in lex.approx.get(kind, ())
                   if tuple(x[2] for x in nxt[i : i + len(seq)]) == seq), 0)  # '44 av mer än 50 robotar'
    words = lex.numbers.get("unit", {})
    if 0 < i < len(nxt) - 2 and doc is not None and w("partitive") & {x[2] for x in nxt[max(0, i - 2) : i]}:
        k = next((k for k in (i + 1, i + 2) if k < len(nxt) and (nxt[k][2].isdigit() or nxt[k][2] in words)), i)
        if all((t := token_at(doc, s, e)) is not None and (t.pos_ == "ADJ" or "Gen" in t.morph.get("Case", []))
               for s, e, _w in nxt[i:k]):
            i = k  # 'six of the past seven contests', '16 av landets 21 regioner': adjectives, the owner's genitive
    if 0 < i < len(nxt) - 1 and (nxt[i][2].isdigit() or nxt[i][2] in words):
        i += 1  # 'tre av de fem loppen', 'four of the ten accused': the whole's count, then what is counted
    if i >= len(nxt):
        return None, None
    first = nxt[i]
    if first[2] in stop and i + 1 < len(nxt) and _comparative_before_noun(doc, first, nxt[i + 1]):
        i, first = i + 1, nxt[i + 1]  # '60 miljoner fler analfabeter', 'ten more days': the noun counted
    if (i + 1 < len(nxt) and first[2] in w("year_marker") and re.fullmatch(r"1[89]\d\d|20\d\d", nxt[i + 1][2])
            and (found := code_of(first[2], lex.lang)) is not None and found.code == "a"):
        return None, None  # '20 miljoner år 2000': the year word dates the figure, it is not what is counted
    for n in (2, 1):  # 'per cent', 'nautical miles' before 'miles'
        group = [x[2] for x in nxt[i : i + n]]  # '°C' is two words to the word pattern: tried with no space too
        if i + n <= len(nxt) and (found := code_of(" ".join(group), lex.lang) or code_of("".join(group), lex.lang)):
            return (first[0], nxt[i + n - 1][1]), found.code
    for kind in ("percent", "currency", "time_unit", "measure"):
        if first[2] in units.get(kind, ()):
            return (first[0], first[1]), kind
    if not _is_word(first[2]) or first[2] in stop:
        return None, None
    tagged = doc is not None and doc.has_annotation("POS")
    if any(x[2] in w("aux") for x in nxt[:i]) and (pos_at(doc, first[0], first[1]) in {"NOUN", "PROPN"} if tagged else (
            w("supine_ending") and not any(first[2].endswith(x) for x in w("supine_ending")))):
        return None, None  # '300 miljoner har malaria': after an auxiliary a noun is the verb's; 'har skadats' counts
    if not tagged:
        end = first[1]
        for _s, e, word in nxt[i + 1 : i + 2]:  # without tags: one more word at most
            if _is_word(word) and word not in stop:
                end = e
        return _hyphen_pair(nxt, (first[0], end), lex), None
    found_span = _counted_tagged(nxt[i:], stop, doc, lex)
    return (_hyphen_pair(nxt, found_span, lex) if found_span is not None else None), None


def _hyphen_pair(nxt: list[tuple[int, int, str]], span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """*tre barn- och ungdomsmottagningar*: a first part ending in a hyphen, a list joiner and the
    word that completes both: the counted thing runs to that word."""
    k = next((n for n, x in enumerate(nxt) if x[1] == span[1]), None)
    if k is None or k + 3 >= len(nxt):
        return span
    dash, joiner, word = nxt[k + 1], nxt[k + 2], nxt[k + 3]
    if dash[2] == "-" and dash[0] == span[1] and joiner[2] in lex.word_class("list_joiner") and _is_word(word[2]):
        return span[0], word[1]
    return span


def _finite_before(token: Token) -> bool:
    """Whether a finite verb stands before the number that ``token`` follows, in the same clause
    (no punctuation, conjunction or subjunction between): then the clause has its verb, and a
    finite verb right after its object's number is a noun the tagger misread (*lade tio säckar*)."""
    i = token.i - 2  # the number is token.i - 1
    while i >= 0:
        t = token.doc[i]
        if t.pos_ in {"PUNCT", "CCONJ", "SCONJ"}:
            return False
        if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", []):
            return True
        i -= 1
    return False


def _determined_number(token: Token) -> bool:
    """Whether a possessive stands right before the number that ``token`` follows (*sina 13
    säsonger*): a noun phrase, so ``token`` is its noun. Not after a determiner or quantifier,
    which may be the subject itself (*alla tre håller med*, *de två säger*)."""
    return token.i >= 2 and "Yes" in token.doc[token.i - 2].morph.get("Poss", [])


def _adverbial(token: Token, lex: Lexicon) -> bool:
    """An adjective with no noun after it that is in the singular, after a number above one: an
    adverb (*två allvarligt*: seriously), since an adjective that counted something would agree in
    the plural; or in the comparative (*4,0 miljarder lägre*), a comparison."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return False
    if "Cmp" in token.morph.get("Degree", []):
        return True  # '4,0 miljarder lägre': a comparison
    endings = lex.word_class("adverb_ending")  # 'allvarligt', 'svårt', not a noun the tagger missed ('spalt')
    return ("Sing" in token.morph.get("Number", []) and "Neut" in token.morph.get("Gender", [])
            and any(token.text.lower().endswith(x) for x in endings))


def _comparative_before_noun(doc: Doc | None, word: tuple[int, int, str], after: tuple[int, int, str]) -> bool:
    """A comparative quantifier right before a noun (*fler analfabeter*, *färre platser*)."""
    token = token_at(doc, word[0], word[1]) if doc is not None and doc.has_annotation("POS") else None
    return (token is not None and ("Cmp" in token.morph.get("Degree", []) or token.tag_ in {"JJR", "RBR"})
            and token.pos_ in {"ADJ", "ADV"}
            and pos_at(token.doc, after[0], after[1]) == "NOUN")


def _degree_adverb(token: Token) -> bool:
    """An adverb before one or two adjectives and their noun (*riktigt tunga poäng*)."""
    rest = [t.pos_ for t in token.doc[token.i + 1 : token.i + 4]]
    return len(rest) > 1 and rest[0] == "ADJ" and ("NOUN" in rest[1:] and "ADJ" not in rest[rest.index("NOUN"):]
                                                   and all(p == "ADJ" for p in rest[1 : rest.index("NOUN")]))


def _is_word(word: str) -> bool:
    """Letters, or letters joined by hyphens (*SL-bussar*, *EU-länderna*)."""
    return word.replace("-", "").isalpha()


def token_at(doc: Doc, start: int, end: int) -> Token | None:  # the first token of start:end, widened to whole ones
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def pos_at(doc: Doc | None, start: int, end: int) -> str:
    """The coarse tag of the token at ``start:end`` ("" without tags)."""
    if doc is None or not doc.has_annotation("POS"):
        return ""
    token = token_at(doc, start, end)
    return token.pos_ if token is not None else ""


def _counted_tagged(words: list[tuple[int, int, str]], stop: frozenset[str], doc: Doc | None,
                    lex: Lexicon) -> tuple[int, int] | None:
    """Adjectives up to the head noun (*skadade nordkoreaner*); a genitive runs on to its noun
    (*sorters drönare*, *Vattenfalls elkunder*); a participle alone (*dödats*, *wounded*)."""
    assert doc is not None
    first = words[0]
    token = token_at(doc, first[0], first[1])
    tag = token.pos_ if token is not None else ""
    if tag == "VERB":
        # a participle, supine or passive names what befell the counted (*100 dödats*, *1,000
        # wounded*, *15 skadades*); an active finite verb is the clause the number is subject of
        # (*de två säger*, *riksväg 31 kom*, *2012 ökade*), nothing counted, unless a noun follows:
        # then it is a participle before its noun that the tagger read as a past tense
        # (*tre topplacerade svenskorna*)
        assert token is not None
        form = token.morph.get("VerbForm", [])
        if not form and token.tag_.lower() in lex.word_class("infinitive_tag"):
            form = ["Inf"]  # a model without morphology ('would go'): the fine tag the language lists
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if "Inf" in form and "Pass" not in token.morph.get("Voice", []) and after is not None and after.pos_ in {
                "ADP", "PART", "ADV", "DET", "SCONJ"}:
            return None  # 'över 50 anses tyda på': an infinitive with its complement is no participle
        if "Fin" not in form and after is not None and after.pos_ == "NOUN":
            tag = "ADJ"  # 'två konkreta åtgärder', 'tre skadade personer': an attribute before its noun
        elif "Fin" not in form or "Pass" in token.morph.get("Voice", []):
            return (first[0], first[1])
        elif _finite_before(token) or _determined_number(token):
            return (first[0], first[1])  # 'lade tio säckar', 'sina 13 säsonger': a noun the tagger missed
        elif after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return None
        tag = "ADJ"
    if tag == "ADV" and token is not None and _degree_adverb(token):
        tag = "ADJ"  # 'två riktigt tunga poäng': an adverb of degree opens the adjectives of the noun
    if tag not in {"ADJ", "NOUN", "PROPN", "X"}:
        return None
    if tag == "ADJ" and token is not None and _adverbial(token, lex):
        return None  # 'varav två allvarligt': an adverb; '4,0 miljarder lägre': a comparison, nothing counted
    end = first[1]
    for n, (s, e, word) in enumerate(words[1:4], 1):
        prev_word = words[n - 1][2]
        prev_tag = pos_at(doc, words[n - 1][0], words[n - 1][1])
        genitive = prev_tag in {"NOUN", "PROPN"} and prev_word.endswith("s")
        name_compound = doc.text[words[n - 1][0]].isupper() and "-" in word and word.split("-")[-1].islower()
        named_head = prev_tag == "PROPN" and pos_at(doc, s, e) in {"NOUN", "PROPN"} and _is_word(word)
        if prev_tag in {"NOUN", "PROPN", "X"} and not genitive and not name_compound and not named_head:
            break  # but 'sex Star wars-filmerna': a name that opens a compound goes on into it, and a
            # name runs on to the noun it names ('28,000 Andy Warhol photographs')
        if not _is_word(word) or word in stop or pos_at(doc, s, e) not in {"ADJ", "NOUN", "PROPN"}:
            break
        end = e
    return (first[0], end)

