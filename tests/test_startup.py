"""What a command pays before it works: spaCy imported without its command-line package
(graphkit.nlp.spacy_without_cli_from_start), with the same pipeline and parses, and spaCy's CLI still there; numpy
set before its import; and a build with nothing changed importing none of the parser's or the numerics' packages."""

import shutil
import subprocess
import sys

import pytest

SCRIPT = """
import sys
from graphkit.nlp import spacy_without_cli_from_start
print(spacy_without_cli_from_start())
import spacy
print('spacy.cli' in sys.modules)
from graphkit.nlp import load_pipeline
doc = load_pipeline()({text!r})
print([(e.text, e.label_) for e in doc.ents], [a.speaker_text for a in doc._.attributions])
print(callable(spacy.info), 'spacy.cli' in sys.modules)
import spacy.cli
print(callable(spacy.cli.download), spacy.cli.info.__module__)
"""


@pytest.mark.parametrize("text, entities, speakers", [
    ("Kremlin spokesman Dmitry Peskov said the talks were useful.",
     "[('Kremlin', 'ORG'), ('Dmitry Peskov', 'PERSON')]", "['Kremlin spokesman Dmitry Peskov']"),
])
def test_spacy_imported_without_its_cli_parses_the_same_and_keeps_the_cli(text, entities, speakers):
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(text=text)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[2:3] == [f"{entities} {speakers}"], out.stderr          # parses as ever, whichever way it imported
    if lines[1] == "True":  # a spaCy (unbounded within 3.8: CI installs the newest) asking more of its CLI at import
        import spacy

        pytest.skip(f"spaCy {spacy.__version__} asks more of spacy.cli at import than graphkit.nlp.SPACY_CLI_DEFERRED "
                    "gives (written for 3.8.18): imported whole, correct but without the ~0.2 CPU s saving; update it")
    assert lines == [
        "True",                                  # spaCy was not imported yet: its import skips spacy.cli
        "False",                                 # ... which is not imported by `import spacy`
        f"{entities} {speakers}",                # the pipeline parses as ever
        "True False",                            # spacy.info is there, spacy.cli still not imported
        "True spacy.cli.info",                   # importing spacy.cli imports the real package
    ], out.stderr


CHILDREN_SCRIPT = """
import subprocess, sys, tempfile, pathlib
started = []
real = subprocess.Popen.__init__
def recorded(self, args, *a, **k):
    started.append(args if isinstance(args, str) else list(args))
    return real(self, args, *a, **k)
subprocess.Popen.__init__ = recorded
from graphkit.build import build
d = pathlib.Path(tempfile.mkdtemp())
(d / "a.txt").write_text({text!r})
r = build(d, d / "s.gk")
print(r.parsed, r.claims, started)
"""


@pytest.mark.parametrize("text, parsed_claims", [
    ("Sergey Lavrov said Europe was to blame for the war.", "1 1"),
])
def test_a_one_process_build_starts_no_other_program(text, parsed_claims):
    """graphkit.memory's ``malloc_trim`` is looked up among the symbols the process has loaded: asking
    ``ctypes.util.find_library`` ran ``/sbin/ldconfig -p`` in every build's tail (~0.01 s on one core)."""
    out = subprocess.run([sys.executable, "-c", CHILDREN_SCRIPT.format(text=text)], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == f"{parsed_claims} []", out.stderr


NUMPY_SCRIPT = """
import os, sys
{before}
from graphkit.nlp import numpy_from_start
said = numpy_from_start()
import numpy
core = getattr(numpy, "_core", None) or numpy.core
print(said, os.environ.get("OPENBLAS_NUM_THREADS"), core.multiarray._get_madvise_hugepage())
"""


@pytest.mark.parametrize("env, before, expected", [
    ({}, "", "True 1 False"),                                      # the command's start: one thread, no hint
    ({"NUMPY_MADVISE_HUGEPAGE": "1"}, "", "True 1 True"),          # a user's own choice is kept
    ({"OPENBLAS_NUM_THREADS": "2"}, "", "True 2 False"),
    ({"NUMPY_MADVISE_HUGEPAGE": "1"}, "import numpy", "False None True"),  # numpy imported first: nothing set
])
def test_the_command_sets_numpy_before_its_import(env, before, expected):
    """graphkit.nlp.NUMPY_START: OpenBLAS on one thread, and numpy's arrays without the huge-page hint that had the
    kernel back spaCy's batch arrays with 2 MB pages (run BX: ~220 huge-page faults and system CPU 1.08 / 1.01 →
    0.60 / 0.65 s a one-process build of dev)."""
    import os

    clean = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "NUMPY_MADVISE_HUGEPAGE")}
    out = subprocess.run([sys.executable, "-c", NUMPY_SCRIPT.format(before=before)], capture_output=True, text=True,
                         check=True, env={**clean, **env})
    assert out.stdout.strip() == expected, out.stderr


def test_the_graphkit_command_asks_numpy_first():
    """`graphkit.cli.main` calls `graphkit.nlp.numpy_from_start` before anything of its own imports numpy."""
    import os

    script = ("import os, sys\nfrom graphkit import cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
              "print(os.environ.get('NUMPY_MADVISE_HUGEPAGE'), os.environ.get('OPENBLAS_NUM_THREADS'))")
    clean = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "NUMPY_MADVISE_HUGEPAGE")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=clean)
    assert out.stdout.strip().splitlines()[-1] == "0 1", out.stderr


#: what a build with nothing to parse or resolve has no use for: the parser and the libraries behind it, the
#: resolution's and the issue model's numerics, the view
NOT_ON_THE_NOTHING_CHANGED_PATH = ["spacy", "thinc", "numpy", "sklearn", "scipy", "networkx", "pyvis", "dateparser"]


@pytest.fixture(scope="module")
def nothing_changed_imports(sample_store, tmp_path_factory):
    """The top-level packages a ``graphkit build`` command imports when no article changed (Python's own
    ``-X importtime`` list, read from its stderr), on a copy of the built sample."""
    d = tmp_path_factory.mktemp("unchanged")
    corpus, store = d / "corpus", d / "store.gk"
    shutil.copytree(sample_store.parent / "corpus", corpus)
    shutil.copyfile(sample_store, store)
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "graphkit.cli", "build", str(corpus), "--store",
                          str(store), "-q"], capture_output=True, text=True, check=True)
    assert "(0 parsed, 5 unchanged)" in out.stdout, out.stdout + out.stderr
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in out.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("package", NOT_ON_THE_NOTHING_CHANGED_PATH)
def test_a_nothing_changed_build_imports_no_heavy_package(nothing_changed_imports, package):
    """Session 62: ``graphkit.confidence`` (which the store's fingerprint reads for the models' paths) imported
    ``ACCORDING_TO`` from ``graphkit.frames_nominal``, and with it spaCy: the nothing-changed rebuild as a command
    went from 0.25 s to 0.55 s on PolNeAR dev (runs DG / DH). The constant's home is ``graphkit.cues`` now."""
    assert package not in nothing_changed_imports
