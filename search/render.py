"""Rendering: Rich for people, JSON/JSONL for scripts. Imports only model.

Rich decides colour once (no colour off a terminal, with NO_COLOR, or TERM=dumb;
``--color`` overrides); JSON is written with ``json.dumps`` straight to stdout so
Rich never wraps it. Article text is never parsed as markup.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO, Union

from .model import Article, Extraction, Hit, IndexSummary, Passage, Quote, Skip

if TYPE_CHECKING:
    from rich.console import Console

MATCH_STYLE = "bold black on yellow"

# A printed line as (text, Rich style or None) pieces. Hits, articles and
# extractions are built as lines once; a Console styles them, a PlainConsole
# writes their text, so the layout cannot differ between the two.
Segment = tuple[str, Union[str, None]]  # noqa: UP007 - evaluated on Python 3.10 too
Line = list[Segment]

# What Rich's Text drops (BEL, BS, VT, FF, CR) plus the rest of C0 and DEL
# (an ESC in an article must not reach a terminal or a pipe as an escape code).
_CONTROL = dict.fromkeys([*range(9), *range(11, 32), 127])


def console(file: TextIO | None = None, color: str = "auto", stderr: bool = False) -> Console:
    """A Console for stdout (or stderr) that follows ``--color auto|always|never``."""
    from rich.console import Console

    kwargs: dict[str, Any] = {"highlight": False, "soft_wrap": False}
    if color == "always":
        kwargs["force_terminal"] = True
    elif color == "never":
        kwargs["no_color"] = True
        kwargs["force_terminal"] = False
    if file is not None:
        kwargs["file"] = file
    elif stderr:
        kwargs["stderr"] = True
    con = Console(**kwargs)
    if color == "never" or (color == "auto" and not con.is_terminal):
        con.no_color = True
    if not con.is_terminal:
        # Piped or redirected: one line per paragraph, as grep and rg print,
        # not wrapped at a made-up 80 columns (and Rich's wrapping is half the
        # time of printing ten hits).
        con.soft_wrap = True
    return con


class PlainConsole:
    """Where line printers write when stdout is no terminal (a pipe, a file) and
    colour is not forced: the lines a Console would print there (no colour, no
    wrapping), without importing Rich, which is a tenth of a search's run time."""

    def __init__(self, file: TextIO | None = None) -> None:
        self.file = file or sys.stdout

    def print_lines(self, lines: list[Line]) -> None:
        self.file.write("".join("".join(t for t, _ in line) + "\n" for line in lines))


def is_terminal(file: TextIO, color: str = "auto") -> bool:
    """Whether ``file`` counts as a terminal for ``console(color=color)``, by
    Rich's rules, without importing Rich (``--color always`` makes anything
    one, ``never`` nothing)."""
    if color in ("always", "never"):
        return color == "always"
    return _is_terminal(file)


def _is_terminal(file: TextIO) -> bool:
    # Rich's rules (rich.console.Console.is_terminal).
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return file.isatty()
    except (AttributeError, ValueError):
        return False


def line_console(color: str = "auto", file: TextIO | None = None) -> Console | PlainConsole:
    """For the line printers (hits, articles, extractions): a Rich Console on a
    terminal or with ``--color always``, else a PlainConsole."""
    if color != "always" and not _is_terminal(file or sys.stdout):
        return PlainConsole(file)
    return console(file=file, color=color)


def print_lines(con: Console | PlainConsole, lines: list[Line]) -> None:
    """Print built lines: styled by a Console, as text by a PlainConsole."""
    lines = [[(t.translate(_CONTROL), style) for t, style in line] for line in lines]
    if isinstance(con, PlainConsole):
        con.print_lines(lines)
        return
    from rich.text import Text

    # One print: Rich renders and writes once, not once per line.
    con.print(*(Text.assemble(*line) for line in lines), sep="\n")


# ------------------------------------------------------------------ JSON


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_json(data: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(json.dumps(data, ensure_ascii=False, default=_default) + "\n")


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=_default) + "\n")


def display_path(path: str) -> str:
    """A path relative to the working directory when it is under it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"speaker": q.speaker, "source": q.source, "text": q.text, "start": q.start,
            "end": q.end}


def passage_dict(p: Passage) -> dict[str, Any]:
    return {"text": p.text, "matches": [list(m) for m in p.matches]}


def hit_dict(hit: Hit, search: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "rank": hit.rank, "id": hit.id, "path": display_path(hit.path), "title": hit.title,
        "date": hit.date, "source": hit.source, "score": round(hit.score, 4),
        "speakers": list(hit.speakers), "places": list(hit.places),
        "quotes": [quote_dict(q) for q in hit.quotes],
        "passages": [passage_dict(p) for p in hit.passages],
    }
    if hit.url:
        d["url"] = hit.url
    if search is not None:
        d["search"] = search
    return d


# ------------------------------------------------------------------ index


def _table(**kwargs: Any) -> Any:
    # rich.table (and the fractions module it needs) costs ~2.5 ms of start-up
    # that a search, which prints no table, should not pay.
    from rich.table import Table

    return Table(**kwargs)


def print_summary(con: Console, s: IndexSummary, index_dir: str) -> None:
    from rich.text import Text

    table = _table(title=f"Index {index_dir}", show_header=False, title_justify="left",
                  box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("added", f"{s.added:,}")
    table.add_row("updated", f"{s.updated:,}")
    table.add_row("unchanged", f"{s.unchanged:,}")
    table.add_row("removed", f"{s.removed:,}")
    table.add_row("skipped", f"{len(s.skipped):,}")
    table.add_row("documents in index", f"{s.documents:,}")
    rate = (s.added + s.updated) / s.seconds if s.seconds else 0.0
    table.add_row("time", f"{s.seconds:.1f} s ({rate:,.0f} articles/s)")
    con.print(table)
    if s.skipped:
        con.print(Text(f"Skipped {len(s.skipped)}:", style="bold yellow"))
        for sk in s.skipped[:50]:
            d = skip_dict(sk)
            line = Text("  ")
            line.append(display_path(d["path"]), style="cyan")
            line.append(f": {d['reason']}")
            con.print(line)
        if len(s.skipped) > 50:
            con.print(f"  … and {len(s.skipped) - 50} more (see --json)")
    if s.interrupted:
        con.print(Text("Interrupted: everything up to the last committed batch is kept; "
                       "run the same command again to continue.", style="bold red"))


def summary_dict(s: IndexSummary) -> dict[str, Any]:
    d = s.as_dict()
    d["skipped"] = [skip_dict(sk) for sk in s.skipped]
    return d


def skip_dict(sk: Skip) -> dict[str, Any]:
    where = display_path(sk.path) + ("" if sk.position is None else f":{sk.position}")
    return {"path": where, "reason": sk.reason}


def print_stats(con: Console, stats: dict[str, Any]) -> None:
    from rich.text import Text

    table = _table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("index", stats["index"])
    table.add_row("documents", f"{stats['documents']:,}")
    table.add_row("files", f"{stats['files']:,}")
    span = stats.get("dates") or {}
    table.add_row("dates", f"{span.get('first') or '-'} … {span.get('last') or '-'}"
                  f"  ({span.get('dated', 0):,} dated)")
    table.add_row("size on disk", f"{stats['bytes'] / 1024 / 1024:,.1f} MB")
    table.add_row("segments", str(stats.get("segments", "")))
    con.print(table)
    for key in ("sources", "speakers", "places"):
        items = stats.get(key) or []
        if items:
            con.print(Text(f"Top {key}", style="bold"))
            con.print(Text("  " + ", ".join(f"{name} ({n})" for name, n in items)))


# ------------------------------------------------------------------ hits


def marked(text: str, matches: Iterable[tuple[int, int]], style: str = MATCH_STYLE) -> Line:
    """``text`` as pieces with the ``matches`` spans in ``style`` (overlaps merged)."""
    line: Line = []
    pos = 0
    for a, b in sorted(matches):
        a = max(a, pos)
        if b <= a:
            continue
        if a > pos:
            line.append((text[pos:a], None))
        line.append((text[a:b], style))
        pos = b
    if pos < len(text):
        line.append((text[pos:], None))
    return line


def chips(label: str, values: Iterable[str], style: str, limit: int = 8) -> Line | None:
    values = list(values)
    if not values:
        return None
    line: Line = [(f"{label} ", "dim")]
    for i, v in enumerate(values[:limit]):
        if i:
            line.append((" ", None))
        line.append((f" {v} ", style))
    if len(values) > limit:
        line.append((f" +{len(values) - limit}", "dim"))
    return line


def _quote_line(indent: str, q: Quote, limit: int, ellipsis: str = "") -> Line:
    who = q.speaker or q.source or "unattributed"
    text = q.text[:limit] + (ellipsis if len(q.text) > limit else "")
    return [(f"{indent}“", None), (text, "italic"), ("” — ", None), (who, "green")]


def hit_lines(query: str, total: int, seconds: float, hits: list[Hit],
              facets: dict[str, list[tuple[str, int]]] | None = None,
              suggestion: str | None = None, search: str | None = None) -> list[Line]:
    """The lines of a result list: a head line, then per hit its title, metadata,
    speaker and place chips, passages with the matches marked, and quotes."""
    head: Line = [(f"[{search}] ", "bold magenta")] if search else []
    head += [(f"{total:,} match{'es' if total != 1 else ''}", "bold"),
             (f" for {query!r} in {seconds * 1000:.0f} ms", None)]
    out = [head]
    if suggestion:
        out.append([("Did you mean: ", "bold"), (suggestion, "italic cyan"), ("?", None)])
    for name, items in (facets or {}).items():
        if items:
            out.append([(f"{name}: ", "bold"), (", ".join(f"{k} ({n})" for k, n in items), None)])
    for hit in hits:
        out.append([])
        out.append([(f"{hit.rank}. ", "bold"), (hit.title or "(untitled)", "bold cyan")])
        bits = [hit.date.date().isoformat() if hit.date else None, hit.source,
                display_path(hit.path), f"score {hit.score:.2f}", f"id {hit.id}"]
        out.append([("   ", "dim"), (" · ".join(b for b in bits if b), "dim")])
        for c in (chips("   speakers", hit.speakers, "black on bright_green"),
                  chips("   places", hit.places, "black on bright_blue")):
            if c:
                out.append(c)
        for p in hit.passages:
            out.append([("   … ", None), *marked(p.text, p.matches), (" …", None)])
        for q in hit.quotes[:2]:
            out.append(_quote_line("   ", q, 200))
    return out


def print_hits(con: Console | PlainConsole, query: str, total: int, seconds: float,
               hits: list[Hit], facets: dict[str, list[tuple[str, int]]] | None = None,
               suggestion: str | None = None, search: str | None = None) -> None:
    print_lines(con, hit_lines(query, total, seconds, hits, facets, suggestion, search))


def print_plain(out: TextIO, hits: list[Hit], search: str | None = None) -> None:
    """One line per hit, tab-separated: path, score, title (for grep and cut)."""
    for hit in hits:
        cols = [search] if search else []
        cols += [display_path(hit.path), f"{hit.score:.3f}", hit.title.replace("\t", " ")]
        out.write("\t".join(cols) + "\n")


# ------------------------------------------------------------------ extract


def extraction_dict(article: Article, found: Extraction) -> dict[str, Any]:
    return {
        "path": display_path(article.path), "id": article.id, "title": article.title,
        "date": article.date, "source": article.source, "speakers": list(found.speakers),
        "places": list(found.places), "quotes": [quote_dict(q) for q in found.quotes],
        "sources": list(found.sources),
    }


def print_extraction(con: Console | PlainConsole, article: Article, found: Extraction) -> None:
    out: list[Line] = [[(article.title or "(untitled)", "bold cyan")],
                       [(f"   {display_path(article.path)} · id {article.id}", "dim")]]
    for c in (chips("   speakers", found.speakers, "black on bright_green", limit=30),
              chips("   places", found.places, "black on bright_blue", limit=30),
              chips("   unnamed", found.sources, "black on white", limit=10)):
        if c:
            out.append(c)
    out += [_quote_line("   ", q, 160, "…") for q in found.quotes]
    out.append([])
    print_lines(con, out)


def print_saved(con: Console, rows: list[dict[str, Any]]) -> None:
    from rich.text import Text

    if not rows:
        con.print("no saved searches")
        return
    table = _table(box=None, padding=(0, 2))
    for col in ("name", "query", "filters", "last run", "hits", "description"):
        table.add_column(col, style="bold" if col == "name" else None)
    for r in rows:
        filters = " ".join(f"--{k[:-1] if k.endswith('s') and isinstance(r[k], list) else k} {v}"
                           for k in ("speakers", "places", "sources", "since", "until", "sort")
                           if r.get(k) for v in (r[k] if isinstance(r[k], list) else [r[k]]))
        table.add_row(Text(r["name"]), Text(r["query"]), Text(filters),
                      Text(r.get("last_run") or "never"),
                      Text("" if r.get("hits_last_run") is None else str(r["hits_last_run"])),
                      Text(r.get("description") or ""))
    con.print(table)


def print_article(con: Console | PlainConsole, hit: Hit, body: str,
                  spans: list[tuple[int, int]]) -> None:
    """A whole article, matches highlighted."""
    bits = [hit.date.date().isoformat() if hit.date else None, hit.source, hit.credit,
            display_path(hit.path), f"id {hit.id}", hit.url]
    out: list[Line] = [[(hit.title or "(untitled)", "bold cyan")],
                       [(" · ".join(b for b in bits if b), "dim")]]
    for c in (chips("speakers", hit.speakers, "black on bright_green", limit=30),
              chips("places", hit.places, "black on bright_blue", limit=30)):
        if c:
            out.append(c)
    out += [[], marked(body, spans)]
    if hit.quotes:
        out += [[], [("Quotes", "bold")]]
        out += [_quote_line("  ", q, len(q.text)) for q in hit.quotes]
    print_lines(con, out)
