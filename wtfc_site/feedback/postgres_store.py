"""Feedback kept in a PostgreSQL database, for councils whose IT runs one.

``--db postgresql://user@host/dbname`` (libpq's usual form: a password is
best kept in ``~/.pgpass`` or ``PGPASSWORD``, not on the command line). Two
receivers behind a load balancer can share one database: each submission is
its own committed transaction, and the migrations take a lock so two
receivers starting at once do not both apply them.

The database is marked as ours by a small table, ``wtfc_feedback_schema``
(the application's name and the schema version). A database that has a
``feedback`` table but no mark belongs to another program and is refused.

Connections are kept in a small pool (one per waitress thread at most), so a
post does not pay for a new connection each time.
"""

from __future__ import annotations

import queue
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from .store import COLUMNS, READ_WAIT_SECONDS, STORED_FIELDS, db_problem, row_values

APPLICATION = "wtfc_site feedback"
MARK_TABLE = "wtfc_feedback_schema"

# Any fixed number: the key of the lock that lets one receiver at a time migrate.
MIGRATION_LOCK = 0x57544643

MIGRATIONS: tuple[str, ...] = (
    # 1: the feedback table (the same columns as the SQLite store).
    """
    CREATE TABLE feedback (
        id          BIGSERIAL PRIMARY KEY,
        received_at TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('feedback', 'page-check')),
        page        TEXT NOT NULL DEFAULT '',
        face        TEXT NOT NULL DEFAULT '',
        easy        TEXT NOT NULL DEFAULT '',
        message     TEXT NOT NULL DEFAULT '',
        contact     TEXT NOT NULL DEFAULT ''
    )
    """,
    # 2: the key that signs the receiver's resend tokens, shared by every receiver.
    """
    CREATE TABLE receiver_secret (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        secret BYTEA NOT NULL
    )
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

CONNECT_TIMEOUT_SECONDS = 5
POOL_SIZE = 16


class PostgresStore:
    """The feedback store in a PostgreSQL database."""

    def __init__(self, url: str, *, create: bool):
        self.url = url
        self.shown = shown_address(url)
        self._idle: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        try:
            with self._connection() as conn:
                if create:
                    self._migrate(conn)
                else:
                    self._check_mark(conn)
        except psycopg.Error as error:
            raise self._plain(error) from error

    def add(self, values: Mapping[str, str], received_at: datetime) -> int:
        """Store one submission in its own committed transaction; return its id."""
        columns = sql.SQL(", ").join(sql.Identifier(name) for name in ("received_at", *STORED_FIELDS))
        marks = sql.SQL(", ").join(sql.Placeholder() for _ in range(len(STORED_FIELDS) + 1))
        statement = sql.SQL("INSERT INTO feedback ({}) VALUES ({}) RETURNING id").format(columns, marks)
        with self._connection() as conn, conn.transaction():
            row = conn.execute(statement, row_values(values, received_at)).fetchone()
        return int(row[0]) if row else 0

    def read_all(self) -> list[dict[str, object]]:
        """Return every submission, oldest first, giving up on a locked table after a few seconds."""
        statement = sql.SQL("SELECT {} FROM feedback ORDER BY id").format(
            sql.SQL(", ").join(sql.Identifier(name) for name in COLUMNS))
        try:
            with self._connection() as conn, conn.transaction():
                conn.execute(f"SET LOCAL lock_timeout = {int(READ_WAIT_SECONDS * 1000)}")
                return [dict(zip(COLUMNS, record)) for record in conn.execute(statement)]
        except psycopg.Error as error:
            raise self._plain(error) from error

    def secret(self) -> bytes:
        """Return the receivers' shared signing key, making it the first time."""
        with self._connection() as conn, conn.transaction():
            conn.execute("INSERT INTO receiver_secret (id, secret) VALUES (1, %s) ON CONFLICT (id) DO NOTHING",
                         (secrets.token_bytes(32),))
            row = conn.execute("SELECT secret FROM receiver_secret WHERE id = 1").fetchone()
        return bytes(row[0]) if row else b""

    def close(self) -> None:
        """Close every pooled connection."""
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """Lend a pooled connection (or a new one); a connection that failed is never reused."""
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        try:
            yield conn
        except BaseException:
            conn.close()
            raise
        if conn.closed or conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE \
                or self._idle.qsize() >= POOL_SIZE:
            conn.close()
        else:
            self._idle.put(conn)

    def _connect(self) -> psycopg.Connection:
        """Open a connection, or raise a plain SiteError saying why not."""
        try:
            return psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_SECONDS, autocommit=False)
        except psycopg.Error as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise db_problem(self.url, f"Could not connect to the PostgreSQL database {self.shown}: {first_line}",
                             "Check the server is running, and the user, host and database name in --db "
                             "(the README shows how to make them).") from error

    def _migrate(self, conn: psycopg.Connection) -> None:
        """Mark the database as ours and apply the migrations it has not had, in one transaction."""
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            if not _has_table(conn, MARK_TABLE):
                if _has_table(conn, "feedback"):
                    raise self._not_ours()
                conn.execute(f"CREATE TABLE {MARK_TABLE} (application TEXT NOT NULL, version INTEGER NOT NULL)")
                conn.execute(f"INSERT INTO {MARK_TABLE} VALUES (%s, 0)", (APPLICATION,))
            version = self._version(conn)
            for number in range(version, SCHEMA_VERSION):
                conn.execute(MIGRATIONS[number])
            conn.execute(f"UPDATE {MARK_TABLE} SET version = %s", (SCHEMA_VERSION,))

    def _check_mark(self, conn: psycopg.Connection) -> None:
        """Raise a plain SiteError unless the database is a feedback database we can read."""
        with conn.transaction():
            conn.execute(f"SET LOCAL lock_timeout = {int(READ_WAIT_SECONDS * 1000)}")
            if not _has_table(conn, MARK_TABLE):
                raise db_problem(self.url, f"There is no feedback in the PostgreSQL database {self.shown}: "
                                 "the receiver has never used it.")
            self._version(conn)

    def _version(self, conn: psycopg.Connection) -> int:
        """Return the schema version in the mark, refusing another program's or a newer one."""
        row = conn.execute(f"SELECT application, version FROM {MARK_TABLE}").fetchone()
        if row is None or row[0] != APPLICATION:
            raise self._not_ours()
        if row[1] > SCHEMA_VERSION:
            raise db_problem(self.url, f"The database {self.shown} was made by a newer version of wtfc_site "
                             f"(schema {row[1]}).", "Update wtfc_site to the newest version, then try again.")
        return int(row[1])

    def _plain(self, error: psycopg.Error):
        """Return a plain SiteError for a database error: busy, or anything else in one line."""
        if isinstance(error, psycopg.errors.LockNotAvailable):
            return db_problem(self.url, f"The feedback database {self.shown} is busy: another program has "
                              "locked it.", "Wait for the other program to finish, then try again.")
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return db_problem(self.url, f"The PostgreSQL database {self.shown} could not be used: {first_line}",
                          "Check that the user in --db owns the database (the README shows how to make them).")

    def _not_ours(self):
        """Return the plain error for another program's database."""
        return db_problem(self.url, f"The PostgreSQL database {self.shown} belongs to another program "
                          "(it has its own 'feedback' table).",
                          "The receiver never changes another program's data. Make a database of its own "
                          "(the README shows how).")


def shown_address(url: str) -> str:
    """Return ``user@host:port/dbname`` for messages: never the password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "(an address that could not be read)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"{user}{parts.get('host', 'localhost')}{port}/{parts.get('dbname', '')}"


def _has_table(conn: psycopg.Connection, name: str) -> bool:
    """Return True when the database's search path has a table called ``name``."""
    row = conn.execute("SELECT to_regclass(%s)", (name,)).fetchone()
    return bool(row and row[0])
