"""Plain text: kept exactly as given, decoded with notes when it is not clean UTF-8."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from claimledger.ingest.text import decode_bytes

from .conftest import Read

SWEDISH = "Nordkorea uppskattas ha skickat omkring 10\u00a0000 soldater till Ryssland, enligt källor i Seoul.\n"


def test_text_reference_article_is_byte_exact(read: Read, raw_dir: Path) -> None:
    path = raw_dir / "nordkorea-ryssland.txt"
    batch = read([path])
    (article,) = batch.articles
    assert article.text == path.read_bytes().decode("utf-8")
    assert "10\u00a0000" in article.text  # NBSP kept
    assert article.text.endswith("regionen.\n\nShare.\nExit mobile version")  # page debris kept, nothing stripped
    assert article.lang == "sv"
    assert article.raw_ref == str(path)
    assert article.warnings == ()


def test_text_utf8_bom_is_the_only_thing_removed(read: Read, write: Callable[[str, bytes], Path]) -> None:
    body = "  \r\n" + SWEDISH + "\r\n\t trailing  \r\n"
    (article,) = read([write("bom.txt", codecs.BOM_UTF8 + body.encode("utf-8"))]).articles
    assert article.text == body
    assert article.warnings == ()


def test_text_invalid_utf8_is_replaced_and_counted(read: Read, write: Callable[[str, bytes], Path]) -> None:
    data = SWEDISH.encode("utf-8") + b"broken \xff here, \xc3 and \x80 there. " + SWEDISH.encode("utf-8")
    (article,) = read([write("broken.txt", data)]).articles
    assert article.text.count("\ufffd") == 3
    assert "källor i Seoul" in article.text
    assert article.warnings == ("invalid UTF-8 replaced at 3 places",)


def test_text_utf16_with_bom_is_decoded(read: Read, write: Callable[[str, bytes], Path]) -> None:
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        (article,) = read([write(f"{codec}.txt", bom + SWEDISH.encode(codec))]).articles
        assert article.text == SWEDISH
        assert article.warnings == ("decoded as UTF-16 (byte-order mark)",)
        assert article.lang == "sv"


def test_text_latin1_is_decoded_as_windows_1252_with_a_note(read: Read, write: Callable[[str, bytes], Path]) -> None:
    text = "Räddningstjänsten på Källö-Knippla säger att branden är släckt. Polisen utreder mordbrand.\n"
    (article,) = read([write("latin1.txt", text.encode("latin-1"))]).articles
    assert article.text == text
    assert article.warnings == ("not UTF-8; decoded as windows-1252",)


def test_text_windows_1252_punctuation_is_decoded(read: Read, write: Callable[[str, bytes], Path]) -> None:
    text = "“Vi vet inte”, säger han – och tillägger att utredningen pågår… enligt polisen.\n"
    (article,) = read([write("cp1252.txt", text.encode("cp1252"))]).articles
    assert article.text == text


def test_text_decode_bytes_never_fails_on_undefined_cp1252_bytes() -> None:
    decoded = decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d")
    assert decoded.encoding == "latin-1"
    assert decoded.text == "café \x81\x8d\x8f\x90\x9d"


def test_text_declared_charset_is_used_for_legacy_bytes() -> None:
    decoded = decode_bytes("Привет, мир".encode("koi8-r"), declared="KOI8-R")
    assert decoded.text == "Привет, мир"
    assert decoded.warnings == ("decoded as koi8-r (declared)",)


def test_text_valid_utf8_beats_a_wrong_declaration() -> None:
    decoded = decode_bytes("skärgården".encode(), declared="iso-8859-1")
    assert decoded.text == "skärgården" and decoded.encoding == "utf-8"


def test_text_headline_is_the_first_line_standing_alone() -> None:
    from claimledger.ingest.text import headline

    text = "Ryska drönare över Gotland\n\nEnligt Försvarsmakten sköts tolv ner."
    assert headline(text) == "Ryska drönare över Gotland"
    assert headline("Enligt Försvarsmakten sköts tolv ner.\n\nMer följer.") is None
    assert headline("En enda rad utan stycken") is None
