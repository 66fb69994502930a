"""Every patch kept in bench/experiments is listed in its README with the commit it applies to, and applies there
(a reader must know which commit to check out: most no longer apply to main, which moved on)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from checkout_paths import ROOT

EXPERIMENTS = ROOT / "bench" / "experiments"
ROW = re.compile(r"^\| `([^`]+\.diff)` \| (none|`([0-9a-f]{7,40})`)[^|]*\| (none|`([0-9a-f]{7,40})`) \| (.+) \|$")


def rows() -> dict[str, tuple]:
    """patch name → (base sha or None, the newest main commit it also applies to or None, what it measured)."""
    out = {}
    for line in (EXPERIMENTS / "README.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            out[m.group(1)] = (m.group(3), m.group(5), m.group(6))
    return out


def test_every_patch_is_listed_once_with_what_it_measured():
    listed = rows()
    assert sorted(listed) == sorted(p.name for p in EXPERIMENTS.glob("*.diff"))
    assert all(len(what) > 40 for _, _, what in listed.values())


def _applies(sha: str, patch: Path, tmp_path: Path) -> bool:
    """`git apply --check` of ``patch`` against commit ``sha``'s tree, in an index of its own (no checkout)."""
    env = {**os.environ, "GIT_INDEX_FILE": str(tmp_path / "index")}
    run = lambda *a: subprocess.run(["git", *a], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    return run("read-tree", sha).returncode == 0 and run("apply", "--cached", "--check", str(patch)).returncode == 0


@pytest.mark.parametrize("name", sorted(rows()))
def test_a_patch_applies_to_the_commits_its_row_names(name, tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the patches' commits cannot be read")
    base, also, _ = rows()[name]
    for sha in filter(None, (base, also)):
        if subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], cwd=ROOT, capture_output=True).returncode:
            pytest.skip(f"commit {sha} is not in this clone (a shallow one?)")
        assert _applies(sha, EXPERIMENTS / name, tmp_path), f"{name} does not apply to {sha}"


REMOVED = re.compile(r"^\| `([^`]+\.diff)` \| `([0-9a-f]{7,40})` \| (#[^|]+) \|$")  # | removed | kept in | why |


def removed() -> dict[str, str]:
    """patch name -> the commit git keeps it in, for the patches the README lists as removed."""
    return {m.group(1): m.group(2) for line in (EXPERIMENTS / "README.md").read_text(encoding="utf-8").splitlines()
            if (m := REMOVED.match(line))}


def test_a_superseded_patch_is_removed_and_named_with_the_commit_that_keeps_it():
    assert removed().get("issue12_relative_clause.diff") == "da670c5"   # -63 shipped it (session 47)
    for name in removed():
        assert not (EXPERIMENTS / name).exists() and name not in rows(), name


@pytest.mark.parametrize("name", sorted(removed()))
def test_git_keeps_a_removed_patch(name):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the patches' commits cannot be read")
    sha = removed()[name]
    if subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip(f"commit {sha} is not in this clone (a shallow one?)")
    assert not subprocess.run(["git", "cat-file", "-e", f"{sha}:bench/experiments/{name}"], cwd=ROOT).returncode
