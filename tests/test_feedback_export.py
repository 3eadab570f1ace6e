"""Exporting stored feedback as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from wtfc_site.errors import SiteError
from wtfc_site.feedback.cli import main as feedback_main
from wtfc_site.feedback.database import open_store, read_submissions
from wtfc_site.feedback.export import neutralise_cell, write_rows

START = datetime(2026, 1, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(feedback_db: str) -> str:
    """A new feedback database made by the store: an SQLite file, then a PostgreSQL database."""
    open_store(feedback_db, create=True).close()
    return feedback_db


def add(db: Path, minute: int, **values: str) -> None:
    """Store one submission received ``minute`` minutes after START."""
    values.setdefault("kind", "feedback")
    store = open_store(db, create=True)
    store.add(values, START + timedelta(minutes=minute))
    store.close()


def export(db: Path, fmt: str, out) -> int:
    """Write every stored row to ``out``; return how many."""
    rows = read_submissions(db)
    write_rows(rows, fmt, out)  # type: ignore[arg-type]
    return len(rows)


def as_csv(db: Path) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export(db, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def as_json(db: Path) -> list[dict]:
    out = io.StringIO()
    export(db, "json", out)
    return json.loads(out.getvalue())


def test_json_is_plain_and_oldest_first(db: Path):
    add(db, 0, face="happy", message="first", page="/a/")
    add(db, 1, kind="page-check", easy="no", page="/b/")
    rows = as_json(db)
    assert rows == [
        {"id": 1, "received_at": "2026-01-21T09:00:00+00:00", "kind": "feedback", "page": "/a/",
         "face": "happy", "easy": "", "message": "first", "contact": ""},
        {"id": 2, "received_at": "2026-01-21T09:01:00+00:00", "kind": "page-check", "page": "/b/",
         "face": "", "easy": "no", "message": "", "contact": ""},
    ]  # fmt: skip


def test_csv_has_a_header_and_the_same_rows(db: Path):
    add(db, 0, face="okay", message='Line one\nLine two, with "quotes"', contact="Sam, 07700 900123")
    [row] = as_csv(db)
    assert row["message"] == 'Line one\nLine two, with "quotes"'
    assert row["contact"] == "Sam, 07700 900123"
    assert row["id"] == "1"


@pytest.mark.parametrize("text", ["=1+1", "+x", "-x", "@x", "\tx", "\rx", '=HYPERLINK("http://evil")'])
def test_csv_neutralises_cells_a_spreadsheet_would_run(db: Path, text: str):
    add(db, 0, face="happy", message=text, contact=text, page="/p/")
    [row] = as_csv(db)
    assert row["message"] == "'" + text
    assert row["contact"] == "'" + text
    assert as_json(db)[0]["message"] == text


def test_csv_leaves_ordinary_cells_alone(db: Path):
    add(db, 0, face="happy", message="A good meeting - thank you = great", contact="me@example.org")
    [row] = as_csv(db)
    assert row["message"] == "A good meeting - thank you = great"
    assert row["contact"] == "me@example.org"
    assert row["received_at"] == "2026-01-21T09:00:00+00:00"


def test_neutralise_cell_only_changes_risky_text():
    assert neutralise_cell("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise_cell("fine") == "fine"
    assert neutralise_cell(-5) == -5
    assert neutralise_cell("") == ""


def test_an_empty_database_exports_a_header_or_an_empty_list(db: Path):
    out = io.StringIO()
    assert export(db, "csv", out) == 0
    assert out.getvalue().strip() == "id,received_at,kind,page,face,easy,message,contact"
    assert as_json(db) == []


def test_a_missing_database_is_a_plain_problem_and_is_not_created(tmp_path: Path):
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(SiteError) as caught:
        export(missing, "json", io.StringIO())
    assert caught.value.problems[0].rule == "FEEDBACK-DB"
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_a_plain_problem(tmp_path: Path):
    other = tmp_path / "notes.txt"
    other.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(SiteError, match="not a database"):
        export(other, "csv", io.StringIO())


def test_an_unknown_format_is_refused(db: Path):
    with pytest.raises(ValueError):
        export(db, "xlsx", io.StringIO())  # type: ignore[arg-type]


def test_the_export_command_writes_a_file_excel_can_read(db: Path, tmp_path: Path, capsys):
    add(db, 0, face="happy", message="Café =1+1")
    out = tmp_path / "feedback.csv"
    assert feedback_main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    [row] = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert row["message"] == "Café =1+1"
    assert "Exported 1 feedback entry" in capsys.readouterr().err


def test_the_export_command_prints_json_to_the_screen(db: Path, capsys):
    add(db, 0, face="unhappy", message="<b>not bold</b>")
    assert feedback_main(["export", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["message"] == "<b>not bold</b>"


def test_the_export_command_explains_a_missing_database(tmp_path: Path, capsys):
    assert feedback_main(["export", "--db", str(tmp_path / "nope.sqlite3")]) == 1
    assert "There is no feedback database" in capsys.readouterr().err
