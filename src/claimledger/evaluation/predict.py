"""Predict the gold format for annotated articles, without touching any ledger.

Reads ``id``, ``lang`` and ``text`` of each line and ignores whatever annotations the
line carries, so a gold file can be fed in as it is.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from claimledger.analyze import pause_gc, settle
from claimledger.gold import to_gold
from claimledger.model import Article
from claimledger.nlp.records import analyze_article
from claimledger.safetext import json_text


def predict_docs(docs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One FORMAT.md prediction per input document, same ids, same order.

    The collector waits as ``analyze`` makes it wait (``pause_gc``, ``settle``): until the first
    document is done, then it no longer walks what start-up built."""
    paused = pause_gc()
    try:
        for d in docs:
            article = Article(text=d["text"], lang=d.get("lang") or "und", url=d.get("url"),
                              title=d.get("title"), published=d.get("published"))
            prediction = to_gold(analyze_article(article), doc_id=str(d["id"]))
            settle(paused)
            paused = None
            yield prediction
    finally:
        if paused is not None:
            gc.set_threshold(*paused)


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a gold JSONL file (ValueError naming ``path:line`` on a broken line)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e.msg}") from None
            if not isinstance(d, dict) or "id" not in d or not isinstance(d.get("text"), str):
                raise ValueError(f"{path}:{n}: needs 'id' and 'text'")
            out.append(d)
    return out


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json_text(row) + "\n")  # exact text, but no raw control or bidi character
        count += 1
    return count
