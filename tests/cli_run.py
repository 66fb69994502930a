"""The one home of how the tests run graphkit's command line and read what it leaves: test_cli.py,
test_cli_outputs.py, test_cli_failures.py and the other test files that run a command import these (a test module
imports no other test module). The ``work`` folder they run in is conftest.py's fixture.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from checkout_paths import CORPUS

def graphkit_cmd() -> list[str]:
    """The installed console script, else the module (same code path: cli.main)."""
    exe = Path(sys.executable).with_name("graphkit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graphkit.cli"]


def run(args, cwd) -> subprocess.CompletedProcess:
    """graphkit's command line (`graphkit_cmd`) with ``args`` in the folder ``cwd``: its exit code and output; a
    command that hangs is stopped after 300 s."""
    return subprocess.run(graphkit_cmd() + [str(a) for a in args], capture_output=True, text=True, timeout=300, cwd=cwd)


def run_main(args, cwd, capsys, monkeypatch) -> subprocess.CompletedProcess:
    """cli.main in this process, as a CompletedProcess (exit code, stdout, stderr)."""
    from graphkit.cli import main

    monkeypatch.chdir(cwd)
    capsys.readouterr()
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    out = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out.out, out.err)


def tree(root: Path) -> dict[str, str]:
    """Every file and folder under ``root``: its path and a hash of its bytes ('' for a folder).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("x"); (d / "sub").mkdir()
    >>> {k: v[:8] for k, v in tree(d).items()}
    {'a.txt': '2d711642', 'sub': ''}
    """
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else ""
            for p in sorted(root.rglob("*"))}


def one_article_store(d: Path) -> None:
    """``d/corpus`` (one article of the sample, its metadata row and the README) and ``d/s.gk`` built from it."""
    import shutil

    from graphkit.build import build

    (d / "corpus").mkdir()
    for name in ("003_9b6d43ba622d0a39.txt", "README.md"):
        shutil.copy(CORPUS / name, d / "corpus" / name)
    rows = (CORPUS / "metadata.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (d / "corpus" / "metadata.jsonl").write_text("".join(r for r in rows if "003_9b6d43ba622d0a39" in r), encoding="utf-8")
    build(d / "corpus", d / "s.gk")


def models_copy(work: Path, name: str = "", tail: bytes = b"") -> str:
    """A copy of models/ in ``work`` (what GRAPHKIT_MODELS names), ``tail`` added to its file ``name``."""
    import shutil

    from graphkit.knowledge import models_dir

    shutil.copytree(models_dir(), work / "models")
    if name:
        with open(work / "models" / name, "ab") as f:
            f.write(tail)
    return "models"
