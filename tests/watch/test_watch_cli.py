"""``claimledger watch`` as a user runs it: one line per bad input, exit codes, --json, a long watch's rounds."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from tests.watch.conftest import Reply, static
from tests.watch.test_watch_feeds import OLDER, RSS

from claimledger.cli.app import main
from claimledger.cli.watch import parse_interval
from claimledger.errors import UsageError
from claimledger.settings import Settings
from claimledger.store import Ledger, watchstate
from claimledger.watch import WatchReport, watch_forever


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_WATCH_HOST_INTERVAL", "0.05")


def test_watch_cli_once_json_and_exit_status(serve_routes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    """A good feed, a 404 feed and a bad line: exit 1, the summary as JSON, each failure in one line."""
    site = serve_routes({"/rss.xml": static(OLDER)})
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/rss.xml')}\n{site.url('/gone.xml')}\nnot a url\n")
    ledger = str(tmp_path / "l.sqlite")
    code = main(["watch", str(feeds), "--once", "--allow-private", "--ledger", ledger, "--json"])
    got = capsys.readouterr()
    summary = json.loads(got.out)
    assert code == 1
    assert (summary["feeds"], summary["polled"], summary["new_articles"]) == (2, 1, 2)
    assert any("HTTP 404" in e for e in summary["feed_errors"])
    assert any(e.startswith(f"{feeds}:3: ") for e in summary["feed_errors"])
    failed = [line for line in got.err.splitlines() if line.startswith("failed ")]
    assert len(failed) == 2 and all(len(line) < 400 for line in failed)

    code = main(["watch", str(feeds), "--once", "--allow-private", "--ledger", ledger])
    out = capsys.readouterr().out
    assert code == 1 and "0 new article(s)" in out and "1 not modified" not in out  # no validators sent: read again


@pytest.mark.parametrize("args, words", [
    (("watch", "missing-feeds.txt", "--once"), "missing-feeds.txt: no such feed list [missing]"),
    (("watch", "FEEDS", "--once", "--every", "soon"), "--every 'soon' is not an interval"),
])
def test_watch_cli_bad_input_is_one_line_exit_2(args: tuple[str, ...], words: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# nothing yet\n")
    argv = [str(feeds) if a == "FEEDS" else a for a in args]
    code = main([*argv, "--ledger", str(tmp_path / "l.sqlite")])
    err = capsys.readouterr().err
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_watch_cli_interval() -> None:
    assert [parse_interval(v) for v in ("15m", "90s", "1h", "900", "1.5h")] == [900, 90, 3600, 900, 5400]
    with pytest.raises(UsageError):
        parse_interval("0s")


def test_watch_forever_polls_again_when_due(serve_routes, tmp_path: Path) -> None:
    """Two rounds of a long watch one second apart: the feed is asked twice, the new entry stored once."""
    bodies = iter([OLDER])

    def feed(_h) -> Reply:  # type: ignore[no-untyped-def]
        return Reply(200, next(bodies, RSS), {"Content-Type": "application/rss+xml"})

    site = serve_routes({"/rss.xml": feed})
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/rss.xml") + "\n")
    rounds: list[WatchReport] = []
    settings = Settings.from_env(allow_private=True, watch_every=1.0)
    with Ledger(tmp_path / "l.sqlite") as ledger:
        watch_forever(ledger, feeds, settings, on_round=rounds.append, stop=threading.Event(), rounds=2)
        assert [(r.polled, r.added) for r in rounds] == [(1, 2), (1, 1)]
        assert len(site.hits("/rss.xml")) == 2 and len(watchstate.item_rows(ledger)) == 3
