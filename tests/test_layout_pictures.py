"""Pictures the layouts use are learnt while rendering (issue 12 part 5), not kept in a hand list.

A picture a layout shows is copied into the site and credited; a name that
is not in the library stops the build with the layout's file and line
(before, it built a broken image and exited 0).
"""

from __future__ import annotations

import textwrap

from conftest import read_html

PAGES = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] We meet once a month.
        """,
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        ---
        [picture: policy] We work together.
        """,
}


def layout_showing(picture: str) -> str:
    return textwrap.dedent(f"""\
        {{% extends "default/page.html" %}}
        {{% block after_content %}}
        <p class="own"><img src="{{{{ picture_url('{picture}') }}}}" alt="" width="48" height="48"> Bus times.</p>
        {{% endblock %}}
        """)


def test_a_picture_only_a_layout_shows_is_copied_and_credited(make_site, build_site):
    site = make_site({**PAGES, "layouts/page.html": layout_showing("bus")})
    report = build_site(site)
    assert report.written, report.problems
    out = site / "_site"
    img = read_html(out / "index.html").select_one("p.own img")
    assert img is not None and img["src"].endswith("/pictures/bus.svg")
    assert (out / "pictures" / "bus.svg").is_file()
    credits = read_html(out / "pictures" / "index.html")
    assert credits.find(id="picture-bus") is not None


def test_an_unknown_picture_in_a_layout_stops_the_build_at_its_line(make_site, build_site):
    site = make_site({**PAGES, "layouts/page.html": layout_showing("no-such-picture")})
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "PIC-UNKNOWN"]
    assert (problem.file.as_posix(), problem.line) == ("layouts/page.html", 3)
    assert "no-such-picture" in problem.message and "layout" in problem.message
    assert not (site / "_site").exists()


def test_a_picture_no_page_shows_is_not_copied(make_site, build_site):
    site = make_site(PAGES)
    assert build_site(site).written
    assert not (site / "_site" / "pictures" / "bus.svg").exists()
