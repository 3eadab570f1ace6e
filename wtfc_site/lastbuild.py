"""What the last finished build was made from, so an identical build is skipped.

After a build is written, we keep the hash of every input (SiteInputs.key),
what the build said (its problems, page and picture counts) and the size
and time of every file it left in the output folder. The next build with
the same inputs, whose output folder is still exactly as it was left,
has nothing to do and says the same again. Any changed input byte, option,
program file or output file means a real build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .buildcache import CACHE_FORMAT, SiteInputs, load_pickle, output_manifest, save_pickle
from .errors import Problem

RECORD = "last-build.pickle"


@dataclass(frozen=True)
class LastBuild:
    """What the last build said."""

    problems: list[Problem]
    pages: int
    chosen: int


def unchanged_build(out_dir: Path, cache_dir: Path, inputs: SiteInputs) -> LastBuild | None:
    """Return the last build's report if it was made from exactly these inputs and its output is untouched."""
    record = load_pickle(cache_dir / RECORD)
    if record is None or record.get("key") != inputs.key or record.get("out") != str(out_dir.resolve()):
        return None
    if not out_dir.is_dir() or output_manifest(out_dir) != record.get("manifest"):
        return None  # someone changed, added or deleted a file in the output: build it again
    return LastBuild(record["problems"], record["pages"], record["chosen"])


def remember_build(out_dir: Path, cache_dir: Path, inputs: SiteInputs, problems: list[Problem],
                   pages: int, chosen: int, rendered: dict[str, str] | None = None) -> None:
    """Keep what this build was made from and left behind, for the next build."""
    save_pickle(cache_dir / RECORD, {
        "format": CACHE_FORMAT, "key": inputs.key, "out": str(out_dir.resolve()),
        "manifest": output_manifest(out_dir), "problems": problems, "pages": pages, "chosen": chosen,
        "rendered": rendered or {}})


@dataclass
class RenderReuse:
    """Finds pages whose rendered file in the output folder can be kept as it is.

    A page's render key hashes everything its layout can read: its own
    file, every page's front matter, the settings, glossary, pictures and
    data files, the layouts, this program, the build date, and the set of
    pictures the whole site uses. (A layout may use any page's front
    matter, but only its own page's body.) When the key is the one the
    file in the output folder was made with, and the file is untouched
    since, the file is kept instead of rendering the page again.
    """

    out_dir: Path
    keys: dict[str, str]
    """Page id -> this build's render key."""
    previous: dict[str, str] = field(default_factory=dict)
    """Output path -> the render key it was made with."""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)
    made: dict[str, str] = field(default_factory=dict)
    """Output path -> render key, for this build's record."""

    def __call__(self, page_id: str, path: PurePosixPath) -> Path | None:
        """Return the output file to keep for this page, or None to render it."""
        key, name = self.keys.get(page_id, ""), path.as_posix()
        if not key:
            return None
        self.made[name] = key
        if self.previous.get(name) != key:
            return None
        file = self.out_dir / path
        try:
            info = file.stat()
        except OSError:
            return None
        return file if (info.st_size, info.st_mtime_ns) == self.manifest.get(name) else None


def render_reuse(out_dir: Path, cache_dir: Path, keys: dict[str, str]) -> RenderReuse:
    """Return the reuse finder for this build, knowing what the last build left in ``out_dir``."""
    out_dir = out_dir.resolve()
    record = load_pickle(cache_dir / RECORD)
    if record is None or record.get("out") != str(out_dir):
        return RenderReuse(out_dir, keys)
    return RenderReuse(out_dir, keys, record.get("rendered", {}), record.get("manifest", {}))


def forget_build(cache_dir: Path) -> None:
    """Drop the record, so the next build is done in full."""
    (cache_dir / RECORD).unlink(missing_ok=True)
