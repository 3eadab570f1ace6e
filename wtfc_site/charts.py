"""Accessible SVG charts drawn at build time: the geometry here, the markup in a layout.

``bar_chart`` and ``step_chart`` work out where every bar, line, marker and
label goes and return it as plain data; ``layouts/components/charts.html``
writes the SVG, so a site can change it by putting its own
``layouts/components/charts.html`` beside its layouts.

Every chart has a ``<title>`` and a ``<desc>`` that lists the numbers, and
``role="img"`` with ``aria-labelledby`` pointing at both. Colour never carries
meaning alone (WCAG 1.4.1): each series also has its own fill pattern or
marker shape, a legend names them, and every bar or point is labelled with
its value. Pages show a table of the same numbers beside the chart.
Words are escaped here (html.escape, as everywhere on the pages made from data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

# Dark colours, each at least 4.5:1 against white, so the number labels read well.
COLOURS = ("#0b6623", "#8a1c12", "#1d4f91", "#5b2a86", "#7a4a00")
PATTERNS = ("solid", "stripes", "dots", "cross", "grid")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
DASHES = ("", "8 4", "2 4", "12 4 2 4", "4 2")

BAR_HEIGHT = 26
BAR_GAP = 4
GROUP_GAP = 22
LABEL_WIDTH = 250
PLOT_WIDTH = 360
VALUE_ROOM = 44
LEGEND_HEIGHT = 34
MARKER_RADIUS = 7


def slug(text: str) -> str:
    """Return a lower-case id made of letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def _words(text: str) -> Markup:
    return Markup(escape(text))


# --- bar chart -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FillPattern:
    """One series' fill: its colour and a white pattern over it (solid, stripes, dots, cross, grid)."""

    id: str
    colour: str
    kind: str


@dataclass(frozen=True)
class BarKey:
    """One series in a bar chart's legend: a swatch at ``x``, its name at ``text_x``."""

    x: int
    text_x: int
    fill: str
    """The id of the series' FillPattern."""
    name: Markup


@dataclass(frozen=True)
class LabelLine:
    """One line of a group's label, right-aligned at ``x``."""

    x: int
    y: str
    text: Markup


@dataclass(frozen=True)
class Bar:
    """One bar and the number written after it."""

    x: int
    y: int
    width: int
    height: int
    fill: str
    name: Markup
    value: int
    label_x: int
    label_y: int


@dataclass(frozen=True)
class BarGroup:
    """One group (a theme): its label and one bar per series."""

    label: tuple[LabelLine, ...]
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarChart:
    """A bar chart, ready for the ``bar_chart`` macro of components/charts.html."""

    ident: str
    width: int
    height: int
    title: Markup
    desc: Markup
    patterns: tuple[FillPattern, ...]
    legend: tuple[BarKey, ...]
    groups: tuple[BarGroup, ...]


def bar_chart(title: str, groups: list[str], series: list[tuple[str, list[int]]]) -> BarChart:
    """Return a chart of one block of horizontal bars per group, one bar per series."""
    _check_lengths(groups, [values for _, values in series])
    ident = "chart-" + slug(title)
    most = max([v for _, values in series for v in values] + [1])
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    patterns = tuple(FillPattern(f"{ident}-p{s}", COLOURS[s % len(COLOURS)], PATTERNS[s % len(PATTERNS)])
                     for s in range(len(series)))
    blocks = []
    for g, group in enumerate(groups):
        top = LEGEND_HEIGHT + g * group_height
        blocks.append(BarGroup(_group_label(group, top, len(series)), tuple(
            _bar(patterns[s].id, name, values[g], most, top + s * (BAR_HEIGHT + BAR_GAP))
            for s, (name, values) in enumerate(series))))
    return BarChart(ident, LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM, LEGEND_HEIGHT + len(groups) * group_height + 10,
                    _words(title), _words(_bar_desc(groups, series)), patterns,
                    _bar_legend(patterns, series), tuple(blocks))


def _bar_desc(groups: list[str], series: list[tuple[str, list[int]]]) -> str:
    items = []
    for g, group in enumerate(groups):
        numbers = ", ".join(f"{name} {values[g]}" for name, values in series)
        items.append(f"{group}: {numbers}.")
    return " ".join(items)


def _bar_legend(patterns: tuple[FillPattern, ...], series: list[tuple[str, list[int]]]) -> tuple[BarKey, ...]:
    keys, x = [], 0
    for pattern, (name, _) in zip(patterns, series):
        keys.append(BarKey(x, x + 28, pattern.id, _words(name)))
        x += 40 + len(name) * 9
    return tuple(keys)


def _group_label(group: str, top: int, bars: int) -> tuple[LabelLine, ...]:
    middle = top + (bars * (BAR_HEIGHT + BAR_GAP)) / 2 + 5
    lines = _wrap(group, 26)
    first = middle - (len(lines) - 1) * 9
    return tuple(LabelLine(LABEL_WIDTH - 10, f"{first + i * 18:.0f}", _words(text)) for i, text in enumerate(lines))


def _bar(fill: str, name: str, value: int, most: int, y: int) -> Bar:
    length = round(PLOT_WIDTH * value / most) if most else 0
    return Bar(LABEL_WIDTH, y, max(length, 1), BAR_HEIGHT, fill, _words(name), value,
               LABEL_WIDTH + length + 6, y + BAR_HEIGHT - 7)


def _wrap(text: str, width: int) -> list[str]:
    """Split a label into lines of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _check_lengths(labels: list[str], value_lists: list[list]) -> None:
    for values in value_lists:
        if len(values) != len(labels):
            raise ValueError(f"Each series needs {len(labels)} values, one for each label; one has {len(values)}.")


# --- step chart ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Marker:
    """A point's marker: a circle, square, triangle, diamond or cross centred on (x, y)."""

    shape: str
    x: float
    y: float
    colour: str
    r: int = MARKER_RADIUS

    @property
    def left(self) -> float:
        return self.x - self.r

    @property
    def top(self) -> float:
        return self.y - self.r

    @property
    def size(self) -> int:
        return 2 * self.r

    @property
    def d(self) -> str:
        """The outline of a triangle, diamond or cross, as an SVG path."""
        x, y, r = self.x, self.y, self.r
        if self.shape == "triangle":
            return f"M{x} {y - r} L{x + r} {y + r} L{x - r} {y + r} Z"
        if self.shape == "diamond":
            return f"M{x} {y - r} L{x + r} {y} L{x} {y + r} L{x - r} {y} Z"
        return f"M{x - r} {y - r} L{x + r} {y + r} M{x + r} {y - r} L{x - r} {y + r}"


@dataclass(frozen=True)
class StepKey:
    """One series in a step chart's legend: a short line from ``x`` to ``x2`` with its marker, then its name."""

    x: int
    x2: int
    colour: str
    dash: str
    marker: Marker
    text_x: int
    name: Markup


@dataclass(frozen=True)
class LevelLine:
    """One level across the chart, named at its left."""

    x1: int
    x2: float
    y: float
    text_x: int
    text_y: float
    text: Markup


@dataclass(frozen=True)
class AxisLabel:
    """One time along the bottom, centred on ``x``."""

    x: float
    y: float
    text: Markup


@dataclass(frozen=True)
class StepPoint:
    """One rating: its marker and the level's name written above or below it."""

    marker: Marker
    label_x: float
    label_y: float
    text: Markup


@dataclass(frozen=True)
class StepSeries:
    """One series: its line (broken where there was no rating) and its points."""

    index: int
    colour: str
    dash: str
    paths: tuple[str, ...]
    """Each unbroken part of the line, as an SVG path."""
    points: tuple[StepPoint, ...]


@dataclass(frozen=True)
class StepChart:
    """A step chart, ready for the ``step_chart`` macro of components/charts.html."""

    ident: str
    width: int
    height: int
    title: Markup
    desc: Markup
    legend: tuple[StepKey, ...]
    levels: tuple[LevelLine, ...]
    times: tuple[AxisLabel, ...]
    series: tuple[StepSeries, ...]


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


def step_chart(title: str, x_labels: list[str], series: list[tuple[str, list[int | None]]],
               levels: list[str]) -> StepChart:
    """Return a chart of a step line per series over ``x_labels``.

    Values are positions in ``levels`` (0 is the lowest level); None means no
    rating that time, and the line breaks there.
    """
    _check_lengths(x_labels, [values for _, values in series])
    for name, values in series:
        for value in values:
            if value is not None and not 0 <= value < len(levels):
                raise ValueError(f"{name}: {value} is not a level (0 to {len(levels) - 1}).")
    left, top, step_w, level_h = 170, 44, 110, 48
    geometry = _StepGeometry(left, top, step_w, level_h, len(levels))
    end = geometry.x(len(x_labels) - 1) + step_w / 2
    return StepChart(
        "chart-" + slug(title), left + max(len(x_labels), 1) * step_w + 20,
        top + max(len(levels) - 1, 1) * level_h + 70, _words(title), _words(_step_desc(x_labels, series, levels)),
        _step_legend(series),
        tuple(LevelLine(left, end, geometry.y(level), left - 8, geometry.y(level) + 5, _words(text))
              for level, text in enumerate(levels)),
        tuple(AxisLabel(geometry.x(index), geometry.bottom + 52, _words(label)) for index, label in enumerate(x_labels)),
        tuple(_step_line(geometry, s, values, levels, len(series)) for s, (_name, values) in enumerate(series)))


def _step_desc(x_labels: list[str], series: list[tuple[str, list[int | None]]], levels: list[str]) -> str:
    items = []
    for name, values in series:
        said = ", ".join(f"{label} {levels[v] if v is not None else 'no rating'}"
                         for label, v in zip(x_labels, values))
        items.append(f"{name}: {said}.")
    return " ".join(items)


def _step_legend(series: list[tuple[str, list[int | None]]]) -> tuple[StepKey, ...]:
    keys, x = [], 0
    for s, (name, _) in enumerate(series):
        colour = COLOURS[s % len(COLOURS)]
        keys.append(StepKey(x, x + 30, colour, DASHES[s % len(DASHES)], Marker(MARKERS[s % len(MARKERS)], x + 15, 16, colour),
                            x + 38, _words(name)))
        x += 56 + len(name) * 9
    return tuple(keys)


def _step_line(geo: _StepGeometry, s: int, values: list[int | None], levels: list[str], count: int) -> StepSeries:
    colour, marker = COLOURS[s % len(COLOURS)], MARKERS[s % len(MARKERS)]
    # Series that share a value would hide each other: nudge each one sideways,
    # and put labels above the line for even series and below it for odd ones.
    nudge = (s - (count - 1) / 2) * 16
    label_dy = -12 if s % 2 == 0 else 26
    paths: list[str] = []
    path: list[str] = []
    for index, value in enumerate(values):
        if value is None:
            paths.append(" ".join(path))
            path = []
            continue
        x, y = geo.x(index) + nudge, geo.y(value)
        if path:
            # A step: stay level until the next time, then move up or down.
            path.append(f"H{x - geo.step_w / 2} V{y} H{x}")
        else:
            path.append(f"M{x - geo.step_w / 2 + 10} {y} H{x}")
    paths.append(" ".join(path))
    points = []
    for index, value in enumerate(values):
        if value is not None:
            x, y = geo.x(index) + nudge, geo.y(value)
            points.append(StepPoint(Marker(marker, x, y, colour), x, y + label_dy, _words(levels[value])))
    return StepSeries(s, colour, DASHES[s % len(DASHES)], tuple(d for d in paths if d), tuple(points))
