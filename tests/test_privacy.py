"""The privacy scan: each kind of personal data is an error with the right file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtfc_site.errors import Severity
from wtfc_site.privacy import nhs_number_is_valid, scan_text

FILE = Path("content/wtfc/2026/statements.csv")


@pytest.mark.parametrize("text, rule", [
    ("Write to me at jo.bloggs@example.com please.", "PRIV-EMAIL"),
    ("Ring my mum on 07700 900123.", "PRIV-PHONE"),
    ("The office is 01632 960123.", "PRIV-PHONE"),
    ("Call +44 (0)1632 960 123 after 5pm.", "PRIV-PHONE"),
    ("I live at RV1 1AA with my dad.", "PRIV-POSTCODE"),
    ("My flat is in SW1A 1AA.", "PRIV-POSTCODE"),
    ("My NHS number is 943 476 5919.", "PRIV-NHS-NUMBER"),
    ("9434765919", "PRIV-NHS-NUMBER"),
    ("943-476-5919 is on my card", "PRIV-NHS-NUMBER"),
    ("I was born on 3 April 1990.", "PRIV-DOB"),
    ("DOB: 03/04/1990", "PRIV-DOB"),
    ("Date of birth 1990-04-03", "PRIV-DOB"),
    ("I was born in March 1985 in Riverside.", "PRIV-DOB"),
])
def test_each_kind_of_personal_data_is_an_error(text: str, rule: str) -> None:
    problems = scan_text(text, FILE, 7)
    assert [p.rule for p in problems] == [rule]
    assert problems[0].file == FILE and problems[0].line == 7
    assert problems[0].severity is Severity.ERROR


def test_the_line_is_the_line_the_data_is_on() -> None:
    text = "I like my job.\nI go out on Tuesdays.\nMy email is sam@example.org"
    (problem,) = scan_text(text, FILE, 10)
    assert problem.line == 12


def test_the_message_does_not_repeat_the_personal_data() -> None:
    (problem,) = scan_text("Ring 07700 900123", FILE, 1)
    assert "900123" not in problem.message + problem.hint + problem.excerpt


@pytest.mark.parametrize("text", [
    "I go to the market every Saturday.",
    "We met on 21 January 2026.",
    "The last bus home is at 6 o'clock.",
    "I only get 10 minutes and it is not enough.",
    "R01 said 2 things.",
    "In 2026 we asked 28 people.",
    "I want to have a party for my birthday with friends.",
])
def test_everyday_easy_read_text_is_not_flagged(text: str) -> None:
    assert scan_text(text, FILE, 1) == []


def test_nhs_number_check_digit() -> None:
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    assert not nhs_number_is_valid("12345")


def test_an_invalid_ten_digit_number_is_still_reported_as_a_possible_nhs_number() -> None:
    (problem,) = scan_text("Number 9434765918", FILE, 1)
    assert problem.rule == "PRIV-NHS-NUMBER" and "may be" in problem.message


def test_a_name_in_a_quoted_statement_is_found():
    from wtfc_site.privacy import scan_names
    [problem] = scan_names("I like it when Jane takes me to the park on Saturday.", Path("s.csv"), 7, frozenset())
    assert (problem.rule, problem.line, problem.excerpt) == ("PRIV-NAME", 7, "Jane")


def test_days_places_and_listed_names_are_not_names():
    from wtfc_site.privacy import scan_names
    text = "I go to Riverside market on Tuesdays. At Christmas I see my Mum."
    assert scan_names(text, Path("s.csv"), 1, frozenset({"Riverside"})) == []


def test_a_phone_number_in_a_story_stops_the_build(tmp_path):
    import textwrap

    from wtfc_site.pipeline import Options, load_site
    site = tmp_path / "site"
    (site / "content" / "stories").mkdir(parents=True)
    (site / "content" / "site.yaml").write_text(
        "name: T\narea: T\ncontact: {email: a@example.org, phone: 01632 960 000}\n", encoding="utf-8")
    (site / "content" / "stories" / "sam.md").write_text(textwrap.dedent("""\
        ---
        title: Sam's story
        consent: yes
        told_by: Sam
        ---

        I moved to my own flat.
        You can ring me on 07700 900123.
        """), encoding="utf-8")
    loaded = load_site(Options(site_dir=site, cache_dir=tmp_path / "cache"))
    found = [(p.file.as_posix(), p.line, p.rule) for p in loaded.problems if p.rule.startswith("PRIV-")]
    assert found == [("content/stories/sam.md", 8, "PRIV-PHONE")]
