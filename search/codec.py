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

from array import array
from pickle import dumps

from .schema import whoosh_import  # Whoosh is first imported there (start-up stand-ins)

with whoosh_import():
    import zlib

    from whoosh.codec.whoosh3 import (
        WHOOSH3_HEADER_MAGIC,
        W3Codec,
        W3FieldWriter,
        W3PostingsWriter,
        W3TermInfo,
    )
    from whoosh.filedb.filestore import FileStorage
    from whoosh.system import pack_ushort
    from whoosh.util.numeric import length_to_byte

# Whoosh pickles posting blocks and inlined postings with protocol 2, which has
# no opcode for bytes: each posting's value is written as a latin-1 str and
# rebuilt by a call to _codecs.encode when read (binary values take ~1.5x their
# size, and both ways cost a call per posting). Protocol 4 writes bytes as
# bytes; readers unpickle any protocol.
PICKLE_PROTOCOL = 4

INLINE_LIMIT = 16  # posting lists shorter than this are kept in the term dictionary


class _PostingsWriter(W3PostingsWriter):
    def add_list(self, flat: list, lengths) -> None:
        """A whole posting list of one term, flat as [docnum, weight, value,
        docnum, ...], with ``lengths[docnum]`` the field's length in each
        document: what calling ``add_posting`` for each does, a block at a time."""
        ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
        limit = self._blocklimit
        for at in range(0, len(ids), limit):
            if self._ids:
                self._write_block()
            chunk = ids[at:at + limit]
            self._ids.extend(chunk)
            self._weights.extend(weights[at:at + limit])
            self._values.extend(filter(None, values[at:at + limit]))
            self._maxweight = max(self._maxweight, max(self._weights))
            present = list(filter(None, map(lengths.__getitem__, chunk)))
            if present:
                low = min(present)
                if self._minlength is None or low < self._minlength:
                    self._minlength = low
                self._maxlength = max(self._maxlength, max(present))

    def _write_block(self, last: bool = False) -> None:
        """Whoosh's W3PostingsWriter._write_block, pickled with PICKLE_PROTOCOL."""
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        data = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()),
                     PICKLE_PROTOCOL)
        comp = self._compression
        if comp:
            data = zlib.compress(data, comp)
        ids = self._ids
        info = dumps((len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
                      length_to_byte(self._maxlength)), PICKLE_PROTOCOL)
        size = len(info) + len(data)
        self._postfile.write_int(-size if last else size)  # the last block's is negative
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()

    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


_TERMINFO = W3TermInfo._struct


def _inlined_entry(weight: float, df: int, minlength: int | None, maxlength: int,
                   maxweight: float, minid: int | None, maxid: int | None,
                   postings: tuple) -> bytes:
    """A term dictionary entry holding its postings (ids, weights, values): the
    bytes W3TermInfo.to_bytes writes for them, pickled with PICKLE_PROTOCOL."""
    return _TERMINFO.pack(True, weight, df,
                          0 if minlength is None else length_to_byte(minlength),
                          length_to_byte(maxlength), maxweight,
                          0xFFFFFFFF if minid is None else minid,
                          0xFFFFFFFF if maxid is None else maxid) + dumps(postings, PICKLE_PROTOCOL)


class _TermInfo(W3TermInfo):
    def to_bytes(self) -> bytes:
        if not self.is_inlined():
            return super().to_bytes()
        return _inlined_entry(self._weight, self._df, self._minlength, self._maxlength,
                              self._maxweight, self._minid, self._maxid, self._inlined)


class _FieldWriter(W3FieldWriter):
    def start_term(self, btext: bytes) -> None:
        if self._postwriter is None:
            raise RuntimeError("start_term before start_field")
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, _TermInfo())

    def add_term_list(self, tbytes: bytes, flat: list, lengths) -> None:
        """One term and its whole posting list (flat, as ``add_list`` takes it).
        A short list goes straight into the term dictionary as the bytes
        W3TermInfo would write for it, without the per-term objects and calls
        of start_term/add_posting/finish_term (most terms of an archive are
        in a few documents: this is most of the terms written)."""
        ndocs = len(flat) // 3
        if ndocs >= self._codec._inlinelimit:
            self.start_term(tbytes)
            self._postwriter.add_list(flat, lengths)
            self.finish_term()
            return
        ids = flat[0::3]
        weights = array("f", flat[1::3])  # what the postings writer keeps: 32-bit floats
        present = list(filter(None, map(lengths.__getitem__, ids)))
        postings = (tuple(ids), tuple(weights), tuple(filter(None, flat[2::3])))
        self._tindex.add(pack_ushort(self._fieldid) + tbytes,
                         _inlined_entry(sum(weights), ndocs, min(present) if present else None,
                                        max(present) if present else 0, max(weights),
                                        ids[0], ids[-1], postings))


class NewsCodec(W3Codec):
    writes_lists = True  # its postings writer takes whole lists (add_list)

    # Blocks are not zlib'ed: compressing took a quarter of writing a segment
    # (BBC: 0.36 of 1.2 s) and a decompression per block read; in 16-bit
    # positions and protocol-4 pickles the uncompressed postings are still
    # smaller than Whoosh's compressed ones were (BBC index 21.4 MB before,
    # 12.1 MB compressed, 17.2 MB not).
    def __init__(self, blocklimit=128, compression=0, inlinelimit=INLINE_LIMIT):
        super().__init__(blocklimit, compression, inlinelimit)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)


class MappedStorage(FileStorage):
    """Whoosh's file storage, reading index files through read-only memory maps.

    Whoosh reads postings with a seek and a read per block; on a plain file
    that is two system calls each, on a map a slice of memory the OS pages in
    and shares between processes. (Its own mmap path, for compound files,
    copies each file whole into a BytesIO; newsearch writes no compound files.)
    """

    def open_file(self, name, **kwargs):
        import mmap

        from whoosh.filedb.structfile import StructFile

        with open(self._fpath(name), "rb") as fh:
            try:
                m = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # empty file, or a file system without mmap
                return super().open_file(name, **kwargs)
        return StructFile(m, name=name, **kwargs)

