"""Names in quoted statements (issue 13 part 3): places and organisations
are never taken for people; a likely first name is a warning with the word
and line; a statement marked names_checked is not scanned for names; a
setting makes names stop the build; contact details always stop it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML
from test_wtfc import STATEMENTS, problems_of, tiny

from wtfc_site.errors import Severity
from wtfc_site.names import NameContext, gazetteer, likely_first_name, place_words_in
from wtfc_site.privacy import scan_names

CONTEXT = NameContext(places=frozenset({"testshire", "testshire together", "together"}) | place_words_in(
    ["We meet at Bryn Village Hall.", "Our office is in Pwllheli."]),
    is_place=lambda word: word in gazetteer(), is_first_name=likely_first_name)


def _names(text: str, context: NameContext = CONTEXT) -> list[tuple[str, int | None, str]]:
    return [(p.excerpt, p.line, p.severity.value) for p in scan_names(text, Path("s.csv"), 4, context)]


@pytest.mark.parametrize("text", [
    "I go to Bryn Village Hall on Mondays.",
    "We went to Aberystwyth and then to Cardiff.",
    "My family came here from Nigeria and Pakistan.",
    "Testshire Together helped me find a job.",
    "The office in Pwllheli is easy to get to.",
    "I love the North West and Northern Ireland.",
    "We go on holiday to Lancashire and to Gwynedd.",
    "My nan lives in County Durham.",
    "Bus fares cost too much.",
    "Will you come with me?",
    "I see my GP on a Tuesday in March.",
])
def test_places_organisations_and_everyday_words_are_not_names(text):
    assert _names(text) == []


@pytest.mark.parametrize("text, word", [
    ("Oluwaseun helps me with my money.", "Oluwaseun"),
    ("My friend Siobhan comes to the disco with me.", "Siobhan"),
    ("I go swimming with Llŷr on Saturdays.", "Llŷr"),
    ("Mohammed drives the bus to the Village Hall.", "Mohammed"),
    ("Mrs Okafor at the day centre is kind.", "Okafor"),
    ("I go bowling with Siobhan Murphy.", "Siobhan"),   # there are towns called Murphy: still a person
    ("Mohammed Ali drives the minibus.", "Mohammed"),
])
def test_a_likely_first_name_is_a_warning_with_the_word_and_line(text, word):
    assert _names(text) == [(word, 4, "warning")]


def test_the_setting_makes_names_stop_the_build():
    strict = NameContext(places=CONTEXT.places, is_place=CONTEXT.is_place, is_first_name=likely_first_name, stop=True)
    assert _names("Siobhan helps me.", strict) == [("Siobhan", 4, "error")]


ROWS = (STATEMENTS.rstrip("\n") + "\n"
        "R09,working,getting-out,yes,Siobhan takes me to Aberystwyth on the train.\n"
        "R10,working,getting-out,yes,Oluwaseun is my best friend at Bryn Village Hall.\n")


def _with_names_checked(rows: str) -> str:
    lines = rows.rstrip("\n").split("\n")
    out = [lines[0] + ",names_checked"] + [line + ("," + ("yes" if "Oluwaseun" in line else "")) for line in lines[1:]]
    return "\n".join(out) + "\n"


def test_in_a_build_names_warn_and_a_checked_statement_is_quiet(make_site):
    site = make_site(tiny(statements_csv=_with_names_checked(ROWS)))
    problems = [p for p in problems_of(site) if p.rule.startswith("PRIV")]
    line = ROWS.rstrip("\n").split("\n").index(
        "R09,working,getting-out,yes,Siobhan takes me to Aberystwyth on the train.") + 1
    assert [(p.file.as_posix(), p.line, p.rule, p.severity, p.excerpt) for p in problems] == [
        ("content/wtfc/2026/statements.csv", line, "PRIV-NAME", Severity.WARNING, "Siobhan")]


def test_the_privacy_setting_stops_the_build_on_a_name(make_site, build_site):
    site = make_site({**tiny(statements_csv=ROWS),
                      "content/site.yaml": MINIMAL_SITE_YAML + "privacy:\n  names_in_quotes: error\n"})
    report = build_site(site)
    assert not report.written
    assert {p.excerpt for p in report.problems if p.rule == "PRIV-NAME" and p.severity is Severity.ERROR} == \
        {"Siobhan", "Oluwaseun"}


def test_contact_details_still_stop_the_build_even_when_names_were_checked(make_site, build_site):
    rows = _with_names_checked(STATEMENTS.rstrip("\n") + "\nR11,working,getting-out,yes,"
                                                         "Ring Oluwaseun on 07700 900123 to come.\n")
    report = build_site(make_site(tiny(statements_csv=rows)))
    assert not report.written
    assert [p.rule for p in report.problems if p.rule.startswith("PRIV")] == ["PRIV-PHONE"]


def test_the_gazetteer_knows_counties_nations_towns_and_countries():
    places = gazetteer()
    for place in ("lancashire", "gwynedd", "county durham", "fife", "abertawe", "wales", "north west",
                  "aberystwyth", "machynlleth", "nigeria", "pakistan", "lagos"):
        assert place in places, place
