"""Export stored feedback as CSV (for spreadsheets) or JSON (for programs).

Rows come oldest first (by id, the order they arrived), so a new export
only adds rows at the bottom and two exports are easy to compare.

CSV is made safe for spreadsheets: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return would be run as a formula by Excel,
LibreOffice or Google Sheets, so it gets a single quote in front (the OWASP
"CSV injection" advice). The quote shows the person's words are text. JSON
is written exactly as stored: programs reading it do not run formulas.

An export can never destroy data. The database is read first; the file is
written beside its target under a temporary name and renamed over the
target only when it is complete. An ``--out`` that is the database itself,
any SQLite file or a folder is refused before anything is read or written.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Literal, TextIO

from ..errors import Problem, SiteError
from .sqlite_store import SQLITE_HEADER
from .store import COLUMNS, is_postgres

FORMATS: tuple[str, ...] = ("csv", "json")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Return a CSV cell value that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(rows: list[dict[str, object]], fmt: Literal["csv", "json"], out: TextIO) -> None:
    """Write rows to ``out`` as CSV or JSON.

    For CSV, open ``out`` with ``newline=""`` so line breaks inside a
    message stay inside their cell.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: use csv or json.")
    if fmt == "csv":
        _write_csv(rows, out)
    else:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")


def check_out_path(out: Path, db: str | Path) -> None:
    """Raise a plain SiteError when writing ``out`` could harm data or cannot work."""
    if out.is_dir():
        raise _out_problem(out, f"{out} is a folder.", "Give --out a file name, for example feedback.csv.")
    if not out.parent.is_dir():
        raise _out_problem(out, f"The folder for the export does not exist: {out.parent}",
                           "Make the folder first, or give --out a file in a folder that exists.")
    if not is_postgres(db) and _same_file(out, Path(db)):
        raise _out_problem(out, f"--out names the feedback database itself ({db}).",
                           "Give --out a new file name, for example feedback.csv.")
    if out.is_file() and _starts_like_sqlite(out):
        raise _out_problem(out, f"{out} is a database file. Writing the export there would destroy it.",
                           "Give --out a new file name, for example feedback.csv.")


def write_file_safely(rows: list[dict[str, object]], fmt: Literal["csv", "json"], out: Path) -> None:
    """Write the export to a temporary file beside ``out``, then rename it over ``out``."""
    # Excel reads a CSV file as UTF-8 only when it starts with a BOM.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with open(handle, "w", encoding=encoding, newline="") as file:
            write_rows(rows, fmt, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_csv(rows: list[dict[str, object]], out: TextIO) -> None:
    """Write a header and one neutralised line per row."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise_cell(row[name]) for name in COLUMNS])


def _same_file(out: Path, db: Path) -> bool:
    """Return True when ``out`` is the database or one of SQLite's files beside it."""
    targets = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), db.with_name(db.name + "-journal")]
    for target in targets:
        if out.resolve() == target.resolve():
            return True
        if out.exists() and target.exists() and os.path.samefile(out, target):
            return True
    return False


def _starts_like_sqlite(path: Path) -> bool:
    """Return True when the file is an SQLite database (by its first bytes)."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _out_problem(out: Path, message: str, hint: str) -> SiteError:
    """Return a plain-English error about the --out path."""
    return SiteError(Problem(file=out, line=None, message=message, hint=hint, rule="FEEDBACK-EXPORT"))
