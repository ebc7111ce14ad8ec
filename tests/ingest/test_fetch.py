"""Fetching: the SSRF guard, redirect and size caps, and URL inputs, all over a mock transport."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from claimledger.errors import FETCH, FORBIDDEN_ADDRESS, TOO_LARGE
from claimledger.ingest.fetch import Fetcher, forbidden_reason, parse_ip
from claimledger.model import Article, RawDoc
from claimledger.settings import Settings

from .conftest import Read

Site = Callable[[dict[str, Callable[[httpx.Request], httpx.Response]]], httpx.MockTransport]

PAGE = (
    "<html><head><title>Talks stall again</title></head><body><article><h1>Talks stall again in Geneva</h1>"
    + "<p>Negotiators said on Monday that the talks had stalled, according to two officials.</p>" * 6
    + "</article></body></html>"
)


def _html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, text=PAGE)


def _redirect(to: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(302, headers={"Location": to})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[2002:7f00:1::]/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://localhost:8080/",
        "http://api.localhost/",
    ],
)
def test_fetch_private_and_local_addresses_are_refused(read: Read, no_network: httpx.MockTransport, url: str) -> None:
    (error,) = read([url], transport=no_network).errors
    assert error.code == FORBIDDEN_ADDRESS
    assert str(error).startswith(f"{url}: refused: ") and str(error).endswith(
        "(allow_private is off) [forbidden-address]"
    )


def test_fetch_allow_private_lets_a_local_address_through(read: Read, site: Site) -> None:
    transport = site({"http://127.0.0.1/story": _html})
    (article,) = read(["http://127.0.0.1/story"], transport=transport, allow_private=True).articles
    assert article.title == "Talks stall again in Geneva"
    assert article.url == article.raw_ref == "http://127.0.0.1/story"


def test_fetch_hostnames_are_checked_through_the_resolver(site: Site) -> None:
    transport = site({"http://intranet.example/": _html, "http://news.example/": _html})
    addresses = {"intranet.example": ["10.1.2.3"], "news.example": ["93.184.216.34", "2606:2800:220:1::1"]}
    fetcher = Fetcher(Settings(), transport=transport, resolver=lambda host: addresses[host])
    refused = fetcher.get("http://intranet.example/")
    assert str(refused) == (
        "http://intranet.example/: refused: intranet.example resolves to 10.1.2.3, a private address"
        " (allow_private is off) [forbidden-address]"
    )
    assert isinstance(fetcher.get("http://news.example/"), RawDoc)


def test_fetch_unresolvable_host_is_a_fetch_error() -> None:
    def fail(host: str) -> list[str]:
        raise OSError("Name or service not known")

    error = Fetcher(Settings(), transport=httpx.MockTransport(_html), resolver=fail).get("http://nowhere.example/")
    assert error.code == FETCH and "cannot resolve nowhere.example" in str(error)


def test_fetch_redirect_target_is_checked_again(read: Read, site: Site) -> None:
    transport = site({"https://news.example/a": _redirect("http://169.254.169.254/latest/meta-data/")})
    (error,) = read(["https://news.example/a"], transport=transport).errors
    assert error.code == FORBIDDEN_ADDRESS and "169.254.169.254 is a link-local address" in str(error)


def test_fetch_redirect_loop_is_caught(read: Read, site: Site) -> None:
    transport = site({"https://news.example/a": _redirect("/b"), "https://news.example/b": _redirect("/a")})
    (error,) = read(["https://news.example/a"], transport=transport).errors
    assert str(error) == "https://news.example/a: redirect loop at https://news.example/a [fetch-failed]"


def test_fetch_redirects_are_capped(read: Read, site: Site) -> None:
    routes = {f"https://news.example/{i}": _redirect(f"/{i + 1}") for i in range(10)}
    (error,) = read(["https://news.example/0"], transport=site(routes), max_redirects=3).errors
    assert error.code == FETCH and "more than 3 redirects" in str(error)


def test_fetch_redirect_within_the_cap_is_followed(read: Read, site: Site) -> None:
    transport = site(
        {"https://news.example/old": _redirect("https://news.example/new"), "https://news.example/new": _html}
    )
    (article,) = read(["https://news.example/old"], transport=transport).articles
    assert article.url == "https://news.example/new"


def _chunks(total: int) -> Iterator[bytes]:
    for _ in range(total // 1000):
        yield b"<p>" + b"x" * 993 + b"</p>"


def test_fetch_oversize_download_is_capped_while_streaming(read: Read, site: Site) -> None:
    transport = site({"https://news.example/big": lambda r: httpx.Response(200, content=_chunks(50_000))})
    (error,) = read(["https://news.example/big"], transport=transport, max_bytes=10_000).errors
    assert str(error) == "https://news.example/big: download exceeds the 10,000-byte limit (max_bytes) [too-large]"


def test_fetch_declared_oversize_download_is_refused_up_front(read: Read, site: Site) -> None:
    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "999999999"}, content=b"tiny")

    (error,) = read(["https://news.example/big"], transport=site({"https://news.example/big": big})).errors
    assert error.code == TOO_LARGE and "999,999,999 bytes" in str(error)


def test_fetch_gzip_bomb_is_capped_after_decoding(read: Read, site: Site) -> None:
    bomb = gzip.compress(b" " * 5_000_000)

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}, content=bomb)

    (error,) = read(
        ["https://news.example/z"], transport=site({"https://news.example/z": serve}), max_bytes=100_000
    ).errors
    assert error.code == TOO_LARGE


def test_fetch_sends_a_clear_user_agent(site: Site) -> None:
    seen: dict[str, Any] = {}

    def record(request: httpx.Request) -> httpx.Response:
        seen["ua"] = request.headers["User-Agent"]
        return _html(request)

    Fetcher(Settings(), transport=site({"https://news.example/": record})).get("https://news.example/")
    assert seen["ua"] == Settings().user_agent and seen["ua"].startswith("claimledger/")


def test_fetch_http_errors_and_timeouts_are_one_line(read: Read, site: Site) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    transport = site({"https://news.example/slow": slow})
    batch = read(["https://news.example/gone", "https://news.example/slow"], transport=transport)
    assert [str(e) for e in batch.errors] == [
        "https://news.example/gone: HTTP 404 Not Found for https://news.example/gone [fetch-failed]",
        "https://news.example/slow: fetching https://news.example/slow failed: timed out (ReadTimeout; fetch_timeout)"
        " [fetch-failed]",
    ]


def test_fetch_url_to_a_feed_reads_its_entries(read: Read, site: Site) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        "<item><title>Talks stall</title><link>https://news.example/story</link></item></channel></rss>"
    )
    rss = {"Content-Type": "application/rss+xml"}
    transport = site({
        "https://news.example/feed": lambda r: httpx.Response(200, headers=rss, text=feed),
        "https://news.example/story": _html,
    })  # fmt: skip
    (article,) = read(["https://news.example/feed"], transport=transport, follow_links=True).articles
    assert isinstance(article, Article)
    assert article.title == "Talks stall" and article.url == "https://news.example/story"
    assert article.raw_ref == "https://news.example/feed#entry=1"


def test_fetch_address_helpers() -> None:
    assert parse_ip("[::1]") is not None and parse_ip("example.org") is None
    assert forbidden_reason(parse_ip("93.184.216.34")) is None  # type: ignore[arg-type]
    assert "inside IPv6" in (forbidden_reason(parse_ip("::ffff:10.0.0.1")) or "")  # type: ignore[arg-type]


def test_fetch_without_a_transport_resolves_names_with_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimledger.ingest.fetch.system_resolver", lambda host: ["127.0.0.1"])
    error = Fetcher(Settings()).get("http://rebound.example/")
    assert str(error) == (
        "http://rebound.example/: refused: rebound.example resolves to 127.0.0.1, a loopback address"
        " (allow_private is off) [forbidden-address]"
    )
