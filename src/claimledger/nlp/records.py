"""Doc -> records: the rules' token ranges become Attribution / Quantity / Mention records.

Every span is moved from the block's Doc into article offsets here and nowhere else,
so ``article.text[span.start:span.end]`` is the words by construction.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from claimledger.errors import TOO_LARGE, InputError
from claimledger.model import Analysis, Article, Attribution, Mention, Quantity, Span, record_id
from claimledger.nlp import lexicon, pipeline, spans
from claimledger.nlp.components import actors
from claimledger.nlp.components import certainty as cert
from claimledger.nlp.components.factories import ATTRIBUTIONS, QUANTITIES
from claimledger.nlp.components.found import Range
from claimledger.nlp.components.quantities import find_quantities
from claimledger.nlp.continuations import (
    Placed,
    adjacent,
    anaphoric_lead,
    asks_only,
    block_doc,
    continuation,
    extend_quotes,
    lead_into,
    quotes_within,
    split_parts,
)
from claimledger.nlp.lexicon import rule_confidence
from claimledger.settings import Settings

_MENTION_LABELS = {"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "PRS", "GPE_LOC", "GPE_ORG"}


def _span(block: pipeline.Block, r: Range) -> Span:
    doc = block_doc(block)
    return Span(block.offset + doc[r[0]].idx, block.offset + doc[r[1] - 1].idx + len(doc[r[1] - 1].text))


@dataclass(slots=True)
class _Pending:
    """A parsed paragraph whose attributions are not final until the next one is seen: a colon lead
    into the next paragraph takes over the cue, and a continuation needs to know it has none."""

    block: pipeline.Block
    found: list[Placed]
    lead: Placed | None = None
    """The colon lead of the paragraph before, whose content stands in this one."""
    cont: Placed | None = None

    def settled(self) -> list[Placed]:
        return [*self.found, *([self.lead] if self.lead else []), *([self.cont] if self.cont else [])]


def _check_size(article: Article, settings: Settings | None) -> None:
    limit = (settings or Settings.from_env()).max_article_chars
    if len(article.text) > limit:
        where = article.raw_ref or article.url or "<text>"
        raise InputError(where, TOO_LARGE, f"article text is {len(article.text):,} characters, over the limit of "
                         f"{limit:,} (setting max_article_chars, CLAIMLEDGER_MAX_ARTICLE_CHARS)")


def analyze_article(article: Article, settings: Settings | None = None) -> Analysis:
    """Find every attribution, quantity and actor mention in one article.

    Paragraphs stream through: a paragraph's records are made once the next paragraph is seen,
    and its Doc is let go, so memory does not grow with the article. A text over the setting
    ``max_article_chars`` is refused with an ``InputError`` naming it.
    """
    _check_size(article, settings)
    lang = article.lang
    lex = lexicon.load(lang)
    if not lex.cues:  # a language we have no data for: nothing is guessed
        return Analysis(article)
    quantities: list[Quantity] = []
    mentions: list[Mention] = []
    made: list[Attribution] = []
    pending: _Pending | None = None
    before: tuple[pipeline.Block, list[Placed]] | None = None  # the paragraph settled last

    def settle(p: _Pending) -> tuple[pipeline.Block, list[Placed]]:
        if not p.found and p.lead is None and before is not None and adjacent(before[0], p.block):
            p.cont = continuation(p.block, before[1], lex)
        found = _by_cue(p.found)
        out = p.settled()
        made.extend(_attribution(article, x, lex, _nested(x, found)) for x in out if not asks_only(x))
        return p.block, out

    for b in pipeline.blocks(article.text, lang):
        figures = b.doc._.get(QUANTITIES) if b.doc is not None else None
        for q in figures if figures is not None else find_quantities(b.text, lex, None):
            span = Span(b.offset + q.start, b.offset + q.end)
            counted = Span(b.offset + q.counted[0], b.offset + q.counted[1]) if q.counted else None
            unit = Span(b.offset + q.unit_span[0], b.offset + q.unit_span[1]) if q.unit_span else None
            quantities.append(Quantity(record_id(article.id, "q", span.start, span.end), article.id, span,
                                       q.value, q.approx, q.value_max, counted, q.unit, unit_span=unit))
        if b.doc is None:
            continue
        found = [Placed(f, b) for f in b.doc._.get(ATTRIBUTIONS) or ()]
        for ent in b.doc.ents:
            if ent.label_ in _MENTION_LABELS:
                span = Span(b.offset + ent.start_char, b.offset + ent.end_char)
                mentions.append(Mention(record_id(article.id, "m", span.start), article.id, span, ent.label_))
        own = split_parts(extend_quotes(found, lex), lex)
        current = _Pending(b, own + quotes_within(b, own, lex))
        if pending is not None:
            if adjacent(pending.block, b):
                current.lead = lead_into(pending.block, b, lex)
                if current.lead is not None:
                    cue = current.lead.found.cue
                    pending.found = [p for p in pending.found if p.found.cue != cue]
                back = anaphoric_lead(pending.block, b, lex) if not pending.found else None
                if back is not None and not any(p.found.cue == back.found.cue for p in current.found):
                    pending.found.append(back)  # 'X. ¶ Det säger Y.': Y's claim is the paragraph before's
            before = settle(pending)
        pending = current
    if pending is not None:
        settle(pending)
    attributions = sorted(made, key=lambda a: (a.cue.start, a.content.start))
    attributions = _link_chains(_resolve_actors(_dedupe(attributions), article.text, lex))
    quantities = _owners(quantities, attributions)
    return Analysis(article, tuple(attributions), tuple(quantities), tuple(_source_mentions(mentions, attributions)))


def _by_cue(found: list[Placed]) -> list[Placed]:
    """A block's own sentence attributions, ordered by where their cue starts (for ``_nested``)."""
    return sorted(found, key=lambda q: q.found.cue[0])


def _nested(p: Placed, found: list[Placed]) -> list[Range]:
    """Token ranges of the attributions relayed inside ``p``'s content: their hedges are theirs, not p's.

    ``found`` is the block's own attributions by cue start, so only those whose cue stands
    in the content are looked at.
    """
    out = []
    lo, hi = p.found.content
    first = bisect_left(found, lo, key=lambda q: q.found.cue[0])
    for q in found[first:]:
        f = q.found
        if f.cue[0] >= hi:
            break
        if q is p or q.block is not p.block or q.cue_block is not None:
            continue
        relays = f.content[0] <= p.found.cue[0] < f.content[1]  # q carries p: p is not q's host
        if not relays:
            parts = [f.cue, f.content, *([f.source] if f.source else [])]
            out.append((max(lo, min(r[0] for r in parts)), min(hi, max(r[1] for r in parts))))
    return out


def _masked(block: pipeline.Block, content: Range, nested: list[Range]) -> str:
    """The content's words without the nested attributions' words."""
    doc = block_doc(block)
    lo, hi = content
    hidden = [False] * (hi - lo)
    done = lo  # every token before ``done`` is decided: each one is marked once
    for a, b in sorted(nested):
        for i in range(max(a, done), min(b, hi)):
            hidden[i - lo] = True
        done = max(done, b)
    return " ".join(t.text for t, skip in zip(doc[content[0] : content[1]], hidden, strict=True) if not skip)


def _attribution(article: Article, p: Placed, lex: lexicon.Lexicon, nested: list[Range]) -> Attribution:
    f = p.found
    cue_block = p.cue_block or p.block
    cue = _span(cue_block, f.cue)
    source = _span(cue_block, f.source) if f.source else None
    relayed = _span(cue_block, f.relayed) if f.relayed else None  # inside the cue, so in the cue's block
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
        confidence=rule_confidence(lex.lang, f.rule),
        rule=f.rule,
        relayed=relayed,
    )


def _source_mentions(mentions: list[Mention], attributions: list[Attribution]) -> list[Mention]:
    """Every named source is an actor mention too (with its actor key), whether or not NER saw it;
    a named-entity mention inside a source takes the source's actor key."""
    out: list[Mention] = []
    keyed = [(a.source, a.actor_id) for a in attributions if a.source is not None and a.actor_id]
    holders = spans.first_holding([span for span, _ in keyed], [m.span for m in mentions])
    for m, h in zip(mentions, holders, strict=True):
        key = keyed[h][1] if h is not None else None
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
    """*enligt WSJ* over *enligt uppgifter till tidningen*: an entry whose cue stands in another's content
    relays it; its host is the narrowest wider content that holds the cue."""
    hosts = spans.narrowest([a.content for a in items], [a.cue for a in items], exclude_self=True,
                            wider_than=[len(a.content) for a in items])
    return [replace(a, via=items[h].id) if h is not None else a for a, h in zip(items, hosts, strict=True)]


def _owners(quantities: list[Quantity], attributions: list[Attribution]) -> list[Quantity]:
    """A quantity belongs to the narrowest claim whose content holds it; of two as narrow, to one that names
    its source (*Åtta personer misstänks för brott, enligt polisen*: the police's claim, which holds the
    sourceless suspicion with the same words, not the suspicion's nobody)."""
    order = sorted(attributions, key=lambda a: a.source is None)  # stable: text order among the named
    hosts = spans.narrowest([a.content for a in order], [q.span for q in quantities])
    return [replace(q, attribution_id=order[h].id) if h is not None else q
            for q, h in zip(quantities, hosts, strict=True)]
