"""Where a claim that is an infinitive phrase ends when a finite predicate is joined on after it.

*Hon anklagar sig själv för att inte ha förutsett X och jagas av Y*: the *att* clause's verb is an
infinitive, which has no tense, so a verb with tense after *och* / *men* cannot be the infinitive's
coordinate; it is the main clause's second predicate, the writer's next statement. A finite clause
(*säger att han tog X och lämnade Y*) keeps its coordinate: that is one claim. Nor does a relative
clause on the whole (*säger sig vara chockad – vilket upprör partiet*) belong to an infinitive's claim:
it comments on the saying. Read from the tagger's
VerbForm, so a language whose model gives none is unchanged.
"""

from __future__ import annotations

from claimledger.nlp.components.found import Range
from claimledger.nlp.components.sentence import SentenceRules

_LOOKAHEAD = 3
"""Words (a negation, adverbs) between the complementizer and the verb it opens."""


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
    finite = [x for x in range(start, end) if "Fin" in _form(r, x) and not d[x - 1].is_punct]
    if not finite or finite[-1] - start < 2 or any(d[x].is_punct for x in range(start, finite[-1])):
        return end
    return finite[-1]


def linked_clause(r: SentenceRules, tail: Range) -> bool:
    """'X, enligt SCB, men Y' / ', så vi jobbar': a clause that a conjunction (or an adverb with the
    subject right after it, not V2) links on is the writer's next step; the phrase speaks for X."""
    d, i = r.doc, tail[0]
    return d[i].lower_ in r.conj or (r.tagged and d[i].pos_ == "ADV" and i + 1 < tail[1]
                                     and d[i + 1].lower_ in r.lex.word_class("nominative_pronoun"))


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
