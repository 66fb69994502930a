"""How much the attribution component adds to bare ``nlp.pipe`` (same model, same texts, same run).

    python bench/bench_attribution_speed.py            # PolNeAR dev texts (../shared), 3 rounds
    python bench/bench_attribution_speed.py --corpus corpus --rounds 5

Rounds alternate bare and with-attribution runs so that both see the same
machine load; the best round of each is reported (least disturbed by other
processes). Target (issue 3): the component adds < 15 %.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def texts_from(args) -> list[str]:
    if args.corpus:
        return [p.read_text(encoding="utf-8") for p in sorted(Path(args.corpus).glob("*.txt"))]
    src = SHARED / "data" / "polnear" / "dev.jsonl"
    arts = [json.loads(l) for l in src.open(encoding="utf-8")]
    return [a["text"] for a in arts[: args.limit or None]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="a folder of .txt articles instead of PolNeAR dev")
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
    t_bare, t_full, n_att = [], [], 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        ntok = sum(len(d) for d in bare.pipe(texts, batch_size=32))
        t_bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_att = sum(len(d._.attributions) for d in full.pipe(texts, batch_size=32))
        t_full.append(time.perf_counter() - t0)
    b, f = min(t_bare), min(t_full)
    print(f"{len(texts)} texts, {ntok} tokens, {n_att} attributions, best of {args.rounds} rounds")
    print(f"bare nlp.pipe        {ntok / b:9.0f} tokens/s  ({b:.2f}s)")
    print(f"with attribution     {ntok / f:9.0f} tokens/s  ({f:.2f}s)")
    print(f"overhead             {100 * (f - b) / b:8.1f} %   (target < 15 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
