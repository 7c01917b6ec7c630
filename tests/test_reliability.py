"""Faults and concurrency on the real archive: kills, races, failed commits,
and arbitrary query strings. Nothing may be lost, duplicated or corrupted."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.errors import QueryError, UsageError
from search.searcher import Query, Searcher

from .conftest import CORPUS, ROOT

ARTICLES = sorted(str(p) for p in CORPUS.rglob("*.txt"))
NEWSEARCH = [sys.executable, "-m", "search"]


def start_index(index_dir: Path, *extra: str, root: Path = CORPUS) -> subprocess.Popen:
    return subprocess.Popen([*NEWSEARCH, "index", str(root), "--index", str(index_dir), "--quiet",
                             "--json", *extra], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSEARCH, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def indexed_paths(index_dir: Path) -> Counter:
    with Searcher(str(index_dir)) as s:
        return Counter(f["path"] for f in s.searcher.reader().all_stored_fields())


def toc_generation(index_dir: Path) -> int:
    """Newest committed generation (Whoosh writes _MAIN_<n>.toc on each commit)."""
    gens = [int(m.group(1)) for p in (index_dir / "whoosh").glob("_MAIN_*.toc")
            if (m := re.match(r"_MAIN_(\d+)\.toc$", p.name))]
    return max(gens, default=-1)


def wait_for(cond, timeout: float = 120.0, step: float = 0.002) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return False


def assert_complete(index_dir: Path) -> None:
    """The archive indexed exactly once: every article file one document."""
    paths = indexed_paths(index_dir)
    dupes = [p for p, n in paths.items() if n > 1]
    assert not dupes, f"{len(dupes)} articles indexed twice, e.g. {dupes[:3]}"
    assert sorted(paths) == ARTICLES


# ------------------------------------------------------------------ SIGKILL


@pytest.mark.parametrize("when", ["early", "mid-batch", "commit", "late"])
def test_sigkill_then_rerun_indexes_each_article_exactly_once(tmp_path, when):
    ix = tmp_path / "index"
    # Small batches: several commits, so a kill can land inside or between them.
    proc = start_index(ix, "--batch-size", "400")
    def reached(gen: int) -> bool:
        return wait_for(lambda: toc_generation(ix) >= gen or proc.poll() is not None)

    # Generation 0 is the empty index; batches grow (400, 800, the rest): 1, 2, 3.
    if when == "early":
        time.sleep(0.4)
    elif when == "mid-batch":
        reached(1)
        time.sleep(0.25)
    elif when == "commit":
        # Right after Whoosh writes a new generation: the manifest of that
        # batch is not yet written, the old segments not yet cleaned up.
        reached(2)
    else:
        reached(3)  # the final commit is written, its manifest update not yet
    assert proc.poll() is None, "the run ended before the kill point"
    proc.send_signal(signal.SIGKILL)
    # The workers notice their parent is gone and exit (closing the pipe).
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stats = run("stats", "--index", str(ix), "--json")
    if toc_generation(ix) >= 0:
        assert stats.returncode == 0, stats.stderr
        committed = json.loads(stats.stdout)["documents"]
        assert committed == sum(indexed_paths(ix).values())
        if when == "commit":
            assert committed >= 400
    else:
        # Killed before Whoosh wrote its first table of contents (on a loaded
        # machine the marker can be there already): nothing was committed, so
        # there is no index to report, said in one line, not a traceback.
        assert when == "early"
        assert stats.returncode == 2 and not stats.stdout
        assert stats.stderr.startswith("newsearch: no index at ") and stats.stderr.count("\n") == 1

    again = start_index(ix)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    summary = json.loads(out)
    assert summary["documents"] == len(ARTICLES) and not summary["skipped"]
    assert_complete(ix)


def test_killed_before_the_first_commit_no_index_then_a_rerun_builds_it(small_corpus, tmp_path):
    """The state an early kill leaves: the marker (written first, so a re-run
    knows the directory is ours) and an empty whoosh/ with no table of contents."""
    ix = tmp_path / "index"
    (ix / "whoosh").mkdir(parents=True)
    made = run("index", str(small_corpus), "--index", str(tmp_path / "other"), "--quiet")
    assert made.returncode == 0, made.stderr
    (ix / "newsearch.json").write_text((tmp_path / "other" / "newsearch.json").read_text())

    for cmd in (["stats"], ["query", "mosul"]):
        out = run(*cmd, "--index", str(ix))
        assert out.returncode == 2 and not out.stdout
        assert out.stderr.startswith("newsearch: no index at ") and out.stderr.count("\n") == 1

    again = run("index", str(small_corpus), "--index", str(ix), "--json", "--quiet")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["added"] == 11
    assert run("query", "mosul", "--index", str(ix)).returncode == 0


# ------------------------------------------------------------------ races


def test_two_index_runs_at_once_one_waits_and_the_index_is_complete(tmp_path):
    ix = tmp_path / "index"
    first, second = start_index(ix), start_index(ix)
    results = [p.communicate(timeout=600) + (p.returncode,) for p in (first, second)]
    assert [rc for _, _, rc in results] == [0, 0], [err for _, err, _ in results]
    summaries = [json.loads(out) for out, _, _ in results]
    # One did the work; the other waited for the lock and found it all done.
    assert sorted(s["added"] for s in summaries) == [0, len(ARTICLES)]
    assert_complete(ix)


def test_second_run_that_cannot_wait_exits_2_naming_the_lock(tmp_path):
    ix = tmp_path / "index"
    first = start_index(ix)
    assert wait_for(lambda: (ix / "newsearch.lock").exists() and toc_generation(ix) >= 0)
    second = run("index", str(CORPUS), "--index", str(ix), "--lock-timeout", "0")
    first.communicate(timeout=600)
    assert second.returncode == 2
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "lock" in lines[0] and "Traceback" not in second.stderr
    assert first.returncode == 0
    assert_complete(ix)


def test_queries_and_saved_runs_during_commits_answer_from_committed_state(tmp_path):
    ix = tmp_path / "index"
    seed_only = tmp_path / "seed"
    seed_only.mkdir()
    (seed_only / "mosul.txt").write_bytes(
        (CORPUS / "2014-06-10_mosul-falls-to-isil-militants.txt").read_bytes())
    assert run("index", str(seed_only), "--index", str(ix)).returncode == 0
    assert run("saved", "add", "mosul", "militants", "--index", str(ix)).returncode == 0

    proc = start_index(ix, "--batch-size", "300")
    answers, totals = 0, []
    while proc.poll() is None:
        q = run("query", "militants", "--index", str(ix), "--json", "--limit", "3")
        assert q.returncode == 0, q.stderr
        totals.append(json.loads(q.stdout)["total"])
        s = run("saved", "run", "mosul", "--index", str(ix), "--json")
        assert s.returncode == 0, s.stderr
        answers += 2
    assert proc.returncode == 0, proc.communicate()[1]
    assert answers >= 4
    # Each answer is a committed state: never fewer matches than the seed's one,
    # and growing as batches land.
    assert totals[0] >= 1 and totals == sorted(totals)


# ------------------------------------------------------------------ failed commit


@pytest.mark.parametrize("failing", [".pst", ".toc"])  # opening the writer; the commit itself
def test_disk_full_leaves_no_lock_and_the_last_commit(small_corpus, tmp_path, monkeypatch, cli,
                                                      failing):
    from whoosh.filedb.filestore import FileStorage

    ix = tmp_path / "index"
    assert cli("index", str(small_corpus), "--index", str(ix), "-j", "1").exit_code == 0
    before = sum(indexed_paths(ix).values())
    extra = small_corpus / "new.txt"
    extra.write_text("Flood warning\n\nThe river burst its banks in Carlisle, police said.\n")

    real = FileStorage.create_file

    def full(self, name, **kw):
        if failing in name:  # the TOC is written as "_MAIN_<n>.toc.<random>", then renamed
            raise OSError(28, "No space left on device")
        return real(self, name, **kw)

    monkeypatch.setattr(FileStorage, "create_file", full)
    result = cli("index", str(small_corpus), "--index", str(ix), "-j", "1")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], result.stderr
    monkeypatch.setattr(FileStorage, "create_file", real)

    assert sum(indexed_paths(ix).values()) == before  # the last commit, intact
    again = cli("index", str(small_corpus), "--index", str(ix), "-j", "1", "--lock-timeout", "0",
                "--json")
    assert again.exit_code == 0, again.stderr  # no stale lock
    assert json.loads(again.stdout)["added"] == 1


# ------------------------------------------------------------------ deletions


def test_deleting_files_removes_exactly_those_articles(tmp_path):
    import shutil

    archive = tmp_path / "archive"
    shutil.copytree(CORPUS / "bbc" / "tech", archive / "tech")
    shutil.copytree(CORPUS / "bbc" / "sport", archive / "sport")
    ix = tmp_path / "index"
    assert run("index", str(archive), "--index", str(ix)).returncode == 0
    files = sorted(str(p) for p in archive.rglob("*.txt"))
    doomed = files[::7]
    for p in doomed:
        os.remove(p)
    out = run("index", str(archive), "--index", str(ix), "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["removed"] == len(doomed)
    assert sorted(indexed_paths(ix)) == sorted(set(files) - set(doomed))
    # Indexing another root never removes this one's articles.
    other = tmp_path / "other"
    shutil.copytree(CORPUS / "bbc" / "politics", other)
    out = run("index", str(other), "--index", str(ix), "--json")
    assert json.loads(out.stdout)["removed"] == 0
    assert len(indexed_paths(ix)) == len(files) - len(doomed) + len(list(other.glob("*.txt")))


# ------------------------------------------------------------------ arbitrary queries

QUERY_CHARS = st.sampled_from(list('abcdeimnorstuy "():[]{}*?~^-+!<>=/\\\'.,&|0123456789')
                              + ["AND", "OR", "NOT", "TO", "to", "date:", "speaker:",
                                 "place:", "title:", "nosuch:", "2014-06-10", "emergency",
                                 "\x00", "é", "\u200b", "\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=40), st.lists(QUERY_CHARS, max_size=12).map(" ".join),
                      st.lists(QUERY_CHARS, max_size=12).map("".join)))
def test_any_query_string_gives_results_or_a_one_line_error(corpus_index, text):
    with _searcher(corpus_index) as s:
        try:
            res = s.search(Query(text=text, limit=3))
        except (QueryError, UsageError) as exc:
            msg = str(exc)
            assert msg and "\n" not in msg.strip() and "Traceback" not in msg
        else:
            assert res.total >= len(res.hits)
            for hit in res.hits:
                for p in hit.passages:
                    assert all(0 <= a < b <= len(p.text) for a, b in p.matches)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(since=st.one_of(st.none(), st.text(max_size=12), st.dates().map(str),
                       st.from_regex(r"\d{4}(-\d{1,2}){0,2}", fullmatch=True)),
       until=st.one_of(st.none(), st.text(max_size=12), st.dates().map(str),
                       st.from_regex(r"\d{4}(-\d{1,2}){0,2}", fullmatch=True)))
def test_any_since_until_gives_results_or_a_one_line_error(corpus_index, since, until):
    with _searcher(corpus_index) as s:
        try:
            s.search(Query(text="militants", since=since, until=until, limit=1))
        except (QueryError, UsageError) as exc:
            assert str(exc) and "\n" not in str(exc).strip()


def test_cli_bad_query_and_dates_exit_2_with_one_line(corpus_index, cli):
    for args in (["query", "date:[2014 to", "--index", corpus_index],
                 ["query", "militants", "--since", "2014-13-01", "--index", corpus_index],
                 ["query", "militants", "--since", "yesterday", "--index", corpus_index],
                 ["query", "militants", "--since", "2015", "--until", "2014", "--index",
                  corpus_index],
                 ["query", "\x00(", "--index", corpus_index]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


_OPEN: dict[str, Searcher] = {}


class _searcher:
    """One Searcher per index for the whole session (hypothesis runs hundreds)."""

    def __init__(self, index_dir: str) -> None:
        if index_dir not in _OPEN:
            _OPEN[index_dir] = Searcher(index_dir)
        self.s = _OPEN[index_dir]

    def __enter__(self) -> Searcher:
        return self.s

    def __exit__(self, *exc) -> None:
        pass


# ------------------------------------------------------------------ saved-search names


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "a/b", "..", ".hidden", "x" * 300,
                                  "name with space", "nul\x00"])
def test_saved_search_names_cannot_escape_the_index_directory(corpus_index, cli, tmp_path, name):
    saved = tmp_path / "saved.toml"
    result = cli("saved", "add", name, "militants", "--index", corpus_index, "--saved", str(saved))
    assert result.exit_code == 2 and "bad saved-search name" in result.stderr
    assert sorted(os.listdir(tmp_path)) in ([], ["saved.toml"], [".saved.toml.lock"])


def test_a_search_reopens_when_a_commit_removed_its_files(corpus_index, monkeypatch):
    """A reader that finds a file gone (a commit replaced the table of contents
    or merged a segment away) reopens the newest generation and answers; one
    that keeps failing says so in one line (exit 2), never a traceback."""
    from search.errors import IndexChanging
    from search.searcher import Query, Searcher

    with Searcher(corpus_index) as s:
        real, calls = s._search, []

        def flaky(*args):
            calls.append(1)
            if len(calls) == 1:
                raise FileNotFoundError(2, "No such file or directory", "_MAIN_1.toc")
            return real(*args)

        monkeypatch.setattr(s, "_search", flaky)
        opened = s.searcher
        res = s.search(Query("militants"))
        assert res.hits[0].title == "Mosul map" and len(calls) == 2 and s.searcher is not opened

        def gone(*args):
            raise FileNotFoundError(2, "No such file or directory", "x.pst")

        monkeypatch.setattr(s, "_search", gone)
        with pytest.raises(IndexChanging, match="kept changing"):
            s.search(Query("militants"))
