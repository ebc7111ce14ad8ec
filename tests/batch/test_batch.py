"""The Dask batch path on the bundled examples: the local path's records and links, shard by
shard, with failures kept to their shard and a re-run that does only what is missing.

``claimledger import`` of the shards runs into a SQLite file and into a PostgreSQL database
(one Dask run, imported into each); the plans (JSON Lines line ranges, WARC record runs,
feed entry ranges) touch no ledger.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import BACKENDS, ledger_target

from claimledger import Ledger
from claimledger.batch import analyze_with_dask, import_shards
from claimledger.batch.shards import plan
from claimledger.ingest import read_inputs
from claimledger.settings import Settings

VOLATILE = ("added_at", "linked_at")


def _export(ledger: Ledger, tmp: Path) -> list[str]:
    path = tmp / f"export-{abs(hash(ledger.name))}.jsonl"
    ledger.export("jsonl", path)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in VOLATILE:
            record.pop(key, None)
        lines.append(json.dumps(record, sort_keys=True))
    return lines


def _links(ledger: Ledger) -> dict[str, Any]:
    return {"facts": sorted(ledger.facts(), key=lambda f: f["id"]),
            "copies": sorted(({k: v for k, v in c.items()} for c in ledger.copies()), key=lambda c: c["article_id"]),
            "actors": ledger.actors()}


@pytest.fixture(scope="module")
def local(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("local") / "local.sqlite"
    with Ledger(path) as ledger:
        ledger.ingest([examples])
    return path


@pytest.fixture(scope="module")
def dask_shards(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dask") / "shards"
    report = analyze_with_dask([examples], out, settings=Settings(), workers=2, per_shard=4,
                               per_range=2)  # the examples' WARC in runs of 2 records
    assert report.shards >= 4 and report.analysed == report.shards and not report.failed
    return out


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """The ledger shards are imported into: a SQLite file, then a PostgreSQL database."""
    return ledger_target(request, tmp_path / "dask.sqlite")


def test_batch_dask_gives_the_local_records_and_links(local: Path, dask_shards: Path, target: str | Path,
                                                      tmp_path: Path) -> None:
    with Ledger(target) as batch, Ledger(local) as one:
        imported = import_shards(batch, [dask_shards])
        assert imported.added == one.counts()["articles"] and not imported.errors
        assert _export(batch, tmp_path) == _export(one, tmp_path)
        assert _links(batch) == _links(one)


def test_batch_failed_shard_is_reported_and_a_rerun_does_only_it(local: Path, examples: Path, tmp_path: Path,
                                                                  target: str | Path) -> None:
    out = tmp_path / "shards"
    shards, _ = plan([examples], Settings(), per_shard=6)
    out.mkdir()
    (out / shards[1].key).write_text("in the way")  # the worker cannot put its folder here
    first = analyze_with_dask([examples], out, settings=Settings(), workers=2, per_shard=6)
    assert len(first.failed) == 1 and first.failed[0].startswith(shards[1].key)
    assert first.analysed == len(shards) - 1
    with Ledger(target) as ledger:
        partial = import_shards(ledger, [out])
        assert partial.added > 0 and not partial.errors
        (out / shards[1].key).unlink()
        again = analyze_with_dask([examples], out, settings=Settings(), workers=1, per_shard=6)
        assert (again.analysed, again.skipped, again.failed) == (1, len(shards) - 1, [])
        rest = import_shards(ledger, [out])
        assert rest.added > 0 and rest.duplicates == partial.added and not rest.errors
        with Ledger(local) as one:
            assert partial.added + rest.added == one.counts()["articles"]


def test_batch_unreadable_inputs_are_reported_per_item(tmp_path: Path, target: str | Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Enligt polisen har tolv personer gripits i Göteborg under natten.", encoding="utf-8")
    (src / "b.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (src / "c.txt").write_text("The ministry said 40 drones were shot down overnight.", encoding="utf-8")
    report = analyze_with_dask([src, tmp_path / "missing.txt"], tmp_path / "shards", settings=Settings(),
                               workers=1, per_shard=2)
    assert [e.source for e in report.listing_errors] == [str(tmp_path / "missing.txt")]
    with Ledger(target) as ledger:
        imported = import_shards(ledger, [tmp_path / "shards"])
    assert imported.added == 2 and [e.source.endswith("b.bin") for e in imported.errors] == [True]


def test_batch_jsonl_line_ranges_read_as_the_whole_file(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"n{i}", "lang": "en", "text": f"Officials said {i + 2} people were hurt."})
             for i in range(10)]
    lines.insert(4, "not json")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shards, errors = plan([path], Settings(), per_shard=8, lines_per_shard=3)
    assert not errors and [s.inputs[0].lines for s in shards] == [(1, 3), (4, 6), (7, 9), (10, 11)]
    by_range = [x for s in shards for x in read_inputs(s.inputs, Settings())]
    from claimledger.ingest import read_articles

    at_once = list(read_articles([path], Settings()))
    assert [getattr(x, "raw_ref", str(x)) for x in by_range] == [getattr(x, "raw_ref", str(x)) for x in at_once]
    assert len(at_once) == 11


def test_batch_warc_record_ranges_read_as_the_whole_archive(examples: Path) -> None:
    from claimledger.ingest import read_articles

    archive = next((examples / "warc").glob("*.warc.gz"))
    shards, errors = plan([archive], Settings(), per_shard=8, lines_per_shard=2)
    assert not errors and len(shards) >= 2 and all(s.inputs[0].records for s in shards)
    by_range = [x for s in shards for x in read_inputs(s.inputs, Settings())]
    at_once = list(read_articles([archive], Settings()))
    assert [getattr(x, "raw_ref", str(x)) for x in by_range] == [getattr(x, "raw_ref", str(x)) for x in at_once]
    assert [getattr(x, "id", None) for x in by_range] == [getattr(x, "id", None) for x in at_once]


def _refs(items: list[Any]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """What a read gave, in order: each article's reference, id and notes, or each error's line."""
    return [(x.raw_ref, x.id, x.warnings) if hasattr(x, "raw_ref") else (str(x), None, ()) for x in items]


@pytest.mark.parametrize("name, per_range", [("en-theguardian-world.rss.xml", 10),
                                             ("sv-dn-nyheter-2021-02-09.rss.xml", 7),
                                             ("sv-utdelningsseglaren.atom.xml", 4)])
def test_batch_feed_entry_ranges_read_as_the_whole_feed(shared: Path, examples: Path, name: str,
                                                        per_range: int) -> None:
    """Real RSS and Atom feeds cut into entry ranges: every entry read once, in order, under its own
    ``#entry=N``, and the feed-wide note on the same (first) article as in a whole read."""
    from claimledger.ingest import read_articles

    feed = shared / "data" / "raw" / "feeds" / name
    shards, errors = plan([feed, examples / "feeds" / "nordposten-senaste.rss"], Settings(),
                          per_shard=8, lines_per_shard=per_range)
    ranges = [s.inputs[0].entries for s in shards if s.inputs[0].entries]
    at_once = list(read_articles([feed], Settings()))
    assert not errors and len(ranges) == -(-len(at_once) // per_range) >= 3
    assert ranges[0] == (1, per_range) and ranges[-1][1] == len(at_once)
    assert [s.inputs[0].entries for s in shards][-1] is None  # a short feed stays whole, with its neighbours
    by_range = [x for s in shards if s.inputs[0].entries for x in read_inputs(s.inputs, Settings())]
    assert _refs(by_range) == _refs(at_once)
    assert len({s.key for s in shards}) == len(shards)


def test_batch_feed_entry_ranges_through_dask_into_the_ledger(shared: Path, tmp_path: Path,
                                                              target: str | Path) -> None:
    feed = shared / "data" / "raw" / "feeds" / "sv-dn-nyheter-2021-02-09.rss.xml"
    report = analyze_with_dask([feed], tmp_path / "shards", settings=Settings(), workers=2, per_range=30)
    assert report.shards >= 3 and report.analysed == report.shards and not report.failed
    with Ledger(target) as batch, Ledger(tmp_path / "local.sqlite") as one:
        imported = import_shards(batch, [tmp_path / "shards"])
        local = one.ingest([feed])
        assert imported.added == local.added > 50
        assert sorted(map(str, imported.errors)) == sorted(map(str, local.errors))  # entries without text, once
        assert _export(batch, tmp_path) == _export(one, tmp_path)


def test_batch_url_list_line_ranges_through_dask_give_the_local_records(shared: Path, tmp_path: Path) -> None:
    """A URL list of real pages on a loopback server, cut into line ranges of ``per_shard`` URLs:
    every URL fetched once per run (the repeat too is skipped across ranges), the missing page one
    error, a page served twice (UTF-8 and cp1252: one text) stored once, and the ledger the local
    path's (SQLite; the shards' import runs on PostgreSQL above)."""
    from tests.loopback import serving

    names = ["en-bbc.com-imf-recession.html", "sv-gp.se-brand-i-hamn.html", "sv-gp.se-brand-i-hamn.cp1252.html",
             "en-reuters.com-parasite-sag.html", "en-apnews-sondland-ukraine.html",
             "en-thelocal.se-tegnell-tattoo.html"]
    settings = Settings(allow_private=True)
    with serving(shared / "data" / "raw" / "html") as site:
        urls = [f"{site.base}/{name}" for name in names]
        listing = tmp_path / "urls.txt"
        listing.write_text("\n".join(["# six pages, one twice, one missing, one listed twice", *urls[:3], "",
                                      f"{site.base}/missing.html", urls[3], urls[0], *urls[4:]]) + "\n",
                           encoding="utf-8")
        shards, errors = plan([listing], settings, per_shard=3)
        assert not errors and [s.inputs[0].lines for s in shards] == [(1, 5), (6, 9), (10, 10)]
        report = analyze_with_dask([listing], tmp_path / "shards", settings=settings, workers=2, per_shard=3)
        assert (report.shards, report.analysed, report.failed) == (3, 3, [])
        with Ledger(tmp_path / "batch.sqlite") as batch, Ledger(tmp_path / "local.sqlite") as one:
            imported = import_shards(batch, [tmp_path / "shards"])
            local = one.ingest([listing], settings=settings)
            assert (imported.added, imported.duplicates) == (local.added, local.duplicates) == (5, 1)
            assert local.exit_code == imported.exit_code == 1
            assert [str(e) for e in imported.errors] == [str(e) for e in local.errors] == [
                f"{site.base}/missing.html: HTTP 404 File not found for {site.base}/missing.html [fetch-failed]"]
            exports = [[json.loads(line) for line in _export(ledger, tmp_path)] for ledger in (batch, one)]
            assert all(record.pop("fetched_at") for records in exports for record in records)  # each run's own
            assert exports[0] == exports[1] and _links(batch) == _links(one)
        assert sorted(site.requests) == sorted(2 * [f"/{name}" for name in [*names, "missing.html"]])
