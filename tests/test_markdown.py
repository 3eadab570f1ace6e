"""Markdown to easy-read HTML in one pass, keeping source lines (wtfc_site/markdown.py).

These tests never touch the disk: the picture library and the link
resolver are small stand-ins, so each test shows one behaviour.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from wtfc_site.markdown import Body, BodyContext, BodyConverter, PictureChoice, sanitise
from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

FILE = Path("content/about.md")
PICTURES = {"meeting", "people", "money", "tea"}
PAGES = {"/minutes/": "/base/minutes/", "/policy/co-production/": "/base/policy/co-production/"}


def choose(marker: str, text: str, line: int) -> PictureChoice:
    """A tiny library: a named picture if it exists; 'auto' picks the first known word in the text."""
    if marker != "auto":
        return PictureChoice(marker, f"/base/pictures/{marker}.svg") if marker in PICTURES else \
            PictureChoice(None, problem=None)
    for word in text.lower().replace(".", " ").split():
        if word in PICTURES:
            return PictureChoice(word, f"/base/pictures/{word}.svg")
    return PictureChoice(None)


def resolve(href: str) -> str | None:
    path, _, fragment = href.partition("#")
    final = PAGES.get(path)
    return None if final is None else final + (f"#{fragment}" if fragment else "")


GLOSSARY = Glossary((GlossaryEntry(word="co-production", meaning="people working together as equals.",
                                   also=("co-produce",)),))
ABBREVIATIONS = Abbreviations({"ICB": "integrated care board"})


def convert(text: str, *, easy_read: bool = True, body_line: int = 5, quoted: bool = False) -> Body:
    ctx = BodyContext(file=FILE, body_line=body_line, easy_read=easy_read, glossary=GLOSSARY,
                      abbreviations=ABBREVIATIONS, choose_picture=choose, resolve_link=resolve, quoted=quoted)
    return BodyConverter().convert(text, ctx)


def soup_of(body: Body) -> BeautifulSoup:
    return BeautifulSoup(body.html, "html.parser")


def words(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def kids(tag: Tag) -> list[Tag]:
    return [c for c in tag.children if isinstance(c, Tag)]


# -- rows and pictures -------------------------------------------------------------


def test_each_paragraph_is_a_row_with_the_picture_first():
    soup = soup_of(convert("[picture: meeting] We meet once a month.\n\n[picture: tea] We drink tea.\n"))
    rows = soup.find_all("div", class_="er-row", recursive=False)
    assert len(rows) == 2
    for row in rows:
        pic, text = kids(row)
        assert pic["class"][0] == "er-pic" and text["class"] == ["er-text"]
    assert [words(r) for r in rows] == ["We meet once a month.", "We drink tea."]
    assert [r.find("img")["src"] for r in rows] == ["/base/pictures/meeting.svg", "/base/pictures/tea.svg"]


def test_picture_images_have_empty_alt_and_a_size():
    img = soup_of(convert("[picture: meeting] We meet.\n")).find("img")
    assert img["alt"] == ""
    assert (img["width"], img["height"]) == ("120", "120")
    assert img["data-picture"] == "meeting"


def test_picture_none_leaves_an_empty_picture_column():
    row = soup_of(convert("[picture: none] No picture here.\n")).find(class_="er-row")
    pic = row.find(class_="er-pic")
    assert "er-pic-empty" in pic["class"]
    assert row.find("img") is None


def test_the_marker_may_stand_on_its_own_line():
    body = convert("[picture: people]\nWe are a group.\nWe meet often.\n")
    soup = soup_of(body)
    row = soup.find(class_="er-row")
    assert row.find("img")["src"] == "/base/pictures/people.svg"
    assert [p.text for p in body.points] == ["We are a group.\nWe meet often."]
    assert all("[picture" not in s for s in row.stripped_strings)


def test_a_marker_on_its_own_line_leaves_no_empty_line():
    """Regression: the <br> after a marker on its own line stayed, starting the point with an empty line."""
    soup = soup_of(convert("[picture: people]\nWe are a group.\nWe meet often.\n"))
    paragraph = soup.find(class_="er-text").find("p")
    first = next(c for c in paragraph.children if not (isinstance(c, str) and not c.strip()))
    assert not (isinstance(first, Tag) and first.name == "br")
    assert len(paragraph.find_all("br")) == 1  # one sentence per line is kept


def test_auto_and_no_marker_ask_the_library():
    body = convert("[picture: auto] We talk about money.\n\nWe have a meeting.\n\nNothing matches here.\n")
    assert [p.chosen_picture for p in body.points] == ["money", "meeting", None]
    assert [p.picture_was_chosen for p in body.points] == [True, True, False]
    assert body.pictures == ("money", "meeting")


def test_list_items_are_rows_and_the_list_is_marked():
    soup = soup_of(convert("- [picture: tea] We like tea.\n- [picture: none] We like cake.\n"))
    ul = soup.find("ul")
    assert ul["class"] == ["er-list"]
    items = ul.find_all("li", recursive=False)
    assert [li["class"] for li in items] == [["er-row"], ["er-row"]]
    assert [[k["class"][0] for k in kids(li)] for li in items] == [["er-pic", "er-text"]] * 2
    assert items[0].find("img")["src"] == "/base/pictures/tea.svg"
    assert items[1].find("img") is None


def test_marker_text_never_reaches_the_page():
    soup = soup_of(convert("[picture: meeting] We meet.\n\n- [picture: none] Tea.\n"))
    assert all("[picture" not in s for s in soup.stripped_strings)


def test_a_heading_with_a_named_picture_is_a_heading_row():
    soup = soup_of(convert("## [picture: meeting] Our meetings\n\nWe meet.\n"))
    row = soup.find(class_="er-heading-row")
    assert row is not None
    assert words(row.find("h2")) == "Our meetings"
    assert row.find("img")["src"] == "/base/pictures/meeting.svg"


def test_a_plain_heading_stays_a_heading():
    soup = soup_of(convert("## Our meetings\n\nWe meet.\n"))
    h2 = soup.find("h2")
    assert h2.find_parent(class_="er-row") is None


def test_an_unknown_picture_is_reported_by_the_library_not_shown():
    body = convert("[picture: unicorn] We meet.\n")
    assert soup_of(body).find("img") is None


def test_standard_pages_are_not_rows():
    soup = soup_of(convert("[picture: meeting] We meet.\n\n- One\n- Two\n", easy_read=False))
    assert soup.find(class_="er-row") is None
    assert soup.find("ul")["class"] == ["plain-list"]
    assert soup.find("img") is None


# -- lines --------------------------------------------------------------------------


def test_each_point_knows_its_line_in_the_file():
    body = convert("We meet.\n\nWe talk.\nWe listen.\n\n- Tea.\n- Cake.\n", body_line=5)
    assert [(p.line, p.kind) for p in body.points] == [(5, "paragraph"), (7, "paragraph"),
                                                        (10, "list-item"), (11, "list-item")]
    second = body.points[1]
    assert second.line_at(second.text.index("We listen")) == 8


def test_headings_are_points_with_their_line():
    body = convert("# Title here\n\nWe meet.\n", body_line=3)
    assert [(p.line, p.kind, p.text) for p in body.points] == [(3, "heading", "Title here"),
                                                                (5, "paragraph", "We meet.")]


def test_a_story_body_is_quoted():
    body = convert("I like the room.\n", quoted=True)
    assert [p.kind for p in body.points] == ["quote"]
    assert body.points[0].quoted


def test_quiet_comments_are_collected_with_their_line():
    body = convert("<!-- quiet ER-SENT-LEN: the law's name is long -->\nThe Very Long Name Act applies.\n", body_line=4)
    [silence] = body.silences
    assert (silence.line, silence.rule, silence.reason) == (5, "ER-SENT-LEN", "the law's name is long")


# -- links ----------------------------------------------------------------------------


def test_site_links_are_rewritten_and_recorded_with_their_line():
    body = convert("We meet.\n\nRead [the notes](/minutes/).\nRead [the policy](/policy/co-production/#why).\n",
                   body_line=5)
    links = {a.get_text(): a["href"] for a in soup_of(body).find_all("a")}
    assert links == {"the notes": "/base/minutes/", "the policy": "/base/policy/co-production/#why"}
    assert [(link.target, link.line, link.found) for link in body.links] == [
        ("/minutes/", 7, True), ("/policy/co-production/#why", 8, True)]


def test_a_broken_link_is_recorded_not_dropped():
    body = convert("Read [this](/nowhere/).\n", body_line=9)
    [link] = body.links
    assert (link.target, link.line, link.found) == ("/nowhere/", 9, False)


def test_outside_links_are_left_alone():
    body = convert("[Web](https://example.org) [Mail](mailto:a@example.org) [Top](#top)\n")
    hrefs = [a["href"] for a in soup_of(body).find_all("a")]
    assert hrefs == ["https://example.org", "mailto:a@example.org", "#top"]
    assert body.links == ()


def test_a_picture_from_another_website_is_refused():
    body = convert("![A cat](https://example.org/cat.jpg)\n", body_line=3)
    assert [(p.rule, p.line) for p in body.problems] == [("PIC-EXTERNAL", 3)]


# -- hard words and short forms -----------------------------------------------------------


def test_a_hard_word_is_bold_and_explained_at_its_first_use_only():
    body = convert("We believe in co-production.\n\nCo-production is good.\n\nWe co-produce plans.\n")
    soup = soup_of(body)
    bold = soup.select("strong.hard-word")
    assert [b.get_text() for b in bold] == ["co-production"]
    explained = soup.select("p.er-explain")
    assert len(explained) == 1
    assert explained[0].find("dfn").get_text() == "co-production"
    first_row = soup.find_all(class_="er-row")[0]
    assert first_row.select_one("p.er-explain") is explained[0]
    assert [entry.word for entry in body.hard_words] == ["co-production"]
    assert body.points[0].explained == ("co-production",)


def test_a_hard_word_that_is_already_bold_is_still_explained_once():
    soup = soup_of(convert("We believe in **co-production**.\n"))
    assert len(soup.select("p.er-explain")) == 1
    assert len(soup.find_all("strong")) == 1


def test_hard_words_inside_links_are_left_alone():
    soup = soup_of(convert("Read [co-production](/minutes/).\n"))
    assert soup.select("strong.hard-word") == []


def test_a_hard_word_on_a_standard_page_is_explained_after_its_paragraph():
    soup = soup_of(convert("We believe in co-production.\n\nMore text.\n", easy_read=False))
    paragraphs = soup.find_all("p", recursive=False)
    assert [p.get("class") for p in paragraphs] == [None, ["er-explain"], None]


def test_a_short_form_is_expanded_the_first_time_only():
    body = convert("The ICB pays.\n\nThe ICB meets.\n")
    soup = soup_of(body)
    abbrs = soup.find_all("abbr")
    assert len(abbrs) == 1
    assert (abbrs[0].get_text(), abbrs[0]["title"]) == ("ICB", "integrated care board")
    assert str(abbrs[0].next_sibling) == " (integrated care board) pays."
    assert body.short_forms == (("ICB", "integrated care board"),)


def test_short_forms_match_whole_words_in_capitals_only():
    soup = soup_of(convert("The icb and ICBs and PICB are not it.\n"))
    assert soup.find("abbr") is None


# -- safety -------------------------------------------------------------------------------------


def test_scripts_and_event_handlers_are_removed():
    body = convert('<script>alert(1)</script>\n\nHello <b onclick="x()">there</b>.\n\n'
                   '<a href="javascript:alert(1)">click</a>\n')
    soup = soup_of(body)
    assert soup.find("script") is None
    assert all(not attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert all(not a.get("href", "").startswith("javascript:") for a in soup.find_all("a"))


def test_sanitise_keeps_what_our_pages_use():
    html = '<div class="er-row"><div class="er-pic"><img src="/p.svg" alt="" data-picture="p"></div></div>'
    soup = BeautifulSoup(sanitise(html), "html.parser")
    assert soup.find("img")["data-picture"] == "p"
    assert soup.find("div")["class"] == ["er-row"]


def test_one_converter_serves_many_pages_without_leaking_state():
    converter = BodyConverter()
    ctx = dict(file=FILE, body_line=1, easy_read=True, glossary=GLOSSARY, abbreviations=ABBREVIATIONS,
               choose_picture=choose, resolve_link=resolve)
    first = converter.convert("We believe in co-production.\n", BodyContext(**ctx))
    second = converter.convert("We believe in co-production.\n", BodyContext(**ctx))
    assert first.html == second.html
    assert len(second.hard_words) == 1


def test_a_glossary_word_inside_a_name_is_not_explained():
    """'Riverside Advocacy' is a name: its 'Advocacy' is not the hard word 'advocacy'."""
    from pathlib import Path as _Path

    from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
    from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

    glossary = Glossary((GlossaryEntry(word="advocacy", meaning="help to speak up."),))
    ctx = BodyContext(file=_Path("x.md"), body_line=1, easy_read=True, glossary=glossary,
                      abbreviations=Abbreviations({}), choose_picture=lambda marker, text, line: PictureChoice(None),
                      resolve_link=lambda href: href)
    converter = BodyConverter()
    assert converter.convert("Riverside Advocacy can help.\n", ctx).hard_words == ()
    assert [e.word for e in converter.convert("You can get advocacy.\n", ctx).hard_words] == ["advocacy"]
