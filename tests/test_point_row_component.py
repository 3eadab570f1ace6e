"""A site's own layouts write the rows of easy-read points and the first use of a short form (issue 12 part 5).

A Markdown page's easy-read points are rows of picture and words made by
components/point_row.html, and a short form's first use on a page, with its
meaning, by components/short_form.html. A site that puts a file of the same
name in its own layouts/components/ sees its markup on its pages; one that
cannot be used is named with what to fix.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import lxml.html

from tests.test_wtfc import tiny
from wtfc_site.errors import Severity
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
from wtfc_site.wordmarkup import WordMarkup
from wtfc_site.words import Abbreviations, Glossary

PAGE = """\
---
title: Our bus trips
date: 2026-05-02
---
[picture: bus]
The ICB pays for our bus trips.

[picture: none]
The ICB helps us plan them.

- [picture: bus] We meet at the bus stop.
- We go to town.
"""
PAGE_OUT = "updates/our-bus-trips/index.html"
OWN_ROW = """\
{% macro point_row(row_class, picture) -%}
<div class="our-row">
{%- if picture %}<img class="our-picture" src="{{ picture.url }}" alt="" />{% endif -%}
<div class="our-words" data-slot="text"></div></div>
{%- endmacro %}
"""
OWN_SHORT_FORM = """\
{% macro short_form(short, meaning) -%}
<b class="our-short">{{ short }}</b> (that is, {{ meaning }})
{%- endmacro %}
"""


def site_files(**layouts: str) -> dict[str, str]:
    files = {**tiny(), "content/abbreviations.yaml": "ICB: integrated care board\n",
             "content/updates/our-bus-trips.md": PAGE}
    files.update({f"layouts/components/{name}.html": text for name, text in layouts.items()})
    return files


def page_body(site: Path) -> lxml.html.HtmlElement:
    tree = lxml.html.fromstring((site / "_site" / PAGE_OUT).read_bytes())
    [main] = tree.xpath("//main")
    return main


def words(elements: list[lxml.html.HtmlElement]) -> list[str]:
    return [" ".join(element.text_content().split()) for element in elements]


def errors(report) -> list[str]:
    return [p.message for p in report.problems if p.severity is Severity.ERROR]


def test_the_default_components_write_rows_and_spell_out_a_short_form(make_site, build_site) -> None:
    site = make_site(site_files())
    report = build_site(site)
    assert report.written, errors(report)
    main = page_body(site)
    rows = main.xpath(".//*[@class='er-row']")  # the page's title row is 'er-row er-title'
    assert words(rows) == ["The ICB (integrated care board) pays for our bus trips.", "The ICB helps us plan them.",
                           "We meet at the bus stop.", "We go to town."]
    assert [row.tag for row in rows] == ["div", "div", "li", "li"]
    assert [len(row.xpath("./div[@class='er-pic']/img[@data-picture='bus']")) for row in rows] == [1, 0, 1, 0]  # no picture fits "We go to town."
    assert rows[1].xpath("./div/@class")[0] == "er-pic er-pic-empty"
    [abbr] = rows[0].xpath(".//abbr")
    assert (abbr.text, abbr.get("title")) == ("ICB", "integrated care board")
    assert not main.xpath(".//*[@data-slot]"), "the mark of the place for the words is left on the page"


def test_a_site_replaces_the_row_and_short_form_components(make_site, build_site) -> None:
    site = make_site(site_files(point_row=OWN_ROW, short_form=OWN_SHORT_FORM))
    report = build_site(site)
    assert report.written, errors(report)
    main = page_body(site)
    rows = main.xpath(".//*[@class='our-row']")
    assert [row.tag for row in rows] == ["div", "div", "li", "li"]
    assert words([row.xpath("./div[@class='our-words']")[0] for row in rows]) == [
        "The ICB (that is, integrated care board) pays for our bus trips.", "The ICB helps us plan them.",
        "We meet at the bus stop.", "We go to town."]
    assert [[child.get("class") for child in row] for row in rows[:2]] == [["our-picture", "our-words"], ["our-words"]]
    assert rows[0][0].get("src", "").endswith("bus.svg")
    assert words(main.xpath(".//b[@class='our-short']")) == ["ICB"]
    # (The page's title row and the hard words box come from other layouts.)
    assert not main.xpath(".//*[@class='er-row' or @data-slot] | .//*[@class='our-row']//*[self::abbr or @class='er-text']")


def test_changing_the_row_component_reaches_pages_kept_in_the_build_cache(make_site, build_site) -> None:
    site = make_site(site_files())
    assert build_site(site).written
    (site / "layouts/components").mkdir(parents=True, exist_ok=True)
    (site / "layouts/components/point_row.html").write_text(OWN_ROW, encoding="utf-8")
    report = build_site(site)
    assert report.written, errors(report)
    assert len(page_body(site).xpath(".//*[@class='our-row']")) == 4


def test_a_row_with_no_place_for_the_words_is_named_with_a_fix(make_site, build_site) -> None:
    site = make_site(site_files(point_row=OWN_ROW.replace(' data-slot="text"', "")))
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/point_row.html")
    assert 'data-slot="text"' in problem.message and 'data-slot="text"' in problem.hint


def test_a_short_form_component_that_writes_two_elements_is_named(make_site, build_site) -> None:
    site = make_site(site_files(short_form=OWN_SHORT_FORM.replace("(that is,", "<i>that is</i>")))
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/short_form.html")
    assert "one HTML element" in problem.message


def test_a_row_is_rendered_once_per_kind_of_row_however_many_points_use_it(tmp_path: Path) -> None:
    """A row is needed about 25 times a page: the layout runs once per row class and picture."""
    folder = tmp_path / "layouts/components"
    folder.mkdir(parents=True)
    (folder / "point_row.html").write_text(OWN_ROW.replace("{%- endmacro", "{{ noted() }}{%- endmacro"), encoding="utf-8")
    (folder / "short_form.html").write_text(OWN_SHORT_FORM.replace("{%- endmacro", "{{ noted() }}{%- endmacro"),
                                            encoding="utf-8")
    calls: list[str] = []
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "layouts")), autoescape=True)
    env.globals["noted"] = lambda: calls.append("rendered") or ""
    markup = WordMarkup(env)
    converter = BodyConverter()
    text = "[picture: bus]\nThe ICB pays.\n\n[picture: none]\nWe go.\n\n[picture: bus]\nWe stop.\n"
    for _ in range(20):
        ctx = BodyContext(file=Path("x.md"), body_line=1, easy_read=True, glossary=Glossary(()),
                          abbreviations=Abbreviations({"ICB": "integrated care board"}),
                          choose_picture=lambda marker, text, line: PictureChoice(None if marker == "none" else "bus",
                                                                                  "/pictures/bus.svg"),
                          resolve_link=lambda href: href, words=markup)
        html = converter.convert(text, ctx).html
        assert html.count('class="our-row"') == 3 and '<b class="our-short">ICB</b>' in html
    assert calls == ["rendered"] * 3, "two kinds of row and one short form should each be rendered once"
