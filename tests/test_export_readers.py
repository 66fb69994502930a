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
        claims = [a for a in got["node_attrs"].values() if a.get("type") == "claim"]
        assert claims and all(a.get("text") for a in claims)
    assert (got["nodes"], got["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    assert got["relations"] <= set(EDGE_TYPES) and "said" in got["relations"]


def test_gexf_keeps_claim_dates_for_the_timeline(sample, tmp_path):
    path = sample.export("gexf", tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    dated = {n: d for n, d in H.nodes(data=True) if d.get("type") == "claim" and d.get("date")}
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
