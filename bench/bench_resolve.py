"""Cross-article resolution at scale: resolve time and peak memory on synthetic stores, and the one huge article.

    python bench/bench_resolve.py                        # stores of 10k, 100k and 1M claims (fills are cached)
    python bench/bench_resolve.py --quick                # 10k and 100k claims, 60 template articles
    python bench/bench_resolve.py --sizes 100000         # one size
    python bench/bench_resolve.py article                # the 640 KB / ~10,000-claim one-speaker article, built
    python bench/bench_resolve.py article --size 5000000 # the 5 MB / ~80,000-claim one (parse alone: minutes)
    python bench/bench_resolve.py article --stages       # built in process: the peak memory of each stage
    python bench/bench_resolve.py rebuild                # PolNeAR train: rounds of full build, 0% and 1% changed rebuilds
    python bench/bench_resolve.py rebuild --limit 200    # the same on its first 200 articles

**stores** (``graphkit.resolution.resolve_store`` over a synthetic store, each size in its own process so its
peak memory, ``ru_maxrss``, is that step's alone; best of ``--rounds`` interleaved rounds). The synthetic
articles are made of *real* claims: the 840 PolNeAR train articles (60 with --quick; read from ../shared, never copied
into the repository) are built once into a template store under ``bench/_work/``; every synthetic article
is ~10 of their claims, each with its sentence's text, entities, cue, stance and keyphrases, laid end to
end. Speakers: every claim with a named or pronoun speaker is given a person name drawn
Zipf (s = 1) over 10,000 names, so the top speaker holds ~10% of the claims at every size; publication dates are uniform
over 2015–2024 and a claim is dated by its article. The growth ratio is time(n) / time(n / 10): linear
is 10, the target at 1M is <= 12.

**article**: one file of ``--size`` characters, every claim by one speaker ("Maria Keller said …",
"…, Keller said.", "She said …"), contents drawn from PolNeAR train's annotated attribution contents
(repeats included: one speaker repeating herself is what collapses cheaply); built with the
``graphkit build`` command in a fresh process: parse and resolve seconds from the build report, peak
memory of the whole command.

**rebuild**: PolNeAR train (``--limit`` articles) written to a corpus folder; interleaved rounds of a full build
into a fresh store, a rebuild with nothing changed and one with 1% of its articles edited (a line appended; other
articles each round, put back after), every build a fresh ``graphkit build`` command: the share of the full build
a user waits, wall and CPU, with parse / resolve / start-up seconds and the load average of each command.

Figures and the machine's load go to bench/README.md ("#17 resolution").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from polnear import POLNEAR  # noqa: E402  where PolNeAR is read: its one home, bench/polnear.py
WORK = ROOT / "bench" / "_work"
N_SPEAKERS = 10_000      # Zipf s=1 over 10,000 names: the top one holds 1/H(10000) ≈ 10% of the claims
CLAIMS_PER_ARTICLE = 10


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


# ---- templates: real claims of PolNeAR train articles --------------------------------------------------

def template_store(n_articles: int) -> Path:
    """A store of the first ``n_articles`` PolNeAR train articles, built once and kept under bench/_work."""
    from bench_build import write_corpus

    from graphkit.build import build

    path = WORK / f"resolve_templates_{n_articles}.gk"
    if path.exists():
        return path
    corpus = WORK / f"resolve_templates_{n_articles}"
    write_corpus(POLNEAR / "train.jsonl", corpus, n_articles)
    print(f"building the template store from {n_articles} PolNeAR train articles (once) ...", flush=True)
    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    build(corpus, tmp)
    tmp.rename(path)
    return path


def template_units(store_path: Path) -> list[tuple[str, dict, list]]:
    """Every claim of the template store as (its sentence's text, the LocalClaim as a dict with offsets made
    relative to the sentence, the entities inside the sentence, relative too)."""
    from graphkit.store import Store

    units = []
    with Store(store_path, readonly=True) as st:
        docs = {d.id: d.text for d in st.documents()}
        for doc_id, data in st.extractions():
            ex = json.loads(data)
            text = docs[doc_id]
            for it in ex["items"]:
                a = it["attribution"]
                s0, s1 = a.get("sentence_span") or (min(s[0] for s in a["spans"]), max(s[1] for s in a["spans"]))
                spans = [a.get(f) for f in ("cue_span", "speaker_span", "resolved_span", "reported_by_span")]
                if any(sp and not (s0 <= sp[0] and sp[1] <= s1) for sp in spans) or \
                        any(not (s0 <= s[0] and s[1] <= s1) for s in a["spans"]):
                    continue  # a claim reaching outside its sentence: not a self-contained unit
                ents = [(t, lab, b - s0, e - s0) for t, lab, b, e in ex["entities"] if s0 <= b and e <= s1]
                units.append((text[s0:s1], _shifted(it, -s0), ents))
    return units


def _shifted(item: dict, k: int) -> dict:
    a = dict(item["attribution"])
    a["spans"] = [[s + k, e + k] for s, e in a["spans"]]
    for f in ("cue_span", "speaker_span", "resolved_span", "sentence_span", "reported_by_span"):
        if a.get(f):
            a[f] = [a[f][0] + k, a[f][1] + k]
    return {**item, "attribution": a}


def speaker_names(n: int) -> list[str]:
    from bench_store import FIRST, LAST

    last = list(dict.fromkeys(LAST))
    names = [f"{f} {sn}" for sn in last for f in FIRST]
    random.Random(1).shuffle(names)
    assert len(names) >= n, len(names)
    return names[:n]


def zipf_sampler(n: int, rnd: random.Random):
    import bisect
    import itertools

    cum = list(itertools.accumulate(1.0 / (k + 1) for k in range(n)))
    total = cum[-1]
    return lambda: bisect.bisect_left(cum, rnd.random() * total)


def _respeak(unit, name: str) -> tuple[dict, list]:
    """The unit with its speaker made ``name`` (a named or pronoun speaker; others stay as they are)."""
    text, item, ents = unit
    a = dict(item["attribution"])
    stype, span = a.get("speaker_type"), a.get("speaker_span")
    if stype not in ("PERSON", "PRON") or not span:
        return item, ents
    if stype == "PERSON":
        short = name if random.random() < 0.5 else name.split()[-1]
        a.update(speaker_text=short, resolved_text=name, resolved_span=span)
        ents = [e for e in ents if not (e[2] < span[1] and span[0] < e[3])] + [(name, "PERSON", span[0], span[1])]
    else:
        a.update(resolved_text=name)
    return {**item, "attribution": a}, ents


def fill_store(path: Path, n_claims: int, units, seed: int = 17) -> None:
    """A synthetic store of ``n_claims`` claims (articles of CLAIMS_PER_ARTICLE template claims)."""
    import datetime as dt

    from graphkit.records import Document
    from graphkit.store import Store

    rnd = random.Random(seed)
    random.seed(seed)
    names = speaker_names(N_SPEAKERS)
    draw = zipf_sampler(N_SPEAKERS, rnd)
    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    start = dt.date(2015, 1, 1)
    n_docs = (n_claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    with Store(tmp, create=True) as st:
        st.db.execute("PRAGMA synchronous=OFF")
        made = 0
        for k in range(n_docs):
            doc_id = f"syn{k:07d}"
            published = start + dt.timedelta(days=rnd.randrange(3650))
            parts, items, ents, off = [], [], [], 0
            for _ in range(min(CLAIMS_PER_ARTICLE, n_claims - made)):
                text, item, uents = rnd.choice(units)
                item, uents = _respeak((text, item, uents), names[draw()])
                item = _shifted(item, off)
                item["date"] = {"date": published.isoformat(), "precision": "day", "basis": "publication", "text": None}
                items.append(item)
                ents.extend((t, lab, b + off, e + off) for t, lab, b, e in uents)
                parts.append(text)
                off += len(text) + 1
                made += 1
            body = " ".join(parts)
            sha = hashlib.sha256(body.encode()).hexdigest()
            doc = Document(id=doc_id, path=f"{doc_id}.txt", text=body, sha256=sha, format="txt", published=published)
            ex = {"doc_id": doc_id, "sha256": sha, "items": items, "entities": sorted(ents, key=lambda e: (e[2], e[3]))}
            st.put_article(doc, json.dumps(ex), "synthetic")
    tmp.rename(path)


# ---- the measured steps (each in its own process) ----------------------------------------------------------

def peak_mib() -> float:
    """The process's peak resident memory since the last `reset_peak` (VmHWM), MiB."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024


def reset_peak() -> None:
    """Start a new peak: VmHWM falls to the current resident memory (Linux: ``clear_refs`` 5)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def clock_stages(rss: dict[str, float], peaks: dict[str, float], cpu: Optional[dict[str, float]] = None) -> None:
    """Make every tick of resolution's stage clock (`stage_clock`) also record the resident memory after the stage
    (``rss``) and the peak within it (``peaks``, MiB): which stage of the resolution the process's peak is reached in; with ``cpu``,
    the CPU seconds of each stage too (steadier than wall seconds on a shared machine)."""
    module, name = stage_clock()
    tick = getattr(module, name).__call__
    last = [time.process_time()]

    def clock(self, stage):
        tick(self, stage)
        rss[stage] = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        peaks[stage] = max(peaks.get(stage, 0.0), peak_mib())
        reset_peak()
        if cpu is not None:
            now = time.process_time()
            cpu[stage] = cpu.get(stage, 0.0) + now - last[0]
            last[0] = now

    getattr(module, name).__call__ = clock


def stage_clock() -> tuple:
    """(module, name) of `graphkit.resolution.resolve_store`'s stage clock class in the graphkit imported here:
    ``graphkit.resolution.StageClock``, or ``graphkit.build._Clock`` in a checkout from before it moved."""
    module = sys.modules.get("graphkit.resolution")
    if module is not None and hasattr(module, "StageClock"):
        return module, "StageClock"
    return sys.modules["graphkit.build"], "_Clock"


def step_resolve(store: Path) -> dict:
    import graphkit.build  # noqa: F401
    from graphkit.build import resolve_store  # (graphkit.resolution's, imported there; older checkouts' own)
    from graphkit.store import Store

    stages: dict[str, float] = {}
    rss: dict[str, float] = {}
    peaks: dict[str, float] = {}
    stage_cpu: dict[str, float] = {}
    with Store(store) as st:
        clock_stages(rss, peaks, stage_cpu)  # (the first stage's CPU counts from here)
        t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
        counts = resolve_store(st, rediscover=True, timings=stages)  # every round discovers issues, as a first build does
        wall, cpu, kids = time.perf_counter() - t, time.process_time() - c, _children_cpu() - k
    # the peak of the whole step: the highest stage peak (ru_maxrss is not it: `reset_peak` lowers it with VmHWM, and
    # after exec it still holds the forking parent's resident size, ~0.6 GB of template claims at the 100k step)
    peak = max([*peaks.values(), peak_mib()])
    return {"wall": wall, "cpu": cpu, "cpu_children": kids, "peak_mb": peak,
            "claims": counts["claims"], "reports": counts["reports"], "actors": counts["actors"],
            "contradictions": counts["contradictions"], "stages": stages, "rss": rss, "peaks": peaks,
            "stage_cpu": stage_cpu}


def _children_cpu() -> float:
    """CPU seconds of this process's children that ended (resolution's words child, graphkit.textmemo.WorkedBeside:
    part of the work, on another core; `step_resolve`'s ``cpu`` is this process's alone)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_step(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, "_step", *map(str, args)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"step {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def stores_main(a) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    print(load(), flush=True)
    tstore = template_store(a.templates)
    units = None
    paths = {}
    for n in a.sizes:
        p = WORK / f"resolve_syn_{n}_{a.templates}.gk"
        if not p.exists():
            units = units or template_units(tstore)
            print(f"filling {n:,} claims from {len(units):,} template claims ...", flush=True)
            t = time.perf_counter()
            fill_store(p, n, units)
            print(f"  filled in {time.perf_counter() - t:.0f} s", flush=True)
        paths[n] = p
    best: dict[int, dict] = {}
    for r in range(a.rounds):
        for n in a.sizes:
            res = run_step("resolve", paths[n])
            print(f"round {r + 1}: {n:>9,} claims: {res['wall']:.1f} s wall, {res['cpu']:.1f} s CPU "
                  f"(+ {res.get('cpu_children', 0.0):.1f} s in its words child), "
                  f"peak {res['peak_mb']:.0f} MiB ({load()})\n    stages (s): "
                  + ", ".join(f"{k} {v:.1f}" for k, v in res["stages"].items())
                  + "\n    stages, CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in res.get("stage_cpu", {}).items())
                  + "\n    resident after each (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in res["rss"].items())
                  + "\n    peak within each (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in res["peaks"].items()), flush=True)
            if n not in best or res["wall"] < best[n]["wall"]:
                best[n] = res
    print(f"\nbest of {a.rounds} interleaved round(s); {load()}")
    print(f"{'claims':>10} {'reports':>9} {'actors':>8} {'contra':>7} {'wall s':>8} {'CPU s':>8} {'+child':>7} "
          f"{'peak MB':>8} {'growth wall / CPU / CPU+child':>30}")
    prev = None
    for n in a.sizes:
        b = best[n]
        growth = (f"{b['wall'] / best[prev]['wall']:.1f}x / {b['cpu'] / best[prev]['cpu']:.1f}x / "
                  f"{_all_cpu(b) / _all_cpu(best[prev]):.1f}x" if prev else "-")
        print(f"{b['claims']:>10,} {b['reports']:>9,} {b['actors']:>8,} {b['contradictions']:>7,} {b['wall']:>8.1f} "
              f"{b['cpu']:>8.1f} {b.get('cpu_children', 0.0):>7.1f} {b['peak_mb']:>8.0f} {growth:>30}")
        prev = n
    print("growth: time over the previous size's (10x the claims: linear is 10x; target at 1M: <= 12x)")


def _all_cpu(res: dict) -> float:
    """A resolve step's CPU seconds with its words child's (`_children_cpu`): all the work it did."""
    return res["cpu"] + res.get("cpu_children", 0.0)


# ---- the one huge article ------------------------------------------------------------------------------------

def claim_contents(src: Path) -> list[str]:
    """PolNeAR's annotated contents of one piece, 25-60 characters, no quotes, starting in lower case."""
    out = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            for at in json.loads(line)["attributions"]:
                if len(at["content"]) != 1:
                    continue
                t = at["content"][0]["text"].strip().rstrip(".")
                if 25 <= len(t) <= 60 and "\n" not in t and not any(q in t for q in "\"“”") and t[0].islower():
                    out.append(t)
    return sorted(set(out))


def article_text(contents: list[str], target_chars: int, seed: int = 17, name: str = "Maria Keller") -> tuple[str, int]:
    """One speaker's article: her full name once, then surname and "she", five sentences a paragraph."""
    rnd = random.Random(seed)
    surname = name.split()[-1]
    parts = [f"{name} said {rnd.choice(contents)}."]
    size = len(parts[0])
    while size < target_chars:
        t, form = rnd.choice(contents), rnd.random()
        s = (f"{surname} said {t}." if form < 0.5 else f"{t[0].upper()}{t[1:]}, {surname} said." if form < 0.8
             else f"She said {t}.")
        parts.append(s)
        size += len(s) + 1
    return "\n\n".join(" ".join(parts[i:i + 5]) for i in range(0, len(parts), 5)), len(parts)


def step_article(corpus: Path, store: Path) -> dict:
    """``graphkit.build`` of the article corpus in this process, with the peak resident memory of each stage
    (MiB, VmHWM reset at every boundary): start-up (imports, spaCy's pipeline), parse (spaCy and extraction,
    the extraction written), then each resolution stage (`clock_stages`). Where the command's peak is."""
    import graphkit.build  # noqa: F401
    import graphkit.nlp
    from graphkit.store import Store

    build = sys.modules["graphkit.build"]
    rss: dict[str, float] = {}
    peaks: dict[str, float] = {}

    def mark(stage: str) -> None:
        peaks[stage] = max(peaks.get(stage, 0.0), peak_mib())
        rss[stage] = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        reset_peak()

    load_pipeline, resolve_store = graphkit.nlp.load_pipeline, build.resolve_store

    def loading(*args, **kw):
        nlp = load_pipeline(*args, **kw)
        mark("start-up")
        return nlp

    def resolving(*args, **kw):
        mark("parse")
        clock_stages(rss, peaks)
        return resolve_store(*args, **kw)

    graphkit.nlp.load_pipeline, build.resolve_store = loading, resolving
    for p in store.parent.glob(store.name + "*"):
        p.unlink()
    t, c = time.perf_counter(), time.process_time()
    report = build.build(corpus, store)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    with Store(store, readonly=True) as st:
        claims = st.count("claims")
    return {"wall": wall, "cpu": cpu, "parse": report.parse_seconds, "resolve": report.resolve_seconds,
            "claims": claims, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peaks": peaks,
            "rss": rss}


def article_main(a) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = WORK / f"article_{a.size}"
    corpus.mkdir(exist_ok=True)
    text, n = article_text(claim_contents(POLNEAR / "train.jsonl"), a.size)
    (corpus / "keller.txt").write_text(text, encoding="utf-8")
    print(f"article: {len(text):,} characters, {n:,} sentences with a claim by one speaker; {load()}", flush=True)
    if a.stages:
        res = run_step("article", corpus, WORK / f"article_{a.size}_stages.gk")
        print(f"in process: {res['wall']:.1f} s wall, {res['cpu']:.1f} s CPU (parse {res['parse']:.1f}, resolve "
              f"{res['resolve']:.1f}), {res['claims']:,} claims, peak {res['peak']:.0f} MiB ({load()})\n"
              "    peak within each stage (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in res["peaks"].items())
              + "\n    resident after each (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in res["rss"].items()))
        return
    graphkit = Path(sys.executable).with_name("graphkit")
    bytecode = installed_bytecode(a)
    best = None
    for r in range(a.rounds):
        store = WORK / f"article_{a.size}.gk"
        for p in WORK.glob(store.name + "*"):
            p.unlink()
        cmd = [str(graphkit), "build", str(corpus), "--store", str(store)]
        t = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *cmd], capture_output=True, text=True)
        wall = time.perf_counter() - t
        if out.returncode != 0:
            raise SystemExit(out.stderr[-3000:])
        kib, user, system = out.stderr.strip().splitlines()[-1].split()
        peak, cpu = int(kib) / 1024, float(user) + float(system)  # CPU: the command's (and its children's)
        import re

        from graphkit.store import Store

        said = re.search(r"parse ([\d.]+)s, resolve ([\d.]+)s", out.stdout)  # the build's closing summary
        rep = {"parse": float(said.group(1)), "resolve": float(said.group(2))} if said else {}
        with Store(store, readonly=True) as st:
            claims = st.count("claims")
        res = {"wall": wall, "cpu": cpu, "peak": peak, "claims": claims, **rep}
        print(f"round {r + 1}: {wall:.1f} s command ({cpu:.1f} CPU s), parse {rep.get('parse', float('nan')):.1f} s, "
              f"resolve {rep.get('resolve', float('nan')):.1f} s, peak {peak:.0f} MB, {claims:,} claims ({load()})",
              flush=True)
        if best is None or wall < best["wall"]:
            best = res
    print(f"\n{bytecode}")
    print(f"best of {a.rounds}: {a.size:,}-character article, {best['claims']:,} claims: command {best['wall']:.1f} s "
          f"({best['cpu']:.1f} CPU s), "
          f"parse {best.get('parse', float('nan')):.1f} s, resolve {best.get('resolve', float('nan')):.1f} s, "
          f"peak {best['peak']:.0f} MB; {load()}")


# ---- rebuilds after a few articles changed, as a user runs them -------------------------------------------

def installed_bytecode(a) -> str:
    """The graphkit the ``graphkit`` commands import, its bytecode made as ``--no-bytecode`` asks
    (`bench_build.as_installed`); the line saying which, also printed."""
    import graphkit
    from bytecode_cache import as_installed

    said = as_installed([Path(graphkit.__file__).parent], a.bytecode)
    print(f"# {said}", flush=True)
    return said


def _command(corpus: Path, store: Path, *extra: str) -> dict:
    """One ``graphkit build`` command in a fresh process: wall and CPU seconds (the child's user + system), the
    parse and resolve seconds its summary gives, what is left (start-up: Python, imports, spaCy, knowledge
    files), the load average after it, and the summary line."""
    import re

    graphkit = Path(sys.executable).with_name("graphkit")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run([str(graphkit), "build", str(corpus), "--store", str(store), "-q", *extra],
                         capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    line = out.stdout.strip().splitlines()[0]
    said = re.search(r"\((\d+) parsed.*parse ([\d.]+)s, resolve ([\d.]+)s", line)
    parsed, parse, resolve = int(said.group(1)), float(said.group(2)), float(said.group(3))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "parsed": parsed, "parse": parse, "resolve": resolve,
            "startup": wall - parse - resolve, "load": os.getloadavg()[0], "line": line}


def rebuild_main(a) -> None:
    """Interleaved rounds of: a full build of PolNeAR train into a fresh store, a rebuild with nothing changed,
    a rebuild with 1% of the articles changed (a line appended; other articles each round, put back after the
    round), and one with 1% changed by a line that holds a claim (every claim's links are worked out again:
    what an edit of the news itself costs), every build a fresh ``graphkit build`` command (Python, spaCy and the
    knowledge files load first).
    Prints each command and then the best of the rounds as a table: shares of the full build, wall and CPU."""
    from bench_build import write_corpus

    corpus = WORK / f"rebuild_train_{a.limit or 'all'}"
    n = write_corpus(POLNEAR / "train.jsonl", corpus, a.limit)
    store = WORK / f"rebuild_train_{a.limit or 'all'}.gk"
    files = sorted(corpus.glob("*.txt"))
    k = max(1, round(n / 100))
    print(f"{n} PolNeAR train articles, {k} changed per 1% rebuild; {load()}", flush=True)
    bytecode = installed_bytecode(a)
    edits = {"1% changed": "\n\nUpdated in round {r}.",
             "1% + a claim": '\n\nUpdated in round {r}. "The figures will be checked again," a spokesman said.'}
    runs: dict[str, list[dict]] = {"full build": [], "nothing changed": [], **{what: [] for what in edits}}
    for r in range(a.rounds):
        for what in runs:
            edited = []
            if what == "full build":
                for p in WORK.glob(store.name + "*"):
                    p.unlink()
            elif what in edits:
                for f in files[r * k:(r + 1) * k]:  # other articles each round: each rebuild parses new text
                    text = f.read_text(encoding="utf-8")
                    f.write_text(text + edits[what].format(r=r + 1), encoding="utf-8")
                    edited.append((f, text))
            res = _command(corpus, store)
            for f, text in edited:
                f.write_text(text, encoding="utf-8")
            runs[what].append(res)
            print(f"round {r + 1}: {what}: {res['wall']:.1f} s wall, {res['cpu']:.1f} s CPU (parse {res['parse']:.1f}, "
                  f"resolve {res['resolve']:.1f}, start-up and the rest {res['startup']:.1f}); load {res['load']:.1f}\n"
                  f"    {res['line']}", flush=True)
    best = {what: min(rs, key=lambda x: x["wall"]) for what, rs in runs.items()}
    full = best["full build"]
    print(f"\nbest of {a.rounds} interleaved round(s), whole commands; {load()}; {bytecode}")
    print(f"| {'command':<16} | wall s | share | CPU s | share | parsed | parse s | resolve s | start-up s | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for what, b in best.items():
        print(f"| {what:<16} | {b['wall']:.1f} | {100 * b['wall'] / full['wall']:.1f} % | {b['cpu']:.1f} | "
              f"{100 * b['cpu'] / full['cpu']:.1f} % | {b['parsed']} | {b['parse']:.1f} | {b['resolve']:.1f} | "
              f"{b['startup']:.1f} | {b['load']:.1f} |")
    print("targets (issue #17): 1% changed < 5 %, nothing changed < 2 % of the full build; '1% + a claim': the same"
          " share when the edit adds a claim to each changed article")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_step":
        step = step_article(Path(sys.argv[3]), Path(sys.argv[4])) if sys.argv[2] == "article" else \
            step_resolve(Path(sys.argv[3]))
        print(json.dumps(step))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", choices=("stores", "article", "rebuild"), default="stores")
    ap.add_argument("--limit", type=int, default=None, help="rebuild: first N PolNeAR train articles only")
    ap.add_argument("--sizes", type=int, nargs="+", default=None, help="claims per synthetic store")
    ap.add_argument("--templates", type=int, default=None, help="PolNeAR train articles the claims come from")
    ap.add_argument("--rounds", type=int, default=None, help="interleaved rounds (best kept)")
    ap.add_argument("--size", type=int, default=640_000, help="article: characters")
    ap.add_argument("--stages", action="store_true",
                    help="article: build in process, with the peak memory of each stage (start-up, parse, resolution's)")
    ap.add_argument("--quick", action="store_true", help="10k and 100k claims, 60 template articles, one round")
    from bytecode_cache import bytecode_option

    bytecode_option(ap)
    a = ap.parse_args()
    a.sizes = a.sizes or ([10_000, 100_000] if a.quick else [10_000, 100_000, 1_000_000])
    a.templates = a.templates or (60 if a.quick else 840)
    a.rounds = a.rounds or (1 if a.quick else 2)
    if a.quick and a.what == "rebuild" and a.limit is None:
        a.limit = 200
    {"article": article_main, "rebuild": rebuild_main, "stores": stores_main}[a.what](a)


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bench_resolve", main))
