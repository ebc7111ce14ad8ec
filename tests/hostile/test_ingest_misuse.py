"""Misusing the reading API raises one documented error at the call, before anything is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import ArgumentError, ClaimledgerError, UsageError
from claimledger.ingest import check_sources, read_articles
from claimledger.settings import Settings

TEXT = "The ministry said on Monday that about 2,000 soldiers had been moved to the border region.\n"


@pytest.fixture
def in_folder_of_letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding ab.txt and, as a trap, files named after each of its letters."""
    (tmp_path / "ab.txt").write_text(TEXT)
    for letter in "abtx":
        (tmp_path / letter).write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("bare", ["ab.txt", Path("ab.txt"), b"ab.txt"])
def test_hostile_misuse_one_source_given_bare_is_refused(in_folder_of_letters: Path, bare: Any) -> None:
    with pytest.raises(ArgumentError) as caught:
        read_articles(bare)  # no iteration: the call itself refuses
    error = caught.value
    assert isinstance(error, UsageError) and isinstance(error, ClaimledgerError) and isinstance(error, TypeError)
    assert error.code == "argument"
    assert str(error) == f"sources must be a list of paths or URLs, not one {type(bare).__name__}: pass [{bare!r}]"
    assert [a.raw_ref for a in read_articles([bare if not isinstance(bare, bytes) else "ab.txt"])] == ["ab.txt"]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (42, "sources must be a list of paths or URLs, not int"),
        (None, "sources must be a list of paths or URLs, not NoneType"),
        (["ok.txt", b"raw.txt"], "source 2 is a bytes, not a path or URL (str or Path)"),
        ([None], "source 1 is a NoneType, not a path or URL (str or Path)"),
        ([["nested.txt"]], "source 1 is a list, not a path or URL (str or Path)"),
    ],
)
def test_hostile_misuse_sources_of_the_wrong_type(sources: Any, message: str) -> None:
    with pytest.raises(ArgumentError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        check_sources(sources)
    with pytest.raises(ArgumentError):
        read_articles(sources)


def test_hostile_misuse_an_empty_source_is_not_the_current_folder(in_folder_of_letters: Path) -> None:
    with pytest.raises(UsageError, match="source 2 is an empty string") as caught:
        read_articles(["ab.txt", "  "])
    assert not isinstance(caught.value, TypeError)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"settings": {"max_bytes": 10}}, "settings must be a Settings or None, not dict"),
        ({"lang": 5}, "lang must be a language code (str) or None, not int"),
        ({"follow_links": "yes"}, "follow_links must be a bool or None, not str"),
        ({"transport": object()}, "transport must be an httpx.BaseTransport or None, not object"),
        ({"stdin": "text"}, "stdin must be a binary stream or None, not str"),
    ],
)
def test_hostile_misuse_options_of_the_wrong_type(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        read_articles(["a.txt"], **options)
    assert str(caught.value) == message


def test_hostile_misuse_a_generator_of_paths_is_fine(in_folder_of_letters: Path) -> None:
    items = list(read_articles(p for p in ["ab.txt"]))
    assert [a.raw_ref for a in items] == ["ab.txt"]
    assert check_sources((Path("x"), "y")) == [Path("x"), "y"]
    assert list(read_articles([], Settings())) == []
