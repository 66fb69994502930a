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
from checkout_paths import ROOT

from graphkit.graph import EDGE_TYPES

JS = ROOT / "tests" / "js"


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


# ------------------------------------------------------------------ every attribute, of its type, in every reader

def _norm(v):
    """A value as readers compare: a number (JSON and XML readers do not keep 1 and 1.0 apart), a truth value, a
    text, or a list of them."""
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, (int, float)):
        return ("number", float(v))
    if isinstance(v, (list, tuple)):
        return ("list", tuple(_norm(x) for x in v))
    return ("text", str(v))


def _written(G, fmt: str):
    """The attributes of every node (by id) and edge (source, target, attributes) as ``fmt`` writes them, by the
    exports' own rules (scalars; a node's kind as node_type, an edge's as relation; GEXF's offsets renamed)."""
    from graphkit.export import _GEXF_RENAMED, file_edge, file_node, scalar

    if fmt == "cytoscape":
        def value(v):
            return [value(x) for x in v] if isinstance(v, (list, tuple)) else v if isinstance(v, (int, float, bool)) else scalar(v)
    else:
        value = scalar
    nodes = {}
    for n, d in G.nodes(data=True):
        attrs = {k: value(v) for k, v in file_node(d).items() if v is not None}
        if fmt == "gexf":
            attrs = {_GEXF_RENAMED.get(k, k): v for k, v in attrs.items()}
        nodes[str(n)] = {k: v for k, v in attrs.items() if v is not None}
    edges = []
    for u, v, d in G.edges(data=True):
        attrs = file_edge(d) if fmt != "cytoscape" else {"relation": d.get("type"), **{
            k: value(x) for k, x in d.items() if x is not None and k != "type"}}
        edges.append((str(u), str(v), {k: x for k, x in attrs.items() if x is not None}))
    return nodes, edges


def _read_node(fmt: str, path: Path):
    got = read_with_node(fmt, path)
    edges = [(a.pop("source"), a.pop("target"), a) for a in got["edge_attrs"].values()]
    if fmt == "cytoscape":
        for a in got["node_attrs"].values():
            a.pop("id", None)
        for _, _, a in edges:
            a.pop("id", None)
    return got["node_attrs"], edges


def _read_nx(fmt: str, path: Path):
    H = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}[fmt](path)
    return {str(n): dict(d) for n, d in H.nodes(data=True)}, [(str(u), str(v), dict(d)) for u, v, d in H.edges(data=True)]


def _read_igraph(fmt: str, path: Path):
    import igraph

    g = igraph.Graph.Read_GraphML(str(path))
    names = g.vs["id"]
    return ({v["id"]: v.attributes() for v in g.vs},
            [(names[e.source], names[e.target], e.attributes()) for e in g.es])


#: what a reader adds of its own, by (format, reader): GEXF's label and time bounds, GraphML's element ids
READER_OWN = {("gexf", "graphology-gexf"): {"label", "start", "end"}, ("gexf", "networkx"): {"label", "start", "end", "id"},
              ("graphml", "igraph"): {"id"}, ("graphml", "networkx"): {"id"}}


@pytest.mark.parametrize("fmt,reader", READERS, ids=[f"{f}-{r}" for f, r in READERS])
def test_every_attribute_arrives_with_its_type(sample, tmp_path, fmt, reader):
    """Each node's and edge's every attribute, read back by the tool's parser, is the value written and of its
    type (numbers numbers, truth values truth values, texts texts, Cytoscape's lists lists): an attribute whose
    values mix types (a score 1 on one edge, 0.93 on the next) would be declared by its first value and read
    wrong in the rest. igraph fills an attribute a vertex lacks with a default: only present ones count there."""
    path = sample.export(fmt, tmp_path / f"g.{fmt}")
    want_nodes, want_edges = _written(sample.subgraph(), fmt)
    read = {"networkx": _read_nx, "igraph": _read_igraph}.get(reader, _read_node)
    got_nodes, got_edges = read(fmt, path)
    own = READER_OWN.get((fmt, reader), set())
    assert set(got_nodes) == set(want_nodes)
    for n, want in want_nodes.items():
        got = {k: v for k, v in got_nodes[n].items() if k not in own or k in want}
        if reader == "igraph":
            got = {k: v for k, v in got.items() if k in want}
        assert {k: _norm(v) for k, v in got.items()} == {k: _norm(v) for k, v in want.items()}, n

    def edge_key(e, keep=None):
        s, t, a = e
        return s, t, tuple(sorted((k, _norm(v)) for k, v in a.items() if keep is None or k in keep))

    if reader == "igraph":
        got = sorted(edge_key(e, keep=set(w[2])) for e, w in zip(sorted(got_edges, key=lambda e: (e[0], e[1], e[2].get("relation"))),
                                                                  sorted(want_edges, key=lambda e: (e[0], e[1], e[2].get("relation")))))
    else:
        got = sorted(edge_key((s, t, {k: v for k, v in a.items() if k not in own})) for s, t, a in got_edges)
    assert got == sorted(edge_key(e) for e in want_edges)


#: attributes the graph gained after the reader tests were first written (c4c1bca): (relation, attribute, type)
ADDED = [("about", "score", "number"), ("contradicts", "score", "number"), ("contradicts", "shared", "text"),
         ("contradicts", "opposing", "text"), ("contradicts", "days", "number")]


@pytest.mark.parametrize("fmt,reader", READERS, ids=[f"{f}-{r}" for f, r in READERS])
@pytest.mark.parametrize("relation,name,kind", ADDED, ids=[f"{r}.{a}" for r, a, _ in ADDED])
def test_attributes_added_since_reach_every_reader(sample, tmp_path, fmt, reader, relation, name, kind):
    path = sample.export(fmt, tmp_path / f"g.{fmt}")
    read = {"networkx": _read_nx, "igraph": _read_igraph}.get(reader, _read_node)
    _, edges = read(fmt, path)
    values = [a[name] for _, _, a in edges if a.get("relation") == relation and name in a]
    assert values and {_norm(v)[0] for v in values} == {kind}
