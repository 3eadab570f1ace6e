"""How common a word is, on wordfreq's Zipf scale, read straight from wordfreq's own data files.

Importing ``wordfreq`` itself costs about 80 ms (it loads ftfy, langcodes
and regex), and reading its packed lists costs more: the 29,000-word
"small" list about 40 ms and the 320,000-word "large" one about 180 ms.
``check --text`` on a short file should answer in a quarter of a second
(issue 15 part 5), so the first run merges the two lists into one compact
file in the user's cache (``usercache.py``): every word sorted, with the
list's value for it (the small list's when it has the word, as wordfreq
looks there first). Later runs read that file in a millisecond or two and
find a word by binary search. The numbers are wordfreq's (same files, same
formula: multi-part words combine as 1/f = 1/f1 + 1/f2 ...); tests compare
them with ``wordfreq.zipf_frequency``. The cache file's name holds the
sizes and dates of wordfreq's files, so a new wordfreq makes a new one; if
the cache folder cannot be written, the lists are read as before.

Languages without packed lists here fall back to ``wordfreq`` itself.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import math
import mmap
import re
import struct
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..usercache import user_cache, write_atomically

_PART = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@functools.lru_cache(maxsize=1)
def _data_folder() -> Path | None:
    """Return wordfreq's data folder without importing wordfreq (None if it is not installed)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@functools.lru_cache(maxsize=8)
def _centibels(size: str, lang: str) -> dict[str, int] | None:
    """Return word -> centibels below 1 (0 is the commonest) from one packed list, or None if there is none."""
    folder = _data_folder()
    path = folder / f"{size}_{lang}.msgpack.gz" if folder else None
    if path is None or not path.exists():
        return None
    # Here, not at the top, for start-up speed: the packed lists are read only to make the cache file.
    import gzip

    import msgpack

    with gzip.open(path, "rb") as handle:
        pack = msgpack.load(handle, raw=False)
    header, buckets = pack[0], pack[1:]
    if header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        for word in bucket:
            table.setdefault(word, index)
    return table


_HEADER = struct.Struct("<16sI12x")
"""A name for the format, then how many words; 32 bytes, so the numbers after it are aligned."""
_MAGIC = b"wtfc-frequency-2"


@dataclass(frozen=True)
class _Sorted:
    """Every word of one language, sorted by its UTF-8 bytes, with its centibels; found by binary search.

    Read from the cache file by mapping it into memory: nothing is copied or parsed until a word is looked up.
    """

    starts: Sequence[int]
    """Where each word starts in ``blob``, and one more: where the last one ends."""
    centibels: Sequence[int]
    blob: bytes | memoryview

    def __len__(self) -> int:
        return len(self.centibels)

    def __getitem__(self, index: int) -> bytes:
        return bytes(self.blob[self.starts[index]: self.starts[index + 1]])

    def get(self, word: str) -> int | None:
        """Return the centibels of ``word``, or None when neither list has it."""
        key = word.encode("utf-8")
        index = bisect.bisect_left(self, key)
        return self.centibels[index] if index < len(self) and self[index] == key else None

    def to_bytes(self) -> bytes:
        return (_HEADER.pack(_MAGIC, len(self)) + array("I", self.starts).tobytes()
                + array("H", self.centibels).tobytes() + bytes(self.blob))

    @classmethod
    def from_file(cls, path: Path) -> _Sorted | None:
        """Return the table in the cache file at ``path``, or None when it is missing, damaged or older."""
        try:
            with path.open("rb") as handle:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        view = memoryview(mapped)
        if len(view) < _HEADER.size:
            return None
        magic, count = _HEADER.unpack_from(view)
        at, middle = _HEADER.size, _HEADER.size + 4 * (count + 1)
        end = middle + 2 * count
        if magic != _MAGIC or len(view) < end:
            return None
        starts, centibels, blob = view[at:middle].cast("I"), view[middle:end].cast("H"), view[end:]
        if starts[-1] != len(blob):
            return None
        return cls(starts, centibels, blob)

    @classmethod
    def merge(cls, small: dict[str, int], large: dict[str, int]) -> _Sorted:
        """Return one table with the small list's value where it has the word, else the large list's."""
        merged = {**large, **small}
        words = sorted(word.encode("utf-8") for word in merged)
        starts, position = array("I"), 0
        for word in words:
            starts.append(position)
            position += len(word)
        starts.append(position)
        centibels = array("H", (merged[word.decode("utf-8")] for word in words))
        return cls(starts, centibels, b"".join(words))


@functools.lru_cache(maxsize=8)
def _table(lang: str) -> _Sorted | dict[str, int] | None:
    """Return the merged table for ``lang`` from the user's cache, making it the first time (None: no lists)."""
    folder = _data_folder()
    paths = [folder / f"{size}_{lang}.msgpack.gz" for size in ("small", "large")] if folder else []
    if not paths or not all(path.exists() for path in paths):
        return None
    stamp = "-".join(f"{path.stat().st_size}-{int(path.stat().st_mtime)}" for path in paths)
    cache = user_cache() / f"wordfreq-{lang}-{stamp}.bin"
    found = _Sorted.from_file(cache)
    if found is not None:
        return found
    small, large = _centibels("small", lang), _centibels("large", lang)
    if small is None or large is None:
        return None
    table = _Sorted.merge(small, large)
    if not write_atomically(cache, table.to_bytes()):
        return {**large, **small}  # no cache folder: the lists as read, this run only
    return table


def _part_frequency(part: str, lang: str) -> float:
    """Return one token's frequency (0 to 1), from the small list or else the large one; 0 when unknown."""
    table = _table(lang)
    index = table.get(part) if table is not None else None
    return 10 ** (-index / 100) if index is not None else 0.0


def zipf_frequency(word: str, lang: str = "en") -> float:
    """Return wordfreq's Zipf value for ``word`` (0 when it is not in the lists)."""
    if _table(lang) is None:
        import wordfreq  # another language: wordfreq's own look-up

        return wordfreq.zipf_frequency(word, lang)
    parts = _PART.findall(unicodedata.normalize("NFC", word).casefold().replace("\u2019", "'"))
    if not parts or any(ch.isdigit() for part in parts for ch in part):
        return 0.0
    inverse = 0.0
    for part in parts:
        frequency = _part_frequency(part, lang)
        if not frequency:
            return 0.0
        inverse += 1.0 / frequency
    frequency = 1.0 / inverse
    # wordfreq keeps 3 significant digits of the frequency, then 2 decimals of the Zipf value.
    frequency = round(frequency, math.floor(-math.log10(frequency)) + 3)
    return round(math.log10(frequency) + 9, 2)
