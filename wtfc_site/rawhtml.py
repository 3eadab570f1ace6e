"""Raw HTML written in a page (issue 13 part 8).

Markdown lets authors write HTML, and text pasted from e-mails often
brings some. The sanitiser (markdown.sanitise) removes what is unsafe,
silently; this reads the same HTML first, line by line, and says what will
be removed, so an author knows why a video or a button is missing. A raw
``<img>`` gets the same checks as a Markdown picture: words saying what it
shows, and a source that is in the site. ``javascript:`` and ``data:``
addresses are unsafe wherever they are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import Problem, Severity

UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
"""Addresses that run code or carry a file inside the page: never a link on our pages."""

_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]+`")


def unsafe_address(address: str) -> bool:
    """Return True for a javascript:, data:, vbscript: or file: address (spaces and case ignored)."""
    return re.sub(r"\s", "", address).lower().startswith(UNSAFE_SCHEMES)


def unsafe_link_problem(file: Path, line: int | None, address: str) -> Problem:
    """Return the problem for a link or picture whose address is unsafe."""
    scheme = re.sub(r"\s", "", address).split(":", 1)[0].lower()
    return Problem(file, line, f"This link uses an unsafe '{scheme}:' address, which could run code in "
                               "the reader's browser.",
                   hint="Link to a page or file instead, for example /minutes/ or /files/plan.pdf. "
                        "The link is taken out of the page.", rule="LINK-UNSAFE")


@dataclass
class _Reader(HTMLParser):
    """Collects what the sanitiser would remove, and every raw <img>, with its line."""

    allowed_tags: frozenset[str] = frozenset()
    allowed_attributes: dict[str, set[str]] = field(default_factory=dict)
    removed: list[tuple[int, str]] = field(default_factory=list)
    images: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read '<![…', and pass over one that is no CDATA section ('<![ draft ]>', pasted notes) as words.

        Python 3.11's parser stops with an AssertionError there, which stopped the whole build.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if tag not in self.allowed_tags:
            self.removed.append((line, f"<{tag}>"))
            return
        allowed = self.allowed_attributes.get(tag, set()) | self.allowed_attributes.get("*", set())
        for name in values:
            if name not in allowed:
                self.removed.append((line, f"the {name}= part of <{tag}>"))
        if tag == "img":
            self.images.append((line, values))
        if tag == "a" and "href" in values:
            self.links.append((line, values["href"]))


def _hide_code(text: str) -> str:
    """Return the text with code blocks and `code` blanked (lines kept): HTML shown as code is not HTML."""
    text = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def raw_html_problems(body: str, body_line: int, file: Path, allowed_tags: frozenset[str],
                      allowed_attributes: dict[str, set[str]],
                      resolve_link: Callable[[str], str | None]) -> list[Problem]:
    """Return a problem for each part of the raw HTML in ``body`` the sanitiser removes, and for raw pictures."""
    if "<" not in body:
        return []
    reader = _Reader(allowed_tags=allowed_tags, allowed_attributes=allowed_attributes)
    reader.feed(_hide_code(body))
    reader.close()
    at = body_line - 1
    problems = [Problem(
        file, line + at, f"The raw HTML {what} on this line is taken out of the page.",
        hint="Pages keep only text, links, lists, tables and pictures: scripts, frames, forms, styles and "
             "'on…' parts are removed for safety. Write it in Markdown, or link to the page that has it.",
        rule="HTML-REMOVED", severity=Severity.WARNING) for line, what in reader.removed]
    for line, href in reader.links:
        if unsafe_address(href):
            problems.append(unsafe_link_problem(file, line + at, href))
    for line, attributes in reader.images:
        problems += _image_problems(file, line + at, attributes, resolve_link)
    return problems


def _image_problems(file: Path, line: int, attributes: dict[str, str],
                    resolve_link: Callable[[str], str | None]) -> list[Problem]:
    """Return the checks a Markdown picture gets: words for it, and a source in the site."""
    problems = []
    src = attributes.get("src", "").strip()
    if not attributes.get("alt", "").strip():
        problems.append(Problem(
            file, line, "This picture has no words saying what it shows.",
            hint='Add alt="a few words about the picture" to the <img>, or write it in Markdown: '
                 "![Our team at the town hall](photos/team.jpg).", rule="PIC-ALT-MISSING"))
    if unsafe_address(src):
        problems.append(unsafe_link_problem(file, line, src))
    elif src.startswith(("http://", "https://", "//")):
        problems.append(Problem(file, line, "This picture comes from another website.",
                                hint="Save the picture in content/ and link to it there, so the site works on its own.",
                                rule="PIC-EXTERNAL"))
    elif src.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")):
        problems.append(Problem(
            file, line, f"The photo '{src}' is written as raw HTML, so it would not be published.",
            hint="Write it in Markdown instead, so it is resized and cleaned: ![a few words about it](" + src + ").",
            rule="LINK-BROKEN"))
    elif not src or resolve_link(src) is None:
        problems.append(Problem(
            file, line, f"The picture '{src}' is not a file in the site." if src else "This picture has no src=.",
            hint="Put the picture in content/ and write its path, or use Markdown: ![words](photos/team.jpg).",
            rule="LINK-BROKEN"))
    return problems
