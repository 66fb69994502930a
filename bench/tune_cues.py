"""Measure each cue's precision on PolNeAR train, to decide what models/cues.yaml should hold.

    python bench/tune_cues.py --cache /tmp/gk_parse                    # the current lexicon
    python bench/tune_cues.py --cache /tmp/gk_parse --open object_verbs  # any verb may take an object

For every (cue lemma, frame) the attribution rules produce on PolNeAR's training
split, counts the predictions that match a gold attribution with the right
speaker (tp), those that match nothing (fp) and those with the wrong speaker,
then lists entries worth removing (precision < --drop, at least 8 uses) and,
with ``--open SECTION``, lemmas outside that section worth adding (precision >=
--add, at least 6 uses). Frames: clause, around (cue clause set off by commas),
colon, object, to, prep. It never edits the file: a person decides. Scores are
on train only; report on dev with eval_attribution.py.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "eval"))


class _Open(dict):
    """A cue section that accepts every lemma (stance 'assert' for unknown ones)."""

    def __contains__(self, k):
        return True

    def __getitem__(self, k):
        return dict.get(self, k, "assert")

    def get(self, k, d=None):
        return dict.get(self, k, "assert")


class _AllLemmas(frozenset):
    def __contains__(self, k):
        return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--open", choices=["verbs", "object_verbs", "to_verbs"], default=None)
    ap.add_argument("--add", type=float, default=0.35)
    ap.add_argument("--drop", type=float, default=0.30)
    args = ap.parse_args(argv)
    from polnear import load_articles

    arts = load_articles(("train",), limit=args.limit)  # first: PolNeAR missing is one line before anything is patched

    import polnear_score as ps

    import graphkit.attribution as A
    from eval_attribution import parse

    cues = A.load_cues()
    known = set(getattr(cues, args.open)) if args.open else set()
    if args.open:
        kw = {f: getattr(cues, f) for f in ("verbs", "object_verbs", "to_verbs", "prep_verbs", "nouns", "phrases", "quoted_as")}
        kw[args.open] = _Open(kw[args.open])
        cues = A.Cues(**kw, colon=cues.colon)
        object.__setattr__(cues, "_any_verb", _AllLemmas())
    frames: dict = {}
    orig = A.verb_candidate

    def tagged(v, c, q, *rest):  # verb_candidate's arguments as attribution passes them (it gained `skip`)
        cand = orig(v, c, q, *rest)
        if cand is not None:
            frames[(v.doc, cand.cue_toks[0].i)] = cand.frame
            cand.cue_lemma = f"{cand.cue_lemma}/{cand.frame}" + ("/new" if args.open and v.lemma_.lower() not in known else "")
        return cand

    A.verb_candidate = tagged
    docs = parse([a["text"] for a in arts], args.cache, f"polnear_train_{len(arts)}")
    tp, fp, bad = collections.Counter(), collections.Counter(), collections.Counter()
    for art, doc in zip(arts, docs):
        atts = [a for a in A.attributions(doc, cues) if not a.continuation]
        preds = [{"spans": [list(s) for s in a.spans], "speaker_span": list(a.speaker_span) if a.speaker_span else None}
                 for a in atts]
        P = ps.pred_items(preds)
        left = list(range(len(P)))
        for g in ps.gold_items(art, False):
            best, bs = None, 0.0
            for j in left:
                s = len(g["C"] & P[j]["C"]) / len(g["C"])
                if s > 0.3 and s > bs:
                    best, bs = j, s
            if best is None:
                continue
            left.remove(best)
            key = atts[best].cue_lemma
            if g["S"] & P[best]["S"]:
                tp[key] += 1
            else:
                bad[key] += 1
        for j in left:
            fp[atts[j].cue_lemma] += 1
    rows = sorted(set(tp) | set(fp) | set(bad), key=lambda k: -(tp[k] + fp[k] + bad[k]))
    print(f"{'cue/frame':28} {'tp':>5} {'fp':>5} {'spk':>5} {'prec':>5}")
    for k in rows:
        n = tp[k] + fp[k] + bad[k]
        p = tp[k] / n
        note = ""
        if k.endswith("/new"):
            if n >= 6 and p >= args.add:
                note = "ADD"
            else:
                continue
        elif n >= 8 and p < args.drop:
            note = "DROP"
        print(f"{k:28} {tp[k]:5} {fp[k]:5} {bad[k]:5} {p:5.2f} {note}")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("tune_cues", main))
