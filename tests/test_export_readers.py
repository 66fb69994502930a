"""Every graph export read by the parsers the tools use: node and edge counts equal the graph's.

- Gephi Lite imports GraphML with graphology-graphml and GEXF with graphology-gexf; Cytoscape.js (and
  Cytoscape desktop) read the Cytoscape JSON. Those npm packages run under Node (tests/js/read.js);
  ``.ci/run`` installs them with ``npm ci --prefix tests/js``. Without Node or that install the Node cases
  skip, saying so, unless GRAPHKIT_REQUIRE_JS=1 (set by .ci/run) makes them fail.
- networkx reads the GraphML and GEXF, igraph the GraphML, in Python. (networkx's own cytoscape_graph wants
  its private "value"/"name" node keys, so it is not a reader of Cytoscape's format.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from graphkit.graph import EDGE_TYPES

JS = Path(__file__).resolve().parent / "js"


def node_reader():
    node = shutil.which("node")
    missing = None if node else "node is not installed"
    if not missing and not (JS / "node_modules" / "graphology-graphml").is_dir():
        missing = f"the npm readers are not installed; run `npm ci --prefix {JS}`"
    if missing:
        if os.environ.get("GRAPHKIT_REQUIRE_JS") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    return node


def read_with_node(fmt: str, path: Path) -> dict:
    r = subprocess.run([node_reader(), str(JS / "read.js"), fmt, str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"{fmt} reader refused {path.name}: {r.stderr.strip()}"
    return json.loads(r.stdout)


def read_igraph(path: Path) -> dict:
    import igraph

    g = igraph.Graph.Read_GraphML(str(path))
    return {"nodes": g.vcount(), "edges": g.ecount(), "relations": set(g.es["relation"])}


def read_networkx(fmt: str, path: Path) -> dict:
    G = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}[fmt](path)
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "relations": {d.get("relation") for *_, d in G.edges(data=True)}}


FILTERS = [{}, {"issue": "Europe"}, {"speaker": "Lavrov"}]
READERS = [("graphml", "graphology-graphml"), ("gexf", "graphology-gexf"), ("cytoscape", "cytoscape"),
           ("graphml", "networkx"), ("gexf", "networkx"), ("graphml", "igraph")]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
@pytest.mark.parametrize("fmt,reader", READERS, ids=[f"{f}-{r}" for f, r in READERS])
def test_reader_gets_the_whole_graph(sample, tmp_path, fmt, reader, filters):
    G = sample.subgraph(**filters)
    path = tmp_path / f"g.{fmt}"
    done = sample.write(fmt, path, **filters)
    assert (done.nodes, done.edges) == (G.number_of_nodes(), G.number_of_edges())
    if reader == "networkx":
        got = read_networkx(fmt, path)
    elif reader == "igraph":
        got = read_igraph(path)
    else:
        got = read_with_node(fmt, path)
        assert got["unique_edge_ids"] == got["edges"]            # Gephi drops edges whose id repeats
        got["relations"] = {a.get("relation") for a in got["edge_attrs"].values()}
        assert not any("networkx_key" in a for a in got["edge_attrs"].values())
        claims = [a for a in got["node_attrs"].values() if a.get("node_type") == "claim"]
        assert claims and all(a.get("text") for a in claims)
    assert (got["nodes"], got["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    assert got["relations"] <= set(EDGE_TYPES) and "said" in got["relations"]


@pytest.fixture(scope="module")
def sigma_page(tmp_path_factory):
    """A page with Gephi Lite's reading and drawing stack (graphology parsers + Sigma.js) bundled by esbuild."""
    node_reader()
    from browser import offline_page, why_unavailable

    if (reason := why_unavailable()) is not None:
        pytest.skip(f"browser test skipped: {reason}")
    out = tmp_path_factory.mktemp("sigma")
    r = subprocess.run([str(JS / "node_modules" / ".bin" / "esbuild"), str(JS / "render.js"), "--bundle",
                        "--format=iife", f"--outfile={out / 'render.js'}", "--log-level=error"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"esbuild could not bundle tests/js/render.js: {r.stderr.strip()}"
    (out / "page.html").write_text('<!doctype html><div id="stage" style="width:800px;height:600px"></div>'
                                   '<script src="render.js"></script>', encoding="utf-8")
    with offline_page() as (page, attempts):
        page.goto((out / "page.html").as_uri())
        yield page
        assert attempts == []


@pytest.mark.browser
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_lite_draws_the_export(sample, tmp_path, sigma_page, fmt, filters):
    # Gephi Lite draws with Sigma.js, which takes a node's `type` for its drawing program and throws on
    # "actor" (gephi/gephi-lite#56); the exports carry the node's kind as `node_type`.
    G = sample.subgraph(**filters)
    path = sample.export(fmt, tmp_path / f"g.{fmt}", **filters)
    got = sigma_page.evaluate("([f, t]) => window.renderExport(f, t)", [fmt, path.read_text(encoding="utf-8")])
    assert got == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "drawn": G.number_of_nodes()}


def test_file_exports_name_the_node_kind_node_type(sample, tmp_path):
    kinds = {d["type"] for _, d in sample.subgraph().nodes(data=True)}
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        H = read(sample.export(fmt, tmp_path / f"g.{fmt}"))
        assert {d.get("node_type") for _, d in H.nodes(data=True)} == kinds
        assert not any("type" in d for _, d in H.nodes(data=True))
    doc = json.loads(sample.export("cytoscape", tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    assert {n["data"]["node_type"] for n in doc["elements"]["nodes"]} == kinds


def test_gexf_keeps_claim_dates_for_the_timeline(sample, tmp_path):
    path = sample.export("gexf", tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    dated = {n: d for n, d in H.nodes(data=True) if d.get("node_type") == "claim" and d.get("date")}
    assert dated and all(d["start"] == d["date"] + "-01-01"[len(d["date"]) - 4:] for d in dated.values())
    xml = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in xml and 'timeformat="date"' in xml
    assert " type=" not in xml.split("<edges>")[1]                 # GEXF's edge kind left to its meaning


def test_cytoscape_export_keeps_lists(sample, tmp_path):
    doc = json.loads(sample.export("cytoscape", tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    lavrov = next(n["data"] for n in nodes if n["data"]["id"] == "actor:sergey-lavrov")
    assert isinstance(lavrov["aliases"], list)
    assert all({"id", "source", "target", "relation"} <= set(e["data"]) for e in edges)
