"""Relayed sources: *citing officials*, *which cited a senior official*, *citing hospital records*.

A reporter's claim often names where it comes from with a participle or a relative clause on
the reporting cue or its source: *The talks failed, Reuters reported, citing officials*;
*…, according to AP, which cited a senior official*; *Police said 12 people died, citing
hospital records*. The dependency rules read *citing X* as a claim whose content is X. FORMAT.md
keeps each relay as its own entry (as *med hänvisning till AFP* is in Swedish): the cited party is
a source of the same content. So when the cited noun phrase names someone or something that can
be a source (a name, or a noun the language lists as a source or a document), the *citing*
entry takes that phrase as its source and the host claim's content as its own. Anything else
(*citing low economic growth*: a reason, not a source) stays as the rules found it.

Two constructions fold into one entry, as the gold sets write them: *X cited Y as saying that Z*
(X the source, *cited Y as saying* the cue, Z the content) and a denial of a claim noun with its
clause, *rejected allegations that Z* (Z is what is denied; the noun is no entry of its own).

Which cue words relay is language data (``relay_prep``), and so are the source nouns
(``anonymous``, ``hearsay_noun``, ``document_noun`` in ``words.tsv``, the stems of ``sources.tsv``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimledger.nlp.components.certainty import stem_kind
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.nouns import comp_mark
from claimledger.nlp.components.tree import _FINITE, _OBJ, _SUBJ_PASS
from claimledger.nlp.lexicon import Lexicon
from claimledger.settings import contents_convention

_ADJUNCT = frozenset({"advcl", "xcomp", "dep", "conj"})
_SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_RELATIVE = frozenset({"relcl", "acl"})


def _inside(i: int, r: Range | None) -> bool:
    return r is not None and r[0] <= i < r[1]


def _source_like(doc: Doc, np: Range, lex: Lexicon) -> bool:
    """Whether a noun phrase can name a source: a proper name, or a head noun the language
    lists among anonymous sources, hearsay nouns or documents."""
    head = next((doc[i] for i in range(*np) if not np[0] <= doc[i].head.i < np[1] or doc[i].head.i == i), None)
    if head is None:
        return False
    if head.pos_ == "PROPN":
        return True
    nouns = lex.word_class("anonymous") | lex.word_class("hearsay_noun") | lex.word_class("document_noun")
    return head.lower_ in nouns or stem_kind(doc[np[0] : np[1]].text, lex) is not None


def _claim_like(doc: Doc, np: Range, lex: Lexicon) -> bool:
    """Whether what a relay word cites holds a claim: a clause (*citing fears that X*), a claim noun
    (*citing a report*) or what the thing cited is said to be (*cited the audit as the reason*)."""
    nouns, comp, as_words = lex.word_class("claim_noun"), lex.word_class("complementizer"), lex.word_class("as_clause")
    return any(doc[i].lower_ in nouns or (doc[i].dep_ == "mark" and doc[i].lower_ in comp)
               or (doc[i].dep_ == "prep" and doc[i].lower_ in as_words) for i in range(*np))


def _host(f: Found, cue: Token, found: list[Found]) -> Found | None:
    """The claim the relay word hangs on: the cue it attaches to, a word of that cue's content, or
    (for *which cited*) the source it is a relative clause on."""
    for g in found:
        if g is f or g.content[0] <= cue.i < g.content[1]:
            continue
        head = cue.head
        if cue.dep_ in _ADJUNCT and (_inside(head.i, g.cue) or _inside(head.i, g.content)):
            return g
        if cue.dep_ in _RELATIVE and _inside(head.i, g.source):
            return g
    return None


def relayed(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """``found`` with each *citing X* entry whose X can be a source turned into X's relay of its host's
    content, and each content a trailing *according to X* relays stopped before that phrase."""
    relay_words = lex.word_class("relay_prep")
    found = _denied_claim_noun(_as_saying(found, doc, lex), doc, lex)
    return nest_trailing(_cited_first(_cited(found, doc, lex), doc, lex, relay_words), doc)


def _as_saying(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """*Park cited Cho as saying that X*: one entry, the relay's (as the gold sets write it): its
    subject is the source, *cited Cho as saying* the cue, X the content; the inner *saying* and the
    verb's own reading (content *Cho as saying …*) go. In the passive (*Cho was quoted as saying that X*)
    the subject is who said it, and *was quoted as saying* the cue."""
    relay_words, as_words = lex.word_class("relay_prep"), lex.word_class("as_clause")
    out, drop = [], set()
    for g in found:
        t = doc[g.cue[0]]
        prep = t.head if t.dep_ in {"pcomp", "advcl"} else None
        v = prep.head if prep is not None and prep.lower_ in as_words and prep.dep_ == "prep" else None
        said_by = next((c for c in v.children if c.dep_ in _SUBJ_PASS), None) if v is not None else None
        if v is not None and v.lower_ in relay_words and said_by is not None and g.source is None:
            # 'The senator was quoted as saying that X': the passive's subject said it, through the whole phrase
            first = min([v.i, *(c.i for c in v.lefts if c.dep_ in {"aux", "auxpass"})])
            drop.add(v.i)
            out.append(Found((first, g.cue[1]), g.content, (said_by.left_edge.i, said_by.right_edge.i + 1),
                             g.certainty, "verb", "relay-as-saying", g.parts))
            continue
        if v is None or v.lower_ not in relay_words or not any(c.dep_ in _OBJ for c in v.children):
            out.append(g)
            continue
        outer = next((f for f in found if f.cue[0] == v.i), None)
        subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
        source = outer.source if outer is not None and outer.source else (
            (subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else None)
        drop.add(v.i)
        obj = next(c for c in v.children if c.dep_ in _OBJ)  # whom the subject relays: Attribution.relayed
        out.append(Found((v.i, g.cue[1]), g.content, source, g.certainty, "verb", "relay-as-saying", g.parts,
                         (obj.left_edge.i, obj.right_edge.i + 1)))
    return [f for f in out if f.cue[0] not in drop or f.rule == "relay-as-saying"]


def _denied_claim_noun(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """*The Kremlin rejected allegations that Russia was behind it*: what is denied is the clause of the
    claim noun (``claim_noun``) the denial takes as its object, and the noun is no entry of its own."""
    claim_nouns, comp = lex.word_class("claim_noun"), lex.word_class("complementizer")
    out, nouns = [], set()
    for f in found:
        v = doc[f.cue[0]]
        n = next((c for c in v.children if c.dep_ in _OBJ and c.lower_ in claim_nouns), None)
        clause, mark = (None, None) if n is None else next(
            ((c, m) for c in n.rights if c.dep_ in {"acl", "ccomp"} and (m := comp_mark(c, comp)) is not None),
            (None, None))
        if (f.certainty != "denied" or n is None or clause is None or mark is None
                or not f.content[0] <= n.i < f.content[1]):
            out.append(f)
            continue
        nouns.add(n.i)
        out.append(replace(f, content=(mark.i + 1, min(clause.right_edge.i + 1, f.content[1]))))
    return [f for f in out if not (f.cue[1] - f.cue[0] == 1 and f.cue[0] in nouns)]


def _cited_first(found: list[Found], doc: Doc, lex: Lexicon, relay_words: frozenset[str]) -> list[Found]:
    """*According to a report by X, citing Y, the ferry ran aground*: the parse leaves *citing Y* at the head
    of X's content. Each relay is its own entry (FORMAT.md's nesting): Y, through *citing*, and X share the
    claim after Y's phrase."""
    out = []
    for f in found:
        i, end = f.content
        comma = next((k for k in range(i + 1, end) if doc[k].text == ","), None)
        if (f.rule != "dep-prep-source" or doc[i].lower_ not in relay_words or comma is None
                or comma == i + 1 or not _source_like(doc, (i + 1, comma), lex)):
            out.append(f)
            continue
        claim = (comma + 1, end)
        out.append(replace(f, content=claim))
        out.append(Found((i, i + 1), claim, (i + 1, comma), f.certainty, "verb", "relay-cited"))
    made = {f.cue for f in out if f.rule == "relay-cited" and f not in found}
    return [f for f in out if f.cue not in made or f.rule == "relay-cited"]  # the verb rule's reading goes


def _cited(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """Each *citing X* entry whose X can be a source turned into X's relay of its host's content."""
    relay_words = lex.word_class("relay_prep")
    if not relay_words or not any(doc[f.cue[0]].lower_ in relay_words for f in found):
        return found
    out = []
    reasons = contents_convention() != "polnear"
    for f in found:
        cue = doc[f.cue[0]]
        single = cue.lower_ in relay_words and f.cue[1] - f.cue[0] == 1
        host = _host(f, cue, found) if single else None
        if single and reasons and cue.tag_ not in _FINITE and not _source_like(doc, f.content, lex) and not (
                _claim_like(doc, f.content, lex)):
            continue  # 'Citing privacy rules, officials declined …': a reason given, no claim (FORMAT.md);
            # 'The agency cited a lack of supply' is its own claim about the cause
        if host is None or not _source_like(doc, f.content, lex):
            out.append(f)
            continue
        out.append(Found(f.cue, host.content, f.content, f.certainty, f.kind, "relay-cited", host.parts))
    return out


def nest_trailing(found: list[Found], doc: Doc) -> list[Found]:
    """FORMAT.md's nesting: in *The ministry said ten bridges fell, according to the broadcaster* the
    broadcaster relays the ministry's saying (its content holds *The ministry said*), so the ministry's
    content stops before *, according to …*: a relay's cue and source are no part of what it relays."""
    outer = [f for f in found if f.rule == "dep-prep-source"]
    if not outer:
        return found
    out = []
    for g in found:
        f = next((f for f in outer if f is not g and f.content[0] <= g.cue[0] and g.cue[1] <= f.content[1]
                  and g.content[0] < f.cue[0] < g.content[1]), None)
        if f is not None:
            end = f.cue[0]
            while end > g.content[0] and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > g.content[0]:
                g = replace(g, content=(g.content[0], end))
        out.append(g)
    return out
