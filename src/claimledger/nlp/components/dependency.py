"""Parse-based attribution rules, for languages whose pipeline has a dependency parser we trust.

Enabled per language by ``rules  dependency`` in ``lang/<code>/words.tsv``. Returns None
to let the surface rules (``surface.py``) handle the sentence; the questions every rule asks
of a parse are ``tree.ParsedSentence``'s.

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

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.components.asides import AsideSentence
from claimledger.nlp.components.found import Found, Range, bracket_around, drop_embedded, one_role
from claimledger.nlp.components.nouns import _RELATIVE
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.components.surface import RULES
from claimledger.nlp.components.tree import (
    _COMP,
    _OBJ,
    _SUBJ,
    _SUBJ_PASS,
    _WH,
    _XCOMP,
    _Step,
)
from claimledger.nlp.lexicon import Cue, Lexicon


class _Sentence(AsideSentence):
    """One parsed sentence with the dependency rules for its cues."""

    @property
    def hearing(self) -> frozenset[str]:
        """Verbs of hearing (``hearing_verb``), whose *from* phrase names who speaks."""
        return self.lex.word_class("hearing_verb")

    def verb(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """A verb cue: its subject is the source; the content is found by the first rule that applies."""
        v = self.cue_head(c0, c1)
        if self.q.region(v.i) is not None and (cue.kind != "verb" or self.speaker_within(v) is None):
            return None  # a cue inside a quotation is part of what someone else says, unless it relays
        form = " ".join(cue.words)
        d = self.doc
        reduced = self.reduced_reading(v, c0, c1, cue) or self.asked(v, c0, c1, cue)
        if reduced is not None:
            return reduced
        if self.reduced_passive(v):
            return None  # 'figures reported on Sunday', 'papers cited by X': the noun is what is reported
        if self.unsaid(v) or self.says_nothing(v, form) or self.in_question(v):
            return None
        if v.i == self.s + 1 and d[self.s].tag_ == "DT" and v.i + 1 < self.e and d[v.i + 1].text == ",":
            return None  # 'That said, …', 'All told, …': a set phrase that opens the sentence
        source = self.source_of(v)
        heard = next((g for c in v.children if c.dep_ == "prep" and c.lower_ in self.source_prep and c.i > v.i
                      for g in c.children if g.dep_ == "pobj"), None) if v.lower_ in self.hearing else None
        source = self.np(heard) if heard is not None else source  # 'heard from aides that X': the aides speak
        if source is None and v.dep_ == "ROOT" and not any(c.dep_ in _SUBJ_PASS for c in v.children):
            source = self.subject_before(v)
        if source is None:
            source = self.name_before_colon(c1) or self.coordinate_subject(v)  # 'Said Ellis: "…"
        if source is None and any(c.dep_ in _SUBJ and c.i < v.i and self._quoted_label(c.i) for c in v.children):
            return None  # 'the "Great Thaw" presented …': a quoted name is the subject, and no speaker
        if (source is None or cue.kind == "evidence" and not self.raised(v)) and self.infinitive(v):
            return None  # 'a chance to show that he can lead', 'marched to show that': a purpose, not a finding
        cut_source, swallowed = self._unswallow(v, source)
        content: Range | None = None
        parts: list[Range] = []
        rule = ""
        content, rule = self._as_clause(v, c0, c1, source)
        if content is None and form not in self.object_only:
            for step in (self._colon, self._quote_before, self._complement, self._parenthetical, self._quote_after):
                content, parts, rule = step(v, c0, c1, source)
                if content is not None:
                    break
        elif content is None and self.one_role and self.that_clause(v):  # PolNeAR: 'lamented that …' too
            content, parts, rule = self._complement(v, c0, c1, source)
        if source is None and content is not None and content[1] <= c0:
            # '"…," read the email': after the quotation the parser may take the speaker for an object
            speaker = next((c for c in v.rights if c.dep_ in _INVERTED_SPEAKER and c.pos_ in {"NOUN", "PROPN"}
                            and c.lower_ not in self.when_nouns), None)  # not 'last month'
            speaker = speaker or next((g for c in v.rights if c.dep_ in _COMP for g in c.children if g.dep_ in _SUBJ
                                       and g.left_edge.i == c1 and g.pos_ == "PROPN"), None)  # 'said Moss, half joking'
            source = self.np(speaker) if speaker is not None else self.name_after(c1)
        if content is not None and not parts and content[1] <= c0:
            # '"…" before the vote, she said. "…"': a quotation right after the cue's clause goes on with it
            after = self.quote_after_clause(v)
            if after is not None and after[0] > c1 and not self.claimed_by_later_cue(after):
                parts = [after]
        if content is None and swallowed is not None:
            source, content, rule = cut_source, swallowed, "dep-swallowed"
        if content is None and cue.certainty == "denied" and self._withheld(v):
            return None  # 'had been denied visas', 'denying them entry': a thing refused, not a claim denied
        if content is None and self.unclaimed_prep_object(v, c1, cue):
            return None
        if content is None:
            content, rule = self.content_after(v, c1, form)
            if content is not None:  # 'reaffirmed their opposition, underscoring …': an aside ends it
                content = (content[0], self._cut_aside(*content))
            if source is None and not self._passive(v) and (rule != "dep-infinitive" or not self.speaker_within(v)):
                return None  # 'to challenge the ruling': no one holds it ('"He claims to be …"': the quote's subject)
            if v.tag_ == "VB" and v.dep_ in _XCOMP:
                return None  # 'plans to attack the bill', 'refused to endorse him': a stance to come, not held
        if content is None and source is not None and form in self.fallback:
            content, rule = self.relative_head(v, source)
        if content is None or self.writers_hedge(v, cue, source) or self.withheld_comment(v, rule, cue.certainty):
            return None
        if rule == "dep-object" and v.lower_ in self.hearing:
            return None  # 'will hear arguments that X': what is heard is no claim of the hearer's; the noun's is
        wide = self.widen_to_quotes(content)  # 'as "a war that …, since …. Lawsuits …"': the quotation runs on
        if self.q.region(v.i) is None and any(not self.doc[x].is_punct for x in range(content[1], wide[1])):
            content = (content[0], wide[1])
        content = self.clip_to_sentence(content)
        if c0 <= content[0] < c1:  # 'shows that …': the cue's own words stay out of the content
            content = (c1, content[1])
        if content[0] >= content[1]:
            return None
        if parts:
            # PolNeAR's convention, and a fair one: the longest fragment is the content
            allp = sorted([content, *(self.clip_to_sentence(p) for p in parts)], key=self._chars, reverse=True)
            content, parts = allp[0], allp[1:]
        return Found((c0, c1), content, source, self.evidence(cue, source), cue.kind, rule, tuple(parts))

    def event_object(self, v: Token, cue: Cue) -> bool:
        """*revealed one of those meetings*: the parse gives a neutral cue a noun object, with nothing
        after it but when or where (no *of …*, *as …*, clause), and the cue takes no noun phrase as its
        content (``np_content``): what it names is no claim. A count is one (*announced three deaths*)."""
        if (cue.certainty != "asserted" or " ".join(cue.words) in self.np_content
                or any(c.dep_ in _COMP for c in v.children)):
            return False  # 'accused X': an allegation about X, whatever follows
        obj = next((c for c in v.rights if c.dep_ in _OBJ), None)
        count = obj is not None and self.counts(obj)  # 'announced three deaths'
        return (obj is not None and not count and obj.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}
                and obj.lower_ not in self.claim_nouns
                and self.q.region(obj.i) is None
                and not any(c.i > obj.i and c.dep_ in _OBJECT_ARGS and not self._adjunct(c) for c in v.children))

    @staticmethod
    def _withheld(v: Token) -> bool:
        """A denial verb with two objects (*denying them entry*), or a passive one that keeps its object
        (*were denied visas*), refuses someone a thing."""
        objects = [c for c in v.children if c.dep_ in _OBJ and c.i > v.i]
        return bool(objects) and any(c.dep_ == "dative" or c.dep_ in _SUBJ_PASS for c in v.children)

    def _quoted_label(self, i: int) -> bool:
        r = self.q.region(i)
        return r is not None and self.is_label(r)

    @staticmethod
    def _passive(v: Token) -> bool:
        """*is seen as*, *was charged with*: a passive cue names no holder, and need not."""
        return v.tag_ == "VBN" and any(c.dep_ in _SUBJ_PASS or c.dep_ == "auxpass" for c in v.children)

    def _unswallow(self, v: Token, source: Range | None) -> tuple[Range | None, Range | None]:
        """'… were cut, while a third was damaged, Finnish agency Traficom said': the parser may hang
        the reported clause inside the subject (*cut* as a modifier of *agency*). A subject whose
        words before its head hold a verb and then a comma is two things: the clause before the
        last such comma is the content, the words after it the source."""
        subjects = [c for c in v.children if c.dep_ in _SUBJ and c.i < v.i]
        if source is None or not subjects or source[0] >= subjects[-1].i:
            return source, None
        head = subjects[-1].i
        commas = [k for k in range(source[0], head) if self.doc[k].text == ","]
        if not commas or not any(self.doc[k].pos_ in {"VERB", "AUX"} for k in range(source[0], commas[-1])):
            return source, None
        return self.trim(commas[-1] + 1, source[1]), self.trim(source[0], commas[-1])

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
        if before is None or (self.is_label(before) and self.trim(self.s, before[0]) is not None
                              and self.q.region(self.s) is None):
            return None, [], ""  # 'words like "maybe", he said': a quoted word at the end of his sentence
        c = self.comp_child(v, after=False)
        if c is not None:
            # a mixed quotation: '"…" to drive up the price, she said' takes in the words around it
            lo, hi = self.subtree(c)
            lo = self.after_colon(lo, before[0] + 1)
            if lo < before[1] and hi > before[0]:
                r = self.trim(min(lo, before[0]), max(hi, before[1]))
                if r is not None:
                    before = r
        parts = []
        after = self.quote_after_clause(v)
        if after is not None and not self.claimed_by_later_cue(after):
            parts.append(after)
        return before, parts, "dep-quote"

    def _complement(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'X said (that) …', or the unquoted inversion '…, X said'."""
        c = self.comp_child(v, after=True)
        if c is not None and self._adverbial_after(v, c):
            c = None  # 'X, the governor said after the army briefed him': the claim is X, not the event after
        if c is not None:
            lo, hi = self.subtree(c)
            for g in v.rights:  # '… said X, because Y': the parser often hangs Y on the cue
                if g.i < hi or g.is_punct or g.dep_ == "cc":
                    continue
                second = self.goes_on(g)
                if ((g.dep_ not in {"advcl", "prep", "npadvmod", "advmod"} and not second) or g.i in self.cue_tokens
                        or self._absolute(g)):  # nor ', with X taking to Twitter to …': another's act
                    break  # but 'said that A, but that B': a second clause of the same cue goes on with it
                hi = g.right_edge.i + 1
            if lo < c0:  # 'a plan which the minister says will help': the claim starts after the cue
                lo = c1
            lo = self._stolen_subject(v, c, lo)
            hi = self._cut_at_later_cue(v, lo, hi)
            hi = self._cut_aside(lo, self.marked_conjunct(v, c, hi))
            while hi > lo + 1 and self.doc[hi - 1].dep_ == "cc":
                hi -= 1  # 'said she admires X and warned Y': the parse leaves *and* on the clause
            if hi < len(self.doc) and self.doc[hi].text == ":":
                quote = self.quote_after(hi + 1)  # 'said there was a simple reason: "…"': the quotation spells it out
                hi = quote[1] if quote is not None and not self.names_a_noun(quote) else hi
            inside = self.q.region(v.i) is not None  # a relay inside a quotation ends with its clause
            opened = self.q.region(lo)  # 'said "anti-Semitic images, they've got no place"': the quotation whole
            if not inside and opened is not None and c1 <= opened[0] < lo and hi <= opened[1] and all(
                    t.is_punct for t in self.doc[c1:opened[0]]):
                lo, hi = opened
            return self.trim(*((lo, hi) if inside else self.widen_to_quotes((lo, hi)))), [], "dep-comp"
        c = self.comp_child(v, after=False)
        if c is not None:
            lo, hi = self.subtree(c)
            return self.trim(*self.widen_to_quotes((self.after_colon(lo, hi), hi))), [], "dep-inverted"
        mark = next((t for t in self.doc[c1:v.right_edge.i + 1] if t.dep_ == "mark" and t.lower_ in self.comp
                     and (t.head.dep_ in _RELATIVE or self.means_noun_clause(v, t.head))
                     and self.q.region(t.i) is None), None)
        means = {mark.head.head.i} if mark is not None and self.means_noun_clause(v, mark.head) else set()
        if mark is not None and not (self.cue_tokens - means) & set(range(c1, mark.i)):
            # 'told the audience at his fundraiser for veterans that he …': the parser hung the reported
            # clause on the last noun as a relative clause, but a relative clause has no complementizer
            hi = self._cut_at_later_cue(v, mark.i, v.right_edge.i + 1)
            return self.trim(*self.widen_to_quotes((mark.i, hi))), [], "dep-comp"
        return None, [], ""

    def _stolen_subject(self, v: Token, c: Token, lo: int) -> int:
        """'admitted his ties with X are strained': the parser may take the reported clause's subject
        for the cue's object, leaving the clause with none; the object right before it is that subject."""
        if any(g.dep_ in _SUBJ | _SUBJ_PASS or g.dep_ == "expl" for g in c.children):
            return lo
        obj = next((g for g in v.children if g.dep_ in _OBJ and v.i < g.i < c.i and g.right_edge.i + 1 == lo
                    and g.tag_ != "PRP"), None)
        return obj.left_edge.i if obj is not None else lo

    def _quote_after(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'she said, "…"' with nothing but adverbials between."""
        if any(c.dep_ in _OBJ and c.tag_ in _WH and c.i < v.i for c in v.children):
            return None, [], ""  # 'worried by what they found. "…"': the cue's object is the relative word
        after = self.quote_after(self._skip_adjuncts(c1))
        if after is not None and self.names_a_noun(after):  # 'told "Morning Hour" host Tom Ek, "…"'
            after = self.quote_after(self._skip_adjuncts(after[1]))
        if after is None or self.names_a_noun(after) or (not self.polnear and self._inside_phrase(c1, after)):
            return None, [], ""
        for c in (c for c in v.rights if c.dep_ in _COMP | _OBJ | _XCOMP):  # 'claimed "X exaggerates" the level of'
            lo, hi = self.subtree(c)  # the words around the quotation too
            if lo < after[1] and hi > after[0]:
                after = self.trim(min(lo, after[0]), max(hi, after[1])) or after
        return after, [], "dep-quote-after"

    def _inside_phrase(self, c1: int, r: Range) -> bool:
        """A quotation in a phrase opened before it is a label (*expects an "aggressive appeal"*, *hits including
        "X"*), but for a message's (*chants of "X"*: ``message_noun``). PolNeAR's annotators mark labels."""
        gap, owners = self.doc[c1 : r[0]], {t.head for t in self.doc[r[0] : r[1]] if c1 <= t.head.i < r[0]}
        return any(t.head.i >= r[0] and not t.is_punct and t.lower_ not in self.comp for t in gap) or any(
            t.lower_ not in self.comp and not (t.dep_ == "prep" and t.head.lower_ in self.message_nouns)
            for t in owners)  # but not 'told reporters that "…"', whatever the parse made of 'that'

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
        if phrase[0] == self.s and d[self.e - 1].text == ":" and not any(not t.is_space for t in d[self.e:]):
            return None  # 'According to X, writing for Y:' closing a paragraph: the next one is X's (colon_lead)
        if head.i >= phrase[1] and head.dep_ == "conj" and head.head.i < c0 and d[c0 - 1].text == ",":
            head, phrase = head.head, (phrase[0], self.e)  # 'X, according to officials who … but were not …'
        elif (head.dep_ in _SUBJ | _SUBJ_PASS and head.i < c0 and head.head.i >= phrase[1] and d[c0 - 1].text == ","
              and phrase[1] < len(d) and d[phrase[1]].text == ","):
            head = head.head  # 'Other cleavages, according to the poll, include X': the parse hung it on the subject
        if source is not None:
            cut = self._source_to_appositive(obj, source)
            if cut[1] < source[1]:
                # the claim starts where the source ends, or after a relative clause on it (', which …,')
                aside = [t.right_edge.i + 1 for t in obj.subtree if t.dep_ in _RELATIVE and t.i >= cut[1]
                         and t.head.i < cut[1]]
                phrase = (phrase[0], max([c1, cut[1], *aside]))
            elif cut[1] > phrase[1]:
                phrase = (phrase[0], cut[1])
            source = cut
        lo, hi = self.subtree(head)
        inside = bracket_around(d, self.s, self.e, c0, c1)
        if inside:  # *(east, 15,000 according to the unions)*: the phrase speaks for its bracket only
            lo, hi = max(lo, inside[0]), min(hi, inside[1])
        elif self._closes_sentence(phrase) and not (self.one_role and any(
                head in d[x].subtree for x in self.cue_tokens if x < lo)):
            lo = self.s  # 'A was paid $2; B was paid $3, according to records': it speaks for all the sentence,
            # FORMAT's nesting: 'he said X, according to Y' is Y's relay of his saying (relays.nest_trailing);
            # PolNeAR's convention: a cue whose clause holds the phrase's clause speaks for it first
        frags = [self.trim(*self.clip_to_sentence(self.widen_to_quotes(r))) or r
                 for r in self.around(lo, hi, phrase, head)]
        if not frags:
            return None
        frags.sort(key=self._chars, reverse=True)
        return Found((c0, c1), frags[0], source, self.evidence(cue, source), cue.kind, "dep-prep-source",
                     tuple(frags[1:]))

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
            if content is None or content[1] - content[0] < 2 or self._own_speaker(content):
                return None  # 'Oslo: the fisheries chief told lawmakers …': a dateline, the sentence names its speaker
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

    def surface_rule(self, c0: int, c1: int, cue: Cue) -> Found | None:
        if self.surface is None:
            self.surface = SentenceRules(self.doc, self.sent, self.lex, True)
        later = [x for x in self.cue_starts if x > c0]
        return RULES[cue.kind](self.surface, c0, c1, cue, later)


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, cues: list[tuple[int, int, Cue]]) -> list[Found] | None:
    """Attributions of one parsed sentence, or None to fall back to the surface rules."""
    if not cues:
        return []
    ctx = _Sentence(doc, sent, lex, cues)
    out: list[Found] = []
    for c0, c1, cue in cues:
        f: Found | None
        if cue.kind in {"verb", "evidence"}:
            f = ctx.held_in_quote(ctx.verb(c0, c1, cue), c0)
            v = ctx.cue_head(c0, c1)
            if (f is None and ctx.q.region(c0) is None and " ".join(cue.words) in ctx.fallback
                    and not ctx.reduced_passive(v) and not ctx.unheld_purpose(v) and not _reported_thing(v)
                    and not ctx.unsaid(v) and not ctx.event_object(v, cue)
                    and not ctx.says_nothing(v, " ".join(cue.words)) and not ctx.unclaimed_prep_object(v, c1, cue)
                    and not ctx.negated_assertion(v, cue.certainty) and not ctx.in_question(v)):  # nor by surface
                f = ctx.surface_rule(c0, c1, cue)
                if f is not None and ctx.writers_hedge(v, cue, f.source):
                    f = None
                if f is not None and f.source is not None and f.source[1] <= c0:
                    # the surface rule takes the words before the cue; the parse knows its subject
                    # ('has cast X as unqualified and accused her of …': not 'unqualified and')
                    src = ctx.source_of(v)
                    if src is not None and (src[1] <= f.content[0] or src[0] >= f.content[1]):
                        f = replace(f, source=src)
        elif cue.words[0] == ":" or cue.words[0] in ctx.dashes:
            f = ctx.signature(c0, c1, cue)
        elif cue.kind == "noun":
            f = ctx.noun(c0, c1, cue)
        elif cue.kind == "prep":
            f = ctx.prep(c0, c1, cue) or ctx.surface_rule(c0, c1, cue)
        elif cue.lemma in ctx.appearance:
            f = ctx.looks(c0, c1, cue)
        elif cue.lemma in ctx.stance_adjectives:
            f = ctx.stance_adjective(c0, c1, cue)
        else:
            f = ctx.passive_reading(ctx.surface_rule(c0, c1, cue), c0, c1)
            inside = ctx.q.region(c0) if f is not None and cue.kind == "passive" else None
            if f is not None and inside is not None and f.content[1] > inside[1]:  # '"X are believed to Y," he said'
                f = replace(f, content=ctx.trim(f.content[0], inside[1]) or f.content)
            if (f is not None and ctx.one_role and f.rule == "passive" and f.content[0] < c0 < c1 < f.content[1]
                    and doc[c1 - 1].tag_ == "TO"):  # PolNeAR: 'X is expected to win' holds 'to win', not X
                f = replace(f, content=ctx.trim(c1 - 1, f.content[1]) or f.content)
        asks = f is not None and cue.kind == "verb" and ctx.indirect_question(f.content)
        if f is not None and f.content[0] < f.content[1] and not asks:
            out.append(f)
    beliefs = ctx.lex.word_class("belief_passive")
    out = drop_embedded(out, frozenset(f.cue for f in out if f.kind == "passive" and any(
        doc[x].lower_ in beliefs for x in range(*f.cue))))
    return one_role(out) if ctx.one_role else out


def _reported_thing(v: Token) -> bool:
    """A participle whose noun is what is reported, not who reports (*after news of the raid was reported*,
    *an estimated 26 million*): the words before such a cue name no source, so surface rules are not asked."""
    return v.dep_ == "amod" or (v.tag_ == "VBN" and any(
        c.dep_ in _SUBJ_PASS and c.pos_ in {"NOUN", "PROPN"} for c in v.children))


_OBJECT_ARGS = frozenset({"prep", "oprd", "xcomp", "ccomp", "advcl", "dative"})
"""What may follow a cue's object and make it part of a claim (*accused X of Y*, *called X a liar*)."""
_INVERTED_SPEAKER = frozenset({"dobj", "obj", "attr", "dative", "npadvmod", "oprd"})
"""Labels a parser gives the speaker after the cue in '"…," read the email'."""
