"""The build cache: results kept between builds, found by content hashes.

Every key is a hash of the bytes something was made from, never of a
file's date or size, so a result can only be reused when its inputs are
byte for byte the same, and a stale page is impossible. (Only the reading of
those bytes is skipped for a file whose size, times, inode and device are as
at the last look, and had been still for 2 s then: ``SeenFiles``.)

- ``generator``: every file of this program (code, data, default layouts,
  default pictures) and the versions of the libraries that shape the output;
- ``site inputs``: every file in the site's content/, layouts/ and
  easyread_images/, a settings file misplaced at its top level, plus the
  build options (date, drafts);
- a page's key: its own bytes plus everything a page's conversion and
  easy-read check read from the rest of the site (settings, glossary, short
  forms, picture library, the addresses and front matter of all pages).

The cache lives in the site's ``.wtfc-cache/`` folder, outside the output,
so writing the site (a swap of whole folders) never loses it. A cache that
cannot be read is treated as empty: the build is then simply slower.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .defaults import default_layouts, default_pictures
from .hashing import digest
from .resultstore import Store, collector_paused

__all__ = ["Store", "collector_paused"]  # kept here too: the stages have always found them here

CACHE_FORMAT = 4
"""Bump when the shape of what is stored changes."""

SITE_FOLDERS = ("content", "layouts", "easyread_images")
"""The folders of a site whose files can change what the build makes."""

TOP_LEVEL_FILES = ("site.yaml",)
"""Files at the top of a site, outside SITE_FOLDERS, that change what a build says.

A settings file there is refused (config._candidate_configs, SITE-CONFIG-PLACE),
so adding one must not look like "nothing changed". Spelled out here, not
imported from config, so that this module stays light to import.
"""

LIBRARIES = ("markdown", "jinja2", "nh3", "pyyaml", "pillow", "markupsafe", "wordfreq", "lxml")
"""Libraries whose version can change the bytes written or what the checks find
(wordfreq: which words are hard; lxml: the visible text of a built page)."""


def files_under(folder: Path) -> list[Path]:
    """Return every file below ``folder``, sorted, skipping Python's own caches."""
    return [folder / name for name in _names_under(str(folder))]


def _names_under(folder: str, prefix: str = "") -> list[str]:
    """Return every file below ``folder`` as a sorted relative name ('a/b.md'), skipping Python's caches.

    Plain strings and os.scandir, not Path objects: at 10,000 pages making and
    relating Paths cost more than reading and hashing the files.
    """
    names: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return names
    for entry in entries:
        if entry.is_dir():  # a link to a folder is not followed, as os.walk does not
            if entry.name != "__pycache__" and not entry.is_symlink():
                names.extend(_names_under(entry.path, prefix + entry.name + "/"))
        elif not entry.name.endswith(".pyc"):
            names.append(prefix + entry.name)
    return names


def hash_files(paths: Iterable[Path], relative_to: Path, heads: dict[str, str] | None = None) -> dict[str, str]:
    """Return {path relative to the folder: hash of its bytes}.

    With ``heads``, also put there the hash of each Markdown file's front
    matter (see ``front_matter_bytes``).
    """
    root = str(relative_to)
    return _hash_names([Path(path).relative_to(relative_to).as_posix() for path in paths], root, heads)


StatKey = tuple[int, int, int, int, int]
"""A file's size, modification and change times (ns), inode and device: ``_stat_key``."""

SEEN_FILES = "input-stats.pickle"
"""In the cache folder: each input file's StatKey with the hashes last made from its bytes."""

SETTLED_NS = 2_000_000_000
"""How long ago a file must have last changed before its StatKey is trusted next time (2 s)."""


@dataclass
class SeenFiles:
    """The hashes of input files as last read, kept with each file's StatKey so the next build need not read it.

    A file's change time (ctime) moves on every write and cannot be set back by
    a program (unlike its modification time), so an edit that keeps the size and
    the modification time still shows. A file that changed less than SETTLED_NS
    before it was read is not remembered: a second write in the same clock tick
    could leave every number the same.
    """

    before: dict[str, tuple[StatKey, str, str]]
    """Name -> (StatKey, hash of its bytes, hash of its front matter or '') from the last build."""
    now: dict[str, tuple[StatKey, str, str]] = field(default_factory=dict)
    settled_before: int = field(default_factory=lambda: time.time_ns() - SETTLED_NS)

    def known(self, name: str, key: StatKey) -> tuple[str, str] | None:
        """Return (hash, front-matter hash) of a file unchanged since last read, else None."""
        seen = self.before.get(name)
        if seen is None or seen[0] != key:
            return None
        self.now[name] = seen
        return seen[1], seen[2]

    def remember(self, name: str, key: StatKey, value: str, head: str) -> None:
        """Keep a file's hashes for next time, if it has been still long enough to trust its StatKey."""
        if key[1] < self.settled_before and key[2] < self.settled_before:
            self.now[name] = (key, value, head)


def _stat_key(info: os.stat_result) -> StatKey:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def _hash_names(names: Iterable[str], root: str, heads: dict[str, str] | None = None,
                prefix: str = "", seen: SeenFiles | None = None) -> dict[str, str]:
    """Return {prefix + name: hash of its bytes} for files named relative to ``root`` (see hash_files).

    With ``seen``, a file whose StatKey is as last time is not read again (see SeenFiles).
    """
    hashes = {}
    for name in names:
        key: StatKey | None = None
        if seen is not None:
            try:
                key = _stat_key(os.stat(os.path.join(root, name)))
            except OSError:
                continue  # vanished while we looked: the build itself will say so
            known = seen.known(prefix + name, key)
            if known is not None:
                hashes[prefix + name] = known[0]
                if heads is not None and known[1]:
                    heads[prefix + name] = known[1]
                continue
        try:
            with open(os.path.join(root, name), "rb") as handle:
                data = handle.read()
        except OSError:
            continue  # vanished while we looked: the build itself will say so
        name = prefix + name
        hashes[name] = digest(data)
        if heads is not None and name.endswith((".md", ".markdown")):
            heads[name] = digest(front_matter_bytes(data))
        if seen is not None and key is not None:
            seen.remember(name, key, hashes[name], heads.get(name, "") if heads is not None else "")
    return hashes


def front_matter_bytes(data: bytes) -> bytes:
    """Return the start of a page file up to the end of its front matter (the whole file if unsure).

    Never shorter than the front matter sources.split_front_matter reads,
    so equal hashes always mean equal front matter.
    """
    if not data.startswith(b"---"):
        return data
    start = data.find(b"\n") + 1
    while 0 < start < len(data):
        end = data.find(b"\n", start)
        line = data[start:] if end < 0 else data[start:end]
        if line.rstrip() in (b"---", b"..."):
            return data[:start + len(line)]
        if end < 0:
            break
        start = end + 1
    return data


def combine(hashes: dict[str, str]) -> str:
    """Return one hash for a {name: hash} table."""
    return digest(*(f"{name}\0{value}" for name, value in sorted(hashes.items())))


def generator_key() -> str:
    """Return the hash of this program and the libraries that shape its output."""
    package = Path(__file__).resolve().parent
    parts = [f"format {CACHE_FORMAT}"]
    for label, folder in (("code", package), ("layouts", default_layouts()), ("pictures", default_pictures())):
        if folder.is_dir():
            parts.append(label + combine(_hash_names(_names_under(str(folder)), str(folder))))
    found = _installed_versions()
    for name in LIBRARIES:
        parts.append(f"{name} {found.get(name) or _metadata_version(name)}")
    return digest(*parts)


def _installed_versions() -> dict[str, str]:
    """Return {library: version} for LIBRARIES installed as wheels, from their folders' names on sys.path.

    A wheel's metadata folder is named 'name-version.dist-info', so listing the folders
    gives what importlib.metadata.version would, without importing it and the email,
    zipfile and csv modules it needs (0.019 s of processor time, a sixth of a build with
    nothing to do). The first folder on sys.path that holds a library wins, as for an import.
    """
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            stem = folder.removesuffix(".dist-info")
            if stem != folder and stem.count("-") == 1:
                name, version = stem.split("-")
                name = name.lower().replace("_", "-").replace(".", "-")
                if name in LIBRARIES and name not in found:
                    found[name] = version
    return found


def _metadata_version(name: str) -> str:
    """Return a library's version as importlib.metadata finds it (not installed as a wheel), or 'none'."""
    from importlib import metadata  # only here, for start-up speed: see _installed_versions
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


@dataclass(frozen=True)
class SiteInputs:
    """The hash of every input file of one site, and of the build's options."""

    files: dict[str, str]
    """Path relative to the site folder -> hash of its bytes."""
    options: str
    generator: str
    heads: dict[str, str] = field(default_factory=dict)
    """Markdown file -> hash of its front matter only (a body edit leaves it the same)."""

    @cached_property
    def key(self) -> str:
        """Return one hash for all of it: equal keys mean an identical build.

        Worked out once: a build asks for it several times, and each time cost 5 ms at 3,000 pages."""
        return digest(self.generator, self.options, combine(self.files))

    def of(self, path: Path, site_dir: Path) -> str:
        """Return the hash of one input file (empty when it is not one)."""
        # A file found under the folder as it was given: no look-up on the disk (10,000 of them cost 1 s),
        # and its name cut from the string (Path.relative_to for 3,000 pages cost 0.04 s of an edit build).
        text, folder = str(path), str(site_dir).rstrip(os.sep) + os.sep
        if text.startswith(folder):
            return self.files.get(text[len(folder):].replace(os.sep, "/"), "")
        try:
            return self.files.get(path.relative_to(site_dir).as_posix(), "")
        except ValueError:
            pass
        try:
            return self.files.get(path.resolve().relative_to(site_dir.resolve()).as_posix(), "")
        except ValueError:
            return ""

    def shared_key(self, page_files: set[str], body_layouts: Iterable[str] = ()) -> str:
        """Return the hash of every input except the page files and the layouts a body does not use.

        It is part of each page's key: a change to the settings, glossary,
        short forms or pictures reaches every page's conversion and check,
        and so does a change to the site's hard word components, which the
        conversion renders (``body_layouts``, named inside layouts/:
        wordmarkup.BODY_LAYOUTS; passed in so that this module stays light to
        import for a build with nothing to do). When the site has its own
        copy of any of them, every file under layouts/ counts, as that copy
        may import, include or extend any of them.
        """
        body_layouts = {f"layouts/{name}" for name in body_layouts}
        # A site's own component may import, include or extend any other layout file of the site,
        # which its name alone does not show: then every layout file is part of a body.
        overridden = any(name in self.files for name in body_layouts)
        rest = {name: value for name, value in self.files.items()
                if name not in page_files
                and (not name.startswith("layouts/") or overridden or name in body_layouts)}
        return digest(self.generator, self.options, combine(rest))


def site_inputs(site_dir: Path, options: str, cache_dir: Path | None = None) -> SiteInputs:
    """Return the hashes of the site's input files and the build options.

    With ``cache_dir``, files unchanged since the last look there (same StatKey) are not
    read again: at 10,000 pages reading and hashing every file cost 0.12 s of processor
    time, a stat of each 0.02 s.
    """
    site_dir = site_dir.resolve()
    files: dict[str, str] = {}
    heads: dict[str, str] = {}
    root = str(site_dir)
    seen = _load_seen(cache_dir, root) if cache_dir is not None else None
    for folder in SITE_FOLDERS:
        files.update(_hash_names(_names_under(os.path.join(root, folder)), os.path.join(root, folder),
                                 heads if folder == "content" else None, prefix=folder + "/", seen=seen))
    # Whether it exists is part of the hash too: only a file that exists gets an entry.
    files.update(_hash_names([name for name in TOP_LEVEL_FILES if os.path.isfile(os.path.join(root, name))], root))
    if seen is not None and cache_dir is not None and seen.now != seen.before:
        save_pickle(cache_dir / SEEN_FILES, {"format": CACHE_FORMAT, "root": root, "files": seen.now})
    return SiteInputs(files, options, generator_key(), heads)


def _load_seen(cache_dir: Path, root: str) -> SeenFiles:
    """Return the last look's StatKeys and hashes for this site folder (none if unreadable or another folder's)."""
    stored = load_pickle(cache_dir / SEEN_FILES)
    if stored is None or stored.get("root") != root or not isinstance(stored.get("files"), dict):
        return SeenFiles({})
    return SeenFiles(stored["files"])


@contextmanager
def thawed_after() -> Iterator[None]:
    """Give the objects ``collector_paused`` froze back to the collector when a build ends.

    A build's objects are garbage once it is over; in the live preview, which
    builds again and again in one process, frozen ones would never be collected.
    """
    try:
        yield
    finally:
        gc.unfreeze()


def save_pickle(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` through a temporary file, so a reader never sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}")
        with temp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # no cache next time; the site itself was built correctly


def load_pickle(path: Path) -> Any:
    """Return what ``save_pickle`` wrote, or None."""
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        return value if isinstance(value, dict) and value.get("format") == CACHE_FORMAT else None
    except Exception:  # see Store.open
        return None


def output_manifest(out_dir: Path) -> dict[str, tuple[int, int]]:
    """Return {file: (size, modification time in ns)} for every file in the output folder."""
    manifest: dict[str, tuple[int, int]] = {}
    _scan(str(out_dir), "", manifest)  # os.scandir: half the time of os.walk plus a stat per file
    return manifest


def _scan(folder: str, prefix: str, manifest: dict[str, tuple[int, int]]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, prefix + entry.name + "/", manifest)
            else:
                info = entry.stat()
                manifest[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
