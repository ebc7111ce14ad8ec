"""What a figure counts: the words after its number (*soldater*, *skadade nordkoreaner*,
*drones*, *wounded*), or the unit it is measured in (*kronor*, *per cent*, *km*).

``counted_after`` steps over the words that stand between a number and its noun (an auxiliary,
*of the*, the whole of a part: *three of the past seven contests*), stops at function words,
and reads the noun phrase with the tagger where there is one (``_counted_tagged``): adjectives
up to the head noun, a genitive on to its noun, a compound on to its head (*three major cable
television news networks*), a participle alone (*dödats*, *wounded*). Units and their codes
are ``measures.py``'s.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimledger.nlp.components.measures import code_of, pos_at, token_at
from claimledger.nlp.lexicon import Lexicon


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
        elif not form and token.tag_.lower() in lex.word_class("finite_tag"):
            form = ["Fin"]  # '12 of the 19 contain', 'the three hold': a present tense, no participle
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
        elif token.tag_.lower() in lex.word_class("finite_tag"):
            return None  # '3 of the 11 need new parts': a present tense is the clause's verb, never an attribute
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
    head = _head_noun(token) if token is not None else None
    return (first[0], max(end, head.idx + len(head)) if head is not None and head is not token else end)


def _head_noun(token: Token) -> Token:
    """The noun that an attribute or a compound's first part leads to (*major* and *cable* in *three
    major cable television news networks*, *other* in *two other class action suits*), along the
    parse, where it stands a few words on with only nouns, names and adjectives between (no
    conjunction: *låg- och mellanstadieklasser* is the hyphen's): what is counted runs to it, not
    to the fourth word."""
    while (token.dep_ in {"amod", "compound"} and token.i < token.head.i <= token.i + 4
           and token.head.pos_ in {"NOUN", "PROPN"}
           and all(t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in token.doc[token.i + 1 : token.head.i])):
        token = token.head
    return token
