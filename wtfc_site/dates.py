"""Dates and times written the way people say them; used by the layouts (as
filters) and by content modules that write sentences about dates."""

from __future__ import annotations

import datetime as dt


def long_date(value: dt.date | None) -> str:
    """Return a date people can read aloud, e.g. 'Wednesday 21 January 2026'."""
    return "" if value is None else f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: dt.date | None) -> str:
    """Return a date without the weekday, e.g. '21 January 2026'."""
    return "" if value is None else f"{value.day} {value:%B %Y}"
