"""Tests for wtfc_site.pictures.paths: references stay inside the site folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wtfc_site.errors import SiteError
from wtfc_site.pictures.paths import resolve_site_path

PAGE = Path("content/about.md")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Return a site folder with content/photos/team.jpg and a picture outside it."""
    root = tmp_path / "site"
    (root / "content" / "photos").mkdir(parents=True)
    (root / "content" / "photos" / "team.jpg").write_bytes(b"jpeg")
    (root / "layouts").mkdir()
    (root / "layouts" / "logo.png").write_bytes(b"png")
    (tmp_path / "private.jpg").write_bytes(b"private")
    return root


def problem(site: Path, reference: str, line: int | None = 7):
    """Resolve reference expecting a SiteError; return its one problem."""
    with pytest.raises(SiteError) as caught:
        resolve_site_path(site, reference, site / PAGE, line)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


@pytest.mark.parametrize(
    "reference",
    ["photos/team.jpg", "/photos/team.jpg", "  photos/team.jpg ", "photos\\team.jpg",
     "./photos/team.jpg", "photos/../photos/team.jpg", "photos//team.jpg"],
)
def test_references_from_the_content_folder(site: Path, reference: str) -> None:
    found = resolve_site_path(site, reference, site / PAGE, 3)
    assert found == (site / "content" / "photos" / "team.jpg").resolve()


def test_going_up_but_staying_inside_the_site_is_allowed(site: Path) -> None:
    assert resolve_site_path(site, "../layouts/logo.png", site / PAGE, 3).name == "logo.png"


@pytest.mark.parametrize(
    "reference",
    ["../../private.jpg", "../../../../../../etc/passwd", "photos/../../../private.jpg",
     "..\\..\\private.jpg", "C:\\Users\\me\\private.jpg", "c:/private.jpg",
     "//server/share/private.jpg", "\\\\server\\share\\private.jpg"],
)
def test_references_leading_outside_the_site_are_refused(site: Path, reference: str) -> None:
    found = problem(site, reference)
    assert found.rule == "PIC-OUTSIDE"
    assert (found.file, found.line) == (PAGE, 7)  # relative to the site folder
    assert "outside the site folder" in found.message and "content folder" in found.hint


@pytest.mark.parametrize("reference", ["https://example.com/a.jpg", "file:///etc/passwd", "data:image/png;base64,AA"])
def test_pictures_on_other_websites_are_refused(site: Path, reference: str) -> None:
    found = problem(site, reference)
    assert found.rule == "PIC-OUTSIDE"
    assert "another website" in found.message


def test_symlink_to_a_file_outside_is_refused(site: Path) -> None:
    os.symlink(site.parent / "private.jpg", site / "content" / "photos" / "link.jpg")
    assert problem(site, "photos/link.jpg").rule == "PIC-OUTSIDE"


def test_symlinked_folder_outside_is_refused(site: Path) -> None:
    os.symlink(site.parent, site / "content" / "shared")
    assert problem(site, "shared/private.jpg").rule == "PIC-OUTSIDE"


def test_symlink_inside_the_site_is_followed(site: Path) -> None:
    os.symlink(site / "content" / "photos" / "team.jpg", site / "content" / "photos" / "us.jpg")
    assert resolve_site_path(site, "photos/us.jpg", site / PAGE, 1).name == "team.jpg"


def test_missing_file_suggests_a_close_name(site: Path) -> None:
    found = problem(site, "photos/Team.JPG", line=None)
    assert found.rule == "PIC-MISSING"
    assert found.line is None
    assert "'photos/Team.JPG' cannot be found" in found.message
    assert found.hint.startswith("Did you mean photos/team.jpg?")


@pytest.mark.parametrize("reference", ["photos/nobody.png", "nowhere/team.jpg", "/etc/passwd"])
def test_missing_files_are_reported(site: Path, reference: str) -> None:
    found = problem(site, reference)
    assert found.rule == "PIC-MISSING"
    assert "content folder" in found.hint


@pytest.mark.parametrize("reference", ["", "   ", "/", "photos", "photos/", "bad\0name.jpg"])
def test_folders_empty_and_impossible_names_are_missing(site: Path, reference: str) -> None:
    assert problem(site, reference).rule == "PIC-MISSING"


def test_referring_file_outside_the_site_is_shown_as_given(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "notes.md"
    assert problem(site, "photos/none.jpg").file == PAGE
    with pytest.raises(SiteError) as caught:
        resolve_site_path(site, "photos/none.jpg", elsewhere, 2)
    assert caught.value.problems[0].file == elsewhere


def test_referring_file_is_shown_relative_to_a_relative_site_folder(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site.parent)
    with pytest.raises(SiteError) as caught:
        resolve_site_path(Path("site"), "photos/none.jpg", Path("site/content/about.md"), 2)
    assert caught.value.problems[0].file == PAGE
    assert resolve_site_path(Path("site"), "photos/team.jpg", PAGE, 2) == (site / "content/photos/team.jpg").resolve()
