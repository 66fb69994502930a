"""How much the attribution component adds to bare ``nlp.pipe`` (same model, same texts, same run).

    python bench/bench_attribution_speed.py            # PolNeAR dev texts (../shared), 3 rounds
    python bench/bench_attribution_speed.py --corpus corpus --rounds 5

Each round parses the texts with bare ``nlp.pipe`` (timed), runs the
attribution component over those same Docs (timed: what the component adds),
and runs the full pipeline end to end (timed). The best round of each is
reported. On a shared machine the end-to-end difference is dominated by load
swings between runs; the component's own time over the bare parse of the same
Docs is the stable figure. Target (issue 3): the component adds < 15 %.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts_from(args) -> list[str]:
    if args.corpus:
        from corpus_check import corpus_texts
        from graphkit.ingest import corpus_articles

        corpus_articles(args.corpus)  # no folder, or no article in it: one line (script_main)
        return corpus_texts("bench_attribution_speed", Path(args.corpus))  # as the build reads them
    from polnear import load_articles

    return [a["text"] for a in load_articles(("dev",), limit=args.limit)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="a corpus folder of articles (read as a build reads them) instead of PolNeAR dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    from graphkit.nlp import load_pipeline, load_spacy

    texts = texts_from(args)
    bare = load_spacy()
    full = load_pipeline()
    assert full.pipe_names[-1] == "graphkit_attribution"
    ntok = sum(len(d) for d in bare.pipe(texts[:5]))  # warm-up
    list(full.pipe(texts[:5]))
    comp = full.get_pipe("graphkit_attribution")
    t_bare, t_comp, t_full, n_att = [], [], [], 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = list(bare.pipe(texts, batch_size=32))
        t_bare.append(time.perf_counter() - t0)
        ntok = sum(len(d) for d in docs)
        t0 = time.perf_counter()
        n_att = sum(len(comp(d)._.attributions) for d in docs)
        t_comp.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(full.pipe(texts, batch_size=32))
        t_full.append(time.perf_counter() - t0)
    b, c, f = min(t_bare), min(t_comp), min(t_full)
    print(f"{len(texts)} texts, {ntok} tokens, {n_att} attributions, best of {args.rounds} rounds")
    print(f"bare nlp.pipe                 {ntok / b:9.0f} tokens/s  ({b:.2f}s)")
    print(f"attribution component alone   {ntok / c:9.0f} tokens/s  ({c:.2f}s)")
    print(f"bare + component              {ntok / (b + c):9.0f} tokens/s  -> adds {100 * c / b:.1f} % (target < 15 %)")
    print(f"full pipeline end to end      {ntok / f:9.0f} tokens/s  ({f:.2f}s; {100 * (f - b) / b:+.1f} % vs bare, load-sensitive)")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bench_attribution_speed", main))
