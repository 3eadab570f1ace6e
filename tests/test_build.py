"""A tiny site builds, and its pages have the structure easy read needs.

Every check parses the written HTML; none looks for substrings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import (
    LINKS,
    PICTURES,
    TODAY,
    broken_internal_links,
    html_pages,
    internal_links,
    new_site,
    read_html,
    run_build,
    target_file,
    url_of,
)

BASE = "/my-tcp/"

TINY = {
    "content/site.yaml": """
        name: Testshire Together
        area: Testshire
        base_url: /my-tcp/
        contact:
          email: hello@testshire.example.org
          phone: 01632 960 000
        navigation:
          - {title: Meeting notes, link: /minutes/, picture: minutes}
          - {title: News, link: /updates/}
        """,
    "content/glossary.yaml": """
        - word: co-production
          meaning: people working together as equals.
        """,
    "content/abbreviations.yaml": """
        ICB: integrated care board
        """,
    "content/index.md": """
        ---
        title: Welcome
        summary: This is our home page.
        ---
        [picture: meeting] We meet once a month.

        [picture: none] This point has no picture.

        We talk about co-production at every meeting.

        Co-production is how we work.

        The ICB pays for the service.

        The ICB meets us too.

        - [picture: people] We are a group of people.
        - [picture: none] We like tea.

        Read [our policy](/policy/co-production/).
        Read [the news](/updates/).
        Read [the minutes](/minutes/2026-10-01-board/).
        """,
    "content/accessibility.md": """
        ---
        title: Accessibility
        ---
        We want everyone to use this website.
        """,
    "content/about.md": """
        ---
        title: About us (draft)
        draft: yes
        ---
        This page is not ready.
        """,
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        full_version: policy/co-production-full
        ---
        [picture: policy] This policy says how we work together.
        """,
    "content/policy/co-production-full.md": """
        ---
        title: Co-production policy (full version)
        version: standard
        ---
        This policy sets out the principles of co-production in the partnership.
        """,
    "content/minutes/2026-10-01-board.md": """
        ---
        title: Board meeting, October 2026
        meeting_date: 2026-10-01
        group: Partnership board
        chairs:
          - Sam Okafor
          - Priya Shah
        decisions:
          - We will meet in the library.
          - We will pay people for their time.
        actions:
          - id: a1
            what: Book the room.
            who: Sam Okafor
            by: 2026-10-15
            status: to do
          - id: a2
            what: Send the notes.
            who: Priya Shah
            by: 2026-10-10
            status: done
            done_on: 2026-10-09
          - id: a3
            what: Write the plan.
            who: Jordan Ellis
            by: 2026-12-01
            status: doing
        next_meeting: 2026-12-03
        ---
        [picture: meeting] We met at the town hall.
        """,
    "content/updates/apples.md": """
        ---
        title: Oldest news
        date: 2026-09-01
        ---
        This is old news.
        """,
    "content/updates/bananas.md": """
        ---
        title: Newest news
        date: 2026-11-01
        ---
        This is new news.
        """,
    "content/updates/cherries.md": """
        ---
        title: Middle news
        date: 2026-10-01
        ---
        This is not so new.
        """,
    "content/stories/sam.md": """
        ---
        title: Sam's story
        told_by: Sam, a member of Speak Up
        consent: yes
        ---
        I like the new room.
        """,
    "content/people/sam-okafor.md": """
        ---
        title: Sam Okafor
        role: Co-chair of the board
        lived_experience: yes
        ---
        Sam likes trains.
        """,
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):
    """The tiny site, built once for this module: (site folder, output folder, report)."""
    site = new_site(tmp_path_factory.mktemp("tiny") / "site", TINY)
    out = site / "_site"
    report = run_build(site, tmp_path_factory.mktemp("tiny-cache"), out_dir=out)
    assert report.written, [f"{p.location} [{p.rule}] {p.message}" for p in report.problems]
    return site, out, report


def page(out: Path, url: str) -> BeautifulSoup:
    """Return the written page at a site path (without the base URL)."""
    file = target_file(out, "/", url)
    assert file is not None and file.is_file(), f"{url} was not written"
    return read_html(file)


def main_rows(soup: BeautifulSoup) -> list[Tag]:
    """Return the easy-read rows made from the page body (inside <main>)."""
    main = soup.find("main")
    assert main is not None
    return [row for row in main.select(".er-row") if row.find_parent(class_="hard-words-box") is None]


def row_for(soup: BeautifulSoup, words: str) -> Tag:
    """Return the row whose text block's words are exactly ``words``."""
    for row in main_rows(soup):
        text = row.find(class_="er-text", recursive=False)
        if text is not None and " ".join(text.get_text(" ", strip=True).split()) == words:
            return row
    raise AssertionError(f"no row with the words {words!r}")


def element_children(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]


# -- the build as a whole -------------------------------------------------------


def test_a_site_with_only_its_settings_builds(tmp_path):
    """Regression: the default layouts must render with nothing but content/site.yaml.

    Every generated page (/minutes/, /feedback/ ...) uses the row() macro from
    components/row.html, so this fails whenever that macro cannot render.
    """
    site = new_site(tmp_path / "site")
    report = run_build(site, tmp_path / "cache")
    assert report.written, [f"{p.location} [{p.rule}] {p.message}" for p in report.problems]
    assert (site / "_site" / "minutes" / "index.html").is_file()


def test_tiny_site_builds_with_no_stopping_problems(tiny):
    _site, out, report = tiny
    assert report.written
    assert report.pages == len([p for p in html_pages(out) if p.name == "index.html"])
    assert (out / "index.html").is_file()


def test_every_page_is_british_english(tiny):
    _site, out, _report = tiny
    for file in html_pages(out):
        html = read_html(file).find("html")
        assert html is not None and html.get("lang") == "en-GB", file


def test_page_title_and_heading(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    assert soup.title is not None
    assert soup.title.get_text(strip=True) == "Welcome – Testshire Together"
    headings = soup.find_all("h1")
    assert [h.get_text(strip=True) for h in headings] == ["Welcome"]


@pytest.mark.parametrize("url, title", [
    ("/policy/co-production/", "Our co-production policy"),
    ("/minutes/2026-10-01-board/", "Board meeting, October 2026"),
    ("/minutes/", "Meeting notes"),
    ("/updates/", "News"),
])
def test_titles_of_other_pages(tiny, url, title):
    _site, out, _report = tiny
    soup = page(out, url)
    assert soup.find("h1").get_text(strip=True) == title
    assert soup.title.get_text(strip=True).startswith(title + " – ")


def test_every_page_has_the_policy_link_in_its_header(tiny):
    _site, out, _report = tiny
    pages = html_pages(out)
    assert len(pages) > 10
    for file in pages:
        header = read_html(file).find("header")
        assert header is not None, file
        links = [a for a in header.find_all("a") if a.get_text(" ", strip=True) == "Our co-production policy"]
        assert len(links) == 1, file
        assert links[0]["href"] == BASE + "policy/co-production/"
        assert target_file(out, BASE, links[0]["href"]).is_file()


def test_footer_has_the_contact_details(tiny):
    _site, out, _report = tiny
    for file in html_pages(out):
        footer = read_html(file).find("footer")
        assert footer is not None, file
        hrefs = {a["href"] for a in footer.find_all("a", href=True)}
        assert "mailto:hello@testshire.example.org" in hrefs, file
        assert "tel:01632960000" in hrefs, file


# -- points and pictures --------------------------------------------------------


def test_every_row_has_its_picture_before_its_text(tiny):
    _site, out, _report = tiny
    rows = 0
    for file in html_pages(out):
        for row in read_html(file).select(".er-row"):
            children = element_children(row)
            classes = [c.get("class", []) for c in children]
            pic = next(i for i, c in enumerate(classes) if "er-pic" in c)
            text = next(i for i, c in enumerate(classes) if "er-text" in c)
            assert pic < text, f"{file}: {row}"
            rows += 1
    assert rows > 20


def test_each_point_of_the_body_is_a_row(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    for words in ("We meet once a month.", "This point has no picture.", "Co-production is how we work."):
        row = row_for(soup, words)
        assert row.name == "div"
        pic, text = element_children(row)[:2]
        assert "er-pic" in pic["class"] and "er-text" in text["class"]
        assert text.find("p") is not None


def test_a_named_picture_gives_that_picture(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    row = row_for(soup, "We meet once a month.")
    images = row.find(class_="er-pic").find_all("img")
    assert len(images) == 1
    assert images[0]["src"] == BASE + "pictures/meeting.svg"
    assert images[0]["alt"] == ""  # the words beside it say it all
    assert (out / "pictures" / "meeting.svg").is_file()


def test_picture_none_gives_no_img(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    row = row_for(soup, "This point has no picture.")
    assert row.find("img") is None
    assert row.find(class_="er-pic") is not None  # the column stays, so text lines up


def test_list_items_are_rows_with_the_picture_first(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    items = [li for li in soup.find("main").find_all("li", class_="er-row") if li.find_parent("ul", class_="er-list")]
    words = [" ".join(li.find(class_="er-text").get_text(" ", strip=True).split()) for li in items]
    assert words == ["We are a group of people.", "We like tea."]
    first, second = items
    assert [c["class"][0] for c in element_children(first)] == ["er-pic", "er-text"]
    assert first.find(class_="er-pic").find("img")["src"] == BASE + "pictures/people.svg"
    assert second.find("img") is None


def test_picture_marker_is_not_shown_as_text(tiny):
    _site, out, _report = tiny
    main = page(out, "/").find("main")
    for text in main.stripped_strings:
        assert "[picture:" not in text


# -- versions ---------------------------------------------------------------------


def test_easy_read_and_full_versions_link_to_each_other(tiny):
    _site, out, _report = tiny
    easy = page(out, "/policy/co-production/")
    full = page(out, "/policy/co-production-full/")
    to_full = easy.select("main .other-version a")
    to_easy = full.select("main .other-version a")
    assert [a["href"] for a in to_full] == [BASE + "policy/co-production-full/"]
    assert [a["href"] for a in to_easy] == [BASE + "policy/co-production/"]
    assert "easy-read" in easy.body["class"]
    assert "standard" in full.body["class"]


def test_the_header_policy_link_goes_to_the_easy_read_version(tiny):
    _site, out, _report = tiny
    full = page(out, "/policy/co-production-full/")
    link = next(a for a in full.find("header").find_all("a") if a.get_text(strip=True) == "Our co-production policy")
    assert link["href"] == BASE + "policy/co-production/"


# -- minutes and actions --------------------------------------------------------------


def actions_by_what(soup: BeautifulSoup) -> dict[str, Tag]:
    return {li.find(class_="action-what").get_text(strip=True): li
            for li in soup.select("section.actions li.action")}


def test_minutes_show_decisions(tiny):
    _site, out, _report = tiny
    soup = page(out, "/minutes/2026-10-01-board/")
    decisions = [li.get_text(" ", strip=True) for li in soup.select("section.decisions li.decision")]
    assert decisions == ["We will meet in the library.", "We will pay people for their time."]


def test_minutes_show_who_chaired(tiny):
    _site, out, _report = tiny
    soup = page(out, "/minutes/2026-10-01-board/")
    chairs = soup.select_one(".chairs .er-text")
    assert chairs.get_text(" ", strip=True) == "The co-chairs were Sam Okafor and Priya Shah."


def test_minutes_show_each_action_with_what_who_by_and_status(tiny):
    _site, out, _report = tiny
    actions = actions_by_what(page(out, "/minutes/2026-10-01-board/"))
    assert list(actions) == ["Book the room.", "Send the notes.", "Write the plan."]
    book = actions["Book the room."]
    assert book.find(class_="action-who").get_text(strip=True) == "Who: Sam Okafor"
    assert book.find(class_="action-by").get_text(strip=True) == "By: 15 October 2026"
    assert book["id"] == "a1"


def test_an_action_past_its_date_and_not_done_is_late(tiny):
    _site, out, _report = tiny
    actions = actions_by_what(page(out, "/minutes/2026-10-01-board/"))
    states = {what: li.find(class_="state-label").get_text(strip=True) for what, li in actions.items()}
    assert states == {"Book the room.": "Late", "Send the notes.": "Done", "Write the plan.": "To do"}
    assert "action-late" in actions["Book the room."]["class"]
    late_picture = actions["Book the room."].find(class_="er-pic").find("img")
    assert late_picture["src"] == BASE + "pictures/late.svg"


def test_the_action_tracker_groups_actions_by_state(tiny):
    _site, out, _report = tiny
    soup = page(out, "/actions/")
    def whats(section_id: str) -> list[str]:
        return [p.get_text(strip=True) for p in soup.select(f"section#{section_id} .action-what")]
    assert whats("late") == ["Book the room."]
    assert whats("to-do") == ["Write the plan."]
    assert whats("done") == ["Send the notes."]


def test_late_is_judged_against_the_today_given(tmp_path):
    site = new_site(tmp_path / "site", TINY)
    report = run_build(site, tmp_path / "cache", out_dir=tmp_path / "early", today=dt.date(2026, 10, 12))
    assert report.written
    actions = actions_by_what(read_html(tmp_path / "early" / "minutes" / "2026-10-01-board" / "index.html"))
    assert actions["Book the room."].find(class_="state-label").get_text(strip=True) == "To do"
    assert TODAY > dt.date(2026, 10, 15)


# -- base URL and links -------------------------------------------------------------------


def test_base_url_prefixes_every_internal_link_and_asset(tiny):
    _site, out, _report = tiny
    seen = 0
    for file in html_pages(out):
        for link in internal_links(read_html(file), file):
            assert link.value.startswith(BASE), f"{file.relative_to(out)}: {link.attribute}={link.value}"
            seen += 1
    assert seen > 100


def test_stylesheets_are_linked_under_the_base_url(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert BASE + "assets/site.css" in sheets
    assert (out / "assets" / "site.css").is_file()


def test_every_internal_link_resolves_to_a_written_file(tiny):
    _site, out, _report = tiny
    assert broken_internal_links(out, BASE, LINKS) == []


def test_every_picture_a_page_shows_is_written(tiny):
    """Regression: layouts showed chair, calendar, person, speak-up and write, which were never copied."""
    _site, out, _report = tiny
    assert broken_internal_links(out, BASE, PICTURES) == []


def test_body_links_are_rewritten_with_the_base_url(tiny):
    _site, out, _report = tiny
    main = page(out, "/").find("main")
    hrefs = {a.get_text(strip=True): a["href"] for a in main.find_all("a")}
    assert hrefs["our policy"] == BASE + "policy/co-production/"
    assert hrefs["the news"] == BASE + "updates/"


def test_a_site_without_an_accessibility_page_has_no_broken_footer_link(tmp_path):
    """Regression: the footer linked /accessibility/ even when the site had no such page."""
    files = {k: v for k, v in TINY.items() if k != "content/accessibility.md"}
    site = new_site(tmp_path / "site", files)
    report = run_build(site, tmp_path / "cache")
    assert report.written
    assert broken_internal_links(site / "_site", BASE, LINKS) == []


# -- glossary and abbreviations --------------------------------------------------------------


def body_part(soup: BeautifulSoup) -> list[Tag]:
    """Return the rows made from the page body (not the title, not the hard-words box)."""
    return [row for row in main_rows(soup) if "er-title" not in row.get("class", [])]


def test_a_hard_word_is_bold_and_explained_once_per_page(tiny):
    _site, out, _report = tiny
    soup = page(out, "/")
    rows = body_part(soup)
    bold = [s for row in rows for s in row.select("strong.hard-word")]
    assert [b.get_text(strip=True) for b in bold] == ["co-production"]
    explained = [p for row in rows for p in row.select("p.er-explain")]
    assert len(explained) == 1
    assert explained[0].find("dfn").get_text(strip=True) == "co-production"
    # The explanation sits in the same row as the first use.
    first = row_for_bold(rows, "co-production")
    assert first.select_one("p.er-explain") is explained[0]


def row_for_bold(rows: list[Tag], word: str) -> Tag:
    return next(row for row in rows if any(b.get_text(strip=True) == word for b in row.select("strong.hard-word")))


def test_the_page_lists_its_hard_words(tiny):
    _site, out, _report = tiny
    box = page(out, "/").select_one("section.hard-words-box")
    assert box is not None
    terms = [dt_.get_text(" ", strip=True) for dt_ in box.find_all("dt")]
    assert terms == ["co-production", "ICB"]


def test_an_abbreviation_is_expanded_on_first_use_only(tiny):
    _site, out, _report = tiny
    rows = body_part(page(out, "/"))
    abbrs = [a for row in rows for a in row.find_all("abbr")]
    assert len(abbrs) == 1
    assert abbrs[0].get_text() == "ICB"
    assert abbrs[0]["title"] == "integrated care board"
    assert str(abbrs[0].next_sibling).startswith(" (integrated care board)")
    second = row_for(page(out, "/"), "The ICB meets us too.")
    assert second.find("abbr") is None


# -- drafts, lists, stories, people ---------------------------------------------------------------


def test_a_draft_page_is_not_built(tiny):
    _site, out, report = tiny
    assert not (out / "about").exists()
    assert "about" not in report.site.by_id


def test_drafts_are_built_when_asked(tmp_path):
    site = new_site(tmp_path / "site", TINY)
    report = run_build(site, tmp_path / "cache", include_drafts=True)
    assert report.written
    soup = read_html(site / "_site" / "about" / "index.html")
    assert soup.find("h1").get_text(strip=True) == "About us (draft)"


def test_updates_are_listed_newest_first(tiny):
    _site, out, _report = tiny
    soup = page(out, "/updates/")
    titles = [p.get_text(strip=True) for p in soup.select("main ul.page-list .item-title")]
    assert titles == ["Newest news", "Middle news", "Oldest news"]
    links = [a["href"] for a in soup.select("main ul.page-list .item-title a")]
    assert links == [BASE + "updates/bananas/", BASE + "updates/cherries/", BASE + "updates/apples/"]


def test_minutes_are_listed(tiny):
    _site, out, _report = tiny
    soup = page(out, "/minutes/")
    links = [a["href"] for a in soup.select("main ul.page-list .item-title a")]
    assert links == [BASE + "minutes/2026-10-01-board/"]


def test_a_story_with_consent_is_published(tiny):
    _site, out, _report = tiny
    soup = page(out, "/stories/sam/")
    assert soup.find("h1").get_text(strip=True) == "Sam's story"
    told = soup.select_one("main .told-by")
    assert told.get_text(" ", strip=True) == "This story is from Sam, a member of Speak Up. These are their own words."
    assert told.find("img") is not None  # a generated line has its picture too


def test_a_story_without_consent_is_refused(tmp_path):
    site = new_site(tmp_path / "site", {**TINY, "content/stories/sam.md": """
        ---
        title: Sam's story
        told_by: Sam
        consent: no
        ---
        I like the new room.
        """})
    report = run_build(site, tmp_path / "cache")
    assert not report.written
    assert not (site / "_site").exists()
    [problem] = [p for p in report.problems if p.rule == "SITE-CONSENT"]
    assert problem.file == Path("content/stories/sam.md")
    assert problem.line == 4


def test_a_story_that_does_not_say_consent_is_refused(tmp_path):
    site = new_site(tmp_path / "site", {**TINY, "content/stories/sam.md": """
        ---
        title: Sam's story
        told_by: Sam
        ---
        I like the new room.
        """})
    report = run_build(site, tmp_path / "cache")
    assert not report.written
    missing = [p for p in report.problems if p.file == Path("content/stories/sam.md") and p.rule == "SITE-MISSING"]
    assert [p.line for p in missing] == [2]  # the first line of the front matter


def test_people_are_listed_on_who_we_are(tiny):
    _site, out, _report = tiny
    soup = page(out, "/people/")
    names = [a.get_text(strip=True) for a in soup.select("main ul.people-list .item-title a")]
    assert names == ["Sam Okafor"]


def jpeg_bytes() -> bytes:
    """Return a tiny real JPEG."""
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def person(extra: str) -> dict[str, str | bytes]:
    return {
        **TINY,
        "content/people/photos/sam.jpg": jpeg_bytes(),
        "content/people/sam-okafor.md": "---\ntitle: Sam Okafor\nrole: Co-chair\nphoto: people/photos/sam.jpg\n"
                                        + extra + "---\nSam likes trains.\n",
    }


def test_a_person_photo_needs_words_and_consent(tmp_path):
    site = new_site(tmp_path / "site", person(""))
    report = run_build(site, tmp_path / "cache")
    assert not report.written
    found = {(p.rule, p.file, p.line) for p in report.problems if p.file == Path("content/people/sam-okafor.md")}
    assert found == {("PIC-ALT-MISSING", Path("content/people/sam-okafor.md"), 4),
                     ("PIC-CONSENT", Path("content/people/sam-okafor.md"), 4)}


def test_a_person_photo_with_words_but_no_consent_is_refused(tmp_path):
    site = new_site(tmp_path / "site", person("photo_alt: Sam in the garden\n"))
    report = run_build(site, tmp_path / "cache")
    assert not report.written
    assert [p.rule for p in report.problems if p.file == Path("content/people/sam-okafor.md")] == ["PIC-CONSENT"]


def test_a_person_photo_with_words_and_consent_is_shown(tmp_path):
    site = new_site(tmp_path / "site", person("photo_alt: Sam in the garden\nphoto_agreed: yes\n"))
    report = run_build(site, tmp_path / "cache")
    assert report.written, [p.message for p in report.problems]
    out = site / "_site"
    soup = read_html(out / "people" / "sam-okafor" / "index.html")
    photo = soup.select_one("main img.person-photo")
    assert photo["alt"] == "Sam in the garden"
    assert target_file(out, BASE, photo["src"]).is_file()
    listed = read_html(out / "people" / "index.html").select_one("main img.person-photo")
    assert listed["alt"] == "Sam in the garden"
    assert not (out / "people" / "photos" / "sam.jpg").exists()  # never copied raw


ANSWER = {
    "content/you-said-we-did/room.md": """
        ---
        title: A quiet room
        date: 2026-10-20
        you_said: You wanted a quiet room at meetings.
        we_did: We booked a quiet room.
        evidence:
          - minutes/2026-10-01-board#a1
        ---
        Thank you for telling us.
        """,
}


def test_a_you_said_we_did_page_builds(tmp_path):
    """Regression: components/answer.html used `item`, undefined on a single answer page."""
    site = new_site(tmp_path / "site", {**TINY, **ANSWER})
    report = run_build(site, tmp_path / "cache")
    assert report.written, [f"{p.location} {p.message}" for p in report.problems]
    soup = read_html(site / "_site" / "you-said-we-did" / "room" / "index.html")
    assert soup.select_one("main .we-did") is not None
    evidence = soup.select_one("main ul.evidence a")
    assert evidence["href"] == BASE + "minutes/2026-10-01-board/#a1"


def test_a_site_with_a_feedback_receiver_builds(tmp_path):
    """Regression: feedback.html read `errors.face` from an empty dict under StrictUndefined."""
    yaml = TINY["content/site.yaml"] + """
        feedback:
          destination: receiver
          url: https://feedback.testshire.example.org/feedback
        """
    site = new_site(tmp_path / "site", {**TINY, "content/site.yaml": yaml})
    report = run_build(site, tmp_path / "cache")
    assert report.written, [f"{p.location} {p.message}" for p in report.problems]
    form = read_html(site / "_site" / "feedback" / "index.html").select_one("main form.feedback-form")
    assert form["action"] == "https://feedback.testshire.example.org/feedback"


def test_every_page_url_matches_where_it_was_written(tiny):
    _site, out, report = tiny
    written = {url_of(out, p) for p in html_pages(out) if p.name == "index.html"}
    for page_ in report.site.pages:
        assert page_.url in written


def test_a_broken_draft_is_reported_but_does_not_stop_the_site(make_site, build_site):
    """`python build.py new` makes a draft with empty fields; the rest of the site must still publish."""
    site = make_site({"content/minutes/next.md": "---\ntitle:\nmeeting_date: 2026-12-01\ngroup: Board\n"
                                                 "chairs: [Sam]\ndraft: yes\n---\n\nNot written yet.\n"})
    report = build_site(site)
    assert report.written
    [problem] = [p for p in report.problems if p.file and p.file.as_posix() == "content/minutes/next.md"]
    assert (problem.line, problem.rule, problem.severity.value) == (2, "SITE-EMPTY", "warning")
    assert not (site / "_site" / "minutes" / "next").exists()
