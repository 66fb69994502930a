"""Every attribution candidate of PolNeAR train+dev with its out-of-fold re-scorer score, pickled for analysis.

    python bench/oof_dump.py bench/_work/oof.pkl                  # graphkit as shipped
    python bench/oof_dump.py bench/_work/oof_nested.pkl --nested yes
    python bench/oof_dump.py bench/_work/oof_no_around.pkl --without around
    python bench/oof_dump.py bench/_work/oof_strict.pkl --strict  # no tagger behind a fold's re-scorer saw the fold
    python bench/rescorer_cv.py bench/_work/oof.pkl               # re-scorers refitted from it, offline

What ``bench/eval_attribution.py --cv 5`` runs (:func:`attribution_cv.run_cv`, combined mode): the articles fall in
folds by :func:`attribution_cv.fold_of`; each article's cue-tagger candidates come from a tagger fitted without its
fold, and each fold's re-scorer (the shipped model's kind and settings) is fitted on the other folds' candidates.
Written per article: every candidate (``Attribution.model_dump()``, kept or not), its features
(``graphkit.confidence.features``), its label (:func:`attribution_cv.label`: an end-to-end match), its out-of-fold
score, its fold and the thresholds; and the CV figures (the same as ``--cv 5``'s, to the digit; ``--strict``: see
:func:`dump`).

The pickle is what the bucket analyses read (bench/README.md, issue 13 nineteenth and twentieth parts: which right
candidate the re-scorer drops, which speaker is wrong, which prediction takes two golds) without re-running the
rules: loading it and replaying ``apply_scores`` takes seconds, the dump ~4 minutes of CPU. It holds PolNeAR
offsets and feature names, no article text, but it derives from PolNeAR: keep it under the git-ignored
``bench/_work/``, never in the repository.

Loading one back (:func:`load`): ``{"ids": [...], "folds": [...], "arts": {doc_id: {"atts": [Attribution, ...],
"feats": [...], "labels": [...], "scores": [...], "fold": f, "t": rule threshold, "tl": tagger threshold}},
"summary": run_cv-style figures, "settings": {...}}``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graphkit.errors import GraphkitError  # noqa: E402 (after the path insert)

NESTED = {"no": False, "yes": True, "reported": "reported"}


class DumpError(GraphkitError):
    """A file read as an out-of-fold dump is missing or is no dump of this script: the message says how to write one."""


def pair_taggers(arts: list[dict], docs: list, folds: list[int], k: int, *, without=(), nested=False,
                 log=print) -> dict[frozenset, dict]:
    """One cue tagger for each pair of folds, fitted on the other k - 2 folds' articles: the tagger whose candidates
    train fold f's re-scorer on fold g's articles without f's articles in it (``--strict``)."""
    from train_tagger import fit_tagger, rows_of

    from graphkit.attribution import attributions

    t0 = time.perf_counter()
    rows = [rows_of(a, d, attributions(d, tagger=False, nested=nested, **({"without": without} if without else {})))
            for a, d in zip(arts, docs)]
    out = {}
    for f in range(k):
        for g in range(f + 1, k):
            out[frozenset((f, g))] = fit_tagger([r for i in range(len(arts)) if folds[i] not in (f, g)
                                                 for r in rows[i]], label="new")
    log(f"{len(out)} taggers, one for each pair of folds ({time.perf_counter() - t0:.0f}s)")
    return out


def dump(k: int = 5, *, nested=False, without=(), strict: bool = False, log=print) -> dict:
    """The out-of-fold candidates and scores of train+dev (the module docstring says what each key holds).

    ``strict``: the re-scorer of fold f is trained on candidates whose tagger never saw fold f either (a tagger per
    pair of folds, :func:`pair_taggers`); by default, as ``--cv 5`` and ``train_filter``'s grid do, an article of
    fold g carries the candidates of the tagger fitted without g alone, which saw fold f's labels. The strict
    training candidates of fold f are kept under ``"train"``: {f: {doc_id: {"atts", "feats", "labels"}}}."""
    import attribution_cv as cv
    from train_filter import fit

    from graphkit.confidence import apply_scores, load_filter, score_features

    t0 = time.perf_counter()
    arts, docs = cv.train_dev_parsed()
    folds = [cv.fold_of(a["id"], k) for a in arts]
    tg = cv.fold_taggers(arts, docs, folds, k, label="new", without=tuple(without), nested=nested, log=log)
    cands = cv.candidates(arts, docs, without=tuple(without), nested=nested, taggers=[tg[f] for f in folds])
    log(f"{sum(len(c[1]) for c in cands)} candidates ({time.perf_counter() - t0:.0f}s)")
    train: dict[int, list] = {}
    if strict:
        pairs = pair_taggers(arts, docs, folds, k, without=tuple(without), nested=nested, log=log)
        for f in range(k):
            tr = [i for i in range(len(arts)) if folds[i] != f]
            train[f] = cv.candidates([arts[i] for i in tr], [docs[i] for i in tr], without=tuple(without),
                                     nested=nested, taggers=[pairs[frozenset((f, folds[i]))] for i in tr])
            log(f"fold {f}: strict training candidates ({time.perf_counter() - t0:.0f}s)")
    shipped = load_filter()
    sc = cv.scorer()
    out = {"ids": [a["id"] for a in arts], "folds": folds, "arts": {},
           "settings": {"k": k, "nested": nested, "without": list(without), "strict": strict,
                        "kind": shipped.get("kind", "logistic"), "min_count": shipped.get("min_count"),
                        "C": shipped.get("C"), "threshold": shipped["threshold"],
                        "threshold_learned": shipped.get("threshold_learned")}}
    if strict:
        out["train"] = {f: {c[0]: {"atts": [x.model_dump() for x in c[1]], "feats": c[2], "labels": c[3]}
                            for c in train[f]} for f in train}
    res = []
    for f in range(k):
        rows = train[f] if strict else [cands[i] for i in range(len(arts)) if folds[i] != f]
        model = fit([x for c in rows for x in c[2]], [y for c in rows for y in c[3]],
                    kind=shipped.get("kind", "logistic"), params=shipped)
        t = float(model["threshold"])
        tl = float(shipped.get("threshold_learned", t))
        preds = {}
        for i in (i for i in range(len(arts)) if folds[i] == f):
            doc_id, atts, feats, labels = cands[i]
            scores = [score_features(model, x) for x in feats]
            preds[doc_id] = cv.export(arts[i], apply_scores(atts, scores, t, tl))
            out["arts"][doc_id] = {"atts": [x.model_dump() for x in atts], "feats": feats, "labels": labels,
                                   "scores": scores, "fold": f, "t": t, "tl": tl}
        fig = cv.figures(sc, [arts[i] for i in range(len(arts)) if folds[i] == f], preds)
        fig["n_articles"] = len(preds)
        res.append(fig)
        log(f"fold {f}: e2e F1 all {fig['all']['e2e_F1']:.2f}, speech fair {fig['speech']['e2e_F1_fair']:.2f}")
    out["summary"] = cv.summarise(res)
    log(cv.table(out["summary"]))
    return out


def load(path) -> dict:
    """A dump read back, each candidate an ``Attribution`` again (``graphkit.records``).

    A missing file or one that is no dump is a `DumpError` saying how to write it (one line through
    ``graphkit.errors.script_main``, as every script reading a dump ends):

    >>> load("/nonexistent/oof.pkl")
    Traceback (most recent call last):
    oof_dump.DumpError: no dump at /nonexistent/oof.pkl: write one with `python bench/oof_dump.py /nonexistent/oof.pkl`
    """
    from graphkit.records import Attribution

    fix = f"write one with `python bench/oof_dump.py {path}`"
    try:
        with open(path, "rb") as fh:
            d = pickle.load(fh)
    except FileNotFoundError:
        raise DumpError(f"no dump at {path}: {fix}") from None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError) as e:
        raise DumpError(f"{path} is not a dump of bench/oof_dump.py ({type(e).__name__}): {fix}") from None
    if not isinstance(d, dict) or "arts" not in d or "settings" not in d:
        raise DumpError(f"{path} is not a dump of bench/oof_dump.py (no arts/settings): {fix}")
    for a in [*d["arts"].values(), *(x for f in d.get("train", {}).values() for x in f.values())]:
        a["atts"] = [Attribution.model_validate(x) for x in a["atts"]]
    return d


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the pickle to write (keep it under bench/_work/: it derives from PolNeAR)")
    ap.add_argument("--k", type=int, default=5, help="folds, by article")
    ap.add_argument("--nested", choices=sorted(NESTED), default="no",
                    help="keep nested claims (attributions(nested=...)); graphkit's default is no")
    ap.add_argument("--without", action="append", default=[], metavar="FRAME", help="run without this rule frame")
    ap.add_argument("--strict", action="store_true",
                    help="train each fold's re-scorer on candidates of taggers that never saw that fold (a tagger per "
                         "pair of folds; ~5 minutes more)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    d = dump(a.k, nested=NESTED[a.nested], without=a.without, strict=a.strict)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "wb") as fh:
        pickle.dump(d, fh)
    print(f"wrote {a.out} ({time.perf_counter() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("oof_dump", main))
