"""Where a ``graphkit build --workers 2`` command spends, per process, as one table from one run (issue #17).

    python bench/worker_parts.py CORPUS                    # one traced --workers 2 command
    python bench/worker_parts.py CORPUS --workers 1        # the one-process command, traced the same way
    python bench/worker_parts.py CORPUS --keep DIR         # the trace (JSON lines) and the store kept in DIR

Runs ``graphkit build CORPUS --store S -q --workers N`` as a command (this script re-run as its own child, as
`bench_phases.py` does), with hooks wrapping graphkit's and spaCy's functions from outside as each module is imported
(`bench_phases.after_import`): nothing in graphkit changes. Every process appends to one trace file; the table then
gives, per process (the caller, the pool host, each worker), its CPU seconds by part and its waits:

- the caller: the corpus read, the resolution's warm-up (its main thread's part and its thread's), each result
  received (its unpickling, and the waits), its JSON (`model_dump_json`), the resolution's arrival work
  (`ArrivedInputs.add`), the store's writes, the resolution and its stages; the events say when the store was opened,
  the documents handed over, the parse ended, and the store closed before the exit;
- the pool host: the pipeline's load and the extraction's warm-up (the events: when the workers were forked);
- each worker: spaCy's components one by one (exclusive CPU: a component's own time, not the upstream components
  its generator pulls from), graphkit's components, `extract_parsed`, the rest of a batch (tokenizer, records),
  pickling and sending its results (and their size), the waits for a free window slot, the table cache written at
  its end, and how the articles were split: batches, articles and characters taken, and when each worker was done
  against the last result in.

In every process, the cycle collector's runs by generation (their CPU lies within the other parts), and its user and
system CPU and minor faults at each event. CPU seconds are thread CPU of the process's main thread (the caller's
warm-up thread apart), so they hold on a loaded machine; wall figures hold only on a quiet one. Linux only. Run BX (bench/README.md) is its first use.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


# -- in the traced command -----------------------------------------------------------------------------
class Parts:
    """Exclusive thread-CPU and wall seconds per named part of one process: a part timed inside another (a spaCy
    component's generator pulling from the one before it) is taken out of the outer one's figure. ``clocks``: the
    (CPU, wall) clocks read (a test gives its own).

    >>> ticks = iter(range(100))
    >>> parts = Parts(clocks=(lambda: next(ticks), lambda: 0))
    >>> parts.call("outer", lambda: parts.call("inner", lambda: None))   # outer 0 … inner 1, 2 … outer 3
    >>> dict(parts.cpu)
    {'inner': 1.0, 'outer': 2.0}
    >>> list(parts.gen("component", iter("ab"))), parts.count["component"]   # each next timed, the last too
    (['a', 'b'], 3)
    """

    def __init__(self, clocks=(time.thread_time, time.perf_counter)):
        self.cpu: dict = defaultdict(float)
        self.wall: dict = defaultdict(float)
        self.count: dict = defaultdict(int)
        self.stack: list = []  # [child cpu, child wall] of the parts being timed
        self.clock, self.wall_clock = clocks

    def call(self, name: str, fn, /, *a, **k):
        """``fn(*a, **k)`` timed as ``name`` (a keyword ``name`` or ``fn`` goes to ``fn``)."""
        t0, w0 = self.clock(), self.wall_clock()
        self.stack.append([0.0, 0.0])
        try:
            return fn(*a, **k)
        finally:
            self._done(name, t0, w0)

    def _done(self, name: str, t0: float, w0: float) -> None:
        child_cpu, child_wall = self.stack.pop()
        cpu, wall = self.clock() - t0, self.wall_clock() - w0
        self.cpu[name] += cpu - child_cpu
        self.wall[name] += wall - child_wall
        self.count[name] += 1
        if self.stack:
            self.stack[-1][0] += cpu
            self.stack[-1][1] += wall

    def rows(self) -> dict:
        """name -> [CPU s, wall s, count] of every part, a part only counted (the bytes a worker sent) among them.

        >>> parts = Parts(clocks=(iter(range(100)).__next__, lambda: 0))
        >>> parts.call("results pickled", lambda: None); parts.count["bytes sent"] += 4096
        >>> parts.rows()
        {'results pickled': [1.0, 0.0, 1], 'bytes sent': [0.0, 0.0, 4096]}
        """
        return {k: [self.cpu[k], self.wall[k], self.count[k]] for k in {**self.cpu, **self.count}}

    def wrap(self, name: str, fn):
        """``fn`` with each call timed as ``name`` (`call`).

        >>> parts = Parts(clocks=(iter(range(100)).__next__, lambda: 0))
        >>> parts.wrap("f", lambda name: name.upper())(name="x"), dict(parts.cpu)
        ('X', {'f': 1.0})
        """
        return lambda *a, **k: self.call(name, fn, *a, **k)

    def gen(self, name: str, items):
        """``items`` (an iterator) with the time of each ``next`` counted to ``name``."""
        it = iter(items)
        while True:
            t0, w0 = self.clock(), self.wall_clock()
            self.stack.append([0.0, 0.0])
            try:
                x = next(it)
            except StopIteration:
                return
            finally:
                self._done(name, t0, w0)
            yield x


def thread_stage_clock(into: dict | None = None, prefix: str = "", now=time.thread_time) -> type:
    """A class to put in place of `graphkit.resolution.StageClock` (`bench_resolve.stage_clock` says where a checkout
    keeps it) that counts each stage in this thread's CPU seconds, not wall (on a machine other work shares, CPU
    holds where wall does not): each tick adds the thread CPU since the last to ``into[prefix + stage]``, or with no
    ``into`` to the ``timings`` `resolve_store` hands its clock (nothing when it hands None). The one stage clock of
    the bench's scripts (`resolve_stages`, `profile_build` and this one's traced command); ``now``: the clock read.

    >>> stages = {}; clock = thread_stage_clock(stages, "resolve:", iter([1.0, 1.5, 3.5]).__next__)(None)
    >>> clock("read"); clock("actors"); stages
    {'resolve:read': 0.5, 'resolve:actors': 2.0}
    >>> given = {}; clock = thread_stage_clock(now=iter([0.0, 0.25]).__next__)(given); clock("read"); given
    {'read': 0.25}
    >>> clock = thread_stage_clock(now=iter([0.0]).__next__)(None); clock("read")   # nothing to add to: no clock read
    """

    class ThreadClock:
        def __init__(self, timings: dict | None) -> None:
            self.timings, self.t = (into if into is not None else timings), now()

        def __call__(self, stage: str) -> None:
            if self.timings is not None:
                t = now()
                key = prefix + stage
                self.timings[key] = self.timings.get(key, 0.0) + t - self.t
                self.t = t

    return ThreadClock


def _child(trace: str, argv: list[str]) -> None:
    """Run ``graphkit`` with ``argv``; every process appends its events and parts to ``trace``."""
    t0 = float(os.environ["GK_PARTS_T0"])
    state = {"role": "caller", "parts": Parts()}

    def write(rec: dict) -> None:
        ru = resource.getrusage(resource.RUSAGE_SELF)
        rec.update(t=time.time() - t0, pid=os.getpid(), role=state["role"], cpu=time.process_time(),
                   thread=time.thread_time(), user=ru.ru_utime, sys=ru.ru_stime, minflt=ru.ru_minflt)
        fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(fd, (json.dumps(rec) + "\n").encode())
        os.close(fd)

    def event(name: str, **more) -> None:
        write({"event": name, **more})

    def flush() -> None:
        p = state["parts"]
        write({"event": "parts", "parts": p.rows()})

    def timed(module, name: str, part: str | None = None) -> None:
        fn = getattr(module, name)

        def wrapped(*a, **k):
            return state["parts"].call(part or name, fn, *a, **k)

        setattr(module, name, wrapped)

    event("start")

    def as_role(role: str):  # a forked process starts its own parts
        state["role"], state["parts"] = role, Parts()

    def collections(phase, info):  # the cycle collector's runs, by generation, in thread CPU s
        if phase == "start":
            state["gc"] = time.thread_time()
        elif "gc" in state:
            part = f"cycle collector, generation {info['generation']} (within the other parts)"
            state["parts"].cpu[part] += time.thread_time() - state.pop("gc")
            state["parts"].count[part] += 1

    import gc

    gc.callbacks.append(collections)

    def build_hooks(build):
        resolve = build.resolve_store

        def resolve_staged(*a, **k):  # the resolution's stages (`graphkit.resolution.StageClock`, in thread CPU here)
            stages = k.setdefault("timings", {})
            try:
                return state["parts"].call("resolution", resolve, *a, **k)
            finally:
                for stage, cpu in stages.items():  # within the resolution's row
                    state["parts"].cpu[f"resolution, of which {stage}"] = cpu

        build.resolve_store = resolve_staged

        def marked(name, before, after):  # events at a function's start and end (the caller's serial tail)
            fn = getattr(build, name)

            def wrapped(*a, **k):
                event(before)
                try:
                    return fn(*a, **k)
                finally:
                    event(after)

            setattr(build, name, wrapped)

        marked("write_extractions", "results awaited", "parse end")
        marked("resolve_if_changed", "resolve", "resolved")
        marked("update_store", "store open", "store closed")
        timed(build, "read_corpus", "corpus read")
        timed(build, "write_extractions", "results: the loop's own (window, order)")
        warm = build.warm_resolution

        def warm_watched(*a, **k):
            import threading

            event("handed over")
            t = state["parts"].call("warm-up, main thread (scikit-learn's import)", warm, *a, **k)
            threading.Thread(target=lambda: (t.join(), event("warmed")), daemon=True).start()
            return t

        build.warm_resolution = warm_watched

    def pool_hooks(pool):  # graphkit.parse_pool, which imports graphkit.parsing first
        host, work, load, warm_x = pool._pool_host, pool._work, pool._load_worker, pool.warm_extraction

        def host_wrapped(*a, **k):
            as_role("host")
            event("host start")
            try:
                return host(*a, **k)
            finally:
                event("host end")
                flush()

        def work_wrapped(batches, batch_size, shared, writer):
            as_role("worker")
            event("worker start", batches=len(batches))
            window = shared.window

            class Window:  # the wait for a free slot
                def acquire(self, timeout=None):
                    return state["parts"].call("wait: window slot", window.acquire, timeout=timeout)

            shared.window = Window()
            import pickle

            dumps = pickle.dumps

            def sized_dumps(obj, *a, **k):
                data = state["parts"].call("results pickled", dumps, obj, *a, **k)
                state["parts"].count["bytes sent"] += len(data)
                return data

            pickle.dumps = sized_dumps
            try:
                return work(batches, batch_size, shared, writer)
            finally:
                event("worker end")
                flush()

        def batch_wrapped(documents, batch_size):
            w0 = time.time() - t0
            out = state["parts"].call("batch: tokenizer, records, other", batch, documents, batch_size)
            event("batch", start=w0, docs=len(documents), chars=sum(len(d.text) for d in documents))
            return out

        def load_wrapped(*a, **k):
            r = state["parts"].call("pipeline load", load, *a, **k)
            event("loaded")
            return r

        batch = pool._extract_batch
        pool._pool_host, pool._work, pool._extract_batch = host_wrapped, work_wrapped, batch_wrapped
        pool._load_worker = load_wrapped
        pool.warm_extraction = lambda nlp: state["parts"].call("extraction warm-up", warm_x, nlp)
        timed(sys.modules["graphkit.parsing"], "extract_parsed")  # where the one-process loop calls it
        timed(pool, "_keep_tables", "table cache written")
        timed(pool, "_send", "results sent (lock, pipe)")
        timed(pool.ParsePool, "_receive", "results received (unpickled) and waits")
        timed(pool.ParsePool, "close", "pool closed (the host reaped)")
        timed(pool.DocExtraction, "model_dump_json", "results' JSON")

    def spacy_hooks(language):
        pipe = language._pipe

        def timed_pipe(docs, proc, name, default_error_handler, kwargs):
            return state["parts"].gen(f"component: {name}", pipe(docs, proc, name, default_error_handler, kwargs))

        language._pipe = timed_pipe

    from bench_phases import after_import, run_graphkit

    after_import("graphkit.build", build_hooks)
    after_import("graphkit.parse_pool", pool_hooks)
    after_import("spacy.language", spacy_hooks)
    def resolution_hooks(resolution):
        timed(resolution.ArrivedInputs, "add", "arrival work (ArrivedInputs.add)")

        resolution.StageClock = thread_stage_clock()  # the stages in thread CPU s, into the timings given

    after_import("graphkit.resolution", resolution_hooks)
    after_import("graphkit.store", lambda m: timed(m.Store, "put_article", "store writes"))

    def at_exit():
        event("exit")
        flush()

    run_graphkit(argv, at_exit)


# -- the driver ----------------------------------------------------------------------------------------
def run(corpus: Path, work: Path, workers: int) -> tuple[float, list[dict]]:
    """One traced command: its wall seconds and the trace's records in time order."""
    store, trace = work / "build.gk", work / "trace.jsonl"
    for x in work.glob("build.gk*"):
        x.unlink()
    trace.unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--child", str(trace), "--", "build", str(corpus), "-q", "--store", str(store),
           "--workers", str(workers)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    w = time.perf_counter()
    env["GK_PARTS_T0"] = repr(time.time())
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - w
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"worker_parts: error: the command failed ({last}); run it alone: graphkit "
                         f"{' '.join(cmd[4:])}")
    return wall, sorted((json.loads(x) for x in trace.read_text().splitlines()), key=lambda e: e["t"])


def report(wall: float, events: list[dict]) -> str:
    """The table of one run: per process its span, CPU (user, system), faults and parts; then the split."""
    procs: dict[int, dict] = {}
    for e in events:
        p = procs.setdefault(e["pid"], {"role": e["role"], "events": []})
        p["role"] = e["role"] if e["role"] != "caller" else p["role"]
        p["events"].append(e)
    last_in = max((e["t"] for e in events if e["event"] == "batch"), default=None)
    lines = [f"wall {wall:.2f} s; load {os.getloadavg()[0]:.1f}", ""]
    lines.append("| process | part | CPU s | wall s | calls |")
    lines.append("|---|---|---|---|---|")
    split = []
    for pid, p in procs.items():
        ev = p["events"]
        first = ev[0]
        end = next((e for e in reversed(ev) if e["event"] != "parts"), ev[-1])  # its end, exit, or last event
        parts = next((e["parts"] for e in reversed(ev) if e["event"] == "parts"), {})
        name = f"{p['role']} {pid}"
        lines.append(f"| {name} | whole: {first['t']:.2f} → {end['t']:.2f} s, user {end['user']:.2f} sys "
                     f"{end['sys']:.2f}, {end['minflt']:,} minor faults | {end['cpu']:.2f} | "
                     f"{end['t'] - first['t']:.2f} | |")
        for part, (cpu, w, n) in sorted(parts.items(), key=lambda kv: -kv[1][0]):
            if part == "bytes sent":
                continue
            lines.append(f"| {name} | {part} | {cpu:.3f} | {w:.3f} | {n} |")
        if "bytes sent" in parts:
            lines.append(f"| {name} | results pickled, size | {parts['bytes sent'][2] / 1e6:.2f} MB | | |")
        if p["role"] == "caller":
            exit_e = next((e for e in ev if e["event"] == "exit"), end)
            lines.append(f"| {name} | warm-up thread (process CPU − main thread) | "
                         f"{exit_e['cpu'] - exit_e['thread']:.3f} | | |")
        batches = [e for e in ev if e["event"] == "batch"]
        if batches:
            split.append((name, len(batches), sum(b["docs"] for b in batches), sum(b["chars"] for b in batches),
                          batches[-1]["t"], end["t"]))
    if split:
        lines += ["", "| worker | batches | articles | characters | its last result sent at s | "
                      "idle before the last result in s | ended at s |", "|---|---|---|---|---|---|---|"]
        for name, nb, nd, nc, t_last, t_end in split:
            lines.append(f"| {name} | {nb} | {nd} | {nc:,} | {t_last:.2f} | {last_in - t_last:.2f} | {t_end:.2f} |")
    marks = [e for e in events if e["event"] not in ("parts", "batch")]
    lines += ["", "events (s since the command started):"]
    lines += [f"  {e['t']:7.3f}  {e['role']:6s} {e['pid']:7d}  cpu {e['cpu']:6.2f}  {e['event']}" for e in marks]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="keep the trace and the store in this folder")
    if sys.argv[1:2] == ["--child"]:  # the traced command: --child TRACE -- graphkit's arguments
        return _child(sys.argv[2], sys.argv[4:])
    a = ap.parse_args()
    from corpus_check import corpus_error

    if a.corpus is None:  # (optional only for --child, read before the arguments are)
        ap.exit(2, "worker_parts: error: no corpus folder given; give one (bench/bench_build.py writes PolNeAR dev "
                   "as one)\n")
    if err := corpus_error("worker_parts", a.corpus):
        ap.exit(2, err)
    work = (a.keep or Path(tempfile.mkdtemp(prefix="worker_parts-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    print(report(*run(a.corpus.resolve(), work, a.workers)))


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("worker_parts", main))
