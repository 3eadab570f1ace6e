"""The search index, made by Pagefind (installed from PyPI with its program
inside the wheel) from the built pages, so nothing is downloaded at build time.

Pagefind runs on a private copy of the pages, and its files are added to
the outputs, so the site is still written in one swap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

from ..errors import Problem, SiteError

SEARCH_FOLDER = "pagefind"
"""Where the index goes in the site: /pagefind/."""


def search_index(outputs) -> dict[PurePosixPath, bytes]:
    """Return Pagefind's index and scripts for the pages in ``outputs``."""
    work = Path(tempfile.mkdtemp(prefix="wtfc-search-"))
    try:
        for path, data in outputs.items():
            if path.suffix == ".html":
                target = work / path
                target.parent.mkdir(parents=True, exist_ok=True)
                _put(data, target)
        _run_pagefind(work)
        bundle = work / SEARCH_FOLDER
        return {PurePosixPath(SEARCH_FOLDER) / p.relative_to(bundle).as_posix(): p.read_bytes()
                for p in sorted(bundle.rglob("*")) if p.is_file()}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _put(data: bytes | str | Path, target: Path) -> None:
    """Write a page for Pagefind to read; a page kept from the last build is linked, not copied."""
    if isinstance(data, bytes):
        target.write_bytes(data)
        return
    try:
        os.link(data, target)  # Pagefind only reads the page, so sharing its bytes is safe
    except OSError:  # another disk, or no hard links here
        target.write_bytes(Path(data).read_bytes())


def _run_pagefind(folder: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", SEARCH_FOLDER, "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SiteError(_problem(str(exc))) from exc
    if done.returncode != 0 or not (folder / SEARCH_FOLDER / "pagefind.js").is_file():
        raise SiteError(_problem((done.stderr or done.stdout).strip()[-500:]))


def _problem(detail: str) -> Problem:
    return Problem(None, None, f"The search index could not be made: {detail or 'Pagefind gave no reason'}.",
                   hint="Install the search program with 'pip install \"pagefind[extended]\"' "
                        "(it comes from PyPI and needs no internet when it runs).", rule="SITE-SEARCH")


def kept_search_index(site_folder: Path) -> dict[PurePosixPath, Path]:
    """Return the search index files already in a built site, to carry into the next build unchanged."""
    bundle = site_folder.resolve() / SEARCH_FOLDER  # resolved, as the writer compares paths to link them
    if not bundle.is_dir():
        return {}
    return {PurePosixPath(SEARCH_FOLDER) / p.relative_to(bundle).as_posix(): p
            for p in sorted(bundle.rglob("*")) if p.is_file()}
