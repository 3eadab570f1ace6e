"""The co-production plan: roles, how time is valued and paid, how decisions are made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .base import CommonMeta

LAYOUT = "plan.html"


@dataclass(frozen=True, kw_only=True)
class PlanMeta(CommonMeta):
    """Front matter of the co-production plan."""

    period: str = ""
    """The time the plan covers, for example 'April 2026 to March 2027'."""
    agreed_on: dt.date | None = None
    """When the plan was agreed."""
    review_by: dt.date | None = None
    """When the plan will next be checked."""
    policy: str = ""
    """The policy this plan puts into action: its page id, e.g. policy/co-production-policy."""
