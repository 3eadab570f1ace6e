"""The checker's fast paths give exactly the findings of the plain ones (issue 16).

The visible-text check used to run every rule again on the author's points,
which the authored check had read already; now its point rules read only
the lines the layouts add (and the title), and the verdict reuses the
counts of the one split. ``slow_check_visible`` below is the code before
that change, kept as the reference: on the example site and the test sites
the two must agree finding for finding, in order.
"""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from conftest import REPO, TODAY

from wtfc_site import pagework, visiblecheck
from wtfc_site.checker import check_page, page_verdict, run_page_check
from wtfc_site.checker.visible import LAYOUT_HINT, WHOLE_PAGE_RULES, check_visible, generated_points, visible_points
from wtfc_site.checker.wordlists import with_generated_words
from wtfc_site.checks import page_text, site_wordlists
from wtfc_site.errors import Problem
from wtfc_site.pipeline import Options, check
from wtfc_site.render import make_environment, output_path, render_site
from wtfc_site.visiblecheck import check_visible_text

SITES = [REPO, *sorted((REPO / "tests" / "sites").iterdir())]


def slow_check_visible(page, visible, authored_findings, settings, words) -> list[Problem]:
    """The visible check as it was: every rule on every point of the whole page, then keep what is new."""
    line = page.title_line or 1
    generated = [replace(p, line=line) for p in generated_points(page, visible)]
    if not generated:
        return []
    whole = replace(page, points=(*page.points, *generated))
    found = check_page(whole, settings, with_generated_words(words), text_only=True)
    generated_text = [p.text for p in generated]
    authored_text = [p.text for p in page.points]
    had = {(p.rule, p.message) for p in authored_findings}
    extra: list[Problem] = []
    for problem in found:
        excerpt = problem.excerpt.rstrip("\u2026")
        from_layout = excerpt and any(excerpt in t for t in generated_text) and not any(excerpt in t for t in authored_text)
        if from_layout and problem.severity.name != "INFO":
            extra.append(replace(problem, line=line, hint=f"{problem.hint} {LAYOUT_HINT}".strip()))
        elif problem.rule in WHOLE_PAGE_RULES and (problem.rule, problem.message) not in had:
            extra.append(problem)
    if not any(p.rule == "ER-VERDICT" for p in authored_findings):
        verdict = page_verdict(whole, [*authored_findings, *extra], settings)
        if verdict is not None:
            extra.append(verdict)
    return extra


@pytest.fixture(scope="module", params=SITES, ids=lambda folder: folder.name)
def rendered(request, tmp_path_factory):
    """Load, check and render one site in memory: (site, {page id: visible points})."""
    cache = tmp_path_factory.mktemp("cache")
    report = check(Options(site_dir=request.param, today=TODAY, cache_dir=cache, use_cache=False, pool=False),
                   visible=False)
    site = report.site
    assert site is not None and site.pages, f"{request.param} did not load"
    outputs = render_site(site, make_environment(site.site_dir))
    visible = {}
    for page in site.pages:
        html = outputs.get(output_path(page.url))
        if html:
            html = html.decode() if isinstance(html, bytes) else str(html)
            visible[page.id] = visible_points(html, page.line_of("title") or 1)
    return site, visible


def test_the_visible_check_finds_what_the_full_rerun_found(rendered):
    site, visible = rendered
    settings, words = site.config.checker, site_wordlists(site)
    compared = generated = 0
    for page in site.pages:
        if page.id not in visible:
            continue
        text = page_text(site, page)
        packed = site.page_findings.get(page.id)
        authored = packed.unpack() if packed else []
        fast = check_visible(text, visible[page.id], authored, settings, words)
        assert fast == slow_check_visible(text, visible[page.id], authored, settings, words), page.file
        compared += 1
        generated += len(generated_points(text, visible[page.id]))
    assert compared >= 5 and generated >= compared, "every page shows lines its layout adds"


def test_one_split_gives_the_verdict_the_same_counts(rendered):
    site, _ = rendered
    settings, words = site.config.checker, site_wordlists(site)
    for page in site.pages:
        text = page_text(site, page)
        checked = run_page_check(text, settings, words)
        assert checked.problems == check_page(text, settings, words)
        assert page_verdict(text, checked.problems, settings, checked.counts) == page_verdict(
            text, checked.problems, settings)


def test_the_visible_check_shares_pages_over_the_cores_and_finds_the_same(rendered, monkeypatch):
    site, _ = rendered
    outputs = render_site(site, make_environment(site.site_dir))
    alone = check_visible_text(site, outputs, pool=False)
    monkeypatch.setattr(pagework, "POOL_FROM", 2)
    monkeypatch.setattr(pagework, "CHUNK", 1)
    real = visiblecheck.check_visible

    def marked(*args) -> list[Problem]:
        """Say which process read the page, as one more finding."""
        return [*real(*args), Problem(None, None, f"read by {os.getpid()}", rule="TEST-PID")]

    monkeypatch.setattr(visiblecheck, "check_visible", marked)
    pooled = check_visible_text(site, outputs, pool=True)
    readers = {int(p.message.split()[-1]) for p in pooled if p.rule == "TEST-PID"}
    assert len(readers) >= 2 and os.getpid() not in readers, "the pages were read by the pool's processes"
    assert [p for p in pooled if p.rule != "TEST-PID"] == alone


def test_words_inside_a_link_are_read_before_the_words_after_it():
    page = ('<html><body><main><p>Read <a href="/plan/">our <b>new</b> plan</a> today.</p>'
            '<p><span class="er-explain-label">Hard word: </span><dfn>minutes</dfn> means <i>the notes</i> we keep.</p>'
            '</main></body></html>')
    assert [p.text for p in visible_points(page)] == [
        "Read our new plan today.", "Hard word:", "minutes means the notes we keep."]
