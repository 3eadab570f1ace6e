"""Links between the checklist and the rest of the site.

Evidence links to pages and actions, and meeting actions that name a part in
their ``checklist:`` field, are checked here; both get links back from the
pages they name to the checklist part that uses them.
"""

from __future__ import annotations

import re
from typing import Any

from ...actions import Action
from ...datasets import Backlink
from ...errors import Problem
from ...site import reference_exists
from .data import Checklist, picture_problems

BASE_URL = "/checklist/"

# --- links to and from other pages -------------------------------------------

ACTION_REF = re.compile(r"^/?checklist/(?P<check>[^/#]+)/?#(?P<item>[^#\s]+)$")


def is_external(link: str) -> bool:
    """Return True for a web address outside the site."""
    return link.startswith(("http://", "https://"))


def check_evidence_links(site: Any, checklist: Checklist) -> list[Problem]:
    """Return a problem for each evidence link that goes nowhere."""
    problems = []
    for check in checklist.checks:
        for item_id, result in check.data.ratings.items():
            for index, evidence in enumerate(result.evidence):
                problems += picture_problems(evidence.picture, check.file,
                                              check.line(item_id, "evidence", index, "picture"), site.library)
                if evidence.link and not is_external(evidence.link) and not reference_exists(site, evidence.link):
                    problems.append(Problem(
                        check.file, check.line(item_id, "evidence", index, "link"),
                        f"The evidence link '{evidence.link}' goes to a page or action that is not there.",
                        hint="Write a page id, its path in content/ without .md, such as "
                             "minutes/2026-01-21-board, or an action such as minutes/2026-01-21-board#a2.",
                        rule="LINK-BROKEN"))
    return problems


def check_action_refs(site: Any, checklist: Checklist) -> list[Problem]:
    """Return a problem for each meeting action whose 'checklist:' names no part of a check."""
    keys = checklist.keys
    known = set(checklist.item_ids())
    problems = []
    for action in site.actions:
        if not action.checklist:
            continue
        match = ACTION_REF.match(action.checklist.strip())
        message = ""
        if match is None:
            message = f"'{action.checklist}' is not written like a checklist part."
        elif match["check"] not in keys:
            message = f"There is no check called '{match['check']}' in content/checklist/."
        elif match["item"] not in known:
            message = f"There is no part '{match['item']}' in the checklist."
        if message:
            problems.append(Problem(action.file, action_line(site, action), message,
                                    hint="Write the check and the part, for example checklist/2026-05#4.2.",
                                    rule="CHECK-UNKNOWN-ITEM"))
    return problems


def action_line(site: Any, action: Action) -> int:
    """Return the line of an action's 'checklist:' key in its minutes."""
    page = site.by_id.get(action.page_id)
    ids = [item.id for item in getattr(page.meta, "actions", ())] if page else []
    if page is None or action.id not in ids:
        return action.line
    return page.line_of("actions", ids.index(action.id), "checklist")


def item_of(action: Action) -> str:
    """Return the part id an action names in its 'checklist:' field, or ''."""
    match = ACTION_REF.match(action.checklist.strip())
    return match["item"] if match else ""


def make_backlinks(site: Any, checklist: Checklist) -> dict[str, tuple[Backlink, ...]]:
    """Return links from evidence pages and meetings back to the checklist parts that use them."""
    links: dict[str, list[Backlink]] = {}
    titles = {item.id: item.title for idea in checklist.definition.ideas for item in idea.items}
    latest = checklist.checks[-1]
    for check in reversed(checklist.checks):  # newest first, so a part cited twice links to its latest rating
        for item_id, result in check.data.ratings.items():
            url = item_url(item_id) if check is latest else f"{BASE_URL}{check.key}/#{anchor(item_id)}"
            for evidence in result.evidence:
                page_id = evidence.link.strip().strip("/").partition("#")[0].removesuffix(".md")
                if page_id in site.by_id and not is_external(evidence.link):
                    _add(links, page_id, Backlink(titles[item_id], url,
                                                  f"Our co-production check in {check.label} used this page.", "check"))
    for action in site.actions:
        item_id = item_of(action)
        if item_id in titles:
            _add(links, action.page_id, Backlink(titles[item_id], item_url(item_id),
                                                 "A job from this meeting is a next step from our check.", "check"))
    return {page_id: tuple(found) for page_id, found in links.items()}


def _add(links: dict[str, list[Backlink]], page_id: str, link: Backlink) -> None:
    if all(old.title != link.title for old in links.setdefault(page_id, [])):
        links[page_id].append(link)


def anchor(item_id: str) -> str:
    """Return the HTML id of a part, e.g. item-4-2."""
    return "item-" + item_id.replace(".", "-")


def item_url(item_id: str) -> str:
    """Return the site path of a part on its big idea's page."""
    return f"{BASE_URL}{item_id.split('.')[0]}/#{anchor(item_id)}"
