"""One Action type, shared by minutes, the tracker, plans and 'You said, we did'.

An action is referred to everywhere as ``<page id>#<action id>``, for example
``minutes/2026-01-21-board#a3``. The easy-read and standard minutes of one
meeting share one list: the easy-read page owns it, so each action is
counted once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

DONE, LATE, TO_DO = "done", "late", "to do"


@dataclass(frozen=True)
class Action:
    """A job someone agreed to do, with where it was agreed."""

    ref: str
    """The stable reference, e.g. minutes/2026-01-21-board#a3."""
    id: str
    what: str
    who: str
    by: dt.date
    status: str
    """As written: to do, doing or done."""
    page_id: str
    """The page where it was agreed."""
    page_url: str
    meeting_title: str
    meeting_date: dt.date | None
    file: Path
    line: int
    done_on: dt.date | None = None
    checklist: str = ""
    note: str = ""
    kind: str = "meeting"
    """meeting (agreed at a meeting) or plan (a step of a Working Together for Change plan,
    whose page_url is the plan's theme page and meeting_title the plan's title)."""

    def state(self, today: dt.date) -> str:
        """Return done, late (past its date and not done) or to do."""
        if self.status == "done":
            return DONE
        return LATE if self.by < today else TO_DO


def group_actions(actions: list[Action], today: dt.date) -> dict[str, list[Action]]:
    """Return actions grouped as late, to do and done, each sorted by date."""
    groups: dict[str, list[Action]] = {LATE: [], TO_DO: [], DONE: []}
    for action in sorted(actions, key=lambda a: (a.by, a.ref)):
        groups[action.state(today)].append(action)
    return groups
