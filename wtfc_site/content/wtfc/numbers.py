"""Working Together for Change: every number on the cycle's pages, computed at build time.

Nothing here is typed by hand: counts come from the statements, action
states from the site's actions and ``site.today`` (decisions.md: "late" is
past its date and not done).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...actions import Action
from .data import CATEGORIES, Cycle, Plan, Statement
from .status import plan_status

TOP_COUNT = 3
"""How many themes the 'top themes' of a category list."""


@dataclass(frozen=True)
class ThemeCount:
    """How many statements a theme has in each category."""

    theme: str
    working: int
    not_working: int
    future: int

    @property
    def total(self) -> int:
        """Return the statements about this theme."""
        return self.working + self.not_working + self.future

    def of(self, category: str) -> int:
        """Return the count for one category ('working', 'not working' or 'future')."""
        return {"working": self.working, "not working": self.not_working, "future": self.future}[category]


@dataclass(frozen=True)
class Numbers:
    """The numbers of one cycle."""

    counts: tuple[ThemeCount, ...]
    """One per theme, in the order of themes.yaml."""
    statements: int
    """Statements counted (known theme and category)."""
    people: int
    """Different review codes among the statements: the people who took part."""
    top: dict[str, tuple[ThemeCount, ...]]
    """Category -> the themes most often named in it (most first; none with 0)."""
    plan_states: dict[str, str]
    """Plan id -> done, late, behind, doing or not started (``status.plan_status``)."""
    action_states: dict[str, str]
    """Action reference -> done, to do or late, for every action a plan names."""

    def count(self, theme: str) -> ThemeCount:
        """Return a theme's counts."""
        return next(c for c in self.counts if c.theme == theme)

    def by_category(self, category: str) -> int:
        """Return how many statements are in one category."""
        return sum(c.of(category) for c in self.counts)

    def actions_in(self, state: str) -> int:
        """Return how many of the plans' actions are done, to do or late."""
        return sum(1 for s in self.action_states.values() if s == state)

    def plans_in(self, state: str) -> int:
        """Return how many plans are in one state (done, late, behind, doing or not started)."""
        return sum(1 for s in self.plan_states.values() if s == state)


def counted(cycle: Cycle) -> list[Statement]:
    """Return the statements with a known theme and category (the others are errors)."""
    themes = {t.item.id for t in cycle.themes}
    return [s for s in cycle.statements if s.theme in themes and s.category in CATEGORIES]


def compute(cycle: Cycle, actions: tuple[Action, ...], today: dt.date) -> Numbers:
    """Return the cycle's numbers from its statements, plans and the site's actions."""
    statements = counted(cycle)
    counts = tuple(_theme_count(t.item.id, statements) for t in cycle.themes)
    by_ref = {a.ref: a for a in actions}
    action_states = {ref: by_ref[ref].state(today) for p in cycle.plans for ref in p.item.actions if ref in by_ref}
    return Numbers(
        counts=counts, statements=len(statements), people=len({s.review for s in statements}),
        top={c: _top(counts, c) for c in CATEGORIES},
        plan_states={p.item.id: plan_state(p.item, today) for p in cycle.plans},
        action_states=action_states)


def plan_state(plan: Plan, today: dt.date) -> str:
    """Return the plan's state (done, late, behind, doing or not started): see ``status.plan_status``."""
    return plan_status(plan, today).state


def _theme_count(theme: str, statements: list[Statement]) -> ThemeCount:
    mine = [s.category for s in statements if s.theme == theme]
    return ThemeCount(theme, mine.count("working"), mine.count("not working"), mine.count("future"))


def _top(counts: tuple[ThemeCount, ...], category: str) -> tuple[ThemeCount, ...]:
    # Sorted by count, most first; ties keep the order of themes.yaml so the page is repeatable.
    ranked = sorted((c for c in counts if c.of(category) > 0), key=lambda c: -c.of(category))
    return tuple(ranked[:TOP_COUNT])
