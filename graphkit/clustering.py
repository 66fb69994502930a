"""Average-link clustering over cosine distance, as scikit-learn's AgglomerativeClustering gives it, from SciPy.

Issue discovery (`graphkit.phrase_groups.group_phrases`) groups topical phrases with
``AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average")``. Without a connectivity matrix
scikit-learn builds the full tree with SciPy itself (``scipy.cluster.hierarchy.linkage(X, method="average",
metric="cosine")``, in ``sklearn.cluster._agglomerative.linkage_tree``) and cuts it into ``k`` clusters with its
``_hc_cut``. `average_link_labels` makes the same SciPy call and the same cut, so its labels are scikit-learn's
(tests/test_clustering.py checks it on a table of inputs, ties among them) without importing scikit-learn: about
1 CPU s of imports (SciPy's statistics and pandas, which scikit-learn loads whatever is used) against 0.3 for
SciPy's clustering. A build imports scikit-learn only to fit the issue model (`graphkit.issue_learning`).

>>> import numpy as np
>>> average_link_labels(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]), 2).tolist()
[1, 1, 0, 0]
"""

# `_cut` is scikit-learn's ``_hc_cut`` (sklearn/cluster/_agglomerative.py); its licence, which this notice keeps:
#
# BSD 3-Clause License
#
# Copyright (c) 2007-2026 The scikit-learn developers.
# All rights reserved.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions are met:
#
# * Redistributions of source code must retain the above copyright notice, this
#   list of conditions and the following disclaimer.
#
# * Redistributions in binary form must reproduce the above copyright notice,
#   this list of conditions and the following disclaimer in the documentation
#   and/or other materials provided with the distribution.
#
# * Neither the name of the copyright holder nor the names of its
#   contributors may be used to endorse or promote products derived from
#   this software without specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
# AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
# DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
# SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
# CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
# OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
# OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

from __future__ import annotations

from heapq import heappush, heappushpop
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def average_link_labels(X: "np.ndarray", k: int) -> "np.ndarray":
    """Cluster labels (0 .. ``k`` - 1) of the rows of ``X`` (at least two, none all zero) by average-link
    clustering over cosine distance: ``AgglomerativeClustering(n_clusters=k, metric="cosine",
    linkage="average").fit(X).labels_``. A ``k`` outside 1 .. rows is a ValueError, as in scikit-learn.

    >>> import numpy as np
    >>> average_link_labels(np.eye(3), 3).tolist(), average_link_labels(np.eye(3), 1).tolist()
    ([2, 1, 0], [0, 0, 0])
    """
    n = len(X)
    if not 1 <= k <= n:
        raise ValueError(f"cannot cut {n} rows into {k} clusters: k must be between 1 and the number of rows")
    return _cut(average_link_children(X), n, k)


def average_link_children(X: "np.ndarray") -> "np.ndarray":
    """The average-link tree over cosine distance of the rows of ``X`` (at least two, none all zero), as SciPy's
    ``linkage`` gives it: row ``j`` holds the two nodes merged into node ``n + j`` (a node below ``n`` is a row of
    ``X``), the last row the root.

    >>> import numpy as np
    >>> average_link_children(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])).tolist()
    [[0, 1], [2, 3]]
    """
    import numpy as np
    from scipy.cluster.hierarchy import linkage

    return linkage(np.asarray(X, dtype=np.float64), method="average", metric="cosine")[:, :2].astype(int)


def _cut(children, n: int, k: int) -> "np.ndarray":
    """scikit-learn's ``_hc_cut``: from the root, split the cluster made last (the highest node) until there are
    ``k``; each cluster's label is its place in the heap of nodes left.

    >>> import numpy as np   # four leaves: node 4 joins 0 and 1, node 5 joins 2 and 3, node 6 (the root) 4 and 5
    >>> children = np.array([[0, 1], [2, 3], [4, 5]])
    >>> _cut(children, 4, 2).tolist(), _cut(children, 4, 3).tolist()
    ([1, 1, 0, 0], [0, 0, 2, 1])
    """
    import numpy as np

    labels = np.zeros(n, dtype=np.intp)
    for i, node in enumerate(cut_nodes(children, n, k)):
        labels[subtree_leaves(node, children, n)] = i
    return labels


def cut_nodes(children, n: int, k: int) -> list[int]:
    """The ``k`` nodes of the tree `_cut` cuts it into (from the root, the node made last split first), in the
    order of its heap (their labels).

    >>> cut_nodes([[0, 1], [2, 3]], 3, 2)
    [3, 2]
    """
    nodes = [-(max(children[-1]) + 1)]  # negated: heapq's smallest is the node made last
    for _ in range(k - 1):
        a, b = children[-nodes[0] - n]
        heappush(nodes, -a)
        heappushpop(nodes, -b)
    return [-x for x in nodes]


def subtree_leaves(node: int, children, n: int) -> list[int]:
    """The rows under ``node`` of the tree (``children[i - n]``: the two merged into node ``i``)."""
    out, todo = [], [node]
    while todo:
        i = todo.pop()
        if i < n:
            out.append(i)
        else:
            todo.extend(children[i - n])
    return out
