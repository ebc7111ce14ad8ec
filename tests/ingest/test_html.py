"""HTML extraction on the real pages in ../shared, and on hostile synthetic pages."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimledger.errors import NO_TEXT, TOO_DEEP, TOO_LARGE, InputError
from claimledger.ingest.html import choose_title, extract_html, fragment_text, nesting_depth, scan_markup
from claimledger.model import Article, RawDoc

from .conftest import Read


def _article(pages: dict[str, Article | InputError], name: str) -> Article:
    result = pages[name]
    assert isinstance(result, Article), str(result)
    return result


def test_html_page_contains_every_must_contain_sentence(
    page_name: str, pages: dict[str, Any], expected: dict[str, Any], squash: Callable[[str], str]
) -> None:
    text = squash(_article(pages, page_name).text)
    missing = [s for s in expected[page_name]["must_contain"] if squash(s) not in text]
    assert not missing, f"{page_name}: missing {missing}"


def test_html_page_leaves_out_every_must_not_contain_string(
    page_name: str, pages: dict[str, Any], expected: dict[str, Any], squash: Callable[[str], str]
) -> None:
    text = squash(_article(pages, page_name).text)
    leaked = [s for s in expected[page_name]["must_not_contain"] if squash(s) in text]
    assert not leaked, f"{page_name}: leaked {leaked}"


def test_html_page_title_is_the_headline(page_name: str, pages: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _article(pages, page_name).title == expected[page_name]["title"]


def test_html_page_published_date(page_name: str, pages: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _article(pages, page_name).published == expected[page_name]["published"]


def test_html_page_language(page_name: str, pages: dict[str, Any], expected: dict[str, Any]) -> None:
    assert _article(pages, page_name).lang == expected[page_name]["language"]


def test_html_page_paragraphs_are_separated_by_one_blank_line(page_name: str, pages: dict[str, Any]) -> None:
    text = _article(pages, page_name).text
    assert "\n\n" in text
    assert "\n\n\n" not in text
    assert text == text.strip()


def test_html_cp1252_page_decodes_to_the_utf8_text(pages: dict[str, Any]) -> None:
    utf8 = _article(pages, "sv-gp.se-brand-i-hamn.html")
    cp1252 = _article(pages, "sv-gp.se-brand-i-hamn.cp1252.html")
    assert cp1252.text == utf8.text
    assert cp1252.title == utf8.title == "Brand i hamn i norra skärgården"
    assert "\ufffd" not in cp1252.text and "Ã" not in cp1252.text
    assert cp1252.warnings == ("decoded as windows-1252",)


def test_html_metadata_title_junk_gives_way_to_headline(pages: dict[str, Any]) -> None:
    # The telegraph page's metadata title is the CMS name "escenic".
    assert _article(pages, "en-telegraph.co.uk-plumber-jailed.html").title == (
        "Plumber jailed after boiler killed millionaire's daughter"
    )


def test_html_choose_title_rules() -> None:
    assert choose_title("escenic", "Plumber jailed after boiler blast", [], "The Telegraph") == (
        "Plumber jailed after boiler blast"
    )
    assert choose_title("Brexit", None, [], "BBC") == "Brexit"  # one word beats nothing
    assert choose_title("BBC", None, [], "BBC") is None  # the site's name is no title
    assert choose_title("Talks stall in Geneva", "Live: all the latest", [], "X") == "Talks stall in Geneva"
    assert choose_title("Geneva talks stall", "Talks in Geneva stall again", [], "X") == "Talks in Geneva stall again"


def test_html_wrong_header_charset_decodes_as_utf8_with_a_note(raw_dir: Path) -> None:
    data = (raw_dir / "html" / "no-tine.no-fotballskole.html").read_bytes()
    raw = RawDoc(uri="https://www.tine.no/x", data=data, media_type="text/html", raw_ref="x", charset="ISO-8859-1")
    article = extract_html(raw, max_depth=400)
    assert isinstance(article, Article)
    assert "nærmer seg slutten" in article.text and "Ã" not in article.text
    assert article.warnings == ("declared ISO-8859-1 but the bytes are UTF-8; decoded as UTF-8",)
    assert article.url == "https://www.tine.no/x"


def test_html_without_main_text_is_no_text(read: Read, write: Callable[[str, str], Path]) -> None:
    page = write(
        "menu.html",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<div id='cookie'>Cookies</div></body></html>",
    )
    batch = read([page])
    assert [e.code for e in batch.errors] == [NO_TEXT]
    assert str(batch.errors[0]) == f"{page}: HTML page has no main text [{NO_TEXT}]"


def test_html_deeply_nested_page_is_refused_fast(read: Read, write: Callable[[str, str], Path]) -> None:
    page = write("deep.html", "<html><body>" + "<div>" * 100_000 + "text " * 50 + "</div>" * 100_000)
    start = time.perf_counter()
    batch = read([page])
    assert time.perf_counter() - start < 2.0
    assert [e.code for e in batch.errors] == [TOO_DEEP]
    assert "nested more than 400 levels" in str(batch.errors[0])


def test_html_page_with_too_many_elements_is_refused_fast(read: Read, write: Callable[[str, str], Path]) -> None:
    page = write("flat.html", "<html><body>" + "<p>word " * 150_000)
    start = time.perf_counter()
    (error,) = read([page]).errors
    assert time.perf_counter() - start < 2.0
    assert str(error) == f"{page}: HTML has more than 100,000 elements; not an article page [{TOO_LARGE}]"


def test_html_nesting_under_the_limit_is_read(read: Read, write: Callable[[str, str], Path]) -> None:
    body = "<p>" + "The minister said the plan would cost more than expected. " * 8 + "</p>"
    page = write("nested.html", "<html><body>" + "<div>" * 60 + body + "</div>" * 60 + "</body></html>")
    batch = read([page])
    assert len(batch.articles) == 1 and not batch.errors


def test_html_nesting_depth_ignores_void_optional_and_script_tags() -> None:
    markup = "<div><p>a<p>b<br><img src=x><li>c<script>'<div><div><div>'</script><!-- <div><div> --></div>"
    assert nesting_depth(markup, 400) == 1
    assert nesting_depth("<span>" * 1000, 10) == 11  # stops just past the limit


def test_html_scan_markup_finds_a_raw_text_end_tag_in_any_case() -> None:
    # the script's body holds a <div> that is no element; its end tag is written in mixed case
    markup = "<div><script>if (a <div) {}</ScRiPt><section><p>Text</section>"
    assert scan_markup(markup, 400) == (1, 4)
    # the same where the page holds a character that lowers to two (U+0130) or to 'k' (U+212A)
    for odd in ("\u0130", "\u212a"):
        assert scan_markup(f"<div><script>if (a <div) {{}}</ScRiPt><section>{odd}<p>Text</section>", 400) == (1, 4)
    assert scan_markup("<div><style>p{}", 400) == (1, 2)  # a body never closed runs to the end
    assert scan_markup("<div><span class='x'", 400) == (1, 1)  # a tag never closed ends the scan


def test_html_fragment_text_keeps_blocks_apart_and_drops_scripts() -> None:
    text = fragment_text("<p>One <b>bold</b> line.</p><script>x()</script><div>Two<br/>lines</div>Tail")
    assert text == "One bold line.\n\nTwo\nlines\n\nTail"


def test_html_fragment_text_survives_deep_nesting() -> None:
    assert fragment_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"
