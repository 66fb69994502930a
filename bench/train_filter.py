"""Train graphkit's attribution filter (models/attribution_filter.json) on PolNeAR's TRAIN split.

    pip install -e ".[train]"           # scikit-learn: training only; graphkit reads the JSON at run time
    python bench/train_filter.py        # deterministic: the same rules and data give the same file

1. Parse PolNeAR train + dev once (DocBins cached under ``bench/_work/parse``) and run
   ``graphkit.attribution.attributions`` on each article (``bench/attribution_cv.py``).
2. Label each candidate: positive when it matches a gold attribution by the scorer's rule
   (gold content chars covered > 30 %; for a continuation quote, > 50 % of its own chars inside
   one gold content) AND its speaker span overlaps that gold source (end-to-end).
3. Features: ``graphkit.confidence.features``; features seen in fewer than ``min_count``
   candidates are dropped. The settings (model kind, C or trees, threshold) are chosen by 5-fold
   cross-validation over train+dev grouped by article (``attribution_cv.fold_of``), scored by the
   PolNeAR scorer's own matching on the out-of-fold predictions: the mean of e2e F1 on all
   attributions and the speech subset's fair F1; within 0.1 point of the best mean, the setting
   with the higher F1 on all attributions.
4. Refit with the chosen settings on PolNeAR train only; write the model and its CV figures to JSON.
PolNeAR texts are read from ../shared and never written anywhere; the model holds only feature names and numbers.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

COMMAND = "python bench/train_filter.py"


def _kept(feats: list[dict], min_count: int) -> list[dict]:
    counts = collections.Counter(k for f in feats for k in f)
    keep = {k for k, n in counts.items() if n >= min_count}
    return [{k: v for k, v in f.items() if k in keep} for f in feats]


def fit(feats: list[dict], y: list[int], *, kind: str = "logistic", params: dict) -> dict:
    """A filter model (the JSON graphkit.confidence reads) fitted on these candidates with these settings.

    ``params``: ``C`` (logistic), ``min_count``, ``threshold``; deterministic for the same input.
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = _kept(feats, int(params.get("min_count", 5)))
    dv = DictVectorizer()
    X = dv.fit_transform(feats)
    y = np.asarray(y)
    names = dv.get_feature_names_out()
    if kind == "logistic":
        m = LogisticRegression(C=float(params["C"]), max_iter=2000).fit(X, y)
        weights = {str(n): round(float(w), 5) for n, w in zip(names, m.coef_[0]) if abs(w) >= 1e-5}
        return {"kind": "logistic", "C": float(params["C"]), "min_count": int(params.get("min_count", 5)),
                "threshold": float(params["threshold"]), "bias": round(float(m.intercept_[0]), 5),
                "weights": dict(sorted(weights.items()))}
    if kind == "gbm":
        from sklearn.ensemble import GradientBoostingClassifier

        m = GradientBoostingClassifier(n_estimators=int(params.get("n_estimators", 200)),
                                       max_depth=int(params.get("max_depth", 3)),
                                       learning_rate=float(params.get("learning_rate", 0.1)),
                                       min_samples_leaf=int(params.get("min_samples_leaf", 10)),
                                       random_state=0).fit(X, y)
        trees = []
        for est in m.estimators_[:, 0]:
            t = est.tree_
            nodes = []
            for k in range(t.node_count):
                if t.children_left[k] == -1:
                    nodes.append([round(float(t.value[k][0][0]), 6)])
                else:
                    nodes.append([str(names[t.feature[k]]), round(float(t.threshold[k]), 6),
                                  int(t.children_left[k]), int(t.children_right[k])])
            trees.append(nodes)
        return {"kind": "gbm", "n_estimators": len(trees), "max_depth": int(params.get("max_depth", 3)),
                "learning_rate": float(params.get("learning_rate", 0.1)),
                "min_samples_leaf": int(params.get("min_samples_leaf", 10)),
                "min_count": int(params.get("min_count", 5)), "threshold": float(params["threshold"]),
                "bias": round(float(m._raw_predict_init(X[:1])[0, 0]), 6), "trees": trees}
    raise ValueError(f"unknown model kind {kind!r}")


def main(argv=None) -> int:
    from attribution_cv import candidates, export, figures, fold_of, load_articles, parsed_docs, scorer

    from graphkit.confidence import apply_scores, score_features

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--k", type=int, default=5, help="folds of the cross-validation (by article)")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "attribution_filter.json")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    by_split = {s: load_articles((s,)) for s in ("train", "dev")}
    arts = by_split["train"] + by_split["dev"]
    cands = candidates(arts, parsed_docs(by_split))
    print(f"{sum(len(c[1]) for c in cands)} candidates from {len(arts)} articles "
          f"({time.perf_counter() - t0:.0f}s)", flush=True)
    sc = scorer()
    folds = [fold_of(a["id"], args.k) for a in arts]
    grid = [("logistic", {"C": C}) for C in (0.3, 1.0)] + [
        ("gbm", {"n_estimators": 300, "max_depth": 3, "learning_rate": 0.1, "min_samples_leaf": 10})]
    thresholds = [x / 100 for x in range(30, 70, 5)]
    tried = []
    for kind, p in grid:
        oof: dict[int, list[float]] = {}
        for f in range(args.k):
            tr = [i for i in range(len(arts)) if folds[i] != f]
            m = fit([x for i in tr for x in cands[i][2]], [y for i in tr for y in cands[i][3]], kind=kind,
                    params={**p, "min_count": args.min_count, "threshold": 0.5})
            for i in range(len(arts)):
                if folds[i] == f:
                    oof[i] = [score_features(m, x) for x in cands[i][2]]
        for t in thresholds:
            preds = {cands[i][0]: export(cands[i][0], arts[i]["text"], apply_scores(cands[i][1], oof[i], t))
                     for i in range(len(arts))}
            r = figures(sc, arts, preds)
            a, s = r["all"]["e2e_F1"], r["speech"]["e2e_F1_fair"]
            print(f"{kind} {p} t={t:.2f}: all {a:.1f} speech fair {s:.1f} mean {(a + s) / 2:.2f}", flush=True)
            tried.append((((a + s) / 2, a), kind, p, t, r))
    top = max(o[0] for o, *_ in tried)
    obj, kind, p, t, r = max((x for x in tried if x[0][0] >= top - 0.1), key=lambda x: (x[0][1], x[0][0]))
    print(f"chosen {kind} {p} threshold={t} (CV over train+dev: all {obj[1]:.1f}, mean {obj[0]:.2f})")
    tr = [i for i, a in enumerate(arts) if i < len(by_split["train"])]
    model = fit([x for i in tr for x in cands[i][2]], [y for i in tr for y in cands[i][3]], kind=kind,
                params={**p, "min_count": args.min_count, "threshold": t})
    n = sum(len(cands[i][3]) for i in tr)
    model = {
        "model": f"{kind} over graphkit.confidence.features",
        "trained_on": f"PolNeAR train split ({len(tr)} articles), labels = end-to-end match by the polnear_score rule",
        "command": COMMAND, "n_candidates": n, "n_positive": sum(y for i in tr for y in cands[i][3]),
        "cv": {"k": args.k, "by": "article (sha1 of id)", "over": "train+dev",
               "all_e2e_F1": round(r["all"]["e2e_F1"], 1), "speech_e2e_F1_fair": round(r["speech"]["e2e_F1_fair"], 1)},
        **model,
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
