"""Opening the store that ``--db`` names: an SQLite file or a PostgreSQL address."""

from __future__ import annotations

from pathlib import Path

from .sqlite_store import SQLiteStore
from .store import FeedbackStore, is_postgres


def open_store(spec: str | Path, *, create: bool) -> FeedbackStore:
    """Return the store that ``--db`` names.

    ``create`` (the receiver): make the database or bring its schema up to
    date. Without it (export): read only, never change or create anything.
    Raises SiteError with a plain message for any problem with the database.
    """
    if is_postgres(spec):
        # psycopg is needed only by partnerships that use PostgreSQL, so it
        # is imported only when --db names a PostgreSQL database.
        from .postgres_store import PostgresStore

        return PostgresStore(str(spec), create=create)
    return SQLiteStore(Path(spec), create=create)


def read_submissions(spec: str | Path) -> list[dict[str, object]]:
    """Return every stored submission, oldest first, without changing the database."""
    store = open_store(spec, create=False)
    try:
        return store.read_all()
    finally:
        store.close()
