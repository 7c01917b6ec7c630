"""Incremental, parallel indexing of article files into the Whoosh index.

Flow: discover files -> compare with the manifest (stat, then hash) -> workers
read, extract and index -> commit in batches -> record the committed files in
the manifest. Whoosh (through ``writer``) and the extractor are imported only
once the plan finds work: an unchanged re-run loads neither.

Parallelism: each worker process reads and extracts its articles *and* adds
them to its own Whoosh segment; at each batch end the workers hand their
segments to the parent, which commits them in one table of contents together
with its deletions. Whoosh's own multi-process writer does only the indexing in
its children and pickles every document twice on the way; here documents never
cross a process boundary, so two cores give close to twice the speed.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import IndexWriteError, SkipArticle
from .model import Article, IndexSummary, Skip
from .reader import (
    SourceFile,
    discover,
    file_hash,
    iter_lines,
    parse_jsonl_line,
    read_articles,
)
from .store import FileRecord, IndexDir, Manifest
from .versions import extractor_version

DEFAULT_BATCH = 5000  # documents per commit: a killed run resumes after the last one
LINES_PER_TASK = 400  # JSONL lines sent to a worker at once
FILES_PER_TASK = 8  # single-article files sent to a worker at once: fewer round trips
IN_FLIGHT_PER_WORKER = 4  # bounds memory: a 403k-line file streams through
# Below this much work a run indexes in-process: starting workers costs more
# than it saves on a small incremental update.
PARALLEL_MIN_FILES = 64
PARALLEL_MIN_BYTES = 2 * 1024 * 1024
WRITER_MB = 128  # Whoosh posting buffer per writer before it spills to disk

Progress = Callable[[int, int, int], None]  # files done, files total, articles


@dataclass
class _Result:
    """What a worker reports for one task."""

    path: str
    docs: list[dict[str, Any]] = field(default_factory=list)
    ndocs: int = 0
    skips: list[Skip] = field(default_factory=list)
    failed: str | None = None  # the whole file could not be read
    hash: str | None = None
    marker: bool = False  # made by the parent at the end of a streamed file, not a task


@dataclass
class _FileState:
    src: SourceFile
    old_documents: int  # documents this path had before (0 if new)
    hash: str | None = None
    documents: int = 0
    pending: int = 0  # tasks sent, not yet reported
    dispatched_all: bool = False
    deleted: bool = False
    failed: bool = False


def index_paths(
    roots: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    rebuild: bool = False,
    batch_size: int = DEFAULT_BATCH,
    lock_timeout: float = 30.0,
    progress: Progress | None = None,
) -> IndexSummary:
    """Index the articles under ``roots`` into ``index_dir``, incrementally.

    Args:
        roots: folders and files to index.
        index_dir: the index directory (created if missing).
        jobs: worker processes for reading and extraction (default: all cores).
        rebuild: start from an empty index (saved searches are kept).
        batch_size: documents per commit.
        lock_timeout: seconds to wait for another indexer to finish.
        progress: called as ``progress(files_done, files_total, articles)``.

    Returns:
        An ``IndexSummary``. ``interrupted`` is set if Ctrl-C stopped the run;
        everything committed before then stays in the index.
    """
    store = IndexDir(index_dir)
    jobs = max(1, jobs or os.cpu_count() or 1)
    started = time.perf_counter()
    roots = [os.path.abspath(os.fspath(r)) for r in roots]
    with store.lock(lock_timeout):
        # An existing index is opened (and Whoosh imported) only once the plan
        # finds work: an unchanged re-run reads the manifest and stats files.
        ix = None if not rebuild and store.has_index() else store.open_or_create(rebuild=rebuild)
        manifest = store.manifest()
        run = _Run(ix, store, manifest, jobs, batch_size, progress)
        try:
            summary = run.execute(roots)
            if run.ix is None:
                summary.documents = manifest.documents()
        finally:
            manifest.close()
        if run.ix is not None:
            summary.documents = run.ix.doc_count()
            run.ix.close()
    summary.seconds = time.perf_counter() - started
    return summary


class _Run:
    def __init__(self, ix, store: IndexDir, manifest: Manifest, jobs: int, batch_size: int,
                 progress: Progress | None) -> None:
        self.ix = ix
        self.store = store
        self.manifest = manifest
        self.jobs = jobs
        self.batch_size = self.base_batch = max(1, batch_size)
        self.progress = progress
        self.summary = IndexSummary()
        self.writer = None  # the parent's writer: deletions, and documents when serial
        self.workers: _Workers | None = None
        self.batch_docs = 0
        self.batch_deleted = 0
        self.docs_before = 0
        self.done_records: list[FileRecord] = []
        self.files: dict[str, _FileState] = {}
        self.files_done = 0
        self.files_total = 0
        self.articles = 0
        self.gone: list[str] = []  # removed paths, dropped from the manifest on commit
        self.batch_words: Counter = Counter()
        self.must_delete = True
        self.extractor = extractor_version()

    # ---------------------------------------------------------------- plan

    def execute(self, roots: list[str]) -> IndexSummary:
        known = self.manifest.all()
        found: list[SourceFile] = []
        unlisted: list[str] = []  # folders we could not read: keep their files
        for item in discover(roots, exclude=[str(self.store.path)]):
            if isinstance(item, Skip):
                self.summary.skipped.append(item)
                unlisted.append(item.path.rstrip(os.sep) + os.sep)
            else:
                found.append(item)
        found_paths = {f.path for f in found}
        gone = [p for p in known if _under(p, roots) and p not in found_paths
                and not any(p.startswith(u) or p == u[:-1] for u in unlisted)]

        todo: list[SourceFile] = []
        touched: list[FileRecord] = []
        for src in found:
            rec = known.get(src.path)
            if rec and rec.extractor != self.extractor:
                rec = replace(rec, hash="", mtime_ns=-1)  # extracted by another version: redo
            if rec and rec.mtime_ns == src.mtime_ns and rec.size == src.size:
                self.summary.unchanged += rec.documents
                continue
            if rec and rec.size == src.size:
                # Touched but maybe not edited: a hash read is far cheaper than
                # re-extracting and re-indexing.
                with contextlib.suppress(OSError):
                    if file_hash(src.path) == rec.hash:
                        touched.append(replace(rec, mtime_ns=src.mtime_ns))
                        self.summary.unchanged += rec.documents
                        continue
            todo.append(src)
            self.files[src.path] = _FileState(src, rec.documents if rec else 0)
        if touched:
            self.manifest.put(touched)
        self.files_total = self.summary.files = len(todo)
        if self.ix is None:
            if not todo and not gone:
                return self.summary  # nothing to write: Whoosh stays unopened
            self.ix = self.store.open_or_create()
        self.must_delete = not (self.ix.doc_count_all() == 0 and not known)
        parallel = self.jobs > 1 and (len(todo) >= PARALLEL_MIN_FILES
                                      or sum(f.size for f in todo) >= PARALLEL_MIN_BYTES)
        try:
            for p in gone:
                n = self._delete(p)
                self.batch_deleted += n
                self.summary.removed += n
            self.gone = gone
            if todo:
                if parallel:
                    from .extract import preload

                    preload()  # once here; forked workers share it
                    self.workers = _Workers(self.ix, self.jobs)
                self._index(todo)
            if any(seg.doc_count() == 0 for seg in self.ix._segments()):
                self._writer()  # a commit drops the empty segments an older run left
            self._commit(final=True)
        except KeyboardInterrupt:
            self._abort()
            self.summary.interrupted = True
        except BaseException:
            self._abort()
            raise
        finally:
            if self.workers:
                self.workers.close()
        return self.summary

    # ---------------------------------------------------------------- work

    def _index(self, todo: list[SourceFile]) -> None:
        workers = self.workers
        for task in self._tasks(todo):
            if isinstance(task, _Result):  # an end-of-file or read failure found here
                self._report(task)
                continue
            paths = [task[1]] if task[0] == "lines" else [src.path for src in task[1]]
            for path in paths:
                state = self.files[path]
                if self.must_delete and not state.deleted:
                    # The file's old documents go in the same commit as its new ones.
                    self.batch_deleted += self._delete(path)
                    state.deleted = True
                state.pending += 1
            if workers is None:
                w = self._writer()
                for res in _work(task):
                    for doc in res.docs:
                        w.add_document(**doc)
                    res.ndocs, res.docs = len(res.docs), []
                    self._report(res)
            else:
                for res in workers.submit(task):
                    self._report(res)
            if self.batch_docs >= self.batch_size:
                if workers:
                    for res in workers.drain():
                        self._report(res)
                self._commit()
                # Later batches grow (up to 8x): fewer segments on big runs,
                # while an early interruption still loses little.
                self.batch_size = min(self.batch_size * 2, self.base_batch * 8)
        if workers:
            for res in workers.drain():
                self._report(res)

    def _tasks(self, todo: list[SourceFile]) -> Iterator[tuple | _Result]:
        """Tasks in file order. Single-article files go whole to a worker; JSONL is
        read here as a stream and sent in chunks of lines, so a 403k-line file
        is extracted in parallel without being held in memory."""
        group: list[SourceFile] = []
        for src in todo:
            state = self.files[src.path]
            if src.fmt != "jsonl":
                state.dispatched_all = True
                group.append(src)
                if len(group) >= FILES_PER_TASK:
                    yield ("files", group)
                    group = []
                continue
            if group:
                yield ("files", group)
                group = []
            try:
                state.hash = file_hash(src.path)
            except OSError as exc:
                state.dispatched_all = True
                yield _Result(src.path, failed=f"cannot read: {exc.strerror or exc}", marker=True)
                continue
            chunk: list[tuple[int, bytes]] = []
            failed = None
            try:
                for lineno, line in iter_lines(src):
                    chunk.append((lineno, line))
                    if len(chunk) >= LINES_PER_TASK:
                        yield ("lines", src.path, chunk)
                        chunk = []
            except SkipArticle as exc:
                failed = exc.reason
            if chunk:
                yield ("lines", src.path, chunk)
            state.dispatched_all = True
            yield _Result(src.path, failed=failed, marker=True)
        if group:
            yield ("files", group)

    def _report(self, res: _Result) -> None:
        """Account for one finished task (or an end-of-file marker)."""
        state = self.files[res.path]
        self.summary.skipped.extend(res.skips)
        if res.ndocs:
            state.documents += res.ndocs
            self.batch_docs += res.ndocs
            self.articles += res.ndocs
        if res.failed:
            state.failed = True
            self.summary.skipped.append(Skip(res.path, res.failed))
        if res.hash:
            state.hash = res.hash
        if not res.marker:
            state.pending -= 1
        if state.dispatched_all and state.pending == 0:
            self._file_done(state)

    def _file_done(self, state: _FileState) -> None:
        state.dispatched_all = False  # report each file once
        self.files_done += 1
        new, old = state.documents, state.old_documents
        if state.failed:
            # Unreadable now: what was indexed before stays (it was not deleted
            # unless part of the file was read again); retried next run.
            self.summary.added += new
        else:
            if new == 0 and old and self.must_delete and not state.deleted:
                self.batch_deleted += self._delete(state.src.path)
            self.summary.updated += min(new, old)
            self.summary.added += max(0, new - old)
            self.summary.removed += max(0, old - new)
            self.done_records.append(FileRecord(state.src.path, state.src.mtime_ns,
                                                state.src.size, state.hash or "", new,
                                                self.extractor))
        if self.progress:
            self.progress(self.files_done, self.files_total, self.articles)

    # ---------------------------------------------------------------- writer

    def _delete(self, path: str) -> int:
        """Delete the documents of ``path`` in this batch; how many there were."""
        from .schema import PATH

        return self._writer().delete_by_term(PATH, path)

    def _writer(self):
        from .writer import FastSegmentWriter

        if self.writer is None:
            self.docs_before = self.ix.doc_count()
            try:
                self.writer = FastSegmentWriter(self.ix, limitmb=WRITER_MB)
            except OSError as exc:
                raise IndexWriteError(f"cannot write the index at {self.store.path}: "
                                      f"{exc.strerror or exc}") from None
        return self.writer

    def _commit(self, final: bool = False) -> None:
        """Commit the batch. Segments are merged (Whoosh's merge-small policy,
        done by this process alone) only at the end of a run: merging at every
        batch made the parent the bottleneck on big archives."""
        if self.writer is None and not (self.workers and self.workers.used):
            return
        w = self._writer()
        try:
            from .writer import MERGE_SMALL, NO_MERGE, live

            policy = live(MERGE_SMALL if final else NO_MERGE)
            if self.workers and self.workers.used:
                # Mirrors MpWriter's multisegment commit: merge small old
                # segments (applying deletions), add the workers' segments.
                segments = w._merge_segments(policy, False, final)
                if w._added:
                    segments.append(w._finalize_segment())
                else:
                    w._close_segment()
                more, words = self.workers.finish_segments()
                segments.extend(more)
                self.batch_words.update(words)
                w._commit_toc(segments)
                w._finish()
            else:
                self.batch_words.update(w.take_words())
                w.commit(mergetype=policy)
        except BaseException as exc:
            self._abort()
            if isinstance(exc, (KeyboardInterrupt, SystemExit, IndexWriteError)):
                raise
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise IndexWriteError(f"could not commit to the index at {self.store.path}: "
                                  f"{detail}") from None
        self.writer = None
        expected = self.docs_before - self.batch_deleted + self.batch_docs
        actual = self.ix.doc_count()
        if actual != expected:
            raise IndexWriteError(f"index holds {actual} documents after a commit, expected "
                                  f"{expected}; re-run `newsearch index` to repair it")
        if self.done_records:
            self.manifest.put(self.done_records)
        if self.batch_words:
            self.manifest.add_words(self.batch_words)
            self.batch_words = Counter()
        if self.gone:
            self.manifest.remove(self.gone)
        self.done_records, self.gone = [], []
        self.batch_docs = self.batch_deleted = 0

    def _abort(self) -> None:
        """Drop the uncommitted batch and make sure Whoosh's write lock is released
        (a failed commit() leaves it held)."""
        if self.workers:
            self.workers.close()
        w, self.writer = self.writer, None
        if w is None:
            return
        with contextlib.suppress(BaseException):
            w.cancel()
        lock = getattr(w, "writelock", None)
        if lock is not None:
            with contextlib.suppress(BaseException):
                lock.release()


def extract_paths(roots: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Article, Any] | Skip]:
    """What ``index`` would store for each article under ``roots``, without
    indexing: ``(article, extraction)`` pairs, and a ``Skip`` for what cannot be
    read. Directories are walked as ``index`` walks them."""
    from .extract import extract

    for src in discover(roots):
        if isinstance(src, Skip):
            yield src
            continue
        try:
            for item in read_articles(src):
                yield item if isinstance(item, Skip) else (item, extract(item))
        except SkipArticle as exc:
            yield Skip(src.path, exc.reason)


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


# -------------------------------------------------------------------- workers


class _Workers:
    """Worker processes that read, extract and index into their own segments."""

    def __init__(self, ix, n: int) -> None:
        import multiprocessing  # (here: a run with nothing to do starts no workers)

        ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        self.results = ctx.Queue()
        self.inboxes = [ctx.Queue() for _ in range(n)]
        self.in_flight = [0] * n
        self.used = False
        self.procs = [ctx.Process(target=_worker_main, args=(ix.storage, ix.indexname, i,
                                                             self.inboxes[i], self.results),
                                  daemon=True) for i in range(n)]
        for p in self.procs:
            p.start()

    def submit(self, task: tuple) -> list[_Result]:
        """Send a task to the least busy worker; return results that are ready."""
        self.used = True
        ready: list[_Result] = []
        while min(self.in_flight) >= IN_FLIGHT_PER_WORKER:
            ready.extend(self._next())
        i = self.in_flight.index(min(self.in_flight))
        self.inboxes[i].put(task)
        self.in_flight[i] += 1
        while True:  # collect without waiting
            try:
                ready.extend(self._next(block=False))
            except queue.Empty:
                return ready

    def drain(self) -> list[_Result]:
        out = []
        while sum(self.in_flight):
            out.extend(self._next())
        return out

    def finish_segments(self) -> tuple[list, Counter]:
        """End the batch: every worker closes its segment and starts a new one.
        Returns the segments and the words the workers indexed."""
        for box in self.inboxes:
            box.put(("finish",))
        segments, words = [], Counter()
        for _ in self.inboxes:
            kind, _i, payload = self._message()
            if kind != "segment":
                raise IndexWriteError(f"indexing worker: unexpected {kind}")
            segment, more = payload
            if segment is not None:
                segments.append(segment)
            words.update(more)
        self.used = False
        return segments, words

    def _next(self, block: bool = True) -> list[_Result]:
        kind, i, payload = self._message(block)
        if kind != "done":
            raise IndexWriteError(f"indexing worker: unexpected {kind}")
        self.in_flight[i] -= 1
        return payload

    def _message(self, block: bool = True):
        while True:
            try:
                kind, i, payload = self.results.get(block=block, timeout=1.0 if block else None)
            except queue.Empty:
                if not block:
                    raise
                dead = [p for p in self.procs if not p.is_alive()]
                if dead:
                    raise IndexWriteError(f"an indexing worker died (exit code "
                                          f"{dead[0].exitcode}); nothing of this batch "
                                          "was committed") from None
                continue
            if kind == "error":
                raise IndexWriteError(f"could not write the index: {payload}")
            return kind, i, payload

    def close(self) -> None:
        for box in self.inboxes:
            with contextlib.suppress(Exception):
                box.put(None)
        for p in self.procs:
            p.join(timeout=2)
            if p.is_alive():
                p.terminate()
                p.join(timeout=2)
        self.procs = []
        self.inboxes = []


def _worker_main(storage, indexname: str, wid: int, inbox, results) -> None:
    """A worker's loop: tasks in, documents into its own segment, reports out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides on Ctrl-C
    from .writer import FastSegmentWriter

    parent = os.getppid()
    writer = None
    try:
        ix = storage.open_index(indexname)
        while True:
            try:
                task = inbox.get(timeout=1.0)
            except queue.Empty:
                if os.getppid() != parent:  # the parent was killed: do not linger
                    task = None
                else:
                    continue
            if task is None:
                if writer is not None:
                    writer.cancel()
                return
            if task[0] == "finish":
                segment, words = None, Counter()
                if writer is not None and writer.doc_count():
                    words = writer.take_words()
                    segment = writer._finalize_segment()
                    writer._tempstorage.destroy()
                elif writer is not None:
                    writer.cancel()
                writer = None
                results.put(("segment", wid, (segment, words)))
                continue
            done = _work(task)
            for res in done:
                if res.docs:
                    if writer is None:
                        # _lk=False: the parent holds the index lock for us all.
                        writer = FastSegmentWriter(ix, _lk=False, limitmb=WRITER_MB)
                    for doc in res.docs:
                        writer.add_document(**doc)
                res.ndocs, res.docs = len(res.docs), []
            results.put(("done", wid, done))
    except BaseException as exc:  # report, never hang the parent
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else repr(exc)
        results.put(("error", wid, detail))


def _work(task: tuple) -> list[_Result]:
    """Read, extract and build index documents for one task: a result per file."""
    if task[0] == "files":
        return [_work_file(src) for src in task[1]]
    _, path, lines = task
    res = _Result(path)
    _collect(res, (parse_jsonl_line(path, n, line) for n, line in lines))
    return [res]


def _work_file(src: SourceFile) -> _Result:
    res = _Result(src.path)
    try:
        items = list(read_articles(src))
        res.hash = file_hash(src.path)
    except SkipArticle as exc:
        res.failed = exc.reason
        return res
    except OSError as exc:
        res.failed = f"cannot read: {exc.strerror or exc}"
        return res
    _collect(res, items)
    return res


def _collect(res: _Result, items: Iterable[Article | Skip | None]) -> None:
    # (imported here: an unchanged re-run needs neither the extractor nor Whoosh)
    from .extract import extract
    from .schema import to_document

    for item in items:
        if item is None:
            continue
        if isinstance(item, Skip):
            res.skips.append(item)
        else:
            res.docs.append(to_document(item, extract(item)))
