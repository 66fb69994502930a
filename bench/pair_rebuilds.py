"""Rebuild commands of two checkouts in paired rounds (issue #17, "1 % of PolNeAR train changed"): CPU seconds.

    python bench/pair_rebuilds.py --src main=/tmp/main --src branch=. --corpus bench/_work/rebuild_train_all \
        --store main=/tmp/main.gk --store branch=/tmp/branch.gk --rounds 3 [--full]

Each ``--store`` is a store of the corpus that its checkout's code resolved last (a build with that code; after a
change to graphkit's code the first build resolves everything again, which is not what is measured). In each round,
for each kind of rebuild (nothing changed, 1 % changed: a line appended to 1 % of the articles, 1 % + a claim: a line
holding a quoted claim), both checkouts run ``graphkit build CORPUS --store COPY -q`` on a fresh copy of their own
store, the same articles edited (other ones each round, as ``bench_resolve.py rebuild`` does: round r edits the
articles r·k … (r+1)·k−1 in name order), the order of the two alternated. ``--full``: a full build into an empty
store first (round 1), the share's denominator. Each checkout runs from its own root put first on the path
(``PYTHONPATH``) with this interpreter's ``graphkit`` script. CPU = user + system of the command (``RUSAGE_CHILDREN``),
wall, and the load average before and after; on a machine shared with other people's work compare CPU within a round.
Prints one JSON line a command and a table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

EDITS = {"nothing changed": None, "1% changed": "\n\nUpdated in round {r}.",
         "1% + a claim": '\n\nUpdated in round {r}. "The figures will be checked again," a spokesman said.'}


def command(src: Path, corpus: Path, store: Path) -> dict:
    """One ``graphkit build`` of ``corpus`` into ``store`` with the code of ``src``: CPU and wall seconds, load."""
    graphkit = Path(sys.executable).with_name("graphkit")
    load0 = os.getloadavg()[0]
    before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    out = subprocess.run([str(graphkit), "build", str(corpus), "--store", str(store), "-q"], cwd="/",
                         env=dict(os.environ, PYTHONPATH=str(src)), capture_output=True, text=True)
    wall, after = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"cpu": round(cpu, 2), "wall": round(wall, 2), "load": f"{load0:.1f}-{os.getloadavg()[0]:.1f}",
            "summary": out.stdout.strip().splitlines()[0]}


def edited(files: list[Path], text: str):
    """Append ``text`` to ``files``; returns what puts them back."""
    old = [(f, f.read_text(encoding="utf-8")) for f in files]
    for f, t in old:
        f.write_text(t + text, encoding="utf-8")
    return lambda: [f.write_text(t, encoding="utf-8") for f, t in old]


def named(values: list[str], flag: str) -> dict[str, str]:
    """``NAME=VALUE`` arguments as a dict; a value without its ``NAME=`` is a GraphkitError saying how to write it
    (one line, through ``script_main``).

    >>> named(["main=/tmp/main", "branch=."], "--src")
    {'main': '/tmp/main', 'branch': '.'}
    """
    from graphkit.errors import GraphkitError

    bad = [v for v in values if "=" not in v]
    if bad:
        raise GraphkitError(f"{flag} {bad[0]} has no NAME=; write {flag} NAME={bad[0]}")
    return dict(v.split("=", 1) for v in values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", action="append", required=True, help="NAME=checkout root (two)")
    ap.add_argument("--store", action="append", required=True, help="NAME=a store its code resolved")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--full", action="store_true", help="a full build of each first (round 1)")
    ap.add_argument("--work", type=Path, default=Path("/tmp"), help="where the copies are made")
    from bench_build import checkout
    from bytecode_cache import as_installed, bytecode_option

    bytecode_option(ap)
    a = ap.parse_args()
    srcs, stores = named(a.src, "--src"), named(a.store, "--store")
    if set(srcs) != set(stores):
        ap.exit(2, f"pair_rebuilds: error: --src names {sorted(srcs)} but --store names {sorted(stores)}; give one "
                   "store for each checkout's NAME\n")
    from graphkit.ingest import corpus_articles
    from graphkit.store_file import check_store_file

    corpus_articles(a.corpus)  # before any article is edited: a wrong path is one line (script_main)
    srcs = {name: checkout(Path(root)) for name, root in srcs.items()}
    for path in stores.values():
        check_store_file(Path(path))
    names = list(srcs)
    bytecode = as_installed([root / "graphkit" for root in srcs.values()], a.bytecode)
    print(f"# {bytecode}", file=sys.stderr)
    files = sorted(a.corpus.glob("*.txt"))
    k = max(1, round(len(files) / 100))
    rows = []
    kinds = (["full build"] if a.full else []) + list(EDITS)
    for r in range(a.rounds):
        for what in kinds:
            if what == "full build" and r:
                continue
            for name in (names if len(rows) % 2 == 0 else names[::-1]):
                copy = a.work / f"pair_rebuilds_{name}.gk"
                for p in a.work.glob(copy.name + "*"):
                    p.unlink()
                if what != "full build":
                    shutil.copyfile(stores[name], copy)
                put_back = edited(files[r * k:(r + 1) * k], EDITS[what].format(r=r + 1)) if EDITS.get(what) else None
                try:
                    res = command(srcs[name], a.corpus, copy)
                finally:
                    if put_back:
                        put_back()
                rows.append({"round": r + 1, "what": what, "code": name, **res})
                print(json.dumps(rows[-1]), flush=True)
    print(f"\n{bytecode}\n\n| round | command | {' | '.join(f'{n} CPU s (wall s, load)' for n in names)} |")
    print("|---|---|" + "---|" * len(names))
    by = {(x["round"], x["what"], x["code"]): x for x in rows}
    for r in range(1, a.rounds + 1):
        for what in kinds:
            if (r, what, names[0]) in by:
                cells = [by[(r, what, n)] for n in names]
                print(f"| {r} | {what} | " + " | ".join(f"{c['cpu']} ({c['wall']}, {c['load']})" for c in cells) + " |")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("pair_rebuilds", main))
