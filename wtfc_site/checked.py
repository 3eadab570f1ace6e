"""'Checked by' records that stay true: a fingerprint of the text when checked.

The fingerprint is a SHA-256 of the page's title and body with white space
folded, so re-wrapping lines does not count as a change but any change of
words does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .content.base import Page
from .errors import Problem, SiteError
from .sources import read_source

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

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
    """Add a 'checked_by' record to a page's front matter; return the fingerprint written.

    The front matter is edited as YAML, not as text (ruamel.yaml's round trip),
    so comments, key order and quotes stay as the author wrote them, and every
    shape of ``checked_by`` works: missing, empty (``checked_by:`` or ``[]``),
    or a list already.
    """
    raw = read_source(path, site_dir)
    fingerprint = text_hash(str(raw.meta.get("title", "")), raw.body)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if not text.startswith("---") or end is None:
        raise SiteError(Problem(raw.file, 1, "This file has no front matter.",
                                hint="Add a title between two '---' lines first.", rule="SITE-YAML"))
    # ruamel.yaml is loaded here only, for start-up speed: every build imports this module (the pages'
    # check state) but only the 'checked' command writes YAML, and the import costs 0.012 s.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    yaml = _round_trip_yaml()
    meta = yaml.load("".join(lines[1:end])) or CommentedMap()
    records = meta.get("checked_by")
    if not isinstance(records, CommentedSeq):
        records = CommentedSeq()
        meta["checked_by"] = records
    records.fa.set_block_style()  # 'checked_by: []' becomes a list people can read and add to
    records.append(_entry(group, date, fingerprint, method, people, show_names))
    out = io.StringIO()
    yaml.dump(meta, out)
    path.write_text(lines[0] + out.getvalue() + "".join(lines[end:]), encoding="utf-8")
    return fingerprint


def _round_trip_yaml() -> YAML:
    from ruamel.yaml import YAML  # for start-up speed: see record_check
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the author wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)  # "checked_by:\n  - group: ..." as the README shows
    return yaml


def _entry(group: str, date: dt.date, fingerprint: str, method: str, people: tuple[str, ...],
           show_names: bool) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # for start-up speed: see record_check
    item = CommentedMap(group=group, date=date, text_hash=fingerprint)
    if method:
        item["method"] = method
    if people:
        item["people"] = CommentedSeq(people)
        item["show_names"] = show_names
    return item


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
