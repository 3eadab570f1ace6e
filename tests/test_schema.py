"""YAML values into typed dataclasses, with every mistake reported (wtfc_site/schema.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from wtfc_site.errors import SiteError
from wtfc_site.schema import field_docs, load_dataclass
from wtfc_site.sources import load_yaml

FILE = Path("content/thing.yaml")


@dataclass(frozen=True, kw_only=True)
class Job:
    """A job."""

    what: str
    """What will be done."""
    by: dt.date
    """When by."""
    status: Literal["to do", "doing", "done"] = "to do"


@dataclass(frozen=True, kw_only=True)
class Thing:
    """Something with every kind of field."""

    title: str
    """The title."""
    count: int = 0
    ratio: float = 0.0
    shown: bool = False
    when: dt.date | None = None
    names: tuple[str, ...] = ()
    jobs: tuple[Job, ...] = ()
    answer: Literal["yes", "no", "maybe"] = "maybe"
    extra: dict[str, int] = field(default_factory=dict)


def load(text: str, cls=Thing):
    value, lines = load_yaml(text, FILE)
    return load_dataclass(cls, value, lines, FILE)


def problems(text: str, cls=Thing) -> list[tuple[int | None, str]]:
    with pytest.raises(SiteError) as caught:
        load(text, cls)
    return [(p.line, p.rule) for p in caught.value.problems]


def test_every_kind_of_field_is_converted():
    thing = load("title: T\ncount: 3\nratio: 2\nshown: yes\nwhen: 2026-01-21\nnames: [a, b]\n"
                 "jobs:\n  - {what: W, by: 2026-02-01, status: done}\nanswer: no\nextra: {a: 1}\n")
    assert thing == Thing(title="T", count=3, ratio=2.0, shown=True, when=dt.date(2026, 1, 21),
                          names=("a", "b"), jobs=(Job(what="W", by=dt.date(2026, 2, 1), status="done"),),
                          answer="no", extra={"a": 1})


def test_defaults_are_used_when_keys_are_left_out():
    assert load("title: T\n") == Thing(title="T")


def test_a_single_item_may_be_written_without_a_dash():
    assert load("title: T\nnames: only one\n").names == ("only one",)


def test_numbers_and_dates_are_accepted_as_text():
    assert load("title: 2026\n").title == "2026"
    assert load("title: 2026-01-21\n").title == "2026-01-21"


def test_dates_may_be_quoted():
    assert load("title: T\nwhen: '2026-01-21'\n").when == dt.date(2026, 1, 21)


def test_yes_and_no_fit_a_literal_that_names_them():
    assert load("title: T\nanswer: yes\n").answer == "yes"


def test_unknown_key_with_a_close_match():
    with pytest.raises(SiteError) as caught:
        load("title: T\ncuont: 3\n")
    [problem] = caught.value.problems
    assert (problem.line, problem.rule, problem.hint) == (2, "SITE-UNKNOWN-KEY", "Did you mean 'count'?")


def test_unknown_key_without_a_close_match_lists_the_known_ones():
    with pytest.raises(SiteError) as caught:
        load("title: T\nzzzzzz: 3\n")
    [problem] = caught.value.problems
    assert problem.rule == "SITE-UNKNOWN-KEY"
    assert "count" in problem.hint and "title" in problem.hint


@pytest.mark.parametrize("text, line, rule", [
    ("title: T\ncount: lots\n", 2, "SITE-TYPE"),
    ("title: T\nratio: [1]\n", 2, "SITE-TYPE"),
    ("title: T\nshown: maybe\n", 2, "SITE-TYPE"),
    ("title: [a, b]\n", 1, "SITE-TYPE"),
    ("title: T\nwhen: 31/02/2026\n", 2, "SITE-DATE"),
    ("title: T\nwhen: next week\n", 2, "SITE-DATE"),
    ("title: T\nwhen: '2026-02-31'\n", 2, "SITE-DATE"),
    ("title: T\nnames: {a: 1}\n", 2, "SITE-TYPE"),
    ("title: T\nanswer: perhaps\n", 2, "SITE-VALUE"),
    ("title: T\nextra: [1, 2]\n", 2, "SITE-TYPE"),
    ("title: T\njobs:\n  - what: W\n    by: soon\n", 4, "SITE-DATE"),
    ("title: T\njobs:\n  - what: W\n    by: 2026-01-01\n    status: finished\n", 5, "SITE-VALUE"),
    ("title: T\njobs:\n  - just words\n", 3, "SITE-TYPE"),
])
def test_each_wrong_value_names_its_line_and_rule(text, line, rule):
    assert problems(text) == [(line, rule)]


def test_a_bool_is_not_a_number():
    assert problems("title: T\ncount: yes\n") == [(2, "SITE-TYPE")]


def test_missing_required_field_is_reported_at_the_start():
    found = problems("count: 3\n")
    assert (1, "SITE-MISSING") in found


def test_missing_field_in_a_list_item_names_the_item_line():
    found = problems("title: T\njobs:\n  - what: W\n  - by: 2026-01-01\n")
    assert (3, "SITE-MISSING") in found  # the first job has no 'by'
    assert (4, "SITE-MISSING") in found  # the second job has no 'what'


def test_every_mistake_in_a_file_is_reported_at_once():
    found = problems("title: T\ncount: lots\nshown: maybe\ncuont: 1\nwhen: soon\n")
    assert sorted(found) == [(2, "SITE-TYPE"), (3, "SITE-TYPE"), (4, "SITE-UNKNOWN-KEY"), (5, "SITE-DATE")]


def test_settings_that_are_not_a_mapping():
    assert problems("- a\n- b\n") == [(1, "SITE-TYPE")]


def test_empty_yaml_means_no_settings():
    assert (1, "SITE-MISSING") in problems("")


def test_field_docs_reads_the_docstring_under_each_field():
    docs = field_docs(Thing)
    assert docs["title"] == "The title."
    assert "count" not in docs
