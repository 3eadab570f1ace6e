"""Issue 14 for Working Together for Change: plan steps, one way to word a plan's status,
and generated sentences that read naturally. Tests read the built pages' visible text."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY, read_html
from tests.test_wtfc import PLANS, tiny
from wtfc_site.content.wtfc.data import Plan, PlanStep
from wtfc_site.content.wtfc.status import plan_status
from wtfc_site.errors import Severity

STEPS = """\
  steps:
    - {what: Find 5 volunteers., who: Jo Bloggs, by: 2026-10-01}
    - {what: Train the volunteers., who: Sam Smith, by: 2027-01-15}
    - {what: Make a list of bus times., who: Jo Bloggs, by: 2026-06-01, done: yes, done_on: 2026-05-20}
"""

PERSON = "---\ntitle: Jo Bloggs\nrole: Volunteer\n---\nJo helps.\n"


def text_of(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def build(make_site, build_site, plans: str = PLANS + STEPS, **files):
    site = make_site({**tiny(plans_yaml=plans, **files), "content/people/jo-bloggs.md": PERSON,
                      "content/index.md": "---\ntitle: Home\n---\nWelcome to our site.\n"})
    report = build_site(site)
    assert report.written, [p.message for p in report.problems if p.severity is Severity.ERROR]
    return site / "_site"


def page(out, url: str):
    return read_html(out / url.strip("/") / "index.html")


# --- part 1: plan steps --------------------------------------------------------------------

def test_plan_steps_are_grouped_late_to_do_and_done_on_the_theme_page(make_site, build_site):
    out = build(make_site, build_site)
    main = page(out, "/wtfc/2026/themes/getting-out/").find("main")
    headings = [text_of(h) for h in main.find_all("h3")]
    assert ["Steps that are late", "Steps still to do", "Steps that are done"] == \
        [h for h in headings if h.startswith("Steps")]
    rows = [text_of(r) for r in main.select(".plan-step")]
    assert rows == ["Find 5 volunteers. Jo Bloggs should have done it by 1 October 2026.",
                    "Train the volunteers. Sam Smith will do it by 15 January 2027.",
                    "Make a list of bus times. Jo Bloggs did it on 20 May 2026."]


def test_a_plan_with_a_late_step_is_behind_on_every_page(make_site, build_site):
    out = build(make_site, build_site)
    theme = text_of(page(out, "/wtfc/2026/themes/getting-out/").select_one("main .plan-state"))
    report = text_of(page(out, "/wtfc/2026/report/").select_one("main .plan-state"))
    assert "This plan is behind." in theme
    assert "This plan is behind." in report and "1 step is late." in report
    assert "2 plans are" not in text_of(page(out, "/wtfc/2026/").find("main"))
    assert "1 plan is behind." in text_of(page(out, "/wtfc/2026/").find("main"))
    full = text_of(page(out, "/wtfc/2026/report-full/").find("main"))
    assert "Status: behind." in full


def test_a_doing_plan_is_doing_on_the_theme_page_and_the_report(make_site, build_site):
    # Before: the report said "to do" while the theme page said "We are doing this plan now".
    out = build(make_site, build_site, plans=PLANS)
    theme = text_of(page(out, "/wtfc/2026/themes/getting-out/").select_one("main .plan-state"))
    report = text_of(page(out, "/wtfc/2026/report/").select_one("main .plan-state"))
    assert "We are doing this plan now." in theme
    assert "We are doing this plan now." in report
    assert "to do" not in report.lower()


def test_plan_steps_are_on_the_jobs_page_and_the_persons_page(make_site, build_site):
    out = build(make_site, build_site)
    late = page(out, "/actions/").select_one("#late")
    assert "Find 5 volunteers." in text_of(late)
    assert "It is a step of our plan Travel buddies." in " ".join(late.get_text().split())
    link = [a for a in late.find_all("a") if text_of(a) == "Travel buddies"][0]
    assert link["href"].endswith("/wtfc/2026/themes/getting-out/#plan-travel-buddies")
    done = text_of(page(out, "/actions/").select_one("#done"))
    assert "Make a list of bus times." in done
    person = text_of(page(out, "/people/jo-bloggs/").find("main"))
    assert "Find 5 volunteers." in person and "Make a list of bus times." in person
    assert "Train the volunteers." not in person
    # a meeting's title inside the sentence loses its capital
    assert "Agreed at the board meeting, 21 January 2026." in " ".join(page(out, "/people/jo-bloggs/").get_text().split())


def test_a_plan_can_say_it_is_behind(make_site, build_site):
    out = build(make_site, build_site, plans=PLANS.replace("status: doing", "status: behind"))
    theme = text_of(page(out, "/wtfc/2026/themes/getting-out/").select_one("main .plan-state"))
    assert "This plan is behind." in theme


def _plan(status: str = "doing", by: dt.date = dt.date(2026, 12, 31), steps=()) -> Plan:
    return Plan(id="p", title="P", what="W.", who="X", by=by, status=status, steps=tuple(steps))


@pytest.mark.parametrize(("plan", "state", "sentence"), [
    (_plan("done", by=dt.date(2026, 1, 1)), "done", "This plan is done."),
    (_plan("doing", by=dt.date(2026, 1, 1)), "late", "This plan is late."),
    (_plan("behind"), "behind", "This plan is behind."),
    (_plan("doing", steps=[PlanStep(what="A.", who="Jo", by=dt.date(2026, 1, 1))]), "behind", "This plan is behind."),
    (_plan("doing", steps=[PlanStep(what="A.", who="Jo", by=dt.date(2026, 1, 1), done=True)]), "doing",
     "We are doing this plan now."),
    (_plan("doing"), "doing", "We are doing this plan now."),
    (_plan("not started"), "not started", "We have not started this plan yet."),
])
def test_one_function_decides_a_plans_status(plan, state, sentence):
    status = plan_status(plan, TODAY)
    assert (status.state, status.sentence) == (state, sentence)


# --- part 6 and 7: generated sentences read naturally -------------------------------------

def test_an_indicator_is_not_printed_with_a_capital_mid_sentence(make_site, build_site):
    plans = PLANS.replace("{what: people who go out each week,", "{what: People who go out each week,")
    plans = plans.replace("  agreed_at:", "    - {what: NHS health checks, target: 5}\n  agreed_at:")
    out = build(make_site, build_site, plans=plans)
    text = text_of(page(out, "/wtfc/2026/themes/getting-out/").find("main"))
    assert "We count people who go out each week." in text
    assert "We count NHS health checks." in text
    assert "We count People" not in text


def test_cause_pictures_mean_what_they_show(make_site, build_site):
    causes = ("- {theme: getting-out, text: Buses stop early., important: yes}\n"
              "- {theme: getting-out, text: Fares cost a lot.}\n")
    out = build(make_site, build_site, causes_yaml=causes)
    rows = page(out, "/wtfc/2026/themes/getting-out/").select("main .cause")
    pictures = {text_of(r).split(".")[0]: r.find("img")["src"].rsplit("/", 1)[-1] for r in rows}
    assert pictures == {"Buses stop early": "goal.svg", "Fares cost a lot": "not-working.svg"}
    assert "People agreed this is one of the main reasons." in text_of(rows[0])


# --- part 2: own titles and introductions ---------------------------------------------------

from tests.test_wtfc import CYCLE, THEMES  # noqa: E402

OWN_WORDS = """\
pages:
  overview:
    title: Our big listening project
    intro: [We listened to 30 people this year.]
  what_people_said:
    title: What you told us
    intro: [Here is what you told us.]
  themes:
    summary: The things you talked about most.
    intro: [We found these themes together.]
  report:
    title: Our report for 2026
    intro: [This report is for everyone who took part.]
  report_full:
    title: Working Together for Change in Riverside, 2026
"""


def test_wtfc_pages_take_their_own_titles_and_introductions(make_site, build_site):
    cycle = CYCLE.replace("  understand: {status: done}",
                          "  understand: {status: done, title: Why things go wrong, intro: [We asked why.]}")
    themes = THEMES.replace("  picture: bus\n", "  picture: bus\n  summary: Going out in the evening.\n"
                            "  intro: [Many people talked about buses.]\n", 1)
    out = build(make_site, build_site, plans=PLANS, cycle_yaml=cycle + OWN_WORDS, themes_yaml=themes)
    expect = {
        "/wtfc/2026/": ("Our big listening project", "We listened to 30 people this year."),
        "/wtfc/2026/what-people-said/": ("What you told us", "Here is what you told us."),
        "/wtfc/2026/themes/": ("Themes", "We found these themes together."),
        "/wtfc/2026/report/": ("Our report for 2026", "This report is for everyone who took part."),
        "/wtfc/2026/steps/understand/": ("Why things go wrong", "We asked why."),
        "/wtfc/2026/themes/getting-out/": ("Getting out and about", "Many people talked about buses."),
    }
    for url, (title, intro) in expect.items():
        soup = page(out, url)
        assert text_of(soup.find("h1")) == title, url
        assert intro in text_of(soup.find("main")), url
    assert text_of(page(out, "/wtfc/2026/themes/").select_one("main .summary")) == "The things you talked about most."
    assert text_of(page(out, "/wtfc/2026/themes/getting-out/").select_one("main .summary")) == "Going out in the evening."
    assert text_of(page(out, "/wtfc/2026/report-full/").find("h1")) == "Working Together for Change in Riverside, 2026"
    # the site's own opening is replaced, not added to
    assert "People who use services" not in text_of(page(out, "/wtfc/2026/").find("main"))
    # pages without their own words keep the site's wording
    assert text_of(page(out, "/wtfc/2026/steps/prepare/").find("h1")) == "Step 1: Prepare"


def test_a_plans_meeting_jobs_say_their_state_in_a_sentence(make_site, build_site):
    out = build(make_site, build_site, plans=PLANS)
    rows = [text_of(r) for r in page(out, "/wtfc/2026/themes/getting-out/").select("main .plan-action")]
    assert rows[0].startswith("Job: Ask bus drivers to help.") and "This job is done." in rows[0]
    assert "This job is late." in rows[1] and "This job is still to do." in rows[2]


def test_the_wtfc_front_page_takes_its_own_words(make_site, build_site):
    out = build(make_site, build_site, plans=PLANS)
    assert text_of(page(out, "/wtfc/").find("h1")) == "Working Together for Change"  # the default
    site = make_site({**tiny(), "content/index.md": "---\ntitle: Home\n---\nWelcome to our site.\n",
                      "content/wtfc/pages.yaml": "title: How we plan changes together\n"
                                                 "intro: [We do this every year.]\n"}, name="own")
    report = build_site(site)
    assert report.written, [p.message for p in report.problems if p.severity is Severity.ERROR]
    soup = page(site / "_site", "/wtfc/")
    assert text_of(soup.find("h1")) == "How we plan changes together"
    assert "We do this every year." in text_of(soup.find("main"))
