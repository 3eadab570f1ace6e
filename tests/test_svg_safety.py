"""Tests for wtfc_site.pictures.svgsafety: every unsafe pattern is found, on its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wtfc_site.pictures.svgsafety import check_svg

SOURCE = Path("easyread_images/doctor.svg")
OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'

SAFE = f"""<?xml version="1.0" encoding="UTF-8"?>
{OPEN}
  <title>A doctor</title>
  <defs>
    <linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#00f"/></linearGradient>
    <circle id="head" cx="5" cy="3" r="2"/>
  </defs>
  <style>
    .skin {{ fill: url(#g); stroke: url( '#g' ); }}
  </style>
  <use xlink:href="#head" class="skin"/>
  <use href="#head" x="1"/>
  <rect width="10" height="4" y="6" fill="url(#g)" style="opacity: 0.5"/>
  <a href=""><text>Doctor</text></a>
</svg>
"""


def svg(*lines: str) -> bytes:
    """Return an SVG with OPEN on line 1, the given lines from line 2, then </svg>."""
    return "\n".join([OPEN, *lines, "</svg>"]).encode()


def only(problems: list, rule: str = "PIC-SVG-UNSAFE"):
    """Assert there is exactly one problem, with this rule, and return it."""
    assert len(problems) == 1, problems
    assert problems[0].rule == rule
    assert problems[0].file == SOURCE
    return problems[0]


def test_a_safe_drawing_passes() -> None:
    assert check_svg(SAFE.encode(), SOURCE) == []


def test_script_is_reported_on_its_line_with_a_hint() -> None:
    data = svg("<rect width='1' height='1'/>", "<g>", "<script>alert('hi')</script>", "</g>")
    problem = only(check_svg(data, SOURCE))
    assert problem.line == 4
    assert "script" in problem.message
    assert problem.hint == ("Open the picture in a drawing program and save it as plain SVG, "
                            "or remove the <script> element on line 4.")


@pytest.mark.parametrize(
    ("lines", "line", "words"),
    [
        (["<svg:script xmlns:svg='http://www.w3.org/2000/svg'>x()</svg:script>"], 2, "script"),
        (["<SCRIPT>x()</SCRIPT>"], 2, "script"),
        (["<rect onclick='steal()' width='1' height='1'/>"], 2, "onclick"),
        (["", "<g><circle r='1' ONMOUSEOVER='x()'/></g>"], 3, "onmouseover"),
        (["<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div></foreignObject>"], 2, "foreignObject"),
        (["<a href='https://example.com/'><text>x</text></a>"], 2, "https://example.com/"),
        (["<a xlink:href='javascript:alert(1)'><text>x</text></a>"], 2, "javascript:alert(1)"),
        (["<use xlink:href='other.svg#shape'/>"], 2, "other.svg#shape"),
        (["<image href='data:image/png;base64,iVBORw0KGgo=' width='1' height='1'/>"], 2, "embedded or outside picture"),
        (["<image xlink:href='photos/face.png' width='1' height='1'/>"], 2, "photos/face.png"),
        (["<image href='https://tracker.example/pixel.gif'/>"], 2, "tracker.example"),
        (["<style>", "  @import url('#fine');", "</style>"], 3, "@import"),
        (["<style>", ".a { fill: red; }", "  .b { background: url(https://evil.example/x.png) }", "</style>"], 4, "evil.example"),
        (["<style><![CDATA[ .b { fill: url(\"http://evil.example/\") } ]]></style>"], 2, "evil.example"),
        (["<style>.b { background: \\75rl(http://evil.example/) }</style>"], 2, "backslash"),
        (["<rect style='fill: url(http://evil.example/a)' width='1' height='1'/>"], 2, "evil.example"),
        (["<rect fill='url(https://evil.example/#g)' width='1' height='1'/>"], 2, "evil.example"),
        (["<a href='#x'><animate attributeName='href' to='javascript:alert(1)'/></a>"], 2, "animation"),
        (["<set attributeName='xlink:href' to='https://evil.example/'/>"], 2, "animation"),
    ],
)
def test_each_unsafe_pattern_is_reported_on_its_line(lines: list[str], line: int, words: str) -> None:
    problem = only(check_svg(svg(*lines), SOURCE))
    assert problem.line == line
    assert words.lower() in problem.message.lower()
    assert f"on line {line}." in problem.hint


def test_every_problem_in_a_file_is_reported_in_line_order() -> None:
    data = svg("<script>a()</script>", "<rect onload='b()'/>", "<a href='http://x.example/'/>")
    problems = check_svg(data, SOURCE)
    assert [p.line for p in problems] == [2, 3, 4]


def test_doctype_is_reported() -> None:
    data = ('<?xml version="1.0"?>\n'
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            + OPEN + "</svg>").encode()
    problem = only(check_svg(data, SOURCE))
    assert problem.line == 2 and "DOCTYPE" in problem.message


def test_entities_are_refused_not_expanded() -> None:
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10))
    data = f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY lol0 "lol">\n{laughs}]>\n{OPEN}<text>&lol9;</text></svg>'
    started = time.perf_counter()
    problems = check_svg(data.encode(), SOURCE)
    assert time.perf_counter() - started < 1
    assert [(p.line, p.rule) for p in problems] == [(2, "PIC-SVG-UNSAFE"), (3, "PIC-SVG-UNSAFE")]
    assert "ENTITY" in problems[1].message


def test_outside_file_entity_is_refused() -> None:
    data = f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{OPEN}<text>&x;</text></svg>'
    problems = check_svg(data.encode(), SOURCE)
    assert any("ENTITY" in p.message for p in problems)
    assert all(p.rule == "PIC-SVG-UNSAFE" for p in problems)


def test_outside_style_sheet_is_reported() -> None:
    data = f'<?xml-stylesheet href="https://evil.example/a.css"?>\n{OPEN}</svg>'.encode()
    assert only(check_svg(data, SOURCE)).line == 1


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (svg("<g>", "<rect>", "</g>"), 4),  # mismatched tag
        (b"", 1),
        (b"   ", 1),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><use xlink:href='#a'/></svg>", 1),  # unbound prefix
    ],
)
def test_broken_xml_is_reported_with_its_line(data: bytes, line: int) -> None:
    problem = only(check_svg(data, SOURCE), rule="PIC-SVG-BROKEN")
    assert problem.line == line
    assert problem.hint


def test_a_file_that_is_not_svg_is_reported() -> None:
    problem = only(check_svg(b"<html><body>hi</body></html>", SOURCE), rule="PIC-SVG-BROKEN")
    assert "<html>" in problem.message
