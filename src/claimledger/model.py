"""The records that cross every stage of claimledger's data path.

Every stage (read, extract, annotate, store) hands the next one only these frozen
dataclasses, so a stage can be swapped or tested without knowing the others. Every
span indexes ``Article.text`` exactly: ``article.text[span.start:span.end]`` is the
words the record stands for. The store's tables mirror these records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

UNDATED = "1970-01-01"
"""The day a fact or mention of an undated article is filed under: far in the past, so date
windows never join it to a dated report by chance; every reader shows it as *undated*."""

Certainty = Literal["asserted", "confirmed", "reported", "estimated", "alleged", "denied"]
Approx = Literal["exact", "about", "over", "under", "range"]
SourceKind = Literal[
    "government",
    "military",
    "intelligence",
    "agency",
    "outlet",
    "expert",
    "witness",
    "official",
    "anonymous",
    "person",
    "organisation",
]

CERTAINTIES: tuple[Certainty, ...] = ("asserted", "confirmed", "reported", "estimated", "alleged", "denied")
APPROXES: tuple[Approx, ...] = ("exact", "about", "over", "under", "range")


def text_id(text: str) -> str:
    """Content hash of an article's text: the same text always gets the same id, so re-ingesting is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_id(*parts: object) -> str:
    """A short stable id for a record, derived from what makes it unique within its article."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def of(self, text: str) -> str:
        """The words this span stands for in ``text``."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class RawDoc:
    """Bytes as read from one input, before any decoding or extraction.

    ``raw_ref`` says where the bytes came from precisely enough to find them again
    (a path, a URL, ``file.warc.gz#offset=123``, ``feed.xml#entry=4``). ``meta``
    carries what the container already knew (a feed entry's title and date, a WARC
    record's target URI, an HTTP charset), so extraction need not guess it.
    """

    uri: str
    data: bytes
    media_type: str
    raw_ref: str
    fetched_at: datetime | None = None
    charset: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article's main text and what is known about it.

    ``text`` is kept exactly as given for plain text (non-breaking spaces, trailing page
    debris): every span of every record indexes it.
    """

    text: str
    lang: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    fetched_at: datetime | None = None
    raw_ref: str = ""
    copy_of: str | None = None
    copy_reason: str | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source, through a cue, puts forward a content (one relay of a chain)."""

    id: str
    article_id: str
    cue: Span
    content: Span
    source: Span | None
    certainty: Certainty
    anonymous: bool
    source_kind: SourceKind | None = None
    actor_id: str | None = None
    via: str | None = None
    hedges: tuple[Span, ...] = ()
    content_parts: tuple[Span, ...] = ()
    confidence: float = 1.0
    rule: str = ""
    relayed: Span | None = None
    """The words inside the cue naming whom the source relays (*Lee cited* **Kim** *as saying that
    X*): the claim comes from them. Set by the rule that read the relay, so the linker need not
    read the cue's words again."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that counts or measures something, with how exactly it is put."""

    id: str
    article_id: str
    span: Span
    value: float
    approx: Approx
    value_max: float | None = None
    counted: Span | None = None
    unit: str | None = None
    attribution_id: str | None = None
    unit_span: Span | None = None
    """The words that name the unit as written, where a rule read the unit from words: joined to the
    number (*a 230-* **metre** *ship*, *10* **kg**, *8- to 16-* **meter**) or after it (*105* **miles**,
    *40* **per cent**, the same words as ``counted``). A measure that counts nothing (*230-metre*)
    keeps its unit word only here, and the linker converts miles and kilometres with it. None for
    a unit given by a currency sign before the number (*$5*) or by no word at all."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an actor (person, organisation, place), normalised where we know it."""

    id: str
    article_id: str
    span: Span
    label: str
    actor_id: str | None = None
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything claimledger found in one article."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def claims(self) -> list[tuple[str | None, str, str, str]]:
        """Each attribution as the article's words: (source or None, cue, content, certainty), in
        order; what a reader checks first, and what the tests compare."""
        t = self.article.text
        return [(a.source.of(t) if a.source else None, a.cue.of(t), a.content.of(t), a.certainty)
                for a in self.attributions]

    def spans(self) -> list[tuple[str, Span]]:
        """Every (kind, span) this analysis stores, for checks that spans index the text."""
        out: list[tuple[str, Span]] = []
        for a in self.attributions:
            out += [("cue", a.cue), ("content", a.content)]
            if a.source:
                out.append(("source", a.source))
            if a.relayed:
                out.append(("relayed", a.relayed))
            out += [("hedge", h) for h in a.hedges]
        for q in self.quantities:
            out.append(("quantity", q.span))
            if q.counted:
                out.append(("counted", q.counted))
            if q.unit_span:
                out.append(("unit", q.unit_span))
        out += [("mention", m.span) for m in self.mentions]
        return out


# -- the cross-article ledger (link/) ----------------------------------------------------

FactKind = Literal["quantity", "claim"]
LinkKind = Literal["contradiction", "denial", "revision"]
MentionKind = Literal["q", "a"]


@dataclass(frozen=True, slots=True)
class Copy:
    """An article that republishes another's text, with why we think so.

    ``method`` is the test that decided (``exact``: same normalised text; ``near``: MinHash
    candidate whose shingles the shorter text mostly shares; ``lead``: same opening
    sentences; ``credit``: the text names a wire and shares its lead), ``score`` the
    figure that test measured, ``credit`` the wire credit found in the text, if any.
    """

    article_id: str
    original_id: str
    method: str
    score: float
    credit: str | None = None
    reason: str = ""


FULL_NAME_RULE = "full-name"
"""The ``Origin.rule`` of a bare surname read as the full name its article gives (*Clinton*:
*Hillary Clinton*): the linker writes it, the actor listing reads it as a person."""

SURNAME_RULE = "surname"
"""The ``Origin.rule`` of a bare surname that an earlier source of the article named in full
(*Graham* after *Sen. Lindsey Graham*): a person too, whatever the lone word suggests."""


def name_pattern(key: str, marks: str | None = None) -> str:
    """A regular expression for a person's stored key (*ted cruz*) as a text may write it: its
    words in order, any punctuation or space between them (*Ted Cruz*, *TED CRUZ*; match it with
    ``re.IGNORECASE``), and a hyphen or apostrophe the key left out inside a word (*evamarie
    persson* is *Eva-Marie Persson*, *park sunwon* *Park Sun-won*). The linker finds a name as
    written in its article, the store in its source phrases, both with this. ``marks``: what a key
    may have dropped between two letters of a word (``ASCII_MARKS`` for a text whose right quotes
    are written as apostrophes)."""
    inner = INNER_MARKS if marks is None else marks
    return r"\b" + r"\W+".join(inner.join(map(re.escape, w)) for w in key.split())


INNER_MARKS = "[-'’]?"
"""What a key may have dropped between two letters of a word."""
ASCII_MARKS = "[-']?"
"""``name_pattern``'s marks without the right quote: a set holding a character past Latin-1 costs
a millisecond to compile with ``re.IGNORECASE`` (a 65,536-entry table), and the linker compiles
a pattern for every person of every article."""


def capitalised(written: str) -> bool:
    """Whether a name as matched is written with a capital anywhere (a lower-case match is a
    common word, not the name)."""
    return written != written.lower()


@dataclass(frozen=True, slots=True)
class Origin:
    """Who is behind one attribution once relays collapse (*Yonhap citing the NIS* -> the NIS).

    ``actor`` is the originating actor's canonical name (None when only outlets relay it or
    nobody is named), ``speaker`` the actor the text names as source, ``rule`` and ``words``
    the decision and the words it rests on, so a user can see why.
    """

    article_id: str
    attribution_id: str
    actor: str | None
    speaker: str | None
    rule: str
    words: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """A claim made in one or more articles: a figure for a typed variable at one time, or a proposition.

    For a quantity fact, ``variable`` is the typed variable (concept, scope, total or
    increment: ``troops|increment``), ``value``/``value_max``/``approx`` its first figure in
    the concept's base unit, ``date`` the day the figure is about.
    For a claim fact, ``variable`` is None and ``label`` the first content that stated it.
    """

    id: str
    kind: FactKind
    label: str
    date: str
    variable: str | None = None
    value: float | None = None
    value_max: float | None = None
    approx: Approx | None = None
    unit: str | None = None
    lang: str = ""
    sources: tuple[str, ...] = ()
    """The distinct originating actors over all mentions (copies and relays collapsed)."""
    independent: int = 0
    grade: int = 6
    """Admiralty-style credibility: 1 confirmed by independent sources ... 5 improbable, 6 cannot be judged."""
    mentions: int = 0
    articles: int = 0
    contested: bool = False
    """A contradiction or a denial touches this fact."""


@dataclass(frozen=True, slots=True)
class FactMention:
    """One record that states a fact, with the originating actor behind it and why it was linked."""

    fact_id: str
    article_id: str
    record_id: str
    kind: MentionKind
    date: str
    text: str
    actor: str | None = None
    value: float | None = None
    value_max: float | None = None
    approx: Approx | None = None
    score: float = 1.0
    reason: str = ""
    features: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """What the linker compares when later records arrive, by name: a figure's ``context``
    (stems around the number), ``names`` (in its sentence), ``story`` (its article's most used
    names); a claim's ``certainty``. ``reason`` is the why in words for a person."""

    def feature(self, name: str) -> frozenset[str]:
        """One of ``features`` as a set (empty when the mention has none of that name)."""
        return frozenset(next((v for k, v in self.features if k == name), ()))


@dataclass(frozen=True, slots=True)
class FactLink:
    """A typed link between two facts: their figures contradict, one denies or revises the other."""

    a: str
    b: str
    kind: LinkKind
    reason: str


@dataclass(frozen=True, slots=True)
class LinkPlan:
    """What linking one new article decided, for the store to write in the article's transaction.

    ``facts`` holds new facts and the new state of every fact the article touched (their
    counts and grades change); ``keys`` are the blocking keys ``(key, fact_id, date)`` under
    which later articles will find these facts; ``bands`` the article's MinHash LSH bands.
    """

    article_id: str
    copy: Copy | None = None
    bands: tuple[str, ...] = ()
    origins: tuple[Origin, ...] = ()
    facts: tuple[Fact, ...] = ()
    mentions: tuple[FactMention, ...] = ()
    keys: tuple[tuple[str, str, str], ...] = ()
    links: tuple[FactLink, ...] = ()
