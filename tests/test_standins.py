"""Imports with stand-ins (graphkit.standins) on a scikit-learn or a spaCy that is not the one they were written for.

Each case runs in a fresh Python with a made-up ``sklearn`` (or ``spacy``) first on the path, laid out as the real
one is where graphkit's stand-ins meet it: ``sklearn.utils.fixes`` imports ``scipy.stats`` and tries pandas, and
``sklearn.linear_model`` takes ``rankdata`` and ``gmean`` from ``scipy.stats``, then does what the case says at
import time. The stand-ins must either do (nothing else asked of them: neither module loaded by the import, the
functions taken work and pickle as the real ones) or leave no trace: the import done again with the real modules,
nothing in any module a stand-in."""

import json
import subprocess
import sys
import textwrap

import pytest

FIXES = """
import scipy.stats
try:
    import pandas as pd
except ImportError:
    pd = None
"""

CHECK = r"""
import json, pickle, sys, types
from graphkit.issue_learning import import_sklearn
try:
    import_sklearn()
    error = None
except Exception as e:
    error = type(e).__name__
real = lambda n: n in sys.modules and sys.modules[n].__spec__ is not None  # a stand-in has no spec
loaded = sorted(n for n in ("pandas", "scipy.stats") if real(n))
left = sorted(n for n in ("pandas", "scipy.stats") if n in sys.modules and not real(n))
import pandas, scipy.stats


def stand_in(v):  # v, in a module's namespace, is not what it names (a module not the one loaded, a function
    # of pandas or scipy.stats not the module's own)
    if isinstance(v, types.ModuleType):
        return sys.modules.get(v.__name__) is not v
    home = getattr(v, "__module__", None)
    return home in ("pandas", "scipy.stats") and getattr(sys.modules[home], v.__name__, None) is not v


held = sorted(name + "." + attr for name, m in list(sys.modules.items()) if name.split(".")[0] == "sklearn"
              for attr, v in list(vars(m).items()) if stand_in(v))
out = {"error": error, "loaded": loaded, "stand_ins": left + held}
if error is None:
    import sklearn.linear_model as lm
    import sklearn.utils.fixes as fixes
    out["rankdata"] = lm.rankdata([3, 1, 2]).tolist()
    out["pickled"] = pickle.loads(pickle.dumps(lm.rankdata)) is scipy.stats.rankdata
    out["pandas"] = "module" if fixes.pd is pandas else "stand-in"
print(json.dumps(out))
"""

DEFERRED = ["sklearn.linear_model.gmean", "sklearn.linear_model.rankdata", "sklearn.utils.fixes.pd"]
REAL = {"error": None, "loaded": ["pandas", "scipy.stats"], "stand_ins": [], "rankdata": [3.0, 1.0, 2.0],
        "pickled": True, "pandas": "module"}


# what the made-up scikit-learn's linear_model does at import -> what import_sklearn leaves
@pytest.mark.parametrize("at_import, expected", [
    # as scikit-learn 1.9: takes the listed functions and calls nothing: the stand-ins do, neither module is loaded
    # by the import; what scikit-learn keeps of them works, the functions pickle as the real ones
    ("", {"error": None, "loaded": [], "stand_ins": DEFERRED, "rankdata": [3.0, 1.0, 2.0], "pickled": True,
          "pandas": "stand-in"}),
    # a version that calls a deferred function at import: imported again with the real modules
    ("RANKS = rankdata([2, 1])", REAL),
    # one that takes a function not listed
    ("from scipy.stats import norm", REAL),
    # one that reads pandas at import (an attribute, a dunder)
    ("from ..utils.fixes import pd\nHAS_FRAME = pd is not None and hasattr(pd, 'DataFrame')", REAL),
    ("from ..utils.fixes import pd\nV = pd.__version__", REAL),
    # ... a version read with a default, names taken with a star: a stand-in has neither to give
    ("from ..utils.fixes import pd\nV = getattr(pd, '__version__', '0')", REAL),
    ("from scipy.stats import *", REAL),
    # one that imports a submodule of scipy.stats
    ("import scipy.stats._stats_py", REAL),
    # a stand-in's function asked for its signature: nothing is asked of the module; the function is a stand-in still
    ("import inspect\nSIG = str(inspect.signature(rankdata))",
     {"error": None, "loaded": [], "stand_ins": DEFERRED, "rankdata": [3.0, 1.0, 2.0], "pickled": True,
      "pandas": "stand-in"}),
    # an error of its own: raised as the plain import raises it, no stand-in left
    ("raise ImportError('a missing dependency')", {"error": "ImportError", "loaded": ["pandas", "scipy.stats"],
                                                   "stand_ins": []}),
])
def test_a_scikit_learn_that_asks_more_of_the_stand_ins_is_imported_with_the_real_modules(tmp_path, at_import,
                                                                                          expected):
    files = {
        "sklearn/__init__.py": "",
        "sklearn/utils/__init__.py": "",
        "sklearn/utils/fixes.py": FIXES,
        "sklearn/feature_extraction/__init__.py": "",
        "sklearn/feature_extraction/text.py": "from ..utils import fixes\n",
        "sklearn/linear_model/__init__.py": "from ..utils import fixes\nfrom scipy.stats import rankdata, gmean\n"
                                            + at_import + "\n",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text))
    out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + CHECK],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == expected


SPACY_CHECK = r"""
import pickle, sys
from graphkit.nlp import spacy_without_cli_from_start
spacy_without_cli_from_start()
import spacy
cli = "spacy.cli" in sys.modules
left = any(n.startswith("spacy.cli") and m.__spec__ is None for n, m in sys.modules.items())  # a stand-in: no spec
import spacy.cli.info
real = sys.modules["spacy.cli.info"].info
print(cli, spacy.info(), spacy.info is real, pickle.loads(pickle.dumps(spacy.info)) is real, left)
"""


# what the made-up spaCy's __init__ does after 'from .cli.info import info' -> whether spacy.cli was imported with
# it, what spacy.info gives, whether it is the real one, whether it pickles as the real one, whether a stand-in
# was left in sys.modules
@pytest.mark.parametrize("at_import, expected", [
    ("", "False INFO False True False"),                       # as spaCy 3.8: the CLI is left out
    ("from .cli import app", "True INFO True True False"),     # asks more of spacy.cli: imported whole
    ("INFO = info()", "True INFO True True False"),            # calls spacy.info at import: imported whole
])
def test_a_spacy_that_asks_more_of_its_cli_is_imported_whole(tmp_path, at_import, expected):
    files = {
        "spacy/__init__.py": "from .cli.info import info\n" + at_import + "\n",
        "spacy/cli/__init__.py": "app = 'APP'\nfrom .info import info\n",
        "spacy/cli/info.py": "def info():\n    return 'INFO'\n",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    out = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + SPACY_CHECK],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == expected
