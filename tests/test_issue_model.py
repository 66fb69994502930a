"""The issue model's inference (graphkit.issue_learning: numpy over the arrays a build keeps) gives what scikit-learn's
fitted TfidfVectorizer and LogisticRegression give, so that a kept model, applied without scikit-learn, assigns
the issues the fit would have: a table of claims, each read both ways, for a model of two issues (scikit-learn's
binary form, one row of weights) and of three (one row per issue).
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn_standins import skip_unless_kept

from graphkit.issue_learning import (IssueModel, _class_probabilities, model_features, TOKEN, fit_issue_model,
                                     MAX_WEIGHTS)

TRAIN = {
    2: [("council tax bills rise in April", "council tax"), ("the council tax is unfair on pensioners", "council tax"),
        ("council tax burden grows", "council tax"), ("ID cards are costly", "ID cards"),
        ("ID cards database is dangerous", "ID cards"), ("ID cards threaten liberty and privacy", "ID cards")] * 3,
    3: [("council tax bills rise in April", "council tax"), ("the council tax is unfair on pensioners", "council tax"),
        ("council tax burden grows", "council tax"), ("ID cards are costly", "ID cards"),
        ("ID cards database is dangerous", "ID cards"), ("ID cards threaten liberty and privacy", "ID cards"),
        ("rail fares go up in January", "rail fares"), ("rail fares hit commuters", "rail fares"),
        ("commuters pay more for rail fares", "rail fares")] * 3,
}
UNLABELLED = ["bills rise again", "a costly database", "pensioners and commuters", "the weather was fine"]

CLAIMS = [
    "bills rise again",                        # one issue's words
    "a costly database",
    "bills bills bills rise",                  # a word said three times: sublinear tf (1 + log 3)
    "Bills RISE, again!",                      # case and punctuation
    "rise bills",                              # the same words, the other pair
    "pensioners and commuters",                # words of two issues
    "costly costly database database",         # two words weighed alike: a tie
    "fares and bills and cards",               # stop words between: pairs of the words left
    "Tom Jones said bills rise",               # a person's name is no evidence (excluded)
    "council tax ID cards rail fares",         # every issue's own words
    "the weather was fine",                    # no word of the model: no probabilities
    "",
]


def _sklearn_fit(n_issues: int):
    """The model graphkit fits, and scikit-learn's own vectorizer and regression fitted the same way."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = TRAIN[n_issues]
    texts = [t for t, _ in train] + UNLABELLED
    assigned = [[(issue, issue, 0.5)] for _, issue in train] + [[] for _ in UNLABELLED]
    # scikit-learn's classes come in sorted order: the taxonomy's order here, so that the two fits compare row by row
    order = {name: k for k, name in enumerate(sorted({issue for _, issue in train}))}
    model = fit_issue_model(texts, assigned, min_df=1, exclude=["Tom Jones"], order=order)
    vec = TfidfVectorizer(min_df=1, stop_words=sorted(model.stop), ngram_range=(1, 2), sublinear_tf=True,
                          token_pattern=TOKEN.pattern, max_features=MAX_WEIGHTS // n_issues)
    X = vec.fit_transform(texts)
    lr = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced").fit(X[:len(train)], [i for _, i in train])
    return model, vec, lr


@pytest.fixture(scope="module", params=[2, 3])
def fitted(request):
    return _sklearn_fit(request.param)


def test_the_kept_model_is_scikit_learns_fit(fitted):
    model, vec, lr = fitted
    assert model.classes == tuple(lr.classes_)
    assert model.terms == tuple(vec.get_feature_names_out())
    assert np.array_equal(model.idf, vec.idf_)
    binary = len(model.classes) == 2  # scikit-learn's one row w for two classes is the softmax of (-w/2, w/2)
    coef = np.vstack([-lr.coef_[0], lr.coef_[0]]) / 2 if binary else lr.coef_
    intercept = np.array([-lr.intercept_[0], lr.intercept_[0]]) / 2 if binary else lr.intercept_
    assert np.array_equal(model.coef, coef) and np.array_equal(model.intercept, intercept)
    restored = IssueModel.from_json(model.to_json())  # what a build keeps in the store and reads back
    assert (restored.classes, restored.terms, restored.stop) == (model.classes, model.terms, model.stop)
    for a, b in ((restored.idf, model.idf), (restored.coef, model.coef), (restored.intercept, model.intercept)):
        assert np.array_equal(a, b)


@pytest.mark.parametrize("claim", CLAIMS)
def test_inference_gives_scikit_learns_features_and_probabilities(fitted, claim):
    model, vec, lr = fitted
    row = vec.transform([claim])
    cols, vals = model_features(model, claim)
    assert sorted(cols) == sorted(row.indices.tolist())
    assert np.allclose([row[0, j] for j in cols], vals, rtol=1e-12, atol=0)
    said = _class_probabilities(model, claim)
    if not cols:
        assert said is None  # it says none of the model's words: the model is not asked
        return
    p = said[2]
    expected = lr.predict_proba(row)[0]
    assert np.allclose(p, expected, rtol=1e-9, atol=1e-12)
    assert int(p.argmax()) == int(expected.argmax())


IMPORT_CHECK = r"""
import json, sys
import numpy as np
from graphkit.issue_learning import import_sklearn, fit_issue_model
loaded = lambda: sorted(m for m in ("pandas", "scipy.stats") if m in sys.modules)
kept = import_sklearn()
after_import = loaded()
texts = ["council tax bills rise", "council tax is unfair", "ID cards are costly", "ID cards database",
         "rail fares go up", "rail fares hit commuters"] * 3 + ["bills rise again"]
assigned = [[(t.split()[0] + " x", "t", 0.5)] for t in texts[:-1]] + [[]]
model = fit_issue_model(texts, assigned, min_df=1, order={"council x": 0, "ID x": 1, "rail x": 2})
after_fit = loaded()
import scipy.stats
from sklearn.metrics import roc_auc_score   # ranks with the rankdata scikit-learn took from scipy.stats
print(json.dumps([kept, after_import, after_fit, model is not None, type(scipy.stats).__name__,
                  roc_auc_score([0, 1, 1], [0.1, 0.9, 0.4]), float(scipy.stats.gmean([1, 4]))]))
"""

def test_scikit_learn_is_imported_without_pandas_and_scipy_stats():
    """A build imports scikit-learn for the issue model's fit without pandas and ``scipy.stats``, which it loads
    whatever is used (`import_sklearn`: ~1.2 CPU s of a dev build); the fit does not need them, and what
    scikit-learn took of them (``rankdata``, ``gmean``) still works afterwards, the real modules loaded then.
    With a scikit-learn that asks more of them at import (CI installs the newest), the fit and the functions work
    the same and the saving alone is lost: the test says so and skips."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", IMPORT_CHECK], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    kept, after_import, after_fit, *works = json.loads(out.stdout)
    assert works == [True, "module", 1.0, 2.0]
    skip_unless_kept(kept)
    assert (after_import, after_fit) == ([], [])


THREAD_CHECK = r"""
import json, sys, threading
from graphkit.issue_learning import import_sklearn
from graphkit.standins import DeferredFunction, StandIn
other = sys.argv[1] == "True"
stop = threading.Event()
if other:
    threading.Thread(target=stop.wait, daemon=True).start()
kept = import_sklearn()
stop.set()
held = any(isinstance(v, (StandIn, DeferredFunction)) for n, m in list(sys.modules.items())
           if n.split(".")[0] == "sklearn" for v in list(vars(m).values()))
print(json.dumps([kept, held, sorted(n for n, m in sys.modules.items() if isinstance(m, StandIn))]))
"""


# whether another thread runs -> whether the stand-ins were used, whether scikit-learn holds any (pandas as ``pd``,
# the functions it took), and the stand-ins left in sys.modules (never any)
@pytest.mark.parametrize("other,kept,held", [
    # another thread would see stand-ins in sys.modules (its ``import pandas``, its find_spec): scikit-learn as it is
    (True, False, False),
    # the process's one thread: with them
    (False, True, True),
])
def test_the_stand_ins_are_used_only_by_the_processs_one_thread(other, kept, held):
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", THREAD_CHECK, str(other)], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    got_kept, got_held, left = json.loads(out.stdout)
    assert left == []
    if not other:
        skip_unless_kept(got_kept)
    assert (got_kept, got_held) == (kept, held)


SCAN_CHECK = r"""
import importlib.metadata, json, sys
from graphkit.build import warm_resolution
from graphkit.issue_learning import fit_issue_model, import_sklearn
if sys.argv[1] == "True":
    warm_resolution(issue_model=True).join()
else:
    import_sklearn()
scans = []
real = importlib.metadata.entry_points
importlib.metadata.entry_points = lambda *a, **k: scans.append(k) or real(*a, **k)
texts = ["council tax bills rise", "council tax is unfair", "council tax grows", "ID cards are costly",
         "ID cards database", "ID cards threaten liberty"] * 2 + ["the weather was fine"]
model = fit_issue_model(texts, ([[("tax", "t", 1.0)]] * 3 + [[("cards", "t", 1.0)]] * 3) * 2 + [[]], min_df=1,
                        order={"tax": 0, "cards": 1})
print(json.dumps([model is not None, len(scans)]))
"""


@pytest.mark.parametrize("warmed, scans", [
    (True, 0),   # the build's warm-up made scikit-learn's first fit while the parse ran (`warm_fit`)
    (False, 1),  # else the resolution's fit scans every installed package's entry points (narwhals' plugins)
])
def test_the_warm_up_leaves_the_fit_no_entry_point_scan(warmed, scans):
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", SCAN_CHECK, str(warmed)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [True, scans]


def test_the_fit_and_its_application_read_the_words_of_one_home(monkeypatch):
    """TF-IDF's fit and `model_features` both read a text's words as `model_words` gives them (remembered: a build that
    fits the model, and a --workers build's arrivals, work each text's words out once)."""
    import graphkit.issue_learning as il

    texts = [t for t, _ in TRAIN[2]] + UNLABELLED
    assigned = [[(issue, issue, 0.5)] for _, issue in TRAIN[2]] + [[] for _ in UNLABELLED]
    order = {"council tax": 0, "ID cards": 1}
    model = fit_issue_model(texts, assigned, min_df=1, order=order)
    assert "bills" in model.terms and model.column["bills"] in model_features(model, "bills rise again")[0]
    monkeypatch.setattr(il, "model_words", lambda t: tuple(w for w in TOKEN.findall(t.lower()) if w != "bills"))
    assert "bills" not in fit_issue_model(texts, assigned, min_df=1, order=order).terms  # the fit reads them
    assert model.column["bills"] not in model_features(model, "bills rise again")[0]  # and so does its application


#: the names three discovered issues (patterns: council tax, ID cards, rail fares; the taxonomy's order) are given:
#: as discovered, and renamed so that their order by name is another (a tie broken by name goes elsewhere), and
#: one renaming that keeps it (a control)
RENAMES = [
    ("council tax", "ID cards", "rail fares"),
    ("Zebra crossing", "Mango tax", "Apple fares"),
    ("alpha", "beta", "gamma"),
]
PATTERNS = (["council tax", "pensioners"], ["ID cards", "civil liberties"], ["rail fares", "commuters"])


def _discovered(names):
    from graphkit.issues import taxonomy_from_data

    return taxonomy_from_data({"issues": [{"name": n, "patterns": p} for n, p in zip(names, PATTERNS)]}, "x",
                              origin="discovered")


@pytest.mark.parametrize("names", RENAMES)
def test_a_tie_between_an_articles_issues_goes_to_the_first_in_the_taxonomy_whatever_their_names(names):
    """A claim with no issue of its own takes its article's; two issues its article's votes hold alike (one claim
    saying both, as firmly) go to the first in the taxonomy (`graphkit.issue_model.issue_order`), not the first by
    name: renaming an issue moves no claim."""
    from graphkit.issue_model import assign_claims

    claims = [("council tax and ID cards cost us all", ()), ("nobody asked us", ())]
    got, _ = assign_claims(claims, _discovered(names), articles=["a", "a"], learn=False, min_share=0.0)
    assert sorted(x[0] for x in got[0]) == sorted(names[:2])
    assert [x[:2] for x in got[1]] == [(names[0], "(article)")]


@pytest.mark.parametrize("names", RENAMES)
def test_an_article_no_claim_of_which_votes_takes_the_first_of_its_likeliest_issues_in_the_taxonomy(names):
    """An article none of whose claims votes is offered the issue its claims' words make likeliest
    (`graphkit.issue_model.article_likeliest`); two alike go to the first in the taxonomy's order."""
    from graphkit.issue_model import from_article, issue_order

    likely = [{names[1]: 0.4, names[0]: 0.4, names[2]: 0.2}, None]
    got = from_article([[], []], ["a", "a"], likely, min_share=0.0, order=issue_order(_discovered(names)))
    assert [x[:2] for x in got[0]] == [(names[0], "(article)")]


def _fit_named(names):
    """The issue model fitted on `TRAIN`'s three issues called ``names`` (and a claim saying two of them alike, four
    times: labelled with one of them), in the discovered taxonomy's order."""
    from graphkit.issue_model import issue_order

    call = dict(zip(("council tax", "ID cards", "rail fares"), names))
    texts = [t for t, _ in TRAIN[3]] + ["council tax and ID cards both"] * 4 + UNLABELLED
    assigned = ([[(call[i], i, 0.5)] for _, i in TRAIN[3]] + [[(names[1], "ID cards", 0.5), (names[0], "t", 0.5)]] * 4
                + [[] for _ in UNLABELLED])
    return fit_issue_model(texts, assigned, min_df=1, order=issue_order(_discovered(names)))


@pytest.mark.parametrize("names", RENAMES)
def test_the_learnt_model_is_the_same_whatever_the_issues_are_called(names):
    """The model's classes come in the taxonomy's order and a claim's issues scored alike label it with the first:
    fitted on issues renamed, its weights are the same to the bit (`fit_issue_model`'s ``order``)."""
    model, named = _fit_named(RENAMES[0]), _fit_named(names)
    assert named.classes == names
    assert np.array_equal(named.coef, model.coef) and np.array_equal(named.intercept, model.intercept)


@pytest.mark.parametrize("names", RENAMES)
def test_renaming_a_discovered_issue_moves_no_claim(names):
    """Through `assign_claims` (triggers, the learnt model, the articles' offers and the floor chosen on them): the
    issues renamed, every claim has the same issues, by their new names, scores and evidence alike."""
    from graphkit.issue_model import assign_claims

    call = dict(zip(RENAMES[0], names))
    texts = [t for t, _ in TRAIN[3]] + ["council tax and ID cards both"] * 4 + UNLABELLED + CLAIMS[:8]
    claims = [(t, ()) for t in texts]
    articles = [f"d{k // 5}" for k in range(len(claims))]
    before, floor = assign_claims(claims, _discovered(RENAMES[0]), articles=articles)
    after, floor_after = assign_claims(claims, _discovered(names), articles=articles)
    assert floor_after == floor
    assert after == [[(call[x[0]], *x[1:]) for x in a] for a in before]


@pytest.mark.parametrize("names", RENAMES)
def test_a_builds_issue_model_comes_in_the_taxonomys_order(names):
    """The model a build fits and keeps with its discovered issues (`graphkit.kept.kept_issue_model`) has its classes
    in the taxonomy's order, whatever the issues are called."""
    from graphkit.kept import kept_issue_model

    said = {"d1": [(t, ()) for t, _ in TRAIN[3]], "d2": [(t, ()) for t in UNLABELLED]}
    model, _, _ = kept_issue_model(None, said, _discovered(names), exclude=(), refit=True)
    assert model.classes == names


#: every function that breaks ties between issues or orders a model's classes, called without the taxonomy's order:
#: (its module's name and its own, arguments). They fell back to name order, under which renaming an issue moved
#: claims; every build path gives the order (`issue_order`), and now every caller must.
UNORDERED_CALLS = [
    ("graphkit.issue_learning.fit_issue_model", (["tax rise"] * 3 + ["ID cards"] * 3 + ["weather"],
                                                 [[("tax", "t", 0.5)]] * 3 + [[("ID", "t", 0.5)]] * 3 + [[]])),
    ("graphkit.issue_learning.learn_issues", (["tax rise"] * 3 + ["ID cards"] * 3 + ["weather"],
                                              [[("tax", "t", 0.5)]] * 3 + [[("ID", "t", 0.5)]] * 3 + [[]])),
    ("graphkit.issue_model.article_offers", ([[("tax", "t", 0.5)], []], ["a", "a"])),
    ("graphkit.issue_model.from_article", ([[("tax", "t", 0.5)], []], ["a", "a"])),
    ("graphkit.issue_model.article_likeliest", ([[], []], [0, 1], [{"tax": 0.5, "ID": 0.5}, None])),
    ("graphkit.issue_model.in_issue_order", (["tax", "ID"],)),
]


@pytest.mark.parametrize("name,args", UNORDERED_CALLS, ids=[n.rsplit(".", 1)[1] for n, _ in UNORDERED_CALLS])
def test_the_issue_order_is_given_not_fallen_back_on(name, args):
    import importlib

    module, function = name.rsplit(".", 1)
    with pytest.raises(TypeError, match="order"):
        getattr(importlib.import_module(module), function)(*args)
