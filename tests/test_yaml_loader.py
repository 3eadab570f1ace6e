"""The fast C YAML loader gives the same values, lines and error messages as the pure one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wtfc_site import sources
from wtfc_site.errors import SiteError

BROKEN = {
    "no space after colon": "title:Our plan\nsummary: x\n  bad: indent\n",
    "tab": "title: a\n\tsummary: b\n",
    "open quote": 'title: "Our plan\nsummary: x\n',
    "open list": "themes: [a, b\nsummary: x\n",
    "colon in text": "title: Time: 10am\n",
}

GOOD = "title: Our plan\nactions:\n  - id: a1\n    by: 2026-04-30\n  - id: a2\n    who: Sam\n"


def problem(text: str, loader: type) -> tuple:
    original = sources._Loader
    sources._Loader = loader
    try:
        with pytest.raises(SiteError) as caught:
            sources.load_yaml(text, Path("content/x.md"), first_line=2)
    finally:
        sources._Loader = original
    found = caught.value.problems[0]
    return found.line, found.message, found.hint


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
def test_the_c_loader_is_used_and_reads_the_same_values_and_lines() -> None:
    assert sources._Loader is yaml.CSafeLoader
    fast = sources.load_yaml(GOOD, Path("x.md"), 2)
    sources_loader, sources._Loader = sources._Loader, yaml.SafeLoader
    try:
        slow = sources.load_yaml(GOOD, Path("x.md"), 2)
    finally:
        sources._Loader = sources_loader
    assert fast == slow
    assert fast[1].line_of(("actions", 1, "who")) == 7


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_is_reported_as_the_pure_loader_reports_it(case: str) -> None:
    assert problem(BROKEN[case], yaml.CSafeLoader) == problem(BROKEN[case], yaml.SafeLoader)
