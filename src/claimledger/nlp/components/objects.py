"""What a stance verb's object holds: the content after a cue that takes an object, an infinitive or
a preposition, and the readings that keep or drop it (a small clause, a name given, a passive).

The questions about the parse itself (subtrees, subjects) are ``tree.ParsedSentence``'s, those about
quotations ``quoted.QuotedSentence``'s, those about stance nouns ``nouns.NounSentence``'s; the rules
built from them for every cue are in ``dependency``.
Labels are ClearNLP's, as there.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.nouns import NounSentence, comp_mark
from claimledger.nlp.components.tree import _AGENT, _COMP, _OBJ, _SOURCE_DROP, _SUBJ, _SUBJ_PASS, _WH, _XCOMP
from claimledger.nlp.lexicon import Cue, Lexicon

_OBJECT_TAIL = {"oprd", "xcomp", "ccomp", "prep", "advcl", "dative"}
"""What may follow a stance verb's object and still be part of the content."""
_NAMING = frozenset({"acl", "amod"})
"""A participle right after its noun (*a party called X*): a name given, not a claim."""
_NONFINITE = frozenset({"VB", "VBN"})
"""A clause with a subject but no tense of its own (*wants the levy passed*): what the stance is for."""
_CLAUSE_INSIDE = frozenset({"csubj", "csubjpass", "advcl", "relcl", "acl", "ccomp", "conj"})
"""Relations of a clause inside a content: a question word under one opens no question of the content."""


def _has_subject(v: Token) -> bool:
    """Whether a verb has a subject of its own (a clause, not a verb phrase sharing one)."""
    return any(c.dep_ in _SUBJ | _SUBJ_PASS for c in v.children)


class ObjectSentence(NounSentence):
    """A parsed sentence that also finds what a cue's object, infinitive or preposition holds."""

    def unclaimed_prep_object(self, v: Token, c1: int, cue: Cue) -> bool:
        """*called for calm*, *cares about money*, *pointed out the features*: under FORMAT.md the noun
        phrase that a neutral cue's own preposition or particle takes is its content only when it stands
        for a claim (``_content_noun``); a clause (*of lying*) always is, an allegation's object too
        (*accused of fraud*), and under PolNeAR any noun phrase is."""
        last = self.doc[c1 - 1]
        if self.polnear or cue.certainty != "asserted" or not (
                last.i > v.i and last.dep_ in {"prep", "prt"} and last.head.i == v.i):
            return False
        obj = next((g for g in (last.children if last.dep_ == "prep" else v.rights)  # 'pointed out the features'
                    if g.dep_ in {"pobj", "obj", "dobj"} and g.i > last.i), None)
        if obj is None or any(c.dep_ in _COMP | _XCOMP for c in v.children) or self._named_as(v, obj):
            return False  # 'agreed with X that …', 'pointed to X as proof of …': a claim follows the object
        return not self._content_noun(" ".join(cue.words), obj) and not any(
            c.dep_ in _COMP | _XCOMP | {"acl"} for c in obj.children)  # 'called on X to act' is left as it was

    def content_after(self, v: Token, c1: int, form: str) -> tuple[Range | None, str]:
        """Content after the cue for verbs that take an object, an infinitive or a preposition."""
        last = self.doc[c1 - 1]
        if last.i > v.i and last.dep_ in {"prep", "prt"} and last.head.i == v.i:
            # 'called for X', 'pointed to X': the object of the cue's own preposition
            obj = next((g for g in last.children if g.dep_ in {"pobj", "pcomp", "obj"}), None)
            if obj is not None:
                lo, hi = self.subtree(obj)
                held = next((c for c in v.lefts if c.dep_ in _SUBJ_PASS), None) if not self.polnear else None
                if held is not None and any(c.dep_ == "auxpass" for c in v.children):
                    lo = held.left_edge.i  # 'He is accused of X': the cue stands inside the claim (FORMAT.md)
                return self.trim(lo, self._object_tail(v, last.i, hi)), "dep-prep"
            if last.dep_ == "prt":
                obj = next((g for g in v.children if g.dep_ in _OBJ and g.i > last.i), None)
                if obj is not None:
                    lo, hi = self.subtree(obj)
                    return self.trim(lo, self._object_tail(v, obj.i, hi)), "dep-prep"
        if any(c.dep_ in _AGENT for c in v.children):
            subj = next((c for c in v.children if c.dep_ in _SUBJ_PASS), None)
            # 'Trump is backed by few papers': the papers back Trump; 'the information was confirmed by X'
            if subj is not None and self._content_noun(form, subj):
                return self.trim(*self.subtree(subj, _SOURCE_DROP)), "dep-passive"
        oprds = [c for c in v.rights if c.dep_ == "oprd"]  # 'the plan, which she called "a stunt"'
        if oprds and form in self.np_content and not any(c.dep_ in _OBJ and c.i > v.i for c in v.children):
            if any(c.dep_ in _OBJ and c.i < v.i and c.tag_ in _WH for c in v.children):  # the name is the claim
                return self.trim(*self.widen_to_quotes(self.subtree(oprds[0]))), "dep-object"
            # 'called both X and Y "crazy"': the parser read the object as a second predicate; but 'a firm
            # called Acme' names a thing
            if v.dep_ in _NAMING and not self.doc[v.i - 1].is_punct:
                return None, ""
            if oprds[-1].pos_ == "PROPN" and self.q.region(oprds[-1].i) is None:
                return None, ""  # 'the group called the Sea Org' however parsed: a proper name given, not a claim
            return self.trim(*self.widen_to_quotes((c1, oprds[-1].right_edge.i + 1))), "dep-object"
        small = self._small_clause(v, form)
        if small is not None:
            return small, "dep-object"
        for c in v.children:
            if c.i < v.i:
                continue
            if c.dep_ in _XCOMP and (form in self.to_content or c.tag_ == "VBG" and form in self.lex.word_class(
                    "gerund_content")):  # 'declined to comment': a cue may be the plan; 'denied using X': the claim
                return self.trim(*self.subtree(c)), "dep-infinitive"
            if c.dep_ in _COMP and form in self.to_content | self.np_content and (
                    c.tag_ in _NONFINITE or any(g.tag_ == "TO" for g in c.lefts)):
                return self.trim(*self.subtree(c)), "dep-infinitive"  # 'wants the council to act', '… the bill passed'
            if c.i in self.cue_tokens and c.pos_ in {"VERB", "AUX"}:
                continue
            if c.dep_ in _OBJ and self._names_only(v, c, form):
                return None, ""
            told = self._told(c) if c.dep_ in _OBJ and form in self.recipient_object else None
            if told is not None:
                return self.trim(*told), "dep-comp"
            if c.dep_ in _OBJ and (self._named_as(v, c) if form in self.as_forms
                                   else self._content_noun(form, c)):
                lo, hi = self.subtree(c)
                dated = next((g for g in reversed(list(c.rights)) if g.dep_ == "prep"), None)
                if dated is not None and dated.right_edge.i + 1 == hi and self._when(dated):
                    hi = dated.i  # 'denied the rumours in the summer of 2004': when, hung on the object
                return self.trim(lo, self._object_tail(v, c.i, hi)), "dep-object"
        return None, ""

    def _small_clause(self, v: Token, form: str) -> Range | None:
        """*data showing him leading the race* (``small_clause_content``): the object and its participle."""
        obj = next((c for c in v.rights if c.dep_ in _OBJ), None)
        if form not in self.lex.word_class("small_clause_content") or obj is None:
            return None
        part = next((c for c in (*v.rights, *obj.rights) if c.tag_ == "VBG"
                     and (c.dep_ in _XCOMP or c.dep_ == "acl" and c.head.i == obj.i)), None)
        if part is None or part.i < obj.i:
            return None
        return self.trim(obj.left_edge.i, part.right_edge.i + 1)

    def _names_only(self, v: Token, obj: Token, form: str) -> bool:
        """*called an election*, *described the scene*: under FORMAT.md a naming or describing verb
        (``predicate_content``) says something only with what it calls the object (an object
        predicate, a clause, *as X*); a quoted word in the object is that name, which the parse took in
        (*calls Obamacare "a crazy system"*)."""
        return (not self.polnear and form in self.lex.word_class("predicate_content")
                and not any(g.dep_ in {"oprd", *_XCOMP, *_COMP} and g.i > obj.i for g in v.children)
                and not self._named_as(v, obj) and not any(self.q.region(t.i) is not None for t in obj.subtree))

    def around(self, lo: int, hi: int, phrase: Range, head: Token) -> list[Range]:
        """The words of a prepositional cue's clause (tokens ``lo .. hi``) on each side of its phrase. Set
        off by commas before the verb it hangs on (``head``: *Nearly 800,000 people, according to the
        police, marched …*), the phrase stands inside the claim, which FORMAT.md writes whole, cue
        included; PolNeAR's convention keeps the two sides apart, and so does a phrase after its verb
        (*A paid 25 percent, according to X, and B …*)."""
        sides = [r for r in (self.trim(lo, phrase[0]), self.trim(phrase[1], hi)) if r]
        d = self.doc
        inserted = (len(sides) == 2 and head.i >= phrase[1] and d[phrase[0] - 1].text == ","
                    and phrase[1] < sides[1][0] and d[phrase[1]].text == ",")
        return [(sides[0][0], sides[1][1])] if inserted and not self.polnear else sides

    def goes_on(self, g: Token) -> bool:
        """Whether a dependent the parse hangs on the cue after its clause still belongs to what is said: a
        second clause of the same cue (*said that A, but that B*), or a clause with no subject of its own,
        whose subject the parse left in the first (*revealed that a defector called the Sea Org was
        persuaded to …*: *called* and *persuaded* both on the cue)."""
        return (g.dep_ == "conj" and comp_mark(g, self.comp) is not None) or (
            g.dep_ == "ccomp" and not any(c.dep_ in _SUBJ | _SUBJ_PASS | {"mark"} for c in g.children))

    def raised(self, v: Token) -> bool:
        """*the figures seem to show that X*: an infinitive under a raising verb (``raising_verb``) is
        the finding itself, not a purpose (*marched to show that X*)."""
        return v.head.i != v.i and v.head.lower_ in self.lex.word_class("raising_verb")

    def says_nothing(self, v: Token, form: str) -> bool:
        """A cue word used for an act that puts nothing forward: an object that gives it another sense
        (``idiom_object``, the cue form and the object's head: *the flood claimed 158 lives*), or, under
        FORMAT.md, a directive with the clause it asks for after it (``directive_verb``: *recommends that
        every country should act*, *demanded that the minister resign*): it asks for a deed rather than
        stating a claim; so does one with a plain object (*ordered an inquiry*). A quotation the verb tags
        (*"Why?" Vitter demanded*) is still the speaker's. A verdict (``verdict_word``: *found him guilty*)
        is no claim either, as *charged with* is none; nor a question or a condition, whose auxiliary
        stands before the subject (*Did she say that X?*, *had they known that X, …*), nor a bidding that
        opens its sentence (*Expect dissent to rise*). A verb that voices a claim noun with its clause
        (``voicing_verb``: *repeated the claim that X*) leaves the claim to the noun, held by its subject."""
        pairs = self.lex.word_class("idiom_object")
        directive = not self.polnear and form in self.lex.word_class("directive_verb") and any(
            c.dep_ in _COMP | _XCOMP | _OBJ | {"prep", "advcl"} and c.i > v.i for c in v.children)  # 'called for X'
        verdict = not self.polnear and any(
            c.dep_ in _COMP | {"oprd", "acomp"} and c.lower_ in self.lex.word_class("verdict_word") for c in v.children)
        subj = next((c for c in v.children if c.dep_ in _SUBJ | _SUBJ_PASS and c.i < v.i), None)
        inverted = subj is not None and any(  # not after *Nor*, *Never*: an emphatic inversion still asserts
            c.dep_ in {"aux", "auxpass"} and c.i < subj.left_edge.i and (c.i == self.s or self.doc[c.i - 1].is_punct)
            for c in v.children)
        imperative = v.tag_ == "VB" and v.i == self.s and not any(c.dep_ in _SUBJ for c in v.children)  # 'Expect X'
        voiced = v.lower_ in self.lex.word_class("voicing_verb") and any(  # 'repeated the claim that X': the noun's
            c.dep_ in _OBJ and c.lower_ in self.claim_nouns and self._claim_object(c) for c in v.children)
        return directive or verdict or inverted or imperative or voiced or any(
            c.dep_ in _OBJ and f"{form} {c.lower_}" in pairs for c in v.children)

    def passive_reading(self, f: Found | None, c0: int, c1: int) -> Found | None:
        """What a passive cue inside the claim (as the surface rule read it) holds, by the parse:

        - nothing, where its *to* takes a noun rather than an infinitive (*the theft was reported to
          police*: an event reported to someone);
        - the *that* clause of an expletive subject (*It was reported that X*);
        - its subject, past a relative clause set off before the cue (*The cable, which links A and B,
          was reported offline*);
        - only its own clause, in the second of two joined clauses with a subject each (*The fares
          will rise in May and the service is expected to improve*: the first stays the writer's)."""
        if f is None or f.kind != "passive":
            return f
        last = self.doc[c1 - 1]
        if (last.dep_ == "prep" and last.tag_ != "TO" and last.lower_ not in self.as_mark
                and any(c.dep_ in {"pobj", "obj"} for c in last.children)):
            return None  # not 'are seen as a failure': what it is held to be
        v = self.cue_head(c0, c1)
        clause = next((c for c in v.rights if c.dep_ == "ccomp" and comp_mark(c, self.comp) is not None), None)
        if clause is not None and any(c.dep_ in _SUBJ_PASS and c.lower_ in self.lex.word_class("expletive")
                                      for c in v.children):  # 'It was reported that X': the clause is the claim
            return replace(f, content=self.trim(clause.left_edge.i + 1, clause.right_edge.i + 1) or f.content)
        lo, hi = f.content
        subj = next((c for c in v.lefts if c.dep_ in _SUBJ_PASS and c.tag_ not in _WH), None)
        if lo >= c0 and subj is not None and subj.left_edge.i < lo:
            lo = subj.left_edge.i  # 'The cable, which links A and B, was reported offline': past the inserted clause
        if v.dep_ == "conj" and v.head.i < v.i and _has_subject(v) and lo < v.left_edge.i < hi:
            lo = v.left_edge.i
        after = [c for c in v.rights if c.dep_ == "conj" and _has_subject(c)]  # '… to rise and the cost will fall'
        cc = [c.i for c in v.rights if c.dep_ == "cc" and after and c.i < after[0].left_edge.i]
        if cc and lo < cc[0] < hi:
            hi = cc[0]
        return replace(f, content=self.trim(lo, hi) or f.content) if (lo, hi) != f.content else f


    def _told(self, obj: Token) -> Range | None:
        """*alerted citizens that the water might be unsafe*: the parse may hang the *that* clause on the
        recipient a telling verb (``recipient_object``) takes; the clause is what is told, not the people."""
        if obj.lower_ in self.claim_nouns:
            return None
        clause = next((c for c in obj.rights if c.dep_ in {"acl", "ccomp", "relcl"}), None)
        if clause is None:
            return None
        mark = comp_mark(clause, self.comp)
        return (mark.i + 1, clause.right_edge.i + 1) if mark is not None else None

    @property
    def as_forms(self) -> frozenset[str]:
        """Verbs whose object is a claim only with *as* (``as_object``); under FORMAT.md also the verbs of
        praise and blame (``as_object_evaluative``: *criticizing him as unfit*), which PolNeAR marks otherwise."""
        if self.polnear:
            return self.lex.word_class("as_object")
        return self.lex.derived("as_forms", _as_forms)

    def _named_as(self, v: Token, obj: Token) -> bool:
        """*identified the trawler as the culprit*: for a verb whose object is a claim only so (``as_object``),
        *as* after the object names what it is, however the parser hangs it: on the verb, on the object
        (*regards the senator as her best hope*), or opening a predicate (*criticizing him as unfit*)."""
        marks = self.as_mark
        return any(g.dep_ == "prep" and g.lower_ in marks and g.i > obj.i for g in (*v.children, *obj.children)) or any(
            c.dep_ in {"advcl", "oprd"} and c.i > obj.i and self.doc[c.left_edge.i].lower_ in marks
            and not any(g.dep_ in _SUBJ for g in c.children) for c in v.children)  # not 'as night fell'

    def _object_tail(self, v: Token, after: int, hi: int) -> int:
        """Where an object content ends: what the verb governs after it belongs to it ('called it a
        lie', 'urged voters to stay home', 'criticized X for Y', 'pointed to X as proof of Y')."""
        for g in v.rights:
            if g.i <= after or g.is_punct or g.dep_ == "npadvmod" and self._dated(g):
                continue  # 'forecast demand Monday at near-record levels': a date between does not end it
            if g.dep_ not in _OBJECT_TAIL | _OBJ or (g.i in self.cue_tokens and g.dep_ not in _XCOMP):
                break  # 'urged voters to vote for X': an infinitive that is a cue itself is still what is urged
            if self._absolute(g):
                break  # 'denied involvement, with X criticizing Y': a clause with its own speaker
            if self._adjunct(g):
                continue  # 'defended him on cable news', 'opposed it as he ran': when, where or why, not what
            hi = max(hi, g.right_edge.i + 1)
        return hi

    def _absolute(self, g: Token) -> bool:
        """*, with X claiming Y*: a preposition of an absolute clause (``absolute_prep``) after a comma whose
        object is a clause with a subject of its own (a gerund with its subject, or a noun with a gerund
        on it) adds another's act."""
        if (g.dep_ != "prep" or g.i == 0 or self.doc[g.i - 1].text != ","
                or g.lower_ not in self.lex.word_class("absolute_prep")):
            return False  # 'X, including the one supporting Y' names more of X
        return any((c.dep_ == "pcomp" and c.tag_ == "VBG" and any(x.dep_ in _SUBJ for x in c.children))
                   or (c.dep_ in {"pobj", "obj"} and any(x.dep_ == "acl" and x.tag_ == "VBG" for x in c.children))
                   for c in g.children)

    def _when(self, g: Token) -> bool:
        """A preposition phrase that only dates something (*in the summer of 2004*, *on Monday*, *in 2019*)."""
        obj = next((c for c in g.children if c.dep_ in {"pobj", "obj"}), None)
        return g.lower_ in self.setting_prep and obj is not None and (self._dated(obj) or obj.like_num)

    def _dated(self, t: Token) -> bool:
        """A word that names a time: a day, a month, a season, *week*, *year* (``time_noun``)."""
        return t.lower_ in self.lex.word_class("time_noun") | self.lex.word_class("weekday") | self.lex.word_class(
            "month") | self.lex.word_class("season_name")

    def _adjunct(self, g: Token) -> bool:
        """A dependent of the cue that says when, where, how or why: *after …*, *during …*, *on Thursday*,
        *in an interview*, *by doing …*, or a clause opened by *as*, *when*, *because*. It ends the
        content unless an argument of the cue follows it (*chided X on Monday for Y*)."""
        if g.dep_ == "advcl":  # but 'cited X as that …' (a complementizer too) relays what X says
            marks = {m.lower_ for m in g.children if m.dep_ == "mark"}
            return bool(marks & (self.subordinators | self.as_mark)) and not marks & self.comp
        if g.dep_ != "prep":
            return False
        if g.lower_ in self.adjunct_prep:
            return True
        if g.lower_ in self.means_prep and any(c.dep_ == "pcomp" for c in g.children):
            return True  # 'showed it by joking that …': how, not what
        obj = next((c for c in g.children if c.dep_ in {"pobj", "obj"}), None)
        return g.lower_ in self.setting_prep and obj is not None and _setting(obj, self.settings)

    def indirect_question(self, content: Range) -> bool:
        """*explained how the camera revealed his process*, *did not disclose how many are missing*: a
        content that is an open question (its first word in ``open_question``, heading the clause
        itself, not a clause inside it as in *noted what began as X had grown*) puts nothing forward
        (FORMAT.md convention of the English sets); a quotation may ask. PolNeAR marks it. A content
        whose subject is a relative pronoun is a relative clause the parse hung on a verb read as a cue."""
        first = self.doc[content[0]]
        if (first.tag_ == "WDT" and first.dep_ in _SUBJ and not self.polnear and first.i + 1 < len(self.doc)
                and self.doc[first.i + 1].pos_ in {"VERB", "AUX"}):
            return True  # 'the protein found in red cells that's responsible for …': a relative clause
        if self.polnear or first.lower_ not in self.open_question or self.q.region(first.i) is not None:
            return False
        root, t = self.doc[content[0] : content[1]].root, first
        while t.i != root.i and t.head.i != t.i:
            if t.dep_ in _CLAUSE_INSIDE:
                return False
            t = t.head
        return t.i == root.i


def _setting(t: Token, settings: frozenset[str]) -> bool:
    """A noun that names a time, a place or an occasion (*on Thursday*, *in 2018*, *in Iowa*, *in an
    interview*): a name, a number, or a word of ``settings`` (times, occasions, weekdays, months)."""
    return t.pos_ in {"PROPN", "NUM"} or t.lower_ in settings


def _as_forms(lex: Lexicon) -> frozenset[str]:
    """FORMAT.md's verbs that claim *X as Y*: naming ones (``as_object``) and those of praise and blame."""
    return lex.word_class("as_object") | lex.word_class("as_object_evaluative")
