"""Indexing benchmark: newsearch against a naive Whoosh baseline, in one run.

    python tests/bench/bench_index.py            # BBC + seed (corpus/)
    python tests/bench/bench_index.py --rss      # also the 403k-item RSS file

Prints docs/s of (a) a naive Whoosh index (default writer, one process,
title+body stemmed and stored, no extraction) and (b) `newsearch index` (with
extraction), their ratio, the unchanged re-run as a fraction of the full build,
the extractor's speed and share of the work, and, with --rss, docs/s and the
peak memory (RSS summed over the process tree) on the RSS file.
Targets (issue 2/3): ratio >= 1.5, re-run <= 5 %, extraction < 25 %, RSS peak <= 1 GiB.

(b) is timed as a user runs it, a whole process (interpreter start, imports,
gazetteer load). (a) is timed both ways: inside this process with its imports
already done (the older, lopsided figure), and as a whole process of its own
like (b); the ratio is given against each. Builds alternate (a), (b) and are
repeated (--repeat, best of each kept) so a slow phase of a shared machine
hits both; the re-run and the extractor pass (cold caches each time, as in a
worker) are best of --repeat too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
RSS = SHARED / "corpora" / "rss2023" / "news_en_2023.jsonl.gz"


def naive_process(corpus: Path, where: Path) -> tuple[int, float]:
    """The naive baseline as a process of its own, timed from outside."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--naive-only", str(where), "--corpus",
                          str(corpus)], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.split()[0]), time.perf_counter() - start


def naive_baseline(corpus: Path, where: Path) -> tuple[int, float]:
    """Whoosh as the tutorial shows it: one writer, StemmingAnalyzer, stored."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from whoosh import fields, index
        from whoosh.analysis import StemmingAnalyzer

    from search.reader import discover, read_articles

    schema = fields.Schema(path=fields.ID(stored=True, unique=True),
                           title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                           body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True))
    where.mkdir(parents=True)
    ix = index.create_in(str(where), schema)
    start = time.perf_counter()
    writer = ix.writer()
    n = 0
    for src in discover([corpus]):
        for art in read_articles(src):
            writer.add_document(path=art.id, title=art.title, body=art.body)
            n += 1
    writer.commit()
    return n, time.perf_counter() - start


class PeakRSS(threading.Thread):
    """Samples the resident memory of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def _tree(self, pid: int) -> list[int]:
        out = [pid]
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    for child in fh.read().split():
                        out.extend(self._tree(int(child)))
        except OSError:
            pass
        return out

    def run(self) -> None:
        while self.running:
            total = 0
            for pid in self._tree(self.pid):
                try:
                    with open(f"/proc/{pid}/status") as fh:
                        for line in fh:
                            if line.startswith("VmRSS:"):
                                total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)


def run_index(paths: list[str], index_dir: Path, *extra: str) -> tuple[dict, float, int]:
    """`newsearch index --json` as a user runs it; returns (summary, wall s, peak bytes)."""
    import json

    cmd = [sys.executable, "-m", "search", "index", *paths, "--index", str(index_dir), "--json",
           *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            text=True)
    sampler = PeakRSS(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.running = False
    if proc.returncode != 0:
        raise SystemExit(f"newsearch index failed: {err.strip()}")
    return json.loads(out), wall, sampler.peak


def extraction_speed(corpus: Path, repeat: int = 3) -> tuple[float, float, int]:
    """Words/s of the extractor alone, one process (gazetteer load not counted):
    the best of ``repeat`` passes, each starting with empty name caches as an
    indexing worker does."""
    from search import extract as ex
    from search import gazetteer
    from search.reader import discover, read_articles

    arts = [a for src in discover([corpus]) for a in read_articles(src)]
    ex.preload()
    runs = []
    for _ in range(max(1, repeat)):
        ex._person_name.cache_clear()
        gazetteer.is_place.cache_clear()
        start = time.perf_counter()
        for a in arts:
            ex.extract(a)
        runs.append(time.perf_counter() - start)
    secs = min(runs)
    words = sum(len(a.body.split()) for a in arts)
    return words / secs, secs, len(arts)


def _fmt(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rss", action="store_true", help="also index the 403k-item RSS file")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--work", help="build here and keep the indexes (bench_query.py --work reuses rss/)")
    ap.add_argument("--repeat", type=int, default=3, help="builds of (a) and (b), best kept")
    ap.add_argument("--naive-only", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if args.naive_only:
        print(naive_baseline(corpus, Path(args.naive_only))[0])
        return
    tmp = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsearch-bench-"))
    for old in ("naive", "ix", "rss"):
        shutil.rmtree(tmp / old, ignore_errors=True)
    try:
        print(f"machine: {os.cpu_count()} cores; corpus: {corpus}; best of {args.repeat} builds each")
        inproc, whole, ours_runs = [], [], []
        for _ in range(max(1, args.repeat)):
            for old in ("naive", "ix"):
                shutil.rmtree(tmp / old, ignore_errors=True)
            n, secs = naive_baseline(corpus, tmp / "naive")
            inproc.append(secs)
            shutil.rmtree(tmp / "naive", ignore_errors=True)
            n, secs = naive_process(corpus, tmp / "naive")
            whole.append(secs)
            summary, wall, peak = run_index([str(corpus)], tmp / "ix")
            ours_runs.append(wall)
        secs_in, secs_whole, wall = min(inproc), min(whole), min(ours_runs)
        docs = summary["added"]
        ours = docs / wall
        print(f"(a) naive Whoosh, 1 process, no extraction : {n} docs in {secs_in:6.2f} s = "
              f"{n / secs_in:7.1f} docs/s   (in this process, imports not counted)")
        print(f"                                   the same : {n} docs in {secs_whole:6.2f} s = "
              f"{n / secs_whole:7.1f} docs/s   (whole process, start-up included)")
        print(f"(b) newsearch index (extraction on)        : {docs} docs in {wall:6.2f} s = "
              f"{ours:7.1f} docs/s   (whole process, start-up included)")
        print(f"    ratio (b)/(a) = {ours / (n / secs_whole):.2f}x whole process to whole process, "
              f"{ours / (n / secs_in):.2f}x against the in-process baseline (target >= 1.5x); "
              f"peak RSS {peak / 2**20:.0f} MiB")
        print(f"    all builds, s: (a) in-process {_fmt(inproc)}; (a) whole {_fmt(whole)}; "
              f"(b) {_fmt(ours_runs)}")
        reruns = []
        for _ in range(max(1, args.repeat)):
            summary2, took, _ = run_index([str(corpus)], tmp / "ix")
            assert summary2["added"] == 0 and summary2["unchanged"] == docs, summary2
            reruns.append(took)
        wall2 = min(reruns)
        print(f"(c) unchanged re-run                        : {wall2:6.2f} s = "
              f"{wall2 / wall * 100:.1f} % of the full build (target <= 5 %)")
        wps, esecs, earts = extraction_speed(corpus, args.repeat)
        cpu_per_doc = wall * min(os.cpu_count() or 1, 2) / docs
        print(f"(d) extractor alone, 1 process              : {wps:,.0f} words/s, "
              f"{esecs / earts * 1000:.2f} ms/article = "
              f"{esecs / earts / cpu_per_doc * 100:.0f} % of newsearch's CPU time per article "
              f"(target < 25 %)")
        if args.rss:
            if not RSS.exists():
                print(f"(e) skipped: {RSS} not found")
            else:
                s, w, p = run_index([str(RSS)], tmp / "rss")
                print(f"(e) RSS 2023 file                           : {s['added']:,} docs in "
                      f"{w:6.1f} s = {s['added'] / w:7.1f} docs/s; skipped {len(s['skipped'])}; "
                      f"peak RSS {p / 2**20:.0f} MiB (target <= 1024 MiB)")
    finally:
        if not args.work:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
