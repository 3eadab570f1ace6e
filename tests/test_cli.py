"""The command line: ``python build.py ...`` in a subprocess as people run it, and
``cli.main([...])`` in this process where only the options are under test (faster)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SOURCE_DATE_EPOCH, read_html

from wtfc_site.cli import main

SITE = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] We meet once a month.
        """,
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        ---
        [picture: policy] We work together.
        """,
    "content/about.md": """
        ---
        title: About us
        draft: yes
        ---
        [picture: people] We are a group.
        """,
    "content/minutes/2026-10-01-board.md": """
        ---
        title: Board meeting
        meeting_date: 2026-10-01
        group: Partnership board
        chairs: [Sam Okafor]
        actions:
          - {id: a1, what: Book the room., who: Sam Okafor, by: 2026-10-15}
        ---
        [picture: meeting] We met.
        """,
}

BROKEN = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        We meet once a month.

        Read [this](/nowhere/).
        """,
    "content/updates/news.md": """
        ---
        title: News
        date: 31/02/2026
        ---
        News.
        """,
}


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run ``python build.py ARGS`` the way an author would."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


PROBLEM_LINE = re.compile(r"^(?P<file>\S.*?)(?::(?P<line>\d+))?: (?P<severity>error|warning|info)"
                          r"(?: \(quietened: [^)]*\))? \[(?P<rule>[A-Z0-9-]+)\] (?P<message>.+)$")
"""The documented text format: 'FILE:LINE: severity [RULE] message', the hint indented below."""


def problems_in_text(text: str) -> set[tuple[str, int | None, str]]:
    """Read the documented text format back into (file, line, rule)."""
    found = set()
    for raw in text.splitlines():
        match = PROBLEM_LINE.match(raw)
        if match:
            line = int(match["line"]) if match["line"] else None
            found.add((match["file"], line, match["rule"]))
    return found


def test_build_writes_the_site_and_exits_0(make_site, tmp_path):
    site = make_site(SITE)
    out = tmp_path / "out"
    result = run("--site", str(site), "--out", str(out), "--today", "2026-11-23")
    assert result.returncode == 0, result.stderr
    assert read_html(out / "index.html").find("h1").get_text(strip=True) == "Welcome"
    assert not (out / "about").exists()  # a draft
    assert not (site / "_site").exists()
    soup = read_html(out / "minutes" / "2026-10-01-board" / "index.html")
    assert [s.get_text(strip=True) for s in soup.select("section.actions .state-label")] == ["Late"]


def test_named_build_command_with_drafts_and_today(make_site, capsys):
    site = make_site(SITE)
    assert main(["build", "--site", str(site), "--drafts", "--today", "2026-10-12"]) == 0, capsys.readouterr().err
    out = site / "_site"
    assert (out / "about" / "index.html").is_file()
    soup = read_html(out / "minutes" / "2026-10-01-board" / "index.html")
    # On 12 October the job due on 15 October is not late yet (test_build_writes... sees it late).
    assert [s.get_text(strip=True) for s in soup.select("section.actions .state-label")] == ["To do"]


def test_a_broken_site_exits_1_names_file_and_line_and_writes_nothing(make_site):
    site = make_site(BROKEN)
    result = run("--site", str(site))
    assert result.returncode == 1
    assert not (site / "_site").exists()
    found = problems_in_text(result.stderr)
    assert ("content/index.md", 6, "LINK-BROKEN") in found
    assert ("content/updates/news.md", 3, "SITE-DATE") in found
    assert "Traceback" not in result.stderr


def test_check_json_lists_problems_with_file_line_and_rule(make_site):
    site = make_site(BROKEN)
    result = run("check", "--site", str(site), "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    found = {(p["file"], p["line"], p["rule"]) for p in problems}
    assert ("content/index.md", 6, "LINK-BROKEN") in found
    assert ("content/updates/news.md", 3, "SITE-DATE") in found
    for problem in problems:
        assert set(problem) >= {"file", "line", "rule", "severity", "message", "hint"}
    assert not (site / "_site").exists()


def test_check_writes_nothing_and_passes_a_clean_site(make_site, capsys):
    site = make_site(SITE)
    code = main(["check", "--site", str(site), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    errors = [p for p in problems if p["severity"] == "error"]
    assert code == 0  # easy-read findings alone never fail 'check' without --strict
    assert not [p for p in errors if not p["rule"].startswith("ER-")]
    assert sorted(p.name for p in site.iterdir()) == ["content"]  # no _site, no cache: nothing written


def test_check_without_strict_exits_0_on_easy_read_errors_and_1_on_a_stop(make_site):
    """The README's table: only what stops 'build' fails 'check'; --strict adds easy-read findings."""
    hard = {**SITE, "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] Notwithstanding the aforementioned considerations, the commissioning apparatus shall henceforth operationalise multidisciplinary interventions, and furthermore stakeholders' remuneration arrangements notwithstanding, implementation commences.
        """}
    site = make_site(hard)
    result = run("check", "--site", str(site), "--format", "json")
    assert [p for p in json.loads(result.stdout) if p["severity"] == "error" and p["rule"].startswith("ER-")]
    assert result.returncode == 0
    assert run("check", "--site", str(site), "--strict").returncode == 1
    broken = make_site({**hard, "content/about.md": "---\ntitle: About\n---\nSee [the plan](/plan-that-is-not-there/).\n"},
                       name="broken")
    assert run("check", "--site", str(broken)).returncode == 1


def test_check_strict_fails_on_easy_read_warnings(make_site):
    site = make_site({**SITE, "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] The partnership board, which comprises representatives of the integrated care board, the local authority, provider organisations and people with lived experience, will henceforth convene on a quarterly basis in order to facilitate strategic oversight.
        """})
    result = run("check", "--site", str(site), "--strict", "--format", "json")
    assert result.returncode == 1
    findings = [p for p in json.loads(result.stdout) if p["rule"].startswith("ER-")]
    assert ("content/index.md", 4) in {(p["file"], p["line"]) for p in findings}


@pytest.mark.parametrize("args", [["--today", "31/02/2026"], ["check", "--format", "xml"], ["no-such-command"]])
def test_wrong_use_exits_2(make_site, capsys, args):
    with pytest.raises(SystemExit) as caught:
        main([*args, "--site", str(make_site(SITE))])
    assert caught.value.code == 2
    assert capsys.readouterr().err  # argparse says what was wrong


def test_python_m_wtfc_site_works_too(make_site):
    site = make_site(SITE)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "wtfc_site", "build", "--site", str(site)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (site / "_site" / "index.html").is_file()


def test_build_tells_the_author_when_the_library_chose_pictures(make_site, capsys):
    """Issue 4: the author is told which pictures were chosen, so they can keep, change or refuse them."""
    from wtfc_site.cli import main
    site = make_site({"content/index.md": "---\ntitle: Home\n---\n\nWe go to the meeting by bus.\n"})
    assert main(["build", "--site", str(site), "--today", "2026-11-23"]) == 0
    assert "chose 1 picture for you" in capsys.readouterr().out  # "1 picture", not "1 picture(s)"
    assert main(["pictures", "--site", str(site), "--chosen"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("content/index.md:5: ") and "(chosen)" in line
