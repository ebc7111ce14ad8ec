"""Quotation regions of one block: which tokens stand inside which quotation marks.

Paired over the whole block, not per sentence, so the dependency rules (``tree``,
``dependency``) see a quotation that runs over several sentences, one split around *she
said*, or one opened and never closed as one region. Which marks open and close is data
(``quote_open``, ``quote_close``, ``quote_single`` in ``lang/<code>/words.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc

from claimledger.nlp.components.found import Range
from claimledger.nlp.lexicon import Lexicon

_OPENERS = {"(", "[", "{", "—", "–", "--", "―"}
"""Marks after which a typewriter quotation mark opens even without a space."""


@dataclass(frozen=True, slots=True)
class Quotes:
    """The quotation regions of one block: half-open ranges that include both marks."""

    regions: tuple[Range, ...]
    inside: dict[int, int]
    """Token index -> index of the region it stands in (its marks included)."""

    def region(self, i: int) -> Range | None:
        k = self.inside.get(i)
        return self.regions[k] if k is not None else None


def quote_regions(doc: Doc, lex: Lexicon) -> Quotes:
    """Pair quotation marks over the block; cached on the Doc.

    A curly mark faces the way it is drawn; a typewriter mark faces the way its spacing says
    (*say "yes* opens, *yes," she* closes) and, when the spacing says nothing, whichever way
    the open region needs. A mark that opens inside an open region closes that region first
    (the writer forgot the closing mark); a closing mark with nothing open, or a typewriter
    mark with space on both sides, is a stray and is ignored. A region still open at the end
    of the block runs to the end when it opened the paragraph (a quotation continued in the
    next one), else to the end of its sentence: so an unbalanced mark costs at most one
    sentence, never the paragraph's other attributions.
    """
    cached = doc.user_data.get("claimledger.quotes")
    if isinstance(cached, Quotes):
        return cached
    opens = lex.word_class("quote_open") - lex.word_class("quote_single")
    closes = lex.word_class("quote_close") - lex.word_class("quote_single")
    regions: list[Range] = []
    start: int | None = None
    n = len(doc)
    marks = {doc.vocab.strings.add(m) for m in opens | closes}
    curly_open, curly_close = opens - closes, closes - opens
    nested = False
    orths = doc.to_array(ORTH).tolist() if n else []
    for i in [i for i, o in enumerate(orths) if o in marks]:  # Token objects only for the marks
        t = doc[i]
        text = t.text
        can_open, can_close = text in opens, text in closes
        if can_open and can_close:
            space_before = t.i == 0 or bool(doc[t.i - 1].whitespace_) or doc[t.i - 1].text in _OPENERS
            space_after = bool(t.whitespace_) or t.i + 1 == n or (doc[t.i + 1].is_punct and not doc[t.i + 1].is_quote)
            if space_before and space_after:
                if start is None:
                    continue  # a stray mark standing alone
                can_open, can_close = False, True  # "… 'outreach,' " he said"
            elif space_before != space_after:
                can_open, can_close = space_before, space_after
            else:
                can_open, can_close = start is None, start is not None
        if start is not None and text in curly_open and doc[start].text not in curly_open | curly_close:
            nested = True  # '"PENCE: … “Shark Tank.” …': a curly quotation inside a typewriter one
            continue
        if nested and text in curly_close:
            nested = False
            continue
        if start is None:
            if can_open or (text in curly_close and _opens_line(doc, t.i)):
                start = t.i  # '”It scares me.”' at the start of a line: a closing mark typed for an opening one
        elif can_close:
            regions.append((start, t.i + 1))
            start = None
        elif can_open:
            regions.append((start, t.i))
            start = t.i
    if start is not None:
        first = next((t.i for t in doc if not t.is_space), 0)
        regions.append((start, n if start == first else max(doc[start].sent.end, start + 1)))
    inside: dict[int, int] = {}
    for k, (a, b) in enumerate(regions):
        for i in range(a, b):
            inside[i] = k
    q = Quotes(tuple(regions), inside)
    doc.user_data["claimledger.quotes"] = q
    return q


def _opens_line(doc: Doc, i: int) -> bool:
    """A mark that starts the block or a line and stands right before a word."""
    if doc[i].whitespace_ or i + 1 >= len(doc) or not doc[i + 1].is_alpha:
        return False
    return i == 0 or "\n" in doc[i - 1].text_with_ws
