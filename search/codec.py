"""The on-disk postings format: Whoosh's W3 codec with its inlining fixed. (W)

Whoosh 2.7 can store a short posting list inside its term's dictionary entry
("inlined") instead of as a block of its own in the postings file, but the
writer calls a method the term info does not have (``set_inline``; it is
``set_inlined``), so the default ``inlinelimit=1`` keeps it off. Most words of
a news archive occur in a handful of articles: each then cost a block (a
header, two pickles, zlib) to write and a seek to read.

The class is pickled into every segment's entry in the table of contents, so
index files name ``search.codec.NewsCodec``: keep the name and module.
"""

from __future__ import annotations

from .schema import whoosh_import  # Whoosh is first imported there (start-up stand-ins)

with whoosh_import():
    from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter

INLINE_LIMIT = 16  # posting lists shorter than this are kept in the term dictionary


class _PostingsWriter(W3PostingsWriter):
    def add_list(self, postings: list[tuple[int, float, bytes]], lengths) -> None:
        """A whole posting list of one term, [(docnum, weight, value)], with
        ``lengths[docnum]`` the field's length in each document: what calling
        ``add_posting`` for each does, a block at a time."""
        limit = self._blocklimit
        for at in range(0, len(postings), limit):
            if self._ids:
                self._write_block()
            chunk = postings[at:at + limit]
            self._ids.extend(d for d, _, _ in chunk)
            self._weights.extend(w for _, w, _ in chunk)
            self._values.extend(v for _, _, v in chunk if v)
            self._maxweight = max(self._maxweight, max(self._weights))
            present = [n for n in (lengths[d] for d, _, _ in chunk) if n]
            if present:
                low = min(present)
                if self._minlength is None or low < self._minlength:
                    self._minlength = low
                self._maxlength = max(self._maxlength, max(present))

    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class NewsCodec(W3Codec):
    writes_lists = True  # its postings writer takes whole lists (add_list)

    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_LIMIT):
        super().__init__(blocklimit, compression, inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)
