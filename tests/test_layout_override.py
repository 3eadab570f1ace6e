"""A site's own layouts/ and easyread_images/ override the defaults one file at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import read_html

PAGES = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: teapot] We always have tea.

        [picture: meeting] We meet once a month.
        """,
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        ---
        [picture: policy] We work together.
        """,
}

OWN_PAGE_LAYOUT = """
    {% extends "default/page.html" %}
    {% block after_content %}
    <p class="our-own-block">Made with our own layout.</p>
    {% endblock %}
    """

TEAPOT = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
OWN_MEETING = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="9" height="9"/></svg>\n'

OWN_INDEX = textwrap.dedent("""\
    pictures:
      teapot:
        file: teapot.svg
        description: A teapot
        keywords: [tea, teapot]
        licence: CC0-1.0
        author: Testshire Together
    """)


def own_site(make_site, **extra) -> Path:
    return make_site({
        **PAGES,
        "layouts/page.html": OWN_PAGE_LAYOUT,
        "easyread_images/index.yaml": OWN_INDEX,
        "easyread_images/teapot.svg": TEAPOT,
        **extra,
    })


def test_the_sites_own_layout_is_used_and_can_extend_the_default(make_site, build_site):
    site = own_site(make_site)
    report = build_site(site)
    assert report.written, [f"{p.location} {p.message}" for p in report.problems]
    soup = read_html(site / "_site" / "index.html")
    own = soup.select("main p.our-own-block")
    assert [p.get_text(strip=True) for p in own] == ["Made with our own layout."]
    # Everything else still comes from the default layout it extends.
    assert soup.find("h1").get_text(strip=True) == "Welcome"
    assert any(a.get_text(" ", strip=True) == "Our co-production policy" for a in soup.find("header").find_all("a"))
    assert soup.find("footer") is not None


def test_other_layouts_still_come_from_the_defaults(make_site, build_site):
    site = own_site(make_site)
    assert build_site(site).written
    policy = read_html(site / "_site" / "policy" / "co-production" / "index.html")
    assert policy.select("p.our-own-block") == []
    assert policy.find("h1").get_text(strip=True) == "Our co-production policy"


def test_the_sites_own_picture_is_added_to_the_library(make_site, build_site):
    site = own_site(make_site)
    assert build_site(site).written
    out = site / "_site"
    soup = read_html(out / "index.html")
    images = [img for img in soup.select("main .er-row .er-pic img") if img.get("data-picture")]
    assert [img["data-picture"] for img in images] == ["teapot", "meeting"]
    assert images[0]["src"] == "/pictures/teapot.svg"
    assert (out / "pictures" / "teapot.svg").read_bytes() == TEAPOT
    assert (out / "pictures" / "meeting.svg").is_file()  # the default library is still there


def test_the_sites_own_picture_is_chosen_automatically(make_site, build_site):
    site = own_site(make_site, **{"content/index.md": "---\ntitle: Welcome\n---\nWe drink tea.\n"})
    report = build_site(site)
    assert report.written
    assert [p.chosen_picture for p in report.site.bodies["index"].points] == ["teapot"]


def test_the_sites_own_picture_replaces_a_library_picture_of_the_same_name(make_site, build_site):
    index = OWN_INDEX + "  meeting:\n    file: meeting.svg\n    description: Our meeting\n" \
                        "    licence: CC0-1.0\n    author: Testshire Together\n"
    site = own_site(make_site, **{"easyread_images/index.yaml": index, "easyread_images/meeting.svg": OWN_MEETING})
    assert build_site(site).written
    assert (site / "_site" / "pictures" / "meeting.svg").read_bytes() == OWN_MEETING


def test_the_sites_own_picture_credits_are_listed(make_site, build_site):
    site = own_site(make_site)
    assert build_site(site).written
    credits = read_html(site / "_site" / "pictures" / "index.html")
    row = credits.select_one("tr#picture-teapot")
    assert row is not None
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells[1:] == ["A teapot", "Testshire Together", "CC0-1.0"]


def test_a_broken_own_picture_index_is_reported(make_site, build_site):
    site = own_site(make_site, **{"easyread_images/index.yaml": "pictures:\n  teapot:\n    file: nope.svg\n"
                                                                "    description: A teapot\n    licence: CC0-1.0\n"
                                                                "    author: Us\n"})
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "PIC-MISSING"]
    assert (problem.file, problem.line) == (Path("easyread_images/index.yaml"), 3)


def test_an_unsafe_own_picture_stops_the_build(make_site, build_site):
    bad = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'
    site = own_site(make_site, **{"easyread_images/teapot.svg": bad})
    report = build_site(site)
    assert not report.written
    assert any(p.rule == "PIC-SVG-UNSAFE" for p in report.problems)


def test_a_mistake_in_an_own_layout_names_the_layout_and_line(make_site, build_site):
    site = own_site(make_site, **{"layouts/page.html": '{% extends "default/page.html" %}\n'
                                                       '{% block after_content %}\n{% if %}\n{% endblock %}\n'})
    report = build_site(site)
    assert not report.written
    problems = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problems
    assert all(p.file is not None and p.file.name == "page.html" and p.line == 3 for p in problems)


def test_an_own_component_replaces_the_default_one(make_site, build_site):
    footer = '<footer class="our-footer"><p>Our own footer.</p></footer>\n'
    site = own_site(make_site, **{"layouts/components/footer.html": footer})
    assert build_site(site).written
    for name in ("index.html", "policy/co-production/index.html", "minutes/index.html"):
        soup = read_html(site / "_site" / name)
        assert [f["class"] for f in soup.find_all("footer")] == [["our-footer"]], name


def test_an_own_stylesheet_replaces_the_default_one(make_site, build_site):
    site = own_site(make_site, **{"layouts/assets/site.css": "body { color: black; }\n"})
    assert build_site(site).written
    assert (site / "_site" / "assets" / "site.css").read_text() == "body { color: black; }\n"
    assert (site / "_site" / "assets" / "print.css").is_file()
