"""Discovered issues for the claims that say none of their triggers, learnt from the claims that do.

A discovered issue's triggers (graphkit.discover, assigned by graphkit.issues.assign_claim) reach the
claims that say its phrases; other claims about the same issue say other words ("trails Clinton by 4
points in California", "a ban on Muslims entering the United States"). A logistic regression
(scikit-learn, deterministic solver) over the words of each claim and of the rest of its sentence
(TF-IDF of words and word pairs said in at least `MIN_DF` claims; English stop words and the words of
people's names out: who is not what about) is fitted on the claims the triggers assigned, each
labelled with its best-scored issue (issues with at least `MIN_PER_ISSUE` such claims). Every other
claim gets the issue it predicts when that issue is more likely than all the others together
(`MIN_PROBABILITY`) and some word of the claim speaks for it; the evidence given is ``learnt: `` and
those words (the most weighted first), the score is the probability. Same claims in, same issues out.
Hand-made taxonomies are left to their triggers alone.

Measured on PolNeAR train (bench/README.md): it takes the share of claims with an issue from 17 % to
35 %, and about half of the learnt issues fit their claim, as for the triggered ones.

>>> texts = ["council tax bills rise", "council tax is unfair", "the council tax burden", "ID cards are costly",
...          "ID cards database", "ID cards threaten liberty"] * 4 + ["bills rise again", "a costly database"]
>>> assigned = [[("council tax", "council tax", 0.5)] if "council" in t else [("ID cards", "ID cards", 0.5)]
...             if "ID" in t else [] for t in texts]
>>> [x[0][:2] for x in learn_issues(texts, assigned, min_df=1)[-2:]]
[('council tax', 'learnt: bills, rise, bills rise'), ('ID cards', 'learnt: costly, database')]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

MIN_PROBABILITY = 0.5   # an issue is learnt for a claim when more likely than all the others together
MIN_DF = 3              # words (and word pairs) said in fewer claims are not features
MIN_PER_ISSUE = 5       # an issue is learnt only from at least this many claims its triggers assigned
EVIDENCE_WORDS = 3      # words given as the evidence of a learnt issue


def assign_corpus(claims: Sequence[tuple[str, Sequence[str]]], taxonomy, exclude: Iterable[str] = ()) -> list[list[tuple]]:
    """(issue, triggers, score) lists for every claim of a corpus, given as (text, context) pairs (context: the
    rest of the claim's sentence, the sentence before): the taxonomy's triggers (graphkit.issues.assign_claim)
    and, for a discovered taxonomy, issues learnt for the claims that say none (`learn_issues`).
    ``exclude``: names whose words are no evidence (people's names)."""
    from .issues import assign_claim

    if taxonomy is None or not taxonomy.issues:
        return [[] for _ in claims]
    assigned = [assign_claim(text, context, taxonomy) for text, context in claims]
    if not taxonomy.discovered:
        return assigned
    texts = [f"{text} {(tuple(context) + ('',))[0]}" for text, context in claims]
    learnt = learn_issues(texts, assigned, exclude=exclude)
    return [a or b for a, b in zip(assigned, learnt)]


def learn_issues(texts: Sequence[str], assigned: Sequence[Sequence[tuple]], min_df: int = MIN_DF,
                 exclude: Iterable[str] = ()) -> list[list[tuple]]:
    """For each claim (its text and sentence, `texts`) that `assigned` gives no issue, ``[(issue, "learnt: words",
    probability)]`` or ``[]``; claims with issues get ``[]`` (theirs stand). Fewer than two issues with
    `MIN_PER_ISSUE` assigned claims: all ``[]``."""
    out: list[list[tuple]] = [[] for _ in texts]
    labels = {i: max(a, key=lambda x: (x[2], x[0]))[0] for i, a in enumerate(assigned) if a}
    counts = Counter(labels.values())
    classes = {n for n, c in counts.items() if c >= MIN_PER_ISSUE}
    todo = [i for i in range(len(texts)) if not assigned[i]]
    train = [i for i in sorted(labels) if labels[i] in classes]
    if len(classes) < 2 or not todo:
        return out
    import warnings

    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    stop = sorted(ENGLISH_STOP_WORDS | {w for x in exclude for w in re.findall(r"[a-z0-9]+", str(x).lower())})
    vec = TfidfVectorizer(min_df=min_df, stop_words=stop, ngram_range=(1, 2), sublinear_tf=True)
    model = LogisticRegression(C=4.0, max_iter=1000)
    with warnings.catch_warnings():
        # stop words the tokenizer would split (names); ConvergenceWarning on tiny corpora (the fit is still usable)
        warnings.simplefilter("ignore")
        try:
            X = vec.fit_transform(texts)
        except ValueError:  # no word said often enough
            return out
        model.fit(X[train], [labels[i] for i in train])
    P = model.predict_proba(X[todo])
    coef = model.coef_ if len(model.classes_) > 2 else np.vstack([-model.coef_[0], model.coef_[0]])
    words = vec.get_feature_names_out()
    for row, i in enumerate(todo):
        c = int(P[row].argmax())
        if P[row, c] < MIN_PROBABILITY:
            continue
        x = X[i]
        weight = x.data * coef[c, x.indices]
        top = [words[x.indices[j]] for j in np.argsort(-weight, kind="stable")[:EVIDENCE_WORDS] if weight[j] > 0]
        if not top:  # nothing the claim says speaks for the issue: the prior alone is no evidence
            continue
        out[i] = [(str(model.classes_[c]), "learnt: " + ", ".join(top), round(float(P[row, c]), 3))]
    return out
