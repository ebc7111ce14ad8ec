"""Cues -> attributions: who (source) says what (content) through which words (cue).

The one dispatcher over the two rule engines: a sentence's cues (``sentence.find_cues``) go to
the dependency rules where the language's pipeline parses and its data asks for them
(``rules  dependency`` in ``lang/<code>/words.tsv``), else, and for what those hand back, to
the surface rules. A sentence with no cue may still be a headline's *X: Y*.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from claimledger.nlp.components import dependency
from claimledger.nlp.components.found import Found, fold_hearsay
from claimledger.nlp.components.polnear import polnear_bounds
from claimledger.nlp.components.polnear_learned import kept, proposed
from claimledger.nlp.components.quotes import quote_regions
from claimledger.nlp.components.relays import relayed
from claimledger.nlp.components.sentence import SentenceRules, find_cues
from claimledger.nlp.components.surface import headline_colon, surface_attributions
from claimledger.nlp.lexicon import Lexicon
from claimledger.settings import contents_convention


def sentence_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[Found]:
    """All attributions of one sentence. Under PolNeAR's convention the learned models weigh in: the filter
    drops what the annotators seldom mark, and the proposer adds acts that no cue names, judged beside
    what the rules found."""
    found = [_whole_coordination(doc, f, lex) for f in _rule_attributions(doc, sent, lex, tagged)]
    if contents_convention() != "polnear":
        topic = lex.derived("topic_or_target", lambda lx: lx.word_class("topic_prep") | lx.word_class("target_prep"))
        dates = lex.derived("dates", lambda lx: lx.word_class("weekday") | lx.word_class("month"))
        generic = lex.word_class("generic_holder")
        adverbial = lex.word_class("adverbial_subordinator")
        return [f for f in found if _worded(doc, f) and not _topic_only(doc, f, topic)
                and not _dated(doc, f, dates) and not _supposed_holder(doc, f, generic)
                and not (f.rule == "verb-bare" and doc[f.content[0]].lower_ in adverbial)  # 'acknowledged after …'
                and not _placed(doc, f) and not _taken(doc, f, lex) and not _relative_only(doc, f, lex)
                and not _free_relative(doc, f, lex) and not _conjunct_only(doc, f, lex)
                and not _counterfactual(doc, f, lex) and not _writers_own(doc, f, lex) and not _attributive(doc, f)]
    extra = proposed(doc, sent, lex, found) if doc.has_annotation("DEP") else []
    return kept(found, doc, lex) + extra


def _worded(doc: Doc, f: Found) -> bool:
    """Whether the cue has a word. FORMAT.md's cue is a phrase: no gold set of that convention (the owners',
    and five blind annotators' on headlines, transcripts and columns) writes a bare colon or dash as
    one (*Obama: I'm optimistic …*, *RAMOS: Secretary Clinton, …*), and the scorer could never credit
    one. PolNeAR's annotators mark such lines, so its convention keeps them."""
    return any(not t.is_punct and not t.is_space for t in doc[f.cue[0] : f.cue[1]])


def _dated(doc: Doc, f: Found, dates: frozenset[str]) -> bool:
    """Whether the source is only a day or a month (*Wednesday added one more development to the list*):
    a time made the subject of a verb that is no cue there; a day says nothing."""
    if f.source is None:
        return False
    words = [t for t in doc[f.source[0] : f.source[1]] if not t.is_punct]
    return bool(words) and all(t.lower_ in dates for t in words)


def _relative_only(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """A content that is only a relative word (*the stories that people talked about*: *that*) names what the
    clause describes, not a claim; nothing resolves it to one."""
    lo, hi = f.content
    return hi - lo == 1 and doc[lo].lower_ in lex.word_class("relative")


def _free_relative(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """*What the minister said makes sense*, *Jane, what you say is right*: a cue whose object is a
    ``what_relative`` word standing before it names what was said without saying it; nothing in the
    sentence is its claim (the rest is the writer's judgement of it)."""
    if not doc.has_annotation("DEP"):
        return False
    words = lex.word_class("what_relative")
    cue = doc[f.cue[0]:f.cue[1]]
    label = lex.word_class("as_clause")
    if any(c.i >= f.cue[1] and (c.dep_ not in {"prep", "punct", "advmod", "npadvmod"} or c.lower_ in label)
           for t in cue for c in t.children):
        return False  # 'what he called the Evil Empire', 'what he acknowledged as a rant': the label is his
    return any(c.i < f.cue[0] and c.dep_ in {"dobj", "obj"} and c.lower_ in words for t in cue for c in t.children)


def _counterfactual(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """*One could have predicted that X*, *He would have said that X, had he been asked*: a cue in the perfect
    under a ``counterfactual_modal`` says what someone might have said or thought, not what anyone did."""
    if not doc.has_annotation("DEP"):
        return False
    v = next((t for t in doc[f.cue[0]:f.cue[1]] if t.tag_ == "VBN"), None)
    if v is None:
        return False
    aux = {c.lower_ for c in v.children if c.dep_ == "aux" and c.i < v.i}
    return bool(aux & lex.word_class("counterfactual_modal")) and bool(aux & lex.word_class("perfect_aux"))


def _writers_own(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """*Now, I would argue that X*: the writer's first-person cue (``first_person``) in the present outside
    quotation marks, where the surface rules read the sentence (the parse's rules drop it as
    ``tree.writers_hedge``)."""
    if f.source is None or f.source[1] - f.source[0] != 1 or doc[f.source[0]].lower_ not in lex.word_class(
            "first_person") or not any(t.tag_ in {"VBP", "VB"} for t in doc[f.cue[0]:f.cue[1]]):
        return False
    return quote_regions(doc, lex).region(f.cue[0]) is None


def _attributive(doc: Doc, f: Found) -> bool:
    """*millions left homeless and estimated damages as high as $10 billion*: a participle that modifies the
    noun after it (``amod``) describes the noun; no one is said to estimate anything."""
    if not doc.has_annotation("DEP") or f.cue[1] - f.cue[0] != 1:
        return False
    t = doc[f.cue[0]]
    while t.dep_ == "conj" and t.head.i < t.i:  # 'homeless and estimated damages': the conjunct of a modifier
        t = t.head
    noun = t.head
    return (t.dep_ == "amod" and noun.i > f.cue[0] and noun.pos_ == "NOUN"
            and not (f.source is not None and f.source[0] <= noun.i < f.source[1]))  # ', added KCNA': a speaker


def _conjunct_only(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """*Not always do those three agree, and not always are their decisions equal*: a bare verb whose
    content opens with a coordinating conjunction (``clause_coordinator``) has no object of its own; the
    clause after the conjunction is the writer's next statement, not what the subject says."""
    return f.rule == "verb-bare" and doc[f.content[0]].lower_ in lex.word_class("clause_coordinator")


def _whole_coordination(doc: Doc, f: Found, lex: Lexicon) -> Found:
    """*all of our friends and all of our acquaintances would say*: a source that ends in a coordinating
    conjunction (``clause_coordinator``; the parser made each conjunct a subject of its own) runs on
    through the next conjunct up to the cue's auxiliaries; with no noun phrase there, it ends before
    the conjunction. A source never ends in *and*."""
    if f.source is None or f.source[1] - f.source[0] < 2 or doc[f.source[1] - 1].lower_ not in lex.word_class(
            "clause_coordinator"):
        return f
    end = f.source[1]
    while end < f.cue[0] and doc[end].pos_ not in {"VERB", "AUX"} and not doc[end].is_punct:
        end += 1
    if end == f.source[1] or (end < f.cue[0] and doc[end].pos_ != "AUX"):
        end = f.source[1] - 1  # nothing nominal follows: the conjunction is not the source's
    while end > f.source[0] and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return replace(f, source=(f.source[0], end))


def _placed(doc: Doc, f: Found) -> bool:
    """*Lerer reported from Los Angeles*, *who reports live from the field*, *said Monday in an interview*: a
    bare verb whose content is only a phrase opening with a preposition (past an adverb or a time or two),
    with no verb in it, says where, when or how the speaker spoke, not what (a topic's preposition, *warned
    of X*, is ``_topic_only``'s)."""
    if f.rule != "verb-bare" or not doc.has_annotation("TAG"):
        return False
    words = doc[f.content[0]:f.content[1]]
    lead = next((t for t in words if t.pos_ not in {"ADV", "ADJ"} and t.dep_ not in {"advmod", "npadvmod"}), None)
    return lead is not None and lead.pos_ == "ADP" and not any(
        t.pos_ in {"VERB", "AUX"} for t in words if t.i > lead.i)


def _taken(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """*from claiming the nomination*, *claimed the lives of 158 people*: a verb that also means taking
    (``taking_verb``) with a thing taken as its object (``taken_noun``) claims nothing."""
    if f.rule not in {"verb-bare", "dep-object"} or doc[f.cue[0]].lower_ not in lex.word_class("taking_verb"):
        return False  # 'claimed the nomination is a Hail Mary play': a clause is a claim whatever it opens with
    words = [t for t in doc[f.content[0]:f.content[1]] if t.is_alpha and t.pos_ not in {"DET", "ADJ", "PRON"}]
    return bool(words) and words[0].lower_ in lex.word_class("taken_noun")


def _supposed_holder(doc: Doc, f: Found, generic: frozenset[str]) -> bool:
    """*Anyone who thinks the war is over is wrong*, *Anyone expecting X will be disappointed*: a cue in a
    clause that describes an indefinite pronoun (``generic_holder``) names a holder no one is, only a
    supposed one; the sentence is the writer's, and FORMAT.md's gold sets write no entry for it."""
    if not generic or not doc.has_annotation("DEP"):
        return False
    v = next((t for t in doc[f.cue[0]:f.cue[1]] if t.pos_ in {"VERB", "AUX"}), None)
    return v is not None and v.dep_ in {"relcl", "acl"} and v.head.lower_ in generic


def _topic_only(doc: Doc, f: Found, topic: frozenset[str]) -> bool:
    """Whether the content is only what the cue is about, a topic preposition's phrase on the cue
    (``topic_prep``: *speculated about the cost*, *weighed in on the allegations*): a subject, not a
    claim, and no FORMAT.md gold set writes one as a content."""
    t = doc[f.content[0]]
    if not (t.dep_ == "prep" and t.lower_ in topic and f.cue[0] <= t.head.i < f.cue[1]):
        return False
    # what follows the phrase, if anything, is more adjuncts of the cue ('lashed out at X on Facebook')
    rest = [c for c in t.head.children if c.i > t.right_edge.i and c.i < f.content[1] and not c.is_punct]
    return all(c.dep_ in {"prep", "npadvmod", "advmod"} for c in rest) and (
        max([t.right_edge.i, *(c.right_edge.i for c in rest)]) + 1 >= f.content[1])


def _rule_attributions(doc: Doc, sent: Span, lex: Lexicon, tagged: bool) -> list[Found]:
    cues = find_cues(doc, sent, lex, tagged)
    if not cues:
        colon = headline_colon(SentenceRules(doc, sent, lex, tagged))
        return [colon] if colon else []
    if doc.has_annotation("DEP") and "dependency" in lex.word_class("rules"):
        parsed = dependency.sentence_attributions(doc, sent, lex, cues)
        if parsed is not None:
            return _without_complementizer(relayed(fold_hearsay(parsed), doc, lex), doc, lex)
    return _without_complementizer(surface_attributions(doc, sent, lex, tagged, cues), doc, lex)


def _without_complementizer(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """A content after its cue opens after its complementizer (*said that | the bridge fell*), as
    FORMAT.md's gold sets write it in every language; PolNeAR's convention (``contents=polnear``)
    keeps it. A clause that is itself the claim's subject, before the cue, keeps its own."""
    comp = lex.word_class("complementizer")
    if contents_convention() == "polnear":
        return polnear_bounds(found, doc, lex)
    if not comp:
        return found
    out = []
    for f in found:
        lo, hi = f.content
        t = doc[lo] if hi - lo > 1 and f.cue[1] <= lo else None  # *Att X var väntat, enligt Y* keeps it
        if t is not None and t.lower_ in comp and (t.dep_ == "mark" or t.pos_ == "SCONJ"):
            parts = tuple((lo + 1, e) if s == lo else (s, e) for s, e in f.parts)
            f = replace(f, content=(lo + 1, hi), parts=parts)
        out.append(f)
    return out
