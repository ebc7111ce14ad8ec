"""Swedish clause order: where a claim's clause starts and ends, read from the order of its words (the
verb second, a subordinate clause's adverb before its verb) and the tagger's VerbForm; a language whose
model gives no VerbForm, or whose words.tsv names none of these classes, is unchanged.

**Verb second.** A main clause puts its finite verb second: after a fronted phrase the subject follows
the verb. So a fronted *enligt X* runs on to that verb (*Enligt domen i en tingsrätt döms X*), a clause
joined on with its own subject and finite verb (*och banken ska*) or with an adverbial and then the verb
before its subject (*men ännu så länge finns det*) is a main clause, and a subordinate claim ends before
it; a subordinate clause puts a sentence adverb before its verb (*att han inte kom*), a main clause after
it (*och det har säkert funnits*). A relative clause holds one finite verb, its own: the next finite verb
after it, with no subordinator before it, is the main clause's (*som misstänkts för X begärdes häktade*).

**Infinitive claims and the predicates after them.** Where a claim that is an infinitive phrase ends
when a finite predicate is joined on after it.

*Hon anklagar sig själv för att inte ha förutsett X och jagas av Y*: the *att* clause's verb is an
infinitive, which has no tense, so a verb with tense after *och* / *men* cannot be the infinitive's
coordinate; it is the main clause's second predicate, the writer's next statement. A finite clause
(*säger att han tog X och lämnade Y*) keeps its coordinate: that is one claim. Nor does a relative
clause on the whole (*säger sig vara chockad – vilket upprör partiet*) belong to an infinitive's claim:
it comments on the saying. Read from the tagger's
VerbForm, so a language whose model gives none is unchanged.
"""

from __future__ import annotations

from dataclasses import replace

from claimledger.nlp.components.clauses import contact_relative
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.sentence import SentenceRules

_MAX_SUBJECT = 6
"""Longest fronted noun phrase (tokens) read past to the verb that closes it."""
_LOOKAHEAD = 3
"""Words (a negation, adverbs) between the complementizer and the verb it opens."""


_NOMINAL = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM", "ADP"})
"""Coarse tags of the words a subject noun phrase is made of (a preposition for its attributes)."""


def _form(r: SentenceRules, x: int) -> list[str]:
    return list(r.doc[x].morph.get("VerbForm", []))


def infinitive_end(r: SentenceRules, start: int, end: int) -> int:
    """The end of the content ``start .. end`` when it opens with an infinitive: before a link word
    (``predicate_link``) that a finite verb follows; else ``end``."""
    d = r.doc
    if not r.tagged:
        return end
    first = next((x for x in range(start, min(end, start + _LOOKAHEAD + 1)) if d[x].pos_ in {"VERB", "AUX"}), None)
    if first is None or "Inf" not in _form(r, first):
        return end
    link = r.lex.word_class("predicate_link")
    for x in range(first + 1, end - 1):
        if (d[x].text == "," or d[x].text in r.dashes) and d[x + 1].lower_ in r.lex.word_class("sentential_relative"):
            return x  # 'säger sig vara chockad – vilket upprör': the writer's comment on it
        if "Fin" in _form(r, x) and x > first + 1:
            if d[x - 1].lower_ in link:
                return x - 1
            return end  # a finite verb of a clause inside the phrase ('att visa att hon vet'): leave it
    return end


def subject_claim_end(r: SentenceRules, c0: int, start: int, end: int) -> int:
    """The end of a noun cue's claim when the noun phrase is the sentence's subject (*Rapporterna om att
    gisslan dött har inte kommenterats*): the main clause's finite verb, the last before ``end``, closes
    it; a claim of one word, or a sentence with no full stop (a headline, which may lack a predicate),
    keeps ``end``."""
    d = r.doc
    if not r.tagged or r.e >= len(d) or d[r.e].text not in r.lex.word_class("sentence_end_mark"):
        return end
    if any(d[x].pos_ not in {"DET", "ADJ"} for x in range(r.skip_open(r.s, c0), c0)):
        return end  # the noun phrase is no subject opening the sentence: 'med anledning av misstankar om att'
    days = r.lex.word_class("day_before")  # 'kom i går': 'går' is the day, not a finite verb
    finite = [x for x in range(start, end) if "Fin" in _form(r, x) and not d[x - 1].is_punct
              and f"{d[x - 1].lower_} {d[x].lower_}" not in days]
    if not finite or finite[-1] - start < 2 or any(d[x].is_punct for x in range(start, finite[-1])):
        return end
    return finite[-1]


def second_predicate(r: SentenceRules, c0: int) -> int | None:
    """Where the clause the cue at ``c0`` opens starts, when a conjunction or a comma joins it on, an
    adverb between or not (*uppges ha hittats och sägs avslöja*: at the cue; *som dödade X och därefter
    tros ha anslutit*, *men nu uppges staden kontrolleras*: at the adverb): a passive there claims that
    clause, not the one before it. None where no link stands before the cue. The adverb is looked past
    only where the language's rules say its verb comes second (``v2``: a fronted adverb opens the clause)."""
    d = r.doc
    v2 = "v2" in r.lex.word_class("rules")
    k = c0 - 1 - (v2 and r.tagged and c0 - 2 > r.s and d[c0 - 1].pos_ == "ADV")
    return k + 1 if c0 > r.s and k >= r.s and (d[k].lower_ in r.conj or d[k].text == ",") else None


def inserted_subject(r: SentenceRules, c0: int) -> int | None:
    """``inserted_relative`` for the comma right before the cue at ``c0`` (or before an adverb before it)."""
    v2 = "v2" in r.lex.word_class("rules")
    k = c0 - 1 - (v2 and r.tagged and c0 - 2 > r.s and r.doc[c0 - 1].pos_ == "ADV")
    return inserted_relative(r, k) if c0 > r.s and k > r.s and r.doc[k].text == "," else None


def inserted_relative(r: SentenceRules, k: int) -> int | None:
    """Where the subject starts whose relative clause, set off by commas, the comma at ``k`` closes
    (*Föraren, som är en av de skadade, misstänks*, *Mark Hughes, som tränade X, väntas*): the predicate
    after it is the subject's, so a passive there claims the whole clause, subject included (sv-dev's *En
    svensk man som … misstänks nu ha mördats*, review7's *Gärningsmannen, som …, är anhållen misstänkt*).
    'som' (the language's ``relative``) after the nearest comma before, and before that a noun phrase
    (prepositions and names in it, no finite verb) that opens its clause: at the sentence's start, or
    after a conjunction or 'att'. None where no such subject stands, or where the inserted clause holds a
    cue of its own (sv-dev: *Fartyget, som … tros tillhöra X, är misstänkt för att*: two claims, the main
    predicate's without the subject)."""
    d = r.doc
    opening = next((x for x in range(k - 2, r.s, -1) if d[x].text == ","), None)
    if (not r.tagged or opening is None or d[opening + 1].lower_ not in r.rel
            or any(opening < x < k for x in r.cue_starts)):
        return None
    x = opening
    while x > r.s and "Fin" not in d[x - 1].morph.get("VerbForm", []) and (
            d[x - 1].pos_ in _NOMINAL or d[x - 1].is_title or "Part" in d[x - 1].morph.get("VerbForm", [])):
        x -= 1
    links = r.conj | r.comp | r.lex.word_class("subordinator")
    return x if x < opening and (x == r.s or d[x - 1].lower_ in links) else None


def _past_fronted_phrase(r: SentenceRules, a: int, end: int) -> int:
    """Past a prepositional phrase at ``a`` (a preposition, then nominal words, and a relative clause set
    off by commas after its noun): where the word after it stands; ``a`` itself where none opens there."""
    d = r.doc
    if a >= end or d[a].pos_ != "ADP":
        return a
    k = a + 1
    while k < end and (d[k].pos_ in _NOMINAL or (d[k].text == "," and k + 1 < end and d[k + 1].lower_ in r.rel)):
        if d[k].text == ",":  # ', som startade 2010,': the relative clause up to its closing comma
            k = next((z for z in range(k + 2, min(end, k + 10)) if d[z].text == ","), end)
        k += 1
    return k if k > a + 1 else a


def authored(r: SentenceRules, found: Found | None) -> Found | None:
    """A prepositional source that is a statement or a figure made by someone named in a relative clause after
    it (*enligt det besked som Carlsson gav*, *enligt beräkningar som Norsk Industri gjort*): the maker is the
    source, as *enligt ett uttalande från klubben* is the club's. The relative clause's verb must be one of
    making or giving (``authoring_verb``), not of receiving (*uppgifter som tidningen tagit del av*: the
    paper is told, the source stays unnamed); its subject a noun phrase of at most four words."""
    if found is None or found.source is None or not r.tagged:
        return found
    d, k = r.doc, found.source[1]
    if k >= r.e or d[k].lower_ not in r.rel:
        return found
    end = k + 1
    while end < r.e and end - k <= 4 and d[end].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "PRON"}:
        end += 1
    verb = end + (end < r.e and d[end].pos_ == "AUX")  # 'som Norsk Industri har gjort'
    if end == k + 1 or verb >= r.e or d[verb].lower_ not in r.lex.word_class("authoring_verb"):
        return found
    return replace(found, source=(k + 1, end))


def dislocated_end(r: SentenceRules, end: int) -> int:
    """Where a claim set before an inverted cue ends when an anaphor after a comma takes it up again before
    the cue (*Allt börjar med en bra lärare, det vet vi*, *Att X påverkar miljön, det vet vi*): before the
    comma, the anaphor being the cue's object, not part of the claim; ``end`` itself otherwise."""
    d = r.doc
    return end - 2 if end - 2 > r.s and d[end - 1].lower_ in r.anaphor and d[end - 2].text == "," else end


def subordinate_start(r: SentenceRules, c0: int, start: int) -> int:
    """Where the subordinate clause holding the cue at ``c0`` starts, past ``start``: 'säger att mannen uppges
    ha flytt': the 'att' clause is the cue's clause, as a subordinate one is; so is one opened by a
    subordinator the tagger calls an adverb, a subject after it ('sedan en man ska ha setts'); not one whose
    own finite verb comes first ('När det gäller X väntas Y': the cue is the main clause's); and one opened
    by a relative adverb ('ett fall där han är misstänkt för X'), up to the main clause's verb."""
    d = r.doc
    subordinate = r.lex.word_class("subordinator") | r.comp
    return next((x + 1 for x in range(c0 - 1, start - 1, -1) if (d[x].lower_ in subordinate or relative_adverb(r, x))
                 and (d[x].pos_ == "SCONJ" or (r.tagged and d[x + 1].pos_ in {"DET", "PRON", "PROPN", "NOUN"}))
                 and not any(r.tagged and "Fin" in d[z].morph.get("VerbForm", []) for z in range(x + 1, c0))), start)


def clause_joints(r: SentenceRules, i: int, j: int) -> list[int]:
    """Conjunctions in ``[i, j)`` with no comma before them that join a second main clause: a subject
    (a noun phrase) and then its finite verb right after the conjunction (*har åtgärdats och banken ska*).
    A claim of one clause's 'enligt X' stops at such a joint when the next clause has its own source."""
    d = r.doc
    out: list[int] = []
    if not r.tagged:
        return out
    for x in range(max(i, r.s + 1), j):
        if d[x].lower_ not in r.conj or d[x - 1].text == ",":
            continue
        k = x + 1
        while k < j and d[k].pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"}:
            k += 1
        if x + 1 < k < j and "Fin" in d[k].morph.get("VerbForm", []):
            out.append(x)
    return out


def finite_between(r: SentenceRules, i: int, j: int) -> bool:
    """A finite verb between the cue and 'att': the 'att' belongs to a clause inside the claim
    (*Jag tror folk känner att ...*), whose own 'att' is left out."""
    d = r.doc
    return r.tagged and any("Fin" in d[x].morph.get("VerbForm", []) and x > i
                            and d[x - 1].pos_ in {"NOUN", "PROPN", "PRON"} for x in range(i, j))


def relative_adverb(r: SentenceRules, x: int) -> bool:
    """A relative word the tagger calls an adverb (*där*, *vars* as the language lists them): it opens a
    clause with a subject of its own (*ett fall där han är misstänkt*), not one it is the subject of."""
    return r.doc[x].lower_ in r.rel and r.doc[x].pos_ == "ADV"


def relative_end(r: SentenceRules, c1: int, end: int, aux: bool = True) -> int:
    """Where a relative clause opened with no comma ends, its cue ending at ``c1``: where the main clause's
    verb begins, a finite verb after the clause's own verb group (*som misstänkts för medhjälp begärdes
    häktade*, *där gästerna uppges ha insjuknat stängs*, ``main_verb_after``) or, with ``aux``, an
    auxiliary with a verb after it (*som misstänks ligga bakom X har flyttats*)."""
    d = r.doc
    own = c1  # the clause's own verb group right after the cue ('who reportedly has been itching to …'),
    while own < end and d[own].pos_ in {"AUX", "VERB", "PART"} and not (  # up to a second finite verb
            own > c1 and r.tagged and "Fin" in d[own].morph.get("VerbForm", [])):
        own += 1
    return next((x for x in range(max(c1 + 1, own), end - 1) if main_verb_after(r, own, x) or (
        aux and d[x].pos_ == "AUX" and d[x + 1].pos_ in {"VERB", "AUX"})), end)


def main_verb_after(r: SentenceRules, own: int, x: int) -> bool:
    """Whether the finite verb at ``x`` is the main clause's, resuming after a relative clause opened with
    no comma whose own verb group ends at ``own`` (*De män som misstänkts för medhjälp begärdes häktade*):
    a relative clause holds one finite verb, its own; another with no subordinator, relative word or
    conjunction before it is the verb of the clause around it. Read from the tagger's VerbForm."""
    d = r.doc
    links = r.comp | r.rel | r.conj | r.lex.word_class("subordinator") | r.lex.word_class("interrogative")
    return (r.tagged and "Fin" in d[x].morph.get("VerbForm", [])
            and not any(d[z].lower_ in links or d[z].is_punct for z in range(own, x)))


def fronted_source(r: SentenceRules, source: Range, i: int) -> tuple[Range, int]:
    """The source of a fronted 'enligt X' and where the main clause starts (``i`` so far): past a relative
    clause with no relative word (*Enligt de uppgifter jag fick upptäcktes felet*, ``contact_relative``),
    else run on to the verb by ``fronted_source_end`` where that finds one."""
    end = contact_relative(r, source)
    end = fronted_source_end(r, i) if end is None else end
    return ((source[0], end), end) if end is not None else (source, i)


def fronted_source_end(r: SentenceRules, i: int) -> int | None:
    """Where a fronted 'enligt X' ends by verb second: the main clause's finite verb follows the whole fronted
    phrase, so the words between the noun phrase found and that verb, with no punctuation, subordinator,
    relative word or conjunction among them, still name the source (*Enligt domen i en tingsrätt i Lund döms
    mannen*: the court's ruling, not 'domen'). None where ``i`` is already the verb or a comma, or no finite
    verb follows within a few words. Read from the tagger's word classes and VerbForm."""
    d = r.doc
    stops = r.comp | r.rel | r.conj | r.lex.word_class("subordinator")
    if (not r.tagged or "v2" not in r.lex.word_class("rules") or i >= r.e or d[i].is_punct
            or "Fin" in d[i].morph.get("VerbForm", [])):
        return None  # a language with the verb second only ('rules' v2 in its words.tsv)
    for x in range(i, min(r.e, i + _MAX_SUBJECT + 2)):
        if d[x].is_punct or d[x].lower_ in stops or d[x].pos_ == "SCONJ" or r.is_quote(d[x]):
            return None
        if "Fin" in d[x].morph.get("VerbForm", []) or (x > i and r.is_verb(d[x]) and d[x - 1].pos_ != "PRON"):
            return x  # a verb after a noun is the finite one, whatever its tag ('i Lund döms'); after a
    return None  # pronoun it may be a relative clause's own ('den prognos de levererat till oss kommer')


def main_clause_order(r: SentenceRules, i: int, end: int, c0: int | None = None) -> int:
    """Where a subordinate claim (an 'att' clause from ``i``) ends before a main clause joined on: after
    'och' / 'men', a subject if any, its finite verb and then a sentence adverb (``order_adverb``: *inte,
    säkert, därför*) stand in main-clause order (*att X, och det har säkert funnits skäl*, *att kostnaden
    stigit och höjde därför räntan*); a subordinate clause puts the adverb before its verb (*att han inte
    kom*), so that clause is the writer's, not the claim's. So does an adverbial and then the finite verb
    before its subject, the inversion only a main clause makes (*men ännu så länge finns det garantier*, *men i
    praktiken sparkar man på dem*, *och vid en utgrävning på skolans område, som startade 2010, har X*).
    Where the cue at ``c0`` stands in a clause set before the main clause (a subordinator or relative word
    before it, no comma between: *där man tycker att X, finner man Y*), a comma and then the finite verb
    before its subject is that main clause. ``end`` where no conjunction is followed so."""
    d = r.doc
    if not r.tagged:
        return end
    adverbs, subjects = r.lex.word_class("order_adverb"), r.lex.word_class("nominative_pronoun") | r.expletive
    opener = r.lex.word_class("subordinator") | r.rel  # the cue's clause set before the main clause
    if c0 is not None and any(d[z].lower_ in opener and not any(d[y].text == "," for y in range(z, c0))
                              for z in range(r.s, c0)):
        cut = next((x for x in range(i + 1, end - 2) if d[x].text == "," and "Fin" in d[x + 1].morph.get(
            "VerbForm", []) and (d[x + 2].lower_ in subjects or d[x + 2].pos_ in {"NOUN", "PROPN"})), None)
        if cut is not None:  # 'där man tycker att X, finner man att Y': the main clause, verb before subject
            return cut
    for x in range(i + 1, end - 2):
        if d[x].lower_ not in r.conj:
            continue
        k = x + 1
        while k < end and d[k].pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"}:
            k += 1
        if k + 1 < end and "Fin" in d[k].morph.get("VerbForm", []) and d[k + 1].lower_ in adverbs:
            return x - (d[x - 1].text == ",")
        a = x + 1  # 'men ännu så länge finns det X': an adverbial, then the verb before its subject (inversion)
        while a < end and d[a].pos_ == "ADV" and d[a].lower_ not in adverbs:
            a += 1
        a = _past_fronted_phrase(r, a, end) if a == x + 1 else a  # 'och vid en utgrävning, som …, har X'
        if x + 1 < a and a + 1 < end and "Fin" in d[a].morph.get("VerbForm", []) and (
                d[a + 1].lower_ in subjects or d[a + 1].pos_ in {"NOUN", "PROPN", "PRON"}):  # 'står många'
            return x - (d[x - 1].text == ",")
    return end
