"""``claimledger diff``: what a re-analysis or a relink changed, on real articles, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from tests.conftest import POISON

import claimledger.link.facts as linking
from claimledger.cli.app import main
from claimledger.link import link_article
from claimledger.model import Analysis
from claimledger.store import Ledger, migrate
from claimledger.store.diff import diff, diff_ledgers, unchanged
from claimledger.store.schema import articles, copies, fact_mentions, facts, origins
from claimledger.version import UNKNOWN, pipeline_version

SAY_FORMS = {"say", "says", "said", "saying"}


def _says(cue: str) -> bool:
    """A cue whose saying word is a form of *say*: *said*, or a relay's *quoted X as saying*, whose
    certainty is its *saying*'s."""
    return cue.lower().split()[-1] in SAY_FORMS


def _counts(section: dict[str, dict[str, int] | int]) -> dict[str, int]:
    return {k: v["count"] if isinstance(v, dict) else v for k, v in section.items()}


def test_diff_identical_ledgers_show_no_change(make_ledger: Callable[..., str], analyses: tuple[Analysis, ...]) -> None:
    old, new = make_ledger("old", analyses), make_ledger("new", analyses)
    result = diff_ledgers(old, new, examples=5)
    assert unchanged(result)
    assert result["articles"]["shared"] == len(analyses) and result["articles"]["changed"] == 0
    for side in ("old", "new"):
        assert result[side]["pipelines"]["analysis"] == {pipeline_version(): len(analyses)}
        assert list(result[side]["pipelines"]["linking"]) == [pipeline_version()]
    assert result["facts"]["old"] == result["facts"]["new"] > 0


def test_diff_cue_file_edited_in_a_copied_language_folder_relabels_exactly_its_claims(
        make_ledger: Callable[..., str], analyses: tuple[Analysis, ...],
        edited: tuple[tuple[Analysis, ...], str]) -> None:
    """*say* made a reported cue: every English claim cued by a form of *say* that was asserted is
    relabelled asserted -> reported, and nothing else about claims or figures changes."""
    again, version = edited
    assert version != pipeline_version()  # a cue file is part of the pipeline's version
    said = [a for x in analyses if x.article.lang == "en" for a in x.attributions
            if _says(a.cue.of(x.article.text)) and a.certainty == "asserted"]
    assert len(said) > 10
    old, new = make_ledger("old", analyses, link=False), make_ledger("new", again, link=False, pipeline=version)
    result = diff_ledgers(old, new, examples=1000)
    assert _counts(result["claims"]) == {"added": 0, "removed": 0, "relabelled": len(said)}
    assert _counts(result["quantities"]) == {"added": 0, "removed": 0, "changed": 0}
    for e in result["claims"]["relabelled"]["examples"]:
        assert _says(e["cue"]) and e["changes"] == {"certainty": ["asserted", "reported"]}
        assert e["title"] and e["content"]
    assert result["new"]["pipelines"]["analysis"] == {version: len(again)}
    assert result["old"]["pipelines"]["analysis"] == {pipeline_version(): len(analyses)}
    assert result["articles"]["changed"] == len({e["article_id"] for e in result["claims"]["relabelled"]["examples"]})


def test_diff_relink_with_a_looser_claim_setting_merges_facts_and_back_splits_them(
        make_ledger: Callable[..., str], analyses: tuple[Analysis, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ledgers relinked (the same order), one with claims joined on far fewer shared words."""
    strict, loose = make_ledger("strict", analyses), make_ledger("loose", analyses)
    with Ledger(strict) as ledger:
        ledger.relink(link_article)
    monkeypatch.setattr(linking, "CLAIM_JACCARD", 0.05)
    with Ledger(loose) as ledger:
        ledger.relink(link_article)
    forward = diff_ledgers(strict, loose, examples=50)
    merged, split = forward["facts"]["merged"], forward["facts"]["split"]
    # a looser setting mostly joins facts; the linker's greedy assignment may also move a claim to
    # another fact, which the diff shows as a split too, so only more merges than splits is asked
    assert merged["count"] >= 1 and merged["count"] > split["count"]
    for e in merged["examples"]:
        assert len(e["from"]) >= 2 and e["label"]
    assert _counts(forward["claims"]) == {"added": 0, "removed": 0, "relabelled": 0}
    backward = diff_ledgers(loose, strict, examples=50)  # the same change seen the other way round
    assert backward["facts"]["split"]["count"] == merged["count"]
    assert backward["facts"]["merged"]["count"] == split["count"]
    assert {e["fact"] for e in backward["facts"]["split"]["examples"]} == {e["fact"] for e in merged["examples"]}


def test_diff_rows_carry_the_pipeline_and_an_old_ledger_says_unknown(
        make_ledger: Callable[..., str], analyses: tuple[Analysis, ...]) -> None:
    """Fresh rows are stamped; a ledger taken back to 0005 and upgraded again holds NULL, shown as unknown."""
    target = make_ledger("l", analyses)
    with Ledger(target) as ledger, ledger.reading() as conn:
        for table in (articles, facts, fact_mentions, origins, copies):
            stamps = set(conn.scalars(select(table.c.pipeline)))
            assert stamps <= {pipeline_version()}, table.name
        assert set(conn.scalars(select(articles.c.pipeline))) == {pipeline_version()}
        assert conn.scalar(select(facts.c.pipeline).limit(1)) == pipeline_version()
    with Ledger(target) as ledger, ledger.engine.connect() as conn, conn.begin():
        command.downgrade(migrate.config(conn), "0005")
    with Ledger(target) as ledger:  # upgraded on open: the column is back, empty
        with ledger.reading() as conn:
            assert set(conn.scalars(select(articles.c.pipeline))) == {None}
        result = diff(ledger, ledger)
    assert unchanged(result)
    assert result["old"]["pipelines"]["analysis"] == {UNKNOWN: len(analyses)}


def test_diff_cli_escapes_hostile_titles_and_json_keeps_them_exact(
        make_ledger: Callable[..., str], analyses: tuple[Analysis, ...], capsys: pytest.CaptureFixture[str]) -> None:
    hostile = replace(analyses[0], article=replace(analyses[0].article, title=POISON))
    old = make_ledger("old", analyses[1:4], link=False)
    new = make_ledger("new", (hostile, *analyses[1:4]), link=False)
    assert main(["diff", old, new]) == 0
    shown = capsys.readouterr().out
    assert "only in NEW" in shown and "[/b][link=http://x]" in shown  # markup shown as written, not obeyed
    assert "␛]52;c;" in shown and "<U+202E>" in shown  # the escapes made visible
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert main(["diff", old, new, "--json", "--examples", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"]["only_new"] == {"count": 1, "examples": [{"article_id": hostile.article.id,
                                                                       "title": POISON}]}
    assert main(["diff", old, old]) == 0
    assert "no change" in capsys.readouterr().out


def test_diff_cli_refuses_a_missing_ledger_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diff", str(tmp_path / "nope.sqlite"), str(tmp_path / "nope.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "nope.sqlite" in err
