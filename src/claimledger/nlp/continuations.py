"""Quotations whose speaker is named elsewhere: in the sentence before, or the paragraph before.

News goes on quoting a speaker without naming them again: *"…," Marcus said. "Something odd
happened."*, *– Det är fel, säger Anna Berg. – Vi måste göra mer.*, a quoted paragraph after
*X said:* or after a paragraph that named X. FORMAT.md makes each such quotation an entry of its
own, with the source and cue of the attribution that makes its speaker clear, as long as no
other speaker comes between. The sentence rules see one sentence at a time; these functions
work on a paragraph's (block's) found attributions and the paragraph before, and hand back
``Placed`` attributions that ``records`` turns into records like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from claimledger.nlp import lexicon, pipeline
from claimledger.nlp.components.cuefinder import find_cues
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.quotes import quote_regions
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.components.surface import colon_lead
from claimledger.settings import contents_convention

CONTINUATION = "continuation"
"""The rule name of an entry that takes its speaker from an earlier attribution."""

_SENTENCE_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Placed:
    """A rule's attribution with the paragraph its token ranges point into."""

    found: Found
    block: pipeline.Block
    cue_block: pipeline.Block | None = None
    """Where the cue and source stand when they are not in ``block`` (a continuation quote)."""


def block_doc(block: pipeline.Block) -> Doc:
    assert block.doc is not None, "only parsed blocks carry attributions"
    return block.doc


def asks_only(p: Placed) -> bool:
    """Whether a content is one question and nothing else (*"Do we throw them out?" Trump asked*,
    *"But why?"*): under FORMAT.md it puts nothing forward, and no gold set of that convention writes
    one as a content. A question opens with a question word (not *What a …*, an exclamation) or with an
    auxiliary before its subject; a statement said with a rising tone (*The bad ones, the gang
    members?*) or one that ends in a question (*X, but is this the best they can do?*) still claims.
    Read once quotations are extended and split, so that what follows the question (*"How big?" he
    said. "As big as it needs to be."*) is still the speaker's."""
    if contents_convention() == "polnear":
        return False
    lo, hi = p.found.content
    toks = [t for t in block_doc(p.block)[lo:hi] if not t.is_quote and not t.is_space]
    ends = [i for i, t in enumerate(toks) if t.is_punct and t.text in _SENTENCE_END]
    if not toks or toks[-1].text != "?" or ends != [len(toks) - 1]:
        return False
    words = [t for t in toks if not t.is_punct and t.pos_ not in {"CCONJ", "CONJ"}]  # 'But why?'
    if not words:
        return False
    first = words[0]
    if first.tag_ in _WH_TAGS:
        return not (len(words) > 1 and words[1].tag_ == "DT")  # 'What a bizarre world …?'
    verb = first.head if first.dep_ in {"aux", "auxpass"} else first
    return first.pos_ == "AUX" and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i > first.i
                                       for c in verb.children)


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Question words (Penn tags; a language whose tagger has none asks nothing here)."""


def extend_quotes(placed: list[Placed], lex: lexicon.Lexicon) -> list[Placed]:
    """A quote or dash paragraph that spans sentences belongs whole to the cue that closes it.

    ``placed`` is one block's sentence attributions; only the block's first cue can own the paragraph.
    """
    opens = lex.word_class("quote_open") | lex.word_class("dash")
    first_cue = min((p.found.cue[0] for p in placed), default=0)
    out = []
    for p in placed:
        doc, f = block_doc(p.block), p.found
        first = next((t for t in doc if not t.is_space), None) if p.block.part == 0 else None
        if (first is not None and first.text in opens and f.rule == "verb-inverted"
                and f.content[0] > first.i + 1 and f.cue[0] <= first_cue):
            start = first.i + 1
            while start < len(doc) and doc[start].is_space:
                start += 1
            f = Found(f.cue, (start, f.content[1]), f.source, f.certainty, f.kind, f.rule + "+quote", f.parts)
        out.append(Placed(f, p.block, p.cue_block))
    return out


def body_end(doc: Doc, start: int, lex: lexicon.Lexicon, end: int | None = None) -> int:
    """Where a quotation's words end (before ``end``, the paragraph's end by default): before
    trailing spaces and closing quote marks."""
    closing = lex.word_class("quote_close")
    end = len(doc) if end is None else end
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in closing):
        end -= 1
    return end


def adjacent(before: pipeline.Block, after: pipeline.Block) -> bool:
    """Whether ``after`` is the paragraph right after ``before`` (windows of one line are not)."""
    return after.line == before.line + 1 and before.final and after.part == 0


def lead_into(b: pipeline.Block, nxt: pipeline.Block, lex: lexicon.Lexicon) -> Placed | None:
    """'X sa:' at the end of paragraph ``b``, and what X said in the next one."""
    doc = block_doc(nxt)
    opens = lex.word_class("quote_open") | lex.word_class("dash")
    lead = colon_lead(block_doc(b), lex, pipeline.has_tags(block_doc(b)))
    if lead is None and next((t.text for t in doc if not t.is_space), None) in lex.word_class("quote_open"):
        lead = comma_lead(block_doc(b), lex)
    if lead is None:
        return None
    start = next((t.i for t in doc if not t.is_space and t.text not in opens), None)
    if start is None:
        return None
    end = body_end(doc, start, lex)
    region = quote_regions(doc, lex).region(start - 1) if start > 0 else None
    if region is not None and region[1] < end:  # '"…" X asserted that …': the quotation, not what follows it
        end = body_end(doc, start, lex, region[1])
    if end - start < 2:
        return None
    found = Found(lead.cue, (start, end), lead.source, lead.certainty, lead.kind, lead.rule)
    return Placed(found, nxt, b)


def anaphoric_lead(b: pipeline.Block, nxt: pipeline.Block, lex: lexicon.Lexicon) -> Placed | None:
    """*Ryssland kommer att betala ett högt pris.* ¶ *Det betonar Andrij Jermak.*: a paragraph that
    opens with an anaphor (``anaphor``) and a verb cue says that paragraph ``b``, one sentence long, is
    its source's claim. Within one paragraph the sentence rules read it so (``verb-anaphoric``); they
    see one paragraph at a time, so the paragraph break is bridged here. The caller asks only where
    ``b`` has no attribution of its own (else *det* takes up that saying, already an entry)."""
    doc, before = block_doc(nxt), block_doc(b)
    toks = [t for t in doc if not t.is_space]
    if len(toks) < 3 or toks[0].lower_ not in lex.word_class("anaphor"):
        return None
    sent, tagged = toks[0].sent, pipeline.has_tags(doc)
    cue = next(((c0, c1, c) for c0, c1, c in find_cues(doc, sent, lex, tagged) if c0 == toks[1].i and c.kind == "verb"),
               None)
    sents = list(before.sents) if len(before) else []
    last = sents[0] if len(sents) == 1 else None  # of a longer paragraph, what *det* takes in is unclear
    if cue is None or last is None:
        return None
    c0, c1, found_cue = cue
    rules = SentenceRules(doc, sent, lex, tagged)
    source = rules.np_after(c1, sent.end, "inverted")
    end = last.end
    while end > last.start and (before[end - 1].is_punct or before[end - 1].is_space):
        end -= 1
    if source is None or not rules.nominal(source) or end - last.start < 3:
        return None
    claim = Found((c0, c1), (last.start, end), source, found_cue.certainty, found_cue.kind, "verb-anaphoric")
    return Placed(claim, b, nxt)


def comma_lead(doc: Doc, lex: lexicon.Lexicon) -> Found | None:
    """*X stated,* (or *X tweeted using his account:*, which ``colon_lead`` leaves) closing a paragraph
    whose next paragraph opens with a quotation: a verb cue with nothing said after it but how, where
    or when, and its subject is the speaker (the caller checks the quotation)."""
    toks = [t for t in doc if not t.is_space]
    if len(toks) < 3 or toks[-1].text not in {",", ":"} or not pipeline.has_tags(doc):
        return None
    mark = toks[-1].i
    sent = toks[-1].sent
    cues = [c for c in find_cues(doc, sent, lex, True) if c[2].kind == "verb" and (
        c[1] == mark or (toks[-1].text == ":" and all(doc[c[1] - 1].is_ancestor(doc[x]) for x in range(c[1], mark))))]
    if not cues:
        return None
    c0, c1, cue = cues[-1]
    head = doc[c1 - 1]
    if head.pos_ not in {"VERB", "AUX"} or any(c.i > head.i and c.dep_ not in _HOW and not _manner(c)
                                               for c in head.children):
        return None  # 'and asked him,': the verb has an argument of its own after it
    source = SentenceRules(doc, sent, lex, True).np_before(c0)
    if source is None:
        return None
    return Found((c0, c1), (mark + 1, mark + 1), source, cue.certainty, cue.kind, "comma-lead")


_HOW = frozenset({"punct", "prep", "advmod", "npadvmod"})
"""What may follow a lead's cue and say nothing: where, when, how."""


def _manner(c: Token) -> bool:
    """*using his account*: a participle on the cue that says how, with no clause said in it."""
    return c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG" and not any(g.dep_ in {"ccomp", "mark"} for g in c.subtree)


def continuation(b: pipeline.Block, before: list[Placed], lex: lexicon.Lexicon) -> Placed | None:
    """A quote or dash paragraph with no cue of its own takes the speaker of the paragraph before; a dash
    only where the language opens quotations with one (``quote_dash``: not English, whose *-- Posted by X*
    signs a post)."""
    opens = lex.word_class("quote_open") | lex.word_class("quote_dash")
    doc = block_doc(b)
    first = next((t for t in doc if not t.is_space), None)
    if first is None or first.text not in opens:
        return None
    prev = _quote_speakers([p for p in before if p.found.source is not None], opens)
    if not prev:
        return None
    speaker = prev[-1]
    start = first.i + 1
    end = body_end(doc, start, lex)
    if end - start < 3 or _signed(doc, start, lex):
        return None
    return _taking_speaker(speaker, b, (start, end))


def _quote_speakers(prev: list[Placed], opens: frozenset[str]) -> list[Placed]:
    """Those of the paragraph before's attributions that name who speaks in it: where that paragraph is a
    quote itself, only one whose content opens the quote (*– X, säger Anna*) or that continues one; a cue
    inside a quote no one is named for (*– … hörde man en röst som meddelade att Y*) reports Y, and leaves
    the quote's speaker, and so the next quote's, unknown (FORMAT.md: the speaker must be made clear).
    Under PolNeAR's convention (``contents=polnear``) every attribution of the paragraph before is kept."""
    if not prev or contents_convention() == "polnear":  # PolNeAR's convention follows a transcript's turns on
        return prev
    doc = block_doc(prev[-1].block)
    first = next((t for t in doc if not t.is_space), None)
    if first is None or first.text not in opens:
        return prev
    return [p for p in prev if p.block is not prev[-1].block or p.found.rule == CONTINUATION
            or p.found.content[0] <= first.i + 2]


def _signed(doc: Doc, start: int, lex: lexicon.Lexicon) -> bool:
    """*"…" - Anna Berg*, *"…" Anonymous blogger, "Title"*: a name (words with no verb) after the
    quotation's closing mark says who said it, so it is no continuation of the paragraph before."""
    closing = lex.word_class("quote_close")
    k = next((t.i for t in doc[start:] if t.text in closing and t.i > start
              and (p := _previous_word(doc, t.i)) is not None and p.text in _SENTENCE_END), None)
    if k is None:
        return False
    tail = []
    for t in doc[k + 1:]:
        if t.text in closing or t.text in lex.word_class("quote_open"):
            break
        tail.append(t)
    words = [t for t in tail if not t.is_space and not t.is_punct]
    return bool(words) and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _taking_speaker(speaker: Placed, b: pipeline.Block, content: Range) -> Placed:
    f = speaker.found
    found = Found(f.cue, content, f.source, f.certainty, f.kind, CONTINUATION, relayed=f.relayed)
    return Placed(found, b, speaker.cue_block or (speaker.block if speaker.block is not b else None))


def _extent(p: Placed) -> tuple[int, int]:
    f = p.found
    ranges = [f.cue, f.content, *f.parts, *([f.source] if f.source else [])]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _previous_word(doc: Doc, i: int) -> Token | None:
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


class _Marks:
    """For every token, where the next closing quote mark and the next dash that opens a sentence
    stand, found in one backward pass each, so finding where each quotation ends costs nothing
    more however many quotation marks a paragraph holds."""

    def __init__(self, doc: Doc, lex: lexicon.Lexicon) -> None:
        closing, dashes = lex.word_class("quote_close"), lex.word_class("dash")
        n = len(doc)
        self.close, self.dash = [n] * (n + 1), [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.close[k] = k if doc[k].text in closing else self.close[k + 1]
            prev = _previous_word(doc, k) if doc[k].text in dashes else None
            self.dash[k] = k if prev is not None and prev.text in _SENTENCE_END else self.dash[k + 1]


def _quote_end(doc: Doc, start: int, opener: str, lex: lexicon.Lexicon, marks: _Marks) -> int | None:
    """Where the quotation opened before ``start`` ends: at its closing mark (which must end a
    sentence, so *"Q" is a phrase they use* is no quotation of the speaker), or for a dash quote
    at the next dash that opens a sentence, or the paragraph's end."""
    if opener in lex.word_class("dash"):
        return body_end(doc, start, lex, marks.dash[start])
    k = marks.close[start]
    if k < len(doc):
        inside = _previous_word(doc, k)
        after = next((t for t in doc[k + 1 : k + 4] if not t.is_space), None)
        ends = (inside is not None and inside.text in _SENTENCE_END) or after is None or after.text in _SENTENCE_END
        if not ends:
            return None
    return body_end(doc, start, lex, k)


def quotes_within(b: pipeline.Block, placed: list[Placed], lex: lexicon.Lexicon) -> list[Placed]:
    """*"…," Marcus said. "Something odd happened."*: a quotation that opens a sentence after an
    attribution in the same paragraph, with no cue of its own and no other speaker between,
    takes that attribution's source and cue. Under PolNeAR's convention (``fragments_kept``) such a
    quotation is a fragment of the claim before it, no entry of its own."""
    opens = lex.word_class("quote_open") | lex.word_class("dash")
    if not placed or fragments_kept(lex) or not any(mark in b.text for mark in opens):
        return []
    doc = block_doc(b)
    extents = [_extent(p) for p in placed]
    depth = [0] * (len(doc) + 1)  # how many attributions' words cover each token, by a running sum
    for lo, hi in extents:
        depth[lo] += 1
        depth[hi] -= 1
    covered_before = [0] * (len(doc) + 1)  # covered tokens before each position
    running = 0
    for i in range(len(doc)):
        running += depth[i]
        covered_before[i + 1] = covered_before[i] + (running > 0)
    by_end = sorted(range(len(placed)), key=lambda k: extents[k][1])
    marks: _Marks | None = None
    out: list[Placed] = []
    taken_to = next_speaker = 0
    speaker: Placed | None = None
    for t in doc:
        while next_speaker < len(by_end) and extents[by_end[next_speaker]][1] <= t.i:
            cand = placed[by_end[next_speaker]]  # the latest cue among the attributions that end before t
            if speaker is None or cand.found.cue[0] > speaker.found.cue[0]:
                speaker = cand
            next_speaker += 1
        if t.i < taken_to or t.text not in opens or covered_before[t.i + 1] > covered_before[t.i]:
            continue
        if speaker is None or speaker.found.source is None or _previous_word(doc, t.i) is None \
                or not _opens_sentence(doc, t.i, lex) or _closes(doc, t, lex):
            continue
        marks = marks or _Marks(doc, lex)
        start = t.i + 1
        end = _quote_end(doc, start, t.text, lex, marks)
        if end is None or end - start < 3 or covered_before[end] > covered_before[start]:
            continue
        out.append(_taking_speaker(speaker, b, (start, end)))
        taken_to = end
    return out


def split_parts(placed: list[Placed], lex: lexicon.Lexicon) -> list[Placed]:
    """*"…," he said. "Something odd happened."*: a rule may keep the quotation that opens the
    next sentence, or that resumes after the cue (*"…," he said, "but not on Sundays."*), as a
    fragment of the same claim (PolNeAR's way: the longest fragment is the content, the others its
    parts). FORMAT.md makes such a quotation an entry of its own with the same source and cue (the
    Wikinews and political-news gold write a split quotation as two): each such fragment becomes one, and the
    claim keeps its content and its other parts. Under PolNeAR's convention (``fragments_kept``) the
    fragments stay one claim."""
    if fragments_kept(lex):
        return placed
    out = []
    opens = lex.word_class("quote_open")
    for p in placed:
        f = p.found
        doc = block_doc(p.block)
        others = [q.found.content for q in placed if q is not p and q.block is p.block and q.found.cue != f.cue]
        held = [r for r in f.parts if any(lo <= r[0] and r[1] <= hi for lo, hi in others)]
        if held:  # '"…" if X, said Ross. "…" because Y, he said': the later cue's claim holds that quotation
            f = replace(f, parts=tuple(r for r in f.parts if r not in held))
            p = Placed(f, p.block, p.cue_block)
        fragments = sorted([f.content, *f.parts])
        after = [r for r in fragments if r[0] >= f.cue[1]] if f.parts else []
        later = [r for r in after if _opens_sentence(doc, r[0], lex)]
        resumed = [] if later else [r for r in after if doc[r[0]].text in opens]
        later = later or resumed
        if not later or len(later) == len(fragments):
            out.append(p)
            continue
        if f.content in later:  # the claim's own content stays; the fragment before the cue is the new entry
            later = [r for r in fragments if r not in later]
        if resumed:  # a split quotation's short piece (*"Hopefully," he said, "…"*) stays a part of the claim
            later = [r for r in later if _words(doc, r) >= _SPLIT_MIN_WORDS]
            if not later:
                out.append(p)
                continue
        rest = tuple(r for r in f.parts if r not in later)
        out.append(Placed(replace(f, parts=rest), p.block, p.cue_block))
        out += [_taking_speaker(p, p.block, r) for r in later]
    return out


_SPLIT_MIN_WORDS = 3


def _words(doc: Doc, r: Range) -> int:
    return sum(1 for t in doc[r[0] : r[1]] if t.is_alpha)


def fragments_kept(lex: lexicon.Lexicon) -> bool:
    """Whether a quotation split around its cue, or going on in the sentences after it, stays one claim
    (PolNeAR's convention, setting ``contents=polnear``, for a language that has that convention's
    words) rather than one entry per quotation that opens a sentence (FORMAT.md's)."""
    return bool(lex.word_class("np_content_polnear")) and contents_convention() == "polnear"


def _closes(doc: Doc, t: Token, lex: lexicon.Lexicon) -> bool:
    """A mark that both opens and closes (a straight ``"``) closes when it is glued to the word
    before it and not to the word after (*a "public benefit." The …*)."""
    return (t.text in lex.word_class("quote_close") and t.i > 0 and not doc[t.i - 1].whitespace_
            and (bool(t.whitespace_) or t.i + 1 == len(doc)))


def _opens_sentence(doc: Doc, i: int, lex: lexicon.Lexicon) -> bool:
    """Whether token ``i`` (or the quote mark at ``i``) starts a sentence: a full stop stands
    before it, or a closing mark right after one ('."', '!”')."""
    prev = _previous_word(doc, i)
    if prev is None:
        return True
    if prev.text in _SENTENCE_END:
        return True
    before = _previous_word(doc, prev.i)
    return prev.text in lex.word_class("quote_close") and before is not None and before.text in _SENTENCE_END
