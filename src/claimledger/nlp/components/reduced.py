"""Readings of a cue that the parse hides, read before any rule that looks for a source:

- a cue inside a claim that a participle carries after its noun (*a ship said to carry arms*,
  *the trawler, accused of cutting the line*): the reduced relative forms of a reportative passive,
  held by no one named, which the parser often hangs on the main verb or even gives the noun as
  subject;
- a participle that only describes its noun (*figures reported on Sunday*, *the retirement —
  revealed a day before — has roiled X*): no attribution at all;
- an inverted speaker the parser took for the cue's object (*X, reported the BBC.*), and a speaker
  inside a relative clause whose claim the parser made the sentence's root (*a storm that experts
  warn could become a hurricane*).

Labels are ClearNLP's.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.components.found import Found
from claimledger.nlp.components.quoted import QuotedSentence
from claimledger.nlp.components.tree import _COMP, _FINITE, _OBJ, _SUBJ, _SUBJ_PASS, _XCOMP
from claimledger.nlp.lexicon import Cue


class ReducedSentence(QuotedSentence):
    """A parsed sentence that also reads the cues whose parse hides what they are."""

    def reduced_passive(self, v: Token) -> bool:
        """A participle right after the noun it describes (*figures reported on Sunday*): that noun is
        what is reported, not who reports. A comma before it marks a main verb the parser misread; a
        dash does not, where the participle's phrase closes with a dash before the sentence's own verb
        (*The retirement — revealed a day before the deadline — has roiled X*)."""
        d = self.doc
        if v.tag_ == "VBN" and v.dep_ == "acl" and v.head.i < v.i and not d[v.i - 1].is_punct:
            return not self.misread_main_verb(v)
        if not (v.tag_ in {"VBD", "VBN"} and v.i > self.s and d[v.i - 1].text in self.dashes):
            return False
        close = next((x for x in range(v.i + 1, self.e) if d[x].text in self.dashes), None)
        return close is not None and close + 1 < self.e and d[close + 1].pos_ in {"AUX", "VERB"} and not any(
            c.dep_ in _OBJ | _COMP and c.i < close for c in v.children)

    def misread_main_verb(self, v: Token) -> bool:
        """*A new poll found last week that X*: a participle the parser hung on the noun before it, which
        yet takes a *that* clause and has no subject of its own, is that noun's finite verb (no passive
        participle takes a *that* clause after its noun); its noun is the subject."""
        return v.dep_ == "acl" and v.tag_ in {"VBN", "VBD"} and v.head.dep_ == "ROOT" and any(
            c.dep_ in _COMP and any(m.dep_ == "mark" and m.lower_ in self.comp for m in c.children)
            for c in v.rights)

    def reduced_reading(self, v: Token, c0: int, c1: int, cue: Cue) -> Found | None:
        """The readings of a cue that the parse hides: a participle reduced after its noun, or an inverted
        speaker the parser took for an object."""
        return (self.reduced_claim(v, cue) or self.reduced_infinitive(v, cue) or self._inverted_object(v, c0, c1, cue)
                or self._gapped_relative(v, c0, c1, cue) or self._headline_participle(v, c0, c1, cue))

    def _headline_participle(self, v: Token, c0: int, c1: int, cue: Cue) -> Found | None:
        """Headline and standfirst style drops the auxiliary: *10km queue reported at frontier*, *Heavy
        rain expected this weekend*, *Two soldiers feared dead*. A participle of ``headline_passive`` after a
        noun phrase that is no argument of any verb (the noun is the clause's root or a conjunct of it) is
        a passive cue inside the claim, held by no one named; so is a belief participle read as the root
        with only a state after it (*feared dead*). In running text the noun is an argument (*figures
        reported on Sunday showed X*: ``reduced_passive``)."""
        if v.lower_ not in self.lex.word_class("headline_passive") or v.tag_ not in {"VBN", "VBD"} or any(
                c.dep_ in _OBJ | _COMP | _XCOMP | {"aux", "auxpass", "mark"} for c in v.children):
            return None
        noun = v.head if v.dep_ == "acl" and v.head.i < v.i and v.head.dep_ in {"ROOT", "conj"} else None
        if noun is None and v.dep_ in {"ROOT", "conj"} and v.lower_ in self.lex.word_class("belief_passive"):
            state = any(c.dep_ in {"oprd", "acomp"} and c.i == v.i + 1 for c in v.children)
            subj = next((c for c in v.lefts if c.dep_ in _SUBJ and c.pos_ in {"NOUN", "PROPN"}), None)
            noun = subj if state else None
        if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
            return None
        content = self.trim(noun.left_edge.i, v.right_edge.i + 1)
        certainty = "reported" if cue.certainty == "asserted" else cue.certainty
        return Found((c0, c1), content, None, certainty, "passive", "dep-headline-passive") if content else None

    def _gapped_relative(self, v: Token, c0: int, c1: int, cue: Cue) -> Found | None:
        """*a storm that forecasters warn could become a hurricane*: the parser gives the cue both the relative
        word and the speaker as subjects, and makes the predicate after the cue the sentence's root. The
        relative word is that predicate's subject: the speaker says the predicate (as in *which officials
        said was flooded*, which the parser reads right)."""
        d = self.doc
        if v.dep_ != "relcl" or v.i + 1 >= self.e or d[v.i + 1].pos_ not in {"AUX", "VERB"}:
            return None
        subjects = [c for c in v.children if c.dep_ in _SUBJ and c.i < v.i]
        speaker = next((c for c in subjects if c.pos_ in {"NOUN", "PROPN"}), None)
        if speaker is None or not any(c.tag_ in {"WDT", "WP"} for c in subjects) or any(
                c.i > v.i and c.dep_ in _COMP | _OBJ | _XCOMP for c in v.children):
            return None
        head = d[v.i + 1] if d[v.i + 1].dep_ not in {"aux", "auxpass"} else d[v.i + 1].head
        if head.i < v.i or head.right_edge.i < v.i + 1:
            return None
        end = min(head.right_edge.i + 1, self.e)  # up to the sentence's own verb, where the relative ends early
        end = next((x for x in range(head.i + 1, end) if d[x].tag_ in _FINITE | {"MD"}), end)
        content = self.trim(v.i + 1, end)
        return Found((c0, c1), content, self.np(speaker), cue.certainty, cue.kind, "dep-comp") if (
            content is not None) else None

    def _inverted_object(self, v: Token, c0: int, c1: int, cue: Cue) -> Found | None:
        """*The ship sank on Monday, reported the BBC.*: the parser makes the cue a second verb of the clause
        before, with the speaker as its object. A cue after a comma with no subject of its own, whose object is
        a name that ends the sentence, says that clause."""
        d = self.doc
        if not (v.dep_ == "conj" and v.head.i < v.i and v.i - 1 > self.s and d[v.i - 1].text == ","
                and not any(c.dep_ in _SUBJ | _SUBJ_PASS for c in v.children)):
            return None
        obj = next((c for c in v.rights if c.dep_ in _OBJ), None)
        end = self.e
        while end > self.s and (d[end - 1].is_punct or d[end - 1].is_space):
            end -= 1
        if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != c1 or obj.right_edge.i + 1 != end:
            return None
        content = self.trim(self.s, v.i - 1)
        return Found((c0, c1), content, (obj.left_edge.i, end), cue.certainty, cue.kind, "dep-inverted") if (
            content is not None) else None

    def reduced_claim(self, v: Token, cue: Cue) -> Found | None:
        """*The trawler, suspected of cutting the line, was towed*: a participle set off after its noun
        with *of* and a gerund is a passive cue inside the claim, held by no one named; its content is
        the gerund's clause (FORMAT.md: in a relative clause, from the verb after the cue). Only an
        allegation (*accused of*) is one: the owners' gold leaves a suspicion (*suspected of*) unannotated,
        though PolNeAR's convention keeps it."""
        d = self.doc
        if not (v.tag_ == "VBN" and v.dep_ == "acl" and v.head.i < v.i and d[v.i - 1].text == ","
                and (self.polnear or cue.certainty == "alleged")):
            return None
        of = next((c for c in v.children if c.dep_ == "prep" and c.i == v.i + 1 and c.lower_ in self.lex.word_class(
            "charge_prep")), None)
        gerund = next((g for g in of.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) if of else None
        content = self.trim(gerund.i, gerund.right_edge.i + 1) if of is not None and gerund is not None else None
        return Found((v.i, of.i + 1), content, None, cue.certainty, "passive", "dep-reduced-passive") if (
            of is not None and content is not None) else None

    def reduced_infinitive(self, v: Token, cue: Cue) -> Found | None:
        """*videos alleged to show the raid*, *a ship said to carry arms*: a participle of a hearsay or
        belief verb (``reduced_infinitive_cue``) right after its noun, with an infinitive, is a passive
        cue inside the claim, held by no one named; content from the verb after *to* (FORMAT.md: in a
        relative clause, from the verb after the cue). A neutral verb so used is hearsay. Set off by a
        comma the parser may hang it on the main verb (even give it the noun as subject); with no
        auxiliary it is still one."""
        after_noun = v.dep_ == "acl" and v.head.i < v.i or v.i > 0 and self.doc[v.i - 1].text == "," and (
            v.dep_ in {"conj", "ccomp", "advcl"} and self.doc[v.i - 2].pos_ in {"NOUN", "PROPN"})
        if v.tag_ == "VBD" and v.lower_ in self.lex.word_class("reduced_infinitive_misread"):
            return self._misread_infinitive(v, cue)
        subj = next((c for c in v.lefts if c.dep_ in _SUBJ), None)
        if (v.tag_ == "VBN" and v.dep_ == "pcomp" and v.head.lower_ in self.lex.word_class("absolute_prep")
                and subj is not None and v.lower_ in self.lex.word_class("reduced_infinitive_cue")):
            inf = self._infinitive(v)  # 'with 10,000 soldiers expected to be deployed', parsed as with + clause
            content = self.trim(subj.left_edge.i, inf.right_edge.i + 1) if inf is not None else None
            certainty = "reported" if cue.certainty == "asserted" else cue.certainty
            return Found((v.i, v.i + 2), content, None, certainty, "passive", "dep-reduced-infinitive") if (
                content is not None) else None
        if not (v.tag_ == "VBN" and after_noun and v.lower_ in self.lex.word_class("reduced_infinitive_cue")
                and not any(c.dep_ in _SUBJ_PASS | {"aux", "auxpass"} for c in v.children)):
            return None
        inf = self._infinitive(v)
        noun = v.head if v.dep_ == "acl" else None
        if noun is not None and noun.dep_ == "npadvmod":
            noun = noun.head  # 'with 900 passengers a day expected to': the parser hangs it on the measure
        absolute = noun is not None and noun.dep_ in {"pobj", "obj"} and noun.head.lower_ in self.lex.word_class(
            "absolute_prep")  # 'with 10,000 troops expected to be deployed': a clause of its own, whole
        start = noun.left_edge.i if absolute and noun is not None else v.i + 2
        content = self.trim(start, inf.right_edge.i + 1) if inf is not None else None
        if inf is None or content is None:
            return None
        to = self.doc[v.i + 1]
        certainty = "reported" if cue.certainty == "asserted" else cue.certainty
        return Found((v.i, to.i + 1), content, None, certainty, "passive", "dep-reduced-infinitive")

    def _infinitive(self, v: Token) -> Token | None:
        """The verb of the *to* infinitive right after ``v`` (*said to carry*, *feared to be trapped*); the
        content starts after *to*, on *be* where there is one (*to be deployed*)."""
        inf = next((c for c in v.rights if c.dep_ in _XCOMP and c.tag_ in {"VB", "VBN"}), None)
        to = next((g for g in inf.lefts if g.tag_ == "TO"), None) if inf is not None else None
        return inf if to is not None and to.i == v.i + 1 else None

    def _misread_infinitive(self, v: Token, cue: Cue) -> Found | None:
        """*People believed to be tourists were hurt*, *…, many feared to be trapped*: a verb that has no
        active form with a bare *to* infinitive after its subject (``reduced_infinitive_misread``), which
        the tagger read as a past tense, is the passive participle all the same. Before the sentence's
        own verb it is a reduced relative (content from the verb after *to*); standing on its own after
        a comma it is a clause whose claim holds its subject (content: the whole clause, cue inside)."""
        inf = self._infinitive(v)
        subj = next((c for c in v.lefts if c.dep_ in _SUBJ), None)
        if inf is None or subj is None or any(c.dep_ in _SUBJ_PASS | {"aux", "auxpass"} for c in v.children):
            return None
        to = v.i + 1
        certainty = "reported" if cue.certainty == "asserted" else cue.certainty
        d = self.doc
        main = next((c for c in v.rights if c.i > inf.right_edge.i and c.pos_ in {"VERB", "AUX"}
                     and c.dep_ in _COMP | {"conj"}), None)
        if main is not None and inf.right_edge.i + 1 == main.left_edge.i:
            content = self.trim(to + 1, inf.right_edge.i + 1)
            return Found((v.i, to + 1), content, None, certainty, "passive", "dep-reduced-infinitive") if (
                content is not None) else None
        start, end = subj.left_edge.i, inf.right_edge.i
        alone = start > self.s and d[start - 1].text == "," and (end + 1 >= self.e or d[end + 1].is_punct)
        state = inf.pos_ == "AUX" or any(c.pos_ == "AUX" and c.dep_ in {"aux", "auxpass"} for c in inf.children)
        if not (alone and state):
            return None  # 'fans feared to look' is active: only *to be*, a passive or a perfect is read
        content = self.trim(subj.left_edge.i, inf.right_edge.i + 1)
        return Found((v.i, to + 1), content, None, certainty, "passive", "dep-reduced-infinitive") if (
            content is not None) else None
