"""The whole feedback loop in a real browser with JavaScript turned off.

A tiny site is built and served over HTTP; the bundled receiver runs as a
real process; Chromium fills in the form like a person would.
"""

from __future__ import annotations

import functools
import http.server
import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from wtfc_site.pipeline import Options, build, stop_problems

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():  # pragma: no cover - only where Chromium cannot be installed
    print("\n*** SKIPPING BROWSER TESTS: /usr/bin/chromium is not installed ***\n", file=sys.stderr)
    pytest.skip("Chromium is not installed (bash scripts/test.sh installs it)", allow_module_level=True)

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_site(folder: Path, site_port: int, receiver_port: int) -> None:
    files = {
        "content/site.yaml": f"""
            name: Browser Test Partnership
            area: Testshire
            site_url: http://127.0.0.1:{site_port}
            contact: {{email: hello@example.org, phone: 01632 960 000, address: Town Hall | Testshire}}
            feedback:
              destination: receiver
              url: http://127.0.0.1:{receiver_port}/feedback
              allowed_origins: [http://127.0.0.1:{site_port}]
            """,
        "content/index.md": """
            ---
            title: Welcome
            summary: This is our test website.
            ---

            [picture: people] We work together.
            """,
        "content/policy/policy.md": """
            ---
            title: Our co-production policy
            ---

            [picture: policy] We plan things together.
            """,
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    """Build a tiny site, serve it, and run the receiver; yield (site url, db path)."""
    folder = tmp_path_factory.mktemp("browser-site")
    site_port, receiver_port = free_port(), free_port()
    write_site(folder, site_port, receiver_port)
    report = build(Options(site_dir=folder, cache_dir=folder / "cache"))
    assert not stop_problems(report.problems), report.problems
    handler = functools.partial(QuietHandler, directory=str(folder / "_site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = folder / "feedback.sqlite3"
    receiver = subprocess.Popen(
        [sys.executable, "-m", "wtfc_site", "feedback", "serve", "--site", str(folder), "--host", "127.0.0.1",
         "--port", str(receiver_port), "--db", str(db), "--rate-limit", "0"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(receiver_port, receiver)
        yield f"http://127.0.0.1:{site_port}", db
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("the receiver stopped: " + (process.stdout.read() if process.stdout else ""))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/feedback", timeout=1)
        except urllib.error.HTTPError:
            return  # 405 for GET: it is up
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the receiver did not start in 20 seconds")


def stored(db: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "wtfc_site", "feedback", "export", "--db", str(db), "--format", "json"],
                         cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture()
def page(live_site):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        context = browser.new_context(java_script_enabled=False)
        yield context.new_page()
        browser.close()


def test_a_person_sends_feedback_without_javascript(live_site, page):
    site, db = live_site
    page.goto(site + "/feedback/")
    page.get_by_label("Happy", exact=True).check()
    page.get_by_label("What do you want to tell us?").fill("The bus page helped me. <b>Thanks</b>")
    page.get_by_role("button", name="Send").click()
    assert page.url == site + "/feedback/thank-you/"
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
    rows = [r for r in stored(db) if r["message"] == "The bus page helped me. <b>Thanks</b>"]
    assert len(rows) == 1 and rows[0]["face"] == "happy" and rows[0]["page"] == "/feedback/"


def test_a_mistake_comes_back_with_the_persons_words_and_a_plain_error(live_site, page):
    site, db = live_site
    before = len(stored(db))
    page.goto(site + "/feedback/")
    page.get_by_label("What do you want to tell us?").fill("I forgot to choose a face")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "face" in summary.inner_text().lower()
    assert page.get_by_label("What do you want to tell us?").input_value() == "I forgot to choose a face"
    # The page that comes back is the site's own form, so it can be sent again once fixed.
    page.get_by_label("Okay", exact=True).check()
    page.get_by_role("button", name="Send").click()
    assert page.url == site + "/feedback/thank-you/"
    assert len(stored(db)) == before + 1


def test_was_this_page_easy_is_one_press_and_names_the_page(live_site, page):
    site, db = live_site
    page.goto(site + "/")
    page.get_by_role("button", name="Yes").click()
    assert page.url.startswith(site + "/feedback/thank-you/")
    checks = [r for r in stored(db) if r["kind"] == "page-check"]
    assert checks and checks[-1]["easy"] == "yes" and checks[-1]["page"] == "/"


def test_tell_us_on_any_page_records_that_page(live_site, page):
    site, db = live_site
    page.goto(site + "/policy/policy/")
    page.get_by_role("link", name="Tell us what you think").first.click()
    page.locator("#tell-us summary").click()
    page.locator("#tell-us").get_by_label("Not happy", exact=True).check()
    page.locator("#tell-us").get_by_label("What do you want to tell us?").fill("The policy has too many words")
    page.locator("#tell-us").get_by_role("button", name="Send").click()
    assert page.url == site + "/feedback/thank-you/"
    rows = [r for r in stored(db) if r["message"] == "The policy has too many words"]
    assert len(rows) == 1 and rows[0]["page"] == "/policy/policy/" and rows[0]["face"] == "unhappy"


def test_the_form_that_comes_back_keeps_the_sites_style_and_pictures(live_site, page):
    """The receiver serves the page from its own address, so it must point at the site's files."""
    site, _ = live_site
    page.goto(site + "/feedback/")
    page.get_by_role("button", name="Send").click()  # no face chosen: the form comes back
    assert page.locator(".error-summary").is_visible()
    font_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_size >= 18.67  # the site's style sheet loaded, across origins, under the receiver's policy
    broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
    assert broken == 0


def test_without_site_the_receivers_own_form_page_is_sent_again_and_reaches_thank_you(live_site, page, tmp_path):
    """The receiver's plain form page (no --site): after fixing a mistake the browser must follow
    the redirect to the site's thank-you page, which the page's own security policy has to allow."""
    site, db = live_site
    port = free_port()
    plain_db = tmp_path / "plain.sqlite3"
    receiver = subprocess.Popen(
        [sys.executable, "-m", "wtfc_site", "feedback", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--db", str(plain_db), "--thanks-url", site + "/feedback/thank-you/", "--allowed-origin", site],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(port, receiver)
        (db.parent / "_site" / "plain-form.html").write_text(
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Form</title></head><body>'
            f'<form method="post" action="http://127.0.0.1:{port}/feedback">'
            '<label for="m">Message</label><textarea id="m" name="message"></textarea>'
            '<button type="submit">Send</button></form></body></html>', encoding="utf-8")
        page.goto(site + "/plain-form.html")
        page.get_by_label("Message").fill("Sent from the plain form")
        page.get_by_role("button", name="Send").click()
        assert "Please choose a face" in page.locator("main").inner_text()
        page.get_by_label("Okay", exact=True).check()
        page.get_by_role("button", name="Send").click()
        page.wait_for_load_state()
        assert page.url == site + "/feedback/thank-you/"
        rows = stored(plain_db)
        assert [(r["face"], r["message"]) for r in rows] == [("okay", "Sent from the plain form")]
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)
