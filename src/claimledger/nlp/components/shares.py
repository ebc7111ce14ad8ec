"""Numbers that state a share, a rate or a label rather than a count (FORMAT.md leaves them out),
a fraction that measures with a unit (*half an hour*), and *one* where it enters a count
(*fired 36 shells ... fired one shell*).

``quantities.py`` asks here as it builds a figure; each check reads the words around one
number (``prev``/``nxt``/``items``: words with offsets, as ``quantities._Words`` gives them).
The words each check turns on are language data (``rate_joiner``, ``partitive``, ...).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.nlp.components.ages import num_value
from claimledger.nlp.components.measures import code_of, pos_at
from claimledger.nlp.components.nocount import is_year, moment_one
from claimledger.nlp.lexicon import Lexicon


def rate_part(prev: list[tuple[int, int, str]], nxt: list[tuple[int, int, str]], raw: str, lex: Lexicon) -> bool:
    """*2 in 5 adults*, *one in three visits*: a smaller number, a ``rate_joiner`` and a larger one
    state a rate; its denominator (the second) is left out, as FORMAT.md leaves out rate denominators,
    and the part (the first) stays a figure of its own, as the blind English and Swedish gold keep it
    (*Two in five managers*, *fyra av tio vuxna*). A span of time after the second (*45 in 12 months*)
    or a larger first (*killed 45 in 3 attacks*) is no rate."""
    joiners = lex.word_class("rate_joiner")
    value = _rate_value(raw, lex)
    if value is None:
        return False
    if len(prev) > 1 and prev[-1][2] in joiners and (other := _rate_value(prev[-2][2], lex)) is not None:
        after = nxt[0][2] if nxt else ""
        return other < value and not is_year(raw) and after not in lex.units.get("time_unit", ())
    return _whole_of_part(prev, value, lex)


def _whole_of_part(prev: list[tuple[int, int, str]], value: float, lex: Lexicon) -> bool:
    """*nio av tio*, *fyra av tio vuxna*, *30 av 100 svenskar*: a rate base (10, 100, 1000) after a smaller
    number and the language's ``rate_partitive`` (Swedish *av*), past a determiner or a genitive, states a
    rate, whose denominator FORMAT.md leaves out; the blind gold keeps the part (as after the English
    *in*, ``rate_part``). A whole that is a real count (*44 av mer än 50 robotar*,
    *16 av landets 21 regioner*) and *ett av de två partierna* (an article) keep both."""
    partitive, words = lex.word_class("rate_partitive"), [w for _s, _e, w in prev[-3:]]
    if len(words) > 1 and words[-1] in partitive:
        part = words[-2]
    elif len(words) > 2 and words[-2] in partitive and (
            words[-1] in lex.word_class("definite_article") or words[-1].endswith("s")):
        part = words[-3]  # 'av de 20 bästa', 'av landets 21'
    else:
        return False
    small = num_value(part, lex)
    return small is not None and small < value and value in (10, 100, 1000) and not is_year(part)


def _rate_value(word: str, lex: Lexicon) -> float | None:
    """A whole number in digits or a number word, *one* included (not the article *a*)."""
    if word.isdigit():
        return float(word)
    if word.lower() in lex.word_class("indefinite_article"):
        return None
    nums = lex.numbers
    return nums.get("unit", {}).get(word.lower(), nums.get("article", {}).get(word.lower()))


def of_a_whole(nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether a fraction is followed by a ``partitive`` word and the whole it is a share of (*a
    quarter of citizens*, *tre fjärdedelar av väljarna*), not a unit it measures (*a quarter of a
    mile*)."""
    if len(nxt) < 2 or nxt[0][2] not in lex.word_class("partitive"):
        return False
    k = 2 if nxt[1][2] in lex.word_class("indefinite_article") and len(nxt) > 2 else 1
    return code_of(nxt[k][2], lex.lang) is None


def label_after_noun(doc: Doc | None, text: str, s: int, raw: str, lex: Lexicon) -> bool:
    """*civil police posts 542*, *Studio 54*, *room 12*: a bare integer right after a noun or name
    (a space between, nothing counted after it) labels what the noun names; a count stands after a
    verb, a preposition or a colon (*killed 45*, *rose to 45*, *deaths: 45*). A number word labels
    only after a bare singular noun (*serie två*, *dag tre*, *säsong fem*)."""
    if not (raw.isdigit() or raw.isalpha()) or doc is None or not doc.has_annotation("POS") or text[s - 1 : s] != " ":
        return False
    if text[s + len(raw) : s + len(raw) + 3].lstrip()[:1] in {"/", "-", "–", "—"}:
        return False  # 'Fördelningen 60 / 40': a split of two figures, each a share
    span = doc.char_span(s, s + len(raw), alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    if token is None or token.i == 0 or token.idx != s:
        return False
    before = token.doc[token.i - 1]
    if raw.isalpha() and not _bare_noun_label(token, before, lex):
        return False
    if _share_pair(token, lex):
        return False  # 'Trump leads Clinton 46 to 40 percent': two shares of a poll, no label of Clinton
    return before.pos_ in {"NOUN", "PROPN"} and before.idx + len(before.text) == s - 1


def _share_pair(token: Token, lex: Lexicon) -> bool:
    """A number followed by a joiner (*to*, a dash), a second number and a percent unit: a pair of shares."""
    after = token.doc[token.i + 1 : token.i + 4]
    joiners = {w[0] for w in lex.approx.get("range_joiner", ())}
    if len(after) < 3 or after[0].lower_ not in joiners:
        return False
    unit = code_of(after[2].text, lex.lang)
    return after[1].like_num and unit is not None and unit.kind == "percent"


def _bare_noun_label(token: Token, before: Token, lex: Lexicon) -> bool:
    """*serie två*, *dag tre*, *division fyra*: a number word after a bare singular noun labels it;
    not after an adjective (*i första hand tre*: a phrase ends), nor after an auxiliary (*har
    gripit två*: a supine the tagger made a noun), nor before *mot* and a number (*spel fem mot fyra*)."""
    if token.pos_ != "NUM" or before.pos_ != "NOUN" or not ("Sing" in before.morph.get("Number", [])
                                                             or before.tag_ == "NN"):  # English: no morph
        return False
    definite = before.morph.get("Definite", [])
    doc = token.doc
    if definite and "Ind" not in definite:
        return False
    if not definite and before.i > 0 and doc[before.i - 1].pos_ == "DET":
        return False  # English marks no definiteness on the noun: *Day three*, *ground zero*, not *the boy three*
    if before.i > 0 and (doc[before.i - 1].pos_ == "ADJ" or definite and doc[before.i - 1].lower_ in lex.word_class(
            "aux")):  # an English tagger reads *is ground zero* right; the supine slip is the Swedish one
        return False
    return not (token.i + 2 < len(doc) and doc[token.i + 2].pos_ == "NUM")


def half_a(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> int | None:
    """Where the fraction word at ``n`` stands before an article and a unit or scale (*half an hour*,
    *half a million*): the article's end, so the article is not read as a count of its own."""
    if n + 2 >= len(items) or items[n + 1][2] not in lex.numbers.get("article", {}):
        return None
    after = items[n + 2][2]
    return items[n + 1][1] if after in lex.numbers.get("scale", {}) or code_of(after, lex.lang) else None


def one_in_contrast(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """*fired 36 shells ... fired one shell*, *only two weeks to build it and only one day to test
    it*: *one* (not the article *a*) before a noun that another number counts close by (the same
    noun, or a span of time beside another span in the same sentence) enters a count, as FORMAT.md
    has it (*seized one, sank two*)."""
    if items[n][2] in lex.word_class("indefinite_article") or n + 1 >= len(items) or moment_one(items, n, lex):
        return False
    noun = items[n + 1][2]
    if not noun.isalpha() or len(noun) < 3:
        return False
    forms = {noun, noun + "s", noun + "es"}
    spans = lex.units.get("time_unit", frozenset())
    units = lex.numbers.get("unit", {})
    for k in range(max(0, n - 40), min(len(items) - 1, n + 40)):
        word, after = items[k][2], items[k + 1][2]
        if k == n or not (word.isdigit() or units.get(word, 0) > 1):
            continue
        if after in forms:
            return True
        if noun in spans and after in spans:
            between = items[min(k, n) : max(k, n)]
            if not any(w in ".!?;" for _s, _e, w in between):
                return True
    return False


def after_copula(prev: list[tuple[int, int, str]], lex: Lexicon, doc: Doc | None) -> bool:
    """Whether the word before is a copula (``copula``; where the language lists none, a tagged AUX)."""
    copula = lex.word_class("copula")
    return bool(prev) and (prev[-1][2] in copula if copula else pos_at(doc, prev[-1][0], prev[-1][1]) == "AUX")


def preposition_of_noun(doc: Doc | None, approx_words: tuple[str, ...], start: int, lex: Lexicon) -> bool:
    """*makt över tre provinser*, *kommando över två legioner*: a word that is an approximation or a
    preposition (``approx_preposition``) right after a noun governs the noun phrase of the number
    (the caller checks a noun is counted and no unit): a preposition, not *more than*."""
    if len(approx_words) != 1 or approx_words[0] not in lex.word_class("approx_preposition"):
        return False
    if doc is None or not doc.has_annotation("POS"):
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span[0].i < 1 or doc[span[0].i - 1].pos_ not in {"NOUN", "PROPN"}:
        return False
    return span[0].i < 2 or doc[span[0].i - 2].pos_ != "ADP"  # 'i dag över 1 000': the noun is an adverbial's
