"""The export and the store can never destroy data, and every path mistake gets a plain message.

Each command runs as a real process, as a person at a terminal would run it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from feedback_helpers import REPO_ROOT, THANKS_URL, count_with, form, running, token

from wtfc_site.feedback.sqlite_store import APPLICATION_ID, SCHEMA_VERSION


def feedback(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """Run ``python -m wtfc_site.feedback.cli ARGS`` and return what happened."""
    return subprocess.run(
        [sys.executable, "-m", "wtfc_site.feedback.cli", *args],
        cwd=REPO_ROOT, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def assert_plain_refusal(result: subprocess.CompletedProcess, *words: str) -> None:
    """The command failed with a plain message (no traceback) that says ``words``."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture
def db_with_rows(tmp_path: Path) -> Path:
    """A feedback database made by a real receiver, holding two messages."""
    db = tmp_path / "feedback.sqlite3"
    with running(db, "--rate-limit", "0", log=tmp_path / "log.txt") as live:
        for words in ("first message", "second message"):
            assert live.post(form(face="happy", message=words)).status == 303
    return db


def test_export_out_naming_the_database_is_refused_and_the_receiver_keeps_working(tmp_path: Path):
    db = tmp_path / "feedback.sqlite3"
    with running(db, "--rate-limit", "0", log=tmp_path / "log.txt") as live:
        kept = token()
        assert live.post(form(face="happy", message=kept)).status == 303
        result = feedback("export", "--db", str(db), "--out", str(db))
        assert_plain_refusal(result, "the feedback database itself")
        assert count_with(db, kept) == 1
        later = token()
        assert live.post(form(face="okay", message=later)).status == 303
        assert count_with(db, later) == 1


def test_export_out_naming_the_database_by_another_spelling_is_refused(db_with_rows: Path):
    other_spelling = db_with_rows.parent / "." / db_with_rows.name
    result = feedback("export", "--db", str(db_with_rows), "--out", str(other_spelling))
    assert_plain_refusal(result, "the feedback database itself")
    assert count_with(db_with_rows, "first message") == 1


def test_export_out_naming_another_sqlite_file_is_refused_and_the_file_is_untouched(db_with_rows: Path,
                                                                                     tmp_path: Path):
    other = tmp_path / "council.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.execute("INSERT INTO people VALUES ('Sam')")
        conn.commit()
    before = other.read_bytes()
    result = feedback("export", "--db", str(db_with_rows), "--out", str(other))
    assert_plain_refusal(result, "is a database file")
    assert other.read_bytes() == before


def test_export_from_a_missing_database_leaves_the_out_file_alone(tmp_path: Path):
    out = tmp_path / "last-month.csv"
    out.write_text("id,message\n1,kept from last month\n", encoding="utf-8")
    result = feedback("export", "--db", str(tmp_path / "missing.sqlite3"), "--out", str(out))
    assert_plain_refusal(result, "There is no feedback database")
    assert out.read_text(encoding="utf-8") == "id,message\n1,kept from last month\n"
    assert not (tmp_path / "missing.sqlite3").exists()


def test_export_out_as_a_folder_or_in_a_missing_folder_is_a_plain_message(db_with_rows: Path, tmp_path: Path):
    assert_plain_refusal(feedback("export", "--db", str(db_with_rows), "--out", str(tmp_path)), "is a folder")
    missing = tmp_path / "no-such-folder" / "out.csv"
    assert_plain_refusal(feedback("export", "--db", str(db_with_rows), "--out", str(missing)), "does not exist")


def test_export_replaces_an_old_export_whole_and_leaves_no_temporary_file(db_with_rows: Path, tmp_path: Path):
    out = tmp_path / "feedback.csv"
    out.write_text("old export\n", encoding="utf-8")
    result = feedback("export", "--db", str(db_with_rows), "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert "first message" in text and "second message" in text and "old export" not in text
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_a_locked_database_gives_a_plain_message_within_5_seconds(db_with_rows: Path, tmp_path: Path):
    out = tmp_path / "out.csv"
    with closing(sqlite3.connect(db_with_rows, isolation_level=None)) as holder:
        # Another program holds the database in exclusive mode (as some tools do).
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO feedback (received_at, kind) VALUES ('2026-01-01T00:00:00+00:00', 'feedback')")
        started = time.monotonic()
        result = feedback("export", "--db", str(db_with_rows), "--out", str(out), timeout=20)
        took = time.monotonic() - started
        holder.execute("ROLLBACK")
    assert_plain_refusal(result, "busy", "another program")
    assert took < 5
    assert not out.exists()


# --- The store: its own database only -------------------------------------------------


def serve_once(db: Path | str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run ``feedback serve`` with a --db that should be refused before it listens."""
    return feedback("serve", "--db", str(db), "--port", "0", "--thanks-url", THANKS_URL, timeout=30)


def test_serve_refuses_a_text_file_and_leaves_it_alone(tmp_path: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Our meeting notes\n", encoding="utf-8")
    assert_plain_refusal(serve_once(notes, tmp_path), "not a database", "text file")
    assert notes.read_text(encoding="utf-8") == "Our meeting notes\n"


def test_serve_refuses_a_folder(tmp_path: Path):
    assert_plain_refusal(serve_once(tmp_path, tmp_path), "is a folder")


def test_serve_refuses_another_programs_sqlite_file_and_adds_no_tables(tmp_path: Path):
    other = tmp_path / "council.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.commit()
    before = other.read_bytes()
    assert_plain_refusal(serve_once(other, tmp_path), "another program's database")
    assert other.read_bytes() == before
    with closing(sqlite3.connect(other)) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["people"]


def test_serve_refuses_a_database_from_a_newer_version(tmp_path: Path):
    newer = tmp_path / "feedback.sqlite3"
    with running(newer, log=tmp_path / "log.txt"):
        pass
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.commit()
    assert_plain_refusal(serve_once(newer, tmp_path), "newer version")


def test_the_store_marks_its_file_and_takes_over_a_file_from_before_the_mark(tmp_path: Path):
    old = tmp_path / "feedback.sqlite3"
    with closing(sqlite3.connect(old)) as conn:  # as the receiver made it before the mark existed
        conn.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL,"
            " kind TEXT NOT NULL, page TEXT NOT NULL DEFAULT '', face TEXT NOT NULL DEFAULT '',"
            " easy TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '')"
        )
        conn.execute("INSERT INTO feedback (received_at, kind, message) VALUES ('2026-01-01T00:00:00+00:00',"
                     " 'feedback', 'from last year')")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    with running(old, log=tmp_path / "log.txt") as live:
        assert live.post(form(face="happy", message="new one")).status == 303
    with closing(sqlite3.connect(old)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert count_with(old, "from last year") == 1 and count_with(old, "new one") == 1


# --- PostgreSQL ------------------------------------------------------------------------


def test_serve_refuses_another_programs_postgresql_database(postgres_server, tmp_path: Path):
    import psycopg

    url = postgres_server.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE feedback (id SERIAL PRIMARY KEY, score INTEGER)")
    assert_plain_refusal(serve_once(url, tmp_path), "belongs to another program")
    with psycopg.connect(url) as conn:
        tables = {row[0] for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"feedback"}


def test_a_postgresql_server_that_is_not_there_is_a_plain_message(tmp_path: Path):
    with socket.socket() as sock:  # a port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://nobody:secret-password@127.0.0.1:{port}/feedback"
    result = serve_once(url, tmp_path)
    assert_plain_refusal(result, "Could not connect to the PostgreSQL database nobody@127.0.0.1")
    assert "secret-password" not in result.stderr
    export = feedback("export", "--db", url)
    assert_plain_refusal(export, "Could not connect")


def test_export_from_a_locked_postgresql_table_is_a_plain_message_within_5_seconds(postgres_server,
                                                                                  tmp_path: Path):
    import psycopg

    url = postgres_server.new_database()
    with running(url, log=tmp_path / "log.txt") as live:
        assert live.post(form(face="happy", message="kept")).status == 303
    out = tmp_path / "out.csv"
    with psycopg.connect(url) as holder:
        holder.execute("LOCK TABLE feedback IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        result = feedback("export", "--db", url, "--out", str(out), timeout=30)
        took = time.monotonic() - started
        holder.rollback()
    assert_plain_refusal(result, "busy")
    assert took < 5
    assert not out.exists()
    assert count_with(url, "kept") == 1


def test_export_of_a_postgresql_database_the_receiver_never_used_is_a_plain_message(postgres_server):
    assert_plain_refusal(feedback("export", "--db", postgres_server.new_database()), "never used it")


def test_a_postgresql_database_from_an_older_version_is_migrated_in_order(postgres_server, tmp_path: Path):
    import psycopg

    from wtfc_site.feedback.postgres_store import MIGRATIONS
    from wtfc_site.feedback.postgres_store import SCHEMA_VERSION as PG_VERSION

    url = postgres_server.new_database()
    with psycopg.connect(url, autocommit=True) as conn:  # as version 1 left it
        conn.execute("CREATE TABLE wtfc_feedback_schema (application TEXT NOT NULL, version INTEGER NOT NULL)")
        conn.execute("INSERT INTO wtfc_feedback_schema VALUES ('wtfc_site feedback', 1)")
        conn.execute(MIGRATIONS[0])
        conn.execute("INSERT INTO feedback (received_at, kind, message) VALUES ('2026-01-01T00:00:00+00:00',"
                     " 'feedback', 'from version 1')")
    with running(url, log=tmp_path / "log.txt") as live:
        assert live.post(form(face="happy", message="after the update")).status == 303
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version FROM wtfc_feedback_schema").fetchone()[0] == PG_VERSION
        assert conn.execute("SELECT count(*) FROM receiver_secret").fetchone()[0] == 1
    assert count_with(url, "from version 1") == 1 and count_with(url, "after the update") == 1
