"""A site's own layouts write its hard words (issue 12 part 5).

The bold first use of a hard word and the 'Hard word: … means …' line under
it are the layout components components/hard_word.html and
components/explanation.html. A site that puts a file of the same name in its
own layouts/components/ sees its markup on the Markdown pages and on the
pages made from data alike.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from tests.test_wtfc import tiny
from wtfc_site.errors import Severity
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
from wtfc_site.wordmarkup import WordMarkup
from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

GLOSSARY = """\
- word: volunteer
  meaning: someone who helps without being paid.
  also: [volunteers]
"""
STORY_PAGE = """\
---
title: Our volunteers
date: 2026-05-02
---
[picture: bus]
Our volunteers go with people to town.
"""
OWN_HARD_WORD = """\
{% macro hard_word(word) -%}
<em class="our-hard-word">{{ word }}</em>
{%- endmacro %}
"""
OWN_EXPLANATION = """\
{% macro explanation(entry) -%}
<div class="our-meaning"><b>{{ entry.word }}</b> is {{ entry.meaning }}</div>
{%- endmacro %}
"""
OWN_COMPONENTS = {"layouts/components/hard_word.html": OWN_HARD_WORD,
                  "layouts/components/explanation.html": OWN_EXPLANATION}
MARKDOWN_PAGE = "updates/our-volunteers/index.html"
DATA_PAGE = "wtfc/2026/themes/getting-out/index.html"
"""The theme page shows the plan 'Volunteers go with people on the bus.'"""


def site_files() -> dict[str, str]:
    return {**tiny(), "content/glossary.yaml": GLOSSARY, "content/updates/our-volunteers.md": STORY_PAGE}


def hard_words(soup, selector: str) -> list[str]:
    main = soup.select_one("main")
    return [element.get_text(" ", strip=True) for element in main.select(selector)]


def test_the_default_components_bold_and_explain_a_hard_word(make_site, build_site, parse_html) -> None:
    site = make_site(site_files())
    assert build_site(site).written
    for page in (MARKDOWN_PAGE, DATA_PAGE):
        soup = parse_html(site / "_site" / page)
        assert hard_words(soup, "strong.hard-word") == ["Volunteers" if page == DATA_PAGE else "volunteers"], page
        assert hard_words(soup, "p.er-explain") == ["Hard word: volunteer means someone who helps without being paid."]


def test_a_site_replaces_the_hard_word_components_on_both_kinds_of_page(make_site, build_site, parse_html) -> None:
    site = make_site({**site_files(), **OWN_COMPONENTS})
    report = build_site(site)
    assert report.written, [p.message for p in report.problems if p.severity is Severity.ERROR]
    for page, word in ((MARKDOWN_PAGE, "volunteers"), (DATA_PAGE, "Volunteers")):
        soup = parse_html(site / "_site" / page)
        assert hard_words(soup, "em.our-hard-word") == [word], page
        assert hard_words(soup, "div.our-meaning") == ["volunteer is someone who helps without being paid."], page
        assert not soup.select("main strong.hard-word, main p.er-explain"), f"{page} still has the default markup"


def test_changing_the_components_reaches_pages_kept_in_the_build_cache(make_site, build_site, parse_html) -> None:
    """A page body is kept between builds; the hard word components are part of what it was made from."""
    site = make_site(site_files())
    assert build_site(site).written
    for name, text in OWN_COMPONENTS.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    assert build_site(site).written
    soup = parse_html(site / "_site" / MARKDOWN_PAGE)
    assert hard_words(soup, "em.our-hard-word") == ["volunteers"]
    assert hard_words(soup, "div.our-meaning") == ["volunteer is someone who helps without being paid."]


def test_a_component_that_writes_more_than_one_element_is_named_with_a_fix(make_site, build_site) -> None:
    site = make_site({**site_files(), "layouts/components/hard_word.html":
                      "{% macro hard_word(word) %}<b>{{ word }}</b> <i>(hard)</i>{% endmacro %}\n"})
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/hard_word.html")
    assert "one HTML element" in problem.message and "Put everything inside one tag" in problem.hint


def test_a_tag_page_text_cannot_show_is_named_with_the_tags_it_can(make_site, build_site) -> None:
    """Page text is cleaned of tags it does not use; a component's markup would vanish without a word."""
    site = make_site({**site_files(), "layouts/components/hard_word.html":
                      "{% macro hard_word(word) %}<mark style='color: red'>{{ word }}</mark>{% endmacro %}\n"})
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/hard_word.html")
    assert "<mark>" in problem.message and 'style="…" on <mark>' in problem.message
    assert "<strong>" in problem.hint


def test_a_component_that_fails_while_writing_is_named_at_the_line_that_failed(make_site, build_site) -> None:
    site = make_site({**site_files(), "layouts/components/hard_word.html":
                      "{% macro hard_word(word) -%}\n<strong class=\"hard-word\">{{ word }}\n"
                      "{{ nosuch }}</strong>\n{%- endmacro %}\n"})
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.location == "layouts/components/hard_word.html:3"
    assert "'nosuch' is undefined" in problem.message
    assert "near this line" in problem.hint and "macro hard_word" not in problem.hint


def test_each_word_is_rendered_once_however_many_pages_use_it(tmp_path: Path) -> None:
    """Builds of thousands of pages ask for the same words again and again: the layout runs once per word."""
    for name, text in OWN_COMPONENTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.replace("{%- endmacro", "{{ noted() }}{%- endmacro"), encoding="utf-8")
    calls: list[str] = []
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "layouts")), autoescape=True)
    env.globals["noted"] = lambda: calls.append("rendered") or ""
    words = WordMarkup(env)
    glossary = Glossary((GlossaryEntry(word="volunteer", meaning="someone who helps."),))
    converter = BodyConverter()
    for _ in range(50):
        ctx = BodyContext(file=Path("x.md"), body_line=1, easy_read=True, glossary=glossary,
                          abbreviations=Abbreviations({}), choose_picture=lambda marker, text, line: PictureChoice(None),
                          resolve_link=lambda href: href, words=words)
        assert '<em class="our-hard-word">volunteer</em>' in converter.convert("A volunteer helps.\n", ctx).html
    assert calls == ["rendered", "rendered"], "the hard word and its explanation should each be rendered once"
