"""Working Together for Change: one theme's page, the golden thread for that theme.

From what people said (counts and agreed quotes), through the deep causes,
what success looks like and the ideas, to the action plans (with their
indicators, meetings and actions) and the review, and out to the site's
pages that name the theme.
"""

from __future__ import annotations

from ...dates import short_date
from ...site import Site
from ...words import in_sentence
from .data import CATEGORIES, VIEWS, Cycle, Located, Plan, Theme
from .numbers import Numbers
from .pages import Related, _finish, _writer, plan_lines, plural
from .status import plan_status, step_state
from .text import CATEGORY_TEXT, STATE_PICTURE, VIEW_TEXT, Line, Src, Writer

CATEGORY_PICTURE = {"working": "working", "not working": "not-working", "future": "future"}
CAUSE_PICTURE = {True: "goal", False: "not-working"}
"""A main reason (agreed most important to change) and any other reason things are not working."""
VIEW_PICTURE = {"person": "person", "family": "family", "staff": "support-worker", "commissioner": "council"}


def theme_blocks(w: Writer, cycle: Cycle, located: Located[Theme], numbers: Numbers, site: Site,
                 related: list[Related]) -> list:
    """Return the rows of a theme page, in the order of the method."""
    theme = located.item
    src = Src(located.file, located.line("i_statement"))
    blocks: list = w.rows(list(theme.intro), Src(located.file, located.line("intro")), theme.picture,
                          cls="intro") if theme.intro else []
    blocks.append(w.row([theme.i_statement], src, theme.picture, cls="i-statement"))
    blocks += _said(w, cycle, located, numbers)
    blocks += _causes(w, cycle, theme.id)
    blocks += _success(w, cycle, theme.id)
    blocks += _ideas(w, cycle, theme.id)
    for plan in [p for p in cycle.plans if p.item.theme == theme.id]:
        blocks += plan_blocks(w, cycle, plan, numbers, site)
    blocks += _review(w, cycle, theme.id)
    blocks += _related(w, related, src)
    return blocks


def _said(w: Writer, cycle: Cycle, located: Located[Theme], numbers: Numbers) -> list:
    count = numbers.count(located.item.id)
    src = Src(located.file, located.line("id"))
    blocks: list = [w.heading("What people said", src, id="said")]
    blocks.append(w.row([f"{plural(count.working, 'thing is', 'things are')} working.",
                         f"{plural(count.not_working, 'thing is', 'things are')} not working.",
                         f"{plural(count.future, 'thing is', 'things are')} wishes for the future."],
                        src, "numbers", cls="counts"))
    blocks.append(w.row([Line("See the numbers for every theme", f"{cycle.url}what-people-said/#count-{located.item.id}")],
                        src, "chart"))
    # Only words people agreed to share are shown; the others are counted above and never shown.
    quotes = [s for s in cycle.statements if s.theme == located.item.id and s.quote and s.words]
    if quotes:
        blocks.append(w.row(["We show people's own words only when they said yes."], src, "quote"))
        for category in CATEGORIES:
            mine = [(s.words, _statement_src(s)) for s in quotes if s.category == category]
            if mine:
                blocks.append(w.quotes(mine, CATEGORY_PICTURE[category], CATEGORY_TEXT[category],
                                       cls=f"quotes quotes-{_cls(category)}"))
    return blocks


def _statement_src(statement) -> Src:
    return Src(statement.file, statement.line)


def _cls(text: str) -> str:
    return text.replace(" ", "-")


def _causes(w: Writer, cycle: Cycle, theme: str) -> list:
    causes = [c for c in cycle.causes if c.item.theme == theme]
    if not causes:
        return []
    blocks: list = [w.heading("Why things are not working", Src(causes[0].file, causes[0].line()), id="causes")]
    # The pictures say what they show: a target for a main reason (what we aim to change),
    # thumbs down for any other reason things are not working. Never a star ('best') or a question mark.
    for c in sorted(causes, key=lambda c: not c.item.important):
        lines = [c.item.text] + (["People agreed this is one of the main reasons."] if c.item.important else [])
        blocks.append(w.row(lines, Src(c.file, c.line("text")), CAUSE_PICTURE[c.item.important],
                            cls="cause important" if c.item.important else "cause"))
    return blocks


def _success(w: Writer, cycle: Cycle, theme: str) -> list:
    items = sorted((s for s in cycle.success if s.item.theme == theme), key=lambda s: VIEWS.index(s.item.view))
    if not items:
        return []
    blocks: list = [w.heading("What good would look like", Src(items[0].file, items[0].line()), id="success")]
    for s in items:
        blocks.append(w.row([s.item.text], Src(s.file, s.line("text")), VIEW_PICTURE[s.item.view],
                            heading=VIEW_TEXT[s.item.view], level=3, cls=f"success view-{s.item.view}"))
    return blocks


def _ideas(w: Writer, cycle: Cycle, theme: str) -> list:
    ideas = [i for i in cycle.ideas if i.item.theme == theme]
    if not ideas:
        return []
    blocks: list = [w.heading("Ideas we talked about", Src(ideas[0].file, ideas[0].line()), id="ideas")]
    for i in ideas:
        lines: list = [i.item.text]
        if i.item.plan:
            lines.append(Line("This idea became a plan", f"{cycle.theme_url(theme)}#plan-{i.item.plan}"))
        blocks.append(w.row(lines, Src(i.file, i.line("text")), "idea", cls="idea"))
    return blocks


def plan_blocks(w: Writer, cycle: Cycle, located: Located[Plan], numbers: Numbers, site: Site) -> list:
    """Return a plan's rows: what, who, when, state, where we started, numbers, meetings and jobs."""
    plan, file = located.item, located.file
    status = plan_status(plan, site.today)
    blocks: list = [w.heading(f"Our plan: {plan.title}", Src(file, located.line("title")), id=f"plan-{plan.id}")]
    if plan.intro:
        blocks += w.rows(list(plan.intro), Src(file, located.line("intro")), "plan", cls="plan-intro")
    blocks.append(w.row([plan.what], Src(file, located.line("what")), "plan", cls="plan-what"))
    blocks.append(w.row(plan_lines(plan, status), Src(file, located.line("by")), status.picture,
                        cls=f"plan-state state-{_cls(status.state)}"))
    if plan.baseline:
        blocks.append(w.row([f"Where we started: {plan.baseline}"], Src(file, located.line("baseline")), "goal"))
    names = tuple(site.config.checker.names)
    for index, ind in enumerate(plan.indicators):
        blocks.append(w.row(_indicator_lines(ind, names), Src(file, located.line("indicators", index)), "numbers",
                            cls="indicator"))
    if plan.progress:
        blocks += w.rows(list(plan.progress), Src(file, located.line("progress")), "doing-well", cls="progress")
    blocks += _plan_steps(w, located, site.today)
    blocks += _meetings(w, plan, located, site)
    return blocks


JOB_SENTENCE = {"done": "This job is done.", "late": "This job is late.", "to do": "This job is still to do."}
"""A meeting job's state as a sentence, beside its picture."""
STEP_GROUPS = (("late", "Steps that are late"), ("to do", "Steps still to do"), ("done", "Steps that are done"))


def _plan_steps(w: Writer, located: Located[Plan], today) -> list:
    """Return the plan's own steps, grouped late, to do and done (judged against --today)."""
    steps = list(enumerate(located.item.steps))
    if not steps:
        return []
    blocks: list = []
    for state, heading in STEP_GROUPS:
        mine = [(i, s) for i, s in steps if step_state(s, today) == state]
        if not mine:
            continue
        blocks.append(w.heading(heading, Src(located.file, located.line("steps")), level=3,
                                id=f"plan-{located.item.id}-{_cls(state)}"))
        for index, step in sorted(mine, key=lambda pair: pair[1].by):
            blocks.append(w.row([step.what, _step_line(step, state)], Src(located.file, located.line("steps", index)),
                                STATE_PICTURE[state], cls=f"plan-step state-{_cls(state)}"))
    return blocks


def _step_line(step, state: str) -> str:
    if state == "done":
        return f"{step.who} did it on {short_date(step.done_on)}." if step.done_on else f"{step.who} did it."
    if state == "late":
        return f"{step.who} should have done it by {short_date(step.by)}."
    return f"{step.who} will do it by {short_date(step.by)}."


def _indicator_lines(ind, names: tuple[str, ...]) -> list[str]:
    lines = [f"We count {in_sentence(ind.what, names)}."]
    if ind.baseline is not None:
        lines.append(f"We started at {ind.baseline} and want to get to {ind.target}.")
    else:
        lines.append(f"We want to get to {ind.target}.")
    if ind.latest is not None:
        lines.append(f"On {short_date(ind.measured)} it was {ind.latest}." if ind.measured else f"Now it is {ind.latest}.")
    return lines


def _meetings(w: Writer, plan: Plan, located: Located[Plan], site: Site) -> list:
    blocks = []
    meeting = site.by_id.get(plan.agreed_at.split("#")[0].strip("/"))
    if meeting is not None:
        names = tuple(site.config.checker.names)
        blocks.append(w.row([Line(f"We agreed this plan at the {in_sentence(meeting.title, names)}", meeting.url)],
                            Src(located.file, located.line("agreed_at")), "meeting", cls="agreed-at"))
    by_ref = {a.ref: a for a in site.actions}
    for index, ref in enumerate(plan.actions):
        action = by_ref.get(ref)
        if action is None:
            continue
        state = action.state(site.today)
        blocks.append(w.row([f"Job: {action.what}", JOB_SENTENCE[state],
                             Line("See the meeting notes", f"{action.page_url}#{action.id}")],
                            Src(located.file, located.line("actions", index)), STATE_PICTURE[state],
                            cls=f"plan-action state-{_cls(state)}"))
    return blocks


def _review(w: Writer, cycle: Cycle, theme: str) -> list:
    if cycle.review is None:
        return []
    review = cycle.review
    notes = [(i, n) for i, n in enumerate(review.item.notes) if n.theme == theme]
    if not notes:
        return []
    blocks: list = [w.heading("What we found when we checked", Src(review.file, review.line("notes")), id="review")]
    blocks += [w.row([n.text], Src(review.file, review.line("notes", i, "text")), "review", cls="review-note")
               for i, n in notes]
    return blocks


def _related(w: Writer, related: list[Related], src: Src) -> list:
    if not related:
        return []
    blocks: list = [w.heading("More about this theme", src, id="related")]
    blocks += w.rows([Line(r.title, r.url) for r in related], src, "news", cls="related")
    return blocks


def theme_page(cycle: Cycle, located: Located[Theme], numbers: Numbers, site: Site, related: list[Related]):
    """Return one theme's page: the whole golden thread for that theme."""
    w = _writer(site)
    theme = located.item
    src = Src(located.file, located.line("title"))
    blocks = theme_blocks(w, cycle, located, numbers, site, related)
    summary = theme.summary or f"A theme of {cycle.meta.item.title}."
    return _finish(w, cycle, cycle.theme_url(theme.id), theme.title, summary, theme.picture, src, blocks,
                   theme_id=theme.id)
