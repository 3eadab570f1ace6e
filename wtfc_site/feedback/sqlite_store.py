"""Feedback kept in one SQLite file, marked as ours, one committed submission at a time.

The file is marked with ``PRAGMA application_id`` (the four letters "WTFC")
and ``PRAGMA user_version`` (the schema version), so the store can tell its
own file from any other. It refuses, in plain words, a folder, a text file,
another program's SQLite file and a file made by a newer version. A file
made before the mark existed (the one ``feedback`` table, version 0 or 1)
is taken over and marked.

Every write commits with ``synchronous=FULL`` before the receiver replies.
WAL mode lets an export read while people are still sending. SQLite
connections must not be shared between threads, so every call opens its
own connection and closes it again; ``busy_timeout`` makes a writer wait
its turn instead of failing, so many people sending at once all succeed.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from datetime import datetime
from pathlib import Path

from .store import COLUMNS, READ_WAIT_SECONDS, STORED_FIELDS, db_problem, row_values

APPLICATION_ID = int.from_bytes(b"WTFC", "big")
"""Written into the file's header, so we (and the ``file`` command) know it is ours."""

SQLITE_HEADER = b"SQLite format 3\x00"

# Writers queue on SQLite's single write lock. Each write takes about a
# millisecond plus an fsync, so 10 seconds covers hundreds queued at once.
WRITE_WAIT_MS = 10_000

MIGRATIONS: tuple[str, ...] = (
    # 1: the feedback table.
    """
    CREATE TABLE IF NOT EXISTS feedback (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at TEXT NOT NULL,              -- UTC, ISO 8601, to the second
        kind        TEXT NOT NULL CHECK (kind IN ('feedback', 'page-check')),
        page        TEXT NOT NULL DEFAULT '',
        face        TEXT NOT NULL DEFAULT '',
        easy        TEXT NOT NULL DEFAULT '',
        message     TEXT NOT NULL DEFAULT '',
        contact     TEXT NOT NULL DEFAULT ''
    )
    """,
    # 2: the key that signs the receiver's resend tokens, shared by every receiver using this file.
    """
    CREATE TABLE IF NOT EXISTS receiver_secret (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        secret BLOB NOT NULL
    )
    """,
)
"""Schema changes in order: the file's ``user_version`` is how many are applied."""

SCHEMA_VERSION = len(MIGRATIONS)


class SQLiteStore:
    """The feedback store in one SQLite file."""

    def __init__(self, path: Path, *, create: bool):
        self.path = path
        check_is_ours(path, create=create)
        if create:
            self._migrate()

    def add(self, values: Mapping[str, str], received_at: datetime) -> int:
        """Store one submission in its own committed transaction; return its id."""
        columns = ", ".join(("received_at", *STORED_FIELDS))
        marks = ", ".join("?" for _ in range(len(STORED_FIELDS) + 1))
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cursor = conn.execute(f"INSERT INTO feedback ({columns}) VALUES ({marks})",
                                      row_values(values, received_at))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return int(cursor.lastrowid or 0)

    def read_all(self) -> list[dict[str, object]]:
        """Return every submission, oldest first, from a read-only connection."""
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True, timeout=READ_WAIT_SECONDS)) as conn:
                cursor = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
                return [dict(zip(COLUMNS, record)) for record in cursor]
        except sqlite3.OperationalError as error:
            raise _busy_or_unreadable(self.path, error) from error
        except sqlite3.DatabaseError as error:
            raise db_problem(self.path, f"{self.path} is not a feedback database we can read ({error}).") from error

    def secret(self) -> bytes:
        """Return the receivers' shared signing key, making it the first time."""
        with closing(self._connect()) as conn:
            conn.execute("INSERT OR IGNORE INTO receiver_secret (id, secret) VALUES (1, ?)",
                         (secrets.token_bytes(32),))
            return bytes(conn.execute("SELECT secret FROM receiver_secret WHERE id = 1").fetchone()[0])

    def close(self) -> None:
        """Nothing to let go of: every call opens and closes its own connection."""

    def _connect(self) -> sqlite3.Connection:
        """Return a read-write connection with the settings every writer needs."""
        # isolation_level=None: we say BEGIN and COMMIT ourselves, so exactly
        # one transaction wraps each submission.
        conn = sqlite3.connect(self.path, timeout=WRITE_WAIT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _migrate(self) -> None:
        """Mark the file as ours and apply the migrations it has not had, in one transaction."""
        try:
            with closing(self._connect()) as conn:
                # journal_mode is stored in the file, so setting it once is enough.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for number in range(version, SCHEMA_VERSION):
                    conn.execute(MIGRATIONS[number])
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise _busy_or_unreadable(self.path, error) from error


def check_is_ours(path: Path, *, create: bool) -> None:
    """Raise a plain SiteError unless ``path`` is our database (or, with ``create``, can become one)."""
    if path.is_dir():
        raise db_problem(path, f"{path} is a folder, not a feedback database file.",
                         "Give --db a file name inside the folder, for example feedback.sqlite3.")
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise db_problem(path, f"There is no feedback database at {path}.")
        if not path.parent.is_dir():
            raise db_problem(path, f"The folder for the feedback database does not exist: {path.parent}",
                             "Make the folder first, or choose a database file in a folder that exists.")
        return
    with open(path, "rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise db_problem(path, f"{path} is not a database: it looks like a text file or another kind of file.",
                         "Check --db. Give the feedback database file, or a new file name to start one.")
    _check_mark(path)


def _check_mark(path: Path) -> None:
    """Raise a plain SiteError when an SQLite file is another program's or from a newer version."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=READ_WAIT_SECONDS)) as conn:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
            columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(feedback)"))
    except sqlite3.OperationalError as error:
        raise _busy_or_unreadable(path, error) from error
    except sqlite3.DatabaseError as error:
        raise db_problem(path, f"{path} is not a feedback database we can read ({error}).") from error
    # A file from before the mark has our one table, with our columns, or nothing yet.
    from_before_the_mark = application_id == 0 and version <= 1 and (
        not tables or (tables == {"feedback"} and columns == COLUMNS))
    if application_id != APPLICATION_ID and not from_before_the_mark:
        raise db_problem(path, f"{path} is another program's database, not a feedback database.",
                         "The receiver never changes another program's data. Give --db a new file name.")
    if version > SCHEMA_VERSION:
        raise db_problem(path, f"{path} was made by a newer version of wtfc_site (schema {version}).",
                         "Update wtfc_site to the newest version, then try again.")


def _busy_or_unreadable(path: Path, error: sqlite3.OperationalError):
    """Return a plain SiteError for a locked database or one we cannot open."""
    if "locked" in str(error) or "busy" in str(error):
        return db_problem(path, f"The feedback database {path} is busy: another program has locked it.",
                          "Close the other program that has the database open (or wait for it), then try again.")
    return db_problem(path, f"The feedback database {path} could not be opened ({error}).",
                      "Check the file is there and that you are allowed to read and change it.")
