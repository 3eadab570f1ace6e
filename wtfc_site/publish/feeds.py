"""The Atom feed of news and meeting notes, made with feedgen, so people who
follow the partnership see new pages in their feed reader."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..addresses import absolute_url
from ..content.base import Page
from ..site import Site

FEED_TYPES = ("update", "minutes")
"""News and meeting notes are what followers want to hear about."""

FEED_PATH = "/feed.xml"


def page_date(page: Page) -> dt.date | None:
    """Return the date a page is about or was last changed: updated, date or meeting date."""
    meta = page.meta
    return meta.updated or getattr(meta, "date", None) or getattr(meta, "meeting_date", None)


def feed_pages(site: Site) -> list[Page]:
    """Return the news and minutes in the feed, newest first; one version of each."""
    pages = [p for kind in FEED_TYPES for p in site.pages_of(kind)
             if (p.easy_read or not site.counterpart(p)) and page_date(p) is not None]
    return sorted(pages, key=lambda p: (page_date(p), p.id), reverse=True)


def _midday(day: dt.date) -> dt.datetime:
    # Feeds want a time; midday UTC keeps the day right in every UK time zone.
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def atom_feed(site: Site) -> bytes | None:
    """Return the Atom feed, or None when the site has no site_url (feeds need full addresses)."""
    config = site.config
    home = absolute_url(config, "/")
    if not home:
        return None
    pages = feed_pages(site)
    feed = FeedGenerator()
    feed.id(home)
    feed.title(f"{config.name}: news and meeting notes")
    feed.subtitle(f"New pages from {config.name} in {config.area}.")
    feed.author({"name": config.name, "email": config.contact.email})
    feed.link(href=home, rel="alternate")
    feed.link(href=absolute_url(config, FEED_PATH), rel="self")
    feed.language(config.language)
    newest = (page_date(pages[0]) if pages else None) or site.today
    feed.updated(_midday(newest))
    for page in reversed(pages):  # feedgen puts each new entry first
        entry = feed.add_entry()
        address = absolute_url(config, page.url)
        entry.id(address)
        entry.title(page.title)
        entry.link(href=address)
        entry.updated(_midday(page_date(page) or site.today))
        entry.summary(page.meta.summary or page.title)
    return feed.atom_str(pretty=True)
