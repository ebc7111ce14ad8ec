"""Stand-off gold: offsets into a page's text, rebuilt against the page (evaluation/standoff.py)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from claimledger.evaluation.standoff import from_standoff, main, page_text, read_standoff, to_standoff

PAGE = """<html><head><title>Harbour</title></head><body><article><h1>Ferry strike ends</h1>
<p>The ferry strike ended on Monday after 12 days, the harbour board said in a statement to reporters.</p>
<p>"We are glad it is over," said Anna Berg, who chairs the board, adding that about 300 trips were lost.</p>
</article></body></html>"""


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "raw" / "html"
    folder.mkdir(parents=True)
    path = folder / "en-harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _gold(text: str) -> dict:
    return {"id": "en-harbour", "lang": "en", "url": None, "published": None, "title": None, "text": text,
            "attributions": [{"source": "the harbour board", "cue": "said",
                              "content": "The ferry strike ended on Monday after 12 days",
                              "certainty": "asserted", "anonymous": False}],
            "quantities": [{"text": "12", "value": 12, "approx": "exact", "counted": "days"},
                           {"text": "about 300", "value": 300, "approx": "about", "counted": None}]}


def test_a_record_goes_to_offsets_and_back_unchanged(page: Path) -> None:
    text = page_text(page)
    row = to_standoff(_gold(text), "data/raw/html/en-harbour.html", text)
    assert "text" not in row and "said" not in json.dumps(row)  # no article words are stored
    assert row["attributions"][0]["cue"] == [text.find("said"), text.find("said") + 4]
    assert from_standoff(row, text) == _gold(text)


def test_a_string_not_in_the_text_is_refused(page: Path) -> None:
    text = page_text(page)
    bad = _gold(text)
    bad["attributions"][0]["source"] = "the port authority"
    with pytest.raises(ValueError, match="not in the text"):
        to_standoff(bad, "data/raw/html/en-harbour.html", text)


def test_a_page_whose_text_changed_fails_naming_it(page: Path, tmp_path: Path) -> None:
    text = page_text(page)
    row = to_standoff(_gold(text), "data/raw/html/en-harbour.html", text)
    gold = tmp_path / "set.standoff.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert read_standoff(gold, tmp_path)[0]["attributions"][0]["source"] == "the harbour board"
    page.write_text(PAGE.replace("12 days", "13 days"), encoding="utf-8")
    with pytest.raises(ValueError, match="en-harbour.html: the page's text changed"):
        read_standoff(gold, tmp_path)
    page.unlink()
    assert read_standoff(gold, tmp_path) == []  # no page, no set (as without ../shared)


def test_the_command_writes_one_line_per_page(page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = tmp_path / "gold.jsonl"
    full.write_text(json.dumps(_gold(page_text(page))) + "\n", encoding="utf-8")
    assert main([str(full), str(page)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["page"] == "data/raw/html/en-harbour.html"


FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour news</title>
<link>http://example.org/</link><description>d</description>
<item><title>One</title><link>http://example.org/1</link><description>The first ferry left late on Monday, the harbour
board said, and the second one did not leave at all until the storm had passed over the islands.</description></item>
<item><title>Two</title><link>http://example.org/2</link><description>About 300 trips were lost in the strike, Anna Berg
said on Tuesday, and the board expects that the timetable will be back to normal by the end of May.</description></item>
</channel></rss>"""


def test_an_entry_of_a_feed_is_addressed_by_its_number(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "raw" / "feeds"
    folder.mkdir(parents=True)
    feed = folder / "harbour.rss.xml"
    feed.write_text(FEED, encoding="utf-8")
    text = page_text(feed, 1)
    assert text.startswith("About 300 trips") and page_text(feed, 0).startswith("The first ferry")
    record = {"id": "harbour-1", "lang": "en", "url": None, "published": None, "title": None, "text": text,
              "attributions": [{"source": "Anna Berg", "cue": "said",
                                "content": "About 300 trips were lost in the strike",
                                "certainty": "asserted", "anonymous": False}], "quantities": []}
    row = to_standoff(record, "data/raw/feeds/harbour.rss.xml", text, 1)
    gold = tmp_path / "feed.standoff.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    [back] = read_standoff(gold, tmp_path)
    assert back["text"] == text and back["attributions"] == record["attributions"]


def test_a_feed_entry_with_no_text_takes_no_number(tmp_path: Path) -> None:
    # a headline-only entry (no description, link not followed) is no article: the next entry with text is 1
    headline = '<item><title>Storm warning</title><link>http://example.org/0</link></item>\n'
    feed = tmp_path / "harbour.rss.xml"
    feed.write_text(FEED.replace("<item><title>Two</title>", headline + "<item><title>Two</title>"), encoding="utf-8")
    assert page_text(feed, 1).startswith("About 300 trips")


def test_a_corpus_record_is_found_by_its_id(tmp_path: Path) -> None:
    """A corpus file of FORMAT.md records (PolNeAR's shape) is a page whose texts are found by record
    id; the stand-off line names the record and holds no words of it."""
    folder = tmp_path / "data" / "en"
    folder.mkdir(parents=True)
    text = "The ferry strike ended on Monday after 12 days, the harbour board said; about 300 trips were lost."
    other = {"id": "corpus-a", "text": "Nothing here was said by anyone.", "attributions": [], "quantities": []}
    corpus = folder / "corpus.jsonl"
    corpus.write_text(json.dumps(other) + "\n" + json.dumps({**_gold(text), "id": "corpus-b"}) + "\n",
                      encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_gold(text)) + "\n", encoding="utf-8")
    out = tmp_path / "set.standoff.jsonl"
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main([str(gold), f"{corpus}#corpus-b"]) == 0
    out.write_text(buffer.getvalue(), encoding="utf-8")
    row = json.loads(buffer.getvalue())
    assert row["page"] == "data/en/corpus.jsonl" and row["record"] == "corpus-b" and "ferry" not in buffer.getvalue()
    [back] = read_standoff(out, tmp_path)
    assert back == _gold(text)
    corpus.write_text(json.dumps(other) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no record corpus-b"):
        read_standoff(out, tmp_path)
