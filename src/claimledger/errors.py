"""One exception tree, with codes, so every failure reaches a user as one line.

::

    ClaimledgerError            base; .code, .message; str() is the one line a user sees
    ├── InputError              one input cannot be read (names the input); a batch goes on
    ├── StoreError              the ledger cannot be opened or written
    └── UsageError              arguments that do not fit together

Inputs that can be read only in part (decoded with replacements, a truncated archive
whose first records were kept) are not errors: the reader keeps what it got and
attaches a warning line to the article.
"""

from __future__ import annotations

# Codes for unreadable inputs. Stable strings: scripts may match on them.
MISSING = "missing"
EMPTY = "empty"
BINARY = "binary"
TOO_LARGE = "too-large"
ENCODING = "encoding"
NO_TEXT = "no-main-text"
TOO_DEEP = "too-deeply-nested"
NOT_A_FEED = "not-a-feed"
UNSAFE_XML = "unsafe-xml"
TRUNCATED = "truncated"
BAD_JSON = "bad-json"
FETCH = "fetch-failed"
FORBIDDEN_ADDRESS = "forbidden-address"
UNSUPPORTED = "unsupported"
UNREADABLE = "unreadable"  # the file exists but the OS refuses to read it (permissions, I/O error)
BAD_ARCHIVE = "bad-archive"  # an archive (WARC) that is damaged, not merely cut short
INTERNAL = "internal-error"  # a reader library failed in a way we did not foresee: a bug to report


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(ClaimledgerError):
    """One input (file, URL, feed entry, archive record) cannot be read."""

    def __init__(self, source: str, code: str, message: str) -> None:
        super().__init__(message, code=code)
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


class StoreError(ClaimledgerError):
    """The ledger cannot be opened, migrated or written."""

    code = "store"


class UsageError(ClaimledgerError):
    """Arguments that do not fit together."""

    code = "usage"
