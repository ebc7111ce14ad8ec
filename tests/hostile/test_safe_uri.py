"""An article's URL is hostile: one rule makes it a link (web pages) or a URI (STIX, ClaimReview)."""

from __future__ import annotations

import pytest

from claimledger.safetext import safe_uri


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),
    ("  HTTP://Example.com/x  ", "HTTP://Example.com/x"),
    ('https://example.com/"><script>alert(1)</script>', "https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"),
    ("https://example.com/a b\u202e", "https://example.com/a%20b%E2%80%AE"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//example.com/no-scheme", None),
    ("", None),
    (None, None),
])
def test_safe_uri_keeps_http_links_and_encodes_what_a_uri_may_not_hold(url: object, expected: str | None) -> None:
    assert safe_uri(url) == expected
