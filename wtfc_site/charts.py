"""Accessible SVG charts drawn at build time: pure functions, text in, markup out.

Every chart has a ``<title>`` and a ``<desc>`` that lists the numbers, and
``role="img"`` with ``aria-labelledby`` pointing at both. Colour never carries
meaning alone (WCAG 1.4.1): each series also has its own fill pattern or
marker shape, a legend names them, and every bar or point is labelled with
its value. Pages show a table of the same numbers beside the chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# Dark colours, each at least 4.5:1 against white, so the number labels read well.
COLOURS = ("#0b6623", "#8a1c12", "#1d4f91", "#5b2a86", "#7a4a00")
PATTERNS = ("solid", "stripes", "dots", "cross", "grid")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 2")

FONT = 'font-family="Arial, Helvetica, sans-serif"'
TEXT_PX = 16
BAR_HEIGHT = 26
BAR_GAP = 4
GROUP_GAP = 22
LABEL_WIDTH = 250
PLOT_WIDTH = 360
VALUE_ROOM = 44


def slug(text: str) -> str:
    """Return a lower-case id made of letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def bar_chart(title: str, groups: list[str], series: list[tuple[str, list[int]]]) -> str:
    """Return SVG markup: one block of horizontal bars per group, one bar per series."""
    _check_lengths(groups, [values for _, values in series])
    ident = "chart-" + slug(title)
    most = max([v for _, values in series for v in values] + [1])
    legend_height = 34
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    height = legend_height + len(groups) * group_height + 10
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM
    parts = [_open_svg(ident, width, height, title, _bar_desc(groups, series)),
             _pattern_defs(ident, len(series)), _bar_legend(ident, series)]
    for g, group in enumerate(groups):
        top = legend_height + g * group_height
        parts.append(_group_label(group, top, len(series)))
        for s, (name, values) in enumerate(series):
            parts.append(_bar(ident, s, name, values[g], most, top + s * (BAR_HEIGHT + BAR_GAP)))
    parts.append("</svg>")
    return "\n".join(parts)


def step_chart(title: str, x_labels: list[str], series: list[tuple[str, list[int | None]]],
               levels: list[str]) -> str:
    """Return SVG markup: a step line per series over ``x_labels``.

    Values are positions in ``levels`` (0 is the lowest level); None means no
    rating that time, and the line breaks there.
    """
    _check_lengths(x_labels, [values for _, values in series])
    for name, values in series:
        for value in values:
            if value is not None and not 0 <= value < len(levels):
                raise ValueError(f"{name}: {value} is not a level (0 to {len(levels) - 1}).")
    ident = "chart-" + slug(title)
    left, top, step_w, level_h = 170, 44, 110, 48
    width = left + max(len(x_labels), 1) * step_w + 20
    height = top + max(len(levels) - 1, 1) * level_h + 70
    geometry = _StepGeometry(left, top, step_w, level_h, len(levels))
    parts = [_open_svg(ident, width, height, title, _step_desc(x_labels, series, levels)),
             _step_legend(series), _step_axes(geometry, x_labels, levels)]
    for s, (_name, values) in enumerate(series):
        parts.append(_step_line(geometry, s, values, levels, len(series)))
    parts.append("</svg>")
    return "\n".join(parts)


def _check_lengths(labels: list[str], value_lists: list[list]) -> None:
    for values in value_lists:
        if len(values) != len(labels):
            raise ValueError(f"Each series needs {len(labels)} values, one for each label; one has {len(values)}.")


def _open_svg(ident: str, width: int, height: int, title: str, desc: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart-svg" '
            f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" {FONT} font-size="{TEXT_PX}">\n'
            f'<title id="{ident}-title">{escape(title)}</title>\n'
            f'<desc id="{ident}-desc">{escape(desc)}</desc>')


def _bar_desc(groups: list[str], series: list[tuple[str, list[int]]]) -> str:
    items = []
    for g, group in enumerate(groups):
        numbers = ", ".join(f"{name} {values[g]}" for name, values in series)
        items.append(f"{group}: {numbers}.")
    return " ".join(items)


def _pattern_defs(ident: str, count: int) -> str:
    """Return one fill pattern per series: solid, stripes, dots, cross-hatch, grid."""
    defs = ["<defs>"]
    for s in range(count):
        colour, kind = COLOURS[s % len(COLOURS)], PATTERNS[s % len(PATTERNS)]
        pid = f"{ident}-p{s}"
        inner = {
            "solid": "",
            "stripes": '<path d="M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6" stroke="#fff" stroke-width="2"/>',
            "dots": '<circle cx="4" cy="4" r="1.8" fill="#fff"/>',
            "cross": '<path d="M0 0 L8 8 M8 0 L0 8" stroke="#fff" stroke-width="1.5"/>',
            "grid": '<path d="M4 0 V8 M0 4 H8" stroke="#fff" stroke-width="1.5"/>',
        }[kind]
        defs.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
                    f'<rect width="8" height="8" fill="{colour}"/>{inner}</pattern>')
    defs.append("</defs>")
    return "".join(defs)


def _bar_legend(ident: str, series: list[tuple[str, list[int]]]) -> str:
    items, x = [], 0
    for s, (name, _) in enumerate(series):
        items.append(f'<rect x="{x}" y="6" width="22" height="22" fill="url(#{ident}-p{s})" '
                     f'stroke="#000" stroke-width="1"/>'
                     f'<text x="{x + 28}" y="23">{escape(name)}</text>')
        x += 40 + len(name) * 9
    return '<g class="legend">' + "".join(items) + "</g>"


def _group_label(group: str, top: int, bars: int) -> str:
    middle = top + (bars * (BAR_HEIGHT + BAR_GAP)) / 2 + 5
    lines = _wrap(group, 26)
    first = middle - (len(lines) - 1) * 9
    spans = "".join(f'<tspan x="{LABEL_WIDTH - 10}" y="{first + i * 18:.0f}">{escape(text)}</tspan>'
                    for i, text in enumerate(lines))
    return f'<text text-anchor="end" font-weight="bold">{spans}</text>'


def _bar(ident: str, s: int, name: str, value: int, most: int, y: int) -> str:
    length = round(PLOT_WIDTH * value / most) if most else 0
    label = f"{value}"
    return (f'<g class="bar"><rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR_HEIGHT}" '
            f'fill="url(#{ident}-p{s})" stroke="#000" stroke-width="1"><title>{escape(name)}: {value}</title></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT - 7}" font-weight="bold">{label}</text></g>')


def _wrap(text: str, width: int) -> list[str]:
    """Split a label into lines of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class _StepGeometry:
    """Where things go in a step chart."""

    left: int
    top: int
    step_w: int
    level_h: int
    levels: int

    def x(self, index: int) -> float:
        return self.left + index * self.step_w + self.step_w / 2

    def y(self, level: int) -> float:
        return self.top + (self.levels - 1 - level) * self.level_h

    @property
    def bottom(self) -> float:
        return self.y(0)


def _step_desc(x_labels: list[str], series: list[tuple[str, list[int | None]]], levels: list[str]) -> str:
    items = []
    for name, values in series:
        said = ", ".join(f"{label} {levels[v] if v is not None else 'no rating'}"
                         for label, v in zip(x_labels, values))
        items.append(f"{name}: {said}.")
    return " ".join(items)


def _step_legend(series: list[tuple[str, list[int | None]]]) -> str:
    items, x = [], 0
    for s, (name, _) in enumerate(series):
        colour, dash = COLOURS[s % len(COLOURS)], DASHES[s % len(DASHES)]
        items.append(f'<line x1="{x}" y1="16" x2="{x + 30}" y2="16" stroke="{colour}" stroke-width="3"'
                     f'{_dash_attr(dash)}/>{_marker(MARKERS[s % len(MARKERS)], x + 15, 16, colour)}'
                     f'<text x="{x + 38}" y="21">{escape(name)}</text>')
        x += 56 + len(name) * 9
    return '<g class="legend">' + "".join(items) + "</g>"


def _step_axes(geo: _StepGeometry, x_labels: list[str], levels: list[str]) -> str:
    parts = ['<g class="axes">']
    for level, text in enumerate(levels):
        y = geo.y(level)
        parts.append(f'<line x1="{geo.left}" y1="{y}" x2="{geo.x(len(x_labels) - 1) + geo.step_w / 2}" y2="{y}" '
                     f'stroke="#767676" stroke-width="1"/>'
                     f'<text x="{geo.left - 8}" y="{y + 5}" text-anchor="end">{escape(text)}</text>')
    for index, label in enumerate(x_labels):
        parts.append(f'<text x="{geo.x(index)}" y="{geo.bottom + 52}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _step_line(geo: _StepGeometry, s: int, values: list[int | None], levels: list[str], count: int) -> str:
    colour, dash, marker = COLOURS[s % len(COLOURS)], DASHES[s % len(DASHES)], MARKERS[s % len(MARKERS)]
    # Series that share a value would hide each other: nudge each one sideways,
    # and put labels above the line for even series and below it for odd ones.
    nudge = (s - (count - 1) / 2) * 16
    label_dy = -12 if s % 2 == 0 else 26
    parts = [f'<g class="series series-{s}">']
    path: list[str] = []
    for index, value in enumerate(values):
        if value is None:
            parts.append(_path(path, colour, dash))
            path = []
            continue
        x, y = geo.x(index) + nudge, geo.y(value)
        if path:
            # A step: stay level until the next time, then move up or down.
            path.append(f"H{x - geo.step_w / 2} V{y} H{x}")
        else:
            path.append(f"M{x - geo.step_w / 2 + 10} {y} H{x}")
    parts.append(_path(path, colour, dash))
    for index, value in enumerate(values):
        if value is not None:
            x, y = geo.x(index) + nudge, geo.y(value)
            parts.append(_marker(marker, x, y, colour))
            parts.append(f'<text x="{x}" y="{y + label_dy}" text-anchor="middle" font-weight="bold">'
                         f'{escape(levels[value])}</text>')
    parts.append("</g>")
    return "".join(parts)


def _path(commands: list[str], colour: str, dash: str) -> str:
    if not commands:
        return ""
    return f'<path d="{" ".join(commands)}" fill="none" stroke="{colour}" stroke-width="3"{_dash_attr(dash)}/>'


def _dash_attr(dash: str) -> str:
    return f' stroke-dasharray="{dash}"' if dash else ""


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    r = 7
    if shape == "circle":
        return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}" stroke="#000"/>'
    if shape == "square":
        return f'<rect x="{x - r}" y="{y - r}" width="{2 * r}" height="{2 * r}" fill="{colour}" stroke="#000"/>'
    if shape == "triangle":
        return f'<path d="M{x} {y - r} L{x + r} {y + r} L{x - r} {y + r} Z" fill="{colour}" stroke="#000"/>'
    if shape == "diamond":
        return f'<path d="M{x} {y - r} L{x + r} {y} L{x} {y + r} L{x - r} {y} Z" fill="{colour}" stroke="#000"/>'
    return f'<path d="M{x - r} {y - r} L{x + r} {y + r} M{x + r} {y - r} L{x - r} {y + r}" stroke="{colour}" stroke-width="3"/>'
