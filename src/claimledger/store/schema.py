"""The ledger's tables: one per record kind of ``claimledger.model``, in SQLAlchemy Core.

Why Core and these types: the same tables must be created on SQLite (the default, one
file beside the user) and on PostgreSQL (a team's shared ledger) by the same Alembic
migration, so only portable types appear here: ``String``, ``Text``, ``Integer``,
``Float``, ``Boolean``. Lists of spans and warnings are JSON in a ``Text`` column rather
than a ``JSON`` type, because nothing queries inside them and text round-trips the same
on every backend. Timestamps are ISO 8601 text for the same reason: SQLite's
``DATETIME`` drops the UTC offset, and an article's ``fetched_at`` must come back as it
went in.

Records are keyed by ``(article_id, id)``: a record id is only promised to be unique
within its article (``model.record_id`` hashes what makes it unique *there*), so two
articles may legitimately produce the same record id. Every record row also stores
``seq``, its position in the ``Analysis`` tuple, so that reading an article back gives
records in the order they were written and ``Analysis`` equality holds.

Every span is stored as two integer columns, plus the words it covers (``cue_text``,
``content_text``, ``source_text``, ``text``, ``counted_text``, ``relayed_text``, ``unit_text``):
denormalised on purpose, so that ``claims --source`` and the web pages filter and show text
without slicing the article in Python, and so a test can check ``text[start:end] == *_text``
row by row.

``relayed_*`` on attributions and ``unit_*`` on quantities (migration 0008) are spans too:
whom a relay names inside its cue, and the word that names a figure's unit. On rows older
than 0008 the migration filled them as the linker then read them from the text (a relay's
*cited Kim as saying*, a hyphenated *105-mile*), and left the rest NULL.

``pipeline`` (migration 0006) names the run that wrote a row (``claimledger.version``): on
``articles`` for the article and its records, which one run makes together; on the linker's
decision tables for the run that linked. NULL on rows older than 0006: nobody knows.

Constraint names follow one convention (``NAMING``) because Alembic needs names to
alter or drop constraints later, and SQLite's batch migrations rebuild tables by name.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)
"""Article ids are sha256 hex (64 characters); record ids are shorter but fit the same type."""

metadata = MetaData(naming_convention=NAMING)


def _article_fk() -> Column[str]:
    """The owning article; deleting an article deletes its records with it."""
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("lang", String(16), nullable=False),
    Column("title", Text),
    Column("published", String(40)),
    Column("outlet", Text),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("fetched_at", String(40)),
    Column("raw_ref", Text, nullable=False),
    Column("copy_of", ID),
    Column("copy_reason", Text),
    Column("warnings", Text, nullable=False),
    Column("added_at", String(40), nullable=False),
    Column("linked_at", String(40)),
    Column("pipeline", Text),  # claimledger.version of the run that analysed it (0006): its records' too
    Index(None, "lang"),
    Index(None, "added_at"),
    Index(None, "outlet"),
    Index(None, "canonical_url"),
    Index(None, "linked_at"),
)

attributions = Table(
    "attributions",
    metadata,
    _article_fk(),
    Column("id", ID, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_text", Text),
    Column("cue_text", Text, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("source_kind", String(32)),
    Column("actor_id", Text),  # an actor's name: no id length bounds it
    Column("via", ID),
    Column("hedges", Text, nullable=False),
    Column("content_parts", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Text, nullable=False),
    Column("relayed_start", Integer),  # whom a relay names inside the cue (0008; older rows as 0008 filled them)
    Column("relayed_end", Integer),
    Column("relayed_text", Text),
    PrimaryKeyConstraint("article_id", "id"),
    Index(None, "certainty"),
    Index(None, "actor_id"),
    Index(None, "source_text"),
)

quantities = Table(
    "quantities",
    metadata,
    _article_fk(),
    Column("id", ID, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("approx", String(8), nullable=False),
    Column("counted_start", Integer),
    Column("counted_end", Integer),
    Column("counted_text", Text),
    Column("unit", String(32)),
    Column("attribution_id", ID),
    Column("unit_start", Integer),  # the word naming the unit as written (0008; older rows as 0008 filled them)
    Column("unit_end", Integer),
    Column("unit_text", Text),
    PrimaryKeyConstraint("article_id", "id"),
    Index(None, "counted_text"),
    Index(None, "article_id", "attribution_id"),
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("id", ID, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(32), nullable=False),
    Column("actor_id", Text),
    Column("canonical", Text),
    PrimaryKeyConstraint("article_id", "id"),
    Index(None, "actor_id"),
    Index(None, "canonical"),
)

RECORD_TABLES: tuple[Table, ...] = (attributions, quantities, mentions)
"""The tables whose rows belong to one article, in the order ``Ledger.add`` writes them."""


# -- the cross-article ledger (migration 0002) ---------------------------------------------
#
# What link/ decided, one table per record of ``model`` (Copy, Origin, Fact, FactMention,
# FactLink) plus the two lookup tables the linker searches: ``copy_bands`` (MinHash LSH
# bands, so a near-duplicate is found by equality on an indexed column instead of
# comparing every pair of texts) and ``fact_keys`` (blocking keys with the fact's date, so
# "facts about this variable within a week of this day" is one indexed range scan).
# ``articles.linked_at`` says which articles the linker has seen: NULL means "not yet"
# (a ledger written before 0002, or after ``relink`` cleared the links).


def _fact_fk(name: str = "fact_id") -> Column[str]:
    """A fact this row belongs to; a fact dropped (or cleared by ``relink``) takes it along."""
    return Column(name, ID, ForeignKey("facts.id", ondelete="CASCADE"), nullable=False)


copies = Table(
    "copies",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("original_id", ID, nullable=False),
    Column("method", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("credit", Text),
    Column("reason", Text, nullable=False),
    Column("pipeline", Text),  # the linker's claimledger.version (0006), like every decision below
    Index(None, "original_id"),
)

copy_bands = Table(
    "copy_bands",
    metadata,
    Column("band", String(40), nullable=False),
    _article_fk(),
    PrimaryKeyConstraint("band", "article_id"),
    Index(None, "article_id"),
)

origins = Table(
    "origins",
    metadata,
    _article_fk(),
    Column("attribution_id", ID, nullable=False),
    Column("actor", Text),
    Column("speaker", Text),
    Column("rule", Text, nullable=False),
    Column("words", Text, nullable=False),
    Column("published", String(40)),
    Column("pipeline", Text),
    PrimaryKeyConstraint("article_id", "attribution_id"),
    Index(None, "actor"),
    Index(None, "actor", "published"),
    Index(None, "speaker"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("variable", Text),
    Column("label", Text, nullable=False),
    Column("date", String(10), nullable=False),
    Column("value", Float),
    Column("value_max", Float),
    Column("approx", String(8)),
    Column("unit", String(32)),
    Column("lang", String(16), nullable=False),
    Column("sources", Text, nullable=False),
    Column("independent", Integer, nullable=False),
    Column("grade", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("contested", Boolean, nullable=False),
    Column("pipeline", Text),
    Index(None, "variable", "date"),
    Index(None, "kind", "date"),
    Index(None, "contested", "mentions", "date", "id"),
    Index(None, "mentions", "date", "id"),
)

fact_mentions = Table(
    "fact_mentions",
    metadata,
    _fact_fk(),
    _article_fk(),
    Column("record_id", ID, nullable=False),
    Column("kind", String(1), nullable=False),
    Column("date", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("actor", Text),
    Column("value", Float),
    Column("value_max", Float),
    Column("approx", String(8)),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("features", Text),  # JSON {name: [values]} (migration 0003)
    Column("pipeline", Text),
    PrimaryKeyConstraint("article_id", "kind", "record_id"),
    Index(None, "fact_id"),
    Index(None, "actor"),
)

fact_keys = Table(
    "fact_keys",
    metadata,
    Column("key", Text, nullable=False),
    _fact_fk(),
    Column("date", String(10), nullable=False),
    PrimaryKeyConstraint("key", "fact_id"),
    Index(None, "key", "date"),
)

fact_links = Table(
    "fact_links",
    metadata,
    _fact_fk("a"),
    _fact_fk("b"),
    Column("kind", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("pipeline", Text),
    PrimaryKeyConstraint("a", "b", "kind"),
    Index(None, "b"),
)

# what ``claimledger watch`` remembers between polls (migration 0007; ``store/watchstate.py``)
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(40)),
    Column("next_poll", String(40)),
    Column("failures", Integer, nullable=False),
    Column("last_error", Text),
    UniqueConstraint("url"),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("article_id", ID),
    Column("error", Text),
    PrimaryKeyConstraint("feed_id", "url", "content_hash"),
    Index(None, "article_id"),
)


LINK_TABLES: tuple[Table, ...] = (fact_links, fact_keys, fact_mentions, facts, origins, copy_bands, copies)
"""The tables ``relink`` empties, children before the facts they point at."""


SEARCH_TABLE = "claims_fts"
"""SQLite's full-text index of claims (migration 0005): an FTS5 table and the shadow tables
FTS5 keeps beside it, made by raw DDL, so not in ``metadata``."""


def outside_metadata(name: str | None, type_: str, *_: object) -> bool:
    """For Alembic's ``include_name``: False for the search index's tables, which
    autogenerate must neither drop nor compare."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE))
