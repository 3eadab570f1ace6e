"""Write the site: into a temporary folder first, then swap it into place.

If anything fails, the temporary folder is deleted and the old site is left
exactly as it was, so a published site is never half-written.

A file whose bytes are the same as in the old site is not written again:
the new folder gets a hard link to the old file, which keeps its date, so
tools that copy only changed files (rsync, a live preview) see only real
changes. Where hard links cannot be made, the file is written as usual.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import Problem, SiteError

Outputs = Mapping[PurePosixPath, bytes | Path]
"""Output path -> bytes to write, or a source file to copy."""


def check_outputs(outputs: Outputs, out_dir: Path) -> None:
    """Raise SiteError if any output would land outside ``out_dir``."""
    root = out_dir.resolve()
    # Resolve each folder once, not each file: a big site has ten files for every folder.
    folders = {path.parent for path in outputs}
    outside = {folder for folder in folders if not (root / folder).resolve().is_relative_to(root)}
    bad = [path for path in outputs if path.is_absolute() or ".." in path.parts or path.parent in outside]
    if bad:
        raise SiteError([Problem(None, None, f"The build tried to write '{p}' outside the output folder.",
                                 hint="Rename the file so its name has no '..' in it.", rule="SITE-OUTPUT")
                         for p in bad])


def write_site(outputs: Outputs, out_dir: Path) -> None:
    """Write every output into a new folder and swap it in place of ``out_dir``."""
    check_outputs(outputs, out_dir)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    made: set[Path] = set()
    try:
        for path, data in sorted(outputs.items()):
            target = temp / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if _kept(out_dir / path, data, target):
                continue
            if isinstance(data, Path):
                shutil.copyfile(data, target)
            else:
                target.write_bytes(data)
        _swap(temp, out_dir)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _kept(old: Path, data: bytes | Path, target: Path) -> bool:
    """Link ``target`` to the old site's file when it already holds exactly ``data``; say if it did."""
    try:
        if data == old:  # a page kept as it was (lastbuild.RenderReuse checked it is untouched)
            os.link(old, target)
            return True
        size = old.stat().st_size
        new_size = data.stat().st_size if isinstance(data, Path) else len(data)
        if size != new_size or old.read_bytes() != (data.read_bytes() if isinstance(data, Path) else data):
            return False
        os.link(old, target)
    except OSError:  # no old file, or no hard links here: write it
        return False
    return True


def _swap(new: Path, out_dir: Path) -> None:
    """Put ``new`` where ``out_dir`` is; the old folder is removed only after."""
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out_dir, old)
    try:
        os.replace(new, out_dir)
    except BaseException:
        if old is not None:
            os.replace(old, out_dir)  # put the old site back
        raise
    new_mode = 0o755
    os.chmod(out_dir, new_mode)  # mkdtemp makes it private; a web server must read it
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
