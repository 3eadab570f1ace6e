"""The checklist's pages: what each page shows, and the pages themselves.

The views here (a rating with its change, each part, each big idea, each
check) are what the layouts ``checklist*.html`` get in their context.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...actions import Action, group_actions
from ...charts import StepChart, step_chart
from ...datasets import DataPage
from .data import RATINGS, SYMBOLS, Check, Checklist, Evidence, IdeaDefinition, ItemDefinition, ItemResult, TookPart
from .links import BASE_URL, anchor, is_external, item_of

CHANGE_WORDS = {"better": "Better than", "same": "The same as", "worse": "Worse than"}
EVIDENCE_PICTURES = {"minutes": "minutes", "policy": "policy", "plan": "plan", "updates": "news",
                     "people": "people", "stories": "story", "actions": "action"}
"""Evidence from these content folders gets a matching picture; other evidence gets 'document'."""


# --- what the pages show -----------------------------------------------------

def overall(ratings: list[str]) -> str:
    """Return a big idea's rating: the one most of its parts have; a tie goes to the lower one."""
    counts = Counter(ratings)
    return max(RATINGS, key=lambda rating: (counts[rating], -RATINGS.index(rating)))


def compare(before: str, now: str) -> str:
    """Return better, same or worse (or '' when there was no check before)."""
    if not before:
        return ""
    step = RATINGS.index(now) - RATINGS.index(before)
    return "better" if step > 0 else "worse" if step < 0 else "same"


@dataclass(frozen=True)
class Rated:
    """A rating, with how it changed since the check before."""

    rating: str
    before: str = ""
    since: str = ""
    """The month of the check before, e.g. May 2026."""

    @property
    def words(self) -> str:
        """Return the rating as a reader sees it, e.g. 'Doing well'."""
        return self.rating.capitalize()

    @property
    def symbol(self) -> str:
        """Return the library picture for the rating."""
        return SYMBOLS[self.rating]

    @property
    def change(self) -> str:
        """Return better, same, worse or ''."""
        return compare(self.before, self.rating)

    @property
    def change_short(self) -> str:
        """Return the change in one or two words, for tables."""
        return {"better": "Better", "same": "The same", "worse": "Worse"}.get(self.change, "First check")

    @property
    def change_sentence(self) -> str:
        """Return the change in words, e.g. 'Better than in May 2026.'."""
        if not self.change:
            return "This is our first check."
        return f"{CHANGE_WORDS[self.change]} in {self.since}."


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence as shown: words, where the link goes, a picture."""

    text: str
    href: str
    picture: str


@dataclass(frozen=True)
class ItemView:
    """One part of a big idea as shown on the big idea's page."""

    item: ItemDefinition
    anchor: str
    rated: Rated
    evidence: tuple[EvidenceView, ...] = ()
    next_steps: tuple[str, ...] = ()
    previous_steps: tuple[str, ...] = ()
    action_groups: dict[str, list[Action]] = field(default_factory=dict)


@dataclass(frozen=True)
class IdeaView:
    """One big idea at one check."""

    idea: IdeaDefinition
    url: str
    rated: Rated
    counts: str
    """One short sentence, e.g. '2 of 3 parts are doing well.'."""
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class CheckView:
    """One check as shown: when, who took part, and each big idea's rating."""

    key: str
    label: str
    date: dt.date
    url: str
    took_part: TookPart
    summary: str
    ideas: tuple[IdeaView, ...]
    title: str = ""
    """The check page's own title ('' for the site's)."""
    intro: tuple[str, ...] = ()


def counts_sentence(rating: str, ratings: list[str]) -> str:
    """Return how many parts have the big idea's rating, e.g. '2 of 3 parts are doing well.'."""
    n, total = ratings.count(rating), len(ratings)
    one = n == 1
    verb = {"doing well": "is doing well" if one else "are doing well",
            "getting there": "is getting there" if one else "are getting there",
            "more to do": "has more to do" if one else "have more to do"}[rating]
    return f"{n} of {total} parts {verb}."


def idea_view(site: Any, checklist: Checklist, idea: IdeaDefinition, at: int, details: bool) -> IdeaView:
    """Return a big idea at check number ``at``; ``details`` adds evidence, next steps and jobs."""
    check = checklist.checks[at]
    before = checklist.checks[at - 1] if at > 0 else None
    items = tuple(_item_view(site, item, check, before, details) for item in idea.items)
    ratings = [view.rated.rating for view in items]
    earlier = overall([before.data.ratings[i.id].rating for i in idea.items]) if before else ""
    rating = overall(ratings)
    return IdeaView(idea, f"{BASE_URL}{idea.id}/", Rated(rating, earlier, before.label if before else ""),
                    counts_sentence(rating, ratings), items)


def _item_view(site: Any, item: ItemDefinition, check: Check, before: Check | None, details: bool) -> ItemView:
    result = check.data.ratings[item.id]
    rated = Rated(result.rating, before.data.ratings[item.id].rating if before else "",
                  before.label if before else "")
    if not details:
        return ItemView(item, anchor(item.id), rated)
    mine = [a for a in site.actions if item_of(a) == item.id]
    return ItemView(item, anchor(item.id), rated,
                    evidence=tuple(evidence_view(site, e) for e in result.evidence),
                    next_steps=result.next_steps,
                    previous_steps=_previous_steps(result, before.data.ratings[item.id] if before else None),
                    action_groups=group_actions(mine, site.today))


def _previous_steps(now: ItemResult, before: ItemResult | None) -> tuple[str, ...]:
    """Return the check before's next steps that this check does not say again."""
    return tuple(step for step in before.next_steps if step not in now.next_steps) if before else ()


def evidence_view(site: Any, evidence: Evidence) -> EvidenceView:
    """Return a piece of evidence as shown, with its picture chosen from its link when it has none."""
    link = evidence.link.strip()
    folder = link.strip("/").split("/")[0].partition("#")[0]
    picture = evidence.picture or ("document" if is_external(link) else EVIDENCE_PICTURES.get(folder, "document"))
    return EvidenceView(evidence.text, evidence_href(site, link), picture)


def evidence_href(site: Any, link: str) -> str:
    """Return where an evidence link goes: a web address, a page, or an action on its meeting's page."""
    if not link or is_external(link):
        return link
    path, _, fragment = link.strip("/").partition("#")
    page = site.by_id.get(path.removesuffix(".md"))
    target = page.url if page else "/" + path + "/"
    return site.url(target) + (f"#{fragment}" if fragment else "")


def check_view(site: Any, checklist: Checklist, at: int) -> CheckView:
    """Return check number ``at`` with each big idea's rating."""
    check = checklist.checks[at]
    ideas = tuple(idea_view(site, checklist, idea, at, False) for idea in checklist.definition.ideas)
    return CheckView(check.key, check.label, check.data.date, f"{BASE_URL}{check.key}/", check.data.took_part,
                     check.data.summary, ideas, check.data.title, check.data.intro)


def history(checklist: Checklist, idea: IdeaDefinition) -> list[str]:
    """Return a big idea's rating at each check, oldest first."""
    return [overall([check.data.ratings[item.id].rating for item in idea.items]) for check in checklist.checks]


def chart(title: str, checklist: Checklist, ideas: tuple[IdeaDefinition, ...]) -> StepChart:
    """Return the step chart of the big ideas' ratings over time (one line per big idea).

    layouts/checklist_parts.html shows it with the step_chart macro of components/charts.html.
    """
    series: list[tuple[str, list[int | None]]] = [
        (idea.title, [RATINGS.index(r) for r in history(checklist, idea)]) for idea in ideas]
    return step_chart(title, [c.label for c in checklist.checks], series, list(RATINGS))


# --- pages -------------------------------------------------------------------

OVERVIEW_TITLE = "Our co-production check"
OVERVIEW_SUMMARY = "We check how well we work together as equals."
TOOK_PART_WORDS = ("lived experience",)
"""Words the layouts use when they say who took part, so the hard-words box can explain them."""


def make_pages(site: Any, checklist: Checklist) -> list[DataPage]:
    """Return the overview, a page per big idea and a page per check."""
    latest = len(checklist.checks) - 1
    common: dict[str, Any] = {"source": checklist.definition.source, "RATINGS": RATINGS, "SYMBOLS": SYMBOLS,
              "checks": [check_view(site, checklist, i) for i in reversed(range(latest + 1))]}
    ideas = [idea_view(site, checklist, idea, latest, True) for idea in checklist.definition.ideas]
    own = checklist.pages.overview
    pages = [_page(site, BASE_URL, own.title or OVERVIEW_TITLE, "checklist.html", own.summary or OVERVIEW_SUMMARY,
                   "check", {
        **common, "check": common["checks"][0], "ideas": ideas, "intro": own.intro,
        "chart": chart("Our big ideas over time", checklist, checklist.definition.ideas),
        "history": [(idea, history(checklist, idea)) for idea in checklist.definition.ideas]})]
    for view in ideas:
        idea = view.idea
        own = checklist.idea_words(idea.id)
        pages.append(_page(site, view.url, own.title or idea.title, "checklist_idea.html", own.summary or idea.about,
                           idea.picture, {
            **common, "idea": view, "intro": own.intro, "chart": chart(f"{idea.title}: over time", checklist, (idea,)),
            "history": [(idea, history(checklist, idea))]}))
    for check in common["checks"]:
        pages.append(_page(site, check.url, check.title or f"Our co-production check in {check.label}",
                           "checklist_check.html", f"What we found when we checked in {check.label}.", "date",
                           {**common, "check": check, "intro": check.intro}))
    return pages


def _page(site: Any, url: str, title: str, layout: str, summary: str, picture: str,
          context: dict[str, Any]) -> DataPage:
    hard_words, short_forms = words_explained(site, [title, summary, *_strings(context)])
    pictures = {picture} | _pictures(context)  # the layouts' own pictures are recorded as they render
    return DataPage(url=url, title=title, layout=layout, summary=summary, picture=picture,
                    context={**context, "hard_words": hard_words, "short_forms": short_forms,
                             "pictures": sorted(pictures)})


def _pictures(context: dict[str, Any]) -> set[str]:
    ideas = context.get("ideas") or ([context["idea"]] if "idea" in context else [])
    names = {view.idea.picture for view in ideas}
    names |= {e.picture for view in ideas for item in view.items for e in item.evidence}
    return names


def _strings(context: dict[str, Any]) -> list[str]:
    """Return the words of the definition and results this page shows, and only those,
    so its hard-words box lists only words on the page."""
    found = [context.get("source", ""), *context.get("intro", ())]
    if "idea" in context:  # a big idea's page shows each part in full
        view = context["idea"]
        found += [view.idea.title, view.idea.about]
        for item in view.items:
            found += [item.item.title, item.item.doing_well, item.item.more_to_do, *item.next_steps,
                      *item.previous_steps, *(e.text for e in item.evidence)]
        return found
    found += [view.idea.title for view in context.get("ideas", ())]  # the overview: each big idea's title
    check = context.get("check")
    if check is not None:
        found += [check.summary, *TOOK_PART_WORDS]
        if "ideas" not in context:  # a check's page: a table of the parts of each big idea
            found += [text for view in check.ideas for text in (view.idea.title, *(i.item.title for i in view.items))]
    return found


def words_explained(site: Any, strings: list[str]) -> tuple[tuple, tuple]:
    """Return the site's hard words and short forms found in ``strings``, each once, in order."""
    text = "\n".join(strings)
    hard: list[Any] = []
    pattern, forms = site.glossary.pattern, site.glossary.forms
    for match in pattern.finditer(text) if pattern else ():
        entry = forms.get(match.group(1).lower())
        if entry is not None and entry not in hard:
            hard.append(entry)
    short: list[tuple[str, str]] = []
    pattern = site.abbreviations.pattern
    for match in pattern.finditer(text) if pattern else ():
        pair = (match.group(1), site.abbreviations.full[match.group(1)])
        if pair not in short:
            short.append(pair)
    return tuple(hard), tuple(short)
