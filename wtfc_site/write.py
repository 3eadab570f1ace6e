"""Write the site: into a temporary folder first, then swap it into place.

If anything fails, the temporary folder is deleted and the old site is left
exactly as it was, so a published site is never half-written. After the
swap the old folder is renamed once more and removed by a process of its
own (``remove_later``), so nobody waits for thousands of folders to go.

Pages can go into that folder as soon as each is made (``Staging.put``, from
any process of the render pool), so a big site's HTML is never all held in
memory; everything else is written by ``Staging.finish``, which then swaps.

A file whose bytes are the same as in the old site is not written again:
the new folder gets a hard link to the old file, which keeps its date, so
tools that copy only changed files (rsync, a live preview) see only real
changes. Where hard links cannot be made, the file is written as usual.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import Problem, SiteError

Outputs = Mapping[PurePosixPath, bytes | Path]
"""Output path -> bytes to write, or a source file to copy (or a file already put in the staging folder)."""

FileIdentity = tuple[int, int, int]
"""(st_ino, st_size, st_mtime_ns): which file a kept page was, so a file swapped in since is not taken for it."""


def file_identity(info: os.stat_result) -> FileIdentity:
    return (info.st_ino, info.st_size, info.st_mtime_ns)


@contextmanager
def build_lock(out_dir: Path, cache_dir: Path) -> Iterator[None]:
    """Hold the one lock for building into ``out_dir``, then tidy what a killed build left beside it.

    Two builds into one folder at once could publish one's page under the other's record (a kept
    page is the old site's file, linked only at the end), so the second waits for the first. The
    lock file is in the cache folder, named after the output folder: the live preview builds into
    a folder of its own, so it never waits for a terminal build, nor the other way round.
    """
    out_dir = out_dir.resolve()
    where = hashlib.sha256(str(out_dir).encode()).hexdigest()[:12]
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        lock = open(cache_dir / f"build-{out_dir.name}-{where}.lock", "a")
    except OSError:  # a cache folder we may not write: build unlocked, as before there was a lock
        tidy_leftovers(out_dir)
        yield
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of this site into {out_dir} is running: waiting for it to finish.",
                  file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            tidy_leftovers(out_dir)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def tidy_leftovers(out_dir: Path) -> None:
    """Remove the staging folders a killed build left beside ``out_dir``; put back an old site it had moved.

    Call only while holding ``build_lock``: then no other build is using them. A build killed between
    the two renames of ``_swap`` leaves no output folder and the old site in ``.NAME.old-PID``. A replaced
    site (``.NAME.gone-…``) is being removed by a process of its own, which may have been stopped:
    another is started, so none is left for ever, but not while the first is still at work on it.
    """
    olds = sorted(leftovers_of(out_dir, "old"), key=lambda p: p.stat().st_mtime_ns)
    if not out_dir.exists() and olds:
        os.replace(olds.pop(), out_dir)
    for leftover in olds + leftovers_of(out_dir, "new"):
        shutil.rmtree(leftover, ignore_errors=True)
    stopped = [gone for gone in leftovers_of(out_dir, "gone") if not _being_removed(gone)]
    if stopped:
        remove_later(*stopped)


_MADE_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
"""What this module puts after ``.NAME.old-``, ``.new-`` and ``.gone-``: no dot, so ``NAME`` is all before
the last dot, and ``.out.new-x.new-abc1`` (staging of a folder named ``out.new-x``) is not taken for out's."""


def leftovers_of(out_dir: Path, kind: str) -> list[Path]:
    """Return the ``.NAME.KIND-…`` folders beside ``out_dir`` that this module made for it and no other.

    Names are compared as text, not as a glob pattern: an output folder named ``out [x]`` would
    otherwise never find its own, and find another folder's (``.out x.…``) instead.
    """
    prefix = f".{out_dir.name}.{kind}-"
    try:
        with os.scandir(out_dir.parent) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(prefix)]
    except OSError:
        return []
    return [out_dir.parent / name for name in sorted(names)
            if name != prefix and _MADE_NAME_CHARACTERS.issuperset(name[len(prefix):])]


_REMOVER_MARK = ".wtfc-remover-pid"
"""A file in a ``.gone-`` folder holding the process id of the remover working on it."""

_REMOVER_TIME_LIMIT = 600
"""Seconds after which a remover still running is not trusted to finish (its id may be another's now)."""

# Run by a Python of its own, so it needs no shell and no ``rm`` on PATH. It forks: the first process
# writes the second's id into each folder and ends at once (the build waits only for that), and the
# second, which nobody waits for, removes everything but that mark, then the folder with it.
_REMOVER = f"""
import os, shutil, sys
folders = sys.argv[1:]
child = os.fork()
if child:
    for folder in folders:
        try:
            with open(os.path.join(folder, {_REMOVER_MARK!r}), "w") as mark:
                mark.write(str(child))
        except OSError:
            pass
    os._exit(0)
for folder in folders:
    try:
        inside = [e for e in os.scandir(folder) if e.name != {_REMOVER_MARK!r}]
    except OSError:
        continue
    for entry in inside:
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)
"""


def remove_later(*folders: Path) -> None:
    """Remove ``folders`` in a process of its own that outlives this one, without waiting for it.

    A replaced site is thousands of folders (at 3,000 pages removing them took 0.4 s of processor time,
    and seconds on a slow disk), which a one-page edit should not wait for. The remover is this
    Python (always there, unlike ``rm`` on PATH), in a session of its own, so stopping the build with
    Ctrl+C does not stop it; it leaves no finished child to collect (see ``_REMOVER``). If it cannot
    be started, the folders are removed here.
    """
    try:
        if not sys.executable:
            raise OSError("no Python to run")
        subprocess.run([sys.executable, "-I", "-S", "-c", _REMOVER, *map(str, folders)],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       start_new_session=True, close_fds=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def _being_removed(gone: Path) -> bool:
    """Return True while the remover whose id is marked in ``gone`` is running (and not for too long)."""
    mark = gone / _REMOVER_MARK
    try:
        started = mark.stat().st_mtime
        pid = int(mark.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return False
    if time.time() - started > _REMOVER_TIME_LIMIT:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # running, as another user
        return True
    return True


def check_outputs(outputs: Outputs, out_dir: Path) -> None:
    """Raise SiteError if any output would land outside ``out_dir``."""
    root = out_dir.resolve()
    bad = [path for path in outputs if path.is_absolute() or ".." in path.parts]
    # A plain name can only lead out through a link inside the old site (its files are linked into the
    # new one), so folders are resolved only when it has one: resolving 10,000 folders took 0.6 s a build.
    if _has_links(str(root)):
        # Resolve each folder once, not each file: a big site has ten files for every folder.
        folders = {path.parent for path in outputs if path not in bad}
        outside = {folder for folder in folders if not (root / folder).resolve().is_relative_to(root)}
        bad += [path for path in outputs if path not in bad and path.parent in outside]
    if bad:
        raise SiteError([Problem(None, None, f"The build tried to write '{p}' outside the output folder.",
                                 hint="Rename the file so its name has no '..' in it.", rule="SITE-OUTPUT")
                         for p in bad])


def _has_links(folder: str) -> bool:
    """Return True when there is a symbolic link anywhere inside ``folder`` (False when it does not exist)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink() or (entry.is_dir(follow_symlinks=False) and _has_links(entry.path)):
                    return True
    except OSError:
        return False
    return False


class Staging:
    """The new site's folder, made beside ``out_dir`` and filled before it takes the old one's place.

    Made by ``staging``, which deletes it if the build does not get as far as ``finish``. Files are
    named by plain strings, not Paths: at 10,000 pages making a Path for each cost more than the
    writing (most files of an edited site are links to the old site's, a cheap call each).
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))
        self._new, self._old = str(self.folder), str(self.out_dir)
        self._made: set[str] = {""}
        self.manifest: dict[str, tuple[int, int]] = {}
        """Output path -> (size, modification time) of every file ``finish`` put in the site, as
        buildcache.output_manifest would find them, without looking at every file again."""

    def put(self, path: PurePosixPath, data: bytes) -> bytes | Path:
        """Write one output now; return the file it is in, to stand for it in the outputs.

        A path that might lead out of the folder is not written: its bytes are returned, and
        ``finish`` refuses it together with any others (one message for all of them).
        """
        if path.is_absolute() or ".." in path.parts:
            return data
        self._place(path.as_posix(), data)
        return self.folder / path

    def finish(self, outputs: Outputs, kept: Mapping[str, FileIdentity] | None = None) -> None:
        """Write every output not yet in the folder, then swap the folder in place of the old site.

        ``kept``: output path -> identity of the old site's file, for each page kept as it was
        (lastbuild.RenderReuse.kept); such a page is linked only if that file is still the one.
        """
        check_outputs(outputs, self.out_dir)
        kept = kept or {}
        prefix = self._new + "/"
        for path, data in sorted(outputs.items()):
            name = path.as_posix()
            if isinstance(data, Path) and str(data) == prefix + name:  # ``put`` wrote it already, maybe in
                info = os.stat(prefix + name)                          # a pool process
                self.manifest[name] = (info.st_size, info.st_mtime_ns)
            else:
                self.manifest[name] = self._place(name, data, kept.get(name))
        _swap(self.folder, self.out_dir)

    def _place(self, name: str, data: bytes | Path, identity: FileIdentity | None = None) -> tuple[int, int]:
        """Put one file in the folder; return its size and modification time."""
        self._folder_of(name)
        target = f"{self._new}/{name}"
        # A file put here before may be a hard link to the old site's file: never write through it.
        if os.path.lexists(target):
            os.unlink(target)
        made = _kept(f"{self._old}/{name}", data, target, identity)
        if made is not None:
            return made
        if isinstance(data, Path):
            shutil.copyfile(data, target)
            info = os.stat(target)
            return (info.st_size, info.st_mtime_ns)
        return _write_bytes(target, data)

    def _folder_of(self, name: str) -> None:
        """Make the folder ``name`` goes in (and those it is in) unless made already."""
        folder = name.rpartition("/")[0]
        if folder in self._made:
            return
        self._folder_of(folder)
        try:
            os.mkdir(f"{self._new}/{folder}")
        except FileExistsError:  # made by a pool process's ``put``
            pass
        self._made.add(folder)


def _write_bytes(target: str, data: bytes) -> tuple[int, int]:
    """Write a new file; return its size and modification time."""
    with open(target, "wb") as handle:
        handle.write(data)
        handle.flush()
        info = os.fstat(handle.fileno())
    return (info.st_size, info.st_mtime_ns)


@contextmanager
def staging(out_dir: Path) -> Iterator[Staging]:
    """Yield a new staging folder for ``out_dir``; delete it unless ``finish`` swapped it in."""
    staged = Staging(out_dir)
    try:
        yield staged
    finally:
        shutil.rmtree(staged.folder, ignore_errors=True)  # gone already after a good swap


def write_site(outputs: Outputs, out_dir: Path, kept: Mapping[str, FileIdentity] | None = None) -> None:
    """Write every output into a new folder and swap it in place of ``out_dir`` (``kept``: as Staging.finish)."""
    check_outputs(outputs, out_dir)
    with staging(out_dir) as staged:
        staged.finish(outputs, kept)


def _kept(old: str, data: bytes | Path, target: str, identity: FileIdentity | None = None) -> tuple[int, int] | None:
    """Link ``target`` to the old site's file when it already holds exactly ``data``; return its size and
    modification time, or None when it must be written.

    ``identity``: for a page kept as it was, the old file it was kept as; raise SiteError if that is no
    longer the file there (another build swapped in its site meanwhile), as its bytes are not known.
    """
    try:
        if isinstance(data, Path) and str(data) == old:  # a page kept as it was (lastbuild.RenderReuse checked it)
            os.link(old, target)
            info = os.stat(target)
            if identity is not None and file_identity(info) != identity:
                os.unlink(target)  # the linked file is checked, not the name: no gap to swap in between
                raise _changed_underneath(Path(old))
            return (info.st_size, info.st_mtime_ns)
        info = os.stat(old)
        new_size = os.stat(data).st_size if isinstance(data, Path) else len(data)
        if info.st_size != new_size or _read(old) != (_read(str(data)) if isinstance(data, Path) else data):
            return None
        os.link(old, target)
    except OSError:  # no old file, or no hard links here: write it (a kept page is copied from the old file)
        if isinstance(data, Path) and str(data) == old and identity is not None and _identity_of(data) != identity:
            raise _changed_underneath(data) from None
        return None
    return (info.st_size, info.st_mtime_ns)


def _read(file: str) -> bytes:
    with open(file, "rb") as handle:
        return handle.read()


def _identity_of(file: Path) -> FileIdentity | None:
    try:
        return file_identity(file.stat())
    except OSError:
        return None


def _changed_underneath(old: Path) -> SiteError:
    return SiteError([Problem(old, None, "This page in the output folder was changed by something else "
                              "(most likely another build) while this build was running, so it was not kept.",
                              hint="Build the site again. The site in the output folder was left as it was.",
                              rule="SITE-WRITE")])


def _swap(new: Path, out_dir: Path) -> None:
    """Put ``new`` where ``out_dir`` is; the old folder is removed only after, without waiting for it.

    Renamed ``.NAME.gone-…`` first: ``tidy_leftovers`` never puts back a folder of that name, so
    a site half removed can never be taken for the one to restore.
    """
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
        _remove_replaced(old, out_dir)


def _remove_replaced(old: Path, out_dir: Path) -> None:
    """Rename the replaced site to a new ``.NAME.gone-PID-…`` (unique: the live preview's process swaps
    again and again, maybe before the last one is removed) and hand that to a remover.

    If it cannot be renamed, it is removed here, while the build waits: an ``.old-`` folder is never
    handed to a remover, as ``tidy_leftovers`` could put it back half removed.
    """
    gone = _gone_name(out_dir)
    try:
        os.rename(old, gone)
    except OSError:
        shutil.rmtree(old, ignore_errors=True)
        return
    remove_later(gone)


def _gone_name(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.gone-{os.getpid()}-{os.urandom(4).hex()}")
