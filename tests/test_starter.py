"""`new TYPE NAME` and `new site DIR`: the page goes where the README says,
takes its date from its name, and a new site builds and passes --strict."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, read_html

from wtfc_site.cli import main
from wtfc_site.content import CONTENT_TYPES, type_from_path
from wtfc_site.new import FOLDER_OF_TYPE

README_FOLDERS = {"policy": "policy", "plan": "plan", "minutes": "minutes", "update": "updates",
                  "story": "stories", "person": "people", "answer": "you-said-we-did"}
"""The folders the README's 'The types' section names, written out by hand."""


def test_every_type_has_a_folder_and_a_new_page_reads_back_as_that_type(make_site) -> None:
    assert set(FOLDER_OF_TYPE) == set(CONTENT_TYPES)
    site = make_site()
    for content_type in CONTENT_TYPES:
        assert main(["new", content_type, f"new-{content_type}", "--site", str(site)]) == 0
    made = {}
    for path in (site / "content").rglob("new-*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) or {}
        page_id = path.relative_to(site / "content").with_suffix("").as_posix()
        made[path.stem] = front.get("type") or type_from_path(page_id)  # as the build decides a page's type
    assert made == {f"new-{t}": t for t in CONTENT_TYPES}


@pytest.mark.parametrize("content_type, folder", sorted(README_FOLDERS.items()))
def test_new_page_goes_in_the_readme_folder(make_site, content_type: str, folder: str, capsys) -> None:
    site = make_site()
    assert main(["new", content_type, "my-page", "--site", str(site)]) == 0
    assert (site / "content" / folder / "my-page.md").is_file()
    assert f"`content/{folder}/`" in (REPO / "README.md").read_text(encoding="utf-8")
    if folder != "policy":
        assert not (site / "content" / "policies").exists()


def test_new_page_at_the_top_is_a_plain_page(make_site) -> None:
    site = make_site()
    assert main(["new", "page", "about-us", "--site", str(site)]) == 0
    assert (site / "content" / "about-us.md").is_file()


def test_new_minutes_take_the_date_from_the_name(make_site, capsys) -> None:
    site = make_site()
    assert main(["new", "minutes", "2026-11-18-board", "--site", str(site)]) == 0
    text = (site / "content" / "minutes" / "2026-11-18-board.md").read_text(encoding="utf-8")
    assert "meeting_date: 2026-11-18\n" in text
    assert "from its name" in capsys.readouterr().out


def test_new_update_without_a_date_in_its_name_is_dated_today(make_site) -> None:
    site = make_site()
    assert main(["new", "update", "bus-pass", "--site", str(site)]) == 0
    text = (site / "content" / "updates" / "bus-pass.md").read_text(encoding="utf-8")
    assert f"date: {dt.date.today().isoformat()}\n" in text


def test_a_name_that_cannot_be_an_address_is_refused_plainly(make_site, capsys) -> None:
    site = make_site()
    assert main(["new", "update", "My News!", "--site", str(site)]) == 1
    assert "small letters, numbers and '-'" in capsys.readouterr().err


def test_new_site_builds_and_passes_strict_check(tmp_path: Path) -> None:
    folder = tmp_path / "our-site"
    made = subprocess.run([sys.executable, str(REPO / "build.py"), "new", "site", str(folder)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "README.md" in made.stdout
    for wanted in ("content/site.yaml", "content/index.md", "content/policy/co-production-policy.md",
                   "content/plan/co-production-plan.md", "content/glossary.yaml", "content/abbreviations.yaml",
                   "README.md"):
        assert (folder / wanted).is_file(), wanted
    assert list((folder / "content" / "minutes").glob("*.md"))
    assert list((folder / "content" / "people").glob("*.md"))
    assert "destination: none" in (folder / "content" / "site.yaml").read_text(encoding="utf-8")
    assert "Fill in these first" in (folder / "README.md").read_text(encoding="utf-8")

    check = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--strict", "--site", str(folder)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors, 0 warnings" in check.stdout
    build = subprocess.run([sys.executable, str(REPO / "build.py"), "--site", str(folder), "--today", "2026-12-03"],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    home = read_html(folder / "_site" / "index.html")
    assert home.h1.get_text(strip=True) == "Welcome to Our Partnership"


def test_new_site_will_not_overwrite_a_folder_with_files(tmp_path: Path, capsys) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", "site", str(tmp_path / "taken")]) == 1
    assert "already there" in capsys.readouterr().err
    assert (tmp_path / "taken" / "notes.txt").read_text(encoding="utf-8") == "mine"
