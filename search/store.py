"""The index directory: layout, ownership marker, lock, file manifest, and opening
the Whoosh index inside it. (W)

Layout of an index directory (default ``./index``)::

    newsearch.json   marker: written at creation; without it we refuse to open
    whoosh/          the Whoosh index (its files are pickles)
    files.sqlite     manifest: path -> mtime, size, hash, documents
    newsearch.lock   held (flock) by the one process that writes
    saved.toml       saved searches (kept by --rebuild)
    saved-state.json saved-search run state (kept by --rebuild)
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pickle
import shutil
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import IndexLocked, IndexMissing, IndexNotOurs, IndexWriteError
from .versions import SCHEMA_VERSION


def _whoosh_index():
    """whoosh.index, imported lazily (an unchanged re-run never needs it) and
    after schema, which imports Whoosh first under its start-up stand-ins."""
    from . import schema  # noqa: F401

    with schema.whoosh_import():
        from whoosh import index
    return index


MARKER = "newsearch.json"
WHOOSH_DIR = "whoosh"
MANIFEST = "files.sqlite"
LOCK = "newsearch.lock"
DEFAULT_INDEX = "index"


def default_index_dir() -> str:
    return os.environ.get("NEWSEARCH_INDEX") or DEFAULT_INDEX


@dataclass(frozen=True)
class FileRecord:
    path: str
    mtime_ns: int
    size: int
    hash: str
    documents: int
    extractor: str = ""  # versions.extractor_version() of the documents' speakers/places


class IndexDir:
    """One newsearch index directory."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # ------------------------------------------------------------ ownership

    @property
    def marker(self) -> Path:
        return self.path / MARKER

    def exists(self) -> bool:
        return self.marker.is_file() and (self.path / WHOOSH_DIR).is_dir()

    def check_ours(self, any_schema: bool = False) -> None:
        """Refuse a directory that holds Whoosh files but no newsearch marker
        (or, unless ``any_schema``, an index of another schema version).

        Whoosh index files are Python pickles: opening one from an untrusted
        source can run arbitrary code. We only open what newsearch created.
        """
        if self.marker.is_file():
            try:
                info = json.loads(self.marker.read_text())
            except (OSError, ValueError):
                raise IndexNotOurs(
                    f"{self.marker} is unreadable or not JSON; not opening {self.path}"
                ) from None
            if info.get("schema") != SCHEMA_VERSION and not any_schema:
                raise IndexNotOurs(
                    f"index at {self.path} has schema {info.get('schema')}, this newsearch "
                    f"needs {SCHEMA_VERSION}: run `newsearch index PATH --rebuild`"
                )
            return
        if self.path.is_dir() and any(self._foreign_files()):
            raise IndexNotOurs(
                f"{self.path} holds files but was not created by newsearch (no {MARKER}); "
                "refusing to open it because Whoosh indexes are pickles that can run code"
            )

    def _foreign_files(self) -> Iterator[str]:
        for name in os.listdir(self.path):
            if not name.startswith(".") and name not in ("saved.toml", "saved-state.json", LOCK):
                yield name

    def require(self) -> None:
        """Raise unless a usable index is here (for commands that only read)."""
        self.check_ours()
        if not self.exists():
            raise IndexMissing(f"no index at {self.path} — run `newsearch index PATH` first")

    # ------------------------------------------------------------ whoosh

    def has_index(self) -> bool:
        """Whether a newsearch index of this schema, with a committed table of
        contents, is here: read without importing Whoosh."""
        self.check_ours()
        wdir = self.path / WHOOSH_DIR
        try:
            return self.exists() and any(n.endswith(".toc") for n in os.listdir(wdir))
        except OSError:
            return False

    def open(self):
        """Open the Whoosh index for reading."""
        whoosh_index = _whoosh_index()
        self.require()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return self._open_whoosh(self.path / WHOOSH_DIR)
            except whoosh_index.EmptyIndexError:
                raise IndexMissing(f"no index at {self.path} — run `newsearch index PATH` first") from None

    def open_or_create(self, rebuild: bool = False):
        """Open the Whoosh index for writing, creating it (and the marker) if needed.

        ``rebuild`` drops the Whoosh files and the manifest but never the saved
        searches that live beside them.
        """
        from .codec import MappedStorage
        from .schema import build_schema

        whoosh_index = _whoosh_index()
        # (--rebuild is how an index of an older schema is brought up to date)
        self.check_ours(any_schema=rebuild)
        wdir = self.path / WHOOSH_DIR
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            if rebuild:
                shutil.rmtree(wdir, ignore_errors=True)
                for name in (MANIFEST, MANIFEST + "-journal", MANIFEST + "-wal"):
                    with contextlib.suppress(FileNotFoundError):
                        (self.path / name).unlink()
            if rebuild or not self.marker.is_file():
                self._write_marker()
            if wdir.is_dir() and whoosh_index.exists_in(str(wdir)):
                return self._open_whoosh(wdir)
            wdir.mkdir(exist_ok=True)
            return MappedStorage(str(wdir)).create_index(build_schema())
        except OSError as exc:
            raise IndexWriteError(f"cannot write the index at {self.path}: {exc.strerror or exc}") from None

    def _open_whoosh(self, wdir: Path):
        from .codec import MappedStorage

        try:
            return MappedStorage(str(wdir)).open_index()
        except (AttributeError, ImportError, pickle.UnpicklingError) as exc:
            # the table of contents names classes this newsearch does not have
            raise IndexNotOurs(f"cannot read the index at {self.path} ({type(exc).__name__}: "
                               f"{exc}); if another newsearch version made it, run "
                               "`newsearch index PATH --rebuild`") from None

    def _write_marker(self) -> None:
        info = {"created_by": "newsearch", "version": __version__, "schema": SCHEMA_VERSION,
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "note": "Whoosh files under whoosh/ are pickles: only open indexes you made."}
        tmp = self.marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(info, indent=2) + "\n")
        os.replace(tmp, self.marker)

    def size_on_disk(self) -> int:
        total = 0
        for root, _dirs, files in os.walk(self.path):
            for f in files:
                with contextlib.suppress(OSError):
                    total += os.path.getsize(os.path.join(root, f))
        return total

    # ------------------------------------------------------------ lock

    @contextlib.contextmanager
    def lock(self, timeout: float = 30.0) -> Iterator[None]:
        """Hold the writer lock: one indexer at a time, others wait ``timeout``
        seconds, then fail with one line. flock is released by the kernel when
        the process dies, so a killed run never leaves a stale lock."""
        lock_path = self.path / LOCK
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as exc:
            raise IndexWriteError(f"cannot create the lock {lock_path}: {exc.strerror or exc}") from None
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexLocked(
                            f"index {self.path} is locked by another newsearch process "
                            f"({lock_path}); gave up after {timeout:g}s"
                        ) from None
                    time.sleep(0.1)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock

    # ------------------------------------------------------------ manifest

    def manifest(self) -> Manifest:
        return Manifest(self.path / MANIFEST)


class Manifest:
    """Which files are indexed, with the stat and hash seen when they were.

    Kept in SQLite beside the Whoosh index and updated only after the Whoosh
    commit that holds those files' documents succeeded: after a crash it may
    miss a file that is in the index (the next run re-indexes it, deleting the
    old documents by path first), but never lists a file that is not.
    """

    def __init__(self, path: Path) -> None:
        import sqlite3  # here: a search opens the manifest only for fuzzy words

        self.path = path
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime_ns INTEGER, "
            "size INTEGER, hash TEXT, documents INTEGER)"
        )
        if "extractor" not in {r[1] for r in self.db.execute("PRAGMA table_info(files)")}:
            self.db.execute("ALTER TABLE files ADD COLUMN extractor TEXT DEFAULT ''")
        # Surface words with counts: real words for "did you mean" and fuzzy
        # terms (the index only holds stems). Counts only grow; suggestions are
        # checked against the index before they are offered.
        self.db.execute("CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, "
                        "n INTEGER, len INTEGER)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def documents(self) -> int:
        """Documents of the committed files: the index's count when the last run
        finished (each commit checks the two agree)."""
        return self.db.execute("SELECT COALESCE(SUM(documents), 0) FROM files").fetchone()[0]

    def all(self) -> dict[str, FileRecord]:
        rows = self.db.execute("SELECT path, mtime_ns, size, hash, documents, extractor FROM files")
        return {r[0]: FileRecord(*r) for r in rows}

    def put(self, records: list[FileRecord]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO files (path, mtime_ns, size, hash, documents, extractor) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(r.path, r.mtime_ns, r.size, r.hash, r.documents, r.extractor) for r in records],
            )

    def remove(self, paths: list[str]) -> None:
        with self.db:
            self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])

    def add_words(self, counts: dict[str, int]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT INTO words VALUES (?, ?, ?) ON CONFLICT(word) DO UPDATE SET n = n + ?",
                [(w, n, len(w), n) for w, n in counts.items()])

    def similar_words(self, word: str, maxdist: int) -> list[tuple[str, int, int]]:
        """Known words within ``maxdist`` edits of ``word``: (word, distance, count),
        closest and commonest first."""
        rows = self.db.execute(
            "SELECT word, n FROM words WHERE len BETWEEN ? AND ? AND substr(word, 1, 1) = ?",
            (len(word) - maxdist, len(word) + maxdist, word[:1]))
        out = []
        for w, n in rows:
            d = edit_distance(word, w, maxdist)
            if d <= maxdist:
                out.append((w, d, n))
        out.sort(key=lambda r: (r[1], -r[2]))
        return out

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once over ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]
