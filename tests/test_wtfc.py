"""Working Together for Change: numbers, privacy, the thread both ways, and integrity checks.

Most tests build a tiny cycle in tmp_path (``TINY``) and read the written
pages with a real HTML parser; a few check the repository's example cycle.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, broken_internal_links
from wtfc_site.errors import Severity
from wtfc_site.pipeline import Options, load_site

SECRET = "Nobody must ever read this secret sentence about Zebedee"
"""The words of a statement NOT agreed for quoting: they must never be written anywhere."""

MINUTES = """\
---
title: Board meeting, 21 January 2026
meeting_date: 2026-01-21
group: Partnership board
chairs: [Jo Bloggs]
actions:
  - {id: a1, what: Ask bus drivers to help., who: Jo Bloggs, by: 2026-03-01, status: done}
  - {id: a2, what: Find 5 travel buddies., who: Jo Bloggs, by: 2026-06-01, status: to do}
  - {id: a3, what: Count who goes out., who: Jo Bloggs, by: 2027-06-01, status: to do}
---
[picture: meeting]
We met.
"""

CYCLE = """\
title: Working Together for Change 2026
summary: What we found out and what we are changing.
steps:
  prepare: {status: done, start: 2026-01-05, end: 2026-01-30, took_part: [{who: self-advocates, number: 6}]}
  collect: {status: done, did: [We asked people about their life.]}
  theme: {status: done}
  understand: {status: done}
  identify_success: {status: done}
  plan: {status: done}
  implement: {status: doing}
"""

THEMES = """\
- id: getting-out
  title: Getting out and about
  i_statement: I can go out when I want to.
  picture: bus
- id: money
  title: Money
  i_statement: I know how to use my money.
  picture: money
"""

STATEMENTS = f"""\
review,category,theme,quote,words
R01,working,getting-out,yes,I like the bus to town.
R01,not working,getting-out,no,{SECRET}
R01,future,money,yes,I want to save for a holiday.
R02,not working,getting-out,yes,The last bus is too early.
R02,working,money,yes,I have my own bank card.
R03,not working,money,yes,Bus fares cost too much.
R03,not working,getting-out,yes,The bus stop is too far.
"""

PLANS = """\
- id: travel-buddies
  theme: getting-out
  title: Travel buddies
  what: Volunteers go with people on the bus.
  who: Speak Up Testshire
  by: 2026-12-31
  status: doing
  baseline: 6 people went out each week.
  indicators:
    - {what: people who go out each week, baseline: 6, target: 15, latest: 9}
  agreed_at: minutes/2026-01-21-board
  actions: [minutes/2026-01-21-board#a1, minutes/2026-01-21-board#a2, minutes/2026-01-21-board#a3]
"""

UPDATE = """\
---
title: Our travel buddies started
date: 2026-05-01
themes: [wtfc/2026#getting-out]
---
[picture: bus]
Our travel buddies started.
"""


def tiny(**changes: str) -> dict[str, str]:
    """Return the files of a tiny site with one cycle; keyword names replace files (cycle, themes, ...)."""
    files = {
        "content/minutes/2026-01-21-board.md": MINUTES,
        "content/updates/buddies.md": UPDATE,
        "content/wtfc/2026/cycle.yaml": CYCLE,
        "content/wtfc/2026/themes.yaml": THEMES,
        "content/wtfc/2026/statements.csv": STATEMENTS,
        "content/wtfc/2026/plans.yaml": PLANS,
        "content/wtfc/2026/causes.yaml": "- {theme: getting-out, text: Buses stop early., important: yes}\n",
        "content/wtfc/2026/success.yaml": "- {theme: getting-out, view: person, text: I go out at night.}\n",
        "content/wtfc/2026/ideas.yaml": "- {theme: getting-out, text: Find travel buddies., plan: travel-buddies}\n",
    }
    for name, text in changes.items():
        files["content/wtfc/2026/" + name.replace("_", ".")] = text
    return files


def problems_of(site_dir: Path, today: dt.date = TODAY):
    """Return every problem loading the site finds (no checker, no writing)."""
    return load_site(Options(site_dir=site_dir, today=today)).problems


def wtfc_data(site_dir: Path):
    loaded = load_site(Options(site_dir=site_dir, today=TODAY))
    return loaded.site.datasets["wtfc"].data[0]


def rules(problems) -> list[tuple[str, int | None, str]]:
    return [(p.file.as_posix() if p.file else "", p.line, p.rule) for p in problems if p.rule.startswith(("WTFC", "PRIV", "LINK"))]


@pytest.fixture
def built(make_site, build_site):
    site = make_site(tiny())
    report = build_site(site)
    assert report.written, [str(p.message) for p in report.problems if p.severity is Severity.ERROR]
    return site / "_site"


# --- numbers ------------------------------------------------------------------------------

def test_counts_equal_the_statements(make_site) -> None:
    data = wtfc_data(make_site(tiny()))
    out = data.numbers.count("getting-out")
    assert (out.working, out.not_working, out.future) == (1, 3, 0)
    money = data.numbers.count("money")
    assert (money.working, money.not_working, money.future) == (1, 1, 1)
    assert data.numbers.statements == 7
    assert data.numbers.people == 3
    assert [c.theme for c in data.numbers.top["not working"]] == ["getting-out", "money"]


def test_actions_are_done_to_do_or_late_against_today(make_site) -> None:
    data = wtfc_data(make_site(tiny()))
    assert data.numbers.action_states == {"minutes/2026-01-21-board#a1": "done",
                                          "minutes/2026-01-21-board#a2": "late",
                                          "minutes/2026-01-21-board#a3": "to do"}
    assert data.numbers.plan_states == {"travel-buddies": "doing"}  # status doing, date not yet gone


def test_the_example_cycle_is_large_enough_and_clean() -> None:
    loaded = load_site(Options(site_dir=REPO, today=TODAY))
    data = loaded.site.datasets["wtfc"].data[0]
    cycle, numbers = data.cycle, data.numbers
    assert numbers.statements == len(cycle.statements) >= 60
    assert numbers.people >= 25
    assert 6 <= len(cycle.themes) <= 8
    assert len({s.item.view for s in cycle.success}) >= 3
    assert len(cycle.plans) >= 4 and all(p.item.indicators and p.item.agreed_at for p in cycle.plans)
    assert any(not s.quote for s in cycle.statements)
    assert rules(p for p in loaded.problems if "wtfc" in str(p.file)) == []


# --- the chart and the table --------------------------------------------------------------

def test_chart_numbers_equal_table_numbers(built, parse_html) -> None:
    soup = parse_html(built / "wtfc/2026/what-people-said/index.html")
    figure = soup.find("figure", class_="wtfc-chart")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    for ident in svg["aria-labelledby"].split():
        assert figure.find(id=ident) is not None
    bars = [int(g.find("text").get_text()) for g in svg.find_all("g", class_="bar")]
    table = figure.find("table")
    cells = [[int(td.get_text()) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    from_table = [n for row in cells[:-1] for n in row[:3]]
    assert bars == from_table == [1, 3, 0, 1, 1, 1]
    assert cells[-1] == [2, 4, 1, 7]
    assert figure.find("figcaption").get_text(strip=True)


# --- privacy ------------------------------------------------------------------------------

def test_a_statement_not_agreed_for_quoting_is_never_written(built) -> None:
    written = [p for p in built.rglob("*") if p.is_file()]
    assert written
    for path in written:
        data = path.read_bytes()
        assert b"Zebedee" not in data, path
        assert b"R01" not in data and b"R02" not in data, f"a review code was published in {path}"


def test_agreed_quotes_are_shown_on_their_theme_page(built, parse_html) -> None:
    soup = parse_html(built / "wtfc/2026/themes/getting-out/index.html")
    quotes = [q.get_text(strip=True) for q in soup.select("blockquote")]
    assert "I like the bus to town." in quotes and "The last bus is too early." in quotes


@pytest.mark.parametrize("words, rule", [
    ("Ring me on 07700 900123", "PRIV-PHONE"),
    ("my email is jo@example.com", "PRIV-EMAIL"),
    ("I live at RV1 1AA", "PRIV-POSTCODE"),
    ("NHS 943 476 5919", "PRIV-NHS-NUMBER"),
    ("I was born on 3 April 1990", "PRIV-DOB"),
])
def test_personal_data_in_a_statement_is_an_error_with_file_and_line(make_site, words, rule) -> None:
    site = make_site(tiny(statements_csv=STATEMENTS + f"R04,future,money,no,{words}\n"))
    assert ("content/wtfc/2026/statements.csv", 9, rule) in rules(problems_of(site))


def test_personal_data_in_any_cycle_text_is_an_error(make_site) -> None:
    site = make_site(tiny(causes_yaml="- theme: getting-out\n  text: Call Jo on 07700 900123.\n"))
    assert ("content/wtfc/2026/causes.yaml", 2, "PRIV-PHONE") in rules(problems_of(site))


def test_site_contact_details_are_not_scanned(make_site) -> None:
    assert not [p for p in problems_of(make_site(tiny())) if p.rule.startswith("PRIV")]


def test_statements_may_live_outside_the_site(make_site, tmp_path) -> None:
    private = tmp_path / "private" / "statements.csv"
    private.parent.mkdir()
    private.write_text(STATEMENTS)
    site = make_site({**tiny(cycle_yaml=CYCLE + "statements: ../../../../private/statements.csv\n")})
    (site / "content/wtfc/2026/statements.csv").unlink()
    data = wtfc_data(site)
    assert data.numbers.statements == 7
    assert data.cycle.statements_file.as_posix() == "../private/statements.csv"


# --- the thread, both ways ----------------------------------------------------------------

def test_every_link_from_a_cycle_page_resolves(built) -> None:
    # The tiny site has no home page or accessibility page, so only the cycle's own links are checked.
    outside = ("href=/", "href=/accessibility/")
    broken = [b for b in broken_internal_links(built, attributes=("href",))
              if b.startswith("wtfc/") and not b.endswith(outside)]
    assert broken == []


def test_thread_links_go_both_ways(built, parse_html) -> None:
    theme = parse_html(built / "wtfc/2026/themes/getting-out/index.html")
    hrefs = {a["href"] for a in theme.find_all("a")}
    # theme -> counts, minutes, actions, related update
    assert "/wtfc/2026/what-people-said/#count-getting-out" in hrefs
    assert "/minutes/2026-01-21-board/" in hrefs
    assert {"/minutes/2026-01-21-board/#a1", "/minutes/2026-01-21-board/#a2"} <= hrefs
    assert "/updates/buddies/" in hrefs
    assert theme.find(id="plan-travel-buddies") is not None
    # counts -> theme
    said = parse_html(built / "wtfc/2026/what-people-said/index.html")
    row = said.find(id="count-getting-out")
    assert row.find("a")["href"] == "/wtfc/2026/themes/getting-out/"
    # minutes and update -> theme
    for page in ("minutes/2026-01-21-board", "updates/buddies"):
        soup = parse_html(built / page / "index.html")
        back = [a["href"] for a in soup.select(".backlinks a")]
        assert any(h.startswith("/wtfc/2026/themes/getting-out/") for h in back), page
        assert len(back) == len(set(back)), "one link per plan, however many of its actions the meeting has"
    # the action anchors exist on the minutes page
    minutes = parse_html(built / "minutes/2026-01-21-board/index.html")
    assert minutes.find(id="a1") is not None


def test_report_versions_link_to_each_other(built, parse_html) -> None:
    easy = parse_html(built / "wtfc/2026/report/index.html")
    full = parse_html(built / "wtfc/2026/report-full/index.html")
    assert easy.select_one(".other-version a")["href"] == "/wtfc/2026/report-full/"
    assert full.select_one(".other-version a")["href"] == "/wtfc/2026/report/"
    assert full.find("table", class_="wtfc-indicators") is not None


def test_the_overview_shows_all_8_steps(built, parse_html) -> None:
    soup = parse_html(built / "wtfc/2026/index.html")
    steps = soup.select(".step")
    assert len(steps) == 8
    assert "step-done" in steps[0]["class"] and "step-not-started" in steps[7]["class"]
    for step in ("prepare", "collect", "identify-success", "review"):
        assert (built / f"wtfc/2026/steps/{step}/index.html").is_file()
    prepare = parse_html(built / "wtfc/2026/steps/prepare/index.html").get_text(" ")
    assert "6 self-advocates took part." in prepare


# --- integrity checks ---------------------------------------------------------------------

def test_unknown_theme_and_category_in_statements(make_site) -> None:
    site = make_site(tiny(statements_csv=STATEMENTS + "R04,working,flying,yes,I fly.\nR05,maybe,money,yes,Hm.\n"))
    found = rules(problems_of(site))
    assert ("content/wtfc/2026/statements.csv", 9, "WTFC-UNKNOWN-THEME") in found
    assert ("content/wtfc/2026/statements.csv", 10, "WTFC-UNKNOWN-CATEGORY") in found


def test_more_than_two_statements_of_a_kind_for_one_person(make_site) -> None:
    extra = "R02,not working,money,yes,One.\nR02,not working,money,yes,Two.\n"
    found = [p for p in problems_of(make_site(tiny(statements_csv=STATEMENTS + extra))) if p.rule == "WTFC-TOP-TWO"]
    assert [(p.line, p.severity) for p in found] == [(10, Severity.WARNING)]


def test_plan_and_success_must_name_a_theme(make_site) -> None:
    site = make_site(tiny(success_yaml="- {view: staff, text: We help.}\n",
                          plans_yaml=PLANS.replace("  theme: getting-out\n", "")))
    found = rules(problems_of(site))
    assert ("content/wtfc/2026/success.yaml", 1, "WTFC-NO-THEME") in found
    assert ("content/wtfc/2026/plans.yaml", 1, "WTFC-NO-THEME") in found


def test_indicator_without_baseline(make_site) -> None:
    site = make_site(tiny(plans_yaml=PLANS.replace("baseline: 6, ", "")))
    assert ("content/wtfc/2026/plans.yaml", 10, "WTFC-NO-BASELINE") in rules(problems_of(site))


def test_plan_links_must_exist(make_site) -> None:
    site = make_site(tiny(plans_yaml=PLANS.replace("2026-01-21-board#a3", "2026-01-21-board#a9")
                          .replace("agreed_at: minutes/2026-01-21-board", "agreed_at: minutes/1999-board")))
    found = rules(problems_of(site))
    assert ("content/wtfc/2026/plans.yaml", 11, "LINK-BROKEN") in found
    assert ("content/wtfc/2026/plans.yaml", 12, "LINK-BROKEN") in found


def test_step_done_while_an_earlier_one_is_not(make_site) -> None:
    site = make_site(tiny(cycle_yaml=CYCLE.replace("theme: {status: done}", "theme: {status: doing}")))
    assert ("content/wtfc/2026/cycle.yaml", 7, "WTFC-STEP-ORDER") in rules(problems_of(site))


def test_review_done_without_review(make_site) -> None:
    cycle = CYCLE.replace("implement: {status: doing}", "implement: {status: done}\n  review: {status: done}")
    assert ("content/wtfc/2026/cycle.yaml", 11, "WTFC-NO-REVIEW") in rules(problems_of(make_site(tiny(cycle_yaml=cycle))))


def test_unknown_theme_in_a_page_front_matter(make_site) -> None:
    site = make_site({**tiny(), "content/updates/buddies.md": UPDATE.replace("#getting-out", "#flying")})
    assert ("content/updates/buddies.md", 4, "WTFC-UNKNOWN-THEME") in rules(problems_of(site))


def test_a_wrong_key_is_reported_with_its_line(make_site) -> None:
    site = make_site(tiny(themes_yaml=THEMES.replace("  picture: money", "  pictur: money")))
    found = [(p.file.as_posix(), p.line, p.rule) for p in problems_of(site)]
    assert ("content/wtfc/2026/themes.yaml", 8, "SITE-UNKNOWN-KEY") in found
    # the good theme is still read, so its statements are not reported as unknown
    assert not [f for f in found if f[2] == "WTFC-UNKNOWN-THEME" and f[1] in (2, 3, 5, 8)]


# --- easy read ----------------------------------------------------------------------------

def test_every_example_cycle_page_passes_the_strict_checker() -> None:
    from wtfc_site.checks import check_site
    loaded = load_site(Options(site_dir=REPO, today=TODAY))
    found = [p for p in check_site(loaded.site)
             if "wtfc" in str(p.file) and p.severity in (Severity.ERROR, Severity.WARNING) and not p.silenced]
    assert found == [], "\n".join(f"{p.location} {p.rule} {p.message} {p.excerpt}" for p in found)


def test_easy_read_pages_stay_under_500_words() -> None:
    loaded = load_site(Options(site_dir=REPO, today=TODAY))
    result = loaded.site.datasets["wtfc"]
    words: dict[str, int] = {}
    for text in result.texts:
        for point in text.points:
            if point.kind != "quote":
                words[text.url] = words.get(text.url, 0) + len(re.findall(r"\S+", point.text))
    assert max(words.values()) < 500, words


def test_the_full_reports_own_words_get_the_plain_english_check():
    """The full report is a standard page: its introduction is checked with the lighter rules."""
    from wtfc_site.content.wtfc.report import full_report_texts
    from wtfc_site.pipeline import Options, load_site

    site = load_site(Options(site_dir=Path(__file__).resolve().parent.parent)).site
    cycle = site.datasets["wtfc"].data[0].cycle
    [text, *_] = full_report_texts(cycle, "/wtfc/2026/report-full/")
    assert text.easy_read is False and text.file.as_posix() == "content/wtfc/2026/cycle.yaml"
    assert text.points[0].line == 8 and text.points[0].text.startswith("Riverside Together used")


# --- a site's own components (issue 12 part 5) ---------------------------------------------

OWN_WTFC_ROW = """\
{% from "components/wtfc_line.html" import wtfc_line %}
{% macro wtfc_row(row) -%}
<section class="our-own-row">{% if row.heading %}<h3>{{ row.heading }}</h3>{% endif %}
{% for line in row.lines %}<p class="our-line">{{ wtfc_line(line) }}</p>{% endfor %}
{% for words in row.quotes %}<q class="our-quote">{{ words }}</q>{% endfor %}</section>
{%- endmacro %}
"""
OWN_WTFC_HEADING = """\
{% macro wtfc_heading(heading) -%}
<h2 class="our-own-heading">Section: {{ heading.text }}</h2>
{%- endmacro %}
"""


def test_a_site_can_replace_the_row_and_heading_components(make_site, build_site, parse_html) -> None:
    site = make_site({**tiny(), "layouts/components/wtfc_row.html": OWN_WTFC_ROW,
                      "layouts/components/wtfc_heading.html": OWN_WTFC_HEADING})
    report = build_site(site)
    assert report.written, [str(p.message) for p in report.problems if p.severity is Severity.ERROR]
    soup = parse_html(site / "_site/wtfc/2026/themes/getting-out/index.html")
    assert not soup.select(".wtfc .er-row"), "the default row markup is still used"
    quotes = [q.get_text(strip=True) for q in soup.select("section.our-own-row q.our-quote")]
    assert "I like the bus to town." in quotes
    headings = [h.get_text(" ", strip=True) for h in soup.select("h2.our-own-heading")]
    assert "Section: What people said" in headings
    overview = parse_html(site / "_site/wtfc/2026/index.html")
    steps = [h.get_text(" ", strip=True) for h in overview.select("section.our-own-row h3")]
    assert "Step 1: Prepare" in steps, steps
    assert overview.select("section.our-own-row p.our-line"), "the rows' lines are missing"


OWN_REPORT = """\
{% macro wtfc_report_full(report) -%}
<ol class="our-own-report">{% for theme in report.themes %}<li>{{ theme.title }}: {{ theme.plans|length }} plan(s)</li>{% endfor %}</ol>
{%- endmacro %}
"""


def test_a_site_can_replace_the_full_report_component(make_site, build_site, parse_html) -> None:
    site = make_site({**tiny(), "layouts/components/wtfc_report_full.html": OWN_REPORT})
    report = build_site(site)
    assert report.written, [str(p.message) for p in report.problems if p.severity is Severity.ERROR]
    soup = parse_html(site / "_site/wtfc/2026/report-full/index.html")
    items = [li.get_text(strip=True) for li in soup.select("article.wtfc-report-full ol.our-own-report li")]
    assert items == ["Getting out and about: 1 plan(s)", "Money: 0 plan(s)"], items
    assert not soup.select("article.wtfc-report-full section"), "the default report markup is still used"
