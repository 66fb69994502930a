"""What two processes can reach on this machine: the ceiling for ``graphkit build --workers 2``.

    python bench/bench_cores.py                      # 3 interleaved rounds of every kind of work
    python bench/bench_cores.py --rounds 5 --kinds python spacy
    python bench/bench_cores.py --limit 30           # spaCy over the first 30 dev articles only

Issue #17 asks ``--workers 2`` for >= 1.8 x one process. Whether any program can reach that here is a property of
the machine (two virtual CPUs of a KVM guest: they may be two hardware threads of one core, or share the L3 and
the memory bus), not of graphkit. This bench runs the same fixed CPU-bound work once in one process, then in two
fully independent processes at once (each doing the same amount, each started fresh: no fork of a loaded parent,
nothing shared), and prints the throughput ratio ``2 x t(one) / t(two)`` (2.00 = two perfect cores) for:

- ``python``: a pure-Python loop (integer arithmetic: the interpreter, the L1 cache and the branch predictor);
- ``matmul``: single-threaded numpy, 192 x 192 float64 matrix products (BLAS, vector units, cache-resident);
- ``stream``: single-threaded numpy over 64 MB arrays (element-wise: memory bandwidth and the shared L3);
- ``spacy``: bare ``nlp.pipe`` with the pipeline graphkit loads (``graphkit.nlp.load_spacy``: spaCy's components
  only), batch size 16, over the PolNeAR dev texts (read from ../shared, never copied);
- ``graphkit``: ``nlp.pipe`` with graphkit's own pipeline (``graphkit.nlp.load_pipeline``: the paragraph
  breaks, the table annotators and the attribution component), the same texts: the parse part of a build;
- ``graphkit-blis``, ``graphkit-avx2``, ``matmul-avx2``: the same work with another kernel for the matrix products
  (`VARIANTS`: thinc's BLIS, or OpenBLAS's AVX2 kernels instead of its AVX-512 ones), for whether two cores lose
  less with it (``--kinds graphkit graphkit-blis graphkit-avx2``; not in the default set).

Each process loads what it needs first (imports, the pipeline, the texts, a short warm-up), says it is ready, and
starts its timed work when the parent says go, so the ``work`` ratio compares steady work alone; the ``process``
ratio is from the spawn to the exit (start-up included, as whole commands are compared in bench_build.py).
Rounds are interleaved (every kind, one process then two, the order alternating by round); best and median of the
rounds are printed, with the load average and what the rest of the machine used meanwhile (``others``: CPU
seconds per wall second of every process but the bench's own, from /proc/stat; 0 on a quiet machine, up to 2)
and the hypervisor's steal time; the CPU column is each process's CPU seconds for its work, alone and beside its
twin (on cores that share nothing it does not grow). Timing is never a test; figures go to bench/README.md ("What two
processes can reach on this machine").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from polnear import POLNEAR  # noqa: E402  where PolNeAR is read: its one home, bench/polnear.py
#: the same work with another matrix-product kernel (issue #17: whether two cores lose less with it): graphkit's
#: pipeline multiplying with thinc's BLIS instead of numpy's OpenBLAS, and OpenBLAS told to use its AVX2 (Haswell)
#: kernels where it would pick AVX-512 ones (``OPENBLAS_CORETYPE``, read when numpy loads)
VARIANTS = {"graphkit-blis": {"GRAPHKIT_GEMM": "blis"}, "graphkit-avx2": {"OPENBLAS_CORETYPE": "Haswell"},
            "matmul-avx2": {"OPENBLAS_CORETYPE": "Haswell"}}
KINDS = ("python", "matmul", "stream", "spacy", "graphkit", *VARIANTS)
SINGLE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")}
PYTHON_STEPS = 40_000_000   # ~3 s of one core
MATMUL_N, MATMUL_STEPS = 192, 12_000
STREAM_MB, STREAM_STEPS = 64, 400


# ---- the work (run in a child process) ------------------------------------------------------------------------

def prepare(kind: str, polnear: Path, limit: int | None):
    """Everything the work needs, loaded and warmed (untimed); returns the work as a function of no arguments."""
    if kind == "python":
        def work():
            x = 0
            for i in range(PYTHON_STEPS):
                x = (x + i * i) % 1_000_003
            return x
        return work
    kind = kind.split("-")[0]  # a variant's work is its kind's (`VARIANTS`: only the environment differs)
    if kind in ("matmul", "stream"):
        import numpy as np

        rng = np.random.default_rng(0)
        if kind == "matmul":
            a = rng.random((MATMUL_N, MATMUL_N))
            b = rng.random((MATMUL_N, MATMUL_N)) / MATMUL_N

            def work():
                c = a
                for _ in range(MATMUL_STEPS):
                    c = c @ b
                return float(c[0, 0])
        else:
            n = STREAM_MB * 2**20 // 8
            a, b = rng.random(n), rng.random(n)
            out = np.empty(n)

            def work():
                for _ in range(STREAM_STEPS):
                    np.multiply(a, 1.0001, out=out)
                    np.add(out, b, out=out)
                return float(out[0])
        work()  # warm: the pages touched, BLAS loaded
        return work
    sys.path.insert(0, str(ROOT))
    from graphkit import nlp as gnlp

    from polnear import load_articles

    texts = [a["text"] for a in load_articles(("dev",), polnear, limit)]
    nlp = gnlp.load_spacy() if kind == "spacy" else gnlp.load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm: the first call's lazy loads

    def work():
        return sum(len(d) for d in nlp.pipe(texts, batch_size=16))
    return work


def child(kind: str, polnear: Path, limit: int | None) -> None:
    """Prepare, say ``ready``, wait for ``go`` on stdin, do the work once, print its clock as JSON."""
    work = prepare(kind, polnear, limit)
    print("ready", flush=True)
    sys.stdin.readline()
    t, c = time.perf_counter(), time.process_time()  # CLOCK_MONOTONIC: one clock for every process
    work()
    print(json.dumps({"start": t, "end": time.perf_counter(), "cpu": time.process_time() - c}), flush=True)


# ---- the parent ------------------------------------------------------------------------------------------------

def machine_jiffies() -> tuple[int, int]:
    """(busy, steal) jiffies of the whole machine so far, from /proc/stat's first line."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = v[:8]
    return user + nice + system + irq + softirq, steal


def run(kind: str, n: int, a) -> dict:
    """``n`` fresh processes doing the work of ``kind`` at once: the work's span (first start to last end), the
    processes' span (spawn to the last exit), their CPU, and what the rest of the machine used meanwhile."""
    cmd = [sys.executable, __file__, "_child", kind, "--polnear", str(a.polnear)]
    if a.limit:
        cmd += ["--limit", str(a.limit)]
    env = {**os.environ, **SINGLE_THREAD, **VARIANTS.get(kind, {})}
    before = os.times()
    spawned = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env) for _ in range(n)]
    for p in procs:
        if p.stdout.readline().strip() != "ready":
            raise SystemExit(f"{kind}: a child failed to start")
    busy0, steal0 = machine_jiffies()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    res = [json.loads(p.stdout.readline()) for p in procs]
    busy1, steal1 = machine_jiffies()
    for p in procs:
        p.wait()
    ended = time.perf_counter()
    after = os.times()
    hz = os.sysconf("SC_CLK_TCK")
    span = max(r["end"] for r in res) - min(r["start"] for r in res)
    ours = sum(r["cpu"] for r in res)
    return {"work": span, "process": ended - spawned, "cpu": ours,
            "children_cpu": (after.children_user - before.children_user) + (after.children_system - before.children_system),
            "others": max(0.0, (busy1 - busy0) / hz - ours) / span, "steal": (steal1 - steal0) / hz / span,
            "load": os.getloadavg()[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=[k for k in KINDS if k not in VARIANTS])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--limit", type=int, default=None, help="spaCy kinds: the first N dev articles only")
    a = ap.parse_args()
    if any(k.split("-")[0] not in ("python", "matmul", "stream") for k in a.kinds):  # the spaCy kinds read dev
        from polnear import load_articles

        load_articles(("dev",), a.polnear, a.limit)  # PolNeAR missing or broken: one line now, not a child's traceback

    print(f"# {os.cpu_count()} CPUs; load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()), file=sys.stderr)
    ratios = {k: {"work": [], "process": []} for k in a.kinds}
    times = {(k, n): [] for k in a.kinds for n in (1, 2)}
    for r in range(a.rounds):
        for kind in a.kinds:
            order = (1, 2) if r % 2 == 0 else (2, 1)
            got = {n: run(kind, n, a) for n in order}
            for n in order:
                times[kind, n].append(got[n])
            for what in ("work", "process"):
                ratios[kind][what].append(2 * got[1][what] / got[2][what])
            print(f"# round {r + 1} {kind}: one {got[1]['work']:.2f} s (process {got[1]['process']:.2f}), two "
                  f"{got[2]['work']:.2f} s (process {got[2]['process']:.2f}): work x{ratios[kind]['work'][-1]:.2f}, "
                  f"process x{ratios[kind]['process'][-1]:.2f}; others {got[1]['others']:.2f} / {got[2]['others']:.2f} "
                  f"CPU/s, steal {got[1]['steal']:.2f} / {got[2]['steal']:.2f}, load {got[2]['load']:.2f}",
                  file=sys.stderr, flush=True)

    print(f"\nTwo independent processes against one, the same work each ({a.rounds} interleaved rounds; "
          "ratio = 2 x t(one) / t(two), 2.00 = two whole cores):\n")
    print("| work | one process, work s (best / median) | two at once, work s (best / median) | **work ratio, best "
          "times** | work ratio, median of rounds | process ratio (start-up in), best times / median | "
          "CPU s a process, one / two (best) | others' CPU per s, one / two (median) | load (median) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in a.kinds:
        one, two = times[kind, 1], times[kind, 2]

        def best(ts, what):
            return min(t[what] for t in ts)

        def med(ts, what):
            return statistics.median(t[what] for t in ts)

        print(f"| {kind} | {best(one, 'work'):.2f} / {med(one, 'work'):.2f} | {best(two, 'work'):.2f} / "
              f"{med(two, 'work'):.2f} | **{2 * best(one, 'work') / best(two, 'work'):.2f}** | "
              f"{statistics.median(ratios[kind]['work']):.2f} | {2 * best(one, 'process') / best(two, 'process'):.2f}"
              f" / {statistics.median(ratios[kind]['process']):.2f} | {best(one, 'cpu'):.2f} / {best(two, 'cpu') / 2:.2f}"
              f" | {med(one, 'others'):.2f} / {med(two, 'others'):.2f}"
              f" | {statistics.median(t['load'] for t in one + two):.2f} |")
    print("\nload average at the end " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    from graphkit.errors import script_main

    if len(sys.argv) > 2 and sys.argv[1] == "_child":
        ap = argparse.ArgumentParser()
        ap.add_argument("kind", choices=KINDS)
        ap.add_argument("--polnear", type=Path, default=POLNEAR)
        ap.add_argument("--limit", type=int, default=None)
        ca = ap.parse_args(sys.argv[2:])
        child(ca.kind, ca.polnear, ca.limit)
    else:
        sys.exit(script_main("bench_cores", main))
