"""A build keeps each page's findings packed, and says exactly what it said when it held them all.

The site here is unlike the example: page files with spaces, capitals,
digits that sort as text ("page 10" before "page 9"), dots and a folder
whose name sorts between two pages' names; findings of every kind on most
pages (errors, warnings, notes, quietened ones) and cross-page warnings
(a consent review due) and findings on what the built page shows (a
person's long role, at the page's line 2) among a page's own findings.

Each test builds one copy clean and another copy cached before and after
the same edit, and compares what a person is shown: the build's printed
report, 'check' in every format, exit codes and the nothing-changed build.
"""

from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import new_site

from wtfc_site import cli
from wtfc_site.checker.visible import LAYOUT_HINT
from wtfc_site.errors import Problem, Severity, sort_problems
from wtfc_site.findings import PackedProblems, ProblemList
from wtfc_site.output import build_findings, summary_line

SENTENCES = [
    "We met in the hall on Monday.",
    "The bus goes to the town.",
    "Notwithstanding the aforementioned considerations, the multidisciplinary partnership "
    "endeavoured to operationalise a comprehensive, sustainable and person-centred commissioning "
    "framework for everybody in the county during the forthcoming financial year.",
    "The council's infrastructure prioritisation was contentious.",
    "We had 1,250 people and 37.5% of them said yes.",
    "You can ask us. We will help. We like tea. We meet often. We go home.",
    "<!-- quiet ER-SENT-LEN: this is the name of the law -->\n"
    "The Care and Support (Eligibility Criteria) Regulations and the associated statutory guidance "
    "were explained by the solicitor to the committee in considerable and exhaustive detail today.",
]

FILE_NAMES = ["Zebra crossing", "page 10", "page 9", "a", "a-b", "v1.2 notes", "ab", "Bus times 2026",
              "cafe", "x", "Über uns", "café-menu", "z9", "Z10", "b", "b c"]


def page_text(number: int, title: str) -> str:
    """Return a page whose points mix easy sentences with findings, differently for each page."""
    points = [SENTENCES[(number * 3 + k * 5) % len(SENTENCES)] for k in range(4 + number % 4)]
    body = "\n\n".join(f"[picture: none] {s}" if not s.startswith("<!--") else s.replace("\n", "\n[picture: none] ")
                       for s in points)
    return f"---\ntitle: {title}\ndate: 2026-0{1 + number % 9}-1{number % 10}\n---\n{body}\n"


STORY = """\
---
title: Tales of the day centre number {n}
told_by: Aisha, a member of Speak Up
consent: yes
consent_date: 2025-06-03
consent_recorded_by: Sam Okafor
consent_covers: this website
consent_review_by: 2026-01-0{n}
---
[picture: none] Notwithstanding the aforementioned considerations, the multidisciplinary partnership endeavoured to operationalise a comprehensive framework for everybody in the county.

[picture: none] I like the quiet room.
"""


PERSON = """\
---
title: {name}
role: worker who helps the members of our group to get ready for every meeting that the board holds in the town
---
[picture: none] {name} works with us. The committee's deliberations were contentious.
"""


def messy_files(pages: int = len(FILE_NAMES)) -> dict[str, str]:
    """Return the messy site's files: updates in two folders and stories whose consent review is due."""
    files = {}
    for number in range(pages):
        name = FILE_NAMES[number % len(FILE_NAMES)] + ("" if number < len(FILE_NAMES) else f" {number}")
        folder = "updates" if number % 3 else "updates/a b"
        files[f"content/{folder}/{name}.md"] = page_text(number, f"News number {number}")
    for n in range(1, 4):
        files[f"content/stories/Story {n}.md"] = STORY.format(n=n)
    for name in ("Sam Okafor", "priya Shah", "Ann-Marie O'Neil"):  # their role's line is found on the built page
        files[f"content/people/{name}.md"] = PERSON.format(name=name)
    return files


def run(*argv: str) -> tuple[int, str, str]:
    """Return the exit code, standard output and standard error of the command line, the time taken left out."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    text = out.getvalue().replace(" (nothing had changed)", "")
    return code, re.sub(r" in \d+\.\d s", "", text), err.getvalue()


def build(site: Path) -> tuple[int, str, str]:
    """Return what 'build' says, the site's folder named SITE (the two copies' folders differ)."""
    code, out, err = run("build", "--site", str(site), "--out", str(site.parent / (site.name + "-out")),
                         "--today", "2026-11-23")
    return code, out.replace(str(site), "SITE"), err.replace(str(site), "SITE")


def edit(site: Path, name: str, text: str) -> None:
    page = site / "content" / name
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


EDITS = [("updates/a b/a.md", "[picture: none] The council's infrastructure prioritisation was contentious again."),
         ("updates/page 10.md", "[picture: none] The solicitor's remuneration was contentious."),
         ("stories/Story 2.md", "[picture: none] The aforementioned considerations were contentious.")]


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path]:
    """Return two copies of the messy site: one to build cached, one to build clean after the same edits."""
    cached = new_site(tmp_path / "cached", messy_files(40))
    clean = tmp_path / "clean"
    shutil.copytree(cached, clean)
    return cached, clean


@pytest.mark.parametrize("edited", EDITS, ids=["first page", "middle page", "story"])
def test_a_cached_one_page_edit_reports_what_a_clean_build_reports(sites, edited):
    cached, clean = sites
    first = build(cached)
    assert first[0] == 0 and "more finding" in first[1] and "Site: 4 warnings." in first[1]
    edit(cached, *edited)
    edit(clean, *edited)
    again = build(cached)
    assert again == build(clean)
    assert build(cached) == again, "a build with nothing changed says the same again"
    assert "more finding" in again[1] and again != first
    # The edited page's new finding is counted, and 'check' lists every finding the same either way.
    for argv in (("check",), ("check", "--format", "json"), ("check", "--format", "github"), ("check", "--strict")):
        assert run(*argv, "--site", str(cached), "--today", "2026-11-23") == \
            run(*argv, "--site", str(clean), "--today", "2026-11-23")


def test_the_report_is_what_sorting_every_finding_gives(sites, build_site):
    cached, _ = sites
    report = build_site(cached)
    assert isinstance(report.problems, ProblemList)
    every = list(report.problems)
    assert len(every) == len(report.problems) > 100
    assert every == sort_problems(every), "gone through in sort order"
    files = {p.file for p in every if p.rule.startswith("ER-")}
    assert len(files) >= 30, "findings on most pages"
    plain = build_findings(every)  # the old way: every finding as an object, sorted and counted
    assert report.findings == plain
    assert summary_line(report.problems) == summary_line(every)
    # Those shown first come from several pages, in file then line order ("page 10" sorts before "page 9").
    assert len({p.file for p in plain.shown}) >= 2
    seen = [p for p in every if p.file and p.file.name == "Sam Okafor.md" and p.hint.endswith(LAYOUT_HINT)]
    assert seen, "what the built page shows is checked too"


def test_a_one_page_edit_opens_only_the_few_packs_it_prints(sites, build_site, monkeypatch):
    cached, _ = sites
    build_site(cached)
    opened: list[int] = []
    original = PackedProblems.unpack

    def counting(self: PackedProblems) -> list[Problem]:
        opened.append(self.size)
        return original(self)
    monkeypatch.setattr(PackedProblems, "unpack", counting)
    edit(cached, *EDITS[1])
    report = build_site(cached)
    pages_with_findings = sum(isinstance(part, PackedProblems) for part in report.problems.parts)
    assert pages_with_findings >= 35
    # The edited page is read again to check what it shows, and the packs holding the first 20 findings
    # are opened to print them: a handful, not one for each page.
    assert 1 <= len(opened) <= 6, opened


def test_equal_findings_keep_the_order_a_stable_sort_gives():
    here = Path("content/updates/a.md")

    def finding(message: str, excerpt: str, severity: Severity = Severity.WARNING) -> Problem:
        return Problem(here, 3, message, rule="ER-X", severity=severity, excerpt=excerpt)
    loose = [finding("same", "loose one"), finding("same", "loose two"), finding("note", "n", Severity.INFO)]
    packed = PackedProblems.pack([finding("same", "packed one"), finding("earlier", "e")])
    later = [finding("same", "later one")]
    problems = ProblemList.of(loose, packed, later)
    every = sort_problems([*loose, finding("same", "packed one"), finding("earlier", "e"), *later])
    assert list(problems) == every
    assert problems.first_shown(4) == [p for p in every if p.severity is not Severity.INFO][:4]
    assert build_findings(problems, 2) == build_findings(every, 2)
    assert problems.tally.notes == 1 and problems.tally.shown == 5
