"""The Whoosh schema: fields, analyzers, and the mapping from an Article plus its
extraction to an index document. (W)"""

from __future__ import annotations

import contextlib
import re
import sys
import types
import warnings
from collections.abc import Iterator
from typing import Any

from .model import Article, Extraction


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(word: str) -> Any:
    from whoosh.lang.morph_en import variations

    return variations(word)


# This module imports Whoosh first (every other module imports it from here).
# Two of Whoosh's imports are for things newsearch never or rarely calls, and
# cost every command's start-up (measured): whoosh.compat imports
# urllib.request (http.client, email, ...: 30 ms) for a download helper, and
# whoosh.query.terms imports whoosh.lang.morph_en (5 ms of regexes) for the
# Variations query. Each gets a stand-in for that one import, removed again
# straight after, so a later import anywhere loads the real module; the
# stand-ins' functions load it when called.
_STAND_INS = {
    "urllib.request": types.SimpleNamespace(urlretrieve=_urlretrieve),
    "whoosh.lang.morph_en": types.SimpleNamespace(variations=_variations),
}
_stood_in = [name for name in _STAND_INS if name not in sys.modules]
sys.modules.update({name: _STAND_INS[name] for name in _stood_in})  # type: ignore[misc]


@contextlib.contextmanager
def whoosh_import() -> Iterator[None]:
    """Around every Whoosh import: Whoosh 2.7 has invalid escape sequences that
    Python 3.12+ warns about when it compiles them (no bytecode cached yet);
    users should never see those."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


try:
    with whoosh_import():
        from whoosh import fields, query  # noqa: F401 - query: imported under the stand-ins
        from whoosh.analysis import STOP_WORDS, Token, Tokenizer
        from whoosh.lang.porter import stem as porter_stem
        from whoosh.support.charset import accent_map
finally:
    for _name in _stood_in:
        del sys.modules[_name]

SCHEMA_VERSION = 1

# Field names, used by every (W) module instead of string literals.
ID, PATH, TITLE, BODY, QUOTES = "id", "path", "title", "body", "quotes"
SPEAKERS, PLACES, SOURCE, DATE = "speakers", "places", "source", "date"
SPEAKER_KEY, PLACE_KEY, SOURCE_KEY = "speaker_key", "place_key", "source_key"
SPEAKER_LIST, PLACE_LIST, QUOTE_LIST = "speaker_list", "place_list", "quote_list"
CREDIT, URL, POSITION = "credit", "url", "position"

TITLE_BOOST = 2.0


class _StemCache(dict):
    """word -> Porter stem, computed on first use (``cache[word]``); emptied
    past 200,000 words so a huge archive cannot grow it without bound."""

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        root = self[word] = porter_stem(word)
        return root


class NewsAnalyzer(Tokenizer):
    """Words -> lower case -> accents folded (São = Sao) -> Porter stems
    (optional), in one pass.

    Stop words are *indexed* (mode "index") with their real positions, so a
    phrase means exactly its words: "state of emergency" does not match
    "States and emerging". Plain query words (mode "query") drop them, so
    ``state of emergency`` typed bare requires only "state" and "emergency";
    phrases are analysed with mode "phrase", which keeps them.

    One generator instead of Whoosh's five chained ones and a dict as the
    stem cache: about twice as fast as ``StemmingAnalyzer``, and indexing time
    is mostly analysis.
    """

    def __init__(self, stem: bool = True, pattern: str = r"\w+(?:\.?\w+)*",
                 minsize: int = 2) -> None:
        self.stem = stem
        self.pattern = pattern
        self.minsize = minsize
        self._setup()

    def _setup(self) -> None:
        self._re = re.compile(self.pattern)
        self._stops = frozenset(STOP_WORDS)
        self._cache = _StemCache()

    def __getstate__(self) -> dict[str, Any]:  # the schema is pickled into the index
        return {"stem": self.stem, "pattern": self.pattern, "minsize": self.minsize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._setup()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer) and self.__getstate__() == other.__getstate__()

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        drop_stops = removestops and mode not in ("index", "phrase")
        stops, cache, minsize, stem = self._stops, self._cache, self.minsize, self.stem
        pos = start_pos - 1
        for m in self._re.finditer(value) if tokenize else [None]:
            word = (m.group(0) if m else value).lower()
            if len(word) < minsize:
                continue  # no position either, in every mode alike
            pos += 1
            stopped = word in stops
            if stopped and drop_stops:
                continue
            if not word.isascii():
                word = word.translate(accent_map)
            if stem and not stopped:
                word = cache[word]
            t.text = word
            t.boost = 1.0
            # Whoosh drops tokens marked stopped before indexing; kept stop
            # words are ordinary (unstemmed) terms.
            t.stopped = stopped and drop_stops
            if keeporiginal:
                t.original = m.group(0) if m else value
            if positions:
                t.pos = pos
            if chars:
                a, b = (m.start(), m.end()) if m else (0, len(value))
                t.startchar, t.endchar = start_char + a, start_char + b
            yield t


    def index_terms(self, value: str, chars: bool) -> dict[str, list]:
        """What ``self(value, mode="index")`` yields, grouped by term:
        term -> [(position, startchar, endchar)] (``chars``) or [position].
        The indexer's fast path: no Token per word, no generator."""
        out: dict[str, list] = {}
        stops, cache, minsize, stem = self._stops, self._cache, self.minsize, self.stem
        pos = -1
        for m in self._re.finditer(value):
            word = m.group(0).lower()
            if len(word) < minsize:
                continue
            pos += 1
            stopped = word in stops
            if not word.isascii():
                word = word.translate(accent_map)
            if stem and not stopped:
                word = cache[word]
            entry = (pos, m.start(), m.end()) if chars else pos
            found = out.get(word)
            if found is None:
                out[word] = [entry]
            else:
                found.append(entry)
        return out


def text_analyzer() -> NewsAnalyzer:
    """The analyzer of title, body and quotes: stemmed words."""
    return NewsAnalyzer(stem=True)


def name_analyzer() -> NewsAnalyzer:
    """Names (speakers, places, sources): every name part is a term, not stemmed,
    so ``speaker:nujaifi`` matches "Atheel Nujaifi"."""
    return NewsAnalyzer(stem=False, minsize=1)


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            PATH: fields.ID(stored=True),
            POSITION: fields.STORED(),
            TITLE: fields.TEXT(analyzer=text, stored=True, field_boost=TITLE_BOOST),
            # Character offsets let the highlighter read match positions from the
            # postings instead of re-tokenising long articles.
            BODY: fields.TEXT(analyzer=text, stored=True, phrase=True, chars=True),
            QUOTES: fields.TEXT(analyzer=text, phrase=True),
            SPEAKERS: fields.TEXT(analyzer=names, phrase=True),
            PLACES: fields.TEXT(analyzer=names, phrase=True),
            SOURCE: fields.TEXT(analyzer=names, stored=True),
            # Exact values for facets.
            SPEAKER_KEY: fields.KEYWORD(commas=True),
            PLACE_KEY: fields.KEYWORD(commas=True),
            SOURCE_KEY: fields.ID(sortable=True),
            DATE: fields.DATETIME(stored=True, sortable=True),
            # Display copies, in the extractor's order and spelling.
            SPEAKER_LIST: fields.STORED(),
            PLACE_LIST: fields.STORED(),
            QUOTE_LIST: fields.STORED(),
            CREDIT: fields.STORED(),
            URL: fields.STORED(),
        }
    )


def key(value: str) -> str:
    """The exact form of a name for facets: white space folded, commas (the
    keyword separator) removed."""
    return " ".join(value.replace(",", " ").split())


def to_document(article: Article, found: Extraction) -> dict[str, Any]:
    """The Whoosh document for an article and what the extractor found in it."""
    doc: dict[str, Any] = {
        ID: article.id,
        PATH: article.path,
        TITLE: article.title,
        BODY: article.body,
        SPEAKER_LIST: list(found.speakers),
        PLACE_LIST: list(found.places),
        QUOTE_LIST: [(q.text, q.speaker, q.source, q.start, q.end) for q in found.quotes],
    }
    if article.position is not None:
        doc[POSITION] = article.position
    if found.quotes:
        doc[QUOTES] = "\n".join(q.text for q in found.quotes)
    if found.speakers:
        doc[SPEAKERS] = "\n".join(found.speakers)
        doc[SPEAKER_KEY] = ",".join(key(s) for s in found.speakers)
    if found.places:
        doc[PLACES] = "\n".join(found.places)
        doc[PLACE_KEY] = ",".join(key(p) for p in found.places)
    if article.source:
        doc[SOURCE] = article.source
        doc[SOURCE_KEY] = key(article.source)
    if article.date:
        doc[DATE] = article.date
    if article.credit:
        doc[CREDIT] = article.credit
    if article.url:
        doc[URL] = article.url
    return doc
