"""Which record of one run is which record of another, within one article (for ``store.diff``).

Why by span and not by record id: a record id hashes what makes the record unique in its
article (``model.record_id``), and that includes what a new rule may change (a certainty, a
source), so the same claim relabelled by a newer pipeline gets a new id. Both runs index the
same text (an article's id is the hash of its text), so spans are comparable as they are.

An attribution is the same claim when its cue span is the same and its content spans
overlap: a cue file that widens what a claim covers (*said on Tuesday that* ...) keeps the
claim, only its content changes. A quantity is the same figure when its span is the same,
or, failing that, overlaps (*about 1,500* against *1,500*). Pairs are taken greedily, the
largest overlap first, so each record is matched at most once and a run that splits one
claim in two shows one relabelled and one added, never two copies of one match.

What changed is reported field by field, spans as the words they cover, so a person reads
*certainty: reported -> alleged* or *source: "officials" -> "US officials"*. Pure functions
over ``model`` records: no SQL, nothing read twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from claimledger.model import Attribution, Quantity, Span

R = TypeVar("R", Attribution, Quantity)

CLAIM_FIELDS = ("certainty", "source", "source_kind", "actor", "anonymous", "content")
"""What may change about one claim between two runs, in the order a person reads it."""
QUANTITY_FIELDS = ("value", "value_max", "approx", "unit", "counted")
"""What may change about one figure between two runs."""


@dataclass(frozen=True, slots=True)
class Matched:
    """The outcome of matching one article's records of one kind across two runs."""

    pairs: tuple[tuple[Any, Any], ...]
    """(old record, new record) for each record found in both runs, in the old run's order."""
    removed: tuple[Any, ...]
    """Records only the old run found."""
    added: tuple[Any, ...]
    """Records only the new run found."""


def _overlap(a: Span, b: Span) -> int:
    """Characters two spans share; an empty span equal to the other counts as sharing one."""
    if a == b:
        return max(1, len(a))
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _match(old: Sequence[R], new: Sequence[R], score: Callable[[R, R], int]) -> Matched:
    """Greedy one-to-one matching: every pair with a positive score, best first (ties in text order)."""
    candidates = sorted(
        ((score(o, n), i, j) for i, o in enumerate(old) for j, n in enumerate(new)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_old: dict[int, int] = {}
    used_new: set[int] = set()
    for s, i, j in candidates:
        if s <= 0:
            break
        if i not in used_old and j not in used_new:
            used_old[i] = j
            used_new.add(j)
    return Matched(
        pairs=tuple((old[i], new[used_old[i]]) for i in sorted(used_old)),
        removed=tuple(o for i, o in enumerate(old) if i not in used_old),
        added=tuple(n for j, n in enumerate(new) if j not in used_new),
    )


def _claim_score(o: Attribution, n: Attribution) -> int:
    """Same cue and overlapping content: the overlap, an exact content match ranked first."""
    if o.cue != n.cue:
        return 0
    shared = _overlap(o.content, n.content)
    return shared and shared + (1_000_000 if o.content == n.content else 0)


def _quantity_score(o: Quantity, n: Quantity) -> int:
    """Same span above all; overlapping spans after."""
    shared = _overlap(o.span, n.span)
    return shared and shared + (1_000_000 if o.span == n.span else 0)


def match_claims(old: Sequence[Attribution], new: Sequence[Attribution]) -> Matched:
    """One article's attributions in two runs: the same claims, and those only one run found."""
    return _match(old, new, _claim_score)


def match_quantities(old: Sequence[Quantity], new: Sequence[Quantity]) -> Matched:
    """One article's quantities in two runs: the same figures, and those only one run found."""
    return _match(old, new, _quantity_score)


def _words(text: str, span: Span | None) -> str | None:
    return None if span is None else span.of(text)


def _claim_field(a: Attribution, name: str) -> Any:
    """One field of ``CLAIM_FIELDS``; spans as spans, so the same words at another place differ."""
    return {"certainty": a.certainty, "source": a.source, "source_kind": a.source_kind, "actor": a.actor_id,
            "anonymous": a.anonymous, "content": a.content}[name]


def _quantity_field(q: Quantity, name: str) -> Any:
    return {"value": q.value, "value_max": q.value_max, "approx": q.approx, "unit": q.unit,
            "counted": q.counted}[name]


def _changes(text: str, o: Any, n: Any, fields: Sequence[str], get: Callable[[Any, str], Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for name in fields:
        before, after = get(o, name), get(n, name)
        if before != after:
            out[name] = [v.of(text) if isinstance(v, Span) else v for v in (before, after)]
    return out


def claim_changes(text: str, o: Attribution, n: Attribution) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for each field of ``CLAIM_FIELDS`` the two runs put differently, spans as words."""
    return _changes(text, o, n, CLAIM_FIELDS, _claim_field)


def quantity_changes(text: str, o: Quantity, n: Quantity) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for each field of ``QUANTITY_FIELDS`` that differs (and ``text`` if the span moved)."""
    out = _changes(text, o, n, QUANTITY_FIELDS, _quantity_field)
    if o.span != n.span:
        out["text"] = [o.span.of(text), n.span.of(text)]
    return out


def claim_words(text: str, a: Attribution) -> dict[str, str | None]:
    """What a person reads of one claim: its source, cue and content words, and its certainty."""
    return {"source": _words(text, a.source), "cue": a.cue.of(text), "content": a.content.of(text),
            "certainty": a.certainty}


def quantity_words(text: str, q: Quantity) -> dict[str, Any]:
    """What a person reads of one figure: its words, value and what it counts."""
    return {"text": q.span.of(text), "value": q.value, "unit": q.unit, "counted": _words(text, q.counted)}
