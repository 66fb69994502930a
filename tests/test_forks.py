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

from graphkit import extract, forks, textmemo

MIDDLE = textwrap.dedent("""
    import multiprocessing as mp, sys, time
    from graphkit import forks

    def child(ask):
        if ask == "late":  # asks only after its parent is gone
            time.sleep(1)
        if ask != "no":
            forks.die_with_parent()
        time.sleep(60)

    p = mp.get_context("fork").Process(target=child, args=(sys.argv[1],), daemon=False)
    forks.start(p)
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
@pytest.mark.parametrize("ask, survives", [("ask", False), ("late", False), ("no", True)])
def test_a_forked_child_that_asks_ends_with_its_killed_parent(ask, survives):
    middle = subprocess.Popen([sys.executable, "-c", MIDDLE, ask], stdout=subprocess.PIPE, text=True)
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


@pytest.mark.parametrize("target", [extract._pool_host, extract._work, extract._init_worker, textmemo._work_out])
def test_every_fork_target_asks_first(target):
    body = ast.parse(textwrap.dedent(inspect.getsource(target))).body[0].body
    calls = [n for n in body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    first = calls[0].value.func
    assert isinstance(first, ast.Name) and first.id == "die_with_parent"
