"""How fast the view draws in headless Chromium, next to a default pyvis page of the same graph.

    python bench/bench_view.py                      # 500, 2,000 and 10,000 nodes
    python bench/bench_view.py --sizes 500 --pyvis-timeout 30

For each synthetic graph (graphkit's schema, see graphkit.view.synthetic_graph):

* graphkit: ``write_view(G, max_nodes=n)`` (every node shown), its layout and write
  seconds, then seconds from navigation start until vis-network's first
  ``afterDrawing`` ("drawn") and until the layout is settled ("settled": the same
  when physics is off; for small graphs physics relaxes the layout up to 4 s);
* pyvis default: ``Network(directed=True, cdn_resources="in_line")`` +
  ``from_nx`` + ``write_html`` (Bootstrap still comes from its CDN and is blocked
  here, as for a researcher offline), timed the same way and given up after
  ``--pyvis-timeout`` seconds.

pyvis's ``from_nx`` checks membership in lists (quadratic): it took 99 s for the
10,000-node graph here, so above 2,000 nodes the bench builds the identical pyvis
page through a subclass whose only change is a set for that membership check.
Draw timings depend on the machine's load: the table prints the load average.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from browser import chromium, offline_page, time_pyvis_page, wait_drawn  # noqa: E402
from graphkit.view import synthetic_graph, write_view  # noqa: E402


def tree_cpu_seconds(root: int | None = None) -> float:
    """CPU seconds (user + system) used so far by the processes under ``root`` (this one by default).

    The browser is a descendant of this process (through Playwright's driver), so the
    difference around a page load is what Chromium spent on it: unlike wall time it
    hardly grows when other work shares the cores. Linux only (reads /proc); 0.0 elsewhere.
    """
    root = os.getpid() if root is None else root
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parent, cpu = {}, {}
    for d in Path("/proc").glob("[0-9]*"):
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        pid = int(d.name)
        parent[pid] = int(fields[1])
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
    total = 0.0
    for pid in cpu:
        p, seen = parent.get(pid), 0
        while p and p != root and seen < 64:
            p, seen = parent.get(p), seen + 1
        if p == root and pid != root:
            total += cpu[pid]
    return total


def pyvis_page(G, path: Path, *, exact_from_nx: bool) -> float:
    """Write a default pyvis page of ``G``; returns seconds spent in pyvis."""
    from pyvis.network import Network

    class SetMembership(Network):
        """pyvis's Network, with node membership checked in a set instead of a list (same output)."""

        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._ids: set = set()

        def add_node(self, n_id, *a, **k):
            if n_id not in self._ids:
                self._ids.add(n_id)
                super().add_node(n_id, *a, **k)

        def get_nodes(self):
            return self._ids

    cls = Network if exact_from_nx else SetMembership
    t0 = time.perf_counter()
    net = cls(directed=True, cdn_resources="in_line")
    net.from_nx(copy.deepcopy(G))  # from_nx writes into the graph it gets
    net.write_html(str(path))
    return time.perf_counter() - t0


def run(sizes, pyvis_timeout: float, with_pyvis: bool) -> list[dict]:
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="graphkit-bench-view-"))
    t0 = time.perf_counter()
    import igraph  # noqa: F401  (paid once per process: it imports matplotlib when installed)
    print(f"  import igraph: {time.perf_counter() - t0:.2f} s (once per process, not in the layout column)",
          file=sys.stderr)
    with chromium() as browser:
        version = browser.version
        for n in sizes:
            G = synthetic_graph(n, seed=0)
            ours = tmp / f"graphkit-{n}.html"
            rep = write_view(G, ours, max_nodes=n, title=f"bench {n}")
            with offline_page(browser) as (page, attempts):
                cpu0 = tree_cpu_seconds()
                page.goto(ours.as_uri())
                drawn = wait_drawn(page, 120)
                # with physics on (small graphs) the page keeps computing after its first draw and
                # answers wait_drawn late: its CPU figure would include the relaxation, so none is given
                cpu = None if page.evaluate("graphkit.data.options.physics.enabled") else tree_cpu_seconds() - cpu0
                settled = wait_drawn(page, 120, stabilised=True)
                assert not attempts, attempts
            row = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "layout": rep.layout_seconds,
                   "write": rep.write_seconds, "mb": ours.stat().st_size / 1e6, "draw": drawn["draw"],
                   "settled": settled["stabilised"], "cpu": cpu, "pv_build": None, "pv_draw": None, "pv_settled": None,
                   "pv_exact": n <= 2000}
            if with_pyvis:
                theirs = tmp / f"pyvis-{n}.html"
                row["pv_build"] = pyvis_page(G, theirs, exact_from_nx=n <= 2000)
                with offline_page(browser) as (page, attempts):
                    t = time_pyvis_page(page, theirs.as_uri(), timeout_s=pyvis_timeout)
                row["pv_draw"], row["pv_settled"] = t["draw"], t["stabilised"]
            rows.append(row)
            print(f"  {n:>6} nodes: graphkit drawn {row['draw']:.2f} s"
                  + (f", pyvis drawn {fmt(row['pv_draw'], pyvis_timeout)}" if with_pyvis else ""), file=sys.stderr)
    return rows, version


def fmt(v, timeout=None) -> str:
    if v is None:
        return f"> {timeout:.0f} s" if timeout else "–"
    return f"{v:.2f}"


def table(rows, version: str, pyvis_timeout: float) -> str:
    out = [
        f"machine: {os.cpu_count()} cores, no GPU (software rendering), {platform.system()} {platform.machine()}, "
        f"Chromium {version} headless; load average at the end {os.getloadavg()[0]:.1f}",
        "",
        "| nodes | edges | graphkit layout s | graphkit write s | page MB | graphkit drawn s | Chromium CPU s to draw "
        "| graphkit settled s | pyvis build s | pyvis drawn s | pyvis settled s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ran = r["pv_build"] is not None
        build = fmt(r["pv_build"]) + ("" if r["pv_exact"] or r["pv_build"] is None else " ¹")
        out.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['layout']:.2f} | {r['write']:.2f} | {r['mb']:.1f} "
                   f"| {fmt(r['draw'])} | {fmt(r['cpu'])} | {fmt(r['settled'])} | {build} "
                   f"| {fmt(r['pv_draw'], pyvis_timeout) if ran else '–'} "
                   f"| {fmt(r['pv_settled'], pyvis_timeout) if ran else '–'} |")
    out.append("")
    out.append("drawn/settled: wall seconds from navigation start (includes parsing the page); "
               "Chromium CPU: CPU seconds all browser processes used from navigation to the first draw "
               "(less affected by other load than wall time; – where physics runs on). "
               f"pyvis waits end after {pyvis_timeout:.0f} s. "
               "¹ built with set membership (same page); pyvis's own from_nx is quadratic.")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    ap.add_argument("--pyvis-timeout", type=float, default=45.0, help="give up on a pyvis page after this (s)")
    ap.add_argument("--no-pyvis", action="store_true", help="time graphkit's page only")
    args = ap.parse_args(argv)
    rows, version = run(args.sizes, args.pyvis_timeout, not args.no_pyvis)
    print(table(rows, version, args.pyvis_timeout))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
