"""Writing where it should not: ``export -o``, ``history --plot`` and the predictions all follow ``outfile``'s rule.

A regular file or a new name is replaced atomically (and keeps its permissions); a FIFO
or a device is written through, never replaced by a regular file; a symlink is followed
and stays a link; a directory is refused with one line; ``-`` is stdout. The ledger written
out is a SQLite file and a PostgreSQL database in turn.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import BACKENDS, linked_on

from claimledger.cli.app import main
from claimledger.errors import OutputError
from claimledger.outfile import output_binary, output_text


@pytest.fixture(params=BACKENDS)
def linked(request: pytest.FixtureRequest, tmp_path: Path) -> SimpleNamespace:
    """Exports and plots leave the same files behind whichever database they read."""
    return linked_on(request, tmp_path)


def export(capsys: pytest.CaptureFixture[str], ledger: SimpleNamespace, *args: str) -> tuple[int, str, str]:
    code = main(["export", *args, "--ledger", str(ledger.path)])
    got = capsys.readouterr()
    return code, got.out, got.err


def test_cli_output_regular_file_is_replaced_atomically_and_keeps_its_mode(
        linked: SimpleNamespace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    code, _, err = export(capsys, linked, "-o", str(target))
    assert code == 0 and "wrote 5 article(s)" in err
    assert target.read_text().count("\n") == 5 and stat.S_IMODE(target.stat().st_mode) == 0o640
    left = {"out.jsonl"} | ({Path(linked.path).name} if isinstance(linked.path, Path) else set())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(left)  # no temporary, no -wal


def test_cli_output_fifo_is_written_through_not_replaced(linked: SimpleNamespace, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = export(capsys, linked, "-f", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe
    assert got and got[0].startswith(b"article_id,attribution_id,")


def test_cli_output_device_is_written_through(linked: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = export(capsys, linked, "-o", os.devnull)
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_cli_output_symlink_is_followed_and_stays_a_link(linked: SimpleNamespace, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "exports" / "2025.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    code, _, err = export(capsys, linked, "-f", "csv", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text().startswith("article_id,")
    dangling = tmp_path / "new.csv"
    dangling.symlink_to(tmp_path / "exports" / "new-target.csv")
    assert export(capsys, linked, "-f", "csv", "-o", str(dangling))[0] == 0
    assert dangling.is_symlink() and (tmp_path / "exports" / "new-target.csv").is_file()


def test_cli_output_directory_is_refused_with_one_line(linked: SimpleNamespace, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = export(capsys, linked, "-o", str(tmp_path))
    assert code == 2 and out == "" and err.count("\n") == 1 and "is a directory" in err
    assert tmp_path.is_dir()


def test_cli_output_dash_is_stdout(linked: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = export(capsys, linked, "-o", "-")
    assert code == 0 and out.count("\n") == 5 and err == ""


def test_cli_output_plot_follows_the_same_rule(linked: SimpleNamespace, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["history", "troops", "--plot", str(tmp_path), "--ledger", str(linked.path)])
    assert code == 2 and "is a directory" in capsys.readouterr().err
    fifo = tmp_path / "plot-pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["history", "troops", "--plot", str(fifo), "--ledger", str(linked.path)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and got[0][:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_output_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("precious\n")
    with pytest.raises(RuntimeError), output_text(target) as fh:
        fh.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "precious\n" and [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    with pytest.raises(OutputError, match="does not exist"), output_binary(tmp_path / "no" / "x.png"):
        pass
