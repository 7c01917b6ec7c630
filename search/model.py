"""Plain records that flow through newsearch: files -> Article -> extraction
-> index documents -> Hit -> rendering. Frozen dataclasses, no Whoosh, no Rich."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``text`` spans ``start:end`` of the article body."""

    text: str
    speaker: str | None  # a named person, or None when unattributed
    source: str | None = None  # unnamed description ("an Interior Ministry official")
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Extraction:
    """What the extractor found in one article."""

    speakers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[str, ...] = ()  # unnamed sources, kept out of speakers


@dataclass(frozen=True)
class Article:
    """One news article as read from disk.

    ``id`` is stable for a given file and position: it does not change when the
    text changes, so saved searches can remember what they reported.
    """

    id: str
    path: str  # absolute path of the file it came from
    title: str
    body: str
    date: datetime | None = None
    source: str | None = None
    credit: str | None = None
    url: str | None = None
    position: int | None = None  # line (JSONL) or list index (JSON) inside the file
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Skip:
    """A file or record that was not indexed, with the reason why."""

    path: str
    reason: str
    position: int | None = None  # line number for one bad JSONL line

    def as_dict(self) -> dict[str, Any]:
        where = self.path if self.position is None else f"{self.path}:{self.position}"
        return {"path": where, "reason": self.reason}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A piece of an article with the character spans of query matches."""

    text: str
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Hit:
    rank: int
    id: str
    path: str
    title: str
    date: datetime | None
    source: str | None
    score: float
    speakers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    passages: tuple[Passage, ...] = ()
    url: str | None = None
    credit: str | None = None


@dataclass
class IndexSummary:
    """The outcome of one ``index`` run."""

    added: int = 0  # articles
    updated: int = 0
    unchanged: int = 0  # files skipped by stat or hash
    removed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    documents: int = 0
    files: int = 0  # files read this run
    seconds: float = 0.0
    interrupted: bool = False

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["skipped"] = [s.as_dict() for s in self.skipped]
        return data
