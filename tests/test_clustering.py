"""graphkit.clustering gives scikit-learn's AgglomerativeClustering(metric="cosine", linkage="average") labels, label
for label, on a table of inputs: random rows, rows with ties (duplicates, equidistant directions, all alike), sparse
non-negative rows like discovery's phrase vectors, and every number of clusters from 1 to n;\na number outside that range is refused, as scikit-learn refuses it."""

from __future__ import annotations

import numpy as np
import pytest

from graphkit.clustering import average_link_labels


def _rows(kind: str, seed: int) -> np.ndarray:
    rnd = np.random.default_rng(seed)
    if kind == "random":
        return rnd.normal(size=(rnd.integers(2, 40), rnd.integers(1, 8)))
    if kind == "phrase-like":  # non-negative, mostly zero, as `graphkit.phrase_groups.phrase_vectors`
        n = rnd.integers(2, 60)
        X = rnd.integers(0, 4, size=(n, 30)) * (rnd.random((n, 30)) < 0.2)
        X[:, rnd.integers(0, 30)] += 1  # no row all zero
        return np.log1p(X)
    if kind == "duplicates":  # many equal distances: ties between pairs to merge
        base = rnd.integers(0, 3, size=(4, 3)).astype(float) + 0.5
        return base[rnd.integers(0, 4, size=rnd.integers(3, 20))]
    if kind == "equidistant":  # unit axes: every pair at cosine distance 1
        return np.eye(rnd.integers(2, 12))
    if kind == "alike":  # every row the same direction: every distance 0
        return np.outer(rnd.integers(1, 5, size=rnd.integers(2, 10)), [1.0, 2.0, 3.0])
    if kind == "integers":  # small integer counts: exact ties of averaged distances
        return rnd.integers(0, 3, size=(rnd.integers(3, 25), 4)).astype(float) + np.eye(1, 4)
    raise ValueError(kind)


CASES = [(kind, seed) for kind in ("random", "phrase-like", "duplicates", "equidistant", "alike", "integers")
         for seed in range(8)]


@pytest.mark.parametrize("kind,seed", CASES)
def test_labels_are_scikit_learns(kind, seed):
    from sklearn.cluster import AgglomerativeClustering

    X = _rows(kind, seed)
    assert (np.linalg.norm(X, axis=1) > 0).all()
    for k in range(1, len(X) + 1):
        expected = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit(X).labels_
        assert average_link_labels(X, k).tolist() == expected.tolist(), (kind, seed, k)


_DISCOVER = """
import sys
sys.path.insert(0, sys.argv[1])
from discover_corpora import FILLER, TOPIC_WORDS, topic_corpus
from graphkit.discover import discover_issues
print(len(discover_issues(topic_corpus(40, TOPIC_WORDS, FILLER), n_issues=4)["issues"]), "sklearn" in sys.modules)
"""


def test_discovery_imports_no_scikit_learn():
    """Grouping phrases into issues needs SciPy's clustering alone; scikit-learn is for fitting the issue model."""
    import subprocess
    import sys

    from checkout_paths import ROOT

    r = subprocess.run([sys.executable, "-c", _DISCOVER, str(ROOT / "tests")], capture_output=True, text=True,
                       check=True, cwd=ROOT)
    assert r.stdout.split() == ["4", "False"], r.stdout + r.stderr


@pytest.mark.parametrize("k", [0, -1, 5])
def test_a_number_of_clusters_outside_one_to_rows_is_refused(k):
    with pytest.raises(ValueError, match="cannot cut 4 rows"):
        average_link_labels(np.eye(4), k)
