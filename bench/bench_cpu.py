"""CPU seconds of ``graphkit build`` against bare spaCy, as commands, in interleaved rounds (issue #17 on a shared machine).

    python bench/bench_cpu.py                              # PolNeAR dev, this checkout, 3 rounds
    python bench/bench_cpu.py --src /tmp/main --src .      # two checkouts against the same bare runs
    python bench/bench_cpu.py --rounds 2 --corpus CORPUS_DIR

On a machine other work shares, wall seconds say more about the neighbours than about the build (the same command moved
by 25-35 % from round to round in runs AD and AE); the CPU seconds a command spends (user + system, of the process and
of the processes it waited for) move much less, and a ratio taken within one round moves less still. Each round runs,
in an order rotated from round to round, ``python bench/bare_pipe.py CORPUS`` (``spacy.load`` and ``nlp.pipe`` over the
folder: the reference of ``bench/bench_build.py``) and, for each checkout (``--src``, put first on ``PYTHONPATH``),
``python -m graphkit.cli build CORPUS --store S -q`` into a fresh store, as a user runs it (start-up and exit included).
Printed: each command's CPU seconds per round, and the ratio bare / graphkit per round (above 1: graphkit's command
spends less CPU than bare spaCy's) with its median. CPU seconds are no wall time: on a quiet machine
``bench/bench_build.py`` gives the ratio issue #17 is judged on.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cpu_of(cmd: list[str], env: dict) -> float:
    """User + system CPU seconds of ``cmd`` run to its end (and of the children it waited for). Run from ``/``:
    ``python -m`` puts the working folder first on the path, ahead of ``PYTHONPATH``, so from a checkout's root every
    ``--src`` ran that checkout's graphkit (`commands` gives absolute paths)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd="/")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(corpus: Path, srcs: list[Path], work: Path) -> dict[str, tuple[list[str], dict, Path | None]]:
    """name -> (command, environment, store to remove first): bare spaCy, then ``graphkit build`` per checkout."""
    corpus, work = corpus.resolve(), work.resolve()  # the commands run from / (`cpu_of`)
    out = {"bare": ([sys.executable, str(ROOT / "bench" / "bare_pipe.py"), str(corpus)], dict(os.environ), None)}
    for k, src in enumerate(srcs):
        store = work / f"store{k}.db"
        env = dict(os.environ, PYTHONPATH=str(src))
        out[str(src)] = ([sys.executable, "-m", "graphkit.cli", "build", str(corpus), "--store", str(store), "-q"],
                         env, store)
    return out


def fresh(store: Path | None) -> None:
    """Remove a store and its side files (a build then parses everything)."""
    if store is not None:
        for p in store.parent.glob(store.name + "*"):
            p.unlink()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a corpus folder (default: PolNeAR dev, written to a temporary one)")
    ap.add_argument("--src", type=Path, action="append", help="a checkout's root (repeat to compare; default: this)")
    ap.add_argument("--rounds", type=int, default=3)
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import checkouts_on_a_corpus
    from bytecode_cache import as_installed, bytecode_option

    bytecode_option(ap)
    a = ap.parse_args()
    with checkouts_on_a_corpus(a.corpus, a.src) as (work, corpus, srcs):
        bytecode = as_installed([src / "graphkit" for src in srcs], a.bytecode)
        print(f"# {bytecode}", file=sys.stderr)
        cmds = commands(corpus, srcs, work)
        names = list(cmds)
        cpu: dict[str, list[float]] = {n: [] for n in names}
        for r in range(a.rounds):
            k = r % len(names)
            for n in names[k:] + names[:k]:
                cmd, env, store = cmds[n]
                fresh(store)
                cpu[n].append(cpu_of(cmd, env))
                print(f"# round {r + 1}: {n}: {cpu[n][-1]:.2f} CPU s (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
    print(f"{bytecode}\n")
    print("| command | " + " | ".join(f"round {r + 1}" for r in range(a.rounds)) + " | median |")
    print("|---|" + "---|" * (a.rounds + 1))
    for n in names:
        label = "bare spaCy (`bare_pipe.py`)" if n == "bare" else f"`graphkit build` ({n})"
        print(f"| {label}, CPU s | " + " | ".join(f"{c:.2f}" for c in cpu[n]) + f" | {statistics.median(cpu[n]):.2f} |")
    for n in names[1:]:
        ratios = [b / g for b, g in zip(cpu["bare"], cpu[n])]
        print(f"| bare / graphkit ({n}) | " + " | ".join(f"{x:.3f}" for x in ratios)
              + f" | **{statistics.median(ratios):.3f}** |")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bench_cpu", main))
