"""When the machine stops a command (split from tests/test_cli.py along a command's data flow: its arguments there,
its outputs in tests/test_cli_outputs.py, its failures here): a disk that fills or cannot be written, an SQLite error
that says nothing of the store, Ctrl-C, a store another build or program holds: one line that says what was kept, exit
code as the command's, the store never left damaged."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from graphkit.store import Store

from cli_run import run, run_main, tree


# A disk that fills or cannot be written while a file is written: (errno, strerror, the fix the line gives)
WRITE_ERRORS = [
    (errno.ENOSPC, "No space left on device", "free space on that disk or give a path on another"),
    (errno.EROFS, "Read-only file system", "give a path on a disk that can be written"),
]


WRITES = [["export", "graphml", "--store", "ok.gk", "-o", "g.graphml"],  # (named apart from WRITERS above)
          ["export", "jsonl", "--store", "ok.gk", "-o", "c.jsonl"],
          ["view", "--store", "ok.gk", "-o", "v.html"]]


@pytest.mark.parametrize("code,said,fix", WRITE_ERRORS, ids=["disk full", "read-only disk"])
@pytest.mark.parametrize("args", WRITES, ids=[" ".join(a[:2]) for a in WRITES])
def test_a_disk_that_cannot_take_the_file_says_what_to_do(work, args, code, said, fix, capsys, monkeypatch):
    """The write fails as the finished file is put in place (simulated: no disk to fill here): one line with the
    fix for that kind of failure, and nothing half-written left."""
    def failing(src, dst):
        raise OSError(code, said)

    monkeypatch.setattr(os, "replace", failing)
    before = tree(work)
    proc = run_main(args, work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("graphkit: error: ") and said in line and line.endswith(fix), line
    assert tree(work) == before


# An SQLite error that says nothing is wrong with the store: (the error, words of the line)
SQLITE_ERRORS = [
    ("database or disk is full", "the disk holding the store is full (database or disk is full); free space there"),
    ("database is locked", "another program holds the store (database is locked); close it"),
    ("attempt to write a readonly database", "the store cannot be written here"),
]


@pytest.mark.parametrize("said,words", SQLITE_ERRORS, ids=[s for s, _ in SQLITE_ERRORS])
def test_a_build_stopped_by_sqlite_says_why_not_that_the_store_is_damaged(work, said, words, capsys, monkeypatch):
    """A build whose article write SQLite refuses (simulated: the write raises what SQLite raises then) says the
    cause and the fix, never "it may be damaged: rebuild it" (a store keeps every article written before)."""
    def refused(self, *args, **kwargs):
        raise sqlite3.OperationalError(said)

    monkeypatch.setattr(Store, "put_article", refused)
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("graphkit: error: ") and words in line and "damaged" not in line, line


def _disk_fills_at(monkeypatch, method: str) -> None:
    """Store.<method> meets a full disk: SQLite's own (its ``max_page_count`` set to the pages the store has, so the
    next page it needs fails as a full disk does, SQLite rolling the transaction back itself), not a raised stand-in."""
    original = getattr(Store, method)

    def full(self, *args, **kwargs):
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count={pages}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, method, full)


def _long_article(work: Path) -> None:
    """The corpus's article made long enough that storing it, or its claims, needs pages the store does not have."""
    text = " ".join(f"Sergey Lavrov said Europe was to blame for crisis number {n}." for n in range(60))
    (work / "corpus" / "a.txt").write_text(text)


@pytest.mark.parametrize("store", ["new.gk", "new/s.gk"])
def test_a_first_build_the_disk_cannot_take_leaves_no_store(work, store, capsys, monkeypatch):
    """The disk fills at the first article of a new store: one line with the fix, and no store file left behind
    (only the lock file, kept on purpose: graphkit.store_file.writer_lock, and the folder holding it). On the old
    code the line said "cannot rollback - no transaction is active; it may be damaged" and an empty store stayed."""
    _long_article(work)
    _disk_fills_at(monkeypatch, "put_article")
    before = tree(work)
    proc = run_main(["build", "corpus", "--store", store, "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "the disk holding the store is full" in line and "damaged" not in line, line
    assert line.endswith("the new store held no article yet and was removed"), line  # said "... is kept"
    assert set(tree(work)) - set(before) <= {"new", store + ".lock"}
    assert tree(work).items() >= before.items()


def test_a_disk_that_fills_during_a_rebuild_keeps_the_store(work, capsys, monkeypatch):
    """A changed article the disk cannot take: the cause and the fix, and the store answers as before."""
    assert run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    _long_article(work)
    _disk_fills_at(monkeypatch, "put_article")
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "the disk holding the store is full" in line and "damaged" not in line, line
    monkeypatch.undo()
    proc = run_main(["claims", "--store", "s.gk", "--format", "tsv"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "Europe was to blame" in proc.stdout and "crisis" not in proc.stdout


def test_a_first_build_stopped_before_its_resolution_says_so(work, capsys, monkeypatch):
    """The disk fills as the first build writes the resolved claims: the articles stored are kept, a query says the
    build stopped (it answered "no claims"), and the next build parses nothing again."""
    _long_article(work)
    _disk_fills_at(monkeypatch, "replace_resolved")
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 2 and "the disk holding the store is full" in proc.stderr, proc.stderr
    monkeypatch.undo()
    for args in (["claims", "--store", "s.gk"], ["export", "jsonl", "--store", "s.gk", "-o", "c.jsonl"],
                 ["issues", "suggest", "--store", "s.gk", "-o", "issues.yaml"]):  # suggest: discovered from nothing
        proc = run_main(args, work, capsys, monkeypatch)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert "holds 1 article(s) but its first build stopped before it resolved" in line, line
    assert not (work / "c.jsonl").exists() and not (work / "issues.yaml").exists()
    proc = run_main(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "(0 parsed, 1 unchanged)" in proc.stdout, proc.stdout + proc.stderr
    proc = run_main(["claims", "--store", "s.gk", "--format", "tsv"], work, capsys, monkeypatch)
    assert proc.returncode == 0 and "crisis number 59" in proc.stdout


def _ctrl_c(*_a, **_k):
    raise KeyboardInterrupt


def _ctrl_c_at(monkeypatch, where: tuple[str, str]) -> None:
    """Ctrl-C pressed when the function ``where`` names (module, [class.]name) is called."""
    import importlib

    module, name = where
    owner = importlib.import_module(module)
    if "." in name:
        owner, name = getattr(owner, name.split(".")[0]), name.split(".")[1]
    monkeypatch.setattr(owner, name, _ctrl_c)


#: (command, what Ctrl-C stops, the line it says): of a build, what its store kept (every build said "the store keeps
#: every article finished so far" even when none was and the new store was removed); of another command, no store talk
INTERRUPTED = [
    (["build", "corpus", "--store", "new.gk", "-q"], ("graphkit.build", "parse_changed"),
     "graphkit: interrupted before any article was stored; no store was left at 'new.gk' — run the same command to "
     "start again"),
    (["build", "corpus", "--store", "new.gk", "-q"], ("graphkit.build", "resolve_if_changed"),
     "graphkit: interrupted; the store keeps every article finished so far — run the same command to resume"),
    (["claims", "--store", "ok.gk"], ("graphkit.query", "Graphkit.claim_records"), "graphkit: interrupted"),
]


@pytest.mark.parametrize("args,where,said", INTERRUPTED, ids=["build, none stored", "build, stored", "claims"])
def test_ctrl_c_says_what_was_kept(work, args, where, said, capsys, monkeypatch):
    _ctrl_c_at(monkeypatch, where)
    proc = run_main(args, work, capsys, monkeypatch)
    assert proc.returncode == 130 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.strip().splitlines() == [said]
    assert (work / "new.gk").exists() == (where[1] == "resolve_if_changed")


def run_program(args, cwd, capsys, monkeypatch) -> tuple[int, list[str], bool]:
    """cli.main in this process as the program runs it (its arguments from ``sys.argv``): its exit status, its lines
    on stderr, and whether it left without Python's teardown (`graphkit.program.leave`, stood in for here)."""
    from graphkit import cli, program

    left = []

    def leave(code):
        left.append(code)
        sys.exit(code)

    monkeypatch.setattr(program, "leave", leave)
    monkeypatch.setattr(sys, "argv", ["graphkit", *map(str, args)])
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    try:
        cli.main()
        code = 0
    except SystemExit as e:
        code = e.code
    return code, capsys.readouterr().err.strip().splitlines(), bool(left)


#: (a command, what Ctrl-C stops in it or None): run as the program after a build in the same process (a notebook's,
#: a test's), each must do what it does run first; the build's "leave at once" stayed set, so each left without
#: Python's teardown, and a build's store stayed named after it
AFTER_A_BUILD = [
    (["claims", "--store", "ok.gk"], None),
    (["claims", "--store", "ok.gk"], ("graphkit.query", "Graphkit.claim_records")),
    (["build", "corpus", "--store", "new.gk", "-q"], ("graphkit.build", "parse_changed")),
]


@pytest.mark.parametrize("args,where", AFTER_A_BUILD, ids=["claims", "claims, Ctrl-C", "build, Ctrl-C"])
def test_a_command_after_a_build_in_the_same_process_runs_as_the_first(work, args, where, capsys, monkeypatch):
    from graphkit import program

    def run():
        with monkeypatch.context() as m:
            if where:
                _ctrl_c_at(m, where)
            return run_program(args, work, capsys, monkeypatch)

    first = run()
    code, _, left = run_program(["build", "corpus", "--store", "s.gk", "-q"], work, capsys, monkeypatch)
    assert code == 0 and left and program.NOW == program.Command()  # the build left nothing set behind it
    assert run() == first and not first[2]
    assert first[0] == (130 if where else 0)


@contextmanager
def lock_held(store: Path):
    """Another process holding the store's writer lock (`graphkit.store_file.writer_lock`), as a build does from its
    start to its end; let go when the block ends."""
    hold = ("import sys, time; from graphkit.store_file import writer_lock\n"
            "with writer_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(120)")
    proc = subprocess.Popen([sys.executable, "-c", hold, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        yield store
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture
def held(work):
    with lock_held(work / "new.gk") as store:
        yield store


@pytest.mark.parametrize("articles", [0, 1])
def test_a_store_whose_first_build_is_running_says_so(work, held, articles, capsys, monkeypatch):
    """A reader of a store whose first build has not finished said nothing (an empty table, "0 claims" written) before
    the build stored an article, and "its first build stopped ... run build again" after: the build is running."""
    from graphkit.records import Document

    with Store(held, create=True) as s:  # what a first build has written so far
        if articles:
            s.put_article(Document(id="a", path="a.txt", text="Tom Hale said so.", sha256="0" * 64, format="txt"),
                          '{"doc_id": "a", "items": []}', "key")
    for args in (["claims", "--store", "new.gk"], ["export", "jsonl", "--store", "new.gk", "-o", "c.jsonl"],
                 ["actors", "--store", "new.gk"], ["issues", "suggest", "--store", "new.gk", "-o", "issues.yaml"]):
        proc = run_main(args, work, capsys, monkeypatch)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert line == ("graphkit: error: 'new.gk' is being built and no build of it has finished yet; run this "
                        "again when `graphkit build` ends"), line
    assert not (work / "c.jsonl").exists() and not (work / "issues.yaml").exists()


def test_a_store_being_rebuilt_answers_from_its_last_build(work, capsys, monkeypatch):
    """A control: once a build has finished, a rebuild running is no reason to refuse (readers read the last one)."""
    assert run_main(["build", "corpus", "--store", "new.gk", "-q"], work, capsys, monkeypatch).returncode == 0
    with lock_held(work / "new.gk"):
        got = run_main(["claims", "--store", "new.gk", "--format", "tsv"], work, capsys, monkeypatch)
    assert got.returncode == 0 and "Europe was to blame" in got.stdout, got.stderr


@pytest.mark.slow
def test_a_store_another_program_holds_says_so(work, capsys, monkeypatch):
    """A database browser holding the store in a write transaction: graphkit waits its 10 s, then says who to
    close (it said "cannot be opened as a graphkit store ...; rebuild it")."""
    holder = sqlite3.connect(work / "ok.gk", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        proc = run_main(["claims", "--store", "ok.gk"], work, capsys, monkeypatch)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "another program holds the store (database is locked); close it" in line and "rebuild" not in line, line


@pytest.mark.parametrize("folder", ["a#b", "c%20d", "e?mode=rw"])
def test_a_store_in_a_folder_whose_name_reads_otherwise_as_a_uri(work, folder, capsys, monkeypatch):
    """A store is opened read-only through an SQLite URI (a rebuild's check of the store, every query): a folder
    name a URI reads otherwise ('#' ends the name, '%20' is a space, '?' starts the options) is the folder still.
    On the old code the rebuild was refused ('c%20d') or SQLite made a stray file 'a' beside the folder ('a#b')."""
    (work / folder).mkdir()
    store = f"{folder}/s.gk"
    for args in (["build", "corpus", "--store", store, "-q"], ["build", "corpus", "--store", store, "-q"],
                 ["claims", "--store", store, "--format", "tsv"]):
        before = {k for k in tree(work) if not k.startswith(folder)}
        proc = run_main(args, work, capsys, monkeypatch)
        assert proc.returncode == 0, proc.stderr
        assert {k for k in tree(work) if not k.startswith(folder)} == before   # nothing made beside the folder
    assert "Sergey Lavrov" in proc.stdout
