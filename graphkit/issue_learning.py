"""Discovered issues for the claims that say none of their triggers, learnt from the claims that do.

A discovered issue's triggers (graphkit.discover, assigned by graphkit.issues.assign_claim) reach the
claims that say its phrases; other claims about the same issue say other words ("trails Clinton by 4
points in California", "a freeze on visas for foreign students"). A logistic regression
(scikit-learn, deterministic solver) over the words of each claim and of the rest of its sentence
(TF-IDF of words and word pairs said in at least `MIN_DF` claims; English stop words and the words of
people's names out: who is not what about) is fitted on the claims the triggers assigned, each
labelled with its best-scored issue (issues with at least `MIN_PER_ISSUE` such claims), each issue weighed
as much as the others together whatever its size (balanced class weights): what a claim's words say decides,
not how many claims the largest issue has. Every other
claim gets the issue it predicts when that issue is more likely than all the others together
(`MIN_PROBABILITY`) and some word of the claim speaks for it; the evidence given is ``learnt: `` and
those words (the most weighted first), the score is the probability. Same claims in, same issues out.
Hand-made taxonomies are left to their triggers alone. A build fits the model once
(`graphkit.kept.kept_issue_model`) and keeps it in the store as JSON (`IssueModel.to_json`), read back and applied
without scikit-learn; `graphkit.issue_model.assign_claims`, which gives every claim its issues, reads the claims by it
(`read_claims`).

Measured on PolNeAR train (bench/README.md): fitted without class weights, the largest issue's prior won
every vague claim ("general election" learnt for 2,300 claims its triggers never reached: "it rained today"
is "council tax" when most claims are), and none of the 20 learnt pairs of a strict audit fit; with balanced
weights the learnt issues are few (1-3 % of claims instead of 12-24 %).

>>> texts = ["council tax bills rise", "council tax is unfair", "the council tax burden", "ID cards are costly",
...          "ID cards database", "ID cards threaten liberty"] * 4 + ["bills rise again", "a costly database"]
>>> assigned = [[("council tax", "council tax", 0.5)] if "council" in t else [("ID cards", "ID cards", 0.5)]
...             if "ID" in t else [] for t in texts]
>>> [x[0][:2] for x in learn_issues(texts, assigned, min_df=1, order={"council tax": 0, "ID cards": 1})[-2:]]
[('council tax', 'learnt: bills, rise, bills rise'), ('ID cards', 'learnt: costly, database')]
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from .issue_evidence import LEARNT_EVIDENCE
from .stopwords import ENGLISH_STOP_WORDS

if TYPE_CHECKING:
    import numpy as np

MIN_PROBABILITY = 0.5   # an issue is learnt for a claim when more likely than all the others together
MIN_DF = 3              # words (and word pairs) said in fewer claims are not features
MIN_PER_ISSUE = 5       # an issue is learnt only from at least this many claims its triggers assigned
MAX_WEIGHTS = 3_000_000  # issues x terms: the fit keeps ~25 floats a weight (L-BFGS's history); more issues, fewer terms
EVIDENCE_WORDS = 3      # words given as the evidence of a learnt issue


def model_texts(claims: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """What the model reads of each (text, context) claim: its text and the rest of its own sentence."""
    return [f"{text} {(tuple(context) + ('',))[0]}" for text, context in claims]


def learn_issues(texts: Sequence[str], assigned: Sequence[Sequence[tuple]], min_df: int = MIN_DF,
                 exclude: Iterable[str] = (), *, order: dict[str, int]) -> list[list[tuple]]:
    """For each claim (its text and sentence, `texts`) that `assigned` gives no issue, ``[(issue, "learnt: words",
    probability)]`` or ``[]``; claims with issues get ``[]`` (theirs stand). Fewer than two issues with
    `MIN_PER_ISSUE` assigned claims: all ``[]``. `fit_issue_model` then `apply_issue_model`."""
    return apply_issue_model(fit_issue_model(texts, assigned, min_df=min_df, exclude=exclude, order=order), texts,
                             assigned)


@dataclass(frozen=True)
class IssueModel:
    """A fitted model as plain arrays: what `apply_issue_model` needs, without scikit-learn.

    ``terms``: the TF-IDF features (words and word pairs) in column order, ``idf`` their weights, ``stop``
    the words dropped before pairing (stop words and people's names), ``coef`` / ``intercept`` the
    logistic regression's (one row per class; two classes: sklearn's one row). Stored as JSON
    (`to_json` / `from_json`) with the discovered issues it was fitted for."""

    classes: tuple[str, ...]
    terms: tuple[str, ...]
    idf: "np.ndarray"
    coef: "np.ndarray"
    intercept: "np.ndarray"
    stop: frozenset[str]

    def to_json(self) -> str:
        """The model as JSON, written once: a build keeps it in the store and keys every article's kept issues by it
        (graphkit.kept.issues_state), 9 MB and ~0.04 CPU s a time on PolNeAR train+dev. A model read `from_json` has
        the text it was read from (what this writes: the arrays' bytes and the lists are read back as they were).

        >>> import numpy as np
        >>> m = IssueModel(("a", "b"), ("tax",), np.ones(1), np.zeros((2, 1)), np.zeros(2), frozenset({"the"}))
        >>> raw = m.to_json(); IssueModel.from_json(raw).to_json() is raw, m.to_json() is raw
        (True, True)
        """
        return self._json

    @cached_property
    def _json(self) -> str:
        return json.dumps({"classes": list(self.classes), "terms": list(self.terms), "stop": sorted(self.stop),
                           "idf": _b64(self.idf), "coef": _b64(self.coef), "intercept": _b64(self.intercept),
                           "shape": list(self.coef.shape)})

    @classmethod
    def from_json(cls, raw: str) -> "IssueModel":
        d = json.loads(raw)
        model = cls(tuple(d["classes"]), tuple(d["terms"]), _unb64(d["idf"]), _unb64(d["coef"]).reshape(d["shape"]),
                    _unb64(d["intercept"]), frozenset(d["stop"]))
        model.__dict__["_json"] = raw  # `to_json`'s text (frozen: a cached_property's own way in)
        return model

    @cached_property
    def column(self) -> dict[str, int]:
        return {t: j for j, t in enumerate(self.terms)}


def _b64(a) -> str:
    import numpy as np

    return base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode("ascii")


def _unb64(s: str):
    import numpy as np

    return np.frombuffer(base64.b64decode(s), dtype="<f8").copy()


TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern (`graphkit.issue_model.says_nothing` too)


@lru_cache(maxsize=1 << 15)  # a --workers build asks as each extraction arrives (graphkit.resolution.work_ahead)
def model_words(text: str) -> tuple[str, ...]:
    """The words the issue model reads of one of its texts (`model_texts`), in order: scikit-learn's default tokens
    of it lower-cased, as TF-IDF's own analyzer reads them (`fit_issue_model` hands it this) and as `model_features`
    does. Remembered: a build that fits the model reads each text twice, to fit and to apply.

    >>> model_words("Council Tax bills rose 5% a year")
    ('council', 'tax', 'bills', 'rose', 'year')
    """
    return tuple(TOKEN.findall(text.lower()))


#: modules scikit-learn imports whatever is used, and what of each it takes at import: the names of functions
#: (``from scipy.stats import rankdata``) that `import_sklearn` hands over as
#: `graphkit.standins.DeferredFunction` objects
DEFERRED_IMPORTS = {"pandas": (), "scipy.stats": ("rankdata", "gmean")}


def import_sklearn() -> bool:
    """Import what `fit_issue_model` uses of scikit-learn (TF-IDF and logistic regression), without pandas and
    SciPy's statistics, which it imports whatever is used; whether it was so (`graphkit.standins`).

    Every scikit-learn import runs ``sklearn.utils.fixes``, which imports ``scipy.stats`` and tries ``import pandas``,
    and ``sklearn.linear_model`` takes ``rankdata`` and ``gmean`` from ``scipy.stats`` (for scorers and a link
    function the fit does not call): about 1.2 of the 2.2 CPU s scikit-learn cost a build (bench/README.md,
    Scale). So while scikit-learn is imported, each module of `DEFERRED_IMPORTS` not loaded yet is a stand-in in
    ``sys.modules`` (`graphkit.standins.import_with_stand_ins`): the functions listed are imported when first
    called (and pickle as the real ones), a later ``import scipy.stats`` or ``import pandas`` is the real one, and
    scikit-learn's data-frame checks (which look in ``sys.modules`` when called) see pandas exactly when it is
    loaded. Those lists match scikit-learn 1.9; a version that asks more of them at import is imported again
    with the real modules (the CPU saved is lost, nothing else). Only when this is the process's one thread:
    `graphkit.build.warm_resolution` calls it before it starts its thread.

    >>> import sys
    >>> _ = import_sklearn(); "sklearn.linear_model" in sys.modules
    True
    >>> from graphkit.standins import StandIn
    >>> any(isinstance(sys.modules.get(m), StandIn) for m in DEFERRED_IMPORTS)
    False
    """
    import sys

    from .standins import import_with_stand_ins

    if "sklearn.linear_model" in sys.modules and "sklearn.feature_extraction.text" in sys.modules:
        return False
    return import_with_stand_ins(_import_sklearn_parts, DEFERRED_IMPORTS, package="sklearn")


def warm_fit() -> None:
    """Fit TF-IDF to two short texts and drop it: scikit-learn's first fit looks up, once a process, what data-frame
    libraries are installed (narwhals' scan of every installed package's entry points, ~0.01 CPU s), which
    `fit_issue_model` in a build's resolution then finds done (`graphkit.build.warm_resolution` calls it while the
    parse runs). No BLAS is used; nothing it fills depends on the texts.

    >>> warm_fit()
    """
    import_sklearn()
    from sklearn.feature_extraction.text import TfidfVectorizer

    TfidfVectorizer().fit_transform(["a first text", "a second text"])


def _import_sklearn_parts() -> None:
    import sklearn.feature_extraction.text  # noqa: F401
    import sklearn.linear_model  # noqa: F401


def fit_issue_model(texts: Sequence[str], assigned: Sequence[Sequence[tuple]], min_df: int = MIN_DF,
                    exclude: Iterable[str] = (), *, order: dict[str, int]) -> Optional[IssueModel]:
    """The logistic regression over TF-IDF of the claims `assigned` labels (each with its best-scored issue, issues
    with at least `MIN_PER_ISSUE` such claims), the vocabulary and idf over all `texts`; None when fewer than two
    issues qualify, no claim lacks an issue, or no word is said often enough.

    The vocabulary is the most frequent terms, at most `MAX_WEIGHTS` over the number of issues: L-BFGS keeps ~25
    floats a weight, so 397 issues of 14,927 terms (86,565 claims of one 5 MB article) took 1.3 GB for the fit
    alone. PolNeAR train's 221 issues of 11,653 terms are within it (its model is unchanged).

    ``order``: the issues' order (`graphkit.issue_model.issue_order`, the taxonomy's): the model's classes come in
    it, and a claim's issues scored alike label it with the first; what the display names are changes neither the fit
    nor its answers (the classes are fitted as their positions). Until the thirty-third pass of issue 14 both went by
    name:
    renaming one discovered issue ("federal judge" -> "U.S.-Mexico") moved 101 statements at the floor's margin."""
    from .issue_model import in_issue_order, issue_rank

    labels = {i: min(a, key=lambda x: (-x[2], issue_rank(x[0], order)))[0] for i, a in enumerate(assigned) if a}
    counts = Counter(labels.values())
    classes = in_issue_order([n for n, c in counts.items() if c >= MIN_PER_ISSUE], order)
    position = {n: k for k, n in enumerate(classes)}  # what the fit sees of an issue: never its name
    train = [i for i in sorted(labels) if labels[i] in position]
    if len(classes) < 2 or all(assigned):
        return None
    import warnings

    import numpy as np

    import_sklearn()  # without pandas and scipy.stats; nothing to do when the build's warm-up thread did it
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    stop = sorted(ENGLISH_STOP_WORDS | {w for x in exclude for w in re.findall(r"[a-z0-9]+", str(x).lower())})
    vec = TfidfVectorizer(min_df=min_df, stop_words=stop, ngram_range=(1, 2), sublinear_tf=True, lowercase=False,
                          tokenizer=model_words, token_pattern=None, max_features=MAX_WEIGHTS // len(classes))
    lr = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced")
    # One BLAS thread: L-BFGS works on vectors too small for OpenBLAS's threads, which spin and fight the
    # parse for the cores (PolNeAR dev: 1.7-4.5 CPU s with two threads, 0.16 s with one; the same issues).
    with warnings.catch_warnings(), threadpool_limits(1):
        # stop words the tokenizer would split (names); ConvergenceWarning on tiny corpora (the fit is still usable)
        warnings.simplefilter("ignore")
        try:
            X = vec.fit_transform(texts)
        except ValueError:  # no word said often enough
            return None
        lr.fit(X[train], [position[labels[i]] for i in train])
    coef = lr.coef_ if len(lr.classes_) > 2 else np.vstack([-lr.coef_[0], lr.coef_[0]]) / 2
    intercept = lr.intercept_ if len(lr.classes_) > 2 else np.array([-lr.intercept_[0], lr.intercept_[0]]) / 2
    return IssueModel(tuple(classes[int(k)] for k in lr.classes_), tuple(vec.get_feature_names_out()), vec.idf_,
                      coef, intercept, frozenset(stop))


def model_features(model: IssueModel, text: str) -> tuple[list[int], list[float]]:
    """A text's TF-IDF row as TfidfVectorizer(sublinear_tf, l2) computes it: (columns, values), in the order the
    words and then the word pairs first occur (ties between equally weighted evidence words go to the first said).

    >>> import numpy as np
    >>> m = IssueModel(("tax", "cards"), ("council", "council tax", "tax"), np.ones(3), np.zeros((2, 3)), np.zeros(2),
    ...                frozenset({"the"}))
    >>> cols, vals = model_features(m, "the council tax")
    >>> [m.terms[j] for j in cols], [round(float(v), 3) for v in vals]
    (['council', 'tax', 'council tax'], [0.577, 0.577, 0.577])
    """
    words = [w for w in model_words(text) if w not in model.stop]
    grams = Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])
    col = model.column
    row = [(col[g], (1.0 + math.log(n)) * model.idf[col[g]]) for g, n in grams.items() if g in col]
    norm = math.sqrt(math.fsum(v * v for _, v in row))
    return [j for j, _ in row], [v / norm for _, v in row] if norm else []


def apply_issue_model(model: Optional[IssueModel], texts: Sequence[str], assigned: Sequence[Sequence[tuple]]) -> list[list[tuple]]:
    """For each claim `assigned` gives no issue, the issue `model` predicts when it is more likely than all the
    others together (`MIN_PROBABILITY`) and some word of the claim speaks for it: ``[(issue, "learnt: words",
    probability)]``, else ``[]``; claims with issues get ``[]``. Each claim's answer depends on its text alone."""
    return read_claims(model, texts, assigned)[0]


def read_claims(model: Optional["IssueModel"], texts: Sequence[str], assigned: Sequence[Sequence[tuple]]
                ) -> tuple[list[list[tuple]], list]:
    """One pass of `model` over the claims `assigned` gives no issue: (each claim's learnt issue as
    `apply_issue_model` gives it, each claim's {issue: probability} by what it says, else None). A claim that says
    none of the model's words gets neither: its article alone decides (`graphkit.issue_model.article_offers`). The
    model is read once per claim (it was read twice, once for each list)."""
    learnt: list[list[tuple]] = [[] for _ in texts]
    likely: list = [None] * len(texts)
    if model is None:
        return learnt, likely
    for i, text in enumerate(texts):
        if assigned[i]:
            continue
        said = _class_probabilities(model, text)
        if said is None:
            continue
        learnt[i] = _learnt(model, *said)
        likely[i] = dict(zip(model.classes, said[2].tolist()))
    return learnt, likely


def _class_probabilities(model: "IssueModel", text: str):
    """(feature columns, their values, each class's probability) for one claim's text, or None when it says none
    of the model's words: the one home of the model's arithmetic (`read_claims`)."""
    import numpy as np

    cols, vals = model_features(model, text)
    if not cols:
        return None
    x = np.array(vals)
    z = model.coef[:, cols] @ x + model.intercept
    p = np.exp(z - z.max())
    p /= p.sum()
    return cols, x, p

def _learnt(model: IssueModel, cols: list[int], x, p) -> list[tuple]:
    """``[(issue, "learnt: words", probability)]`` for one claim's features and class probabilities
    (`_class_probabilities`) when its likeliest issue is more likely than all the others together and some word of
    the claim speaks for it, else ``[]``."""
    import numpy as np

    c = int(p.argmax())
    if p[c] < MIN_PROBABILITY:
        return []
    weight = x * model.coef[c, cols]
    # rounded: words weighed alike up to float noise are a tie, given in the order said (`model_features`)
    top = [model.terms[cols[j]] for j in np.argsort(-np.round(weight, 9), kind="stable")[:EVIDENCE_WORDS] if weight[j] > 0]
    # nothing the claim says speaks for the issue: the prior alone is no evidence
    return [(model.classes[c], LEARNT_EVIDENCE + ", ".join(top), round(float(p[c]), 3))] if top else []
