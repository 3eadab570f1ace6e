"""Keep feedback in one SQLite file, safely, one submission at a time.

Each submission is one transaction, committed (and written to disk with
``synchronous=FULL``) before the receiver replies. So a person who saw
"thank you" has their words kept, even if the server is killed a moment
later. WAL mode lets an export read while people are still sending.

Privacy: the table holds nothing about the sender's network address. The
rate limiter needs the address for one minute only; it keeps a keyed hash of
it in memory (see ``limits``) and never writes it anywhere.

SQLite connection objects must not be shared between threads, so every
call here opens its own connection and closes it again. ``busy_timeout``
makes a writer wait its turn instead of failing, so many people sending at
once all succeed.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

from ..errors import Problem, SiteError

COLUMNS: tuple[str, ...] = ("id", "received_at", "kind", "page", "face", "easy", "message", "contact")
"""The columns of the feedback table, in the order exports show them."""

SCHEMA_VERSION = 1

# Writers queue on SQLite's single write lock. Each write takes about a
# millisecond plus an fsync, so 30 seconds covers hundreds queued at once.
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
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
"""


def utc_now() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(timezone.utc)


def connect(db_path: Path) -> sqlite3.Connection:
    """Return a new read-write connection with the settings every writer needs."""
    # isolation_level=None: we say BEGIN and COMMIT ourselves, so exactly one
    # transaction wraps each submission.
    conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def initialise(db_path: Path) -> None:
    """Create the database file and table if needed, and switch on WAL mode."""
    if not db_path.parent.is_dir():
        raise SiteError(
            Problem(
                file=db_path,
                line=None,
                message=f"The folder for the feedback database does not exist: {db_path.parent}",
                hint="Make the folder first, or choose a database file in a folder that exists.",
                rule="FEEDBACK-DB",
            )
        )
    with closing(connect(db_path)) as conn:
        # journal_mode is stored in the file, so setting it once is enough.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_SCHEMA)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")


def add_submission(db_path: Path, values: Mapping[str, str], *, now: Callable[[], datetime] = utc_now) -> int:
    """Store one checked submission in its own committed transaction; return its id."""
    row = (
        now().astimezone(timezone.utc).isoformat(timespec="seconds"),
        values["kind"],
        values.get("page", ""),
        values.get("face", ""),
        values.get("easy", ""),
        values.get("message", ""),
        values.get("contact", ""),
    )
    with closing(connect(db_path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = conn.execute(
                "INSERT INTO feedback (received_at, kind, page, face, easy, message, contact)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return int(cursor.lastrowid or 0)


def read_submissions(db_path: Path) -> list[dict[str, object]]:
    """Return every stored submission as a dict, oldest first (by id)."""
    if not db_path.is_file():
        raise SiteError(_db_problem(db_path, f"There is no feedback database at {db_path}"))
    # Read-only, so exporting can never change or create a database.
    uri = db_path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            cursor = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
            return [dict(zip(COLUMNS, record)) for record in cursor]
    except sqlite3.DatabaseError as error:
        raise SiteError(
            _db_problem(db_path, f"{db_path} is not a feedback database we can read ({error}).")
        ) from error


def _db_problem(db_path: Path, message: str) -> Problem:
    """Return a problem about the database file, with a hint to check --db."""
    return Problem(
        file=db_path,
        line=None,
        message=message,
        hint="Check the --db path. It is the file given to 'feedback serve --db'.",
        rule="FEEDBACK-DB",
    )
