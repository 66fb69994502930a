"""The benches time graphkit's commands with its bytecode as a user's install has it, or, asked, without it
(`bench/bytecode_cache.as_installed`, issue #17: run BK found this machine's PYTHONDONTWRITEBYTECODE=1 adds ~0.07
CPU s of compiling to each command's start). A package of a temporary folder stands for graphkit; no timing."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from checkout_paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from bytecode_cache import as_installed, uncompiled  # noqa: E402


@pytest.fixture
def package(tmp_path):
    """A package of two modules, one in a subpackage, with no bytecode."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for p in (pkg / "__init__.py", pkg / "m.py", pkg / "sub" / "__init__.py", pkg / "sub" / "n.py"):
        p.write_text("x = 1\n")
    return pkg


# (bytecode asked, the env var before, sources left uncompiled, the env var after, what the header says)
CASES = [
    (True, "1", 0, "1", ["compiled beforehand", "PYTHONDONTWRITEBYTECODE=1;"]),
    (True, None, 0, None, ["compiled beforehand", "PYTHONDONTWRITEBYTECODE=unset;"]),
    (False, "1", 4, "1", ["none", "PYTHONDONTWRITEBYTECODE=1 (set to 1 for the commands)"]),
    (False, None, 4, "1", ["none", "PYTHONDONTWRITEBYTECODE=unset (set to 1 for the commands)"]),
]


@pytest.mark.parametrize("bytecode,env_before,left,env_after,said", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_bench_compiles_or_removes_a_packages_bytecode_and_says_which(package, monkeypatch, bytecode, env_before,
                                                                          left, env_after, said):
    if env_before is None:
        monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    else:
        monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", env_before)
    assert len(uncompiled(package)) == 4
    if not bytecode:  # bytecode left by an earlier run is removed
        as_installed([package], bytecode=True)
        assert uncompiled(package) == []
    line = as_installed([package], bytecode=bytecode)
    assert len(uncompiled(package)) == left
    assert os.environ.get("PYTHONDONTWRITEBYTECODE") == env_after
    assert all(s in line for s in said), line
    assert re.search(r"; spaCy's sources without bytecode: \d+$", line), line  # counted, whatever the venv holds


def test_the_compiled_bytecode_is_what_an_import_reads(package, monkeypatch):
    """The .pyc written sits where an import looks for it, under PYTHONDONTWRITEBYTECODE too."""
    import importlib.util

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    as_installed([package])
    pyc = Path(importlib.util.cache_from_source(str(package / "sub" / "n.py")))
    assert pyc.parent == package / "sub" / "__pycache__" and pyc.is_file()
