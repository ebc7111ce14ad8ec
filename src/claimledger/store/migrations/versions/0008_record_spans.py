"""Records keep what the extraction knew: whom a relay names, and the word that names a unit.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

*Lee cited Kim as saying that X* is one attribution (source Lee, cue *cited Kim as saying*);
the claim comes from Kim, and the rule that read the relay knows Kim's words. *A 230-metre
ship* is a quantity that counts nothing (FORMAT.md), yet the linker needs *metre* to convert
miles and kilometres, and the rule that found the figure knows where that word stands. Before
this revision the linker read both back out of the text; now the records carry them
(``Attribution.relayed``, ``Quantity.unit_span``) and the store keeps them like every other
span: two integer columns and the words they cover, ``attributions.relayed_start``,
``relayed_end``, ``relayed_text`` and ``quantities.unit_start``, ``unit_end``, ``unit_text``.

Rows written before this revision are filled the way the linker before it read them back out
of the text, so that ``claimledger relink`` of an upgraded ledger decides as it did before the
upgrade (left NULL, the relay's claim would go to the relaying speaker and a *105-mile* figure
would stay in miles):

- an attribution whose cue begins with a relay verb (``RELAY_PREP``) and holds an ``AS_CLAUSE``
  word after the words that follow it (*cited* **Kim** *as saying*) relays those words. Every
  attribution is read so, whatever its rule, as the old linker read them; in practice only
  ``relay-as-saying`` cues have that shape.
- a quantity with a unit whose words end in a hyphen and a word (*105-mile*, ``UNIT_JOINED``)
  names its unit with that word, even where the old reading took a number's part for it (*four* of
  *Twenty-four per cent*): the linker read it so, and re-analysis stores no such span. What the
  quantity rules store besides (a glued *10kg*, the unit
  after the figure in *105 miles*) the old linker did not read, or read from the text after the
  figure anyway: those stay NULL until the article is analysed again.

The stored words (``cue_text``, ``text``) are the article's text at the row's offsets (schema.py),
so the filling reads them and never the articles' texts. It pages through each table by primary
key in batches, with SQLAlchemy Core on the migration's connection, on SQLite and PostgreSQL alike;
the reading is Python's (a Unicode regex), not SQL, so an offline script (``alembic upgrade --sql``)
adds the columns only.

The schema change is a plain ``ADD COLUMN`` of nullable columns on both backends: no table
rebuild, so every row is kept as it was; SQLite's FTS triggers on ``attributions`` (0005) name
their own columns only and are left alone (an ``UPDATE`` of the new columns fires them with the
same words). The downgrade drops the columns with ``DROP COLUMN`` (SQLite 3.35+), never a batch
rebuild, which on SQLite would drop ``attributions`` and its triggers. Written out in full, like
0001 to 0007, so later edits to schema.py or to the language data never change it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SPANS = {"attributions": "relayed", "quantities": "unit"}
"""Each table's new span: ``<name>_start`` and ``<name>_end`` (integers) and ``<name>_text`` (its words),
after every older column, in the order schema.py lists them."""

# Frozen history: the word classes the linker before 0008 read (``relay_prep`` and ``as_clause`` of
# lang/<code>/words.tsv), copied as they stood when this revision was written, per language code. A
# migration must fill old rows the same way whatever those files say later, so it never reads them.
RELAY_PREP: dict[str, frozenset[str]] = {
    "en": frozenset({"citing", "quoting", "cited", "quoted"}),
    "sv": frozenset({"med hänvisning till", "som citerar", "citerar"}),
    "no": frozenset({"med henvisning til", "som siterer", "siterer"}),
}
"""A relay's verb: the old reading compared the cue's first word (up to a space) with these."""
AS_CLAUSE: dict[str, frozenset[str]] = {"en": frozenset({"as"})}
"""The word before the relayed speaker's own verb (*cited Kim* **as** *saying*); none in sv and no."""
UNIT_JOINED = re.compile(r"-([^\W\d_]+)$")
"""The old reading of a unit written inside the figure: the letters after its last hyphen (*105-mile*)."""

BATCH = 1000
"""Rows read and updated at a time: memory stays flat on a ledger of any size."""

_articles = sa.table("articles", sa.column("id"), sa.column("lang"))
_attributions = sa.table(
    "attributions", sa.column("article_id"), sa.column("id"), sa.column("cue_start"), sa.column("cue_text"),
    sa.column("relayed_start"), sa.column("relayed_end"), sa.column("relayed_text"))
_quantities = sa.table(
    "quantities", sa.column("article_id"), sa.column("id"), sa.column("start"), sa.column("text"),
    sa.column("unit"), sa.column("unit_start"), sa.column("unit_end"), sa.column("unit_text"))


def upgrade() -> None:
    for table, name in SPANS.items():
        op.add_column(table, sa.Column(f"{name}_start", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column(f"{name}_end", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column(f"{name}_text", sa.Text(), nullable=True))
    if context.is_offline_mode():  # a script rendered with --sql has no rows to read: the columns only
        return
    conn = op.get_bind()
    _fill(conn, _attributions, "relayed", _relayed_candidates(), _relayed)
    _fill(conn, _quantities, "unit", _unit_candidates(), _unit)


def downgrade() -> None:
    for table, name in SPANS.items():  # not batch mode: SQLite would rebuild the table
        for column in (f"{name}_text", f"{name}_end", f"{name}_start"):
            op.drop_column(table, column)


def relayed_in(cue: str, lang: str) -> tuple[int, int] | None:
    """Where, in a cue's words, the pre-0008 linker found whom a relay names (``_cited_inside``):
    after the cue's first word, if that is a relay verb, up to the first `` as `` (matched as written,
    after the first word); None where it found none."""
    first = cue.split(" ", 1)[0]
    at = next((m.start() for w in AS_CLAUSE.get(lang, ()) for m in re.finditer(rf" {re.escape(w)} ", cue)), None)
    if first.lower() not in RELAY_PREP.get(lang, ()) or at is None or at <= len(first):
        return None
    return len(first) + 1, at


def _relayed_candidates() -> sa.Select[Any]:
    """Attributions in a language with an as-word whose cue has one between spaces (no other can match;
    LIKE may be case-blind, ``relayed_in`` decides)."""
    a = _attributions
    as_words = [w for words in AS_CLAUSE.values() for w in words]
    return (sa.select(a.c.article_id, a.c.id, a.c.cue_start, a.c.cue_text, _articles.c.lang)
            .join(_articles, _articles.c.id == a.c.article_id)
            .where(_articles.c.lang.in_(sorted(AS_CLAUSE)),
                   sa.or_(*(a.c.cue_text.like(f"% {_like(w)} %", escape="\\") for w in as_words))))


def _relayed(row: sa.Row[Any]) -> tuple[int, int, str] | None:
    found = relayed_in(row.cue_text, row.lang)
    if found is None:
        return None
    s, e = found
    return row.cue_start + s, row.cue_start + e, row.cue_text[s:e]


def _unit_candidates() -> sa.Select[Any]:
    q = _quantities
    return sa.select(q.c.article_id, q.c.id, q.c.start, q.c.text).where(
        q.c.unit.is_not(None), q.c.text.like("%-%"))


def _unit(row: sa.Row[Any]) -> tuple[int, int, str] | None:
    m = UNIT_JOINED.search(row.text)
    return (row.start + m.start(1), row.start + m.end(1), m.group(1)) if m else None


def _fill(conn: sa.Connection, table: sa.TableClause, name: str, candidates: sa.Select[Any],
          span: Callable[[sa.Row[Any]], tuple[int, int, str] | None]) -> None:
    """Set ``<name>_start``, ``_end`` and ``_text`` on each candidate row that ``span`` reads a span in."""
    update = (sa.update(table)
              .where(table.c.article_id == sa.bindparam("k_article"), table.c.id == sa.bindparam("k_id"))
              .values({f"{name}_start": sa.bindparam("v_start"), f"{name}_end": sa.bindparam("v_end"),
                       f"{name}_text": sa.bindparam("v_text")}))
    for batch in _pages(conn, table, candidates):
        values = [{"k_article": r.article_id, "k_id": r.id, "v_start": s, "v_end": e, "v_text": t}
                  for r in batch if (found := span(r)) is not None for s, e, t in [found]]
        if values:
            conn.execute(update, values)


def _pages(conn: sa.Connection, table: sa.TableClause, candidates: sa.Select[Any]) -> Iterator[list[sa.Row[Any]]]:
    """The candidate rows, ``BATCH`` at a time, in primary-key order (each page starts after the last
    key of the one before, so updating a page never moves the next)."""
    key = sa.tuple_(table.c.article_id, table.c.id)
    after: tuple[str, str] | None = None
    while True:
        page = candidates if after is None else candidates.where(key > sa.tuple_(*after))
        batch = list(conn.execute(page.order_by(table.c.article_id, table.c.id).limit(BATCH)))
        if not batch:
            return
        yield batch
        after = (batch[-1].article_id, batch[-1].id)


def _like(word: str) -> str:
    """A word as a LIKE pattern matches it literally."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
