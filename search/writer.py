"""Whoosh's segment writer made fast for news archives: one-pass analysis,
postings pooled by term, short lists inlined, lengths cached. (W)

The indexer (indexer.py) plans and runs incremental work and imports this
module only when there is something to write, so an unchanged re-run never
loads Whoosh.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pickle import dump, load
from typing import Any

from .codec import NewsCodec
from .errors import IndexWriteError
from .schema import BODY, TITLE, CompactPositions, NewsAnalyzer, whoosh_import

with whoosh_import():
    from whoosh.system import emptybytes
    from whoosh.writing import MERGE_SMALL, NO_MERGE, PostingPool, SegmentWriter

__all__ = ["MERGE_SMALL", "NO_MERGE", "FastSegmentWriter", "live"]

SPELLING_FIELDS = frozenset({TITLE, BODY})  # their words feed "did you mean" and fuzzy terms


class _LengthCache:
    """Field lengths of a new segment, read once per field.

    Whoosh's postings writer asks the per-document reader for a document's
    field length once per posting (hundreds of thousands of column reads per
    batch); reading each field's lengths once is the same data, much faster.
    """

    def __init__(self, pdr) -> None:
        self.pdr = pdr
        self.n = pdr.doc_count_all()
        self.memo: dict[str, list] = {}

    def field(self, fieldname: str) -> list[int]:
        lens = self.memo.get(fieldname)
        if lens is None:
            dfl = self.pdr.doc_field_length
            lens = self.memo[fieldname] = [dfl(d, fieldname, 0) for d in range(self.n)]
        return lens

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        return self.field(fieldname)[docnum]


class _TermPool(PostingPool):
    """Whoosh's posting pool keeps every posting as a tuple, sorts them all when
    the segment is written, and past its memory limit pickles them one by one
    into sorted runs on disk. Postings arrive in document order, so this one
    groups them by field and term as they come (a term's postings flat in one
    list: docnum, weight, value, docnum, ...), sorts only the terms, and spills
    whole posting lists, a chunk of terms per pickle; the runs are merged term
    by term (a term's lists joined in the order they were written).

    Terms of the writer's fast text fields are kept as str (UTF-8 sorts as
    code points do) and encoded once per term when written, not per posting.
    """

    SPILL_CHUNK = 2000  # terms per pickle in a run

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.terms: dict[str, dict] = {}  # field -> term -> flat postings
        self.text_fields: frozenset[str] = frozenset()  # fields whose terms are str

    def _field(self, fieldname: str) -> dict:
        found = self.terms.get(fieldname)
        if found is None:
            found = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        return found

    def add_postings(self, fieldname: str, docnum: int, terms: list[str],
                     weights: list[float], values: list[bytes]) -> None:
        """One document's postings in one field."""
        field = self._field(fieldname)
        new = 0
        for term, weight, value in zip(terms, weights, values):
            found = field.get(term)
            if found is None:
                field[term] = [docnum, weight, value]
                new += 1
            else:
                found += (docnum, weight, value)
        # Sizes as CPython holds them (measured with sys.getsizeof): a posting
        # is three list slots, a float and a bytes object; a term adds its
        # str, a list and a dict entry.
        self.currentsize += 90 * len(terms) + sum(map(len, values)) + 250 * new
        if self.currentsize > self.limit:
            self.save()

    def add(self, item) -> None:
        """Whoosh's way in: one posting (other fields, and spelling words)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        term = tbytes.decode("utf-8") if fieldname in self.text_fields else tbytes
        self.add_postings(fieldname, docnum, [term], [weight], [vbytes or b""])

    def _sorted(self) -> Iterator[tuple[tuple[str, Any], list]]:
        for fieldname in sorted(self.terms):
            field = self.terms[fieldname]
            for term in sorted(field):
                yield (fieldname, term), field[term]

    def save(self) -> None:
        if not self.terms:
            return
        path, f = self._new_run()
        with f:
            chunk = []
            for item in self._sorted():
                chunk.append(item)
                if len(chunk) >= self.SPILL_CHUNK:
                    dump(chunk, f, 2)
                    chunk = []
            if chunk:
                dump(chunk, f, 2)
        self.runs.append(path)
        self.terms, self.currentsize = {}, 0

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)

    def term_lists(self) -> Iterator[tuple[tuple[str, bytes], list]]:
        """(field, term bytes) -> its flat postings, in term order, runs merged."""
        if not self.runs:
            merged = self._sorted()
        else:
            # Runs in the order written, memory last: equal terms come out in
            # that order (heapq.merge is stable), so each list stays in
            # document order.
            streams = [self._read_run(p) for p in self.runs]
            streams.append(self._sorted())
            self.runs = []
            merged = _joined(heapq.merge(*streams, key=lambda kv: kv[0]))
        for (fieldname, term), postings in merged:
            yield (fieldname, term.encode("utf-8") if isinstance(term, str) else term), postings

    def items(self, maxfiles: int = 128):
        for (fieldname, tbytes), flat in self.term_lists():
            for at in range(0, len(flat), 3):
                yield fieldname, tbytes, flat[at], flat[at + 1], flat[at + 2]

    def cleanup(self) -> None:
        for path in self.runs:
            with contextlib.suppress(OSError):
                self._remove_run(path)
        self.runs = []


def _joined(merged: Iterator[tuple[Any, list]]) -> Iterator[tuple[Any, list]]:
    """Equal keys of a merged stream as one item, their lists joined."""
    key, postings = next(merged, (None, None))
    for k, more in merged:
        if k == key:
            postings = postings + more
        else:
            yield key, postings
            key, postings = k, more
    if key is not None:
        yield key, postings


class FastSegmentWriter(SegmentWriter):
    """Whoosh's SegmentWriter with six changes:

    * text fields analysed by ``schema.NewsAnalyzer`` are indexed in one pass
      (``NewsAnalyzer.index_terms``): no token objects, no generator chain,
      the same postings byte for byte;
    * postings grouped by term as they arrive (``_TermPool``) instead of a
      tuple per posting sorted at the end;
    * postings written with ``codec.NewsCodec``: short posting lists inlined in
      the term dictionary (27 % less indexing time on BBC, same size);
    * its own temporary folder: Whoosh names it after the index ("MAIN.tmp"),
      so parallel writers share one, and the first to finish deletes the
      others' spilled posting runs (found indexing 403k articles, where the
      posting buffers spill to disk);
    * field lengths cached while postings are written;
    * segments stay as separate files, not one compound file: Whoosh opens a
      compound file through a BytesIO that copies each part whole into
      memory, so every search process (and every merge) read the full
      postings and stored fields of the index (15 ms per query on BBC, and
      memory that grows with the archive).
    """

    def __init__(self, ix, **kwargs) -> None:
        kwargs.setdefault("compound", False)
        kwargs.setdefault("codec", NewsCodec())
        storage = ix.storage
        private = f"{ix.indexname}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp"
        make_temp = storage.temp_storage
        # SegmentWriter.__init__ asks for "<indexname>.tmp" and hands that
        # folder to its posting pool and column writers: give it ours instead.
        storage.temp_storage = lambda name=None: make_temp(private)
        try:
            super().__init__(ix, **kwargs)
        except BaseException:
            # Whoosh takes its write lock first; a failure after that (disk
            # full creating the segment files) would leave it held for good.
            lock = getattr(self, "writelock", None)
            if lock is not None and getattr(lock, "fd", 0) is not None:
                with contextlib.suppress(Exception):
                    lock.release()
            with contextlib.suppress(Exception):
                self._tempstorage.destroy()
            raise
        finally:
            del storage.temp_storage
        # field name -> (analyzer, field boost) for the one-pass path
        self._fast = {}
        for name, fobj in self.schema.items():
            fmt, ana = fobj.format, getattr(fobj, "analyzer", None)
            if (isinstance(ana, NewsAnalyzer) and type(fmt) is CompactPositions
                    and fobj.scorable and not fobj.vector and not fobj.separate_spelling()):
                self._fast[name] = (ana, fmt.field_boost)
        self.pool = _TermPool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))
        self.pool.text_fields = frozenset(self._fast)  # their terms are kept as str
        self.words: Counter = Counter()  # surface words of SPELLING_FIELDS, for "did you mean"

    def add_document(self, **fields) -> None:
        """Whoosh's SegmentWriter.add_document, with the one-pass path for text
        fields (any other field goes through Whoosh's own ``field.index``)."""
        self._check_state()
        perdocwriter, schema, docnum, pool = self.perdocwriter, self.schema, self.docnum, self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fieldboost = self._field_boost(fields, fieldname, docboost)
                fast = self._fast.get(fieldname) if isinstance(value, str) else None
                if fast:
                    ana, fb = fast
                    terms, freqs, values, words = ana.index_terms(value)
                    if terms:
                        boost = fb * fieldboost
                        pool.add_postings(fieldname, docnum, terms, [f * boost for f in freqs],
                                          values)
                    length = len(words)
                    if fieldname in SPELLING_FIELDS:
                        self.words.update(words)
                else:
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                if field.separate_spelling():
                    spellfield = field.spelling_fieldname(fieldname)
                    for word in field.spellable_words(value):
                        pool.add((spellfield, word.encode("utf-8"), 0, 1, emptybytes))
            if field.vector:
                raise IndexWriteError(f"field {fieldname!r} has term vectors, which newsearch "
                                      "does not write")
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def take_words(self) -> Counter:
        """The words of 3-24 letters added since the last call, with their counts
        (what "did you mean" and fuzzy terms choose from: the index itself holds
        only stems)."""
        words, self.words = self.words, Counter()
        return Counter({w: n for w, n in words.items() if 2 < len(w) < 25 and w.isalpha()})

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _LengthCache(pdr) if pdr else None
        fw, pool = self.fieldwriter, self.pool
        if (hasattr(pool, "term_lists") and lengths
                and getattr(self.codec, "writes_lists", False)):
            # Whole posting lists straight from the pool, a block at a time
            # (Whoosh's add_postings takes them one posting at a time).
            lastfn, lens = None, []
            for key, postings in pool.term_lists():
                fieldname, tbytes = key
                if fieldname != lastfn:
                    if lastfn is not None:
                        fw.finish_field()
                    fw.start_field(fieldname, self.schema[fieldname])
                    lastfn, lens = fieldname, lengths.field(fieldname)
                fw.add_term_list(tbytes, postings, lens)
            if lastfn is not None:
                fw.finish_field()
        else:
            fw.add_postings(self.schema, lengths, pool.iter_postings())
        fw.close()
        if pdr:
            pdr.close()


def live(policy: Callable) -> Callable:
    """A Whoosh merge policy that first drops segments whose every document is
    deleted. Whoosh keeps them (its small-segment merge counts deleted
    documents as live), so re-indexing a changed export left every old segment
    in place, empty, and every search still walked them: Reuters-21578
    re-indexed once held 9 segments for 5 live ones, p95 42 -> 85 ms."""

    def merge(writer: SegmentWriter, segments: list) -> list:
        return policy(writer, [s for s in segments if s.doc_count() > 0])

    return merge
