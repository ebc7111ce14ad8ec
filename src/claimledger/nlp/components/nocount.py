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

from spacy.tokens import Doc, Token

from claimledger.nlp.components.ages import age_after_name, age_list, age_stated, num_value
from claimledger.nlp.components.counted import function_words
from claimledger.nlp.components.measures import code_of, token_at
from claimledger.nlp.lexicon import Lexicon
from claimledger.nlp.spans import mark_before


def is_year(raw: str) -> bool:
    """Digits that could be a year (1000-2099): news writes history's years too (*1538 varnade
    inkvisitionen*, *förstördes 1632 under kriget*); a count of that size stays one before its noun."""
    return bool(re.fullmatch(r"1\d\d\d|20\d\d", raw))


def after_month(prev: list[tuple[int, int, str]], months: frozenset[str]) -> bool:
    """A day after an abbreviated month (*Dec. 19*), or the year of *September 11, 2001*."""
    words = [w for _s, _e, w in prev]
    if len(words) >= 2 and words[-1] == "." and words[-2] in months:
        return True
    return len(words) >= 3 and words[-1] == "," and words[-2].isdigit() and len(words[-2]) <= 2 and words[-3] in months


def name_part(text: str, prev: list[tuple[int, int, str]], s: int, raw: str, lex: Lexicon) -> bool:
    """A single digit right after a capitalised word inside a sentence is part of a name
    (*Estlink 2*, *Nord Stream 2*, *Sentinel 1*), not a count: news style spells counts
    under ten in words. Larger figures there are counts (*sent Ukraine 50 tanks*, *får Säpo 80
    miljoner*) unless a code in capitals follows (*Boeing 737 MAX*), and a capital that starts
    a sentence (*Around 200*) makes no name."""
    if not raw.isdigit() or not prev or prev[-1][1] != s - 1 or not text[prev[-1][0]].isupper():
        return False
    if code_of(prev[-1][2], lex.lang) is not None:
        return False  # '2.80 GHz 8 MB': a unit in capitals names no product; the digit after it counts
    if len(raw) > 1:  # 'Boeing 737 MAX', 'Saab 9000 CD': a model between a name and a code in capitals
        code = re.match(r" [A-ZÅÄÖ]{2,}(?![\w-])", text[s + len(raw) : s + len(raw) + 12])
        return code is not None and not text[prev[-1][0] : prev[-1][1]].isupper()
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
    if len(raw) > 12 and raw.isdigit():
        return True  # '758855648595419140': an identifier; no count is written in 13 bare digits
    year_like = is_year(raw)
    if year_like and nxt and nxt[0][2].endswith("s") and (unit := code_of(nxt[0][2][:-1], lex.lang)) is not None:
        return unit.code == "a"  # '2012 års modell': the year's, a year
    if raw.endswith("-tal") and is_year(raw[:-4]) and prev_word not in lex.numbers.get("article", {}):
        return True  # 'Kinas 1900-tal': a century; after an article ('ett 2000-tal') about 2000
    if prev_word in lex.word_class("rank_sign") and prev[-1][1] == s:
        return True  # '#2 browser', 'it has been #3': a rank, not a count
    markers = lex.word_class("number_marker")
    # after a year word a modern year (1800-2099) is one whatever follows; an older one only where
    # no noun it could count follows ('i 1632', not 'a survey of 1709 schoolchildren')
    older = year_like and not re.fullmatch(r"1[89]\d\d|20\d\d", raw)
    if (prev_word in markers or (len(prev) > 1 and f"{prev[-2][2]} {prev_word}" in markers)
            or (year_like and prev_word in lex.word_class("year_marker")
                and not (older and _content_word_after(text, nxt, lex)))):
        return True
    months = lex.word_class("month")
    if prev_word in months or (nxt and nxt[0][2] in months) or after_month(prev, months):
        return True
    if (len(nxt) > 2 and (nxt[0][2],) in lex.approx.get("range_joiner", ()) and nxt[1][2].isdigit()
            and nxt[2][2] in months):
        return True  # 'mellan 11 och 15 mars', '16 – 18 augusti': days of a month
    if name_part(text, prev, s, raw, lex) or age_after_name(text, prev, e, raw, nxt, lex) or age_stated(prev, nxt, lex):
        return True
    if age_list(text, s, e, lex) or clock_words(prev, nxt, raw, lex) or rating(prev, lex):
        return True
    if (prev_word in lex.word_class("date_before") and (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", raw))
            and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
        return True  # 'den 3/11': a date, not a fraction
    if (raw[:1].isupper() and raw.lower() in lex.numbers.get("unit", {}) and s > 0
            and mark_before(text, s, " \t") not in ".!?:;\n\"'”»“«([-–—•"):
        return True  # 'i Tre Kronor', 'De Tre Vännerna': a number word in capitals inside a sentence names
    if raw.isdigit() and (bracketed(text, prev, s, e, lex) or list_number(text, s, e, nxt) or day_month(text, s, e)):
        return True  # '(4) Mustasch', 'förlag (6).': a rank or a reference in brackets; '10 Michel de Montaigne'
    if not_a_count_after(text, e, lex):
        return True
    if (text[e : e + 1] == "-" and len(nxt) > 2 and nxt[1][2] in lex.word_class("list_joiner")
            and nxt[2][2].isalpha()):
        return True  # 'tre- eller fyrdubbla', 'två- och trerumslägenheter': the first part of a compound
    if nxt and nxt[0][2] in lex.units.get("clock", ()) and re.fullmatch(r"(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?", raw):
        return True  # '2 pm', '2.13 am': a clock time ('2.1 pm' is a length)
    if clock_24(text, s, raw, prev_word, nxt, lex):
        return True
    if re.match(r"(:e|:a|st\b|nd\b|rd\b|th\b|\.\s?[a-zåäö])", text[e : e + 3]) and not vague:
        return True
    if decimal == "comma" and re.fullmatch(r"\d{1,2}\.\d\d", text[s : e + 3].split()[0] if e + 3 <= len(text) else ""):
        return True
    # a year-like number counts only before a lower-case word that is no function word ('1500 soldiers')
    return year_like and not vague and not _content_word_after(text, nxt, lex)


def _content_word_after(text: str, nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether a lower-case word that is no function word follows (what a number could count)."""
    return bool(nxt) and nxt[0][2].isalpha() and text[nxt[0][0]].islower() and nxt[0][2] not in function_words(lex)


def not_a_count_after(text: str, e: int, lex: Lexicon) -> bool:
    """Whether words that ``not_a_count`` lists follow ``text[e]`` (*år gammal*, *års ålder*, *f.Kr.*)."""
    after_text = text[e : e + 24].lower()  # room for the longest not_a_count form and a space
    return any(after_text.startswith(x) or after_text.lstrip().startswith(x) for x in lex.units.get("not_a_count", ()))


def moment_one(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """*At one point*, *at one time*: the numeral names a moment, not a count (``one_idiom_before`` and
    ``one_idiom_after``), even where another number counts the same noun nearby (*by 50 points*)."""
    return (0 < n < len(items) - 1 and items[n - 1][2].lower() in lex.word_class("one_idiom_before")
            and items[n + 1][2].lower() in lex.word_class("one_idiom_after"))


def counts_as_number(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """'en/ett/one' (``items[n]``) is a number only where a count is the point: after 'nästan',
    before 'miljard'."""
    scale = lex.numbers.get("scale", {})
    nxt = [w for _, _, w in items[n + 1 : n + 3]]
    if (n > 0 and items[n - 1][2] in lex.word_class("partitive") and items[n][2] in lex.word_class("indefinite_article")
            and nxt and nxt[0] not in scale):
        return False  # 'three quarters of a mile', 'most of a mile': the unit a share is of, not one of it
    unit = code_of(nxt[0], lex.lang) if nxt else None
    if nxt and ((nxt[0] in scale and len(nxt[0]) > 2)
                or (unit is not None and unit.kind in ("measure", "percent") and len(nxt[0]) > 1)):
        return True  # 'a gallon', 'a million', 'en procent'; not 'an M.F.A.' (a letter for a unit follows digits only)
    if nxt and nxt[0] in lex.numbers.get("denominator", {}):  # 'one sixth.', 'a third of', not 'a third connection'
        return len(nxt) == 1 or not nxt[1].isalpha() or nxt[1] in lex.word_class("partitive")
    if nxt and (len(nxt) > 1 and nxt[1] in scale and (
            (nxt[0],) in lex.approx.get("over", ()) or nxt[0] in lex.numbers.get("fraction", {}))):
        return True  # 'en miljard', 'en dryg miljard', 'en halv miljon'
    if len(nxt) > 1 and nxt[0] in lex.numbers.get("fraction", {}) and code_of(nxt[1], lex.lang) is not None:
        return True  # 'en halv timme', 'ett halvt år': half of a unit measures, as 'half an hour'
    fractions = lex.numbers.get("fraction", {})
    later = [w for _, _, w in items[n + 1 : n + 5]]
    if (len(later) == 4 and later[0] in lex.word_class("number_joiner") and later[1] in lex.numbers.get("article", {})
            and later[2] in fractions and (later[3] in scale or code_of(later[3], lex.lang) is not None)):
        return True  # 'one and a half million', 'one and a half years'
    if items[n][2] in lex.word_class("indefinite_article"):
        return False  # 'about a tropical storm', 'at least a trial': an article, not a count
    one = items[n][2] in lex.word_class("numeral_one")
    if one and moment_one(items, n, lex):
        return False
    if (one and len(nxt) > 1 and nxt[0] in lex.units.get("time_unit", ())
            and nxt[1].isalpha() and nxt[1] not in lex.word_class("subject_pronoun") | lex.word_class("determiner")):
        return True  # 'one week after', 'only one day to test it': a duration with a numeral (not 'a week'); not
        # the adverb 'one day.', 'One day, he …', 'One day he returned', 'one day the war will end'
    if one and n + 3 < len(items) and items[n + 2][2] in lex.word_class("coordinator") and any(
            _is_number(items[k][2], lex) for k in range(n + 3, min(n + 5, len(items)))):
        return True  # 'killing one person and injuring seven others': the first of a list of counts
    joiners = {w[0] for w in lex.approx.get("range_joiner", ())} | lex.word_class("list_joiner")
    if _open_end(later, lex) or (len(later) > 1 and later[0] in joiners
                                 and later[0] not in lex.word_class("conjunction")
                                 and (later[1].isdigit() or later[1] in lex.numbers.get("unit", {}))):
        return True  # 'one or more guards', 'one or two points', 'en eller två barn': the low end of a figure
    if _unit_in_list(items, n, lex) or _count_in_list(items, n, lex):
        return True  # 'ett år och tio månader', 'tre månaders och ett års', 'tre män och en kvinna'
    prev = tuple(w for _, _, w in items[max(0, n - 2) : n])
    prepositions = lex.word_class("source_stop")
    if not (nxt and (code_of(nxt[0], lex.lang) is not None or any(nxt[0] in lex.units.get(k, ()) for k in (
            "time_unit", "measure", "percent", "currency")))):  # 'över ett ämne', 'nära en kollaps', 'snart en
        # ny'; 'över ett år' counts: words that approximate a figure or else are prepositions or adverbs
        prepositions = prepositions | lex.word_class("approx_preposition") | lex.word_class("approx_adverb")
    return any(prev[-len(seq):] == seq and " ".join(seq) not in prepositions
               for kind in ("about", "over", "under") for seq in lex.approx.get(kind, ()))


def _unit_in_list(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """Whether *en/ett* at ``items[n]`` comes before a unit or span of time (a genitive *-s* too) that
    a conjunction joins to another number and its unit: a count among counts, as FORMAT.md has it."""
    def unit(k: int) -> bool:
        w = items[k][2] if 0 <= k < len(items) else ""
        return bool(w) and (code_of(w, lex.lang) is not None or code_of(w.removesuffix("s"), lex.lang) is not None)

    def number(k: int) -> bool:
        return 0 <= k < len(items) and _is_number(items[k][2], lex)

    joined = lex.word_class("conjunction") | lex.word_class("number_joiner")
    if not unit(n + 1):
        return False
    after = n + 2 < len(items) and items[n + 2][2] in joined and number(n + 3) and unit(n + 4)
    before = n >= 3 and items[n - 1][2] in joined and unit(n - 2) and number(n - 3)
    return after or before


def _count_in_list(items: list[tuple[int, int, str]], n: int, lex: Lexicon) -> bool:
    """Whether *en/ett* at ``items[n]`` is the last of a list of counts: a number and its noun,
    a conjunction, then *en/ett* and a noun (*tre män och en kvinna*, *två knivar och en sax*).
    After a unit (*0,8 procent och en arbetslöshet*, *två år och ett löfte*) it is an article."""
    if n < 3 or n + 1 >= len(items) or items[n - 1][2] not in lex.word_class("coordinator"):
        return False
    noun, number, after = items[n - 2][2], items[n - 3][2], items[n + 1][2]
    if not _is_number(number, lex):
        return False
    return (noun.isalpha() and after.isalpha() and code_of(noun, lex.lang) is None and after not in function_words(lex)
            and noun not in lex.numbers.get("scale", {}))  # '27 miljoner och en stadsbefolkning': an article


def is_measure(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` names a measure (*gallon*, *mile*): after *a* or *one* the figure is one of it."""
    found = code_of(word, lex.lang)
    return found is not None and found.kind == "measure"


def clock_words(prev: list[tuple[int, int, str]], nxt: list[tuple[int, int, str]], raw: str, lex: Lexicon) -> bool:
    """*halv åtta*, *kvart över tre*, *vid fyra på morgonen*: an hour from 1 to 12 after a word
    that splits the hour (``clock_before``) or before a part of the day (``clock_after``) is a
    time of day, which FORMAT.md leaves out."""
    value = num_value(raw, lex)
    if value is None or not 1 <= value <= 12:
        return False
    before, after = lex.units.get("clock_before", frozenset()), lex.units.get("clock_after", frozenset())
    words = [w for _s, _e, w in prev]
    if (words and words[-1] in before) or (len(words) > 1 and f"{words[-2]} {words[-1]}" in before):
        return True
    return len(nxt) > 1 and f"{nxt[0][2]} {nxt[1][2]}" in after


def clock_24(text: str, s: int, raw: str, prev_word: str, nxt: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*will speak at 23.45*, *21.30 GMT*: hours and minutes of a 24-hour clock, which FORMAT.md
    leaves out: after a word that puts a time (``clock_prep``) an hour past noon, so that *at 9.50*
    may still be a price or a measure, or before a time zone (``clock_zone``) any hour; never
    with a unit after it or a sign glued before it (*$23.45*)."""
    m = re.fullmatch(r"([01]?\d|2[0-3])[.:][0-5]\d", raw)
    if m is None or (s > 0 and not text[s - 1].isspace()) or (nxt and code_of(nxt[0][2], lex.lang) is not None):
        return False
    zone = bool(nxt) and nxt[0][2] in lex.units.get("clock_zone", frozenset())
    return zone or (prev_word in lex.units.get("clock_prep", frozenset()) and int(m.group(1)) >= 13)


def rating(prev: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """*Betyg: 4 av 6*, *Betyg 5*: a grade after a rating word (``rating_marker``), colon or not,
    rates; it counts nothing."""
    markers = lex.word_class("rating_marker")
    words = [w for _s, _e, w in prev]
    return bool(words) and (words[-1] in markers or (len(words) > 1 and words[-1] == ":" and words[-2] in markers))


def placing(prev: list[tuple[int, int, str]], nxt: list[tuple[int, int, str]], raw: str, lex: Lexicon,
            doc: Doc | None) -> bool:
    """*där han blev elva*, *Gais ... är elva*, *Bäst är Mattias Hargin åtta*, *slutade sexa
    respektive åtta*: a number word with nothing counted after a verb of finishing or being
    (``placing_verb``) whose subject is one (no plural pronoun or noun right before the verb, or a
    name between verb and number) is a place in a ranking, an ordinal FORMAT.md leaves out;
    *Vi är fyra*, *Barnen blev fyra*, *blev fyra och sex år* (a list of figures) count."""
    units = lex.numbers.get("unit", {})
    value = units.get(raw.lower())
    if value is None or value > 20 or not prev:
        return False
    joiners = lex.word_class("list_joiner") | {","}
    if len(nxt) > 1 and nxt[0][2] in joiners and (nxt[1][2].isdigit() or nxt[1][2] in units):
        return False
    verbs = lex.word_class("placing_verb")
    k = len(prev) - 1
    named = False
    if k >= 1 and prev[k][2] in lex.word_class("distributive") and prev[k - 1][2].isalpha():
        if prev[k - 1][2] in lex.numbers.get("unit", {}):
            return False  # 'tre respektive fyra': a list of counts
        k, named = k - 2, True  # 'slutade sexa respektive åtta': a place, then another
    while k >= 0 and prev[k][2] not in verbs and (_capitalised(doc, prev[k])
                                                  or prev[k][2] in lex.word_class("person_pronoun")):
        k, named = k - 1, True  # 'är Mattias Hargin åtta', 'slutade hon elva'
    if k < 0 or prev[k][2] not in verbs:
        return False
    if named or k == 0:
        return True
    subject = prev[k - 1]
    w = lex.word_class
    return subject[2] not in w("group_pronoun") | w("expletive") and not _plural(doc, subject)


def _capitalised(doc: Doc | None, word: tuple[int, int, str]) -> bool:
    token = _token_at(doc, word)
    return token is not None and token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN"} and token.i > 0


def _plural(doc: Doc | None, word: tuple[int, int, str]) -> bool:
    token = _token_at(doc, word)
    return token is not None and "Plur" in token.morph.get("Number", [])


def _token_at(doc: Doc | None, word: tuple[int, int, str]) -> Token | None:
    if doc is None or not doc.has_annotation("POS"):
        return None
    return token_at(doc, word[0], word[1])


def singular_noun(doc: Doc | None, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the noun that the words at ``span`` lead to is one the tagger marks singular: by its
    morphology, or by a fine tag the language lists as singular (``singular_noun_tag``). Attributive
    words before it are stepped over to their noun (*the party's 2012 presidential nominee*: a year
    before one nominee, where so many of anything would take the plural)."""
    token = token_at(doc, span[0], span[1]) if doc is not None and doc.has_annotation("POS") else None
    while token is not None and _attributive(token) and token.head.idx < span[1]:
        token = token.head
    if token is None or token.pos_ != "NOUN":
        return False
    return "Sing" in token.morph.get("Number", []) or token.tag_.lower() in lex.word_class("singular_noun_tag")


def _attributive(token: Token) -> bool:
    """A word that modifies a noun to its right (*presidential* nominee, *registered* voters)."""
    return token.dep_ in {"amod", "compound"} and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"}


def _plural_indefinite(token: Token, lex: Lexicon) -> bool:
    """A noun in the plural (by morphology or a fine tag the language lists: ``plural_noun_tag``), not definite."""
    plural = "Plur" in token.morph.get("Number", []) or token.tag_.lower() in lex.word_class("plural_noun_tag")
    return plural and "Def" not in token.morph.get("Definite", [])


def verb_like(doc: Doc | None, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the word at ``span`` that follows a year-like number is a verb: tagged so, or an
    adjective the tagger made of a verb (*visades 2001 vallfärdade drygt*, *först 2022 väntas
    bygget*), which stands before no noun, or before a definite one that no attributive
    adjective could take without a determiner; *2000 skadade personer* is a count. Before a verb
    the number is a year only where a subject follows the verb (*1563 hade Venedigs befolkning*,
    *2012 ökade intäkterna*: the clause inverted after a fronted time); where none does, the number
    is the verb's subject and counts (*1607 togs in på sjukhus*, *1200 died in the fire*)."""
    token = _token_at(doc, (span[0], span[1], ""))
    if token is None:
        return False
    if token.pos_ == "VERB" and _attributive(token) and _plural_indefinite(token.head, lex):
        return False  # '2047 registered voters': a participle before its noun, the number counts the noun
    if token.pos_ == "VERB":  # a year before the verb inverts the clause: its subject follows the verb
        after = next((t for t in token.doc[token.i + 1 :] if t.pos_ not in {"ADV", "PART"}), None)
        return after is not None and after.pos_ in {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"}
    if token.pos_ != "ADJ" or (token.i > 1 and token.doc[token.i - 2].pos_ == "DET"):
        return False  # 'de 2000 första dagarna': a determiner before the number makes the phrase definite
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return True
    return "Def" in after.morph.get("Definite", [])


def bracketed(text: str, prev: list[tuple[int, int, str]], s: int, e: int, lex: Lexicon) -> bool:
    """An integer alone in brackets (*(4) Mustasch*, *Malmö (8)*) ranks or refers; after a figure's
    unit or number (*18 miljoner kronor (21)*) it is the figure to compare with, and counts."""
    closer = {"(": ")", "[": "]"}.get(text[s - 1 : s])
    if closer is None or not (text[e : e + 1] == closer or text[e : e + 2] == "." + closer):
        return False  # '[538.]': a reference in square brackets too
    before = prev[-2][2] if len(prev) > 1 else ""
    scale = lex.numbers.get("scale", {})
    return not (before.isdigit() or before in scale or code_of(before, lex.lang) is not None)


_DAY_MONTH_AFTER = re.compile(r" ?/ ?(\d{1,2})(?!\d|[.,]\d| ?/)")
_DAY_MONTH_BEFORE = re.compile(r"(?<![\d.,/])(\d{1,2}) ?/ ?$")


def day_month(text: str, s: int, e: int) -> bool:
    """*den 24 / 12*, *Brännpunkt 10 / 2*: a day and a month joined by a slash (spaced or not),
    a date; both numbers are left out. A first number over 31 or a second over 12 (*70 / 30*) is
    no date."""
    after = _DAY_MONTH_AFTER.match(text, e)
    if after is not None and 1 <= int(text[s:e]) <= 31 and 1 <= int(after.group(1)) <= 12:
        return True
    before = _DAY_MONTH_BEFORE.search(text, max(0, s - 6), s)
    return before is not None and 1 <= int(before.group(1)) <= 31 and 1 <= int(text[s:e]) <= 12


def list_number(text: str, s: int, e: int, nxt: list[tuple[int, int, str]]) -> bool:
    """*10 Michel de Montaigne: ...*, *3 När ska jag spara?*: digits that open a block before a
    word in Title Case number an item of a list; a count there names its noun in lower case
    (*27 personer*) or as a compound (*40 SAS-piloter*)."""
    if text[:s].strip(" \t•*–—-") or not nxt:
        return False
    if nxt[0][2] in {")", "."} and nxt[0][0] == e and len(nxt) > 1:
        nxt = nxt[1:]  # '9) Var kompis med facket'
    word = text[nxt[0][0] : nxt[0][1]]
    return word.isalpha() and len(word) > 1 and word[0].isupper() and word[1:].islower()


def mark_word_before(text: str, s: int) -> str:
    """The word right before ``text[s]``, lower case ('' at the start)."""
    m = re.search(r"(\w+)\W*$", text[max(0, s - 40) : s])
    return m.group(1).lower() if m else ""


def bare_label(text: str, s: int, end: int, raw: str, lex: Lexicon) -> bool:
    """A figure with nothing counted, no unit and no approximation that ends its block
    (*Game of Thrones 7.*, *Zara 6.*, *” Sounds like hell ” 8.*) ranks or numbers an item of a
    list; and a number word that is a noun too (``noun_homograph``: *sex*) counts only before
    what it counts (*haft sex med*, *bättre än sex, kärlek*)."""
    if raw.lower() in lex.word_class("noun_homograph"):  # but 'de sex i besättningen': a determiner makes it a number
        return mark_word_before(text, s) not in lex.word_class("determiner") | lex.word_class("possessive")
    return raw.isdigit() and not text[end:].strip(" .") and not is_year(raw)


def bare_adjective(doc: Doc | None, counted: tuple[int, int]) -> bool:
    """Whether what *en/ett* would count is an adjective alone with no noun after it (*över ett
    annat*, *ett nytt*): the article of a noun left out, not a count of one."""
    token = _token_at(doc, (counted[0], counted[1], ""))
    if token is None or token.pos_ != "ADJ":
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}


def open_end(nxt: list[tuple[int, int, str]], lex: Lexicon) -> tuple[str, int]:
    """*107 or more*, *five or fewer*, *15 or so*: words after a number (``over_after``, ``under_after``,
    ``about_after``) that make it a bound or an estimate; the approximation and how many words they
    take, or ("", 0)."""
    words = tuple(w for _s, _e, w in nxt[:3])
    for kind, approx in (("over_after", "over"), ("under_after", "under"), ("about_after", "about")):
        for seq in lex.approx.get(kind, ()):
            if words[: len(seq)] == seq:
                return approx, len(seq)
    return "", 0


def _open_end(later: list[str], lex: Lexicon) -> bool:
    return open_end([(0, 0, w) for w in later], lex)[1] > 0


def _is_number(word: str, lex: Lexicon) -> bool:
    """A figure in digits or a number word of the language (*seven*, *tre*)."""
    return word.isdigit() or word in lex.numbers.get("unit", {})
