"""A real PostgreSQL server for the tests, from Debian's ``postgresql`` package.

Started once per session in a temporary folder (``initdb --auth=trust``, then ``pg_ctl start``
with its socket in that folder and no TCP), as the ``postgres`` user when the tests run as root
(initdb refuses root), stopped at the end. Each test gets a fresh database. Without the
package, the tests that need it skip and say so, except where ``CLAIMLEDGER_REQUIRE_POSTGRES=1``
(``.ci/run``) makes a missing server a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REQUIRE = "CLAIMLEDGER_REQUIRE_POSTGRES"


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_owner(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Server:
    """A PostgreSQL server in a temporary folder, reached through its socket there."""

    def __init__(self) -> None:
        bindir = _bin()
        if bindir is None:
            raise FileNotFoundError("no PostgreSQL server binaries (apt-get install -y postgresql)")
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres",
                                  "--encoding=UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
                                  "-o", f"-k {self.folder} -c listen_addresses='' -c fsync=off -c max_connections=50",
                                  "start"]), check=True, capture_output=True)

    def new_database(self) -> str:
        """A new, empty database's SQLAlchemy URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        subprocess.run(_as_owner([str(self.bindir / "createdb"), "-h", str(self.folder), "-U", "postgres", name]),
                       check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@/{name}?host={self.folder}"

    def stop(self) -> None:
        subprocess.run(_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                                  "stop"]), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Callable[[], str]]:
    """``postgres()``: the SQLAlchemy URL of a new, empty database on the session's server."""
    try:
        server = Server()
    except (FileNotFoundError, subprocess.CalledProcessError) as e:
        detail = e.stderr.decode(errors="replace").strip()[:300] if isinstance(e, subprocess.CalledProcessError) \
            else str(e)
        message = f"PostgreSQL did not start: {detail}"
        if os.environ.get(REQUIRE):
            pytest.fail(message)
        pytest.skip(message)
    yield server.new_database
    server.stop()
