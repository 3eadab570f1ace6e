"""Start something new: a page from a short template (``new TYPE NAME``), so
authors see every field, or a whole small site (``new site DIR``) for a new
partnership."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .content import CONTENT_TYPES
from .errors import Problem, SiteError

FOLDER_OF_TYPE: dict[str, str] = {
    "page": "", "policy": "policy", "plan": "plan", "minutes": "minutes", "update": "updates",
    "story": "stories", "person": "people", "answer": "you-said-we-did", "accessibility": "",
}
"""The folder in content/ that the README and the example site use for each type.
A type that lives at the top of content/ other than 'page' says its type in the file."""

_TEMPLATES = {
    "minutes": "meeting_date: {date}\ngroup: Partnership board\nchairs:\n  - \nattended:\n  - name: \n    role: \n"
               "decisions:\n  - \nactions:\n  - id: a1\n    what: \n    who: \n    by: {date}\n",
    "update": "date: {date}\n",
    "story": "told_by: \nconsent: no\n",
    "person": "role: \nlived_experience: no\n",
    "answer": "date: {date}\nyou_said: \nwe_did: \nevidence: []\n",
    "accessibility": "type: accessibility\nstatus: partly\nknown_problems: []\ntested_by: \nupdated: {date}\n",
}

_DATE_IN_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")


@dataclass(frozen=True)
class NewPage:
    """Where a new page went and the date written into it."""

    path: Path
    date: dt.date
    date_from_name: bool


def folder_for(site_dir: Path, content_type: str) -> Path:
    """Return the content folder a new page of ``content_type`` goes in."""
    return site_dir / "content" / FOLDER_OF_TYPE.get(content_type, content_type)


def date_in_name(name: str) -> dt.date | None:
    """Return the date a name starts with (2026-11-18-board -> 18 November 2026), if any."""
    found = _DATE_IN_NAME.match(name)
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None


def new_page(site_dir: Path, content_type: str, name: str, today: dt.date | None = None) -> NewPage:
    """Write a new page of ``content_type`` and say where it went."""
    if content_type not in CONTENT_TYPES:
        raise SiteError(Problem(None, None, f"'{content_type}' is not a type of page we know.",
                                hint="Choose one of: " + ", ".join(sorted(CONTENT_TYPES)) + ", or 'site' "
                                     "to start a whole new site.", rule="SITE-UNKNOWN-TYPE"))
    _check_name(name)
    folder = folder_for(site_dir, content_type)
    path = folder / f"{name}.md"
    if path.exists():
        raise SiteError(Problem(path, None, "This file is already there.",
                                hint="Choose another name, or open the file to change it.", rule="SITE-EXISTS"))
    named = date_in_name(name)
    date = named or today or dt.date.today()
    extra = _TEMPLATES.get(content_type, "").format(date=date.isoformat())
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: \nsummary: \n{extra}draft: yes\n---\n\n[picture: auto] Write the first point here.\n",
                    encoding="utf-8")
    return NewPage(path, date, named is not None)


def _check_name(name: str) -> None:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise SiteError(Problem(None, None, f"'{name}' cannot be the name of a page.",
                                hint="Use small letters, numbers and '-' only, for example 2026-11-18-board "
                                     "or our-new-plan. The name becomes part of the page's web address.",
                                rule="SITE-NAME"))


def starter_folder() -> Path:
    """Return the folder holding the new-site files."""
    return Path(__file__).resolve().parent / "starter" / "site"


def new_site(target: Path) -> list[Path]:
    """Copy the starter site into ``target`` (new or empty) and return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise SiteError(Problem(target, None, "This folder is already there and has files in it.",
                                hint="Give the name of a new folder, or of an empty one, so nothing is overwritten.",
                                rule="SITE-EXISTS"))
    source = starter_folder()
    shutil.copytree(source, target, dirs_exist_ok=True)
    return sorted(p for p in target.rglob("*") if p.is_file())
