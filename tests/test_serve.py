"""The live preview over real HTTP: `serve` builds, rebuilds after a file
changes (the page shows it within a few seconds), shows findings and a broken
file's problem on the page without stopping, and leaves no temporary folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

SITE = {
    "content/site.yaml": """\
        name: Testshire Together
        area: Testshire
        base_url: /our-tcp/
        contact: {email: hello@testshire.example.org, phone: 01632 960 000}
        """,
    "content/index.md": """\
        ---
        title: Welcome
        summary: Our home page.
        ---
        [picture: welcome] Hello.
        """,
    "content/news-draft.md": """\
        ---
        title: Draft news
        draft: yes
        ---
        [picture: news] Not ready yet.
        """,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(check, seconds: float = 10.0):
    """Return check()'s first true value, trying every 0.1 s for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s")


@pytest.fixture
def preview(make_site, tmp_path: Path):
    """Start `build.py serve` on a free port; yield (site folder, base address, process, temp folder)."""
    site = make_site(SITE)
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--site", str(site), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}/our-tcp/"
    try:
        def started() -> bool:
            if process.poll() is not None:
                raise AssertionError("serve stopped:\n" + process.stdout.read())
            return _answers(base)
        wait_for(started, 90)
        yield site, base, process, temp
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def _answers(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


def h1(html: str) -> str:
    return BeautifulSoup(html, "html.parser").h1.get_text(strip=True)


def test_serve_rebuilds_after_a_change_and_the_page_shows_it(preview) -> None:
    site, base, _process, _temp = preview
    status, html = get(base)
    assert status == 200 and h1(html) == "Welcome"
    assert get(base + "news-draft/")[0] == 200, "serve shows drafts"
    build_id = get(base.replace("/our-tcp/", "/__preview__/build-id"))[1]

    page = site / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Welcome", "title: Hello again"), encoding="utf-8")
    started = time.monotonic()
    wait_for(lambda: h1(get(base)[1]) == "Hello again", 20)
    assert time.monotonic() - started < 20
    # The reload script asks for this number and reloads the page when it changes.
    wait_for(lambda: get(base.replace("/our-tcp/", "/__preview__/build-id"))[1] != build_id, 5)


def test_pages_carry_the_findings_panel_and_the_reload_script(preview) -> None:
    _site, base, _process, _temp = preview
    soup = BeautifulSoup(get(base)[1], "html.parser")
    panel = soup.select_one("#wtfc-preview-panel")
    assert panel is not None
    assert any("__preview__/build-id" in (s.string or "") for s in soup.find_all("script"))


def test_a_finding_shows_in_the_panel_of_its_page(preview) -> None:
    site, base, _process, _temp = preview
    (site / "content" / "long.md").write_text(
        "---\ntitle: Long\n---\n\n[picture: news] "
        + "This sentence is far too long for easy read because it keeps going on and on with many words "
          "that nobody needs and it never seems to stop at all today.\n", encoding="utf-8")

    def panel() -> str:
        status, html = get(base + "long/")
        found = BeautifulSoup(html, "html.parser").select_one("#wtfc-preview-panel") if status == 200 else None
        text = found.get_text(" ", strip=True) if found else ""
        return text if "ER-" in text else ""
    home_panel = BeautifulSoup(get(base)[1], "html.parser").select_one("#wtfc-preview-panel").get_text()
    # The page is on disk a moment before the findings are recorded; the reload waits for both.
    assert "content/long.md" in wait_for(panel, 20)
    process = preview[2]
    process.send_signal(signal.SIGINT)
    terminal, _ = process.communicate(timeout=30)
    assert "content/long.md" in terminal and "ER-" in terminal, "the terminal lists the findings too"
    assert "content/long.md" not in home_panel, "another page's findings are not shown on the home page"



def test_a_broken_file_shows_its_problem_and_the_server_keeps_going(preview) -> None:
    site, base, process, _temp = preview
    broken = site / "content" / "broken.md"
    broken.write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    html = wait_for(lambda: (lambda h: h if "could not be built again" in h else "")(get(base)[1]), 20)
    panel = BeautifulSoup(html, "html.parser").select_one("#wtfc-preview-panel").get_text(" ", strip=True)
    assert "content/broken.md, line" in panel and "YAML" in panel
    assert h1(html) == "Welcome", "the last version that worked is still shown"
    broken.unlink()
    wait_for(lambda: "could not be built again" not in get(base)[1], 20)
    assert process.poll() is None


def test_a_missing_page_gets_the_404_page(preview) -> None:
    _site, base, _process, _temp = preview
    status, html = get(base + "no-such-page/")
    assert status == 404
    assert h1(html) == "Sorry, we cannot find this page"


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_stopping_leaves_no_temporary_folder(preview, how) -> None:
    _site, _base, process, temp = preview
    assert list(temp.iterdir()), "the preview should build in the temporary folder"
    process.send_signal(how)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert list(temp.iterdir()) == []
    assert "temporary folder was removed" in output


playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
def test_the_open_page_reloads_itself_after_a_save(preview) -> None:
    if not CHROMIUM.exists():  # pragma: no cover - only where Chromium cannot be installed
        pytest.skip("Chromium is not installed (bash scripts/test.sh installs it)")
    site, base, _process, _temp = preview
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(base)
            assert page.inner_text("h1") == "Welcome"
            home = site / "content" / "index.md"
            home.write_text(home.read_text(encoding="utf-8").replace("title: Welcome", "title: Saved just now"),
                            encoding="utf-8")
            page.wait_for_function("document.querySelector('h1').textContent === 'Saved just now'", timeout=20000)
        finally:
            browser.close()
