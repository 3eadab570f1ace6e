"""The co-production policy, linked from the top of every page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .base import CommonMeta

LAYOUT = "policy.html"


@dataclass(frozen=True, kw_only=True)
class PolicyMeta(CommonMeta):
    """Front matter of the co-production policy."""

    agreed_on: dt.date | None = None
    """When the partnership board agreed the policy."""
    review_by: dt.date | None = None
    """When the policy will next be checked and updated."""
    agreed_by: str = ""
    """Who agreed it, for example 'the partnership board'."""
    owner: str = ""
    """Who looks after the policy and keeps it up to date, e.g. 'Sam Okafor'."""
