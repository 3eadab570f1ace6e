"""Working Together for Change: the report (step 8), easy read and full, linked both ways.

The easy-read report is short and links into the thread. The full report is
standard English with every number in tables; with the site's print
stylesheet it prints as a document.
"""

from __future__ import annotations

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
from .pages import _finish, _writer, chart_figure, opening, own_heading, plural
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


def full_report(cycle: Cycle, numbers: Numbers, site: Site) -> DataPage:
    """Return the full (standard English) report as a page whose easy-read version is the report."""
    meta = cycle.meta.item
    parts = [_p(text) for text in meta.report_full_intro]
    parts.append(_section("The eight steps", _steps_table(cycle)))
    parts.append(_section("What people said", _p(
        f"{numbers.people} people took part through their reviews and made {numbers.statements} statements: "
        + ", ".join(f"{numbers.by_category(c)} {c}" for c in CATEGORIES) + ".")
        + str(chart_figure(cycle, numbers, site))))  # str(): adding Markup to a str escapes the str
    for t in cycle.themes:
        parts.append(_theme_section(cycle, t, numbers, site))
    if cycle.review:
        review = cycle.review.item
        body = "".join(_p(x) for x in (review.full_summary or review.summary))
        body += _list("Next steps", review.next_steps)
        parts.append(_section(f"Review ({short_date(review.date)})", body))
    context = {"report_html": Markup("".join(parts)), "pictures": (), "cycle_links": [],
               "cycle_title": meta.title, "blocks": []}
    own = meta.pages.report_full  # its opening paragraphs are report_full_intro
    return DataPage(url=f"{cycle.url}report-full/", title=own.title or f"{meta.title}: full report",
                    layout="wtfc_report_full.html", summary=own.summary or meta.summary, picture="review",
                    context=context, easy_read=False,
                    counterpart_url=f"{cycle.url}report/")


def _steps_table(cycle: Cycle) -> str:
    rows = []
    for index, step_id in enumerate(STEP_IDS, 1):
        step = cycle.step(step_id)
        when = " to ".join(short_date(d) for d in (step.start, step.end) if d)
        who = "; ".join(f"{t.number} {t.who}" for t in step.took_part)
        rows.append(f"<tr><td>{index}. {escape(STEP_TEXT[step_id][0])}</td><td>{escape(step.status)}</td>"
                    f"<td>{escape(when)}</td><td>{escape(who)}</td></tr>")
    # A wide table scrolls in its own box (focusable, so keyboard users can scroll it), never the page.
    return ('<div class="table-scroll" tabindex="0" role="region" aria-label="Where each step is">'
            '<table class="wtfc-steps"><caption>Where each step is</caption><thead><tr><th scope="col">Step</th>'
            '<th scope="col">Status</th><th scope="col">When</th><th scope="col">Who took part</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _theme_section(cycle: Cycle, located, numbers: Numbers, site: Site) -> str:
    theme = located.item
    count = numbers.count(theme.id)
    body = _p(f"“{theme.i_statement}” Statements: {count.working} working, {count.not_working} not working, "
              f"{count.future} future.")
    causes = [c.item for c in cycle.causes if c.item.theme == theme.id]
    body += _list("Deep causes (agreed most important first)",
                  [c.text + (" (agreed most important)" if c.important else "")
                   for c in sorted(causes, key=lambda c: not c.important)])
    body += _list("What success looks like", [f"{VIEW_FULL[s.item.view]}: {s.item.text}"
                                              for s in cycle.success if s.item.theme == theme.id])
    body += _list("Ideas considered", [i.item.text + (" (became an action plan)" if i.item.plan else "")
                                       for i in cycle.ideas if i.item.theme == theme.id])
    for p in [p for p in cycle.plans if p.item.theme == theme.id]:
        body += _plan_section(cycle, p.item, numbers, site)
    notes = [n.text for n in (cycle.review.item.notes if cycle.review else ()) if n.theme == theme.id]
    body += _list("Review", notes)
    link = f'<p><a href="{escape(site.url(cycle.theme_url(theme.id)))}">Easy read page for this theme</a></p>'
    return _section(theme.title, body + link, f"theme-{theme.id}")


def _plan_section(cycle: Cycle, plan, numbers: Numbers, site: Site) -> str:
    status = plan_status(plan, site.today)
    meeting = site.by_id.get(plan.agreed_at.split("#")[0].strip("/")) if plan.agreed_at else None
    agreed = (f' Agreed at the <a href="{escape(site.url(meeting.url))}">{escape(meeting.title)}</a>.'
              if meeting else "")
    body = (f"<p>{escape(plan.what)} Lead: {escape(plan.who)}. Due: {short_date(plan.by)}. "
            f"Status: {escape(status.label.lower())}.{agreed}</p>")
    if plan.baseline:
        body += _p(f"Baseline: {plan.baseline}")
    if plan.indicators:
        rows = "".join(f"<tr><td>{escape(i.what)}</td><td>{'' if i.baseline is None else i.baseline}</td>"
                       f"<td>{i.target}</td><td>{'' if i.latest is None else i.latest}</td>"
                       f"<td>{short_date(i.measured) if i.measured else ''}</td></tr>" for i in plan.indicators)
        body += ('<div class="table-scroll" tabindex="0" role="region" aria-label="Indicators">'
                 '<table class="wtfc-indicators"><caption>Indicators</caption><thead><tr><th scope="col">Indicator</th>'
                 '<th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Latest</th>'
                 f'<th scope="col">Measured</th></tr></thead><tbody>{rows}</tbody></table></div>')
    by_ref = {a.ref: a for a in site.actions}
    actions = [by_ref[r] for r in plan.actions if r in by_ref]
    if actions:
        items = "".join(f'<li><a href="{escape(site.url(a.page_url))}#{escape(a.id)}">{escape(a.what)}</a> '
                        f"({escape(STATE_TEXT[a.state(site.today)].lower())}, due {short_date(a.by)})</li>"
                        for a in actions)
        body += f"<p>Actions:</p><ul>{items}</ul>"
    body += _list("Progress", plan.progress)
    body += _list("Steps", [f"{s.what} Lead: {s.who}. Due: {short_date(s.by)}. "
                            f"Status: {step_state(s, site.today)}." for s in plan.steps])
    return f'<section class="wtfc-plan" id="plan-{escape(plan.id)}"><h3>Action plan: {escape(plan.title)}</h3>{body}</section>'


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _list(title: str, items) -> str:
    items = list(items)
    if not items:
        return ""
    return f"<h3>{escape(title)}</h3><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _section(title: str, body: str, ident: str = "") -> str:
    attr = f' id="{escape(ident)}"' if ident else ""
    return f"<section{attr}><h2>{escape(title)}</h2>{body}</section>"


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
