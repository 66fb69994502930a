"""Where speech-fair precision goes, from an out-of-fold dump (bench/oof_dump.py): counts only, no text.

    python bench/oof_dump.py bench/_work/oof.pkl && python bench/oof_fair.py bench/_work/oof.pkl

The shared scorer's speech-fair F1 divides the speech golds matched end to end by the kept predictions less those it
matches to a non-speech gold; that second matching runs over every prediction, so a prediction matched to a speech gold
may be taken off the count too. Each kept prediction of train+dev (graphkit as the dump's fold re-scorers keep it,
continuations folded as the export writes them) is put in one class by :func:`fair_classes`: a speech gold matched
end to end, a speech gold's content with a wrong speaker, a speech gold without a source, a non-speech gold (free), a
gold only the "all" matching gives it, no gold at all; each class split by whether the cue holds a speech verb of the
scorer's list. Then the pooled speech-fair figures and how many counted predictions that are no speech match must go
for a target, at today's recall (bench/README.md, issue 13, twenty-second part).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def speech_cue(cue: str, speech: set) -> bool:
    """Does a cue as written hold a speech verb of the scorer's list (or is it "according to")?

    >>> speech_cue("told reporters", {"told"}), speech_cue("according to", set()), speech_cue("praised", {"said"})
    (True, True, False)
    """
    low = (cue or "").lower()
    return low == "according to" or any(w in speech for w in re.findall(r"[a-z]+", low))


def fair_classes(sc, art: dict, ex: list[dict]) -> list[str]:
    """The class of each exported prediction ``ex`` of PolNeAR article ``art`` (``sc``: the shared scorer module,
    ``attribution_cv.scorer()``): ``speech_e2e``, ``speech_wrong_speaker``, ``other_gold``, ``no_gold`` ...
    (the cases: tests/test_oof_tools.py, which skip where ../shared is not beside the checkout).
    """
    import attribution_cv as cv

    P = sc.pred_items(ex)
    speech = sc.gold_items(art, True)
    every = sc.gold_items(art, False)
    keys = {frozenset(g["C"]) for g in speech}
    other = [g for g in every if frozenset(g["C"]) not in keys]
    to_speech = {p: g for g, p in cv.assign(speech, P)[0].items()}
    to_other = set(cv.assign(other, P)[0].values())
    to_any = set(cv.assign(every, P)[0].values())
    out = []
    for j, p in enumerate(P):
        if j in to_speech:
            g = speech[to_speech[j]]
            out.append("speech_no_source" if not g["S"] else "speech_e2e" if g["S"] & p["S"] else "speech_wrong_speaker")
        elif j in to_other:
            out.append("other_gold")
        elif j in to_any:
            out.append("all_matching_only")
        else:
            out.append("no_gold")
    return out


def main(argv=None) -> int:
    import attribution_cv as cv
    from oof_dump import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, help="a pickle written by bench/oof_dump.py")
    ap.add_argument("--target", type=float, default=88.0, help="the speech-fair F1 to reach (default 88)")
    a = ap.parse_args(argv)
    D = load(a.dump)
    sc = cv.scorer()
    arts = {x["id"]: x for x in cv.load_articles()}
    n: collections.Counter = collections.Counter()
    preds = cv.shipped_claims(D, arts)
    for i, ex in preds.items():
        for e, k in zip(ex, fair_classes(sc, arts[i], ex)):
            n[k] += 1
            n[(k, "speech cue" if speech_cue(e["cue"], sc.SPEECH) else "other cue")] += 1
    c = cv.counts(sc, list(arts[i] for i in preds), preds)["speech"]
    e2e, npred, other, ngold = c["e2e"], c["npred"], c["other_tp"], c["ngold"]
    counted = npred - other
    p, r = e2e / counted, e2e / ngold
    print(f"kept {npred}, matched to a non-speech gold {other} (of them also a speech match "
          f"{other - n['other_gold']}), counted {counted}; speech e2e {e2e} of {ngold} golds: "
          f"P fair {100 * p:.2f}, R {100 * r:.2f}, F1 fair {200 * p * r / (p + r):.2f}")
    for k in ("speech_e2e", "speech_wrong_speaker", "speech_no_source", "other_gold", "all_matching_only", "no_gold"):
        print(f"  {k:22} {n[k]:>6}  (speech cue {n[(k, 'speech cue')]}, other cue {n[(k, 'other cue')]})")
    t = a.target / 100
    need_p = t * r / (2 * r - t) if 2 * r > t else float("inf")
    need_r = t * p / (2 * p - t) if 2 * p > t else float("inf")
    print(f"to reach {a.target}: at today's recall {counted - e2e / need_p:.0f} fewer counted predictions that are no "
          f"speech match; at today's precision {need_r * ngold - e2e:.0f} more speech golds matched")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_fair", main))
