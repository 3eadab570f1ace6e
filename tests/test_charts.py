"""Charts: well-formed, labelled SVG whose numbers are the numbers given.

charts.py works out the geometry; layouts/components/charts.html writes the SVG,
so each test draws the chart with the default layout, as a page does.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from wtfc_site import charts
from wtfc_site.defaults import default_layouts
from wtfc_site.render import make_environment

SVG = "{http://www.w3.org/2000/svg}"


def bar_chart(title: str, groups: list[str], series: list) -> str:
    """Return the SVG the default layout draws for a bar chart."""
    return str(_macros().bar_chart(charts.bar_chart(title, groups, series)))


def step_chart(title: str, x_labels: list[str], series: list, levels: list[str]) -> str:
    """Return the SVG the default layout draws for a step chart."""
    return str(_macros().step_chart(charts.step_chart(title, x_labels, series, levels)))


def _macros():
    return make_environment(default_layouts().parent).get_template("components/charts.html").module


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_bar_chart_is_labelled_for_screen_readers() -> None:
    svg = parse(bar_chart("What people said", ["Money", "Friends"], [("Working", [1, 2]), ("Not working", [3, 0])]))
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    found = {el.get("id"): el for el in svg.iter() if el.get("id")}
    assert [found[i].tag for i in ids] == [SVG + "title", SVG + "desc"]
    assert found[ids[0]].text == "What people said"
    assert "Money: Working 1, Not working 3." in found[ids[1]].text


def test_every_bar_is_labelled_with_its_number() -> None:
    series = [("Working", [4, 3, 0]), ("Not working", [5, 4, 2]), ("Future", [3, 3, 1])]
    svg = parse(bar_chart("Counts", ["A", "B", "C"], series))
    bars = [g for g in svg.iter(SVG + "g") if g.get("class") == "bar"]
    labels = [int(g.find(SVG + "text").text) for g in bars]
    expected = [values[g] for g in range(3) for _, values in series]
    assert labels == expected


def test_bar_lengths_follow_the_numbers() -> None:
    svg = parse(bar_chart("Counts", ["A"], [("x", [2]), ("y", [4])]))
    widths = [float(r.get("width")) for r in svg.iter(SVG + "rect") if r.get("y") and r.get("x") == "250"]
    assert widths[1] == pytest.approx(2 * widths[0])


def test_series_differ_by_pattern_not_only_colour() -> None:
    markup = bar_chart("Counts", ["A"], [("x", [1]), ("y", [1]), ("z", [1])])
    patterns = re.findall(r'<pattern id="[^"]+"[^>]*>(.*?)</pattern>', markup)
    assert len(patterns) == 3
    shapes = [re.sub(r'fill="#[0-9a-f]+"', "", p) for p in patterns]
    assert len(set(shapes)) == 3
    legend = parse(markup).find(f"{SVG}g[@class='legend']")
    assert [t.text for t in legend.iter(SVG + "text")] == ["x", "y", "z"]


def test_text_is_escaped() -> None:
    parse(bar_chart("Us & <them>", ["A & B"], [("x < y", [1])]))


def test_a_series_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError):
        bar_chart("Counts", ["A", "B"], [("x", [1])])


def test_step_chart_labels_levels_and_points() -> None:
    levels = ["Not yet", "Starting", "Doing well"]
    svg = parse(step_chart("Our rating", ["May 2026", "November 2026"], [("Board", [0, 2]), ("Group", [1, None])], levels))
    texts = [t.text for t in svg.iter(SVG + "text")]
    for level in levels:
        assert level in texts
    assert "May 2026" in texts and "November 2026" in texts
    desc = next(el for el in svg.iter(SVG + "desc"))
    assert "Board: May 2026 Not yet, November 2026 Doing well." in desc.text
    assert "Group: May 2026 Starting, November 2026 no rating." in desc.text
    assert svg.get("role") == "img"


def test_step_chart_refuses_a_value_that_is_not_a_level() -> None:
    with pytest.raises(ValueError):
        step_chart("Rating", ["A"], [("x", [3])], ["low", "high"])
