"""Working Together for Change: the easy-read pages of one cycle.

Each function makes one page: its rows (through a ``Writer``, so the checker
reads exactly what is shown) and its DataPage. Only statements marked
agreed-to-quote ever reach a page; review codes never do.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ...charts import BarChart, bar_chart
from ...datasets import DataPage
from ...dates import short_date
from ...points import PageText
from ...site import Site
from .data import CATEGORIES, STEP_IDS, Cycle, PageWords, Plan
from .numbers import Numbers, ThemeCount
from .status import PlanStatus
from .text import (
    CATEGORY_TEXT,
    STATE_PICTURE,
    STATE_TEXT,
    STATUS_TEXT,
    STEP_TEXT,
    VIEW_TEXT,
    Line,
    Src,
    Writer,
)

CHART_TITLE = "What people said about each theme"


@dataclass(frozen=True)
class Related:
    """A page of the site that is part of a theme's thread (an update, an answer, a meeting)."""

    title: str
    url: str
    why: str


@dataclass(frozen=True)
class Made:
    """The pages and checker texts made for a cycle."""

    pages: tuple[DataPage, ...]
    texts: tuple[PageText, ...]


def step_url(cycle: Cycle, step_id: str) -> str:
    """Return a step page's address, e.g. /wtfc/2026/steps/identify-success/."""
    return f"{cycle.url}steps/{step_id.replace('_', '-')}/"


def plural(count: int, one: str, many: str) -> str:
    """Return '1 person' or '3 people'."""
    return f"{count} {one if count == 1 else many}"


def cycle_links(cycle: Cycle) -> list[tuple[str, str]]:
    """Return the links shown at the top of every page of the cycle."""
    return [("The 8 steps", cycle.url), ("What people said", f"{cycle.url}what-people-said/"),
            ("Themes", f"{cycle.url}themes/"), ("Report", f"{cycle.url}report/")]


def _finish(writer: Writer, cycle: Cycle, url: str, title: str, summary: str, picture: str, title_src: Src,
            blocks: list, layout: str = "wtfc_page.html", easy_read: bool = True,
            counterpart: str = "", **extra) -> tuple[DataPage, tuple[PageText, ...]]:
    """Return the DataPage and its checker texts once all rows are written."""
    writer.pictures.add(picture)
    context = {"blocks": blocks, "pictures": tuple(sorted(writer.pictures)), "hard_words": tuple(writer.hard_words),
               "cycle_links": cycle_links(cycle), "cycle_title": cycle.meta.item.title, **extra}
    page = DataPage(url=url, title=title, layout=layout, summary=summary, picture=picture, context=context,
                    easy_read=easy_read, counterpart_url=counterpart)
    return page, writer.page_texts(url, title, title_src, summary, easy_read)


def own_words(cycle: Cycle, key: str) -> PageWords:
    """Return a page's own words from cycle.yaml 'pages:' (empty fields keep the site's wording)."""
    return getattr(cycle.meta.item.pages, key)


def opening(w: Writer, cycle: Cycle, key: str, picture: str, default) -> list:
    """Return the page's own introduction, or ``default()``: the site's opening rows, made only when used
    (each row written is also given to the checker)."""
    intro = own_words(cycle, key).intro
    if not intro:
        return default()
    return w.rows(list(intro), Src(cycle.meta.file, cycle.meta.line("pages", key, "intro")), picture, cls="intro")


def own_heading(cycle: Cycle, key: str, title: str, summary: str) -> tuple[str, str, Src]:
    """Return the page's title, summary and where its title was written."""
    own = own_words(cycle, key)
    src = Src(cycle.meta.file, cycle.meta.line("pages", key, "title")) if own.title else _title_src(cycle)
    return own.title or title, own.summary or summary, src


def _writer(site: Site) -> Writer:
    return Writer(site.glossary, site.url)


def _title_src(cycle: Cycle) -> Src:
    return Src(cycle.meta.file, cycle.meta.line("title"))


# --- the overview ---------------------------------------------------------------------------

def overview(cycle: Cycle, numbers: Numbers, site: Site):
    """Return the cycle's front page: what the method is, the numbers, and the 8 steps."""
    w, src, meta = _writer(site), _title_src(cycle), cycle.meta.item
    blocks: list = opening(w, cycle, "overview", meta.picture, lambda: [w.row(
        ["People who use services, families and staff work together.",
         "They find out what is working and what is not working.",
         "Then they plan changes together."], src, meta.picture)])
    blocks.append(w.heading("What we found out", src))
    blocks += _numbers_rows(w, cycle, numbers, src)
    blocks.append(w.heading("The 8 steps", src))
    for index, step_id in enumerate(STEP_IDS, 1):
        name, picture, explain = STEP_TEXT[step_id]
        step = cycle.step(step_id)
        step_src = Src(cycle.meta.file, cycle.meta.line("steps", step_id))
        lines: list[Line | str] = [explain[0], STATUS_TEXT[step.status],
                 Line(f"Read about step {index}", step_url(cycle, step_id))]
        blocks.append(w.row(lines, step_src, picture, heading=f"Step {index}: {name}", id=f"step-{step_id}",
                            cls=f"step step-{step.status.replace(' ', '-')}"))
    title, summary, title_src = own_heading(cycle, "overview", meta.title, meta.summary)
    return _finish(w, cycle, cycle.url, title, summary, meta.picture, title_src, blocks)


def _numbers_rows(w: Writer, cycle: Cycle, numbers: Numbers, src: Src) -> list:
    rows = [w.row([Line(f"{plural(numbers.people, 'person', 'people')} told us what they think.",
                        f"{cycle.url}what-people-said/"),
                   f"They told us {plural(numbers.statements, 'thing', 'things')}.",
                   Line(f"We found {plural(len(cycle.themes), 'theme', 'themes')}.", f"{cycle.url}themes/")],
                  src, "people", cls="counts")]
    if cycle.plans:
        lines = [f"We made {plural(len(cycle.plans), 'plan', 'plans')}.",
                 f"{plural(numbers.plans_in('done'), 'plan is', 'plans are')} done."]
        lines += [f"{plural(numbers.plans_in(state), 'plan is', 'plans are')} {state}."
                  for state in ("late", "behind") if numbers.plans_in(state)]
        rows += w.rows(lines, src, "plan", cls="counts")
    if numbers.action_states:
        rows.append(w.row([f"{plural(numbers.actions_in('done'), 'job is', 'jobs are')} done.",
                           f"{plural(numbers.actions_in('to do'), 'job is', 'jobs are')} still to do.",
                           f"{plural(numbers.actions_in('late'), 'job is', 'jobs are')} late."],
                          src, "action", cls="counts"))
    return rows


def _dates(start, end) -> str:
    if start and end:
        return f"It started on {short_date(start)} and finished on {short_date(end)}."
    if start:
        return f"It started on {short_date(start)}."
    return ""


# --- one step -------------------------------------------------------------------------------

def step_page(cycle: Cycle, step_id: str, numbers: Numbers, site: Site):
    """Return a step's page: what happens, where it is, what was done and who took part."""
    w, meta = _writer(site), cycle.meta
    index = STEP_IDS.index(step_id) + 1
    name, picture, explain = STEP_TEXT[step_id]
    step = cycle.step(step_id)
    src = Src(meta.file, meta.line("steps", step_id))
    intro_src = Src(meta.file, meta.line("steps", step_id, "intro")) if step.intro else src
    blocks: list = w.rows(list(step.intro or explain), intro_src, picture)
    status_picture = {"done": "done", "doing": "to-do", "not started": "to-do"}[step.status]
    blocks.append(w.row([STATUS_TEXT[step.status], _dates(step.start, step.end)],
                        Src(meta.file, meta.line("steps", step_id, "status")), status_picture))
    if step.did:
        blocks.append(w.heading("What we did", src))
        blocks += w.rows(list(step.did), Src(meta.file, meta.line("steps", step_id, "did")), "tick")
    took_part = [f"{t.number} {t.who} took part." for t in step.took_part]
    if step_id == "collect" and numbers.statements:
        took_part.append(f"{plural(numbers.people, 'person', 'people')} told us "
                         f"{plural(numbers.statements, 'thing', 'things')}.")
    if took_part:
        blocks.append(w.heading("Who took part", src))
        blocks += w.rows(took_part, Src(meta.file, meta.line("steps", step_id, "took_part")), "people")
    blocks += _step_links(w, cycle, step_id, src)
    summary = f"Step {index} of 8 in {meta.item.title}."
    title_src = Src(meta.file, meta.line("steps", step_id, "title")) if step.title else src
    return _finish(w, cycle, step_url(cycle, step_id), step.title or f"Step {index}: {name}", summary, picture,
                   title_src, blocks)


def _step_links(w: Writer, cycle: Cycle, step_id: str, src: Src) -> list:
    target = {"collect": ("See what people said", "what-people-said/"), "theme": ("See the themes", "themes/"),
              "review": ("Read the report", "report/")}.get(step_id, ("See the themes and plans", "themes/"))
    index = STEP_IDS.index(step_id)
    lines = [Line(target[0], cycle.url + target[1]), Line("See all 8 steps", cycle.url)]
    if index + 1 < len(STEP_IDS):
        lines.append(Line(f"Next: step {index + 2}", step_url(cycle, STEP_IDS[index + 1])))
    return [w.row(lines, src, "document", cls="step-links")]


# --- what people said -----------------------------------------------------------------------

def what_people_said(cycle: Cycle, numbers: Numbers, site: Site):
    """Return the page with the chart, the table of the same numbers and the top themes."""
    w, src = _writer(site), _title_src(cycle)
    blocks: list = opening(w, cycle, "what_people_said", "collect", lambda: [
        w.row([f"We asked {plural(numbers.people, 'person', 'people')} about their life.",
               "We asked what is working and what is not working.",
               "We asked what they want for the future."], src, "collect")])
    blocks.append(w.row([f"They told us {plural(numbers.statements, 'thing', 'things')}."], src, "numbers"))
    blocks.append(w.heading("The numbers for each theme", src))
    sentence = "Each bar shows how many things people said about a theme."
    blocks.append(w.row([sentence], src, "chart" if site.library.get("chart") else "people", cls="chart-sentence"))
    blocks.append(chart_figure(cycle, numbers, site))
    blocks.append(w.heading("The top themes", src))
    for category in CATEGORIES:
        blocks += _top_rows(w, cycle, numbers, category, src)
    title, summary, title_src = own_heading(cycle, "what_people_said", "What people said",
                                            "What is working, what is not working, and what people want.")
    return _finish(w, cycle, f"{cycle.url}what-people-said/", title, summary, "collect", title_src, blocks)


@dataclass(frozen=True)
class CountRow:
    """One theme's row of the counts table: how many statements in each category."""

    id: str
    url: Markup
    title: Markup
    cells: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class Chart:
    """The chart of statements per theme and the table of the same numbers.

    layouts/components/wtfc_chart.html writes the markup (the chart itself with
    components/charts.html); the theme titles are escaped here (html.escape, as
    everywhere on these pages).
    """

    bars: BarChart
    title: str
    caption: str
    heads: tuple[str, ...]
    rows: tuple[CountRow, ...]
    totals: tuple[int, ...]
    total: int
    kind: str = "chart"


def chart_figure(cycle: Cycle, numbers: Numbers, site: Site, caption: str = "The same numbers in a table") -> Chart:
    """Return the figure: the SVG bar chart, and the table of the same numbers beside it."""
    groups = [t.item.title for t in cycle.themes]
    series = [(CATEGORY_TEXT[c], [numbers.count(t.item.id).of(c) for t in cycle.themes]) for c in CATEGORIES]
    rows = []
    for t in cycle.themes:
        count = numbers.count(t.item.id)
        rows.append(CountRow(t.item.id, Markup(escape(site.url(cycle.theme_url(t.item.id)))), Markup(escape(t.item.title)),
                             tuple(count.of(c) for c in CATEGORIES), count.total))
    return Chart(bar_chart(CHART_TITLE, groups, series), CHART_TITLE, caption,
                 tuple(CATEGORY_TEXT[c] for c in CATEGORIES), tuple(rows),
                 tuple(numbers.by_category(c) for c in CATEGORIES), numbers.statements)


def _top_rows(w: Writer, cycle: Cycle, numbers: Numbers, category: str, src: Src) -> list:
    top = numbers.top[category]
    if not top:
        return []
    titles = {t.item.id: t.item.title for t in cycle.themes}
    intro = {"working": "These themes are working for most people.",
             "not working": "These themes are not working for most people.",
             "future": "People want these things most for the future."}[category]
    picture = {"working": "working", "not working": "not-working", "future": "future"}[category]
    lines = [Line(f"{titles[c.theme]}: {plural(c.of(category), 'thing', 'things')}", cycle.theme_url(c.theme))
             for c in top]
    rows = [w.row([intro], src, picture, heading=CATEGORY_TEXT[category], cls=f"top top-{category.replace(' ', '-')}")]
    rows += w.rows(lines, src, picture, cls="top-list")
    return rows


# --- themes ---------------------------------------------------------------------------------

def themes_list(cycle: Cycle, numbers: Numbers, site: Site):
    """Return the list of themes, each with its 'I' statement."""
    w, src = _writer(site), _title_src(cycle)
    blocks: list = opening(w, cycle, "themes", "theme", lambda: [w.row(
        ["We put the things people said into groups.", "We call each group a theme.",
         "Each theme has a sentence that starts with I."], src, "theme")])
    for t in cycle.themes:
        count = numbers.count(t.item.id)
        blocks.append(w.row([Line(t.item.i_statement, cycle.theme_url(t.item.id)),
                             f"People said {plural(count.total, 'thing', 'things')} about this."],
                            Src(t.file, t.line("i_statement")), t.item.picture, heading=t.item.title, id=t.item.id,
                            level=2))  # the page's own sections: h2 under its h1
    title, summary, title_src = own_heading(cycle, "themes", "Themes", "The groups of things people told us.")
    return _finish(w, cycle, f"{cycle.url}themes/", title, summary, "theme", title_src, blocks)


def plan_lines(plan: Plan, status: PlanStatus) -> list[str]:
    """Return the easy-read lines about a plan's owner, date and status (worded by ``plan_status``)."""
    when = f"It should be done by {short_date(plan.by)}."
    return [f"Who: {plan.who}.", when, status.sentence]


__all__ = ["Made", "Related", "chart_figure", "plan_lines", "step_url", "plural",
           "STATE_TEXT", "STATE_PICTURE", "VIEW_TEXT", "ThemeCount"]
