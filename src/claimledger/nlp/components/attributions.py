"""Cues -> attributions: who (source) says what (content) through which words (cue).

The rules work on one sentence at a time and lean on the lexicon and on a few word
classes (complementizer, relative pronoun, conjunction, recipient preposition) rather
than on a perfect parse, because our Swedish parser is trained on little data: where a
part-of-speech tag is there it sharpens a boundary, where it is missing the word lists
decide. Every span is a half-open range of token indices into the block's Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimledger.model import Certainty
from claimledger.nlp.lexicon import Cue, Lexicon

Range = tuple[int, int]

_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM", "X"}
_SOURCE_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X", "PUNCT", "ADP", "CCONJ", "PART", "SYM"}
_MAX_SOURCE = 14


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution in token indices of a block's Doc."""

    cue: Range
    content: Range
    source: Range | None
    certainty: Certainty
    kind: str
    rule: str
    parts: tuple[Range, ...] = ()


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
        self.quotes = w("quote_open") | w("quote_close")
        self.dashes = w("dash")
        self.expletive = w("expletive")
        self.anaphor = w("anaphor")
        self.negation = w("negation")
        self.cue_starts: set[int] = set()
        self.bare = w("bare_cues")
        # the sentence's words as plain lists: the boundary walks below read them once per cue,
        # and a list is read many times faster than a Token is made
        words = doc[sent.start : sent.end]
        self.texts = [t.text for t in words]
        self.lowers = [t.lower_ for t in words]
        self.puncts = [t.is_punct for t in words]
        self.verbs = [self.is_verb(t) and not (tagged and t.pos_ == "AUX") for t in words]
        self.adverbial = [tagged and t.pos_ in {"ADV", "AUX"} and t.is_lower for t in words]

    # ----- token predicates -------------------------------------------------------------
    def negated(self, k: int) -> bool:
        """Whether the cue at ``k`` is negated (*säger inte*, *did not say*); a negation before a
        comma ends the quote (*– Vi ger oss inte, säger han*), not the cue."""
        for x in range(k - 1, max(self.s, k - 2) - 1, -1):
            if self.doc[x].is_punct:
                return False
            if self.doc[x].lower_ in self.negation:
                return True
        return False

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
            return any(self.doc[x].pos_ in {"NOUN", "PROPN", "PRON"} or not self.doc[x].is_lower for x in range(*r))
        return True

    def is_verb(self, t: Token) -> bool:
        if self.tagged:  # a capitalised word inside a phrase is a name, whatever a small tagger thinks
            return t.pos_ in _VERB_POS and (t.is_lower or t.i == self.s)
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
        """End of the clause from ``k``: the sentence end, or before ', och/men' that opens a later cue's clause."""
        tx, lw, o = self.texts, self.lowers, self.s
        later = set(later_cues)
        last = max(later_cues, default=-1)
        for i in range(k, self.e - 1):
            t = tx[i - o]
            if t == "," and (
                (lw[i + 1 - o] in self.conj and last > i) or i + 1 in later
                or (tx[i + 1 - o] in self.quotes and i + 2 in later)
            ):
                return i
            if t == ";" or (lw[i - o] in self.conj and i + 1 in later and i > k):
                return i
        return self.e

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
            if j > start and self.is_verb(t):
                break
            if j > start and mode == "inverted" and (low in self.recipient or low in self.stop):
                break
            if j > start and mode == "prep" and low in self.stop and low not in self.source_prep:
                # 'Enligt källor i regeringskansliet har ...': with tags, a preposition followed by a
                # noun stays in the source until the finite verb closes it
                nxt = d[j + 1] if j + 1 < end else None
                if not (self.tagged and t.pos_ == "ADP" and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}
                        and self._verb_ahead(j, end)):
                    break
            if self.tagged and j > start and t.pos_ not in _SOURCE_POS and t.is_lower:
                break
            j += 1
        return self.trim((start, j))

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
        i = self.clause_start(k)
        j = k
        while i < j and (lw[i - o] in self.conj or lw[i - o] in self.comp or tx[i - o] in self.dashes
                         or self.puncts[i - o]):
            i += 1
        aux = self.lex.word_class("aux")
        while j > i and (lw[j - 1 - o] in self.stop or lw[j - 1 - o] in aux or lw[j - 1 - o] in self.rel
                         or self.puncts[j - 1 - o] or self.adverbial[j - 1 - o]):
            j -= 1
        rel = next((x for x in range(j - 1, i, -1) if lw[x - o] in self.rel and x - 1 > i
                    and lw[x - 1 - o] in self.stop), None)
        if rel is not None:  # '... med en sjuksköterska i vilket det framgår': the antecedent, not 'i vilket'
            j = rel - 1
        if i >= j:
            return None
        rel_clause = next((x for x in range(i + 1, j) if lw[x - o] in self.rel and tx[x - 1 - o] == ","), None)
        if rel_clause is not None:  # 'En analytiker i Seoul, som vill vara anonym, bedömer': the antecedent
            j = rel_clause - 1
        quoted = [x for x in range(i, j) if tx[x - o] in self.quotes]
        if quoted:
            i = quoted[-1] + 1
            while i < j and self.puncts[i - o]:
                i += 1
        verbs = [x for x in range(i, j) if self.verbs[x - o]]
        if verbs or j - i > _MAX_SOURCE:
            commas = [x for x in range(i, j) if tx[x - o] == ","]
            cut = max([*verbs, *commas], default=j - _MAX_SOURCE - 1) + 1
            i = max(i, cut)
        if j - i == 1 and d[i].lower_ in self.expletive:
            return None
        return self.trim((i, j))

    def subject_between(self, i: int, j: int) -> Range | None:
        """In V2 order (*På måndagen uppgav militären att*) the subject stands between the cue and 'att'."""
        d = self.doc
        if i >= j or d[i].lower_ in self.stop or d[i].lower_ in self.recipient:
            return None
        r = self.np_after(i, j, "inverted")
        return r

    def recipient_end(self, i: int, end: int) -> int:
        """Skip a recipient phrase after a cue (*till TT*, *told reporters*) and return where content starts."""
        d = self.doc
        if i < end and d[i].lower_ in self.recipient:
            r = self.np_after(i + 1, end, "inverted")
            return r[1] if r else i
        return i

    def find_comp(self, i: int, end: int) -> int | None:
        """A complementizer ('att', 'that') within a few words after the cue, before any comma or other cue."""
        d = self.doc
        for x in range(i, min(end, i + 10)):
            if d[x].lower_ in self.comp:
                return x
            if d[x].text in {",", ";", ":"} or self.is_quote(d[x]) or x in self.cue_starts:
                return None
        return None


def find_cues(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[tuple[int, int, Cue]]:
    """Every cue in the sentence, longest form first, never two over the same token."""
    out: list[tuple[int, int, Cue]] = []
    strict_pos = "lenient_pos" not in lex.word_class("rules")  # a small tagger's slips must not hide a cue
    k = sent.start
    while k < sent.end:
        match = None
        for cue in lex.cues.get(doc[k].lower_, ()):
            n = len(cue.words)
            if cue.kind == "modal" and n == 2:
                # hearsay 'ska' + 'ha'/'vara', with a few words between: 'ska roboten ha avfyrats'
                tail = next((x for x in range(k + 1, min(sent.end, k + 6)) if doc[x].lower_ == cue.words[1]
                             or (tagged and "Sup" in doc[x].morph.get("VerbForm", []))), None)  # 'ska ... skjutits'

                if tail is not None and not any(doc[x].is_punct for x in range(k + 1, tail)):
                    match = (k, k + 1, cue)
                    break
                continue
            if k + n > sent.end or any(doc[k + m].lower_ != cue.words[m] for m in range(1, n)):
                split = _split_particle(doc, k, sent, cue, lex) if n > 1 and cue.kind == "verb" else None
                if split is None:
                    continue
                match = (k, split, cue)  # 'går polisen ut med': the subject stands inside the cue
                break
            if tagged and strict_pos and not _pos_fits(doc[k], cue.kind):
                continue
            if cue.kind in {"verb", "self"} and _participle(doc, k, sent, lex, tagged):
                continue  # 'den misstänkte gärningsmannen': a participle, not a verb
            match = (k, k + n, cue)
            break
        if match:
            out.append(match)
            k = match[1]
        else:
            k += 1
    return out


def _split_particle(doc: Doc, k: int, sent: Span, cue: Cue, lex: Lexicon) -> int | None:
    """End of a particle verb split by its subject in V2 order (*räknar Riksbanken med*, *går polisen ut
    med*), where the language allows it; None when the rest of the cue does not follow the subject."""
    if "split_particles" not in lex.word_class("rules"):
        return None
    rest = cue.words[1:]
    for gap in range(1, 5):
        start = k + 1 + gap
        if start + len(rest) > sent.end:
            return None
        between = doc[k + 1 : start]
        if any(t.is_punct or t.lower_ in lex.word_class("complementizer") for t in between):
            return None
        if all(doc[start + m].lower_ == rest[m] for m in range(len(rest))):
            return start + len(rest)
    return None


def _participle(doc: Doc, k: int, sent: Span, lex: Lexicon, tagged: bool) -> bool:
    """A cue form between a determiner and a noun is an adjective (*den misstänkte mannen*), not a verb
    (*Det uppger polisen*)."""
    nxt_tok = doc[k + 1] if k + 1 < sent.end else None
    if tagged and doc[k].pos_ == "ADJ" and nxt_tok is not None and nxt_tok.pos_ == "NOUN":
        return True  # '5 865 nya bekräftade fall'
    if k == sent.start or doc[k - 1].lower_ not in lex.word_class("determiner"):
        return False
    if tagged:
        return doc[k].pos_ in {"ADJ", "NOUN"}
    nxt = doc[k + 1] if k + 1 < sent.end else None
    function = lex.word_class("determiner") | lex.word_class("source_stop") | lex.word_class("subject_pronoun")
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in function


def _pos_fits(t: Token, kind: str) -> bool:
    if kind in {"verb", "self", "evidence", "modal"}:
        return t.pos_ in _VERB_POS or t.pos_ == ""
    if kind == "noun":
        return t.pos_ in {"NOUN", "PROPN", "DET", "PRON", ""} or not t.is_alpha
    return True


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[Found]:
    """All attributions of one sentence."""
    cues = find_cues(doc, sent, lex, tagged)
    if not cues:
        colon = _headline_colon(SentenceRules(doc, sent, lex, tagged))
        return [colon] if colon else []
    if doc.has_annotation("DEP") and "dependency" in lex.word_class("rules"):
        from claimledger.nlp.components import dependency

        parsed = dependency.sentence_attributions(doc, sent, lex, cues)
        if parsed is not None:
            return _fold_hearsay(parsed)
    r = SentenceRules(doc, sent, lex, tagged)
    starts = [c0 for c0, _, _ in cues]
    r.cue_starts = set(starts)
    out: list[Found] = []
    subject: Range | None = None
    question = r.e < sent.end and doc[sent.end - 1].text == "?"
    for c0, c1, cue in cues:
        if cue.kind in {"verb", "noun"} and cue.certainty != "estimated" and r.negated(c0):
            continue  # 'har inte kommenterat', 'inga uppgifter om': nothing is put forward
        if question and c0 == r.s:
            continue  # 'Tror du att ...?': a question puts nothing forward
        later = [x for x in starts if x > c0]
        found = _RULES[cue.kind](r, c0, c1, cue, later)
        shared = c0 > r.s and doc[c0 - 1].lower_ in r.conj and subject is not None
        if shared and found is not None and found.kind in {"verb", "self"}:
            found = replace(found, source=subject)  # 'Partiet förnekar det och säger att ...': one subject
        if cue.kind in {"verb", "self", "evidence"} and not shared:
            subject = found.source if found and found.source else r.np_before(c0)
        if found is None or found.content[0] >= found.content[1]:
            continue
        if found.source and doc[found.source[0]].lower_ in r.negation:
            continue  # 'varken polisen eller SOS Alarm rapporterade'
        if found.source is None and found.kind == "verb" and found.certainty == "asserted":
            found = replace(found, certainty="reported")  # 'det är uttalat att': nobody named
        out.append(found)
    return _fold_hearsay(out)


def bracket_around(d: Doc, s: int, e: int, c0: int, c1: int) -> Range | None:
    """The inside of the round bracket that tokens ``c0 .. c1`` stand in, within tokens ``s .. e``."""
    i = c0 - 1
    while i >= s and d[i].text not in "()":
        i -= 1
    if i < s or d[i].text != "(":
        return None
    j = c1
    while j < e and d[j].text not in "()":
        j += 1
    return (i + 1, j) if j < e and d[j].text == ")" else None


def _rule_prep(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    before = d[c0 - 1] if c0 > r.s else None
    at_start = (before is None or before.lower_ in r.conj or before.text in r.dashes
                or before.text == ":" or r.is_quote(before))
    source = r.np_after(c1, r.e, "prep")
    if source is None:
        return None
    certainty = cue.certainty
    w = r.lex.word_class
    if (source[1] - source[0] > 2 and d[source[0]].lower_ in w("hearsay_noun")
            and d[source[0] + 1].lower_ in w("hearsay_prep")):
        # 'enligt uppgifter från X': X is the source, and what it says is hearsay
        source, certainty = (source[0] + 2, source[1]), "reported"
    cue = replace(cue, certainty=certainty)
    if at_start:
        i = source[1]
        if i < r.e and d[i].text == ",":
            i += 1
            if i < r.e and d[i].lower_ in r.rel:  # ', som kontrolleras av Hamas,'
                while i < r.e and d[i].text != ",":
                    i += 1
                i += 1
        content = r.trim((i, r.clause_end(i, later)))
        if content is None:
            return None
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "prep-first")
    inside = bracket_around(r.doc, r.s, r.e, c0, source[1])
    if inside:  # '(öst, 15 000 enligt facken)': the phrase speaks for its bracket only
        content = r.trim((inside[0], c0)) or r.trim((source[1], inside[1]))
        return Found((c0, c1), content, source, certainty, cue.kind, "prep-bracket") if content else None
    start = r.clause_start(c0)
    head = r.trim((start, c0))
    tail = r.trim((source[1], r.e)) if source[1] < r.e - 1 else None
    if head is None:
        return None
    if tail and d[c0 - 1].text != "," and d[source[1]].text != ",":
        # 'Gruppen ska enligt Gladkov ha attackerat två byar': no commas set the phrase off, so the
        # claim is the whole clause around it
        comps = [x for x in range(start, c0) if d[x].lower_ in r.comp]
        if comps:  # 'skriver att roboten enligt X ska ...': the embedded claim starts after 'att'
            start = comps[-1] + 1
        whole = r.trim((start, r.clause_end(source[1], later)))
        if whole:
            return Found((c0, c1), whole, source, certainty, cue.kind, "prep-embedded")
    if tail and tail[1] - tail[0] > head[1] - head[0]:
        return Found((c0, c1), tail, source, cue.certainty, cue.kind, "prep-middle", (head,))
    return Found((c0, c1), head, source, cue.certainty, cue.kind, "prep-last", (tail,) if tail else ())


DENIED_NP = 5
"""Longest noun phrase (tokens) taken as what a denial verb denies, without an *att* clause."""


def _rule_verb(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    after = c1
    if after < r.e and d[after].text == ":":
        content = r.trim((after + 1, r.e))
        source = r.np_before(c0)
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-colon") if content else None
    prev = c0 - 1
    while prev >= r.s and r.is_quote(d[prev]):
        prev -= 1
    if prev >= r.s and (d[prev].text in {",", "!", "?"} or d[prev].text in r.dashes) and prev > r.s:
        # 'Y, säger X.' / '"Y," said X.'
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim((r.skip_open(r.s, prev), prev))
        if content and source and r.nominal(source) and r.find_comp(source[1], r.e) is None:
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-inverted")
    if c0 == r.s and d[c0].is_lower and r.sent_before is not None:
        # 'Ryssland kommer bli fritt! skanderar en av soldaterna': the claim is the sentence before
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim(r.sent_before)
        if content and source and r.nominal(source):
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-inverted")
    if c0 == r.s + 1 and d[r.s].lower_ in r.anaphor and r.sent_before is not None:
        # 'Nordkorea har skickat 10 000 soldater. Det uppger militären.': the claim is the sentence before
        source = r.np_after(c1, r.e, "inverted")
        content = r.trim(r.sent_before)
        if content and source and r.nominal(source) and r.find_comp(source[1], r.e) is None:
            return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-anaphoric")
    comma = next((x for x in range(c0 - 1, r.s, -1) if d[x].text == ","), None)
    if comma is not None and c0 - comma <= 6:
        # 'Y, X said.' with only a short tail after the cue
        source = r.trim((comma + 1, c0))
        tail = r.e - c1
        if source and tail <= 4 and r.find_comp(c1, r.e) is None and not any(
            r.is_verb(d[x]) for x in range(source[0], source[1])
        ):
            content = r.trim((r.skip_open(r.s, comma), comma))
            if content:
                return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-final")
    comp = r.find_comp(c1, r.e)
    if c1 - c0 > len(cue.words):  # a split particle verb: its subject is the words inside the cue
        start = c1 + 1 if comp == c1 else c1
        content = r.trim((start, r.clause_end(start, later)))
        inside = r.trim((c0 + 1, c1 - len(cue.words) + 1))
        if content is None or inside is None:
            return None
        return Found((c0, c1), content, inside, cue.certainty, cue.kind, "verb-split")
    if comp is not None:
        source = r.subject_between(c1, comp) or r.np_before(c0)
        content = r.trim((comp + 1, r.clause_end(comp + 1, later)))
        if content is None:
            return None
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-that")
    source = r.np_before(c0)
    start = r.recipient_end(c1, r.e)
    content = r.trim((start, r.clause_end(start, later)))
    # 'Kreml förnekar uppgifterna': what a denial denies may be a short noun phrase
    denied_np = (cue.certainty == "denied" and content is not None and content[1] - content[0] <= DENIED_NP
                 and not any(r.is_verb(d[x]) for x in range(*content)))
    if source is None or content is None or (content[1] - content[0] < 2 and not denied_np):
        return None
    quoted = r.is_quote(d[start]) if start < r.e else False
    if r.bare and not quoted and " ".join(cue.words) not in r.bare and not denied_np:
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "verb-bare")


def _rule_passive(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    end = r.clause_end(c1, later)
    comma = next((x for x in range(c0 - 1, r.s - 1, -1) if d[x].text == ","), r.s - 1)
    if any(d[x].lower_ in r.rel for x in range(comma + 1, c0)):
        # 'Fartyget, som … och tros tillhöra skuggflottan, är misstänkt': a relative clause ends at its comma
        end = next((x for x in range(c1, end) if d[x].text == ","), end)
    if c0 > r.s and d[c0 - 1].lower_ in r.rel:
        # 'Fartyget som misstänks ligga bakom kabelbrotten har flyttats': with no comma, the relative
        # clause ends where the main clause's auxiliary and verb begin
        end = next((x for x in range(c1 + 1, end - 1) if d[x].pos_ == "AUX" and d[x + 1].pos_ in {"VERB", "AUX"}),
                   end)
        content = r.trim((c1, end))
        return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive-relative") if content else None
    start = r.clause_start(c0)
    if c0 > r.s and (d[c0 - 1].lower_ in r.conj or d[c0 - 1].text == ","):
        # '... uppges ha hittats och sägs avslöja hemligheter': the second clause starts at its cue;
        # 'Fartyget, som …, är misstänkt för att': so does a predicate after an inserted clause
        start = c0
    subordinate = r.lex.word_class("subordinator")
    start = next((x + 1 for x in range(c0 - 1, start - 1, -1)
                  if d[x].lower_ in subordinate and d[x].pos_ == "SCONJ"), start)
    # '…, after it was suspected to have …': the claim is the subordinate clause, not the sentence
    content = r.trim((r.skip_open(start, c0), end))
    return Found((c0, c1), content, None, cue.certainty, cue.kind, "passive") if content else None


def _rule_noun(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    content = r.trim((c1, r.clause_end(c1, later)))
    if content is None:
        return None
    source = None
    for x in range(r.s, c0):
        if d[x].lower_ in r.source_prep:
            source = r.np_after(x + 1, c0, "inverted")
            break
    return Found((c0, c0 + 1), content, source, cue.certainty, cue.kind, "noun")


def _rule_evidence(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    d = r.doc
    if cue.words[-1] in r.source_prep:
        comp = r.find_comp(c1, r.e)
        source = r.np_after(c1, comp if comp is not None else r.e, "inverted")
        if comp is None or source is None:
            return None
        content = r.trim((comp + 1, r.clause_end(comp + 1, later)))
        return Found((c0, c1), content, source, cue.certainty, cue.kind, "evidence-by") if content else None
    source = r.np_before(c0)
    if source and source[1] - source[0] == 1 and d[source[0]].lower_ in r.lex.word_class("subject_pronoun"):
        source = None if d[source[0]].lower_ in {"det", "it"} else source
    bare = len(cue.words) == 1  # 'visar' alone: evidence only before 'att' or a colon ('siffror visar:')
    if bare and not (c1 < r.e and (d[c1].lower_ in r.comp or d[c1].text == ":")):
        return None
    start = c1 + 1 if c1 < r.e and (d[c1].lower_ in r.comp or d[c1].text == ":") else c1
    content = r.trim((start, r.clause_end(start, later)))
    if content is None or (source is None and cue.words[-1] not in r.comp and "det" not in cue.words):
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "evidence")


def _rule_self(r: SentenceRules, c0: int, c1: int, cue: Cue, later: list[int]) -> Found | None:
    source = r.np_before(c0)
    start = c1
    if source is None or (source[1] - source[0] == 1 and r.doc[source[0]].lower_ in r.stop):
        # V2: 'därefter säger sig specialstyrkorna ha hittat': the subject follows the cue
        source = r.np_after(c1, r.e, "inverted")
        start = source[1] if source else c1
    content = r.trim((start, r.clause_end(start, later)))
    if source is None or content is None:
        return None
    return Found((c0, c1), content, source, cue.certainty, cue.kind, "self")


def colon_lead(doc: Doc, lex: Lexicon, tagged: bool) -> Found | None:
    """'Överste Park sa:' closing a paragraph: the cue and source of what the next paragraph says.

    The content is left empty ((end, end)) for the caller to fill with the next paragraph.
    """
    toks = [t for t in doc if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    sent = toks[-1].sent
    colon = toks[-1].i
    r = SentenceRules(doc, sent, lex, tagged)
    cues = [c for c in find_cues(doc, sent, lex, tagged) if c[2].kind in {"verb", "self"} and c[1] <= colon
            and not any(doc[x].lower_ in r.comp or r.is_quote(doc[x]) or r.is_verb(doc[x])
                        for x in range(c[1], colon))]  # 'sa på en pressträff:', 'told reporters:'
    if not cues:
        return None
    c0, c1, cue = cues[-1]
    source = r.np_before(c0) or r.np_after(c1, colon, "inverted")
    if source is None:
        return None
    return Found((c0, c1), (colon + 1, colon + 1), source, cue.certainty, cue.kind, "colon-lead")


def _headline_colon(r: SentenceRules) -> Found | None:
    """'Wagnerchef: Vi har intagit hela Bachmut': a short name, a colon, then what they say."""
    d = r.doc
    colon = next((x for x in range(r.s + 1, min(r.e, r.s + 5)) if d[x].text == ":"), None)
    if colon is None or r.s != 0 or not (d[r.s].is_title or d[r.s].is_upper):
        return None
    source = r.trim((r.s, colon))
    end = len(d)  # a speaker's line: what follows the colon to the end of the paragraph
    while end > colon + 1 and d[end - 1].is_space:
        end -= 1
    content = r.trim((colon + 1, end))
    if source is None or content is None or content[1] - content[0] < 3:
        return None
    if any(d[x].lower_ in r.lex.word_class("colon_not_source") for x in range(*source)):
        return None  # 'FOTO: KRT/AP', 'Read more: ...'

    if any(r.is_verb(d[x]) or d[x].is_digit for x in range(*source)) or not r.nominal(source):
        return None
    if r.tagged and not any(d[x].pos_ in {"PROPN", "NOUN"} for x in range(*source)):
        return None
    return Found((colon, colon + 1), content, source, "asserted", "colon", "headline-colon")


_RULES = {
    "prep": _rule_prep,
    "verb": _rule_verb,
    "passive": _rule_passive,
    "modal": _rule_passive,
    "adverb": _rule_passive,
    "noun": _rule_noun,
    "evidence": _rule_evidence,
    "self": _rule_self,
}

_FOLDING = {"modal", "adverb"}


def _fold_hearsay(found: list[Found]) -> list[Found]:
    """A hearsay modal inside another attribution's content is that attribution's hedge, not a claim of its own.

    *Minst 30 personer ska ha dödats, rapporterar AP*: AP reports hearsay, so AP's entry becomes
    'reported' and no separate sourceless entry is made. Only the innermost host takes the hedge:
    in *CNN skriver: enligt en tjänsteman ska roboten ha avfyrats*, the official's claim is hearsay,
    CNN's relay of it is not.
    """
    hedged: dict[int, Found] = {}
    keep: list[Found] = []
    for f in found:
        hosts = [g for g in found if g is not f and g.kind not in _FOLDING
                 and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]] if f.kind in _FOLDING else []
        if not hosts:
            keep.append(f)
            continue
        def depth(g: Found, hosts: list[Found] = hosts) -> int:  # how many other hosts relay g itself
            return sum(1 for h in hosts if h is not g and h.content[0] <= g.cue[0] < h.content[1])

        # the narrowest host, and among equally narrow ones the most deeply relayed (the first on a
        # tie); depth is counted only for the narrowest, not for every host
        narrow = min(g.content[1] - g.content[0] for g in hosts)
        host = max((g for g in hosts if g.content[1] - g.content[0] == narrow), key=depth)
        hedged.setdefault(id(host), f)
    out = []
    for g in keep:
        inner = hedged.get(id(g))
        if inner is not None and g.certainty == "asserted":
            g = replace(g, certainty=inner.certainty)
        out.append(g)
    return out
