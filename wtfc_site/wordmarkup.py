"""The markup of hard words inside page bodies, written by the layouts.

A Markdown page's body is converted to HTML before the page's layout is
filled in, so the bold first use of a hard word and the 'Hard word: … means …'
line under it come from two layout components, rendered here:
``layouts/components/hard_word.html`` and ``layouts/components/explanation.html``.
A site replaces either by putting a file of the same name in its own
``layouts/components/``. (The pages made from data use the same components from
``components/wtfc_row.html``.)

Each distinct word and entry is rendered once per ``WordMarkup`` and kept: a
build of 10,000 pages asks for the same few dozen words over and over. The
pipeline makes one before the page workers are forked, so each worker keeps
its own copies.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

from .defaults import default_layouts
from .errors import Problem, SiteError
from .words import GlossaryEntry, explained_word

HARD_WORD_LAYOUT = "components/hard_word.html"
EXPLANATION_LAYOUT = "components/explanation.html"
BODY_LAYOUTS = (HARD_WORD_LAYOUT, EXPLANATION_LAYOUT)
"""The layouts a page body's conversion renders, so the build cache knows a change to them changes the body."""


@dataclass(frozen=True)
class BodyTags:
    """The tags and attributes a page body keeps (markdown.py's sanitiser removes any other)."""

    tags: frozenset[str]
    attributes: dict[str, set[str]]
    """Tag (or '*' for every tag) -> the attributes it keeps."""

    def unkept(self, element: etree.Element) -> list[str]:
        """Return the tags and attributes in ``element`` that the body would lose."""
        lost = []
        for inside in element.iter():
            if inside.tag not in self.tags:
                lost.append(f"<{inside.tag}>")
            keeps = self.attributes.get("*", set()) | self.attributes.get(str(inside.tag), set())
            lost += [f"{name}=\"…\" on <{inside.tag}>" for name in inside.attrib if name not in keeps]
        return lost


@dataclass
class WordMarkup:
    """Renders a hard word's markup with the site's layouts, once per word."""

    env: jinja2.Environment
    _bold: dict[str, str] = field(default_factory=dict)
    _explained: dict[GlossaryEntry, str] = field(default_factory=dict)
    _broken: set[str] = field(default_factory=set)
    """Layouts already reported as unable to write a hard word."""

    def hard_word(self, word: str) -> str:
        """Return the markup of a hard word's first use on a page, as written on the page."""
        if word not in self._bold:
            self._bold[word] = self._render(HARD_WORD_LAYOUT, "hard_word", Markup(escape(word)))
        return self._bold[word]

    def explanation(self, entry: GlossaryEntry) -> str:
        """Return the markup of the line that explains a hard word."""
        if entry not in self._explained:
            self._explained[entry] = self._render(EXPLANATION_LAYOUT, "explanation", explained_word(entry))
        return self._explained[entry]

    def hard_word_element(self, word: str, allowed: BodyTags, problems: list[Problem]) -> etree.Element:
        """Return a new element of a hard word's markup, for a Markdown page's tree.

        A layout that cannot write it is added to ``problems`` (once), and the word is shown plain.
        """
        return self._element(lambda: self.hard_word(word), HARD_WORD_LAYOUT, allowed, problems, "span", word)

    def explanation_element(self, entry: GlossaryEntry, allowed: BodyTags, problems: list[Problem]) -> etree.Element:
        """Return a new element of the line that explains a hard word, for a Markdown page's tree."""
        return self._element(lambda: self.explanation(entry), EXPLANATION_LAYOUT, allowed, problems, "p",
                             entry.sentence)

    def _element(self, markup: Callable[[], str], layout: str, allowed: BodyTags, problems: list[Problem],
                 plain_tag: str, plain_text: str) -> etree.Element:
        if layout not in self._broken:
            try:
                return _kept_element(markup(), layout, allowed)
            except SiteError as exc:
                # Reported once (by each worker process); the build stops on it, so the plain stand-in is never published.
                self._broken.add(layout)
                problems.extend(exc.problems)
        element = etree.Element(plain_tag)
        element.text = plain_text
        return element

    def _render(self, layout: str, macro: str, value: object) -> str:
        """Return the markup the layout's macro writes, checked to be one element."""
        try:
            template = self.env.get_template(layout)
            markup = str(getattr(template.module, macro)(value)).strip()
        except jinja2.TemplateSyntaxError as exc:
            raise SiteError(Problem(Path(exc.filename or layout), exc.lineno, f"The layout has a mistake: {exc.message}.",
                                    hint="Check the {% %} and {{ }} tags near this line.", rule="SITE-LAYOUT")) from None
        except (jinja2.TemplateError, AttributeError) as exc:
            raise SiteError(Problem(Path(layout), 1, f"The layout could not write a hard word: {exc}.",
                                    hint=f"It should hold {{% macro {macro}(…) %}} … {{% endmacro %}}, "
                                         f"as the default {layout} does.", rule="SITE-LAYOUT")) from None
        try:
            etree.fromstring(markup)
        except etree.ParseError as exc:
            raise SiteError(Problem(Path(template.filename or layout), 1,
                                    f"The layout should write one HTML element, but it wrote '{markup}' ({exc}).",
                                    hint="Put everything inside one tag, for example <strong>…</strong>, and close "
                                         "every tag. Write &amp; for &, and no other &…; codes.",
                                    rule="SITE-LAYOUT")) from None
        return markup


def _kept_element(markup: str, layout: str, allowed: BodyTags) -> etree.Element:
    """Return the markup as a new element; report a tag the page body would silently lose."""
    element = etree.fromstring(markup)
    lost = allowed.unkept(element)
    if lost:
        raise SiteError(Problem(Path("layouts") / layout, 1,
                                f"Page text cannot show {', '.join(lost)}, so the hard words would lose it.",
                                hint="Use tags page text may use: " + ", ".join(f"<{t}>" for t in sorted(allowed.tags))
                                     + ". For a box, use <div class=\"…\"> and style it in your own CSS.",
                                rule="SITE-LAYOUT"))
    return element


def default_word_markup() -> WordMarkup:
    """Return a WordMarkup that uses only the default layouts (for converting a body on its own, as tests do).

    A build uses the site's own layouts instead (render.make_environment); the settings that
    shape the markup (escaping, whitespace) are the same here.
    """
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(default_layouts())),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return WordMarkup(env)
