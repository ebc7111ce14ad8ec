"""Bytes to text, and plain-text inputs to Articles, without changing a character.

Every record downstream stores character offsets into ``Article.text``; if this module
stripped a trailing line, folded a non-breaking space or normalised line endings, the
offsets computed on one reading would not index another. So decoding is the only thing
done here: a UTF-8 byte-order mark is dropped (it is an encoding artefact, not text), and
everything else (NBSP in "10 000", page debris after the article, ``\\r\\n``) is kept.

Decoding order, and why:

1. A byte-order mark (UTF-8, UTF-16, UTF-32) is the strongest evidence there is.
2. Strict UTF-8: valid UTF-8 with non-ASCII bytes practically never happens by accident
   in a legacy encoding, so it beats any declaration (an HTTP header that says ISO-8859-1
   over UTF-8 bytes is wrong more often than the bytes are).
3. Mostly-valid UTF-8 (more well-formed multi-byte characters than bad bytes) is UTF-8
   with damage: decode what can be decoded, replace the rest, and say how many places.
4. A declared legacy charset (HTTP header, ``<meta charset>``), when there is one.
5. windows-1252, the de-facto Western legacy encoding (a superset of printable
   Latin-1), and Latin-1 as the last resort, which cannot fail; always with a warning.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from claimledger.errors import EMPTY, InputError
from claimledger.model import Article, RawDoc

from .lang import choose_language

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 LE must be tried before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Labels that mean "Latin-1" on the web but are, per the WHATWG encoding standard,
# decoded as windows-1252 by every browser: pages labelled ISO-8859-1 use 0x80-0x9F
# for curly quotes and dashes.
_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec that produced it and the notes a user should see."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def bom_encoding(data: bytes) -> tuple[str, int, str] | None:
    """The (codec, BOM length, display name) a byte-order mark announces, if any."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, len(bom), label
    return None


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown or empty."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD replacement; return the text and how many replacements we made."""
    text = data.decode(codec, errors="replace")
    already = data.count("\ufffd".encode(codec)) if codec.startswith("utf") else 0
    return text, max(0, text.count("\ufffd") - already)


def _looks_like_damaged_utf8(text: str, bad: int) -> bool:
    """True when well-formed multi-byte characters outnumber the bad bytes.

    Latin-1 or windows-1252 text read as UTF-8 yields *no* well-formed non-ASCII
    characters (each accented letter is a lone high byte), so this separates "UTF-8 with a
    few broken bytes" from "a legacy encoding" reliably.
    """
    # non-ASCII characters are what an ASCII encoding drops: counted in C, not a Python loop per character
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return good > bad


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` by the order in the module docstring; never raises."""
    bom = bom_encoding(data)
    if bom is not None:
        codec, size, label = bom
        text, bad = _decode_counting(data[size:], codec)
        notes: list[str] = [] if label == "UTF-8" else [f"decoded as {label} (byte-order mark)"]
        if bad:
            notes.append(f"invalid {label} replaced at {bad} places")
        return Decoded(text, codec, tuple(notes))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text, bad = _decode_counting(data, "utf-8")
    if _looks_like_damaged_utf8(text, bad):
        return Decoded(text, "utf-8", (f"invalid UTF-8 replaced at {bad} places",))
    legacy = normalize_charset(declared)
    if legacy is not None and legacy != "utf-8":
        text, bad = _decode_counting(data, legacy)
        notes = [f"decoded as {legacy} (declared)"] if legacy != "cp1252" else ["decoded as windows-1252"]
        if bad:
            notes.append(f"invalid {legacy} replaced at {bad} places")
        return Decoded(text, legacy, tuple(notes))
    try:
        return Decoded(data.decode("cp1252"), "cp1252", ("not UTF-8; decoded as windows-1252",))
    except UnicodeDecodeError:
        # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in windows-1252; Latin-1 maps
        # every byte, so it is the decoding that keeps every byte and cannot fail.
        return Decoded(data.decode("latin-1"), "latin-1", ("not UTF-8; decoded as Latin-1",))


def read_text(raw: RawDoc, *, lang: str | None = None) -> Article | InputError:
    """A plain-text input as an Article whose text is the decoded bytes, untouched."""
    decoded = decode_bytes(raw.data, raw.charset)
    if not decoded.text.strip():
        return InputError(raw.raw_ref, EMPTY, "only whitespace, no text")
    url = raw.uri if raw.uri.startswith(("http://", "https://")) else None
    return Article(
        text=decoded.text,
        lang=lang or choose_language(decoded.text),
        title=raw.meta.get("title") or headline(decoded.text),
        url=url,
        fetched_at=raw.fetched_at,
        raw_ref=raw.raw_ref,
        warnings=decoded.warnings,
    )


def headline(text: str) -> str | None:
    """A plain-text article's first line, when it stands alone like a headline (the text keeps it)."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if not sep or not rest.startswith(("\n", "\r\n")) or not first or len(first) > 200:
        return None
    if first.endswith((".", ",", ";")) or len(first.split()) < 2:
        return None
    return first
