"""One sentence as the surface rules see it: its cues, its clause boundaries, its noun phrases.

The rules lean on the lexicon and on a few word classes (complementizer, relative pronoun, conjunction,
recipient preposition) rather than on a perfect parse, because our Swedish parser is trained on little
data: where a part-of-speech tag is there it sharpens a boundary, where it is missing the word lists
decide. Every span is a half-open range of token indices into the block's Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.components.cuefinder import VERB_POS as _VERB_POS
from claimledger.nlp.components.cuefinder import find_cues
from claimledger.nlp.components.found import Range
from claimledger.nlp.lexicon import Lexicon

__all__ = ["SentenceRules", "find_cues"]
_NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM", "X"}
_SOURCE_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X", "PUNCT", "ADP", "CCONJ", "PART", "SYM"}
_MAX_SOURCE = 14
_SUBJECT_POS = {"NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"}


class SentenceRules:
    """The rules for one sentence; built once per sentence, asked once per cue."""

    def __init__(self, doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> None:
        self.doc, self.lex, self.tagged = doc, lex, tagged
        self.s, self.e = sent.start, sent.end
        before = doc[sent.start - 1].sent if sent.start > 0 else None
        self.sent_before: Range | None = (before.start, before.end) if before is not None else None
        while self.e > self.s and self._is_final_punct(doc[self.e - 1]):
            self.e -= 1
        w = lex.word_class
        self.comp, self.rel, self.conj = w("complementizer"), w("relative"), w("conjunction")
        self.recipient, self.stop = w("recipient"), w("source_stop")
        self.clause_verbs, self.source_prep = w("clause_verb"), w("source_prep")
        self.quotes, self.dashes = w("quote_open") | w("quote_close"), w("dash")
        self.expletive, self.anaphor, self.negation = w("expletive"), w("anaphor"), w("negation")
        self.person_pronoun, self.bare = w("person_pronoun"), w("bare_cues")
        self.cue_starts: set[int] = set()
        # the sentence's words as plain lists: the boundary walks below read them once per cue, and a
        # list is read many times faster than a Token is made (each Token made once, for all five)
        words = list(doc[sent.start : sent.end])
        self.texts, self.lowers = [t.text for t in words], [t.lower_ for t in words]
        self.puncts = [t.is_punct for t in words]
        self.verbs = [self.is_verb(t) and not (tagged and t.pos_ == "AUX") for t in words]
        self.adverbial = [tagged and t.pos_ in {"ADV", "AUX"} and t.is_lower for t in words]

    # ----- token predicates -------------------------------------------------------------
    def _is_final_punct(self, t: Token) -> bool:
        return t.is_punct and t.text not in self.lex.word_class("quote_close")

    def is_quote(self, t: Token) -> bool:
        return t.text in self.quotes

    def nominal(self, r: Range) -> bool:
        """Could this be a source: it starts with no link word, and (tagged) holds a noun or pronoun."""
        first = self.doc[r[0]]
        if first.lower_ in self.conj or first.lower_ in self.stop or first.lower_ in self.comp:
            return False
        if self.tagged:
            return any(self.doc[x].pos_ in {"NOUN", "PROPN", "PRON"} or not self.doc[x].is_lower
                       or self._mistagged(self.doc[x]) for x in range(*r))
        return True

    @staticmethod
    def _mistagged(t: Token) -> bool:
        """A web address (*vlt.se*) is a name, whatever a small tagger calls it (punctuation, a verb)."""
        return t.like_url and any(c.isalpha() for c in t.text)

    def is_verb(self, t: Token) -> bool:
        if self.tagged:  # a capitalised word inside a phrase is a name, whatever a small tagger thinks; so is
            # an acronym opening the sentence ('SMHI varnar för att …')
            return t.pos_ in _VERB_POS and (t.is_lower or t.i == self.s and not t.is_upper) and not self._mistagged(t)
        return t.lower_ in self.clause_verbs or (t.lower_ in self.lex.cues and t.is_lower)

    # ----- clause and phrase boundaries -----------------------------------------------
    def clause_start(self, k: int) -> int:
        """First token of the clause holding token ``k``: after ';', ':', a dash or ', och/men'."""
        tx, lw, o = self.texts, self.lowers, self.s
        i = k - 1
        while i >= self.s:
            t = tx[i - o]
            if t in {";", ":"} or (t in self.dashes and i > self.s):
                return i + 1
            if lw[i - o] in self.conj and i > self.s and tx[i - 1 - o] == ",":
                return i + 1
            i -= 1
        return self.s

    def clause_end(self, k: int, later_cues: list[int]) -> int:
        """End of the clause from ``k``: the sentence end, or before ', och/men/vilket' opening a later cue's clause."""
        tx, lw, o = self.texts, self.lowers, self.s
        later = set(later_cues)
        last = max(later_cues, default=-1)
        for i in range(k, self.e - 1):
            t = tx[i - o]
            nxt = lw[i + 1 - o]
            if t == "," and ((nxt in self.conj and last > i) or i + 1 in later or self._subject_then(None, i, later)
                             or ((tx[i + 1 - o] in self.quotes or nxt in self.rel) and i + 2 in later)):
                return i
            if t == ";" or (lw[i - o] in self.conj and i > k and (i + 1 in later or self._subject_then(k, i, later))):
                return i
        return self.e

    def _subject_then(self, k: int | None, i: int, later: set[int]) -> bool:
        """After the comma or 'och' at ``i``, a short subject and right after it a later cue verb: a clause of its
        own (*…, 37 kommuner svarar att*, *… och bara 8 procent tror att*); a list (*polisen, kommunen och staten
        tror*) is none. After 'och' (``k`` the claim's start) only a finished clause, with a verb since its last
        'att' or relative word, ends there: *för Åres och Idres del väntar sig* is one clause."""
        d, o, j = self.doc, self.s, i + 1 + (i + 1 < self.e and self.doc[i + 1].pos_ == "ADV")
        x = j
        while x < self.e and x - j < 5 and d[x].pos_ in _SUBJECT_POS and d[x].lower_ not in self.rel:
            x += 1
        links, rules = self.comp | self.rel, self.lex.word_class("rules")  # where the language's data asks for it
        start = i if k is None else max([k] + [z + 1 for z in range(k, i) if self.lowers[z - o] in links])
        return ("subject_clauses" in rules and self.tagged and x > j and x in later and self.verbs[x - o]
                and (k is None or any(self.verbs[z - o] for z in range(start, i))))

    def skip_open(self, i: int, end: int) -> int:
        """Skip dashes, commas and opening quotes at the start of a content."""
        while i < end and (self.doc[i].text in self.dashes or self.doc[i].text == ","):
            i += 1
        return i

    def trim(self, r: Range | None) -> Range | None:
        """Drop punctuation (but keep a closing quote paired with an opening one) at both ends."""
        if r is None:
            return None
        i, j = r
        d = self.doc
        while i < j and (d[i].is_punct or d[i].is_space) and not self.is_quote(d[i]):
            i += 1
        while j > i and (d[j - 1].is_punct or d[j - 1].is_space) and not self.is_quote(d[j - 1]):
            j -= 1
        if i < j and self.is_quote(d[j - 1]) and not any(self.is_quote(d[x]) for x in range(i, j - 1)):
            j -= 1
        if i < j and self.is_quote(d[i]) and not any(self.is_quote(d[x]) for x in range(i + 1, j)):
            i += 1
        return (i, j) if i < j else None

    def np_after(self, i: int, end: int, mode: str) -> Range | None:
        """A source phrase starting at ``i``: up to a verb, a clause word, or (after a verb) a recipient."""
        d = self.doc
        start = i
        j = i
        if i in self.cue_starts:
            return None  # 'enligt enligt ...': a source never starts with another cue
        while j < end and j - start < _MAX_SOURCE:
            t = d[j]
            low = t.lower_
            if t.text in {",", ";", ":", "(", ")"} or t.text in self.dashes or self.is_quote(t):
                if t.text == "," and mode == "prep" and self._apposition_follows(j, end):
                    j += 1
                    continue
                break
            if low in self.comp or low in self.rel:
                break
            if j > start and self.is_verb(t) and not (self._attributive(j, end) or self._compound_head(j)):
                break
            if mode == "inverted" and j > start and low in self.conj and self._predicate_follows(j, end):
                break  # 'säger von Eckermann och skruvar på sig': a second predicate, whatever its tag
            if j > start and mode == "inverted" and (low in self.recipient or low in self.stop):
                break
            if j == start + 1 and mode == "inverted" and self._whole_pronoun(start):
                break  # 'säger han sorgset och': a personal pronoun is the whole subject
            if j > start and mode == "prep" and low in self.stop and low not in self.source_prep:
                # 'Enligt källor i regeringskansliet har ...': with tags, a preposition followed by a
                # noun stays in the source until the finite verb closes it
                nxt = d[j + 1] if j + 1 < end else None
                if not (self.tagged and t.pos_ == "ADP" and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}
                        and self._verb_ahead(j, end)):
                    break
            if self.tagged and j > start and t.pos_ not in _SOURCE_POS and t.is_lower and not (
                    self._modifier(j, end) or self._attributive(j, end) or self._compound_head(j)):
                break
            if (mode == "prep" and self.tagged and j > start and t.like_num
                    and d[j - 1].pos_ in {"PROPN", "NOUN"}):
                break  # 'enligt SBF 280 miljoner kronor': the figure is the claim's, not the source's
            j += 1
        while j > start + 1 and self.doc[j - 1].lower_ in self.conj:
            j -= 1  # 'säger X och avböjer': the link to the next verb is no part of the phrase
        return self.trim((start, j))

    def _compound_head(self, j: int) -> bool:
        """The head word of a split compound (*kultur- och idrottsminister*), whatever its tag."""
        d = self.doc
        return j - 2 >= self.s and d[j - 1].lower_ in self.conj and d[j - 2].text[-1:] in self.dashes

    def _predicate_follows(self, j: int, end: int) -> bool:
        """A lower-case word after 'och' that a preposition, pronoun or the sentence's end follows."""
        d = self.doc
        return (self.tagged and j + 1 < end and (d[j - 1].pos_ in {"PROPN", "PRON"} or d[j - 1].is_title)
                and d[j + 1].is_lower
                and (d[j + 1].pos_ in {"VERB", "NOUN"} or bool(d[j + 1].morph.get("VerbForm", [])))
                and (j + 2 == end or d[j + 2].pos_ in {"ADP", "PRON", "ADV", "PART"}))

    def _whole_pronoun(self, i: int) -> bool:
        """A personal pronoun (*han*, *hon*) is a whole noun phrase, whatever a small tagger calls the next word."""
        return self.tagged and self.doc[i].pos_ == "PRON" and self.doc[i].lower_ in self.person_pronoun

    def _modifier(self, j: int, end: int) -> bool:
        """An adverb inside the phrase, before the adjective or noun it goes with (*den socialdemokratiskt
        ledda regeringen*; a small tagger's *vd* before a name), not one that ends it."""
        t = self.doc[j]
        return (t.pos_ == "ADV" and j + 1 < end
                and (self.doc[j + 1].pos_ in {"ADJ", "NOUN", "PROPN"} or self._attributive(j + 1, end))
                and t.lower_ not in self.stop and t.lower_ not in self.lex.word_class("sentence_adverb"))

    def _attributive(self, j: int, end: int) -> bool:
        """A word a small tagger calls a verb between a determiner or adverb and the noun or name it
        describes is an adjective (*sade den skakade guvernören X*, *sade alltid lika glade Lindblom*)."""
        d = self.doc
        return (self.tagged and j > self.s and j + 1 < end and d[j].is_lower
                and d[j - 1].pos_ in {"DET", "ADV"} and d[j + 1].pos_ in {"NOUN", "PROPN"})

    def _verb_ahead(self, j: int, end: int) -> bool:
        """A finite verb closes the phrase within a few words (V2 after a fronted 'enligt X')."""
        for x in range(j + 1, min(end, j + 6)):
            if self.doc[x].text == ",":
                return False
            if self.is_verb(self.doc[x]):
                return True
        return False

    def _apposition_follows(self, j: int, end: int) -> bool:
        """', ISW,' after a name: a short capitalised apposition closed by another comma."""
        d = self.doc
        k = j + 1
        while k < end and k - j <= 3 and d[k].text != ",":
            if not (d[k].is_title or d[k].is_upper):
                return False
            k += 1
        return k < end and k > j + 1 and d[k].text == ","

    def np_before(self, k: int) -> Range | None:
        """The source left of a cue at ``k``: the clause's subject, without leading links or trailing adverbs."""
        tx, lw, o, d = self.texts, self.lowers, self.s, self.doc
        shared = self._coordinated_subject(k)
        if shared is not None:
            return shared
        i = self.clause_start(k)
        j = k
        while i < j and (lw[i - o] in self.conj or lw[i - o] in self.comp or tx[i - o] in self.dashes
                         or self.puncts[i - o]):
            i += 1
        aux = self.lex.word_class("aux")
        while j > i and (lw[j - 1 - o] in self.stop or lw[j - 1 - o] in aux or lw[j - 1 - o] in self.rel
                         or self.puncts[j - 1 - o] or self.adverbial[j - 1 - o] or self._passive_cue(j - 1)):
            j -= 1  # 'X uppges ha sagt att': the passive and its auxiliary, X the speaker
        rel = next((x for x in range(j - 1, i, -1) if lw[x - o] in self.rel and x - 1 > i
                    and lw[x - 1 - o] in self.stop), None)
        if rel is not None:  # '... med en sjuksköterska i vilket det framgår': the antecedent, not 'i vilket'
            j = rel - 1
        if i >= j:
            return None
        rel_clause = next((x for x in range(i + 1, j) if lw[x - o] in self.rel and tx[x - 1 - o] == ","), None)
        if rel_clause is not None and "," not in tx[rel_clause + 1 - o : k - o] and rel_clause + 1 < j \
                and not self.is_verb(d[rel_clause + 1]):
            i = rel_clause + 1  # ', där den senare hävdar': the cue is the relative clause's, so is its subject
        elif rel_clause is not None and not (j - 2 > rel_clause and tx[j - 2 - o] == ","
                                             and lw[j - 1 - o] in self.lex.word_class("nominative_pronoun")):
            j = rel_clause - 1  # 'En analytiker i Seoul, som vill vara anonym, bedömer': the antecedent
        aside = next((x for x in range(j - 1, i, -1) if tx[x - o] == ","), j)  # 'X, av 212 svarande, svarar': a
        if self.tagged and tx[j - o] == "," and d[aside + 1].pos_ == "ADP" and not any(self.verbs[aside - o : j - o]):
            j = aside  # phrase set off by commas is no subject
        quoted = [x for x in range(i, j) if tx[x - o] in self.quotes]
        if quoted:
            i = quoted[-1] + 1
            while i < j and self.puncts[i - o]:
                i += 1
        relative = self._relative_subject(i, j)
        if relative is not None:
            return self.trim(relative)
        # 'Lärare som arbetar med nyanlända menar': a relative clause's verb belongs to the subject
        late = "Fin" not in d[k].morph.get("VerbForm", ["Fin"])  # 'Bara veckor tidigare hade Nordea meddelat'
        verbs = [x for x in range(i, j) if (self.verbs[x - o] or ((x == i + 1 or late) and self._v2_aux(d[x], late)))
                 and not (x > i and (lw[x - 1 - o] in self.rel or (d[x - 1].pos_ == "PART" and x - 1 > i and d[
                     x - 2].pos_ == "ADP" and "Inf" in d[x].morph.get("VerbForm", []))))]  # 'planer för att minska X'
        if verbs or j - i > _MAX_SOURCE:
            commas = [x for x in range(i, j) if tx[x - o] == ","]
            cut = max([*verbs, *commas], default=j - _MAX_SOURCE - 1) + 1
            i = max(i, cut)
        links = [x for x in range(i + 1, j - 1) if self._clause_link(d[x]) or (
            verbs and lw[x - o] in self.conj and lw[x + 1 - o] in self.lex.word_class("nominative_pronoun"))]
        # 'har försökt störa henne och de ropade att': 'och' then a pronoun opens the cue's own clause
        if links:  # 'halterna är så låga att Livsmedelsverket bedömer': the subject of the last clause
            i = links[-1] + 1
        if verbs or links:
            while i < j - 1 and (lw[i - o] in self.stop or lw[i - o] in self.conj or lw[i - o] in self.comp):
                i += 1  # 'håller inte med dem som säger': the subject, not the verb's adverbs and preposition
        if j - i == 1 and d[i].lower_ in self.expletive:
            return None
        return self.trim((i, j))

    def _passive_cue(self, x: int) -> bool:
        """A reportative passive cue (*uppges*) at ``x``."""
        return x in self.cue_starts and any(c.kind == "passive" for c in self.lex.cues.get(self.lowers[x - self.s], ()))

    def _relative_subject(self, i: int, j: int) -> Range | None:
        """A noun phrase opening the clause, then a relative clause with no comma and a verb of its own, then
        the cue (*Elever som är trötta eller inte klarar målen uppger att*): the whole is the subject, or
        the noun phrase where the whole is too long."""
        d, o = self.doc, self.s
        x = next((x for x in range(i + 1, j) if self.lowers[x - o] in self.rel), None)
        if (not self.tagged or x is None or self.texts[x - 1 - o] == ","
                or any(d[z].pos_ not in _SUBJECT_POS for z in range(i, x))
                or not any(d[z].pos_ in {"NOUN", "PROPN"} for z in range(i, x))
                or not any(self.verbs[z - o] or d[z].pos_ == "AUX" for z in range(x + 1, j))):
            return None
        return (i, j) if j - i <= _MAX_SOURCE else (i, x)

    def _coordinated_subject(self, k: int) -> Range | None:
        """A cue right after 'och'/'men' with no subject of its own (*tvår sina händer och säger att*,
        *håller med om X, men påpekar att*, *har kallat X skamlig och menat att*) shares the subject of the
        first predicate: the words from its clause's start to its first verb that are a noun phrase (*X med Y*)."""
        d, o, lw, sp = self.doc, self.s, self.lowers, _SUBJECT_POS
        if not self.tagged:
            return None
        x = k - 1
        while x > self.s and d[x].pos_ == "AUX":
            x -= 1  # 'och har sagt'; not an adverb: 'och därefter säger sig X' is V2, its subject follows
        if "Sup" in d[k].morph.get("VerbForm", []):
            x -= self._adverb_before(x + 1)  # 'och bland annat hävdat att': a supine has no V2 subject
        if x <= self.s or lw[x - o] not in self.lex.word_class("predicate_link"):
            return None
        y = x - 1 if self.texts[x - 1 - o] == "," else x
        i = self.clause_start(y)
        while i < y and (self.puncts[i - o] or lw[i - o] in self.conj or d[i].text in self.dashes):
            i += 1  # then past a relative word opening a clause with its own subject and verb ('där X hälsade och')
        i = ([i] + [z for z in range(i + 1, y) if lw[z - 1 - o] in self.rel and not self.puncts[z - 2 - o]
             and d[z].pos_ in sp and self.verbs[next(x for x in range(z, y + 1) if d[x].pos_ not in sp) - o]])[-1]
        v = next((z for z in range(i, y) if self.verbs[z - o] or d[z].pos_ == "AUX"), None)
        if (v is not None and v > i and v + 1 < y and all(d[z].pos_ == "ADV" or (d[i].pos_ == "ADP" and (
                z == i or d[z].pos_ in _SUBJECT_POS)) for z in range(i, v))  # or a phrase: 'I X föreslog han'
                and lw[v + 1 - o] in self.lex.word_class("nominative_pronoun")):
            return (v + 1, v + 2)  # 'Nu kommer de plötsligt och säger att': V2, the pronoun after the verb
        if v is None or v == i or any(d[z].pos_ not in sp and not self.is_quote(d[z]) and not (i < z < v - 1 and d[
                z].pos_ in {"ADP", "CCONJ"} and {d[z - 1].pos_, d[z + 1].pos_} <= sp) for z in range(i, v)):
            return None  # 'Johan Carlson ” håller med ” och skriver att': quotation marks are no part of it
        return self.trim((i, v))

    def _adverb_before(self, k: int) -> int:
        """How many words right before ``k`` are an adverb or a listed sentence adverb (*bland annat*)."""
        for phrase in sorted(self.lex.word_class("sentence_adverb"), key=len, reverse=True):
            n = len(phrase.split())
            if k - n > self.s and " ".join(self.lowers[k - n - self.s : k - self.s]) == phrase:
                return n
        return 1 if k - 1 > self.s and self.doc[k - 1].pos_ == "ADV" else 0

    def _v2_aux(self, t: Token, late: bool) -> bool:
        """A finite auxiliary after a fronted adverb (*Nu har vi sagt*), or any fronted phrase before a supine cue
        (``late``: *Enligt tidningen har ministern sagt*, *I går har polisen meddelat*): the subject follows it."""
        return (self.tagged and t.pos_ == "AUX" and t.lower_ in self.lex.word_class("aux") and "Fin" in t.morph.get(
            "VerbForm", []) and (late or self.doc[t.i - 1].pos_ == "ADV"))

    def _clause_link(self, t: Token) -> bool:
        """A word that opens a clause inside a would-be source ('att', 'när', 'som' without a comma)."""
        if t.lower_ in self.comp:
            return not self.tagged or t.pos_ == "SCONJ"
        if t.lower_ in self.rel and self.doc[t.i - 1].text != ",":
            # 'kronor som hon sade': the cue's subject follows; 'Experter som jobbar med X menar': it does not
            nxt = self.doc[t.i + 1]
            return self.tagged and t.pos_ in {"PRON", "SCONJ", "ADV"} and nxt.pos_ in {"PRON", "PROPN", "DET"}
        if t.lower_ in self.conj and t.lower_ not in self.lex.word_class("coordinator"):
            return True  # 'men jag tycker': a new clause, not 'X och Y'
        return self.tagged and t.pos_ == "SCONJ" and (
            t.lower_ in self.lex.word_class("subordinator") or t.lower_ in self.lex.word_class("conditional"))

    def subject_between(self, i: int, j: int, before: Range | None = None) -> Range | None:
        """In V2 order (*På måndagen uppgav militären att*) the subject stands between the cue and 'att'.

        Not when the words there hold no noun or pronoun (*tror däremot att*, *tycker förstås att*), nor when the
        clause already opens with a subject pronoun (*jag tycker det*), nor for a lone *det* after a subject
        (*Tingsrätten ansåg det bevisat att*): then it is the cue's object."""
        d = self.doc
        i = self.past_adverbs(i, j)  # 'konstaterade till exempel Länsstyrelsen att'
        if i >= j or d[i].lower_ in self.stop or d[i].lower_ in self.recipient:
            return None
        r = self.np_after(i, j, "inverted")
        if r is None or not self.tagged:
            return r
        adverb = self.lex.word_class("sentence_adverb")
        if all((d[x].pos_ in {"ADV", "ADP", "PART", "SCONJ", "CCONJ"} and d[x].is_lower) or d[x].lower_ in adverb
               for x in range(*r)):  # a capitalised word is a name, whatever the tagger says (skrev Trafikverket)
            return None
        if (before is not None and r[1] + 1 == j and d[r[1]].lower_ in self.recipient and self.nominal(before)
                and any(d[x].pos_ in {"NOUN", "PROPN", "PRON"} for x in range(*before))):
            return None  # 'rebeller som anklagar iranierna för att': the cue's object, its subject came before
        time = self.lex.word_class("month") | self.lex.word_class("weekday")
        if before is not None and any(d[x].lower_ in time for x in range(*before)):
            return r  # 'Den 27 november meddelade förbundet att': a fronted date, the subject follows the cue
        if before is not None and before[0] == self.clause_start(before[1]) and self.nominal(before):
            pronoun = self.lex.word_class("subject_pronoun")
            if d[before[0]].lower_ in pronoun or d[r[0]].lower_ in self.expletive:
                return None
        if before is not None and self._noun_subject(before):
            return None  # 'Men departementet tillbakavisar kritiken att': a subject came first, this is the object
        return r

    def _noun_subject(self, before: Range) -> bool:
        """A noun phrase that opens its clause (after at most a conjunction) and holds a noun or name."""
        d = self.doc
        start = self.clause_start(before[1])
        if start < before[0] and d[start].lower_ in self.conj and start + 1 == before[0]:
            start += 1
        return (before[0] == start and any(d[x].pos_ in {"NOUN", "PROPN"} for x in range(*before))
                and all(d[x].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} for x in range(*before)))

    def past_adverbs(self, i: int, j: int) -> int:
        """The first word after the sentence adverbs (one or two words each) that start at ``i``."""
        adverbs, o = self.lex.word_class("sentence_adverb"), self.s
        while i < j:
            n = next((n for n in (2, 1) if i + n <= j and " ".join(self.lowers[i - o : i + n - o]) in adverbs), 0)
            if not n:
                return i
            i += n
        return i

    def recipient_end(self, i: int, end: int) -> int:
        """Skip a recipient phrase after a cue (*till TT*, *told reporters*) and return where content starts."""
        d = self.doc
        if i < end and d[i].lower_ in self.recipient:
            r = self.np_after(i + 1, end, "inverted")
            return r[1] if r else i
        return i

    def own_comp(self, i: int, end: int) -> int | None:
        """An 'att' right after an inverted cue's subject, which would make it the cue's own claim;
        not one that a preposition (*sa X i samband med att*) or another verb (*och avböjer att*) takes."""
        comp = self.find_comp(i, end)
        if comp is None or comp == i:
            return comp
        before = self.doc[comp - 1]
        if before.lower_ in self.stop or (self.tagged and before.pos_ == "ADP"):
            return None
        return None if any(self.verbs[x - self.s] for x in range(i, comp)) else comp

    def find_comp(self, i: int, end: int) -> int | None:
        """A complementizer ('att', 'that') within a few words after the cue, before any comma or other cue."""
        d, relays = self.doc, self.lex.word_class("relay_prep")
        for x in range(i, min(end, i + 10)):
            if d[x].lower_ in self.comp:
                return x
            if d[x].text in {",", ";", ":"} or self.is_quote(d[x]) or x in self.cue_starts and not any(
                    " ".join(t.lower_ for t in d[x : x + len(f.split())]) == f for f in relays):
                return None  # but *uppger med hänvisning till Y att Z*: through a relay phrase Z is still said
        return None
