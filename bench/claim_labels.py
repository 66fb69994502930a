"""Claim graphs whose labels meet: each of the most quoted actors' claim graph, drawn in headless Chromium (offline)
with the labels pushed apart (the page's default, ``graphkit.labelsApart``) and as vis's physics leaves them.

    python bench/claim_labels.py                          # the first 12 PolNeAR dev articles, the 40 most quoted
    python bench/claim_labels.py --articles 24 --actors 60 --sample

The articles are written as ``.txt`` files without metadata (a new user's folder: titles from their headlines) into
a temporary folder and built into a temporary store (``--sample``: the sample corpus too, every actor). The page of
the store's graph (``write_view``) opens at 1280×800; for each actor the page draws the claim graph of its claims
(``graphkit.drawClaims``) and, once the page says it is drawn (``wait_redrawn``), counts the labels whose box (vis's
own ``labelModule.size``, tests/browser.py's ``label_report``) meets another's. The table gives, both ways, the claim
graphs with labels that meet, the labels that meet of the labels drawn, and the rounds the push took (the most).
Counts only: no timing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_view import sample_store, store_graph  # noqa: E402
from browser import chromium, label_report, offline_page, wait_drawn, wait_redrawn  # noqa: E402


def polnear_txt_store(n: int, tmp: Path) -> Path:
    """The first ``n`` PolNeAR dev articles as .txt files without metadata, built into a store under ``tmp``."""
    from bench_build import write_corpus
    from polnear import POLNEAR
    from graphkit.build import build

    write_corpus(POLNEAR / "dev.jsonl", tmp / "dev-txt", n, metadata=False)
    build(tmp / "dev-txt", tmp / "dev-txt.gk")
    return tmp / "dev-txt.gk"


def claim_graphs(browser, store: Path, n_actors: int | None, tmp: Path) -> dict:
    """For both ways of drawing (labels apart or not): claim graphs with labels that meet, labels that meet, labels
    drawn, the most rounds the push took and the graphs whose push stopped at its cap (``graphkit.labelRoundsMost``)
    with boxes, a shape's or a label's, still meeting (``graphkit.labelsStillMeet``: the page checks once more after
    the last round, which may have parted them), over the ``n_actors`` most quoted actors' claim graphs (all: None)."""
    from graphkit.view import write_view
    from graphkit.view_data import view_data

    G = store_graph(store)
    page_path = tmp / f"{store.stem}.html"
    write_view(G, page_path)
    actors = [a["id"] for a in view_data(G)["actors"]][:n_actors]
    out = {way: {"graphs": 0, "meet": 0, "labels": 0, "rounds": 0, "capped": 0} for way in (False, True)}
    with offline_page(browser, 1280, 800) as (page, attempts):
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        wait_drawn(page, 120)
        for a in actors:
            for way in (False, True):
                page.evaluate("""([a, way]) => {
                    graphkit.labelsApart = way; graphkit.labelRounds = 0; graphkit.labelsStillMeet = false;
                    graphkit.drawClaims(graphkit.data.claims.filter(c => c.actor === a).map(c => c.id), a);
                }""", [a, way])
                wait_redrawn(page, 120)
                rep = label_report(page)
                o = out[way]
                o["graphs"] += rep["overlapping"] > 0
                o["meet"] += rep["overlapping"]
                o["labels"] += rep["visible"]
                rounds = page.evaluate("graphkit.labelRounds")
                o["rounds"] = max(o["rounds"], rounds)
                o["capped"] += page.evaluate("graphkit.labelsStillMeet")
        assert not attempts and not errors, (attempts, errors)
    return {"actors": len(actors), "ways": out}


def table(rows) -> str:
    """The Markdown table of :func:`claim_graphs`' counts, one row per store and way of drawing (as vis leaves the
    labels, then pushed apart), as bench/README.md's chores of session 61 print it.

    >>> ways = {False: {"graphs": 2, "meet": 5, "labels": 30, "rounds": 0, "capped": 0},
    ...         True: {"graphs": 0, "meet": 0, "labels": 30, "rounds": 7, "capped": 0}}
    >>> print(table([("sample", {"actors": 3, "ways": ways})]).splitlines()[-1])
    | sample | 3 | labels apart | 0 of 3 | 0 / 30 | 7 | 0 |
    """
    out = ["| store | claim graphs (actors) | way | graphs with labels that meet | labels that meet / drawn "
           "| most rounds | graphs at the cap, boxes still meeting |", "|---|---:|---|---:|---:|---:|---:|"]
    for name, r in rows:
        for way in (False, True):
            o = r["ways"][way]
            out.append(f"| {name} | {r['actors']} | {'labels apart' if way else 'as vis leaves them'} "
                       f"| {o['graphs']} of {r['actors']} | {o['meet']} / {o['labels']} "
                       f"| {o['rounds'] if way else '-'} | {o['capped'] if way else '-'} |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=12, help="the first N PolNeAR dev articles (default 12)")
    ap.add_argument("--actors", type=int, default=40, help="the N most quoted actors' claim graphs (default 40)")
    ap.add_argument("--sample", action="store_true", help="the sample corpus's claim graphs too (every actor)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="graphkit-claim-labels-"))
    try:
        stores = [(f"PolNeAR dev, first {args.articles} as .txt", polnear_txt_store(args.articles, tmp), args.actors)]
        if args.sample:
            stores.append(("sample corpus", sample_store(tmp), None))
        rows = []
        with chromium() as browser:
            for name, store, n in stores:
                rows.append((name, claim_graphs(browser, store, n, tmp)))
                print(f"  {name}: done", file=sys.stderr)
        print(table(rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    from graphkit.errors import script_main

    sys.exit(script_main("claim_labels", main))
