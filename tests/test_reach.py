"""Every page can be reached (issue 13 part 5), a site without a home page
stops (part 8), and 'check' finds what stops 'build' without writing (part 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import MINIMAL_SITE_YAML, REPO, SOURCE_DATE_EPOCH, read_html


def _page(title: str, words: str, **front) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in front.items())
    return f"---\ntitle: {title}\n{extra}---\n[picture: news] {words}\n"


SECTIONS = {
    "content/index.md": _page("Home", "Welcome to our site."),
    "content/minutes/2026-01-21-board.md": _page("Board meeting", "We met.", group="Partnership board",
                                                   meeting_date="2026-01-21", chairs="[Asha Patel]"),
    "content/updates/new-bus.md": _page("A new bus", "The bus is new.", date="2026-02-01"),
    "content/people/asha-patel.md": _page("Asha Patel", "Asha helps us.", role="Member"),
}


def _menu(out) -> list[tuple[str, str]]:
    return [(a.get_text(strip=True), a["href"]) for a in read_html(out / "index.html").select("nav.main-menu a")]


def test_with_no_navigation_the_menu_is_made_from_sections_that_have_content(make_site, build_site, tmp_path):
    out = tmp_path / "out"
    report = build_site(make_site(SECTIONS), out_dir=out)
    assert report.written
    assert _menu(out) == [("Meeting notes", "/minutes/"), ("News", "/updates/"), ("Who we are", "/people/")]
    assert not [p for p in report.problems if p.rule == "SITE-UNREACHABLE"]


def test_the_made_menu_keeps_to_the_configured_number(make_site, build_site, tmp_path):
    settings = MINIMAL_SITE_YAML + "checker:\n  navigation_max_items: 2\n"
    out = tmp_path / "out"
    build_site(make_site({**SECTIONS, "content/site.yaml": settings}), out_dir=out)
    assert _menu(out) == [("Meeting notes", "/minutes/"), ("News", "/updates/")]


def test_a_page_nobody_links_to_is_a_warning_naming_it(make_site, build_site):
    site = make_site({**SECTIONS, "content/about.md": _page("About us", "We are a partnership."),
                      "content/contact.md": _page("Contact", "Phone us."),
                      "content/index.md": _page("Home", "Read [about us](/about/).")})
    report = build_site(site)
    assert report.written
    found = [(p.file.as_posix(), p.line, p.severity.value, p.message) for p in report.problems
             if p.rule == "SITE-UNREACHABLE"]
    assert found == [("content/contact.md", 2, "warning",
                      "Nobody can get to 'Contact' (/contact/) from the home page by following links.")]


def test_a_menu_longer_than_the_setting_is_a_warning_at_navigation(make_site, build_site):
    items = "".join(f"  - {{title: Item {n}, link: /}}\n" for n in range(6))
    site = make_site({**SECTIONS, "content/site.yaml": MINIMAL_SITE_YAML + "navigation:\n" + items})
    report = build_site(site)
    (problem,) = [p for p in report.problems if p.rule == "SITE-MENU-LONG"]
    assert (problem.file.as_posix(), problem.line, problem.severity.value) == ("content/site.yaml", 6, "warning")
    assert problem.message == "The main menu has 6 links; 5 at most keeps the choice easy."


def test_a_site_without_a_home_page_stops_with_a_plain_message(make_site, build_site):
    files = {k: v for k, v in SECTIONS.items() if k != "content/index.md"}
    report = build_site(make_site(files, home=False))
    assert not report.written
    (problem,) = [p for p in report.problems if p.rule == "SITE-NO-HOME"]
    assert problem.message == "The site has no home page."
    assert "content/index.md" in problem.hint


def _check(site, *args) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--site", str(site), *args],
                          env=env, capture_output=True, text=True, timeout=120)


UNSAFE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>\n'
INDEX = textwrap.dedent("""\
    pictures:
      kettle:
        file: kettle.svg
        description: A kettle
        keywords: [kettle]
        licence: CC0-1.0
        author: Testshire Together
    """)


def test_check_stops_on_a_picture_with_a_script_as_build_does_and_writes_nothing(make_site, build_site):
    site = make_site({**SECTIONS, "content/index.md": "---\ntitle: Home\n---\n[picture: kettle] Tea time.\n",
                      "easyread_images/index.yaml": INDEX, "easyread_images/kettle.svg": UNSAFE})
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    result = _check(site, "--format", "json")
    assert result.returncode == 1
    assert ("easyread_images/kettle.svg", "PIC-SVG-UNSAFE") in {(p["file"], p["rule"]) for p in json.loads(result.stdout)}
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert not build_site(site).written


def test_check_reports_an_unreachable_page_too(make_site):
    site = make_site({**SECTIONS, "content/contact.md": _page("Contact", "Phone us.")})
    result = _check(site, "--format", "json")
    assert result.returncode == 0
    assert ("content/contact.md", "SITE-UNREACHABLE") in {(p["file"], p["rule"]) for p in json.loads(result.stdout)}
