"""'Checked by' records that stay true: a fingerprint of the text when checked.

The fingerprint is a SHA-256 of the page's title and body with white space
folded, so re-wrapping lines does not count as a change but any change of
words does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from .content.base import Page
from .errors import Problem, SiteError
from .sources import read_source

HASH_LENGTH = 16


def text_hash(title: str, body: str) -> str:
    """Return the fingerprint of a page's words."""
    normal = " ".join(f"{title}\n{body}".split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def check_state(page: Page) -> dict[str, Any] | None:
    """Return the latest check of ``page`` and whether the text is unchanged since."""
    records = sorted(page.meta.checked_by, key=lambda r: r.date)
    if not records:
        return None
    latest = records[-1]
    return {"record": latest, "current": latest.text_hash == text_hash(page.title, page.body)}


def record_check(path: Path, site_dir: Path, group: str, date: dt.date, method: str = "",
                 people: tuple[str, ...] = (), show_names: bool = False) -> str:
    """Add a 'checked_by' record to a page's front matter; return the fingerprint written."""
    raw = read_source(path, site_dir)
    title = str(raw.meta.get("title", ""))
    fingerprint = text_hash(title, raw.body)
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        raise SiteError(Problem(raw.file, 1, "This file has no front matter.",
                                hint="Add a title between two '---' lines first.", rule="SITE-YAML"))
    entry = _entry_yaml(group, date, fingerprint, method, people, show_names)
    lines = text.splitlines(keepends=True)
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    has_key = any(re.match(r"^checked_by\s*:", ln) for ln in lines[1:end])
    insert = entry if has_key else "checked_by:\n" + entry
    if has_key:
        key_line = next(i for i in range(1, end) if re.match(r"^checked_by\s*:", lines[i]))
        stop = next((i for i in range(key_line + 1, end) if lines[i][:1] not in (" ", "-", "\t")), end)
        lines.insert(stop, insert)
    else:
        lines.insert(end, insert)
    path.write_text("".join(lines), encoding="utf-8")
    return fingerprint


def _entry_yaml(group: str, date: dt.date, fingerprint: str, method: str, people: tuple[str, ...],
                show_names: bool) -> str:
    import yaml
    item: dict[str, Any] = {"group": group, "date": date, "text_hash": fingerprint}
    if method:
        item["method"] = method
    if people:
        item["people"] = list(people)
        item["show_names"] = show_names
    dumped = yaml.safe_dump([item], sort_keys=False, allow_unicode=True)
    return "".join("  " + line + "\n" for line in dumped.splitlines())


def unchecked_report(pages: list[Page]) -> list[tuple[Page, str]]:
    """Return easy-read pages never checked, or changed since they were checked."""
    report = []
    for page in pages:
        if not page.easy_read:
            continue
        state = check_state(page)
        if state is None:
            report.append((page, "never checked"))
        elif not state["current"]:
            date = state['record'].date
            report.append((page, f"changed since it was checked on {date.day} {date:%B %Y}"))
    return report
