"""The one home of why a test of scikit-learn's stand-ins skips (test_issue_model.py, test_discover.py): the
stand-ins of `graphkit.issue_learning.import_sklearn` are written for one scikit-learn; a newer one that asks more of
them at import is imported whole, correct but without the saving, and a test of the saving says so and skips.
"""

from __future__ import annotations

import pytest

#: why a test of the stand-ins' saving skips: the installed scikit-learn is not the one they were written for
NEWER_SKLEARN = ("scikit-learn {} asks more at import than graphkit.issue_learning.DEFERRED_IMPORTS gives (written for "
                 "1.9): it was imported with the real pandas and scipy.stats, correct but without the ~1 CPU s "
                 "saving; see what it asks (graphkit.standins.Attempt.touched) and update DEFERRED_IMPORTS")


def skip_unless_kept(kept: bool) -> None:
    """Skip the calling test, saying why (`NEWER_SKLEARN`), unless ``kept``: scikit-learn was imported with the
    stand-ins (what `import_sklearn` returns).

    >>> skip_unless_kept(True)   # the stand-ins were used: the test goes on
    """
    if not kept:
        import sklearn

        pytest.skip(NEWER_SKLEARN.format(sklearn.__version__))
