"""What a stance noun holds and whose it is: the clause or topic a noun cue governs (*the claim
that …*, *her pledge to run*) and its holder (*Trump's*, *by X*, the subject of *raised concerns that*),
the noun a relative clause's cue reports on (*things the mayor has said*), and whether a cue's noun
phrase object is itself a claim (a claim noun, a count, a noun with its *that* clause).

``objects.ObjectSentence`` builds on these for a cue verb's object; labels are ClearNLP's.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.reduced import ReducedSentence
from claimledger.nlp.components.tree import _COMP, _OBJ, _SUBJ, _WH, _XCOMP
from claimledger.nlp.lexicon import Cue

_RELATIVE = frozenset({"relcl", "acl:relcl"})
"""A clause that hangs on a noun it says something about."""
_ADVERBIAL = frozenset({"npadvmod", "pobj", "obl", "advmod"})
"""Where a noun names a time, a place or a means (*the day he said*), not a thing said."""


class NounSentence(ReducedSentence):
    """A parsed sentence that also reads what stance nouns govern and who holds them."""

    def noun(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """*the claim that …*, *his warning that …*: the clause the noun governs; its owner, if named, is the source.

        A cue that is the noun alone (*pledge*, *critique*) also takes what it governs as its
        content: an infinitive (*her pledge to run*) or a topic (*his critique of the plan*,
        *their embrace of the bill*), and then needs a holder (*X's*, *by X*, *from X*): a
        stance noun with neither is a topic word (*the criticism grew*), not an attribution.
        """
        d = self.doc
        n = next((d[i] for i in range(c0, c1) if d[i].pos_ in {"NOUN", "PROPN"}), None)
        if n is None or self.q.region(n.i) is not None:
            return None
        if n.dep_ in {"pobj", "obj"} and n.head.dep_ == "prep" and n.head.head.i in self.cue_tokens and any(
                self.means_noun_clause(n.head.head, c) for c in n.children):
            return None  # 'told X in a statement that …': the verb's claim, the noun says how
        source = self._noun_holder(n)
        clause = next((c for c in n.rights if c.dep_ in {"acl", "ccomp", "relcl", "appos"} and c.pos_ in {"VERB", "AUX"}
                       and any(g.dep_ == "mark" and g.i < c1 for g in c.children)), None)
        if clause is None and n.dep_ in {"attr", "nsubj"} and n.head.pos_ == "AUX":
            # 'It is our understanding that X', 'Our assessment is that X': the copula takes the clause
            clause = next((c for c in n.head.rights
                           if c.dep_ == "ccomp" and c.i > n.i and comp_mark(c, self.comp) is not None), None)
        if clause is None:
            clause = self._stray_clause(n)
        rule = "dep-noun"
        if clause is not None:
            content = self.trim(max(c1, clause.left_edge.i), self._misread_main(clause) or clause.right_edge.i + 1)
        elif c1 - c0 == 1 and source is not None:
            content, rule = self._noun_topic(n, source)
        else:
            return None
        if content is None:
            return None
        content = self.clip_to_sentence(self.widen_to_quotes(content))
        return Found((n.i, n.i + 1), content, source, cue.certainty, cue.kind, rule)

    def _misread_main(self, clause: Token) -> int | None:
        """*Despite complaints that the lanes slow traffic, the council kept them*: the parser may take the
        main clause for the noun's (*kept*, its subject after a comma) and hang the real one on it as a
        complement that opens right after the complementizer; the noun's clause then ends at that comma."""
        d = self.doc
        subj = next((g for g in clause.children if g.dep_ in _SUBJ and g.i < clause.i), None)
        mark = next((g for g in clause.children if g.dep_ == "mark" and g.i < clause.i), None)
        if subj is None or mark is None:
            return None
        inner = next((g for g in clause.children if g.dep_ == "ccomp" and g.left_edge.i == mark.i + 1), None)
        if inner is None or not any(d[x].text == "," for x in range(inner.right_edge.i + 1, subj.left_edge.i)):
            return None
        return inner.right_edge.i + 1

    def _stray_clause(self, n: Token) -> Token | None:
        """*targets for Trump's false claims that he is an advocate*: the parser may hang the clause
        that a complementizer opens right after the noun on a verb above it. That clause is the noun's,
        unless the verb is a cue of its own (*told X in a statement that …*, ``means_noun_clause``)."""
        d = self.doc
        if n.i + 1 >= self.e or d[n.i + 1].dep_ != "mark" or d[n.i + 1].lower_ not in self.comp:
            return None
        c = d[n.i + 1].head
        if c.dep_ != "ccomp" or c.i <= n.i + 1 or c.head.i in self.cue_tokens:
            return None
        return c if any(a.i == c.head.i for a in n.ancestors) else None

    def means_noun_clause(self, v: Token, c: Token) -> bool:
        """'told X in a statement that …': the clause hangs on the noun of a phrase on the cue verb ``v``
        that says how it was said; what it holds is what the verb reports."""
        n = c.head
        return (c.dep_ == "acl" and n.dep_ in {"pobj", "obj"} and n.head.dep_ == "prep"
                and n.head.head.i == v.i and v.i in self.cue_tokens)

    def _noun_holder(self, n: Token) -> Range | None:
        """Whose stance a noun names: a possessive (*Trump's*, *her*), a *by*/*from* phrase, or the subject of a
        verb that voices it (``voicing_verb``: *raised concerns that*)."""
        source = None
        for c in n.children:
            if c.dep_ == "poss" and c.tag_ == "PRP$" and n.dep_ in _OBJ | {"pobj", "obj"}:
                # 'he stepped up his criticism of X': the verb's subject holds the stance, named
                v = n.head if n.dep_ in _OBJ else n.head.head
                subj = next((g for g in v.children if g.dep_ in _SUBJ), None) if v.pos_ in {"VERB", "AUX"} else None
                source = self.np(subj) if subj is not None else self.np(c)
            elif c.dep_ == "poss":
                source = self.np(c)
            elif c.dep_ == "prep" and c.lower_ in self.source_prep and c.i > n.i:
                obj = next((g for g in c.children if g.dep_ in {"pobj", "obj"}), None)
                source = self.np(obj) if obj is not None else source
        if source is None and n.dep_ in _OBJ and n.head.lower_ in self.lex.word_class("voicing_verb"):
            # 'Experts have raised concerns that X': who voices the stance holds it
            subj = next((g for g in n.head.children if g.dep_ in _SUBJ and g.pos_ in {"NOUN", "PROPN", "PRON"}), None)
            source = self.np(subj) if subj is not None else None
        if source is None and n.dep_ in {"pobj", "obj"} and n.head.lower_ in self.lex.word_class("grounds_prep"):
            # 'authorities detained the ship on suspicion it cut the cable': who acts on the grounds holds them
            v, subj = n.head.head, None
            for _ in range(3):  # 'seized a ship carrying oil on suspicion …': the phrase may hang on a participle
                subj = next((g for g in v.children if g.dep_ in _SUBJ), None)
                if subj is not None or v.dep_ != "acl":
                    break
                v = v.head.head if v.head.dep_ in _OBJ else v.head
            ok = v.pos_ == "VERB" and subj is not None and subj.pos_ in {"NOUN", "PROPN"}
            source = self.np(subj) if ok and subj is not None else None
        return source

    def _noun_topic(self, n: Token, source: Range) -> tuple[Range | None, str]:
        """What a stance noun is about: its infinitive (*decision to run*), else the object of its
        first topic preposition (``topic_prep``: *of*, *for*, *on*, *about*, *over*, *against*)."""
        for c in n.rights:
            if c.i >= source[0] and c.i < source[1]:
                continue
            if c.dep_ in {"acl", "xcomp"} and c.pos_ in {"VERB", "AUX"} and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                return self.trim(*self.subtree(c)), "dep-noun-infinitive"
            if c.dep_ == "prep" and c.lower_ in self.lex.word_class("topic_prep"):
                obj = next((g for g in c.children if g.dep_ in {"pobj", "obj", "pcomp"}), None)
                if obj is not None:
                    return self.trim(*self.subtree(obj)), "dep-noun-topic"
        return None, ""

    def relative_head(self, v: Token, source: Range) -> tuple[Range | None, str]:
        """'nine odd things the mayor has said about cyclists': a cue in a relative clause with a subject
        of its own and nothing said after it reports the noun the clause hangs on."""
        h = v.head
        if (v.dep_ not in _RELATIVE or h.i >= v.i or h.pos_ not in {"NOUN", "PROPN"} or not h.i < source[0] < v.i
                or h.dep_ in _ADVERBIAL or any(_says_more(v, c) for c in v.children)):
            return None, ""
        head = self.np(h, drop_acl=v)
        return (self.trim(max(head[0], self.s), head[1]) if head else None), "dep-relative-head"

    def _content_noun(self, form: str, n: Token) -> bool:
        """Whether a cue's noun phrase (its object, or a passive's subject) is its content: for a
        cue whose noun phrases are contents (``np_content``), always; else a claim noun, a count
        or a noun phrase that holds a claim (``_claim_object``)."""
        return form in self.np_content or n.lower_ in self.claim_nouns or self.counts(n) or self._claim_object(n)

    def counts(self, obj: Token) -> bool:
        """``is_count`` as this convention reads it: under FORMAT.md a span of time (the language's time
        units: *declared three days of mourning*) is no figure put forward; PolNeAR's convention counts it."""
        return is_count(obj, () if self.polnear else self.lex.units.get("time_unit", ()))

    def _claim_object(self, obj: Token) -> bool:
        """A noun phrase that holds a claim whatever the verb: a noun with its *that* clause
        (*rejected the suggestion that Russia was involved*) or a thing said to be something
        (*criticized her remarks as unfounded accusations*)."""
        return any((c.dep_ in {"acl", "ccomp"} and comp_mark(c, self.comp) is not None)
                   or (c.dep_ == "prep" and c.lower_ in self.as_mark) for c in obj.children)


def comp_mark(t: Token, comp: frozenset[str]) -> Token | None:
    """The complementizer (``complementizer``: *that*) that opens clause ``t``, if one does."""
    return next((m for m in t.children if m.dep_ == "mark" and m.lower_ in comp), None)


def is_count(obj: Token, time_units: frozenset[str] | tuple[str, ...] = ()) -> bool:
    """An object that is a count (*announced three deaths*, *reported 40*): a figure put forward, so
    a claim whatever the verb; *one of those meetings* names a thing, and a span of time (``time_units``:
    *declared three days of mourning*) what is done, not a figure."""
    if obj.lower_ in time_units:
        return False
    return any(t.dep_ == "nummod" for t in obj.subtree) or (
        obj.pos_ == "NUM" and not any(c.dep_ == "prep" for c in obj.children))


def _says_more(v: Token, c: Token) -> bool:
    """A dependent of a relative clause's cue that shows the noun is not what is said: an object of
    its own, a clause after the cue, or a relative pronoun as its subject."""
    if c.dep_ in _OBJ:
        return c.tag_ not in _WH
    return (c.dep_ in _COMP | _XCOMP and c.i > v.i) or (c.dep_ in _SUBJ and c.tag_ in _WH)
