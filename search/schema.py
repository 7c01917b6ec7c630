"""The Whoosh schema: fields, analyzers, and the mapping from an Article plus its
extraction to an index document. (W)"""

from __future__ import annotations

import contextlib
import re
import sys
import types
import warnings
from array import array
from collections import Counter
from collections.abc import Iterator
from itertools import accumulate, count, repeat
from operator import mul
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
        from whoosh.formats import Positions
        from whoosh.lang.porter import stem as porter_stem
        from whoosh.support.charset import accent_map
finally:
    for _name in _stood_in:
        del sys.modules[_name]


# Field names, used by every (W) module instead of string literals.
ID, PATH, TITLE, BODY, QUOTES = "id", "path", "title", "body", "quotes"
SPEAKERS, PLACES, SOURCE, DATE = "speakers", "places", "source", "date"
SPEAKER_KEY, PLACE_KEY, SOURCE_KEY = "speaker_key", "place_key", "source_key"
SPEAKER_LIST, PLACE_LIST, QUOTE_LIST = "speaker_list", "place_list", "quote_list"
CREDIT, URL, POSITION = "credit", "url", "position"

TITLE_BOOST = 2.0


# --------------------------------------------------------------- postings
#
# Whoosh's Positions format pickles a list of deltas for every posting (a
# pickle call per term per document: most of the indexing time after
# analysis). This one stores the same numbers as machine integers: unsigned
# 16-bit, or, when any is 65,535 or more, a 0xFFFF marker and 32-bit integers.
# The indexer cuts each term's value out of one array per document
# (``pack_positions``, C loops only); Whoosh's own path (``encode``) writes
# the same bytes.

_WIDE = b"\xff\xff"  # starts a 32-bit value; a 16-bit one never holds 0xFFFF
_SWAP = sys.byteorder == "big"  # stored little-endian on every machine


def _array(kind: str, ints) -> bytes:
    out = array(kind, ints)
    if _SWAP:
        out.byteswap()
    return out.tobytes()


def pack_positions(order: list[int], freqs: list[int], limit: int) -> list[bytes]:
    """Each term's value: ``order`` holds the positions grouped by term
    (``freqs[i]`` of them for term i), all below ``limit``."""
    if limit >= 0xFFFF:  # rare (texts of 64K+ words): each term its own width
        out, at = [], 0
        for c in freqs:
            out.append(_pack(order[at:at + c]))
            at += c
        return out
    blob = _array("H", order)
    bounds = list(accumulate(map(mul, freqs, repeat(2)), initial=0))
    return list(map(blob.__getitem__, map(slice, bounds, bounds[1:])))


def _pack(ints: list[int]) -> bytes:
    if max(ints) < 0xFFFF:
        return _array("H", ints)
    return _WIDE + _array("I", ints)


def _unpack(value: bytes) -> array:
    if value[:2] == _WIDE:
        ints = array("I")
        ints.frombytes(memoryview(value)[2:])
    else:
        ints = array("H")
        ints.frombytes(value)
    if _SWAP:
        ints.byteswap()
    return ints


class CompactPositions(Positions):
    """Positions as 16/32-bit integers (see above). Pickled into the index's
    schema: keep the name and module."""

    def encode(self, poslist) -> bytes:
        return _pack(list(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return _unpack(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        if valuestring[:2] == _WIDE:
            return (len(valuestring) - 2) // 4
        return len(valuestring) // 2

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, int]]:
        return [(pos, 1) for pos in self.decode_positions(valuestring)]


# -------------------------------------------------------------- analysis


class _TermCache(dict):
    """surface word (lower case) -> its term, computed on first use
    (``cache[word]``): stop words stay as they are, other words are accent
    folded and (``stem``) Porter stemmed. One lookup per word, no branches in
    the indexing loop. Emptied past 200,000 words so a huge archive cannot
    grow it without bound."""

    def __init__(self, stops: frozenset[str], stem: bool) -> None:
        super().__init__()
        self.stops = stops
        self.stem = stem

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        term = word
        if word not in self.stops:
            if not word.isascii():
                term = word.translate(accent_map)
            if self.stem:
                term = porter_stem(term)
        self[word] = term
        return term


WORD_PATTERN = r"\w+(?:\.?\w+)*"  # "U.S" and "e.g" are one word each


class NewsAnalyzer(Tokenizer):
    """Words -> lower case -> accents folded (São = Sao) -> Porter stems
    (optional), in one pass.

    Stop words are *indexed* (mode "index") with their real positions, so a
    phrase means exactly its words: "state of emergency" does not match
    "States and emerging". Plain query words (mode "query") drop them, so
    ``state of emergency`` typed bare requires only "state" and "emergency";
    phrases are analysed with mode "phrase", which keeps them.

    Words shorter than ``minsize`` get no position. Both the query side
    (``__call__``, a Whoosh tokenizer) and the indexer's fast path
    (``index_terms``) cut words with ``words()``, so they cannot disagree.
    """

    def __init__(self, stem: bool = True, pattern: str = WORD_PATTERN,
                 minsize: int = 2) -> None:
        self.stem = stem
        self.pattern = pattern
        self.minsize = minsize
        self._setup()

    def _setup(self) -> None:
        pattern = self.pattern
        if pattern == WORD_PATTERN and self.minsize == 2:
            # No match for a one-character word (a word character not followed
            # by another, or by a dot and another): the regex skips what would
            # be dropped anyway, so the word list needs no filtering pass.
            pattern = r"(?!\w(?!\.?\w))" + pattern
        self._re = re.compile(pattern)
        self._split = re.compile(f"({pattern})").split
        self._stops = frozenset(STOP_WORDS)
        self._cache = _TermCache(self._stops, self.stem)

    def __getstate__(self) -> dict[str, Any]:  # the schema is pickled into the index
        return {"stem": self.stem, "pattern": self.pattern, "minsize": self.minsize}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._setup()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer) and self.__getstate__() == other.__getstate__()

    def words(self, value: str, spans: bool = True) -> tuple[list[str], list[int], list[int]]:
        """The lower-case words of ``value`` that get a position and (``spans``)
        their start and end offsets in ``value`` (else two empty lists).

        The text is lowered once, not word by word, and cut by C loops: with
        spans, one ``re.split`` (words and the text between them, alternating)
        whose running lengths are the offsets; no match object per word.
        If lowering changes the text's length (a dotted capital I), offsets in
        the lowered text are not offsets in ``value``: then word by word."""
        low = value.lower()
        starts: list[int] = []
        ends: list[int] = []
        if len(low) != len(value):
            found = list(self._re.finditer(value))
            words = [m.group().lower() for m in found]
            if spans:
                starts, ends = [m.start() for m in found], [m.end() for m in found]
        elif spans:
            parts = self._split(low)
            words = parts[1::2]
            offsets = list(accumulate(map(len, parts), initial=0))
            starts, ends = offsets[1::2], offsets[2::2]
        else:
            words = self._re.findall(low)
        minsize = self.minsize
        if words and minsize > 1 and min(map(len, words)) < minsize:
            keep = [i for i, w in enumerate(words) if len(w) >= minsize]
            words = [words[i] for i in keep]
            if spans:
                starts, ends = [starts[i] for i in keep], [ends[i] for i in keep]
        return words, starts, ends

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        drop_stops = removestops and mode not in ("index", "phrase")
        stops, cache = self._stops, self._cache
        if tokenize:
            words, starts, ends = self.words(value)
        else:
            words, starts, ends = [value.lower()], [0], [len(value)]
            if len(words[0]) < self.minsize:
                return
        for pos, word in enumerate(words, start_pos):
            stopped = word in stops
            if stopped and drop_stops:
                continue
            t.text = cache[word]
            t.boost = 1.0
            # Whoosh drops tokens marked stopped before indexing; kept stop
            # words are ordinary (unstemmed) terms.
            t.stopped = False
            if keeporiginal:
                t.original = value[starts[pos - start_pos]:ends[pos - start_pos]]
            if positions:
                t.pos = pos
            if chars:
                i = pos - start_pos
                t.startchar, t.endchar = start_char + starts[i], start_char + ends[i]
            yield t

    def index_terms(self, value: str) -> tuple[list[str], list[int], list[bytes], list[str]]:
        """What ``self(value, mode="index")`` yields, as postings ready to
        store: (terms, their frequencies, their positions encoded by
        ``pack_positions``, the surface words). The indexer's fast path: the
        per-word and per-term work is done by C loops (a regex pass, a map
        through the term cache, a sort, slices of one array); no Python loop
        per word or term."""
        words = self.words(value, spans=False)[0]
        n = len(words)
        if not n:
            return [], [], [], words
        terms = list(map(self._cache.__getitem__, words))
        # Group positions by term without a Python loop per word: number the
        # terms in order of first use, sort the positions by that number (a
        # stable sort, so each term's positions stay ascending).
        ids = dict(zip(dict.fromkeys(terms), count()))
        keys = list(map(ids.__getitem__, terms))
        order = sorted(range(n), key=keys.__getitem__)
        counts = Counter(keys)
        freqs = list(map(counts.__getitem__, range(len(ids))))
        return list(ids), freqs, pack_positions(order, freqs, n), words


def text_analyzer() -> NewsAnalyzer:
    """The analyzer of title, body and quotes: stemmed words."""
    return NewsAnalyzer(stem=True)


def name_analyzer() -> NewsAnalyzer:
    """Names (speakers, places, sources): every name part is a term, not stemmed,
    so ``speaker:nujaifi`` matches "Atheel Nujaifi"."""
    return NewsAnalyzer(stem=False, minsize=1)


def _text(analyzer: NewsAnalyzer, **kwargs: Any) -> fields.TEXT:
    """A TEXT field (positions for phrases) in the compact posting format."""
    field = fields.TEXT(analyzer=analyzer, phrase=True, **kwargs)
    field.format = CompactPositions(field_boost=field.format.field_boost)
    return field


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            PATH: fields.ID(stored=True),
            POSITION: fields.STORED(),
            TITLE: _text(text, stored=True, field_boost=TITLE_BOOST),
            # Positions only: the highlighter cuts the few articles it shows
            # again for character offsets (highlight.occurrences).
            BODY: _text(text, stored=True),
            QUOTES: _text(text),
            SPEAKERS: _text(names),
            PLACES: _text(names),
            SOURCE: _text(names, stored=True),
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
