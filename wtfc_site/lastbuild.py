"""What the last finished build was made from, so an identical build is skipped.

After a build is written, we keep the hash of every input (SiteInputs.key),
what the build said (its problems, page and picture counts) and the size
and time of every file it left in the output folder. The next build with
the same inputs, whose output folder is still exactly as it was left,
has nothing to do and says the same again. Any changed input byte, option,
program file or output file means a real build.

The record is two files: a small one of plain values (keys, the output's
file list, what each page was rendered from), read by every build, and one
of the problems, read only when nothing changed. At 10,000 pages the
problems are a few hundred thousand findings, and unpickling them took a
second or more of every rebuild that never used them.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .buildcache import CACHE_FORMAT, SiteInputs, load_pickle, output_manifest, save_pickle
from .errors import Problem
from .output import Findings, build_findings

RECORD = "last-build.marshal"
"""The plain part: marshal reads a table of a few thousand file names some fifty times faster than pickle."""
PROBLEMS = "last-build-problems.pickle"
SAID = "last-build-said.pickle"
"""What 'build' printed of the problems (output.Findings): the command line's nothing-changed path reads
only this, as unpickling every finding took most of such a build (0.7 s at 10,000 pages)."""
RECORD_FORMAT = (CACHE_FORMAT, 1, sys.version_info[:2])
"""marshal's format belongs to one version of Python; another version's record is simply not used."""


@dataclass(frozen=True)
class LastBuild:
    """What the last build said."""

    problems: Sequence[Problem]
    """Every problem (a findings.ProblemList: packed page by page); empty when only ``findings`` was asked for."""
    pages: int
    chosen: int
    findings: Findings | None = None
    """What build printed of them, when asked for instead of every problem."""


def last_record(out_dir: Path, cache_dir: Path) -> dict[str, Any] | None:
    """Return the plain record of the last build into ``out_dir``, or None when there is none."""
    try:
        record = marshal.loads((cache_dir / RECORD).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # none yet, half written, or another Python's
        return None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        return None
    return record if record.get("out") == str(out_dir.resolve()) else None


def unchanged_build(out_dir: Path, cache_dir: Path, inputs: SiteInputs, *,
                    every_problem: bool = True) -> LastBuild | None:
    """Return the last build's report if it was made from exactly these inputs and its output is untouched.

    ``every_problem=False``: only what build printed of them (LastBuild.findings), which is much less to read.
    """
    record = last_record(out_dir, cache_dir)
    if record is None or record.get("key") != inputs.key:
        return None
    if not out_dir.is_dir() or output_manifest(out_dir) != record.get("manifest"):
        return None  # someone changed, added or deleted a file in the output: build it again
    said = load_pickle(cache_dir / (PROBLEMS if every_problem else SAID))
    if said is None or said.get("key") != inputs.key:
        return None
    if every_problem:
        return LastBuild(said["problems"], record["pages"], record["chosen"])
    findings = said.get("findings")
    return LastBuild([], record["pages"], record["chosen"], findings) if isinstance(findings, Findings) else None


def remember_build(out_dir: Path, cache_dir: Path, inputs: SiteInputs, problems: Sequence[Problem],
                   pages: int, chosen: int, rendered: RenderReuse | None = None,
                   search: tuple[str, dict[str, str]] | None = None, findings: Findings | None = None,
                   manifest: dict[str, tuple[int, int]] | None = None) -> None:
    """Keep what this build was made from and left behind, for the next build.

    ``search``: the fingerprint and page hashes the search index now in the output was made from
    (publish.search.SearchReuse; None when the build kept an older index without looking, as the
    live preview does). ``findings``: what build printed of the problems, when already worked out.
    ``manifest``: the output's files as the writer left them (write.Staging.manifest), so they are not
    all looked at again (0.08 s at 3,000 pages); without it the output folder is read.
    """
    save_pickle(cache_dir / PROBLEMS, {"format": CACHE_FORMAT, "key": inputs.key, "problems": problems})
    save_pickle(cache_dir / SAID, {"format": CACHE_FORMAT, "key": inputs.key, "findings": findings or build_findings(problems)})
    record = {"format": RECORD_FORMAT, "key": inputs.key, "out": str(out_dir.resolve()),
              "manifest": output_manifest(out_dir) if manifest is None else manifest, "pages": pages, "chosen": chosen, "rendered": rendered.made if rendered else {},
              "facts": rendered.found if rendered else {}, "lists": rendered.lists if rendered else {},
              "search": search[0] if search else "", "html": search[1] if search else {}}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temp = cache_dir / f".{RECORD}.{os.getpid()}"
        temp.write_bytes(marshal.dumps(record))
        os.replace(temp, cache_dir / RECORD)  # written last: a record names problems that are already saved
    except OSError:
        pass  # no record: the next build is done in full, and is still right


@dataclass
class RenderReuse:
    """Finds pages whose rendered file in the output folder can be kept as it is.

    A page's render key hashes everything its layout can read: its own
    file, every page's front matter, the settings, glossary, pictures and
    data files, the layouts, this program and the build date. (A layout may
    use any page's front matter, but only its own page's body.) A page
    whose layout listed the pictures the whole site uses (the credits) was
    also made from that set (``pictures``), so its key then covers it too:
    one page showing a new picture renders those pages again, not every
    page. When the key is the one the file in the output folder was made
    with, and the file is untouched since, the file is kept instead of
    rendering the page again.
    """

    out_dir: Path
    keys: dict[str, str]
    """Page id -> this build's render key."""
    previous: dict[str, str] = field(default_factory=dict)
    """Output path -> the render key it was made with."""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)
    made: dict[str, str] = field(default_factory=dict)
    """Output path -> render key, for this build's record."""
    pictures: str = ""
    """The hash of the names of every picture the site shows."""
    known: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """What the last build found in its pages: kind of fact -> render key -> the fact (``fact``)."""
    found: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """The same, for the pages of this build, for its record."""
    kept: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Output path -> (inode, size, mtime) of each file kept: the writer links it only if it is still that file
    (write.Staging.finish), since another build may have swapped in its own site meanwhile."""
    list_key: str = ""
    """The render key of every page the build makes itself (the lists, the A to Z, the data pages): a hash of
    all such a layout can read: every input but the page bodies, and those too when the site has layouts of
    its own, which may show them (``pipeline._render_reuse``)."""
    previous_lists: dict[str, list[str]] = field(default_factory=dict)
    """What the last build made: list id (``made_list``) -> the output paths of its pages."""
    lists: dict[str, list[str]] = field(default_factory=dict)
    """The same, for this build's record."""

    def fact(self, kind: str, path: PurePosixPath, find: Callable[[], list[str]]) -> list[str]:
        """Return what ``find`` finds in the page at ``path`` (its links, the pictures it shows).

        A page's HTML is fixed by the render key it was made with, so a fact found in a page
        made with the same key before is not looked for again: that saves reading back every
        kept page on every build. ``kind`` must name everything else ``find`` depends on.
        """
        key = self.made.get(path.as_posix(), "")
        if not key:
            return find()
        value = self.known.get(kind, {}).get(key)
        if value is None:
            value = find()
        self.found.setdefault(kind, {})[key] = value
        return value

    def __call__(self, page_id: str, path: PurePosixPath) -> Path | None:
        """Return the output file to keep for this page, or None to render it."""
        key, name = self.keys.get(page_id, ""), path.as_posix()
        if not key:
            return None
        self.made[name] = key
        return self._keep(name, key)

    def kept_list(self, list_id: str) -> dict[PurePosixPath, Path] | None:
        """Return the files of a page the build makes itself (all the pages of a long list), when every one
        can be kept as the last build made it; None to make them again (then ``made_list`` each).

        ``list_id`` names the page as the build knows it before working out how many pages a list has.
        """
        names = self.previous_lists.get(list_id)
        if not self.list_key or not names:
            return None
        files = {}
        for name in names:
            file = self._keep(name, self._list_key(name))
            if file is None:
                for other in names:  # made again, every one: neither kept nor recorded as kept
                    self.kept.pop(other, None)
                    self.made.pop(other, None)
                return None
            files[PurePosixPath(name)] = file
        self.lists[list_id] = names
        return files

    def made_list(self, list_id: str, path: PurePosixPath, listed_pictures: bool) -> None:
        """Note that the page at ``path``, one of those ``list_id`` names, was made again; ``listed_pictures``:
        its layout listed every picture the site shows (the credits)."""
        if not self.list_key:
            return
        name = path.as_posix()
        self.lists.setdefault(list_id, []).append(name)
        key = self._list_key(name)
        self.made[name] = self._with_pictures(key) if listed_pictures else key

    def _list_key(self, name: str) -> str:
        # One key a file, never one for all of them: a fact (``fact``) is kept by render key.
        return f"{self.list_key} {name}"

    def _keep(self, name: str, key: str) -> Path | None:
        """Return the old output file ``name`` if it was made with ``key`` and is untouched since, else None."""
        if self.previous.get(name) not in (key, self._with_pictures(key)):
            return None
        file = self.out_dir / name
        try:
            info = os.stat(file)
        except OSError:
            return None
        if (info.st_size, info.st_mtime_ns) != self.manifest.get(name):
            return None
        self.made[name] = self.previous[name]
        self.kept[name] = (info.st_ino, info.st_size, info.st_mtime_ns)
        return file

    def listed_pictures(self, path: PurePosixPath) -> None:
        """Note that the page just rendered at ``path`` listed every picture the site shows."""
        name = path.as_posix()
        if name in self.made:
            self.made[name] = self._with_pictures(self.made[name])

    def _with_pictures(self, key: str) -> str:
        return f"{key} pictures {self.pictures}"


def render_reuse(out_dir: Path, cache_dir: Path, keys: dict[str, str], pictures: str,
                 list_key: str = "") -> RenderReuse:
    """Return the reuse finder for this build, knowing what the last build left in ``out_dir``.

    ``pictures``: the hash of the names of every picture the site shows. ``list_key``: the render key of
    the pages the build makes itself (RenderReuse.list_key).
    """
    out_dir = out_dir.resolve()
    record = last_record(out_dir, cache_dir)
    if record is None:
        return RenderReuse(out_dir, keys, pictures=pictures, list_key=list_key)
    return RenderReuse(out_dir, keys, record.get("rendered", {}), record.get("manifest", {}), pictures=pictures,
                       known=record.get("facts", {}), list_key=list_key, previous_lists=record.get("lists", {}))


def forget_build(cache_dir: Path) -> None:
    """Drop the record, so the next build is done in full."""
    (cache_dir / RECORD).unlink(missing_ok=True)
    (cache_dir / PROBLEMS).unlink(missing_ok=True)
    (cache_dir / SAID).unlink(missing_ok=True)
