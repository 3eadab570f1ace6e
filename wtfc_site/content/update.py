"""News for local people, shown newest first on the updates page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .base import CommonMeta

LAYOUT = "update.html"


@dataclass(frozen=True, kw_only=True)
class UpdateMeta(CommonMeta):
    """Front matter of an update."""

    date: dt.date
    """The day the update was published."""
