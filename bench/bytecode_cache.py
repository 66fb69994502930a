"""graphkit's bytecode before a bench times its commands: as a user's install has it, or (``--no-bytecode``) none.

Run BK (issue #17) found this machine's environment sets ``PYTHONDONTWRITEBYTECODE=1`` and the editable install has no
``graphkit/__pycache__``, so every command compiled graphkit's modules (the one-core start 0.28-0.29 CPU s against
0.21-0.22 with the bytecode). A wheel installed by pip is compiled on install and a default Python writes the
bytecode on first import: what a user runs. The benches that time whole commands (bench_build, bench_phases, bench_cpu,
pair_rebuilds, bench_resolve's article and rebuild, profile_build) call `as_installed` first and print its line.
Nothing here imports graphkit or changes ``sys.path``: a traced child may import it (bench_phases, profile_build).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import py_compile
import shutil
from pathlib import Path


def uncompiled(package: Path) -> list[Path]:
    """The sources of ``package`` (a folder) whose bytecode is missing from their normal ``__pycache__``: what a
    command importing them compiles at every start when Python may not write it (``PYTHONDONTWRITEBYTECODE``)."""
    return [p for p in sorted(Path(package).rglob("*.py"))
            if not Path(importlib.util.cache_from_source(str(p))).exists()]


def as_installed(packages: list[Path], bytecode: bool = True) -> str:
    """Make each package's bytecode as a user's install has it before a bench times whole commands, and say so.

    ``bytecode``: each package compiled into its normal ``__pycache__`` (``compileall``, as pip compiles a wheel on
    install and a default Python writes on first import; it writes under ``PYTHONDONTWRITEBYTECODE`` too). Otherwise
    their ``__pycache__`` folders are removed and ``PYTHONDONTWRITEBYTECODE=1`` set for the commands this process
    starts, so every command compiles them (an editable checkout on a machine setting that variable, as run BK's).
    The line returned names the condition, the variable's value and whether spaCy's sources have their bytecode.

    tests/test_bench_bytecode.py: each way on a package of a temporary folder.
    """
    env_before = os.environ.get("PYTHONDONTWRITEBYTECODE")
    for package in packages:
        if bytecode:
            compileall.compile_dir(str(package), quiet=1, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
        else:
            for cache in Path(package).rglob("__pycache__"):
                shutil.rmtree(cache)
    if not bytecode:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    import spacy

    missing = len(uncompiled(Path(spacy.__file__).parent))
    said = ("compiled beforehand into __pycache__ (as an installed wheel or a first import leaves it)" if bytecode
            else "none (removed; every command compiles graphkit's sources: --no-bytecode)")
    return (f"graphkit's bytecode: {said}; PYTHONDONTWRITEBYTECODE={env_before if env_before is not None else 'unset'}"
            f"{'' if bytecode else ' (set to 1 for the commands)'}; spaCy's sources without bytecode: {missing}")


def bytecode_option(ap: argparse.ArgumentParser) -> None:
    """The benches' ``--no-bytecode``: the commands timed with graphkit's sources compiled at every start
    (`as_installed`)."""
    ap.add_argument("--no-bytecode", dest="bytecode", action="store_false",
                    help="time graphkit's commands without its bytecode (each compiles its sources, as an editable "
                         "checkout under PYTHONDONTWRITEBYTECODE=1); default: compiled beforehand, as a user's install")
