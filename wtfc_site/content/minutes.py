"""Minutes of board and working-group meetings, with decisions and actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from ..errors import Problem
from .base import CommonMeta, Page

LAYOUT = "minutes.html"


@dataclass(frozen=True, kw_only=True)
class Attendee:
    """Someone who came to the meeting."""

    name: str
    """Their name, as they want it shown."""
    role: str
    """Their role at the meeting or in the partnership."""
    lived_experience: bool = False
    """yes if they bring lived experience."""


@dataclass(frozen=True, kw_only=True)
class Apology:
    """Someone who said they could not come. A plain name is enough: '- Grace Adeyemi'."""

    SHORT_FORM: ClassVar[str] = "name"
    name: str
    """Their name, as they want it shown."""
    role: str = ""
    """Their role in the partnership, e.g. 'NHS in Riverside'."""


@dataclass(frozen=True, kw_only=True)
class Decision:
    """Something the meeting decided. Plain text is enough: the library chooses a picture."""

    SHORT_FORM: ClassVar[str] = "what"
    what: str
    """What was decided, in one plain sentence."""
    picture: str = "auto"
    """The picture beside it: a picture name, auto (the library chooses; the default) or none."""


@dataclass(frozen=True, kw_only=True)
class ActionMeta:
    """A job someone agreed to do at the meeting."""

    id: str
    """A short id, unique in this meeting, e.g. a1. Other pages refer to it as minutes/<page>#a1."""
    what: str
    """What will be done, in plain words."""
    who: str
    """Who will do it."""
    by: dt.date
    """The date it should be done by."""
    status: Literal["to do", "doing", "done"] = "to do"
    """to do, doing or done."""
    done_on: dt.date | None = None
    """The day it was done."""
    checklist: str = ""
    """A co-production checklist next step this action answers, e.g. checklist/2026-05#4.2."""
    note: str = ""
    """A few words on progress."""


@dataclass(frozen=True, kw_only=True)
class MinutesMeta(CommonMeta):
    """Front matter of a set of minutes."""

    meeting_date: dt.date
    """The day of the meeting."""
    group: str
    """Which group met, e.g. 'Partnership board'."""
    chairs: tuple[str, ...]
    """Who chaired the meeting; co-chairs are listed one per line."""
    attended: tuple[Attendee, ...] = ()
    """Who came, each with a name and a role."""
    apologies: tuple[Apology, ...] = ()
    """People who said they could not come: a name, or a name and a role."""
    place: str = ""
    """Where the meeting was."""
    start_time: dt.time | None = None
    """When the meeting started, e.g. 10:30 (24-hour clock)."""
    end_time: dt.time | None = None
    """When the meeting ended, e.g. 12:30."""
    decisions: tuple[Decision, ...] = ()
    """What the meeting decided, one per line, each with a picture (auto by default)."""
    actions: tuple[ActionMeta, ...] = ()
    """Jobs people agreed to do."""
    full_minutes: str = ""
    """A link to the full standard minutes: a page id or a file in content/, e.g. files/board-full.pdf."""
    next_meeting: dt.date | None = None
    """The day of the next meeting."""


def validate(page: Page) -> list[Problem]:
    """Return problems with the minutes: action ids must be unique and done actions dated sensibly."""
    meta = page.meta
    assert isinstance(meta, MinutesMeta)
    problems = []
    seen: set[str] = set()
    for index, action in enumerate(meta.actions):
        if action.id in seen:
            problems.append(Problem(
                page.file, page.line_of("actions", index, "id"),
                f"Two actions in these minutes have the id '{action.id}'.",
                hint="Give each action its own id, for example a1, a2, a3.", rule="SITE-ACTION-ID"))
        seen.add(action.id)
        if not action.id.replace("-", "").isalnum():
            problems.append(Problem(
                page.file, page.line_of("actions", index, "id"),
                f"The action id '{action.id}' can only use letters, numbers and '-'.",
                hint="Use a short id such as a1.", rule="SITE-ACTION-ID"))
    if meta.start_time and meta.end_time and meta.end_time <= meta.start_time:
        problems.append(Problem(
            page.file, page.line_of("end_time"), "The meeting ends before it starts.",
            hint="Check start_time and end_time. Use the 24-hour clock, for example 14:00 for 2pm.",
            rule="SITE-VALUE"))
    if not meta.chairs:
        problems.append(Problem(page.file, page.line_of("chairs"), "The minutes do not say who chaired the meeting.",
                                hint="Add each chair under 'chairs:', one per line.", rule="SITE-MISSING"))
    return problems
