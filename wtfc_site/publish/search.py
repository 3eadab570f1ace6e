"""The search index, made by Pagefind (installed from PyPI with its program
inside the wheel) from the built pages, so nothing is downloaded at build time.

Pagefind runs on a private copy of the pages, and its files are added to
the outputs, so the site is still written in one swap. The copy is made
beside the output folder: on the same disk, so most pages are hard links,
and not in /tmp, which may be a slow disk when the output is a RAM disk.

Pagefind reads only the built HTML, so when every HTML file has the same
bytes as in the last build, its index in the output folder is kept as it
is (``SearchReuse``): Pagefind costs about 2 s of processor time for each
1,000 pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..buildcache import digest
from ..errors import Problem, SiteError

SEARCH_FOLDER = "pagefind"
"""Where the index goes in the site: /pagefind/."""


def search_index(outputs, work_in: Path | None = None) -> dict[PurePosixPath, bytes]:
    """Return Pagefind's index and scripts for the pages in ``outputs``.

    ``work_in``: the folder to make Pagefind's private copy in (default: the system's temporary folder).
    """
    if work_in is not None:
        work_in.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".wtfc-search-", dir=work_in))
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


@dataclass
class SearchReuse:
    """Keeps the last build's search index when the HTML it was made from is byte for byte the same.

    The index is a function of the HTML files (their paths and bytes) and
    Pagefind's version (which is in ``generator``, part of the fingerprint).
    """

    out_dir: Path
    generator: str
    last_fingerprint: str = ""
    """The fingerprint of the HTML the index now in ``out_dir`` was made from ('' when unknown)."""
    last_hashes: dict[str, str] = field(default_factory=dict)
    """HTML path -> hash of its bytes, in the last build."""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The last build's output files -> (size, modification time), to see the index is untouched."""
    fingerprint: str = ""
    """This build's fingerprint, once ``kept`` has looked."""
    hashes: dict[str, str] = field(default_factory=dict)

    def kept(self, outputs: Mapping[PurePosixPath, bytes | Path]) -> dict[PurePosixPath, Path] | None:
        """Return the index files to keep, or None when Pagefind must run again."""
        self.hashes = {path.as_posix(): self._hash(path, data) for path, data in outputs.items()
                       if path.suffix == ".html"}
        self.fingerprint = digest("search", self.generator, *(f"{name}\0{value}" for name, value
                                                             in sorted(self.hashes.items())))
        if not self.last_fingerprint or self.fingerprint != self.last_fingerprint:
            return None
        files = kept_search_index(self.out_dir)
        prefix = SEARCH_FOLDER + "/"
        recorded = {name for name in self.manifest if name.startswith(prefix)}
        if not files or {path.as_posix() for path in files} != recorded:
            return None
        for path, file in files.items():
            info = file.stat()
            if (info.st_size, info.st_mtime_ns) != self.manifest.get(path.as_posix()):
                return None  # someone changed the index in the output folder: make it again
        return files

    def _hash(self, path: PurePosixPath, data: bytes | Path) -> str:
        if isinstance(data, bytes):
            return digest(data)
        if data == self.out_dir / path and path.as_posix() in self.last_hashes:
            return self.last_hashes[path.as_posix()]  # a page kept from the last build as it was
        return digest(Path(data).read_bytes())
