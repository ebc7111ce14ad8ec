"""Dated offices: a person speaks for a body only while they hold its office (``lang/offices.tsv``).

The same sentence about the same person is the White House's claim in one year and the person's own
in another; an undated article keeps the office the tables give as held now.
"""

from __future__ import annotations

from pathlib import Path

from claimledger.lang import table
from claimledger.link.actors import body
from claimledger.link.data import actors, offices


def test_every_office_row_names_a_person_and_a_known_body_in_order() -> None:
    known = actors()
    rows = table(None, "offices.tsv")
    assert len(rows) >= 40
    for person, terms in offices().items():
        assert known[person].kind == "person", person
        ordered = sorted(terms)
        for start, end, office in ordered:
            assert office in known, (person, office)
            assert len(start) == 10 and start[4] == start[7] == "-", (person, start)
            assert not end or start < end, (person, start, end)
        # terms of one person never overlap: a day names at most one office
        for (_s1, e1, _b1), (s2, _e2, _b2) in zip(ordered, ordered[1:], strict=False):
            assert e1 and e1 <= s2, (person, e1, s2)


def test_body_follows_the_article_day() -> None:
    assert body("Donald Trump", "2016-10-09") == "Donald Trump"  # a candidate speaks for himself
    assert body("Donald Trump", "2018-05-01") == "White House"
    assert body("Donald Trump", "2021-01-20") == "Donald Trump"  # the day a term ends is not in it
    assert body("Joe Biden", "2019-06-01") == "Joe Biden"
    assert body("Vladimir Putin", "2010-03-01") == "Russian government"  # prime minister then
    assert body("Donald Trump") == actors()["Donald Trump"].parent  # no day: the office held now
    # a person with no dated terms keeps the table's parent every day; a body is its own
    assert body("Dmitry Peskov", "2001-01-01") == "Kremlin"
    assert body("Kremlin", "2001-01-01") == "Kremlin"


def test_the_ledger_counts_a_figure_by_who_held_office_that_day(tmp_path: Path) -> None:
    from claimledger.analyze import ingest_articles
    from claimledger.ledger import Ledger
    from claimledger.model import Article

    text = "Donald Trump said on Monday that 5,000 jobs would be created at the new plant in Ohio."
    with Ledger(tmp_path / "l.sqlite") as ledger:
        for i, day in enumerate(["2016-09-12", "2019-09-16", ""]):
            ingest_articles(ledger, [Article(text=text.replace("5,000", f"{5 + i},000"), lang="en",
                                             published=day or None, raw_ref=f"a{i}")])
        by_actor = {a["actor"]: a for a in ledger.actors()}
    assert "donald trump" in {name.lower() for name in by_actor}
    assert "White House" in by_actor
    trump = next(a for name, a in by_actor.items() if name.lower() == "donald trump")
    assert trump["claims"] == 1 and by_actor["White House"]["claims"] == 2


def test_a_bare_surname_of_a_table_person_is_that_person_on_that_day() -> None:
    from claimledger.link import origins as origins_of
    from claimledger.link.data import load
    from claimledger.model import Article
    from claimledger.nlp.records import analyze_article

    text = ("Hillary Clinton met donors in Ohio on Tuesday. Clinton said the plan would cost $40 billion. "
            "Obama said on Monday that the economy had added 200,000 jobs.")

    def found(day: str) -> list[str | None]:
        analysis = analyze_article(Article(text=text, lang="en", published=day))
        data = load("en").on(day)
        return [o.actor for o in origins_of.origins(analysis, data, origins_of.speaker_scope(analysis, data))]

    # a candidate in 2016 speaks for herself, under the table's name, not a second lower-case actor
    assert found("2016-05-03") == ["Hillary Clinton", "White House"]
    # the Secretary of State in 2011 speaks for her department; Obama, out of office, for himself
    assert found("2018-05-03") == ["Hillary Clinton", "Barack Obama"]
    assert found("2011-05-03")[0] == "US State Department"


def test_actor_listing_names_people_as_written_and_as_people(tmp_path: Path) -> None:
    """A person outside the tables is stored in lower case for matching, listed as the article
    writes the name, and is a person even where only the bare surname stands before the cue."""
    from claimledger.analyze import ingest_articles
    from claimledger.ledger import Ledger
    from claimledger.link.data import with_table_kinds
    from claimledger.model import Article

    text = ("Council member Grace McAllister (D-Ohio) said the budget would grow by $40 million. "
            "The mayor disagreed. McAllister said 300 teachers would be hired. "
            "McAllister told reporters that 12 schools would reopen.")
    with Ledger(tmp_path / "l.sqlite") as ledger:
        ingest_articles(ledger, [Article(text=text, lang="en", published="2024-03-01", raw_ref="a")])
        rows = {r["actor"]: r for r in with_table_kinds(ledger.actors())}
        facts = [f for f in ledger.facts() if "grace mcallister" in f["sources"]]
        detail = ledger.fact(facts[0]["id"]) if facts else {"mentions": []}
        top = [row["source"] for row in ledger.summary()["top_sources"]]
    assert "grace mcallister" in rows, rows
    row = rows["grace mcallister"]
    assert row["name"] == "Grace McAllister" and row["kind"] == "person" and row["claims"] == 3
    assert top[0] == "Grace McAllister"  # analyze's summary of who says what
    # the facts it stands behind name it as written too, beside the stored key
    assert facts and all(f["source_names"][f["sources"].index("grace mcallister")] == "Grace McAllister"
                         for f in facts)
    assert {m["actor_name"] for m in detail["mentions"] if m["actor"] == "grace mcallister"} == {"Grace McAllister"}


def test_a_name_only_a_pronoun_stood_for_is_found_in_the_article(tmp_path: Path) -> None:
    """An actor whose every source phrase is a pronoun the pipeline resolved (*she said*) is
    named as its article writes the name."""
    from sqlalchemy import update

    from claimledger.analyze import ingest_articles
    from claimledger.ledger import Ledger
    from claimledger.model import Article
    from claimledger.store.schema import origins

    text = "Council member Grace McAllister said the budget would grow by $40 million."
    with Ledger(tmp_path / "l.sqlite") as ledger:
        ingest_articles(ledger, [Article(text=text, lang="en", published="2024-03-01", raw_ref="a")])
        with ledger.engine.begin() as conn:  # as when the pipeline read *She said* as her
            conn.execute(update(origins).where(origins.c.actor == "grace mcallister").values(words="She"))
        rows = {r["actor"]: r for r in ledger.actors()}
    assert rows["grace mcallister"]["name"] == "Grace McAllister"
