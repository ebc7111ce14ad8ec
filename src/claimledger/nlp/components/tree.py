"""A parsed sentence as the dependency rules read it: subtrees, subjects, noun phrases, quotes.

Quotation marks are paired over the whole block first (``quotes.quote_regions``), so a quote that runs over
several sentences, one split around *she said*, or one opened and never closed is still one
region. ``ParsedSentence`` holds one sentence with that block's quotes and answers the
questions every dependency rule asks (whose subtree, which subject, where a clause ends);
where a quotation stands against a cue is ``quoted``'s, and the rules themselves are in
``dependency``. Dependency labels are those of the ClearNLP scheme that spaCy's English models
use, with the Universal Dependencies names beside them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.model import Certainty
from claimledger.nlp.components.found import Range
from claimledger.nlp.components.polnear import learned_verbs
from claimledger.nlp.components.quotes import quote_regions
from claimledger.nlp.components.sentence import SentenceRules
from claimledger.nlp.lexicon import Cue, Lexicon
from claimledger.settings import contents_convention

_SUBJ = {"nsubj", "csubj", "nsubj:outer"}
_SUBJ_PASS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
_COMP = {"ccomp"}
_XCOMP = {"xcomp"}
_NP_RULES = frozenset({"dep-object", "dep-prep"})
"""Rules whose content is the cue's noun-phrase object."""
_OBJ = {"dobj", "obj"}
_AGENT = {"agent"}
_NOW = {"VBP", "VB"}  # a cue in the present, or bare under a modal (*I know*, *I would argue*)
_PARENTHETICAL = {"parataxis", "ccomp", "advcl"}
_SOURCE_DROP = {"relcl", "acl", "acl:relcl", "advcl"}
_WH = frozenset({"WDT", "WP"})
"""Tags of a relative pronoun (*which*, *that*, *who*)."""
_HUNG = frozenset({"advcl", "nsubj", "csubj"})
"""How the parser may hang a participle (*…, writing "…"*) on the quotation after it."""
_NAME_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN"})
"""Words of a noun phrase that names a speaker (*the young woman*, *Ana Reyes*)."""
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
"""A verb with a tense of its own."""
_PAST = frozenset({"VBD"})
"""The tag of a verb in the past tense."""


def _tense(v: Token) -> int:
    """A clause's tense as its first auxiliary or its verb shows it: 1 past, 2 not (present, modal), 0 none."""
    tag = next((c for c in v.lefts if c.dep_ in {"aux", "auxpass"}), v).tag_
    return 1 if tag in _PAST else 2 if tag in _FINITE | {"MD"} else 0


_Step = tuple[Range | None, list[Range], str]
"""What one content rule found: the content, other fragments, and the rule's name."""


def _joined(lex: Lexicon, polnear: bool) -> tuple[frozenset[str], ...]:
    """``ParsedSentence``'s word sets that join classes (noun-phrase content verbs, setting and time
    nouns, person subjects, the surface rules' fallback cues) under one convention: the same for
    every sentence, so built once and kept with the lexicon rather than joined per sentence."""
    w = lex.word_class
    # PolNeAR's own cues (polnear_cues, learned frames) take a noun phrase
    np_content = (w("np_content_polnear") or w("np_content")) | w("cue_polnear_verb") | learned_verbs(lex) \
        if polnear else w("np_content")
    to_content = (w("to_content_polnear") or w("to_content")) if polnear else w("to_content")
    fallback = w("surface_fallback")
    if not polnear:  # a plan or a request the parse gives no claim is none for the surface rules either
        fallback = fallback - (w("to_content_polnear") - to_content)
    return (np_content, to_content, w("setting_noun") | w("weekday") | w("month"),
            w("subject_pronoun") - w("expletive"), w("time_noun") | w("weekday") | w("month"), fallback)


class ParsedSentence:
    """What the rules need to know about one sentence and its block."""

    def __init__(self, doc: Doc, sent: Span, lex: Lexicon, cues: list[tuple[int, int, Cue]]) -> None:
        self.doc, self.sent, self.lex = doc, sent, lex
        self.s, self.e = sent.start, sent.end
        self.q = quote_regions(doc, lex)
        self.cue_tokens = {i for c0, c1, _ in cues for i in range(c0, c1)}
        self.cue_starts = sorted(c0 for c0, _, _ in cues)
        w = lex.word_class
        # which stance verbs take a noun phrase as their content: FORMAT.md's few, or PolNeAR's many
        polnear = contents_convention() == "polnear"
        self.one_role = polnear and bool(w("np_content_polnear"))
        """PolNeAR's convention for a language that has its words: a word is source, cue or content of
        one attribution at most, so none is annotated inside another's content or source."""
        # word sets joined once per lexicon and convention (``_joined``); to_content: what takes an infinitive
        # content: FORMAT.md's claims (*claimed to have*), or PolNeAR's plans too (*plans to*, *asked X to*)
        (self.np_content, self.to_content, self.settings, self.person_subjects, self.when_nouns, self.fallback
         ) = lex.derived("tree_joined_polnear" if polnear else "tree_joined", lambda x: _joined(x, polnear))
        # *I think …* outside quotation marks is the writer's own hedge under FORMAT.md; PolNeAR annotates it
        self.writer_pronouns = frozenset() if polnear else w("first_person")
        self.polnear = polnear
        self.recipient_object = w("recipient_object")
        self.comp = w("complementizer")
        self.conj = w("conjunction")
        self.contrast = w("contrast")
        self.as_mark = w("as_clause")
        self.adjunct_prep = w("adjunct_prep")
        self.subordinators = w("subordinator")
        self.setting_prep = w("setting_prep")
        self.means_prep = w("means_prep")
        self.expletive = w("expletive")
        self.message_nouns = w("message_noun")
        self.dashes, self.rate_joiner = w("dash"), w("rate_joiner")
        self.source_prep = w("source_prep")
        self.speaker_object_prep = w("speaker_object_prep")
        self.unsaid_prep = w("unsaid_prep")
        self.open_question = w("open_question")
        self.claim_nouns = w("claim_noun")
        self.not_source = w("colon_not_source")
        self.object_only = w("object_only")
        self.evidence_sources = w("evidence_source")
        self.evidence_cues = w("evidence_cue")
        self.surface: SentenceRules | None = None

    def trim(self, i: int, j: int) -> Range | None:
        """Drop punctuation at both ends, but keep quotation marks and brackets that pair with one inside."""
        d, q = self.doc, self.q
        while i < j and (d[i].is_punct or d[i].is_space):
            if (r := q.region(i)) is not None and r[0] == i and r[1] <= j:
                break
            i += 1
        while j > i and (d[j - 1].is_punct or d[j - 1].is_space):
            r, t = q.region(j - 1), d[j - 1]
            if (r is not None and r[1] == j and r[0] >= i) or (t.is_bracket and t.is_right_punct and any(
                    x.is_bracket and x.is_left_punct for x in d[i : j - 1])):
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
        elif first is not None and first[0] < self.s == i:  # the splitter cut the quotation: its sentence whole
            i = self.doc[first[0]].sent.start
        last = self.q.region(j - 1)
        if last is not None and last[1] > j:
            j = last[1]
        return i, j

    def clip_to_sentence(self, r: Range) -> Range:
        """A content never runs past its sentence, except inside quotation marks, and back to the start of a
        sentence the splitter cut inside a quotation (*X "were slow. There was no plan" then, she said*)."""
        i, j = r
        cut = self.q.region(self.s)
        low = self.doc[cut[0]].sent.start if cut is not None and cut[0] < self.s else self.s
        i = low if i < low and self.q.region(i) is None else i
        return i, (self.e if j > self.e and self.q.region(j - 1) is None else j)

    def source_of(self, v: Token, depth: int = 0) -> Range | None:
        """The subject of the cue verb, or of the verb it hangs from (*…, adding*, *and said*)."""
        subjects = [c for c in v.children if c.dep_ in _SUBJ]
        if subjects:  # 'LAGOS -- The governor … said': two subjects in the parse, the nearer one speaks
            before = [c for c in subjects if c.i < v.i]  # nor a floating quantifier: 'Leaders — … — both said'
            speaker = before[-1] if before else subjects[0]
            speaker = before[-2] if len(before) > 1 and speaker.tag_ == "DT" else speaker
            after = next((c for c in subjects if c.left_edge.i == v.i + 1), None)
            if before and after is not None and self.doc[v.i - 1].text == ",":
                speaker = after  # 'Recipients, said Mauer, are …': the parser gave the inverted cue both nouns
            return self._with_antecedent(v, speaker) or self.np(speaker)
        for c in (c for c in v.children if c.dep_ in _AGENT):
            if (obj := next((g for g in c.children if g.dep_ in {"pobj", "obj"}), None)) is not None:
                return self.np(obj)
        if any(c.dep_ in _SUBJ_PASS for c in v.children):
            return self._perfect_subject(v)
        h = v.head
        if v.dep_ == "pcomp" and h.lower_ in self.speaker_object_prep:
            obj = next((g for g in h.head.children if g.dep_ in _OBJ and g.i < h.i), None)
            if obj is not None:  # 'quoted witnesses as saying …': the object speaks, the subject relays
                return self.np(obj)
        if depth < 3 and v.dep_ == "pcomp" and h.head.i != h.i and h.head.pos_ in {"VERB", "AUX"}:
            return self.source_of(h.head, depth + 1)  # 'pitched himself by telling them …'
        if (v.dep_ in _HUNG and h.i > v.i and self.q.region(h.i) is not None and self.q.region(v.i) is None
                and v.tag_ == "VBG"):
            # 'X seemed ready, telling them, "…"': the parser hung the participle inside the quotation
            # that follows; it belongs to the clause before it, whose subject speaks
            main = next((self.doc[k] for k in range(self.s, v.i) if self.doc[k].pos_ in {"VERB", "AUX"}
                         and self.q.region(k) is None and any(c.dep_ in _SUBJ for c in self.doc[k].children)), None)
            return self.source_of(main, depth + 1) if main is not None and depth < 3 else None
        if v.dep_ in _XCOMP and self.infinitive(v):
            obj = next((c for c in h.children if c.dep_ in _OBJ and c.i < v.i), None)
            if obj is not None:  # 'the news led some to speculate …': the object is the one who speculates
                return self.np(obj)
        if depth < 3 and v.dep_ == "conj" and h.dep_ in _COMP and h.head.i in self.cue_tokens and v.tag_ in _FINITE:
            subj = next((c for c in h.children if c.dep_ in _SUBJ | _SUBJ_PASS), None)
            if subj is not None and (subj.lower_ not in self.person_subjects and not self.acting_pronoun(subj, h)
                                     or self.tense_of_cue(v, h, h.head)):
                return self.source_of(h.head, depth + 1)  # 'X said the bridge was safe and warned …': X warns
        if v.dep_ in _XCOMP and self.extraposed(h):
            return None  # 'It is fair to say that …', 'It is hard to think that …': the writer's own hedge
        if depth < 3 and h.i != v.i and v.dep_ in {"conj", "advcl", "xcomp", "dep"}:
            if v.dep_ == "advcl" and v.tag_ not in {"VBG", "VBN", "VB"}:
                return None
            if v.dep_ == "advcl" and v.i < h.i and v.tag_ == "VBN":
                return None  # 'Asked about it, X said': X answers, the asker is unnamed
            if (v.dep_ == "advcl" and h.dep_ in _COMP and h.head.i in self.cue_tokens and not h.head.is_punct
                    and (self.q.region(h.i) is not None or self.q.region(h.head.i) is None)):  # not a dateline's dash
                h = h.head  # '"…," adding': the parser hung *adding* inside the quotation
            src = self.source_of(h, depth + 1)
            if src is None and h.i in self.cue_tokens and h.i < v.i:
                src = self.name_after(h.i + 1)  # '"…," said Skelly, explaining …': the parse read the name as an adverb
            return src
        if v.dep_ in {"acl"} and h.pos_ in {"NOUN", "PROPN"}:
            verb = h.head if h.dep_ in _OBJ else None
            if h.dep_ == "pobj" and h.lower_ in self.message_nouns and h.head.dep_ == "prep":
                verb = h.head.head  # 'opened with a speech denouncing X': who gave the speech denounces
            if v.tag_ == "VBG" and verb is not None and depth < 3 and verb.pos_ in {"VERB", "AUX"} \
                    and h.lower_ not in self.evidence_sources:  # 'released figures showing X': the figures show
                # 'His office put out a statement saying …': who put it out speaks, not the paper
                owner = self.source_of(verb, depth + 1)
                if owner is None or self.doc[owner[0]].tag_ in _WH or self.doc[owner[1] - 1].tag_ in _WH:
                    owner = self._antecedent(verb)  # 'groups that bankrolled ads attacking X': the groups
                if owner is not None:
                    return owner
            return self.np(h, drop_acl=v)
        return None

    def withheld_comment(self, v: Token, rule: str, certainty: str) -> bool:
        """*has not commented on the reports*, *did not confirm the report*: a negated cue whose content
        is a noun phrase puts nothing forward (FORMAT.md); nor does a negated cue that would assert or
        confirm a clause (*did not know who was behind it*, *did not say whether*), where the text says
        the act did not happen. A negation inside a quotation (*"… Probably not," she said*) is the
        quotation's. PolNeAR's convention marks both."""
        return (not self.polnear and rule in _NP_RULES and self._negated(v)) or self.negated_assertion(v, certainty)

    def negated_assertion(self, v: Token, certainty: str) -> bool:
        """A negated cue that would assert, confirm, allege or deny (*did not know who …*, *have not said
        why*, *has not publicly accused X of Y*, *could not rule out that X*, the owners' *can not deny
        that X*): under FORMAT.md no entry, whatever its content (the act did not happen); nor may the
        surface rules read one. A belief's negation is its hedge (*tror inte*)."""
        return not self.polnear and certainty in {"asserted", "confirmed", "alleged", "denied"} and self._negated(v)

    def _negated(self, v: Token) -> bool:
        return any(c.dep_ == "neg" and self.q.region(c.i) is None for c in v.children)

    def writers_hedge(self, v: Token, cue: Cue, source: Range | None) -> bool:
        """*I think he was a guard*, *I know*, *I would argue that X*: a first-person hedge or present cue outside
        quotes is the article's voice, as inside them the speaker's (FORMAT.md: no entry); *I said X* stays."""
        return (source is not None and source[1] - source[0] == 1 and self.q.region(v.i) is None and (
            self.doc[source[0]].lower_ in self.writer_pronouns) and (cue.certainty == "estimated" or v.tag_ in _NOW))

    def after_colon(self, lo: int, hi: int) -> int:
        """Where a cue's content starts when a colon before ``hi`` opens a quotation: *X regrets that
        Y: "…," said Z* -- Z says the quotation, not X's clause before the colon."""
        colon = max((t.i for t in self.doc[lo:hi] if t.text == ":"), default=None)
        if colon is not None and self.q.region(colon + 1) is not None and self.q.region(colon) is None:
            return colon + 1
        return lo

    def unsaid(self, v: Token) -> bool:
        """*left without saying that …*, *warned against reading it as …*: a gerund cue after a
        preposition of what did not happen (``unsaid_prep``) says nothing."""
        return v.dep_ == "pcomp" and v.head.lower_ in self.unsaid_prep

    def extraposed(self, h: Token) -> bool:
        """Whether ``h`` is a copula with an adjective whose subject is an expletive (*it is fair*,
        *it's hard*): the infinitive after it has no one who holds what it says."""
        return (any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in h.children)
                and any(c.dep_ in _SUBJ and c.lower_ in self.expletive for c in h.children))

    def evidence(self, cue: Cue, source: Range | None) -> Certainty:
        """*A study revealed*, *according to a poll*: evidence (``evidence_source`` head, ``evidence_cue``) is reported
        like *show*, as is a finding no one is named for (*it was revealed that*); after a preposition, a body's
        records (``record_source``: *according to X data*) and a name's evidence (*a CMI survey*) are asserted."""
        if cue.certainty != "asserted" or cue.lemma not in self.evidence_cues:
            return cue.certainty
        if source is None:
            return "reported" if cue.kind == "verb" else cue.certainty
        words = self.doc[source[0] : source[1]]
        head = next((t for t in words if t.head.i == t.i or not source[0] <= t.head.i < source[1]), None)
        if cue.kind == "prep" and (head is None or head.lower_ in self.lex.word_class("record_source")
                                   or any(t.pos_ == "PROPN" for t in words)):
            return cue.certainty
        return "reported" if head is not None and head.lower_ in self.evidence_sources else cue.certainty

    def tense_of_cue(self, t: Token, h: Token, v: Token) -> bool:
        """*said he has not accepted X and suggested Y*: a conjunct ``t`` that the parse hangs on ``h``,
        the verb of what cue ``v`` reports, is ``v``'s own second verb when it has ``v``'s tense and
        not ``h``'s clause's (a past beside a present or a modal)."""
        return t.tag_ in _FINITE and _tense(t) == _tense(v) != _tense(h) != 0

    def acting_pronoun(self, subj: Token, h: Token) -> bool:
        """*it had seized the cargo*: a pronoun subject of a verb with an object is no expletive *it*."""
        return (subj.lower_ in self.lex.word_class("subject_pronoun") and h.pos_ == "VERB"
                and any(c.dep_ in _OBJ for c in h.children))

    def _with_antecedent(self, v: Token, subj: Token) -> Range | None:
        """'… met Dr. Park, who told him …': a relative pronoun speaks for the noun it follows; the source
        runs from that noun to the pronoun, so it names the speaker and holds the pronoun as written."""
        if subj.tag_ not in _WH or subj.i != v.left_edge.i:
            return None
        ante = self._antecedent(v)
        if ante is None or ante[1] > subj.i or not all(t.is_punct or t.is_space for t in self.doc[ante[1] : subj.i]):
            return None
        return ante[0], subj.i + 1

    def _antecedent(self, verb: Token) -> Range | None:
        """The noun (or pronoun: *those who*) a relative clause hangs on, for a verb of that clause or a conjunct."""
        while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ not in {"relcl", "acl:relcl"} or verb.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        return self.np(verb.head)

    def _perfect_subject(self, v: Token) -> Range | None:
        """'He's said he will run': the parser may read a contracted *has* as the passive *is*; a
        reporting verb with a clause of its own and a subject that is no expletive is active."""
        subj = next((c for c in v.lefts if c.dep_ in _SUBJ_PASS), None)
        aux = next((c for c in v.lefts if c.dep_ == "auxpass"), None)
        w = self.lex.word_class
        if (subj is None or aux is None or aux.lower_ not in w("perfect_contraction")
                or subj.lower_ in w("expletive") or not any(c.dep_ in _COMP for c in v.children)):
            return None
        return self.np(subj)

    def subject_before(self, v: Token) -> Range | None:
        """When the parse gives the cue no subject: the noun phrase just before it, if one stands there."""
        d = self.doc
        j = v.i
        while j > self.s and d[j - 1].pos_ in {"ADV", "AUX", "PART"}:
            j -= 1
        end = j
        if j - 2 > self.s and d[j - 1].text == ",":
            # 'Ana Reyes, 44, said' / 'Ana Reyes, the port's director, said': the name before its apposition
            appos = next((t for t in d[self.s : j - 1] if t.dep_ == "appos" and t.right_edge.i == j - 2
                          and t.head.i < t.i and t.head.pos_ in {"PROPN", "NOUN"}), None)
            if appos is not None:
                j, end = appos.head.i + 1, appos.right_edge.i + 1
        if j <= self.s or d[j - 1].pos_ not in {"PROPN", "NOUN", "PRON"} or self.q.region(j - 1) is not None:
            return None
        i = j - 1
        while i > self.s and d[i - 1].pos_ in {"PROPN", "NOUN", "DET", "ADJ", "PART"} and d[i - 1].dep_ != "punct":
            i -= 1
        if d[i].pos_ == "PART":
            i += 1
        return self.trim(i, max(j, end))

    def coordinate_subject(self, v: Token) -> Range | None:
        """'X offered the man a job, then says he …': the parser made the clause before a complement of a
        subjectless cue that has a complement of its own after it; that clause's subject speaks."""
        if v.dep_ != "ROOT" or not any(c.dep_ in _COMP and c.i > v.i for c in v.children):
            return None
        pre = next((c for c in v.children if c.dep_ in _COMP and c.i < v.i and self.q.region(c.i) is None), None)
        subj = next((g for g in pre.children if g.dep_ in _SUBJ), None) if pre is not None else None
        return self.np(subj) if subj is not None else None

    def np(self, tok: Token, drop_acl: Token | None = None) -> Range | None:
        lo, hi = self.subtree(tok, _SOURCE_DROP)
        if drop_acl is not None:
            hi = min(hi, drop_acl.left_edge.i)
        if (r := self.trim(lo, hi)) is None:
            return None
        d = self.doc
        if r[1] + 1 < self.e and d[r[1] - 1].like_num and d[r[1]].lower_ in self.rate_joiner and d[r[1] + 1].like_num:
            r = (r[0], r[1] + 2)  # '6 in 10 said': the parser hung the rate's base on the verb
        dash = next((x for x in range(r[0], min(r[1], r[0] + 8)) if d[x].text in self.dashes), None)
        if (dash is not None and any(d[x].is_upper and len(d[x]) > 2 for x in range(r[0], dash))
                and (r := self.trim(dash + 1, r[1])) is None):  # 'WASHINGTON -- X': a dateline is no source
            return None
        if hits := [x for x in range(r[0], r[1]) if self.q.region(x) is not None]:  # a source never holds a quotation
            if tok.i in hits:
                return None
            r = self.trim(hits[-1] + 1, r[1]) if hits[-1] < tok.i else self.trim(r[0], hits[0])
        return r

    def comp_child(self, v: Token, after: bool = True) -> Token | None:
        for c in v.children:
            if c.dep_ in _COMP and (c.i > v.i) == after and (
                    c.i not in self.cue_tokens or any(g.dep_ in _SUBJ | _SUBJ_PASS for g in c.children)):
                return c
        return None

    def _looks_like_cue(self, t: Token) -> bool:
        return t.lower_ in self.lex.cues and self.lex.cues[t.lower_][0].kind == "verb"

    def name_after(self, i: int) -> Range | None:
        """'"…," said the woman, who …', '"…," said Skelly, explaining …': the noun phrase right after an
        inverted cue, up to a comma or the sentence's end, when the parse gives the cue no speaker
        (it may hang the noun on a clause after it, or read a name as an adverb)."""
        d = self.doc
        k = i
        while k < self.e and (d[k].pos_ in _NAME_POS or (d[k].is_title and d[k].is_alpha)) and self.q.region(k) is None:
            k += 1
        if k == i or not (k == self.e or d[k].is_punct):
            return None
        if d[k - 1].lower_ in self.when_nouns and d[k - 1].left_edge.i > i:
            k = d[k - 1].left_edge.i  # 'said Lindsay Gay last month': when, not who
        if d[k - 1].pos_ not in {"NOUN", "PROPN"} and not d[k - 1].is_title:
            return None
        return self.trim(i, k)

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

    @staticmethod
    def infinitive(v: Token) -> bool:
        """*to say*: a verb that names a purpose or a plan rather than something held now."""
        return v.tag_ == "VB" and any(c.tag_ == "TO" for c in v.lefts)

    def unheld_purpose(self, v: Token) -> bool:
        """*a chance to show that …*: an infinitive cue whose holder the parse names nowhere."""
        return self.infinitive(v) and self.source_of(v) is None

    def cue_head(self, c0: int, c1: int) -> Token:
        """The word of a cue phrase that the rest hangs from: *said* in *has said*, *called* in *called for*."""
        d = self.doc
        verbs = [d[i] for i in range(c0, c1) if d[i].pos_ in {"VERB", "AUX"}]
        for t in verbs:
            if not c0 <= t.head.i < c1 or t.head.i == t.i:
                return t
        return verbs[0] if verbs else d[c0]
