"""Issues discovered on PolNeAR train (2016 US election news, no taxonomy): coverage and names (issue 14).

Writes PolNeAR's train split as a corpus folder (articles + metadata.jsonl) under bench/_work/,
builds it with no issues.yaml (so graphkit discovers the issues), and prints the share of claims
that get an issue (target >= 85 %), the number of issues per claim, and each discovered issue with
its size. The store is kept for `bench/audit_issues.py`. A second run re-uses the parsed store;
``--rediscover`` / ``--n-issues`` re-run only the discovery.

    nice -n 5 python bench/issues_polnear.py [--split train] [--limit N] [--workers 2] [--rediscover]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench_build import POLNEAR, write_corpus  # noqa: E402  one PolNeAR → corpus folder writer for every bench

WORK = ROOT / "bench" / "_work"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--n-issues", type=int, default=None)
    ap.add_argument("--rediscover", action="store_true")
    a = ap.parse_args(argv)

    import graphkit
    from graphkit.build import build

    name = f"polnear-{a.split}" + (f"-{a.limit}" if a.limit else "")
    corpus, store = WORK / name, WORK / f"{name}.gk"
    n = write_corpus(POLNEAR / f"{a.split}.jsonl", corpus, a.limit)
    t0 = time.perf_counter()
    rep = build(corpus, store, workers=a.workers, n_issues=a.n_issues, rediscover=a.rediscover)
    print(f"{n} articles ({rep.parsed} parsed) · {rep.reports} reports · {rep.issues} issues "
          f"({'discovered' if rep.issues_discovered else 'from a taxonomy'}) · {time.perf_counter() - t0:.0f} s")
    g = graphkit.open(store)
    df = g.claims()
    per = Counter(len(x) for x in df["issues"])
    covered = sum(v for k, v in per.items() if k > 0)
    print(f"claims with an issue: {covered} of {len(df)} ({covered / max(1, len(df)):.1%}); "
          f"issues per claim: " + ", ".join(f"{k}: {per[k]}" for k in sorted(per)))
    issues = g.issues()
    print(f"\n{len(issues)} issues:")
    for _, r in issues.iterrows():
        print(f"  {r['claims']:5}  {r['name']}  ({r['description']})")
    g.close()
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("issues_polnear", main))
