"""Crash safety: SIGKILL a build at random points; nothing stored is lost or half-written (issue 7).

A reference build of the sample corpus runs uninterrupted and is timed. Then a
bounded loop of five builds on a second store kills each (SIGKILL: no cleanup,
no atexit) at a seeded random point: after a random number of articles were
stored, while the graph is being resolved, or after a random delay in a
``--force`` re-parse (model loading, parsing or writing). After every kill the
store must open, pass SQLite's integrity check and hold only complete articles
(every document has its extraction, every extraction parses, the resolved
layer points at stored articles and actors). Finally an ordinary build
completes and its exports are byte-identical to the reference's.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from graphkit.extract import DocExtraction
from graphkit.store import Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


def graphkit_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("graphkit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graphkit.cli"]


def build_cmd(store: Path, *extra) -> list[str]:
    return graphkit_cmd() + ["build", str(CORPUS), "--store", str(store), "--quiet", *extra]


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


def _count_documents(store: Path) -> int:
    if not store.exists():
        return 0
    # closed here, not left to the garbage collector: a connection that met an error sits in a reference
    # cycle until a collection, and a connection this process forgets keeps its view of the WAL's index
    try:
        with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.2)) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or busy
        return 0


def kill_when(p: subprocess.Popen, store: Path, trigger: str, arg: float, n_docs: int) -> str:
    """SIGKILL the build when the trigger fires: 'delay' (seconds), 'documents' (that many articles stored),
    'resolve' (all articles stored, then `arg` seconds). Returns 'killed' or how the build ended first."""
    t0 = time.perf_counter()
    fired_at = None
    while p.poll() is None:
        if trigger == "delay":
            fire = time.perf_counter() - t0 >= arg
        elif trigger == "documents":
            fire = _count_documents(store) >= arg
        else:
            if fired_at is None and _count_documents(store) >= n_docs:
                fired_at = time.perf_counter()
            fire = fired_at is not None and time.perf_counter() - fired_at >= arg
        if fire:
            os.kill(p.pid, signal.SIGKILL)
            p.wait(timeout=60)
            return "killed"
        time.sleep(0.005)
    return f"finished (rc {p.returncode}) first"


def _build_and_kill(store: Path, extra: tuple, trigger: str, arg: float, n_docs: int) -> str:
    """Start a build of ``store`` (with ``extra`` flags) and SIGKILL it when the trigger fires (`kill_when`)."""
    p = subprocess.Popen(build_cmd(store, *extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        return kill_when(p, store, trigger, arg, n_docs)
    finally:
        p.stderr.close()


@pytest.mark.slow
def test_kill_loop_leaves_complete_articles_and_resumes_to_the_same_graph(tmp_path):
    ref = tmp_path / "ref.gk"
    t0 = time.perf_counter()
    proc = subprocess.run(build_cmd(ref), capture_output=True, text=True, timeout=900)
    full = time.perf_counter() - t0
    assert proc.returncode == 0, proc.stderr

    store = tmp_path / "killed.gk"
    n_docs = check_complete(ref)["documents"]
    rng = random.Random(20251125)
    k1 = rng.randint(1, n_docs - 2)
    plan = [  # (trigger, argument, extra flags): kill points spread over every phase of a build
        ("documents", k1, ()),                              # while articles are being written
        ("documents", rng.randint(k1 + 1, n_docs - 1), ()),  # again, resuming the first
        ("resolve", rng.uniform(0.0, 1.5), ()),             # all articles in: while resolving the graph
        ("delay", rng.uniform(0.1, 0.95) * full, ("--force",)),  # anywhere in a re-parse of everything
        ("delay", rng.uniform(0.1, 0.95) * full, ("--force",)),
    ]
    log = []
    for trigger, arg, extra in plan:
        for attempt in range(3 if trigger == "delay" else 1):  # a loaded machine's re-parse can be faster than the
            outcome = _build_and_kill(store, extra, trigger, arg / 2 ** attempt, n_docs)  # reference was: sooner
            state = check_complete(store) if store.exists() else {"documents": 0, "claims": 0}
            log.append((trigger, round(arg / 2 ** attempt, 1), outcome, state))
            if outcome == "killed":
                break
    print(f"\nreference build {full:.1f}s; kills: {json.dumps(log)}")
    assert sum(1 for *_, o, _ in log if o == "killed") >= len(plan) - 1, log  # every build checked complete after
    assert any(0 < st["documents"] < n_docs for *_, st in log), "no kill landed between two articles"

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


@pytest.mark.parametrize("fmt", ["graphml", "jsonl"])
def test_a_killed_export_leaves_the_previous_file_whole(tmp_path, fmt):
    """Exports write a temporary file and rename it: a process killed mid-write leaves the old file as it was."""
    import networkx as nx

    from graphkit import export
    from graphkit.records import Claim

    out = tmp_path / f"g.{fmt}"
    G = nx.MultiDiGraph(); G.add_node("b", type="actor")
    export.write(G, fmt, out, claims=[Claim(id="b", doc_id="d", speaker="Y", speaker_id="actor:y", text="u",
                                            spans=[(0, 1)], kind="direct", cue="said")])  # the previous complete export
    previous = out.read_text()
    code = f"""
import os, signal
import networkx as nx
from graphkit import export
from graphkit.records import Claim

real = export.atomic_open
def dying_open(path, mode="w", **kw):
    ctx = real(path, mode, **kw)
    f = ctx.__enter__()
    f.write(b"<half" if "b" in mode else "half")
    f.flush()
    os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the write
export.atomic_open = dying_open
G = nx.MultiDiGraph(); G.add_node("a", type="actor")
c = Claim(id="c", doc_id="d", speaker="X", speaker_id="actor:x", text="t", spans=[(0, 1)], kind="direct", cue="said")
export.write(G, {fmt!r}, {str(out)!r}, claims=[c])
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert out.read_text() == previous
