"""URL lists: a text file that only names pages is read as those pages, not as an article.

``claimledger analyze urls.txt`` with one http(s) URL a line means "read these", never
"store this list of addresses as a news story". The rule (RFC 2483's ``text/uri-list``,
with blank lines allowed) is decided by content, like every other kind (``sniff.py``):

* every line that is not blank and does not start with ``#`` is exactly one http(s) URL
  (``http://`` or ``https://``, a host, no spaces), and there is at least one such line;
* a file with one line of prose among its URLs is an ordinary text article (a reading
  list with notes is someone's text, and guessing which lines to fetch would be worse);
* the rule is applied to local files and standard input only. A page fetched from the
  web that happens to be a list of URLs stays text: a server must not decide what else
  gets fetched (no chains of lists, no fan-out a user did not write).

Each URL is then read as if it were given on the command line (fetched through
``fetch.Fetcher``, with its SSRF guard, size cap and deadline; a page, a feed or an
archive), each failing one is one error naming it, and the list goes on. A URL listed
again (the same address up to its ``#fragment``, which is never sent to the server) is
read once; its article carries a note saying on which lines it was repeated.

A batch shard reads a run of lines (``Input.lines``): every worker parses the whole list
(it is small beside the pages it names) and reads the URLs first listed in its run, so
shards read together read exactly what the whole list reads (``batch/shards.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import bom_encoding

_URL_LINE = re.compile(r"(?i)https?://[^\s/?#]+\S*")


@dataclass(frozen=True, slots=True)
class Listed:
    """One URL of a list: where it is first listed, and the lines that list it again."""

    line: int
    url: str
    repeats: tuple[int, ...] = ()

    def note(self, source: str) -> str | None:
        """The note the URL's article carries when the list ``source`` names it more than once."""
        if not self.repeats:
            return None
        lines = ", ".join(map(str, self.repeats))
        return f"listed again on line(s) {lines} of {source} (first on line {self.line}); read once"


def decode(data: bytes) -> str:
    """The list as text: a byte-order mark is honoured, otherwise UTF-8 (bad bytes replaced).

    A URL is ASCII in practice; a stray bad byte makes a line no URL (so the file is
    text), it never makes the read fail.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return data[bom[1] :].decode(bom[0], errors="replace")
    return data.decode("utf-8", errors="replace")


def _is_url_line(line: str) -> bool:
    return _URL_LINE.fullmatch(line) is not None


def is_url_list(text: str, *, cut: bool = False) -> bool:
    """True when every non-blank, non-``#`` line of ``text`` is one http(s) URL, and one at least.

    ``cut``: ``text`` is the head of a longer input, so its last line may end mid-URL and is
    not judged (the whole input is judged again once read, ``cut=False``).
    """
    lines = text.splitlines()
    if cut and lines and not text.endswith(("\n", "\r")):
        lines.pop()
    found = False
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _is_url_line(line):
            return False
        found = True
    return found


def _key(url: str) -> str:
    """What makes two listed URLs the same page: the URL without its ``#fragment``."""
    return url.split("#", 1)[0]


def parse(text: str) -> list[Listed]:
    """The URLs of a list (``is_url_list`` holds), in order, each once, with its repeats."""
    first: dict[str, int] = {}
    found: list[tuple[int, str]] = []
    repeats: dict[str, list[int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or not _is_url_line(line):
            continue
        key = _key(line)
        if key in first:
            repeats.setdefault(key, []).append(number)
            continue
        first[key] = number
        found.append((number, line))
    return [Listed(number, url, tuple(repeats.get(_key(url), ()))) for number, url in found]


def select(listed: list[Listed], lines: tuple[int, int] | None) -> list[Listed]:
    """The URLs first listed on lines ``first`` to ``last`` (1-based, inclusive); all without ``lines``."""
    if lines is None:
        return listed
    low, high = lines
    return [item for item in listed if low <= item.line <= high]


def line_ranges(listed: list[Listed], per_shard: int, total_lines: int) -> list[tuple[int, int]]:
    """Runs of lines that hold ``per_shard`` URLs each and together cover lines 1 to ``total_lines``."""
    if per_shard < 1 or len(listed) <= per_shard:
        return [(1, total_lines)]
    starts = [item.line for item in listed[::per_shard]]
    starts[0] = 1
    ends = [start - 1 for start in starts[1:]] + [total_lines]
    return list(zip(starts, ends, strict=True))
