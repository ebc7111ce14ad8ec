"""What PolNeAR's annotators would mark, by two learned models (setting ``contents=polnear`` only).

PolNeAR's annotators mark any act or stance a person or a group takes towards a proposition or a thing.
The rules find about two thirds of what they mark on PolNeAR train, and a quarter of what the rules find
there is no gold attribution; the rest of the gold is a long tail of acts, each word seen once or twice
(*lobbied for X*, *his praise of X*), that no word list holds. Whether the annotators mark an act is a
matter of the word in its frame (*called for X* is marked, *called X* far less), of what it takes and
who does it, more than of any list. Two logistic regressions over hashed features of that neighbourhood
(lower-case words, tags, dependency labels) weigh in:

* the filter (``kept``, ``lang/en/polnear_filter.tsv``) scores each attribution the rules hand over by
  the rule that read it, its cue word in its frame and what it took as source and content
  (``features``); one scoring below the table's threshold is dropped;
* the proposer (``proposed``, ``lang/en/polnear_proposer.tsv``) looks at every verb of a parsed
  sentence that no cue covers, once for each argument that can be a content (its object, its clause,
  its infinitive, the object of its preposition: more than half of the acts the rules miss have one of
  these as content), and one scoring at or over the threshold becomes an attribution: source its
  subject, cue the verb (with the preposition that opens its topic, as PolNeAR marks it), content the
  argument's subtree; one per verb, its best argument. Nouns and adjectives are left out for speed:
  they were a third of the candidates and the proposer's time, and on train 1.3% (nouns) and 0.3%
  (adjectives) of them are gold acts the rules miss, against 3-6% of a verb's arguments.

Both tables are trained by ``scripts/polnear_learned.py`` on PolNeAR train only (thresholds chosen on
folds of train by article); their headers are the model cards. Nothing here runs under FORMAT.md's
convention, and without the tables nothing is dropped or proposed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from zlib import crc32

from spacy.attrs import IS_QUOTE, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span, Token

from claimledger.lang import table
from claimledger.nlp.components.found import Found, Range
from claimledger.nlp.lexicon import Lexicon

_FILTER = "polnear_filter.tsv"
_PROPOSER = "polnear_proposer.tsv"
_SEEN = 200_000


@dataclass(frozen=True, slots=True)
class FilterModel:
    """Hashed feature weights: a feature's weight is ``weights.get(crc32(feature) % buckets, 0)``."""

    buckets: int
    bias: float
    threshold: float
    weights: dict[int, float]
    gate: float = -math.inf
    """The proposer's cascade: a word whose own features give a logit below this has none of its arguments
    scored (the script sets it under the lowest such logit of any word it proposes on train)."""
    seen: dict[str, float] = field(default_factory=dict, compare=False)
    """Each feature string's weight once looked up: most recur (*pos=VERB*, *arg=dobj*) and hashing costs."""

    def probability(self, feats: list[str]) -> float:
        """How likely the annotators marked an attribution with these features, by the model."""
        return self.sigmoid(self.bias + self.partial(feats))

    def partial(self, feats: list[str]) -> float:
        """The features' share of the logit (a candidate's word's share is summed once for all its arguments)."""
        seen = self.seen
        if len(seen) > _SEEN:
            seen.clear()  # a long-running process reads many words once: keep the memory bounded
        z = 0.0
        for x in feats:
            v = seen.get(x)
            if v is None:
                v = seen[x] = self.weights.get(crc32(x.encode()) % self.buckets, 0.0)
            z += v
        return z

    @staticmethod
    def sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def read_model(lang: str | None, name: str) -> FilterModel | None:
    """The hashed logistic regression of ``lang/<lang>/<name>``, or None where there is none: rows
    ``buckets``, ``bias``, ``threshold`` (and the proposer's ``gate``) with their value, then one row per
    bucket with a weight."""
    head: dict[str, float] = {}
    weights: dict[int, float] = {}
    for row in table(lang, name):
        if row[0].isdigit():
            weights[int(row[0])] = float(row[1])
        else:
            head[row[0]] = float(row[1])
    if not weights or "buckets" not in head:
        return None
    return FilterModel(int(head["buckets"]), head.get("bias", 0.0), head.get("threshold", 0.0), weights,
                       head.get("gate", -math.inf))


def _model(lex: Lexicon, name: str) -> FilterModel | None:
    """The lexicon's filter or proposer, read once."""
    return lex.derived(name, lambda x: read_model(x.lang, name))


def kept(found: list[Found], doc: Doc, lex: Lexicon) -> list[Found]:
    """The attributions the filter keeps (all of them where the language has no filter)."""
    m = _model(lex, _FILTER)
    if m is None or not found:
        return found
    return [f for f in found if m.probability(features(f, doc, found)) >= m.threshold]


def _root(doc: Doc, r: Range) -> Token:
    """The first token of ``r`` whose head stands outside it: what the span hangs on."""
    for t in doc[r[0] : r[1]]:
        if not r[0] <= t.head.i < r[1] or t.head.i == t.i:
            return t
    return doc[r[0]]


def _size(n: int) -> str:
    """A length in words, bucketed: the bucket's upper edge, or the last edge with a plus past it."""
    for edge in (1, 2, 3, 5, 8, 12, 20, 35):
        if n <= edge:
            return str(edge)
    return "35+"


def _source_kind(doc: Doc, r: Range | None) -> str:
    """What kind of words name the source: none, a pronoun, a named entity's label, a noun."""
    if r is None:
        return "none"
    t = _root(doc, r)
    if t.tag_ in {"PRP", "PRP$", "WP"}:
        return "pron"
    label = next((x.ent_type_ for x in doc[r[0] : r[1]] if x.ent_type_), "")
    return label or t.pos_


def features(f: Found, doc: Doc, found: list[Found]) -> list[str]:
    """The features the filter reads: the rule, the cue's word in its frame, and what the rule took as
    its source and content (lemmas, tags and dependency labels only; ``found`` is the sentence's list)."""
    c0, c1 = f.cue
    lo, hi = f.content
    r = _root(doc, f.cue)
    lem, rule = r.lower_, f.rule
    deps = sorted({c.dep_ for c in r.children})
    takes = next((d for d in ("ccomp", "xcomp", "dobj", "prep", "attr", "acomp") if d in deps), "none")
    holder = _source_kind(doc, f.source)
    side = "after" if lo >= c1 else "before" if hi <= c0 else "around"
    croot = _root(doc, f.content)
    first = doc[lo]
    sent = doc[c0].sent
    quoted = any(t.is_quote for t in sent)  # the sentence's tokens only, not the whole Doc's array per claim
    inside = any(g is not f and g.content[0] <= c0 and c1 <= g.content[1] for g in found)
    out = [
        f"rule={rule}", f"kind={f.kind}", f"cert={f.certainty}", f"lem={lem}", f"tag={r.tag_}", f"dep={r.dep_}",
        f"rule|tag={rule}|{r.tag_}", f"rule|dep={rule}|{r.dep_}", f"lem|rule={lem}|{rule}",
        f"lem|takes={lem}|{takes}", f"lem|tag={lem}|{r.tag_}", f"lem|holder={lem}|{holder}",
        f"cuelen={_size(c1 - c0)}", f"cue0={doc[c0].lower_}", f"cueN={doc[c1 - 1].lower_}",
        f"head={r.head.lower_}", f"hpos={r.head.pos_}", f"hdep={r.head.dep_}",
        f"takes={takes}", f"rule|takes={rule}|{takes}", f"holder={holder}", f"rule|holder={rule}|{holder}",
        f"srclen={_size(f.source[1] - f.source[0]) if f.source else 0}",
        f"clen={_size(hi - lo)}", f"rule|clen={rule}|{_size(hi - lo)}", f"side={side}", f"rule|side={rule}|{side}",
        f"cfirst={first.tag_}|{first.dep_}", f"croot={croot.dep_}|{croot.pos_}",
        f"croot_on_cue={c0 <= croot.head.i < c1}", f"cverb={any(t.pos_ in {'VERB', 'AUX'} for t in doc[lo:hi])}",
        f"cquote={lo > 0 and doc[lo - 1].is_quote}", f"squote={quoted}", f"rule|squote={rule}|{quoted}",
        f"parts={bool(f.parts)}", f"inside={inside}", f"nfound={_size(len(found))}",
        f"gap={_size(abs(lo - c1) if side == 'after' else abs(c0 - hi) if side == 'before' else 0)}",
        f"cuepos={_size(c0 - sent.start)}", f"neg={any(c.dep_ == 'neg' for c in r.children)}",
    ]
    if f.source is not None:
        out.append(f"src_word={_root(doc, f.source).lower_}")
    out += [f"cword={croot.lower_}", f"lem|cword={lem}|{croot.lower_}", f"lem|side={lem}|{side}"]
    out += [f"child={d}" for d in deps]
    out += [f"lem|child={lem}|{d}" for d in deps if d in {"ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass"}]
    return out


_VERB = VERB
"""Candidates are verbs only (see the module's docstring)."""
_TAKES = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr"})
_PREP_OBJECTS = frozenset({"pobj", "pcomp"})
_HOLDERS = frozenset({"nsubj", "poss"})
_LONGEST = 60
"""A content longer than this many words is no argument the annotators mark whole."""

Candidate = tuple[Found, list[str], list[str]]
"""A proposal, the features of its word (one list object for all of the word's arguments) and of its argument."""


def proposed(doc: Doc, sent: Span, lex: Lexicon, found: list[Found]) -> list[Found]:
    """The candidates of the sentence the model scores at or over its threshold, besides ``found``
    (none where the language has no proposer)."""
    m = _model(lex, _PROPOSER)
    if m is None:
        return []
    words: dict[int, float] = {}  # each word's share of the logit, by its feature list

    def worth(frame: list[str]) -> bool:  # a word whose own share is below the gate has no argument read
        words[id(frame)] = m.bias + m.partial(frame)
        return words[id(frame)] >= m.gate

    scored = []
    for n, (f, frame, arg) in enumerate(candidates(doc, sent, found, worth)):
        scored.append((m.sigmoid(words[id(frame)] + m.partial(arg)), n, f))
    out = []
    taken: set[int] = set()  # one attribution per cue word: its best-scored argument
    for p, _, f in sorted(scored, key=lambda x: (-x[0], x[1])):
        if p >= m.threshold and f.cue[0] not in taken:
            taken.add(f.cue[0])
            out.append(f)
    return sorted(out, key=lambda f: f.cue)


def _subtree(t: Token) -> Range:
    return (t.left_edge.i, t.right_edge.i + 1)


def _holder(t: Token) -> Token | None:
    """Who holds the stance: the word's subject or possessor, or for an infinitive its governor's subject."""
    h = next((c for c in t.children if c.dep_ in _HOLDERS), None)
    if h is None and t.dep_ == "xcomp":
        h = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    return h


def _arguments(t: Token) -> list[tuple[str, Range, int]]:
    """The word's arguments that can be a content: (label, token range, where the cue ends)."""
    out = []
    for c in t.children:
        if c.dep_ in _TAKES and c.i > t.i:
            out.append((c.dep_, _subtree(c), t.i + 1))
        elif c.dep_ == "prep" and c.i > t.i:
            for o in c.children:
                if o.dep_ in _PREP_OBJECTS:
                    end = c.i + 1 if c.i == t.i + 1 else t.i + 1  # 'lobbied for | X', not 'lobbied hard for'
                    out.append((f"prep:{c.lower_}", _subtree(o), end))
    return out


def candidates(doc: Doc, sent: Span, found: list[Found],
               worth: Callable[[list[str]], bool] | None = None) -> list[Candidate]:
    """Every word no cue of ``found`` covers, once for each argument it takes, with its features; only
    the words ``worth`` passes by their own features, where it is given."""
    covered = {i for f in found for i in range(*f.cue)}
    contents = [f.content for f in found]
    pos, quotes = doc.to_array([POS, IS_QUOTE])[sent.start : sent.end].T.tolist()  # no Token made per word
    quoted = any(quotes)
    ents = doc.has_annotation("ENT_IOB")  # the English pipeline has no recognizer: no label to look for
    out: list[Candidate] = []
    for i in [k for k, p in enumerate(pos, sent.start) if p == _VERB and k not in covered]:
        t, kind = doc[i], "verb"
        args = _arguments(t)
        if not args:
            continue
        holder = _holder(t)
        source = _subtree(holder) if holder is not None else None
        frame = _frame(t, holder, len(args), quoted, contents, ents, sent.start)
        if worth is not None and not worth(frame):
            continue
        for label, content, end in args:
            if content[1] - content[0] > _LONGEST or (source and source[0] < content[1] and content[0] < source[1]):
                continue
            f = Found(cue=(t.i, end), content=content, source=source, certainty="asserted", kind=kind,
                      rule="polnear-learned")
            out.append((f, frame, _argument(doc, t, label, content, contents, ents)))
    return out


def _kind_of(t: Token | None, ents: bool) -> str:
    """A holder's kind: none, a pronoun, a named entity's label or its coarse tag."""
    if t is None:
        return "none"
    if t.tag_ in {"PRP", "PRP$", "WP"}:
        return "pron"
    return (ents and next((x.ent_type_ for x in t.subtree if x.ent_type_), "")) or t.pos_


def _frame(t: Token, holder: Token | None, n_args: int, quoted: bool, contents: list[Range], ents: bool,
           start: int) -> list[str]:
    """Features of the word in its sentence, shared by all its candidates."""
    lem = t.lower_
    who = _kind_of(holder, ents)
    aux = sorted({c.dep_ for c in t.children if c.dep_ in {"aux", "auxpass", "neg", "advmod", "prt"}})
    inside = any(lo <= t.i < hi for lo, hi in contents)
    return [
        f"lem={lem}", f"pos={t.pos_}", f"tag={t.tag_}", f"dep={t.dep_}", f"lem|tag={lem}|{t.tag_}",
        f"lem|dep={lem}|{t.dep_}", f"head={t.head.lower_}", f"hpos={t.head.pos_}", f"who={who}",
        f"lem|who={lem}|{who}", f"whoword={holder.lower_ if holder else ''}", f"tag|who={t.tag_}|{who}",
        f"hold={holder.dep_ if holder else 'none'}",
        f"nargs={n_args}", f"squote={quoted}", f"inside={inside}", f"pos|inside={t.pos_}|{inside}",
        f"cuepos={_size(t.i - start)}", f"nfound={len(contents)}", *(f"mod={d}" for d in aux),
        *(f"lem|mod={lem}|{d}" for d in aux),
    ]


def _argument(doc: Doc, t: Token, label: str, content: Range, contents: list[Range], ents: bool) -> list[str]:
    """Features of one argument taken as the content."""
    lo, hi = content
    lem = t.lower_
    span = doc[lo:hi]
    root = _root(doc, content)
    ent = next((x.ent_type_ for x in span if x.ent_type_), "none") if ents else "none"
    shared = any(a < hi and lo < b for a, b in contents)
    verb = any(x.pos_ in {"VERB", "AUX"} for x in span)
    return [
        f"arg={label}", f"lem|arg={lem}|{label}", f"pos|arg={t.pos_}|{label}", f"tag|arg={t.tag_}|{label}",
        f"clen={_size(hi - lo)}", f"arg|clen={label}|{_size(hi - lo)}", f"croot={root.pos_}|{root.tag_}",
        f"lem|croot={lem}|{root.pos_}", f"cent={ent}", f"lem|cent={lem}|{ent}", f"cverb={verb}",
        f"arg|cverb={label}|{verb}", f"shared={shared}", f"cfirst={doc[lo].tag_}",
        f"clast={doc[hi - 1].is_punct}", f"gap={_size(lo - t.i)}", f"cword={root.lower_}",
        f"lem|cword={lem}|{root.lower_}",
    ]
