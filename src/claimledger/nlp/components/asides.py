"""Cues set apart from the clause they report, and the asides that end a content.

*The plan, she said, will fail*; *As the paper reported, X*; *X, as she noted*: the cue stands
in an aside, and the content is the clause around it. And a content that the parse runs on
ends before a later cue's clause (*said X and warned Y*) or a writer's aside set off by a comma
(*said it would be Trump, who leads the count*). The rules that use these are ``dependency``'s;
labels are ClearNLP's, as there.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.components.nouns import comp_mark
from claimledger.nlp.components.objects import ObjectSentence
from claimledger.nlp.components.tree import _AGENT, _COMP, _OBJ, _PARENTHETICAL, _SUBJ, _SUBJ_PASS, _XCOMP, _Step
from claimledger.nlp.lexicon import Cue

_PARTICIPLE = frozenset({"advcl", "acl"})
"""Labels an aside takes when it is a participle (*…, linking to a story*), which must then be one."""
_RELATIVE_WORD = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Tags of the words that open a relative clause (*which*, *who*, *whose*, *where*)."""
_ASIDE = frozenset({"relcl", "acl:relcl", "advcl", "acl"})
"""Clauses that, set off by a comma at the end of a content, comment on it rather than belong to it."""
_NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
"""A verb with no tense of its own, which shares the auxiliary of the verb it is joined to."""
_ADVERBIAL = frozenset({"advcl", "advmod", "npadvmod", "prep", "obl", "mark"})
"""Dependents that say when, where or why, not what is claimed."""


class AsideSentence(ObjectSentence):
    """A parsed sentence that also knows where an aside cue's content lies and where a content ends."""

    def _as_clause(self, v: Token, c0: int, c1: int, source: Range | None) -> tuple[Range | None, str]:
        """'As the paper reported, X', 'X, as she noted': an *as* clause set off by a comma, whose cue has
        a speaker of its own but no object, reports the clause it hangs on (after it or before
        it, as it stands). Not *X as he replied* (a time) nor *as voters responded to Y* (an object)."""
        h = v.head
        d = self.doc
        if (source is None or not any(c.dep_ in _SUBJ | _AGENT for c in v.children)
                or any(d[x].dep_ == "prep" for x in range(c0, c1)) or v.dep_ != "advcl" or h.i == v.i
                or h.pos_ not in {"VERB", "AUX"} or self.q.region(v.i) is not None
                or not any(c.dep_ == "mark" and c.lower_ in self.as_mark and c.i < v.i for c in v.children)
                or any(c.dep_ in _COMP | _OBJ | _XCOMP for c in v.children)):
            return None, ""
        before, after = v.left_edge.i - 1, v.right_edge.i + 1
        if d[v.right_edge.i].text == ",":
            after -= 1  # 'As reported by Western Journalism, X': the parser may hang the comma on the agent
        if not ((v.i < h.i and after < len(d) and d[after].text == ",")
                or (v.i > h.i and before >= 0 and d[before].text == ",")):
            return None, ""
        lo, hi = self.subtree(h)
        if v.i < h.i:
            hi = self._cut_at_later_cue(v, v.right_edge.i + 1, hi)
            r = self.trim(v.right_edge.i + 1, hi)
        else:
            r = self.trim(lo, v.left_edge.i)
        return (self.trim(*self.widen_to_quotes(r)), "dep-as") if r is not None else (None, "")

    def _chars(self, r: Range) -> int:
        """A fragment's length in characters: of two quotations, the longer one in the text is the content."""
        return self.doc[r[1] - 1].idx + len(self.doc[r[1] - 1]) - self.doc[r[0]].idx

    def _cut_at_later_cue(self, v: Token, lo: int, hi: int) -> int:
        """'said X and warned Y': the content of *said* stops before *and warned*."""
        d = self.doc
        for x in range(lo, hi):
            if x in self.cue_tokens and x > v.i and self.q.region(x) is None:
                t = d[x]
                cut = x
                if t.dep_ == "advcl" and t.head.i < t.left_edge.i and lo < t.left_edge.i and any(
                        c.dep_ in _SUBJ and c.i < x for c in t.children) and d[t.left_edge.i].lower_ in self.contrast:
                    # 'said A, while B said C', 'say A, though others say C': B's claim, not part of A
                    cut = t.left_edge.i
                elif (t.dep_ != "conj" or any(c.dep_ in _SUBJ for c in t.children) or self._shares_clause(v, t, lo, hi)
                      or not any(c.dep_ in _COMP | _OBJ | _XCOMP for c in t.children)):
                    continue  # 'said she did not condone it and hoped …': a verb of what is said goes on with it;
                    # 'would attack X and would respond, …, within days': a cue that says nothing is no claim
                while cut > lo and (d[cut - 1].dep_ in {"cc", "mark"} or d[cut - 1].is_punct):
                    cut -= 1
                return cut
        return hi

    def that_clause(self, v: Token) -> bool:
        """Whether the cue governs a clause after it that a complementizer opens or its own subject starts
        (*lamented that …*, *brags it is good news*)."""
        c = self.comp_child(v, after=True)
        return c is not None and any((m.dep_ == "mark" and m.lower_ in self.comp) or m.dep_ in _SUBJ | _SUBJ_PASS
                                     for m in c.children)

    def asked(self, v: Token, c0: int, c1: int, cue: Cue) -> Found | None:
        """PolNeAR: *was asked about the merger*, *Asked whether she would run, …*, *when asked to confirm
        it*: a question put to someone, who is not its source; the asker is, named in a *by* phrase or not
        at all. The content is the topic phrase (*about …*), the infinitive or the *if*/*whether* clause."""
        if (not self.one_role or cue.lemma not in self.lex.word_class("asked_polnear") or v.tag_ != "VBN"
                or any(c.dep_ in _SUBJ or (c.dep_ in _OBJ and c.i > v.i) for c in v.children)):
            return None  # 'has asked X about Y': the asker speaks, the ordinary rules read it
        topic = self.lex.word_class("asked_topic_prep")
        comp = next((c for c in v.rights if (c.dep_ == "prep" and c.lower_ in topic) or c.dep_ in _XCOMP | _COMP), None)
        if comp is None or self.q.region(comp.i) is not None:
            return None
        agent = next((g for c in v.children if c.dep_ in _AGENT for g in c.children if g.dep_ in {"pobj", "obj"}), None)
        source = self.np(agent) if agent is not None else None
        return self._phrase_claim(c0, c1, comp, source, cue, "dep-asked")

    def stance_adjective(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """PolNeAR: *the mayor is confident that the bridge will hold*, *is eager to run*: an adjective of
        stance after a copula, with a clause that a complementizer opens (or, for those that take one, an
        infinitive), is an attribution; the copula's subject holds it."""
        a = self.doc[c0]
        if c1 - c0 != 1 or a.dep_ != "acomp" or self.q.region(c0) is not None:
            return None
        comp = next((c for c in a.rights if c.dep_ in _COMP and any(
            m.dep_ == "mark" and m.lower_ in self.comp for m in c.children)), None)
        if comp is None and cue.lemma in self.lex.word_class("adjective_to_polnear"):  # 'is eager to run'
            comp = next((c for c in a.rights if c.dep_ in _XCOMP and any(g.tag_ == "TO" for g in c.lefts)), None)
        subj = next((g for g in a.head.children if g.dep_ in _SUBJ), None)
        if comp is None or subj is None:
            return None
        source = self._with_antecedent(a.head, subj) or self.np(subj)
        return self._phrase_claim(c0, c1, comp, source, cue, "dep-stance-adjective")

    def _phrase_claim(self, c0: int, c1: int, comp: Token, source: Range | None, cue: Cue, rule: str) -> Found | None:
        """The attribution whose content is ``comp``'s phrase, an aside at its end cut off; None when
        nothing is left of it."""
        content = self.trim(comp.left_edge.i, self._cut_aside(comp.left_edge.i, comp.right_edge.i + 1))
        return Found((c0, c1), content, source, cue.certainty, cue.kind, rule) if content else None

    def _shares_clause(self, v: Token, t: Token, lo: int, hi: int) -> bool:
        """Whether a conjunct cue the parse hangs on a verb of the reported clause is part of it: one
        under the clause's auxiliary (*would do X and support Y*), or one whose subject is a person
        pronoun (*she did not condone it and hoped …*). *said the bridge was safe and warned …* is two
        claims: a bridge warns no one."""
        h = t.head
        if h.i == v.i or not lo <= h.i < hi or h.i in self.cue_tokens:
            return False
        if t.tag_ in _NONFINITE_TAGS:
            return True
        subj = next((c for c in h.children if c.dep_ in _SUBJ | _SUBJ_PASS), None)
        return (subj is not None and (subj.lower_ in self.person_subjects or self.acting_pronoun(subj, h))
                and not self.tense_of_cue(t, h, v))  # 'said it had closed the site and feared …'

    def _adverbial_after(self, v: Token, c: Token) -> bool:
        """A clause after the cue that a subordinator opens (*said after …*, *said before …*), where a
        clause before the cue is what was said: the parse takes that adverbial for the complement."""
        if self.comp_child(v, after=False) is None or v.i + 1 >= self.e:
            return False
        return any(t.lower_ in self.subordinators and t.dep_ in {"mark", "prep"}
                   for t in (self.doc[c.left_edge.i], self.doc[v.i + 1]))

    def _own_speaker(self, r: Range) -> bool:
        """Whether words after a colon are a sentence with its own speaker: the main verb is a cue
        (outside quotation marks) whose subject stands there too."""
        d = self.doc
        return any(d[x].dep_ == "ROOT" and self.q.region(x) is None and any(
            c.dep_ in _SUBJ and r[0] <= c.i < x for c in d[x].children) for x in self.cue_tokens if r[0] <= x < r[1])

    @property
    def appearance(self) -> frozenset[str]:
        """PolNeAR's verbs of how a thing looks (``cue_polnear_appearance``), cues under that convention only."""
        return self.lex.word_class("cue_polnear_appearance") if self.one_role else frozenset()

    @property
    def stance_adjectives(self) -> frozenset[str]:
        """PolNeAR's adjectives of stance (``cue_polnear_adjective``), cues under that convention only."""
        return self.lex.word_class("cue_polnear_adjective") if self.one_role else frozenset()

    def looks(self, c0: int, c1: int, cue: Cue) -> Found | None:
        """PolNeAR: *it seems that the vote was close*, *seems like a long shot*: a verb of appearance holds
        its clause or its *like* phrase, and no one is named to hold it. A verb with neither (*appeared on
        television*) is no cue, nor one with an adjective (*seemed weaker*), which PolNeAR's annotators
        read either way (38% strict-right on its training split, against 57% for these)."""
        v = self.doc[c0]
        if self.q.region(c0) is not None or c1 - c0 != 1:
            return None
        comp = next((c for c in v.rights if c.dep_ in _LOOK_COMPLEMENT or (
            c.dep_ == "prep" and c.lower_ in self.lex.word_class("appearance_prep"))), None)
        if comp is None:
            return None
        return self._phrase_claim(c0, c1, comp, None, cue, "dep-looks")

    def _cut_aside(self, lo: int, hi: int) -> int:
        """'said it would be Trump, who leads the count': a clause set off by a comma at the end of the
        reported words is the writer's aside (a non-restrictive relative, a participle), not the claim."""
        d = self.doc
        for x in range(lo + 2, hi - 1):
            r = self.q.region(x)
            if d[x].text == "," and r is not None and r[1] == x + 2 and x + 2 < hi - 1:
                x += 1  # 'called Cruz the "ultimate hypocrite," linking to …': the comma inside the closing mark
            elif d[x].text != "," or r is not None:
                continue
            t = d[x + 1]
            head = t if t.dep_ in _ASIDE else t.head if t.head.dep_ in _ASIDE and t.head.left_edge.i == t.i else None
            if head is None or head.right_edge.i + 1 < hi - 1 or (head.dep_ in _PARTICIPLE and head.tag_ != "VBG"):
                continue
            if head.dep_ not in _PARTICIPLE and not any(c.tag_ in _RELATIVE_WORD for c in head.subtree):
                continue
            if any(self.q.region(y) is not None for y in range(x + 1, hi)):
                continue  # 'the story of Nineveh, which was "self-destructing"': quoted words are reported ones
            return x + 1 if d[x].is_quote else x
        return hi

    def _parenthetical(self, v: Token, c0: int, c1: int, source: Range | None) -> _Step:
        """'The plan, she said, will fail': the sentence around the cue, its longer side first."""
        h = v.head
        if (v.dep_ not in _PARENTHETICAL or h.i == v.i or h.i in self.cue_tokens or source is None
                or h.pos_ not in {"VERB", "AUX"} or v.dep_ == "advcl"
                or v.tag_ in {"VB", "VBP"} and v.i > 0 and self.doc[v.i - 1].tag_ == "-LRB-"):
            return None, [], ""  # nor a bracket's imperative: '(think college administrators)'
        if not self.polnear and any(c.dep_ in _OBJ and c.pos_ == "NOUN" for c in v.children) and (
                v.lower_ not in self.lex.word_class("recipient_object")):
            return None, [], ""  # 'X: a cleric has expressed solidarity with Y': a cue with its own object is no aside
        first = v.left_edge.i
        if v.i > h.i and not (self.doc[first].is_punct or self.doc[max(first - 1, 0)].is_punct):
            return None, [], ""  # 'the jury heard Lind admit …': a clause the verb governs, not an aside
        lo, hi = self.subtree(h)
        right = v.right_edge.i + 1
        k = v.i + 1
        while k < right and self.doc[k].is_punct:
            k += 1
        if k > v.i + 1 and any(c.dep_ in _COMP | _XCOMP and c.left_edge.i == k for c in v.rights):
            right, hi = k, max(hi, right)  # 'no plans, advisers say, to take …': the parser hung the rest on the aside
        frags = [self.widen_to_quotes(r) for r in (self.trim(lo, first), self.trim(right, hi)) if r]
        if not frags:
            return None, [], ""
        main = [r for r in frags if r[0] <= h.i < r[1]]
        if main and all(self._adverbial_of(h, r) for r in frags if r not in main):
            frags = main  # 'When she first spoke of it, she said, "…"': the clause the aside hangs on is said
        elif len(frags) == 2 and not self.polnear and self._subject_before_aside(h, frags[0]):
            return (frags[0][0], frags[1][1]), [], "dep-parenthetical"  # 'The deal, he said, was done': one clause
        frags.sort(key=self._chars, reverse=True)
        return frags[0], frags[1:], "dep-parenthetical"

    def _subject_before_aside(self, h: Token, left: Range) -> bool:
        """Whether the words before an aside are the subject of the clause it interrupts (*The deal, he
        said, was done*), or a noun phrase with no verb before a clause that has no subject of its own: the
        claim is then one clause, and FORMAT.md's gold sets write it whole, the aside inside it, as the
        owners write *Nearly 800,000 people, according to the police, marched* (PolNeAR's annotators keep
        the longer side: its convention does)."""
        words = self.doc[left[0]:left[1]]
        if any(c.dep_ in _SUBJ | _SUBJ_PASS and left[0] <= c.i < left[1] for c in h.lefts):
            return True
        return not any(c.dep_ in _SUBJ | _SUBJ_PASS for c in h.children) and not any(
            t.pos_ in {"VERB", "AUX"} for t in words) and any(t.pos_ in {"NOUN", "PROPN"} for t in words)

    def marked_conjunct(self, v: Token, c: Token, hi: int) -> int:
        """*The council says residents agree X and that Y*: where a cue stands in another cue's clause and its
        own clause has no complementizer, a conjunct that opens with one (*and that Y*) is a second clause
        of the cue above, as the blind gold reads it; the nested claim ends before it."""
        if v.dep_ not in _COMP or v.head.i not in self.cue_tokens or comp_mark(c, self.comp) is not None:
            return hi
        return next((g.left_edge.i for g in c.rights if g.dep_ == "conj" and g.left_edge.i < hi
                     and comp_mark(g, self.comp) is not None), hi)

    def in_question(self, v: Token) -> bool:
        """*Asked if she believed X*, *We asked readers what they thought X*: a cue in the clause a
        question verb (``question_verb``) asks about, opened by *if* or a question word
        (``open_question``), is part of the question and claims nothing (FORMAT.md convention of the
        English sets: questions are no entries). PolNeAR marks it."""
        h = v.head
        if (self.polnear or v.dep_ not in _COMP | {"advcl"} or h.i == v.i
                or h.lower_ not in self.lex.word_class("question_verb")):
            return False
        subj = next((c.left_edge.i for c in v.children if c.dep_ in _SUBJ and c.i < v.i), v.i)
        return any(self.doc[k].lower_ in self.open_question for k in range(min(h.i + 1, subj), subj))

    def _adverbial_of(self, h: Token, r: Range) -> bool:
        """Whether ``r`` holds nothing but adverbials of ``h`` (a *when* clause, a time, a place)."""
        kids = [c for c in h.children if r[0] <= c.i < r[1] and not c.is_punct]
        return bool(kids) and all(c.dep_ in _ADVERBIAL for c in kids) and all(
            r[0] <= c.left_edge.i and c.right_edge.i < r[1] for c in kids) and not any(
            self.q.region(x) is not None for x in range(*r))

    def _source_to_appositive(self, obj: Token, source: Range) -> Range:
        """*according to the coach, Ana Diaz, in the first game, …*: the source is the noun phrase and
        its appositive, whatever else the parser hung on it after a comma; a name set off by commas
        right after it (*to the coach, Ana Diaz, the team …*) is its appositive too."""
        d = self.doc
        for k in range(obj.i + 1, source[1]):
            segment = d[k + 1 : self._next_comma(k + 1, source[1])]
            if d[k].text == "," and not any(t.dep_ in _NAME_GOES_ON and source[0] <= t.head.i < k for t in segment):
                source = (source[0], k)
                break
        end = self._next_comma(source[1] + 1, self.e) if source[1] < self.e and d[source[1]].text == "," else source[1]
        name = d[source[1] + 1 : end]
        if source[1] < end < self.e - 1 and 0 < len(name) <= 4 and all(t.pos_ == "PROPN" for t in name) and not (
                name[-1].dep_ in _SUBJ and sum(c.dep_ in _SUBJ for c in name[-1].head.children) == 1):
            source = (source[0], end)  # but 'according to the Herald, Prof. Ng, the chair, said …': Ng speaks
        return source

    def _next_comma(self, i: int, end: int) -> int:
        """The first comma at or after ``i`` before ``end`` (``end`` if none)."""
        return next((k for k in range(i, end) if self.doc[k].text == ","), end)

    def _closes_sentence(self, phrase: Range) -> bool:
        """A phrase set off by a comma with nothing but punctuation after it in its sentence."""
        d = self.doc
        return (phrase[0] > self.s and d[phrase[0] - 1].text == ","
                and all(d[x].is_punct or d[x].is_space for x in range(phrase[1], self.e)))


_LOOK_COMPLEMENT = frozenset({"ccomp"})
"""What follows a verb of appearance and holds how things look (*it seems that …*)."""
_NAME_GOES_ON = frozenset({"appos", "conj", "cc"})
"""After a comma, what still belongs to a source: an appositive (*X, head of Y*), a coordinated name."""
