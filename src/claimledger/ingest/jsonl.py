"""JSON Lines in the gold format to Articles: one article per line, text exactly as given.

The annotated sets in ``../shared/data`` are JSON Lines (``eval/FORMAT.md``): each line
has ``id``, ``lang``, ``text`` and optionally ``url``, ``title``, ``published`` (and
``publisher``). Their annotations index ``text`` by character, so the text is passed
through untouched, and the line's own ``lang`` is trusted over detection.

Lines are independent records: a broken line (bad JSON, invalid UTF-8, no ``text``) is
reported as ``path:line`` and the next line is read. The file is streamed line by line,
so only one line is ever in memory, and each line is capped at ``max_bytes``.

JSON can spell what UTF-8 cannot hold: ``"\ud800"`` parses to a lone surrogate, a
string no later stage can encode (language detection, the store). Such a line is
refused here by its line number. And because lines are independent, a failure on one
line that nobody foresaw is reported as that line's ``internal-error`` and the next
line is read: one poisoned record never costs the rest of the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from claimledger.errors import BAD_JSON, EMPTY, INTERNAL, TOO_LARGE, InputError
from claimledger.model import Article

from .lang import choose_language, normalize_language

_OPTIONAL_TEXT_FIELDS = ("url", "title", "published", "publisher")


def _skip_rest_of_line(stream: BinaryIO, chunk: int = 1 << 16) -> None:
    """Consume what is left of an over-long line, without holding it in memory."""
    while True:
        part = stream.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def _optional(record: dict[str, Any], key: str) -> str | None:
    """A field that must be a non-empty string when present; anything else counts as absent."""
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    """Why a field that is read holds text UTF-8 cannot encode (a lone ``\\ud800`` escape), or None."""
    for key in ("text", "lang", *_OPTIONAL_TEXT_FIELDS):
        value = record.get(key)
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(value[exc.start])
            return f"'{key}' holds a lone surrogate escape (\\u{code:04x}) at character {exc.start}: not valid Unicode"
    return None


def parse_line(line: bytes, where: str, raw_ref: str, lang: str | None) -> Article | InputError:
    """One JSON line as an Article, or a BAD_JSON / EMPTY error naming ``path:line``."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return InputError(where, BAD_JSON, "line is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return InputError(where, BAD_JSON, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(where, BAD_JSON, "JSON nested too deeply")
    if not isinstance(record, dict):
        return InputError(where, BAD_JSON, f"line holds a JSON {type(record).__name__}, not an object")
    if surrogate := _lone_surrogate(record):
        return InputError(where, BAD_JSON, surrogate)
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(where, BAD_JSON, "line has no 'text' string")
    if not text.strip():
        return InputError(where, EMPTY, "'text' is empty")
    fields = {key: _optional(record, key) for key in _OPTIONAL_TEXT_FIELDS}
    declared = normalize_language(_optional(record, "lang"))
    return Article(
        text=text,
        lang=lang or declared or choose_language(text),
        title=fields["title"],
        published=fields["published"],
        outlet=fields["publisher"],
        url=fields["url"],
        raw_ref=raw_ref,
    )


def iter_jsonl(
    stream: BinaryIO, name: str, *, max_bytes: int, lang: str | None = None, lines: tuple[int, int] | None = None
) -> Iterator[Article | InputError]:
    """Every line of a JSON Lines stream as an Article or an error; blank lines are skipped.

    ``lines`` (first, last; 1-based, inclusive) keeps a batch shard's range: the other lines are
    counted but not parsed, so names and references are those of a whole-file read.
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if lines is not None and not lines[0] <= number <= lines[1]:
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
            if number > lines[1]:
                return
            continue
        where = f"{name}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield InputError(where, TOO_LARGE, f"line longer than the {max_bytes:,}-byte limit (max_bytes)")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        yield _parse_guarded(line, where, f"{name}#line={number}", lang)


def _parse_guarded(line: bytes, where: str, raw_ref: str, lang: str | None) -> Article | InputError:
    """``parse_line``, with any failure it did not foresee kept to this line (see the module docstring)."""
    try:
        return parse_line(line, where, raw_ref, lang)
    except Exception as exc:  # noqa: BLE001 - a record boundary: the next line must still be read
        detail = " ".join(str(exc).split())[:160]
        return InputError(where, INTERNAL, f"line could not be read ({type(exc).__name__}: {detail})")


def read_jsonl_path(
    path: Path, name: str, *, max_bytes: int, lang: str | None = None, lines: tuple[int, int] | None = None
) -> Iterator[Article | InputError]:
    """Stream the JSON Lines file at ``path`` (only ``lines``, if given: see ``iter_jsonl``)."""
    with path.open("rb") as fh:
        yield from iter_jsonl(fh, name, max_bytes=max_bytes, lang=lang, lines=lines)
