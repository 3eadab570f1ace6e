"""Shared fixtures for the build tests.

Layers, as in architecture.md section 4:

- ``make_site``: write a tiny site folder from a dict of {relative path: text};
- ``build_site``: build a folder with a fixed ``today`` and a private cache;
- ``parse_html``: read a written page with a real HTML parser;
- ``built_example``: the repository's own example site, built once per session.

An autouse fixture pins the environment (build date, colour, image cache) so
no test depends on the machine or the day it runs.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

# The feedback tests' real PostgreSQL server (one per session) and their SQLite/PostgreSQL database.
from feedback_postgres import feedback_db, postgres_server  # noqa: E402,F401

from wtfc_site import markdown as markdown_module
from wtfc_site import pipeline
from wtfc_site.errors import format_problem
from wtfc_site.pipeline import Options, Report

REPO = Path(__file__).resolve().parent.parent
"""The repository root, which is also the example site's folder."""

TODAY = dt.date(2026, 11, 23)
"""The fixed 'today' every build in the tests uses, so 'late' never drifts."""

SOURCE_DATE_EPOCH = "1795392000"
"""2026-11-23 00:00 UTC, the same day as TODAY."""

MINIMAL_SITE_YAML = """\
name: Testshire Together
area: Testshire
contact:
  email: hello@testshire.example.org
  phone: 01632 960 000
"""
"""The smallest valid content/site.yaml."""

MINIMAL_HOME = """\
---
title: Home
---
[picture: none] Welcome to our website.
"""
"""The home page every test site gets unless it brings its own: a site without one stops the build."""

MakeSite = Callable[..., Path]
BuildSite = Callable[..., Report]


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write each {relative path: text or bytes} into ``folder``; text is dedented."""
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return folder


def count_conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return a list that gets the file of every page body converted from now on (to show what a cache spared)."""
    converted: list[str] = []
    original = markdown_module.BodyConverter.convert

    def counting(self, text, ctx):
        converted.append(ctx.file.as_posix())
        return original(self, text, ctx)
    monkeypatch.setattr(markdown_module.BodyConverter, "convert", counting)
    return converted


def new_site(folder: Path, files: dict[str, str | bytes] | None = None, *, site_yaml: bool = True,
             home: bool = True) -> Path:
    """Return ``folder`` made into a site: a minimal site.yaml and home page (unless given or refused) plus ``files``."""
    files = dict(files or {})
    if site_yaml and "content/site.yaml" not in files:
        files = {"content/site.yaml": MINIMAL_SITE_YAML, **files}
    if site_yaml and home and not any(name.startswith("content/index.") for name in files):
        files = {"content/index.md": MINIMAL_HOME, **files}
    folder.mkdir(parents=True, exist_ok=True)
    return write_files(folder, files)


def run_build(site_dir: Path, cache_dir: Path, **kw) -> Report:
    """Return the report of building ``site_dir`` with a fixed today and ``cache_dir``."""
    kw.setdefault("today", TODAY)
    kw.setdefault("cache_dir", cache_dir)
    return pipeline.build(Options(site_dir=site_dir, **kw))


def read_html(path: Path) -> BeautifulSoup:
    """Return the parsed HTML file."""
    return BeautifulSoup(path.read_bytes(), "html.parser")


def html_pages(out_dir: Path) -> list[Path]:
    """Return every HTML page written into ``out_dir``, sorted."""
    return sorted(out_dir.rglob("*.html"))


@dataclass(frozen=True)
class InternalLink:
    """An address written in a page that points inside the site."""

    page: Path
    attribute: str
    value: str


def internal_links(soup: BeautifulSoup, page: Path) -> list[InternalLink]:
    """Return every href, src and srcset address in the page that starts with '/'."""
    found = []
    for tag in soup.find_all(True):
        for attribute in ("href", "src", "action"):
            value = tag.get(attribute)
            if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
                found.append(InternalLink(page, attribute, value))
        srcset = tag.get("srcset")
        if isinstance(srcset, str):
            for part in srcset.split(","):
                address = part.strip().split(" ")[0]
                if address.startswith("/") and not address.startswith("//"):
                    found.append(InternalLink(page, "srcset", address))
    return found


def target_file(out_dir: Path, base_url: str, address: str) -> Path | None:
    """Return the file an internal address leads to, or None if it leaves the base URL."""
    path = unquote(urlsplit(address).path)
    if not path.startswith(base_url):
        return None
    relative = PurePosixPath(path[len(base_url):])
    file = out_dir / relative
    if path.endswith("/"):
        file = file / "index.html"
    return file


LINKS = ("href", "action")
"""Attributes that take the reader to another page or file."""
PICTURES = ("src", "srcset")
"""Attributes that load a picture (or a script) into the page."""


def broken_internal_links(out_dir: Path, base_url: str = "/", attributes: tuple[str, ...] = LINKS + PICTURES) -> list[str]:
    """Return 'page: attribute=address' for each internal address that leads to no written file."""
    broken = []
    for page in html_pages(out_dir):
        for link in internal_links(read_html(page), page):
            if link.attribute not in attributes:
                continue
            file = target_file(out_dir, base_url, link.value)
            if file is None or not file.is_file():
                broken.append(f"{page.relative_to(out_dir)}: {link.attribute}={link.value}")
    return broken


def url_of(out_dir: Path, page: Path) -> str:
    """Return the site path (without base URL) of a written index.html."""
    parent = page.relative_to(out_dir).parent.as_posix()
    return "/" if parent == "." else f"/{parent}/"


# -- fixtures ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _pinned_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Pin the build date and colour, and keep every image cache out of the repository."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    cache = tmp_path_factory.getbasetemp() / "image-cache"
    monkeypatch.setattr(Options, "cache", property(lambda self: self.cache_dir or cache))
    yield


@pytest.fixture
def make_site(tmp_path: Path) -> MakeSite:
    """Return make(files, *, name='site', site_yaml=True) -> site folder in tmp_path."""
    def make(files: dict[str, str | bytes] | None = None, *, name: str = "site", site_yaml: bool = True,
             home: bool = True) -> Path:
        return new_site(tmp_path / name, files, site_yaml=site_yaml, home=home)
    return make


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Return build(site_dir, **Options fields) -> Report, with today fixed to TODAY."""
    def build(site_dir: Path, **kw) -> Report:
        return run_build(site_dir, tmp_path / "cache", **kw)
    return build


@pytest.fixture
def parse_html() -> Callable[[Path], BeautifulSoup]:
    """Return parse(path) -> BeautifulSoup."""
    return read_html


@dataclass(frozen=True)
class BuiltExample:
    """The example site, built once: where it went and what the build said."""

    out: Path
    report: Report

    def page(self, url: str) -> BeautifulSoup:
        """Return the parsed page at a site path such as /minutes/."""
        return read_html(target_file(self.out, "/", url) or self.out / "missing")

    @property
    def pages(self) -> list[Path]:
        """Return every written HTML page."""
        return html_pages(self.out)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> BuiltExample:
    """Build the repository's own example site (content/) once, with today 2026-11-23.

    A build that writes nothing fails every test that uses it, loudly: a test
    looping over the pages of an empty folder would otherwise pass (issue 12).
    """
    out = tmp_path_factory.mktemp("example") / "_site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        mp.setenv("NO_COLOR", "1")
        report = run_build(REPO, tmp_path_factory.mktemp("example-cache"), out_dir=out)
    if not report.written or not html_pages(out):
        pytest.fail("The example site did not build:\n" + "\n".join(format_problem(p) for p in report.problems),
                    pytrace=False)
    return BuiltExample(out, report)


__all__ = ["REPO", "TODAY", "MINIMAL_SITE_YAML", "MINIMAL_HOME", "write_files", "new_site", "run_build", "read_html",
           "html_pages", "internal_links", "broken_internal_links", "LINKS", "PICTURES", "target_file", "url_of"]
