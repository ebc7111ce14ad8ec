"""Parse-based attribution rules, for languages whose pipeline has a dependency parser we trust.

Enabled per language by ``rules  dependency`` in ``lang/<code>/words.tsv``. Returns None
to let the surface rules of ``attributions.py`` handle the sentence.

The rules read the parse the way a reader reads the sentence: the cue is a verb (or a
preposition, a noun, a reportative adverb); its subject is the source; its clausal
complement, its quotation or (for verbs that take one) its object is the content. Quotation
marks are paired over the whole block first, so a quote that runs over several sentences,
one split around *she said*, or one opened and never closed is still one region, and a
stray mark never costs the rest of the paragraph its attributions.

Word lists come from the lexicon (``lang/<code>/words.tsv``); dependency labels are those
of the ClearNLP scheme that spaCy's English models use, with the Universal Dependencies
names beside them where they differ.

Every range is a half-open range of token indices into the block's Doc. A content stays
inside its sentence except where quotation marks carry it further.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from claimledger.nlp.components.attributions import _RULES, Found, Range, SentenceRules, bracket_around
from claimledger.nlp.lexicon import Cue, Lexicon

_SUBJ = {"nsubj", "csubj", "nsubj:outer"}
_SUBJ_PASS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
_COMP = {"ccomp"}
_XCOMP = {"xcomp"}
_OBJ = {"dobj", "obj"}
_AGENT = {"agent"}
_PARENTHETICAL = {"parataxis", "ccomp", "advcl"}
_SOURCE_DROP = {"relcl", "acl", "acl:relcl", "advcl"}
_OBJECT_TAIL = {"oprd", "xcomp", "ccomp", "prep", "advcl", "dative"}
"""What may follow a stance verb's object and still be part of the content."""
_OPENERS = {"(", "[", "{", "—", "–", "--", "―"}
"""Marks after which a typewriter quotation mark opens even without a space."""
_MAX_QUOTE_GAP = 1
"""Tokens (besides punctuation) allowed between a quote's closing mark and the source or cue."""


@dataclass(frozen=True, slots=True)
class _Quotes:
    """The quotation regions of one block: half-open ranges that include both marks."""

    regions: tuple[Range, ...]
    inside: dict[int, int]
    """Token index -> index of the region it stands in (its marks included)."""

    def region(self, i: int) -> Range | None:
        k = self.inside.get(i)
        return self.regions[k] if k is not None else None


def _quotes(doc: Doc, lex: Lexicon) -> _Quotes:
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
    if isinstance(cached, _Quotes):
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
            if can_open:
                start = t.i
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
    q = _Quotes(tuple(regions), inside)
    doc.user_data["claimledger.quotes"] = q
    return q


_Step = tuple[Range | None, list[Range], str]
"""What one content rule found: the content, other fragments, and the rule's name."""


class _Sentence:
    """What the rules need to know about one sentence and its block."""

    def __init__(self, doc: Doc, sent: Span, lex: Lexicon, cues: list[tuple[int, int, Cue]]) -> None:
        self.doc, self.sent, self.lex = doc, sent, lex
        self.s, self.e = sent.start, sent.end
        self.q = _quotes(doc, lex)
        self.cue_tokens = {i for c0, c1, _ in cues for i in range(c0, c1)}
        self.cue_starts = sorted(c0 for c0, _, _ in cues)
        w = lex.word_class
        self.np_content = w("np_content")
        self.to_content = w("to_content")
        self.recipient_object = w("recipient_object")
        self.comp = w("complementizer")
        self.conj = w("conjunction")
        self.dashes = w("dash")
        self.source_prep = w("source_prep")
        self.claim_nouns = w("claim_noun")
        self.not_source = w("colon_not_source")
        self.fallback = w("surface_fallback")
        self.object_only = w("object_only")
        self.surface: SentenceRules | None = None

    # ----- spans -------------------------------------------------------------------------
    def trim(self, i: int, j: int) -> Range | None:
        """Drop punctuation at both ends, but keep quotation marks that pair with one inside."""
        d, q = self.doc, self.q
        while i < j and (d[i].is_punct or d[i].is_space):
            r = q.region(i)
            if r is not None and r[0] == i and r[1] <= j:
                break
            i += 1
        while j > i and (d[j - 1].is_punct or d[j - 1].is_space):
            r = q.region(j - 1)
            if r is not None and r[1] == j and r[0] >= i:
                break
            j -= 1
        return (i, j) if i < j else None

    def subtree(self, tok: Token, drop: set[str] | None = None, keep_left: bool = True) -> Range:
        """The contiguous stretch of ``tok``'s subtree around it, without children whose label is in ``drop``."""
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        if drop:
            for c in tok.children:
                if c.dep_ not in drop:
                    continue
                a, b = c.left_edge.i, c.right_edge.i + 1
                if b <= tok.i and a >= lo and keep_left is not None:
                    lo = max(lo, b)
                elif a > tok.i:
                    hi = min(hi, a)
        return lo, hi

    def widen_to_quotes(self, r: Range) -> Range:
        """A content that opens just inside a quotation takes in its opening mark; one that ends inside
        a quotation runs on to its closing mark (a quotation may run over several sentences)."""
        i, j = r
        first = self.q.region(i)
        if first is not None and first[0] < i and all(self.doc[x].is_punct for x in range(first[0], i)):
            i = first[0]
        last = self.q.region(j - 1)
        if last is not None and last[1] > j:
            j = last[1]
        return i, j

    def clip_to_sentence(self, r: Range) -> Range:
        """A content never runs past its sentence, except inside quotation marks."""
        i, j = r
        if i < self.s and self.q.region(i) is None:
            i = self.s
        if j > self.e and self.q.region(j - 1) is None:
            j = self.e
        return i, j

    # ----- sources -----------------------------------------------------------------------
    def source_of(self, v: Token, depth: int = 0) -> Range | None:
        """The subject of the cue verb, or of the verb it hangs from (*…, adding*, *and said*)."""
        subjects = [c for c in v.children if c.dep_ in _SUBJ]
        if subjects:  # 'LAGOS -- The governor … said': two subjects in the parse, the nearer one speaks
            before = [c for c in subjects if c.i < v.i]
            return self.np(before[-1] if before else subjects[0])
        for c in v.children:
            if c.dep_ in _AGENT:
                obj = next((g for g in c.children if g.dep_ in {"pobj", "obj"}), None)
                if obj is not None:
                    return self.np(obj)
        if any(c.dep_ in _SUBJ_PASS for c in v.children):
            return None
        h = v.head
        if depth < 3 and v.dep_ == "pcomp" and h.head.i != h.i and h.head.pos_ in {"VERB", "AUX"}:
            return self.source_of(h.head, depth + 1)  # 'pitched himself by telling them …'
        if depth < 3 and h.i != v.i and v.dep_ in {"conj", "advcl", "xcomp", "dep"}:
            if v.dep_ == "advcl" and v.tag_ not in {"VBG", "VBN", "VB"}:
                return None
            if v.dep_ == "advcl" and v.i < h.i and v.tag_ == "VBN":
                return None  # 'Asked about it, X said': X answers, the asker is unnamed
            if v.dep_ == "advcl" and h.dep_ in _COMP and h.head.i in self.cue_tokens:
                h = h.head  # '"…," adding': the parser hung *adding* inside the quotation
            return self.source_of(h, depth + 1)
        if v.dep_ in {"acl"} and h.pos_ in {"NOUN", "PROPN"}:
            return self.np(h, drop_acl=v)
        return None

    def subject_before(self, v: Token) -> Range | None:
        """When the parse gives the cue no subject: the noun phrase just before it, if one stands there."""
        d = self.doc
        j = v.i
        while j > self.s and d[j - 1].pos_ in {"ADV", "AUX", "PART"}:
            j -= 1
        if j <= self.s or d[j - 1].pos_ not in {"PROPN", "NOUN", "PRON"} or self.q.region(j - 1) is not None:
            return None
        i = j - 1
        while i > self.s and d[i - 1].pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PART"} and d[i - 1].dep_ != "punct":
            i -= 1
        if d[i].pos_ == "PART":
            i += 1
        return self.trim(i, j)

    def np(self, tok: Token, drop_acl: Token | None = None) -> Range | None:
        lo, hi = self.subtree(tok, _SOURCE_DROP)
        if drop_acl is not None:
            hi = min(hi, drop_acl.left_edge.i)
        r = self.trim(lo, hi)
        if r is None:
            return None
        dash = next((x for x in range(r[0], min(r[1], r[0] + 8)) if self.doc[x].text in self.dashes), None)
        if dash is not None and any(self.doc[x].is_upper and len(self.doc[x]) > 2 for x in range(r[0], dash)):
            r = self.trim(dash + 1, r[1])  # 'WASHINGTON -- President Smith': a dateline is no source
            if r is None:
                return None
        # a source never holds a quotation
        if any(self.q.region(x) is not None for x in range(r[0], r[1])):
            hits = [x for x in range(r[0], r[1]) if self.q.region(x) is not None]
            if tok.i in hits:
                return None
            r = self.trim(hits[-1] + 1, r[1]) if hits[-1] < tok.i else self.trim(r[0], hits[0])
        return r

    # ----- contents ----------------------------------------------------------------------
    def comp_child(self, v: Token, after: bool = True) -> Token | None:
        for c in v.children:
            if c.dep_ in _COMP and (c.i > v.i) == after and (
                    c.i not in self.cue_tokens or any(g.dep_ in _SUBJ | _SUBJ_PASS for g in c.children)):
                return c
        return None

    def quote_before(self, v: Token, source: Range | None) -> Range | None:
        """A quotation that ends just before the source-and-cue clause (*"…," she said*)."""
        i = v.i - 1
        gap = 0
        while i >= 0 and self.q.region(i) is None:
            t = self.doc[i]
            if source is not None and source[0] <= i < source[1]:
                pass
            elif t.i in self.cue_tokens:
                return None
            elif not t.is_punct:
                gap += 1
                if gap > _MAX_QUOTE_GAP:
                    return None
            i -= 1
        if i < 0:
            return None
        r = self.q.region(i)
        if r is None or r[1] != i + 1 or not self.doc[i].is_quote:
            return None
        if i < self.s and self.doc[i - 1].text == "." and r[1] - r[0] > 2:
            return None  # '"… policy." The network said …': the quotation closed its own sentence
        return r

    def quote_after(self, end: int) -> Range | None:
        """A quotation that opens right after ``end``: only punctuation (or *but*, *and*) between."""
        i = end
        n = len(self.doc)
        links = 0
        while i < n and self.q.region(i) is None:
            t = self.doc[i]
            if t.lower_ in self.conj and links == 0:
                links += 1
            elif not t.is_punct:
                return None
            i += 1
        if i >= n:
            return None
        r = self.q.region(i)
        if r is None or r[0] != i:
            return None
        return r

    def claimed_by_later_cue(self, r: Range) -> bool:
        """A quotation followed by another cue clause (*"…," he added*) is that cue's."""
        i = r[1]
        n = len(self.doc)
        seen = 0
        while i < n and seen < 6:
            t = self.doc[i]
            if self.q.region(i) is not None:
                return False
            if t.i in self.cue_tokens or (t.pos_ == "VERB" and t.dep_ in {"ROOT", "parataxis"}):
                return t.i in self.cue_tokens or self._looks_like_cue(t)
            if not t.is_punct:
                seen += 1
            i += 1
        return False

    def _looks_like_cue(self, t: Token) -> bool:
        return t.lower_ in self.lex.cues and self.lex.cues[t.lower_][0].kind == "verb"

    def content_after(self, v: Token, c1: int, form: str) -> tuple[Range | None, str]:
        """Content after the cue for verbs that take an object, an infinitive or a preposition."""
        last = self.doc[c1 - 1]
        if last.i > v.i and last.dep_ in {"prep", "prt"} and last.head.i == v.i:
            # 'called for X', 'pointed to X': the object of the cue's own preposition
            obj = next((g for g in last.children if g.dep_ in {"pobj", "pcomp", "obj"}), None)
            if obj is not None:
                return self.trim(*self.subtree(obj)), "dep-prep"
            if last.dep_ == "prt":
                obj = next((g for g in v.children if g.dep_ in _OBJ and g.i > last.i), None)
                if obj is not None:
                    return self.trim(*self.subtree(obj)), "dep-prep"
        if form in self.np_content and any(c.dep_ in _AGENT for c in v.children):
            subj = next((c for c in v.children if c.dep_ in _SUBJ_PASS), None)
            if subj is not None:  # 'Trump is backed by few papers': the papers back Trump
                return self.trim(*self.subtree(subj, _SOURCE_DROP)), "dep-passive"
        for c in v.children:
            if c.i < v.i:
                continue
            if c.dep_ in _XCOMP and form in self.to_content:  # 'declined to comment': a cue may be the plan
                return self.trim(*self.subtree(c)), "dep-infinitive"
            if c.i in self.cue_tokens and c.pos_ in {"VERB", "AUX"}:
                continue
            if c.dep_ in _OBJ and (form in self.np_content or c.lower_ in self.claim_nouns):
                lo, hi = self.subtree(c)
                # 'called it a lie', 'urged voters to stay home', 'criticized X for Y': what follows belongs
                for g in v.rights:
                    if g.i <= c.i or g.is_punct:
                        continue
                    if g.dep_ not in _OBJECT_TAIL or g.i in self.cue_tokens:
                        break
                    hi = max(hi, g.right_edge.i + 1)
                return self.trim(lo, hi), "dep-object"
        return None, ""

    # ----- the rules ---------------------------------------------------------------------
    def verb(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """A verb cue: its subject is the source; the content is found by the first rule that applies."""
        v = self.cue_head(c0, c1)
        if self.q.region(v.i) is not None:
            return None  # a cue inside a quotation is part of what someone else says
        form = " ".join(cue.words)
        source = self.source_of(v)
        if source is None and v.dep_ == "ROOT" and not any(c.dep_ in _SUBJ_PASS for c in v.children):
            source = self.subject_before(v)
        if source is None:
            source = self.name_before_colon(c1)  # 'Said Ellis: "…"
        content: Range | None = None
        parts: list[Range] = []
        rule = ""
        if form not in self.object_only:
            for step in (self._colon, self._quote_before, self._complement, self._parenthetical, self._quote_after):
                content, parts, rule = step(v, c0, c1, source)
                if content is not None:
                    break
        if content is None:
            content, rule = self.content_after(v, c1, form)
        if content is None:
            return None
        content = self.clip_to_sentence(content)
        if c0 <= content[0] < c1:  # 'shows that …': the cue's own words stay out of the content
            content = (c1, content[1])
        if content[0] >= content[1]:
            return None
        if parts:
            # PolNeAR's convention, and a fair one: the longest fragment is the content
            allp = sorted([content, *(self.clip_to_sentence(p) for p in parts)], key=lambda r: r[0] - r[1])
            content, parts = allp[0], allp[1:]
        return Found((c0, c1), content, source, cue.certainty, cue.kind, rule, tuple(parts))

    def _colon(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'X said: …' (or 'X told reporters: …'): everything after the colon."""
        d = self.doc
        k = c1
        while k < self.e and k - c1 < 4 and d[k].text != ":" and not d[k].is_punct:
            k += 1
        inverted = source is not None and source[0] >= c1 and k == source[1]  # 'Said Ellis: …'
        if k < len(d) and d[k].text == ":" and (k == c1 or inverted or v.lower_ in self.recipient_object):
            r = self.q.region(k + 1) if k + 1 < len(d) else None
            end = r[1] if r is not None and r[0] == k + 1 else self.e
            return self.trim(k + 1, end), [], "dep-colon"
        return None, [], ""

    def _quote_before(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'"…," she said' — and a quotation that goes on after the clause is a second fragment."""
        before = self.quote_before(v, source)
        if before is None:
            return None, [], ""
        c = self.comp_child(v, after=False)
        if c is not None:
            # a mixed quotation: '"…" to drive up the price, she said' takes in the words around it
            lo, hi = self.subtree(c)
            if lo < before[1] and hi > before[0]:
                r = self.trim(min(lo, before[0]), max(hi, before[1]))
                if r is not None:
                    before = r
        parts = []
        after = self.quote_after(self._clause_end(v))
        if after is not None and not self.claimed_by_later_cue(after):
            parts.append(after)
        return before, parts, "dep-quote"

    def _complement(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'X said (that) …', or the unquoted inversion '…, X said'."""
        c = self.comp_child(v, after=True)
        if c is not None:
            lo, hi = self.subtree(c)
            for g in v.rights:  # '… said X, because Y': the parser often hangs Y on the cue
                if g.i < hi or g.is_punct:
                    continue
                if g.dep_ not in {"advcl", "prep", "npadvmod", "advmod"} or g.i in self.cue_tokens:
                    break
                hi = g.right_edge.i + 1
            hi = self._cut_at_later_cue(v, lo, hi)
            return self.trim(*self.widen_to_quotes((lo, hi))), [], "dep-comp"
        c = self.comp_child(v, after=False)
        if c is not None:
            return self.trim(*self.widen_to_quotes(self.subtree(c))), [], "dep-inverted"
        return None, [], ""

    def _parenthetical(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'The plan, she said, will fail': the sentence around the cue, its longer side first."""
        h = v.head
        if (v.dep_ not in _PARENTHETICAL or h.i == v.i or h.i in self.cue_tokens or source is None
                or h.pos_ not in {"VERB", "AUX"} or v.dep_ == "advcl"):
            return None, [], ""
        lo, hi = self.subtree(h)
        frags = [r for r in (self.trim(lo, v.left_edge.i), self.trim(v.right_edge.i + 1, hi)) if r]
        if not frags:
            return None, [], ""
        frags.sort(key=lambda r: r[0] - r[1])
        return frags[0], frags[1:], "dep-parenthetical"

    def _quote_after(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'she said, "…"' with nothing but adverbials between."""
        after = self.quote_after(self._skip_adjuncts(c1))
        if after is None:
            return None, [], ""
        for c in v.rights:  # 'claimed "Trump exaggerates" the level of …': the words around the quotation too
            if c.dep_ in _COMP | _OBJ | _XCOMP:
                lo, hi = self.subtree(c)
                if lo < after[1] and hi > after[0]:
                    after = self.trim(min(lo, after[0]), max(hi, after[1])) or after
        return after, [], "dep-quote-after"

    def prep(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """*according to X*: X is the source, the clause the phrase hangs on is the content."""
        d = self.doc
        if self.q.region(c0) is not None:
            return None
        last = d[c1 - 1]
        obj = next((g for g in last.children if g.dep_ in {"pobj", "obj"}), None)
        if obj is None:
            return None
        source = self.np(obj)
        head = d[c0].head
        if head.i == c0 or c0 <= head.i < c1:
            return None
        phrase = (d[c0].left_edge.i, d[c0].right_edge.i + 1)
        lo, hi = self.subtree(head)
        inside = bracket_around(d, self.s, self.e, c0, c1)
        if inside:  # *(east, 15,000 according to the unions)*: the phrase speaks for its bracket only
            lo, hi = max(lo, inside[0]), min(hi, inside[1])
        frags = [r for r in (self.trim(lo, phrase[0]), self.trim(phrase[1], hi)) if r]
        frags = [self.trim(*self.clip_to_sentence(self.widen_to_quotes(r))) or r for r in frags]
        if not frags:
            return None
        frags.sort(key=lambda r: r[0] - r[1])
        return Found((c0, c1), frags[0], source, cue.certainty, cue.kind, "dep-prep-source", tuple(frags[1:]))

    def noun(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """*the claim that …*, *his warning that …*: the clause the noun governs; its owner, if named, is the source."""
        d = self.doc
        n = next((d[i] for i in range(c0, c1) if d[i].pos_ in {"NOUN", "PROPN"}), None)
        if n is None or self.q.region(n.i) is not None:
            return None
        clause = next((c for c in n.rights if c.dep_ in {"acl", "ccomp", "relcl", "appos"} and c.pos_ in {"VERB", "AUX"}
                       and any(g.dep_ == "mark" and g.i < c1 for g in c.children)), None)
        if clause is None:
            return None
        content = self.trim(max(c1, clause.left_edge.i), clause.right_edge.i + 1)
        if content is None:
            return None
        source = None
        for c in n.children:
            if c.dep_ == "poss":
                source = self.np(c)
            elif c.dep_ == "prep" and c.lower_ in self.source_prep and c.i < clause.i:
                obj = next((g for g in c.children if g.dep_ in {"pobj", "obj"}), None)
                source = self.np(obj) if obj is not None else None
        content = self.clip_to_sentence(self.widen_to_quotes(content))
        return Found((n.i, n.i + 1), content, source, cue.certainty, cue.kind, "dep-noun")

    def signature(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """Punctuation that names a speaker: *Okafor: "…"*, *PENCE: Well, …*, *"…" ― Ana Reyes*."""
        d = self.doc
        k = c0
        if d[k].text == ":":
            i = self.s
            while i < k and (d[i].is_quote or d[i].is_space):
                i += 1
            name = self.trim(i, k)
            cue_at = (k, k + 1)
            if name is not None and name[1] - name[0] > 1 and self._looks_like_cue(d[name[0]]):
                cue_at, name = (name[0], name[0] + 1), (name[0] + 1, name[1])  # 'Said Mensah: …'
            if name is None or name[1] - name[0] > 5 or not self._is_name(name):
                return None
            region = self.q.region(k)
            end = region[1] if region is not None else self.e
            if end <= k + 1:
                return None
            content = self.trim(*self.widen_to_quotes((k + 1, end)))
            if content is None or content[1] - content[0] < 2:
                return None
            if cue_at[0] != k:
                verb = self.lex.cues[d[cue_at[0]].lower_][0]
                return Found(cue_at, content, name, verb.certainty, verb.kind, "dep-colon")
            return Found((k, k + 1), content, name, cue.certainty, cue.kind, "dep-colon-speaker")
        # a dash right after a closing quotation mark, then a name to the end of the sentence
        j = k - 1
        while j >= 0 and d[j].is_space:
            j -= 1
        quote = self.q.region(j) if j >= 0 else None
        if quote is None or quote[1] != j + 1 or not d[j].is_quote:
            return None
        name = self.trim(k + 1, self.e)
        if name is None or name[1] - name[0] > 6 or not self._is_name(name):
            return None
        content = self.trim(*quote)
        return Found((k, k + 1), content, name, cue.certainty, cue.kind, "dep-dash-speaker") if content else None

    def name_before_colon(self, i: int) -> Range | None:
        """A short name between ``i`` and a colon (*Said Ellis: …*)."""
        k = i
        while k < self.e and k - i <= 4 and self.doc[k].text != ":":
            k += 1
        if k >= self.e or k == i or self.doc[k].text != ":":
            return None
        name = self.trim(i, k)
        return name if name is not None and self._is_name(name) else None

    def _is_name(self, r: Range) -> bool:
        """A short phrase that names someone: capitalised words, no verb, no digit, no caption word."""
        d = self.doc
        words = [d[x] for x in range(*r) if not d[x].is_punct and not d[x].is_space]
        if not words or len(words) > 4 or not (words[0].is_title or words[0].is_upper) or words[0].pos_ == "DET":
            return False
        if any(t.lower_ in self.not_source or t.like_num or t.tag_.startswith("VB") or t.i in self.cue_tokens
               for t in words):
            return False
        return all((t.pos_ in {"PROPN", "NOUN", "ADJ"} and not t.is_lower) or t.pos_ in {"PART", "ADP", "CCONJ"}
                   for t in words)

    def cue_head(self, c0: int, c1: int) -> Token:
        """The word of a cue phrase that the rest hangs from: *said* in *has said*, *called* in *called for*."""
        d = self.doc
        verbs = [d[i] for i in range(c0, c1) if d[i].pos_ in {"VERB", "AUX"}]
        for t in verbs:
            if not c0 <= t.head.i < c1 or t.head.i == t.i:
                return t
        return verbs[0] if verbs else d[c0]

    def _clause_end(self, v: Token) -> int:
        """Where the cue's own clause ends: the end of its rightmost non-clausal dependent."""
        end = v.i + 1
        for c in v.rights:
            if c.dep_ in _COMP | {"conj", "cc", "parataxis"} or self.q.region(c.i) is not None:
                break
            if c.is_punct:
                continue
            end = max(end, c.right_edge.i + 1)
        return end

    def _skip_adjuncts(self, i: int) -> int:
        d = self.doc
        while i < self.e and d[i].dep_ in {"npadvmod", "advmod", "prep", "pobj", "det", "compound",
                                          "amod", "nsubj", "dative", "dobj"} and self.q.region(i) is None:
            i += 1
        return i

    def _cut_at_later_cue(self, v: Token, lo: int, hi: int) -> int:
        """'said X and warned Y': the content of *said* stops before *and warned*."""
        d = self.doc
        for x in range(lo, hi):
            if x in self.cue_tokens and x > v.i and self.q.region(x) is None:
                t = d[x]
                if t.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in t.children):
                    cut = x
                    while cut > lo and (d[cut - 1].dep_ == "cc" or d[cut - 1].is_punct):
                        cut -= 1
                    return cut
        return hi

    def surface_rule(self, c0: int, c1: int, cue: Cue) -> Found | None:
        if self.surface is None:
            self.surface = SentenceRules(self.doc, self.sent, self.lex, True)
        later = [x for x in self.cue_starts if x > c0]
        return _RULES[cue.kind](self.surface, c0, c1, cue, later)


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, cues: list[tuple[int, int, Cue]]) -> list[Found] | None:
    """Attributions of one parsed sentence, or None to fall back to the surface rules."""
    if not cues:
        return []
    ctx = _Sentence(doc, sent, lex, cues)
    out: list[Found] = []
    for c0, c1, cue in cues:
        f: Found | None
        if cue.kind in {"verb", "evidence"}:
            f = ctx.verb(c0, c1, cue)
            if f is None and ctx.q.region(c0) is None and " ".join(cue.words) in ctx.fallback:
                f = ctx.surface_rule(c0, c1, cue)
        elif cue.words[0] == ":" or cue.words[0] in ctx.dashes:
            f = ctx.signature(c0, c1, cue)
        elif cue.kind == "noun":
            f = ctx.noun(c0, c1, cue)
        elif cue.kind == "prep":
            f = ctx.prep(c0, c1, cue) or ctx.surface_rule(c0, c1, cue)
        else:
            f = ctx.surface_rule(c0, c1, cue)
        if f is not None and f.content[0] < f.content[1]:
            out.append(f)
    return _drop_embedded(out)


_WEAK = frozenset({"dep-object", "dep-passive", "dep-infinitive", "dep-prep", "verb-bare"})
"""Rules whose cues (*ordered*, *wants to*, *talked about*) report a stance or a plan rather than a claim."""


def _drop_embedded(found: list[Found]) -> list[Found]:
    """A stance or plan inside what someone else is reported to say is part of that content.

    *Trump said he would order a review*: Trump's claim, not a second one by *he* through
    *order*. Nested speech (*X said Y told him*) stays: that is a relay of its own.
    """
    out = []
    for f in found:
        if (f.rule in _WEAK or f.certainty == "estimated") and any(
            g is not f and g.rule not in _WEAK and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
            for g in found
        ):
            continue
        out.append(f)
    return out
