"""The newsearch error tree. Library code raises these; the CLI turns them into
one line on stderr and an exit code (see ``NewsearchError.exit_code``)."""

from __future__ import annotations


class NewsearchError(Exception):
    """Base class: a problem the user can act on, reported as one line."""

    exit_code = 2


class UsageError(NewsearchError):
    """Bad options or arguments."""


class IndexMissing(NewsearchError):
    """No index where one was expected."""


class IndexNotOurs(NewsearchError):
    """A directory holds files but no newsearch marker: refuse to unpickle it."""


class IndexLocked(NewsearchError):
    """Another process holds the index lock for longer than we may wait."""


class IndexChanging(NewsearchError):
    """The index kept changing under a reader (commits removing its files) for
    longer than the reader retries."""


class IndexWriteError(NewsearchError):
    """A commit failed (disk full, read-only directory, ...)."""


class QueryError(NewsearchError):
    """A query string or filter that cannot be parsed."""


class SavedSearchError(NewsearchError):
    """A saved-search definition or state file problem."""


class SkipArticle(Exception):
    """Raised by the reader for a file or record that cannot become an article.

    Not a NewsearchError: it is caught, counted and reported in the summary,
    never shown as a failure of the whole run.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
