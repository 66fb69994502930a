"""Where one ``graphkit build`` command spends beyond bare spaCy's, as one table from one run (issue #17).

    python bench/command_parts.py CORPUS                 # bare spaCy's command, then graphkit's, each sampled
    python bench/command_parts.py CORPUS --rate 250 --keep DIR   # the raw samples and checkpoints kept in DIR

Runs `command_checkpoints.py` twice from ``/``: ``bare CORPUS --numpy-gemm`` (spaCy's pipeline multiplying as graphkit
does) and ``graphkit CORPUS --store FRESH -q`` (one process), each under ``py-spy record --nonblocking --threads``
(the ``bench`` extra: ``pip install -e ".[bench]"``; it reads the process from outside, so the command runs as a
user runs it: no thread of the bench's inside it). The checkpoints give each phase's main-thread CPU seconds, system CPU, minor
faults and peak memory; the samples split a phase into parts in proportion to their count (`part_of`: the parse
into spaCy's own components and graphkit's, the resolution into its stages). py-spy samples a thread that is
running or waiting for a core alike: within a phase the split holds as far as the waiting is even, which a loaded
machine only roughly gives; the phases' totals are CPU seconds. Linux only. Run BU (bench/README.md) is its first use.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterator

from corpus_check import corpus_error
from tail_parts import part_of as resolution_part

HERE = Path(__file__).resolve().parent

#: a sample's part: the first rule whose words are all on its stack (main thread; the parse's and the resolution's
#: samples only). spaCy's own work is told by the innermost frame of spaCy's or graphkit's (`_innermost`).
PARSE_PARTS = [
    ("store writes (SQLite)", ("put_article",)),
    ("attribution component", ("AttributionComponent",)),
    ("paragraph breaks", ("_paragraph_breaks",)),  # called inside the table annotators' pipe
    ("table annotators", ("graphkit/annotate.py",)),
    ("extract_parsed: filter, dates, keyphrases, contexts", ("extract_parsed",)),
    ("records and their JSON", ("pydantic",)),
    ("spaCy's attribute ruler and lemmatizer", ("spacy/pipeline/attributeruler",)),
    ("spaCy's attribute ruler and lemmatizer", ("spacy/pipeline/lemmatizer",)),
]


def _innermost(frames: list[str]) -> str:
    """Whose code the innermost frame of spaCy, thinc or graphkit is ('spacy', 'graphkit'; '' for neither): spaCy's
    compiled code has no frames, so a sample in its parser shows spaCy's Python caller, and one in graphkit's shows
    graphkit's."""
    for f in reversed(frames):
        if "graphkit/" in f:
            return "graphkit"
        if re.search(r"[(/](spacy|thinc)/", f):
            return "spacy"
    return ""


def part_of(stack: str) -> tuple[str, str]:
    """(phase, part) of one main-thread sample (py-spy's frames, outermost first, joined by ';').

    >>> part_of("main (graphkit/cli.py:1);parse_changed (graphkit/build.py:2);_pipe (spacy/util.py:3)")
    ('parse', "spaCy's own components")
    >>> part_of("parse_changed (graphkit/build.py:2);_pipe (spacy/util.py:3);__call__ (graphkit/annotate.py:4)")
    ('parse', 'table annotators')
    >>> part_of("resolve_store (graphkit/resolution.py:1);resolve_speakers (graphkit/resolution.py:2)")
    ('resolution', 'actors')
    """
    frames = stack.split(";")
    if "resolve_store" in stack:  # its stage by the one table of the resolution's parts (`tail_parts.PARTS`)
        return "resolution", resolution_part(stack)[0]
    if "import_sklearn" in stack or "warm_resolution" in stack:
        return "scikit-learn's import (main thread)", ""
    graphkit_parse = "parse_changed" in stack and "load_pipeline" not in stack
    if graphkit_parse or "bare (" in stack and "Language.pipe" in stack:  # bare: command_checkpoints.bare's nlp.pipe
        for p, words in PARSE_PARTS:
            if all(w in stack for w in words) and (p.startswith("spaCy") or "put_article" in words
                                                   or _innermost(frames) != "spacy"):
                return "parse", p
        return "parse", "spaCy's own components" if _innermost(frames) != "graphkit" else "other graphkit"
    return "start and exit", ""


def raw_stacks(path: Path) -> Iterator[tuple[str, int]]:
    """(stack, samples) of each line of a py-spy raw file (``-f raw``: the frames, outermost first, joined by ';',
    then a space and the count; with ``--threads`` the thread is the first frame): the one reading of py-spy's
    samples of the bench's sampling scripts (this one, `tail_parts`).

    >>> import tempfile; raw = Path(tempfile.mkdtemp()) / "x.spy"
    >>> _ = raw.write_text("main (a.py:1);f (b c.py:2) 3\\nmain (a.py:1) 1\\n", encoding="utf-8")
    >>> list(raw_stacks(raw))
    [('main (a.py:1);f (b c.py:2)', 3), ('main (a.py:1)', 1)]
    """
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        yield stack, int(n)


def samples(path: Path) -> Counter:
    """(phase, part) -> samples of a py-spy raw file (``--threads``); the warm-up thread's are its own phase."""
    out: Counter = Counter()
    for stack, n in raw_stacks(path):
        thread, _, rest = stack.partition(";")
        out[("warm-up thread", "") if "warm" in thread else part_of(rest)] += n
    return out


def phase_cpu(events: list[dict]) -> dict[str, float]:
    """Main-thread CPU s of each phase from the checkpoints (`command_checkpoints.FIELDS`), graphkit's or bare's."""
    at = {}
    for e in events:
        at.setdefault(e["event"], e)  # the first of a repeated checkpoint (scikit-learn's import, a no-op later)
    end = events[-1]
    loaded = at.get("pipeline loaded") or at.get("numpy's BLAS")
    parse_end = at.get("parse end, resolve") or at.get("pipe done")
    sk = 0.0  # scikit-learn's import on the main thread during the parse (in the resolution it is the resolution's)
    if "scikit-learn imported (main)" in at and events.index(at["scikit-learn imported (main)"]) < events.index(parse_end):
        sk = at["scikit-learn imported (main)"]["thread"] - at["scikit-learn import (main)"]["thread"]
    resolved = at.get("resolved", parse_end)
    return {"start and exit": loaded["thread"] + end["thread"] - resolved["thread"],
            "parse": parse_end["thread"] - loaded["thread"] - sk,
            "scikit-learn's import (main thread)": sk,
            "resolution": resolved["thread"] - parse_end["thread"],
            "warm-up thread": end["cpu"] - end["thread"]}


def py_spy_missing(prog: str) -> str:
    """The one line a sampling bench command exits with when :func:`py_spy` finds no py-spy.

    >>> print(py_spy_missing("tail_parts"), end="")
    tail_parts: error: py-spy is not installed; pip install -e ".[bench]"
    """
    return f'{prog}: error: py-spy is not installed; pip install -e ".[bench]"\n'


def py_spy() -> str | None:
    """py-spy's program: beside this interpreter (a virtual environment's), else on the PATH; None when neither."""
    return shutil.which("py-spy", path=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))


def record(spy: str, raw: Path, rate: int, command: list[str], *, threads: bool = False, **how
           ) -> subprocess.CompletedProcess:
    """``command`` run under py-spy (``spy``, `py_spy`'s: asked once by the caller) sampling ``rate`` times a second
    without stopping it (``--nonblocking``), its samples written to ``raw`` as `raw_stacks` reads them; ``threads``:
    each thread's stacks apart; ``how``: `subprocess.run`'s (its output and working folder). The one recording of
    the bench's sampling scripts (this one, `tail_parts`)."""
    cmd = [spy, "record", "--nonblocking", *(["--threads"] if threads else []), "-r", str(rate), "-f", "raw",
           "-o", str(raw), "--", *command]
    return subprocess.run(cmd, text=True, **how)


def run(spy: str, command: list[str], work: Path, name: str, rate: int) -> tuple[list[dict], Counter]:
    """One command sampled by ``spy``: its checkpoints and its samples (kept in ``work``)."""
    out, raw = work / f"{name}.json", work / f"{name}.spy"
    for p in (out, raw):
        p.unlink(missing_ok=True)
    done = record(spy, raw, rate, [sys.executable, str(HERE / "command_checkpoints.py"), "--out", str(out), *command],
                  threads=True, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode or not out.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"command_parts: error: the {name} command failed ({last}); run it alone: "
                         f"python bench/command_checkpoints.py {' '.join(command)}")
    return json.loads(out.read_text(encoding="utf-8")), samples(raw)


def rows(events: list[dict], counts: Counter) -> dict[tuple[str, str], float]:
    """(phase, part) -> CPU s: each phase's CPU split over its parts by their samples."""
    out = {}
    for phase, seconds in phase_cpu(events).items():
        parts = {part: n for (ph, part), n in counts.items() if ph == phase} or {"": 1}  # unsampled: one part
        total = sum(parts.values())
        for part, n in parts.items():
            out[(phase, part)] = seconds * n / total
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--rate", type=int, default=250, help="samples a second (py-spy)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the samples and checkpoints in this folder")
    a = ap.parse_args()
    if err := corpus_error("command_parts", a.corpus):
        ap.exit(2, err)
    spy = py_spy()
    if spy is None:
        ap.exit(2, py_spy_missing("command_parts"))
    work = (a.keep or Path(tempfile.mkdtemp(prefix="command_parts-"))).resolve()  # the commands run from /
    work.mkdir(parents=True, exist_ok=True)
    corpus = str(a.corpus.resolve())
    bare = run(spy, ["bare", corpus, "--numpy-gemm"], work, "bare", a.rate)
    store = work / "build.gk"
    for p in work.glob("build.gk*"):
        p.unlink()
    gk = run(spy, ["graphkit", corpus, "--store", str(store), "-q"], work, "graphkit", a.rate)
    b, g = rows(*bare), rows(*gk)
    phases = list(phase_cpu(gk[0]))
    print(f"load {os.getloadavg()[0]:.1f}; main-thread CPU s (the warm-up thread: its own)\n")
    print("| phase | part | graphkit | bare spaCy |\n|---|---|---|---|")
    for key in sorted(set(b) | set(g), key=lambda k: (phases.index(k[0]), -g.get(k, 0))):
        if max(abs(g.get(key, 0)), abs(b.get(key, 0))) >= 0.005:  # a phase one of them does not have
            print(f"| {key[0]} | {key[1] or '–'} | {g.get(key, 0) + 0:.2f} | {b.get(key, 0) + 0:.2f} |")
    for label, field, form in (("process CPU s", "cpu", ".2f"), ("system CPU s", "sys", ".2f"),
                               ("minor faults", "minflt", ",d"), ("peak MB", "peak_mb", ".0f")):
        print(f"| whole command | {label} | {gk[0][-1][field]:{form}} | {bare[0][-1][field]:{form}} |")


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("command_parts", main))
