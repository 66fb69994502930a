"""Train graphkit's attribution filter (models/attribution_filter.json) on PolNeAR's TRAIN split.

    pip install scikit-learn            # training only; graphkit does not need it at run time
    python bench/train_filter.py --cache /tmp/gk_parse

1. Parse PolNeAR train (``--cache`` reuses DocBins, as in eval_attribution.py) and run
   ``graphkit.attribution.attributions`` on each article.
2. Label each candidate: positive when it matches a gold attribution by the scorer's rule
   (gold content chars covered > 30 %; for a continuation quote, > 50 % of its own chars inside
   one gold content) AND its speaker span overlaps that gold source (end-to-end).
3. Features: ``graphkit.confidence.features``; features seen in fewer than ``--min-count``
   candidates are dropped. Logistic regression (L2), C chosen by 5-fold cross-validation grouped
   by article; the threshold is chosen on the out-of-fold scores by the real PolNeAR scorer
   (mean of e2e F1 on all attributions and the speech subset's fair F1; within 0.1 point of the
   best mean, the setting with the higher F1 on all attributions), on TRAIN only.
   Dev is never read here.
4. Refit on all of train, write weights, bias, threshold and the CV figures to the JSON file.
PolNeAR texts are read from ../shared and never written anywhere; the model holds only weights.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", SHARED / "eval" / "polnear_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def chars(spans):
    out = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def label(att, golds) -> int:
    p = chars(att.spans)
    ps = chars([att.speaker_span]) if att.speaker_span else set()
    for g in golds:
        ov = len(p & g["C"])
        if not ov:
            continue
        hit = ov / len(g["C"]) > 0.3 or (att.continuation and ov / max(1, len(p)) > 0.5)
        if hit and (ps & g["S"]):
            return 1
    return 0


def build(args):
    """(rows, per-article data) from PolNeAR train; cached in --work between runs."""
    cache_f = args.work / "train_rows.pkl"
    if cache_f.exists() and not args.rebuild:
        return pickle.loads(cache_f.read_bytes())
    from eval_attribution import parse

    from graphkit.attribution import attributions
    from graphkit.confidence import features

    arts = [json.loads(l) for l in (SHARED / "data" / "polnear" / "train.jsonl").open(encoding="utf-8")]
    if args.limit:
        arts = arts[: args.limit]
    docs = parse([a["text"] for a in arts], args.cache, f"polnear_train_{len(arts)}")
    sc = _scorer()
    rows, per_doc = [], []
    for di, (a, d) in enumerate(zip(arts, docs)):
        golds = sc.gold_items(a, False)
        atts = attributions(d)
        starts = [s.start for s in d.sents]
        for att in atts:
            rows.append((di, features(d, att, starts), label(att, golds)))
        per_doc.append((a["id"], atts))
    out = (rows, per_doc, arts)
    args.work.mkdir(parents=True, exist_ok=True)
    cache_f.write_bytes(pickle.dumps(out))
    return out


def polnear_figures(sc, arts, per_doc, scores_by_doc, t):
    """Score the filtered, folded export of every article with the PolNeAR scorer's own functions."""
    from eval_attribution import claims_for

    from graphkit.confidence import apply_scores

    class _D:  # claims_for only needs doc.text for folding
        def __init__(self, text):
            self.text = text

    res = {}
    preds = {}
    for a, (doc_id, atts), s in zip(arts, per_doc, scores_by_doc):
        kept = apply_scores(atts, s, t) if t > 0 else atts
        preds[doc_id] = claims_for(doc_id, _D(a["text"]), atts=kept)
    for name, speech in (("all", False), ("speech", True)):
        tot = collections.Counter()
        other_tp = 0
        for a in arts:
            G = sc.gold_items(a, speech)
            P = sc.pred_items(preds[a["id"]])
            c = sc.match(G, P)
            tot.update(c)
            tot["ngold"] += len(G)
            tot["npred"] += len(P)
            if speech:
                keys = {frozenset(g["C"]) for g in G}
                other = [g for g in sc.gold_items(a, False) if frozenset(g["C"]) not in keys]
                other_tp += sc.match(other, P)["tp"]
        npred = tot["npred"] - other_tp if speech else tot["npred"]
        p, r, f = sc.prf(tot["e2e"], npred, tot["ngold"])
        res[name] = {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1), "n_pred": tot["npred"]}
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="parsed DocBins folder (outside the repo)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/gk_filter"), help="scratch folder for features")
    ap.add_argument("--rebuild", action="store_true", help="recompute features even if --work has them")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "attribution_filter.json")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    t0 = time.perf_counter()
    rows, per_doc, arts = build(args)
    print(f"{len(rows)} candidates from {len(arts)} articles, {sum(r[2] for r in rows)} positive "
          f"({time.perf_counter() - t0:.0f}s)")
    counts = collections.Counter(k for _, f, _ in rows for k in f)
    keep = {k for k, n in counts.items() if n >= args.min_count}
    feats = [{k: v for k, v in f.items() if k in keep} for _, f, _ in rows]
    y = np.array([r[2] for r in rows])
    groups = np.array([r[0] for r in rows])
    dv = DictVectorizer()
    X = dv.fit_transform(feats)
    sc = _scorer()
    base = polnear_figures(sc, arts, per_doc, [None] * len(arts), 0.0)
    print("train, unfiltered:", base)

    tried = []
    for C in (0.1, 0.3, 1.0):
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
            m = LogisticRegression(C=C, max_iter=2000).fit(X[tr], y[tr])
            oof[te] = m.predict_proba(X[te])[:, 1]
        by_doc = [[] for _ in arts]
        for (di, _, _), s in zip(rows, oof):
            by_doc[di].append(float(s))
        for t in [x / 100 for x in range(5, 65, 5)]:
            r = polnear_figures(sc, arts, per_doc, by_doc, t)
            obj = ((r["all"]["F1"] + r["speech"]["F1"]) / 2, r["all"]["F1"])
            print(f"C={C} t={t:.2f} all {r['all']}  speech fair {r['speech']}  mean {obj[0]:.2f}")
            tried.append((obj, C, t, r))
    # the mean of the two F1s is flat over a range of thresholds (within 0.1 point from 0.40 to 0.60 on
    # train): within 0.1 of its best, take the setting with the higher F1 on all attributions (recall-bound)
    top = max(o[0] for o, *_ in tried)
    obj, C, t, r = max((x for x in tried if x[0][0] >= top - 0.1), key=lambda x: (x[0][1], x[0][0]))
    print(f"chosen C={C} threshold={t} (train CV: all e2e F1 {r['all']['F1']}, speech fair {r['speech']['F1']})")
    m = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    names = dv.get_feature_names_out()
    weights = {str(n): round(float(w), 5) for n, w in zip(names, m.coef_[0]) if abs(w) >= 1e-5}
    model = {
        "model": "logistic regression over graphkit.confidence.features",
        "trained_on": "PolNeAR train split (840 articles), labels = end-to-end match by the polnear_score rule",
        "command": "python bench/train_filter.py --cache /tmp/gk_parse",
        "C": C, "min_count": args.min_count, "n_candidates": len(rows), "n_positive": int(y.sum()),
        "train_unfiltered": base, "train_cv_filtered": r,
        "threshold": t, "bias": round(float(m.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
