"""Turn YAML values into typed, frozen dataclasses, reporting every mistake.

One loader serves the site configuration, every content type's front matter
and the data files, so authors get the same kind of message everywhere:
which key, which file and line, what was expected, and a likely fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

from .errors import Problem, SiteError
from .sources import KeyPath, LineMap

T = TypeVar("T")

_MISSING = dataclasses.MISSING


def load_dataclass(cls: type[T], data: Any, lines: LineMap, file: Path,
                   path: KeyPath = (), ignore: frozenset[str] = frozenset()) -> T:
    """Return ``cls`` built from ``data``; raise SiteError listing every problem."""
    problems: list[Problem] = []
    value = _convert_dataclass(cls, data, _Where(file, lines, problems), path, ignore)
    if problems:
        raise SiteError(problems)
    return value


@dataclasses.dataclass(frozen=True)
class _Where:
    file: Path
    lines: LineMap
    problems: list[Problem]

    def report(self, path: KeyPath, message: str, hint: str, rule: str) -> None:
        self.problems.append(Problem(self.file, self.lines.line_of(path), message, hint, rule))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolving string annotations is slow, and a class's hints never change.
    return typing.get_type_hints(cls)


def _convert_dataclass(cls: type, data: Any, where: _Where, path: KeyPath,
                       ignore: frozenset[str] = frozenset()) -> Any:
    if data is None:
        data = {}
    short_form = getattr(cls, "SHORT_FORM", "")
    if short_form and isinstance(data, (str, int, float)) and not isinstance(data, bool):
        data = {short_form: data}  # '- Sam' is the same as '- {name: Sam}'
    if not isinstance(data, dict):
        where.report(path, f"{_name(path)} should be a list of 'key: value' settings.",
                     "Indent the settings under it by two spaces.", "SITE-TYPE")
        return None
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    hints = _hints(cls)
    reported_before = len(where.problems)
    _report_unknown_keys(data, fields, where, path, ignore)
    values: dict[str, Any] = {}
    for name, fld in fields.items():
        if name not in data:
            if fld.default is _MISSING and fld.default_factory is _MISSING:
                where.report(path, f"'{name}' is missing{_in(path)}.",
                             f"Add a line '{name}: ...'{_in(path)}.", "SITE-MISSING")
            continue
        values[name] = _convert(hints[name], data[name], where, path + (name,))
    if len(where.problems) > reported_before:
        return None  # already explained in plain words; building it would only add Python's wording
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:  # a __post_init__ check failed
        where.report(path, str(exc), "", "SITE-VALUE")
        return None


def _report_unknown_keys(data: dict, fields: dict, where: _Where, path: KeyPath,
                         ignore: frozenset[str]) -> None:
    for key in data:
        if key in fields or key in ignore:
            continue
        close = difflib.get_close_matches(str(key), list(fields), n=1)
        hint = f"Did you mean '{close[0]}'?" if close else (
            "Known settings here are: " + ", ".join(sorted(fields)) + ".")
        where.report(path + (key,), f"'{key}' is not a setting we know{_in(path)}.", hint,
                     "SITE-UNKNOWN-KEY")


def _convert(tp: Any, value: Any, where: _Where, path: KeyPath) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(options[0], value, where, path)
    if value is None:
        where.report(path, f"{_name(path)} is empty.",
                     f"Write something after the colon, or delete the line if {_name(path)} is not needed.",
                     "SITE-EMPTY")
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _convert_dataclass(tp, value, where, path)
    if origin is Literal:
        return _convert_literal(get_args(tp), value, where, path)
    if origin in (tuple, list):
        return _convert_sequence(get_args(tp)[0], value, where, path)
    if origin is dict:
        return _convert_dict(get_args(tp)[1], value, where, path)
    return _convert_scalar(tp, value, where, path)


def _convert_literal(options: tuple, value: Any, where: _Where, path: KeyPath) -> Any:
    if value in options:
        return value
    if isinstance(value, bool):  # YAML reads yes/no as True/False
        text = "yes" if value else "no"
        if text in options:
            return text
    where.report(path, f"{_name(path)} cannot be '{value}'.",
                 "Use one of: " + ", ".join(str(o) for o in options) + ".", "SITE-VALUE")
    return None


def _convert_sequence(item_tp: Any, value: Any, where: _Where, path: KeyPath) -> Any:
    one_item = not dataclasses.is_dataclass(item_tp) or bool(getattr(item_tp, "SHORT_FORM", ""))
    if isinstance(value, (str, int, float, dt.date)) and one_item:
        value = [value]  # one item may be written without the list dash
    if not isinstance(value, list):
        where.report(path, f"{_name(path)} should be a list.",
                     "Write each item on its own line, starting with '- '.", "SITE-TYPE")
        return None
    items = [_convert(item_tp, item, where, path + (i,)) for i, item in enumerate(value)]
    return tuple(items)


def _convert_dict(value_tp: Any, value: Any, where: _Where, path: KeyPath) -> Any:
    if not isinstance(value, dict):
        where.report(path, f"{_name(path)} should be a list of 'name: value' lines.",
                     "Indent each line under it by two spaces.", "SITE-TYPE")
        return None
    return {str(k): _convert(value_tp, v, where, path + (k,)) for k, v in value.items()}


def _convert_scalar(tp: Any, value: Any, where: _Where, path: KeyPath) -> Any:
    if tp is Any:
        return value
    if tp is bool:
        if isinstance(value, bool):
            return value
        where.report(path, f"{_name(path)} should be yes or no, not '{value}'.",
                     f"Write '{path[-1]}: yes' or '{path[-1]}: no'.", "SITE-TYPE")
        return None
    if tp is dt.date:
        return _convert_date(value, where, path)
    if tp is dt.time:
        return _convert_time(value, where, path)
    if tp is str:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        if isinstance(value, dt.date):
            return value.isoformat()
        where.report(path, f"{_name(path)} should be text.",
                     "Write the text on the same line after the colon.", "SITE-TYPE")
        return None
    if tp in (int, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return tp(value)
        where.report(path, f"{_name(path)} should be a number, not '{value}'.",
                     "Write the number with digits, for example 12.", "SITE-TYPE")
        return None
    return value


def _convert_date(value: Any, where: _Where, path: KeyPath) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    where.report(path, f"'{value}' is not a date we can read.",
                 "Write dates as year-month-day, for example 2026-01-21.", "SITE-DATE")
    return None


_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def _convert_time(value: Any, where: _Where, path: KeyPath) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)  # YAML reads 10:30 as 630 (minutes, base 60)
    match = _CLOCK.match(str(value).strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").lower()
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if (half or match.group(2)) and hour < 24 and minute < 60:
            return dt.time(hour, minute)
    where.report(path, f"'{value}' is not a time we can read.",
                 "Write times on the 24-hour clock, for example 10:30 or 14:00.", "SITE-TIME")
    return None


def _name(path: KeyPath) -> str:
    named = [str(p) for p in path if not isinstance(p, int)]
    return f"'{named[-1]}'" if named else "This file"


def _in(path: KeyPath) -> str:
    named = [str(p) for p in path if not isinstance(p, int)]
    return f" under '{named[-1]}'" if named else ""


def field_docs(cls: type) -> dict[str, str]:
    """Return each field's docstring (the string literal under it) for docs."""
    import ast
    import inspect
    import textwrap

    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    docs: dict[str, str] = {}
    body = tree.body[0].body  # type: ignore[attr-defined]
    for stmt, nxt in zip(body, body[1:]):
        if (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant)
                and isinstance(nxt.value.value, str)):
            docs[stmt.target.id] = " ".join(nxt.value.value.split())
    return docs
