"""The easy-read checker on what the reader sees: every built page, authored and generated (issue 14 part 7).

``check_site`` checks what authors wrote, line by line. After rendering, this
reads each page's visible text back (``checker.visible``) and reports what
only the built page shows: lines the layouts write (on a content page, at
its title line; on a page the build makes, such as a list, against the
layout that wrote it) and the page's length as the reader meets it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .checker.visible import check_visible, visible_points
from .checks import page_text, site_wordlists
from .errors import Problem
from .points import PageText
from .render import output_path
from .site import Site


def _html(output: bytes | Path | str | None) -> str:
    if output is None:
        return ""
    if isinstance(output, Path):
        try:
            return output.read_text(encoding="utf-8")
        except OSError:
            return ""
    return output.decode("utf-8", "replace") if isinstance(output, bytes) else output


def check_visible_text(site: Site, outputs: Mapping[PurePosixPath, bytes | Path | str]) -> list[Problem]:
    """Return findings on the built pages' visible text that the authored check did not make."""

    settings = site.config.checker
    words = site_wordlists(site)
    findings = site.page_findings
    problems: list[Problem] = []
    for page in site.pages:
        html = _html(outputs.get(output_path(page.url)))
        if not html:
            continue
        text = page_text(site, page)
        problems += check_visible(text, visible_points(html, text.title_line or 1),
                                  list(findings.get(page.id, ())), settings, words)
    for generated in site.generated:
        html = _html(outputs.get(output_path(generated.url)))
        if not html:
            continue
        text = PageText(file=Path("layouts") / generated.layout, url=generated.url, title=generated.title,
                        title_line=1, content_type=generated.content_type or "list", easy_read=True)
        problems += check_visible(text, visible_points(html, 1), [], settings, words)
    return problems
