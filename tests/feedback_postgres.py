"""A real PostgreSQL server for the feedback tests, started once per test session.

It uses Debian's ``postgresql`` package (``scripts/test.sh`` installs it, as
it does Chromium): ``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/*/bin,
a data folder in a fresh temporary folder and a free port on 127.0.0.1.
PostgreSQL refuses to run as root, so when the tests run as root the server
runs as the ``postgres`` user (or ``nobody``) through ``runuser``. Each test
gets a database of its own. When no server can be started, the PostgreSQL
tests are skipped, loudly, saying why.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")
USER = "wtfc"  # the database user initdb makes; "trust" login, on 127.0.0.1 only


@dataclass
class PostgresServer:
    """A running throwaway PostgreSQL server."""

    bin_dir: Path
    folder: Path
    port: int
    run_as: list[str] = field(default_factory=list)

    def url(self, dbname: str) -> str:
        """Return the ``--db`` address of one database on this server."""
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """Create an empty database; return its ``--db`` address."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:16]
        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server at once and remove its files."""
        subprocess.run([*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as() -> tuple[list[str], str | None]:
    """Return the command prefix that drops root, and the user it becomes (or none needed)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", name, "--"], name
    raise RuntimeError("running as root, and there is no 'postgres' or 'nobody' user with runuser to drop to")


def start_server() -> PostgresServer:
    """Start a server in a new temporary folder; raise RuntimeError saying why it cannot."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                           "bash scripts/test.sh installs Debian's postgresql package")
    bin_dir = Path(found[-1]).parent
    run_as, user = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="wtfc-postgres-"))
    if user:
        shutil.chown(folder, user=user)
    init = subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(folder / "data"), "-A", "trust",
                           "-U", USER, "-E", "UTF8", "--locale=C", "--no-sync"],
                          capture_output=True, text=True, timeout=120)
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.strip()[-500:]}")
    for _ in range(3):  # another program may take the free port first
        server = PostgresServer(bin_dir, folder, _free_port(), run_as)
        # fsync off: the tests kill the receiver, never this server, so nothing it committed is lost.
        options = f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        started = subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-o", options,
                                  "-l", str(folder / "log.txt"), "-w", "-t", "60", "start"],
                                 capture_output=True, text=True, timeout=120)
        if started.returncode == 0:
            return server
    log = (folder / "log.txt").read_text(errors="replace")[-500:] if (folder / "log.txt").exists() else ""
    shutil.rmtree(folder, ignore_errors=True)
    raise RuntimeError(f"pg_ctl could not start PostgreSQL: {started.stderr.strip()} {log}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole test session (skipped loudly if it cannot start)."""
    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        print(f"\n*** SKIPPING POSTGRESQL TESTS: {error} ***\n", file=sys.__stderr__)
        pytest.skip(f"PostgreSQL could not be started: {error}")
    try:
        yield server
    finally:
        server.stop()


def database_for(backend: str, request: pytest.FixtureRequest, folder: Path) -> str:
    """Return a fresh ``--db`` for the backend: an SQLite file in ``folder``, or a new PostgreSQL database."""
    if backend == "sqlite":
        return str(folder / "feedback.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture(params=BACKENDS)
def feedback_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty feedback database: each test using it runs once with SQLite, once with PostgreSQL."""
    return database_for(request.param, request, tmp_path)
