"""Read YAML and front matter while keeping the line of every key.

PyYAML's composer gives each node a start mark, so we build plain Python
values ourselves and remember, for every key path, the line it was written
on. Later stages use those lines to point authors at the exact place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SiteError

KeyPath = tuple[Any, ...]

# libyaml's loader gives the same marks and reads our picture index about 10x faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class LineMap:
    """Where each key path (("actions", 2, "by"), say) starts, 1-based."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, path: KeyPath) -> int:
        """Return the line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)


@dataclass(frozen=True)
class RawDoc:
    """A source file split into front matter (with lines) and body."""

    file: Path
    """Path relative to the site folder, for messages."""
    path: Path
    """Real path on disk."""
    meta: dict[str, Any]
    lines: LineMap
    body: str
    body_line: int
    """The file line on which the body starts."""


def load_yaml(text: str, file: Path, first_line: int = 1) -> tuple[Any, LineMap]:
    """Return the YAML value in ``text`` and a LineMap; raise SiteError if broken."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, LineMap({}, first_line)
        lines: dict[KeyPath, int] = {}
        value = _build(node, (), lines, loader, file, first_line - 1)
        return value, LineMap(lines, first_line)
    except yaml.MarkedYAMLError as exc:
        raise SiteError(_yaml_problem(_pure_error(text) or exc, file, first_line - 1, text)) from None
    finally:
        loader.dispose()


def _pure_error(text: str) -> yaml.MarkedYAMLError | None:
    """Return the pure-Python loader's error for broken YAML.

    libyaml is used for speed, but only the pure loader's messages and
    marks are the ones our hints were written against, so a broken file
    is read once more, slowly, just to report it.
    """
    if _Loader is yaml.SafeLoader:
        return None
    loader = yaml.SafeLoader(text)
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return exc
    finally:
        loader.dispose()
    return None


_YAML_HINT = ("Check the spaces at the start of the line, that every 'key: value' has a "
              "space after the colon, and put text with a colon or # inside quotes.")

_LEFT_OPEN = {"quoted scalar": "quote", "flow sequence": "[", "flow mapping": "{"}
"""What the parser's context says was opened (and never closed), as the author wrote it."""


def _yaml_problem(exc: yaml.MarkedYAMLError, file: Path, offset: int, text: str = "") -> Problem:
    """Return the problem at the line where the mistake starts, saying what was left open.

    The parser's problem mark is where it gave up (often the end of the file);
    its context mark is where the thing it was reading began.
    """
    context, problem = exc.context or "", exc.problem or ""
    line: int | None
    start, end = exc.context_mark, exc.problem_mark
    opened = next((what for key, what in _LEFT_OPEN.items() if key in context), "")
    if opened and start is not None:
        line = start.line + 1 + offset
        if opened == "quote":
            quote = _char_at(text, start.line, start.column) or '"'
            return Problem(file, line, f"The quote ({quote}) opened on line {line} is never closed.",
                           hint=f"Add the closing {quote} at the end of the words on line {line}, or take the "
                                f"opening one out.", rule="SITE-YAML")
        closer = "]" if opened == "[" else "}"
        return Problem(file, line, f"The '{opened}' opened on line {line} is never closed with '{closer}'.",
                       hint=f"Add '{closer}' after the last item, or write the list one '- item' per line.",
                       rule="SITE-YAML")
    if "simple key" in context and start is not None:
        line = start.line + 1 + offset
        return Problem(file, line, f"Line {line} is not a 'key: value' line.",
                       hint="Write it as 'key: value', or join it to the line above if it belongs to it.",
                       rule="SITE-YAML")
    mark = end or start
    line = mark.line + 1 + offset if mark else None
    if "tab" in problem or "'\\t'" in problem:
        return Problem(file, line, "This line is indented with a tab.",
                       hint="Use spaces, not tabs, at the start of lines in YAML.", rule="SITE-YAML")
    if "mapping values are not allowed" in problem:
        return Problem(file, line, "This line has a ':' that YAML cannot read here.",
                       hint="If the words contain a colon, put them in quotes: title: \"Our plan: the next step\". "
                            "If not, check the line has no extra spaces at its start.", rule="SITE-YAML")
    what = problem or context or "it could not be read"
    return Problem(file, line, f"The YAML here is broken: {what}.", hint=_YAML_HINT, rule="SITE-YAML")


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _build(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int],
           loader: yaml.SafeLoader, file: Path, offset: int) -> Any:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, lines, loader, file, offset)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, loader, file, offset)
                for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. 2026-02-31 reads as a date but is not a real day
        raise SiteError(Problem(
            file, node.start_mark.line + 1 + offset, f"'{node.value}' cannot be read: {exc}.",
            hint="Check the date is a real day, written as year-month-day, for example 2026-02-28.",
            rule="SITE-DATE")) from None


def _build_mapping(node: yaml.MappingNode, path: KeyPath, lines: dict[KeyPath, int],
                   loader: yaml.SafeLoader, file: Path, offset: int) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    problems = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + offset
        if key in result:
            problems.append(Problem(
                file, line, f"'{key}' is written twice.",
                hint=f"Keep one '{key}:' line and delete the other.", rule="SITE-YAML-DUPLICATE"))
            continue
        lines[path + (key,)] = line
        result[key] = _build(value_node, path + (key,), lines, loader, file, offset)
    if problems:
        raise SiteError(problems)
    return result


def read_source(path: Path, site_dir: Path) -> RawDoc:
    """Return the file split into front matter and body; raise SiteError if broken."""
    file = relative_to_site(path, site_dir)
    return parse_source(read_text(path, file), file, path)


def parse_source(text: str, file: Path, path: Path | None = None) -> RawDoc:
    """Return a document's text split into front matter and body; raise SiteError if broken.

    The one reading of front matter: site pages (``read_source``) and
    ``check --text`` (``checker.plaintext``) both call it (issue 12 part 3).
    """
    meta_text, meta_line, body, body_line = split_front_matter(text)
    if meta_text is None and text.startswith("---"):
        raise SiteError(Problem(
            file, 1, "The front matter starts with '---' but never ends.",
            hint="Add a line with just '---' after the last setting, before the page's words.",
            rule="SITE-YAML"))
    meta: Any = {}
    lines = LineMap({}, 1)
    if meta_text is not None:
        meta, lines = load_yaml(meta_text, file, meta_line)
        meta = {} if meta is None else meta
        if not isinstance(meta, dict):
            raise SiteError(Problem(
                file, meta_line, "The front matter must be a list of 'key: value' lines.",
                hint="Write one setting per line, for example 'title: Our plan'.", rule="SITE-YAML"))
    return RawDoc(file=file, path=path or file, meta=meta, lines=lines, body=body, body_line=body_line)


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """Return (front matter text, its first line, body, body's first line)."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None, 1, text, 1
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta = "".join(lines[1:index])
            body = "".join(lines[index + 1:])
            return meta, 2, body, index + 2
    return None, 1, text, 1  # no closing line: read_source reports it


def read_text(path: Path, file: Path) -> str:
    """Return the file's text as UTF-8; raise SiteError with a fix if it is not."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise SiteError(Problem(
            file, line, "This file is not saved as UTF-8 text.",
            hint="Open it in your editor and save it again with the UTF-8 encoding.",
            rule="SITE-ENCODING")) from None


def relative_to_site(path: Path, site_dir: Path) -> Path:
    """Return ``path`` relative to the site folder when it is inside it."""
    try:
        return path.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return path


def load_yaml_file(path: Path, site_dir: Path) -> tuple[Any, LineMap, Path]:
    """Return (value, lines, file relative to the site) for a YAML data file."""
    file = relative_to_site(path, site_dir)
    value, lines = load_yaml(read_text(path, file), file)
    return value, lines, file
