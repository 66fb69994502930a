"""What a process graphkit forks does first: end when the process that forked it ends.

graphkit forks three kinds of helper process: the parse pool's host and its workers (`graphkit.extract`) and the
child that works out linking's words beside a build (`graphkit.textmemo`). Each ends on its own when its work is
done or its parent goes, and each parent reaps or stops its children. A child stuck before it can notice (a lock
another thread held at the fork is never let go in the child) would outlive a parent that was killed, and an
orphan holding its parent's standard output keeps a pipeline reading that output (a CI runner, ``| tee``) open
for ever. `die_with_parent` asks Linux to kill the child with its parent (``prctl(PR_SET_PDEATHSIG)``); elsewhere
it does nothing and the children's own checks remain.

>>> import multiprocessing as mp
>>> child = mp.get_context("fork").Process(target=die_with_parent)
>>> start(child); child.join(); child.exitcode   # asked, and ended as its parent lives on
0
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Optional

#: prctl's option "send this signal when the parent thread ends" (linux/prctl.h)
PR_SET_PDEATHSIG = 1

#: the pid of the process that last started a child through `start` (a forked child inherits it: its parent)
_forked_from: Optional[int] = None


def start(process) -> None:
    """Start a ``multiprocessing`` process of the fork context, noting who forks it, so that the child's
    `die_with_parent` knows its parent even when that parent ended before the child ran a line."""
    global _forked_from
    _forked_from = os.getpid()
    process.start()


def die_with_parent(parent: Optional[int] = None) -> bool:
    """In a forked child: have the kernel send SIGKILL to this process when its parent ends. ``parent``: the pid
    the child was forked from (default: the process that called `start`, else the current parent); a parent
    already gone (this process was re-parented before the request took hold) ends this process at once. Returns whether the kernel took the request (Linux only; the
    request is best-effort, never an error). Call it first in a fork's target, before anything that takes a lock.
    The signal follows the parent *thread* that forked: a pool is made and closed in one thread, so the two
    coincide for graphkit's children."""
    if not sys.platform.startswith("linux"):
        return False
    expected = parent if parent is not None else _forked_from if _forked_from is not None else os.getppid()
    try:
        import ctypes

        asked = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):  # no libc prctl here
        asked = False
    if os.getppid() != expected:  # the parent ended before the request took hold: follow it now
        os._exit(1)
    return asked
