"""Start a new page from a short template, so authors see every field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .content import CONTENT_TYPES, FOLDER_TYPES
from .errors import Problem, SiteError

_FOLDERS = {v: k for k, v in FOLDER_TYPES.items()}
_TEMPLATES = {
    "minutes": "meeting_date: {today}\ngroup: Partnership board\nchairs:\n  - \nattended:\n  - name: \n    role: \n"
               "decisions:\n  - \nactions:\n  - id: a1\n    what: \n    who: \n    by: {today}\n",
    "update": "date: {today}\n",
    "story": "told_by: \nconsent: no\n",
    "person": "role: \nlived_experience: no\n",
    "answer": "date: {today}\nyou_said: \nwe_did: \nevidence: []\n",
}


def new_page(site_dir: Path, content_type: str, name: str) -> Path:
    """Write a new page of ``content_type`` and return its path."""
    if content_type not in CONTENT_TYPES:
        raise SiteError(Problem(None, None, f"'{content_type}' is not a type of page we know.",
                                hint="Choose one of: " + ", ".join(sorted(CONTENT_TYPES)) + ".",
                                rule="SITE-UNKNOWN-TYPE"))
    folder = site_dir / "content" / _FOLDERS.get(content_type, content_type)
    if content_type == "page":
        folder = site_dir / "content"
    path = folder / f"{name}.md"
    if path.exists():
        raise SiteError(Problem(path, None, "This file is already there.",
                                hint="Choose another name, or open the file to change it.", rule="SITE-EXISTS"))
    extra = _TEMPLATES.get(content_type, "").format(today=dt.date.today().isoformat())
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: \nsummary: \n{extra}draft: yes\n---\n\n[picture: auto] Write the first point here.\n",
                    encoding="utf-8")
    return path
