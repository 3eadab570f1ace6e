"""Checks across the assembled site: links written in front matter, the main menu,
page pictures, and personal data in the words people gave us.

They run once every page is parsed and converted, so every link can be checked.
"""

from __future__ import annotations

from .errors import Problem
from .pictures.library import unknown_picture
from .privacy import scan_text
from .site import (
    Site,
    known_urls,
    reference_exists,
    resolver,
)
from .sources import load_yaml_file


def link_resolver(site: Site):
    """Return resolve(href) -> final href or None, knowing every page, data page and file."""
    urls = known_urls(list(site.pages)) | {page.url for page in site.data_pages()}
    return resolver(site.by_id, urls, {s.output.as_posix() for s in site.static_files}, site.config.base_url)


def check_front_matter_links(site: Site) -> list[Problem]:
    """Return problems with page references written in front matter."""
    problems = []
    files = {s.output.as_posix() for s in site.static_files}
    for page in site.pages:
        full = getattr(page.meta, "full_minutes", "")
        if full and full.strip("/") not in files and full.strip("/").removesuffix(".md") not in site.by_id:
            problems.append(Problem(page.file, page.line_of("full_minutes"),
                                    f"'{full}' is not a page or a file in content/.",
                                    hint="Write the path of the file inside content/, e.g. files/board-full.pdf.",
                                    rule="LINK-BROKEN"))
        policy = getattr(page.meta, "policy", "")
        target = site.by_id.get(policy.strip("/").removesuffix(".md")) if policy else None
        if policy and (target is None or target.content_type != "policy"):
            problems.append(Problem(page.file, page.line_of("policy"), f"'{policy}' is not a policy on this site.",
                                    hint="Write the page id of the policy, e.g. policy/co-production-policy.",
                                    rule="LINK-BROKEN"))
        for index, ref in enumerate(getattr(page.meta, "evidence", ())):
            if not reference_exists(site, ref):
                problems.append(Problem(page.file, page.line_of("evidence", index),
                                        f"'{ref}' is not a page or an action on this site.",
                                        hint="Write a page id such as updates/new-bus, or an action such as "
                                             "minutes/2026-01-21-board#a3.", rule="LINK-BROKEN"))
    return problems


def scan_peoples_words(site: Site) -> list[Problem]:
    """Return personal data found in stories and in 'You said, we did' answers.

    These are the other places where people's own words are published
    (Working Together for Change scans its own files).
    """
    problems: list[Problem] = []
    for page in site.pages_of("story"):
        for point in site.bodies[page.id].points:
            problems += scan_text(point.text, page.file, point.line)
    for page in site.pages_of("answer"):
        for key in ("you_said", "we_did", "quote"):
            problems += scan_text(getattr(page.meta, key), page.file, page.line_of(key))
    return problems


def check_page_pictures(site: Site) -> list[Problem]:
    """Return a problem for each page whose front matter names a picture the library does not have."""
    return [unknown_picture(page.file, page.line_of("picture"), page.meta.picture, site.library)
            for page in site.pages if page.meta.picture and site.library.get(page.meta.picture) is None]


def check_navigation(site: Site) -> list[Problem]:
    """Return problems with the main menu's links and pictures in site.yaml."""
    resolve = link_resolver(site)
    _, lines, file = load_yaml_file(site.site_dir / "content" / "site.yaml", site.site_dir)
    problems = []
    for index, item in enumerate(site.config.navigation):
        line = lines.line_of(("navigation", index))
        if not item.link.startswith(("http://", "https://")) and resolve(item.link) is None:
            problems.append(Problem(file, line, f"The menu link '{item.title}' goes to {item.link}, which is not a page.",
                                    hint="Check the link under 'navigation:'. Links inside the site start with /.",
                                    rule="LINK-BROKEN"))
        if item.picture and site.library.get(item.picture) is None:
            problems.append(unknown_picture(file, line, item.picture, site.library))
    return problems
