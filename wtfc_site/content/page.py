"""General pages: home, about, contact and anything else."""

from __future__ import annotations

from dataclasses import dataclass

from .base import CommonMeta

LAYOUT = "page.html"


@dataclass(frozen=True, kw_only=True)
class PageMeta(CommonMeta):
    """Front matter of a general page."""
