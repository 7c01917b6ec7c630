"""Reading real article files and the formats newsearch supports."""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime

import pytest

from search.errors import SkipArticle
from search.model import Article, Skip
from search.reader import (
    SourceFile,
    decode,
    discover,
    parse_date,
    read_articles,
)

from .conftest import CORPUS, SEED


def src_for(path) -> SourceFile:
    found = list(discover([path]))
    assert len(found) == 1 and isinstance(found[0], SourceFile), found
    return found[0]


def read(path) -> list[Article | Skip]:
    return list(read_articles(src_for(path)))


def test_seed_title_credit_body_and_date_from_file_name():
    [art] = read(SEED)
    assert art.title == "Mosul map"
    assert art.credit == "© Unknown"
    assert art.body.startswith("Heavily-armed, Al-Qaeda-affiliated militants")
    assert "© Unknown" not in art.body
    assert "\n\n" in art.body  # paragraphs kept
    assert art.date == datetime(2014, 6, 10)


def test_latin1_bbc_article_gets_its_pound_sign():
    [art] = read(CORPUS / "bbc" / "sport" / "199.txt")
    assert art.title == "Chelsea sack Mutu"
    assert "a £15.8m signing from Parma" in art.body


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_single_byte_encodings_decode_correctly(encoding):
    text = "Café owners in São Paulo said prices rose to £5, the mayor’s office said."
    if encoding == "latin-1":
        text = text.replace("’", "'")
    assert decode(text.encode(encoding)) == text


def test_utf8_bom_and_nul_bytes():
    assert decode("\ufeffTitle\n\nBody".encode("utf-8")) == "Title\n\nBody"
    body = b"Title\n\n" + b"A long body of ordinary news text. " * 40
    text = decode(body[:500] + b"\x00" + body[500:])
    assert "\x00" not in text and text.startswith("Title")


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\t \n", "empty"),
    (bytes(range(256)) * 40, "binary"),
])
def test_unreadable_bytes_raise_skip_with_reason(data, reason):
    with pytest.raises(SkipArticle, match=reason):
        decode(data)


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("---\ntitle: Floods hit York\ndate: 2020-02-17\nsource: Yorkshire Post\n"
                 "url: https://example.org/floods\nauthor: Jane Roe\n---\n\nThe River Ouse rose.\n")
    [art] = read(p)
    assert (art.title, art.source, art.url, art.credit) == (
        "Floods hit York", "Yorkshire Post", "https://example.org/floods", "Jane Roe")
    assert art.date == datetime(2020, 2, 17)
    assert art.body == "The River Ouse rose."


def test_json_object_list_and_wrapper(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"headline": "A", "text": "Alpha body.", "published": "2023-01-02T10:00:00Z"}))
    [a] = read(one)
    assert (a.title, a.body, a.date) == ("A", "Alpha body.", datetime(2023, 1, 2, 10))
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"articles": [{"title": "B", "body": "x"}, {"title": "C", "body": "y"}]}))
    arts = read(many)
    assert [x.title for x in arts] == ["B", "C"]
    assert len({x.id for x in arts}) == 2  # position is part of the id


def test_json_that_is_not_an_article_is_skipped(tmp_path):
    p = tmp_path / "config.json"
    p.write_text(json.dumps({"debug": True, "level": 3}))
    with pytest.raises(SkipArticle, match="not an article"):
        read(p)


def test_jsonl_bad_line_skips_only_that_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"title": "One", "description": "<p>First &amp; best</p>"}\n'
                 '{"title": "Two", "description": \n'
                 '\n'
                 '{"title": "Three", "description": "Third", '
                 '"date_published": "2023-01-01 23:02:37+00:00"}\n')
    items = read(p)
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [a.title for a in arts] == ["One", "Three"]
    assert arts[0].body == "First & best"  # RSS HTML stripped
    assert arts[1].date == datetime(2023, 1, 1, 23, 2, 37)
    assert [(s.position, "malformed JSON" in s.reason) for s in skips] == [(2, True)]


def test_gzip_transparent_and_truncated_gzip_reported(tmp_path):
    lines = "".join(json.dumps({"title": f"T{i}", "body": "word " * 200}) + "\n" for i in range(300))
    good = tmp_path / "feed.jsonl.gz"
    good.write_bytes(gzip.compress(lines.encode()))
    assert len(read(good)) == 300
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(gzip.compress(lines.encode())[:-40])
    with pytest.raises(SkipArticle, match="truncated gzip"):
        read(bad)
    txt = tmp_path / "story.txt.gz"
    txt.write_bytes(gzip.compress(b"Title\n\nBody text."))
    [a] = read(txt)
    assert a.title == "Title"


def test_html_article_text_not_navigation(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Floods hit town | Daily Planet</title>"
        '<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World news</a></nav><article><h1>Floods hit town</h1>'
        "<p>Heavy rain caused the river to burst its banks on Tuesday, flooding hundreds of homes "
        "in the town centre, officials said.</p><p>\"We have never seen anything like it,\" said "
        "mayor John Smith, who declared a state of emergency.</p></article>"
        "<footer>Privacy policy. Cookies.</footer></body></html>")
    [a] = read(p)
    assert a.title == "Floods hit town"
    assert "declared a state of emergency" in a.body
    assert "World news" not in a.body and "Cookies" not in a.body
    assert a.date == datetime(2021, 3, 4)


def test_discover_ignores_other_types_and_hidden_and_reports_loops(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nbody")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("H\n\nbody")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("# B\n\nbody")
    os.symlink(tmp_path, sub / "loop")
    found = list(discover([tmp_path]))
    files = sorted(os.path.basename(f.path) for f in found if isinstance(f, SourceFile))
    assert files == ["a.txt", "b.md"]
    assert any(isinstance(f, Skip) and "loop" in f.reason for f in found)


@pytest.mark.parametrize("value,expected", [
    ("2014-06-10", datetime(2014, 6, 10)),
    ("2023-01-01 23:02:37+00:00", datetime(2023, 1, 1, 23, 2, 37)),
    ("Tue, 10 Jun 2014 08:00:00 +0200", datetime(2014, 6, 10, 6)),
    ("June 10, 2014", datetime(2014, 6, 10)),
    (1402358400, datetime(2014, 6, 10)),
    ("not a date", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected
