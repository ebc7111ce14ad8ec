"""Stored actor names as people read them.

The linker stores a person outside the actor tables in lower case (*don fowler*), so that one
name written with other capitals or hyphens is one actor in every article; listings show the
name as the articles write it (*Don Fowler*) beside that key, which queries and links take.
Table actors are stored as the tables write them and pass through unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import Connection, select

from claimledger.model import capitalised, name_pattern
from claimledger.store.schema import articles as A
from claimledger.store.schema import origins as O


def named(conn: Connection, rows: list[dict[str, Any]], field: str, into: str) -> list[dict[str, Any]]:
    """``rows`` with ``into`` beside ``field``: the stored actor name (or list of names) in it as
    the articles write it (``written_names``), for people to read; ``field`` stays the key that
    actor queries and links take."""
    def listed(value: Any) -> list[str]:
        return [k for k in (value if isinstance(value, list) else [value]) if isinstance(k, str) and k]

    written = written_names(conn, sorted({k for r in rows for k in listed(r.get(field))}))
    for r in rows:
        value = r.get(field)
        r[into] = [written.get(k, k) for k in listed(value)] if isinstance(value, list) else (
            written.get(value, value) if isinstance(value, str) else value)
    return rows


WRITTEN_SAMPLE = 50
"""Source phrases read per actor to find how its name is written: the name is in nearly every one."""


def written_names(conn: Connection, names: list[str]) -> dict[str, str]:
    """A stored actor name in lower case (*don fowler*, kept so for matching across articles)
    as the articles write it (*Don Fowler*): the commonest capitalised run of its words in the
    source phrases it came from, else in the text of a few of its articles (a pronoun resolved
    to it). Table actors are stored as written and are left out; a name the text never spells
    out (*park sunwon* from *Park Sun-won*) stays as stored."""
    wanted = [n for n in names if n == n.lower() and any(ch.isalpha() for ch in n)]
    out: dict[str, str] = {}
    for name in wanted:
        pattern = re.compile(name_pattern(name) + r"\b", re.IGNORECASE)
        seen: Counter[str] = Counter()
        for words in conn.scalars(select(O.c.words).where(O.c.actor == name).limit(WRITTEN_SAMPLE)):
            seen.update(m.group() for m in pattern.finditer(words or "") if capitalised(m.group()))
        if not seen:  # a pronoun (*she said*) resolved to the name: the articles' text has it
            texts = select(A.c.text).where(A.c.id.in_(
                select(O.c.article_id).where(O.c.actor == name).limit(WRITTEN_ARTICLES).scalar_subquery()))
            for text in conn.scalars(texts):
                seen.update(m.group() for m in pattern.finditer(text or "") if capitalised(m.group()))
        if seen:
            out[name] = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return out


WRITTEN_ARTICLES = 3
"""Articles whose text is searched for a name that no source phrase spells out."""
