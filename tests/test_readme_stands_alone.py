"""The README stands alone (issue 13 part 10): every file format a site uses
and every easy-read rule the checker applies are documented inside the
repository, and nothing points outside it."""

from __future__ import annotations

import re

from conftest import REPO

from wtfc_site.checker.rules import RULES

README = (REPO / "README.md").read_text(encoding="utf-8")
RULES_DOC = REPO / "docs" / "easyread-rules.md"


def test_the_readme_points_at_nothing_outside_the_repository():
    assert "shared/" not in README  # the team's notes are not part of the repository
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith(("http", "/", "mailto:")):
            assert (REPO / target).exists(), target


def test_every_file_format_a_site_uses_has_its_own_section():
    for name in ("content/site.yaml", "content/glossary.yaml", "content/abbreviations.yaml",
                 "cycle.yaml", "statements.csv", "themes.yaml", "causes.yaml", "success.yaml", "ideas.yaml",
                 "plans.yaml", "review.yaml", "content/checklist/<YYYY-MM>.yaml", "content/checklist/definition.yaml"):
        assert re.search(rf"^#+ .*`?{re.escape(name)}`?", README, re.MULTILINE), name
    assert "names_checked" in README and "slug:" in README


def test_every_rule_the_checker_applies_is_described_in_the_rules_document():
    text = RULES_DOC.read_text(encoding="utf-8")
    assert "docs/easyread-rules.md" in README
    missing = [rule.id for rule in RULES if f"`{rule.id}`" not in text]
    assert missing == []
