"""A build whose page pool goes wrong stops with a plain message and leaves the old site (issue 16).

Two ways a pooled build used to go wrong: a pool process that died (killed, or by the
out-of-memory killer) made the build wait for ever, and a layout error that is not a
Jinja error (``{{ 1 // 0 }}``) came out as a raw multiprocessing traceback.

The pool starts at ``pagework.POOL_FROM`` (150) pages; these tests lower it so a small
site goes through the very same pooled code, which keeps them quick on two shared cores.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from conftest import TODAY

from wtfc_site import convert, pagework, render, visiblecheck
from wtfc_site.errors import format_problem
from wtfc_site.pipeline import Options, check

NEWS = {
    f"content/updates/2026-03-{number + 1:02d}-news.md": f"""
        ---
        title: News number {number}
        date: 2026-03-{number + 1:02d}
        ---
        [picture: meeting] We met {number} times this month.
        """ for number in range(12)
}

# Line 3 fails, for one page only: a sum, not a name Jinja cannot find.
FAILING_LAYOUT = """{% extends "default/update.html" %}
{% block after_content %}{% if page.title == "News number 3" %}
<p>{{ 1 // 0 }}</p>
{% endif %}{% endblock %}
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` as {relative path: bytes}."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def use_the_pool(monkeypatch: pytest.MonkeyPatch, pooled: bool) -> None:
    monkeypatch.setattr(pagework, "POOL_FROM", 1 if pooled else 10**9)
    monkeypatch.setattr(pagework, "CHUNK", 2)


def built_within(seconds: float, build):
    """Return what ``build()`` returned; fail if it has not ended within ``seconds``."""
    outcome: list = []
    thread = threading.Thread(target=lambda: outcome.append(build()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the build had not ended after {seconds} seconds"
    assert outcome, "the build raised instead of reporting"
    return outcome[0]


@pytest.mark.parametrize("worker", [convert.PageWorker, render.PageRenderer], ids=["converting", "rendering"])
def test_a_pool_process_that_dies_stops_the_build_with_a_plain_message_and_the_old_site(
        make_site, build_site, tmp_path, monkeypatch, worker):
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    site = make_site(NEWS)
    out = tmp_path / "out"
    assert build_site(site, out_dir=out).written
    before = snapshot(out)

    main_process = os.getpid()
    original = worker.__call__

    def dies_on_news_5(self, page):
        if page.title == "News number 5" and os.getpid() != main_process:
            os._exit(9)  # as the out-of-memory killer would end it: no clean-up, no message
        return original(self, page)
    monkeypatch.setattr(worker, "__call__", dies_on_news_5)  # the forked workers inherit it
    use_the_pool(monkeypatch, pooled=True)
    report = built_within(120, lambda: build_site(site, out_dir=out, use_cache=False))

    assert not report.written
    crash = [p for p in report.problems if p.rule == "SITE-CRASH"]
    assert len(crash) == 1
    assert "A helper process stopped while making pages" in crash[0].message
    assert "The old site was left as it was" in crash[0].message
    assert "Traceback" not in format_problem(crash[0])
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []  # no staging folder left


@pytest.mark.parametrize("pooled", [True, False], ids=["pool", "one process"])
def test_a_layout_sum_that_fails_names_the_layout_line_and_page_and_leaves_the_old_site(
        make_site, build_site, tmp_path, monkeypatch, pooled):
    if pooled and pagework.cores() < 2:
        pytest.skip("this machine has one core")
    site = make_site(NEWS)
    out = tmp_path / "out"
    assert build_site(site, out_dir=out).written
    before = snapshot(out)

    (site / "layouts").mkdir(exist_ok=True)
    (site / "layouts" / "update.html").write_text(FAILING_LAYOUT, encoding="utf-8")
    use_the_pool(monkeypatch, pooled)
    report = built_within(120, lambda: build_site(site, out_dir=out, use_cache=False))

    assert not report.written
    layout = [p for p in report.problems if p.rule == "SITE-LAYOUT"]
    assert len(layout) == 1, [format_problem(p) for p in report.problems]
    problem = layout[0]
    assert problem.location == "layouts/update.html:3"
    assert "2026-03-04-news" in problem.message  # the page being made: News number 3
    assert "by zero" in problem.message
    assert problem.hint
    assert "Traceback" not in format_problem(problem)
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_check_whose_pool_process_dies_reading_the_pages_says_so_plainly(make_site, tmp_path, monkeypatch):
    """'check' reads the rendered pages as the reader sees them on the pool too (dryrun)."""
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    site = make_site(NEWS)
    main_process = os.getpid()
    original = visiblecheck._Reader.__call__

    def dies(self, built):
        if os.getpid() != main_process:
            os._exit(9)
        return original(self, built)
    monkeypatch.setattr(visiblecheck._Reader, "__call__", dies)
    use_the_pool(monkeypatch, pooled=True)
    options = Options(site_dir=site, today=TODAY, cache_dir=tmp_path / "cache", use_cache=False)
    report = built_within(120, lambda: check(options))
    crash = [p for p in report.problems if p.rule == "SITE-CRASH"]
    assert len(crash) == 1 and "A helper process stopped while making pages" in crash[0].message
