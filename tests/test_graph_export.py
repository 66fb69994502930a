"""Graph schema and every export format, round-tripped with node and edge counts equal to the graph's."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graphkit.export import FORMATS, scalar, write
from graphkit.graph import EDGE_TYPES, NODE_TYPES, graph_from_records
from records_factory import ACTORS, CONTRADICTIONS, PLACES, claims, doc


@pytest.fixture()
def G():
    return graph_from_records(claims(), ACTORS, {"d1": doc()}, PLACES, CONTRADICTIONS)


def test_schema(G):
    assert {d["type"] for _, d in G.nodes(data=True)} == set(NODE_TYPES)
    assert {d["type"] for *_, d in G.edges(data=True)} == set(EDGE_TYPES)
    assert G.nodes["actor:sergey-lavrov"]["n_claims"] == 2
    assert G.has_edge("claim:c2", "claim:c3", key="contradicts")
    assert G.has_edge("actor:ukrainian-government", "claim:c3", key="reported_by")  # Kyiv reports Moscow's claim
    e = G.edges["claim:c2", "claim:c3", "contradicts"]
    assert (e["score"], e["shared"], e["opposing"], e["days"]) == (0.9, "pokrovsk", "denied / said", 1)
    assert G.has_edge("claim:c1", "claim:c4", key="reverses")
    assert not G.has_edge("claim:c1", "claim:c3")          # scored below graphkit.contradict.MIN_SCORE
    assert G.edges["claim:c1", "issue:europe", "about"]["trigger"] == "europe"
    assert G.nodes["place:pokrovsk"]["lat"] == pytest.approx(48.28)
    # a claim's label is cut by tables.shorten, the one cut: the space before "…" dropped
    assert G.nodes["claim:c4"]["label"] == "A quote with <img src=x onerror=alert(1)> and {{ braces }}…"


@pytest.mark.parametrize("value,expected", [
    (["a", "b"], "a; b"), (None, None), ((), None), ("x\x00y\x1f", "xy"), (3, 3), (True, True), ({"k": 1}, '{"k": 1}'),
])
def test_scalar(value, expected):
    assert scalar(value) == expected


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_formats_round_trip(G, tmp_path, fmt):
    p = tmp_path / f"g.{fmt}"
    write(G, fmt, p)
    H = {"graphml": nx.read_graphml, "gexf": nx.read_gexf,
         "json": lambda f: nx.node_link_graph(json.loads(open(f).read()), edges="links")}[fmt](p)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    types = {d.get("type" if fmt == "json" else "node_type") for _, d in H.nodes(data=True)}
    assert types == set(NODE_TYPES)
    text = H.nodes["claim:c4"]["text"]
    assert "<img src=x onerror=alert(1)>" in text and "{{ braces }}" in text  # inert text, intact
    if fmt != "json":
        assert "\x01" not in text  # XML 1.0 forbids control characters


# An attribute whose values differ in type from node to node: (the values in node order, what a reader gets back)
MIXED = [
    ([1, 0.93], [1.0, 0.93]),               # a whole number first: 0.93 was written under "long" (networkx: ValueError)
    ([0.5, 2], [0.5, 2.0]),
    ([True, 3], ["true", "3"]),             # no common type: both as text (a truth value in either's spelling)
    ([7, "seven"], ["7", "seven"]),
]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("values,read", MIXED, ids=[repr(v) for v, _ in MIXED])
def test_an_attribute_of_mixed_types_is_declared_so_every_value_reads_back(tmp_path, fmt, values, read):
    H = nx.MultiDiGraph()
    for i, v in enumerate(values):
        H.add_node(f"n{i}", type="claim", label=f"n{i}", score=v)
    p = tmp_path / f"g.{fmt}"
    write(H, fmt, p)
    back = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}[fmt](p)
    got = [back.nodes[f"n{i}"]["score"] for i in range(len(values))]
    got = [x.lower() if isinstance(x, str) else x for x in got]
    assert got == read and [type(x) for x in got] == [type(x) for x in read]


def test_gexf_has_time_intervals(G, tmp_path):
    p = tmp_path / "g.gexf"
    write(G, "gexf", p)
    xml = p.read_text()
    assert 'mode="dynamic"' in xml and 'start="2025-11-30"' in xml


def test_graphml_write_is_atomic(G, tmp_path, monkeypatch):
    p = tmp_path / "g.graphml"
    write(nx.MultiDiGraph(), "graphml", p)  # the previous export (of an empty graph)
    previous = p.read_text()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    import graphkit.export

    monkeypatch.setattr(graphkit.export._GraphmlWriter, "finish", boom)   # fails after the spool is written
    with pytest.raises(RuntimeError):
        write(G, "graphml", p)
    assert p.read_text() == previous
    assert [x.name for x in tmp_path.iterdir()] == ["g.graphml"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_claim_formats(tmp_path, fmt):
    cs = claims()
    p = tmp_path / f"c.{fmt}"
    write(None, fmt, p, claims=cs)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in p.read_text().splitlines()]
        assert rows[1]["spans"] == [list(cs[1].spans[0])] and rows[1]["stance"] == "deny"
        for k in ("id", "doc_id", "speaker", "speaker_id", "speaker_span", "text", "spans", "kind", "cue", "date", "issues", "places"):
            assert k in rows[0]
    else:
        rows = list(csv.DictReader(open(p, newline="")))
        assert rows[0]["issues"] == "Europe; peace plan"
    assert len(rows) == len(cs)


NEO_HEADER = {"id:ID", ":LABEL"}


def test_neo4j_import_csv(G, tmp_path):
    write(G, "neo4j", tmp_path / "neo")
    files = sorted(x.name for x in (tmp_path / "neo").iterdir())
    assert "nodes_Actor.csv" in files and "rels_SAID.csv" in files and "rels_CONTRADICTS.csv" in files
    n_nodes = n_edges = 0
    for f in files:
        rows = list(csv.reader(open(tmp_path / "neo" / f, newline="")))
        header = rows[0]
        if f.startswith("nodes_"):
            assert header[0] == "id:ID" and header[-1] == ":LABEL"
            n_nodes += len(rows) - 1
        else:
            assert header[:2] == [":START_ID", ":END_ID"] and header[-1] == ":TYPE"
            n_edges += len(rows) - 1
        for h in header:  # neo4j-admin header: name[:type] with a documented type
            if ":" in h and not h.startswith(":") and h not in ("id:ID",):
                assert h.split(":", 1)[1] in {"long", "double", "boolean", "string[]", "int", "float"}, h
    assert (n_nodes, n_edges) == (G.number_of_nodes(), G.number_of_edges())
    actor = list(csv.DictReader(open(tmp_path / "neo" / "nodes_Actor.csv", newline="")))
    lav = next(r for r in actor if r["id:ID"] == "actor:sergey-lavrov")
    assert lav["aliases:string[]"] == "Lavrov;Sergei Lavrov" and lav["n_claims:long"] == "2"


@pytest.mark.parametrize("bad,msg", [("folder", "is a folder"), ("missing", "does not exist")])
def test_export_bad_output(G, tmp_path, bad, msg):
    from graphkit.errors import ExportError

    target = tmp_path if bad == "folder" else tmp_path / "nope" / "g.graphml"
    with pytest.raises(ExportError, match=msg):
        write(G, "graphml", target)


def test_unknown_format(G, tmp_path):
    from graphkit.values import BadValue

    with pytest.raises(BadValue, match="format='pdf' is not an export format; give graphml, gexf, cytoscape"):
        write(G, "pdf", tmp_path / "x")
    assert "neo4j" in FORMATS


def test_reversal_is_on_the_actors_timeline(tmp_path):
    """A `reverses` link shows on the actor's timeline (API) next to both claims; weak links do not."""
    import graphkit
    from graphkit.store import Store

    path = tmp_path / "s.gk"
    with Store(path, create=True) as store:
        store.put_article(doc(), "{}", "test-model")
        store.replace_resolved(ACTORS.values(), PLACES.values(), [], claims(), CONTRADICTIONS)
    tl = graphkit.open(path).timeline("Sergey Lavrov")
    rev = dict(zip(tl["text"], tl["reverses"]))
    assert rev["Europe was blocking peace"] == ["c4"]
    assert [v for t, v in rev.items() if t.startswith("A quote")] == [["c1"]]
