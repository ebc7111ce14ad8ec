"""URL lists: a file of http(s) URLs is read as the pages it names, each as if given as a source.

The pages are the real ones in ../shared/data/raw/html, answered under made-up example.org
URLs by a mock transport; the CLI test runs ``claimledger analyze`` in a subprocess against a
loopback server (``tests/loopback.py``), the only way to reach its real transport.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from tests.ingest.conftest import FIXTURE_URL, HTML_DIR, Read
from tests.loopback import serving

from claimledger.errors import FETCH, FORBIDDEN_ADDRESS
from claimledger.ingest import sniff, urllist

PAGES = ("en-bbc.com-imf-recession.html", "sv-gp.se-brand-i-hamn.html", "en-reuters.com-parasite-sag.html")
Write = Callable[[str, bytes | str], Path]


@pytest.mark.parametrize("content, kind", [
    ("https://example.org/a\nhttp://example.org/b?x=1#top\n", sniff.Kind.URLS),
    ("# my reading list\r\n\r\nhttps://example.org/a\r\n   https://example.org/b  \r\n", sniff.Kind.URLS),
    ("\ufeffhttps://example.org/only-one", sniff.Kind.URLS),
    ("https://example.org/a\nRead this first, it is the best one.\nhttps://example.org/b\n", sniff.Kind.TEXT),
    ("https://example.org/a and https://example.org/b\n", sniff.Kind.TEXT),
    ("https://example.org/a\nftp://example.org/b\n", sniff.Kind.TEXT),
    ("# nothing listed yet\n# https://example.org/a\n", sniff.Kind.TEXT),
    ("https://\n", sniff.Kind.TEXT),
])
def test_urllist_sniffed_by_content(write: Write, content: str, kind: sniff.Kind) -> None:
    path = write("list.txt", content)
    opened = sniff.open_path(path, "list.txt", 1_000_000)
    assert isinstance(opened, sniff.Opened) and opened.kind is kind


def test_urllist_prose_past_the_head_makes_it_text(write: Write) -> None:
    """The head of a long list decides too early; the whole file is judged once read."""
    lines = [f"https://example.org/story/{i:06d}" for i in range(4000)]
    data = ("\n".join(lines[:3000]) + "\nThese were the ones I liked.\n" + "\n".join(lines[3000:])).encode()
    assert len(data) > sniff.HEAD_BYTES and sniff.sniff_kind(data[: sniff.HEAD_BYTES], "l.txt", url_list=True) \
        is sniff.Kind.URLS
    opened = sniff.open_path(write("l.txt", data), "l.txt", 1_000_000)
    assert isinstance(opened, sniff.Opened) and opened.kind is sniff.Kind.TEXT
    whole = sniff.open_path(write("w.txt", "\n".join(lines)), "w.txt", 1_000_000)
    assert isinstance(whole, sniff.Opened) and whole.kind is sniff.Kind.URLS


def test_urllist_fetched_body_is_never_a_list() -> None:
    """A server does not choose what else gets fetched: a fetched list of URLs is text."""
    head = b"https://example.org/a\nhttps://example.org/b\n"
    assert sniff.sniff_kind(head, "https://example.org/list.txt") is sniff.Kind.TEXT


def test_urllist_reads_each_url_as_a_source(read: Read, write: Write, fixture_site: httpx.MockTransport) -> None:
    urls = [FIXTURE_URL + name for name in PAGES]
    listing = write("urls.txt", "\n".join([
        "# three real pages, one twice, one missing, one on this machine",
        urls[0], "", urls[1], urls[0] + "#comments", FIXTURE_URL + "gone.html", "http://127.0.0.1/x", urls[2],
    ]) + "\n")
    batch = read([listing], transport=fixture_site)
    direct = read(urls, transport=fixture_site)
    assert len(direct.articles) == 3 and not direct.errors
    assert [(a.id, a.raw_ref, a.title) for a in batch.articles] == [(a.id, a.raw_ref, a.title) for a in direct.articles]
    assert [(e.source, e.code) for e in batch.errors] == [(FIXTURE_URL + "gone.html", FETCH),
                                                           ("http://127.0.0.1/x", FORBIDDEN_ADDRESS)]
    assert [str(e).count("\n") for e in batch.errors] == [0, 0]
    assert batch.articles[0].warnings == (
        *direct.articles[0].warnings, f"listed again on line(s) 5 of {listing} (first on line 2); read once")
    assert [a.warnings for a in batch.articles[1:]] == [a.warnings for a in direct.articles[1:]]
    assert [type(x).__name__ for x in batch.items] == ["Article", "Article", "InputError", "InputError", "Article"]


def test_urllist_with_prose_is_one_text_article(read: Read, write: Write, no_network: httpx.MockTransport) -> None:
    content = ("Worth reading on the IMF forecast:\n" + FIXTURE_URL + PAGES[0] + "\n"
               "and the fire in the harbour, which the police said was started on purpose:\n"
               + FIXTURE_URL + PAGES[1] + "\n")
    batch = read([write("notes.txt", content)], transport=no_network)
    assert not batch.errors and len(batch.articles) == 1
    assert batch.articles[0].text.strip() == content.strip()


def test_urllist_from_stdin(read: Read, fixture_site: httpx.MockTransport) -> None:
    import io

    stdin = io.BytesIO(f"{FIXTURE_URL}{PAGES[2]}\n{FIXTURE_URL}{PAGES[0]}\n".encode())
    batch = read(["-"], transport=fixture_site, stdin=stdin)
    assert [a.raw_ref for a in batch.articles] == [FIXTURE_URL + PAGES[2], FIXTURE_URL + PAGES[0]]


def test_urllist_line_ranges_cover_each_url_once() -> None:
    text = "# list\n" + "\n".join(f"https://example.org/{i % 7}" for i in range(12)) + "\n\n# end\n"
    listed = urllist.parse(text)
    assert [x.url for x in listed] == [f"https://example.org/{i}" for i in range(7)]
    assert listed[0].repeats == (9,) and listed[6].repeats == ()
    spans = urllist.line_ranges(listed, 3, len(text.splitlines()))
    assert spans == [(1, 4), (5, 7), (8, 15)]
    assert [x for span in spans for x in urllist.select(listed, span)] == listed
    assert urllist.line_ranges(listed, 8, 15) == [(1, 15)]


def test_urllist_cli_reads_the_list_and_exits_1_for_the_bad_url(tmp_path: Path) -> None:
    """``claimledger analyze urls.txt`` as a user runs it: each page stored once, one line per bad URL."""
    with serving(HTML_DIR) as site:
        listing = tmp_path / "urls.txt"
        good = [f"{site.base}/{name}" for name in PAGES[:2]]
        listing.write_text(f"{good[0]}\n{site.base}/missing.html\n{good[1]}\n{good[0]}\n", encoding="utf-8")
        env = {**os.environ, "COLUMNS": "200", "CLAIMLEDGER_DEBUG": ""}
        res = subprocess.run([sys.executable, "-m", "claimledger", "analyze", str(listing), "--allow-private",
                              "--ledger", str(tmp_path / "l.sqlite"), "--quiet"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300)
        assert sorted(site.requests) == sorted(["/" + PAGES[0], "/missing.html", "/" + PAGES[1]])
    assert res.returncode == 1, res.stderr
    skipped = [line for line in res.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped {site.base}/missing.html: HTTP 404 File not found for {site.base}/missing.html "
                       "[fetch-failed]"]
    from claimledger import Ledger

    with Ledger(tmp_path / "l.sqlite") as ledger:
        stored = sorted(a["url"] for a in ledger.articles())
    assert stored == sorted(good)
