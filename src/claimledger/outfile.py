"""Writing a file the user named (``export -o``, ``history --plot``, ``predict -o``): one rule for all.

Writing to a temporary file and renaming it into place means an interrupted run never
leaves half a file under the user's name. But a rename replaces whatever the name
pointed at, and not every name is a file:

- ``-`` is standard output: written straight through, never closed.
- A FIFO or a device (``/dev/stdout``, ``/dev/null``, a named pipe a consumer reads):
  written straight through. Renaming onto it would swap the pipe for a regular file and
  the reader on the other end would wait forever.
- A symbolic link: followed. The rename happens at the link's target, so the link stays
  a link (a user's ``latest.csv -> exports/2025-03.csv`` keeps pointing where it did).
- A directory: refused, with one line.
- A regular file or a new name: temporary file in the same folder, then ``os.replace``;
  a file that existed keeps its permission bits.
"""

from __future__ import annotations

import io
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from claimledger.errors import OutputError

STDOUT = "-"


def _target(path: Path) -> tuple[Path, os.stat_result | None]:
    """Where writing ``path`` really lands (links followed) and what is there now, if anything."""
    real = Path(os.path.realpath(path.expanduser()))
    try:
        return real, real.stat()
    except FileNotFoundError:
        return real, None
    except OSError as e:
        raise OutputError(str(path), f"cannot write {path}: {e.strerror or e}") from None


def output_text(target: str | Path) -> AbstractContextManager[TextIO]:
    """Open the user's output ``target`` for UTF-8 text (CSV rows keep their own line ends)."""
    return _open(target, binary=False)


def output_binary(target: str | Path) -> AbstractContextManager[BinaryIO]:
    """Open the user's output ``target`` for bytes (a PNG)."""
    return _open(target, binary=True)


@contextmanager
def _open(target: str | Path, *, binary: bool) -> Iterator[Any]:
    """The one implementation; see the module doc.

    Raises ``OutputError`` (one line naming the target) for a directory, a missing folder
    or an OS refusal. On any failure the temporary file is removed and the target untouched.
    """
    if str(target) == STDOUT:
        stream: Any = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(target)
    real, st = _target(path)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(str(path), f"cannot write {path}: it is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):  # FIFO, character or block device, socket
        try:
            through = real.open("wb")
        except OSError as e:
            raise OutputError(str(path), f"cannot write {path}: {e.strerror or e}") from None
        with through:
            yield from _as(through, binary)
        return
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(str(path), f"cannot write {path}: folder {folder} does not exist")
    tmp = folder / f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        raw = tmp.open("xb")  # opened normally: the umask applies to a new file
        with raw:
            if st is not None:
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
            yield from _as(raw, binary)
        os.replace(tmp, real)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write {path}: {e.strerror or e}") from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _as(raw: IO[bytes], binary: bool) -> Iterator[Any]:
    """Yield ``raw`` itself, or a UTF-8 text layer over it that leaves closing ``raw`` to its owner."""
    if binary:
        yield raw
        return
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    yield text
    text.flush()
    text.detach()
