"""The feedback receiver's short pages come from a layout (issue 12 part 5).

Why a form was refused ("We could not take this form") and the "Continue"
page of a redirect are layouts/feedback_message.html. With --site, a site's own
layouts/feedback_message.html is used; a broken one stops the receiver
starting, with its file. Tested over real HTTP against a running receiver.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from feedback_helpers import REPO_ROOT, form, running

SITE_YAML = """\
name: Test partnership
area: Testshire
site_url: https://partnership.example
contact: {email: hello@partnership.example, phone: 01632 960 000}
feedback:
  destination: receiver
  url: https://partnership.example/feedback
  allowed_origins: [https://partnership.example]
"""
OWN_MESSAGE = """\
<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{{ title }} - Test partnership</title></head>
<body><main class="our-message"><h1>{{ title }}</h1>
{% if link %}<p><a class="our-link" href="{{ link }}">{{ text }}</a></p>{% else %}<p class="our-words">{{ text }}</p>{% endif %}
<p>Test partnership, phone 01632 960 000.</p></main></body></html>
"""


def make_site(folder: Path, message: str | None) -> Path:
    (folder / "content").mkdir(parents=True)
    (folder / "content" / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    if message is not None:
        (folder / "layouts").mkdir()
        (folder / "layouts" / "feedback_message.html").write_text(message, encoding="utf-8")
    return folder


def shown(text: str) -> tuple[str, list[str]]:
    """Return the page's heading and the sentences under it, as a reader sees them."""
    main = BeautifulSoup(text, "html.parser").find("main")
    return main.find("h1").get_text(strip=True), [p.get_text(" ", strip=True) for p in main.find_all("p")]


def test_the_default_refusal_page_says_what_went_wrong_in_plain_words(tmp_path: Path) -> None:
    with running(tmp_path / "default.sqlite3") as live:
        refused = live.post(form(face="happy"), headers={"Origin": "https://elsewhere.example"})
    assert refused.status == 403
    assert shown(refused.text) == ("We could not take this form",
                                   ["It was sent from another website. Please use the form on our website."])


def test_a_site_s_own_layout_writes_the_receivers_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", OWN_MESSAGE)
    with running(tmp_path / "own.sqlite3", "--site", str(site)) as live:
        refused = live.post(form(face="happy"), headers={"Origin": "https://elsewhere.example"})
        missing = live.post(b"", method="GET", path="/nothing-here")
        kept = live.post(form(face="happy"), headers={"Origin": "https://partnership.example"})
    assert refused.status == 403 and missing.status == 404 and kept.status == 303
    assert shown(refused.text) == ("We could not take this form", [
        "It was sent from another website. Please use the form on our website.",
        "Test partnership, phone 01632 960 000."])
    assert BeautifulSoup(missing.text, "html.parser").select_one("main.our-message p.our-words").get_text() == (
        "There is nothing here. Please check the web address.")
    link = BeautifulSoup(kept.text, "html.parser").select_one("main.our-message a.our-link")
    assert link is not None and link["href"] == "https://partnership.example/feedback/thank-you/"
    assert link.get_text() == "Continue"


def test_a_broken_layout_stops_the_receiver_starting_and_names_the_file(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "<h1>{{ title }</h1>\n")
    finished = subprocess.run(
        [sys.executable, "-m", "wtfc_site.feedback.cli", "serve", "--host", "127.0.0.1", "--port", "0",
         "--db", str(tmp_path / "broken.sqlite3"), "--site", str(site)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert finished.returncode != 0
    assert "feedback_message.html:1" in finished.stderr and "[SITE-LAYOUT]" in finished.stderr, finished.stderr


def test_a_layout_broken_only_where_it_writes_the_link_stops_the_receiver_starting(tmp_path: Path) -> None:
    # Refusal pages never take the {% if link %} branch; only the "Continue" page after a kept message does.
    # Found at start, not after the first message is stored and answered "Your message was not saved".
    broken = OWN_MESSAGE.replace('<p><a class="our-link"', '{% include "no_such_part.html" %}<p><a class="our-link"')
    site = make_site(tmp_path / "site", broken)
    finished = subprocess.run(
        [sys.executable, "-m", "wtfc_site.feedback.cli", "serve", "--host", "127.0.0.1", "--port", "0",
         "--db", str(tmp_path / "broken.sqlite3"), "--site", str(site)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert finished.returncode != 0
    assert "feedback_message.html" in finished.stderr and "[SITE-LAYOUT]" in finished.stderr, finished.stderr
    assert "Traceback" not in finished.stderr, finished.stderr


def test_a_layout_that_fails_while_filling_in_is_named_at_the_line_that_failed(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "<!DOCTYPE html>\n<h1>{{ title }}</h1>\n<p>{{ nosuch.words }}</p>\n")
    finished = subprocess.run(
        [sys.executable, "-m", "wtfc_site.feedback.cli", "serve", "--host", "127.0.0.1", "--port", "0",
         "--db", str(tmp_path / "broken.sqlite3"), "--site", str(site)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert finished.returncode != 0
    assert "layouts/feedback_message.html:3:" in finished.stderr, finished.stderr
    assert "'nosuch' is undefined" in finished.stderr and "[SITE-LAYOUT]" in finished.stderr, finished.stderr
