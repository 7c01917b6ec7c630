"""Passages with match offsets, unstyled. (W)

A pipeline like Whoosh's highlighter (fragment, score, order, format) but with
its two faults fixed: match positions come from the index's postings (only the
shown articles' stored text is cut again, for character offsets), so matches
past 32K characters are found; and a phrase is marked as one span, never as
separate words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Passage
from .schema import BODY, whoosh_import

with whoosh_import():
    from whoosh import query as wq

PASSAGE_CHARS = 260  # aim: 200-300 characters, cut at sentence boundaries
MAX_PASSAGES = 3
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"'”’)]*|\n+|$)\s*")


def leaf_queries(q: wq.Query, field: str = BODY) -> tuple[list[wq.Query], list[wq.Query]]:
    """Split the positive part of a query into (phrases, terms) on ``field``.

    Words of a quoted phrase are only marked as the phrase; NOT branches are
    never marked.
    """
    phrases: list[wq.Query] = []
    terms: list[wq.Query] = []

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if isinstance(node, wq.Phrase):
            if node.fieldname == field:
                phrases.append(node)
            return
        if isinstance(node, (wq.Term, wq.MultiTerm)) and not isinstance(node, wq.NumericRange):
            if node.field() == field:
                terms.append(node)
            return
        if node.is_leaf():
            return
        for child in node.children():
            walk(child)

    walk(q)
    return phrases, terms


def match_spans(searcher, docnum: int, phrases: Iterable[wq.Query],
                terms: Iterable[wq.Query], text: str | None = None) -> list[tuple[int, int]]:
    """Character spans of matches in the stored body of ``docnum`` (``text``,
    if the caller has read it)."""
    texts = None if text is None else {docnum: text}
    return spans_by_doc(searcher, [docnum], phrases, terms, texts)[docnum]


def spans_by_doc(searcher, docnums: Iterable[int], phrases: Iterable[wq.Query],
                 terms: Iterable[wq.Query], texts: dict[int, str] | None = None
                 ) -> dict[int, list[tuple[int, int]]]:
    """Character spans of matches in the stored bodies of ``docnums``
    (``texts``: those bodies, if the caller has read them).

    Positions come from the body's postings: one posting list per distinct
    word, walked forward once over the documents in order, so highlighting ten
    hits costs ten skips per word, not ten query matchers; see ``occurrences``
    for their character offsets. A phrase is marked as one span. When a phrase (or the proximity
    group of typed words) occurs in the document, its words are not also
    marked where they stand alone elsewhere: the reader sees the phrase, not
    every "state".
    """
    docs = sorted(set(docnums))
    phrases, terms = list(phrases), list(terms)
    words: set[str] = {w for q in phrases for w in q.words}
    term_words: list[list[str]] = [_term_texts(searcher, q) for q in terms]
    words.update(w for ws in term_words for w in ws)
    occ = occurrences(searcher, BODY, words, docs, texts=texts)
    out: dict[int, list[tuple[int, int]]] = {}
    for d in docs:
        spans: list[tuple[int, int]] = []
        grouped: set[str] = set()
        for q in phrases:
            found = phrase_spans([occ.get((w, d), ()) for w in q.words], max(1, q.slop))
            if found:
                spans.extend(found)
                grouped.update(q.words)
        for q, ws in zip(terms, term_words):
            if isinstance(q, wq.Term) and q.text in grouped:
                continue
            for w in ws:
                spans.extend((a, b) for _p, a, b in occ.get((w, d), ()))
        out[d] = _merge(spans)
    return out


MAX_EXPANSIONS = 64  # words of a wildcard/fuzzy term marked per query


def _term_texts(searcher, q: wq.Query) -> list[str]:
    if isinstance(q, wq.Term):
        return [q.text]
    try:  # wildcards, prefixes, fuzzy terms: the index words they stand for
        out = []
        for _field, text in q.expanded_terms(searcher.reader()):
            out.append(text.decode("utf-8") if isinstance(text, bytes) else text)
            if len(out) >= MAX_EXPANSIONS:
                break
        return out
    except Exception:  # a query form that cannot expand: no marks, not an error
        return []


def occurrences(searcher, field: str, words: Iterable[str], docs: list[int], chars: bool = True,
                texts: dict[int, str] | None = None
                ) -> dict[tuple[str, int], list[tuple[int, int, int]]]:
    """(word, docnum) -> [(position, startchar, endchar)] for the sorted ``docs``
    (with ``chars=False``: [(position, 0, 0)]).

    The index keeps positions, not character offsets (they made a third of the
    body's postings and of their indexing time): the offsets come from cutting
    the stored text of each document shown with the field's own analyzer,
    which gives the same positions by construction (``texts`` spares reading
    the stored text again).
    """
    reader = searcher.reader()
    fieldobj = reader.schema[field]
    out: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    for w in words:
        try:
            m = reader.postings(field, w)
        except Exception:  # word not in the index (TermNotFound) or no positions
            continue
        for d in docs:
            if not m.is_active():
                break
            if m.id() < d:
                m.skip_to(d)
                if not m.is_active():
                    break
            if m.id() == d:
                out[(w, d)] = [(p, 0, 0) for p in m.value_as("positions")]
    if chars and out:
        cut: dict[int, tuple[list[int], list[int]]] = {}
        for (w, d), found in out.items():
            if d not in cut:
                text = texts[d] if texts and d in texts else searcher.stored_fields(d).get(field)
                _words, starts, ends = fieldobj.analyzer.words(text or "")
                cut[d] = (starts, ends)
            starts, ends = cut[d]
            out[(w, d)] = [(p, starts[p], ends[p]) for p, _a, _b in found if p < len(starts)]
    return out


def phrase_spans(occ: list[Iterable[tuple[int, int, int]]], slop: int) -> list[tuple[int, int]]:
    """Spans where the words occur in order, each within ``slop`` positions of
    the one before (slop 1: adjacent)."""
    if not occ or not all(occ):
        return []
    by_pos = [{p: (a, b) for p, a, b in o} for o in occ]
    out = []
    for p0, (a0, b0) in sorted(by_pos[0].items()):
        prev, end = p0, b0
        for positions in by_pos[1:]:
            nxt = next((p for p in range(prev + 1, prev + slop + 1) if p in positions), None)
            if nxt is None:
                break
            prev, end = nxt, positions[nxt][1]
        else:
            out.append((a0, end))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries as (start, end) offsets, white space trimmed."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def passages(text: str, spans: list[tuple[int, int]], limit: int = MAX_PASSAGES,
             size: int = PASSAGE_CHARS) -> list[Passage]:
    """The best ``limit`` passages of ``text`` for the match ``spans``.

    Passages are runs of whole sentences around matches, about ``size``
    characters (a longer sentence is cut at a word boundary around the match),
    scored by distinct matched strings (a phrase weighs its words), then by
    match count, and returned best first with offsets relative to each passage.
    """
    if not text:
        return []
    if not spans:
        return [_make(text, 0, _cut_end(text, 0, size), [])]
    sents = sentences(text)
    candidates = []
    for i, (s0, e0) in enumerate(sents):
        if not any(s0 <= a < e0 for a, _ in spans):
            continue
        start, end = s0, e0
        j = i
        while j + 1 < len(sents) and sents[j + 1][1] - start <= size:
            j += 1
            end = sents[j][1]
        while j > i and "\n" in text[start:end]:  # keep to one paragraph
            j -= 1
            end = sents[j][1]
        if end - start > size * 1.4:  # one very long sentence: window on the match
            first = next(a for a, _ in spans if s0 <= a < e0)
            start = max(s0, _word_start(text, first - size // 3))
            end = _cut_end(text, start, size)
        inside = [(a, b) for a, b in spans if a >= start and b <= end]
        # Distinct matched strings, each weighted by its words: a phrase
        # outweighs a lone word.
        weight = sum(len(m.split()) for m in {text[a:b].lower() for a, b in inside})
        candidates.append((weight, len(inside), -start, start, end, inside))
    if not candidates:
        return [_make(text, 0, _cut_end(text, 0, size), [])]
    candidates.sort(reverse=True)
    chosen: list[tuple[int, int, list]] = []
    for *_, start, end, inside in candidates:
        if any(start < e and s < end for s, e, _ in chosen):
            continue
        chosen.append((start, end, inside))
        if len(chosen) == limit:
            break
    return [_make(text, s, e, inside) for s, e, inside in chosen]


def _make(text: str, start: int, end: int, inside: list[tuple[int, int]]) -> Passage:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip().replace("\n", " ")
    offset = start + lead
    matches = tuple((a - offset, b - offset) for a, b in inside
                    if a - offset >= 0 and b - offset <= len(piece))
    return Passage(piece, matches)


def _word_start(text: str, i: int) -> int:
    i = max(0, i)
    while 0 < i < len(text) and not text[i - 1].isspace():
        i += 1
    return min(i, len(text))


def _cut_end(text: str, start: int, size: int) -> int:
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + size // 2:
            end = space
    return end
