"""A process graphkit forks ends with the process that forked it (graphkit.forks), so no orphan outlives a killed
build and holds its output open."""

import ast
import inspect
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from graphkit import forks, parse_pool, textmemo

MIDDLE = textwrap.dedent("""
    import multiprocessing as mp, multiprocessing.util, os, sys, time
    from graphkit import forks

    how, ask = sys.argv[1], sys.argv[2]
    parent = os.getpid()  # handed to the child, as graphkit.parse_pool hands it to a spawned worker

    def child():
        if ask == "late":  # asks only after its parent is gone
            time.sleep(1)
        if ask in ("ask", "late"):
            forks.die_with_parent(parent)
        time.sleep(60)

    if ask == "stuck":  # multiprocessing's start-up in the child never reaches the target (a lock held at the fork)
        multiprocessing.util.register_after_fork(child, lambda _: time.sleep(60))
    p = mp.get_context("fork").Process(target=child, daemon=False)
    if how == "start":
        forks.start(p)
    else:  # the process's own start(): the child's own call is all there is (as in a spawned worker)
        p.start()
    print(p.pid, flush=True)
    time.sleep(60)
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize("how, ask, survives", [
    ("start", "no", False),     # forked by forks.start: it asked in the fork, before its target
    ("start", "stuck", False),  # ... even stuck in multiprocessing's start-up, before the target's first line
    ("plain", "ask", False),    # a child that asks first
    ("plain", "late", False),   # one that asks after the parent is gone
    ("plain", "no", True),      # one that does not ask, nor was forked by forks.start: left alone
])
def test_a_forked_child_ends_with_its_killed_parent(how, ask, survives):
    middle = subprocess.Popen([sys.executable, "-c", MIDDLE, how, ask], stdout=subprocess.PIPE, text=True)
    child = int(middle.stdout.readline())
    time.sleep(0.3)  # the child has run its first line
    middle.send_signal(signal.SIGKILL)
    middle.wait()
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert _alive(child) == survives
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)


def _starts(module) -> list[str]:
    """Each start of something in ``module``'s code: ``start(x)`` (graphkit.forks.start) or ``x.start()``."""
    calls = [n for n in ast.walk(ast.parse(inspect.getsource(module))) if isinstance(n, ast.Call)]
    return ([ast.unparse(c) for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "start"]
            + ["start()" for c in calls if isinstance(c.func, ast.Name) and c.func.id == "start"])


@pytest.mark.parametrize("module", [parse_pool, textmemo])
def test_every_fork_is_started_by_forks_start(module):
    # the modules that fork start every process through forks.start, so that each child asks in the fork
    assert "start()" in _starts(module) and set(_starts(module)) == {"start()"}


def test_a_spawned_pool_hands_its_workers_this_process(monkeypatch):
    """`parse_pool._spawned_extract` gives each spawned worker the pid of the process that starts the pool, for the
    worker's first call to ask about (the pool's start is recorded, not run)."""
    import concurrent.futures

    class Started(Exception):
        pass

    seen = {}

    def pool(**kw):
        seen.update(kw)
        raise Started

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    with pytest.raises(Started):
        next(parse_pool._spawned_extract([], "a_model", 2, 4, 16, None))
    assert seen["initializer"] is parse_pool._init_worker and seen["initargs"] == ("a_model", os.getpid())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_spawned_worker_whose_parent_is_gone_ends_before_it_loads_anything():
    """Spawned, a worker did not ask in a fork: its first call asks, about the parent pid the pool hands it. Handed a
    pid that is no longer its parent (the pool's process was killed before the worker ran: it was adopted), it ends
    at once; asking about whoever adopted it, it would load the pipeline and live on."""
    gone = "import os; from graphkit import parse_pool; parse_pool._init_worker(None, os.getppid() + 1); print('loaded')"
    proc = subprocess.run([sys.executable, "-c", gone], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "loaded" not in proc.stdout, (proc.returncode, proc.stdout, proc.stderr)
