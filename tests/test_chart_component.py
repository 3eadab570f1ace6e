"""A site's own layouts draw its charts (issue 12 part 5).

charts.py works out where every bar, line and label goes; the SVG is written
by layouts/components/charts.html. A site with its own
layouts/components/charts.html sees its markup on the Working Together for
Change page of numbers and on the checklist pages.
"""

from __future__ import annotations

from pathlib import Path

from conftest import new_site, read_html, run_build

from tests.test_checklist import TODAY as CHECKLIST_TODAY
from tests.test_checklist import site_files as checklist_files
from tests.test_wtfc import tiny
from wtfc_site.errors import Severity

OWN_CHARTS = """\
{% macro bar_chart(chart) -%}
<svg class="our-bars" role="img" aria-label="{{ chart.title }}" viewBox="0 0 {{ chart.width }} {{ chart.height }}">
{%- for group in chart.groups %}{% for bar in group.bars %}<rect class="our-bar" y="{{ bar.y }}" width="{{ bar.width }}" height="{{ bar.height }}"><title>{{ group.label[0].text }}, {{ bar.name }}: {{ bar.value }}</title></rect>{% endfor %}{% endfor -%}
</svg>
{%- endmacro %}
{% macro step_chart(chart) -%}
<svg class="our-steps" role="img" aria-label="{{ chart.title }}">
{%- for line in chart.series %}{% for point in line.points %}<circle class="our-point" cx="{{ point.marker.x }}" cy="{{ point.marker.y }}" r="5"><title>{{ point.text }}</title></circle>{% endfor %}{% endfor -%}
</svg>
{%- endmacro %}
"""


def built(tmp_path: Path, files: dict[str, str], today=None) -> Path:
    site = new_site(tmp_path / "site", {**files, "layouts/components/charts.html": OWN_CHARTS})
    kw = {"today": today} if today else {}
    report = run_build(site, tmp_path / "cache", out_dir=tmp_path / "out", **kw)
    assert report.written, [f"{p.location} {p.message}" for p in report.problems if p.severity is Severity.ERROR]
    return tmp_path / "out"


def test_a_site_draws_the_bar_chart_of_what_people_said_with_its_own_layout(tmp_path: Path) -> None:
    soup = read_html(built(tmp_path, tiny()) / "wtfc/2026/what-people-said/index.html")
    figure = soup.select_one("figure.wtfc-chart")
    assert figure is not None and figure.select_one("svg.our-bars") is not None
    assert not soup.select("svg.chart-svg"), "the default chart markup is still used"
    said = [rect.get_text(strip=True) for rect in figure.select("rect.our-bar")]
    # the tiny cycle's statements.csv: getting out 1 working, 3 not working; money 1 of each
    assert said == ["Getting out and about, Working: 1", "Getting out and about, Not working: 3",
                    "Getting out and about, For the future: 0",
                    "Money, Working: 1", "Money, Not working: 1", "Money, For the future: 1"]


def test_a_site_draws_the_checklist_chart_with_its_own_layout(tmp_path: Path) -> None:
    soup = read_html(built(tmp_path, checklist_files(), CHECKLIST_TODAY) / "checklist/index.html")
    chart = soup.select_one("figure.checklist-chart svg.our-steps")
    assert chart is not None and chart.get("aria-label") == "Our big ideas over time"
    assert not soup.select("svg.chart-svg"), "the default chart markup is still used"
    points = [point.get_text(strip=True) for point in chart.select("circle.our-point")]
    assert points == ["more to do", "getting there", "doing well", "more to do"], points
