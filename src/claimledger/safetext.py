"""Untrusted text made safe for each place it is written to: a terminal, a CSV cell, a JSON line.

Everything the ledger stores came from a stranger's article: titles, outlets, source
words, URLs, file names. Such text may carry terminal escapes (``ESC [2J`` clears the
screen, ``ESC ]52;`` writes the clipboard, ``ESC ]8;`` makes a link), a BEL, C1 controls
(``\\x9b`` is a one-byte CSI on some terminals) or bidi overrides that make a reader see
other words than the ones stored. Each sink gets its own rule, defined once here so the
CLI, the store's exports and the web pages cannot drift apart:

- ``visible``: for a terminal. Controls become their Unicode control pictures (``␛``),
  other invisible format characters ``<U+XXXX>``; the reader sees that they were there.
- ``json_text``: for JSON and JSON Lines. The exact text survives (a JSON parser gives
  back every character), but the dangerous ones travel as ``\\uXXXX`` escapes, so a JSON
  line printed on a terminal is inert too. Other non-ASCII letters stay readable.
- ``csv_cell``: for CSV, read by spreadsheets. OWASP's rule against formula injection
  (a cell starting with ``= + - @``, tab or carriage return gets a leading ``'``), and the
  terminal rule, because a CSV is often looked at with ``cat`` first.

This module lies below both ``store`` and ``cli`` and imports neither.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlsplit

BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Bidi marks, embeddings, overrides and isolates: they reorder what a reader sees."""
INVISIBLE = (*BIDI, 0x2028, 0x2029, 0xFEFF, *range(0xFFF9, 0xFFFC))
"""Other characters a terminal acts on or hides: line/paragraph separators, BOM, annotations."""
CONTROLS = (*range(0x20), 0x7F, *range(0x80, 0xA0))
"""C0, DEL and C1: everything a terminal may execute."""


def picture(code: int) -> str:
    """How one control or format character is shown: its control picture, else ``<U+XXXX>``."""
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␊ for LF ...
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


_ONE_LINE = {c: picture(c) for c in (*CONTROLS, *INVISIBLE)} | {0x09: " "}
_LINES = _ONE_LINE | {0x0A: "\n"}
_SAME_LENGTH = {c: (v if len(v) == 1 else "\ufffd") for c, v in _LINES.items()} | {0x09: "\t"}
_JSON = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *INVISIBLE)}


def visible(value: object, *, newlines: bool = False) -> str:
    """``value`` as text a terminal shows and never obeys.

    Tabs become spaces; newlines are kept only with ``newlines`` (running text), else shown
    as ␊ (one-line cells). ``None`` is the empty string.
    """
    text = "" if value is None else str(value)
    return text.translate(_LINES if newlines else _ONE_LINE)


def visible_same_length(text: str) -> str:
    """Like ``visible(newlines=True)`` but one character for one, so spans into ``text`` still fit."""
    return text.translate(_SAME_LENGTH)


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON that keeps the exact text and holds no raw control, C1 or bidi character.

    ``json.dumps`` escapes C0 controls itself; DEL, C1 and the invisible format characters
    are escaped here (a ``\\u`` escape is valid JSON and decodes to the same character).
    """
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_JSON)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""OWASP's list: a spreadsheet runs a cell that starts with one of these as a formula."""


def csv_cell(cell: object) -> object:
    """A CSV cell a spreadsheet will not execute and a terminal will not obey.

    Text that starts like a formula gets a leading ``'``; control and bidi characters are
    made visible (newlines kept: the CSV quoting carries them). Numbers, booleans and
    ``None`` pass unchanged: ``-5`` is a number, not a formula.
    """
    if not isinstance(cell, str):
        return cell
    shown = visible(cell, newlines=True)
    return "'" + shown if cell.startswith(FORMULA_START) else shown


def csv_row(cells: Any) -> list[object]:
    """Every cell of one row through ``csv_cell``."""
    return [csv_cell(c) for c in cells]


def safe_uri(url: object) -> str | None:
    """An article's URL as a link or URI: ``http(s)`` only, or None.

    The URL came from the article (a feed, a page's canonical link), so it is hostile: characters a
    URI may not hold (``<``, spaces, quotes, controls) are percent-encoded, and any other scheme
    (``javascript:``, ``data:``) is dropped rather than handed to a browser or a consumer that might
    follow it. The web pages' links and the STIX and ClaimReview exports all go through here.
    """
    text = str(url or "").strip()
    if not text or urlsplit(text).scheme.lower() not in ("http", "https"):
        return None
    return quote(text, safe=":/?#[]@!$&'()*+,;=%~-._")
