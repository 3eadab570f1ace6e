"""A one-page edit makes the picture chooser once (issue 16 speed): the edited page's conversion and
the pictures beside the decisions in minutes share it, where each made its own (0.03 s each at
3,000 pages). The decisions' pictures, and the whole site, stay those of a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import read_html
from test_build_cache import cached_build, clean_build, snapshot

import wtfc_site.convert as convert

EXAMPLE = Path(__file__).resolve().parent.parent


def _example_site(folder: Path) -> Path:
    for part in ("content", "layouts", "easyread_images"):
        if (EXAMPLE / part).is_dir():
            shutil.copytree(EXAMPLE / part, folder / part)
    return folder


def test_an_edit_makes_the_chooser_once_and_decisions_keep_their_pictures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _example_site(tmp_path / "site")
    cached_build(site, tmp_path)
    made = []
    real = convert.make_chooser
    monkeypatch.setattr(convert, "make_chooser", lambda *args: made.append(1) or real(*args))
    page = sorted((site / "content/updates").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nWe had tea after the meeting.\n", encoding="utf-8")
    cached_build(site, tmp_path)
    assert len(made) == 1
    out = tmp_path / "out"
    minutes = read_html(out / "minutes/2026-01-21-board/index.html")
    assert "Jordan Ellis and Priya Shah will run the board together." in minutes.get_text(" ")
    assert snapshot(out) == clean_build(site, tmp_path)
