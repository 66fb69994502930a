"""Where a one-process ``graphkit build`` spends its CPU seconds, item by item (issue #17: one process against bare spaCy).

    python bench/profile_build.py                          # PolNeAR dev from ../shared, this checkout, 1 round
    python bench/profile_build.py --src /tmp/main --src .  # two checkouts interleaved (each a root put first on the path)
    python bench/profile_build.py --rounds 3 --corpus CORPUS_DIR

Each run is the command as a user runs it (``graphkit.cli.main``, a fresh store, one process) in a fresh Python,
with graphkit's and spaCy's functions wrapped from outside (nothing in graphkit changes) to count the CPU seconds
(``time.thread_time``) of:

- each component of the spaCy pipeline (``pipe:NAME``: its ``pipe`` over every batch, the components before it
  taken out; ``pipe:tokenizer`` is ``make_doc``), graphkit's own among them (``graphkit_paragraphs``,
  ``graphkit_attribution``, and the table annotators under spaCy's names ``attribute_ruler`` and ``lemmatizer``);
- ``load`` (`graphkit.nlp.cached_pipeline`: spaCy's load and graphkit's components), ``extract_parsed`` (filter,
  dates, contexts, keyphrases), ``store`` (each extraction's JSON and its SQLite write);
- resolution by `graphkit.resolution.resolve_store`'s stages (``resolve:read`` ... ``resolve:write``);
- every thread but the main one (``thread:NAME``: the warm-up thread that loads resolution's imports during the parse);
- ``process``: the whole process's CPU (``getrusage``) when the command has returned, Python's teardown excluded
  (the command skips it, `graphkit.program.leave`); ``start``: Python's start and ``import graphkit`` (its package).

On a shared machine the absolute seconds move with the load (the same parse by 25 % from run to run): compare checkouts
in the same round. Tokens are not counted; ``bench/bench_build.py`` gives the commands' ratios to bare spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bytecode_cache import as_installed, bytecode_option  # no graphkit imported: the child runs --src's

ROOT = Path(__file__).resolve().parents[1]


# -- in the profiled command ---------------------------------------------------------------------------------
def child(corpus: str, store: str) -> dict:
    """Run ``graphkit build CORPUS --store STORE`` here with the counters; return item → CPU seconds."""
    import collections
    import resource
    import threading
    import time

    from worker_parts import Parts, thread_stage_clock  # (bench/ is this script's folder, first on the path)

    start = time.process_time()
    acc: collections.Counter = collections.Counter()
    parts = Parts()  # each item's exclusive thread CPU: the items called inside it taken out

    from graphkit.nlp import numpy_from_start, spacy_without_cli_from_start

    numpy_from_start()  # as the command does before anything imports numpy or spaCy
    spacy_without_cli_from_start()
    acc["start"] = time.process_time() - start
    import graphkit.cli as cli
    import spacy.language as language

    build, nlp, store_mod = (sys.modules[f"graphkit.{m}"] for m in ("build", "nlp", "store"))
    # where the one-process parse loop calls extract_parsed: graphkit.parsing, before it graphkit.extract
    parsing = sys.modules.get("graphkit.parsing") or sys.modules["graphkit.extract"]
    pipe = language._pipe

    def counted_pipe(docs, proc, name, default_error_handler, kwargs):  # spaCy runs each component through this
        return parts.gen("pipe:" + name, pipe(docs, proc, name, default_error_handler, kwargs))

    language._pipe = counted_pipe
    language.Language.make_doc = parts.wrap("pipe:tokenizer", language.Language.make_doc)
    nlp.cached_pipeline = parts.wrap("load", nlp.cached_pipeline)
    parsing.extract_parsed = parts.wrap("extract_parsed", parsing.extract_parsed)
    store_mod.Store.put_article = parts.wrap("store", store_mod.Store.put_article)
    parsing.DocExtraction.model_dump_json = parts.wrap("store", parsing.DocExtraction.model_dump_json)

    from bench_resolve import stage_clock  # graphkit.resolution.StageClock; before, graphkit.build._Clock

    setattr(*stage_clock(), thread_stage_clock(acc, "resolve:"))  # resolve_store's stages, in this thread's CPU
    run = threading.Thread.run

    def counted_run(self):
        t = time.thread_time()
        try:
            run(self)
        finally:
            acc["thread:" + self.name] += time.thread_time() - t

    threading.Thread.run = counted_run
    try:
        cli.main(["build", corpus, "--store", store, "-q"])  # argv given: main returns (no leave)
    except SystemExit as e:
        if e.code:
            raise
    acc.update(parts.cpu)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    acc["process"] = ru.ru_utime + ru.ru_stime
    return {k: round(v, 3) for k, v in sorted(acc.items())}


# -- the parent ----------------------------------------------------------------------------------------------
def profile(src: Path, corpus: Path, work: Path) -> dict:
    store = work / "store.db"
    store.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(store)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a corpus folder (default: PolNeAR dev, written to a temporary one)")
    ap.add_argument("--src", type=Path, action="append", help="a checkout's root (repeat to compare; default: this)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    bytecode_option(ap)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(*a.child)))
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import checkouts_on_a_corpus

    with checkouts_on_a_corpus(a.corpus, a.src) as (work, corpus, srcs):
        bytecode = as_installed([s / "graphkit" for s in srcs], a.bytecode)
        print(f"# {bytecode}", file=sys.stderr)
        runs: dict[Path, list[dict]] = {s: [] for s in srcs}
        for r in range(a.rounds):
            for s in (srcs if r % 2 == 0 else srcs[::-1]):
                runs[s].append(profile(s, corpus, work))
                print(f"round {r + 1}: {s} done (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
    items = sorted({k for rs in runs.values() for d in rs for k in d}, key=lambda k: (k != "process", k))
    print(f"{bytecode}\nitem, CPU s per round | " + " | ".join(str(s) for s in srcs))
    for k in items:
        print(f"{k:36s} " + " | ".join(" / ".join(f"{d.get(k, 0):.2f}" for d in runs[s]) for s in srcs))


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("profile_build", main))
