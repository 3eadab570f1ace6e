"""Clean page addresses (issue 13 part 6): lower-case ASCII with hyphens,
accents folded and apostrophes dropped, the same every build; 'slug:'
overrides; links written with the file's own name, %20 or another case find
the page; two pages on one address stop the build naming both files."""

from __future__ import annotations

import pytest
from conftest import read_html

from wtfc_site.discover import page_address, slugify


@pytest.mark.parametrize("name, slug", [
    ("Our Trip To The Sea", "our-trip-to-the-sea"),
    ("Llŷr's Day Out", "llyrs-day-out"),
    ("Café  –  Siobhán’s  café", "cafe-siobhans-cafe"),
    ("2026-05-20 Board", "2026-05-20-board"),
    ("already-clean", "already-clean"),
])
def test_slugify_makes_lower_case_ascii_with_hyphens(name, slug):
    assert slugify(name) == slug
    assert slugify(name) == slugify(name)  # stable


def test_a_name_with_no_latin_letters_still_gets_a_stable_address():
    assert slugify("日本") == slugify("日本") != slugify("中国")
    assert slugify("日本").startswith("page-")


def test_page_address_cleans_every_part_and_slug_overrides():
    assert page_address("updates/Our Trip To The Sea") == "/updates/our-trip-to-the-sea/"
    assert page_address("Index") == "/"
    assert page_address("People/Llŷr Jones") == "/people/llyr-jones/"
    assert page_address("updates/Our Trip To The Sea", "seaside") == "/updates/seaside/"


SITE = {
    "content/index.md": """
        ---
        title: Home
        ---
        [picture: news] Read [our trip](/updates/Our%20Trip%20To%20The%20Sea/).

        [picture: news] Or [the trip again](/updates/Our Trip To The Sea.md).

        [picture: news] Or [in small letters](/updates/our-trip-to-the-sea/).

        [picture: people] Meet [Llŷr](/people/LLŶR-JONES).

        [picture: news] See [the fête](/updates/fete-day/).
        """,
    "content/updates/Our Trip To The Sea.md": """
        ---
        title: Our trip to the sea
        date: 2026-06-01
        ---
        [picture: news] We went to the sea.
        """,
    "content/updates/Fête Day.md": """
        ---
        title: The fête
        date: 2026-07-01
        slug: fete-day
        ---
        [picture: news] We had a fête.
        """,
    "content/people/Llŷr Jones.md": """
        ---
        title: Llŷr Jones
        role: Member
        ---
        [picture: people] Llŷr is a member.
        """,
}


def test_pages_get_clean_addresses_and_every_way_of_writing_a_link_finds_them(make_site, build_site, tmp_path):
    site = make_site(SITE)
    out = tmp_path / "out"
    report = build_site(site, out_dir=out)
    assert report.written, [p.message for p in report.problems if p.severity.value == "error"]
    assert (out / "updates" / "our-trip-to-the-sea" / "index.html").is_file()
    assert (out / "updates" / "fete-day" / "index.html").is_file()
    assert (out / "people" / "llyr-jones" / "index.html").is_file()
    assert not [p for p in out.rglob("*") if p.name != p.name.lower() or " " in p.name]
    links = [a["href"] for a in read_html(out / "index.html").select("main a")
             if a.get_text(strip=True) in ("our trip", "the trip again", "in small letters", "Llŷr", "the fête")]
    assert links == ["/updates/our-trip-to-the-sea/"] * 3 + ["/people/llyr-jones/", "/updates/fete-day/"]


def test_two_pages_on_one_address_stop_the_build_naming_both(make_site, build_site):
    site = make_site({**SITE, "content/updates/our trip to the sea.md": """
        ---
        title: Another trip
        date: 2026-06-02
        ---
        [picture: news] Again.
        """})
    report = build_site(site)
    assert not report.written
    (problem,) = [p for p in report.problems if p.rule == "LINK-DUPLICATE-URL"]
    assert "content/updates/Our Trip To The Sea.md" in problem.message
    assert "content/updates/our trip to the sea.md" in problem.message
    assert "/updates/our-trip-to-the-sea/" in problem.message


def test_an_unknown_declared_type_gets_a_hint_about_type(make_site, build_site):
    site = make_site({"content/index.md": "---\ntitle: Home\ntype: newsletter\n---\n[picture: news] Hi.\n"})
    report = build_site(site)
    (problem,) = [p for p in report.problems if p.rule == "SITE-UNKNOWN-TYPE"]
    assert problem.line == 3
    assert problem.hint.startswith("Change 'type: newsletter' to one of ")
    assert "Move the file" not in problem.hint
