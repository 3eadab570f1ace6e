"""Parts every page shows alike (the footer, the reader controls) are made once per build (siteparts),
yet a site that overrides one sees its own on every page, and a part that reads the page is made for each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_html

from wtfc_site import siteparts

PAGES = {
    "content/index.md": "---\ntitle: Welcome\n---\n[picture: meeting] We meet once a month.\n",
    "content/policy/co-production.md": "---\ntitle: Our co-production policy\n---\n[picture: policy] We work together.\n",
    "content/updates/2026-01-05-bus.md": "---\ntitle: A new bus\ndate: 2026-01-05\n---\n"
                                         "[picture: bus] The new bus comes every hour.\n",
}
SHOWN = ("index.html", "policy/co-production/index.html", "updates/2026-01-05-bus/index.html", "updates/index.html")


def footer_texts(out: Path, name: str) -> list[str]:
    return [f.get_text(" ", strip=True) for f in read_html(out / name).find_all("footer")]


def count_parts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of every part siteparts makes (not reuses)."""
    made: list[str] = []
    original = siteparts.render_part

    def recording(context, template):
        made.append(template.name)
        return original(context, template)
    monkeypatch.setattr(siteparts, "render_part", recording)
    return made


def test_the_default_footer_is_made_once_for_every_page(make_site, build_site, monkeypatch):
    site = make_site(PAGES)
    made = count_parts(monkeypatch)
    report = build_site(site, use_cache=False)
    assert report.written
    pages = len(list((site / "_site").rglob("*.html")))
    assert pages > 8
    # Once for the pages, once more for the 'page not found' page (publish makes it with its own context).
    assert 1 <= made.count("components/footer.html") <= 2
    assert 1 <= made.count("components/reader_controls.html") <= 2
    first = footer_texts(site / "_site", SHOWN[0])
    assert first and "Contact us" in first[0]
    for name in SHOWN:  # the same footer, with its pictures, on every page
        assert footer_texts(site / "_site", name) == first, name
        soup = read_html(site / "_site" / name)
        assert [img["src"] for img in soup.find("footer").find_all("img")] == ["/pictures/contact.svg",
                                                                               "/pictures/easy-read.svg"]
    assert (site / "_site" / "pictures" / "contact.svg").is_file()  # a picture only the footer shows is copied


def test_a_sites_own_footer_is_the_one_every_page_shows(make_site, build_site, monkeypatch):
    footer = '<footer class="ours"><img src="{{ picture_url(\'tick\') }}" alt=""> Made by {{ config.name }}.</footer>\n'
    site = make_site({**PAGES, "layouts/components/footer.html": footer})
    made = count_parts(monkeypatch)
    assert build_site(site, use_cache=False).written
    assert 1 <= made.count("components/footer.html") <= 2
    for name in SHOWN:
        soup = read_html(site / "_site" / name)
        assert [f["class"] for f in soup.find_all("footer")] == [["ours"]], name
        assert soup.find("footer").get_text(" ", strip=True).startswith("Made by "), name
    assert (site / "_site" / "pictures" / "tick.svg").is_file()


def test_an_own_footer_that_reads_the_page_is_made_for_each_page(make_site, build_site, monkeypatch):
    footer = '<footer class="ours">You are reading {{ title }}.</footer>\n'
    site = make_site({**PAGES, "layouts/components/footer.html": footer})
    made = count_parts(monkeypatch)
    assert build_site(site, use_cache=False).written
    assert made.count("components/footer.html") > 1
    assert footer_texts(site / "_site", "index.html") == ["You are reading Welcome."]
    assert footer_texts(site / "_site", "updates/2026-01-05-bus/index.html") == ["You are reading A new bus."]
    assert footer_texts(site / "_site", "updates/index.html") == ["You are reading News."]


def test_an_own_reader_controls_part_is_shown(make_site, build_site):
    controls = '<div class="our-controls">Bigger words here</div>\n'
    site = make_site({**PAGES, "layouts/components/reader_controls.html": controls})
    assert build_site(site, use_cache=False).written
    for name in SHOWN:
        soup = read_html(site / "_site" / name)
        assert [d.get_text(strip=True) for d in soup.select("header div.our-controls")] == ["Bigger words here"], name
        assert soup.select("#reader-controls") == []


def test_editing_an_own_footer_shows_on_every_page_of_a_cached_build(make_site, build_site):
    site = make_site({**PAGES, "layouts/components/footer.html": "<footer>Old footer.</footer>\n"})
    assert build_site(site).written
    assert footer_texts(site / "_site", "index.html") == ["Old footer."]
    (site / "layouts/components/footer.html").write_text("<footer>New footer.</footer>\n")
    assert build_site(site).written
    for name in SHOWN:
        assert footer_texts(site / "_site", name) == ["New footer."], name


# A part that pulls in another layout reads what that layout reads: the page's title or address there
# makes the part for each page (before, only the part's own source was looked at, and every page
# showed the first page's title and address).
PULLED_IN = {
    "include": {
        "layouts/components/footer.html": '<footer>{% include "components/here.html" %}</footer>\n',
        "layouts/components/here.html": "You are on {{ current_url }} - {{ title }}.\n",
    },
    "extends": {
        "layouts/components/footer.html": '{% extends "components/frame.html" %}'
                                          "{% block thanks %}Thank you.{% endblock %}\n",
        "layouts/components/frame.html": "<footer>You are on {{ current_url }} - {{ title }}. "
                                         "{% block thanks %}{% endblock %}</footer>\n",
    },
    "import with context": {
        "layouts/components/footer.html": '{% import "components/where.html" as where with context %}'
                                          "<footer>{{ where.here() }}</footer>\n",
        "layouts/components/where.html": "{% macro here() %}You are on {{ current_url }} - {{ title }}."
                                         "{% endmacro %}\n",
    },
    "from import with context": {
        "layouts/components/footer.html": '{% from "components/where.html" import here with context %}'
                                          "<footer>{{ here() }}</footer>\n",
        "layouts/components/where.html": "{% macro here() %}You are on {{ current_url }} - {{ title }}."
                                         "{% endmacro %}\n",
    },
    "include two deep": {
        "layouts/components/footer.html": '<footer>{% include "components/outer.html" %}</footer>\n',
        "layouts/components/outer.html": '{% include "components/here.html" %}\n',
        "layouts/components/here.html": "You are on {{ current_url }} - {{ title }}.\n",
    },
    "include named while rendering": {
        "layouts/components/footer.html": '{% set part = "components/" ~ "here.html" %}'
                                          "<footer>{% include part %}</footer>\n",
        "layouts/components/here.html": "You are on {{ current_url }} - {{ title }}.\n",
    },
}


@pytest.mark.parametrize("how", PULLED_IN)
def test_a_footer_that_pulls_in_a_layout_reading_the_page_shows_each_pages_own(make_site, build_site, how):
    site = make_site({**PAGES, **PULLED_IN[how]})
    assert build_site(site, use_cache=False).written
    expected = {"index.html": "You are on / - Welcome.",
                "updates/2026-01-05-bus/index.html": "You are on /updates/2026-01-05-bus/ - A new bus.",
                "updates/index.html": "You are on /updates/ - News."}
    for name, text in expected.items():
        assert [t.removesuffix(" Thank you.") for t in footer_texts(site / "_site", name)] == [text], name


def test_a_footer_that_includes_a_layout_reading_only_the_settings_is_still_made_once(make_site, build_site,
                                                                                     monkeypatch):
    site = make_site({**PAGES,
                      "layouts/components/footer.html": '<footer>{% include "components/made_by.html" %}</footer>\n',
                      "layouts/components/made_by.html": "Made by {{ config.name }}.\n"})
    made = count_parts(monkeypatch)
    assert build_site(site, use_cache=False).written
    assert 1 <= made.count("components/footer.html") <= 2
    first = footer_texts(site / "_site", "index.html")
    assert first and first[0].startswith("Made by ")
    for name in SHOWN:
        assert footer_texts(site / "_site", name) == first, name
