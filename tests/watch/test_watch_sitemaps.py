"""Sitemaps and resuming: pages fetched once, robots.txt per page, and a ``kill -9`` mid-run.

The pages are real news pages saved in ``../shared/data/raw/html``, served from loopback.
The kill test runs ``claimledger watch --once`` as a subprocess, kills it with SIGKILL
once it has stored its first page, runs it again, and checks from the server's log and
the ledger that no article was stored twice and no page recorded as read was fetched again.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.watch.conftest import ROOT, Site, static

from claimledger.settings import Settings
from claimledger.store import Ledger, watchstate
from claimledger.watch import watch_once

PAGES = ("en-aljazeera.com-afghanistan-helicopter.html", "en-apnews-sondland-ukraine.html",
         "en-polygraph.info-russia-syria-factcheck.html", "en-politico.com-meadows-retirement.html")


def urlset(site: Site, paths: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>2025-06-03</lastmod></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def news_site(serve_routes, html_dir: Path, robots: bytes = b"") -> Site:  # type: ignore[no-untyped-def]
    """A site whose sitemap index lists one gzipped sitemap of the four pages."""
    routes = {f"/news/{i}.html": static((html_dir / name).read_bytes(), "text/html; charset=utf-8")
              for i, name in enumerate(PAGES)}
    if robots:
        routes["/robots.txt"] = static(robots, "text/plain")
    site: Site = serve_routes(routes)
    paths = [f"/news/{i}.html" for i in range(len(PAGES))]
    site.server.routes["/sitemap-news.xml.gz"] = _raw(gzip.compress(urlset(site, paths)), "application/gzip")
    index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<sitemap><loc>{site.url("/sitemap-news.xml.gz")}</loc></sitemap></sitemapindex>').encode()
    site.server.routes["/sitemap.xml"] = _raw(index, "application/xml")
    return site


def _raw(body: bytes, content_type: str):  # type: ignore[no-untyped-def]
    def handle(h) -> None:  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return handle


def test_watch_sitemap_index_pages_once_robots_per_page(serve_routes, ledger: Ledger, settings: Settings,
                                                        html_dir: Path, tmp_path: Path) -> None:
    site = news_site(serve_routes, html_dir, robots=b"User-agent: *\nDisallow: /news/3.html\n")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/sitemap.xml") + "\n")
    first = watch_once(ledger, feeds, settings)
    assert (first.polled, first.added) == (1, 3)
    assert [e.code for e in first.item_errors] == ["robots-disallowed"] and site.count("/news/3.html") == 0
    stored = {a["url"] for a in ledger.articles()}
    assert stored == {site.url(f"/news/{i}.html") for i in range(3)}
    again = watch_once(ledger, feeds, settings)
    assert (again.added, again.duplicates) == (0, 0)
    assert [site.count(f"/news/{i}.html") for i in range(3)] == [1, 1, 1]
    assert ledger.counts()["articles"] == 3


def test_watch_killed_mid_run_resumes_without_repeats(serve_routes, ledger: Ledger, html_dir: Path,
                                                      tmp_path: Path) -> None:
    site = news_site(serve_routes, html_dir)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/sitemap.xml") + "\n")
    env = {**os.environ, "CLAIMLEDGER_WATCH_HOST_INTERVAL": "0.05", "CLAIMLEDGER_DEBUG": "",
           "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "claimledger", "watch", str(feeds), "--once", "--allow-private",
           "--ledger", ledger.name, "--quiet"]
    proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        end = time.monotonic() + 240
        while time.monotonic() < end and proc.poll() is None and not watchstate.item_rows(ledger):
            time.sleep(0.05)
        assert proc.poll() is None, f"watch ended before it could be killed: {proc.communicate()}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    before = {r["url"] for r in watchstate.item_rows(ledger)}
    fetched_before = {p: site.count(p) for p in (f"/news/{i}.html" for i in range(len(PAGES)))}
    assert 1 <= len(before) < len(PAGES)

    done = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = watchstate.item_rows(ledger)
    assert sorted(r["url"] for r in rows) == sorted(site.url(f"/news/{i}.html") for i in range(len(PAGES)))
    assert all(r["article_id"] and not r["error"] for r in rows)
    assert ledger.counts()["articles"] == len(PAGES) == len({r["article_id"] for r in rows})
    for path, count in fetched_before.items():
        again = site.count(path) - count
        if site.url(path) in before:
            assert again == 0, f"{path} was recorded as read before the kill and fetched again"
        else:
            assert again == 1
