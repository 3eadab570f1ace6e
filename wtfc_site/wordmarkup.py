"""The markup inside page bodies, written by the layouts.

A Markdown page's body is converted to HTML before the page's layout is
filled in, so the markup the conversion adds comes from layout components,
rendered here: the bold first use of a hard word and the 'Hard word: … means …'
line under it (``layouts/components/hard_word.html`` and ``explanation.html``),
an easy-read point's row of picture and words (``point_row.html``), a short
form's first use with its meaning (``short_form.html``) and a photo in the
words (``photo.html``, rendered once per photo: pages have few). A site replaces any of
them by putting a file of the same name in its own ``layouts/components/``.
(The pages made from data use the hard word components from
``components/wtfc_row.html``.)

Each distinct word, entry, row and short form is rendered once per
``WordMarkup`` and kept: a build of 10,000 pages asks for the same few dozen
over and over (a row about 25 times a page), and a copy of a parsed element
costs far less than a Jinja render. The pipeline makes one before the page
workers are forked, so each worker keeps its own copies.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

from .defaults import default_layouts
from .errors import Problem, SiteError, template_position
from .words import GlossaryEntry, explained_word

HARD_WORD_LAYOUT = "components/hard_word.html"
EXPLANATION_LAYOUT = "components/explanation.html"
POINT_ROW_LAYOUT = "components/point_row.html"
SHORT_FORM_LAYOUT = "components/short_form.html"
PHOTO_LAYOUT = "components/photo.html"
BODY_LAYOUTS = (HARD_WORD_LAYOUT, EXPLANATION_LAYOUT, POINT_ROW_LAYOUT, SHORT_FORM_LAYOUT, PHOTO_LAYOUT)
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


SLOT = "data-slot"
"""The attribute that marks the element of point_row.html that takes the point's words (removed from the page)."""


@dataclass(frozen=True)
class RowPicture:
    """The picture a point's row shows (point_row.html)."""

    name: str
    url: str


@dataclass(frozen=True)
class Photo:
    """A photo in a page's words, as photo.html shows it (made by photos.py)."""

    src: str
    srcset_webp: str
    srcset_fallback: str
    """Each a list of 'address width' pairs, for plain and sharp screens."""
    width: int
    height: int
    """The size it is shown at, so the page does not jump while it loads."""
    alt: str


@dataclass
class WordMarkup:
    """Renders the markup inside page bodies with the site's layouts, once per word, row, short form or photo."""

    env: jinja2.Environment
    _bold: dict[str, str] = field(default_factory=dict)
    _explained: dict[GlossaryEntry, str] = field(default_factory=dict)
    _made: dict[tuple, etree.Element] = field(default_factory=dict)
    """Each element made, by its layout and what it shows; copied for every use."""
    _broken: set[str] = field(default_factory=set)
    """Layouts already reported as unable to write their markup."""

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
        made = self._copy_of((HARD_WORD_LAYOUT, word), HARD_WORD_LAYOUT, problems,
                             lambda: _kept_element(self.hard_word(word), HARD_WORD_LAYOUT, allowed))
        return made if made is not None else _plain("span", word)

    def explanation_element(self, entry: GlossaryEntry, allowed: BodyTags, problems: list[Problem]) -> etree.Element:
        """Return a new element of the line that explains a hard word, for a Markdown page's tree."""
        made = self._copy_of((EXPLANATION_LAYOUT, entry), EXPLANATION_LAYOUT, problems,
                             lambda: _kept_element(self.explanation(entry), EXPLANATION_LAYOUT, allowed))
        return made if made is not None else _plain("p", entry.sentence)

    def point_row(self, row_class: str, picture_name: str | None, picture_url: str, allowed: BodyTags,
                  problems: list[Problem]) -> tuple[etree.Element, etree.Element]:
        """Return a new row for an easy-read point and the element in it that takes the point's words.

        ``picture_name`` is None for a row with no picture. A layout that cannot write the row is
        added to ``problems`` (once), and the row is a bare <div>.
        """
        picture = RowPicture(picture_name, picture_url) if picture_name else None
        row = self._copy_of((POINT_ROW_LAYOUT, row_class, picture), POINT_ROW_LAYOUT, problems,
                            lambda: self._made_row(row_class, picture, allowed))
        if row is None:
            bare = etree.Element("div")
            return bare, bare
        slot = next(inside for inside in row.iter() if SLOT in inside.attrib)
        del slot.attrib[SLOT]
        return row, slot

    def short_form_element(self, short: str, meaning: str, allowed: BodyTags, problems: list[Problem]) -> etree.Element:
        """Return a new element of a short form's first use on a page; its tail is any text the layout writes after it."""
        def made() -> etree.Element:
            markup = self._render(SHORT_FORM_LAYOUT, "short_form", Markup(escape(short)), Markup(escape(meaning)),
                                  what="a short form", trailing_text=True)
            return _kept_element(markup, SHORT_FORM_LAYOUT, allowed, trailing_text=True)
        element = self._copy_of((SHORT_FORM_LAYOUT, short, meaning), SHORT_FORM_LAYOUT, problems, made)
        if element is None:
            element = _plain("span", short)
            element.tail = f" ({meaning})"
        return element

    def photo_element(self, photo: Photo, allowed: BodyTags, problems: list[Problem]) -> etree.Element:
        """Return a new element showing a photo in a Markdown page's words.

        A layout that cannot write it is added to ``problems`` (once), and the photo is a bare <img>.
        """
        made = self._copy_of((PHOTO_LAYOUT, photo), PHOTO_LAYOUT, problems,
                             lambda: _kept_element(self._render(PHOTO_LAYOUT, "photo", photo, what="a photo"),
                                                   PHOTO_LAYOUT, allowed))
        return made if made is not None else etree.Element("img", {"src": photo.src, "alt": photo.alt})

    def _copy_of(self, key: tuple, layout: str, problems: list[Problem],
                 make: Callable[[], etree.Element]) -> etree.Element | None:
        """Return a new copy of the element ``make`` gives for ``key``, made only the first time.

        None when the layout cannot write it: that is added to ``problems`` once (by each worker
        process), and the build stops on it, so the caller's plain stand-in is never published.
        ``allowed`` (markdown.BODY_TAGS) is the same on every call, so it is not part of the key.
        """
        if key not in self._made and layout not in self._broken:
            try:
                self._made[key] = make()
            except SiteError as exc:
                self._broken.add(layout)
                problems.extend(exc.problems)
        made = self._made.get(key)
        return made.__deepcopy__({}) if made is not None else None  # what copy.deepcopy calls, without its look-ups

    def _made_row(self, row_class: str, picture: RowPicture | None, allowed: BodyTags) -> etree.Element:
        """Return the row the layout writes, checked to hold one empty place for the words."""
        markup = self._render(POINT_ROW_LAYOUT, "point_row", row_class, picture, what="a point's row")
        row = etree.fromstring(markup)
        slots = [inside for inside in row.iter() if SLOT in inside.attrib]
        if len(slots) != 1 or len(slots[0]) or (slots[0].text or "").strip():
            file = self.env.get_template(POINT_ROW_LAYOUT).filename or POINT_ROW_LAYOUT
            found = "no element" if not slots else f"{len(slots)} elements" if len(slots) > 1 else "an element that is not empty"
            raise SiteError(Problem(Path(file), 1, f"The row of a point needs one empty element marked {SLOT}=\"text\" "
                                    f"for the point's words, but the layout wrote {found} with it: '{markup}'.",
                                    hint=f'Mark the place for the words, as the default {POINT_ROW_LAYOUT} does: '
                                         f'<div class="er-text" {SLOT}="text"></div>.', rule="SITE-LAYOUT"))
        checked = copy.deepcopy(row)
        for inside in checked.iter():
            inside.attrib.pop(SLOT, None)
        _kept_element(etree.tostring(checked, encoding="unicode"), POINT_ROW_LAYOUT, allowed)
        return row

    def _render(self, layout: str, macro: str, *values: object, what: str = "a hard word",
                trailing_text: bool = False) -> str:
        """Return the markup the layout's macro writes, checked to be one element (then text, when allowed)."""
        try:
            template = self.env.get_template(layout)
            markup = str(getattr(template.module, macro)(*values)).strip()
        except jinja2.TemplateSyntaxError as exc:
            raise SiteError(Problem(Path(exc.filename or layout), exc.lineno, f"The layout has a mistake: {exc.message}.",
                                    hint="Check the {% %} and {{ }} tags near this line.", rule="SITE-LAYOUT")) from None
        except (jinja2.TemplateError, AttributeError) as exc:
            raise SiteError(self._render_problem(exc, layout, macro, what)) from None
        try:
            _one_element(markup, trailing_text)
        except etree.ParseError as exc:
            raise SiteError(Problem(Path(template.filename or layout), 1,
                                    f"The layout should write one HTML element, but it wrote '{markup}' ({exc}).",
                                    hint="Put everything inside one tag, for example <strong>…</strong>, and close "
                                         "every tag. Write &amp; for &, and no other &…; codes.",
                                    rule="SITE-LAYOUT")) from None
        return markup


    def _render_problem(self, exc: Exception, layout: str, macro: str, what: str) -> Problem:
        """Return the problem of a layout that failed while writing: the file and line it failed on, when known."""
        file, line = template_position(exc)
        if file is None:  # no layout line ran: the macro is missing (AttributeError) or the layout is not found
            return Problem(Path("layouts") / layout, None, f"The layout could not write {what}: {exc}.",
                           hint=f"It should hold {{% macro {macro}(…) %}} … {{% endmacro %}}, "
                                f"as the default {layout} does.", rule="SITE-LAYOUT")
        return Problem(_as_site_file(file, self.env.loader), line, f"The layout could not write {what}: {exc}.",
                       hint="Check the names used near this line of the layout: a macro can use only what it is "
                            "given and what it imports.", rule="SITE-LAYOUT")


def _as_site_file(file: Path, loader: jinja2.BaseLoader | None) -> Path:
    """Return a site layout's file as the author names it (layouts/…); a default layout keeps its full path."""
    for folder in _site_layout_folders(loader):
        try:
            return Path("layouts") / file.relative_to(folder)
        except ValueError:
            continue
    return file


def _site_layout_folders(loader: jinja2.BaseLoader | None) -> list[Path]:
    """Return the folders the loader reads layouts from, other than the default layouts."""
    if isinstance(loader, jinja2.ChoiceLoader):
        return [folder for inner in loader.loaders for folder in _site_layout_folders(inner)]
    if isinstance(loader, jinja2.FileSystemLoader):
        default = default_layouts().resolve()
        return [Path(folder) for folder in loader.searchpath if Path(folder).resolve() != default]
    return []  # the default layouts sit behind a PrefixLoader


def _plain(tag: str, text: str) -> etree.Element:
    element = etree.Element(tag)
    element.text = text
    return element


def _one_element(markup: str, trailing_text: bool = False) -> etree.Element:
    """Return the one element ``markup`` writes (with the text after it as its tail, when allowed)."""
    if not trailing_text:
        return etree.fromstring(markup)
    holder = etree.fromstring(f"<markup>{markup}</markup>")
    if len(holder) != 1 or (holder.text or "").strip():
        raise etree.ParseError("it should start with one element and hold no other")
    return holder[0]


def _kept_element(markup: str, layout: str, allowed: BodyTags, trailing_text: bool = False) -> etree.Element:
    """Return the markup as a new element; report a tag the page body would silently lose."""
    element = _one_element(markup, trailing_text)
    lost = allowed.unkept(element)
    if lost:
        raise SiteError(Problem(Path("layouts") / layout, 1,
                                f"Page text cannot show {', '.join(lost)}, so the page would lose it.",
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
