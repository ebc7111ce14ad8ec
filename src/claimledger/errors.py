"""One exception tree, with codes, so every failure reaches a user as one line.

::

    ClaimledgerError            base; .code, .message; str() is the one line a user sees
    ├── InputError              one input cannot be read (names the input); a batch goes on
    ├── StoreError              the ledger cannot be opened or written
    │   └── NotALedgerError     the file is not a claimledger ledger (or not a database at all)
    ├── OutputError             a file the user asked us to write cannot be written (names it)
    ├── ModelError              a language model is missing or is not the one pinned
    └── UsageError              arguments that do not fit together
        ├── ArgumentError       a library call got the wrong type (also a TypeError)
        └── SettingError        a CLAIMLEDGER_* value that does not parse (names the setting)

    LedgerDamageWarning         a warning, not an error: a stored row that cannot be read
                                (hand-edited, tampered) was skipped; the rest is answered

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
OUTSIDE_FOLDER = "outside-folder"  # a link in a folder pointing outside it (follow_symlinks is off)
SYMLINK_LOOP = "symlink-loop"  # a link that leads back to itself or to a folder already read


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


class NotALedgerError(StoreError):
    """The target exists but is not a claimledger ledger: another database, or not a database."""

    code = "not-a-ledger"


class OutputError(ClaimledgerError):
    """A file the user named for output (export, plot, predictions) cannot be written."""

    code = "output"

    def __init__(self, target: str, message: str) -> None:
        super().__init__(message)
        self.target = target


class ModelError(ClaimledgerError):
    """A language model cannot be loaded, or its files are not the ones the project pinned."""

    code = "model"


class ArgumentError(UsageError, TypeError):
    """A library function got an argument of the wrong type (``Ledger.add("text")``).

    Also a ``TypeError``, so code that guards calls the Python way keeps working.
    """

    code = "argument"


class SettingError(UsageError):
    """A ``CLAIMLEDGER_*`` environment value that does not parse: names the variable and what it accepts."""

    code = "setting"

    def __init__(self, variable: str, value: str, accepts: str) -> None:
        super().__init__(f"{variable}={value!r} is not valid: expected {accepts}")
        self.variable = variable


class LedgerDamageWarning(UserWarning):
    """A stored row could not be read (a span outside its text, bad JSON, an unknown label) and was skipped.

    Issued with ``warnings.warn`` so a library user can filter or escalate it; the CLI
    prints each one as a ``note`` line on stderr and answers from the rows that are sound.
    """


def internal_line(exc: BaseException) -> str:
    """One line for a failure of our own code on one article (a bug): what a batch reports
    beside that article before it goes on. With ``CLAIMLEDGER_DEBUG`` set the caller re-raises
    instead, so a developer sees the traceback."""
    message = " ".join(str(exc).split())[:200]
    return f"internal error: {type(exc).__name__}: {message} (a bug to report; CLAIMLEDGER_DEBUG=1 shows more)"


def debugging() -> bool:
    """Whether ``CLAIMLEDGER_DEBUG`` asks for tracebacks instead of one-line reports."""
    import os

    return bool(os.environ.get("CLAIMLEDGER_DEBUG"))
