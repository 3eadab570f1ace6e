"""checker_names asks each kind of front matter once whether it names people (issue 16 speed);
every name a minutes or story page gives must still be found, from every page of that kind."""

from __future__ import annotations

import datetime
from pathlib import Path

from wtfc_site.checks import checker_names
from wtfc_site.options import Options
from wtfc_site.pipeline import load_site

EXAMPLE = Path(__file__).resolve().parent.parent


def test_every_minutes_and_story_name_is_found(tmp_path: Path) -> None:
    site = load_site(Options(site_dir=EXAMPLE, out_dir=tmp_path / "out", today=datetime.date(2026, 12, 3),
                             cache_dir=tmp_path / "cache", use_cache=False)).site
    assert site is not None
    names = set(checker_names(site))
    expected: set[str] = set()
    for page in site.pages:
        meta = page.meta
        expected.update(getattr(meta, "chairs", ()))
        expected.update(a.name for a in getattr(meta, "attended", ()))
        expected.update(a.name for a in getattr(meta, "apologies", ()))
        told_by = getattr(meta, "told_by", "")
        if told_by:
            expected.add(told_by.split(",")[0])
    assert len(expected) > 5  # the example site has minutes and stories that name people
    assert expected <= names
