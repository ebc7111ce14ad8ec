"""Repeated notes and errors of one kind, told as the first few and a count.

A feed of failing pages, a folder of links that point outside it, a JSON Lines file with
a thousand broken lines: each repeats one story, and a screen of near-identical lines
hides the one line that is different. The batch report keeps every item (scripts and
the ledger need them all); only what a person reads is shortened:

    skipped f.jsonl:1: invalid JSON (Expecting value at column 1) [bad-json]
    skipped f.jsonl:2: invalid JSON (Expecting value at column 9) [bad-json]
    skipped f.jsonl:5: line is not valid UTF-8 [bad-json]
    skipped … and 997 more [bad-json]

Kinds keep the order in which each first appeared; within a kind, items keep theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from claimledger.errors import InputError

KEEP = 3
"""Items of one kind shown before the rest are counted."""

T = TypeVar("T")

_NUMBER = re.compile(r"(?<![\w-])\d[\d,.]*(?![\w])")  # "at 3 places", not the 8 of "UTF-8"
_HEAD_END = re.compile(r"[:;(\[]")


def summarize(
    items: Iterable[T], kind: Callable[[T], str], *, label: Callable[[str], str] | None = None, keep: int = KEEP
) -> list[str]:
    """``str(item)`` for the first ``keep`` items of each kind, then one "… and N more" line for the rest.

    ``kind`` names the group an item belongs to; ``label`` turns that name into the text
    in parentheses of the count line (the kind itself by default).
    """
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(kind(item), []).append(item)
    lines: list[str] = []
    for name, members in groups.items():
        lines.extend(str(member) for member in members[:keep])
        if len(members) > keep:
            lines.append(f"… and {len(members) - keep} more {label(name) if label else f'({name})'}")
    return lines


def note_kind(line: str) -> str:
    """The kind of a note line ``SOURCE: message``: the message's head, numbers blanked.

    The source differs on every line and says nothing about the kind; the head of the
    message (up to the first colon, semicolon or bracket) does, once counts and
    positions in it ("at 3 places") no longer tell lines apart.
    """
    _, sep, message = line.partition(": ")
    text = message if sep else line
    head = _HEAD_END.split(text, maxsplit=1)[0].strip()
    return _NUMBER.sub("N", head) or text.strip()


def summarize_notes(lines: Iterable[str], *, keep: int = KEEP) -> list[str]:
    """Note lines (``IngestReport.warnings``) with each kind beyond ``keep`` counted in one line."""
    return summarize(lines, note_kind, keep=keep)


def error_kind(error: InputError) -> str:
    """The kind of an input error: its code (``fetch-failed``, ``outside-folder``, ...)."""
    return error.code


def summarize_errors(errors: Iterable[InputError], *, keep: int = KEEP) -> list[str]:
    """Error lines (``IngestReport.errors``) with each code beyond ``keep`` counted in one line."""
    return summarize(errors, error_kind, label=lambda code: f"[{code}]", keep=keep)
