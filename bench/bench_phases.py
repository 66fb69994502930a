"""Where a ``graphkit build`` command's core-seconds go, one process against ``--workers 2`` (issue #17).

    python bench/bench_phases.py                      # PolNeAR dev from ../shared, 3 interleaved rounds
    python bench/bench_phases.py --rounds 5 --corpus CORPUS_DIR
    python bench/bench_phases.py --timeline           # also print each run's events
    python bench/bench_phases.py --cores              # also when a core waits: the command's runnable threads
    python bench/bench_phases.py --no-bytecode        # graphkit compiled in every command (default: its bytecode first)

Runs ``graphkit build CORPUS --store S -q`` (one process, then ``--workers 2``, interleaved) as whole commands,
each with timestamps of its phases written by every process it starts: the command's start, the fork of the
pool host, the host's pipeline load, each worker's start and end, the end of the parse, the resolution, the
exit. Each event carries the wall time since the command was started and the CPU seconds of the process that
wrote it, so the split holds on a loaded machine, where wall times do not.

With two cores, ``--workers 2`` leaves one core idle while only the parent works: before the pool host is
forked (Python's start, imports, reading the corpus and the store) and after the parse (the resolution and the
exit). Those are the *serial* CPU seconds S; the rest of the command's CPU seconds C can use both cores. On an
otherwise idle 2-core machine the command then takes at least ``S + (C - S) / 2`` seconds (the workers' uneven
end adds a little). The table gives, per command, the best of the rounds: wall and CPU seconds, S split into its
start and its tail, that bound, and the ratio of the one-process command's CPU seconds to it — what the two
cores can give for the CPU seconds measured (the quiet machine's ratio of wall times is the figure issue #17
is judged on: ``bench/bench_build.py``). The hooks wrap graphkit's functions from outside (nothing in graphkit
is changed); a run of another version of graphkit is ``--src DIR`` (a checkout's root, put first on the path).

``--cores`` samples, every ~2 ms, how many threads of the command's processes are runnable (state R: running, or
ready and waiting for a core) and gives per phase the seconds in which fewer than two were: where one of the two
cores had nothing of the command's to run, whatever else the machine ran. On a loaded machine the phases stretch,
but a phase whose two cores were both given work still shows ~0 s there: it is where the command's own work,
not its waiting, sets the time.
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
from pathlib import Path

from bytecode_cache import as_installed, bytecode_option  # no graphkit imported: the traced child runs --src's

ROOT = Path(__file__).resolve().parents[1]
# bench/polnear.py (where PolNeAR is read) is imported by the driver alone: it puts this checkout first on the path
# and imports graphkit, so the traced command (`_child`) would run this checkout's graphkit whatever --src says


# -- in the traced command -----------------------------------------------------------------------------
def _child(trace: str, argv: list[str]) -> None:
    """Run ``graphkit`` with ``argv``, every process it forks appending its events to ``trace``."""
    t0 = float(os.environ["GK_PHASES_T0"])
    role = ["parent"]

    def event(name: str) -> None:
        rec = {"t": time.time() - t0, "cpu": time.process_time(), "pid": os.getpid(), "role": role[0], "event": name}
        if name == "host start":  # the parent's CPU s when it forked the host: what ran before with a core idle
            rec["parent_cpu"] = _proc_cpu(os.getppid())
        if name == "exit":  # which checkout's graphkit ran (--src)
            rec["graphkit"] = str(Path(sys.modules["graphkit"].__file__).parent.parent)
        line = json.dumps(rec) + "\n"
        fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(fd, line.encode())
        os.close(fd)

    event("start")

    def hook(module, name, before=None, after=None, as_role=None):
        fn = getattr(module, name)

        def wrapped(*a, **k):
            if as_role:
                role[0] = as_role
            if before:
                event(before)
            try:
                return fn(*a, **k)
            finally:
                if after:
                    event(after)

        setattr(module, name, wrapped)

    def build_hooks(build):
        hook(build, "resolve_fingerprint", before="parse end")
        hook(build, "resolve_store", before="resolve", after="resolved")
        hook(build, "warm_resolution", before="handed over")  # `started`: the documents go to the pool host
        warm = build.warm_resolution

        def warm_watched(*a, **k):  # "warmed": when the thread loading what the resolution needs is done
            import threading

            t = warm(*a, **k)
            threading.Thread(target=lambda: (t.join(), event("warmed")), daemon=True).start()
            return t

        build.warm_resolution = warm_watched

    def pool_hooks(module):  # the module the pool host's code is in: graphkit.parse_pool, before it graphkit.extract
        if not hasattr(module, "_pool_host"):
            return
        hook(module, "_pool_host", before="host start", after="host end", as_role="host")
        hook(module.ParsePool, "_stop", before="pool stop", after="pool stopped")  # the caller reaps the host
        hook(module, "_work", before="worker start", after="worker end", as_role="worker")
        if hasattr(module, "warm_extraction"):
            hook(module, "warm_extraction", after="host loaded")
        else:
            hook(module, "_init_worker", after="host loaded")

    # hooked as each module is imported, never imported here: when the command imports them is part of what is timed
    after_import("graphkit.build", build_hooks)
    after_import("graphkit.extract", pool_hooks)
    after_import("graphkit.parse_pool", pool_hooks)
    run_graphkit(argv, lambda: event("exit"))


def run_graphkit(argv: list[str], at_leave) -> None:
    """``graphkit ARGV`` as the console script runs it (`graphkit.cli.main` reading ``sys.argv``), ``at_leave()``
    called when the command leaves the process without Python's teardown (`graphkit.program.leave`, after a build):
    the one wrap of the leave this script, command_checkpoints and worker_parts share. A command that ends otherwise
    (its ``SystemExit``) leaves ``sys.argv`` and the leave as they were.

    >>> import contextlib, io
    >>> import graphkit.program as program
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     try:
    ...         run_graphkit(["--help"], lambda: print("left"))
    ...     except SystemExit as e:
    ...         status = e.code
    >>> status, "build" in out.getvalue(), "left" in out.getvalue(), program.leave.__name__
    (0, True, False, 'leave')
    """
    import graphkit.cli as cli
    import graphkit.program as program

    leave, args = program.leave, sys.argv

    def leave_after(code):
        at_leave()
        leave(code)

    program.leave = leave_after
    sys.argv = ["graphkit", *argv]
    try:
        cli.main()
    finally:
        program.leave, sys.argv = leave, args


def after_import(name: str, patch) -> None:
    """Call ``patch(module)`` once the module ``name`` is imported (at once if it is), without importing it: a
    finder first on ``sys.meta_path`` wraps the module's loader when the import system first looks for it."""
    import importlib.abc

    if name in sys.modules:
        patch(sys.modules[name])
        return

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            # what the import system would find without this finder, with the same path (the checkout run, --src;
            # importlib.util.find_spec(fullname) asked the editable install's finder too, which gave this checkout's)
            spec = next((s for s in (f.find_spec(fullname, path, target) for f in sys.meta_path
                                     if hasattr(f, "find_spec")) if s is not None), None)
            if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
                return spec
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                patch(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- the driver ----------------------------------------------------------------------------------------
def run(corpus: Path, store: Path, workers: int, src: Path | None, trace: Path, cores: bool = False) -> dict:
    """One traced command: wall and CPU seconds (rusage of the command and the processes it waited for), its
    phases (`phases`) and with ``cores`` the seconds of each in which fewer than two of its threads could run
    (`runnable`, `waiting_cores`)."""
    for x in store.parent.glob(store.name + "*"):
        x.unlink()
    trace.unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--child", str(trace), "--", "build", str(corpus), "-q", "--store", str(store)]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    env = dict(os.environ, GK_PHASES_T0=repr(time.time()))
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w = time.perf_counter()
    env["GK_PHASES_T0"] = repr(time.time())
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: the sampling loop reads nothing meanwhile
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        samples = runnable(proc) if cores else []
        proc.wait()
        wall = time.perf_counter() - w
        if proc.returncode:
            err.seek(0)
            raise subprocess.CalledProcessError(proc.returncode, cmd, stderr=err.read())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    events = sorted((json.loads(x) for x in trace.read_text().splitlines()), key=lambda e: e["t"])
    got = {"wall": wall, "cpu": cpu, "events": events, **phases(events, cpu)}
    if cores:
        got["waiting"] = waiting_cores(samples, events, float(env["GK_PHASES_T0"]))
    return got


def runnable(proc: subprocess.Popen, every: float = 0.002) -> list[tuple[float, int]]:
    """(time.time(), runnable threads of ``proc`` and its descendants) every ``every`` s until it ends (Linux /proc;
    the tree is looked up again every tenth sample)."""
    samples: list[tuple[float, int]] = []
    pids, k = [proc.pid], 0
    while proc.poll() is None:
        if k % 10 == 0:
            pids = _tree(proc.pid)
        k += 1
        n = 0
        for pid in pids:
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/stat") as f:
                        n += f.read().rsplit(")", 1)[1].split()[0] == "R"
            except OSError:  # ended meanwhile
                pass
        samples.append((time.time(), n))
        time.sleep(every)
    return samples


def _tree(root: int) -> list[int]:
    """``root`` and every process descending from it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                ppid = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


#: the phases `waiting_cores` splits a command into: (name, the event it starts at, the event it ends at)
CORE_PHASES = (("start", None, "host start"), ("load", "host start", "host loaded"),
               ("parse", "host loaded", "parse end"), ("tail", "parse end", "exit"))


def waiting_cores(samples: list[tuple[float, int]], events: list[dict], t0: float) -> dict[str, tuple[float, float]]:
    """Per phase (`CORE_PHASES`; a one-process command's parse starts at the start): (its wall s, the s in which
    fewer than two of the command's threads were runnable), from `runnable`'s samples (each holds until the
    next; ``t0``: the command's start, as the events count from it).

    >>> events = [{"event": e, "t": t} for e, t in (("host start", 1), ("host loaded", 2), ("parse end", 4), ("exit", 5))]
    >>> samples = [(100 + i / 2, n) for i, n in enumerate([1, 1, 2, 2, 2, 1, 2, 2, 2, 2, 1])]
    >>> waiting_cores(samples, events, 100.0)
    {'start': (1.0, 1.0), 'load': (1.0, 0.0), 'parse': (2.0, 0.5), 'tail': (1.0, 0.0)}
    """
    at = {}
    for e in events:
        at.setdefault(e["event"], e["t"])
    span = [(t - t0, n) for t, n in samples]
    out = {}
    for name, a, b in CORE_PHASES:
        lo, hi = (0.0 if a is None else at.get(a)), at.get(b)
        if name == "parse" and lo is None:
            lo = 0.0
        if lo is None or hi is None or (name == "start" and "host start" not in at):
            continue
        wall = waits = 0.0
        for (t, n), (u, _) in zip(span, span[1:]):
            d = max(0.0, min(u, hi) - max(t, lo))
            wall += d
            waits += d if n < 2 else 0.0
        out[name] = (wall, waits)
    return out


def phases(events: list[dict], cpu: float) -> dict:
    """From a command's events: ``start`` (the parent's CPU s before the pool host exists; its CPU up to the parse
    for one process), ``tail`` (the parent's CPU s from the end of the parse to the exit), ``host`` (the host's
    CPU s to its loaded pipeline), ``workers`` (their CPU s), ``uneven`` (s between the workers' ends) and the
    2-core bound ``S + (C - S) / 2`` with S = start + tail."""
    parent = [e for e in events if e["role"] == "parent"]
    first = {}
    for e in events:
        first.setdefault(e["event"], e)
    end = first.get("parse end") or first.get("resolve")
    last = first.get("exit") or parent[-1]
    host = first.get("host start")
    start = host["parent_cpu"] if host is not None else (end["cpu"] if end else 0.0)
    tail = last["cpu"] - end["cpu"] if end else 0.0
    ends = sorted(e["t"] for e in events if e["event"] == "worker end")
    loaded = first.get("host loaded")
    serial = start + tail if host is not None else cpu
    at = {k: first[e]["t"] for k, e in (("fork", "host start"), ("loaded", "host loaded"), ("handed", "handed over"), ("warmed", "warmed"),
                                        ("parse_end", "parse end"), ("exit", "exit")) if e in first}
    return {"at": at, "ends": ends, "start": start, "tail": tail, "serial": serial, "bound": serial + (cpu - serial) / 2,
            "host": loaded["cpu"] if loaded else 0.0,
            "workers": sum(max(e["cpu"] for e in events if e["pid"] == pid)
                           for pid in {e["pid"] for e in events if e["role"] == "worker"}),
            "uneven": ends[-1] - ends[0] if len(ends) > 1 else 0.0}


def say(what: str, got: dict, timeline: bool) -> None:
    """One run's line (and its events with ``timeline``) on stderr."""
    print(f"# {what}: wall {got['wall']:.2f} s, CPU {got['cpu']:.2f} s, start {got['start']:.2f}, tail "
          f"{got['tail']:.2f}, host {got['host']:.2f}, workers {got['workers']:.2f}, uneven end {got['uneven']:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    ran = [e["graphkit"] for e in got["events"] if "graphkit" in e]
    if ran:
        print(f"#   graphkit of {ran[0]}", file=sys.stderr)
    if got["at"]:  # wall s since the command started: the pool host's fork and load, the hand-over, the end
        print("#   at " + ", ".join(f"{k} {v:.2f}" for k, v in got["at"].items()) + " s; workers end "
              + " / ".join(f"{t:.2f}" for t in got["ends"]), file=sys.stderr)
    if got.get("waiting"):  # wall s of each phase, and of it the s with fewer than two runnable threads
        print("#   a core waits: " + ", ".join(f"{k} {w:.2f} of {t:.2f} s" for k, (t, w) in got["waiting"].items()),
              file=sys.stderr)
    if timeline:
        for e in got["events"]:
            print(f"#   {e['t']:7.3f} s  {e['role']:6s} {e['pid']:7d}  CPU {e['cpu']:6.2f}  {e['event']}",
                  file=sys.stderr)


def pair(corpus: Path, work: Path, a) -> None:
    """``--pair DIR``: the ``--workers 2`` command of two checkouts, ABBA in each round (A: ``--src`` or this one,
    B: DIR), and per checkout the median of each figure and the paired differences of the wall time."""
    import statistics

    srcs = {"A": a.src, "B": a.pair}
    runs: dict[str, list[dict]] = {"A": [], "B": []}
    for r in range(a.rounds):
        for k in ("AB" if r % 2 == 0 else "BA"):
            got = run(corpus, work / f"{k}.gk", 2, srcs[k], work / "trace.jsonl", a.cores)
            say(f"round {r + 1}, {k} ({srcs[k] or ROOT})", got, a.timeline)
            runs[k].append(got)
    print(f"\n`graphkit build --workers 2` on {corpus}, {a.rounds} rounds ABBA: median (min) of each, wall s since the "
          f"command's start; {a.bytecode_said}\n")
    keys = ["fork", "loaded", "handed", "parse_end", "exit"]
    print("| checkout | wall s | CPU s | " + " | ".join(keys) + " | uneven end s |")
    print("|---|---|---|" + "---|" * len(keys) + "---|")
    for k in "AB":
        rs = runs[k]

        def cell(xs):
            return f"{statistics.median(xs):.2f} ({min(xs):.2f})" if xs else "–"

        print(f"| {k}: {srcs[k] or ROOT} | {cell([g['wall'] for g in rs])} | {cell([g['cpu'] for g in rs])} | "
              + " | ".join(cell([g['at'][x] for g in rs if x in g['at']]) for x in keys)
              + f" | {cell([g['uneven'] for g in rs])} |")
    diffs = [b["wall"] - x["wall"] for x, b in zip(runs["A"], runs["B"])]
    print(f"\nwall B − A per round: {', '.join(f'{d:+.2f}' for d in diffs)} s (median {statistics.median(diffs):+.2f})")


def write_corpus(src: Path, dest: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import write_corpus as write

    write(src / "dev.jsonl", dest, None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=None, help="PolNeAR's folder (default: ../shared's)")
    ap.add_argument("--corpus", type=Path, default=None, help="a corpus folder instead of PolNeAR dev")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--src", type=Path, default=None, help="run another checkout's graphkit (its root folder)")
    ap.add_argument("--timeline", action="store_true", help="print every run's events")
    ap.add_argument("--cores", action="store_true",
                    help="sample the command's runnable threads: per phase, the seconds one core had nothing to run")
    ap.add_argument("--pair", type=Path, default=None, metavar="DIR",
                    help="only the --workers 2 command, of this checkout (or --src) and of DIR's, ABBA in each round")
    bytecode_option(ap)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("argv", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return _child(a.child, a.argv)
    from polnear import POLNEAR

    a.polnear = a.polnear or POLNEAR
    from bench_build import checkout

    if a.src is not None:
        a.src = checkout(a.src)  # a wrong --src is one line here, not the installed graphkit timed in its place
    if a.pair is not None:
        a.pair = checkout(a.pair, "--pair")
    work = Path(tempfile.mkdtemp(prefix="gk-bench-phases-"))
    corpus = a.corpus
    if corpus is None:
        corpus = work / "corpus"
        write_corpus(a.polnear, corpus)
    else:
        from graphkit.ingest import corpus_articles

        corpus_articles(corpus)  # a wrong --corpus is one line here, not a child's traceback
    bytecode = as_installed([p / "graphkit" for p in {a.src or ROOT, a.pair or a.src or ROOT}], a.bytecode)
    print(f"# {bytecode}", file=sys.stderr)
    a.bytecode_said = bytecode
    if a.pair is not None:
        return pair(corpus, work, a)
    best: dict[int, dict] = {}
    for r in range(a.rounds):
        for workers in (1, 2):
            got = run(corpus, work / f"w{workers}.gk", workers, a.src, work / "trace.jsonl", a.cores)
            say(f"round {r + 1}, {workers} worker(s)", got, a.timeline)
            old = best.get(workers)
            best[workers] = {k: min(v, old[k]) if old and isinstance(v, float) else v for k, v in got.items()}
    one, two = best[1], best[2]
    print(f"\nPhases of `graphkit build` on {corpus} (best of {a.rounds} interleaved rounds, each column on its own; "
          f"CPU s of the command and every process it started; {bytecode}):\n")
    print("| command | wall s | CPU s | serial CPU s: start + tail | pool host load CPU s | workers CPU s | "
          "2-core bound s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| one process | {one['wall']:.2f} | {one['cpu']:.2f} | all (resolution and exit: {one['tail']:.2f}) | – | – | "
          f"{one['cpu']:.2f} |")
    print(f"| `--workers 2` | {two['wall']:.2f} | {two['cpu']:.2f} | {two['start']:.2f} + {two['tail']:.2f} | "
          f"{two['host']:.2f} | {two['workers']:.2f} | {two['bound']:.2f} |")
    print(f"\nOne process's CPU s / the two-worker bound: {one['cpu'] / two['bound']:.2f} × (wall: "
          f"{one['wall'] / two['wall']:.2f} ×; the workers' uneven end, best {two['uneven']:.2f} s, comes on top)")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bench_phases", main))
