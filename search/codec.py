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

INLINE_LIMIT = 8  # posting lists shorter than this are kept in the term dictionary


class _PostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class NewsCodec(W3Codec):
    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_LIMIT):
        super().__init__(blocklimit, compression, inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)
