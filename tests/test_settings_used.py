"""Every setting does something (issue 12 part 6).

A setting that is accepted and documented but never read misleads the
partnership that sets it. The typography, most picture and 'checked by'
settings, ``abbreviations.require_expansion_per_page`` and
``Rule.default_severity`` were such settings, and were removed; this test
keeps new ones from appearing: each field of the site's settings (and of a
checker rule) must be read somewhere outside the class that defines it.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import textwrap
from pathlib import Path

import pytest
from conftest import MINIMAL_SITE_YAML, REPO

from wtfc_site.checker.rules import Rule
from wtfc_site.config import SiteConfig, load_config
from wtfc_site.errors import SiteError

PACKAGE = REPO / "wtfc_site"


def _without_class_bodies(path: Path, names: set[str]) -> str:
    """Return a module's source with the named classes (the definitions themselves) left out."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name in names:
            for i in range(node.lineno - 1, node.end_lineno or node.lineno):
                lines[i] = "\n"
    return "".join(lines)


def _readers(classes: set[str]) -> str:
    """Return all code and layouts, minus the bodies of ``classes``."""
    code = [_without_class_bodies(p, classes) for p in sorted(PACKAGE.rglob("*.py"))]
    layouts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "layouts").rglob("*.html"))]
    return "\n".join(code + layouts)


def _fields(cls: type, prefix: str = "") -> list[tuple[str, str, type]]:
    """Return (dotted path, field name, owning class) for every field, nested settings included."""
    found = []
    for f in dataclasses.fields(cls):
        kind = f.type if isinstance(f.type, type) else None
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        nested = type(default) if dataclasses.is_dataclass(default) else kind
        found.append((prefix + f.name, f.name, cls))
        if nested is not None and dataclasses.is_dataclass(nested):
            found += _fields(nested, prefix + f.name + ".")
    return found


def _setting_classes(cls: type) -> set[str]:
    return {owner.__name__ for _, _, owner in _fields(cls)} | {cls.__name__}


def test_every_setting_in_site_yaml_is_read_by_the_program():
    readers = _readers(_setting_classes(SiteConfig))
    unread = [path for path, name, _ in _fields(SiteConfig) if not re.search(rf"\b{re.escape(name)}\b", readers)]
    assert unread == [], "settings that nothing reads (make them work, or remove them and their README text)"


def test_every_field_of_a_checker_rule_is_read():
    readers = _readers({"Rule"})
    unread = [f.name for f in dataclasses.fields(Rule) if not re.search(rf"\.{f.name}\b", readers)]
    assert unread == []


@pytest.mark.parametrize("setting, offset", [("typography:\n    min_font_px: 20\n", 2),
                                             ("checked_by:\n    stale_months: 6\n", 2),
                                             ("pictures:\n    error_px: 50\n", 3)])
def test_a_removed_setting_is_reported_with_its_line(make_site, setting, offset):
    site = make_site({"content/site.yaml": MINIMAL_SITE_YAML + "checker:\n" + textwrap.indent(setting, "  ")})
    with pytest.raises(SiteError) as caught:
        load_config(site)
    [problem] = caught.value.problems
    assert problem.file.as_posix() == "content/site.yaml" and problem.rule == "SITE-UNKNOWN-KEY"
    assert problem.line == MINIMAL_SITE_YAML.count("\n") + offset
