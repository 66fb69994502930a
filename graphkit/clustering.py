"""Average-link clustering over cosine distance, as scikit-learn's AgglomerativeClustering gives it, from SciPy.

Issue discovery (`graphkit.discover.group_phrases`) groups topical phrases with
``AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average")``. Without a connectivity matrix
scikit-learn builds the full tree with SciPy itself (``scipy.cluster.hierarchy.linkage(X, method="average",
metric="cosine")``, in ``sklearn.cluster._agglomerative.linkage_tree``) and cuts it into ``k`` clusters with its
``_hc_cut``. `average_link_labels` makes the same SciPy call and the same cut, so its labels are scikit-learn's
(tests/test_clustering.py checks it on a table of inputs, ties among them) without importing scikit-learn: about
1 CPU s of imports (SciPy's statistics and pandas, which scikit-learn loads whatever is used) against 0.3 for
SciPy's clustering. A build imports scikit-learn only to fit the issue model (`graphkit.issue_model`).

>>> import numpy as np
>>> average_link_labels(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]), 2).tolist()
[1, 1, 0, 0]
"""

from __future__ import annotations

from heapq import heappush, heappushpop
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def average_link_labels(X: "np.ndarray", k: int) -> "np.ndarray":
    """Cluster labels (0 .. ``k`` - 1) of the rows of ``X`` (at least two, none all zero) by average-link
    clustering over cosine distance: ``AgglomerativeClustering(n_clusters=k, metric="cosine",
    linkage="average").fit(X).labels_``."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage

    n = len(X)
    children = linkage(np.asarray(X, dtype=np.float64), method="average", metric="cosine")[:, :2].astype(int)
    return _cut(children, n, k)


def _cut(children, n: int, k: int) -> "np.ndarray":
    """scikit-learn's ``_hc_cut``: from the root, split the cluster made last (the highest node) until there are
    ``k``; each cluster's label is its place in the heap of nodes left."""
    import numpy as np

    nodes = [-(max(children[-1]) + 1)]  # negated: heapq's smallest is the node made last
    for _ in range(k - 1):
        a, b = children[-nodes[0] - n]
        heappush(nodes, -a)
        heappushpop(nodes, -b)
    labels = np.zeros(n, dtype=np.intp)
    for i, node in enumerate(nodes):
        labels[_leaves(-node, children, n)] = i
    return labels


def _leaves(node: int, children, n: int) -> list[int]:
    """The rows under ``node`` of the tree (``children[i - n]``: the two merged into node ``i``)."""
    out, todo = [], [node]
    while todo:
        i = todo.pop()
        if i < n:
            out.append(i)
        else:
            todo.extend(children[i - n])
    return out
