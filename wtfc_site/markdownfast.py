"""Faster versions of four Python-Markdown steps, each giving the same tree as the plain step.

A page body is converted once per build, and at 10,000 pages Python-Markdown's
own steps are most of the convert stage's Markdown time. Each class here
replaces one of them (same name, same priority) and skips only work that
cannot change the page:

- inline patterns: a pattern is not tried on text without the character its
  match must start with or hold (no '[' means no link);
- the table of contents: the pages never show one, so only the heading ids
  are made, unless a page asks for one with '[TOC]';
- unescaping: only text holding an escaped character is looked at again;
- 'is this a block-level tag?', asked about every element while tidying
  line ends, is answered once per tag name;
- writing the tree out as HTML is done by a short recursive writer for the
  elements pages are made of (plain tags, text, attributes with values),
  falling back to Python-Markdown's writer for anything else.

tests/test_markdown_fast_paths.py converts varied Markdown both ways and
compares the HTML, so a new Python-Markdown release that changes a step
shows up there.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown import serializers, util
from markdown.extensions.toc import (
    TocExtension,
    TocTreeprocessor,
    remove_fnrefs,
    render_inner_html,
    strip_tags,
    unique,
)
from markdown.treeprocessors import InlineProcessor, UnescapeTreeprocessor

NEEDS: dict[str, str] = {
    "backtick": "`",  # a code span, or backslashes before one
    "escape": "\\",
    "reference": "[", "link": "[", "short_reference": "[",
    "image_link": "[", "image_reference": "[", "short_image_ref": "[",
    "autolink": "<", "automail": "<", "html": "<",
    "linebreak": "\n",  # two spaces at a line's end
    "entity": "&",
    "not_strong": "*_", "em_strong": "*_", "em_strong2": "_",
    "nl": "\n",  # nl2br
}
"""Inline pattern name -> characters one of which any match holds. A pattern not named here is always tried."""


class FastInlineProcessor(InlineProcessor):
    """Python-Markdown's inline step, trying a pattern only on text that holds a character it needs."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        patterns = self.inlinePatterns
        self._patterns: list = list(patterns)  # the registry sorts itself on every look-up by position
        self._needs: list[str | None] = [None] * len(self._patterns)
        for name, chars in NEEDS.items():
            if name in patterns:
                self._needs[patterns.get_index_for_name(name)] = chars
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """As InlineProcessor.__handleInline, which the class's own calls reach through this name."""
        if isinstance(data, util.AtomicString):
            return data
        start = 0
        patterns, needs = self._patterns, self._needs
        apply = self._InlineProcessor__applyPattern
        count = len(patterns)
        while patternIndex < count:
            need = needs[patternIndex]
            if need is not None:
                for char in need:
                    if char in data:
                        break
                else:
                    patternIndex += 1  # it cannot match: as if tried and not found
                    start = 0
                    continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class HeadingIds(TocTreeprocessor):
    """The table of contents step, making only the heading ids when the page has no '[TOC]'."""

    def run(self, doc: etree.Element) -> None:
        marker = self.marker
        # Any element that could be the '[TOC]' paragraph (the plain step also asks where it is).
        asked = marker and any(el.text and not len(el) and el.text.strip() == marker for el in doc.iter())
        plain = asked or self.use_anchors or self.use_permalinks not in (False, None) or self.base_level
        headings = [el for el in doc.iter() if isinstance(el.tag, str) and self.header_rgx.match(el.tag)]
        if plain or any("data-toc-label" in el.attrib for el in headings):
            super().run(doc)
            return
        used_ids = {el.attrib["id"] for el in doc.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in headings:
            if "id" not in el.attrib:
                name = _plain_name(el) or strip_tags(render_inner_html(remove_fnrefs(el), self.md))
                el.attrib["id"] = unique(self.slugify(html.unescape(name), self.sep), used_ids, counters)


_MARKUP_CHARS = frozenset("&<>" + util.STX + util.ETX)


def _plain_name(heading: etree.Element) -> str:
    """Return a heading's words when they are plain text, as the plain step would read them; else ''.

    Text with no child elements and none of & < > or a placeholder comes out of
    writing, unescaping, the postprocessors and tag-stripping with only its spaces
    squeezed; anything else ('' too) goes the plain way.
    """
    text = heading.text
    if not text or len(heading) or not _MARKUP_CHARS.isdisjoint(text):
        return ""
    return " ".join(text.split())


class FastUnescape(UnescapeTreeprocessor):
    """Python-Markdown's unescape step, looking again only at text that holds an escaped character."""

    def unescape(self, text: str) -> str:
        return super().unescape(text) if util.STX in text else text

    def run(self, root: etree.Element) -> None:
        """As the plain step: text (outside <code>), tails and attribute values, each only when it holds one."""
        stx, unescape = util.STX, super().unescape
        for elem in root.iter():
            text, tail = elem.text, elem.tail
            if text and stx in text and elem.tag != "code":
                elem.text = unescape(text)
            if tail and stx in tail:
                elem.tail = unescape(tail)
            for key, value in elem.items():
                if value is not None and stx in value:
                    elem.set(key, unescape(value))


class FastTocExtension(TocExtension):
    """The table of contents extension with ``HeadingIds`` as its step."""

    TreeProcessorClass = HeadingIds


def speed_up(md: markdown.Markdown) -> None:
    """Swap the fast steps into ``md`` (made with its extensions): same names and priorities."""
    md.treeprocessors.register(FastInlineProcessor(md), "inline", 20)
    md.treeprocessors.register(FastUnescape(md), "unescape", 0)
    md.is_block_level = block_level_memo(md)
    md.serializer = to_html


class _Unusual(Exception):
    """An element the short writer leaves to Python-Markdown's."""


def to_html(root: etree.Element) -> str:
    """Return the tree as HTML, exactly as markdown.serializers.to_html_string writes it."""
    parts: list[str] = []
    try:
        _write(root, parts.append)
    except (_Unusual, RecursionError):
        return serializers.to_html_string(root)
    return "".join(parts)


_BOOLEAN = serializers.BOOLEAN_ATTRIBUTES["html"]
_cdata = serializers._escape_cdata  # Python-Markdown's own escaping, so the text comes out the same
_attribute = serializers._escape_attrib_html


def _write(el: etree.Element, write: Callable[[str], object]) -> None:
    tag = el.tag
    if type(tag) is not str:  # a comment, processing instruction, QName or tagless element
        raise _Unusual
    lower = tag.lower()
    if lower in ("script", "style"):
        raise _Unusual
    write("<" + tag)
    if el.attrib:
        for name, value in sorted(el.items()):
            if not isinstance(name, str) or not isinstance(value, str) or (name == value and name in _BOOLEAN):
                raise _Unusual
            write(f' {name}="{_attribute(value)}"')
    write(">")
    text = el.text
    if text:
        write(_cdata(text))
    for child in el:
        _write(child, write)
    if lower not in etree.HTML_EMPTY:
        write(f"</{tag}>")
    if el.tail:
        write(_cdata(el.tail))


def block_level_memo(md: markdown.Markdown) -> Callable[[object], bool]:
    """Return md.is_block_level, remembering the answer for each tag (its list never changes after set-up)."""
    plain = md.is_block_level
    answers: dict[object, bool] = {}

    def is_block_level(tag: object) -> bool:
        try:
            return answers[tag]
        except KeyError:
            answer = answers[tag] = plain(tag)
            return answer
        except TypeError:  # a tag that cannot be a key
            return plain(tag)
    return is_block_level


__all__ = ["FastInlineProcessor", "FastTocExtension", "FastUnescape", "HeadingIds", "speed_up", "to_html"]
