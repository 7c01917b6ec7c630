"""The code stays ruff-clean and the CLI stays fast to start."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None,
                    reason="ruff comes with the [test] extra")
def test_ruff_clean():
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "search", "tests"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from search import cli; "
            "heavy = [m for m in ('whoosh', 'rich.console', 'trafilatura', 'ahocorasick_rs') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_query_path_skips_unused_whoosh_imports_but_they_still_work():
    # schema.py keeps Whoosh from importing urllib.request (30 ms per command)
    # and whoosh.lang.morph_en (5 ms); a later import must still get the real
    # modules, and Whoosh's Variations query (the one morph_en user) must work.
    code = ("import sys, search.searcher\n"
            "assert 'urllib.request' not in sys.modules\n"
            "assert 'whoosh.lang.morph_en' not in sys.modules\n"
            "import urllib.request\n"
            "assert urllib.request.Request('http://example.org').host == 'example.org'\n"
            "from whoosh.query import terms\n"
            "assert 'rendered' in terms.variations('render')\n"
            "import whoosh.lang.morph_en\n"
            "assert callable(whoosh.lang.morph_en.variations)\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_unchanged_re_run_loads_neither_whoosh_nor_the_extractor(small_corpus, tmp_path):
    from search.indexer import index_paths

    ix = tmp_path / "ix"
    index_paths([small_corpus], str(ix), jobs=1)
    code = ("import sys; from search.indexer import index_paths\n"
            f"s = index_paths([{str(small_corpus)!r}], {str(ix)!r})\n"
            "loaded = [m for m in ('whoosh', 'search.extract', 'search.places', 'search.gazetteer',"
            " 'search.writer') if m in sys.modules]\n"
            "print(s.unchanged, s.documents, s.added, loaded)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["11", "11", "0", "[]"]
    # a changed file opens the index as before
    (small_corpus / "new.txt").write_text("A new report\n\nFighting in Mosul went on.\n")
    assert index_paths([small_corpus], str(ix), jobs=1).added == 1
