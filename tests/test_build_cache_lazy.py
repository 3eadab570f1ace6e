"""The build cache's cheap paths stay correct: what they skip or keep never changes what a build says.

test_build_cache.py compares cached builds with clean ones after each kind
of edit; these tests cover how the cache is read (collector paused and given
back, a spoilt or old cache file ignored, a deleted page's result never
coming back) and the nothing-changed path that does not read every finding.
"""

from __future__ import annotations

import gc
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import new_site
from test_build_cache import FILES, append, cached_build, clean_build, edit_page, snapshot

from wtfc_site import buildcache


def test_a_build_gives_every_object_it_froze_back_to_the_collector(tmp_path: Path) -> None:
    """The live preview builds many times in one process: a build's frozen objects must not outlive it."""
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    edit_page(site)
    assert gc.get_freeze_count() == 0
    cached_build(site, tmp_path)  # results of unchanged pages come from the cache, collector paused
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_collector_is_on_again_when_reading_the_cache_fails(tmp_path: Path) -> None:
    store = buildcache.Store(tmp_path / "x.pickle", {"a": b"not a pickle"})
    with pytest.raises(ZeroDivisionError), buildcache.collector_paused():
        assert store.get_many(["a", "", "b"]) == [None, None, None]
        raise ZeroDivisionError
    assert gc.isenabled()
    gc.unfreeze()
