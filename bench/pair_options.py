"""``graphkit build`` commands with different options, paired in alternated rounds: wall, CPU and peak memory.

    python bench/pair_options.py --variant default= --variant ahead=--parse-ahead --rounds 3
    python bench/pair_options.py --split train --limit 200 --variant default= --variant ahead=--parse-ahead
    python bench/pair_options.py --corpus ../shared/seeds --common="--workers 2" --variant a= --variant b=--parse-ahead
    python bench/pair_options.py --busy 1 ...      # with a one-thread busy loop beside every command (a loaded machine)
    python bench/pair_options.py --variant main@/tmp/main= --variant branch@.=   # two checkouts, the same options

Each round runs every variant's command once, ``graphkit build CORPUS --store FRESH -q COMMON OPTIONS`` from ``/``
with this interpreter's graphkit, or with a checkout's (``NAME@ROOT=OPTIONS``: that root first on ``PYTHONPATH``,
its bytecode compiled first) (a fresh store each time: a full build), the order rotated from round to round so
that no variant always goes first. Per command: wall seconds, CPU seconds (user + system of the command and of the
processes it waited for: `os.wait4`) and its peak resident memory (``ru_maxrss`` of the command; a ``--workers``
build's own workers are counted in its CPU, and its peak is the largest one process held) and its minor page faults
(as its CPU: each first touch of a page of memory, the system CPU a larger peak costs), with the load
average before it. The corpus: a folder (``--corpus``), or the first ``--limit`` articles of a PolNeAR split written to a
temporary folder (``--split``, default dev, all of it). ``--busy N``: N busy loops (one core each) run through every
round, the same for every variant: a measured stand-in for another job on the machine. ``--warm``: untimed builds
before the rounds (default one: the files read and the bytecode written are then cached for every variant). With
``--compare`` the stores of the last round are compared with the first variant's, table by table and meta entry by
meta entry (`compare_stores.differences`; between two checkouts ``resolved_fingerprint`` and ``knowledge`` differ).

Printed: one JSON line a command, then a table per variant: the median and best of wall / CPU / peak, and the
paired difference to the first variant within each round (its median and range): on a machine other work shares,
the paired difference is the figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import write_corpus  # noqa: E402  one writer of a PolNeAR split as a corpus folder
from bench_cpu import fresh  # noqa: E402  a store and its side files removed: a full build next
from polnear import POLNEAR  # noqa: E402


def run_command(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd`` from ``/`` to its end: wall and CPU seconds (its own and its waited-for children's), peak
    resident MB, the load average before, the return code and the last line of its error output."""
    load = os.getloadavg()[0]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": round(wall, 3), "cpu": round(ru.ru_utime + ru.ru_stime, 3), "peak_mb": round(ru.ru_maxrss / 1024),
            "minflt": ru.ru_minflt,
            "load": round(load, 2), "rc": p.returncode, "err": err.strip().splitlines()[-1:] if p.returncode else []}


def build_command(corpus: Path, store: Path, options: list[str]) -> list[str]:
    """The user's command: ``graphkit build CORPUS --store STORE -q OPTIONS`` with this interpreter's graphkit."""
    return [sys.executable, "-m", "graphkit.cli", "build", str(corpus), "--store", str(store), "-q", *options]


def busy_loops(n: int) -> list[subprocess.Popen]:
    """``n`` one-core busy loops, each its own process (ended by `end`)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def end(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        p.terminate()
        p.wait()


def summary(rows: list[dict], names: list[str]) -> list[str]:
    """A markdown table: per variant the median and best of wall / CPU / peak, the median minor page faults (a row
    without them, from an older log, shows –), and the paired difference of wall and CPU to the first variant (same
    round), median and range."""
    out = ["| variant | wall s median (best) | CPU s median (best) | peak MB median | minor faults median "
           "| Δ wall vs first, median [range] | Δ CPU vs first, median [range] |", "|---|---|---|---|---|---|---|"]
    by = {(r["round"], r["variant"]): r for r in rows}
    rounds = sorted({r["round"] for r in rows})
    for name in names:
        mine = [by[k, name] for k in rounds if (k, name) in by]
        dw = [by[k, name]["wall"] - by[k, names[0]]["wall"] for k in rounds if (k, name) in by and (k, names[0]) in by]
        dc = [by[k, name]["cpu"] - by[k, names[0]]["cpu"] for k in rounds if (k, name) in by and (k, names[0]) in by]

        def med(xs, key):
            return statistics.median(x[key] for x in xs)

        def spread(d):
            return f"{statistics.median(d):+.2f} [{min(d):+.2f}, {max(d):+.2f}]" if d else "–"

        faults = f"{med(mine, 'minflt'):,.0f}" if all("minflt" in x for x in mine) else "–"
        out.append(f"| {name} | {med(mine, 'wall'):.2f} ({min(x['wall'] for x in mine):.2f}) | "
                   f"{med(mine, 'cpu'):.2f} ({min(x['cpu'] for x in mine):.2f}) | {med(mine, 'peak_mb'):.0f} | "
                   f"{faults} | {spread(dw)} | {spread(dc)} |")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="a corpus folder (default: a PolNeAR split, --split)")
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None, help="the split's first N articles (default: all)")
    ap.add_argument("--variant", action="append", required=True, metavar="NAME=OPTIONS",
                    help="a name and the build's options (shell words; may be empty); repeat, the first is the base")
    ap.add_argument("--common", default="", help="options every variant's command takes (e.g. '--workers 2')")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--busy", type=int, default=0, help="busy loops (one core each) beside every command")
    ap.add_argument("--warm", type=int, default=1, help="untimed builds first (files and bytecode cached)")
    ap.add_argument("--compare", action="store_true", help="compare the last round's stores with the first variant's")
    a = ap.parse_args(argv)
    variants, envs = [], {}
    for v in a.variant:
        name, sep, opts = v.partition("=")
        name, _, src = name.partition("@")
        if not sep or not name:
            ap.error(f"--variant {v!r}: give NAME=OPTIONS (e.g. ahead=--parse-ahead, or base= for none)")
        if src:
            from bench_build import checkout
            from bytecode_cache import as_installed

            root = checkout(Path(src), "--variant")
            as_installed([root / "graphkit"])
            envs[name] = dict(os.environ, PYTHONPATH=str(root))
        variants.append((name, shlex.split(opts)))
    names = [n for n, _ in variants]
    common = shlex.split(a.common)
    with tempfile.TemporaryDirectory(prefix="pair_options_") as tmp:
        work = Path(tmp)
        if a.corpus is not None:  # a folder with no article is one line (script_main)
            from graphkit.ingest import corpus_articles

            corpus = corpus_articles(a.corpus)[0].resolve()
        else:
            corpus = work / a.split
            write_corpus(POLNEAR / f"{a.split}.jsonl", corpus, a.limit)
        stores = {n: work / f"{n}.gk" for n in names}
        rows = []
        loops = busy_loops(a.busy)
        try:
            for _ in range(a.warm):
                fresh(stores[names[0]])
                run_command(build_command(corpus, stores[names[0]], common + variants[0][1]), envs.get(names[0]))
            for r in range(a.rounds):
                order = variants[r % len(variants):] + variants[:r % len(variants)]
                for name, opts in order:
                    fresh(stores[name])
                    row = {"round": r + 1, "variant": name, "busy": a.busy,
                           **run_command(build_command(corpus, stores[name], common + opts), envs.get(name))}
                    rows.append(row)
                    print(json.dumps(row), flush=True)
        finally:
            end(loops)
        print(f"\n{corpus.name}: {sum(1 for _ in corpus.glob('*.txt'))} articles; common options {common or 'none'}; "
              f"busy loops {a.busy}; {a.rounds} rounds")
        print("\n".join(summary(rows, names)))
        if a.compare:
            from compare_stores import differences

            for name in names[1:]:
                diff = differences(stores[names[0]], stores[name], meta=True)
                tables = [d for d in diff if not d.startswith("meta ")]
                print(f"stores {names[0]} vs {name}: {len(tables)} tables differ" + "".join(f"\n  {d}" for d in diff))
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("pair_options", main))
