"""Where PolNeAR's annotators draw the line between a cue and its content (setting ``contents=polnear``).

PolNeAR's cue is the verb with the preposition that opens its topic (*talked about | the plan*,
*weighed in on | the picks*), and its annotators mark cues no word list holds: the frames of
``lang/en/polnear_frames.tsv``, counted on PolNeAR train by ``scripts/polnear_frames.py`` (*released
| a statement*, *issued | a report*). FORMAT.md's gold sets draw neither line, so nothing here runs
under the default.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from claimledger.lang import table
from claimledger.nlp.components.found import Found
from claimledger.nlp.lexicon import Cue, Lexicon

Frame = tuple[str, str, str, str]
"""A word's form, its coarse tag, whether it has a subject (S), a passive subject (P) or none (-), and what it
takes first: a clause (ccomp), an infinitive (xcomp), an object (dobj), a preposition (prep:<word>) or nothing."""
_KINDS = {"VERB": "verb", "NOUN": "noun"}
_TAKES = ("ccomp", "xcomp", "dobj")


def _marker_to_content(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """PolNeAR's convention: a cue form that ends in the word opening its content (*show that*, *plan to*)
    is the verb, and that word opens the content (*plans | to run*), as PolNeAR's annotators mark it; a
    cue that a preposition ends (*referring to*) keeps it."""
    out = []
    for f in found:
        c0, c1 = f.cue
        t = doc[c1 - 1]
        if (c1 - c0 > 1 and f.content[0] == c1 and doc[c1 - 2].pos_ in {"VERB", "AUX"}
                and (t.tag_ == "TO" or (t.lower_ in lex.word_class("complementizer") and t.dep_ == "mark"))):
            parts = tuple((c1 - 1, e) if s == c1 else (s, e) for s, e in f.parts)
            f = replace(f, cue=(c0, c1 - 1), content=(c1 - 1, f.content[1]), parts=parts)
        out.append(f)
    return out


def polnear_bounds(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """Cue and content bounded as PolNeAR marks them: the word that opens a content goes to it, the
    preposition of a topic to the cue, the complementizer left outside both to the content."""
    return _opening_mark(topic_to_cue(_marker_to_content(found, doc, lex), doc, lex), doc, lex)


def _opening_mark(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """PolNeAR's content keeps the complementizer that opens its clause (*her insistence | that X*, *fears |
    that X*): where the rules left it between the cue and the content, outside both, the content takes it
    back, if the parse has it mark a verb inside the content (on PolNeAR train, all 840 articles, exact
    content F1 .6177 -> .6193, strict and content unchanged)."""
    comp = lex.word_class("complementizer")
    out = []
    for f in found:
        lo, hi = f.content
        if lo > f.cue[1] and not f.parts:
            t = doc[lo - 1]
            if t.lower_ in comp and t.dep_ == "mark" and lo <= t.head.i < hi:
                f = replace(f, content=(lo - 1, hi))
        out.append(f)
    return out


def topic_to_cue(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """A content that opens with the preposition of the cue's topic (``topic_prep``) and is that topic
    opens after it, and the preposition joins the cue it follows (*complained about | the rules*); one
    that words stand between keeps the cue as it was (*asked on Monday about | the rules*)."""
    preps = lex.word_class("topic_prep")
    out = []
    for f in found:
        c0, c1 = f.cue
        lo, hi = f.content
        if lo >= c1 and hi - lo > 1 and not f.parts:
            cut = _after_topic_prep(doc, c0, c1, lo, hi, preps)
            if cut is not None:
                f = replace(f, cue=(c0, cut) if lo == c1 else f.cue, content=(cut, hi))
        out.append(f)
    return out


def _after_topic_prep(doc: Doc, c0: int, c1: int, lo: int, hi: int, preps: frozenset[str]) -> int | None:
    """Where the topic starts when the content is the cue's prepositional phrase and little more."""
    first = doc[lo]
    if (first.dep_ == "prep" and first.lower_ in preps and c0 <= first.head.i < c1
            and hi <= first.right_edge.i + 2):  # the content is the topic, not a clause the date opens
        return lo + 1 if lo + 1 < hi else None  # 'complained | about the rules'
    return None


def frame(t: Token) -> Frame:
    """The frame of ``t`` as ``polnear_frames.tsv`` keys it (``scripts/polnear_frames.py`` writes it)."""
    deps = {c.dep_ for c in t.children}
    subject = "S" if "nsubj" in deps else "P" if "nsubjpass" in deps else "-"
    takes = next((d for d in _TAKES if d in deps), None)
    if takes is None:
        preps = [c.lower_ for c in t.children if c.dep_ == "prep"]
        takes = "prep:" + min(preps) if preps else "none"
    return (t.lower_, t.pos_, subject, takes)


def learned_frames(lex: Lexicon) -> dict[Frame, Cue]:
    """The frames ``polnear_frames.tsv`` keeps, each with the cue it makes (a verb or a stance noun)."""
    return lex.derived("polnear_frames", _read_frames)


def learned_verbs(lex: Lexicon) -> frozenset[str]:
    """The verb forms of the learned frames: their noun-phrase object is their content, as for PolNeAR's own cues."""
    return lex.derived("polnear_frame_verbs", lambda x: frozenset(
        f[0] for f, c in learned_frames(x).items() if c.kind == "verb"))


def _read_frames(lex: Lexicon) -> dict[Frame, Cue]:
    out: dict[Frame, Cue] = {}
    for row in table(lex.lang, "polnear_frames.tsv"):
        form, pos, subject, takes = row[0], row[1], row[2], row[3]
        if pos in _KINDS:
            out[(form, pos, subject, takes)] = Cue((form,), form, _KINDS[pos], "asserted")
    return out


def learned_forms(lex: Lexicon) -> frozenset[str]:
    """Every form the learned frames name, and the prepositions of a source phrase: a word not among
    them needs no frame built."""
    return lex.derived("polnear_frame_forms", lambda x: frozenset(f[0] for f in learned_frames(x))
                       | x.word_class("source_in_polnear"))


def learned_cue(t: Token, lex: Lexicon) -> Cue | None:
    """The cue a word makes in its frame, or as the preposition of a source phrase (the caller reads it
    under PolNeAR's convention only)."""
    if t.pos_ in _KINDS:
        return learned_frames(lex).get(frame(t))
    return _source_phrase(t, lex)


def _source_phrase(t: Token, lex: Lexicon) -> Cue | None:
    """*In a CNN poll last month, she led by ten points*: a preposition (``source_in_polnear``) that opens its
    sentence, set off by a comma, whose object is a poll, a study or someone's words (``evidence_source``,
    ``source_in_noun_polnear``) names the source of the clause after it, as *according to* does; PolNeAR's
    annotators mark it so. Inside a clause (*leads in the polls*) the clause it speaks for is no clear one."""
    if t.dep_ != "prep" or t.lower_ not in lex.word_class("source_in_polnear"):
        return None
    d, after = t.doc, t.right_edge.i + 1
    if t.i != t.sent.start or after >= t.sent.end or d[after].text != ",":
        return None  # only the phrase that opens its sentence, set off by a comma, speaks for all of it
    nouns = lex.word_class("evidence_source") | lex.word_class("source_in_noun_polnear")
    if not any(c.dep_ == "pobj" and c.lower_ in nouns for c in t.children):
        return None
    return Cue((t.lower_,), t.lower_, "prep", "asserted")
