"""Colons around a cue: where a quotation or a dash after a colon is what someone says.

*X sa:* closing a paragraph (``colon_lead``) and *Wagnerchef: Vi har …* (``headline_colon``) name the
speaker of what follows; a colon and a quote after a cue (``late_colon``: *skriver X bland annat
följande: ”…*) or after an inverted cue's source (``colon_continuation``) hold the claim; a colon and
a dash inside a sentence open a quote of its own (``colon_quotes``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimledger.nlp.components.cuefinder import find_cues
from claimledger.nlp.components.found import Found
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.lexicon import Cue, Lexicon

_SUBJECT = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
"""A verb's subject in the parse (ClearNLP's labels and UD's)."""


def colon_quotes(r: SentenceRules, start: int, end: int) -> list[int]:
    """Colons in ``start``..``end`` that a dash follows: where a dash quote opens inside the sentence
    (*Enligt P4 är det en blodförgiftning: – Jag har varit utslagen, säger han*)."""
    d = r.doc
    return [x for x in range(start, end - 1) if d[x].text == ":" and d[x + 1].text in r.dashes]


def colon_continuation(r: SentenceRules, found: Found) -> Found | None:
    """A dash or quotation after an inverted cue's source and a colon is the same speaker's next claim
    (*Det är för dyrt, anser hon: – Vi har inte råd*)."""
    d = r.doc
    k = found.source[1] if found.source and found.rule == "verb-inverted" else r.e
    if not (k + 1 < r.e and d[k].text == ":" and (d[k + 1].text in r.dashes or r.is_quote(d[k + 1]))):
        return None
    more = r.trim((r.skip_open(k + 1, r.e), r.e))
    return replace(found, content=more, rule="verb-continued") if more else None


def colon_lead(doc: Doc, lex: Lexicon, tagged: bool) -> Found | None:
    """'Överste Park sa:' closing a paragraph: the cue and source of what the next paragraph says.

    The content is left empty ((end, end)) for the caller to fill with the next paragraph.
    """
    last = len(doc) - 1
    while last >= 0 and doc[last].is_space:
        last -= 1
    if last < 0 or doc[last].text != ":":
        return None  # the common case, decided without a list of every token
    toks = [t for t in doc if not t.is_space]
    if len(toks) < 3:
        return None
    sent = toks[-1].sent
    colon = toks[-1].i
    r = SentenceRules(doc, sent, lex, tagged)
    found = find_cues(doc, sent, lex, tagged)
    opening = next((c for c in found if c[2].kind == "prep" and c[0] == sent.start and c[0] == toks[0].i), None)
    if opening is not None:  # 'According to Jane Roe, writing for the Herald:': the source ends at its comma
        c0, c1, cue = opening
        source = r.trim((c1, next((x for x in range(c1, colon) if doc[x].text == ","), colon)))
        return None if source is None else Found((c0, c1), (colon + 1, colon + 1), source, cue.certainty, cue.kind,
                                                 "colon-lead")
    cues = [c for c in found if c[2].kind in {"verb", "self"} and c[1] <= colon
            and not any(doc[x].lower_ in r.comp or r.is_quote(doc[x]) or r.is_verb(doc[x])
                        for x in range(c[1], colon))]  # 'sa på en pressträff:', 'told reporters:'
    if not cues:
        return None
    c0, c1, cue = cues[-1]
    if _not_a_speaker(doc[c0], sent.start):
        return None
    source = r.np_before(c0) or r.np_after(c1, colon, "inverted")
    subj = next((t for t in doc[c0].children if t.dep_ in _SUBJECT and t.right_edge.i < colon), None)
    if subj is not None and (source is None or not source[0] <= subj.i < source[1] or source[0] < subj.left_edge.i):
        source = (subj.left_edge.i, subj.right_edge.i + 1)  # 'In a speech last July, he said:', 'I dag sa X:'
    if source is None:
        return None
    return Found((c0, c1), (colon + 1, colon + 1), source, cue.certainty, cue.kind, "colon-lead")


def _not_a_speaker(v: Token, start: int) -> bool:
    """A cue before a closing colon that leads into no one's words: an imperative opening the sentence
    (*Read the latest updates:*), or a verb in a relative clause on a noun (*the stories that people
    talked about:*), whose colon opens the noun's list (parsed or tagged languages only)."""
    if v.dep_ in {"relcl", "acl", "acl:relcl"}:
        return True
    return v.i == start and (v.tag_ == "VB" or "Imp" in v.morph.get("Mood", [])) and not any(
        c.dep_ in _SUBJECT for c in v.children)


def headline_colon(r: SentenceRules) -> Found | None:
    """'Wagnerchef: Vi har intagit hela Bachmut': a short name, a colon, then what they say."""
    d = r.doc
    colon = next((x for x in range(r.s + 1, min(r.e, r.s + 5)) if d[x].text == ":"), None)
    if colon is None or r.s != 0 or not (d[r.s].is_title or d[r.s].is_upper):
        return None
    source = r.trim((r.s, colon))
    end = len(d)  # a speaker's line: what follows the colon to the end of the paragraph
    while end > colon + 1 and d[end - 1].is_space:
        end -= 1
    content = r.trim((colon + 1, end))
    if source is None or content is None or content[1] - content[0] < 3:
        return None
    if any(d[x].lower_ in r.lex.word_class("colon_not_source") for x in range(*source)):
        return None  # 'FOTO: KRT/AP', 'Read more: ...'

    if any(r.is_verb(d[x]) or d[x].is_digit for x in range(*source)) or not r.nominal(source):
        return None
    if r.tagged and not any(d[x].pos_ in {"PROPN", "NOUN"} for x in range(*source)):
        return None
    return Found((colon, colon + 1), content, source, "asserted", "colon", "headline-colon")


def late_colon(r: SentenceRules, c0: int, c1: int, cue: Cue) -> Found | None:
    """A colon and then a quotation or a dash after the cue, with no verb, 'att' or quotation between
    (*skriver Hamilton bland annat följande: ” Tack …*, *sade följande om Hamilton: – Lewis …*): what
    follows the colon is the claim; the subject stands before the cue or right after it (V2)."""
    d = r.doc
    if c0 > r.s and (d[c0 - 1].is_punct or r.is_quote(d[c0 - 1])):
        return None  # 'Det är för sent, menar hon: – …': an inverted cue, its claim before it
    colon = next((x for x in range(c1, r.e) if d[x].text == ":" or r.is_quote(d[x]) or d[x].text in r.dashes
                  or d[x].lower_ in r.comp or r.is_verb(d[x]) or x in r.cue_starts), None)
    if (colon is None or colon == c1 or d[colon].text != ":" or colon + 1 >= r.e
            or not (d[colon + 1].text in r.dashes or r.is_quote(d[colon + 1]))):
        return None
    before = r.np_before(c0)
    source = r.subject_between(c1, colon, before) or before
    content = r.trim((r.skip_open(colon + 1, r.e), r.e))
    if source is None or content is None:
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-colon")
