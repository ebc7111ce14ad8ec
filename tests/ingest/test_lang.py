"""Language identification: Swedish is sv, English en, Norwegian never sv, scraps und."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger.ingest.lang import choose_language, detect_language, normalize_language
from claimledger.model import Article

from .conftest import Read


def test_lang_norwegian_page_is_not_swedish(pages: dict[str, Any]) -> None:
    article = pages["no-tine.no-fotballskole.html"]
    assert isinstance(article, Article)
    assert article.lang == "no"


def test_lang_swedish_reference_article_is_sv(raw_dir: Path) -> None:
    assert detect_language((raw_dir / "nordkorea-ryssland.txt").read_text(encoding="utf-8")) == "sv"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Regeringen föreslår begränsat antal passagerare för resor med fjärrtrafik som överskrider 15 mil.", "sv"),
        ("Expertgrupp i Kina: Går inte fastställa att viruset kom från fladdermöss eller myrkottar.", "sv"),
        ("The International Monetary Fund says the global economy will contract sharply this year.", "en"),
        ("Norges Fotballforbund har vært bekymret for et stort frafall i barnefotballen i løpet av året.", "no"),
        ("Regeringen har besluttet at skærpe kravene til indrejse, oplyser Udenrigsministeriet i dag.", "da"),
    ],
)
def test_lang_short_news_sentences(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "AP", "12 000 – 13:45", "Foto: TT"])
def test_lang_too_little_text_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_lang_declared_language_only_fills_in_for_und() -> None:
    assert choose_language("Foto: TT", "sv-SE") == "sv"
    assert choose_language("The minister said the figures would be published on Friday.", "sv-SE") == "en"
    assert normalize_language("nb-NO") == "no"
    assert normalize_language("x-klingon-1") is None


def test_lang_explicit_lang_overrides_detection(read: Read, raw_dir: Path) -> None:
    (article,) = read([raw_dir / "nordkorea-ryssland.txt"], lang="en").articles
    assert article.lang == "en"


def test_lang_unpacked_model_is_kept_and_ranks_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The identifier unpacked once is kept under the cache folder; the next process maps it from
    there and ranks every text exactly as the unpacked one did. A cache folder that cannot be
    written, or a damaged kept copy, only costs the unpacking again."""
    from claimledger.ingest import lang

    texts = ["Regeringen meddelade i går att fyra broar stängs över vintern.",
             "The harbour authority said three ferries would stop running in March."]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lang._identifier.cache_clear()
    try:
        unpacked = lang._identifier()
        assert type(unpacked.nb_ptc).__name__ == "ndarray"
        [kept] = (tmp_path / "cache" / "claimledger").glob("langid-*")
        lang._identifier.cache_clear()
        mapped = lang._identifier()
        assert type(mapped.nb_ptc).__name__ == "memmap"
        assert [mapped.rank(t) for t in texts] == [unpacked.rank(t) for t in texts]
        (kept / "row.bin").write_bytes(b"\0")  # damaged: its DFA no longer fits its outputs
        assert lang._cached(kept) is None
        (tmp_path / "ro").write_text("a file where the cache folder should go")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ro"))
        lang._identifier.cache_clear()
        assert lang._identifier().rank(texts[0]) == unpacked.rank(texts[0])
    finally:
        lang._identifier.cache_clear()
