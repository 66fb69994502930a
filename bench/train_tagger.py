"""Training data and fitting of graphkit's learned cue tagger (``models/attribution_tagger.json``).

Used by ``bench/train_filter.py`` (the one retraining command, which writes the tagger, then the
re-scorer over the rules' and the tagger's candidates) and by ``bench/attribution_cv.py`` (which fits
one tagger per fold). What a row is:

- every verb, auxiliary or noun of an article from which :func:`graphkit.cue_tagger.candidate_of`
  builds a candidate (a speaker and some content), with
  :func:`graphkit.cue_tagger.candidate_features`: what :func:`graphkit.cue_tagger.proposals` yields, the loop
  the tagger's inference runs too;
- ``y_new``: that candidate matches a gold attribution end to end (content > 30 % of the gold's
  characters, speaker overlapping the gold source: the PolNeAR scorer's rule; the speaker is the
  subject's head word alone, see below) which no candidate
  of the rules covers — what the tagger is for;
- ``y_any``: it matches any gold attribution end to end (the "model alone" variant's label);
- ``ruled``: the token is a cue of a rule candidate (the tagger is never asked about those
  beside the rules, so the combined tagger is not trained on them).

Deterministic: logistic regression fitted to its optimum (``train_filter.SOLVER``) on a fixed feature order.

The label's speaker is the subject's head word, not its phrase: until issue #13's fourteenth part a copy of
:func:`graphkit.cue_tagger.subject_tokens` stood here behind ``subj.head is t``, which never held (spaCy makes a
new Token on each access), so the head word is what every shipped tagger was trained on. Labelling with the whole
phrase (``subject_tokens``) or with the speaker span inference exports (``speaker_phrase.speaker_tokens``) was
measured by 5-fold CV and dropped: 69.31 / 86.18 and 69.34 / 86.20 against 69.38 / 86.25 (bench/README.md).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: the tagger's settings, chosen by 5-fold CV over train+dev (bench/README.md)
SETTINGS = {"C": 0.3, "min_count": 3, "threshold": 0.2}


def rows_of(article: dict, doc, rule_atts) -> list[tuple[dict, int, int, bool]]:
    """(features, y_new, y_any, ruled) for each token of one article the tagger could propose."""
    from attribution_cv import chars, token_chars

    from graphkit.cue_tagger import proposals
    from graphkit.cues import default_cues

    golds = [(chars([(x["start"], x["end"]) for x in g["content"]]), chars([(x["start"], x["end"]) for x in g["source"]]))
             for g in article["attributions"] if g["content"]]
    covered = [any(len(G & chars(a.spans)) / len(G) > 0.3 for a in rule_atts) for G, _ in golds]
    cue_chars = set().union(*(range(*a.cue_span) for a in rule_atts if a.cue_span)) if rule_atts else set()
    out = []
    for t, content, subj, frame, feats in proposals(doc, default_cues()):
        C, S = token_chars(doc, content), token_chars(doc, {subj.i})  # the head word alone (the module's note)
        y_new = y_any = 0
        for k, (G, GS) in enumerate(golds):
            if len(G & C) / len(G) > 0.3 and S & GS:
                y_any = 1
                y_new = y_new or int(not covered[k])
        out.append((feats, y_new, y_any, t.idx in cue_chars))
    return out


def fit_tagger(rows: list, *, label: str = "new", C: float = SETTINGS["C"], min_count: int = SETTINGS["min_count"],
               threshold: float = SETTINGS["threshold"]) -> dict:
    """A tagger model (the JSON graphkit.cue_tagger reads) fitted on rows: ``label="new"`` (beside the rules:
    tokens that are no rule cue, positive when they find an attribution the rules miss) or ``"any"``
    (alone: every token, positive when it finds any attribution)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from train_filter import SOLVER

    if label == "new":
        rows = [r for r in rows if not r[3]]
    y = np.asarray([r[1] if label == "new" else r[2] for r in rows])
    counts = collections.Counter(k for r in rows for k in r[0])
    keep = {k for k, n in counts.items() if n >= min_count}
    dv = DictVectorizer()
    X = dv.fit_transform([{k: v for k, v in r[0].items() if k in keep} for r in rows])
    m = LogisticRegression(C=C, **SOLVER).fit(X, y)  # to its optimum, as the re-scorer (train_filter.SOLVER)
    weights = {str(n): round(float(w), 5) for n, w in zip(dv.get_feature_names_out(), m.coef_[0]) if abs(w) >= 1e-5}
    return {"kind": "logistic", "label": label, "C": C, "min_count": min_count, "threshold": threshold,
            "bias": round(float(m.intercept_[0]), 5), "n_rows": len(rows), "n_positive": int(y.sum()),
            "weights": dict(sorted(weights.items()))}
