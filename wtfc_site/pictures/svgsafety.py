"""Check that an SVG picture is only a drawing: no scripts, no outside links.

SVG is XML and can carry JavaScript, event handlers, embedded web pages and
links to other servers. Any of these could attack or track the people using
the site, so we refuse them and say on which line they are.

We parse with the standard library's expat parser directly (as defusedxml
does underneath) because it gives a line number for every element, and we
stop at the first entity declaration so that no entity is ever expanded
("billion laughs") and no outside file is ever fetched.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

from wtfc_site.errors import Problem

UNSAFE = "PIC-SVG-UNSAFE"
BROKEN = "PIC-SVG-BROKEN"

_FIX = "Open the picture in a drawing program and save it as plain SVG, or remove {what} on line {line}."
_ANIMATIONS = frozenset({"animate", "set", "animatetransform", "animatemotion"})
# url(...) in CSS or a presentation attribute; group 1 is the address.
_CSS_URL = re.compile(r"""url\(\s*['"]?\s*([^'")\s]*)""", re.IGNORECASE)


class _Refused(Exception):
    """Raised inside the parser to stop at an entity declaration."""


def check_svg(data: bytes, source: Path) -> list[Problem]:
    """Return every unsafe or broken thing in an SVG, by line; [] when it is safe."""
    checker = _SvgChecker(source)
    try:
        checker.parser.Parse(data, True)
    except _Refused:
        pass  # Already reported; parsing further would mean expanding entities.
    except expat.ExpatError as exc:
        checker.broken(exc.lineno, f"The SVG picture is not valid XML ({expat.errors.messages[exc.code]}).")
    if not checker.seen_root and not checker.problems:
        checker.broken(1, "The file is empty: it has no SVG drawing in it.")
    return sorted(checker.problems, key=lambda p: p.line or 0)  # stable: same-line order kept


def _local(name: str) -> str:
    """Return an XML name without its namespace, in lower case ('... href' -> 'href')."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1].lower()


def _is_local_ref(value: str) -> bool:
    """Return True for a reference inside the same file ('#shape') or an empty one."""
    value = value.strip()
    return not value or value.startswith("#")


def _outside_urls(text: str) -> list[str]:
    """Return the url(...) addresses in CSS text that point outside the file."""
    return [m.group(1) for m in _CSS_URL.finditer(text) if not _is_local_ref(m.group(1))]


class _SvgChecker:
    """Expat handlers that collect problems; one instance per file checked."""

    def __init__(self, source: Path):
        self.source = source
        self.problems: list[Problem] = []
        self.seen_root = False
        self.style_text: list[str] | None = None
        self.style_line = 0
        self.parser = self._make_parser()

    def _make_parser(self) -> expat.XMLParserType:
        """Return an expat parser wired to this checker, with entities refused."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.UnparsedEntityDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._entity
        parser.ProcessingInstructionHandler = self._instruction
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        return parser

    @property
    def line(self) -> int:
        """Return the line the parser is on now (1-based)."""
        return self.parser.CurrentLineNumber

    def unsafe(self, line: int, message: str, what: str) -> None:
        """Record an unsafe thing on line; what names it for the hint."""
        hint = _FIX.format(what=what, line=line)
        self.problems.append(Problem(self.source, line, message, hint, UNSAFE))

    def broken(self, line: int, message: str) -> None:
        """Record that the file is not a readable SVG."""
        hint = "Open the picture in a drawing program and save it again as SVG, or use a PNG instead."
        self.problems.append(Problem(self.source, line, message, hint, BROKEN))

    def _doctype(self, name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
        """Report a DOCTYPE: it can define entities or load an outside file."""
        self.unsafe(self.line, "The SVG picture has a DOCTYPE declaration, which can load other files.",
                    "the <!DOCTYPE ...> declaration")

    def _entity(self, *args: object) -> int:
        """Report an ENTITY declaration and stop, so that nothing is ever expanded."""
        self.unsafe(self.line, "The SVG picture declares an ENTITY, which can be used to attack the computer "
                    "that builds the site.", "the <!ENTITY ...> declaration")
        raise _Refused

    def _instruction(self, target: str, data: str) -> None:
        """Report <?xml-stylesheet?>, which loads a style sheet from another file."""
        if target.lower() == "xml-stylesheet":
            self.unsafe(self.line, "The SVG picture loads a style sheet from another file.",
                        "the <?xml-stylesheet ...?> instruction")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        """Check one element and its attributes."""
        tag, line = _local(name), self.line
        if not self.seen_root and tag != "svg":
            self.broken(line, f"The file is not an SVG picture: it starts with <{tag}>, not <svg>.")
        self.seen_root = True
        self._check_tag(tag, attrs, line)
        for attr, value in attrs.items():
            self._check_attribute(tag, _local(attr), value, line)
        if tag == "style":
            self.style_text, self.style_line = [], line

    def _check_tag(self, tag: str, attrs: dict[str, str], line: int) -> None:
        """Report elements that run code, embed web pages or animate links."""
        if tag == "script":
            self.unsafe(line, "The SVG picture contains a script, which could attack visitors.",
                        "the <script> element")
        elif tag == "foreignobject":
            self.unsafe(line, "The SVG picture contains a <foreignObject>, which can hold a web page "
                        "with scripts or forms.", "the <foreignObject> element")
        elif tag in _ANIMATIONS:
            target = _local(attrs.get("attributeName", ""))
            if target == "href" or target.startswith("on"):
                self.unsafe(line, f"The SVG picture has an animation that changes '{target}', "
                            "which can turn a shape into a harmful link.", f"the <{tag}> element")

    def _check_attribute(self, tag: str, attr: str, value: str, line: int) -> None:
        """Report event handlers, outside links and outside url(...) in one attribute."""
        if attr.startswith("on"):
            self.unsafe(line, f"The SVG picture has an event handler ({attr}) on <{tag}>, which runs a script.",
                        f"the {attr} attribute")
        elif attr == "href" and not _is_local_ref(value):
            kind = "an embedded or outside picture" if tag == "image" else "a link to somewhere else"
            self.unsafe(line, f"The SVG picture's <{tag}> has {kind} ({_short(value)}).",
                        f"the href attribute of <{tag}>")
        elif _outside_urls(value):
            self.unsafe(line, f"The SVG picture's <{tag}> loads {_short(_outside_urls(value)[0])} "
                        f"through its {attr} attribute.", f"the url(...) in {attr}")

    def _text(self, text: str) -> None:
        """Collect the text of a <style> element."""
        if self.style_text is not None:
            if not self.style_text:
                self.style_line = self.line  # The CSS may start on a later line than <style>.
            self.style_text.append(text)

    def _end(self, name: str) -> None:
        """Check a <style> element's CSS when it closes."""
        if _local(name) == "style" and self.style_text is not None:
            self._check_css("".join(self.style_text), self.style_line)
            self.style_text = None

    def _check_css(self, css: str, first_line: int) -> None:
        """Report @import, outside url(...) and backslash escapes in a <style>."""
        lowered = css.lower()
        found = [(lowered.find("@import"), "loads another style sheet (@import)")]
        found += [(m.start(), f"loads {_short(m.group(1))}") for m in _CSS_URL.finditer(css)
                  if not _is_local_ref(m.group(1))]
        # CSS escapes such as \75rl( can hide url( from a simple search.
        found.append((css.find("\\"), "uses a backslash escape, which can hide a web address"))
        for offset, what in found:
            if offset >= 0:
                line = first_line + css.count("\n", 0, offset)
                self.unsafe(line, f"The SVG picture's <style> {what}.", "that part of the <style> element")


def _short(value: str, limit: int = 60) -> str:
    """Return value cut to limit characters, so a huge data: address stays readable."""
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 3] + "..."
