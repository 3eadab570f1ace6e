"""Raw HTML in a page (issue 13 part 8): what the sanitiser takes out is a
warning on its line; a raw <img> gets the checks a Markdown picture gets;
javascript: and data: addresses are reported as unsafe, not as missing pages."""

from __future__ import annotations

from conftest import read_html

PAGE = """\
---
title: About us
---
[picture: people] We are a partnership.

<img src="x" onerror="alert(1)">

<script>alert("hi")</script>

[picture: people] Watch our film.
<iframe src="https://video.example.org/film"></iframe>

[picture: people] Do not [click here](javascript:alert(1)).

<a href="data:text/html,hello">A data link</a>

<img src="/files/map.pdf" alt="">

```
<script>this is only code on the page</script>
```
"""


def _found(report):
    return sorted((p.line, p.rule, p.severity.value) for p in report.problems
                  if p.file and p.file.as_posix() == "content/about.md" and not p.rule.startswith("ER-"))


def test_raw_html_is_reported_line_by_line(make_site, build_site):
    site = make_site({"content/about.md": PAGE, "content/files/map.pdf": b"%PDF-1.4\n",
                      "content/index.md": "---\ntitle: Home\n---\n[picture: welcome] Read [about us](/about/).\n"})
    report = build_site(site)
    assert _found(report) == [
        (6, "HTML-REMOVED", "warning"),     # onerror=
        (6, "LINK-BROKEN", "error"),        # src="x" is no file
        (6, "PIC-ALT-MISSING", "error"),    # no alt
        (8, "HTML-REMOVED", "warning"),     # <script>
        (11, "HTML-REMOVED", "warning"),    # <iframe>
        (13, "LINK-UNSAFE", "error"),       # javascript: in Markdown
        (15, "LINK-UNSAFE", "error"),       # data: in raw HTML
        (17, "PIC-ALT-MISSING", "error"),   # alt="" says nothing
    ]
    messages = {p.message for p in report.problems if p.rule == "HTML-REMOVED"}
    assert "The raw HTML the onerror= part of <img> on this line is taken out of the page." in messages
    assert "The raw HTML <script> on this line is taken out of the page." in messages
    assert not [p for p in report.problems if p.rule == "LINK-BROKEN" and "javascript" in p.message]


def test_without_the_mistakes_the_removed_parts_warn_and_the_page_is_built_safe(make_site, build_site, tmp_path):
    page = ("---\ntitle: About us\n---\n[picture: people] We are a partnership.\n\n"
            "<script>alert(1)</script>\n\n<img src=\"/files/map.svg\" alt=\"A map\" onclick=\"go()\">\n")
    site = make_site({"content/about.md": page, "content/files/map.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
                      "content/index.md": "---\ntitle: Home\n---\n[picture: welcome] Read [about us](/about/).\n"})
    out = tmp_path / "out"
    report = build_site(site, out_dir=out)
    assert report.written
    assert [(p.line, p.rule) for p in report.problems if p.rule in ("HTML-REMOVED", "LINK-BROKEN")] == \
        [(6, "HTML-REMOVED"), (8, "HTML-REMOVED")]
    main = read_html(out / "about" / "index.html").find("main")
    assert not main.find("script") and not main.find(attrs={"onclick": True})
    assert main.find("img", alt="A map")["src"] == "/files/map.svg"


def test_a_pasted_marked_section_that_is_not_html_does_not_stop_the_build(make_site, build_site, tmp_path):
    """'<![' not starting a CDATA section (notes pasted from a Word draft) stopped the raw HTML reader with
    an AssertionError, and the whole build with it; now it is words, and the HTML after it is still read."""
    page = ("---\ntitle: About us\n---\n[picture: people] Our notes <![ draft ]> and <![p are here.\n\n"
            "<iframe src=\"https://video.example.org/film\"></iframe>\n")
    site = make_site({"content/about.md": page,
                      "content/index.md": "---\ntitle: Home\n---\n[picture: welcome] Read [about us](/about/).\n"})
    out = tmp_path / "out"
    report = build_site(site, out_dir=out)
    assert report.written
    assert [(p.line, p.rule) for p in report.problems if p.rule == "HTML-REMOVED"] == [(6, "HTML-REMOVED")]
    main = read_html(out / "about" / "index.html").find("main")
    assert "Our notes" in main.get_text() and not main.find("iframe")
