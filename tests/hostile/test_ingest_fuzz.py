"""Seeded fuzzing of every reader: whatever the bytes, a batch yields Articles and one-line errors.

Each format gets inputs shaped like it (a feed with poisoned entries, a WARC record with
a lying length, JSON Lines with lone surrogates), so the fuzzer reaches past the sniffer
into the reader, and every input also goes through ``read_articles`` from standard input,
so sniffing is fuzzed too. The properties are the ones a batch of ten thousand relies on:
nothing is raised, no ``internal-error`` (a reader crash we did not foresee), every error
is one line, and every article's text can be encoded as UTF-8 (a lone surrogate that got
through would fail later, in language detection or the store).

Runs derandomized (50 examples a reader), so a failure is the same failure on every machine.
``CLAIMLEDGER_FUZZ_EXAMPLES=N`` runs N random examples a reader instead: the long local runs
made before a release. Needs hypothesis (a dev dependency).
"""

from __future__ import annotations

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.errors import INTERNAL, InputError
from claimledger.ingest import read_articles
from claimledger.model import Article
from claimledger.settings import Settings

LONG_RUN = int(os.environ.get("CLAIMLEDGER_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=LONG_RUN or 50, deadline=None, derandomize=not LONG_RUN, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces that have broken readers somewhere: references to non-characters, stray markup,
# control bytes, bidi overrides, entity declarations, CDATA, enormous numbers.
NASTY = [
    "&#xD800;", "&#55296;", "&#x110000;", "&#0;", "&#x1F600;", "&amp;", "&bogus;", "&", "<", ">", "]]>",
    "<![CDATA[x]]>", "<!--", "-->", "<p>", "</p>", "<div>", "</div>", "<br/>", "<script>alert(1)</script>",
    "\x00", "\x1b[31m", "\u202e", "\ufeff", "\r", "\n\n", "Officials said on Monday that 12 drones fell.",
    "Enligt försvarsmakten sköts tolv drönare ner.", "9" * 40, "Continue reading...", "…",
]  # fmt: skip
piece = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
fragment = st.lists(piece, max_size=25).map("".join)


def _check(items: list[Article | InputError]) -> None:
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert item.code != INTERNAL, str(item)
            assert "\n" not in str(item) and "\r" not in str(item)
        else:
            for value in (item.text, item.title, item.url, item.outlet, item.published, *item.warnings):
                if value is not None:
                    value.encode("utf-8")  # raises on a lone surrogate
            assert item.text.strip()


def _read(data: bytes, name: str = "-") -> list[Article | InputError]:
    items = list(read_articles(["-"], Settings(max_bytes=2_000_000), stdin=io.BytesIO(data)))
    _check(items)
    return items


@FUZZ
@given(st.one_of(st.binary(max_size=3000), fragment.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_hostile_fuzz_text_and_anything(data: bytes) -> None:
    _read(data)


@FUZZ
@given(title=fragment, body=fragment, charset=st.sampled_from(["utf-8", "iso-8859-1", "koi8-r", "bogus", ""]))
def test_hostile_fuzz_html(title: str, body: str, charset: str) -> None:
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    _read(page.encode("utf-8", "surrogatepass"))


record = st.fixed_dictionaries(
    {"text": st.one_of(fragment, st.integers(), st.none()), "lang": st.sampled_from(["sv", "en", "xx", "", None])},
    optional={"title": fragment, "url": fragment, "published": fragment},
)
jsonl_line = st.one_of(
    record.map(lambda r: json.dumps(r, ensure_ascii=True).encode()),
    st.sampled_from([b'{"text": "\\ud800 lone"}', b'{"text": "\\udfff"}', b"{", b"[]", b'{"text": "a\xff"}']),
    st.binary(max_size=80),
)


@FUZZ
@given(st.lists(jsonl_line, min_size=1, max_size=12))
def test_hostile_fuzz_jsonl(lines: list[bytes]) -> None:
    data = b'{"text": "Officials said on Monday that 12 drones fell."}\n' + b"\n".join(lines) + b"\n"
    items = _read(data)
    assert isinstance(items[0], Article)  # the good first line survives whatever follows


entry = st.tuples(fragment, fragment, st.sampled_from(["https://news.example/a", "", "javascript:x", "/rel"]))


@FUZZ
@given(st.lists(entry, min_size=1, max_size=6), st.booleans())
def test_hostile_fuzz_feeds(entries: list[tuple[str, str, str]], atom: bool) -> None:
    if atom:
        items = "".join(
            f"<entry><title>{t}</title><link href='{link}'/><content type='html'>{b}</content></entry>"
            for t, b, link in entries
        )
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>{items}</feed>'
    else:
        items = "".join(
            f"<item><title>{t}</title><link>{link}</link><description>{b}</description></item>"
            for t, b, link in entries
        )
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
    _read(doc.encode("utf-8", "surrogatepass"))


def _warc_record(body: bytes, media: str, declared: int | None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + media.encode("utf-8", "surrogatepass") + b"\r\n\r\n" + body
    length = len(http) if declared is None else declared
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: https://news.example/a\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


@FUZZ
@given(
    body=fragment,
    media=st.sampled_from(["text/html; charset=utf-8", "text/plain", "text/html; charset=bogus", "image/png", ""]),
    declared=st.one_of(st.none(), st.integers(min_value=0, max_value=5000)),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
    packed=st.booleans(),
)
def test_hostile_fuzz_warc(body: str, media: str, declared: int | None, cut: int | None, packed: bool) -> None:
    page = f"<html><body><article><p>{body}</p><p>Officials said on Monday that 12 drones fell.</p></article>"
    data = _warc_record(page.encode("utf-8", "surrogatepass"), media, declared) * 2
    if packed:
        data = gzip.compress(data[: len(data) // 2]) + gzip.compress(data[len(data) // 2 :])
    _read(data if cut is None else data[: max(cut, 6)])
