"""The live preview is quick and safe (issue 18 part 3, issue 16): on the
example site a saved Markdown file shows over real HTTP within a second,
the search index is changed with it (only the files the page's words
touch), and the preview never forks a pool of processes, since forking
beside its web-server threads can hang."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TODAY, count_conversions
from test_serve import free_port, get, wait_for

from wtfc_site import pagework
from wtfc_site.pipeline import Options, build
from wtfc_site.serve import Preview, PreviewState, preview_options, rebuild

EXAMPLE_PARTS = ("content", "layouts", "easyread_images")


def copy_example(to: Path) -> Path:
    """Copy the example site (the repository's own content/, layouts/, easyread_images/) into ``to``."""
    for name in EXAMPLE_PARTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, to / name)
    return to


def visible_text(html: str) -> str:
    main = BeautifulSoup(html, "html.parser").main
    return main.get_text(" ", strip=True) if main else ""


@pytest.fixture
def example_preview(tmp_path: Path):
    """Serve a copy of the example site; yield (site folder, base address)."""
    site = copy_example(tmp_path / "site")
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--site", str(site),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}/"
    try:
        def started() -> bool:
            if process.poll() is not None:
                raise AssertionError("serve stopped:\n" + process.stdout.read())
            try:
                return get(base)[0] == 200
            except OSError:
                return False
        wait_for(started, 120)
        yield site, base
    finally:
        process.kill()
        process.wait(10)


def test_a_saved_page_shows_over_http_within_a_second(example_preview) -> None:
    site, base = example_preview
    page = site / "content" / "about.md"
    original = page.read_text(encoding="utf-8")
    seconds = []
    for word in ("Heron", "Kingfisher", "Otter"):
        time.sleep(0.5)  # let the watcher settle, as between an author's saves
        page.write_text(original.replace("Riverside is not a real place.", f"{word} is not a real place."),
                        encoding="utf-8")
        saved = time.monotonic()
        wait_for(lambda word=word: f"{word} is not a real place." in visible_text(get(base + "about/")[1]), 20)
        seconds.append(time.monotonic() - saved)
    print(f"save to page over HTTP: {', '.join(f'{s:.2f}' for s in seconds)} s")
    # The median, as the machine is shared. The README quotes the measured figure (about 0.75 s
    # on a quiet machine); this bound has room for a busy one and still catches a preview that
    # re-indexes or re-forks on every save.
    assert statistics.median(seconds) < 1.5, seconds
    # The search index has the saved page's new word (stemmed as search.js does).
    assert '"otter":[' in get(base + "search-index/terms-ot.json")[1]


def enough_pages_for_a_pool() -> dict[str, str]:
    """Return news pages enough that a build would use the pool (pagework.POOL_FROM)."""
    return {f"content/updates/2026-01-{n % 28 + 1:02d}-note-{n}.md":
            f"---\ntitle: Note {n}\ndate: 2026-01-{n % 28 + 1:02d}\nsummary: Note {n}.\n---\n"
            f"[picture: news] We met on day {n}.\n" for n in range(pagework.POOL_FROM + 10)}


def record_pools(monkeypatch: pytest.MonkeyPatch) -> list:
    """Return a list that gets the start method of every process pool made from now on."""
    forks: list = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: forks.append(method) or real(method))
    return forks


def test_the_preview_never_forks_a_pool(make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(enough_pages_for_a_pool())
    forks = record_pools(monkeypatch)
    options = preview_options(Options(site, today=TODAY, cache_dir=tmp_path / "cache"))
    out = tmp_path / "web" / "site"
    state = PreviewState()
    rebuild(Preview(options, tmp_path, out, out, "/"), state)
    assert state.built_once and not state.failed, [p.message for p in state.problems]
    assert forks == [], "the preview started a pool of processes"
    assert (out / "updates" / "note-3" / "index.html").is_file() or any(out.joinpath("updates").iterdir())


def test_a_build_of_many_pages_does_use_the_pool_outside_the_preview(make_site, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The counterpart: the same site built normally forks, so the test above can fail."""
    if pagework.cores() < 2:
        pytest.skip("one core: the build never uses a pool")
    site = make_site(enough_pages_for_a_pool())
    forks = record_pools(monkeypatch)
    out = tmp_path / "web" / "site"
    rebuild(Preview(Options(site, today=TODAY, cache_dir=tmp_path / "cache"), tmp_path, out, out, "/"),
            PreviewState())
    assert forks and set(forks) == {"fork"}  # the conversion's pool and the visible-text check's


def test_a_terminal_build_between_two_saves_does_not_make_the_preview_do_every_page(
        make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a draft, the preview's pages have other keys than a terminal build's; one shared cache lost them."""
    files = {f"content/updates/2026-01-{n + 1:02d}-note-{n}.md":
             f"---\ntitle: Note {n}\ndate: 2026-01-{n + 1:02d}\nsummary: Note {n}.\n---\n"
             f"[picture: news] We met on day {n}.\n" for n in range(12)}
    files["content/updates/2026-02-01-plan.md"] = ("---\ntitle: Our next plan\ndate: 2026-02-01\n"
                                                   "summary: A plan we are still writing.\ndraft: yes\n---\n"
                                                   "[picture: news] We will meet in March.\n")
    site = make_site(files)
    options = Options(site, today=TODAY, cache_dir=tmp_path / "cache")
    preview = Preview(preview_options(options), tmp_path, tmp_path / "preview", tmp_path / "preview", "/")
    state = PreviewState()
    rebuild(preview, state)
    assert state.built_once and not state.failed, [p.message for p in state.problems]
    assert build(replace(options, out_dir=tmp_path / "site-out")).written  # the editor builds in a terminal

    converted = count_conversions(monkeypatch)
    page = site / "content/updates/2026-01-04-note-3.md"
    page.write_text(page.read_text(encoding="utf-8").replace("We met on day 3.", "We met on day three."),
                    encoding="utf-8")
    rebuild(preview, state)
    assert not state.failed, [p.message for p in state.problems]
    assert len(converted) == 1, f"the preview converted {len(converted)} pages after one save"
    shown = BeautifulSoup((tmp_path / "preview/updates/2026-01-04-note-3/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "We met on day three." in shown.get_text(" ")
