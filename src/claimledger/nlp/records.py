"""Doc -> records: the rules' token ranges become Attribution / Quantity / Mention records.

Every span is moved from the block's Doc into article offsets here and nowhere else,
so ``article.text[span.start:span.end]`` is the words by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from claimledger.model import Analysis, Article, Attribution, Mention, Quantity, Span, record_id
from claimledger.nlp import lexicon, pipeline
from claimledger.nlp.components import actors
from claimledger.nlp.components import certainty as cert
from claimledger.nlp.components.attributions import Found, Range, colon_lead, sentence_attributions
from claimledger.nlp.components.quantities import find_quantities

_MENTION_LABELS = {"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "PRS", "GPE_LOC", "GPE_ORG"}


@dataclass(frozen=True, slots=True)
class _Placed:
    found: Found
    block: pipeline.Block
    cue_block: pipeline.Block | None = None
    """Where the cue and source stand when they are not in ``block`` (a continuation quote)."""


def _doc(block: pipeline.Block) -> Doc:
    assert block.doc is not None, "only parsed blocks carry attributions"
    return block.doc


def _span(block: pipeline.Block, r: Range) -> Span:
    doc = _doc(block)
    return Span(block.offset + doc[r[0]].idx, block.offset + doc[r[1] - 1].idx + len(doc[r[1] - 1].text))


def _extend_quotes(placed: list[_Placed], lex: lexicon.Lexicon) -> list[_Placed]:
    """A quote or dash paragraph that spans sentences belongs whole to the cue that closes it."""
    opens = lex.word_class("quote_open") | lex.word_class("dash")
    out = []
    for p in placed:
        doc, f = _doc(p.block), p.found
        first = next((t for t in doc if not t.is_space), None)
        if (first is not None and first.text in opens and f.rule == "verb-inverted"
                and f.content[0] > first.i + 1
                and not any(q.block is p.block and q is not p and q.found.cue[0] < f.cue[0] for q in placed)):
            start = first.i + 1
            while start < len(doc) and doc[start].is_space:
                start += 1
            f = Found(f.cue, (start, f.content[1]), f.source, f.certainty, f.kind, f.rule + "+quote", f.parts)
        out.append(_Placed(f, p.block, p.cue_block))
    return out


def _body_end(doc: Doc, start: int, lex: lexicon.Lexicon) -> int:
    """Where a quoted paragraph's words end: before trailing spaces and closing quote marks."""
    closing = lex.word_class("quote_close")
    end = len(doc)
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in closing):
        end -= 1
    return end


def _colon_leads(blocks: list[pipeline.Block], lex: lexicon.Lexicon) -> list[_Placed]:
    """'X sa:' at the end of a paragraph, and what X said in the next one."""
    by_line = {b.line: b for b in blocks}
    out: list[_Placed] = []
    for b in blocks:
        lead = colon_lead(_doc(b), lex, pipeline.has_tags(_doc(b)))
        nxt = by_line.get(b.line + 1)
        if lead is None or nxt is None:
            continue
        doc = _doc(nxt)
        opens = lex.word_class("quote_open") | lex.word_class("dash")
        start = next((t.i for t in doc if not t.is_space and t.text not in opens), None)
        if start is None:
            continue
        end = _body_end(doc, start, lex)
        if end - start < 2:
            continue
        found = Found(lead.cue, (start, end), lead.source, lead.certainty, lead.kind, lead.rule)
        out.append(_Placed(found, nxt, b))
    return out


def _continuations(blocks: list[pipeline.Block], placed: list[_Placed], lex: lexicon.Lexicon) -> list[_Placed]:
    """Quote and dash paragraphs with no cue of their own take the speaker of the paragraph before."""
    opens = lex.word_class("quote_open") | lex.word_class("dash")
    owned = {p.block.line for p in placed}
    out: list[_Placed] = []
    for b in blocks:
        if b.line in owned:
            continue
        doc = _doc(b)
        first = next((t for t in doc if not t.is_space), None)
        if first is None or first.text not in opens:
            continue
        prev = [p for p in placed + out if p.block.line == b.line - 1 and p.found.source is not None]
        if not prev:
            continue
        speaker = prev[-1]
        start = first.i + 1
        end = _body_end(doc, start, lex)
        if end - start < 3:
            continue
        found = Found(speaker.found.cue, (start, end), speaker.found.source, speaker.found.certainty,
                      speaker.found.kind, "continuation")
        out.append(_Placed(found, b, speaker.cue_block or speaker.block))
    return out


def analyze_article(article: Article) -> Analysis:
    """Find every attribution, quantity and actor mention in one article."""
    lang = article.lang
    lex = lexicon.load(lang)
    if not lex.cues:  # a language we have no data for: nothing is guessed
        return Analysis(article)
    all_blocks = list(pipeline.blocks(article.text, lang))
    blocks: list[pipeline.Block] = []
    placed: list[_Placed] = []
    quantities: list[Quantity] = []
    mentions: list[Mention] = []
    for b in all_blocks:
        for q in find_quantities(b.text, lex, b.doc):
            span = Span(b.offset + q.start, b.offset + q.end)
            counted = Span(b.offset + q.counted[0], b.offset + q.counted[1]) if q.counted else None
            quantities.append(Quantity(record_id(article.id, "q", span.start, span.end), article.id, span,
                                       q.value, q.approx, q.value_max, counted, q.unit))
        if b.doc is None:
            continue
        blocks.append(b)
        tagged = pipeline.has_tags(b.doc)
        for sent in b.doc.sents:
            placed += [_Placed(f, b) for f in sentence_attributions(b.doc, sent, lex, tagged)]
        for ent in b.doc.ents:
            if ent.label_ in _MENTION_LABELS:
                span = Span(b.offset + ent.start_char, b.offset + ent.end_char)
                mentions.append(Mention(record_id(article.id, "m", span.start), article.id, span, ent.label_))
    placed = _extend_quotes(placed, lex)
    leads = _colon_leads(blocks, lex)
    lead_cues = {(p.cue_block.line if p.cue_block else -1, p.found.cue) for p in leads}
    placed = [p for p in placed if (p.block.line, p.found.cue) not in lead_cues] + leads
    placed += _continuations(blocks, placed, lex)
    attributions = sorted((_attribution(article, p, lex, _nested(p, placed)) for p in placed),
                          key=lambda a: (a.cue.start, a.content.start))
    attributions = _link_chains(_resolve_actors(_dedupe(attributions), article.text, lex))
    quantities = [_owner(q, attributions) for q in quantities]
    return Analysis(article, tuple(attributions), tuple(quantities), tuple(_source_mentions(mentions, attributions)))


def _nested(p: _Placed, placed: list[_Placed]) -> list[Range]:
    """Token ranges of the attributions relayed inside ``p``'s content: their hedges are theirs, not p's."""
    out = []
    lo, hi = p.found.content
    for q in placed:
        if q is p or q.block is not p.block or q.cue_block is not None:
            continue
        f = q.found
        relays = f.content[0] <= p.found.cue[0] < f.content[1]  # q carries p: p is not q's host
        if lo <= f.cue[0] < hi and not relays:
            parts = [f.cue, f.content, *([f.source] if f.source else [])]
            out.append((max(lo, min(r[0] for r in parts)), min(hi, max(r[1] for r in parts))))
    return out


def _masked(block: pipeline.Block, content: Range, nested: list[Range]) -> str:
    """The content's words without the nested attributions' words."""
    doc = _doc(block)
    return " ".join(t.text for t in doc[content[0] : content[1]] if not any(a <= t.i < b for a, b in nested))


def _attribution(article: Article, p: _Placed, lex: lexicon.Lexicon, nested: list[Range]) -> Attribution:
    f = p.found
    cue_block = p.cue_block or p.block
    cue = _span(cue_block, f.cue)
    source = _span(cue_block, f.source) if f.source else None
    content = _span(p.block, f.content)
    parts = tuple(_span(p.block, r) for r in f.parts)
    text = article.text
    src_text = source.of(text) if source else None
    anonymous = cert.is_anonymous(src_text, lex)
    own_words = _masked(p.block, f.content, nested) if nested else content.of(text)
    certainty = cert.certainty(f.certainty, f.kind, src_text, own_words, lex)
    return Attribution(
        id=record_id(article.id, "a", cue.start, content.start, content.end),
        article_id=article.id,
        cue=cue,
        content=content,
        source=source,
        certainty=certainty,
        anonymous=anonymous,
        source_kind=cert.source_kind(src_text, anonymous, lex),
        content_parts=parts,
        confidence=0.5 if f.kind in {"passive", "adverb"} or f.rule == "verb-bare" else 0.8,
        rule=f.rule,
    )


def _source_mentions(mentions: list[Mention], attributions: list[Attribution]) -> list[Mention]:
    """Every named source is an actor mention too (with its actor key), whether or not NER saw it;
    a named-entity mention inside a source takes the source's actor key."""
    out: list[Mention] = []
    keyed = [(a.source, a.actor_id) for a in attributions if a.source is not None and a.actor_id]
    for m in mentions:
        key = next((k for span, k in keyed if span.contains(m.span)), None)
        out.append(Mention(m.id, m.article_id, m.span, m.label, key, key) if key else m)
    seen = {m.span for m in out}
    for a in attributions:
        if a.source is not None and a.actor_id and a.source not in seen:
            seen.add(a.source)
            out.append(Mention(record_id(a.article_id, "m", a.source.start, a.source.end), a.article_id, a.source,
                               "SOURCE", a.actor_id, a.actor_id))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _resolve_actors(items: list[Attribution], text: str, lex: lexicon.Lexicon) -> list[Attribution]:
    """Every source gets an actor key; pronoun sources the key of the actor they stand for."""
    rows = []
    for a in items:
        words = a.source.of(text) if a.source else None
        rows.append((words, actors.actor_key(words, lex) if words else None, a.source_kind))
    keys = actors.resolve_pronouns(rows, lex)
    return [replace(a, actor_id=k) for a, k in zip(items, keys, strict=True)]


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    seen: set[str] = set()
    out = []
    for a in items:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _link_chains(items: list[Attribution]) -> list[Attribution]:
    """*enligt WSJ* over *enligt uppgifter till tidningen*: an entry whose cue stands in another's content relays it."""
    out = []
    for a in items:
        hosts = [h for h in items if h is not a and h.content.contains(a.cue) and len(h.content) > len(a.content)]
        if hosts:
            a = replace(a, via=min(hosts, key=lambda h: len(h.content)).id)
        out.append(a)
    return out


def _owner(q: Quantity, attributions: list[Attribution]) -> Quantity:
    """A quantity belongs to the narrowest claim whose content holds it."""
    hosts = [a for a in attributions if a.content.contains(q.span)]
    if not hosts:
        return q
    return replace(q, attribution_id=min(hosts, key=lambda a: len(a.content)).id)

