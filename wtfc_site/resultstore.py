"""The build cache's table of results: one SQLite row per key (a page's parsed file, its
converted body and findings, what readers see of it), found by content hashes (buildcache).

Kept apart from buildcache, which hashes a site's inputs, so that each stays short.
"""

from __future__ import annotations

import gc
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STORE_FORMAT = 2
"""Bump when the shape of the table, or of what its rows hold, changes: an older file is made again."""


class Store:
    """A table of results kept in an SQLite file, one row per key, read and written row by row.

    A build reads only the rows it asks for and, when it ends, writes only
    the rows it made and deletes the rows it did not use, so the file never
    grows with pages deleted long ago, and a one-page edit neither reads nor
    rewrites every page's result (one pickle of them all was 57 MB at 3,000
    pages, read and written whole by every build). Each value is pickled on
    its own and only unpickled when asked for. A file that cannot be read,
    or was written by another STORE_FORMAT, is treated as empty and made
    again; any failure only costs speed. SQLite's own locking lets the live
    preview build while another build reads the same file; a file another
    build keeps locked for longer than STORE_WAIT is left to that build.

    Each row carries a CRC-32 of its value (SQLite checks none): a row spoilt
    on disk that still unpickles would otherwise be published as it is. A row
    whose sum does not match is treated as missing, so its result is made
    again. Only the rows asked for are held, and only until they are handed
    out: each stage asks for its keys once, so nothing else is kept. Rows
    made are written a few megabytes at a time (``STORE_FLUSH``) rather than
    all held to the end of the stage: a clean build's made rows were some
    19 KB a page, 190 MB of a 10,000-page build's memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.made: dict[str, bytes] = {}
        """Key -> pickled value, for results worked out by this build."""
        self.used: set[str] = set()
        """Every key this build read or made: the rows to keep."""
        self.off = False
        """True when another build kept the file locked: this build neither reads nor writes it."""
        self.closed = False
        """True once saved or closed: the stage that used it is done, and so is the store."""
        self._db: sqlite3.Connection | None = None
        self._made_bytes = 0

    @classmethod
    def open(cls, path: Path) -> Store:
        """Return the store at ``path``; an unreadable or old one starts empty."""
        store = cls(path)
        try:
            db = _connect(path) if path.is_file() else None
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone() if db else None
        except sqlite3.Error as exc:  # not a database, cut short, locked for too long: only a slower build
            store.off = _busy(exc)
            db, row = None, None
        if row is None or row[0] != STORE_FORMAT:
            if db is not None:
                db.close()
            return store
        store._db = db
        return store

    def get(self, key: str) -> Any:
        """Return the entry for ``key`` (None if there is none) and keep it for next time."""
        return self.get_many([key])[0] if key else None

    def get_many(self, keys: Iterable[str]) -> list[Any]:
        """Return ``get(key)`` for each key ('' gives None), with the garbage collector paused."""
        keys = list(keys)
        found = self._rows([key for key in keys if key])
        with collector_paused():
            return [self._value(key, found.get(key)) if key else None for key in keys]

    def _rows(self, keys: list[str]) -> dict[str, bytes]:
        """Return {key: pickled value} for the keys that have a row.

        Many keys (a build after an edit asks for nearly every page's row) are found in one
        pass over the whole table: reading row by row in key order jumped about the file and
        took twice the time. Only the rows asked for are kept from that pass (the table also
        holds rows this build does not use, such as the live preview's drafts). A few keys are
        read one batch at a time. A row whose checksum does not match its value is left out.
        """
        if self._db is None or self.closed:
            return {key: self.made[key] for key in keys if key in self.made}
        rows: dict[str, bytes] = {}
        try:
            if len(keys) >= STORE_SCAN_FROM:
                wanted = set(keys)
                rows = {key: value for key, value, crc in self._db.execute("SELECT key, value, crc FROM entries")
                        if key in wanted and zlib.crc32(value) == crc}
            else:
                for start in range(0, len(keys), STORE_BATCH):
                    batch = keys[start:start + STORE_BATCH]
                    rows.update((key, value) for key, value, crc in self._db.execute(
                        f"SELECT key, value, crc FROM entries WHERE key IN ({','.join('?' * len(batch))})", batch)
                        if zlib.crc32(value) == crc)
        except sqlite3.Error as exc:  # spoilt part way: start again from nothing
            self._give_up(exc)
            return {key: self.made[key] for key in keys if key in self.made}
        rows.update((key, self.made[key]) for key in keys if key in self.made)
        return rows

    def _value(self, key: str, data: bytes | None) -> Any:
        if data is None:
            return None
        try:
            value = pickle.loads(data)
        except Exception:  # a spoilt row is only a slower build
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        """Remember ``value`` under ``key`` (written to the file once STORE_FLUSH bytes are waiting)."""
        data = self.made[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used.add(key)
        self._made_bytes += len(data)
        if self._made_bytes >= STORE_FLUSH:
            self._write_made()

    def _write_made(self) -> None:
        """Write the rows made so far and let go of them. A row written before the build ends is
        still right (its key is the hash of all it was made from); a failure only costs speed."""
        try:
            if not self.off and not self.closed:
                self._insert_made(self._opened())
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
        finally:
            self.made.clear()
            self._made_bytes = 0

    def _opened(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = _new_store(self.path)
        return self._db

    def _insert_made(self, db: sqlite3.Connection, unused: Iterable[tuple[str]] = ()) -> None:
        """Write the rows made and waiting, deleting ``unused`` in the same transaction."""
        db.execute("BEGIN IMMEDIATE")  # one writer at a time; readers carry on (WAL)
        db.executemany("DELETE FROM entries WHERE key = ?", unused)
        db.executemany("INSERT OR REPLACE INTO entries (key, value, crc) VALUES (?, ?, ?)",
                       ((key, value, zlib.crc32(value)) for key, value in self.made.items()))
        db.execute("COMMIT")

    def save(self) -> None:
        """Write the rows made this build, drop the unused ones, and close the store.

        Saving ends the stage that used the store, so the file and the results made are let go
        of here rather than held to the end of the build. A failure only costs speed next time.
        """
        if self.off or self.closed:
            return
        try:
            db = self._opened()
            unused = [(key,) for (key,) in db.execute("SELECT key FROM entries") if key not in self.used]
            if not unused and not self.made:
                return
            self._insert_made(db, unused)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
        finally:
            self.close()

    def _give_up(self, exc: Exception) -> None:
        """Forget the file: the next save makes it again from nothing, unless another build has it locked."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self.off = self.off or _busy(exc)

    def close(self) -> None:
        """Let go of the file and of the results made this build; ``save`` does this when it is done."""
        self.made.clear()
        self._made_bytes = 0
        self.closed = True
        if self._db is not None:
            self._db.close()
            self._db = None


STORE_WAIT = 10.0
"""Seconds to wait for another build that is writing the same store before giving up on it."""
STORE_MAP = 0
"""Bytes of the store's file SQLite may map into memory: none. Mapped reads took about 0.05 s less
processor time at 3,000 pages, but every page of the file read stayed resident while the store was
open (the file is about 19 KB a page): a one-page edit of 3,000 pages peaked at 261 MB mapped, 212 MB not."""
STORE_FLUSH = 4 * 1024 * 1024
"""Bytes of made rows held before they are written to the file (some 250 pages' results)."""
STORE_SCAN_FROM = 100
"""From this many keys asked for at once, read the whole table in one pass rather than row by row."""
STORE_BATCH = 500
"""Keys asked for in one query (SQLite allows at most 999 parameters in older versions)."""


def _busy(exc: Exception) -> bool:
    """Return True when ``exc`` says another connection holds the file, not that the file is spoilt."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _connect(path: Path) -> sqlite3.Connection:
    """Open the store's file (not memory-mapped: see STORE_MAP)."""
    db = sqlite3.connect(path, timeout=STORE_WAIT, isolation_level=None)
    db.execute(f"PRAGMA mmap_size={STORE_MAP}")
    return db


def _new_store(path: Path) -> sqlite3.Connection:
    """Make an empty store at ``path``, replacing whatever was there, and return it open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        (path.parent / name).unlink(missing_ok=True)
    old = path.with_suffix(".pickle")  # the one-pickle store that came before (buildcache.CACHE_FORMAT 3)
    if old != path:
        old.unlink(missing_ok=True)
    db = _connect(path)
    db.execute("PRAGMA page_size=16384")  # a result is some 10 KB: fewer overflow pages to follow when reading
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # a crash may lose the last build's rows, never spoil the file
    # A rowid table, as SQLite advises for rows this large: reading them all took twice as long WITHOUT ROWID.
    # crc: zlib.crc32 of value, checked on every read (SQLite has no checksums of its own on values).
    db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, crc INTEGER NOT NULL)")
    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value)")
    db.execute("INSERT INTO meta VALUES ('format', ?)", (STORE_FORMAT,))
    return db


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while many long-lived objects are made, then keep it off them.

    Unpickling thousands of cached pages makes millions of objects that all
    stay alive; each of them set off collections that walked every object
    made so far, which took two thirds of the loading time. Afterwards the
    objects are frozen (left out of later collections): they live to the end
    of the build anyway.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.freeze()
            gc.enable()
