"""A folder is read as what it holds: links out of it are skipped, loops end, nothing is read twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.errors import MISSING, OUTSIDE_FOLDER, SYMLINK_LOOP, InputError
from claimledger.ingest import read_articles, summarize_errors
from claimledger.model import Article
from claimledger.settings import Settings

TEXT = "The ministry said on Monday that about {n} soldiers had been moved to the border region.\n"


def _read(sources: list[Path], **settings: object) -> tuple[list[Article], list[InputError]]:
    items = list(read_articles(sources, Settings(**settings)))  # type: ignore[arg-type]
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """news/ with two articles, beside a secret/ folder that news/ must not reach."""
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "a.txt").write_text(TEXT.format(n=100))
    (news / "sub" / "b.txt").write_text(TEXT.format(n=200))
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.txt").write_text("The password said on Monday that it is hunter2 and nothing else at all.\n")
    return news


def test_hostile_symlink_to_etc_passwd_is_not_read(folder: Path) -> None:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd on this system")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    articles, errors = _read([folder])
    assert [a.raw_ref for a in articles] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    (error,) = errors
    assert error.code == OUTSIDE_FOLDER and error.source == str(folder / "passwd.txt")
    assert error.message == (
        "symbolic link to /etc/passwd, outside the folder being read; skipped (follow_symlinks is off)"
    )
    assert not any("root:" in a.text for a in articles)


def test_hostile_symlinked_folder_outside_is_not_walked(folder: Path) -> None:
    (folder / "sub" / "keys").symlink_to(folder.parent / "secret", target_is_directory=True)
    (folder / "up").symlink_to("..", target_is_directory=True)  # news/up -> the folder holding secret/
    articles, errors = _read([folder])
    assert len(articles) == 2 and not any("hunter2" in a.text for a in articles)
    assert [(e.code, Path(e.source).name) for e in errors] == [(OUTSIDE_FOLDER, "keys"), (OUTSIDE_FOLDER, "up")]


def test_hostile_follow_symlinks_setting_reads_links_out_of_the_folder(folder: Path) -> None:
    (folder / "keys").symlink_to(folder.parent / "secret", target_is_directory=True)
    articles, errors = _read([folder], follow_symlinks=True)
    assert not errors
    assert [Path(a.raw_ref).relative_to(folder).as_posix() for a in articles] == ["a.txt", "keys/key.txt", "sub/b.txt"]


@pytest.mark.parametrize("follow", [False, True])
def test_hostile_symlink_loops_end_each_reported_once(folder: Path, follow: bool) -> None:
    (folder / "self").symlink_to("self")  # a link to itself
    (folder / "ping").symlink_to("pong")  # two links to each other
    (folder / "pong").symlink_to("ping")
    (folder / "sub" / "again").symlink_to("..", target_is_directory=True)  # back to news/
    (folder / "sub" / "here").symlink_to(".", target_is_directory=True)  # back to sub/
    (folder / "gone").symlink_to("nowhere.txt")  # dangling
    articles, errors = _read([folder], follow_symlinks=follow)
    assert [a.raw_ref for a in articles] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    assert [(Path(e.source).name, e.code) for e in errors] == [
        ("gone", MISSING),
        ("ping", SYMLINK_LOOP),
        ("pong", SYMLINK_LOOP),
        ("self", SYMLINK_LOOP),
        ("again", SYMLINK_LOOP),
        ("here", SYMLINK_LOOP),
    ]
    assert summarize_errors(errors)[-1] == "… and 2 more [symlink-loop]"


def test_hostile_links_inside_the_folder_are_followed_and_read_once(folder: Path) -> None:
    (folder / "0-latest").symlink_to("sub", target_is_directory=True)  # read before sub/ itself
    (folder / "copy.txt").symlink_to("a.txt")
    articles, errors = _read([folder])
    assert not errors
    names = [Path(a.raw_ref).relative_to(folder).as_posix() for a in articles]
    assert names == ["0-latest/b.txt", "a.txt"]  # each real file once, under the first name that reached it


def test_hostile_a_link_named_on_the_command_line_is_read(folder: Path) -> None:
    link = folder / "named.txt"
    link.symlink_to(folder.parent / "secret" / "key.txt")
    articles, errors = _read([link])  # the user asked for this very file
    assert not errors and "hunter2" in articles[0].text


def test_hostile_unreadable_subfolder_is_reported_and_the_walk_goes_on(folder: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        articles, errors = _read([folder])
    finally:
        locked.chmod(0o755)
    assert len(articles) == 2 and [e.code for e in errors] == ["unreadable"]
