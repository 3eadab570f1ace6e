"""Issue 14: everything a partnership records has a place on the page.

Each test builds a tiny site and reads the visible text of the built HTML.
"""

from __future__ import annotations

import pytest
from conftest import read_html, target_file

from wtfc_site.errors import Severity


def visible(out, url: str) -> str:
    """Return the page's visible text in <main>, one space between words."""
    file = target_file(out, "/", url)
    assert file is not None and file.is_file(), f"{url} was not written"
    main = read_html(file).find("main")
    return " ".join(main.get_text(" ", strip=True).split())


def whole_page(out, url: str) -> str:
    file = target_file(out, "/", url)
    assert file is not None and file.is_file(), f"{url} was not written"
    return " ".join(read_html(file).get_text(" ", strip=True).split())


HOME = {"content/index.md": "---\ntitle: Home\n---\nWelcome to our site.\n"}
"""Every site needs a home page (SITE-NO-HOME)."""


def problems_of(report, rule: str):
    return [p for p in report.problems if p.rule == rule]


MINUTES = """\
---
title: Board meeting, 21 January 2026
meeting_date: 2026-01-21
group: Partnership board
chairs: [Sam Okafor]
start_time: 10:30
end_time: 2pm
attended:
  - {name: Sam Okafor, role: Co-chair, lived_experience: yes}
  - {name: Aisha, role: member of Speak Up, lived_experience: yes}
  - {name: Priya Shah, role: Riverside Council}
apologies:
  - Tom Fletcher
  - {name: Grace Adeyemi, role: NHS in Riverside}
decisions:
  - We agreed to pay people for their time.
  - {what: We will meet in the quiet room., picture: autism}
  - {what: We will write to the council., picture: none}
---

[picture: meeting] The board met.
"""


@pytest.fixture
def minutes_site(make_site, build_site):
    site = make_site({**HOME, "content/minutes/2026-01-21-board.md": MINUTES})
    report = build_site(site)
    assert report.written, [f"{p.location} {p.message}" for p in report.problems]
    return site / "_site", report


def test_minutes_show_start_and_end_time(minutes_site):
    out, _ = minutes_site
    assert "It started at 10:30am and ended at 2pm." in visible(out, "/minutes/2026-01-21-board/")


def test_minutes_show_apologies_with_roles(minutes_site):
    out, _ = minutes_site
    soup = read_html(out / "minutes" / "2026-01-21-board" / "index.html")
    items = [" ".join(li.get_text(" ", strip=True).split()) for li in soup.select(".apologies li")]
    assert items == ["Tom Fletcher", "Grace Adeyemi , NHS in Riverside"] or \
        items == ["Tom Fletcher", "Grace Adeyemi, NHS in Riverside"]
    assert "Who could not come" in visible(out, "/minutes/2026-01-21-board/")


def test_lived_experience_is_shown_for_any_attendee_not_only_chairs(minutes_site):
    out, _ = minutes_site
    soup = read_html(out / "minutes" / "2026-01-21-board" / "index.html")
    rows = {li.get_text(" ", strip=True).split(",")[0]: li.get_text(" ", strip=True)
            for li in soup.select(".attendees li")}
    assert "lived experience" in rows["Aisha"]
    assert "lived experience" not in rows["Priya Shah"]


def test_each_decision_has_its_own_picture(minutes_site):
    out, _ = minutes_site
    soup = read_html(out / "minutes" / "2026-01-21-board" / "index.html")
    rows = soup.select(".decision")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        "We agreed to pay people for their time.", "We will meet in the quiet room.",
        "We will write to the council."]
    pictures = [r.find("img")["src"] if r.find("img") else None for r in rows]
    assert pictures[1].endswith("autism.svg") or "autism" in pictures[1]
    assert pictures[0] and "decide" not in pictures[0] and pictures[0] != pictures[1]
    assert pictures[2] is None
    for src in pictures[:2]:  # the chosen pictures are written too
        assert (out / src.lstrip("/")).is_file(), src


def test_an_unknown_decision_picture_stops_the_build(make_site, build_site):
    text = MINUTES.replace("picture: autism", "picture: autizm")
    report = build_site(make_site({**HOME, "content/minutes/2026-01-21-board.md": text}))
    assert not report.written
    assert [p.line for p in problems_of(report, "PIC-UNKNOWN")] == [17]


def test_a_time_that_cannot_be_read_names_the_line(make_site, build_site):
    text = MINUTES.replace("end_time: 2pm", "end_time: after lunch")
    report = build_site(make_site({**HOME, "content/minutes/2026-01-21-board.md": text}))
    assert not report.written
    found = problems_of(report, "SITE-TIME")
    assert found and found[0].line == 7 and "24-hour clock" in found[0].hint


# -- part 4: consent records ---------------------------------------------------------------------

STORY = """\
---
title: Aisha and the quiet room
told_by: Aisha, a member of Speak Up
consent: yes
consent_date: 2026-06-03
consent_recorded_by: Sam Okafor
consent_covers: this website and our newsletter
consent_review_by: {review}
---

I like the quiet room.
"""


def test_a_story_shows_its_consent_record(make_site, build_site):
    site = make_site({**HOME, "content/stories/aisha.md": STORY.format(review="2027-06-03")})
    report = build_site(site)
    assert report.written
    text = visible(site / "_site", "/stories/aisha/")
    for line in ("They said yes to sharing it on 3 June 2026.",
                 "They said yes to: this website and our newsletter.",
                 "Sam Okafor asked them.", "We will ask them again by 3 June 2027."):
        assert line in text
    assert not problems_of(report, "SITE-CONSENT-REVIEW")


def test_a_passed_consent_review_date_is_a_warning_naming_the_page(make_site, build_site):
    site = make_site({**HOME, "content/stories/aisha.md": STORY.format(review="2026-11-01")})
    report = build_site(site)
    assert report.written  # a warning, not a stop
    [found] = problems_of(report, "SITE-CONSENT-REVIEW")
    assert found.severity is Severity.WARNING
    assert (found.file.as_posix(), found.line) == ("content/stories/aisha.md", 8)
    assert "Aisha and the quiet room" in found.message and "1 November 2026" in found.message


PERSON = """\
---
title: Sam Okafor
role: Co-chair
photo: people/photos/sam.png
photo_alt: Sam in the garden
{extra}---
Sam likes trains.
"""


def _png() -> bytes:
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_person_photo_needs_its_own_consent_field(make_site, build_site):
    # photo_consent is about the other photos on a page; it does not cover the person's own photo.
    site = make_site({**HOME, "content/people/sam.md": PERSON.format(extra="photo_consent: yes\n"),
                      "content/people/photos/sam.png": _png()})
    report = build_site(site)
    assert not report.written
    [found] = problems_of(report, "PIC-CONSENT")
    assert found.line == 4 and "photo_agreed: yes" in found.hint


def test_a_person_photo_with_its_consent_is_shown_and_reviewed(make_site, build_site):
    site = make_site({**HOME, "content/people/sam.md": PERSON.format(
        extra="photo_agreed: yes\nphoto_agreed_on: 2026-02-01\nphoto_review_by: 2026-10-01\n"),
        "content/people/photos/sam.png": _png()})
    report = build_site(site)
    assert report.written, [p.message for p in report.problems]
    soup = read_html(site / "_site" / "people" / "sam" / "index.html")
    assert soup.select_one("main img.person-photo")["alt"] == "Sam in the garden"
    [found] = problems_of(report, "SITE-CONSENT-REVIEW")
    assert "Sam Okafor" in found.message and found.line == 8


# -- part 5: policy owner, plan to policy, tagline -----------------------------------------------

POLICY = """\
---
title: Our co-production policy
agreed_on: 2026-03-18
owner: Sam Okafor
---
We plan together.
"""

PLAN = """\
---
title: Our co-production plan
policy: {policy}
---
We pay people for their time.
"""


@pytest.fixture
def policy_site(make_site, build_site):
    from conftest import MINIMAL_SITE_YAML
    site = make_site({**HOME, 
        "content/site.yaml": MINIMAL_SITE_YAML + "tagline: We plan our services together.\n",
        "content/policy/co-production-policy.md": POLICY,
        "content/plan/co-production-plan.md": PLAN.format(policy="policy/co-production-policy"),
        "content/about.md": "---\ntitle: About us\n---\nWe are a group.\n"})
    report = build_site(site)
    assert report.written, [p.message for p in report.problems]
    return site / "_site"


def test_the_policy_says_who_looks_after_it(policy_site):
    assert "Sam Okafor looks after this policy." in visible(policy_site, "/policy/co-production-policy/")


def test_the_plan_links_to_its_policy_and_back(policy_site):
    soup = read_html(policy_site / "plan" / "co-production-plan" / "index.html")
    row = soup.select_one("main .plan-policy")
    assert row.get_text(" ", strip=True) == "This plan puts our policy into action."
    assert row.find("a")["href"].endswith("/policy/co-production-policy/")
    assert "Our co-production plan puts this policy into action." in visible(policy_site, "/policy/co-production-policy/")


def test_a_plan_naming_no_policy_stops_the_build(make_site, build_site):
    site = make_site({**HOME, "content/plan/co-production-plan.md": PLAN.format(policy="policy/missing")})
    report = build_site(site)
    assert not report.written
    [found] = [p for p in problems_of(report, "LINK-BROKEN") if "policy" in p.message]
    assert (found.file.as_posix(), found.line) == ("content/plan/co-production-plan.md", 3)


@pytest.mark.parametrize("url", ["/policy/co-production-policy/", "/about/", "/minutes/", "/plan/co-production-plan/"])
def test_the_tagline_is_under_the_name_on_every_page(policy_site, url):
    file = target_file(policy_site, "/", url)
    identity = read_html(file).select_one("header .site-identity")
    assert [p.get_text(" ", strip=True) for p in identity.find_all("p")] == [
        "Testshire Together", "We plan our services together."]


# -- part 6: hard words read naturally -----------------------------------------------------------

GLOSSARY = """\
- word: advocate
  meaning: An advocate is someone who helps you say what you want.
- word: co-production
  meaning: people planning things together.
- word: GP
  meaning: NHS doctor you see near your home.
"""


def test_a_meaning_written_as_a_sentence_is_shown_as_written(make_site, build_site):
    site = make_site({**HOME, "content/glossary.yaml": GLOSSARY, "content/about.md":
                      "---\ntitle: About us\n---\nAn advocate can help you with co-production.\n"})
    report = build_site(site)
    assert report.written, [p.message for p in report.problems]
    out = site / "_site"
    text = visible(out, "/about/")
    assert "means An" not in text
    assert "Hard word: advocate . An advocate is someone who helps you say what you want." in text \
        or "Hard word: advocate. An advocate is someone who helps you say what you want." in text
    assert "co-production means people planning things together." in text
    box = [" ".join(dd.get_text(" ", strip=True).split())
           for dd in read_html(out / "about" / "index.html").select(".hard-words-box dd")]
    assert box == ["An advocate is someone who helps you say what you want.",
                   "Co-production means people planning things together."]
    page = visible(out, "/hard-words/")
    assert "An advocate is someone who helps you say what you want." in page
    assert "Advocate means" not in page
    assert "GP means NHS doctor you see near your home." in page


# -- part 7: generated lines are short plain sentences with a picture --------------------------

import re  # noqa: E402

INTERNAL_ID = re.compile(r"\b(?:Job|job|action|Action) [a-z]+\d+\b|#|\b[a-z]\d+\b")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_linked_to_this_page_lines_are_short_plain_sentences_with_a_picture(built_example):
    seen = 0
    for file in built_example.pages:
        box = read_html(file).select_one(".backlinks")
        if box is None:
            continue
        for item in box.select("li"):
            seen += 1
            assert item.find("img") is not None, f"{file}: a linked line has no picture"
            words = [p.get_text(" ", strip=True) for p in item.select(".er-text p") if p.find("a") is None]
            assert words, f"{file}: a linked line says nothing about why"
            for line in words:
                for sentence in _sentences(line):
                    assert len(sentence.split()) <= 15, f"{file}: {sentence!r}"
                    assert sentence[-1] in ".!?", f"{file}: {sentence!r}"
                    assert not INTERNAL_ID.search(sentence), f"{file}: {sentence!r} shows an internal id"
            link = item.find("a")
            assert link is not None and link.get_text(strip=True)
    assert seen >= 10


# -- part 2: the checklist's pages take their own titles and introductions ------------------------

def test_checklist_pages_take_their_own_titles_and_introductions(tmp_path):
    from tests.conftest import new_site, run_build
    from tests.test_checklist import NOVEMBER, site_files
    from tests.test_checklist import TODAY as CHECK_TODAY
    pages = """\
overview:
  title: How well we work together
  intro: [We check our work every 6 months.]
ideas:
  "2":
    summary: Everyone knows what is going on.
    intro: [Plain words help everyone.]
"""
    november = NOVEMBER.replace("date: 2026-11-10", "date: 2026-11-10\n    title: Our check in the autumn\n"
                                "    intro: [We met at the library.]")
    site = new_site(tmp_path / "site", {**HOME, **site_files(),
                                        "content/checklist/2026-11.yaml": november,
                                        "content/checklist/pages.yaml": pages})
    report = run_build(site, tmp_path / "cache", today=CHECK_TODAY, out_dir=tmp_path / "out")
    assert report.written, [p.message for p in report.problems if p.severity is Severity.ERROR]
    out = tmp_path / "out"
    expect = {"/checklist/": ("How well we work together", "We check our work every 6 months."),
              "/checklist/2/": ("We talk in ways everyone understands", "Plain words help everyone."),
              "/checklist/2026-11/": ("Our check in the autumn", "We met at the library.")}
    for url, (title, intro) in expect.items():
        soup = read_html(target_file(out, "/", url))
        assert " ".join(soup.find("h1").get_text(" ", strip=True).split()) == title, url
        assert intro in visible(out, url), url
    assert "Everyone knows what is going on." in visible(out, "/checklist/2/")
    # pages without their own words keep the site's
    h1 = read_html(target_file(out, "/", "/checklist/2026-05/")).find("h1").get_text(strip=True)
    assert h1 == "Our co-production check in May 2026"


def test_pages_yaml_naming_a_big_idea_that_is_not_there_names_the_line(tmp_path):
    from tests.conftest import new_site, run_build
    from tests.test_checklist import TODAY as CHECK_TODAY
    from tests.test_checklist import site_files
    site = new_site(tmp_path / "site", {**HOME, **site_files(), "content/checklist/pages.yaml":
                                        "ideas:\n  \"9\": {title: Nine}\n"})
    report = run_build(site, tmp_path / "cache", today=CHECK_TODAY)
    [found] = problems_of(report, "CHECK-UNKNOWN-ITEM")
    assert (found.file.as_posix(), found.line) == ("content/checklist/pages.yaml", 2)


# -- part 7: a hard-words box lists only words on its page ---------------------------------------

def test_every_hard_words_box_lists_only_words_on_its_page(built_example):
    import yaml
    from conftest import REPO
    forms = {}
    for entry in yaml.safe_load((REPO / "content" / "glossary.yaml").read_text()):
        forms[entry["word"].lower()] = [entry["word"].lower(), *(a.lower() for a in entry.get("also", []))]
    checked = 0
    for file in built_example.pages:
        main = read_html(file).find("main")
        box = main.select_one(".hard-words-box") if main else None
        if box is None:
            continue
        words = [dt.get_text(" ", strip=True).lower() for dt in box.select("dt")]
        box.extract()
        for explained in main.select(".er-explain"):
            explained.extract()
        text = " ".join(main.get_text(" ", strip=True).split()).lower()
        for word in words:
            checked += 1
            assert any(re.search(r"(?<![\w-])" + re.escape(form) + r"(s|es)?(?![\w-])", text)
                       for form in forms.get(word, [word])), f"{file}: '{word}' is in the box but not on the page"
    assert checked > 20


def test_the_jobs_page_counts_in_short_sentences_with_a_picture(built_example):
    soup = built_example.page("/actions/")
    row = soup.select_one("main .counts")
    assert row.find("img") is not None
    shown = {state: len(soup.select(f"#{state} li.action")) for state in ("late", "to-do", "done")}
    assert [p.get_text(strip=True) for p in row.select(".er-text p")] == [
        f"{shown['late']} jobs are late.", f"{shown['to-do']} jobs are still to do.", f"{shown['done']} jobs are done."]


# -- the example site shows every new field (issue 14, "Done when") -----------------------------

EXAMPLE_SHOWS = {
    "/minutes/2026-09-16-board/": ["It started at 10:30am and ended at 12:30pm."],
    "/minutes/2026-05-20-board/": ["Who could not come", "Grace Adeyemi, NHS in Riverside"],
    "/stories/aisha-a-quiet-room/": ["They said yes to: this website and our printed news.",
                                     "Sam Okafor asked them.", "We will ask them again by 3 June 2027."],
    "/policy/co-production-policy/": ["Sam Okafor looks after this policy.",
                                      "Our co-production plan puts this policy into action."],
    "/plan/co-production-plan/": ["This plan puts our policy into action."],
    "/wtfc/2026/themes/getting-out/": ["Steps that are late", "Steps that are done", "This plan is behind.",
                                       "Many people told us the buses stop too early."],
    "/wtfc/2026/themes/short-breaks/": ["Families told us they wait a long time for a short break."],
    "/wtfc/2026/what-people-said/": ["What people told us"],
    "/wtfc/2026/steps/understand/": ["Step 4: Why things are not working"],
    "/actions/": ["It is a step of our plan Travel buddies."],
    "/people/lena-novak/": ["Teach the volunteers about safe travel."],
    "/checklist/": ["We check how we work together every 6 months."],
    "/checklist/1/": ["Our policy says how we plan and decide things together."],
    "/checklist/2026-11/": ["Our second co-production check", "We met at Riverside Library for this check."],
    "/hard-words/": ["An advocate is someone who helps you say what you want."],
    "/wtfc/": ["Every year we ask people what is working in their life."],
}


@pytest.mark.parametrize("url", sorted(EXAMPLE_SHOWS))
def test_the_example_site_shows_each_new_field(built_example, url):
    soup = built_example.page(url)
    text = " ".join(soup.find("main").get_text().split())
    spaced = " ".join(soup.find("main").get_text(" ", strip=True).split())
    for words in EXAMPLE_SHOWS[url]:
        assert words in text or words in spaced, f"{url}: {words!r}"


def test_the_example_site_shows_a_tagline_and_a_persons_photo(built_example):
    home = built_example.page("/")
    assert home.select_one("header .tagline").get_text(strip=True)
    assert built_example.page("/people/sam-okafor/").select_one("main img.person-photo")["alt"]


def test_links_with_the_same_reason_share_one_row(built_example):
    box = built_example.page("/minutes/2026-09-16-board/").select_one(".backlinks")
    reasons = [p.get_text(strip=True) for li in box.select("li") for p in li.select(".er-text p") if p.find("a") is None]
    assert len(reasons) == len(set(reasons)), reasons  # each reason is said once
    assert len(box.select("a")) > len(box.select("li"))
