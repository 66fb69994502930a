"""The same corpus gives the same graph (issue 7).

Three builds of the sample corpus — plain, with ``--workers 2``, and from a copy
in a differently named folder whose files were written in reverse order and
whose metadata rows are shuffled — must give byte-identical claims JSONL and
GraphML exports.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from checkout_paths import CORPUS

from graphkit.build import build


def export(store: Path, fmt: str, out: Path) -> bytes:
    """`graphkit export FMT --store STORE -o OUT` through the CLI entry point; the file's bytes."""
    from graphkit.cli import main

    try:
        main(["export", fmt, "--store", str(store), "-o", str(out)])
    except SystemExit as e:
        assert e.code in (0, None), f"export {fmt} failed with {e.code}"
    return out.read_bytes()


def claims_jsonl(store: Path, out: Path) -> bytes:
    return export(store, "jsonl", out)


def copy_shuffled(src: Path, dst: Path, seed: int = 3) -> Path:
    """The corpus copied file by file in reverse order, metadata rows shuffled."""
    dst.mkdir(parents=True)
    for p in sorted(src.iterdir(), reverse=True):
        if p.name == "metadata.jsonl":
            rows = p.read_text(encoding="utf-8").splitlines()
            random.Random(seed).shuffle(rows)
            (dst / p.name).write_text("\n".join(rows) + "\n", encoding="utf-8")
        elif p.is_file():
            shutil.copyfile(p, dst / p.name)
    return dst


class Runs:
    """Builds of the sample corpus, made on first use and kept for the module."""

    def __init__(self, tmp: Path):
        self.tmp, self.done = tmp, {}
        self.corpora = {"plain": (CORPUS, 1), "workers2": (CORPUS, 2),
                        "copied": (copy_shuffled(CORPUS, tmp / "a differently named folder" / "news"), 1)}

    def __getitem__(self, name: str) -> dict:
        if name not in self.done:
            corpus, workers = self.corpora[name]
            store = self.tmp / f"{name}.gk"
            rep = build(corpus, store, workers=workers)
            assert rep.failed == [] and rep.claims > 0
            self.done[name] = {"jsonl": claims_jsonl(store, self.tmp / f"{name}.jsonl"),
                               "graphml": export(store, "graphml", self.tmp / f"{name}.graphml"), "report": rep}
        return self.done[name]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return Runs(tmp_path_factory.mktemp("det"))


@pytest.mark.slow
@pytest.mark.parametrize("other", ["workers2", "copied"])
@pytest.mark.parametrize("fmt", ["jsonl", "graphml"])
def test_same_corpus_same_bytes(runs, other, fmt):
    a, b = runs["plain"][fmt], runs[other][fmt]
    assert len(a) > 1000
    if a != b:  # show the first differing line, not two megabytes
        la, lb = a.decode().splitlines(), b.decode().splitlines()
        first = next(i for i, (x, y) in enumerate(zip(la + [""], lb + [""])) if x != y)
        pytest.fail(f"{fmt} differs at line {first + 1}:\n  plain:  {la[first][:300] if first < len(la) else '<end>'}"
                    f"\n  {other}: {lb[first][:300] if first < len(lb) else '<end>'}")


@pytest.mark.slow
def test_claim_ids_are_stable_and_unique(runs):
    claims = [json.loads(line) for line in runs["plain"]["jsonl"].decode().splitlines()]
    ids = [c["id"] for c in claims]
    assert ids and len(ids) == len(set(ids))


@pytest.mark.slow
def test_a_rebuild_changes_nothing(runs, tmp_path):
    """An incremental re-run over an unchanged corpus parses nothing and exports the same bytes."""
    store = tmp_path / "again.gk"
    build(CORPUS, store)
    rep = build(CORPUS, store)
    assert rep.parsed == 0 and rep.unchanged == runs["plain"]["report"].articles
    assert claims_jsonl(store, tmp_path / "again.jsonl") == runs["plain"]["jsonl"]
    assert export(store, "graphml", tmp_path / "again.graphml") == runs["plain"]["graphml"]
