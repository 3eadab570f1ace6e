"""A site's own layout writes a photo in a Markdown page's words (issue 12 part 5).

A photo in a page's words is shown by components/photo.html (a <picture> with a
WebP version and a fallback). A site that puts a file of the same name in its own
layouts/components/ sees its markup on its pages; one that cannot be used is
named with what to fix.
"""

from __future__ import annotations

import io
from pathlib import Path

import lxml.html
from PIL import Image

from wtfc_site.errors import Severity

PAGE = """\
---
title: About us
photo_consent: yes
---
This is our team.

![Our team & friends at the town hall](photos/team.png)
"""
OWN_PHOTO = """\
{% macro photo(photo) -%}
<figure class="our-photo"><img src="{{ photo.src }}" alt="{{ photo.alt }}" width="{{ photo.width }}" height="{{ photo.height }}" />
<figcaption>{{ photo.alt }}</figcaption></figure>
{%- endmacro %}
"""


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def site_files(photo_layout: str | None = None) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"content/about.md": PAGE, "content/photos/team.png": png(1200, 800)}
    if photo_layout is not None:
        files["layouts/components/photo.html"] = photo_layout
    return files


def page_body(site: Path) -> lxml.html.HtmlElement:
    tree = lxml.html.fromstring((site / "_site/about/index.html").read_bytes())
    [main] = tree.xpath("//main")
    return main


def errors(report) -> list[str]:
    return [p.message for p in report.problems if p.severity is Severity.ERROR]


def test_the_default_component_shows_a_photo_with_webp_and_a_fallback(make_site, build_site) -> None:
    site = make_site(site_files())
    report = build_site(site)
    assert report.written, errors(report)
    [picture] = page_body(site).xpath(".//picture")
    assert picture.get("class") == "photo"
    [source] = picture.xpath(".//source")
    [img] = picture.xpath(".//img")  # (lxml's HTML parser puts it inside the <source>, which it does not know is empty)
    assert source.get("type") == "image/webp" and source.get("srcset", "").endswith("960w")
    assert img.get("alt") == "Our team & friends at the town hall"
    assert (img.get("width"), img.get("height"), img.get("loading")) == ("480", "320", "lazy")
    assert (site / "_site" / img.get("src", "").lstrip("/")).is_file()


def test_a_site_replaces_the_photo_component(make_site, build_site) -> None:
    site = make_site(site_files(OWN_PHOTO))
    report = build_site(site)
    assert report.written, errors(report)
    main = page_body(site)
    assert not main.xpath(".//picture | .//source")
    [figure] = main.xpath(".//figure[@class='our-photo']")
    [img] = figure.xpath("./img")
    assert (img.get("alt"), img.get("width"), img.get("height")) == ("Our team & friends at the town hall", "480", "320")
    assert (site / "_site" / img.get("src", "").lstrip("/")).is_file()
    assert figure.xpath("string(./figcaption)") == "Our team & friends at the town hall"


def test_changing_the_photo_component_reaches_pages_kept_in_the_build_cache(make_site, build_site) -> None:
    site = make_site(site_files())
    assert build_site(site).written
    (site / "layouts/components").mkdir(parents=True, exist_ok=True)
    (site / "layouts/components/photo.html").write_text(OWN_PHOTO, encoding="utf-8")
    report = build_site(site)
    assert report.written, errors(report)
    assert len(page_body(site).xpath(".//figure[@class='our-photo']")) == 1


def test_a_photo_component_that_writes_two_elements_is_named(make_site, build_site) -> None:
    site = make_site(site_files(OWN_PHOTO.replace("</figure>", "</figure><p>More</p>")))
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/photo.html")
    assert "one HTML element" in problem.message


def test_a_photo_component_with_a_tag_page_text_cannot_show_is_named(make_site, build_site) -> None:
    site = make_site(site_files(OWN_PHOTO.replace("<figcaption>", "<iframe></iframe><figcaption>")))
    report = build_site(site)
    assert not report.written
    [problem] = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert problem.file is not None and problem.file.as_posix().endswith("layouts/components/photo.html")
    assert "<iframe>" in problem.message
