"""Every kind of bad input is reported with its file, line and rule, in plain words.

One test per error case. Each builds a tiny site, checks that nothing was
written, and checks the exact Problem fields (never the printed text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML

from wtfc_site.errors import Problem, Severity
from wtfc_site.pipeline import Report

POLICY = {
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        ---
        [picture: policy] We work together.
        """,
}
"""A page every test site has, so the rest of the site is valid."""


def assert_plain(problem: Problem) -> None:
    """Assert the message and hint are non-empty plain English, not code or markup."""
    for text in (problem.message, problem.hint):
        assert isinstance(text, str) and text.strip(), problem
        assert not re.search(r"</?(?:p|a|div|span|strong|em|b|i|br|code|ul|li|abbr|img)\b[^>]*>", text), text
        assert "Traceback" not in text and "__" not in text, text  # no Python internals
        assert "\n" not in text, text
    assert problem.severity is Severity.ERROR


def stopped(report: Report, site: Path) -> None:
    """Assert the build stopped and wrote nothing."""
    assert not report.written
    assert not (site / "_site").exists()


def only(report: Report, rule: str) -> Problem:
    """Return the one problem with ``rule``."""
    found = [p for p in report.problems if p.rule == rule]
    assert len(found) == 1, report.problems
    return found[0]


@pytest.fixture
def broken(make_site, build_site):
    """Return run(files, site_yaml=...) -> (report, site) for a site expected to stop."""
    def run(files: dict[str, str | bytes], **kw) -> tuple[Report, Path]:
        site = make_site({**POLICY, **files}, **kw)
        report = build_site(site)
        stopped(report, site)
        return report, site
    return run


# -- YAML ---------------------------------------------------------------------------


def test_broken_yaml_in_front_matter_names_the_line_in_the_file(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        summary: Who we are
          picture: people
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-YAML")
    assert problem.file == Path("content/about.md")
    assert problem.line == 4  # line 3 of the front matter, which starts on line 2
    assert_plain(problem)


def test_broken_yaml_in_front_matter_unclosed_bracket(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        summary: [Who we are
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-YAML")
    assert problem.file == Path("content/about.md")
    assert problem.line in (3, 4)  # where the bracket opens, or where the front matter ends
    assert_plain(problem)


def test_broken_yaml_in_site_yaml(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML + "base_url: /x/\n  oops: 1\n"})
    problem = only(report, "SITE-YAML")
    assert problem.file == Path("content/site.yaml")
    assert problem.line == 7
    assert_plain(problem)


def test_broken_yaml_in_the_glossary(broken):
    report, _ = broken({"content/glossary.yaml": "- word: co-production\n  meaning: working together\n    also: x\n"})
    problem = only(report, "SITE-YAML")
    assert problem.file == Path("content/glossary.yaml")
    assert problem.line == 3
    assert_plain(problem)


def test_a_key_written_twice_in_front_matter(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        summary: Who we are
        title: About
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-YAML-DUPLICATE")
    assert problem.file == Path("content/about.md")
    assert problem.line == 4  # the second 'title:'
    assert_plain(problem)


def test_a_key_written_twice_in_site_yaml(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML + "name: Again\n"})
    problem = only(report, "SITE-YAML-DUPLICATE")
    assert (problem.file, problem.line) == (Path("content/site.yaml"), 6)
    assert_plain(problem)


def test_a_file_that_is_not_utf8(broken):
    text = "---\ntitle: Caf\xe9\n---\nWe meet.\n".encode("latin-1")
    report, _ = broken({"content/about.md": text})
    problem = only(report, "SITE-ENCODING")
    assert (problem.file, problem.line) == (Path("content/about.md"), 2)
    assert_plain(problem)


# -- site.yaml ----------------------------------------------------------------------------


def test_unknown_key_in_site_yaml_suggests_the_right_one(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML + "base_ulr: /my-tcp/\n"})
    problem = only(report, "SITE-UNKNOWN-KEY")
    assert (problem.file, problem.line) == (Path("content/site.yaml"), 6)
    assert "Did you mean 'base_url'?" == problem.hint
    assert_plain(problem)


def test_unknown_nested_key_in_site_yaml(broken):
    yaml = MINIMAL_SITE_YAML.replace("  email:", "  emial:")
    report, _ = broken({"content/site.yaml": yaml})
    unknown = only(report, "SITE-UNKNOWN-KEY")
    assert (unknown.file, unknown.line) == (Path("content/site.yaml"), 4)
    assert "'email'" in unknown.hint
    assert_plain(unknown)


def test_wrong_type_in_site_yaml(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML + "feedback:\n  reply_days: soon\n"})
    problem = only(report, "SITE-TYPE")
    assert (problem.file, problem.line) == (Path("content/site.yaml"), 7)
    assert_plain(problem)


def test_missing_setting_in_site_yaml(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML.replace("area: Testshire\n", "")})
    missing = [p for p in report.problems if p.rule == "SITE-MISSING"]
    assert [(p.file, p.line) for p in missing] == [(Path("content/site.yaml"), 1)]
    assert_plain(missing[0])


def test_feedback_receiver_without_an_address(broken):
    report, _ = broken({"content/site.yaml": MINIMAL_SITE_YAML + "feedback:\n  destination: receiver\n"})
    problem = only(report, "SITE-FEEDBACK-URL")
    assert (problem.file, problem.line) == (Path("content/site.yaml"), 7)
    assert_plain(problem)


@pytest.mark.parametrize("where", ["site.yaml", "content/minutes/site.yaml", "layouts/site.yaml"])
def test_a_site_yaml_in_the_wrong_place(broken, where):
    report, _ = broken({where: MINIMAL_SITE_YAML})
    problem = only(report, "SITE-CONFIG-PLACE")
    assert problem.file == Path(where)
    assert problem.line == 1  # the whole file is in the wrong place; a file with lines still gets one (issue 13)
    assert "content/site.yaml" in problem.hint
    assert_plain(problem)


def test_no_site_yaml_at_all(broken):
    report, _ = broken({}, site_yaml=False)
    problem = only(report, "SITE-CONFIG-MISSING")
    assert problem.file == Path("content/site.yaml")
    assert problem.line is None
    assert_plain(problem)


# -- front matter fields ------------------------------------------------------------------------


def test_wrong_type_in_front_matter(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        order: soon
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-TYPE")
    assert (problem.file, problem.line) == (Path("content/about.md"), 3)
    assert_plain(problem)


def test_yes_or_no_field_given_other_words(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        draft: maybe
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-TYPE")
    assert (problem.file, problem.line) == (Path("content/about.md"), 3)
    assert_plain(problem)


def test_unknown_key_in_front_matter(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        sumary: Who we are
        ---
        We are a partnership.
        """})
    problem = only(report, "SITE-UNKNOWN-KEY")
    assert (problem.file, problem.line) == (Path("content/about.md"), 3)
    assert problem.hint == "Did you mean 'summary'?"
    assert_plain(problem)


MINUTES_WITHOUT_DATE = {"content/minutes/2026-01-21-board.md": """
    ---
    title: Board meeting
    group: Partnership board
    chairs: [Sam Okafor]
    ---
    We met.
    """}


def test_minutes_without_meeting_date(broken):
    report, _ = broken(MINUTES_WITHOUT_DATE)
    missing = [p for p in report.problems if p.rule == "SITE-MISSING"]
    assert len(missing) == 1
    problem = missing[0]
    assert problem.file == Path("content/minutes/2026-01-21-board.md")
    assert problem.line == 2  # the first line of the front matter, where it should be added
    assert "meeting_date" in problem.message
    assert_plain(problem)


def test_a_missing_field_is_reported_once_in_plain_words(broken):
    """Regression: a second SITE-VALUE problem carried Python's own __init__() message."""
    report, _ = broken(MINUTES_WITHOUT_DATE)
    mine = [p for p in report.problems if p.file == Path("content/minutes/2026-01-21-board.md")]
    assert [p.rule for p in mine] == ["SITE-MISSING"]
    for problem in mine:
        assert_plain(problem)


def test_minutes_without_chairs(broken):
    report, _ = broken({"content/minutes/2026-01-21-board.md": """
        ---
        title: Board meeting
        meeting_date: 2026-01-21
        group: Partnership board
        chairs: []
        ---
        We met.
        """})
    problem = only(report, "SITE-MISSING")
    assert (problem.file, problem.line) == (Path("content/minutes/2026-01-21-board.md"), 5)
    assert_plain(problem)


def test_an_action_with_a_bad_status(broken):
    report, _ = broken({"content/minutes/2026-01-21-board.md": """
        ---
        title: Board meeting
        meeting_date: 2026-01-21
        group: Partnership board
        chairs: [Sam Okafor]
        actions:
          - id: a1
            what: Book the room.
            who: Sam
            by: 2026-02-01
            status: finished
        ---
        We met.
        """})
    problem = only(report, "SITE-VALUE")
    assert (problem.file, problem.line) == (Path("content/minutes/2026-01-21-board.md"), 11)
    assert_plain(problem)


def test_two_actions_with_one_id(broken):
    report, _ = broken({"content/minutes/2026-01-21-board.md": """
        ---
        title: Board meeting
        meeting_date: 2026-01-21
        group: Partnership board
        chairs: [Sam Okafor]
        actions:
          - {id: a1, what: Book the room., who: Sam, by: 2026-02-01}
          - {id: a1, what: Send the notes., who: Priya, by: 2026-02-01}
        ---
        We met.
        """})
    problem = only(report, "SITE-ACTION-ID")
    assert (problem.file, problem.line) == (Path("content/minutes/2026-01-21-board.md"), 8)
    assert_plain(problem)


def test_a_date_written_the_british_way(broken):
    report, _ = broken({"content/updates/new-room.md": """
        ---
        title: A new room
        date: 31/02/2026
        ---
        We have a new room.
        """})
    problem = only(report, "SITE-DATE")
    assert (problem.file, problem.line) == (Path("content/updates/new-room.md"), 3)
    assert "2026-01-21" in problem.hint  # shows the form to use
    assert_plain(problem)


def test_a_date_that_is_not_a_real_day(make_site, build_site):
    """Regression: 2026-02-31 made PyYAML raise ValueError and the build crashed."""
    site = make_site({**POLICY, "content/updates/new-room.md": """
        ---
        title: A new room
        date: 2026-02-31
        ---
        We have a new room.
        """})
    report = build_site(site)
    stopped(report, site)
    problem = [p for p in report.problems if p.file == Path("content/updates/new-room.md")][0]
    assert problem.line == 3
    assert problem.rule in ("SITE-DATE", "SITE-YAML")
    assert_plain(problem)


# -- content types ---------------------------------------------------------------------------


def test_unknown_content_type_from_the_folder(broken):
    report, _ = broken({"content/meetings/2026-01-21.md": """
        ---
        title: Board meeting
        ---
        We met.
        """})
    problem = only(report, "SITE-UNKNOWN-TYPE")
    assert problem.file == Path("content/meetings/2026-01-21.md")
    assert problem.line == 2
    assert_plain(problem)


def test_unknown_content_type_without_front_matter(broken):
    report, _ = broken({"content/meetings/2026-01-21.md": "We met.\n"})
    problem = only(report, "SITE-UNKNOWN-TYPE")
    assert (problem.file, problem.line) == (Path("content/meetings/2026-01-21.md"), 1)
    assert_plain(problem)


def test_unknown_content_type_from_type_key(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        type: meeting
        ---
        We met.
        """})
    problem = only(report, "SITE-UNKNOWN-TYPE")
    assert (problem.file, problem.line) == (Path("content/about.md"), 3)
    assert_plain(problem)


# -- links, pictures, addresses --------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/no-such-page/", "/policy/no-such-policy.md", "/files/board-papers.pdf"])
def test_a_link_to_a_page_that_does_not_exist(broken, target):
    report, _ = broken({"content/about.md": f"""
        ---
        title: About us
        ---
        We are a partnership.

        We meet once a month.
        Read [our papers]({target}) before the meeting.
        """})
    problem = only(report, "LINK-BROKEN")
    assert (problem.file, problem.line) == (Path("content/about.md"), 7)
    assert_plain(problem)


def test_a_link_in_a_list_item(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        ---
        - We are a partnership.
        - Read [our papers](/nowhere/).
        """})
    problem = only(report, "LINK-BROKEN")
    assert (problem.file, problem.line) == (Path("content/about.md"), 5)


def test_a_picture_that_does_not_exist(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        ---
        [picture: meeting] We meet once a month.

        [picture: meetting] We meet in the town hall.
        """})
    problem = only(report, "PIC-UNKNOWN")
    assert (problem.file, problem.line) == (Path("content/about.md"), 6)
    assert problem.hint == "Did you mean 'meeting'?"
    assert_plain(problem)


def test_a_picture_that_does_not_exist_in_a_list_item(broken):
    report, _ = broken({"content/about.md": """
        ---
        title: About us
        ---
        - [picture: meeting] We meet once a month.
        - [picture: no-such-thing-at-all] We meet in the town hall.
        """})
    problem = only(report, "PIC-UNKNOWN")
    assert (problem.file, problem.line) == (Path("content/about.md"), 5)
    assert_plain(problem)


def test_two_pages_with_one_address(broken):
    dated = "---\ntitle: {}\ndate: 2026-01-01\n---\nNews.\n"
    report, _ = broken({"content/updates/news.md": dated.format("One"),
                        "content/updates/news/index.md": dated.format("Two")})
    problem = only(report, "LINK-DUPLICATE-URL")
    assert problem.file in (Path("content/updates/news.md"), Path("content/updates/news/index.md"))
    assert problem.line == 1
    assert_plain(problem)


def test_a_page_with_the_address_of_a_page_the_build_makes(broken):
    report, _ = broken({"content/minutes.md": "---\ntitle: Our minutes\n---\nMinutes.\n"})
    problem = only(report, "LINK-DUPLICATE-URL")
    assert (problem.file, problem.line) == (Path("content/minutes.md"), 1)
    assert_plain(problem)


def test_a_counterpart_naming_a_missing_page(broken):
    report, _ = broken({"content/policy/co-production.md": """
        ---
        title: Our co-production policy
        summary: How we work together.
        full_version: policy/co-production-ful
        ---
        We work together.
        """})
    problem = only(report, "LINK-VERSION")
    assert (problem.file, problem.line) == (Path("content/policy/co-production.md"), 4)
    assert_plain(problem)


def test_a_counterpart_of_the_same_version(broken):
    report, _ = broken({
        "content/policy/other.md": "---\ntitle: Other\n---\nOther.\n",
        "content/policy/co-production.md": "---\ntitle: Our policy\nfull_version: policy/other\n---\nWe work.\n",
    })
    problem = only(report, "LINK-VERSION")
    assert (problem.file, problem.line) == (Path("content/policy/co-production.md"), 3)
    assert_plain(problem)


def test_a_photo_in_the_body_without_words(broken):
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "PNG")
    report, _ = broken({"content/photos/team.png": buffer.getvalue(), "content/about.md": """
        ---
        title: About us
        photo_consent: yes
        ---
        This is our team.

        ![](photos/team.png)
        """})
    problem = only(report, "PIC-ALT-MISSING")
    assert (problem.file, problem.line) == (Path("content/about.md"), 7)
    assert_plain(problem)


# -- all at once ---------------------------------------------------------------------------------


def test_problems_in_several_files_are_all_reported_in_one_run(broken):
    report, _ = broken({
        "content/a.md": "---\ntitle: A\nsummary: one\n  bad: indent\n---\nHi.\n",
        "content/b.md": "---\ntitle: B\n---\nHi.\n\nRead [this](/nowhere/).\n",
        "content/c.md": "---\nsummary: no title\n---\nHi.\n",
        "content/d.md": "---\ntitle: D\n---\n[picture: no-such-picture] Hi.\n",
    })
    found = {(p.file.as_posix(), p.line, p.rule) for p in report.problems if p.file}
    assert ("content/a.md", 4, "SITE-YAML") in found
    assert ("content/b.md", 6, "LINK-BROKEN") in found
    assert ("content/c.md", 2, "SITE-MISSING") in found
    assert ("content/d.md", 4, "PIC-UNKNOWN") in found


def test_problems_come_sorted_by_file_and_line(broken):
    report, _ = broken({
        "content/b.md": "---\ntitle: B\n---\n[x](/nowhere/)\n\n[y](/nowhere-else/)\n",
        "content/a.md": "---\ntitle: A\n---\n[x](/nowhere/)\n",
    })
    keys = [(p.file.as_posix() if p.file else "", p.line or 0) for p in report.problems]
    assert keys == sorted(keys)
    links = [(p.file.as_posix(), p.line) for p in report.problems if p.rule == "LINK-BROKEN"]
    assert links == [("content/a.md", 4), ("content/b.md", 4), ("content/b.md", 6)]


def test_easy_read_findings_never_stop_a_build(make_site, build_site):
    site = make_site({**POLICY, "content/about.md": """
        ---
        title: About us
        ---
        [picture: meeting] The partnership board, which comprises representatives of the integrated care board, the local authority, provider organisations and people with lived experience, will henceforth convene on a quarterly basis in order to facilitate strategic oversight.
        """})
    report = build_site(site)
    assert report.written
    findings = [(p.file, p.line) for p in report.problems if p.rule.startswith("ER-")]
    assert (Path("content/about.md"), 4) in findings


def test_a_page_picture_that_does_not_exist_names_its_line(make_site, build_site):
    """A 'picture:' in front matter is checked like a picture marker in the body."""
    site = make_site({"content/index.md": "---\ntitle: Home\npicture: no-such-picture\n---\n\n[picture: none] Hello.\n"})
    report = build_site(site)
    found = [(p.file.as_posix(), p.line, p.rule) for p in report.problems if p.rule == "PIC-UNKNOWN"]
    assert found == [("content/index.md", 3, "PIC-UNKNOWN")] and not report.written
