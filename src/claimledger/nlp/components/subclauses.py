"""Where a surface claim starts and ends around the clauses set into it (Swedish first; the rules
read the tagger's VerbForm and the language's word classes, so a language without them is unchanged).

**Comparative asides.** Cues in a comparative clause: *som X påpekar, Y* reports Y; *större än vi
trodde* reports nothing.

A comparative clause opened by the manner word (``as_aside_word``: Swedish *som*) and holding a subject
and a reporting verb, with no object but an anaphor (*som X påpekar*, *som X uttryckte det*), is an
aside: the clause it is set into is what the subject said (English *as X noted, Y*). Opening the
sentence, its claim is the main clause after it; set off by commas inside the sentence, the claim is
the sentence it stands in (the blind Swedish gold writes it so). A generic subject (``generic_subject``,
*som man säger*) or none (*som sagt*) is an idiom: nobody is named and nothing is reported.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimledger.nlp.components.clauses import past_aside
from claimledger.nlp.components.colons import colon_quotes
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.components.wordorder import infinitive_end, main_clause_order, subject_claim_end
from claimledger.nlp.lexicon import Cue, Lexicon

_MAX_SUBJECT = 6
"""Longest subject (tokens) between the manner word and its verb."""
_NO_NAME = {"PRON", "DET", "ADV", "SCONJ", "AUX"}
"""Word classes a capitalised word mid-sentence belongs to only when a full stop before it was lost."""
_ADVERBIAL_CLAUSE = frozenset({"advcl"})
"""The label of a clause that says when or why (ClearNLP's and UD's alike)."""
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
"""Penn tags of participles (en_core_web_sm writes no VerbForm); UD taggers write VerbForm=Part."""


def _subject_start(r: SentenceRules, c0: int) -> tuple[int, int] | None:
    """Where the subject before the cue at ``c0`` starts, past a bracket after it (*X (20 / 11) påpekar*),
    and where it ends; None if no word of the manner class stands right before it."""
    d = r.doc
    end = c0
    if c0 - 1 > r.s and d[c0 - 1].text == ")":
        end = next((x for x in range(c0 - 2, r.s - 1, -1) if d[x].text == "("), c0)
    k = end
    while k > r.s and end - k < _MAX_SUBJECT and not d[k - 1].is_punct and not r.is_verb(d[k - 1]) \
            and d[k - 1].lower_ not in r.lex.word_class("as_aside_word"):
        k -= 1
    if k == end or k == r.s or d[k - 1].lower_ not in r.lex.word_class("as_aside_word"):
        return None
    while r.tagged and end - 1 > k and d[end - 1].pos_ == "ADV":
        end -= 1  # 'som vd X lagom känslomässigt uttryckte saken': the manner adverbs are no part of the name
    return k, end


def as_aside(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | bool | None:
    """The claim of a reporting verb in an aside *som X V (det)*: None where the cue stands in no such
    clause, False where the clause reports nothing (an idiom, or no clause around it), else the entry.
    A cue of the ``aside_only_cue`` class (*som jag ser det*) is one only in such an aside or before a
    colon (*ser det så här: Y*, read before this); elsewhere (*ser det som ett hot*) False."""
    found = _as_aside(r, c0, c1, cue, later)
    if found is None and " ".join(cue.words) in r.lex.word_class("aside_only_cue"):
        return False
    return found


def _as_aside(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | bool | None:
    d, w = r.doc, r.lex.word_class
    subject = _subject_start(r, c0)
    if subject is None:
        return None
    k, end = subject
    som = k - 1
    opening = r.skip_open(r.s, som) == som and not any(r.is_quote(d[x]) for x in range(r.s, som))
    if not opening and d[som - 1].text != ",":
        return None  # 'bilen som han sade var nyservad': a relative clause after its noun
    source = r.trim((k, end))
    if source is None or not r.nominal(source):
        return None
    if end - k == 1 and d[k].lower_ in w("generic_subject"):
        return False  # 'som man säger': an idiom, no one's claim
    after = c1 + (c1 < r.e and (d[c1].lower_ in r.anaphor or d[c1].lower_ in w("aside_object")))
    if opening:
        start = next((x for x in range(after, min(r.e, after + _MAX_SUBJECT))
                      if (r.is_verb(d[x]) and not (r.tagged and d[x - 1].pos_ == "ADP")) or d[x].is_punct),
                     r.e)  # 'Som X sade till TT i går är det': past the adverbials ('går' after 'i' is none)
        start += start < r.e and d[start].text == ","
        if start >= r.e or not r.is_verb(d[start]) or any(d[x].lower_ in r.comp for x in range(after, start)):
            return None  # no V2 main clause follows the aside; 'Som lärare tycker hon att': the main clause itself
        content = r.trim((start, r.clause_end(start, later)))
    elif after > c1 and not any(r.is_verb(d[x]) or d[x].is_punct for x in range(after, r.e)):
        # '…, som hon uttrycker det (i en intervju).': the aside ends the sentence, the claim stands before it
        content = r.trim((r.skip_open(r.s, som), som - 1))
    else:
        if after >= r.e or d[after].text != ",":
            return None  # ', som hon beskrev förslaget': an object relative clause, the noun its claim
        if after == c1 and r.tagged and d[som - 2].pos_ in {"NOUN", "PROPN", "PRON"}:
            return None  # 'Beslutet, som ministern kommenterade, ...': with no 'det', a relative clause
        content = r.trim((r.skip_open(r.s, som), r.clause_end(after + 1, later)))
    if content is None:
        return False
    quote = colon_quotes(r, content[0], content[1])  # '…, handlar det om X: – De resenärer …': the quote's own
    content = r.trim((content[0], quote[0])) if quote else content
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-as-aside") if content else False


def in_than_clause(r: SentenceRules, c0: int) -> bool:
    """Whether the cue at ``c0`` stands in a comparative clause (``comparison_word``: *större än (vad) vi trodde
    att det skulle bli*): what is believed there is the comparison's gap, no proposition of its own."""
    d, than = r.doc, r.lex.word_class("comparison_word")
    if not than:
        return False
    k = c0
    while k > r.s and c0 - k <= _MAX_SUBJECT and not d[k - 1].is_punct and d[k - 1].lower_ not in than and not (
            r.is_verb(d[k - 1]) and not (r.tagged and d[k - 1].pos_ == "AUX")):
        k -= 1  # the subject, adverbs and an auxiliary: 'än kommunen hade räknat med'
    return k < c0 and k > r.s and d[k - 1].lower_ in than


def labelled(r: SentenceRules, cue: Cue, content: tuple[int, int]) -> bool:
    """Whether a noun phrase after the cue is its claim: an accusation (``accusation_cue``) of an object
    for something (*anklagade regeringen för svek*); a labelling cue (``labelling_cue``: *pekar ut*)
    with an object and *som* + a predicative (*pekar ut två män som skyldiga*: the men are guilty; with no
    *som* it points at a thing, *pekade ut vägen*), or a forecast (``forecast_cue``: *räknar med*,
    *förutspår*, *väntar sig*) whose object is a described state of things (*räknar med mer ekonomiska
    stimulanser*, *förutspår en låg ränta*: an adjective, or a degree adverb, says what is expected); a
    name or a pronoun is whom one counts on (*räknar med honom*, *tror på Gud*), no forecast."""
    d, w = r.doc, r.lex.word_class
    words = " ".join(cue.words)
    if words in w("labelling_cue"):
        return any(d[x].lower_ in w("as_aside_word") for x in range(content[0] + 1, content[1] - 1))
    if words in w("accusation_cue"):  # 'anklagade regeringen för svek': whom, and for what (charge_prep)
        return any(d[x].lower_ in w("charge_prep") for x in range(content[0] + 1, content[1] - 1))
    if words not in w("forecast_cue") or not r.tagged or d[content[0]].pos_ in {"PRON", "PROPN"}:
        return False
    phrase = next((x for x in range(content[0] + 1, content[1]) if d[x].pos_ in {"ADP", "SCONJ", "PUNCT"}),
                  content[1])
    return any(d[x].pos_ in {"ADJ", "ADV"} for x in range(content[0], phrase))  # 'ovanligt svag': a degree


def linked_clause(r: SentenceRules, tail: Range) -> bool:
    """'X, enligt SCB, men Y' / ', så vi jobbar': a clause that a conjunction (or an adverb with the
    subject right after it, not V2) links on is the writer's next step; the phrase speaks for X."""
    d, i = r.doc, tail[0]
    return d[i].lower_ in r.conj or (r.tagged and d[i].pos_ == "ADV" and i + 1 < tail[1]
                                     and d[i + 1].lower_ in r.lex.word_class("nominative_pronoun"))


def possessor(r: SentenceRules, c0: int) -> Range | None:
    """The genitive noun phrase that owns a noun cue (*Regeringens bedömning är att X*, *förbundets
    hållning är att X*): whose judgement it is, so the source. A possessive pronoun (*min bedömning*)
    is left to the speaker's own attribution; None where no noun or name owns the cue."""
    d = r.doc
    k = c0 - 1
    if not r.tagged or k < r.s or d[k].pos_ not in {"NOUN", "PROPN"} or "Gen" not in d[k].morph.get("Case", []):
        return None
    start = k  # its modifiers by their word class (a tagger, no parse): 'Den finlandssvenska språkvårdens'
    while start > r.s and (d[start - 1].pos_ in {"DET", "ADJ", "NUM"}
                           or (d[k].pos_ == "PROPN" and d[start - 1].pos_ == "PROPN")):
        start -= 1
    return (start, c0)


def generic_self_talk(r: SentenceRules, c1: int, source: Range | None) -> bool:
    """A subject that names no one (``generic_subject``) telling itself something (*säger man till sig
    själv: …*) is a thought anyone might have, put forward by nobody: no attribution."""
    d, w = r.doc, r.lex.word_class
    if source is None or source[1] - source[0] != 1 or d[source[0]].lower_ not in w("generic_subject"):
        return False
    k = source[1] if source[0] >= c1 else c1  # past an inverted subject: 'säger man till sig'
    return k + 1 < r.e and d[k].lower_ in w("recipient") and d[k + 1].lower_ in w("reflexive")


def relative_aside(r: SentenceRules, content: Range) -> bool:
    """Whether the words before a comma and a cue are a noun phrase and a relative clause set off by commas
    (*KCNA, vars enda syfte är att hylla regimen, beskriver övningen som*): the cue's subject with an aside,
    not a claim with the cue inverted after it (tagged languages only). Where a predicate follows the relative
    clause's closing comma (*Soldater, som är emot X, har tagit på sig Y, rapporterar AFP*), it is the claim."""
    d = r.doc
    comma = next((x for x in range(*content) if d[x].text == ","), None)
    return (r.tagged and comma is not None and comma > content[0] and comma + 1 < content[1]
            and d[comma + 1].lower_ in r.rel and not r.is_quote(d[content[0]])
            and not any(r.is_verb(d[x]) or d[x].pos_ == "AUX" for x in range(content[0], comma))
            and not any(d[x].text == "," for x in range(comma + 2, content[1])))  # ', som …, har tagit': a clause


def participle_lead(r: SentenceRules, content: Range) -> bool:
    """Whether the words before a comma and a cue are a participle clause the parse hangs on the cue
    (*Asked whether he would run, Smith said no*): they say when or why the speaker spoke, not what
    (parsed languages only; a quotation, *"Worried about it," she said*, is a claim whatever its words)."""
    d = r.doc
    t = d[content[0]]
    return (d.has_annotation("DEP") and not r.is_quote(d[max(content[0] - 1, r.s)]) and t.pos_ == "VERB"
            and t.dep_ in _ADVERBIAL_CLAUSE and t.head.i not in range(*content) and t.head.i >= content[1]
            and not any(r.is_quote(x) for x in d[content[0]:content[1]])
            and (t.tag_ in _PARTICIPLE_TAGS or "Part" in t.morph.get("VerbForm", [])))


def sentence_pieces(doc: Doc, sent: Span, lex: Lexicon) -> list[Span]:
    """'... nervgasen sarin... Folk har upprörts': where the language's data says so, an ellipsis before
    a capital or a dash ends a sentence the splitter ran on (cut-off text, a new sentence); so does a full
    stop of its own before a dash or a capital (*runt lunch. – Det tog*, *enligt vd:n. Assa Abloys*)."""
    w = lex.word_class
    marks, stops, dashes = w("sentence_end_ellipsis"), w("sentence_end_mark"), w("dash")
    if not marks and not stops:
        return [sent]
    opens = [t.i + 1 for t in sent[:-1] if doc[t.i + 1].is_title or doc[t.i + 1].text in dashes]
    cuts = [i for i in opens if doc[i - 1].text in marks or (
        doc[i - 1].text in stops and i - 1 > sent.start and len(doc[i - 2]) > 1) or _lost_stop(doc, sent, i, lex)]
    bounds = [sent.start, *cuts, sent.end]
    return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _lost_stop(doc: Doc, sent: Span, i: int, lex: Lexicon) -> bool:
    """A full stop lost in the source (*… på en bil Ungefär 400 hushåll är drabbade*): mid-sentence only
    names take a capital, so a capitalised word of a class no name has (a pronoun, determiner, adverb,
    subordinator or auxiliary: ``_NO_NAME``) right after a lower-case word, not followed by another
    capital, outside quotation marks, with a finite verb within three words, opens a new sentence. Nouns
    and adjectives are left alone: Swedish names are often definite nouns (*Riksbanken*,
    *Försäkringskassan*) and open with adjectives (*tidningen Svenska Dagbladet skriver*)."""
    t, prev = doc[i], doc[i - 1]
    if (len(t) < 2 or prev.is_punct or not prev.text[:1].islower() or t.pos_ not in _NO_NAME
            or (i + 1 < sent.end and doc[i + 1].is_title)):
        return False  # 'säger docent Kai Knudsen': a capital after a capital is a name
    quotes = lex.word_class("quote_open") | lex.word_class("quote_close")
    if sum(doc[x].text in quotes for x in range(sent.start, i)) % 2:
        return False
    return any("Fin" in doc[x].morph.get("VerbForm", []) for x in range(i, min(sent.end, i + 4)))


def negated(r: SentenceRules, k: int) -> bool:
    """Whether the cue at ``k`` is negated (*säger inte*, *did not say*); a negation before a
    comma ends the quote (*– Vi ger oss inte, säger han*), not the cue."""
    for x in range(k - 1, max(r.s, k - 2) - 1, -1):
        if r.doc[x].is_punct:
            return False
        if r.doc[x].lower_ in r.negation:
            return True
    return False


def rule_noun(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    """A noun cue (*uppgifter om att X*, *Regeringens bedömning är att X*): the clause after it, its source
    named by a source preposition before it or by a genitive owner."""
    d = r.doc
    end = main_clause_order(r, c1, subject_claim_end(r, c0, c1, r.clause_end(c1, later)))  # 'om att X och i dag har Y'
    content = r.trim((c1, end))  # 'Rapporterna om att X har'
    if content is None:
        return None
    source = None
    for x in range(r.s, c0):
        if d[x].lower_ in r.source_prep:
            source = r.np_after(x + 1, c0, "inverted")
            break
    source = source or possessor(r, c0)  # 'Regeringens bedömning är att X'
    return Found((c0, c0 + 1), content, source, cue.certainty, cue.kind, "noun")


def rule_self(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    """A verb whose subject says something about itself (*säger sig ha sett X*): the infinitive phrase after it."""
    source = r.np_before(c0)
    start = c1
    if source is None or r.doc[source[0]].lower_ in r.stop:  # 'Enligt X tyckte sig familjen se'
        # V2: 'därefter säger sig specialstyrkorna ha hittat': the subject follows the cue
        source = r.np_after(c1, r.e, "inverted")
        start = source[1] if source else c1
    start = past_aside(r, start)  # 'säger sig, enligt polisen, inte känna offret'
    content = r.trim((start, infinitive_end(r, start, r.clause_end(start, later))))
    if source is None or content is None:
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "self")


def name_then_noun(r: SentenceRules, source: Range) -> Range:
    """A prepositional source ends at a name followed by a definite common noun with no genitive between
    (*orsaker är enligt Kameo bostadsbristen*): a name and a definite noun make no noun phrase in Swedish
    (*Kameos rapport*, *rapporten från Kameo*), so the noun opens the clause's own words. Tagged text only."""
    d = r.doc
    if not r.tagged:
        return source
    for x in range(source[0], source[1] - 1):
        nxt = d[x + 1]
        name = d[x].pos_ == "PROPN" or (d[x].pos_ == "NOUN" and d[x].is_title and x > r.s)  # 'Trafikverket'
        if (name and not d[x].text.endswith("s") and nxt.pos_ == "NOUN" and nxt.text.islower()
                and "Def" in nxt.morph.get("Definite", [])):
            return (source[0], x + 1)
    return source


def colon_quote_of_later(r: SentenceRules, start: int, end: int, later: list[int]) -> list[int]:
    """Colons in ``start``..``end`` that open a quotation closed right before a later cue (*X beklagar att
    Y: ”Z,” sade hon*): the quotation is the later cue's speaker's, so a claim before it ends at the colon."""
    d = r.doc
    closes = [c for c in later if c - 1 > start and r.is_quote(d[c - 1])]
    return [x for x in range(start, end - 1) if d[x].text == ":" and r.is_quote(d[x + 1])
            and any(c > x + 2 for c in closes)]
