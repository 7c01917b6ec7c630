"""Find article files and turn them into ``Article`` records.

Formats: .txt, .md/.markdown, .json, .jsonl/.ndjson, .html/.htm, each optionally
gzip-compressed (``.gz``). Anything else under a directory is ignored silently;
a file that looks like an article but cannot be read raises ``SkipArticle``
(or yields a ``Skip`` for one bad record) with a reason the user can act on.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import stat as stat_module
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .errors import SkipArticle
from .model import Article, Skip

# One article file larger than this is skipped: a 50 MB "article" is a dump, and
# reading it whole would make memory grow with the input.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
# A .json file is parsed whole, so it gets its own (larger) bound.
MAX_JSON_BYTES = 256 * 1024 * 1024
# One JSONL line (one record) larger than this is skipped, the file goes on.
MAX_RECORD_BYTES = 16 * 1024 * 1024

SINGLE_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
MULTI_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS = {**SINGLE_FORMATS, **MULTI_FORMATS}

_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
_CREDIT = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,2000}>")
_WS = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class SourceFile:
    """A candidate file found under a root, with the stat used for incremental runs."""

    path: str  # absolute, as found (symlinks not resolved, so paths stay readable)
    fmt: str  # one of FORMATS' values
    compressed: bool
    mtime_ns: int
    size: int

    @property
    def multi(self) -> bool:
        return self.fmt in ("json", "jsonl")


def file_format(path: str) -> tuple[str, bool] | None:
    """Return ``(format, compressed)`` for a supported file name, else None."""
    name = path.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    fmt = FORMATS.get(os.path.splitext(name)[1])
    return (fmt, compressed) if fmt else None


def article_id(path: str, position: int | None) -> str:
    """A stable id from the file path and position: the same article keeps its id
    when its text is edited or the index is rebuilt."""
    key = path if position is None else f"{path}#{position}"
    return hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def discover(
    roots: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = ()
) -> Iterator[SourceFile | Skip]:
    """Walk ``roots`` and yield every supported file (sorted, so runs are repeatable).

    Hidden files and folders are passed over, and so is anything under ``exclude``
    (the index directory itself). Symlinked folders are followed once: a loop is
    reported as a skip, not followed forever. A root that is a file is taken even
    if its type is unknown, so the user hears why it was not indexed.
    """
    excluded = {os.path.realpath(e) for e in exclude}
    seen_dirs: set[str] = set()
    for root in roots:
        root = os.path.abspath(os.fspath(root))
        try:
            st = os.stat(root)
        except OSError as exc:
            yield Skip(root, _os_reason(exc, "cannot open"))
            continue
        if stat_module.S_ISDIR(st.st_mode):
            yield from _walk(root, excluded, seen_dirs)
        else:
            found = _source_file(root, st)
            yield found if found else Skip(root, "unsupported file type")


def _walk(top: str, excluded: set[str], seen: set[str]) -> Iterator[SourceFile | Skip]:
    real = os.path.realpath(top)
    if real in excluded:
        return
    if real in seen:
        yield Skip(top, "symlink loop: folder already visited")
        return
    seen.add(real)
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Skip(top, _os_reason(exc, "cannot list folder"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(top, entry.name)
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, excluded, seen)
            continue
        if not file_format(entry.name):
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield Skip(path, _os_reason(exc, "cannot open"))
            continue
        if stat_module.S_ISREG(st.st_mode):
            found = _source_file(path, st)
            if found:
                yield found


def _source_file(path: str, st: os.stat_result) -> SourceFile | None:
    kind = file_format(path)
    if not kind:
        return None
    return SourceFile(path, kind[0], kind[1], st.st_mtime_ns, st.st_size)


def _os_reason(exc: OSError, what: str) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "file not found (broken symlink?)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"{what}: {exc.strerror or exc}"


def file_hash(path: str) -> str:
    """Content hash of the raw file, to tell a touched file from an edited one."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- raw bytes


def read_bytes(src: SourceFile, limit: int) -> bytes:
    """Read (and gunzip) a whole file, refusing more than ``limit`` bytes."""
    try:
        if src.compressed:
            with gzip.open(src.path, "rb") as fh:
                data = fh.read(limit + 1)
        else:
            if src.size > limit:
                raise SkipArticle(f"file is {_mb(src.size)}, over the {_mb(limit)} limit for one article")
            with open(src.path, "rb") as fh:
                data = fh.read(limit + 1)
    except SkipArticle:
        raise
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise SkipArticle(f"corrupt or truncated gzip: {exc}") from None
    except OSError as exc:
        raise SkipArticle(_os_reason(exc, "cannot read")) from None
    if len(data) > limit:
        raise SkipArticle(f"uncompressed size over the {_mb(limit)} limit for one article")
    return data


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n % (1024 * 1024) else f"{n // (1024 * 1024)} MB"


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (BOM aware) first, then a detection fallback.

    English news files that are not UTF-8 are nearly always Windows-1252/Latin-1
    with a few accented letters or a pound sign; generic detectors guess Asian
    code pages for those (one byte gives them little evidence), so a mostly-ASCII
    text that decodes as cp1252 is taken as cp1252. Anything else goes to
    charset-normalizer, preferring cp1252 among near-equal candidates.
    """
    if not data.strip():
        raise SkipArticle("empty file")
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise SkipArticle("undecodable UTF-16 text") from None
    nuls = head.count(0)
    if nuls > max(2, len(head) // 100):  # a stray NUL or two in a short text is not binary
        raise SkipArticle("binary file (NUL bytes), not text")
    try:
        return _clean(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    non_ascii = sum(1 for b in head if b > 0x7F)
    if non_ascii <= max(4, len(head) // 20):
        try:
            return _clean(data.decode("cp1252"))
        except UnicodeDecodeError:
            pass  # cp1252 leaves five bytes undefined
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:262144]))
    if not matches:
        raise SkipArticle("binary or undecodable text (no encoding fits)")
    best = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best + 0.1]
    pick = next((m for m in near if m.encoding == "cp1252"), near[0])
    try:
        text = data.decode(pick.encoding)
    except (UnicodeDecodeError, LookupError):
        raise SkipArticle(f"undecodable text (guessed {pick.encoding})") from None
    if _control_ratio(text[:8192]) > 0.05:
        raise SkipArticle("binary file, not text")
    return _clean(text)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / len(text)


def _clean(text: str) -> str:
    # NUL and other C0 controls break terminals and Whoosh terms; a stray one in
    # an otherwise good article is dropped rather than losing the article.
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- articles


def read_articles(src: SourceFile) -> Iterator[Article | Skip]:
    """Yield the articles of one file, and a ``Skip`` for each bad record in it.

    Raises ``SkipArticle`` when the file as a whole cannot be read.
    """
    if src.fmt == "jsonl":
        yield from read_jsonl(src)
        return
    if src.fmt == "json":
        data = read_bytes(src, MAX_JSON_BYTES)
        yield from parse_json(src.path, decode(data))
        return
    text = decode(read_bytes(src, MAX_ARTICLE_BYTES))
    if src.fmt == "md":
        yield parse_markdown(src.path, text)
    elif src.fmt == "html":
        yield parse_html(src.path, text)
    else:
        yield parse_text(src.path, text)


def parse_text(path: str, text: str, meta: dict[str, Any] | None = None) -> Article:
    """Plain text: first non-empty line is the title, a copyright line near the top
    is the credit, the rest is the body with its paragraphs kept."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        raise SkipArticle("empty file (only white space)")
    title = _WS.sub(" ", lines[i]).strip()
    rest = lines[i + 1 :]
    credit = None
    # A credit line may stand among the first few lines under the title.
    for j, line in enumerate(rest[:6]):
        if _CREDIT.match(line):
            credit = line.strip()
            del rest[j]
            break
    body = _tidy_body("\n".join(rest))
    meta = dict(meta or {})
    return _article(path, None, title, body, meta, credit=credit)


def parse_markdown(path: str, text: str) -> Article:
    """Markdown with optional front matter (``---`` block of ``key: value`` lines)."""
    meta: dict[str, Any] = {}
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            for line in text[3:end].split("\n"):
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    meta[key.strip().lower()] = value.strip().strip("\"'")
            text = text[end + 4 :].split("\n", 1)[1] if "\n" in text[end + 4 :] else ""
    title = meta.get("title")
    if not title:
        lines = text.lstrip("\n").split("\n", 1)
        title = lines[0].lstrip("#").strip() if lines and lines[0].strip() else ""
        text = lines[1] if len(lines) > 1 else ""
    if not title and not text.strip():
        raise SkipArticle("empty file")
    body = _tidy_body(text)
    return _article(path, None, title, body, meta, credit=meta.get("author"))


def parse_html(path: str, text: str) -> Article:
    """A news web page: the article text and metadata, not the navigation."""
    import trafilatura  # heavy (lxml); only HTML files pay for it

    doc = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise SkipArticle("no article text found in HTML")
    title = (doc.title or "").strip()
    body = doc.text
    if title and body.startswith(title):
        body = body[len(title) :].lstrip("\n")
    meta = {"date": doc.date, "source": doc.sitename, "url": doc.url, "author": doc.author}
    return _article(path, None, title, _tidy_body(body), {k: v for k, v in meta.items() if v})


# Common keys of news exports, in order of preference.
TITLE_KEYS = ("title", "headline", "name")
BODY_KEYS = ("body", "text", "content", "article", "description", "summary", "abstract")
DATE_KEYS = ("date", "published", "date_published", "published_at", "pubdate", "pubDate",
             "datetime", "publish_date", "time", "timestamp", "created_at")
SOURCE_KEYS = ("source", "publisher", "outlet", "site", "site_name", "source_name", "feed")
URL_KEYS = ("url", "link", "href")
AUTHOR_KEYS = ("author", "byline", "credit", "authors")


def parse_json(path: str, text: str) -> Iterator[Article | Skip]:
    """A .json file: one article object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipArticle(f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
    if isinstance(data, dict) and not _is_article(data):
        # A wrapper such as {"articles": [...]} or {"items": [...]}.
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            data = lists[0]
    if isinstance(data, dict):
        if not _is_article(data):
            raise SkipArticle("JSON is not an article (no title or body/text field)")
        yield record_article(path, None, data)
        return
    if not isinstance(data, list):
        raise SkipArticle("JSON is not an article or a list of articles")
    found = False
    for i, item in enumerate(data):
        if isinstance(item, dict) and _is_article(item):
            found = True
            yield record_article(path, i, item)
        else:
            yield Skip(path, "list item is not an article (no title or body/text field)", i)
    if not found:
        raise SkipArticle("JSON list holds no article objects")


def read_jsonl(src: SourceFile) -> Iterator[Article | Skip]:
    """Stream a JSONL file: one bad line skips that line, not the file."""
    for lineno, line in iter_lines(src):
        item = parse_jsonl_line(src.path, lineno, line)
        if item is not None:
            yield item


def iter_lines(src: SourceFile) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line number, raw line)`` of a (gzipped) JSONL file, streaming.

    A line over ``MAX_RECORD_BYTES`` is yielded truncated to that size plus one
    byte, so the parser reports it; a truncated gzip ends with a ``SkipArticle``
    after the good lines, which callers turn into a skip for the rest.
    """
    opener = gzip.open if src.compressed else open
    lineno = 0
    try:
        with opener(src.path, "rb") as fh:
            while True:
                line = fh.readline(MAX_RECORD_BYTES + 1)
                if not line:
                    return
                lineno += 1
                if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                    while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                        pass  # drain the rest of the oversized line
                yield lineno, line
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        where = f"after line {lineno}" if lineno else "at the start"
        raise SkipArticle(f"corrupt or truncated gzip {where}: {exc}") from None
    except OSError as exc:
        raise SkipArticle(_os_reason(exc, "cannot read")) from None


def parse_jsonl_line(path: str, lineno: int, line: bytes) -> Article | Skip | None:
    """One JSONL line to an Article, a Skip with the reason, or None if blank."""
    if len(line) > MAX_RECORD_BYTES:
        return Skip(path, f"line longer than the {_mb(MAX_RECORD_BYTES)} record limit", lineno)
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        return Skip(path, f"malformed JSON line: {msg}", lineno)
    if not isinstance(item, dict) or not _is_article(item):
        return Skip(path, "JSON line is not an article (no title or body/text field)", lineno)
    try:
        return record_article(path, lineno, item)
    except SkipArticle as exc:
        return Skip(path, exc.reason, lineno)


def _is_article(d: dict[str, Any]) -> bool:
    return any(isinstance(d.get(k), str) and d[k].strip() for k in TITLE_KEYS + BODY_KEYS)


def _first(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = d.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def record_article(path: str, position: int | None, d: dict[str, Any]) -> Article:
    """Map a JSON object with common news-export keys to an Article."""
    title = _first(d, TITLE_KEYS)
    body = _first(d, BODY_KEYS)
    title = _as_text(title)
    body = _as_text(body)
    if not title and not body:
        raise SkipArticle("record has an empty title and body")
    source = _first(d, SOURCE_KEYS)
    if isinstance(source, dict):
        source = source.get("name") or source.get("title")
    author = _first(d, AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a.get("name", a)) if isinstance(a, dict) else str(a) for a in author)
    meta = {"date": _first(d, DATE_KEYS), "source": source, "url": _first(d, URL_KEYS),
            "author": author}
    if "id" in d:
        meta["record_id"] = d["id"]
    if not title:  # a body-only record: its first sentence stands in for a title
        title = _first_sentence(body)
    return _article(path, position, title, body, {k: v for k, v in meta.items() if v})


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "\n\n".join(str(v) for v in value if v)
    value = str(value)
    if "<" in value and ">" in value:
        value = strip_html(value)
    return _tidy_body(value.replace("\x00", ""))


def strip_html(fragment: str) -> str:
    """Text of a small HTML fragment (RSS summaries): block tags become breaks."""
    fragment = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\b[^>]*>", "\n\n", fragment)
    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", fragment)
    return html.unescape(_TAG.sub(" ", fragment))


def _first_sentence(text: str) -> str:
    m = re.match(r"(.{20,200}?[.!?])(\s|$)", text, re.S)
    return _WS.sub(" ", (m.group(1) if m else text[:120])).strip()


def _tidy_body(text: str) -> str:
    """Trim each line and keep paragraph breaks (one blank line between them)."""
    paras = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        "\n".join(_tidy_line(ln) for ln in p.split("\n") if ln.strip())
        for p in paras if p.strip()
    )


def _tidy_line(line: str) -> str:
    # (the regex only where it has work: most lines hold single spaces only)
    if "  " in line or "\t" in line or "\r" in line or "\f" in line or "\v" in line:
        line = _WS.sub(" ", line)
    return line.strip()


def _article(path: str, position: int | None, title: str, body: str,
             meta: dict[str, Any], credit: str | None = None) -> Article:
    date = parse_date(meta.pop("date", None)) or date_from_name(path)
    source = meta.pop("source", None)
    url = meta.pop("url", None)
    author = meta.pop("author", None)
    return Article(
        id=article_id(path, position),
        path=path,
        title=title,
        body=body,
        date=date,
        source=str(source).strip() if source else None,
        credit=credit or (str(author).strip() if author else None),
        url=str(url).strip() if url else None,
        position=position,
        meta=meta,
    )


# ---------------------------------------------------------------- dates

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y",
                 "%Y%m%d")


def parse_date(value: Any) -> datetime | None:
    """Parse a metadata date (ISO 8601, RFC 2822, epoch seconds, common forms).

    Returns a naive datetime in UTC (Whoosh compares naive datetimes), or None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _naive_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            secs = value / 1000 if value > 1e11 else value  # milliseconds
            return datetime.fromtimestamp(secs, tz=timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        return _naive_utc(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        import email.utils  # (here: most archives date their articles in ISO form)

        return _naive_utc(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _naive_utc(d: datetime) -> datetime | None:
    if d.tzinfo is not None:
        d = d.astimezone(timezone.utc).replace(tzinfo=None)
    return d if 1000 < d.year < 10000 else None


def date_from_name(path: str) -> datetime | None:
    """A ``YYYY-MM-DD`` in the file name is the article's date."""
    m = _DATE_IN_NAME.search(os.path.basename(path))
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
