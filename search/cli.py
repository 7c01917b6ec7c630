"""The newsearch command line: parse options, call the library, render.

Heavy modules (Whoosh, Rich, the extractor's data) are imported inside the
commands, so ``newsearch --help`` stays instant. Errors are one line on stderr:
exit 0 = success / hits, 1 = a search with no hits, 2 = an error.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

app = typer.Typer(
    name="newsearch",
    help="Full-text search for news archives: who said what, where — ranked and highlighted.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
saved_app = typer.Typer(help="Saved searches that scripts can run.", no_args_is_help=True)
app.add_typer(saved_app, name="saved")


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"newsearch {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _global(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    # Also what keeps a one-command app a group (see _app_for).
    pass

# ------------------------------------------------------------------ shared options

IndexOpt = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at runtime
    typer.Option("--index", "-i", envvar="NEWSEARCH_INDEX", show_envvar=True,
                 help="Index directory [default: ./index]."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per hit.")]
PlainOpt = Annotated[bool, typer.Option("--plain", help="One line per hit: path, score, title.")]
ColorOpt = Annotated[str, typer.Option("--color", help="auto, always or never.",
                                       metavar="WHEN")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.",
                                        hidden=True)]


def _index_dir(index: Path | None) -> str:
    from .store import default_index_dir

    return str(index) if index else default_index_dir()


def _fail(message: str, code: int = 2) -> None:
    sys.stderr.write(f"newsearch: {message}\n")
    raise typer.Exit(code)


def _run(fn: Callable[[], int | None], debug: bool = False) -> None:
    """Run a command body: library errors become one line and exit 2; a closed
    pipe (``| head``) exits quietly; Ctrl-C exits 130."""
    from .errors import NewsearchError

    try:
        code = fn() or 0
        sys.stdout.flush()
    except typer.Exit:
        raise
    except NewsearchError as exc:
        if debug:
            raise
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        sys.stderr.write("newsearch: interrupted\n")
        raise typer.Exit(130) from None
    except Exception as exc:  # an unexpected failure is still one line
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    raise typer.Exit(code)


def _show(data: Any, json_out: bool, color: str, printer_name: str) -> int:
    """Print ``data`` as JSON, or for people with ``render.<printer_name>``."""
    from . import render

    if json_out:
        render.write_json(data)
    else:
        getattr(render, printer_name)(render.console(color=color), data)
    return 0


def _check_color(color: str) -> None:
    if color not in ("auto", "always", "never"):
        _fail("--color must be auto, always or never")


# ------------------------------------------------------------------ index


@app.command()
def index(
    paths: Annotated[list[Path], typer.Argument(help="Folders or files of articles.")],
    index: IndexOpt = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1,  # noqa: UP045
                                                help="Worker processes [default: all cores].")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty index "
                                          "(saved searches are kept).")] = False,
    json_out: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 2 if anything was skipped "
                                         "(after indexing the rest).")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, hidden=True)] = 5000,
    lock_timeout: Annotated[float, typer.Option("--lock-timeout", min=0, metavar="SECONDS",
                                                help="Wait this long for another indexer.")] = 30.0,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Index article files (.txt .md .json .jsonl .html, also .gz), incrementally.

    Example: newsearch index corpus/
    """
    _check_color(color)

    def body() -> int:
        from . import render
        from .indexer import index_paths

        index_dir = _index_dir(index)
        progress_cb, progress_ctx = None, contextlib.nullcontext()
        # (Rich only for a progress bar or a summary table: a piped --json run
        # never imports it)
        if not quiet and not json_out and render.is_terminal(sys.stderr, color):
            err = render.console(color=color, stderr=True)
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("files · {task.fields[articles]:,} articles"),
                           TimeRemainingColumn(), console=err, transient=True)
            task = bar.add_task("index", total=None, articles=0)

            def progress_cb(done: int, total: int, articles: int) -> None:
                bar.update(task, completed=done, total=total, articles=articles)

            progress_ctx = bar
        with progress_ctx:
            summary = index_paths([str(p) for p in paths], index_dir, jobs=jobs,
                                  rebuild=rebuild, batch_size=batch_size,
                                  lock_timeout=lock_timeout, progress=progress_cb)
        if json_out:
            render.write_json(render.summary_dict(summary))
        elif not quiet or summary.skipped or summary.interrupted:
            render.print_summary(render.console(color=color), summary, index_dir)
        if summary.interrupted:
            return 130
        return 2 if strict and summary.skipped else 0

    _run(body, debug)


@app.command()
def stats(index: IndexOpt = None, json_out: JsonOpt = False, color: ColorOpt = "auto",
          debug: DebugOpt = False) -> None:
    """Documents, date span, size on disk, top sources, speakers and places.

    Example: newsearch stats --json
    """
    _check_color(color)

    def body() -> int:
        from .searcher import index_stats

        return _show(index_stats(_index_dir(index)), json_out, color, "print_stats")

    _run(body, debug)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Folders or files of articles.")],
    json_out: JsonOpt = False,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Show what the indexer would store (speakers, places, quotes) without indexing.

    Example: newsearch extract corpus/2014-06-10_mosul-falls-to-isil-militants.txt --json
    """
    _check_color(color)

    def body() -> int:
        from . import render
        from .indexer import extract_paths
        from .model import Skip

        con = render.line_console(color=color)
        err = render.console(color=color, stderr=True)
        rows, skipped = [], 0
        for item in extract_paths([str(p) for p in paths]):
            if isinstance(item, Skip):
                skipped += 1
                d = render.skip_dict(item)
                err.print(f"skipped {d['path']}: {d['reason']}", highlight=False, markup=False)
            elif json_out:
                rows.append(render.extraction_dict(*item))
            else:
                render.print_extraction(con, *item)
        if json_out:
            render.write_json(rows)
        return 0

    _run(body, debug)


# ------------------------------------------------------------------ query


def _search_options(
    speaker: list[str], place: list[str], source: list[str], since: str | None,
    until: str | None, sort: str, limit: int, offset: int, facets: bool, text: str = "",
) -> Any:
    from .searcher import Query

    return Query(text=text, speakers=speaker, places=place, sources=source, since=since,
                 until=until, sort=sort, limit=limit, offset=offset, facets=facets)


SpeakerOpt = Annotated[list[str], typer.Option("--speaker", help="Only articles quoting this "
                                               "person (any part of the name).")]
PlaceOpt = Annotated[list[str], typer.Option("--place", help="Only articles naming this place.")]
SourceOpt = Annotated[list[str], typer.Option("--source", help="Only articles from this source.")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", metavar="DATE",  # noqa: UP045
                                                 help="On or after YYYY[-MM[-DD]].")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", metavar="DATE",  # noqa: UP045
                                                 help="On or before YYYY[-MM[-DD]].")]
SortOpt = Annotated[str, typer.Option("--sort", help="relevance, date or -date.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=0, help="Hits to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Hits to skip.")]
FacetsOpt = Annotated[bool, typer.Option("--facets", help="Top places, speakers and sources "
                                         "of all matches.")]


def emit_results(results: list[tuple[str | None, Any]], fmt: str, color: str) -> int:
    """Print search results in the chosen format; exit code 0 if any hit, else 1."""
    from . import render

    hits_total = sum(len(r.hits) for _, r in results)
    if fmt == "json":
        if len(results) == 1 and results[0][0] is None:
            r = results[0][1]
            data: dict[str, Any] = {"query": r.query, "total": r.total,
                                    "hits": [render.hit_dict(h) for h in r.hits]}
            if r.facets is not None:
                data["facets"] = {k: [{"name": n, "count": c} for n, c in v]
                                  for k, v in r.facets.items()}
            if r.suggestion:
                data["suggestion"] = r.suggestion
            render.write_json(data)
        else:
            render.write_json({"searches": [
                {"search": name, "query": r.query, "total": r.total,
                 "hits": [render.hit_dict(h, name) for h in r.hits]} for name, r in results]})
    elif fmt == "jsonl":
        render.write_jsonl(render.hit_dict(h, name) for name, r in results for h in r.hits)
    elif fmt == "plain":
        for name, r in results:
            render.print_plain(sys.stdout, r.hits, name)
    else:
        con = render.line_console(color=color)
        for name, r in results:
            render.print_hits(con, r.query, r.total, r.seconds, r.hits, r.facets, r.suggestion,
                              name)
    return 0 if hits_total else 1


def _format(json_out: bool, jsonl: bool, plain: bool) -> str:
    if sum((json_out, jsonl, plain)) > 1:
        _fail("choose one of --json, --jsonl and --plain")
    return "json" if json_out else "jsonl" if jsonl else "plain" if plain else "rich"


@app.command()
def query(
    words: Annotated[list[str], typer.Argument(help="Query: words, \"phrases\", AND/OR/NOT, "
                                               "field:value, date:[A to B].")],
    index: IndexOpt = None,
    speaker: SpeakerOpt = [],  # noqa: B006 - Typer needs a list default
    place: PlaceOpt = [],  # noqa: B006
    source: SourceOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    sort: SortOpt = "relevance",
    limit: LimitOpt = 10,
    offset: OffsetOpt = 0,
    facets: FacetsOpt = False,
    json_out: JsonOpt = False,
    jsonl: JsonlOpt = False,
    plain: PlainOpt = False,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Ranked search with highlighted passages.

    Example: newsearch query state of emergency --place Iraq
    """
    _check_color(color)
    fmt = _format(json_out, jsonl, plain)

    def body() -> int:
        from .searcher import search_index

        q = _search_options(speaker, place, source, since, until, sort, limit, offset, facets,
                            " ".join(words))
        return emit_results([(None, search_index(_index_dir(index), q))], fmt, color)

    _run(body, debug)


@app.command()
def show(
    ref: Annotated[str, typer.Argument(metavar="ID|PATH", help="An article id or file path.")],
    index: IndexOpt = None,
    query_text: Annotated[Optional[str], typer.Option("--query", "-q",  # noqa: UP045
                                                      help="Highlight these matches.")] = None,
    json_out: JsonOpt = False,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """The whole article with its metadata, speakers, places and quotes.

    Example: newsearch show 3f00f3a890d44795 --query "state of emergency"
    """
    _check_color(color)

    def body() -> int:
        from . import render
        from .searcher import Searcher

        with Searcher(_index_dir(index)) as s:
            hit, text, spans = s.show(ref, query_text)
        if json_out:
            d = render.hit_dict(hit)
            d.pop("passages")
            d.pop("score")
            d.pop("rank")
            render.write_json({**d, "credit": hit.credit, "body": text,
                               "matches": [list(m) for m in spans]})
        else:
            render.print_article(render.line_console(color=color), hit, text, spans)
        return 0

    _run(body, debug)


@app.command()
def similar(
    ref: Annotated[str, typer.Argument(metavar="ID|PATH", help="An article id or file path.")],
    index: IndexOpt = None,
    limit: LimitOpt = 10,
    json_out: JsonOpt = False,
    jsonl: JsonlOpt = False,
    plain: PlainOpt = False,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """More like this: articles that share the most distinctive words.

    Example: newsearch similar corpus/2014-06-10_mosul-falls-to-isil-militants.txt
    """
    _check_color(color)
    fmt = _format(json_out, jsonl, plain)

    def body() -> int:
        from .searcher import Searcher

        with Searcher(_index_dir(index)) as s:
            result = s.similar(ref, limit)
        return emit_results([(None, result)], fmt, color)

    _run(body, debug)


# ------------------------------------------------------------------ saved searches

SavedOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--saved", envvar="NEWSEARCH_SAVED", show_envvar=True,
                 help="Saved-search file [default: saved.toml in the index directory]."),
]


def _store(index: Path | None, saved: Path | None):
    from .saved import SavedSearches, saved_path

    return SavedSearches(saved_path(_index_dir(index), str(saved) if saved else None))


@saved_app.command("add")
def saved_add(
    name: Annotated[str, typer.Argument(help="Letters, digits, '-' and '_'.")],
    query_text: Annotated[str, typer.Argument(metavar="QUERY", help="The query, as for `query`.")],
    index: IndexOpt = None,
    saved: SavedOpt = None,
    speaker: SpeakerOpt = [],  # noqa: B006
    place: PlaceOpt = [],  # noqa: B006
    source: SourceOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    sort: SortOpt = "relevance",
    limit: LimitOpt = 10,
    description: Annotated[str, typer.Option("--description", help="What it is for.")] = "",
    force: Annotated[bool, typer.Option("--force", help="Replace a search of that name.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Save a search (its query is checked first).

    Example: newsearch saved add iraq 'mosul OR fallujah' --place Iraq
    """

    def body() -> int:
        from .saved import SavedSearch

        _store(index, saved).add(SavedSearch(name, query_text, description, speaker, place,
                                             source, since, until, sort, limit), force=force)
        return 0

    _run(body, debug)


@saved_app.command("list")
def saved_list(index: IndexOpt = None, saved: SavedOpt = None, json_out: JsonOpt = False,
               color: ColorOpt = "auto", debug: DebugOpt = False) -> None:
    """Saved searches with their last run.

    Example: newsearch saved list --json
    """

    _run(lambda: _show(_store(index, saved).listing(), json_out, color, "print_saved"), debug)


@saved_app.command("show")
def saved_show(name: str, index: IndexOpt = None, saved: SavedOpt = None,
               json_out: JsonOpt = False, debug: DebugOpt = False) -> None:
    """One saved search.

    Example: newsearch saved show iraq
    """

    def body() -> int:
        from . import render

        store = _store(index, saved)
        row = next(r for r in store.listing() if r["name"] == store.get(name).name)
        if json_out:
            render.write_json(row)
        else:
            for k, v in row.items():
                sys.stdout.write(f"{k}: {v}\n")
        return 0

    _run(body, debug)


@saved_app.command("rm")
def saved_rm(name: str, index: IndexOpt = None, saved: SavedOpt = None,
             debug: DebugOpt = False) -> None:
    """Remove a saved search (and its run state).

    Example: newsearch saved rm iraq
    """
    _run(lambda: _store(index, saved).remove(name), debug)


@saved_app.command("rename")
def saved_rename(old: str, new: str, index: IndexOpt = None, saved: SavedOpt = None,
                 debug: DebugOpt = False) -> None:
    """Rename a saved search (its run state follows).

    Example: newsearch saved rename iraq iraq-war
    """
    _run(lambda: _store(index, saved).rename(old, new), debug)


@saved_app.command("run")
def saved_run(
    names: Annotated[Optional[list[str]], typer.Argument(help="Searches to run.")] = None,  # noqa: UP045
    run_all: Annotated[bool, typer.Option("--all", help="Run every saved search.")] = False,
    new: Annotated[bool, typer.Option("--new", help="Only articles not reported before "
                                      "by this search; then remember them.")] = False,
    no_mark: Annotated[bool, typer.Option("--no-mark", help="With --new: show, but do not "
                                          "remember.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=0,  # noqa: UP045
                                                 help="Hits per search.")] = None,
    index: IndexOpt = None,
    saved: SavedOpt = None,
    json_out: JsonOpt = False,
    jsonl: JsonlOpt = False,
    plain: PlainOpt = False,
    color: ColorOpt = "auto",
    debug: DebugOpt = False,
) -> None:
    """Run saved searches; exit 0 if anything (new) was found, 1 if not, 2 on errors.

    Example: newsearch saved run --all --new --jsonl
    """
    _check_color(color)
    fmt = _format(json_out, jsonl, plain)

    def body() -> int:
        if bool(names) == run_all:
            _fail("name the saved searches to run, or use --all")
        results = _store(index, saved).run(list(names or []), _index_dir(index), new=new,
                                           mark=not no_mark, limit=limit)
        return emit_results([(name, r) for name, r in results], fmt, color)

    _run(body, debug)


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run for these arguments: when the first one names a command,
    an app of that command alone. Typer turns every registered command into a
    Click command on each run (signatures, type hints, ~10 ms for all of ours);
    the others are not needed to parse or to show help for one of them."""
    if not args:
        return app
    commands = [c for c in app.registered_commands
                if (c.name or c.callback.__name__.replace("_", "-")) == args[0]]
    groups = [g for g in app.registered_groups if g.name == args[0]]
    if not commands and not groups:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = commands, groups
    return lean


def main() -> None:
    """Console-script entry point."""
    _app_for(sys.argv[1:2])()


if __name__ == "__main__":
    main()
