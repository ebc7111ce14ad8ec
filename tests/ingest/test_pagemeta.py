"""page_meta reads the same title, site name, URL and date as trafilatura's whole metadata pass.

``ingest/pagemeta.py`` calls trafilatura's metadata functions for the fields we read only
(a third of trafilatura's time went to author, categories, tags and licence); these tests
hold it to trafilatura's own ``extract_metadata`` on every real page we have, so a
trafilatura upgrade that changes the order or the clean-up shows here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from trafilatura.metadata import extract_metadata

from claimledger.ingest.html import decode_html, extract_html
from claimledger.ingest.pagemeta import DATE_PARAMS, page_meta
from claimledger.model import Article, RawDoc

from .conftest import HTML_DIR

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "html"
URL = "https://news.example.org/2020/article.html"


def _tree(path: Path) -> object:
    raw = RawDoc(uri=str(path), data=path.read_bytes(), media_type="text/html", raw_ref=str(path))
    return trafilatura.load_html(decode_html(raw).text)


def _pages(shared: bool) -> list[Path]:
    if shared:
        return sorted(HTML_DIR.glob("*.htm*")) if HTML_DIR.is_dir() else []
    return sorted(EXAMPLES.glob("*.htm*"))


@pytest.mark.parametrize("url", [None, URL])
def test_page_meta_is_trafilaturas_metadata_on_every_shared_page(shared: Path, url: str | None) -> None:
    pages = _pages(shared=True) + _pages(shared=False)
    assert len(pages) >= 20, "the shared HTML pages and the examples"
    for path in pages:
        tree = _tree(path)
        whole = extract_metadata(tree, url, dict(DATE_PARAMS))
        ours = page_meta(tree, url, date=True)
        theirs = (whole.title, whole.sitename, whole.url, whole.date)
        assert (ours.title, ours.sitename, ours.url, ours.date) == theirs, path.name


def test_page_meta_skips_htmldate_unless_asked() -> None:
    path = _pages(shared=False)[0]
    tree = _tree(path)
    assert page_meta(tree, None, date=False).date is None
    assert page_meta(tree, None, date=True).date is not None


def test_extract_html_falls_back_to_htmldate_when_the_page_claims_no_date(shared: Path) -> None:
    """Al Jazeera's page has no article:published_time nor JSON-LD date: htmldate's guess is used."""
    path = HTML_DIR / "en-aljazeera.com-afghanistan-helicopter.html"
    raw = RawDoc(uri=str(path), data=path.read_bytes(), media_type="text/html", raw_ref=str(path))
    article = extract_html(raw, max_depth=200)
    assert isinstance(article, Article)
    assert article.published == "2019-11-20"
