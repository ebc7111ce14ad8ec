"""Cues -> attributions: who (source) says what (content) through which words (cue).

The one dispatcher over the two rule engines: a sentence's cues (``sentence.find_cues``) go to
the dependency rules where the language's pipeline parses and its data asks for them
(``rules  dependency`` in ``lang/<code>/words.tsv``), else, and for what those hand back, to
the surface rules. A sentence with no cue may still be a headline's *X: Y*.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimledger.nlp.components import dependency
from claimledger.nlp.components.found import Found, fold_hearsay
from claimledger.nlp.components.relays import relayed
from claimledger.nlp.components.sentence import SentenceRules, find_cues
from claimledger.nlp.components.surface import headline_colon, surface_attributions
from claimledger.nlp.lexicon import Lexicon


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[Found]:
    """All attributions of one sentence."""
    cues = find_cues(doc, sent, lex, tagged)
    if not cues:
        colon = headline_colon(SentenceRules(doc, sent, lex, tagged))
        return [colon] if colon else []
    if doc.has_annotation("DEP") and "dependency" in lex.word_class("rules"):
        parsed = dependency.sentence_attributions(doc, sent, lex, cues)
        if parsed is not None:
            return relayed(fold_hearsay(parsed), doc, lex)
    return surface_attributions(doc, sent, lex, tagged, cues)
