"""Gold kept as character offsets into pages the repository may not hold.

Why: the English news pages under ``../shared/data/raw/html`` are their publishers' text, lent
for local testing only (that folder's ``SOURCES.md``), yet they are the closest thing we have to
the wire copy our users read. Their gold is therefore stored *stand-off*: each string of a
FORMAT.md record (source, cue, content; a quantity's text and what it counts) as the
``[start, end]`` of its first occurrence in the text claimledger's own HTML reader gives for the
page, with that text's SHA-256. The repository holds offsets and labels, never the article's
words; the FORMAT.md records are rebuilt at scoring time from the page in ``../shared``.

The scorer matches strings, not positions, so the first occurrence stands for any other. A
reader change that alters a page's text fails loudly on the hash, naming the page, rather than
shifting every span.

``python -m claimledger.evaluation.standoff GOLD.jsonl PAGE.html... > OUT.standoff.jsonl``
turns full gold (one record per page, in the pages' order) into stand-off lines; ``FEED.xml#K``
names entry K (from 0) of a feed, and ``CORPUS.jsonl#ID`` the record ``ID`` of a corpus file in
FORMAT.md's shape (PolNeAR's articles, whose licence forbids copying their text into the
repository: its text is the record's ``text``, as the corpus holds it).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

_ATTRIBUTION_SPANS = ("source", "cue", "content")
_QUANTITY_SPANS = ("text", "counted")


def page_texts(page: Path) -> list[str]:
    """The texts claimledger's reader takes from one file: an HTML page's one article, a feed's entries
    in order (ValueError naming the page). A feed entry with no text of its own (a headline whose link
    is not followed) is no article and takes no number: entry K is the K-th entry read with text."""
    if page.suffix == ".jsonl":
        raise ValueError(f"{page}: a corpus file is read by record id, not by entry")
    from claimledger.errors import NO_TEXT
    from claimledger.ingest import read_articles
    from claimledger.model import Article

    texts = []
    for item in read_articles([page]):
        if isinstance(item, Article):
            texts.append(item.text)
        elif page.suffix == ".html" or getattr(item, "code", None) != NO_TEXT:
            raise ValueError(f"{page}: {item}")
    return texts


def page_text(page: Path, entry: int = 0, texts: list[str] | None = None) -> str:
    """The text of entry ``entry`` (counted from 0) of a page, from ``texts`` when the page was read already."""
    texts = page_texts(page) if texts is None else texts
    if not 0 <= entry < len(texts):
        raise ValueError(f"{page}: no article {entry} read")
    return texts[entry]


def corpus_texts(corpus: Path) -> dict[str, str]:
    """Each record's ``text`` by ``id``, for a corpus file of FORMAT.md records (one JSON object a line)."""
    out = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                out[str(record["id"])] = record["text"]
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _offsets(text: str, value: Any, where: str) -> list[int] | None:
    if value is None:
        return None
    start = text.find(value)
    if not value or start < 0:
        raise ValueError(f"{where}: {value!r} is not in the text")
    return [start, start + len(value)]


def to_standoff(record: dict[str, Any], page: str, text: str, entry: int | str = 0) -> dict[str, Any]:
    """One gold record as offsets into ``text`` (``page`` is its path under ``../shared``; ``entry`` which of
    its articles, for a feed, or the id of its record, for a corpus file)."""
    if record["text"] != text:
        raise ValueError(f"{record['id']}: the record's text is not the page's text")
    where = str(record["id"])
    attributions = []
    for a in record.get("attributions", []):
        row = {k: v for k, v in a.items() if k not in _ATTRIBUTION_SPANS}
        row.update({k: _offsets(text, a.get(k), where) for k in _ATTRIBUTION_SPANS})
        attributions.append(row)
    quantities = []
    for q in record.get("quantities", []):
        row = {k: v for k, v in q.items() if k not in _QUANTITY_SPANS}
        row.update({k: _offsets(text, q.get(k), where) for k in _QUANTITY_SPANS})
        quantities.append(row)
    head = {k: record.get(k) for k in ("id", "lang", "url", "published", "title")}
    where_in: dict[str, Any] = {"page": page}
    if isinstance(entry, str):
        where_in["record"] = entry
    elif entry:
        where_in["entry"] = entry
    return {**head, **where_in, "sha256": _digest(text), "attributions": attributions, "quantities": quantities}


def _strings(text: str, row: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k not in keys}
    for k in keys:
        span = row.get(k)
        out[k] = None if span is None else text[span[0]:span[1]]
    return out


def from_standoff(row: dict[str, Any], text: str) -> dict[str, Any]:
    """The FORMAT.md record that a stand-off line and its page's text make."""
    if _digest(text) != row["sha256"]:
        raise ValueError(f"{row['page']}: the page's text changed since {row['id']} was annotated "
                         "(the reader gives other text); re-annotate or pin the reader")
    head = {k: row.get(k) for k in ("id", "lang", "url", "published", "title")}
    return {**head, "text": text,
            "attributions": [_strings(text, a, _ATTRIBUTION_SPANS) for a in row["attributions"]],
            "quantities": [_strings(text, q, _QUANTITY_SPANS) for q in row["quantities"]]}


def read_standoff(path: Path, shared: Path) -> list[dict[str, Any]]:
    """Gold records for a stand-off file, read against the pages in ``shared``; [] when a page is
    missing (a checkout without ``../shared`` skips the set, as for every other set)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not all((shared / r["page"]).is_file() for r in rows):
        return []
    read: dict[str, list[str]] = {}  # a feed's entries share one file: read it once
    corpora: dict[str, dict[str, str]] = {}
    out = []
    for r in rows:
        page = shared / r["page"]
        if "record" in r:
            if r["page"] not in corpora:
                corpora[r["page"]] = corpus_texts(page)
            if r["record"] not in corpora[r["page"]]:
                raise ValueError(f"{page}: no record {r['record']}")
            out.append(from_standoff(r, corpora[r["page"]][r["record"]]))
            continue
        if r["page"] not in read:
            read[r["page"]] = page_texts(page)
        out.append(from_standoff(r, page_text(page, r.get("entry", 0), read[r["page"]])))
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [(Path(p), k if p.endswith(".jsonl") else int(k or 0)) for p, _, k in (a.partition("#") for a in argv[1:])]
    if len(gold) != len(pages):
        print(f"{argv[0]}: {len(gold)} records for {len(pages)} pages", file=sys.stderr)
        return 2
    for record, (page, entry) in zip(gold, pages, strict=True):
        if isinstance(entry, str):  # a corpus record: data/en/NAME.jsonl under ../shared
            rel, text = "/".join(page.resolve().parts[-3:]), corpus_texts(page)[entry]
        else:  # data/raw/html/NAME.html under ../shared
            rel, text = "/".join(page.resolve().parts[-4:]), page_text(page, entry)
        print(json.dumps(to_standoff(record, rel, text, entry), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
