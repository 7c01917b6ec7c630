"""newsearch: full-text search for news archives.

A small public API, the one the CLI itself uses::

    from search import index_paths, Searcher, Query

    index_paths(["corpus/"], "index")
    with Searcher("index") as s:
        for hit in s.search(Query("state of emergency", places=["Iraq"])).hits:
            print(hit.rank, hit.title, hit.speakers)

Names are imported on first use, so ``import search`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "index_paths": "indexer", "extract_paths": "indexer", "Searcher": "searcher",
    "Query": "searcher", "SearchResult": "searcher", "search_index": "searcher",
    "index_stats": "searcher", "SavedSearches": "saved", "SavedSearch": "saved",
    "extract": "extract", "read_articles": "reader", "discover": "reader", "Article": "model",
    "Hit": "model", "Extraction": "model", "Quote": "model", "NewsearchError": "errors",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'search' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
