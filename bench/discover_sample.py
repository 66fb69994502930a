"""Does discovery recover the sample corpus's hand-made taxonomy? (issue 14)

Builds the sample corpus (corpus/, with its own issues.yaml and actors.yaml), whose claims get the hand-made
issues of corpus/issues.yaml, and a copy of it without issues.yaml (its actors.yaml kept), whose claims get the
issues the build discovers (`discovered_build`: exactly what `graphkit build` gives a corpus that brings no
taxonomy; the two builds' extractions are the same, so are the claims' ids). For each hand-made issue with at least --min-claims claims it prints the
discovered issue holding most of them: recall (share of the hand-made issue's claims it holds,
target >= 60 %) and precision (share of the discovered issue's claims that are the hand-made one's), with two
figures recall alone hides (one issue holding every claim recalls every hand-made issue): lift, its precision
over the hand-made issue's share of all claims (1: no better than any claims of that number), and the best F1 of
any discovered issue for it, with the mean F1 one issue holding every claim would get.

    python bench/discover_sample.py [--corpus corpus] [--n-issues N] [--store out/sample.gk] [--why]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def memberships(extractions, tax, exclude=()) -> dict[str, set]:
    """issue name → ids of the claims assigned to it, as `graphkit build` assigns them."""
    from graphkit.records import claim_id
    from graphkit.issue_model import assign_corpus

    items = [(doc_id, it) for doc_id, ex in sorted(extractions.items()) for it in ex.items]
    out = defaultdict(set)
    for (doc_id, it), about in zip(items, assign_corpus([(it.attribution.text, it.context) for _, it in items], tax,
                                                        exclude=exclude, articles=[d for d, _ in items])):
        for name, _, _ in about:
            out[name].add(claim_id(doc_id, it.attribution.spans))
    return out


def discovered_build(corpus: Path, work: Path, n_issues=None) -> tuple[dict, dict[str, set], dict]:
    """(the discovered issues' data, issue name → ids of its claims, (claim id, issue) → how it was given:
    `graphkit.issue_evidence.issue_route`)
    of a build of ``corpus`` with its taxonomy removed: a copy of the folder without issues.yaml (its actors.yaml kept) built into ``work`` as a user would, so
    the issues and their claims are exactly the build's (its actors, the issue model it fits and keeps, the
    article votes)."""
    import json
    import shutil

    from graphkit.build import build
    from graphkit.issue_evidence import issue_route
    from graphkit.store import Store

    bare = work / "no-taxonomy"
    shutil.copytree(corpus, bare, ignore=shutil.ignore_patterns("issues.yaml"))
    store = work / "discovered.gk"
    build(bare, store, n_issues=n_issues)
    out = defaultdict(set)
    how = {}
    with Store(store, readonly=True) as st:
        found = json.loads(st.get_meta("discovered_issues") or '{"issues": []}')
        for c in st.claims():
            trig = dict(c.issue_triggers)
            for name in c.issues:
                out[name].add(c.id)
                how[c.id, name] = issue_route(trig.get(name, ""))
    return found, out, how


def where_they_went(ids: set, disc: dict[str, set], how: dict, top: int = 4) -> str:
    """Where a hand-made issue's claims went among the discovered issues: the ``top`` issues holding most of them, each
    with how many it holds by the claims' own triggers / learnt / their article's (``how``: `discovered_build`'s), and
    how many got none.

    >>> disc = {"war": {"a", "b", "c"}, "deal": {"d"}}
    >>> where_they_went({"a", "b", "d", "e"}, disc, {("a", "war"): "own", ("b", "war"): "article", ("d", "deal"): "own"})
    'war 2 (1/0/1); deal 1 (1/0/0); none 1'
    """
    from collections import Counter

    parts = []
    for name, held in sorted(disc.items(), key=lambda x: (-len(x[1] & ids), x[0]))[:top]:
        if not held & ids:
            break
        kinds = Counter(how.get((c, name), "own") for c in held & ids)
        parts.append(f"{name} {len(held & ids)} ({kinds['own']}/{kinds['learnt']}/{kinds['article']})")
    none = len(ids - set().union(*disc.values())) if disc else len(ids)
    return "; ".join(parts) + f"; none {none}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--store", type=Path, default=None, help="store to build into (default: a temporary one)")
    ap.add_argument("--n-issues", type=int, default=None)
    ap.add_argument("--min-claims", type=int, default=5)
    ap.add_argument("--why", action="store_true",
                    help="for each hand-made issue under 60 %%: the discovered issues its claims went to, and how")
    a = ap.parse_args(argv)

    from graphkit.build import build
    from graphkit.records import claim_id
    from graphkit.store_issues import load_extractions
    from graphkit.issues import taxonomy_of
    from graphkit.knowledge import Knowledge
    from graphkit.store import Store

    work = Path(tempfile.mkdtemp(prefix="gk_disc_"))
    store = a.store or work / "sample.gk"
    knowledge = Knowledge.for_corpus(a.corpus)
    build(a.corpus, store, knowledge=knowledge)
    with Store(store, readonly=True) as st:
        extractions = load_extractions(st)
    hand = memberships(extractions, taxonomy_of(knowledge))
    claims = [claim_id(d, it.attribution.spans) for d, ex in sorted(extractions.items()) for it in ex.items]
    found, disc, how = discovered_build(a.corpus, work, a.n_issues)
    n = len(claims)
    covered = len(set().union(*disc.values())) if disc else 0
    print(f"{n} claims; {len(found['issues'])} discovered issues; {covered} claims ({covered / max(1, n):.0%}) get one")
    print("discovered:", "; ".join(i["name"] for i in found["issues"]))
    print()
    print(f"{'hand-made issue':22} {'claims':>6}  {'best discovered issue':28} {'holds':>5} {'recall':>7} {'precision':>9}"
          f" {'lift':>5} {'best F1':>7}")
    met, lifts, f1s, f1_all = 0, [], [], []
    for name, ids in sorted(hand.items(), key=lambda x: (-len(x[1]), x[0])):
        if len(ids) < a.min_claims:
            continue
        best = max(disc.items(), key=lambda x: (len(x[1] & ids), -len(x[1]), x[0]), default=(None, set()))
        held = len(best[1] & ids)
        recall = held / len(ids)
        precision = held / len(best[1]) if best[1] else 0.0
        met += recall >= 0.6
        lifts.append(precision / (len(ids) / n))
        f1s.append(max((2 * len(s & ids) / (len(s) + len(ids)) for s in disc.values()), default=0.0))
        f1_all.append(2 * len(ids) / (n + len(ids)))
        print(f"{name:22} {len(ids):6}  {str(best[0])[:28]:28} {held:5} {recall:7.0%} {precision:9.0%}"
              f" {lifts[-1]:5.1f} {f1s[-1]:7.2f}")
        if a.why and recall < 0.6:
            print(f"{'':24} went to: {where_they_went(ids, disc, how)}  (own triggers / learnt / their article's)")
    total = len(lifts)
    print(f"\n{met} of {total} hand-made issues with >= {a.min_claims} claims have one discovered issue holding >= 60 %")
    if total:
        print(f"mean lift {sum(lifts) / total:.2f}; mean best F1 {sum(f1s) / total:.2f} "
              f"(one issue holding every claim: {sum(f1_all) / total:.2f})")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("discover_sample", main))
