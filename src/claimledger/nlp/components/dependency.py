"""Parse-based attribution rules, for languages whose pipeline has a dependency parser we trust.

Enabled per language by ``rules  dependency`` in ``lang/<code>/words.tsv``. Returns None
to let the surface rules of ``attributions.py`` handle the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimledger.nlp.components.attributions import Found
from claimledger.nlp.lexicon import Cue, Lexicon


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, cues: list[tuple[int, int, Cue]]) -> list[Found] | None:
    """Attributions of one parsed sentence, or None to fall back to the surface rules."""
    return None
