"""What a process graphkit forks does first: end when the process that forked it ends.

graphkit forks three kinds of helper process: the parse pool's host and its workers (`graphkit.parse_pool`) and the
child that works out linking's words beside a build (`graphkit.textmemo`). Each ends on its own when its work is
done or its parent goes, and each parent reaps or stops its children. A child stuck before it can notice (a lock
another thread held at the fork is never let go in the child) would outlive a parent that was killed, and an
orphan holding its parent's standard output keeps a pipeline reading that output (a CI runner, ``| tee``) open
for ever. `die_with_parent` asks Linux to kill the child with its parent (``prctl(PR_SET_PDEATHSIG)``); elsewhere
it does nothing and the children's own checks remain.

A child forked by `start` asks inside the fork itself (`os.register_at_fork`: `_armed_child` runs in the child
before ``os.fork`` returns there), so it is covered before multiprocessing's own start-up in the child, which
runs its after-fork callbacks and takes their locks before the target's first line, and where a lock held at the
fork would leave it stuck for ever. libc's ``prctl`` is looked up by `start` in the parent: the child only calls
it. A fork made otherwise (``os.fork``, a process's own ``start()``, another thread's) is not touched.

>>> import multiprocessing as mp
>>> child = mp.get_context("fork").Process(target=die_with_parent)
>>> start(child); child.join(); child.exitcode   # asked, and ended as its parent lives on
0
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Callable, Optional

#: prctl's option "send this signal when the parent thread ends" (linux/prctl.h)
PR_SET_PDEATHSIG = 1

#: (pid, thread id) of the `start` under way: the fork it makes is the one `_armed_child` acts in
_starting: Optional[tuple[int, int]] = None

#: libc's ``prctl``, looked up before any fork (`_libc_prctl`): a child calls it without loading anything
_prctl: Optional[Callable] = None


def start(process) -> None:
    """Start a ``multiprocessing`` process of the fork context so that the child asks to end with this process
    inside the fork (`_armed_child`), before anything else runs in it."""
    global _starting
    _libc_prctl()
    _starting = (os.getpid(), threading.get_ident())
    try:
        process.start()
    finally:
        _starting = None


def die_with_parent(parent: Optional[int] = None) -> bool:
    """In a forked or spawned child: have the kernel send SIGKILL to this process when its parent ends. ``parent``:
    the pid of the process that started this one, which that process hands it (default: the current parent); a
    parent already gone (this process was re-parented before the request took hold) ends this process at once.
    Returns whether the kernel took the request (Linux only; the request is best-effort, never an error). A child of
    `start` has asked already, in the fork (`_armed_child`); a spawned one calls it first, before anything that
    takes a lock, with the pid its parent gave it (`graphkit.parse_pool._init_worker`). The signal follows the parent
    *thread* that forked: a pool is made and closed in one thread, so the two coincide for graphkit's children."""
    if not sys.platform.startswith("linux"):
        return False
    expected = parent if parent is not None else os.getppid()
    prctl = _libc_prctl()
    asked = prctl is not None and prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    if os.getppid() != expected:  # the parent ended before the request took hold: follow it now
        os._exit(1)
    return asked


def _libc_prctl() -> Optional[Callable]:
    """libc's ``prctl`` (None where there is none: not Linux, no libc), looked up once."""
    global _prctl
    if _prctl is None and sys.platform.startswith("linux"):
        try:
            import ctypes

            _prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):  # no libc prctl here
            pass
    return _prctl


def _armed_child() -> None:
    """After every fork, in the child: when the fork is the one a `start` in the same thread made, ask to end with
    the parent (`die_with_parent`) before anything else runs in the child. Never raises (a fork hook's error would
    only be printed)."""
    global _starting
    armed, _starting = _starting, None
    if armed is None or armed[1] != threading.get_ident():
        return
    try:
        die_with_parent(armed[0])
    except Exception:  # noqa: BLE001  best-effort, as die_with_parent: the child's own checks remain
        pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_armed_child)
