"""RSS/Atom: entry counts on real feeds, linked pages through a mock site, hostile XML refused."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimledger.errors import EMPTY, NO_TEXT, NOT_A_FEED, UNSAFE_XML
from claimledger.ingest.feeds import entry_body, unsafe_xml_reason

from .conftest import Read

Write = Callable[[str, bytes | str], Path]

FEED_COUNTS = {
    "en-theguardian-world.rss.xml": 54,
    "fixtures-own.rss.xml": 19,
    "ru-touchnokia-needs-css-sanitisation.atom.xml": 15,
    "sv-cornucopia.rss.xml": 25,
    "sv-dn-nyheter-2021-02-09.rss.xml": 94,
    "sv-utdelningsseglaren.atom.xml": 25,
}

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>News</title>
<item><title>Leak</title><description>&xxe;</description><link>https://example.org/a</link></item>
</channel></rss>
"""

BODY = "<p>" + "The agency said the convoy had crossed the border overnight, according to officials. " * 10 + "</p>"


def _rss(*items: str, title: str = "Test feed") -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{"".join(items)}</channel></rss>'


@pytest.mark.parametrize("name", sorted(FEED_COUNTS))
def test_feeds_every_entry_is_accounted_for(read: Read, raw_dir: Path, name: str) -> None:
    batch = read([raw_dir / "feeds" / name])
    assert len(batch.items) == FEED_COUNTS[name]
    assert [x.raw_ref for x in batch.articles] == [
        f"{raw_dir / 'feeds' / name}#entry={i}" for i in range(1, FEED_COUNTS[name] + 1) if i not in _failed(batch)
    ]
    assert {e.code for e in batch.errors} <= {NO_TEXT}


def _failed(batch: Any) -> set[int]:
    return {int(e.source.rsplit("=", 1)[1]) for e in batch.errors}


def test_feeds_guardian_feed_is_not_well_formed_but_all_54_items_are_read(read: Read, raw_dir: Path) -> None:
    batch = read([raw_dir / "feeds" / "en-theguardian-world.rss.xml"])
    assert len(batch.articles) == 54 and not batch.errors
    first = batch.articles[0]
    assert first.lang == "en" and first.published == "2022-09-23"
    assert first.url and first.url.startswith("https://www.theguardian.com/")
    assert "Continue reading" not in first.text  # the teaser tail is cut ...
    assert first.warnings == (  # ... and said so, once for the whole feed
        "feed-wide: 54 of 54 entries carry only a teaser; the feed's text was kept and their linked pages"
        " were not fetched (follow_links is off)",
    )
    assert not any(a.warnings for a in batch.articles[1:])


def test_feeds_full_bodies_are_used_without_fetching(
    read: Read, raw_dir: Path, no_network: httpx.MockTransport
) -> None:
    batch = read([raw_dir / "feeds" / "sv-cornucopia.rss.xml"], transport=no_network)
    assert len(batch.articles) == 25 and not batch.errors
    assert all(a.lang == "sv" and not a.warnings for a in batch.articles)
    assert all("\n\n" in a.text for a in batch.articles if len(a.text) > 2000)


def test_feeds_russian_atom_content(read: Read, raw_dir: Path) -> None:
    batch = read([raw_dir / "feeds" / "ru-touchnokia-needs-css-sanitisation.atom.xml"])
    assert {a.lang for a in batch.articles} == {"ru"}
    assert all(a.published and a.published.startswith("2009-") for a in batch.articles)


def test_feeds_linked_pages_are_fetched_and_extracted(
    read: Read, raw_dir: Path, fixture_site: httpx.MockTransport, expected: dict[str, Any], squash: Any
) -> None:
    feed = raw_dir / "feeds" / "fixtures-own.rss.xml"
    batch = read([feed], transport=fixture_site, follow_links=True)
    assert len(batch.articles) == 19 and not batch.errors
    for article in batch.articles:
        assert article.url and article.url.startswith("https://example.org/claimledger-fixtures/")
        page = expected[article.url.rsplit("/", 1)[1]]
        text = squash(article.text)
        assert all(squash(sentence) in text for sentence in page["must_contain"]), page["file"]
        assert article.title == page["title"]  # the entry's title
        assert article.published == page["published"]  # the entry's date
        assert article.lang == page["language"]
        assert article.raw_ref.startswith(f"{feed}#entry=")


def test_feeds_failed_link_keeps_the_teaser_with_a_warning(read: Read, write: Write, site: Any) -> None:
    feed = write(
        "teaser.rss",
        _rss(
            "<item><title>Talks stall</title><link>https://news.example/a</link>"
            "<description>Negotiators said on Monday that the talks had stalled again.</description></item>"
        ),
    )
    transport = site({"https://news.example/a": lambda r: httpx.Response(503)})
    (article,) = read([feed], transport=transport, follow_links=True).articles
    assert article.text == "Negotiators said on Monday that the talks had stalled again."
    assert article.warnings == (
        "feed-wide: followed 1 linked page(s): 0 read; 1 failed and kept the feed's text (HTTP 503; first:"
        " https://news.example/a: HTTP 503 Service Unavailable for https://news.example/a [fetch-failed])",
    )


def test_feeds_a_bad_entry_is_reported_and_the_rest_go_on(read: Read, write: Write) -> None:
    good = f"<item><title>Good</title><description><![CDATA[{BODY}]]></description></item>"
    empty = "<item><title>Nothing</title></item>"
    feed = write("mixed.xml", _rss(good, empty, good))
    batch = read([feed])
    assert [type(x).__name__ for x in batch.items] == ["Article", "InputError", "Article"]
    assert str(batch.errors[0]) == f"{feed}#entry=2: feed entry has no text and no link [{NO_TEXT}]"


def test_feeds_xml_that_is_not_a_feed_is_refused(read: Read, write: Write) -> None:
    path = write("config.xml", '<?xml version="1.0"?><config><option name="x">1</option></config>')
    (error,) = read([path]).errors
    assert error.code == NOT_A_FEED and str(error).startswith(f"{path}: ")


def test_feeds_feed_without_entries_is_empty(read: Read, write: Write) -> None:
    (error,) = read([write("quiet.rss", _rss())]).errors
    assert error.code == EMPTY


def test_feeds_billion_laughs_is_refused_before_parsing(read: Read, write: Write) -> None:
    path = write("lolz.xml", BILLION_LAUGHS)
    start = time.perf_counter()
    batch = read([path])
    assert time.perf_counter() - start < 1.0
    assert [e.code for e in batch.errors] == [UNSAFE_XML] and not batch.articles
    assert "never expanded" in str(batch.errors[0])


def test_feeds_external_entity_is_refused_never_resolved(read: Read, write: Write) -> None:
    batch = read([write("xxe.rss", EXTERNAL_ENTITY)])
    assert [e.code for e in batch.errors] == [UNSAFE_XML] and not batch.articles
    assert "external entity" in str(batch.errors[0])


def test_feeds_entity_text_inside_cdata_is_not_a_declaration() -> None:
    item = "<item><description><![CDATA[<!ENTITY xxe SYSTEM 'x'> explained]]></description></item>"
    assert unsafe_xml_reason(_rss(item).encode()) is None
    assert unsafe_xml_reason(EXTERNAL_ENTITY.encode("utf-16")) is not None


def test_feeds_teaser_detection_cuts_read_more_and_ads() -> None:
    entry = {"content": [{"type": "text/html", "value": "<p>Kort text.</p><p>Läs mer »</p><p>Annons: x</p>"}]}
    assert entry_body(entry) == ("Kort text.", False)
    assert entry_body({"summary": BODY, "summary_detail": {"type": "text/html"}})[1] is True
