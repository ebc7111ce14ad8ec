"""The app as a person uses it, in a real headless Chromium (Debian's, driven by Playwright).

Opens the overview, searches, opens an article and checks that each mark sits on the words
the ledger stored for it, follows a source to its actor and a figure to its fact, reads the
history plot's points, adds an article through the form, walks the pages by keyboard, and
runs axe-core on each page. Screenshots go to ``test-artifacts/web/``. Without Chromium the
tests skip, saying so, except where ``CLAIMLEDGER_REQUIRE_BROWSER=1`` (``.ci/run``) makes a
missing browser a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "web"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CLAIMLEDGER_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install -y chromium)")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium runs these tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def _shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _axe(pg: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page (injected from the vendored copy)."""
    pg.add_script_tag(url="/static/vendor/axe.min.js")  # same origin: the CSP allows it, as it would no inline copy
    result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_browser_overview_search_article_marks(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "The ledger"
    _shot(page, "overview")
    page.fill("#top-q", "Nordkorea")
    page.press("#top-q", "Enter")
    page.wait_for_url("**/claims?q=Nordkorea")
    rows = page.locator("table.claims tbody tr")
    assert rows.count() > 0 and "nordkorea" in rows.first.inner_text().lower()
    _shot(page, "claims-search")
    rows.first.locator("td:last-child a").click()
    page.wait_for_url("**/articles/*")
    _shot(page, "article")
    article_id = page.url.rsplit("/", 1)[-1]
    data = httpx.get(f"{server}/articles/{article_id}.json").json()
    text = data["article"]["text"]
    checked = 0
    for a in data["attributions"]:
        for kind in ("source", "cue", "content"):
            if not a[kind]:
                continue
            words = text[a[kind][0]:a[kind][1]]
            shown = page.evaluate(
                "([id, kind]) => Array.from(document.querySelectorAll('[data-claims]'))"
                ".filter(e => e.dataset.claims.split(' ').includes(id) && e.dataset.marks.split(' ').includes(kind))"
                ".map(e => e.textContent).join('')",
                [a["id"], kind])
            assert " ".join(words.split()) in " ".join(shown.split()), (kind, words, shown)
            checked += 1
    assert checked >= 3
    assert page.errors == []


def test_browser_source_to_actor_and_figure_to_fact_with_plot(page: Any, server: str) -> None:
    facts = httpx.get(f"{server}/facts.json", params={"limit": 1000}).json()["facts"]
    followed = next(f for f in facts if f["variable"] and not f["variable"].startswith("?") and f["mentions"] >= 2
                    and f["date"] > "1971")
    mention = httpx.get(f"{server}/facts/{followed['id']}.json").json()["fact"]["mentions"][0]
    page.goto(f"{server}/articles/{mention['article_id']}")
    page.locator(f"a.hl-figure[href='/facts/{followed['id']}']").first.click()
    page.wait_for_url(f"**/facts/{followed['id']}")
    page.wait_for_selector("#plot[data-rendered='true'] svg", timeout=15000)
    _shot(page, "fact")
    points = httpx.get(f"{server}/facts/{followed['id']}/plot.json").json()["data"]["values"]
    marks = page.locator("#plot svg g.mark-symbol.role-mark path")
    assert marks.count() == len(points) > 0
    marks.first.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5000)
    tip = tooltip.inner_text()
    assert "source" in tip and "value" in tip and "date" in tip
    page.go_back()
    source = page.locator("a.hl-source").first
    if source.count():
        name = source.get_attribute("href")
        source.click()
        page.wait_for_url("**" + name)
        assert page.locator("h1").inner_text()
        _shot(page, "actor")
    assert page.errors == []


def test_browser_add_article_lands_on_its_page(page: Any, server: str) -> None:
    page.goto(server + "/add")
    page.fill("#a-title", "Drönare över Stockholm")
    page.fill("#a-text", "Enligt Försvarsmakten sköts omkring 30 drönare ner under natten, uppger TT.")
    page.click("button[type=submit]:has-text('Add')")
    page.wait_for_url("**/articles/*")
    assert "Drönare över Stockholm" in page.locator("h1").inner_text()
    assert page.locator("#text .hl-figure").first.inner_text() == "omkring 30"
    assert page.locator("#text .hl-source").first.inner_text() == "Försvarsmakten"
    _shot(page, "added")


def test_browser_keyboard_and_axe(page: Any, server: str) -> None:
    facts = httpx.get(f"{server}/facts.json", params={"limit": 5}).json()["facts"]
    articles = httpx.get(f"{server}/index.json").json()["newest"]
    found: dict[str, list[dict[str, Any]]] = {}
    for url in ("/", "/claims", f"/articles/{articles[0]['id']}", "/actors", f"/facts/{facts[0]['id']}", "/add"):
        page.goto(server + url)
        found[url] = _axe(page)
    assert {u: v for u, v in found.items() if v} == {}
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.tagName + ' ' + (document.activeElement.textContent || '')"))
    assert any(r.startswith("A ") for r in reached)
