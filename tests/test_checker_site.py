"""The checker knows the site (issue 13 part 4) and judges each page as a whole (issue 15 part 1).

People's names (people pages, attendees, chairs, story tellers), the site's
own names, glossary terms with their parts, and both halves of every short
form are never hard words; a page that is not easy read as a whole gets
ER-VERDICT, which ``check --strict`` counts.
"""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY

from wtfc_site import pipeline
from wtfc_site.checker import CheckerSettings, check_page, load_wordlists
from wtfc_site.checker.plaintext import page_from_text
from wtfc_site.pipeline import Options

SITE_YAML = """\
name: Oakbridge Voices
area: Wrexford
contact:
  email: hello@oakbridge.example.org
  phone: 01632 960 111
"""

PERSON = """\
---
title: Oluwaseun Adebayo
summary: Oluwaseun helps to run our meetings.
role: co-chair
picture: person
---

[picture: person]
Oluwaseun helps to run our meetings.
Adebayo is his family name.
"""

MINUTES = """\
---
title: Our meeting in March
summary: What we talked about in March.
picture: meeting
meeting_date: 2026-03-04
group: Partnership board
chairs: [Siobhan Gallagher]
place: the library
attended:
  - {name: Siobhan Gallagher, role: co-chair}
  - {name: Llŷr Pritchard, role: member}
apologies: [Mohammed Iqbal]
---

[picture: meeting]
Siobhan ran the meeting.
Pritchard told us about the new bus.
Iqbal sent a message.

[picture: people]
Oakbridge Voices meets in Wrexford.
The chair thanked everyone for coming.

[picture: hospital]
The integrated care board will pay for it.
"""

GLOSSARY = """\
- word: co-chair
  meaning: one of 2 people who run the meeting together.
"""

ABBREVIATIONS = """\
ICB: integrated care board
"""


def _findings(site_dir: Path) -> list:
    report = pipeline.check(Options(site_dir=site_dir, today=TODAY))
    return report.problems


def test_people_the_sites_own_names_glossary_parts_and_short_forms_are_not_hard_words(make_site):
    site = make_site({
        "content/site.yaml": SITE_YAML,
        "content/index.md": "---\ntitle: Home\nsummary: Our home page.\n---\n\n[picture: home]\nWelcome to our website.\n",
        "content/people/oluwaseun.md": PERSON,
        "content/minutes/2026-03-04-board.md": MINUTES,
        "content/glossary.yaml": GLOSSARY,
        "content/abbreviations.yaml": ABBREVIATIONS,
    })
    hard = [(p.file.name, p.message) for p in _findings(site) if p.rule == "ER-HARD-WORD"]
    named = " ".join(message for _, message in hard)
    for word in ("Oluwaseun", "Adebayo", "Siobhan", "Pritchard", "Iqbal", "Oakbridge", "Wrexford",
                 "'chair'", "integrated care board"):
        assert word not in named, hard


def test_a_glossary_term_covers_its_parts_and_an_abbreviation_both_halves():
    words = load_wordlists({"co-chair": "one of 2 people who run the meeting together",
                            "health action plan": "a plan for staying well"},
                           {"ICB": "integrated care board"})
    assert words.is_explained("chair") and words.is_explained("co-chairs".rstrip("s"))
    assert words.is_explained("action plan")
    assert words.is_explained("Integrated Care Board")
    assert not words.is_explained("plan")  # too short a part to stand for the term


def test_names_given_to_the_word_lists_are_not_hard_words():
    page = page_from_text("# News\n\nWe met.\nQuaglino came to the meeting.\n", Path("n.md"))
    plain = check_page(page, CheckerSettings(), load_wordlists())
    knowing = check_page(page, CheckerSettings(), load_wordlists(names=("Zebedee Quaglino", "Quaglino")))
    assert any("Quaglino" in p.message for p in plain if p.rule == "ER-HARD-WORD")
    assert not any("Quaglino" in p.message for p in knowing if p.rule == "ER-HARD-WORD")


DENSE_PAGE = """\
---
title: Our plans
summary: Our plans for next year.
picture: plan
---

[picture: plan]
The commissioning trajectory is predicated on stakeholder mobilisation.

[picture: money]
Procurement governance necessitates multidisciplinary assurance.

[picture: people]
Our workstream deliverables remain contingent on recurrent funding.
"""


def test_a_page_that_is_not_easy_read_as_a_whole_gets_the_verdict_warning(make_site):
    site = make_site({
        "content/index.md": "---\ntitle: Home\nsummary: Our home page.\n---\n\n[picture: home]\nWelcome to our website.\n",
        "content/plans.md": DENSE_PAGE,
    })
    verdicts = [p for p in _findings(site) if p.rule == "ER-VERDICT"]
    assert [(p.file.name, p.severity.name) for p in verdicts] == [("plans.md", "WARNING")]
    assert "errors and warnings per 100 words" in verdicts[0].message


LONG_MEANING_GLOSSARY = """\
- word: partnership
  meaning: a group of people from the council, the health service, local charities and families who meet every month to plan and check the support in our town.
"""


def test_with_visible_text_on_check_reads_the_lines_the_build_adds(make_site):
    files = {
        "content/index.md": "---\ntitle: Home\nsummary: Our home page.\n---\n\n[picture: home]\n"
                            "We are a partnership in Wrexford.\n",
        "content/glossary.yaml": LONG_MEANING_GLOSSARY,
    }
    plain = make_site({**files, "content/site.yaml": SITE_YAML + "checker:\n  visible_text: no\n"}, name="plain")
    seeing = make_site(files, name="seeing")  # on by default
    assert not [p for p in _findings(plain) if p.rule == "ER-SENT-LEN"]
    long_lines = [p for p in _findings(seeing) if p.rule == "ER-SENT-LEN"]
    # beside the point on the home page, and on the hard-words page the build makes
    assert {"content/index.md", "layouts/hard_words.html"} <= {p.file.as_posix() for p in long_lines}
    [long_line] = [p for p in long_lines if p.file.as_posix() == "content/index.md"]
    assert long_line.line == 2
    assert "a group of people from the council" in long_line.excerpt
    assert "The build adds this text" in long_line.hint
