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


@pytest.fixture(scope="session")
def postgres() -> Iterator[Callable[[], str]]:
    """``postgres()``: the SQLAlchemy URL of a new, empty database on the session's server."""
    bindir = _bin()
    if bindir is None:
        if os.environ.get(REQUIRE):
            pytest.fail("no PostgreSQL server binaries (apt-get install -y postgresql)")
        pytest.skip("no PostgreSQL server here (Debian's postgresql package runs these tests)")
    folder = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, log = folder / "data", folder / "log"
    try:
        subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres",
                                  "--encoding=UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o",
                                  f"-k {folder} -c listen_addresses='' -c fsync=off -c max_connections=50",
                                  "start"]), check=True, capture_output=True)
    except subprocess.CalledProcessError as e:
        message = f"PostgreSQL did not start: {e.stderr.decode(errors='replace').strip()[:300]}"
        if os.environ.get(REQUIRE):
            pytest.fail(message)
        pytest.skip(message)

    def new_database() -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        subprocess.run(_as_owner([str(bindir / "createdb"), "-h", str(folder), "-U", "postgres", name]),
                       check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@/{name}?host={folder}"

    yield new_database
    subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                   capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)
