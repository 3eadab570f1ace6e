"""Long lists are split into pages with plain 'Next page' and 'Previous page' links,
so no page grows with the site; and a build shows progress only on a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import TODAY, new_site, read_html, target_file

from wtfc_site import cli, pagination, progress
from wtfc_site.pipeline import Options, build

PER_PAGE = 2
HOME = "---\ntitle: Welcome\n---\n[picture: meeting] Hello. Read [our news](/updates/).\n"


def update(number: int) -> str:
    return f"""
        ---
        title: News number {number}
        date: 2026-03-{number:02d}
        ---
        [picture: news] We have news number {number}.
        """


SMALL = {"content/index.md": HOME, "content/updates/2026-03-01-news.md": update(1)}


def minutes(jobs: int) -> str:
    listed = "\n".join(f"""  - id: a{n}
    what: Job number {n} for the board.
    who: Sam
    by: 2026-0{1 + n % 9}-10
    status: {'done' if n % 2 else 'to do'}""" + ("\n    done_on: 2026-01-05" if n % 2 else "") for n in range(1, jobs + 1))
    return f"""---
title: Board meeting
meeting_date: 2026-01-01
group: Partnership board
chairs: [Sam]
actions:
{listed}
---
[picture: meeting] We met.
"""


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with 5 news pages and 5 jobs, built with lists of 2 a page."""
    monkeypatch.setattr(pagination, "PER_PAGE", PER_PAGE)
    files = {f"content/updates/2026-03-{n:02d}-news.md": update(n) for n in range(1, 6)}
    files["content/index.md"] = HOME
    site = new_site(tmp_path / "site", files)
    (site / "content/minutes").mkdir(parents=True)
    (site / "content/minutes/2026-01-01-board.md").write_text(minutes(5), encoding="utf-8")
    report = build(Options(site_dir=site, out_dir=tmp_path / "out", today=TODAY, cache_dir=tmp_path / "cache"))
    assert report.written, [p.message for p in report.problems]
    return tmp_path / "out"


def follow(out: Path, first: str, link_text: str) -> list[str]:
    """Return the addresses met by following ``link_text`` links from ``first``."""
    seen = [first]
    while True:
        soup = read_html(target_file(out, "/", seen[-1]))
        links = [a for a in soup.select("nav.pager a") if a.get_text(strip=True) == link_text]
        if not links:
            return seen
        seen.append(links[0]["href"])
        assert len(seen) < 20, "the links go round in a circle"


def item_titles(out: Path, address: str) -> list[str]:
    return [a.get_text(strip=True) for a in read_html(target_file(out, "/", address)).select("ul.page-list .item-title a")]


def test_the_news_list_is_split_and_next_page_links_reach_every_item_once(built: Path) -> None:
    pages = follow(built, "/updates/", "Next page")
    assert pages == ["/updates/", "/updates/page/2/", "/updates/page/3/"]
    titles = [title for address in pages for title in item_titles(built, address)]
    assert titles == [f"News number {n}" for n in (5, 4, 3, 2, 1)]  # newest first, each once
    first = read_html(built / "updates/index.html").select_one("nav.pager").get_text(" ", strip=True)
    assert first == "Page 1 of 3. Next page"
    last = read_html(built / "updates/page/3/index.html")
    assert last.select_one("nav.pager").get_text(" ", strip=True) == "Page 3 of 3. Previous page"
    assert "News, page 3 of 3" in last.select_one("h1").get_text()


def test_previous_page_links_lead_back_to_the_first_page(built: Path) -> None:
    assert follow(built, "/updates/page/3/", "Previous page") == ["/updates/page/3/", "/updates/page/2/", "/updates/"]


def test_the_jobs_page_is_split_but_still_counts_every_job(built: Path) -> None:
    pages = follow(built, "/actions/", "Next page")
    assert pages == ["/actions/", "/actions/page/2/", "/actions/page/3/"]
    jobs = []
    for address in pages:
        soup = read_html(target_file(built, "/", address))
        counts = [p.get_text(strip=True) for p in soup.select(".counts .er-text p")]
        assert counts == ["2 jobs are late.", "0 jobs are still to do.", "3 jobs are done."]  # the jobs by 1 August are late
        jobs += [text for text in (li.get_text(" ", strip=True) for li in soup.select("section.action-group li"))
                 if "Job number" in text]
    assert sorted(j.split("Job number ")[1].split()[0] for j in jobs) == ["1", "2", "3", "4", "5"]


def test_every_a_to_z_letter_link_leads_to_a_page_with_that_letter(built: Path) -> None:
    soup = read_html(built / "a-z/index.html")
    letters = soup.select("nav.a-z-letters a")
    assert letters
    for link in letters:
        address, _, anchor = link["href"].partition("#")
        page = read_html(target_file(built, "/", address)) if address else soup
        assert page.find(id=anchor) is not None, link["href"]


def test_a_short_list_has_no_page_links(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", SMALL)
    build(Options(site_dir=site, out_dir=tmp_path / "out", today=TODAY, cache_dir=tmp_path / "cache"))
    soup = read_html(tmp_path / "out/updates/index.html")
    assert soup.select("nav.pager") == []
    assert not (tmp_path / "out/updates/page").exists()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_and_rubbed_out_before_the_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = FakeTerminal()
    shown = progress.Progress(stream=screen)
    shown.started -= 10  # a long build
    monkeypatch.setattr(progress, "EVERY", 0.0)
    with shown.stage("convert"):
        shown.count(5, 10)
    shown.finish()
    assert "Making and checking pages: 5 of 10 pages" in screen.getvalue()
    assert screen.getvalue().endswith("\r\033[K")


def test_progress_writes_nothing_when_not_on_a_terminal() -> None:
    log = io.StringIO()
    quiet = progress.Progress(stream=log)
    quiet.started -= 10
    with quiet.stage("convert"):
        quiet.count(5, 10)
    quiet.finish()
    assert log.getvalue() == ""
    assert "convert" in quiet.timings


def build_command(site: Path, tmp_path: Path, *extra: str) -> int:
    return cli.main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--today", "2026-11-23", *extra])


def test_a_build_into_a_log_prints_only_its_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(progress, "QUIET_FOR", 0.0)  # as if the build were long
    monkeypatch.setattr(progress, "EVERY", 0.0)
    site = new_site(tmp_path / "site", SMALL)
    assert build_command(site, tmp_path) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "\r" not in captured.out and "Making and checking" not in captured.out
    assert captured.out.strip().splitlines()[-1].startswith("Built ")
    assert " pages in " in captured.out


def test_the_same_build_on_a_terminal_shows_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(progress, "QUIET_FOR", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    site = new_site(tmp_path / "site", SMALL)
    assert build_command(site, tmp_path) == 0
    assert "Making and checking pages" in screen.getvalue()


def test_timings_prints_one_line_a_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = new_site(tmp_path / "site", SMALL)
    assert build_command(site, tmp_path, "--timings", "--no-cache") == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("timing ")]
    assert {line[1] for line in lines} >= {"load", "convert", "check", "render", "write"}
    assert all(len(line) == 3 and float(line[2]) >= 0 for line in lines)
