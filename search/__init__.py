"""newsearch: full-text search for news archives.

A small public API, used by the CLI itself::

    from search import index_paths, search_index, Query
"""

from __future__ import annotations

__version__ = "0.1.0"
