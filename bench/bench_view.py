"""What a researcher gets from the view of real stores, measured in headless Chromium (offline).

    python bench/bench_view.py                       # sample, PolNeAR dev and PolNeAR train stores
    python bench/bench_view.py --stores sample dev   # some of them
    python bench/bench_view.py --synthetic 10000     # and a synthetic graph of ~10,000 nodes

Stores: the sample corpus is built into a temporary store; the PolNeAR splits are built once into
``bench/_work/polnear-{dev,train}.gk`` (git-ignored; about 2 and 15 minutes on one core) from
``../shared/data/polnear`` and reused. For each store the bench writes ``graphkit view``'s page of
all its claims (``write_view(g.subgraph())``), opens it at 1280×800 and reports:

* claims / actors / issues in the page, and nodes drawn in the default view;
* **drawn s**: seconds from navigation start to vis-network's first ``afterDrawing`` (the page
  parses its data, computes the overview and lays it out before that);
* **overlap**: share of the labels vis draws whose box (vis's own ``labelModule.size``) meets another's;
* **top-10 legible**: how many of the ten most quoted actors have a label drawn on screen, at ≥ 10 px,
  overlapping no other label (tests/browser.py's ``label_report``);
* **issues drawn** (the most claimed that fit the window at full size; the rest behind "+ N more issues") and
  whether every drawn one is legible;
* **page MB** and the seconds Python took to build the graph and write the page.

Timings depend on the machine's load: the table prints the load average.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from browser import chromium, label_report, offline_page, wait_drawn  # noqa: E402

WORK = ROOT / "bench" / "_work"


def sample_store(tmp: Path) -> Path:
    from graphkit.build import build

    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns("README.md"))
    build(corpus, tmp / "sample.gk")
    return tmp / "sample.gk"


def polnear_store(split: str) -> Path:
    """bench/_work/polnear-<split>.gk, built from ../shared/data/polnear/<split>.jsonl when missing."""
    from bench_build import write_corpus
    from polnear import POLNEAR
    from graphkit.build import build

    store = WORK / f"polnear-{split}.gk"
    if not store.exists():
        corpus = WORK / f"polnear-{split}"
        write_corpus(POLNEAR / f"{split}.jsonl", corpus, None)
        print(f"  building {store} (once) ...", file=sys.stderr)
        build(corpus, store)
    return store


def store_graph(store: Path):
    """The whole graph of a store (``subgraph()`` of everything), the store closed again."""
    import graphkit

    g = graphkit.open(store)
    try:
        return g.subgraph()
    finally:
        g.close()


def measure(browser, store: Path, name: str, tmp: Path) -> dict:
    from graphkit.view import write_view
    from graphkit.view_data import view_data

    t0 = time.perf_counter()
    G = store_graph(store)
    t_graph = time.perf_counter() - t0
    page_path = tmp / f"{name}.html"
    rep = write_view(G, page_path, title=f"graphkit — {name}")
    top10 = [a["id"] for a in view_data(G)["actors"][:10]]
    with offline_page(browser, 1280, 800) as (page, attempts):
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        drawn = wait_drawn(page, 120)
        page.wait_for_timeout(200)
        labels = label_report(page)
        drawn_nodes = page.evaluate("graphkit.nodes.length")
        shown = page.evaluate("graphkit.shownActors.length")
        drawn_issues = page.evaluate("graphkit.shownIssues")
        issues_legible = all(labels["legible"].get(i) for i in drawn_issues)
        assert not attempts and not errors, (attempts, errors)
    return {"name": name, "claims": rep.claims, "actors": rep.actors, "issues": rep.issues, "nodes": drawn_nodes,
            "shown": shown, "draw": drawn["draw"], "overlap": labels["overlap_share"], "labels": labels["visible"],
            "top10": sum(bool(labels["legible"].get(a)) for a in top10), "top10_of": len(top10),
            "issues_drawn": len(drawn_issues), "issues_legible": issues_legible, "mb": rep.page_bytes / 1e6, "graph_s": t_graph, "write_s": rep.write_seconds}


def table(rows, version: str) -> str:
    out = [
        f"machine: {os.cpu_count()} cores, no GPU (software rendering), {platform.system()} {platform.machine()}, "
        f"Chromium {version} headless, window 1280×800; load average at the end "
        + " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "",
        "| store | claims | actors | issues | nodes drawn | drawn s | labels drawn | overlap | top-10 actors legible "
        "| issues drawn | every drawn issue legible | page MB | graph + write s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in rows:
        out.append(f"| {r['name']} | {r['claims']:,} | {r['actors']:,} | {r['issues']:,} | {r['nodes']} "
                   f"({r['shown']} actors) | {r['draw']:.2f} | {r['labels']} | {100 * r['overlap']:.1f}% "
                   f"| {r['top10']}/{r['top10_of']} | {r['issues_drawn']} | {'yes' if r['issues_legible'] else 'no'} | {r['mb']:.1f} "
                   f"| {r['graph_s']:.1f} + {r['write_s']:.1f} |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", nargs="+", default=["sample", "dev", "train"], choices=["sample", "dev", "train"])
    ap.add_argument("--synthetic", type=int, nargs="*", default=[], help="also synthetic graphs of about N nodes")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="graphkit-bench-view-"))
    stores = {}
    for s in args.stores:
        stores[s] = sample_store(tmp) if s == "sample" else polnear_store(s)
    rows = []
    with chromium() as browser:
        version = browser.version
        for s, path in stores.items():
            rows.append(measure(browser, path, {"sample": "sample corpus", "dev": "PolNeAR dev",
                                                "train": "PolNeAR train"}[s], tmp))
            print(f"  {rows[-1]['name']}: drawn {rows[-1]['draw']:.2f} s", file=sys.stderr)
        for n in args.synthetic:
            from graphkit.samples import synthetic_graph

            rows.append(_measure_graph(browser, synthetic_graph(n, seed=0), f"synthetic {n:,} nodes", tmp))
    print(table(rows, version))
    return 0


def _measure_graph(browser, G, name: str, tmp: Path) -> dict:
    """Like :func:`measure`, for a graph in memory (synthetic)."""
    from graphkit.view import write_view
    from graphkit.view_data import view_data

    page_path = tmp / "synthetic.html"
    rep = write_view(G, page_path)
    top10 = [a["id"] for a in view_data(G)["actors"][:10]]
    with offline_page(browser, 1280, 800) as (page, attempts):
        page.goto(page_path.as_uri())
        drawn = wait_drawn(page, 120)
        labels = label_report(page)
        row = {"name": name, "claims": rep.claims, "actors": rep.actors, "issues": rep.issues,
               "nodes": page.evaluate("graphkit.nodes.length"), "shown": page.evaluate("graphkit.shownActors.length"),
               "draw": drawn["draw"], "overlap": labels["overlap_share"], "labels": labels["visible"],
               "top10": sum(bool(labels["legible"].get(a)) for a in top10), "top10_of": len(top10),
               "issues_drawn": len(page.evaluate("graphkit.shownIssues")),
               "issues_legible": all(labels["legible"].get(i) for i in page.evaluate("graphkit.shownIssues")),
               "mb": rep.page_bytes / 1e6, "graph_s": 0.0, "write_s": rep.write_seconds}
        assert not attempts
    return row


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("bench_view", main))
