"""The built wheel carries models/ and works installed, not editable (issue 14).

`pip wheel .` builds the wheel; it is installed (without dependencies) into a fresh venv that
borrows the test venv's installed dependencies through a path file, so the check is fast and
needs no download, yet imports graphkit only from the wheel: the checkout is not on the path and
the editable install's hooks are not run. That venv then builds the sample corpus and writes its view.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from checkout_paths import ROOT


pytestmark = pytest.mark.wheel


def run(*cmd, cwd=None):
    r = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"{cmd}: {r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return r.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = out / "src"  # a copy: building must not leave build/ or *.egg-info in the checkout
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__",
                                                              "_work", "out", ".pytest_cache"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, src)
    (whl,) = out.glob("graphkit_claims-*.whl")
    return whl


def test_wheel_holds_the_default_knowledge(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in ["cues.yaml", "actors.yaml", "issues.yaml", "places.yaml", "attribution_filter.json", "attribution_tagger.json",
              "person_nouns.txt", "communication_nouns.txt", "verb_classes.txt"]:
        assert f"graphkit/models/{f}" in names
    assert "graphkit/assets/view.html" in names
    # the sample corpus's own knowledge is not a default
    assert not any(n.startswith("corpus/") for n in names)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "v"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / "bin" / "python"
    purelib = Path(run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    # the test venv's dependencies, as a plain path (its .pth hooks, the editable install's among them, do not run)
    (purelib / "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", py, "install", "--no-deps", "--no-index", "-q", wheel)
    return venv


def test_installed_wheel_builds_the_sample_and_writes_its_view(installed, tmp_path):
    py, gk = installed / "bin" / "python", installed / "bin" / "graphkit"
    where = run(py, "-c", "import graphkit, graphkit.knowledge as k; print(graphkit.__file__); print(k.models_dir())",
                cwd=tmp_path).split()
    assert all(str(installed) in w for w in where), where  # graphkit and its models/ come from the wheel
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    out = run(gk, "build", corpus, "--store", tmp_path / "s.gk", "-q", cwd=tmp_path)
    assert "claims:" in out and "issues: 20 ·" in out
    run(gk, "view", "--store", tmp_path / "s.gk", "-o", tmp_path / "s.html", cwd=tmp_path)
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "Sergey Lavrov" in page and len(page) > 10_000
