"""Export stored feedback as CSV (for spreadsheets) or JSON (for programs).

Rows come oldest first (by id, the order they arrived), so a new export
only adds rows at the bottom and two exports are easy to compare.

CSV is made safe for spreadsheets: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return would be run as a formula by Excel,
LibreOffice or Google Sheets, so it gets a single quote in front (the OWASP
"CSV injection" advice). The quote shows the person's words are text. JSON
is written exactly as stored: programs reading it do not run formulas.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Literal, TextIO

from .store import COLUMNS, read_submissions

FORMATS: tuple[str, ...] = ("csv", "json")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Return a CSV cell value that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def export(db_path: Path, fmt: Literal["csv", "json"], out: TextIO) -> int:
    """Write all feedback to ``out`` as CSV or JSON; return how many rows.

    For CSV, open ``out`` with ``newline=""`` so line breaks inside a
    message stay inside their cell.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: use csv or json.")
    rows = read_submissions(Path(db_path))
    if fmt == "csv":
        _write_csv(rows, out)
    else:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return len(rows)


def _write_csv(rows: list[dict[str, object]], out: TextIO) -> None:
    """Write a header and one neutralised line per row."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise_cell(row[name]) for name in COLUMNS])
