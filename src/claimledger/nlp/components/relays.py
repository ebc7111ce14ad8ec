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

Which cue words relay is language data (``relay_prep``), and so are the source nouns
(``anonymous``, ``hearsay_noun``, ``document_noun`` in ``words.tsv``, the stems of ``sources.tsv``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimledger.nlp.components.certainty import stem_kind
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.lexicon import Lexicon

_ADJUNCT = frozenset({"advcl", "xcomp", "dep", "conj"})
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
    return nest_trailing(_cited_first(_cited(found, doc, lex), doc, lex, relay_words), doc)


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
    for f in found:
        cue = doc[f.cue[0]]
        host = _host(f, cue, found) if cue.lower_ in relay_words and f.cue[1] - f.cue[0] == 1 else None
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
