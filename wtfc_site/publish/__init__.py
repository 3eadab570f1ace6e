"""The output steps after rendering: the 'page not found' page, the search
index, the feed, the sitemap and robots.txt, and (with --offline) links that
work when the site is opened straight from a disk.

The pipeline calls ``publish_outputs`` once, after every page is rendered
and before anything is written, so the site is still written in one swap.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2

from ..errors import Problem, SiteError
from ..render import common_context, generated_context
from ..site import GeneratedPage, Site
from .feeds import FEED_PATH, atom_feed
from .offline import offline_outputs
from .search import SearchReuse, search_index
from .sitemap import sitemap_outputs

NOT_FOUND = GeneratedPage("/404.html", "Sorry, we cannot find this page", "404.html",
                          "The page may have moved, or the address may have a mistake in it.", "question")
"""Web servers show 404.html when an address leads to no page."""


@dataclass(frozen=True)
class PublishOptions:
    """How the finished site will be looked at."""

    offline: bool = False
    """Relative links naming index.html, so the files work straight from a disk."""
    search: bool = True
    """Make the search index (publish.search)."""
    search_reuse: SearchReuse | None = None
    """The last build's pages and index, so only what changed is made again (None: make it all)."""


def publish_outputs(site: Site, env: jinja2.Environment, outputs: dict,
                    options: PublishOptions = PublishOptions()) -> dict[PurePosixPath, bytes | Path]:
    """Return the outputs to add to (or replace in) ``outputs``; raise SiteError if one cannot be made."""
    added: dict[PurePosixPath, bytes | Path] = {PurePosixPath("404.html"): not_found_page(site, env)}
    feed = atom_feed(site)
    if feed is not None:
        added[PurePosixPath(FEED_PATH.lstrip("/"))] = feed
    added.update(sitemap_outputs(site, outputs))
    if options.search:
        added.update(search_index({**outputs, **added}, options.search_reuse))
    if options.offline:
        added.update(offline_outputs({**outputs, **added}, site.config.base_url))
    return added


def not_found_page(site: Site, env: jinja2.Environment) -> bytes:
    """Return the easy-read 'page not found' page."""
    context = {**common_context(site), **generated_context(site, NOT_FOUND)}
    try:
        return env.get_template(NOT_FOUND.layout).render(context).encode("utf-8")
    except jinja2.TemplateError as exc:
        raise SiteError(Problem(Path(getattr(exc, "filename", None) or NOT_FOUND.layout), getattr(exc, "lineno", None),
                                f"The 'page not found' layout could not be filled in: {exc}.",
                                hint="Check the names and the {% %} tags in your layouts/404.html.",
                                rule="SITE-LAYOUT")) from exc
