"""What the browser tests share: Chromium, axe-core, a local web server, the sites to visit.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python;
axe-core comes from the npm registry and is installed by scripts/test.sh.
Where Chromium is missing the tests skip LOUDLY (a warning line and a skip
reason); a missing axe-core is a failure that says how to install it.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, html_pages, url_of

CHROMIUM = Path("/usr/bin/chromium")
AXE_PLACES = (REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js",
              REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js")
"""Where scripts/test.sh puts axe-core (npm install axe-core@4), first found wins."""
ARTIFACTS = REPO / "tests" / "artifacts"
"""Screenshots and PDFs the browser tests keep for people to look at (git-ignored)."""
TEST_SITES = REPO / "tests" / "sites"
"""Extra site folders the browser tests visit as well as the example site."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-default-apps", "--no-first-run"]


def skip_loudly_without_chromium() -> None:
    """Skip the calling test module, with a warning line, when Chromium is not installed."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: the browser tests did NOT run (bash scripts/test.sh installs Chromium)"
    print(f"\nWARNING: {reason}", file=sys.stderr)
    warnings.warn(reason, stacklevel=2)
    pytest.skip(reason, allow_module_level=True)


def axe_source() -> str:
    """Return axe.min.js, or fail saying how to install it."""
    for place in AXE_PLACES:
        if place.is_file():
            return place.read_text(encoding="utf-8")
    pytest.fail("axe-core is not installed. Run 'bash scripts/test.sh', which runs "
                "'npm install axe-core@4' into .cache/axe/.")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without printing a line per request."""

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 over real HTTP; yield its address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator:
    """Yield one headless Chromium for a whole test module."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class BuiltSite:
    """A built site to visit: its name, output folder, base URL and the folder to serve."""

    name: str
    out: Path
    base_url: str
    root: Path
    """Served as the web server's top, so the pages sit under their base URL."""

    @property
    def paths(self) -> list[str]:
        """Return the address (after the base URL) of every written page."""
        return [url_of(self.out, page) for page in html_pages(self.out)]


def test_site_folders() -> list[Path]:
    """Return every site folder under tests/sites/ (each has content/site.yaml)."""
    if not TEST_SITES.is_dir():
        return []
    return sorted(p for p in TEST_SITES.iterdir() if (p / "content" / "site.yaml").is_file())


test_site_folders.__test__ = False  # a helper, not a test
