"""One ``graphkit.build`` in this process, with resolution's stages in CPU seconds (issue #17: run AN's figures).

    python bench/resolve_stages.py CORPUS STORE                    # build or rebuild STORE from CORPUS
    python bench/resolve_stages.py CORPUS STORE --full             # resolve everything again (nothing kept is read)
    python bench/resolve_stages.py CORPUS STORE --rediscover       # ... and discover issues, fit the issue model
    python bench/resolve_stages.py CORPUS STORE --workers 2        # parse in two workers (the tail is this process)
    python bench/resolve_stages.py CORPUS STORE --profile OUT      # cProfile of `resolve_store` into OUT (pstats, thread CPU s)
    python bench/resolve_stages.py CORPUS STORE --fresh --no-freeze   # a build from nothing without gc.freeze
    python bench/resolve_stages.py CORPUS STORE --src /tmp/main    # another checkout (its root first on the path)

Prints one JSON line: `resolve_store`'s thread CPU seconds and each stage's (its stage clock, graphkit.resolution's
``StageClock`` or an older checkout's ``graphkit.build._Clock``, patched from here to count this thread's CPU
time: on a machine other work shares, CPU seconds hold where wall seconds do not), the process's CPU seconds, the
CPU seconds of the forked child that works out linking's words beside the first stages (``words_child_cpu``: in a
``--workers`` build, the second core's share of the tail; None when none was forked), its peak resident memory
(``ru_maxrss``), what the build reported, and with ``--garbage`` how many unreachable objects
a collection finds once the build has returned (what ``gc.freeze`` held to its end: graphkit.memory.settle).
``--no-freeze`` makes ``graphkit.memory.settle`` a no-op (the collector then walks everything as Python's does).
Pair two checkouts (``--src``) on copies of stores their own code resolved last, order alternated: graphkit's code
is in the key of everything a resolution keeps, so a store another checkout resolved is resolved again in full.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("store", type=Path)
    ap.add_argument("--src", type=Path, default=None, help="a checkout's root to run (default: this one)")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--rediscover", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--fresh", action="store_true", help="delete STORE first (a build from nothing)")
    ap.add_argument("--no-freeze", action="store_true", help="graphkit.memory.settle made a no-op")
    ap.add_argument("--garbage", action="store_true", help="count what a collection finds after the build")
    ap.add_argument("--profile", type=Path, default=None, help="write a cProfile of resolve_store here")
    a = ap.parse_args()
    from corpus_check import corpus_error  # no graphkit: said before this checkout's or --src's is imported

    if err := corpus_error("resolve_stages", a.corpus):
        ap.exit(2, err)
    if a.src is not None:
        # bench_build.checkout's test, written here: importing bench_build would import this checkout's graphkit
        # (through bench/polnear.py) before --src is on the path, and --src's could no longer be imported
        if not (a.src / "graphkit" / "__init__.py").is_file():  # else this checkout's graphkit would run unsaid
            ap.exit(2, f"resolve_stages: error: --src {a.src} holds no graphkit checkout (no graphkit/__init__.py); "
                       "give a checkout's root\n")
        sys.path.insert(0, str(a.src.resolve()))
    import graphkit  # noqa: F401  (the package binds graphkit.build to the function: the module is sys.modules')

    errors = sys.modules["graphkit.errors"]  # the checkout's own: its errors, said its way
    try:
        print(json.dumps(run(a, graphkit)))
    except Exception as e:  # noqa: BLE001 - a user's mistake is one line (cause and fix); a bug keeps its traceback
        line = errors.user_error_line(e) if hasattr(errors, "user_error_line") else None
        if line is None:
            raise
        ap.exit(2, f"resolve_stages: error: {line}\n")


def run(a: argparse.Namespace, graphkit) -> dict:
    """One build of ``a.store`` from ``a.corpus`` with the checkout ``graphkit`` (imported), its figures."""
    build = sys.modules["graphkit.build"]
    stages: dict[str, float] = {}
    tail: dict[str, float] = {}
    real = build.resolve_store

    def resolving(*args, **kw):
        t = time.thread_time()
        prof = None
        if a.profile is not None:
            import cProfile

            prof = cProfile.Profile(time.thread_time)  # this thread's CPU, as the stages: it holds under load
            prof.enable()
        try:
            return real(*args, **kw)
        finally:
            if prof is not None:
                prof.disable()
                prof.dump_stats(a.profile)
            tail["resolve"] = time.thread_time() - t

    if a.fresh:
        for p in a.store.parent.glob(a.store.name + "*"):
            p.unlink()
    c = time.process_time()
    with ExitStack() as patched:  # what is swapped in for the build is put back after it, however it ends
        patched.enter_context(_counting_stages(stages))
        patched.enter_context(_swapped(build, "resolve_store", resolving))
        if a.no_freeze:
            patched.enter_context(_swapped(sys.modules["graphkit.memory"], "settle", lambda: False))
            patched.enter_context(_swapped(build, "settle", lambda: False))
        words_child_cpu = patched.enter_context(_words_child_timed())
        report = build.build(a.corpus, a.store, full=a.full or a.rediscover, rediscover=a.rediscover,
                             workers=a.workers)
        child_cpu = words_child_cpu()
    out = {"src": str(Path(graphkit.__file__).parents[1]), "resolve_cpu": round(tail.get("resolve", 0.0), 3),
           "stages_cpu": {k: round(v, 3) for k, v in stages.items()}, "process_cpu": round(time.process_time() - c, 2),
           "words_child_cpu": child_cpu,
           "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "parsed": report.parsed, "claims": report.claims, "actors": report.actors, "load": os.getloadavg()[0]}
    if a.garbage:
        out["unreachable_after_build"] = gc.collect()
    return out


@contextmanager
def _words_child_timed(under: Path | None = None):
    """While in it, the forked child that works out linking's words beside the resolution's first stages
    (`graphkit.textmemo.work_out_beside`) writes its own CPU seconds (a forked child's CPU clock starts at 0: the second
    core's share of the tail) into a temporary folder of this context's, made ``under`` the folder given (the system's
    temporary folder by default); it gives a function reading them, None when no child was forked (fewer texts than
    `graphkit.textmemo.BESIDE_MIN_TEXTS`), the checkout has none, or the write failed. On leaving, however it is left,
    graphkit's own function is put back (a build after it, a test's in the same process, runs it as it is) and the
    folder removed."""
    textmemo = sys.modules.get("graphkit.textmemo")
    work_out = getattr(textmemo, "_work_out", None)
    with tempfile.TemporaryDirectory(prefix="resolve_stages-", dir=under) as tmp:
        record = Path(tmp) / "words_child_cpu"

        def timed(texts, writer):
            try:
                work_out(texts, writer)
            finally:
                try:
                    record.write_text(f"{time.process_time():.3f}", encoding="utf-8")
                except OSError:  # the figure is missing (None), the build unchanged
                    pass

        if work_out is not None:
            textmemo._work_out = timed
        try:
            yield lambda: float(record.read_text(encoding="utf-8")) if record.exists() else None
        finally:
            if work_out is not None:
                textmemo._work_out = work_out


def _counting_stages(stages: dict[str, float]):
    """A context in which resolve_store's stage clock (wherever this checkout keeps it) is one adding this thread's CPU
    seconds since its last tick to ``stages[stage]`` (`worker_parts.thread_stage_clock`); the checkout's own clock is
    put back on leaving (a build after it, a test's in the same process, times its stages as graphkit does)."""
    from bench_resolve import stage_clock  # (bench/ is this script's folder, first on the path)
    from worker_parts import thread_stage_clock

    return _swapped(*stage_clock(), thread_stage_clock(stages))


@contextmanager
def _swapped(owner, name: str, value):
    """``owner.name`` is ``value`` while in it, what it was after.

    >>> from types import SimpleNamespace
    >>> ns = SimpleNamespace(f="graphkit's")
    >>> with _swapped(ns, "f", "the bench's"):
    ...     ns.f
    "the bench's"
    >>> ns.f
    "graphkit's"
    """
    was = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield value
    finally:
        setattr(owner, name, was)


if __name__ == "__main__":
    main()
