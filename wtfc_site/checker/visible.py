"""What the reader sees: the visible text of a built page, as Points, and the findings on it.

The page check (``check_page``) reads the points an author wrote, with their
source lines. A built page also shows text the generator writes: list
entries, dates, status lines, "Hard word:" notes, form labels. Issue 14
part 7 asks that page length and the sentence rules see what the reader
sees, so after rendering we read each page's ``<main>`` back:

- ``visible_points(html)`` gives one Point per leaf block of text (heading,
  paragraph, list item, label, table cell, quote), skipping anything hidden
  from readers (``hidden``, ``aria-hidden="true"``, scripts) and the entries of a
  reference list a layout marks ``data-reference-list`` (see ``REFERENCE_LIST``).
- ``check_visible(page, visible, settings, words)`` runs the text rules on
  the blocks the author did not write (reported at the page's title line,
  saying they come from the layout), and the whole-page rules (page length
  and the verdict) on everything the reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lxml import etree

from ..errors import Problem
from ..points import NONE, PageText, Point
from .page import page_verdict, run_page_check
from .rules import PointCounts
from .settings import CheckerSettings
from .wordlists import WordLists, with_generated_words

_KINDS = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "p": "paragraph", "dd": "paragraph", "li": "list-item", "figcaption": "paragraph",
    "dt": "table-cell", "td": "table-cell", "th": "table-cell", "caption": "table-cell",
    "label": "table-cell", "legend": "table-cell", "button": "table-cell", "summary": "table-cell",
}
"""Leaf blocks of text and the kind of point each becomes."""
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "nav"})
SKIP_CLASSES = frozenset({"page-feedback", "hard-words-box"})
"""Parts every page repeats, or that repeat the page's own explanations: the feedback form at the
foot of each page and the hard-words box (each word is explained beside its point too)."""
REFERENCE_LIST = "data-reference-list"
"""The attribute a layout puts on a list or table that readers look things up in rather than read through
(the A to Z of pages, the picture credits, the short forms). Its entries are titles, names and licence
data, not sentences, and each entry's own words are checked where they are written (a page's title and
summary at that page), so the sentence rules and the page length leave them out. The text around the
list (its heading and the lines saying what it is) is checked as usual."""
LABEL_CLASSES = frozenset({"er-explain-label"})
"""Short labels in front of a sentence ("Hard word:"): read as their own block, not as part of it."""
_SPACES = re.compile(r"\s+")
_PARSER = etree.HTMLParser()
"""lxml.html's own parser without its element classes: this module needs none of their methods, and
making a Python object of one of those classes for every node cost a tenth of reading a page."""
_text_content = etree.XPath("string()", smart_strings=False)
"""All the text inside an element, as lxml.html's ``text_content()`` gives it."""
WHOLE_PAGE_RULES = frozenset({"ER-PAGE-WORDS"})
"""Rules about the page as a whole, worked out again on everything the reader sees."""
INFO_ONLY_RULES = frozenset({"ER-READABILITY", "ER-BOLD-ONLY-FOR-HARD-WORDS"})
"""Page rules whose findings are only ever notes: kept neither as the layout's lines nor as whole-page rules,
so the visible check does not run them (a settings override never makes a note more than a note)."""
LAYOUT_HINT = "The build adds this text to the page (from a layout, the glossary or the settings); it is not in this file."


def _hidden_itself(node) -> bool:
    """Return True when the node itself (not counting its parents) hides what it holds from readers."""
    return (node.tag in _SKIP_TAGS or node.get("hidden") is not None or node.get("aria-hidden") == "true"
            or node.get(REFERENCE_LIST) is not None
            or not SKIP_CLASSES.isdisjoint((node.get("class") or "").split()))


def _hidden(element) -> bool:
    """Return True when the element or one of its parents is hidden from readers."""
    return any(_hidden_itself(node) for node in (element, *element.iterancestors()))


def _is_label(node) -> bool:
    return bool(LABEL_CLASSES.intersection((node.get("class") or "").split()))


def _text(element, in_label: bool) -> str:
    """Return the element's text as a reader sees it: hidden parts left out, spaces made single.

    ``element`` is not hidden (the caller checked); ``in_label``: it or a node around it is a label.
    Its parts are read in the order a reader meets them: a node's text, the nodes inside it, then the
    text after it ("Read <a>our <b>plan</b></a> today" reads "Read our plan today").
    """
    parts: list[str] = []
    if element.tag == "br":
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        _read(child, False, in_label, parts)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _read(node, hidden_above: bool, in_label: bool, parts: list[str]) -> None:
    """Add what ``node`` and the nodes inside it show to ``parts`` (one walk, each node's parents known)."""
    hidden = hidden_above or _hidden_itself(node)
    label = _is_label(node)
    shown = not (hidden or label or in_label)
    if shown:
        if node.tag == "br":
            parts.append(" ")
        if node.text:
            parts.append(node.text)
    for child in node:
        _read(child, hidden, in_label or label, parts)
    if node.tail and (shown or label):
        parts.append(node.tail)  # a label's tail too: "Hard word: " is read on its own, the words after it are not


def visible_points(page_html: str, line: int = 1) -> list[Point]:
    """Return the visible text blocks of a page's ``<main>`` (the whole body if it has none) as Points."""
    if not page_html.strip():
        return []
    root = etree.fromstring(page_html, _PARSER)
    if root is None:
        raise etree.ParserError("Document is empty")  # as lxml.html says it
    main = next(iter(root.iter("main")), None)
    if main is None:
        main = root.find("body")
    if main is None:
        return []
    around = (main, *main.iterancestors())
    points: list[Point] = []
    _collect(main, _hidden(main), any(_is_label(node) for node in around),
             any(node.tag == "blockquote" for node in around), line, points)
    return points


def _collect(node, hidden: bool, label: bool, quoted: bool, line: int, points: list[Point]) -> bool:
    """Add the visible leaf blocks inside ``node`` to ``points``, in page order; return True when a block
    of any kind (leaf or not, shown or not) is inside it.

    ``hidden``, ``label``, ``quoted``: ``node`` or a node around it is hidden, is a label, is a quotation.
    One walk down the page, each node's state from its parent's, instead of looking up every block's
    parents and down every block's children (test_checker_fast_paths compares it with that way)."""
    has_block = False
    for child in node:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # a comment or a processing instruction: never a block, never holds one
        child_hidden = hidden or _hidden_itself(child)
        child_label = label or _is_label(child)
        holds_block = _collect(child, child_hidden, child_label, quoted or tag == "blockquote", line, points)
        if tag in _KINDS:
            has_block = True
            if not holds_block and not child_hidden:
                _add_block(child, child_label, quoted, line, points)
        elif holds_block:
            has_block = True
    return has_block


def _add_block(element, in_label: bool, quoted: bool, line: int, points: list[Point]) -> None:
    """Add one leaf block (and the labels inside it) to ``points``, if it has any words."""
    text = _text(element, in_label)
    if not any(ch.isalnum() for ch in text):
        return
    for label in element.iter():
        if label is not element and _is_label(label):
            points.append(Point(line=line, text=_SPACES.sub(" ", _text_content(label)).strip(),
                                kind="table-cell", picture=NONE))
    kind = "quote" if quoted else _KINDS[element.tag]
    points.append(Point(line=line, text=text, kind=kind, picture=NONE))


_PUNCTUATION = re.compile(r"[^\w\s]")


def _key(text: str) -> str:
    """Return ``text`` as ``generated_points`` compares it: lower case, punctuation and runs of spaces as one space."""
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def generated_points(page: PageText, visible: Iterable[Point]) -> list[Point]:
    """Return the visible blocks the author did not write (their text is in no authored point)."""
    authored = {_key(p.text) for p in page.points}
    authored.add(_key(page.title))
    return [p for p in visible if _key(p.text) not in authored]


def check_visible(page: PageText, visible: list[Point], authored_findings: list[Problem],
                  settings: CheckerSettings, words: WordLists, authored_counts: PointCounts | None = None
                  ) -> list[Problem]:
    """Return findings on what the reader sees that the authored check did not make (see the module docstring).

    ``authored_counts``: the counts of the page's points from the authored check (``PageCheck.points``),
    when the caller kept them: the author's points are then not split into sentences again to count
    the page (the findings are the same either way)."""
    line = page.title_line or 1
    generated = [replace(p, line=line) for p in generated_points(page, visible)]
    if not generated:
        return []
    whole = replace(page, points=(*page.points, *generated))
    # Words the generator writes ("brings lived experience") are the generator's to explain, not the author's.
    # The author's points were checked already (``authored_findings``): the point rules read only the lines
    # the build adds and the title line (which is not among the points); a finding on an author's point has an
    # excerpt of that point's text, so the filter below would drop it anyway. The page rules read the whole
    # page, so "first use on this page", "explained on this page" and the page length see what the reader sees.
    authored_points = {id(p) for p in page.points}
    checked = run_page_check(whole, settings, with_generated_words(words), text_only=True,
                             point_rules_on=lambda point: id(point) not in authored_points, leave_out=INFO_ONLY_RULES,
                             known=authored_counts)
    found = checked.problems
    generated_text = [p.text for p in generated]
    authored_text = [p.text for p in page.points]
    had = {(p.rule, p.message) for p in authored_findings}
    extra: list[Problem] = []
    for problem in found:
        excerpt = problem.excerpt.rstrip("\u2026")
        from_layout = excerpt and any(excerpt in t for t in generated_text) and not any(excerpt in t for t in authored_text)
        if from_layout and problem.severity.name != "INFO":
            extra.append(replace(problem, line=line, hint=f"{problem.hint} {LAYOUT_HINT}".strip()))
        elif problem.rule in WHOLE_PAGE_RULES and (problem.rule, problem.message) not in had:
            extra.append(problem)
    if not any(p.rule == "ER-VERDICT" for p in authored_findings):
        verdict = page_verdict(whole, [*authored_findings, *extra], settings, checked.counts)
        if verdict is not None:
            extra.append(verdict)
    return extra
