"""Syndicated copies: which stored article a new one republishes, and why we think so.

Candidates come from MinHash LSH (as datasketch computes it) over word 3-grams: each article's signature is
cut into bands, the store indexes the band keys, and a new article meets only the articles
it shares a band with, never all pairs. A candidate is then verified on the two texts:

- ``exact``: the same words once case, spacing and punctuation are set aside;
- ``near``: the shorter text's 3-grams are mostly in the longer one (containment), which
  holds for trimmed and retitled wire copies where plain Jaccard does not;
- ``lead``: the opening sentences agree and a good share of the rest too (a rewritten tail);
- ``credit``: both texts credit the same wire (*(AP)*, *– TT*, */Reuters*) and share a
  fair part of their 3-grams.
Another article on the same event, even by the same agency, shares facts but not its
sentences, so it stays below every threshold. A translation is never a copy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence, Set
from functools import cache, lru_cache
from typing import Any

from claimledger.lang import languages
from claimledger.link.data import actors, neutral_aliases
from claimledger.model import Article, Copy

WINDOW_DAYS = 30
"""A syndicated copy runs within days of its original: candidates are looked for a month either side."""
PERMUTATIONS = 64
ROWS = 2
"""Two rows a band, 32 bands: pairs with Jaccard above about 0.18 meet as candidates."""
NEAR = 0.9
"""Containment at which a text is a copy whatever its lead (a retitled or re-ledes wire copy)."""
BODY, BODY_LEAD = 0.5, 0.4
"""Half the shorter text's 3-grams shared, with the lead kept: a trimmed copy. An agency's
updated version shares as much body but rewrites the lead, so it stays out."""
LEAD, LEAD_REST = 0.6, 0.3
CREDIT, CREDIT_LEAD = 0.45, 0.3
REWRITE_NUMBERS, REWRITE_ORDER, REWRITE_WORDS = 5, 0.8, 0.5
"""A text rewritten sentence by sentence (a machine-translated or re-worded wire copy) keeps
its figures in order: at least this many, this share of them in one common order, and this
share of the lead's and the text's content words."""
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[ ,.\u00a0\u202f]\d{3})*(?:[.,]\d+)?")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(ws: Sequence[str], n: int = 3) -> set[str]:
    return {" ".join(ws[i : i + n]) for i in range(max(1, len(ws) - n + 1))} if ws else set()


_SEED = 7
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
"""MurmurHash3's 32-bit finalizer: shifts and multipliers."""


@cache
def _permutations() -> tuple[Any, Any]:
    """The affine permutations ``h -> a*h + b mod 2**32`` of the signature (``a`` odd), drawn as
    datasketch 2's ``MinHash(num_perm=PERMUTATIONS, seed=7)`` (its default ``affine32`` scheme) draws them."""
    import numpy as np

    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def signature(grams: Set[str]) -> list[int]:
    """The MinHash signature of a set of 3-grams: for each permutation, the least permuted hash.

    The same values as datasketch 2's ``MinHash(num_perm=64, seed=7)`` fed the UTF-8 grams (SHA-1's
    first four bytes, little-endian, pre-mixed by MurmurHash3's finalizer, then each affine
    permutation), computed here because importing datasketch loads SciPy's integrators for
    LSH tuning we never use: half a second of every process that links. An empty set has the
    largest value everywhere."""
    import numpy as np

    if not grams:
        return [0xFFFFFFFF] * PERMUTATIONS
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(g.encode("utf-8")).digest()[:4] for g in grams]), dtype="<u4")
    hv = hv.astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return [int(v) for v in (hv * a + b).min(axis=0)]


def _band_keys(tag: str, grams: Set[str]) -> list[str]:
    values = signature(grams)
    out = []
    for b in range(PERMUTATIONS // ROWS):
        chunk = ",".join(str(v) for v in values[b * ROWS : (b + 1) * ROWS])
        out.append(f"{tag}{b}:" + hashlib.sha1(chunk.encode()).hexdigest()[:24])
    return out


def bands(text: str) -> tuple[str, ...]:
    """The LSH band keys of a text's word 3-gram MinHash, and of its lead's.

    The lead's bands catch a short trimmed copy whose Jaccard with the whole original is
    low although the original holds all of it.
    """
    _ws, grams, lead = _grams(text)
    nums = figures(text)
    by_figures = _band_keys("N", shingles(nums, 2)) if len(nums) >= REWRITE_NUMBERS else []
    return tuple(_band_keys("T", grams) + _band_keys("L", lead) + by_figures)


@lru_cache(maxsize=8)
def _grams(text: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """A text's words, word 3-grams and lead 3-grams: what ``bands`` and then ``decide`` read of
    one new article (computed once for both)."""
    ws = words(text)
    return tuple(ws), frozenset(shingles(ws)), frozenset(_lead(ws))


def figures(text: str) -> list[str]:
    """The figures of a text in order, digits only (*8,700* and *8 700* are ``8700``)."""
    return [re.sub(r"\D", "", m.group()) for m in _FIGURE.finditer(text)]


def _in_order(a: Sequence[str], b: Sequence[str]) -> float:
    """Longest common subsequence of two figure sequences over the shorter one."""
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / min(len(a), len(b))


def containment(a: Set[str], b: Set[str]) -> float:
    """Shared shingles over the smaller set: 1.0 when one text is inside the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@cache
def _agencies() -> tuple[re.Pattern[str], dict[str, str]]:
    """One credit-line pattern over every news agency's names in the tables (longest name first,
    so *Associated Press* wins over *AP*), and each lower-cased name's canonical agency.

    One pattern, not one per name: some 300 names would cost a quarter of a second to compile
    in every process that links, and as long again to try one by one on every article.
    """
    from claimledger.nlp.lexicon import load

    table = actors()
    names = {(" ".join(a), c) for c, a in neutral_aliases() if table.get(c) and table[c].kind == "agency"}
    for lang in languages():
        names |= {(" ".join(a), c) for c, k, aliases in load(lang).actors if k == "agency" for a in aliases}
    canonical = {alias.lower(): c for alias, c in names}
    alt = "|".join(re.escape(a) for a in sorted(canonical, key=lambda a: (-len(a), a)))
    pattern = re.compile(rf"(?:\(\s*({alt})\s*\)|[/–—-]\s*({alt})\s*/?(?:\W|$)|^\s*({alt})\s*[:/–—-])",
                         re.IGNORECASE)
    return pattern, canonical


@lru_cache(maxsize=4096)
def credit(text: str) -> str | None:
    """The wire a text credits in a credit line: *(AP)*, *– TT*, */Reuters/*, at its start or end."""
    pattern, canonical = _agencies()
    for part in (text[:200], text[-200:]):
        m = pattern.search(part)
        if m:
            return canonical[next(g for g in m.groups() if g).lower()]
    return None


def _lead(ws: list[str]) -> set[str]:
    return shingles(ws[:50])


def decide(new: Article, candidates: Sequence[Article]) -> Copy | None:
    """The copy decision for ``new`` against stored candidates (earliest verified original wins)."""
    nw, ns, nlead = _grams(new.text)
    ncredit = credit(new.text)
    best: Copy | None = None
    for old in candidates:
        if old.id == new.id or old.lang != new.lang:
            continue
        ow, os_, olead = _grams(old.text)
        original = old.copy_of or old.id
        if ow == nw:
            return Copy(new.id, original, "exact", 1.0, ncredit, "the same words as the original")
        c = containment(ns, os_)
        lead = containment(nlead, olead)
        ocredit = credit(old.text)
        shared = ncredit if ncredit and ncredit == ocredit else None
        found: Copy | None = None
        if c >= NEAR or (c >= BODY and lead >= BODY_LEAD):
            found = Copy(new.id, original, "near", round(c, 3), shared,
                         f"{c:.0%} of the shorter text's word 3-grams are in the other, {lead:.0%} of the lead's")
        elif lead >= LEAD and c >= LEAD_REST:
            found = Copy(new.id, original, "lead", round(lead, 3), shared,
                         f"the leads share {lead:.0%} of their 3-grams, the texts {c:.0%}")
        elif shared and c >= CREDIT and lead >= CREDIT_LEAD:
            found = Copy(new.id, original, "credit", round(c, 3), shared,
                         f"both credit {shared}; {c:.0%} of 3-grams shared")
        else:
            found = _rewrite(new, old, nw, ow, original, shared)
        if found and (best is None or found.score > best.score):
            best = found
    return best


def _content(ws: Sequence[str]) -> set[str]:
    return {w for w in ws if len(w) > 3 and not w.isdigit()}


def _rewrite(new: Article, old: Article, nw: Sequence[str], ow: Sequence[str], original: str,
             shared: str | None) -> Copy | None:
    """A copy rewritten sentence by sentence: the same figures in the same order, the same words."""
    nf, of = figures(new.text), figures(old.text)
    if min(len(nf), len(of)) < REWRITE_NUMBERS:
        return None
    order = _in_order(nf, of)
    lead_words = containment(_content(nw[:50]), _content(ow[:50]))
    all_words = containment(_content(nw), _content(ow))
    if order >= REWRITE_ORDER and lead_words >= REWRITE_WORDS and all_words >= REWRITE_WORDS:
        return Copy(new.id, original, "rewrite", round(order, 3), shared,
                    f"{order:.0%} of the figures in the same order, {lead_words:.0%} of the lead's words, "
                    f"{all_words:.0%} of all words")
    return None
