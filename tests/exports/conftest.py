"""The ledger every export test reads: the bundled examples/ (Swedish and English, text, HTML,
a feed and a WARC) analysed and linked, plus one hostile article and a wire reprint of one example,
on SQLite and PostgreSQL.

Built once per backend for the module that asks (analysing costs seconds); the tests only read it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS

HOSTILE = {
    "id": "hostile-1",
    "lang": "en",
    "title": "=cmd|' /C calc'!A0 <script>alert(1)</script>",
    "publisher": "@SUM(1+1)*cmd|' /C calc'!A0",
    "url": "https://example.org/hostile?<script>",
    "published": "2025-02-03",
    "text": ("=cmd|' /C calc'!A0 said on Monday that 40 soldiers had been killed near the border. "
             "The defence ministry said <script>alert(1)</script> that about 300 troops \x1b]52;c;SGVsbG8=\x07"
             " had arrived \u202eevil in the region. The army said =cmd|' /C calc'!A0 had been launched at dawn."),
}


@pytest.fixture(scope="module", params=BACKENDS)
def ledger(request: pytest.FixtureRequest, examples: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[SimpleNamespace]:
    """``path`` (a SQLite file or a PostgreSQL URL) of the examples' ledger with the hostile article."""
    from claimledger import Ledger

    folder = tmp_path_factory.mktemp("exports")
    hostile = folder / "hostile.jsonl"
    wire = (examples / "en" / "written-north-korean-troops-new-sector.txt").read_text(encoding="utf-8")
    reprint = {"id": "reprint-1", "lang": "en", "title": "Reprint", "publisher": "Other Paper",
               "text": "SEOUL (AP) " + wire.strip() + "\n\nCopyright The Associated Press."}
    hostile.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(reprint) + "\n", encoding="utf-8")
    target: str | Path = folder / "l.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres")()
    with Ledger(target) as led:
        report = led.ingest([examples, hostile])
    assert report.added >= 20 and not report.errors
    yield SimpleNamespace(path=target, folder=folder, backend=request.param)
