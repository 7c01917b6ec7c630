"""Parse, rank, filter, facet and return Hits. (W)"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from . import highlight
from .errors import IndexChanging, QueryError, UsageError
from .model import Hit, Quote
from .schema import (
    BODY,
    CREDIT,
    DATE,
    ID,
    PATH,
    PLACE_KEY,
    PLACE_LIST,
    PLACES,
    QUOTE_LIST,
    QUOTES,
    SOURCE,
    SOURCE_KEY,
    SPEAKER_KEY,
    SPEAKER_LIST,
    SPEAKERS,
    TITLE,
    URL,
    whoosh_import,
)
from .store import IndexDir

with whoosh_import():
    from whoosh import fields as wf
    from whoosh import query as wq
    from whoosh import sorting
    from whoosh.qparser import (
        AndGroup,
        FieldAliasPlugin,
        FuzzyTermPlugin,
        GtLtPlugin,
        MultifieldParser,
        PhrasePlugin,
    )
    from whoosh.qparser.common import attach
    from whoosh.util.times import long_to_datetime

SEARCH_FIELDS = [TITLE, BODY, QUOTES, SPEAKERS, PLACES]
ALIASES = {SPEAKERS: ["speaker"], PLACES: ["place"], QUOTES: ["quote"]}
USER_FIELDS = {"title", "body", "speaker", "speakers", "place", "places", "quote", "quotes",
               "source", "date"}
SORTS = ("relevance", "date", "-date")
# A document where the typed words stand together outranks one that merely
# contains them: the top RESCORE_WINDOW matches by BM25 are re-ranked, their
# score multiplied by (1 + the bonuses that apply). Read from the postings of
# those documents only, not by phrase matchers over every match.
RETRIES = 5  # reopening at the newest generation when a commit removed a file (see _retrying)
RESCORE_WINDOW = 100
TITLE_PHRASE_BONUS = 1.0
BODY_PHRASE_BONUS = 1.0
NEAR_BONUS = 0.3  # the words within NEAR_SLOP positions, in order
NEAR_SLOP = 4


@dataclass
class Query:
    """A search: the query string plus the filters and options of the CLI."""

    text: str = ""
    speakers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    sort: str = "relevance"
    limit: int = 10
    offset: int = 0
    facets: bool = False
    passages: int = highlight.MAX_PASSAGES


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    seconds: float
    facets: dict[str, list[tuple[str, int]]] | None = None
    suggestion: str | None = None


# ------------------------------------------------------------------ dates


def day_range(text: str, *, end: bool = False) -> datetime:
    """First (or last) instant of an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", text or "")
    if not m:
        raise QueryError(f"bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            start = datetime(y, int(mo), int(d))
            nxt = start + timedelta(days=1)
        elif mo:
            start = datetime(y, int(mo), 1)
            nxt = datetime(y + (start.month == 12), start.month % 12 + 1, 1)
        else:
            start, nxt = datetime(y, 1, 1), datetime(y + 1, 1, 1)
    except ValueError:
        raise QueryError(f"bad date {text!r}: no such day") from None
    return nxt - timedelta(microseconds=1) if end else start


class ExactDate(wf.DATETIME):
    """DATETIME whose query syntax means exactly the days written.

    ``date:2014-06-10`` is that day, ``date:2014-06`` that month,
    ``date:[2014-06-01 to 2014-06-30]`` those days inclusive, ``date:>2014-06-10``
    from the 11th on, ``date:<2014-06`` before June. Bad dates are errors,
    never a silently empty query.
    """

    def parse_query(self, fieldname, qstring, boost=1.0):
        if qstring == "*":
            return wq.Every(fieldname, boost=boost)
        return self._range(fieldname, day_range(qstring), day_range(qstring, end=True), boost)

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        lo = hi = None
        if start:
            lo = day_range(start, end=startexcl)
            if startexcl:
                lo += timedelta(microseconds=1)
        if end:
            hi = day_range(end, end=not endexcl)
            if endexcl:
                hi -= timedelta(microseconds=1)
        return self._range(fieldname, lo, hi, boost)

    def _range(self, fieldname, lo, hi, boost):
        return wq.DateRange(fieldname, lo, hi, boost=boost, constantscore=True)


# ------------------------------------------------------------------ parsing


def _check_syntax(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError("unbalanced quote in query")
    depth = 0
    for ch in re.sub(r'"[^"]*"', "", text):
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            raise QueryError("unbalanced parenthesis in query: ')' without '('")
    if depth:
        raise QueryError("unbalanced parenthesis in query: '(' without ')'")
    for name in re.findall(r'(?:^|[\s(])([A-Za-z_]\w*):(?!/)', re.sub(r'"[^"]*"', '""', text)):
        if name.lower() not in USER_FIELDS:
            raise QueryError(f"unknown field {name!r} (fields: title, body, speaker, place, "
                             "quote, source, date)")


class ExactPhrasePlugin(PhrasePlugin):
    """Quoted phrases keep their stop words (the index has them), so "state of
    emergency" means exactly that and "to be or not to be" is a query at all.
    Whoosh's own plugin analyses phrases in "query" mode, which drops them."""

    class PhraseNode(PhrasePlugin.PhraseNode):
        def query(self, parser):
            fieldname = self.fieldname or parser.fieldname
            field = parser.schema[fieldname] if parser.schema and fieldname in parser.schema else None
            if field is None or not field.analyzer:
                return super().query(parser)
            sc = self.textstartchar
            words, ranges = [], []
            for t in field.tokenize(self.text, mode="phrase", chars=True):  # one reused Token
                words.append(t.text)
                ranges.append((sc + t.startchar, sc + t.endchar))
            q = parser.phraseclass(fieldname, words, slop=self.slop, boost=self.boost,
                                   char_ranges=ranges)
            return attach(q, self)

    class PhraseTagger(PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            slop = match.group("slop")
            return ExactPhrasePlugin.PhraseNode(match.group("text"), match.start("text"),
                                                int(slop) if slop else 1)


class Parser:
    """Query parser over title, body, quotes, speakers and places (AND by default)."""

    def __init__(self, schema, similar=None) -> None:
        # similar(word, maxdist) -> [(word, distance, count)]: real words for
        # fuzzy terms; the index's own lexicon holds only stems.
        self.similar = similar
        pschema = schema.copy() if hasattr(schema, "copy") else schema
        pschema._fields = dict(schema._fields)
        pschema._fields[DATE] = ExactDate(stored=True, sortable=True)
        self.schema = pschema
        self.text_analyzer = schema[BODY].analyzer
        p = MultifieldParser(SEARCH_FIELDS, schema=pschema, group=AndGroup)
        p.remove_plugin_class(PhrasePlugin)
        p.add_plugin(ExactPhrasePlugin())
        p.add_plugin(FieldAliasPlugin(ALIASES))
        p.add_plugin(FuzzyTermPlugin())
        p.add_plugin(GtLtPlugin())
        self.parser = p

    def parse(self, text: str) -> wq.Query:
        """Parse a query string; raise ``QueryError`` with one line on bad input."""
        text = text.strip()
        if not text:
            return wq.Every()
        _check_syntax(text)
        # Whoosh reads a lower-case "to" in ranges; accept TO as well.
        text = re.sub(r"(\[[^\]]*?)\sTO\s", r"\1 to ", text)
        if self.similar and "~" in text:
            text = self._expand_fuzzy(text)
        try:
            q = self.parser.parse(text)
        except QueryError:
            raise
        except Exception as exc:  # Whoosh raises assorted errors on odd input
            raise QueryError(f"cannot parse query: {exc}") from None
        err = _find_error(q)
        if err:
            raise QueryError(err)
        q = q.accept(_cap_fuzzy)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            raise QueryError("query has no searchable words (only stop words or symbols?)")
        return q

    def _expand_fuzzy(self, text: str) -> str:
        """``emergncy~`` (one edit) or ``emergncy~2``: the real words that close,
        as an OR group, since fuzzy matching on stems misses them."""
        def repl(m: re.Match) -> str:
            field, word, dist = m.group(1) or "", m.group(2), int(m.group(3) or 1)
            found = [w for w, _d, _n in self.similar(word.lower(), min(dist, 3))][:25]
            if not found:
                return m.group(0)
            return f"{field}({' OR '.join(found)})"

        parts = re.split(r'("[^"]*")', text)  # not inside quoted phrases
        return "".join(p if p.startswith('"') else
                       re.sub(r"(\b\w+:)?\b([^\W\d_]{2,})~(\d)?(?![\w.])", repl, p)
                       for p in parts)

    def proximity_words(self, text: str) -> list[str] | None:
        """For a run of two or more bare words (no quotes, fields or operators),
        the words as a phrase (stop words kept), to rank documents where they
        stand together higher; None otherwise."""
        if re.search(r'["():\[\]{}*?~^]|\b(AND|OR|NOT|ANDNOT|ANDMAYBE)\b', text):
            return None
        if len(list(self.text_analyzer(text, mode="query"))) < 2:
            return None
        return [t.text for t in self.text_analyzer(text, mode="phrase")]


MAX_FUZZY_EDITS = 2  # as Lucene: "4{~8" matched nearly every term and took 10 s


def _cap_fuzzy(node: wq.Query) -> wq.Query:
    """A fuzzy term asks for at most MAX_FUZZY_EDITS edits."""
    if isinstance(node, wq.FuzzyTerm) and node.maxdist > MAX_FUZZY_EDITS:
        return wq.FuzzyTerm(node.fieldname, node.text, boost=node.boost,
                            maxdist=MAX_FUZZY_EDITS, prefixlength=node.prefixlength,
                            constantscore=node.constantscore)
    return node


MAX_EXPANSIONS = 5000  # words one wildcard may stand for in one field


def _check_expansions(q: wq.Query, reader) -> None:
    """A wildcard that stands for most of the vocabulary ("?*": 21,909 BBC body
    words, 4 s; a few of them in one query, minutes) is an error, as in
    Lucene's clause limit; "emerg*" or "a?*" (1,163) are not."""
    for leaf in q.leaves():
        if isinstance(leaf, wq.MultiTerm) and not isinstance(leaf, wq.NumericRange):
            try:
                n = sum(1 for _ in islice(leaf.expanded_terms(reader), MAX_EXPANSIONS + 1))
            except Exception:  # a form that cannot expand is left to the search
                continue
            if n > MAX_EXPANSIONS:
                raise QueryError(f"'{leaf}' stands for more than {MAX_EXPANSIONS:,} words; "
                                 "give it more letters")


def _find_error(q: wq.Query) -> str | None:
    err = getattr(q, "error", None)
    if err:
        return f"bad query: {err}"

    if not q.is_leaf():
        for child in q.children():
            err = _find_error(child)
            if err:
                return err
    return None


def _phrase_on(field_name: str, value: str, analyzer) -> wq.Query:
    words = [t.text for t in analyzer(value, mode="phrase")]
    if not words:
        raise UsageError(f"empty {field_name} filter {value!r}")
    return wq.Term(field_name, words[0]) if len(words) == 1 else wq.Phrase(field_name, words)


# ------------------------------------------------------------------ searching


class Searcher:
    """An open index for many searches (one Whoosh searcher per process).

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, index_dir: str) -> None:
        self.store = IndexDir(index_dir)
        self.ix = self.searcher = None
        self._retrying(self._open)
        self._manifest = None  # opened on first use: most queries never need it
        self.parser = Parser(self.ix.schema, self._similar_words)
        self.names = self.ix.schema[SPEAKERS].analyzer

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def manifest(self):
        """The index's manifest (for its word list), opened when first needed."""
        if self._manifest is None:
            self._manifest = self.store.manifest()
        return self._manifest

    def _similar_words(self, word: str, maxdist: int) -> list[tuple[str, int, int]]:
        return self.manifest.similar_words(word, maxdist)

    def _open(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
            self.ix.close()
        self.ix = self.searcher = None
        self.ix = self.store.open()
        self.searcher = self.ix.searcher()

    def _retrying(self, fn: Any, *args: Any) -> Any:
        """Run ``fn``; when a commit removed a file this reader still needed
        (the table of contents it listed, a merged segment's postings or
        columns, opened on first use), reopen at the newest generation and run
        it again. Readers never wait for the writer's lock, so a search during
        a commit can meet this; a few tries always find a settled index."""
        for attempt in range(RETRIES):
            try:
                if attempt and fn != self._open:
                    self._open()  # (inside the try: the reopening can meet a commit too)
                return fn(*args)
            except FileNotFoundError:
                if attempt == RETRIES - 1:
                    raise IndexChanging(f"the index at {self.store.path} kept changing while it was "
                                        "read; try again") from None
                time.sleep(0.02 * (attempt + 1))
        return None

    def close(self) -> None:
        if self._manifest is not None:
            self._manifest.close()
        if self.searcher is not None:  # (None when a reopening failed)
            self.searcher.close()
            self.ix.close()

    def refresh(self) -> None:
        self.searcher = self.searcher.refresh()

    def filters(self, q: Query) -> wq.Query | None:
        parts: list[wq.Query] = []
        for value in q.speakers:
            parts.append(_phrase_on(SPEAKERS, value, self.names))
        for value in q.places:
            parts.append(_phrase_on(PLACES, value, self.names))
        for value in q.sources:
            parts.append(_phrase_on(SOURCE, value, self.names))
        if q.since or q.until:
            lo = day_range(q.since) if q.since else None
            hi = day_range(q.until, end=True) if q.until else None
            if lo and hi and lo > hi:
                raise UsageError(f"--since {q.since} is after --until {q.until}")
            parts.append(wq.DateRange(DATE, lo, hi, constantscore=True))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)

    def search(self, q: Query, exclude_ids: set[str] | frozenset[str] = frozenset()) -> SearchResult:
        """Run a search and return plain-data hits with highlighted passages.

        ``exclude_ids`` leaves out articles by id (what a saved search has
        already reported); ``total`` then counts only the others.
        """
        return self._retrying(self._search, q, exclude_ids)

    def _search(self, q: Query, exclude_ids: set[str] | frozenset[str]) -> SearchResult:
        if q.sort not in SORTS:
            raise UsageError(f"--sort must be one of {', '.join(SORTS)}")
        if q.limit < 0 or q.offset < 0:
            raise UsageError("--limit and --offset must not be negative")
        started = time.perf_counter()
        parsed = self.parser.parse(q.text)
        _check_expansions(parsed, self.searcher.reader())
        flt = self.filters(q)
        full = parsed if flt is None else wq.And([parsed, flt])
        want = max(1, q.offset + q.limit)
        near = self.parser.proximity_words(q.text) if q.sort == "relevance" else None
        # optimize=False: score every match instead of skipping blocks that cannot
        # reach the top, which leaves Whoosh to re-run the query just to count
        # the matches (a third of the time, measured).
        kwargs: dict[str, Any] = {"limit": max(want, RESCORE_WINDOW) if near else want,
                                  "optimize": False}
        if q.sort != "relevance":
            kwargs["sortedby"] = sorting.FieldFacet(DATE, reverse=q.sort == "-date")
        s = self.searcher
        if exclude_ids:
            kwargs["mask"] = self._docnums(exclude_ids)
        results = s.search(full, **kwargs)
        total = len(results)
        ranked = [(r.docnum, r.score) for r in results]
        phrases, terms = highlight.leaf_queries(parsed)
        if near:
            ranked = self._rescore(ranked, near)
            # Mark the words as a phrase (or a close group) where they are one.
            phrases += [wq.Phrase(BODY, near, slop=1), wq.Phrase(BODY, near, slop=NEAR_SLOP)]
        page = ranked[q.offset: q.offset + q.limit]
        stored = {d: s.stored_fields(d) for d, _ in page}
        spans = highlight.spans_by_doc(s, list(stored), phrases, terms,
                                       {d: f.get(BODY, "") for d, f in stored.items()})
        hits = [self._hit(rank, d, score, stored[d], spans[d], q.passages)
                for rank, (d, score) in enumerate(page, start=q.offset + 1)]
        facets = self.facets(full) if q.facets else None
        suggestion = None
        if total < 3 and q.text.strip():
            suggestion = self.suggest(q.text)
        return SearchResult(q.text, total, hits, time.perf_counter() - started, facets,
                            suggestion)

    def _rescore(self, ranked: list[tuple[int, float]], words: list[str]) -> list[tuple[int, float]]:
        """Re-rank BM25's top matches: the typed words as a phrase in the title
        or body, or close together in the body, multiply the score."""
        top, rest = ranked[:RESCORE_WINDOW], ranked[RESCORE_WINDOW:]
        docs = sorted(d for d, _ in top)
        # (positions only: a phrase or a close group is found, not marked)
        body = highlight.occurrences(self.searcher, BODY, set(words), docs, chars=False)
        title = highlight.occurrences(self.searcher, TITLE, set(words), docs, chars=False)
        out = []
        for d, score in top:
            factor = 1.0
            if highlight.phrase_spans([title.get((w, d), ()) for w in words], 1):
                factor += TITLE_PHRASE_BONUS
            in_body = [body.get((w, d), ()) for w in words]
            if highlight.phrase_spans(in_body, 1):
                factor += BODY_PHRASE_BONUS
            elif highlight.phrase_spans(in_body, NEAR_SLOP):
                factor += NEAR_BONUS
            out.append((d, score * factor))
        out.sort(key=lambda ds: -ds[1])
        return out + rest

    def _hit(self, rank, docnum, score, stored, spans, npassages) -> Hit:
        body = stored.get(BODY, "")
        quotes = tuple(Quote(*t) for t in stored.get(QUOTE_LIST, []))
        if spans and quotes:  # the quotes that contain a match
            quotes = tuple(x for x in quotes if any(x.start <= a < x.end for a, _ in spans))
        elif quotes:
            quotes = ()
        return Hit(
            rank=rank, id=stored[ID], path=stored[PATH], title=stored.get(TITLE, ""),
            date=stored.get(DATE), source=stored.get(SOURCE), score=float(score or 0.0),
            speakers=tuple(stored.get(SPEAKER_LIST, [])), places=tuple(stored.get(PLACE_LIST, [])),
            quotes=quotes, passages=tuple(highlight.passages(body, spans, npassages)),
            url=stored.get(URL), credit=stored.get(CREDIT),
        )

    def _docnums(self, ids) -> set[int]:
        out = set()
        for i in ids:
            n = self.searcher.document_number(**{ID: i})
            if n is not None:
                out.add(n)
        return out

    def facets(self, q: wq.Query, top: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Top places, speakers and sources among all documents matching ``q``."""
        groups = {
            "places": sorting.FieldFacet(PLACE_KEY, allow_overlap=True, maptype=sorting.Count),
            "speakers": sorting.FieldFacet(SPEAKER_KEY, allow_overlap=True, maptype=sorting.Count),
            "sources": sorting.FieldFacet(SOURCE_KEY, maptype=sorting.Count),
        }
        res = self.searcher.search(q, limit=1, groupedby=groups)
        out = {}
        for name in groups:
            counts = res.groups(name)
            items = [(str(k), int(v)) for k, v in counts.items() if k not in (None, "", b"")]
            items.sort(key=lambda kv: (-kv[1], kv[0]))
            out[name] = items[:top]
        return out

    def suggest(self, text: str) -> str | None:
        """A "did you mean" for a query with few hits: each rare typed word
        replaced by the commonest known word one or two edits away whose stem
        is in the index. Real words, not stems; None when nothing is better."""
        if re.search(r'[":()\[\]*?~]', text):
            return None
        analyzer = self.parser.text_analyzer
        changed = False

        def df(word: str) -> int:
            stems = [t.text for t in analyzer(word, mode="query")]
            if not stems:
                return 10**9  # a stop word: leave it
            return self.searcher.doc_frequency(BODY, stems[0]) + self.searcher.doc_frequency(
                TITLE, stems[0])

        def repl(m: re.Match) -> str:
            nonlocal changed
            word = m.group(0)
            if word in ("AND", "OR", "NOT"):
                return word
            own = df(word)
            if own >= 3:
                return word
            for cand, _d, _n in self.manifest.similar_words(word.lower(), 2)[:10]:
                if cand != word.lower() and df(cand) > own:
                    changed = True
                    return cand
            return word

        fixed = re.sub(r"[^\W\d_]{3,}", repl, text)
        return fixed if changed else None

    def _docnum(self, ref: str) -> int:
        import os

        n = self.searcher.document_number(**{ID: ref})
        if n is None:
            n = self.searcher.document_number(**{PATH: os.path.abspath(ref)})
        if n is None:
            raise UsageError(f"no article with id or path {ref!r} in the index")
        return n

    def show(self, ref: str, query: str | None = None) -> tuple[Hit, str, list[tuple[int, int]]]:
        """The whole article ``ref`` (an id or a path): its hit record, body and,
        with ``query``, the match spans in the body."""
        return self._retrying(self._show, ref, query)

    def _show(self, ref: str, query: str | None) -> tuple[Hit, str, list[tuple[int, int]]]:
        n = self._docnum(ref)
        stored = self.searcher.stored_fields(n)
        spans: list[tuple[int, int]] = []
        if query:
            phrases, terms = highlight.leaf_queries(self.parser.parse(query))
            spans = highlight.match_spans(self.searcher, n, phrases, terms, stored.get(BODY, ""))
        # _hit keeps only quotes that hold a match; show lists them all.
        hit = replace(self._hit(1, n, 0.0, stored, spans, 0),
                      quotes=tuple(Quote(*t) for t in stored.get(QUOTE_LIST, [])))
        return hit, stored.get(BODY, ""), spans

    def similar(self, ref: str, limit: int = 10) -> SearchResult:
        """More like this: articles sharing the most distinctive words of ``ref``."""
        return self._retrying(self._similar, ref, limit)

    def _similar(self, ref: str, limit: int) -> SearchResult:
        started = time.perf_counter()
        n = self._docnum(ref)
        results = self.searcher.more_like(n, BODY, top=limit, numterms=25)
        hits = [self._hit(i, r.docnum, r.score, r.fields(), [], 1)
                for i, r in enumerate(results, start=1)]
        title = self.searcher.stored_fields(n).get(TITLE, ref)
        return SearchResult(f"like: {title}", len(hits), hits, time.perf_counter() - started)


def search_index(index_dir: str, q: Query) -> SearchResult:
    """Open the index, run one search, close it."""
    with Searcher(index_dir) as s:
        return s.search(q)


def index_stats(index_dir: str, top: int = 10) -> dict[str, Any]:
    """Documents, files, date span, size on disk, segments, top sources,
    speakers and places of an index."""
    with Searcher(index_dir) as s:
        return s._retrying(_stats, s, top)


def _stats(s: Searcher, top: int) -> dict[str, Any]:
    store = s.store  # (run through Searcher._retrying: a commit may remove files it reads)
    reader = s.searcher.reader()
    dates = {"first": None, "last": None, "dated": 0}
    if reader.has_column(DATE):
        # Raw column values: documents without a date hold the column's
        # "missing" sentinel (the largest 64-bit value), which is no date.
        missing = (1 << 64) - 1
        raw = [v for v in reader.column_reader(DATE, translate=False) if v != missing]
        if raw:
            dates = {"first": long_to_datetime(min(raw)), "last": long_to_datetime(max(raw)),
                     "dated": len(raw)}
    facets = s.facets(wq.Every(), top=top)
    manifest = store.manifest()
    try:
        files = manifest.count()
    finally:
        manifest.close()
    return {
        "index": str(store.path), "documents": s.searcher.doc_count(), "files": files,
        "dates": dates, "bytes": store.size_on_disk(),
        "segments": len(s.ix._segments()) if hasattr(s.ix, "_segments") else None,
        "sources": facets["sources"], "speakers": facets["speakers"],
        "places": facets["places"],
    }
