"""Where the e2e F1 is lost, gold by gold, from an out-of-fold dump (bench/oof_dump.py): the sub-buckets of --misses.

    python bench/oof_dump.py bench/_work/oof.pkl && python bench/oof_buckets.py bench/_work/oof.pkl
    python bench/oof_buckets.py bench/_work/oof.pkl --samples 5 --show speaker_wrong   # read a few of one kind

``bench/eval_attribution.py --cv 5 --misses`` gives the headline buckets and what fixing each is worth; this splits
them the way bench/README.md's issue 13 nineteenth part reports: each gold of train+dev, out of fold, replayed
through the scorer's greedy matching (:func:`attribution_cv.assign`) against the kept predictions, then asked why
it did not match end to end:

- ``e2e`` (``e2e_share<.5``: matched with under half of its content, at risk from any boundary change);
- ``speaker_wrong_*``: a kept prediction took its content with another speaker: ``right_kept_*`` a right-speaker
  kept prediction lost the greedy choice (a tie, a lower share, taken earlier), ``right_dropped`` a right-speaker
  candidate was dropped by the re-scorer, ``pred_speaker_in_gold`` the prediction's speaker lies inside the gold's
  content (our inner claim over an outer gold), ``gold_source_in_pred`` the gold's source lies in our content
  (our outer claim over an inner gold), ``other_near`` / ``other_far`` another mention within / past 40 characters;
- ``taken_{same,other}src_{inner,outer,disjoint,overlap}_{cue_in_pred,cue_outside}``: the prediction that covers it
  was given to an earlier gold, of the same or another source;
- ``boundary`` (a kept prediction overlaps it by 30 % or less), ``cand_boundary`` (only a dropped one does);
- ``rescorer_dropped_right`` with ``..._score_X`` (the best right candidate's out-of-fold score, by 0.05; tagger and
  rules apart), ``rescorer_dropped_wrong`` (only a wrong-speaker candidate, dropped);
- ``no_candidate``, ``no_source`` / ``no_source_predicted``;
- kept predictions matching no gold: ``fp_alone`` (overlapping none), ``fp_overlap_matched_gold_{same,other}spk``
  (a gold split in two), ``fp_overlap_unmatched_gold``;
- ``e2e_greedy`` against ``e2e_optimal``: what a maximum matching of the same predictions would give.

Samples quote PolNeAR text: print them, never commit them.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def share(g: dict, p: dict) -> float:
    """The share of gold ``g``'s content characters prediction ``p`` covers (the scorer's matching measure).

    >>> share({"C": {1, 2, 3, 4}}, {"C": {3, 4, 5}})
    0.5
    """
    return len(g["C"] & p["C"]) / len(g["C"]) if g["C"] else 0.0


def max_matching(G: list[dict], P: list[dict]) -> int:
    """End-to-end pairs of a maximum bipartite matching (share > 0.3 and speaker overlap), not the scorer's greedy one.

    >>> G = [{"C": {1, 2}, "S": {0}}, {"C": {1, 2, 3, 4}, "S": {0}}]
    >>> P = [{"C": {1, 2, 3, 4}, "S": {0}}, {"C": {1, 2}, "S": {0}}]
    >>> max_matching(G, P)
    2
    """
    adj = {gi: [j for j, p in enumerate(P) if share(g, p) > 0.3 and g["S"] & p["S"]] for gi, g in enumerate(G)}
    owner: dict[int, int] = {}

    def augment(gi, seen):
        for j in adj[gi]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = gi
                    return True
        return False

    return sum(augment(gi, set()) for gi in adj)


def _speaker_wrong(g, best, G, P, E) -> str:
    """Why a content matched by a kept prediction ``P[best]`` has the wrong speaker."""
    p = P[best]
    rights = [j for j, q in enumerate(P) if j != best and share(g, q) > 0.3 and g["S"] & q["S"]]
    if rights:
        q = P[rights[0]]
        return "speaker_wrong_right_kept_" + ("tie" if share(g, q) == share(g, p) else
                                              "lower_share" if share(g, q) < share(g, p) else "taken_earlier")
    if any(share(g, e) > 0.3 and g["S"] & e["S"] for e in E):
        return "speaker_wrong_right_dropped"
    if p["S"] & g["C"]:
        return "speaker_wrong_pred_speaker_in_gold"
    if g["S"] & p["C"]:
        return "speaker_wrong_gold_source_in_pred"
    dist = min(abs(min(p["S"]) - max(g["S"])), abs(min(g["S"]) - max(p["S"])))
    return "speaker_wrong_other_near" if dist < 40 else "speaker_wrong_other_far"


def _taken(g, gold_cue: set, j, other, P) -> str:
    """The bucket of a gold whose best-covering prediction ``P[j]`` went to the earlier gold ``other``."""
    rel = ("inner" if other["C"] >= g["C"] or len(other["C"] & g["C"]) > 0.5 * len(g["C"]) else
           "outer" if g["C"] >= other["C"] else "disjoint" if not (other["C"] & g["C"]) else "overlap")
    same = "same" if other["S"] & g["S"] else "other"
    return f"taken_{same}src_{rel}_" + ("cue_in_pred" if gold_cue & P[j]["C"] else "cue_outside")


def article_buckets(art: dict, d: dict, sc, n: collections.Counter, samples: dict) -> list[dict]:
    """Count article ``art``'s golds and kept predictions into ``n`` (and a few fields of each into ``samples``);
    return the kept predictions."""
    import attribution_cv as cv

    atts = d["atts"]
    o = cv.oof_article(sc, art, d)
    Pk, Pe = o.kept_claims, o.every_claims  # every candidate, continuations folded as the kept ones are
    score_of: dict = {}  # (first content span, cue span) -> (out-of-fold score, origin) of the candidate exported
    for a, s in zip(atts, d["scores"]):
        score_of.setdefault((tuple(a.spans[0]), a.cue_span), (s, "tagger" if a.cue_score is not None else "rules"))
    origin = [score_of.get((tuple(x["spans"][0]), tuple(x["cue_span"]) if x.get("cue_span") else None), (-1.0, "?"))
              for x in Pe]
    raw = [g for g in art["attributions"] if g["content"]]
    G, P, E, pairs, left = o.G, o.P, o.E, o.pairs, o.left
    n["e2e_greedy"] += sum(1 for gi, j in pairs.items() if G[gi]["S"] & P[j]["S"])
    n["e2e_optimal"] += max_matching(G, P)
    taken_by = {j: gi for gi, j in pairs.items()}
    for gi, g in enumerate(G):
        n["gold"] += 1
        info = {"doc": art["id"], "source": " / ".join(x["text"] for x in raw[gi]["source"]),
                "cue": " / ".join(x["text"] for x in raw[gi]["cue"])}
        best = pairs.get(gi)
        if best is not None:
            if g["S"] & P[best]["S"]:
                n["e2e_share<.5" if share(g, P[best]) < 0.5 else "e2e"] += 1
                continue
            k = ("no_source_predicted" if not g["S"] else "speaker_none" if not P[best]["S"] else
                 _speaker_wrong(g, best, G, P, E))
        elif not g["S"]:
            k = "no_source"
        elif any(share(g, p) > 0.3 for p in P):
            j = max(range(len(P)), key=lambda j: share(g, P[j]))
            cue = {c for x in raw[gi]["cue"] for c in range(x["start"], x["end"])}
            k = _taken(g, cue, j, G[taken_by[j]], P)
        elif any(g["C"] & p["C"] for p in P):
            k = "boundary"
        elif any(share(g, e) > 0.3 for e in E):
            right = [origin[j] for j, e in enumerate(E) if share(g, e) > 0.3 and g["S"] & e["S"]]
            if right:
                s, org = max(right)
                k = "rescorer_dropped_right"
                n[f"{k}_{org}_score_{int(s * 20) / 20:.2f}"] += 1
                info["score"] = round(s, 3)
            else:
                k = "rescorer_dropped_wrong"
        elif any(g["C"] & e["C"] for e in E):
            k = "cand_boundary"
        else:
            k = "no_candidate"
        n[k] += 1
        samples[k].append(info)
    for j in left:
        over = [gi for gi, g in enumerate(G) if g["C"] & P[j]["C"]]
        matched = [gi for gi in over if gi in pairs]
        k = ("fp_alone" if not over else "fp_overlap_unmatched_gold" if not matched else
             "fp_overlap_matched_gold_" + ("samespk" if G[matched[0]]["S"] & P[j]["S"] else "otherspk"))
        n[k] += 1
        samples[k].append({"doc": art["id"], "cue": Pk[j].get("cue"), "speaker": Pk[j].get("speaker")})
    n["pred"] += len(P)
    return Pk


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--samples", type=int, default=0, help="print this many random golds of each bucket (seed 1)")
    ap.add_argument("--show", default="", help="only the buckets whose name holds this")
    a = ap.parse_args(argv)
    D = load(a.dump)
    sc = cv.scorer()
    arts = {x["id"]: x for x in cv.load_articles()}
    n: collections.Counter = collections.Counter()
    samples: dict = collections.defaultdict(list)
    kept = {i: article_buckets(arts[i], d, sc, n, samples) for i, d in D["arts"].items()}
    for k in sorted(n):
        print(f"{k:55} {n[k]:>7}")
    g, p, tp = n["gold"], n["pred"], n["e2e"] + n["e2e_share<.5"]
    print(f"pooled e2e F1 all {200 * tp / (p + g):.2f}; with a maximum matching {200 * n['e2e_optimal'] / (p + g):.2f}")
    r = cv.figures(sc, [arts[i] for i in kept], kept)
    print(f"the scorer, pooled: all {r['all']['e2e_F1']:.2f}, speech fair {r['speech']['e2e_F1_fair']:.2f}")
    rnd = random.Random(1)
    for k in sorted(samples) if a.samples else ():
        if a.show in k:
            print(f"\n=== {k} ({len(samples[k])})")
            for x in rnd.sample(samples[k], min(a.samples, len(samples[k]))):
                print("  ", json.dumps(x, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_buckets", main))
