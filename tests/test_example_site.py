"""The repository's own example site (content/), built once per session.

The project eats its own cooking: the example must build, and its pages
must have the structure every easy-read page needs.
"""

from __future__ import annotations

import pytest
from conftest import LINKS, PICTURES, broken_internal_links, read_html, url_of

from wtfc_site.pipeline import stop_problems


@pytest.fixture(scope="module")
def example(built_example):
    """The built example, failing once (with every problem) if it did not build."""
    report = built_example.report
    stopping = stop_problems(report.problems)
    assert report.written and not stopping, [f"{p.location} [{p.rule}] {p.message}" for p in stopping]
    return built_example


def test_the_example_site_builds(example):
    assert (example.out / "index.html").is_file()
    assert example.report.pages >= 20


def test_every_page_has_the_policy_link_and_it_resolves(example):
    policy = example.report.site.policy
    assert policy is not None and policy.easy_read
    for file in example.pages:
        header = read_html(file).find("header")
        assert header is not None, file
        links = [a for a in header.find_all("a") if a.get_text(" ", strip=True) == "Our co-production policy"]
        assert len(links) == 1, file
        assert links[0]["href"] == policy.url
        assert (example.out / policy.url.strip("/") / "index.html").is_file()


def minutes_pages(example) -> list:
    return [f for f in example.pages
            if url_of(example.out, f).startswith("/minutes/") and url_of(example.out, f) != "/minutes/"]


def test_at_least_three_minutes_have_decisions_and_actions(example):
    full = []
    for file in minutes_pages(example):
        soup = read_html(file)
        decisions = soup.select("main section.decisions li.decision")
        actions = soup.select("main section.actions li.action")
        if decisions and actions:
            full.append(file)
            for action in actions:
                assert action.select_one(".action-what").get_text(strip=True)
                assert action.select_one(".action-who").get_text(strip=True).startswith("Who: ")
                assert action.select_one(".action-by").get_text(strip=True).startswith("By: ")
                assert action.select_one(".state-label").get_text(strip=True) in ("Late", "To do", "Done")
    assert len(full) >= 3, [str(f) for f in full]


def test_the_minutes_list_links_to_every_meeting(example):
    soup = example.page("/minutes/")
    listed = {a["href"] for a in soup.select("main ul.page-list .item-title a")}
    assert len(listed) >= 3
    easy_minutes = {p.url for p in example.report.site.pages_of("minutes") if p.easy_read}
    assert easy_minutes <= listed


def test_who_is_who_lists_at_least_five_people(example):
    soup = example.page("/people/")
    people = soup.select("main ul.people-list > li")
    assert len(people) >= 5
    for person in people:
        assert person.select_one(".item-title a").get_text(strip=True)


def test_every_internal_link_resolves_to_a_written_file(example):
    assert broken_internal_links(example.out, "/", LINKS) == []


def test_every_picture_on_every_page_is_written(example):
    """Regression: pictures used by layouts and the glossary were not copied."""
    assert broken_internal_links(example.out, "/", PICTURES) == []


def test_no_image_lacks_an_alt_attribute(example):
    for file in example.pages:
        for img in read_html(file).find_all("img"):
            assert img.has_attr("alt"), f"{file.relative_to(example.out)}: {img}"


def test_every_page_has_one_title_and_one_heading(example):
    for file in example.pages:
        soup = read_html(file)
        assert soup.find("html")["lang"] == "en-GB", file
        assert soup.title is not None and soup.title.get_text(strip=True), file
        assert len(soup.find_all("h1")) == 1, file


def test_easy_read_and_full_versions_link_both_ways(example):
    site = example.report.site
    pairs = [(site.by_id[a], site.by_id[b]) for a, b in site.counterparts.items()]
    assert pairs, "the example has no page with a full version"
    for page, other in pairs:
        soup = example.page(page.url)
        assert [a["href"] for a in soup.select("main .other-version a")] == [other.url], page.id
