"""Fetch one URL politely and safely: the only module that talks to the network.

A URL handed to claimledger may come from a feed written by anyone, so fetching is
treated as hostile input:

* **SSRF guard.** The host is resolved and every address it resolves to must be public:
  private, loopback, link-local (cloud metadata at 169.254.169.254), multicast, reserved,
  unspecified and shared (CGNAT) ranges are refused, in IPv4 and IPv6, including IPv4
  addresses hidden in IPv6 (``::ffff:127.0.0.1``, 6to4, Teredo) and numeric spellings
  (``http://2130706433/``). ``Settings.allow_private`` turns the guard off.
* **Every redirect is re-checked** (scheme and address) before it is followed, and at
  most ``max_redirects`` are followed; a loop is named as one.
* **Size cap while streaming.** A body over ``max_bytes`` is refused as soon as the
  header or the bytes received say so. Compressed bodies are inflated here, a slice at
  a time, and every layer of a stacked ``Content-Encoding`` is counted, so a gzip bomb,
  or a bomb inside a bomb, is stopped before it is in memory (``wire.BoundedDecoder``).
* **One total deadline.** ``fetch_timeout`` bounds connect and each read;
  ``fetch_deadline`` bounds the whole URL, redirects, headers and body together, at the
  socket (``wire.deadline_at``), so a server trickling header or body bytes cannot hold
  a batch hostage.

Tests inject an ``httpx`` transport (``httpx.MockTransport``), so they never touch the
network. With an injected transport, host names are not looked up in DNS (the transport
answers for them) unless a ``resolver`` is given too; literal IP addresses are always
checked. Known gap: the address is checked, then httpx connects by name, so a DNS server
that answers differently the second time (DNS rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from claimledger.errors import FETCH, FORBIDDEN_ADDRESS, TOO_LARGE, UNSUPPORTED, InputError
from claimledger.model import RawDoc
from claimledger.settings import Settings

from .wire import BodyRefused, BoundedDecoder, current_deadline, deadline_at, deadline_transport, time_left

Resolver = Callable[[str], list[str]]
"""Host name -> the IP addresses it resolves to (as strings)."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address if it is one, in any spelling a resolver would accept."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if host and all(ch in "0123456789abcdefxABCDEFX." for ch in host) and any(ch.isdigit() for ch in host):
        try:  # 127.1, 0x7f.0.0.1, 2130706433: inet_aton's legacy forms
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def forbidden_reason(ip: IPAddress) -> str | None:
    """What kind of non-public address ``ip`` is ("loopback address", ...), or None if public.

    The specific kinds come first (169.254.169.254 is private too, but "link-local" is what
    tells a reader it is the cloud metadata range).
    """
    if isinstance(ip, ipaddress.IPv6Address):
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None):
            if embedded is not None and (reason := forbidden_reason(embedded)):
                return f"{reason} {embedded} inside IPv6"
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((f"{label} address" for label, hit in checks if hit), None)


class Fetcher:
    """An httpx client with the guards above; one per batch so connections are reused."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.settings = settings
        self.resolver = resolver if resolver is not None else (system_resolver if transport is None else None)
        self.client = httpx.Client(
            transport=transport if transport is not None else deadline_transport(),
            follow_redirects=False,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def check_url(self, url: httpx.URL, name: str) -> InputError | None:
        """Refuse a URL whose scheme is not http(s) or whose host is not public."""
        if url.scheme not in ("http", "https"):
            return InputError(name, UNSUPPORTED, f"cannot fetch a {url.scheme or 'relative'}: URL ({url})")
        host = url.host
        if not host:
            return InputError(name, FETCH, f"URL has no host ({url})")
        if self.settings.allow_private:
            return None
        if host.lower().rstrip(".") in _LOCAL_NAMES or host.lower().rstrip(".").endswith(".localhost"):
            return InputError(name, FORBIDDEN_ADDRESS, f"refused: {host} is this machine (allow_private is off)")
        literal = parse_ip(host)
        try:
            addresses = [literal] if literal else [parse_ip(a) for a in self.resolver(host)] if self.resolver else []
        except (OSError, UnicodeError) as exc:
            return InputError(name, FETCH, f"cannot resolve {host} ({exc})")
        for ip in addresses:
            if ip is not None and (reason := forbidden_reason(ip)):
                what = f"is a {reason}" if literal else f"resolves to {ip}, a {reason}"
                return InputError(name, FORBIDDEN_ADDRESS, f"refused: {host} {what} (allow_private is off)")
        return None

    def get(self, url: str, name: str | None = None) -> RawDoc | InputError:
        """GET ``url`` (following checked redirects) as a RawDoc, or the reason it failed.

        The whole call, redirects included, ends by ``fetch_deadline`` (or by an earlier
        deadline the caller set with ``wire.deadline_at``, such as a feed's).
        """
        seconds = self.settings.fetch_deadline
        with deadline_at(time.monotonic() + seconds, "fetch_deadline", seconds):
            return self._get(url, name or url)

    def _get(self, url: str, name: str) -> RawDoc | InputError:
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            return InputError(name, FETCH, f"not a valid URL ({exc})")
        seen = {str(current)}
        for _ in range(self.settings.max_redirects + 1):
            if refused := self.check_url(current, name):
                return refused
            try:
                outcome = self._get_once(current, name)
            except BodyRefused as exc:
                return InputError(name, exc.code, str(exc))
            except httpx.TimeoutException as exc:
                return _timed_out(name, current, exc)
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, UnicodeError, OSError) as exc:
                return InputError(name, FETCH, f"fetching {current} failed ({type(exc).__name__}: {exc})")
            if not isinstance(outcome, httpx.URL):
                return outcome
            if str(outcome) in seen:
                return InputError(name, FETCH, f"redirect loop at {outcome}")
            seen.add(str(outcome))
            current = outcome
        return InputError(name, FETCH, f"more than {self.settings.max_redirects} redirects (max_redirects)")

    def _get_once(self, url: httpx.URL, name: str) -> RawDoc | InputError | httpx.URL:
        """One request: the document, the error, or the redirect target to check next."""
        limit = self.settings.max_bytes
        with self.client.stream("GET", url) as response:
            if response.is_redirect:
                location = response.headers.get("location", "")
                if not location:
                    return InputError(name, FETCH, f"HTTP {response.status_code} redirect without a Location")
                return url.join(location)
            if response.status_code >= 400:
                return InputError(name, FETCH, f"HTTP {response.status_code} {response.reason_phrase} for {url}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return InputError(
                    name,
                    TOO_LARGE,
                    f"download of {int(declared):,} bytes is over the {limit:,}-byte limit (max_bytes)",
                )
            chunks = _body(response, limit)
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            return RawDoc(
                uri=str(response.url),
                data=b"".join(chunks),
                media_type=media_type,
                raw_ref=str(response.url),
                fetched_at=datetime.now(UTC),
                charset=charset,
            )


def _body(response: httpx.Response, limit: int) -> list[bytes]:
    """The decoded body, capped at ``limit`` bytes in every encoding layer and bounded by the deadline."""
    if response.is_stream_consumed:
        # An injected transport (httpx.MockTransport) that built the body in memory: httpx
        # has decoded it already, and nothing is left to bound but its size.
        if len(response.content) > limit:
            raise BodyRefused(TOO_LARGE, f"download exceeds the {limit:,}-byte limit (max_bytes)")
        return [response.content]
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit)
    chunks: list[bytes] = []
    for chunk in response.iter_raw():
        chunks.extend(decoder.feed(chunk))
        if (left := time_left()) is not None and left <= 0:
            raise httpx.ReadTimeout("the deadline passed between chunks")
    chunks.extend(decoder.flush())
    return chunks


def _timed_out(name: str, url: httpx.URL, exc: httpx.TimeoutException) -> InputError:
    """A timeout, naming the total deadline when that is what ran out (not one slow read)."""
    found = current_deadline()
    if found is not None and found.at - time.monotonic() <= 0.05:
        why = f"no complete answer within {found.seconds:g}s ({found.setting})"
    else:
        why = f"timed out ({type(exc).__name__}; fetch_timeout)"
    return InputError(name, FETCH, f"fetching {url} failed: {why}")


def _content_type(header: str) -> tuple[str, str | None]:
    """(media type, charset) from a Content-Type header value."""
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset
