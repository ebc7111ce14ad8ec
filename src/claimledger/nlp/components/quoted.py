"""Where a quotation stands against its cue: before it (*"…," she said*), after it (*she said, "…"*),
after the cue's clause or opening the next sentence; and which quotations are titles or labels
(*the "Night Train" actress*, *NBC's "Meet the Press"*), not anyone's words.

The regions themselves are paired over the block by ``quotes.quote_regions``; the rules that use
these answers are ``dependency``'s. Labels are ClearNLP's, as in ``tree``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.tree import _COMP, _FINITE, _OBJ, _SOURCE_DROP, _SUBJ, _SUBJ_PASS, _WH, ParsedSentence

_RELATIVE_CLAUSE = frozenset({"relcl", "acl:relcl"})
"""A clause that hangs on a noun it says something about."""
_FULL_STOP = frozenset({".", "!", "?"})
"""Marks that end a sentence inside a quotation's closing mark."""
_MAX_QUOTE_GAP = 1
"""Tokens (besides punctuation) allowed between a quote's closing mark and the source or cue."""
_SOURCE_ASIDE = frozenset({"relcl", "acl:relcl", "appos"})
"""What a source may carry after it, set off by commas, before its cue (*Park, who …, told*)."""


class QuotedSentence(ParsedSentence):
    """A parsed sentence that also answers where its quotations stand against a cue."""

    def speaker_within(self, v: Token) -> Token | None:
        """The subject of a cue that relays someone else's claim inside a quotation (*"In his heart he
        thinks he was destined to be president," she said*, *"Some people feel X"*): it stands before the
        cue in the same quotation and is not the speaker's own first or second person (``first_person``,
        ``second_person``: *I think*, *you know*, the speaker's frame, no entry), nor a factive cue
        (``factive_verb``: *they knew that X* asserts X in the speaker's voice). FORMAT.md nests each relay;
        PolNeAR's annotators seldom mark one inside a quotation (on its dev split they cost more than they gave)."""
        r = self.q.region(v.i)
        subj = next((c for c in v.children if c.dep_ in _SUBJ and c.i < v.i), None)
        finite = v.tag_ in _FINITE or v.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in _FINITE for c in v.children)
        if self.polnear or r is None or subj is None or self.q.region(subj.i) != r or not finite:
            return None  # '"… the ISO saying it's congestion"': a participle inside is the speaker's own telling
        own = self.lex.derived("own_persons", lambda lx: lx.word_class("first_person") | lx.word_class("second_person"))
        if subj.tag_ in _WH or any(t.lower_ in own for t in subj.subtree):
            return None  # 'people who tell …', 'most of us believe …'
        return None if v.lower_ in self.lex.word_class("factive_verb") else subj  # 'they knew X': the speaker's

    def quoted_speaker(self, v: Token) -> Range | None:
        """The words of ``speaker_within``'s subject, inside its quotation and before the cue."""
        subj = self.speaker_within(v)
        if subj is None:
            return None
        r = self.q.region(v.i)
        lo, hi = self.subtree(subj, _SOURCE_DROP)
        return self.trim(max(lo, r[0] + 1), min(hi, v.i, r[1] - 1)) if r is not None else None

    def held_in_quote(self, f: Found | None, c0: int) -> Found | None:
        """A relay inside a quotation (``speaker_within``) is held by its subject there, which no source
        outside a quotation may be (``np``), and says no more than the quotation holds: its content ends
        where the quotation does."""
        r = self.q.region(c0)
        if f is None or r is None:
            return f
        source = self.quoted_speaker(self.cue_head(*f.cue))
        lo, hi = max(f.content[0], r[0] + 1), min(f.content[1], r[1] - 1)
        while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        if hi <= lo or source is None:
            return None
        # '"He claims to be a Democrat," she said': a claim verb's infinitive is a relay of its own, not a
        # plan inside her words, so it leaves the weak rules that ``drop_embedded`` folds into her content
        rule = "dep-infinitive-quoted" if f.rule == "dep-infinitive" else f.rule
        return replace(f, content=(lo, hi), source=source, rule=rule)

    def quote_before(self, v: Token, source: Range | None) -> Range | None:
        """A quotation that ends just before the source-and-cue clause (*"…," she said*)."""
        i = v.i - 1
        gap = 0
        aside = self._source_aside(source)  # 'Park, who sits on the panel, told …': the source's own clause
        while i >= 0 and self.q.region(i) is None:
            t = self.doc[i]
            if source is not None and source[0] <= i < source[1] or aside[0] <= i < aside[1]:
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
        # '"… policy." The network said …': the quotation closed its own sentence; but not before a sentence of
        # speaker and cue alone ('"… missing." Trump said.'), which has no other claim
        if i < self.s and self.doc[i - 1].text == "." and r[1] - r[0] > 2 and not all(
                t.is_punct for t in self.doc[v.i + 1 : self.e]):
            return None
        if self.names_a_noun(r) or self._governed_elsewhere(r, v):
            return None
        return r

    def _source_aside(self, source: Range | None) -> Range:
        """The relative clause or appositive set off after a source's head (*Park, who sits on …,*)."""
        if source is None:
            return (0, 0)
        head = next((self.doc[x] for x in range(*source) if not source[0] <= self.doc[x].head.i < source[1]), None)
        asides = [c for c in head.rights if c.dep_ in _SOURCE_ASIDE and c.i >= source[1]] if head is not None else []
        return (asides[0].left_edge.i, asides[-1].right_edge.i + 1) if asides else (0, 0)

    def names_a_noun(self, r: Range) -> bool:
        """'the "Night Train" actress', 'a "one-size-fits-all" approach', 'fame in "Joker"': a quotation
        whose words hang from a noun after it, or from a preposition, is a title or a label inside a
        noun phrase, not what anyone says."""
        d = self.doc
        if (self.is_label(r) and r[1] < self.e and d[r[1]].pos_ in {"NOUN", "PROPN"} and d[r[1]].dep_ != "npadvmod"
                and d[r[1] - 2].text not in _FULL_STOP):  # '"But why?" reporter Ana Ruiz asked': a question
            return True  # the parser may hang the title on the verb; the noun right after it tells
        if r[0] > 0 and d[r[0] - 1].tag_ == "POS":
            return True  # 'on the network's "Face the Voters"': what a possessive owns is a title, whatever its words
        for x in range(r[0], r[1]):
            h = d[x].head
            if d[x].is_punct or r[0] <= h.i < r[1]:
                continue
            if (h.i >= r[1] and h.pos_ in {"NOUN", "PROPN"}) or (d[x].dep_ in {"pobj", "obj"} and h.pos_ == "ADP"):
                return True
        return False

    def is_label(self, r: Range) -> bool:
        """A quotation with no verb in it: a name, a title or a phrase, never a statement on its own."""
        return not any(self.doc[x].pos_ in {"VERB", "AUX"} for x in range(*r))

    def _governed_elsewhere(self, r: Range, v: Token) -> bool:
        """A quotation before the cue that is not the cue's: the subject of the cue itself ('"Great Thaw"
        presented …'), or the object of a verb before it ('what X branded "a scandal," nurses warn …')."""
        d = self.doc
        speech = any(d[x].text in _FULL_STOP for x in range(r[0] + 1, r[1] - 2))  # whole sentences: someone's words
        own = any(c.dep_ in _SUBJ and not r[0] <= c.i < r[1] for c in v.children)  # 'nothing …," Trump said': his
        for x in range(r[0], r[1]):
            t = d[x]
            if t.is_punct or r[0] <= t.head.i < r[1] or t.head.i == t.i or (speech and t.head.i != v.i):
                continue
            if t.head.i == v.i:
                if t.dep_ in _SUBJ | _SUBJ_PASS and not speech and not own:  # else the parse erred
                    return True
            elif t.head.i < r[0] and t.head.pos_ in {"VERB", "AUX"}:
                return True
        return False

    def quote_after(self, end: int) -> Range | None:
        """A quotation that opens right after ``end``: only punctuation (or *but*, *and*) between."""
        i = end
        n = len(self.doc)
        links = 0
        while i < n and self.q.region(i) is None:
            t = self.doc[i]
            if t.lower_ in self.conj and links == 0:
                links += 1
            elif not t.is_punct and not t.is_space:
                return None
            i += 1
        if i >= n:
            return None
        r = self.q.region(i)
        if r is None or r[0] != i:
            return None
        return r

    def claimed_by_later_cue(self, r: Range) -> bool:
        """A quotation followed by another cue clause (*"…," he added*) is that cue's, also where the parse
        hangs that cue inside the quotation's sentence, beyond this sentence's cues."""
        i = r[1]
        n = len(self.doc)
        seen = 0
        while i < n and seen < 6:
            t = self.doc[i]
            if self.q.region(i) is not None:
                return False
            if t.i in self.cue_tokens or t.pos_ == "VERB" and (
                    t.dep_ in {"ROOT", "parataxis"} or self._looks_like_cue(t)):
                if self.doc[r[1] - 2].text in _FULL_STOP and any(c.dep_ in _COMP | _OBJ and c.i > t.i
                                                                for c in t.children):
                    return False  # '"… state." She noted a rally …': a new sentence with a claim of its own
                return t.i in self.cue_tokens or self._looks_like_cue(t)
            if not t.is_punct:
                seen += 1
            i += 1
        return False

    def quote_after_clause(self, v: Token) -> Range | None:
        """A quotation right after the cue's clause, or one opening the next sentence when the rest of this
        one names no other speaker: no cue and no quotation but a title stands between ('"…," said X, a Y
        who …, another Z. "…"'; '"…," she said as the crowd left the hall. "…"'; '"…," he said on the
        network's "Face the Voters." "…"')."""
        end = self._clause_end(v)
        after = self.quote_after(end)
        if after is not None and not self.names_a_noun(after):
            return after
        x = end
        while x < self.e:
            r = self.q.region(x)
            if r is not None and r[0] == x and r[1] > self.e and self.doc[x - 1].text in _FULL_STOP:
                return r  # the next sentence's opening mark, which the sentence splitter left at this one's end
            if r is not None and not self.names_a_noun(r):
                return None
            if r is None and x in self.cue_tokens and not self._same_speaker(v, self.doc[x]):
                return None
            x = r[1] if r is not None else x + 1
        return self.quote_after(self.e)

    def _same_speaker(self, v: Token, t: Token) -> bool:
        """A later cue that names no other speaker: a participle on the cue with no subject of its own
        (*said, adding that …*), or a cue in a relative clause on the cue's subject (*said X, who said …*)."""
        if t.head.i == v.i and t.dep_ in {"advcl", "conj", "xcomp"} and not any(
                c.dep_ in _SUBJ | _SUBJ_PASS for c in t.children):
            return True
        h = t
        while h.dep_ not in _RELATIVE_CLAUSE and h.head.i != h.i and h.i != v.i:
            h = h.head
        return h.dep_ in _RELATIVE_CLAUSE and h.head.head.i == v.i and h.head.dep_ in _SUBJ

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
