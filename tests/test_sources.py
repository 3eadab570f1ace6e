"""Reading YAML and front matter while keeping the line of every key (wtfc_site/sources.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtfc_site.errors import SiteError
from wtfc_site.sources import LineMap, load_yaml, read_source, split_front_matter

FILE = Path("content/about.md")


def test_split_front_matter_gives_lines_of_both_parts():
    meta, meta_line, body, body_line = split_front_matter("---\ntitle: A\nsummary: B\n---\nHello.\nMore.\n")
    assert meta == "title: A\nsummary: B\n"
    assert meta_line == 2
    assert body == "Hello.\nMore.\n"
    assert body_line == 5


def test_a_file_without_front_matter_is_all_body():
    meta, meta_line, body, body_line = split_front_matter("Hello.\n---\nMore.\n")
    assert meta is None
    assert body == "Hello.\n---\nMore.\n"
    assert body_line == 1


def test_front_matter_may_end_with_dots():
    meta, _, body, body_line = split_front_matter("---\ntitle: A\n...\nHello.\n")
    assert meta == "title: A\n"
    assert (body, body_line) == ("Hello.\n", 4)


def test_windows_line_endings():
    meta, meta_line, body, body_line = split_front_matter("---\r\ntitle: A\r\n---\r\nHello.\r\n")
    assert meta is not None and meta.strip() == "title: A"
    assert (meta_line, body_line) == (2, 4)
    assert body.strip() == "Hello."


def test_load_yaml_remembers_the_line_of_every_key():
    text = "title: A\nactions:\n  - id: a1\n    by: 2026-01-01\n  - id: a2\n    by: 2026-02-01\n"
    value, lines = load_yaml(text, FILE, first_line=2)
    assert value["actions"][1]["id"] == "a2"
    assert lines.line_of(("title",)) == 2
    assert lines.line_of(("actions",)) == 3
    assert lines.line_of(("actions", 0, "by")) == 5
    assert lines.line_of(("actions", 1)) == 6
    assert lines.line_of(("actions", 1, "by")) == 7


def test_line_of_an_unknown_key_falls_back_to_its_parent():
    _, lines = load_yaml("contact:\n  email: a@b.c\n", FILE, first_line=10)
    assert lines.line_of(("contact", "phone")) == 10
    assert lines.line_of(("nothing", "at", "all")) == 10


def test_empty_line_map_gives_the_first_line():
    assert LineMap({}, 7).line_of(("title",)) == 7


def test_empty_yaml_is_none():
    value, lines = load_yaml("", FILE, first_line=2)
    assert value is None
    assert lines.line_of(("x",)) == 2


def test_broken_yaml_raises_with_the_line_in_the_file():
    with pytest.raises(SiteError) as caught:
        load_yaml("title: A\nsummary: B\n  bad: C\n", FILE, first_line=2)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == (FILE, 4, "SITE-YAML")


def test_every_duplicate_key_in_a_mapping_is_reported():
    with pytest.raises(SiteError) as caught:
        load_yaml("title: A\ntitle: B\nsummary: C\nsummary: D\n", FILE)
    assert [(p.line, p.rule) for p in caught.value.problems] == [(2, "SITE-YAML-DUPLICATE"),
                                                                  (4, "SITE-YAML-DUPLICATE")]


def test_yaml_values_keep_their_types():
    value, _ = load_yaml("draft: yes\norder: 3\ndate: 2026-01-21\nname: '01632'\n", FILE)
    import datetime as dt
    assert value == {"draft": True, "order": 3, "date": dt.date(2026, 1, 21), "name": "01632"}


def test_yaml_tags_that_would_run_code_are_refused():
    with pytest.raises(SiteError) as caught:
        load_yaml("summary: A\ntitle: !!python/name:os.system\n", FILE)
    [problem] = caught.value.problems
    assert (problem.line, problem.rule) == (2, "SITE-YAML")


def test_tagged_lists_are_read_as_plain_lists():
    value, _ = load_yaml("title: !!python/object/apply:os.system ['echo hi']\n", FILE)
    assert value == {"title": ["echo hi"]}


def write(tmp_path: Path, text: str | bytes, name: str = "content/about.md") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_read_source_splits_and_offsets_lines(tmp_path):
    path = write(tmp_path, "---\ntitle: About\nsummary: Us\n---\nHello.\n")
    raw = read_source(path, tmp_path)
    assert raw.file == FILE
    assert raw.path == path
    assert raw.meta == {"title": "About", "summary": "Us"}
    assert raw.lines.line_of(("summary",)) == 3
    assert raw.body == "Hello.\n"
    assert raw.body_line == 5


def test_read_source_ignores_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "\ufeff---\ntitle: About\n---\nHello.\n".encode("utf-8"))
    raw = read_source(path, tmp_path)
    assert raw.meta == {"title": "About"}
    assert raw.body_line == 4


def test_read_source_refuses_front_matter_that_is_not_key_value(tmp_path):
    path = write(tmp_path, "---\n- a\n- b\n---\nHello.\n")
    with pytest.raises(SiteError) as caught:
        read_source(path, tmp_path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == (FILE, 2, "SITE-YAML")


def test_read_source_refuses_text_that_is_not_utf8(tmp_path):
    path = write(tmp_path, "---\ntitle: About\n---\nCaf\xe9 on line four.\n".encode("latin-1"))
    with pytest.raises(SiteError) as caught:
        read_source(path, tmp_path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.rule) == (FILE, 4, "SITE-ENCODING")


def test_read_source_with_empty_front_matter(tmp_path):
    path = write(tmp_path, "---\n---\nHello.\n")
    raw = read_source(path, tmp_path)
    assert raw.meta == {}
    assert raw.body_line == 3
