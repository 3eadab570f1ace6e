"""The accessibility statement: written from site.yaml, the page's front matter and the build's own checks.

What a reader sees on /accessibility/ (the parts of the UK public-sector
model statement), and what the checker says when the statement, or a part
only the partnership can write, is missing.
"""

from __future__ import annotations

import pytest
from conftest import MINIMAL_SITE_YAML, TODAY, read_html

from wtfc_site import pipeline
from wtfc_site.errors import Severity
from wtfc_site.pipeline import Options

STATEMENT = """\
---
title: How easy our website is to use
type: accessibility
updated: 2026-11-02
review_by: 2027-11-01
status: partly
known_problems:
  - what: Some old notes are only in PDF.
    fix_by: 2027-03-31
tested_by: 4 members of our self-advocacy group
tested_on: 2026-10-27
---

## This website

[picture: website]
This page is about our website.
"""


def visible_text(soup) -> str:
    return " ".join(soup.find("main").get_text(" ", strip=True).split())


def statement_findings(site_dir, tmp_path) -> list:
    report = pipeline.check(Options(site_dir=site_dir, today=TODAY, cache_dir=tmp_path / "cache"))
    return [p for p in report.problems if p.rule == "A11Y-STATEMENT"]


def test_the_example_statement_has_every_part_of_the_model(built_example):
    text = visible_text(built_example.page("/accessibility/"))
    for words in (
        "Web Content Accessibility Guidelines version 2.2, level AA",   # the standard
        "This website partly meets these rules.",                       # how well it meets it
        "Notes from our meetings in 2025 are only in PDF.",             # known problems, from front matter
        "We will fix this by 31 March 2027.",
        "Phone us on 01632 960 123",                                    # contact, from site.yaml
        "hello@riverside-together.example.org",
        "We will answer within 10 working days.",                       # feedback.reply_days
        "Equality and Human Rights Commission",                         # enforcement
        "Equality Advisory and Support Service",
        "On 23 November 2026 it checked the words of",                  # the build's own checks and their date
        "5 members of Speak Up Riverside tested the website on 27 October 2026.",
        "We wrote this statement on 2 November 2026.",
        "We will check it again by 1 November 2027.",
    ):
        assert words in text, words
    headings = [h.get_text(strip=True) for h in built_example.page("/accessibility/").select("main h2")]
    assert {"How well this website works", "What does not work yet", "Ask for another format",
            "Tell us about a problem", "If you are not happy with our answer", "How we check this website",
            "About this statement"} <= set(headings)


def test_the_example_site_has_no_statement_findings(built_example):
    assert [p for p in built_example.report.problems if p.rule == "A11Y-STATEMENT"] == []


def test_the_statement_counts_the_pages_the_build_checked(built_example):
    text = visible_text(built_example.page("/accessibility/"))
    site = built_example.report.site
    assert f"checked the words of {len(site.pages) + len(site.data_pages())} pages" in text


def test_a_site_without_a_statement_is_told_how_to_add_one(make_site, tmp_path):
    found = statement_findings(make_site(), tmp_path)
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert "no accessibility statement" in found[0].message
    assert "content/accessibility.md" in found[0].hint and "type: accessibility" in found[0].hint


def test_an_accessibility_page_that_is_not_marked_as_the_statement_is_named(make_site, tmp_path):
    site = make_site({"content/accessibility.md": "---\ntitle: Accessibility\n---\n\nWe care.\n"})
    found = statement_findings(site, tmp_path)
    assert len(found) == 1 and found[0].file.name == "accessibility.md" and found[0].line == 2
    assert "type: accessibility" in found[0].hint


def test_each_missing_part_is_a_warning_with_its_line(make_site, tmp_path):
    site = make_site({"content/accessibility.md": "---\ntitle: About our website\ntype: accessibility\n---\n\nHello.\n"})
    found = statement_findings(site, tmp_path)
    messages = " ".join(p.message for p in found)
    for part in ("how well the website meets the standard", "what does not work yet", "when it was written",
                 "when it will be checked again", "who tested the website"):
        assert part in messages, part
    assert all(p.severity is Severity.WARNING and p.line for p in found)


@pytest.mark.parametrize("change, message", [
    (("known_problems:\n  - what: Some old notes are only in PDF.\n    fix_by: 2027-03-31", "known_problems: []"),
     "partly meets the standard, but lists no problems"),
    (("review_by: 2027-11-01", "review_by: 2026-01-01"), "should have been checked again"),
])
def test_a_statement_that_contradicts_itself_or_is_late_is_warned(make_site, tmp_path, change, message):
    site = make_site({"content/accessibility.md": STATEMENT.replace(*change)})
    found = statement_findings(site, tmp_path)
    assert [p for p in found if message in p.message], [p.message for p in found]


def test_a_complete_statement_has_no_findings_and_shows_its_own_settings(make_site, build_site, tmp_path):
    site = make_site({"content/site.yaml": MINIMAL_SITE_YAML + "accessibility:\n  enforcement: northern-ireland\n",
                      "content/index.md": "---\ntitle: Welcome\n---\n\nHello.\n",
                      "content/accessibility.md": STATEMENT})
    assert statement_findings(site, tmp_path) == []
    report = build_site(site)
    assert report.written
    text = visible_text(read_html(site / "_site" / "accessibility" / "index.html"))
    assert "Phone us on 01632 960 000" in text and "hello@testshire.example.org" in text
    assert "Equality Commission for Northern Ireland" in text
    assert "Equality Advisory and Support Service" not in text
    assert "Some old notes are only in PDF." in text
