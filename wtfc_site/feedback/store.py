"""Where feedback is kept: one small interface, an SQLite file or a PostgreSQL database.

``--db`` names either a file (SQLite, see ``sqlite_store``) or a
``postgresql://user@host/db`` address (PostgreSQL, see ``postgres_store``).
Both keep the same table with the same columns and behave the same way:

* each submission is one transaction, committed before the receiver says
  "thank you", so a person who saw "thank you" has their words kept even if
  the receiver is killed a moment later;
* the store marks its database as its own (an application id and a schema
  version) and refuses a database that belongs to another program, so it
  never adds tables to someone else's data;
* the schema changes only through numbered migrations, applied in order,
  in one transaction, when the receiver starts.

Privacy: the table holds nothing about the sender's network address.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from ..errors import Problem, SiteError

COLUMNS: tuple[str, ...] = ("id", "received_at", "kind", "page", "face", "easy", "message", "contact")
"""The columns of the feedback table, in the order exports show them."""

STORED_FIELDS: tuple[str, ...] = COLUMNS[2:]
"""The columns filled from a submission's values (id and time are added by the store)."""

POSTGRES_SCHEMES: tuple[str, ...] = ("postgresql://", "postgres://")

# How long an export waits for a database another program has locked,
# before it says so in plain words. Short, so the person is not left waiting.
READ_WAIT_SECONDS = 3.0


class FeedbackStore(Protocol):
    """What the receiver and the export need from a database."""

    def add(self, values: Mapping[str, str], received_at: datetime) -> int:
        """Store one checked submission in its own committed transaction; return its id."""
        ...

    def read_all(self) -> list[dict[str, object]]:
        """Return every stored submission, oldest first (by id)."""
        ...

    def secret(self) -> bytes:
        """Return the key the receivers sharing this database sign resend tokens with."""
        ...

    def close(self) -> None:
        """Let go of any connections."""
        ...


def utc_now() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


def stamp(received_at: datetime) -> str:
    """Return the time as stored: UTC, ISO 8601, to the second."""
    return received_at.astimezone(UTC).isoformat(timespec="seconds")


def row_values(values: Mapping[str, str], received_at: datetime) -> tuple[str, ...]:
    """Return the values for one new row, in the order of ``STORED_FIELDS`` after the time."""
    return (stamp(received_at), *(values.get(name, "") for name in STORED_FIELDS))


def is_postgres(spec: str | Path) -> bool:
    """Return True when ``--db`` names a PostgreSQL database rather than a file."""
    return str(spec).startswith(POSTGRES_SCHEMES)


def db_problem(where: str | Path, message: str, hint: str = "") -> SiteError:
    """Return a plain-English error about the feedback database."""
    return SiteError(
        Problem(
            file=Path(where) if not is_postgres(where) else None,
            line=None,
            message=message,
            hint=hint or "Check the --db you gave. It is the database given to 'feedback serve --db'.",
            rule="FEEDBACK-DB",
        )
    )
