"""Saved searches: definitions in a TOML file people can edit and diff, run state
(last run, articles already reported) in a JSON file beside it.

Writes are atomic (temp file + rename) and serialised by a lock file, so two
``saved run --new`` at once neither corrupt the state nor report an article
twice. A malformed TOML file is reported with its line and never overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import SavedSearchError, UsageError
from .searcher import Query, Searcher, SearchResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SAVED_FILE = "saved.toml"
FIELDS = ("query", "description", "speakers", "places", "sources", "since", "until", "sort",
          "limit")


@dataclass
class SavedSearch:
    name: str
    query: str
    description: str = ""
    speakers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    sort: str = "relevance"
    limit: int = 10

    def to_query(self, limit: int | None = None) -> Query:
        return Query(text=self.query, speakers=list(self.speakers), places=list(self.places),
                     sources=list(self.sources), since=self.since, until=self.until,
                     sort=self.sort, limit=self.limit if limit is None else limit)

    def as_toml(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k != "name"}
        return {k: v for k, v in d.items() if v not in (None, "", [])
                and not (k == "sort" and v == "relevance") and not (k == "limit" and v == 10)}


def saved_path(index_dir: str, saved: str | None = None) -> Path:
    """``--saved FILE``, else ``NEWSEARCH_SAVED``, else ``saved.toml`` in the index."""
    return Path(saved or os.environ.get("NEWSEARCH_SAVED") or Path(index_dir) / SAVED_FILE)


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise UsageError(f"bad saved-search name {name!r}: use letters, digits, '-' and '_' "
                         "(at most 64)")
    return name


class SavedSearches:
    """The saved searches of one TOML file.

    Example::

        store = SavedSearches("index/saved.toml")
        store.add(SavedSearch("iraq", "mosul OR fallujah"))
        for name, result in store.run(["iraq"], "index", new=True):
            ...
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.state_path = self.path.with_name(self.path.stem + "-state.json")
        self.lock_path = self.path.with_name("." + self.path.name + ".lock")

    # ------------------------------------------------------------ files

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """One writer at a time (definitions and state)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as exc:
            raise SavedSearchError(f"cannot lock {self.lock_path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def load(self) -> dict[str, SavedSearch]:
        """Read the definitions (a hand edit is picked up on every call)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise SavedSearchError(f"cannot read {self.path}: {exc.strerror}") from None
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SavedSearchError(f"{self.path}: malformed TOML: {exc}") from None
        out = {}
        for name, table in data.items():
            if not isinstance(table, dict) or not isinstance(table.get("query"), str):
                raise SavedSearchError(f"{self.path}: [{name}] needs a query = \"...\" line")
            unknown = set(table) - set(FIELDS)
            if unknown:
                raise SavedSearchError(f"{self.path}: [{name}] has unknown keys: "
                                       f"{', '.join(sorted(unknown))}")
            try:
                out[name] = SavedSearch(name=check_name(name), **table)
            except (TypeError, UsageError) as exc:
                raise SavedSearchError(f"{self.path}: [{name}]: {exc}") from None
        return out

    def _save(self, searches: dict[str, SavedSearch]) -> None:
        import tomli_w

        header = ("# newsearch saved searches: edit freely; one [name] table per search.\n"
                  "# Keys: query, description, speakers, places, sources, since, until, sort, "
                  "limit.\n\n")
        body = tomli_w.dumps({n: s.as_toml() for n, s in sorted(searches.items())})
        _atomic_write(self.path, header + body)

    def state(self) -> dict[str, dict[str, Any]]:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SavedSearchError(f"{self.state_path}: unreadable run state ({exc}); "
                                   "move it away to start afresh") from None

    def _save_state(self, state: dict[str, dict[str, Any]]) -> None:
        _atomic_write(self.state_path, json.dumps(state, indent=1, sort_keys=True) + "\n")

    # ------------------------------------------------------------ edits

    def add(self, search: SavedSearch, force: bool = False, schema=None) -> None:
        """Store a search after checking its name and that its query parses."""
        check_name(search.name)
        _validate(search, schema)
        with self.locked():
            searches = self.load()
            if search.name in searches and not force:
                raise UsageError(f"a saved search named {search.name!r} exists (use --force "
                                 "to replace it)")
            searches[search.name] = search
            self._save(searches)

    def get(self, name: str) -> SavedSearch:
        searches = self.load()
        if name not in searches:
            raise UsageError(f"no saved search named {name!r} in {self.path}")
        return searches[name]

    def remove(self, name: str) -> None:
        with self.locked():
            searches = self.load()
            if name not in searches:
                raise UsageError(f"no saved search named {name!r} in {self.path}")
            del searches[name]
            self._save(searches)
            state = self.state()
            if state.pop(name, None) is not None:
                self._save_state(state)

    def rename(self, old: str, new: str) -> None:
        check_name(new)
        with self.locked():
            searches = self.load()
            if old not in searches:
                raise UsageError(f"no saved search named {old!r} in {self.path}")
            if new in searches:
                raise UsageError(f"a saved search named {new!r} exists")
            s = searches.pop(old)
            s.name = new
            searches[new] = s
            self._save(searches)
            state = self.state()
            if old in state:
                state[new] = state.pop(old)
                self._save_state(state)

    def listing(self) -> list[dict[str, Any]]:
        """Definitions with their last run, for ``saved list``."""
        state = self.state()
        rows = []
        for name, s in sorted(self.load().items()):
            st = state.get(name, {})
            rows.append({**asdict(s),
                         "last_run": st.get("last_run"), "hits_last_run": st.get("hits_last_run"),
                         "reported": len(st.get("reported", []))})
        return rows

    # ------------------------------------------------------------ running

    def run(self, names: list[str], index_dir: str, *, new: bool = False, mark: bool = True,
            limit: int | None = None) -> list[tuple[str, SearchResult]]:
        """Run saved searches against an index.

        Args:
            names: the searches to run (all of them if empty).
            index_dir: the index to search.
            new: only articles this search has not reported before.
            mark: with ``new``, record what was shown as reported.
            limit: hits per search (default: the search's own limit).

        Returns:
            ``(name, SearchResult)`` pairs in the order asked.
        """
        searches = self.load()
        if not searches:
            raise UsageError(f"no saved searches in {self.path}")
        names = names or sorted(searches)
        for n in names:
            if n not in searches:
                raise UsageError(f"no saved search named {n!r} in {self.path}")
        out = []
        with Searcher(index_dir) as searcher, self.locked():
            state = self.state()
            for name in names:
                s = searches[name]
                st = state.setdefault(name, {})
                reported = set(st.get("reported", [])) if new else set()
                result = searcher.search(s.to_query(limit), exclude_ids=reported)
                if mark or not new:
                    st["last_run"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
                    st["hits_last_run"] = len(result.hits)
                if new and mark:
                    st["reported"] = sorted(reported | {h.id for h in result.hits})
                out.append((name, result))
            if mark or not new:
                self._save_state(state)
        return out


def _validate(search: SavedSearch, schema=None) -> None:
    from .schema import build_schema
    from .searcher import SORTS, Parser, day_range

    Parser(schema or build_schema()).parse(search.query)
    for d in (search.since, search.until):
        if d:
            day_range(d)
    if search.sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}")
    if search.limit < 0:
        raise UsageError("--limit must not be negative")


def _atomic_write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(Exception):
            os.unlink(tmp)
        raise SavedSearchError(f"cannot write {path}: {exc.strerror or exc}") from None
