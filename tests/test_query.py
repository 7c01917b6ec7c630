"""newsearch query: ranking, highlighting, filters, output formats, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from search.indexer import index_paths
from search.searcher import Query, Searcher, search_index

from .conftest import ROOT, SEED


def marked(passage: dict) -> list[str]:
    return [passage["text"][a:b] for a, b in passage["matches"]]


def test_state_of_emergency_bare_words_rank_seed_first(corpus_index, cli):
    data = cli.json("query", "state", "of", "emergency", "--index", corpus_index, "--json")
    top = data["hits"][0]
    assert top["title"] == "Mosul map" and top["path"].endswith(SEED.name)
    assert "state of emergency" in marked(top["passages"][0])
    # the phrase is marked as one span; "state" alone is not marked in that hit
    assert all(m.lower() != "state" for p in top["passages"] for m in marked(p))


def test_phrase_query_marks_only_the_phrase(corpus_index, cli):
    data = cli.json("query", '"state of emergency"', "--index", corpus_index, "--json")
    assert data["total"] == 2
    for hit in data["hits"]:
        marks = [m.lower() for p in hit["passages"] for m in marked(p)]
        assert marks and all(m == "state of emergency" for m in marks)


def test_stemming_applies_but_phrase_is_exact(corpus_index):
    assert "Mosul map" in [h.title for h in search_index(corpus_index, Query("militants")).hits]
    # "States and emerging" (Nike article) is not the phrase "state of emergency"
    titles = [h.title for h in search_index(corpus_index, Query('"state of emergency"')).hits]
    assert "Strong quarterly growth for Nike" not in titles


def test_phrase_of_stop_words_is_a_query(corpus_index, cli):
    # Stop words are indexed, so a quoted phrase made only of them still matches.
    data = cli.json("query", '"we are"', "--index", corpus_index, "--json", "--limit", "5")
    assert data["total"] > 10
    for hit in data["hits"]:
        marks = [m.lower() for p in hit["passages"] for m in marked(p)]
        assert marks and all(m == "we are" for m in marks)
    # a bare stop word is still refused (it would match nearly everything)
    assert cli("query", "the", "--index", corpus_index).exit_code == 2


def test_json_shape(corpus_index, cli):
    data = cli.json("query", "militants", "--index", corpus_index, "--json", "--limit", "2")
    assert set(data) >= {"query", "total", "hits"} and data["query"] == "militants"
    hit = data["hits"][0]
    assert set(hit) >= {"id", "path", "title", "date", "source", "score", "speakers", "places",
                        "quotes", "passages"}
    for p in hit["passages"]:
        for a, b in p["matches"]:
            assert 0 <= a < b <= len(p["text"])
    lines = cli("query", "militants", "--index", corpus_index, "--jsonl", "-n", "3").stdout
    assert [json.loads(x)["rank"] for x in lines.splitlines()] == [1, 2, 3]


@pytest.mark.parametrize("q,message", [
    ('"state of emergency', "unbalanced quote"),
    ("(iraq OR syria", "unbalanced parenthesis"),
    ("colour:red", "unknown field"),
    ("date:yesterday", "bad date"),
])
def test_bad_queries_exit_2_with_one_line(corpus_index, cli, q, message):
    result = cli("query", q, "--index", corpus_index)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_no_hits_exit_1_and_missing_index_exit_2(corpus_index, cli, tmp_path):
    assert cli("query", "xyzzyplugh", "--index", corpus_index).exit_code == 1
    missing = cli("query", "iraq", "--index", str(tmp_path / "nothing"))
    assert missing.exit_code == 2
    assert "no index at" in missing.stderr and "newsearch index PATH" in missing.stderr


def test_date_ranges_mean_exactly_those_days(tmp_path):
    root = tmp_path / "dated"
    root.mkdir()
    for day in ("2014-05-31", "2014-06-01", "2014-06-15", "2014-06-30", "2014-07-01", "2015-01-01"):
        (root / f"{day}_report.txt").write_text(f"Report {day}\n\nFlooding report for {day}.\n")
    ix = str(tmp_path / "ix")
    index_paths([root], ix, jobs=1)

    def days(text: str, **kw) -> list[str]:
        res = search_index(ix, Query(text, sort="date", limit=20, **kw))
        return [h.date.date().isoformat() for h in res.hits]

    assert days("flooding date:[2014-06-01 to 2014-06-30]") == ["2014-06-01", "2014-06-15", "2014-06-30"]
    assert days("date:2014-06") == ["2014-06-01", "2014-06-15", "2014-06-30"]
    assert days("date:2014-06-15") == ["2014-06-15"]
    assert days("date:>2014-06-30") == ["2014-07-01", "2015-01-01"]
    assert days("date:>=2015") == ["2015-01-01"]
    assert days("date:<2014-06") == ["2014-05-31"]
    assert days("flooding", since="2014-06-15", until="2014-07-01") == [
        "2014-06-15", "2014-06-30", "2014-07-01"]
    assert days("flooding", until="2014-05-31") == ["2014-05-31"]


def test_sort_by_date_and_offset(tmp_path):
    root = tmp_path / "dated"
    root.mkdir()
    for day in ("2020-01-01", "2021-01-01", "2022-01-01"):
        (root / f"{day}.txt").write_text(f"Budget {day}\n\nThe budget was set.\n")
    ix = str(tmp_path / "ix")
    index_paths([root], ix, jobs=1)
    newest = search_index(ix, Query("budget", sort="-date"))
    assert [h.title for h in newest.hits] == ["Budget 2022-01-01", "Budget 2021-01-01", "Budget 2020-01-01"]
    page = search_index(ix, Query("budget", sort="date", offset=1, limit=1))
    assert [h.title for h in page.hits] == ["Budget 2021-01-01"] and page.total == 3


def test_piped_output_has_no_escape_codes_and_no_wrapping(corpus_index):
    env = dict(os.environ, NEWSEARCH_INDEX=corpus_index)
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    out = subprocess.run([sys.executable, "-m", "search", "query", "state", "of", "emergency"],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert "Mosul map" in out.stdout and "\x1b[" not in out.stdout
    # a passage is one line, as grep would print it: the whole sentence is there
    assert any("has called on parliament to declare a state of emergency" in line
               for line in out.stdout.splitlines())
    forced = subprocess.run([sys.executable, "-m", "search", "query", "militants", "--color",
                             "always"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "\x1b[" in forced.stdout


def test_piped_text_is_the_terminal_text_without_styles(corpus_index):
    """Piped output is written without Rich; it must be the very text Rich
    prints on a terminal (wide enough not to wrap), only unstyled."""
    env = dict(os.environ, NEWSEARCH_INDEX=corpus_index, COLUMNS="100000")
    env.pop("NO_COLOR", None)
    for args in (["query", "state", "of", "emergency", "--facets", "-n", "5"],
                 ["query", "goverment"],
                 ["show", str(SEED), "--query", "state of emergency"],
                 ["extract", str(SEED)]):
        plain = subprocess.run([sys.executable, "-m", "search", *args], capture_output=True,
                               text=True, env=env, cwd=ROOT)
        styled = subprocess.run([sys.executable, "-m", "search", *args, "--color", "always"],
                                capture_output=True, text=True, env=env, cwd=ROOT)
        assert plain.returncode == styled.returncode == 0, plain.stderr + styled.stderr
        assert "\x1b[" in styled.stdout and "\x1b[" not in plain.stdout
        unstyled = re.sub(r"\x1b\[[0-9;]*m", "", styled.stdout)
        # the head line carries the query time, which differs between runs
        assert re.sub(r"in \d+ ms", "", unstyled) == re.sub(r"in \d+ ms", "", plain.stdout)


def test_piped_search_does_not_import_rich(corpus_index):
    code = ("import sys; sys.argv = ['newsearch', 'query', 'militants']\n"
            "from search.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(str(sorted(m for m in sys.modules if m.startswith('rich'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, NEWSEARCH_INDEX=corpus_index))
    assert "Mosul map" in out.stdout and out.stderr == "[]"


def test_version_and_one_command_apps(cli):
    from search import __version__
    from search.cli import _app_for, app

    assert cli("--version").stdout == f"newsearch {__version__}\n"
    # main() builds an app of the named command alone; the others are not built
    lean = _app_for(["query"])
    assert [c.callback.__name__ for c in lean.registered_commands] == ["query"]
    assert _app_for(["saved"]).registered_groups[0].name == "saved"
    assert _app_for(["--help"]) is app and _app_for(["nonsense"]) is app
    assert len(app.registered_commands) > 1


def test_plain_output_is_one_line_per_hit(corpus_index, cli):
    out = cli("query", "militants", "--index", corpus_index, "--plain", "-n", "3").stdout
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) == 3 and rows[0][0].endswith(SEED.name) and rows[0][2] == "Mosul map"


def test_every_command_has_help(cli):
    for cmd in (["--help"], ["index", "--help"], ["query", "--help"], ["stats", "--help"]):
        result = cli(*cmd)
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_fuzzy_terms_find_real_words(corpus_index):
    res = search_index(corpus_index, Query("emergncy~ iraq"))
    assert "Mosul map" in [h.title for h in res.hits]
    assert any("emergency" in m for h in res.hits for p in h.passages
               for m in (p.text[a:b].lower() for a, b in p.matches))


def test_did_you_mean_suggests_real_words(corpus_index, cli):
    data = cli.json("query", "goverment", "minster", "--index", corpus_index, "--json")
    assert data["total"] == 0 and data["suggestion"] == "government minister"
    out = cli("query", "goverment", "minster", "--index", corpus_index, "--color", "never")
    assert out.exit_code == 1 and "Did you mean: government minister?" in out.stdout


def test_facets_count_all_matches(corpus_index, cli):
    data = cli.json("query", "mosul", "--facets", "--index", corpus_index, "--json")
    places = {f["name"]: f["count"] for f in data["facets"]["places"]}
    assert places.get("Mosul", 0) >= 1 and places.get("Fallujah", 0) >= 1


def test_show_whole_article_with_matches(corpus_index, cli):
    data = cli.json("show", str(SEED), "--query", '"state of emergency"', "--index",
                    corpus_index, "--json")
    assert data["title"] == "Mosul map" and data["credit"] == "© Unknown"
    assert [data["body"][a:b] for a, b in data["matches"]] == ["state of emergency"]
    assert "Atheel Nujaifi" in data["speakers"]
    missing = cli("show", "no-such-id", "--index", corpus_index)
    assert missing.exit_code == 2 and "no article" in missing.stderr


def test_similar_finds_articles_on_the_same_subject(corpus_index, cli):
    data = cli.json("similar", str(SEED), "--index", corpus_index, "--json", "-n", "5")
    titles = [h["title"] for h in data["hits"]]
    assert "Mosul map" not in titles and len(titles) == 5
    assert any("Iraq" in t for t in titles)


def test_fuzzy_terms_ask_for_at_most_two_edits(corpus_index):
    # "4{~8" expanded to nearly every term of five fields (10 s for one query)
    from whoosh import query as wq

    with Searcher(corpus_index) as s:
        q = s.parser.parse("4{~8 militants")
        fuzzy = [n for n in q.leaves() if isinstance(n, wq.FuzzyTerm)]
        assert fuzzy and all(n.maxdist == 2 for n in fuzzy)
        assert s.search(Query(text="militnts~1", limit=3)).total > 0  # one edit still works


def test_a_wildcard_for_most_of_the_vocabulary_is_a_one_line_error(corpus_index, cli):
    # "?*" stood for 21,909 body words (4 s; several in one query took minutes)
    result = cli("query", "?* NOT emergency", "--index", corpus_index)
    assert result.exit_code == 2 and "give it more letters" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert cli("query", "a?*", "--index", corpus_index, "--json").exit_code == 0
