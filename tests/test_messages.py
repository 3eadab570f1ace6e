"""How problems are printed (issue 13 part 8): one line each as
'FILE:LINE: severity [RULE] message' with the hint indented below, counts
that read naturally, stopping problems kept apart from easy-read findings,
and 'build' showing its easy-read errors and warnings (the first 20)."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import REPO

from wtfc_site.cli import main
from wtfc_site.errors import Problem, Severity, format_problem
from wtfc_site.output import print_findings, print_problems, summary_line


def _text(problems) -> str:
    stream = io.StringIO()
    print_problems(problems, stream)
    return stream.getvalue()


def test_one_line_per_problem_then_the_hint_indented():
    problem = Problem(Path("content/minutes/2026-05-20-board.md"), 7, "'31/02/2026' is not a date we can read.",
                      hint="Write dates as year-month-day, for example 2026-01-21.", rule="SITE-DATE")
    lines = _text([problem]).splitlines()
    assert lines[:2] == [
        "content/minutes/2026-05-20-board.md:7: error [SITE-DATE] '31/02/2026' is not a date we can read.",
        "    Write dates as year-month-day, for example 2026-01-21.",
    ]
    assert format_problem(problem) == "\n".join(lines[:2])


def test_the_readme_shows_the_format_that_is_printed():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert ("content/minutes/2026-05-20-board.md:7: error [SITE-DATE] '31/02/2026' is not a date we can read.\n"
            "    Write dates as year-month-day, for example 2026-01-21.") in readme


def test_no_empty_line_number():
    text = _text([Problem(Path("content/site.yaml"), None, "Something.", rule="SITE-X"),
                  Problem(None, None, "The whole site.", rule="SITE-Y")])
    assert "content/site.yaml: error [SITE-X] Something." in text
    assert "(site): error [SITE-Y] The whole site." in text
    assert "  :" not in text and ":None" not in text


def test_counts_read_naturally_and_stops_are_kept_apart():
    stop = Problem(Path("content/a.md"), 1, "Broken.", rule="LINK-BROKEN")
    easy = Problem(Path("content/a.md"), 2, "Long.", rule="ER-SENT-LEN", severity=Severity.WARNING)
    note = Problem(Path("content/a.md"), 3, "Active.", rule="ER-ACTIVE", severity=Severity.INFO)
    assert summary_line([stop, easy, note]) == \
        "Stops the build: 1 error. Easy read: 0 errors, 1 warning, 1 note, 0 quietened."
    assert summary_line([easy, easy]) == "Easy read: 0 errors, 2 warnings, 0 notes, 0 quietened."


def test_build_prints_the_first_20_findings_then_how_many_more():
    findings = [Problem(Path("content/a.md"), n, f"Sentence {n} is long.", rule="ER-SENT-LEN",
                        severity=Severity.WARNING) for n in range(1, 26)]
    findings.append(Problem(Path("content/a.md"), 99, "Note.", rule="ER-ACTIVE", severity=Severity.INFO))
    stream = io.StringIO()
    print_findings(findings, stream)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "content/a.md:1: warning [ER-SENT-LEN] Sentence 1 is long."
    assert sum(1 for line in lines if "[ER-SENT-LEN]" in line) == 20
    assert "... and 5 more findings. Run 'python build.py check' to see them all." in lines
    assert "Note." not in stream.getvalue()  # notes are for 'check'


def test_build_command_prints_easy_read_warnings(make_site, capsys):
    site = make_site({"content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] The partnership board, which comprises representatives of the integrated care board, the local authority, provider organisations and people with lived experience, will henceforth convene on a quarterly basis in order to facilitate strategic oversight.
        """})
    assert main(["build", "--site", str(site), "--today", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "content/index.md:4: " in out and "[ER-" in out


def test_a_stopped_build_says_1_problem(make_site, capsys):
    site = make_site({"content/index.md": "---\ntitle: Home\n---\nSee [x](/nowhere/).\n"})
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "content/index.md:4: error [LINK-BROKEN]" in err
    assert "The site was not built: 1 problem to fix." in err


def test_a_far_too_big_picture_states_its_size_and_the_limit(tmp_path):
    from test_pictures_process import header_only_png, problem_for, write
    problem = problem_for(write(tmp_path, "bomb.png", header_only_png(100_000, 100_000)), tmp_path)
    assert problem.rule == "PIC-TOO-BIG"
    assert "(10000 megapixels)" in problem.message and "The most we accept is 40 megapixels." in problem.message


def test_a_mistake_in_the_sites_own_layout_is_named_relative_to_the_site(make_site, build_site):
    site = make_site({"layouts/page.html": '{% extends "default/page.html" %}\n{% block content %}{{ no_such_name.x }}'
                                          '{% endblock %}\n',
                      "content/about.md": "---\ntitle: About\n---\n[picture: people] About us.\n"})
    report = build_site(site)
    layout = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert layout and {p.file.as_posix() for p in layout} == {"layouts/page.html"}
