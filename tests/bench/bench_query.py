"""Query benchmark: latency with highlighting, whole-process wall time, MRR@10.

    python tests/bench/bench_query.py                 # BBC (corpus/) + Reuters-21578
    python tests/bench/bench_query.py --rss           # also the 403k-item RSS file
    python tests/bench/bench_query.py --work /tmp/qb  # keep the built indexes for re-runs

Prints, per corpus, the in-process latency (p50/p95/max over a fixed set of
realistic queries, each run with highlighting of the top 10, one Searcher per
process) and, for BBC and RSS, the whole-process wall time of `newsearch query`
as a user runs it (piped, default output). The known-item check takes 200 BBC
articles (fixed seed), uses each title as the query and reports MRR@10.
Baseline in the same run: Whoosh's own searcher with its default parser and
highlighter on the same index, for the same queries (ratio printed).
Targets (issue 6): whole-process p50 <= 150 ms on BBC and <= 500 ms on RSS;
in-process p95 <= 50 ms on Reuters; MRR@10 >= 0.8.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578"
RSS = SHARED / "corpora" / "rss2023" / "news_en_2023.jsonl.gz"

# (query text, filters). {Y} is replaced by a year the corpus covers, so the
# date queries select real days of each archive.
QUERIES: list[tuple[str, dict]] = [
    ("state of emergency", {}),
    ('"interest rates"', {}),
    ("oil prices", {}),
    ('"central bank" inflation', {}),
    ("election OR vote", {}),
    ("(strike OR walkout) union", {}),
    ("merger NOT bank", {}),
    ("title:profit", {}),
    ("place:japan trade", {}),
    ("speaker:smith", {}),
    ('"prime minister" said', {}),
    ("emerg*", {}),
    ("goverment~", {}),
    ("date:[{Y}-01-01 to {Y}-03-31] oil", {}),
    ("date:>={Y}-06 market", {}),
    ("shares fell sharply", {}),
    ('"world cup"', {}),
    ("football OR rugby", {}),
    ("unemployment figures", {}),
    ('quote:"we are"', {}),
    ("chief executive resign*", {}),
    ('"stock market" crash', {}),
    ("film award", {}),
    ("mobile phone", {}),
    ("climate change", {}),
    ("police arrested", {}),
    ('"human rights"', {}),
    ("tax cuts budget", {}),
    ("exports imports deficit", {}),
    ("court ruling appeal", {}),
    ("place:london", {}),
    ("(china OR japan) NOT trade", {}),
    ("company profits rose", {}),
    ("growth", {"places": ["United States"]}),
    ("prices", {"since": "{Y}-03", "until": "{Y}-04-15"}),
    ("government", {"sort": "-date"}),
]


# ------------------------------------------------------------------ corpora


def reuters_to_jsonl(out: Path) -> int:
    """Reuters-21578 SGML (Latin-1) as JSONL: id, title, date, dateline + body."""
    doc = re.compile(r"<REUTERS\b(.*?)</REUTERS>", re.S)
    tag = {k: re.compile(rf"<{k}[^>]*>(.*?)</{k}>", re.S)
           for k in ("DATE", "TITLE", "DATELINE", "BODY", "TEXT")}
    newid = re.compile(r'NEWID="(\d+)"')
    ctrl = re.compile(r"[\x00-\x08\x0b-\x1f]")
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
            text = sgm.read_text(encoding="latin-1")
            for m in doc.finditer(text):
                raw = m.group(1)

                def get(k: str, raw: str = raw) -> str:
                    g = tag[k].search(raw)
                    return ctrl.sub("", html.unescape(g.group(1))).strip() if g else ""

                # Reuters wraps lines at ~70 columns; paragraphs start indented.
                # UNPROC items have their text straight in <TEXT>, BRIEFs only a title.
                if "<BODY>" in raw:
                    text = get("BODY")
                elif "<TITLE>" not in raw:
                    text = re.sub(r"<[^>]+>", " ", get("TEXT"))
                else:
                    text = ""
                paras = re.split(r"\n\s{3,}", text)
                body = "\n\n".join(" ".join(p.split()) for p in paras if p.strip())
                dateline = " ".join(get("DATELINE").split())
                # "26-FEB-1987 15:01:01.79"; a few have odd spacing or hours ("605:12")
                d = re.match(r"\s*(\d+-\w+-\d{4})", get("DATE"))
                date = time.strftime("%Y-%m-%d", time.strptime(d.group(1), "%d-%b-%Y"))
                fh.write(json.dumps({
                    "id": newid.search(raw).group(1), "title": get("TITLE").title(),
                    "date": date, "source": "Reuters", "dateline": dateline,
                    "body": f"{dateline} {body}".strip(),
                }) + "\n")
                n += 1
    return n


def build(name: str, paths: list[str], where: Path) -> None:
    """`newsearch index` (incremental: an existing index of the same files is reused)."""
    start = time.perf_counter()
    proc = subprocess.run([*NEWSEARCH, "index", *paths, "--index", str(where), "--json"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"indexing {name} failed: {proc.stderr.strip()}")
    s = json.loads(proc.stdout)
    print(f"  {name}: {s['documents']:,} documents (added {s['added']:,}, unchanged "
          f"{s['unchanged']:,}, skipped {len(s['skipped'])}) in {time.perf_counter() - start:.1f} s")


# ------------------------------------------------------------------ measuring

NEWSEARCH = [sys.executable, "-m", "search"]


def _script() -> list[str]:
    """The installed console script when there is one (what users run)."""
    exe = Path(sys.executable).with_name("newsearch")
    return [str(exe)] if exe.exists() else NEWSEARCH


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def queries_for(year: int) -> list[tuple[str, dict]]:
    out = []
    for text, opts in QUERIES:
        opts = {k: (v.replace("{Y}", str(year)) if isinstance(v, str) else v)
                for k, v in opts.items()}
        out.append((text.replace("{Y}", str(year)), opts))
    return out


def in_process(index: Path, year: int, repeat: int = 3) -> tuple[list[float], list[float], int]:
    """Latency of Searcher.search (parse, rank, top 10 with passages) per query,
    best of ``repeat`` after one warm-up; and the same for plain Whoosh."""
    from search.searcher import Query, Searcher

    ours, base, hits = [], [], 0
    qs = queries_for(year)
    with Searcher(str(index)) as s:
        for text, opts in qs:
            q = Query(text=text, limit=10, **opts)
            s.search(q)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                res = s.search(q)
                times.append(time.perf_counter() - t)
            ours.append(min(times))
            hits += res.total > 0
        base = whoosh_baseline(s, [t for t, _ in qs], repeat)
    return ours, base, hits


def whoosh_baseline(s, texts: list[str], repeat: int) -> list[float]:
    """Whoosh as its docs show it: MultifieldParser over title+body, top 10,
    ``hit.highlights("body")`` (re-tokenises each stored body)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from whoosh.qparser import MultifieldParser

    parser = MultifieldParser(["title", "body"], s.ix.schema)
    out = []
    for text in texts:
        q = parser.parse(text)
        times = []
        for _ in range(repeat + 1):
            t = time.perf_counter()
            for hit in s.searcher.search(q, limit=10):
                hit.highlights("body", top=3)
            times.append(time.perf_counter() - t)
        out.append(min(times[1:]))
    return out


def whole_process(index: Path, year: int) -> list[float]:
    """Wall time of `newsearch query TEXT --index DIR` with stdout piped."""
    out = []
    script = _script()
    for text, opts in queries_for(year):
        args = [*script, "query", text, "--index", str(index)]
        for p in opts.get("places", []):
            args += ["--place", p]
        for k in ("since", "until", "sort"):
            if k in opts:
                args += [f"--{k}", opts[k]]
        t = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True)
        out.append(time.perf_counter() - t)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{args}: exit {proc.returncode}: {proc.stderr.strip()}")
    return out


def stack_floor(runs: int) -> dict[str, list[float]]:
    """Wall times of processes that only start Python, or only import what
    any Typer + Whoosh command must (a piped search imports no Rich): the floor
    under `newsearch query` on this machine at this moment (it is noisy, so
    measured in the same run)."""
    code = {"bare": "pass", "stack": "import typer, whoosh.index, whoosh.qparser, whoosh.searching"}
    out: dict[str, list[float]] = {k: [] for k in code}
    for _ in range(runs):
        for k, c in code.items():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", c], capture_output=True, check=True)
            out[k].append(time.perf_counter() - t)
    return out


def known_item_mrr(index: Path, n: int = 200, seed: int = 2006) -> tuple[float, int, int]:
    """Each of ``n`` BBC articles' title as the query: MRR@10 of finding it."""
    from search.searcher import Query, Searcher

    with Searcher(str(index)) as s:
        reader = s.searcher.reader()
        docs = sorted((f["id"], f["title"]) for _, f in reader.iter_docs() if "/bbc/" in f["path"])
        sample = random.Random(seed).sample(docs, n)
        rr, top1, found = 0.0, 0, 0
        for doc_id, title in sample:
            # What a user types: the title's words, without query syntax.
            text = re.sub(r'[":()\[\]{}*?~^]', " ", title)
            text = re.sub(r"\b(AND|OR|NOT|TO)\b", lambda m: m.group(0).lower(), text)
            res = s.search(Query(text=text, limit=10, passages=1))
            for hit in res.hits:
                if hit.id == doc_id:
                    rr += 1 / hit.rank
                    top1 += hit.rank == 1
                    found += 1
                    break
    return rr / n, top1, found


def report(name: str, index: Path, year: int, target_p95: float | None,
           wall_target: float | None) -> None:
    ours, base, hits = in_process(index, year)
    line = (f"  in-process ({len(ours)} queries, {hits} with hits): p50 {pct(ours, 50) * 1000:6.1f} ms"
            f"  p95 {pct(ours, 95) * 1000:6.1f} ms  max {max(ours) * 1000:6.1f} ms")
    if target_p95:
        line += f"   (target p95 <= {target_p95 * 1000:.0f} ms)"
    print(line)
    print(f"  baseline Whoosh (title+body parser, hit.highlights): p50 {pct(base, 50) * 1000:6.1f} ms"
          f"  p95 {pct(base, 95) * 1000:6.1f} ms  -> newsearch/baseline p50 "
          f"{pct(ours, 50) / pct(base, 50):.2f}x, p95 {pct(ours, 95) / pct(base, 95):.2f}x")
    slow = sorted(zip(ours, [t for t, _ in queries_for(year)]), reverse=True)[:3]
    print("  slowest: " + "; ".join(f"{q!r} {t * 1000:.0f} ms" for t, q in slow))
    if wall_target:
        wall = whole_process(index, year)
        print(f"  whole process `newsearch query` ({len(wall)} runs): p50 "
              f"{pct(wall, 50) * 1000:6.0f} ms  p95 {pct(wall, 95) * 1000:6.0f} ms"
              f"   (target p50 <= {wall_target * 1000:.0f} ms)")
        floor = stack_floor(len(wall))
        print(f"  floor, same run: bare interpreter p50 {pct(floor['bare'], 50) * 1000:.0f} ms; "
              f"importing the stack (typer, whoosh) and doing nothing p50 "
              f"{pct(floor['stack'], 50) * 1000:.0f} ms -> newsearch's own share "
              f"{(pct(wall, 50) - pct(floor['stack'], 50)) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rss", action="store_true", help="also the 403k-item RSS file")
    ap.add_argument("--work", help="keep indexes here (re-runs reuse them)")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    args = ap.parse_args()
    global NEWSEARCH
    NEWSEARCH = _script()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsearch-qbench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"machine: {os.cpu_count()} cores; building indexes in {work}")
        build("BBC + seed", [args.corpus], work / "bbc")
        print("BBC + seed (corpus/)")
        report("bbc", work / "bbc", 2004, None, 0.150)
        mrr, top1, found = known_item_mrr(work / "bbc")
        print(f"  known-item: 200 BBC titles as queries: MRR@10 {mrr:.3f} (rank 1: {top1}, "
              f"in top 10: {found}) (target >= 0.8)")
        if REUTERS.exists():
            jl = work / "reuters21578.jsonl"
            if not jl.exists():
                part = jl.with_suffix(".part")
                print(f"  converted Reuters-21578 to JSONL: {reuters_to_jsonl(part):,} articles")
                part.rename(jl)
            build("Reuters-21578", [str(jl)], work / "reuters")
            print("Reuters-21578")
            report("reuters", work / "reuters", 1987, 0.050, None)
        if args.rss and RSS.exists():
            build("RSS 2023", [str(RSS)], work / "rss")
            print("RSS 2023 (403k items)")
            report("rss", work / "rss", 2023, None, 0.500)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
