"""A one-page edit loads only what it uses: no process pool machinery, no YAML writer (issue 16)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import TODAY, new_site
from test_build_cache import FILES, append

NOT_NEEDED = ("multiprocessing", "concurrent.futures.process", "ruamel.yaml")
"""Modules a build of a few pages has no use for (a pool starts only from pagework.POOL_FROM pages;
ruamel.yaml writes 'checked' records): together about 0.03 s of processor time to import."""


def _build_loads(site: Path) -> tuple[int, list[str]]:
    script = ("import json, sys; from wtfc_site.cli import main; "
              f"code = main(['build', '--site', {str(site)!r}, '--today', {TODAY.isoformat()!r}]); "
              f"print(json.dumps([code, sorted(m for m in {NOT_NEEDED!r} if m in sys.modules)]))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    code, loaded = json.loads(done.stdout.splitlines()[-1])
    return code, loaded


def test_a_one_page_edit_loads_no_pool_and_no_yaml_writer(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    assert _build_loads(site) == (0, [])  # the first build: three pages, under POOL_FROM
    append(site / "content/updates/2026-02-09-cafe.md", "\nThe cafe sells soup.\n")
    code, loaded = _build_loads(site)
    assert (code, loaded) == (0, [])


def test_library_versions_read_from_folder_names_agree_with_importlib_metadata() -> None:
    from importlib import metadata

    from wtfc_site import buildcache
    assert buildcache._installed_versions() == {name: metadata.version(name) for name in buildcache.LIBRARIES}


def test_a_build_with_nothing_changed_does_not_load_importlib_metadata(tmp_path: Path) -> None:
    """The generator's hash names the libraries' versions without importlib.metadata (0.019 s to import)."""
    site = new_site(tmp_path / "site", FILES)
    _build_loads(site)
    script = ("import json, sys; from wtfc_site.cli import main; "
              f"code = main(['build', '--site', {str(site)!r}, '--today', {TODAY.isoformat()!r}]); "
              "print(json.dumps([code, 'importlib.metadata' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert "(nothing had changed)" in done.stdout
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False]
