"""The web app's pages and JSON API over a hand-linked ledger, through an in-process client."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS, linked_on
from tests.web.conftest import Client


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Every test here, on SQLite and on a real PostgreSQL server."""
    return linked_on(request, tmp_path)

def test_web_overview_counts_per_language(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    data = c.get("/index.json").json()
    assert data["languages"]["sv"]["articles"] == 1 and data["languages"]["en"]["articles"] == 4
    assert data["languages"]["en"]["claims"] == 5 and data["languages"]["sv"]["claims"] == 1
    assert {f["id"] for f in data["contested"]} == {linked.facts["F1"], linked.facts["F3"]}
    page = c.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert f'href="/articles/{linked.articles["us"]}"' in page.text


def test_web_same_data_as_page_json_suffix_and_api(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    aid = linked.articles["us"]
    suffix = c.get(f"/articles/{aid}.json").json()
    api = c.get(f"/api/v1/articles/{aid}").json()
    accept = c.get(f"/articles/{aid}", headers={"accept": "application/json"}).json()
    assert suffix == api == accept
    assert [a["actor"] for a in api["attributions"]] == ["Pentagon", "HUR"]


def test_web_claims_search_filters_and_keyset_pages(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    assert [r["actor"] for r in c.get("/claims.json", params={"q": "kremlin"}).json()["rows"]] == ["Kremlin"]
    if not str(linked.path).startswith("postgresql"):  # SQLite's FTS5 folds accents; PostgreSQL's 'simple' does not
        assert c.get("/claims.json", params={"q": "underrattelsetjanst"}).json()["rows"][0]["lang"] == "sv"
    assert c.get("/claims.json", params={"q": "underrättelsetjänst"}).json()["rows"][0]["lang"] == "sv"
    assert c.get("/claims.json", params={"q": 'spy" OR NEAR(*'}).json()["rows"] == []  # words, never syntax
    assert {r["certainty"] for r in c.get("/claims.json", params={"certainty": "denied"}).json()["rows"]} == {"denied"}
    assert {r["lang"] for r in c.get("/claims.json", params={"lang": "sv"}).json()["rows"]} == {"sv"}
    assert len(c.get("/claims.json", params={"since": "2025-01-12"}).json()["rows"]) == 3
    everything = [r["id"] + r["article_id"] for r in c.get("/claims.json").json()["rows"]]
    walked, after = [], None
    while True:
        page = c.get("/claims.json", params={"limit": 2, **({"after": after} if after else {})}).json()
        walked += [r["id"] + r["article_id"] for r in page["rows"]]
        after = page["next"]
        if not after:
            break
    assert walked == everything and len(everything) == 6


def test_web_claims_csv_is_exactly_the_page(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    shown = c.get("/claims.json", params={"limit": 3}).json()["rows"]
    rows = list(csv.DictReader(io.StringIO(c.get("/claims.csv", params={"limit": 3}).text)))
    assert [r["id"] for r in rows] == [r["id"] for r in shown]
    assert [r["content"] for r in rows] == [r["content"] for r in shown]


def test_web_bad_input_is_one_line_not_a_traceback(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    for url, status in (("/claims?after=garbage", 400), ("/articles/ffffffffffff", 404), ("/facts/zz", 404),
                        ("/claims?certainty=sure", 400), ("/claims?limit=100000", 422)):
        r = c.get(url)
        assert r.status_code == status, url
        assert "Traceback" not in r.text
    assert "not a page cursor" in c.get("/claims.json?after=garbage").json()["error"]


def test_web_article_marks_sit_on_their_words(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    page = c.get(f"/articles/{linked.articles['us']}").text
    marked = re.findall(r'<(?:a|span) [^>]*data-marks="([^"]+)"[^>]*>([^<]*)</(?:a|span)>', page)
    by_kind: dict[str, str] = {}
    for marks, words in marked:
        for m in marks.split():
            by_kind[m] = by_kind.get(m, "") + words + "|"
    assert "The Pentagon" in by_kind["source"] and "Ukraine's intelligence".replace("'", "&#39;") in by_kind["source"]
    assert "more than 11,000" in by_kind["figure"] and "said" in by_kind["cue"]
    assert f'href="/facts/{linked.facts["F2"]}"' in page  # the figure leads to its fact
    assert 'href="/actors/Pentagon"' in page  # the source to its actor
    assert "reported claim, by Pentagon" in page  # certainty for hover and screen readers


def test_web_fact_page_sources_links_and_plot(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    f1 = linked.facts["F1"]
    data = c.get(f"/facts/{f1}.json").json()
    assert data["fact"]["independent"] == 2 and data["fact"]["sources"] == ["NIS", "HUR"]
    assert {m["article_id"] for m in data["fact"]["mentions"]} >= {linked.articles["sv"], linked.articles["us"]}
    assert any(link["kind"] == "denial" for link in data["fact"]["links"])
    spec = c.get(f"/facts/{f1}/plot.json").json()
    points = spec["data"]["values"]
    assert {p["source"] for p in points} >= {"NIS", "HUR", "Pentagon"}
    assert all({"date", "value", "approx", "source"} <= set(p) for p in points)
    page = c.get(f"/facts/{f1}").text
    assert 'data-spec="/facts/' in page and "vega-embed.min.js" in page
    # the Admiralty grade and its evidence, as `claimledger fact` shows them
    grade = data["fact"]["admiralty"]
    assert grade["code"] == f"{grade['reliability']}{grade['credibility']}" and grade["evidence"]
    assert f"<strong>{grade['code']}</strong>" in page and grade["evidence"][0].split(" (")[0] in page


def test_web_actor_page_both_languages(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    data = c.get("/actors/NIS.json").json()
    assert data["actor"] == "NIS"
    assert {x["lang"] for x in data["claims"]} == {"sv", "en"}
    assert c.get("/actors/nobody-at-all").status_code == 404


def test_web_security_headers_on_every_response(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    for url in ("/", "/claims.json", "/static/app.css", "/articles/ffff", "/add"):
        h = c.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer"


def test_web_request_body_cap(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path, serve_max_body=1000)
    r = c.post("/add", data={"text": "x" * 5000})
    assert r.status_code == 413 and "serve_max_body" in r.text


def test_web_openapi_and_docs_without_a_cdn(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    spec = c.get("/api/v1/openapi.json").json()
    assert "/api/v1/claims" in spec["paths"] and "/api/v1/facts/{fact_id}" in spec["paths"]
    docs = c.get("/docs").text
    assert "/api/v1/claims" in docs and "cdn" not in docs.lower()


def test_web_search_pages_walk_every_hit_once(client: Client, linked: SimpleNamespace) -> None:
    c = client(linked.path)
    rows = c.get("/claims.json", params={"q": "troops", "limit": 200}).json()["rows"]
    hits = {r["id"] + r["article_id"] for r in rows}
    walked, after = [], None
    while True:
        page = c.get("/claims.json", params={"q": "troops", "limit": 1, **({"after": after} if after else {})}).json()
        walked += [r["id"] + r["article_id"] for r in page["rows"]]
        after = page["next"]
        if not after:
            break
    assert len(hits) == 4 and sorted(walked) == sorted(hits)
    if not str(linked.path).startswith("postgresql"):  # SQLite pages a search by its index's order, not the listing's
        listing = c.get("/claims.json", params={"limit": 1}).json()["next"]
        assert c.get("/claims.json", params={"q": "troops", "after": listing}).status_code == 400
