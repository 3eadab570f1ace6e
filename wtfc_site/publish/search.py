"""The search index: our own, made page by page from the built HTML, in /search-index/.

Each page marked for search gives a record (search_record.page_record).
Records are kept between builds, keyed by the hash of the page's bytes, so
a page that did not change is not even read: the last build's hashes say
which pages are the same (``SearchReuse``).

The index is a set of small JSON files, so the browser fetches only what a
search needs (layouts/assets/search.js reads them):

- ``entry.json``: the format, how many pages a chunk holds, each page's
  version (one letter a page: e for easy read, f for full) and the list
  of term shards there are;
- ``terms-XY.json``: every term starting with XY -> a flat list
  [page, score, page, score, ...], pages in order;
- ``pages-N.json``: the Nth chunk of pages: [address, title, summary, picture].

Pages are numbered in the order of their addresses, and every file is
written the same way from the same pages, so two builds of one site give
the same bytes. When the last build's index is still in the output folder
and no page was added or removed, only the files that a changed page's
terms or details touch are made again (``patch_index``); the rest are kept
as they are, and the writer links them, so a one-page edit costs a few
milliseconds, not a new index of every page. Pagefind, used before, had no
way to change a few pages: it indexed the whole site again each time
(17 s and 1.5 GB at 10,000 pages).
"""

from __future__ import annotations

import json
import marshal
import os
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..hashing import digest
from .search_record import SearchRecord, page_record

SEARCH_FOLDER = "search-index"
"""Where the index goes in the site: /search-index/."""
INDEX_FORMAT = 2
"""Changes when the files' shape, or how words become terms, changes (2: the stemmer keeps 'care' apart
from 'car'); search.js checks it, so a script and an index made by different versions do not miss pages."""
CHUNK = 50
"""Pages whose details share one pages-N.json: the twenty results shown fetch a few small files."""
ENTRY = PurePosixPath(SEARCH_FOLDER) / "entry.json"
RECORDS = "search-records.marshal"
"""The records kept between builds, in the build cache folder."""
_PLAIN_KEY = re.compile(r"[a-z0-9]+")


def shard_key(term: str) -> str:
    """Return the shard a term is in: its first two letters."""
    return term[:2]


def shard_path(key: str) -> PurePosixPath:
    """Return the file of a shard; a key with other letters than a-z and 0-9 is named by its code points."""
    name = key if _PLAIN_KEY.fullmatch(key) else "x" + "-".join(f"{ord(c):x}" for c in key)
    return PurePosixPath(SEARCH_FOLDER) / f"terms-{name}.json"


def chunk_path(number: int) -> PurePosixPath:
    return PurePosixPath(SEARCH_FOLDER) / f"pages-{number}.json"


def page_address(path: PurePosixPath) -> str:
    """Return a page's address below the site's base_url: 'pay/index.html' -> 'pay/', the home page ''."""
    name = path.as_posix()
    return name[: -len("index.html")] if path.name == "index.html" else name


def _encode(value: object) -> bytes:
    """The one way every index file is written, so a patched file and a newly made one are the same bytes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _details(address: str, record: SearchRecord) -> list[str]:
    return [address, record.title, record.summary, record.picture]


def _version_letter(record: SearchRecord) -> str:
    return "f" if record.version == "full" else "e"


def _entry(versions: str, shards: Iterable[str]) -> bytes:
    return _encode({"format": INDEX_FORMAT, "chunk": CHUNK, "versions": versions, "shards": sorted(shards)})


def build_index(pages: Iterable[tuple[str, SearchRecord]]) -> dict[PurePosixPath, bytes]:
    """Return every index file for ``pages`` (address, record), in address order.

    Postings are gathered in arrays of machine integers, not lists of Python ones: at
    10,000 pages there are millions, and as objects they took hundreds of megabytes.
    """
    postings: dict[str, array] = {}
    versions: list[str] = []
    details: list[list[str]] = []
    for number, (address, record) in enumerate(pages):
        versions.append(_version_letter(record))
        details.append(_details(address, record))
        for term, score in record.terms.items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = array("I")
            found.extend((number, score))
    by_shard: dict[str, list[str]] = {}
    for term in postings:
        by_shard.setdefault(shard_key(term), []).append(term)
    files = {shard_path(key): _encode({term: postings[term].tolist() for term in terms})
             for key, terms in by_shard.items()}
    for start in range(0, len(details), CHUNK):
        files[chunk_path(start // CHUNK)] = _encode(details[start:start + CHUNK])
    files[ENTRY] = _entry("".join(versions), by_shard)
    return files


@dataclass(frozen=True)
class PageChange:
    """One page whose bytes changed since the last build, at the same number."""

    number: int
    address: str
    old: SearchRecord
    new: SearchRecord


def patch_index(files: Mapping[PurePosixPath, Path], changes: list[PageChange]) -> dict[PurePosixPath, bytes | Path]:
    """Return the index files of the last build (``files``) with ``changes`` made; files not touched stay Paths."""
    result: dict[PurePosixPath, bytes | Path] = dict(files)
    entry = json.loads(files[ENTRY].read_bytes())
    versions, shards = list(entry["versions"]), set(entry["shards"])
    edits: dict[str, list[tuple[int, dict[str, int], dict[str, int]]]] = {}
    chunks: dict[int, list[PageChange]] = {}
    for change in changes:
        old, new = _by_shard(change.old.terms), _by_shard(change.new.terms)
        for key in old.keys() | new.keys():
            if old.get(key) != new.get(key):
                edits.setdefault(key, []).append((change.number, old.get(key, {}), new.get(key, {})))
        if _details(change.address, change.old) != _details(change.address, change.new):
            chunks.setdefault(change.number // CHUNK, []).append(change)
        versions[change.number] = _version_letter(change.new)
    for key, page_edits in edits.items():
        path = shard_path(key)
        shard = json.loads(files[path].read_bytes()) if path in files else {}
        for number, old_terms, new_terms in page_edits:
            _patch_shard(shard, number, old_terms, new_terms)
        if shard:
            result[path] = _encode(shard)
            shards.add(key)
        else:
            result.pop(path, None)
            shards.discard(key)
    for number, page_changes in chunks.items():
        details = json.loads(files[chunk_path(number)].read_bytes())
        for change in page_changes:
            details[change.number % CHUNK] = _details(change.address, change.new)
        result[chunk_path(number)] = _encode(details)
    result[ENTRY] = _entry("".join(versions), shards)
    return result


def _by_shard(terms: Mapping[str, int]) -> dict[str, dict[str, int]]:
    grouped: dict[str, dict[str, int]] = {}
    for term, score in terms.items():
        grouped.setdefault(shard_key(term), {})[term] = score
    return grouped


def _patch_shard(shard: dict[str, list[int]], number: int, old: Mapping[str, int], new: Mapping[str, int]) -> None:
    """Take page ``number``'s postings of its old terms out of ``shard`` and put those of its new terms in."""
    for term in old:
        postings = shard.get(term, [])
        at = bisect_left(postings[0::2], number)
        if postings[2 * at:2 * at + 1] == [number]:
            del postings[2 * at:2 * at + 2]
        if not postings:
            shard.pop(term, None)
    for term, score in new.items():
        postings = shard.setdefault(term, [])
        at = bisect_left(postings[0::2], number)
        postings[2 * at:2 * at] = [number, score]


@dataclass
class RecordStore:
    """Search records kept between builds, keyed by the hash of a page's bytes.

    Each record is kept marshalled on its own and read only when it is used;
    a page that is not marked for search is kept as b'' (known, no record).
    Only the records of this build's pages are saved, so the file does not
    grow with pages long gone. The generator key is part of the file: another
    version of this program may read pages differently.
    """

    path: Path | None
    generator: str
    entries: dict[str, bytes] = field(default_factory=dict)
    """What the file held, and the records read this build."""
    used: dict[str, bytes] = field(default_factory=dict)
    added: bool = False

    @classmethod
    def open(cls, path: Path | None, generator: str) -> RecordStore:
        """Return the store at ``path`` (None: kept in memory only); an unreadable or old one starts empty."""
        entries: dict[str, bytes] = {}
        if path is not None:
            try:
                saved = marshal.loads(path.read_bytes())
                if isinstance(saved, dict) and saved.get("key") == (INDEX_FORMAT, generator):
                    entries = saved["records"]
            except (OSError, ValueError, EOFError, TypeError, KeyError):
                pass  # none yet or half written: every page is read again, which is only slower
        return cls(path, generator, entries)

    def known(self, page: str) -> bytes | None:
        """Return the kept form of the page with hash ``page`` (b'': not searchable; None: not known)."""
        return self.entries.get(page)

    def record(self, page: str) -> SearchRecord:
        """Return the record of a searchable page whose hash the store knows."""
        title, summary, picture, version, terms = marshal.loads(self.used.get(page) or self.entries[page])
        return SearchRecord(title, summary, picture, version, terms)

    def add(self, page: str, data: bytes | Path) -> bytes:
        """Read the record of a page not known before, keep it, and return its kept form."""
        record = page_record(data if isinstance(data, bytes) else data.read_bytes())
        kept = b"" if record is None else marshal.dumps(
            (record.title, record.summary, record.picture, record.version, record.terms))
        self.entries[page] = self.used[page] = kept
        self.added = True
        return kept

    def keep(self, page: str) -> None:
        self.used[page] = self.entries[page]

    def save(self) -> None:
        """Write the records this build used, through a temporary file; a failure only costs speed next time."""
        if self.path is None or (not self.added and self.used.keys() == self.entries.keys()):
            return  # the file holds exactly these records already
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temp.write_bytes(marshal.dumps({"key": (INDEX_FORMAT, self.generator), "records": self.used}))
            os.replace(temp, self.path)
        except OSError:
            pass


def kept_search_index(site_folder: Path) -> dict[PurePosixPath, Path]:
    """Return the search index files already in a built site, to carry into the next build unchanged."""
    bundle = site_folder.resolve() / SEARCH_FOLDER  # resolved, as the writer compares paths to link them
    try:
        with os.scandir(bundle) as entries:  # one flat folder: a third of the time of rglob
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:  # no index there
        return {}
    return {PurePosixPath(SEARCH_FOLDER) / name: bundle / name for name in names}


@dataclass
class SearchReuse:
    """What the last build left: its pages' hashes, and the index they made, to change only what changed.

    The index is a function of the HTML files (their paths and bytes) and of
    this program (``generator``): the fingerprint of both is recorded with
    the build (lastbuild.remember_build), and the index in the output folder
    is used again only when it is the one that fingerprint made and nobody
    has changed its files since (``manifest``).
    """

    out_dir: Path
    generator: str
    last_fingerprint: str = ""
    """The fingerprint of the HTML the index now in ``out_dir`` was made from ('' when unknown)."""
    last_hashes: dict[str, str] = field(default_factory=dict)
    """HTML path -> hash of its bytes, in the last build."""
    manifest: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The last build's output files -> (size, modification time), to see the index is untouched."""
    cache: Path | None = None
    """The build cache folder, where the records are kept (None: read every page)."""
    fingerprint: str = ""
    """This build's fingerprint, once ``search_index`` has looked."""
    hashes: dict[str, str] = field(default_factory=dict)

    def look(self, outputs: Mapping[PurePosixPath, bytes | Path]) -> None:
        """Hash this build's HTML, reading only pages that are not kept from the last build."""
        folder = f"{self.out_dir}/"
        self.hashes = {}
        for path, data in outputs.items():
            name = path.as_posix()
            if not name.endswith(".html"):
                continue
            if isinstance(data, bytes):
                self.hashes[name] = digest(data)
            elif name in self.last_hashes and str(data) == folder + name:  # strings: a Path per page was slow
                self.hashes[name] = self.last_hashes[name]  # a page kept from the last build as it was
            else:
                self.hashes[name] = digest(Path(data).read_bytes())
        self.fingerprint = self._fingerprint(self.hashes)

    def _fingerprint(self, hashes: Mapping[str, str]) -> str:
        return digest("search", str(INDEX_FORMAT), self.generator,
                      *(f"{name}\0{value}" for name, value in sorted(hashes.items())))

    def last_index(self) -> dict[PurePosixPath, Path] | None:
        """Return the last build's index files when they are still as it left them, else None."""
        if not self.last_fingerprint or self._fingerprint(self.last_hashes) != self.last_fingerprint:
            return None  # made by another version of this program, or not recorded
        files = kept_search_index(self.out_dir)
        prefix = SEARCH_FOLDER + "/"
        recorded = {name for name in self.manifest if name.startswith(prefix)}
        if ENTRY not in files or {path.as_posix() for path in files} != recorded:
            return None
        for path, file in files.items():
            info = file.stat()
            if (info.st_size, info.st_mtime_ns) != tuple(self.manifest.get(path.as_posix(), ())):
                return None  # someone changed the index in the output folder: make it again
        return files


def search_index(outputs: Mapping[PurePosixPath, bytes | Path],
                 reuse: SearchReuse | None = None) -> dict[PurePosixPath, bytes | Path]:
    """Return the index files for the pages in ``outputs``, changing only what changed when ``reuse`` allows.

    Without ``reuse`` (a build with no cache) every page is read and the index made whole.
    """
    reuse = reuse or SearchReuse(Path(os.devnull), "")
    reuse.look(outputs)
    store = RecordStore.open(reuse.cache / RECORDS if reuse.cache else None, reuse.generator)
    pages = _searchable(store, outputs, reuse.hashes)
    previous = _last_pages(store, reuse.last_hashes)
    made = _patched(reuse, store, previous, pages) if previous is not None else None
    if made is None:
        made = dict(build_index((page_address(PurePosixPath(path)), store.record(page)) for path, page in pages))
    store.save()
    return made


def _patched(reuse: SearchReuse, store: RecordStore, previous: list[tuple[str, str]],
             pages: list[tuple[str, str]]) -> dict[PurePosixPath, bytes | Path] | None:
    """Return the last index with the changed pages' records changed, or None when it must be made whole."""
    if [path for path, _ in previous] != [path for path, _ in pages]:
        return None  # a page added or taken away: every later page's number moves
    files = reuse.last_index()
    if files is None:
        return None
    changes = [PageChange(number, page_address(PurePosixPath(path)), store.record(old), store.record(new))
               for number, ((path, old), (_, new)) in enumerate(zip(previous, pages)) if old != new]
    try:
        return patch_index(files, changes)
    except (OSError, ValueError, KeyError, IndexError, TypeError):  # an index not as we wrote it
        return None


def _searchable(store: RecordStore, outputs: Mapping[PurePosixPath, bytes | Path],
                hashes: Mapping[str, str]) -> list[tuple[str, str]]:
    """Return (path, hash) of each page marked for search, in path order; pages not known are read."""
    pages = []
    by_name = {path.as_posix(): data for path, data in outputs.items()}
    for name, page in sorted(hashes.items()):  # by name, as the last build's pages are (not by path parts)
        kept = store.known(page)
        if kept is None:
            kept = store.add(page, by_name[name])
        else:
            store.keep(page)
        if kept:
            pages.append((name, page))
    return pages


def _last_pages(store: RecordStore, last_hashes: Mapping[str, str]) -> list[tuple[str, str]] | None:
    """Return (path, hash) of the last build's searchable pages, or None when a record of one is lost."""
    pages = []
    for name, page in sorted(last_hashes.items()):
        kept = store.known(page)
        if kept is None:
            return None
        if kept:
            pages.append((name, page))
    return pages
