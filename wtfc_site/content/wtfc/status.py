"""Working Together for Change: how one plan's status is decided and worded.

Every page that states a plan's status (its theme page, the overview, the
easy-read and full reports) asks ``plan_status``, so a plan is never "to
do" on one page and "doing" on another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .data import Plan, PlanStep

DONE, LATE, BEHIND, DOING, NOT_STARTED = "done", "late", "behind", "doing", "not started"
ORDER = (LATE, BEHIND, DOING, NOT_STARTED, DONE)
"""The states, most urgent first."""


@dataclass(frozen=True)
class PlanStatus:
    """Where a plan is, in the words and picture every page uses."""

    state: str
    """done, late, behind, doing or not started."""
    label: str
    """One or two words for lists and tables, e.g. 'Behind'."""
    sentence: str
    """One short easy-read sentence, e.g. 'This plan is behind.'"""
    picture: str


WORDS = {
    DONE: PlanStatus(DONE, "Done", "This plan is done.", "done"),
    LATE: PlanStatus(LATE, "Late", "This plan is late.", "late"),
    BEHIND: PlanStatus(BEHIND, "Behind", "This plan is behind.", "late"),
    DOING: PlanStatus(DOING, "Doing", "We are doing this plan now.", "implement"),
    NOT_STARTED: PlanStatus(NOT_STARTED, "Not started", "We have not started this plan yet.", "to-do"),
}


def step_state(step: PlanStep, today: dt.date) -> str:
    """Return done, late (past its date and not done) or to do, as for meeting jobs."""
    if step.done:
        return "done"
    return "late" if step.by < today else "to do"


def plan_status(plan: Plan, today: dt.date) -> PlanStatus:
    """Return a plan's status: done; late (its date has gone); behind (said so, or a step is late);
    doing; or not started."""
    if plan.status == DONE:
        return WORDS[DONE]
    if plan.by < today:
        return WORDS[LATE]
    if plan.status == BEHIND or any(step_state(s, today) == "late" for s in plan.steps):
        return WORDS[BEHIND]
    return WORDS[DOING if plan.status == DOING else NOT_STARTED]


def steps_sentence(plan: Plan, today: dt.date) -> str:
    """Return one sentence about a plan's steps ('1 step is late.', '2 of 4 steps are done.'), or ''."""
    if not plan.steps:
        return ""
    states = [step_state(s, today) for s in plan.steps]
    late, done = states.count("late"), states.count("done")
    if late:
        return f"{late} {'step is' if late == 1 else 'steps are'} late."
    return f"{done} of {len(states)} steps {'is' if done == 1 and len(states) == 1 else 'are'} done."
