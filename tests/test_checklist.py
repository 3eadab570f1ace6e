"""The co-production checklist: its definition, results files, pages and errors.

Pages are checked on the parsed HTML of a built site; errors are checked on
the Problem values (file, line, rule), never on printed text.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import REPO, new_site, read_html, run_build, target_file

from tests.test_charts import step_chart  # the chart as the default layout draws it
from wtfc_site.checker import check_page, load_wordlists
from wtfc_site.content.checklist import (
    DEFAULT_DEFINITION,
    RATINGS,
    compare,
    load_checklist,
    overall,
    read_definition,
)
from wtfc_site.errors import Problem, Severity
from wtfc_site.pipeline import Options, load_site
from wtfc_site.points import PageText, Point

TODAY = dt.date(2026, 12, 1)
"""After some jobs' dates, so the tests see late, to do and done jobs."""

DEFINITION = """
    source: Local Government Association, Checking if co-production is happening, 2017
    ideas:
      - id: 1
        title: We made our co-production policy together
        picture: policy
        about: Our policy says how we will work together.
        items:
          - id: "1.1"
            title: People can find our policy
            doing_well: Our policy is easy to find.
            more_to_do: People cannot find our policy.
          - id: "1.2"
            title: Our leaders signed the policy
            doing_well: Our leaders signed the policy.
            more_to_do: Our leaders have not signed the policy.
      - id: 2
        title: We talk in ways everyone understands
        picture: talk
        about: Everyone should know what is happening.
        items:
          - id: "2.1"
            title: We use plain words
            doing_well: We use plain words.
            more_to_do: We use hard words.
    """

MAY = """
    date: 2026-05-12
    summary: This was our first check.
    took_part:
      people: 12
      lived_experience: 7
      groups: [Speak Up Testshire, Partnership board]
    ratings:
      "1.1":
        rating: more to do
        evidence:
          - text: Our policy is not on our website yet.
        next_steps:
          - Put our policy on our website.
      "1.2":
        rating: getting there
        evidence:
          - text: Our board agreed to ask our leaders.
            link: minutes/2026-01-21-board
      "2.1":
        rating: doing well
        evidence:
          - text: We had training on plain words.
            link: minutes/2026-01-21-board#a3
    """

NOVEMBER = """
    date: 2026-11-10
    took_part:
      people: 15
      lived_experience: 9
    ratings:
      "1.1":
        rating: doing well
        evidence:
          - text: Our policy is on our website.
            link: policy/co-production-policy
      "1.2":
        rating: getting there
        evidence:
          - text: Our board agreed to ask our leaders.
            link: minutes/2026-01-21-board
        next_steps:
          - Ask the last 2 leaders to sign.
      "2.1":
        rating: more to do
        evidence:
          - text: Some new papers use hard words.
            link: https://example.org/papers
    """

MINUTES = """
    ---
    title: Board meeting, 21 January 2026
    summary: Notes from our board meeting.
    meeting_date: 2026-01-21
    group: Partnership board
    chairs: [Jo Smith, Ravi Patel]
    actions:
      - id: a1
        what: Put the policy on our website.
        who: Jo Smith
        by: 2026-06-30
        status: done
        done_on: 2026-06-02
        checklist: checklist/2026-05#1.1
      - id: a2
        what: Read the policy out loud at the library.
        who: Ravi Patel
        by: 2026-10-31
        checklist: checklist/2026-05#1.1
      - id: a3
        what: Make a sound recording of the policy.
        who: Jo Smith
        by: 2027-02-28
        checklist: checklist/2026-05#1.1
    ---
    [picture: meeting] We met at the town hall.
    """

POLICY = """
    ---
    title: Our co-production policy
    summary: How we work together as equals.
    ---
    [picture: policy] We plan and decide things together.
    """

GLOSSARY = """
    - word: co-production
      meaning: people planning and deciding things together, as equals.
    - word: lived experience
      meaning: knowing about services because you use them.
    - word: board
      meaning: the group of people who make the big decisions.
    - word: policy
      meaning: a set of rules that says how we will work.
    """


def site_files(**changes: str | None) -> dict[str, str]:
    """Return the tiny site's files; a change replaces a file, or removes it when None."""
    files = {
        "content/glossary.yaml": GLOSSARY,
        "content/policy/co-production-policy.md": POLICY,
        "content/minutes/2026-01-21-board.md": MINUTES,
        "content/checklist/definition.yaml": DEFINITION,
        "content/checklist/2026-05.yaml": MAY,
        "content/checklist/2026-11.yaml": NOVEMBER,
    }
    for name, text in changes.items():
        path = "content/" + name.replace("__", "/")
        if text is None:
            files.pop(path, None)
        else:
            files[path] = text
    return files


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """Build the tiny site with today fixed; return its output folder."""
    site = new_site(tmp_path / "site", site_files())
    report = run_build(site, tmp_path / "cache", today=TODAY, out_dir=tmp_path / "out")
    assert report.written, [f"{p.location} [{p.rule}] {p.message}" for p in report.problems if p.severity is Severity.ERROR]
    return tmp_path / "out"


def page(out: Path, url: str) -> BeautifulSoup:
    """Return the parsed page at a site path."""
    file = target_file(out, "/", url)
    assert file is not None and file.is_file(), f"{url} was not written"
    return read_html(file)


def problems_of(tmp_path: Path, **changes: str | None) -> list[Problem]:
    """Return the checklist's problems for the tiny site with ``changes``."""
    site = new_site(tmp_path / "site", site_files(**changes))
    loaded = load_site(Options(site_dir=site, today=TODAY, cache_dir=tmp_path / "cache"))
    assert loaded.site is not None, loaded.problems
    return [p for p in loaded.problems if p.rule.startswith(("CHECK-", "LINK-", "PIC-", "SITE-"))]


def only(problems: list[Problem], rule: str) -> Problem:
    """Return the one problem with ``rule``."""
    found = [p for p in problems if p.rule == rule]
    assert len(found) == 1, problems
    return found[0]


def line_of(text: str, needle: str) -> int:
    """Return the 1-based line of ``needle`` in a (dedented, stripped) file text."""
    lines = textwrap.dedent(text).lstrip("\n").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# --- the definition and the rules ----------------------------------------------

def test_the_shipped_definition_has_the_5_big_ideas_and_credits_its_source() -> None:
    definition, _lines, _file = read_definition(DEFAULT_DEFINITION, REPO)
    assert [idea.id for idea in definition.ideas] == [1, 2, 3, 4, 5]
    assert [idea.picture for idea in definition.ideas] == ["policy", "plan", "partnership", "talk", "power"]
    assert definition.source == "Local Government Association, Checking if co-production is happening, 2017"
    for idea in definition.ideas:
        assert idea.items and all(item.id.startswith(f"{idea.id}.") for item in idea.items)
        assert all(item.doing_well and item.more_to_do and item.title for item in idea.items)


def test_a_big_idea_gets_the_most_common_rating_and_a_tie_goes_to_the_lower_one() -> None:
    assert overall(["doing well", "doing well", "more to do"]) == "doing well"
    assert overall(["doing well", "getting there"]) == "getting there"
    assert overall(["doing well", "more to do", "getting there"]) == "more to do"
    assert [compare("more to do", "doing well"), compare("doing well", "doing well"),
            compare("doing well", "getting there"), compare("", "doing well")] == ["better", "same", "worse", ""]


# --- pages -------------------------------------------------------------------------

SYMBOL_FILES = {"Doing well": "doing-well", "Getting there": "getting-there", "More to do": "more-to-do"}


def rating_shown(tag: Tag) -> tuple[str, str]:
    """Return (the rating's words, the symbol picture's name) in a rating paragraph."""
    words = tag.find("strong").get_text(strip=True)
    symbol = Path(tag.find("img")["src"]).stem
    return words, symbol


def test_the_overview_shows_each_big_ideas_rating_in_words_and_with_a_symbol(built: Path) -> None:
    soup = page(built, "/checklist/")
    rows = soup.select(".checklist-ideas .checklist-idea")
    assert [row.find("h3").get_text(strip=True) for row in rows] == [
        "We made our co-production policy together", "We talk in ways everyone understands"]
    shown = [rating_shown(row.select_one(".checklist-rating")) for row in rows]
    # Idea 1 in November: doing well and getting there, a tie, so the lower one.
    assert shown == [("Getting there", "getting-there"), ("More to do", "more-to-do")]
    for words, symbol in shown:
        assert SYMBOL_FILES[words] == symbol
    assert [row.select_one(".er-pic img")["src"].rsplit("/", 1)[-1] for row in rows] == ["policy.svg", "talk.svg"]
    assert [row.select_one(".checklist-counts").get_text(strip=True) for row in rows] == [
        "1 of 2 parts is getting there.", "1 of 1 parts has more to do."]


def test_the_change_since_the_check_before_is_said_in_words(built: Path) -> None:
    overview = page(built, "/checklist/")
    changes = [p.get_text(strip=True) for p in overview.select(".checklist-ideas .checklist-change")]
    assert changes == ["Better than in May 2026.", "Worse than in May 2026."]
    idea = page(built, "/checklist/1/")
    items = {s["id"]: s.select_one(".checklist-item-title .checklist-change").get_text(strip=True)
             for s in idea.select("section.checklist-item")}
    assert items == {"item-1-1": "Better than in May 2026.", "item-1-2": "The same as in May 2026."}
    first = page(built, "/checklist/2026-05/")
    assert [td.get_text(strip=True) for td in first.select("table.checklist-parts tbody td:nth-of-type(2)")] == [
        "First check"] * 3
    later = page(built, "/checklist/2026-11/")
    assert [td.get_text(strip=True) for td in later.select("table.checklist-parts tbody td:nth-of-type(2)")] == [
        "Better", "The same", "Worse"]


def test_the_chart_and_its_table_show_the_ratings_of_each_check(built: Path) -> None:
    soup = page(built, "/checklist/")
    figure = soup.select_one("figure.checklist-chart")
    expected = step_chart("Our big ideas over time", ["May 2026", "November 2026"], [
        ("We made our co-production policy together", [0, 1]),   # more to do (a tie) -> getting there
        ("We talk in ways everyone understands", [2, 0]),         # doing well -> more to do
    ], list(RATINGS))
    assert str(figure.find("svg")) == str(BeautifulSoup(expected, "html.parser").find("svg"))
    table = soup.select_one("table.checklist-history")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Big idea", "May 2026", "November 2026"]
    rows = [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert rows == [["We made our co-production policy together", "More to do", "Getting there"],
                    ["We talk in ways everyone understands", "Doing well", "More to do"]]
    idea_table = page(built, "/checklist/2/").select_one("table.checklist-history")
    assert [td.get_text(strip=True) for td in idea_table.select("tbody td")] == ["Doing well", "More to do"]


def test_jobs_for_a_part_are_grouped_as_late_to_do_and_done_with_a_link_to_their_meeting(built: Path) -> None:
    item = page(built, "/checklist/1/").find(id="item-1-1")
    jobs = item.select_one(".checklist-jobs")
    assert [h.get_text(strip=True) for h in jobs.find_all("h4")] == ["Late (1)", "To do (1)", "Done (1)"]
    lists = jobs.select("ul.action-list")
    assert [[p.get_text(strip=True) for p in ul.select(".action-what")] for ul in lists] == [
        ["Read the policy out loud at the library."], ["Make a sound recording of the policy."],
        ["Put the policy on our website."]]
    assert [ul.select_one(".state-label").get_text(strip=True) for ul in lists] == ["Late", "To do", "Done"]
    for ul in lists:
        href = ul.select_one(".action-from a")["href"]
        assert href.startswith("/minutes/2026-01-21-board/#a")
        assert page(built, href.split("#")[0]).find(id=href.split("#")[1]) is not None
    assert page(built, "/checklist/1/").find(id="item-1-2").select_one(".checklist-jobs") is None


def test_evidence_links_go_to_pages_that_were_written(built: Path) -> None:
    idea = page(built, "/checklist/1/")
    links = [a["href"] for a in idea.select(".checklist-evidence a")]
    assert links == ["/policy/co-production-policy/", "/minutes/2026-01-21-board/"]
    for href in links:
        page(built, href)
    outside = page(built, "/checklist/2/").select_one(".checklist-evidence a")["href"]
    assert outside == "https://example.org/papers"
    older = page(built, "/checklist/2026-05/")  # backlinks for older evidence go to its check's page
    assert older.find(id="item-2-1") is not None


def test_next_steps_from_the_check_before_are_shown_with_the_new_ones(built: Path) -> None:
    item = page(built, "/checklist/1/").find(id="item-1-1")
    assert [p.get_text(strip=True) for p in item.select(".checklist-previous-steps p")] == [
        "Put our policy on our website."]
    item = page(built, "/checklist/1/").find(id="item-1-2")
    assert [p.get_text(strip=True) for p in item.select(".checklist-next-steps p")] == ["Ask the last 2 leaders to sign."]


def test_pages_that_are_evidence_link_back_to_the_checklist(built: Path) -> None:
    minutes = page(built, "/minutes/2026-01-21-board/")
    links = {a["href"] for a in minutes.select(".backlinks a")}
    assert "/checklist/1/#item-1-2" in links   # evidence at the latest check
    assert "/checklist/1/#item-1-1" in links   # its jobs answer part 1.1
    assert "/checklist/2026-05/#item-2-1" in links  # evidence at the older check
    policy = page(built, "/policy/co-production-policy/")
    assert {a["href"] for a in policy.select(".backlinks a")} == {"/checklist/1/#item-1-1"}


def test_every_checklist_page_credits_the_guide_and_says_who_took_part(built: Path) -> None:
    for url in ("/checklist/", "/checklist/1/", "/checklist/2/", "/checklist/2026-05/", "/checklist/2026-11/"):
        cite = page(built, url).select_one(".checklist-credit cite")
        assert cite.get_text(strip=True) == "Local Government Association, Checking if co-production is happening, 2017"
    took_part = page(built, "/checklist/2026-05/").select_one(".checklist-took-part")
    assert [p.get_text(strip=True) for p in took_part.find_all("p")][:2] == [
        "12 people took part.", "7 of them have lived experience."]
    assert [li.get_text(strip=True) for li in took_part.find_all("li")] == ["Speak Up Testshire", "Partnership board"]


def test_the_words_on_the_checklist_pages_pass_the_strict_easy_read_check(tmp_path: Path) -> None:
    """Every paragraph, list item and heading in a page's main part: no errors and no warnings."""
    site = new_site(tmp_path / "site", site_files())
    report = run_build(site, tmp_path / "cache", today=TODAY, out_dir=tmp_path / "out")
    built_site = report.site
    words = load_wordlists({e.word.lower(): e.meaning for e in built_site.glossary.entries},
                           built_site.abbreviations.full)
    for url in ("/checklist/", "/checklist/1/", "/checklist/2026-11/"):
        main = page(tmp_path / "out", url).find("main")
        for box in main.select("svg, table, .hard-words-box, .checklist-credit .checklist-source"):
            box.decompose()  # the chart's and table's words are labels; the citation is a title
        points = tuple(Point(i, tag.get_text(" ", strip=True), "heading" if tag.name[0] == "h" else "paragraph",
                             picture="none") for i, tag in enumerate(main.find_all(["h1", "h2", "h3", "h4", "p"]), 1))
        text = PageText(file=Path(url), url=url, title="", title_line=1, content_type="checklist", easy_read=True,
                        points=points, glossary_words=built_site.glossary.known_forms)
        found = [f"{url}: [{p.rule}] {p.message} {p.excerpt}"
                 for p in check_page(text, built_site.config.checker, words)
                 if p.severity is not Severity.INFO and p.rule != "ER-PAGE-WORDS"]
        assert found == []


def test_the_example_sites_checklist_passes_the_strict_check() -> None:
    """The shipped definition and Riverside Together's results: no easy-read errors or warnings."""
    if not (REPO / "content" / "checklist").is_dir():
        pytest.skip("The example checklist is not there yet.")
    loaded = load_site(Options(site_dir=REPO, today=TODAY))
    assert [p for p in loaded.problems if p.rule.startswith("CHECK-") or "checklist" in str(p.file)] == []
    site = loaded.site
    words = load_wordlists({e.word.lower(): e.meaning for e in site.glossary.entries}, site.abbreviations.full)
    found = [f"{p.location} [{p.rule}] {p.excerpt}"
             for text in site.datasets["checklist"].texts
             for p in check_page(text, site.config.checker, words) if p.severity is not Severity.INFO]
    assert found == []


# --- problems, each with file and line ---------------------------------------------

def test_an_unknown_part_is_an_error_at_its_line(tmp_path: Path) -> None:
    bad = MAY.rstrip() + '\n      "2.2":\n        rating: doing well\n'
    problem = only(problems_of(tmp_path, **{"checklist__2026-05.yaml": bad}), "CHECK-UNKNOWN-ITEM")
    assert problem.file == Path("content/checklist/2026-05.yaml")
    assert problem.line == line_of(bad, '"2.2":')
    assert "2.2" in problem.message and "2.1" in problem.hint


def test_a_part_with_no_rating_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    missing = NOVEMBER.replace('      "2.1":\n        rating: more to do\n', '      "2.1":\n')
    assert missing != NOVEMBER
    problem = only(problems_of(tmp_path, **{"checklist__2026-11.yaml": missing}), "CHECK-MISSING-RATING")
    assert (problem.file, problem.line) == (Path("content/checklist/2026-11.yaml"), line_of(missing, '"2.1":'))


def test_a_part_left_out_of_a_check_is_an_error(tmp_path: Path) -> None:
    start = NOVEMBER.index('      "2.1":')
    left_out = NOVEMBER[:start]
    problem = only(problems_of(tmp_path, **{"checklist__2026-11.yaml": left_out}), "CHECK-MISSING-RATING")
    assert problem.file == Path("content/checklist/2026-11.yaml")
    assert problem.line == line_of(left_out, "ratings:")
    assert "2.1" in problem.message


def test_a_rating_word_we_do_not_use_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    bad = MAY.replace("rating: getting there", "rating: getting their")
    problem = only(problems_of(tmp_path, **{"checklist__2026-05.yaml": bad}), "CHECK-BAD-RATING")
    assert (problem.file, problem.line) == (Path("content/checklist/2026-05.yaml"), line_of(bad, "getting their"))
    assert "getting there" in problem.hint


def test_a_broken_evidence_link_is_an_error_at_its_line(tmp_path: Path) -> None:
    bad = NOVEMBER.replace("link: policy/co-production-policy", "link: policy/no-such-page")
    problem = only(problems_of(tmp_path, **{"checklist__2026-11.yaml": bad}), "LINK-BROKEN")
    assert (problem.file, problem.line) == (Path("content/checklist/2026-11.yaml"), line_of(bad, "no-such-page"))


def test_a_link_to_an_action_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    bad = MAY.replace("link: minutes/2026-01-21-board#a3", "link: minutes/2026-01-21-board#a9")
    problem = only(problems_of(tmp_path, **{"checklist__2026-05.yaml": bad}), "LINK-BROKEN")
    assert problem.line == line_of(bad, "#a9")


def test_a_meeting_job_that_names_an_unknown_part_is_an_error_in_the_minutes(tmp_path: Path) -> None:
    bad = MINUTES.replace("checklist: checklist/2026-05#1.1\n      - id: a2", "checklist: checklist/2026-05#7.1\n      - id: a2")
    problem = only(problems_of(tmp_path, **{"minutes__2026-01-21-board.md": bad}), "CHECK-UNKNOWN-ITEM")
    assert (problem.file, problem.line) == (Path("content/minutes/2026-01-21-board.md"), line_of(bad, "#7.1"))


def test_a_badly_named_file_and_a_date_in_another_month_are_errors(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, **{"checklist__may.yaml": MAY,
                                        "checklist__2026-11.yaml": NOVEMBER.replace("2026-11-10", "2026-12-01")})
    assert only(problems, "CHECK-FILE-NAME").file == Path("content/checklist/may.yaml")
    date = only(problems, "CHECK-DATE")
    assert (date.file, date.line) == (Path("content/checklist/2026-11.yaml"), 1)


def test_an_unknown_picture_in_a_sites_own_definition_is_an_error(tmp_path: Path) -> None:
    bad = DEFINITION.replace("picture: talk", "picture: tallk")
    problem = only(problems_of(tmp_path, **{"checklist__definition.yaml": bad}), "PIC-UNKNOWN")
    assert (problem.file, problem.line) == (Path("content/checklist/definition.yaml"), line_of(bad, "tallk"))


def test_a_mistyped_key_is_reported_by_the_schema_with_its_line(tmp_path: Path) -> None:
    bad = MAY.replace("next_steps:", "next_step:")
    problem = only(problems_of(tmp_path, **{"checklist__2026-05.yaml": bad}), "SITE-UNKNOWN-KEY")
    assert problem.line == line_of(bad, "next_step:")


def test_without_its_own_definition_a_site_uses_the_shipped_one(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, **{"checklist__definition.yaml": None})
    definition, _lines, _file = read_definition(DEFAULT_DEFINITION, REPO)
    parts = sum(len(idea.items) for idea in definition.ideas)
    # The tiny checks rate 1.1, 1.2 and 2.1, which the shipped checklist has too; the rest are missing.
    assert [p.rule for p in problems] == ["CHECK-MISSING-RATING"] * 2 * (parts - 3)
    assert {p.file for p in problems} == {Path("content/checklist/2026-05.yaml"), Path("content/checklist/2026-11.yaml")}


def test_a_rating_may_be_written_on_the_line_of_its_part(tmp_path: Path) -> None:
    short = NOVEMBER.rstrip().replace('      "2.1":\n        rating: more to do\n        evidence:\n'
                                      '          - text: Some new papers use hard words.\n'
                                      '            link: https://example.org/papers', '      "2.1": more to do')
    assert short != NOVEMBER.rstrip()
    assert problems_of(tmp_path, **{"checklist__2026-11.yaml": short}) == []
    bad = short.replace('"2.1": more to do', '"2.1": very good')
    problem = only(problems_of(tmp_path / "bad", **{"checklist__2026-11.yaml": bad}), "CHECK-BAD-RATING")
    assert problem.line == line_of(bad, "very good")


def test_a_site_with_no_checklist_gets_no_checklist_pages(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", {"content/glossary.yaml": GLOSSARY})
    loaded = load_site(Options(site_dir=site, today=TODAY, cache_dir=tmp_path / "cache"))
    result = load_checklist(loaded.site, ())
    assert result.pages == () and result.problems == ()
