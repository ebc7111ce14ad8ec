"""Bounds on what one rule or one model call reads, so cost grows with the text and no faster.

Why: the rules compare tokens within a sentence (a clause start is found by walking back,
a content end by walking forward, a hedge by looking at every host), so a sentence of *n*
tokens costs up to *n*² and an article that is one sentence of junk costs its length
squared. spaCy's tokenizer splits a run of punctuation with no space in it one mark at a
time, re-searching the rest each time: quadratic in the run. And a line of a megabyte is one
Doc whose activations all sit in memory at once (past ``nlp.max_length`` spaCy refuses it).

So three bounds, each far above what news holds (the dev sets' longest line is 938
characters, their longest sentence 98 tokens, their longest run between sentence-final
marks 98 tokens), so ordinary text is never cut:

* a line longer than ``MAX_WINDOW`` characters is cut into windows, at a sentence end
  where there is one in the window's second half, else at a space, else hard;
* a run of more than ``MAX_RUN`` characters without whitespace is cut the same way;
* a sentence longer than ``MAX_SENTENCE`` tokens is cut (for the parser, before it parses:
  the parser keeps boundaries it is given).

A paragraph is a line, except a quotation broken over up to ``QUOTE_LINES`` lines by single
newlines, which is one (``paragraphs``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

MAX_WINDOW = 3000
"""Characters in one Doc: a longer line is analysed as several windows."""
MAX_RUN = 200
"""Characters without whitespace in one Doc (the tokenizer is quadratic in such a run)."""
MAX_SENTENCE = 150
"""Tokens in one sentence the rules read."""
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1}}}")
"""A run longer than MAX_RUN, tried only where a run starts: each character is read once, not once
for every position before it in its run."""
_RUN_AT = re.compile(rf"\S{{0,{MAX_RUN + 1}}}")
"""The start of the run at a position, read no further than tells whether it is too long."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”»’)]*\s+")
_SPACE = re.compile(r"\s+")
_FINAL = frozenset({".", "!", "?", "…", ";"})
_SOFT = frozenset({",", ":", ";", "–", "—", "-", "--", '"', "”", "“", "»", "«", "„", "'", "’", "‘", "(", ")"})


def windows(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets into ``line`` of the pieces it is analysed in; one piece for any
    line of ordinary length."""
    n = len(line)
    if n <= MAX_WINDOW and _LONG_RUN.search(line) is None:
        return [(0, n)]
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        end = min(n, pos + MAX_WINDOW)
        head = _RUN_AT.match(line, pos)  # the run the window starts in (the rest of one cut hard, too)
        run = None if head is not None and head.end() - pos > MAX_RUN else _LONG_RUN.search(line, pos, end)
        if head is not None and head.end() - pos > MAX_RUN:
            cut = pos + MAX_RUN
        elif run is not None:
            cut = run.start()
        elif end == n:
            cut = n
        else:
            cut = _last_end(_SENTENCE_END, line, pos + MAX_WINDOW // 2, end) or _last_end(_SPACE, line, pos, end) or end
        out.append((pos, cut))
        pos = cut
    return out


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """End of the last match of ``pattern`` in ``text[start:end]`` (one pass), None when none ends before ``end``."""
    last = None
    for m in pattern.finditer(text, start, end):
        if m.end() < end:
            last = m.end()
    return last


def _cut_points(doc: Doc, start: int, end: int) -> Iterator[int]:
    """Where to cut the tokens ``[start, end)`` into sentences of at most MAX_SENTENCE tokens:
    after the last soft mark (comma, colon, dash, quotation mark) in each stretch's second
    half, else at the limit."""
    pos = start
    while end - pos > MAX_SENTENCE:
        limit = pos + MAX_SENTENCE
        cut = next((i + 1 for i in range(limit - 1, pos + MAX_SENTENCE // 2, -1) if doc[i].text in _SOFT), limit)
        yield cut
        pos = cut


def bound_sentences(doc: Doc) -> Doc:
    """Cut over-long sentences. With sentences already set (a senter), each sentence longer than
    MAX_SENTENCE is cut; before a parser, only a stretch of MAX_SENTENCE tokens with no
    sentence-final mark in it is, and the parser keeps the cut. A Doc of ordinary sentences is
    left exactly as it was."""
    n = len(doc)
    if n <= MAX_SENTENCE:
        return doc
    if doc.has_annotation("SENT_START"):
        cuts = [c for s in list(doc.sents) if len(s) > MAX_SENTENCE for c in _cut_points(doc, s.start, s.end)]
    else:
        cuts = []
        last = 0
        texts = [t.text for t in doc]
        for i, text in enumerate(texts):
            if text in _FINAL:
                last = i + 1
            elif i - last >= MAX_SENTENCE:
                cut = next(_cut_points(doc, last, i + 1), i)
                cuts.append(cut)
                last = cut
    for c in cuts:
        doc[c].is_sent_start = True
    return doc


@Language.component("claimledger_bound_sentences")
def _bound_sentences_component(doc: Doc) -> Doc:
    return bound_sentences(doc)


def rule_sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences as the rules read them: a sentence the bounds above did not cut (a
    parser that joined across a full stop) is read in stretches of MAX_SENTENCE tokens."""
    for sent in doc.sents:
        if len(sent) <= MAX_SENTENCE:
            yield sent
            continue
        for a in range(sent.start, sent.end, MAX_SENTENCE):
            yield doc[a : min(sent.end, a + MAX_SENTENCE)]


_LINE = re.compile(r"[^\n]+")
QUOTE_LINES = 6
"""The most lines one quotation broken by single newlines is read as one paragraph over."""


def paragraphs(text: str, marks: frozenset[str]) -> Iterator[tuple[int, str]]:
    """The text's lines with their offsets, except that a quotation which opens a line and closes at
    the end of a later one, the lines between joined by single newlines and holding no mark
    (*"Skatten höjs från 30 till 35 kronor.\nSkatt införs även …\nSkatten tas ut från 6."*), is one
    paragraph: one quotation, one content, as a reader and the annotators take it. Lazy, as ``blocks``
    is: only a line that opens a quotation it leaves open looks ahead, and no further than
    ``QUOTE_LINES``."""
    lines = _LINE.finditer(text)
    ahead: deque[re.Match[str]] = deque()
    while (m := ahead.popleft() if ahead else next(lines, None)) is not None:
        last = m
        if m.group().lstrip()[:1] in marks and _count(m.group(), marks) % 2 == 1:
            while len(ahead) < QUOTE_LINES - 1 and (nxt := next(lines, None)) is not None:
                ahead.append(nxt)
            prev = m
            for k, nxt in enumerate(ahead):
                if nxt.start() != prev.end() + 1:
                    break  # a blank line between: paragraphs of their own
                if count := _count(nxt.group(), marks):
                    if count % 2 == 1 and nxt.group().rstrip().rstrip(".,;:!?")[-1:] in marks:
                        last = nxt
                        for _ in range(k + 1):
                            ahead.popleft()
                    break
                prev = nxt
        yield m.start(), text[m.start() : last.end()]


def _count(line: str, marks: frozenset[str]) -> int:
    return sum(line.count(c) for c in marks)
