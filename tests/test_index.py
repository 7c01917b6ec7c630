"""The index command: incremental, safe, and honest about what it skipped."""

from __future__ import annotations

import gzip
import json
import os
import time

import pytest

from search.indexer import index_paths
from search.searcher import Query, Searcher, search_index
from search.store import IndexDir

from .conftest import SEED


def titles(index_dir: str, text: str, **kw) -> list[str]:
    return [h.title for h in search_index(index_dir, Query(text, limit=50, **kw)).hits]


def test_seed_found_by_phrase(corpus_index):
    res = search_index(corpus_index, Query('"state of emergency"'))
    assert res.hits[0].path == str(SEED)
    assert res.total == 2  # the seed and one BBC article hold this exact phrase


def test_latin1_article_searchable_after_pound_sign(corpus_index):
    res = search_index(corpus_index, Query('"15.8m signing from Parma"'))
    assert [h.title for h in res.hits] == ["Chelsea sack Mutu"]
    assert "£15.8m signing" in res.hits[0].passages[0].text


def test_incremental_unchanged_modified_deleted_added(small_corpus, tmp_path):
    ix = str(tmp_path / "ix")
    first = index_paths([small_corpus], ix, jobs=1)
    assert (first.added, first.updated, first.removed, first.documents) == (11, 0, 0, 11)

    again = index_paths([small_corpus], ix)
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 11, 0)

    # touched but identical: not re-indexed (hash), still unchanged
    victim = sorted((small_corpus / "bbc").iterdir())[0]
    os.utime(victim, (time.time() + 10, time.time() + 10))
    touched = index_paths([small_corpus], ix)
    assert (touched.added, touched.updated, touched.unchanged) == (0, 0, 11)

    victim.write_text("Zebra crossing row\n\nCouncillors argued about a zebra crossing.\n")
    (small_corpus / "bbc" / "new.txt").write_text("Quokka sighting\n\nA quokka was seen.\n")
    gone = sorted((small_corpus / "bbc").iterdir())[1]
    gone_title = gone.read_text(encoding="utf-8", errors="replace").split("\n")[0]
    gone.unlink()
    changed = index_paths([small_corpus], ix)
    assert (changed.added, changed.updated, changed.removed, changed.documents) == (1, 1, 1, 11)
    assert titles(ix, "zebra") == ["Zebra crossing row"]
    assert titles(ix, "quokka") == ["Quokka sighting"]
    assert gone_title not in titles(ix, gone_title)
    with Searcher(ix) as s:  # exactly one document per file, no duplicates
        paths = [d["path"] for d in s.searcher.all_stored_fields()]
    assert len(paths) == len(set(paths)) == 11


def test_new_extractor_re_extracts_unchanged_files(small_corpus, tmp_path, monkeypatch):
    import search.extract
    import search.indexer as indexer
    from search.model import Extraction

    ix = str(tmp_path / "ix")
    # An index made by an "older extractor" that found nothing.
    monkeypatch.setattr(search.extract, "extract", lambda article: Extraction())
    monkeypatch.setattr(indexer, "extractor_version", lambda: "old")
    index_paths([small_corpus], ix, jobs=1)
    assert titles(ix, "speaker:nujaifi") == []
    monkeypatch.undo()

    again = index_paths([small_corpus], ix, jobs=1)
    assert (again.added, again.updated, again.unchanged, again.documents) == (0, 11, 0, 11)
    assert titles(ix, "speaker:nujaifi") == ["Mosul map"]
    assert index_paths([small_corpus], ix, jobs=1).unchanged == 11  # and only once


def test_rebuild_keeps_saved_searches(small_corpus, tmp_path):
    ix = tmp_path / "ix"
    index_paths([small_corpus], str(ix), jobs=1)
    (ix / "saved.toml").write_text('[iraq]\nquery = "iraq"\n')
    s = index_paths([small_corpus], str(ix), rebuild=True, jobs=1)
    assert s.added == 11
    assert (ix / "saved.toml").read_text() == '[iraq]\nquery = "iraq"\n'


def test_parallel_and_serial_index_the_same(small_corpus, tmp_path):
    a = index_paths([small_corpus], str(tmp_path / "a"), jobs=1)
    b = index_paths([small_corpus], str(tmp_path / "b"), jobs=2, batch_size=3)
    assert a.documents == b.documents == 11
    assert titles(str(tmp_path / "a"), "government") == titles(str(tmp_path / "b"), "government")


def test_every_skip_reason_is_reported(tmp_path, cli):
    root = tmp_path / "messy"
    root.mkdir()
    (root / "good.txt").write_text("Good article\n\nIt rained in Leeds.\n")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\n\t\n")
    (root / "feed.jsonl").write_text('{"title": "Fine", "body": "ok"}\n{broken\n')
    (root / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"title": "x", "body": "y"}\n' * 500)[:-30])
    (root / "conf.json").write_text('{"debug": true}')
    with open(root / "big.txt", "wb") as fh:  # 50 MB: over the 16 MB limit, never read whole
        fh.write(b"Big\n\n")
        for _ in range(50):
            fh.write(b"word " * (1024 * 1024 // 5))
    (root / "cp1252.txt").write_bytes("Euro row\n\nPrices \u2013 in \u20ac \u2013 rose in Tallinn.\n"
                                      .encode("cp1252"))
    (root / "latin1.txt").write_bytes("Caf\u00e9 tax\n\nA \u00a35 levy on caf\u00e9s in Brest.\n"
                                      .encode("latin-1"))
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbfBom title\n\nOslo voted.\n")
    (root / "title-only.txt").write_text("Only a headline about Kyoto\n")
    (root / "nul.txt").write_bytes(b"Nul article\n\nBefore\x00after in Lisbon.\n")
    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to(root / "loop")
    locked = root / "locked.txt"
    locked.write_text("Locked\n\nbody")
    locked.chmod(0)
    (root / "café notes 2020-01-02.txt").write_text("Non-ASCII name\n\nIt works.\n")
    result = cli("index", str(root), "--index", str(tmp_path / "ix"), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    reasons = {os.path.basename(s["path"]): s["reason"] for s in data["skipped"]}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "malformed JSON" in reasons["feed.jsonl:2"]
    assert "truncated gzip" in reasons["cut.jsonl.gz"]
    assert "not an article" in reasons["conf.json"]
    assert "limit" in reasons["big.txt"]
    assert any("loop" in r for r in reasons.values()), reasons
    assert "Traceback" not in result.stderr
    if os.geteuid() != 0:  # root reads anything
        assert "permission" in reasons["locked.txt"]
    assert data["added"] >= 3  # good, Fine, the non-ASCII name (+ gz lines before the cut)
    assert titles(str(tmp_path / "ix"), "leeds") == ["Good article"]
    assert titles(str(tmp_path / "ix"), "works") == ["Non-ASCII name"]
    ix = str(tmp_path / "ix")
    assert titles(ix, "tallinn") == ["Euro row"] and titles(ix, "brest") == ["Café tax"]
    assert titles(ix, "oslo") == ["Bom title"] and titles(ix, "kyoto") == ["Only a headline about Kyoto"]
    assert titles(ix, "lisbon") == ["Nul article"]
    with Searcher(ix) as s:
        bodies = {d["title"]: d["body"] for d in s.searcher.all_stored_fields()}
    assert "€" in bodies["Euro row"] and "£5" in bodies["Café tax"]
    assert "\x00" not in bodies["Nul article"] and not bodies["Bom title"].startswith("\ufeff")
    assert set(data) >= {"added", "updated", "unchanged", "removed", "skipped", "documents"}
    strict = cli("index", str(root), "--index", str(tmp_path / "ix"), "--strict", "--quiet")
    assert strict.exit_code == 2


def test_second_indexer_waits_then_fails_with_lock_message(small_corpus, tmp_path, cli):
    ix = tmp_path / "ix"
    store = IndexDir(ix)
    with store.lock():
        result = cli("index", str(small_corpus), "--index", str(ix), "--lock-timeout", "0.3")
    assert result.exit_code == 2
    assert "locked by another newsearch process" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert cli("index", str(small_corpus), "--index", str(ix), "-q").exit_code == 0


def test_refuses_directory_not_created_by_newsearch(tmp_path, cli):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "_MAIN_1.toc").write_bytes(b"\x80\x04pickle")
    result = cli("query", "x", "--index", str(foreign))
    assert result.exit_code == 2 and "not created by newsearch" in result.stderr


def test_index_of_an_older_schema_asks_for_rebuild_and_rebuild_upgrades_it(small_corpus, tmp_path,
                                                                           cli):
    ix = tmp_path / "ix"
    assert cli("index", str(small_corpus), "--index", str(ix), "-q").exit_code == 0
    marker = json.loads((ix / "newsearch.json").read_text())
    (ix / "newsearch.json").write_text(json.dumps({**marker, "schema": 1}))  # an older release's
    (ix / "saved.toml").write_text('[iraq]\nquery = "iraq"\n')
    stale = cli("query", "Mosul", "--index", str(ix))
    assert stale.exit_code == 2 and "--rebuild" in stale.stderr
    assert len(stale.stderr.strip().splitlines()) == 1
    assert cli("index", str(small_corpus), "--index", str(ix)).exit_code == 2
    rebuilt = cli.json("index", str(small_corpus), "--index", str(ix), "--rebuild", "--json")
    assert rebuilt["added"] == 11 and rebuilt["documents"] == 11
    assert json.loads((ix / "newsearch.json").read_text())["schema"] == marker["schema"]
    assert cli("query", "Mosul", "--index", str(ix)).exit_code == 0
    assert (ix / "saved.toml").exists()


def test_index_json_and_stats_json(small_corpus, tmp_path, cli):
    ix = str(tmp_path / "ix")
    data = cli.json("index", str(small_corpus), "--index", ix, "--json")
    assert data["added"] == 11 and data["documents"] == 11 and data["skipped"] == []
    stats = cli.json("stats", "--index", ix, "--json")
    assert stats["documents"] == 11 and stats["files"] == 11
    assert stats["dates"]["first"].startswith("2014-06-10")


def test_index_dir_from_environment(small_corpus, tmp_path, cli):
    ix = str(tmp_path / "envix")
    result = cli("index", str(small_corpus), "-q", env={"NEWSEARCH_INDEX": ix})
    assert result.exit_code == 0
    assert os.path.isfile(os.path.join(ix, "newsearch.json"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a read-only directory")
def test_failed_commit_leaves_no_lock(small_corpus, tmp_path, cli):
    ix = tmp_path / "ix"
    assert cli("index", str(small_corpus), "--index", str(ix), "-q").exit_code == 0
    (small_corpus / "extra.txt").write_text("Extra\n\nmore words")
    os.chmod(ix / "whoosh", 0o555)
    try:
        result = cli("index", str(small_corpus), "--index", str(ix), "-q")
    finally:
        os.chmod(ix / "whoosh", 0o755)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert cli("index", str(small_corpus), "--index", str(ix), "-q").exit_code == 0


def test_parallel_writers_that_spill_to_disk_lose_nothing(tmp_path, monkeypatch):
    """Whoosh's writers share one temp folder; the first to finish used to
    delete the others' spilled runs (seen on the 403k-item RSS file)."""
    import shutil

    import search.indexer as indexer

    from .conftest import CORPUS

    root = tmp_path / "many"
    root.mkdir()
    for path in sorted((CORPUS / "bbc" / "business").iterdir())[:300]:
        shutil.copy(path, root / path.name)
    monkeypatch.setattr(indexer, "WRITER_MB", 1)  # spill posting runs to disk early
    s = index_paths([root], str(tmp_path / "ix"), jobs=2, batch_size=120)
    assert s.added == s.documents == 300
    assert not list((tmp_path / "ix" / "whoosh").glob("*.tmp"))


def _segments(index_dir) -> list[tuple[int, int]]:
    """(documents, deleted) per segment of an index."""
    return [(s.doc_count_all(), s.deleted_count())
            for s in IndexDir(index_dir).open()._segments()]


@pytest.mark.parametrize("parallel", [False, True])
def test_re_indexing_changed_files_leaves_no_empty_segments(tmp_path, monkeypatch, parallel):
    """Whoosh keeps segments whose every document was deleted; every search
    then walks them. Re-indexing every file must leave only live segments."""
    import shutil

    import search.writer as writer

    from .conftest import CORPUS

    root = tmp_path / "a"
    root.mkdir()
    n = 80 if parallel else 12
    for path in sorted((CORPUS / "bbc" / "tech").iterdir())[:n]:
        shutil.copy(path, root / path.name)
    ix = str(tmp_path / "ix")
    assert index_paths([root], ix, jobs=2).added == n
    for path in root.iterdir():
        path.write_text(path.read_text() + "\nUpdated.\n")
    # First an update with Whoosh's own policy: the old segments stay, empty.
    monkeypatch.setattr(writer, "live", lambda policy: policy)
    assert index_paths([root], ix, jobs=2).updated == n
    stale = _segments(ix)
    assert any(docs == deleted for docs, deleted in stale)
    # A run with nothing to do leaves the index as it is (it is not even
    # opened); the next update drops the empty segments.
    monkeypatch.undo()
    again = index_paths([root], ix, jobs=2)
    assert again.unchanged == n and again.documents == n and _segments(ix) == stale
    for path in root.iterdir():
        path.write_text(path.read_text() + "\nAgain.\n")
    s = index_paths([root], ix, jobs=2)
    assert s.updated == n and s.documents == n
    assert _segments(ix) and all(deleted == 0 for _, deleted in _segments(ix))
    assert sum(docs for docs, _ in _segments(ix)) == n
    assert len(search_index(ix, Query(text="updated again", limit=200)).hits) == n


def _postings(index_dir) -> dict:
    """Every (field, term) -> [(article id, weight, value bytes)] of an index,
    and the term's statistics."""
    ix = IndexDir(index_dir).open()
    out = {}
    with ix.searcher() as s:
        r = s.reader()
        ids = {n: f["id"] for n, f in r.iter_docs()}
        for field, text in r.all_terms():
            m, got = r.postings(field, text), []
            while m.is_active():
                # a field without payloads: None from a block, '' inlined
                got.append((ids[m.id()], m.weight(), m.value() or None))
                m.next()
            ti = r.term_info(field, text)  # the statistics scorers and block skipping read
            out[field, text] = (sorted(got), ti.weight(), ti.doc_frequency(), ti.min_length(),
                                ti.max_length(), ti.max_weight())
    return out


def _lengths(index_dir) -> dict:
    ix = IndexDir(index_dir).open()
    with ix.searcher() as s:
        r = s.reader()
        return {(f["id"], name): r.doc_field_length(n, name)
                for n, f in r.iter_docs() for name in ("title", "body", "quotes", "places")}


def test_fast_writer_writes_what_whoosh_writes(small_corpus, tmp_path, monkeypatch):
    """The writer's fast paths (one-pass text fields, postings grouped by term,
    short lists inlined by codec.NewsCodec; Whoosh's own inlining is broken)
    must store exactly what Whoosh's own writer stores: every posting, weight
    and payload, every field length, every score."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.writing import PostingPool, SegmentWriter

    import search.codec
    import search.writer as writer

    ours, theirs = str(tmp_path / "ours"), str(tmp_path / "theirs")
    # batch_size 4: several segments, merged at the end (a merge reads inlined terms)
    index_paths([small_corpus], ours, jobs=1, batch_size=4)
    with IndexDir(ours).open().searcher() as s:
        r = s.reader()
        inlined = sum(info.is_inlined() for leaf, _ in r.leaf_readers()
                      for _, info in leaf.iter_field("body"))
        assert inlined > 1000
    monkeypatch.setattr(writer, "NewsCodec", W3Codec)
    monkeypatch.setattr(writer, "_TermPool", PostingPool)
    monkeypatch.setattr(writer.FastSegmentWriter, "add_document", SegmentWriter.add_document)
    index_paths([small_corpus], theirs, jobs=1, batch_size=4)
    assert _postings(ours) == _postings(theirs)
    assert _lengths(ours) == _lengths(theirs)
    for text in ("state of emergency", '"prime minister"', "labour election", "speaker:nujaifi"):
        got = [(h.id, round(h.score, 6)) for h in search_index(ours, Query(text=text)).hits]
        assert got == [(h.id, round(h.score, 6))
                       for h in search_index(theirs, Query(text=text)).hits] and got
    assert search.codec.NewsCodec.__module__ == "search.codec"  # pickled in every index


def test_term_pool_spills_to_disk_and_loses_nothing(small_corpus, tmp_path, monkeypatch):
    import search.indexer as indexer

    monkeypatch.setattr(indexer, "WRITER_MB", 0.02)  # ~20 KB: spill sorted runs often
    spilled = str(tmp_path / "spilled")
    index_paths([small_corpus], spilled, jobs=1)
    monkeypatch.undo()
    index_paths([small_corpus], str(tmp_path / "plain"), jobs=1)
    assert _postings(spilled) == _postings(str(tmp_path / "plain"))


def test_compact_positions_round_trip_and_match_the_fast_path():
    from search.schema import CompactPositions, pack_positions, text_analyzer

    fmt = CompactPositions()
    for poslist in ([0], [1, 5, 65534], [3, 65535, 70000], list(range(0, 200_000, 997))):
        value = fmt.encode(poslist)
        assert fmt.decode_positions(value) == poslist
        assert fmt.decode_frequency(value) == len(poslist)
    # the indexer's per-document arrays give each term exactly what encode gives
    assert pack_positions([0, 2, 1], [2, 1], 3) == [fmt.encode([0, 2]), fmt.encode([1])]
    wide = list(range(70_000))
    assert pack_positions(wide, [69_999, 1], 70_000) == [fmt.encode(wide[:-1]),
                                                         fmt.encode([69_999])]
    terms, freqs, values, words = text_analyzer().index_terms("The state of the State, stated.")
    got = {t: fmt.decode_positions(v) for t, v in zip(terms, values)}
    assert got == {"the": [0, 3], "state": [1, 4, 5], "of": [2]} and sum(freqs) == len(words) == 6


def test_long_article_phrase_found_and_marked_past_64k_words(tmp_path):
    # 70,000 words: positions past 65,535 take the 32-bit form; the highlighter
    # re-cuts the stored text, so the mark must sit on the phrase itself.
    root = tmp_path / "archive"
    root.mkdir()
    filler = " ".join(f"word{i % 500}" for i in range(70_000))
    (root / "long.txt").write_text(f"A long read\n\n{filler} the zebra crossing closed.\n")
    ix = str(tmp_path / "ix")
    index_paths([root], ix, jobs=1)
    [hit] = search_index(ix, Query(text='"zebra crossing"')).hits
    [passage] = [p for p in hit.passages if p.matches]
    assert [passage.text[a:b] for a, b in passage.matches] == ["zebra crossing"]


def test_installed_versions_agree_with_importlib_metadata():
    from importlib.metadata import version

    from search.versions import EXTRACTION_DATA, installed_versions

    found = installed_versions((*EXTRACTION_DATA, "whoosh", "no-such-package-here"))
    assert found == {p: version(p) for p in (*EXTRACTION_DATA, "whoosh")}
