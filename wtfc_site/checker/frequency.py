"""How common a word is, on wordfreq's Zipf scale, read straight from wordfreq's own data files.

Importing ``wordfreq`` itself costs about 80 ms (it loads ftfy, langcodes
and regex) and its first English look-up loads the 320,000-word "large"
list (about 180 ms). ``check --text`` on a short file should answer in a
quarter of a second, so we read wordfreq's packed lists ourselves: first
the 29,000-word "small" list, and the large one only when a word is not in
the small one. The numbers are wordfreq's (same files, same formula:
multi-part words combine as 1/f = 1/f1 + 1/f2 ...); a test compares them
with ``wordfreq.zipf_frequency`` on every word of the labelled passages.

Languages without packed lists here fall back to ``wordfreq`` itself.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
import re
import unicodedata
from pathlib import Path

import msgpack

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


def _part_frequency(part: str, lang: str) -> float | None:
    """Return one token's frequency (0 to 1), from the small list or else the large one; None when unknown."""
    for size in ("small", "large"):
        table = _centibels(size, lang)
        if table is None:
            return None
        index = table.get(part)
        if index is not None:
            return 10 ** (-index / 100)
    return 0.0


def zipf_frequency(word: str, lang: str = "en") -> float:
    """Return wordfreq's Zipf value for ``word`` (0 when it is not in the lists)."""
    if _centibels("small", lang) is None:
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
