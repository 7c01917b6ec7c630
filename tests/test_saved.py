"""Saved searches: TOML definitions, --new watermark, exit codes, concurrency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from search.indexer import index_paths

from .conftest import ROOT


@pytest.fixture
def setup(small_corpus, tmp_path, cli):
    ix = str(tmp_path / "ix")
    index_paths([small_corpus], ix, jobs=1)
    return small_corpus, ix


def ids(cli, *args) -> list[str]:
    result = cli("saved", "run", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_add_list_show_run_rename_remove(setup, cli):
    _, ix = setup
    assert cli("saved", "add", "mosul", "mosul OR fallujah", "--index", ix,
               "--description", "Iraq", "--limit", "5").exit_code == 0
    dup = cli("saved", "add", "mosul", "iraq", "--index", ix)
    assert dup.exit_code == 2 and "exists" in dup.stderr
    assert cli("saved", "add", "mosul", "iraq", "--index", ix, "--force").exit_code == 0
    bad = cli("saved", "add", "bad name", "iraq", "--index", ix)
    assert bad.exit_code == 2 and "bad saved-search name" in bad.stderr
    badq = cli("saved", "add", "badq", '"unclosed', "--index", ix)
    assert badq.exit_code == 2 and "unbalanced quote" in badq.stderr
    rows = cli.json("saved", "list", "--index", ix, "--json")
    assert [(r["name"], r["query"], r["description"]) for r in rows] == [("mosul", "iraq", "")]
    data = cli.json("saved", "run", "mosul", "--index", ix, "--json")
    assert data["searches"][0]["search"] == "mosul" and data["searches"][0]["hits"]
    assert cli("saved", "rename", "mosul", "iraq", "--index", ix).exit_code == 0
    assert cli.json("saved", "show", "iraq", "--index", ix, "--json")["last_run"]
    assert cli("saved", "rm", "iraq", "--index", ix).exit_code == 0
    assert cli.json("saved", "list", "--index", ix, "--json") == []


def test_new_watermark(setup, cli):
    corpus, ix = setup
    cli("saved", "add", "emergency", "emergency OR minister", "--index", ix, "--limit", "50")
    first = ids(cli, "emergency", "--new", "--jsonl", "--index", ix)
    assert len(first) >= 2
    second = cli("saved", "run", "emergency", "--new", "--jsonl", "--index", ix)
    assert second.exit_code == 1 and second.stdout == ""
    # an edited, already reported article is not new
    reported = next(p for p in sorted((corpus / "bbc").iterdir())
                    if "minister" in p.read_text(encoding="utf-8", errors="replace").lower())
    reported.write_text(reported.read_text(encoding="utf-8", errors="replace") + "\nThe minister spoke.\n")
    # a new matching article is
    (corpus / "bbc" / "zz-new.txt").write_text("Emergency talks\n\nA state of emergency was declared.\n")
    index_paths([corpus], ix, jobs=1)
    third = cli.json("saved", "run", "emergency", "--new", "--json", "--index", ix)
    hits = third["searches"][0]["hits"]
    assert [h["title"] for h in hits] == ["Emergency talks"]
    # the watermark survives a rebuild (ids are stable)
    index_paths([corpus], ix, rebuild=True, jobs=1)
    assert cli("saved", "run", "emergency", "--new", "--index", ix).exit_code == 1


def test_no_mark_does_not_record(setup, cli):
    _, ix = setup
    cli("saved", "add", "m", "minister", "--index", ix)
    a = ids(cli, "m", "--new", "--no-mark", "--jsonl", "--index", ix)
    b = ids(cli, "m", "--new", "--no-mark", "--jsonl", "--index", ix)
    assert a and a == b


def test_all_runs_every_search_with_names(setup, cli):
    _, ix = setup
    cli("saved", "add", "a", "minister", "--index", ix)
    cli("saved", "add", "b", "mosul", "--index", ix)
    out = cli("saved", "run", "--all", "--jsonl", "--index", ix).stdout
    assert {json.loads(line)["search"] for line in out.splitlines()} == {"a", "b"}
    assert cli("saved", "run", "--index", ix).exit_code == 2  # neither names nor --all


def test_hand_edit_is_picked_up_and_malformed_file_left_untouched(setup, cli, tmp_path):
    _, ix = setup
    saved = tmp_path / "team-searches.toml"
    saved.write_text('[mosul]\nquery = "mosul"\n')
    assert cli.json("saved", "list", "--saved", str(saved), "--json")[0]["name"] == "mosul"
    bad = '[mosul]\nquery = "mosul\n'
    saved.write_text(bad)
    result = cli("saved", "add", "x", "iraq", "--saved", str(saved), "--index", ix)
    assert result.exit_code == 2
    assert str(saved) in result.stderr and "line" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert saved.read_text() == bad


def test_concurrent_new_runs_keep_state_consistent(setup, cli):
    _, ix = setup
    cli("saved", "add", "m", "minister OR government OR mosul", "--index", ix, "--limit", "2")
    env = dict(os.environ, NEWSEARCH_INDEX=ix)

    def run(_):
        out = subprocess.run([sys.executable, "-m", "search", "saved", "run", "m", "--new",
                              "--jsonl"], capture_output=True, text=True, env=env, cwd=ROOT)
        assert out.returncode in (0, 1), out.stderr
        return [json.loads(x)["id"] for x in out.stdout.splitlines()]

    with ThreadPoolExecutor(4) as pool:
        batches = list(pool.map(run, range(4)))
    shown = [i for b in batches for i in b]
    assert len(shown) == len(set(shown))  # nothing reported twice
    with open(os.path.join(ix, "saved-state.json")) as fh:
        state = json.load(fh)
    assert sorted(state["m"]["reported"]) == sorted(shown)
