"""Working Together for Change: the report (step 8), easy read and full, linked both ways.

The easy-read report is short and links into the thread. The full report is
standard English with every number in tables; with the site's print
stylesheet it prints as a document.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from ...datasets import DataPage
from ...dates import short_date
from ...points import NONE, PageText, Point
from ...site import Site
from ...words import in_sentence
from .data import CATEGORIES, STEP_IDS, Cycle, Located
from .numbers import Numbers
from .pages import Chart, _finish, _writer, chart_figure, opening, own_heading, plural
from .status import plan_status, step_state, steps_sentence
from .text import STATE_TEXT, STEP_TEXT, VIEW_FULL, Line, Src, Writer


def easy_report_blocks(w: Writer, cycle: Cycle, numbers: Numbers, site: Site) -> list:
    """Return the rows of the easy-read report."""
    src = Src(cycle.meta.file, cycle.meta.line("title"))
    blocks: list = opening(w, cycle, "report", "review", lambda: [w.row(
        [f"This is our report about {cycle.meta.item.title}.",
         "It says what people told us, what we did and what changed."], src, "review")])
    blocks.append(w.heading("What people told us", src))
    blocks.append(w.row([f"{plural(numbers.people, 'person', 'people')} told us "
                         f"{plural(numbers.statements, 'thing', 'things')}.",
                         Line("See what people said", f"{cycle.url}what-people-said/")], src, "collect"))
    titles = {t.item.id: t.item.title for t in cycle.themes}
    names = tuple(site.config.checker.names)

    def about(theme_id: str) -> str:  # a theme's name inside a sentence: 'about getting out and about'
        return in_sentence(titles[theme_id], names)
    tops = {c: numbers.top[c][0] for c in CATEGORIES if numbers.top[c]}
    lines = []
    if "working" in tops:
        lines.append(Line(f"Most things that work are about {about(tops['working'].theme)}",
                          cycle.theme_url(tops["working"].theme)))
    if "not working" in tops:
        lines.append(Line(f"Most things that do not work are about {about(tops['not working'].theme)}",
                          cycle.theme_url(tops["not working"].theme)))
    if "future" in tops:
        lines.append(Line(f"Most wishes for the future are about {about(tops['future'].theme)}",
                          cycle.theme_url(tops["future"].theme)))
    if lines:
        blocks.append(w.row(lines, src, "theme"))
    blocks += _plan_rows(w, cycle, site)
    if cycle.review:
        review = cycle.review
        blocks.append(w.heading("What we found when we checked", Src(review.file, review.line("summary"))))
        blocks += w.rows(list(review.item.summary), Src(review.file, review.line("summary")), "review")
        if review.item.next_steps:
            blocks.append(w.heading("What happens next", Src(review.file, review.line("next_steps"))))
            blocks += w.rows(list(review.item.next_steps), Src(review.file, review.line("next_steps")), "calendar")
    blocks.append(w.row(["You can print this report.", Line("Read the full report", f"{cycle.url}report-full/")],
                        src, "print"))
    return blocks


def _plan_rows(w: Writer, cycle: Cycle, site: Site) -> list:
    if not cycle.plans:
        return []
    first = cycle.plans[0]
    blocks: list = [w.heading("What we did", Src(first.file, first.line()))]
    for p in cycle.plans:
        status = plan_status(p.item, site.today)  # the same words as on the plan's theme page
        lines: list[Line | str] = [Line(p.item.title, f"{cycle.theme_url(p.item.theme)}#plan-{p.item.id}"),
                                   status.sentence,
                 steps_sentence(p.item, site.today)]
        blocks.append(w.row(lines, Src(p.file, p.line("title")), status.picture,
                            cls=f"plan-state state-{status.state.replace(' ', '-')}"))
    return blocks


@dataclass(frozen=True)
class ReportTable:
    """A table of the full report: its name (caption and label), class, column heads and cells."""

    name: str
    cls: str
    heads: tuple[str, ...]
    rows: tuple[tuple[Markup, ...], ...]


@dataclass(frozen=True)
class ReportAction:
    """One action of a plan, linked to the meeting that agreed it."""

    url: Markup
    what: Markup
    state: Markup
    due: str


@dataclass(frozen=True)
class ReportPlan:
    """One action plan in the full report."""

    id: str
    title: Markup
    what: Markup
    who: Markup
    due: str
    status: Markup
    meeting_url: Markup
    meeting_title: Markup
    baseline: Markup
    indicators: ReportTable | None
    actions: tuple[ReportAction, ...]
    progress: tuple[Markup, ...]
    steps: tuple[Markup, ...]


@dataclass(frozen=True)
class ReportTheme:
    """One theme's section of the full report."""

    id: str
    title: Markup
    summary: Markup
    causes: tuple[Markup, ...]
    success: tuple[Markup, ...]
    ideas: tuple[Markup, ...]
    plans: tuple[ReportPlan, ...]
    review: tuple[Markup, ...]
    url: Markup


@dataclass(frozen=True)
class FullReport:
    """What the full report says; layouts/components/wtfc_report_full.html writes the markup.

    Words from the data are escaped here (html.escape, as the Markdown pages
    escape), so a site's own component gets them ready to show.
    """

    intro: tuple[Markup, ...]
    steps: ReportTable
    said: Markup
    chart: Chart
    themes: tuple[ReportTheme, ...]
    review_title: str
    review: tuple[Markup, ...]
    next_steps: tuple[Markup, ...]


def _e(text: object) -> Markup:
    """Return text escaped for HTML."""
    return Markup(escape(str(text)))


def _all(texts) -> tuple[Markup, ...]:
    return tuple(_e(text) for text in texts)


def full_report(cycle: Cycle, numbers: Numbers, site: Site) -> DataPage:
    """Return the full (standard English) report as a page whose easy-read version is the report."""
    meta = cycle.meta.item
    said = (f"{numbers.people} people took part through their reviews and made {numbers.statements} statements: "
            + ", ".join(f"{numbers.by_category(c)} {c}" for c in CATEGORIES) + ".")
    review = cycle.review.item if cycle.review else None
    report = FullReport(
        intro=_all(meta.report_full_intro), steps=_steps_table(cycle), said=_e(said),
        chart=chart_figure(cycle, numbers, site),
        themes=tuple(_theme_section(cycle, t, numbers, site) for t in cycle.themes),
        review_title=f"Review ({short_date(review.date)})" if review else "",
        review=_all(review.full_summary or review.summary) if review else (),
        next_steps=_all(review.next_steps) if review else ())
    context = {"report": report, "pictures": (), "cycle_links": [], "cycle_title": meta.title, "blocks": []}
    own = meta.pages.report_full  # its opening paragraphs are report_full_intro
    return DataPage(url=f"{cycle.url}report-full/", title=own.title or f"{meta.title}: full report",
                    layout="wtfc_report_full.html", summary=own.summary or meta.summary, picture="review",
                    context=context, easy_read=False,
                    counterpart_url=f"{cycle.url}report/")


def _steps_table(cycle: Cycle) -> ReportTable:
    rows = []
    for index, step_id in enumerate(STEP_IDS, 1):
        step = cycle.step(step_id)
        when = " to ".join(short_date(d) for d in (step.start, step.end) if d)
        who = "; ".join(f"{t.number} {t.who}" for t in step.took_part)
        rows.append(_all((f"{index}. {STEP_TEXT[step_id][0]}", step.status, when, who)))
    return ReportTable("Where each step is", "wtfc-steps", ("Step", "Status", "When", "Who took part"), tuple(rows))


def _theme_section(cycle: Cycle, located, numbers: Numbers, site: Site) -> ReportTheme:
    theme = located.item
    count = numbers.count(theme.id)
    causes = sorted((c.item for c in cycle.causes if c.item.theme == theme.id), key=lambda c: not c.important)
    return ReportTheme(
        id=theme.id, title=_e(theme.title),
        summary=_e(f"“{theme.i_statement}” Statements: {count.working} working, {count.not_working} not working, "
                   f"{count.future} future."),
        causes=_all(c.text + (" (agreed most important)" if c.important else "") for c in causes),
        success=_all(f"{VIEW_FULL[s.item.view]}: {s.item.text}" for s in cycle.success if s.item.theme == theme.id),
        ideas=_all(i.item.text + (" (became an action plan)" if i.item.plan else "")
                   for i in cycle.ideas if i.item.theme == theme.id),
        plans=tuple(_plan_section(p.item, site) for p in cycle.plans if p.item.theme == theme.id),
        review=_all(n.text for n in (cycle.review.item.notes if cycle.review else ()) if n.theme == theme.id),
        url=_e(site.url(cycle.theme_url(theme.id))))


def _plan_section(plan, site: Site) -> ReportPlan:
    meeting = site.by_id.get(plan.agreed_at.split("#")[0].strip("/")) if plan.agreed_at else None
    indicators = ReportTable(
        "Indicators", "wtfc-indicators", ("Indicator", "Baseline", "Target", "Latest", "Measured"),
        tuple(_all((i.what, "" if i.baseline is None else i.baseline, i.target, "" if i.latest is None else i.latest,
                    short_date(i.measured) if i.measured else "")) for i in plan.indicators))
    by_ref = {a.ref: a for a in site.actions}
    actions = tuple(ReportAction(Markup(f"{escape(site.url(a.page_url))}#{escape(a.id)}"), _e(a.what),
                                 _e(STATE_TEXT[a.state(site.today)].lower()), short_date(a.by))
                    for a in (by_ref[r] for r in plan.actions if r in by_ref))
    return ReportPlan(
        id=plan.id, title=_e(plan.title), what=_e(plan.what), who=_e(plan.who), due=short_date(plan.by),
        status=_e(plan_status(plan, site.today).label.lower()),
        meeting_url=_e(site.url(meeting.url)) if meeting else Markup(""),
        meeting_title=_e(meeting.title) if meeting else Markup(""),
        baseline=_e(plan.baseline) if plan.baseline else Markup(""),
        indicators=indicators if plan.indicators else None, actions=actions, progress=_all(plan.progress),
        steps=_all(f"{s.what} Lead: {s.who}. Due: {short_date(s.by)}. Status: {step_state(s, site.today)}."
                   for s in plan.steps))


def full_report_texts(cycle: Cycle, url: str) -> tuple[PageText, ...]:
    """Return the full report's own words for the checker's plain-English (standard) rules.

    The rest of the full report repeats words already checked on the easy-read pages.
    """
    meta, review = cycle.meta, cycle.review
    located: list[tuple[Located[Any], str, tuple[str, ...]]] = [(meta, "report_full_intro", meta.item.report_full_intro)]
    if review is not None:
        located.append((review, "full_summary", review.item.full_summary))
    texts = []
    for item, key, paragraphs in located:
        points = tuple(Point(line=item.line(key, i), text=" ".join(text.split()), kind="paragraph",
                             line_starts=((0, item.line(key, i)),), picture=NONE)
                       for i, text in enumerate(paragraphs))
        if points:
            texts.append(PageText(file=item.file, url=url, title=meta.item.title, title_line=0,
                                  content_type="wtfc", easy_read=False, points=points))
    return tuple(texts)


def report_page(cycle: Cycle, numbers: Numbers, site: Site):
    """Return the easy-read report (step 8); its full version is ``full_report``."""
    w = _writer(site)
    blocks = easy_report_blocks(w, cycle, numbers, site)
    title, summary, title_src = own_heading(cycle, "report", f"Our report: {cycle.meta.item.title}",
                                            "What people told us, what we did and what changed.")
    return _finish(w, cycle, f"{cycle.url}report/", title, summary, "review", title_src, blocks,
                   counterpart=f"{cycle.url}report-full/")
