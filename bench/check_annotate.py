"""graphkit.annotate's table attribute ruler and lemmatizer against spaCy's own, token by token.

    python bench/check_annotate.py                     # PolNeAR dev (84 articles)
    python bench/check_annotate.py --split train --limit 300

Parses each article with the stock pipeline and with the same pipeline after
``graphkit.annotate.use_table_annotators``, in one process (the tables fill as they go, as in a
build), and compares every token's orth, tag, pos, morph, lemma, dep, head, entity and sentence
start. Prints the articles that differ (none expected) and both pipelines' CPU seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from polnear import POLNEAR  # noqa: E402  where PolNeAR is read: its one home, bench/polnear.py


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args()
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    from graphkit.annotate import use_table_annotators
    from graphkit.nlp import load_spacy

    from polnear import load_articles

    texts = [art["text"] for art in load_articles((a.split,), a.polnear, a.limit)]
    stock, table = load_spacy(), use_table_annotators(load_spacy())
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    differ, cpu = 0, {"stock": 0.0, "table": 0.0}
    for i in range(0, len(texts), 16):
        batch = texts[i:i + 16]
        out = {}
        for name, nlp in (("stock", stock), ("table", table)):
            c = time.process_time()
            out[name] = list(nlp.pipe(batch, batch_size=16))
            cpu[name] += time.process_time() - c
        for k, (x, y) in enumerate(zip(out["stock"], out["table"])):
            X, Y = x.to_array(attrs), y.to_array(attrs)
            if not numpy.array_equal(X, Y):
                differ += 1
                r = int(numpy.flatnonzero((X != Y).any(axis=1))[0])
                print(f"article {i + k}: token {r} {x[r].text!r}: "
                      f"{(x[r].tag_, x[r].pos_, str(x[r].morph), x[r].lemma_, x[r].dep_)} (spaCy) vs "
                      f"{(y[r].tag_, y[r].pos_, str(y[r].morph), y[r].lemma_, y[r].dep_)} (tables)")
    print(f"{len(texts)} PolNeAR {a.split} articles: {differ} differ; CPU s of the whole pipeline: "
          f"spaCy's components {cpu['stock']:.1f}, with the tables {cpu['table']:.1f}")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("check_annotate", main))
