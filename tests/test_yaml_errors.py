"""Broken YAML is reported at the line where the mistake starts, saying what
was left open (issue 13 part 7): the parser's context mark, not only the
place where it gave up."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtfc_site.errors import SiteError
from wtfc_site.sources import load_yaml, read_source


def _problem_of(text: str, first_line: int = 1):
    with pytest.raises(SiteError) as caught:
        load_yaml(text, Path("content/x.yaml"), first_line)
    (problem,) = caught.value.problems
    return problem


def test_an_unclosed_quote_in_front_matter_is_reported_where_it_opens(tmp_path):
    page = tmp_path / "content" / "news.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: "Our trip to the sea\nsummary: A day out.\ndate: 2026-06-01\n'
                    'picture: beach\nupdated: 2026-06-02\norder: 1\n---\nWe went.\n', encoding="utf-8")
    with pytest.raises(SiteError) as caught:
        read_source(page, tmp_path)
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert problem.message == 'The quote (") opened on line 2 is never closed.'
    assert "end of stream" not in problem.message


@pytest.mark.parametrize("text, line, words", [
    ("name: x\narea: 'Riverside\n", 2, "The quote (') opened on line 2 is never closed."),
    ("name: x\nnames: [Asha, Llŷr\narea: y\n", 2, "The '[' opened on line 2 is never closed with ']'."),
    ("name: x\nrules: {ER-ACTIVE: info\narea: y\n", 2, "The '{' opened on line 2 is never closed with '}'."),
    ("name: x\nthis is not a setting\narea: y\n", 2, "Line 2 is not a 'key: value' line."),
    ("name: Our plan: the next step\n", 1, "This line has a ':' that YAML cannot read here."),
    ("name: x\n\tarea: y\n", 2, "This line is indented with a tab."),
])
def test_each_kind_of_mistake_names_its_own_line(text, line, words):
    problem = _problem_of(text)
    assert (problem.line, problem.message, problem.rule) == (line, words, "SITE-YAML")
    assert problem.hint
