"""What the last finished build was made from, so an identical build is skipped.

After a build is written, we keep the hash of every input (SiteInputs.key),
what the build said (its problems, page and picture counts) and the size
and time of every file it left in the output folder. The next build with
the same inputs, whose output folder is still exactly as it was left,
has nothing to do and says the same again. Any changed input byte, option,
program file or output file means a real build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .buildcache import SiteInputs, load_pickle, output_manifest, save_pickle
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
                   pages: int, chosen: int) -> None:
    """Keep what this build was made from and left behind, for the next build."""
    from .buildcache import CACHE_FORMAT
    save_pickle(cache_dir / RECORD, {
        "format": CACHE_FORMAT, "key": inputs.key, "out": str(out_dir.resolve()),
        "manifest": output_manifest(out_dir), "problems": problems, "pages": pages, "chosen": chosen})


def forget_build(cache_dir: Path) -> None:
    """Drop the record, so the next build is done in full."""
    (cache_dir / RECORD).unlink(missing_ok=True)
