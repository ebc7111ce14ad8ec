"""Cues in a comparative clause: *som X påpekar, Y* reports Y; *större än vi trodde* reports nothing.

A comparative clause opened by the manner word (``as_aside_word``: Swedish *som*) and holding a subject
and a reporting verb, with no object but an anaphor (*som X påpekar*, *som X uttryckte det*), is an
aside: the clause it is set into is what the subject said (English *as X noted, Y*). Opening the
sentence, its claim is the main clause after it; set off by commas inside the sentence, the claim is
the sentence it stands in (the blind Swedish gold writes it so). A generic subject (``generic_subject``,
*som man säger*) or none (*som sagt*) is an idiom: nobody is named and nothing is reported.
"""

from __future__ import annotations

from claimledger.nlp.components.colons import colon_quotes
from claimledger.nlp.components.found import Found
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.lexicon import Cue

_MAX_SUBJECT = 6
"""Longest subject (tokens) between the manner word and its verb."""


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
    after = c1 + (c1 < r.e and d[c1].lower_ in r.anaphor)
    if opening:
        start = next((x for x in range(after, min(r.e, after + _MAX_SUBJECT))
                      if (r.is_verb(d[x]) and not (r.tagged and d[x - 1].pos_ == "ADP")) or d[x].is_punct),
                     r.e)  # 'Som X sade till TT i går är det': past the adverbials ('går' after 'i' is none)
        start += start < r.e and d[start].text == ","
        if start >= r.e or not r.is_verb(d[start]):
            return None  # no V2 main clause follows the aside
        content = r.trim((start, r.clause_end(start, later)))
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
    """Whether a noun phrase after the cue is its claim: a labelling cue (``labelling_cue``: *pekar ut*)
    with an object and *som* + a predicative (*pekar ut två män som skyldiga*: the men are guilty; with no
    *som* it points at a thing, *pekade ut vägen*), or a forecast (``forecast_cue``: *räknar med*,
    *förutspår*, *väntar sig*) whose object is a described state of things (*räknar med mer ekonomiska
    stimulanser*, *förutspår en låg ränta*: an adjective, or a degree adverb, says what is expected); a
    name or a pronoun is whom one counts on (*räknar med honom*, *tror på Gud*), no forecast."""
    d, w = r.doc, r.lex.word_class
    words = " ".join(cue.words)
    if words in w("labelling_cue"):
        return any(d[x].lower_ in w("as_aside_word") for x in range(content[0] + 1, content[1] - 1))
    if words not in w("forecast_cue") or not r.tagged or d[content[0]].pos_ in {"PRON", "PROPN"}:
        return False
    phrase = next((x for x in range(content[0] + 1, content[1]) if d[x].pos_ in {"ADP", "SCONJ", "PUNCT"}),
                  content[1])
    return any(d[x].pos_ in {"ADJ", "ADV"} for x in range(content[0], phrase))  # 'ovanligt svag': a degree
