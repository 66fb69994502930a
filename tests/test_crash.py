"""Crash safety: SIGKILL a build at points across it; nothing stored is lost or half-written (issue 7).

A reference build of the sample corpus runs uninterrupted. Then a bounded loop of builds on a second store kills
each (SIGKILL: no cleanup, no atexit) at a point the build passes, chosen by a seeded draw: just after a drawn number
of articles were stored, while the graph is being resolved, inside the transaction that swaps the resolved graph in,
and, in a ``--force`` re-parse, once the pipeline is loaded and after a drawn number of articles were stored again.
The build kills itself there (`KILL_AT`: its process SIGKILLs itself when the hooked function has returned for the
n-th time), so where a kill lands depends on the draw alone, never on how fast the machine is (a kill timed from a
reference build landed, at load 9, after every article was written). After every kill the store must open, pass
SQLite's integrity check and hold only complete articles (every document has its extraction, every extraction parses,
the resolved layer points at stored articles and actors), as many as were stored before the kill. Finally an
ordinary build completes and its exports are byte-identical to the reference's.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from checkout_paths import CORPUS
from cli_run import graphkit_cmd

from graphkit.extract import DocExtraction
from graphkit.store import Store


def build_args(store: Path, *extra) -> list[str]:
    """The arguments of a quiet build of the sample corpus into ``store`` (the command line's, after its name)."""
    return ["build", str(CORPUS), "--store", str(store), "--quiet", *extra]


def build_cmd(store: Path, *extra) -> list[str]:
    return graphkit_cmd() + build_args(store, *extra)


def export(store: Path, fmt: str, out: Path) -> bytes:
    from graphkit.cli import main

    try:
        main(["export", fmt, "--store", str(store), "-o", str(out)])
    except SystemExit as e:
        assert e.code in (0, None)
    return out.read_bytes()


def check_complete(store: Path) -> dict:
    """Open the store as a user would and check it holds only complete articles; a summary."""
    with Store(store) as s:  # must open (and recover its WAL) without error
        db = s.db
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = dict(db.execute("SELECT id, sha256 FROM documents"))
        exts = {doc_id: (sha, data) for doc_id, sha, data in db.execute("SELECT doc_id, sha256, data FROM extractions")}
        assert set(exts) == set(docs), "an article without its extraction (or the reverse)"
        for doc_id, (sha, data) in exts.items():
            assert sha == docs[doc_id], f"{doc_id}: extraction of other bytes than the stored document"
            ex = DocExtraction.model_validate_json(data)
            assert ex.doc_id == doc_id
        for doc_id in docs:
            assert s.document(doc_id) is not None
        actors = {a.id for a in s.actors()}
        claims = list(s.claims())
        for c in claims:
            assert c.doc_id in docs and c.speaker_id in actors, c.id
        return {"documents": len(docs), "claims": len(claims)}


#: Run as ``python -c KILL_AT WHERE N graphkit-args...``: the graphkit command, with the function WHERE
#: ("module:Class.attr" or "module:attr") hooked so that the process SIGKILLs itself when it has returned for the
#: N-th time. A point the build passes, whatever the machine's speed.
KILL_AT = """
import importlib, os, signal, sys
where, n = sys.argv[1], int(sys.argv[2])
module, _, path = where.partition(":")
owner = importlib.import_module(module)
*outer, name = path.split(".")
for part in outer:
    owner = getattr(owner, part)
real, returned = getattr(owner, name), [0]
def hooked(*args, **kw):
    out = real(*args, **kw)
    returned[0] += 1
    if returned[0] == n:
        os.kill(os.getpid(), signal.SIGKILL)
    return out
setattr(owner, name, hooked)
from graphkit.cli import main
main(sys.argv[3:])
"""

#: where a build passes, by the phase it is in (`KILL_AT`'s WHERE)
ARTICLE_STORED = "graphkit.store:Store.put_article"  # its transaction committed
PIPELINE_LOADED = "graphkit.nlp:load_pipeline"  # a re-parse's first step (parse_changed looks it up when called)
RESOLVING = "graphkit.resolution:resolve_speakers"  # the resolution's actors resolved, nothing of it written
SWAPPING_IN = "graphkit.store:Store._write_claims"  # inside replace_resolved's transaction, before its COMMIT


def build_and_kill(store: Path, where: str, n: int, *extra) -> str:
    """Build ``store`` in a process that SIGKILLs itself when ``where`` has returned ``n`` times (`KILL_AT`);
    'killed', or how the build ended when it never got there."""
    proc = subprocess.run([sys.executable, "-c", KILL_AT, where, str(n), *build_args(store, *extra)],
                          capture_output=True, text=True, timeout=900)
    return "killed" if proc.returncode == -signal.SIGKILL else f"finished (rc {proc.returncode}) first: {proc.stderr}"


@pytest.mark.slow
def test_kill_loop_leaves_complete_articles_and_resumes_to_the_same_graph(tmp_path):
    ref = tmp_path / "ref.gk"
    proc = subprocess.run(build_cmd(ref), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr

    store = tmp_path / "killed.gk"
    n_docs = check_complete(ref)["documents"]
    rng = random.Random(20251125)
    k1 = rng.randint(1, n_docs - 2)
    k2 = rng.randint(k1 + 1, n_docs - 1)
    plan = [  # (where, its n-th return, extra flags, the articles stored after the kill): every phase of a build
        (ARTICLE_STORED, k1, (), k1),                  # while articles are being written
        (ARTICLE_STORED, k2 - k1, (), k2),             # again, resuming the first (k1 are in: it writes the rest)
        (RESOLVING, 1, (), n_docs),                    # all articles in: while resolving the graph
        (SWAPPING_IN, 1, (), n_docs),                  # while the resolved graph is written, before its commit
        (PIPELINE_LOADED, 1, ("--force",), n_docs),    # a re-parse of everything: before its first article
        (ARTICLE_STORED, rng.randint(1, n_docs), ("--force",), n_docs),  # in it, some articles stored again
        (SWAPPING_IN, 1, ("--force",), n_docs),
    ]
    log = []
    for where, n, extra, stored in plan:
        outcome = build_and_kill(store, where, n, *extra)
        state = check_complete(store)
        log.append((where, n, extra, outcome, state))
        assert outcome == "killed" and state["documents"] == stored, log
        if where == SWAPPING_IN:  # rolled back: no build finished, so no resolved graph yet
            assert state["claims"] == 0, log
    print(f"\nkills: {json.dumps(log)}")

    proc = subprocess.run(build_cmd(store), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    check_complete(store)
    assert export(store, "jsonl", tmp_path / "k.jsonl") == export(ref, "jsonl", tmp_path / "r.jsonl")
    assert export(store, "graphml", tmp_path / "k.graphml") == export(ref, "graphml", tmp_path / "r.graphml")


def test_a_killed_write_is_rolled_back(tmp_path):
    """The unit under the loop: a process killed inside put_article's transaction leaves no trace of it."""
    store = tmp_path / "s.gk"
    Store(store, create=True).close()
    code = f"""
import os, signal, sys
from graphkit.store import Store
from graphkit.records import Document
s = Store({str(store)!r})
d = Document(id="a", path="a.txt", text="x", sha256="1" * 64, format="txt")
s.put_article(d, '{{"doc_id": "a", "sha256": "{'1' * 64}", "items": [], "entities": []}}', "m")
s.db.execute("BEGIN IMMEDIATE")
s.db.execute("INSERT OR REPLACE INTO documents VALUES ('b', ?, NULL, '{{}}')", ("2" * 64,))
os.kill(os.getpid(), signal.SIGKILL)  # before the extraction row and the COMMIT
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert check_complete(store)["documents"] == 1
    with closing(sqlite3.connect(store)) as db:
        assert [r[0] for r in db.execute("SELECT id FROM documents")] == ["a"]


def _files_at(out):
    """What an export at ``out`` holds: its text, or each file's of a neo4j folder (not the temporary file a killed
    write leaves beside them, as it leaves one beside a single file)."""
    if out.is_dir():
        return {p.name: p.read_text() for p in sorted(out.iterdir()) if not p.name.startswith(".")}
    return out.read_text()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "json", "jsonl", "csv", "neo4j"])
def test_a_killed_export_leaves_the_previous_file_whole(tmp_path, fmt):
    """Exports write a temporary file and rename it: a process killed mid-write leaves the old file as it was. Every
    writer opens its files through `graphkit.outputs.atomic_open` (the one patched here, so that it dies halfway)."""
    import networkx as nx

    from graphkit import export
    from graphkit.records import Claim

    out = tmp_path / ("neo" if fmt == "neo4j" else f"g.{fmt}")
    G = nx.MultiDiGraph(); G.add_node("b", type="actor")
    export.write(G, fmt, out, claims=[Claim(id="b", doc_id="d", speaker="Y", speaker_id="actor:y", text="u",
                                            spans=[(0, 1)], kind="direct", cue="said")])  # the previous complete export
    previous = _files_at(out)
    code = f"""
import os, signal
import networkx as nx
from graphkit import export, outputs
from graphkit.records import Claim

real = outputs.atomic_open
def dying_open(path, mode="w", **kw):
    ctx = real(path, mode, **kw)
    f = ctx.__enter__()
    f.write(b"<half" if "b" in mode else "half")
    f.flush()
    os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the write
outputs.atomic_open = dying_open
G = nx.MultiDiGraph(); G.add_node("a", type="actor")
c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], kind="direct", cue="said")
export.write(G, {fmt!r}, {str(out)!r}, claims=[c])
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert _files_at(out) == previous
