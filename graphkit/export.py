"""Carry the graph to other tools: GraphML, GEXF, node-link JSON, claims JSONL/CSV, Neo4j import CSV.

Every file is written to a temporary name beside the target and renamed into
place, so a failed export never leaves a truncated file (`graphkit.outputs`: where
an output may be written and how it is written whole). GraphML and GEXF take
scalars only: lists are joined with "; ", None is dropped, dates are ISO
strings, and control characters XML 1.0 forbids are removed. A node's ``type`` is written
as ``node_type`` (see `file_node`).

>>> import networkx as nx, tempfile, os
>>> G = nx.MultiDiGraph(); G.add_node("a", type="actor", roles=["spokesman"], n=None)
>>> p = os.path.join(tempfile.mkdtemp(), "g.graphml")
>>> write(G, "graphml", p)
>>> nx.read_graphml(p).nodes["a"]
{'node_type': 'actor', 'roles': 'spokesman'}
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from . import outputs
from .errors import ExportError, os_fix
from .records import Claim
from .values import one_of

FORMATS = ("graphml", "gexf", "cytoscape", "json", "jsonl", "csv", "neo4j")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CSV_FIELDS = ("id", "doc_id", "speaker", "speaker_id", "speaker_text", "role", "text", "kind", "segment", "cue",
              "stance", "date", "date_precision", "date_basis", "issues", "places", "reports", "same_as", "spans",
              "speaker_span", "sentence_span", "confidence", "reported_by", "reported_by_id")


def format_of(value, name: str = "format") -> str:
    """The export format ``value`` names (`FORMATS`, in any case), else a `graphkit.values.BadValue` listing them.

    >>> format_of("gexf"), format_of("NEO4J")
    ('gexf', 'neo4j')
    >>> format_of("docx")
    Traceback (most recent call last):
    ...
    graphkit.values.BadValue: format='docx' is not an export format; give graphml, gexf, cytoscape, json, jsonl, csv or
    neo4j
    """
    return one_of(value, name, FORMATS, what="an export format")


def example_name(fmt: str) -> str:
    """The file name an error suggests for an export in format ``fmt`` (Cytoscape's own suffix for its JSON).

    >>> example_name("jsonl"), example_name("cytoscape")
    ('graph.jsonl', 'graph.cyjs')
    """
    return "graph." + {"cytoscape": "cyjs"}.get(fmt, fmt)


def scalar(v):
    """A value GraphML/GEXF accept, or None to drop it.

    >>> scalar(["a", "b"]), scalar(None), scalar(dt.date(2025, 1, 2)), scalar("x\\x01y")
    ('a; b', None, '2025-01-02', 'xy')
    """
    if v is None:
        return None
    if isinstance(v, bool) or isinstance(v, (int, float)):
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple, set)):
        items = [str(scalar(x)) for x in v if scalar(x) is not None]
        return "; ".join(items) if items else None
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return _XML_BAD.sub("", str(v))


def scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of G with scalar attributes only (what GraphML and GEXF accept)."""
    H = nx.MultiDiGraph()
    H.graph.update(_scalar_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(_XML_BAD.sub("", str(n)), **_scalar_attrs(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(_XML_BAD.sub("", str(u)), _XML_BAD.sub("", str(v)), key=k, **_scalar_attrs(d))
    return H


def file_node(d: dict) -> dict:
    """A node's attributes as the file exports write them: the node's kind as ``node_type``.

    Sigma.js, which draws graphs in Gephi Lite, reads a node's ``type`` as the name of its drawing
    program and stops on any it does not know ("could not find a suitable program for node type
    'actor'", gephi/gephi-lite#56), so the kind travels under a name no reader gives a meaning.

    >>> file_node({"type": "actor", "label": "Sergey Lavrov"})
    {'node_type': 'actor', 'label': 'Sergey Lavrov'}
    """
    return {("node_type" if k == "type" else k): v for k, v in d.items()}


def file_edge(d: dict) -> dict:
    """An edge's attributes as the file exports write them: the relation as ``relation``, scalars only.

    ``type`` is left out: GEXF reserves it for the edge kind (directed/undirected/mutual), and one name
    for the relation in every file keeps Gephi, Gephi Lite and Cytoscape views alike.

    >>> file_edge({"type": "said", "role": None, "cue": "said"})
    {'relation': 'said', 'cue': 'said'}
    """
    out = {"relation": d.get("type")}
    out.update((k, s) for k, v in d.items() if k != "type" and (s := scalar(v)) is not None)
    return {k: v for k, v in out.items() if v is not None}


#: how a GraphML export begins (`graphkit.outputs.own_heads`): its node keys (``n_``: `_GraphmlWriter`, `file_node`), or
#: an empty graph
GRAPHML_HEAD = r'<graphml [^>]*>\s*(<key id="n_|<graph edgedefault="directed">\s*</graph>)'


class _GraphmlWriter:
    """GraphML written a node and an edge at a time: key declarations are collected on the way and put
    first at the end, so the nodes and edges are spooled to a temporary file, never held in memory.

    Edge ids are unique (``e0``, ``e1`` ...): GraphML readers (graphology-graphml in Gephi Lite, Gephi's
    importer) drop or refuse edges whose id repeats. Key ids are per scope (``n_date``, ``e_date``) so a
    name both nodes and edges carry is declared twice without a clash; ``attr.name`` is the plain name.
    """

    def __init__(self, body):
        self.body = body
        self.keys: dict[tuple[str, str], str] = {}
        self.nodes = self.edges = 0

    def _data(self, scope: str, attrs: dict) -> str:
        from xml.sax.saxutils import escape, quoteattr

        out = []
        for k, v in attrs.items():
            self.keys[(scope, k)] = wider(self.keys.get((scope, k)), _XML_TYPES.get(type(v), "string"))
            out.append(f"<data key={quoteattr(scope[0] + '_' + k)}>{escape(str(v))}</data>")
        return "".join(out)

    def node_xml(self, n, attrs: dict) -> str:
        from xml.sax.saxutils import quoteattr

        self.nodes += 1
        return f"<node id={quoteattr(_XML_BAD.sub('', str(n)))}>{self._data('node', file_node(_scalar_attrs(attrs)))}</node>\n"

    def edge(self, u, v, attrs: dict):
        from xml.sax.saxutils import quoteattr

        eid = f"e{self.edges}"
        self.edges += 1
        self.body.write(f"<edge id=\"{eid}\" source={quoteattr(_XML_BAD.sub('', str(u)))} "
                        f"target={quoteattr(_XML_BAD.sub('', str(v)))}>{self._data('edge', file_edge(attrs))}</edge>\n")

    def finish(self, f, first_nodes: Iterable[str] = ()):
        """Write the document to `f`: header, keys, `first_nodes` (XML of nodes kept aside), then the spool."""
        from xml.sax.saxutils import quoteattr

        f.write("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for (scope, k), t in self.keys.items():
            f.write(f'<key id={quoteattr(scope[0] + "_" + k)} for="{scope}" attr.name={quoteattr(k)} attr.type="{t}" />\n')
        f.write('<graph edgedefault="directed">\n')
        f.writelines(first_nodes)
        self.body.seek(0)
        shutil.copyfileobj(self.body, f, 1 << 20)
        f.write("</graph>\n</graphml>\n")


def write_graphml(G, path) -> tuple[int, int]:
    """GraphML of graph G (the schema of `write_graphml_store`): (nodes, edges) written."""
    with outputs.atomic_open(path, "w", encoding="utf-8", newline="\n") as f, \
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=Path(path).parent) as body:
        w = _GraphmlWriter(body)
        nodes = [w.node_xml(n, d) for n, d in G.nodes(data=True)]
        for u, v, d in G.edges(data=True):
            w.edge(u, v, d)
        w.finish(f, nodes)
    return w.nodes, w.edges


_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}  # GraphML's and GEXF's names (networkx's)


def wider(declared: Optional[str], seen: str) -> str:
    """The type an attribute is declared with in GraphML and GEXF once a value of type ``seen`` is met (types are
    declared once, after every value is written): whole numbers and fractions are ``double``, any other mix
    ``string``, so that no reader parses a value under another value's type (0.93 read as a whole number).

    >>> wider(None, "long"), wider("long", "double"), wider("boolean", "long"), wider("string", "string")
    ('long', 'double', 'string', 'string')
    """
    if declared is None or declared == seen:
        return seen
    return "double" if {declared, seen} == {"long", "double"} else "string"


def _scalar_attrs(d: dict) -> dict:
    """A node's or edge's attributes as GraphML/GEXF take them (`scalar`): lists joined, None left out.

    >>> _scalar_attrs({"roles": ["President", "envoy"], "country": None, "n_claims": 3})
    {'roles': 'President; envoy', 'n_claims': 3}
    """
    return {k: s for k, v in d.items() if (s := scalar(v)) is not None}


def write_graphml_store(store, path, claims: Iterable[Claim] | None = None, *, chunk: int = 5000) -> tuple[int, int]:
    """Whole-graph GraphML streamed from the store: (nodes, edges) written.

    Builds the graph of ``chunk`` claims at a time with `graphkit.graph.graph_from_records`
    (the one node and edge schema), writes claim nodes and edges to a spool file at once,
    and keeps only the shared nodes (actors, issues, places, articles) until the end, so a
    million-claim store is exported without a million-node graph in memory.
    ``networkx.read_graphml`` reads the file as the graph ``write(build_graph(store), "graphml", ...)``
    writes; only the order of nodes differs.

    >>> import tempfile, os, networkx as nx                         # doctest: +SKIP
    >>> write_graphml_store(store, "out/all.graphml")                # doctest: +SKIP
    """
    from .graph import graph_from_records, statements

    actors = {a.id: a for a in store.actors()}
    places = {p.name: p for p in store.places()}
    shared: dict[str, dict] = {}
    n_claims: dict[str, int] = {}
    ids: set[str] | None = None if claims is None else set()
    it = iter(store.claims(distinct=True) if claims is None else statements(claims))
    with outputs.atomic_open(path, "w", encoding="utf-8", newline="\n") as f, \
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=Path(path).parent) as body:
        w = _GraphmlWriter(body)
        while part := list(islice(it, chunk)):
            if ids is not None:
                ids.update(c.id for c in part)
            docs = store.documents_by_id({c.doc_id for c in part} | {r for c in part for r in c.reports})
            G = graph_from_records(part, actors, docs, places)
            for n, d in G.nodes(data=True):
                if d.get("type") == "claim":
                    body.write(w.node_xml(n, d))
                    continue
                if d.get("type") == "actor":
                    n_claims[n] = n_claims.get(n, 0) + d.get("n_claims", 0)
                shared.setdefault(n, d)
            for u, v, d in G.edges(data=True):
                w.edge(u, v, d)
        for x in store.contradictions():
            if ids is not None and not (x.a in ids and x.b in ids):
                continue
            pair = list(store.claims(ids=[x.a, x.b]))
            if len(pair) == 2:
                G = graph_from_records(pair, actors, {}, places, [x])
                for u, v, k, d in G.edges(keys=True, data=True):
                    if k in ("contradicts", "reverses"):
                        w.edge(u, v, d)
        w.finish(f, [w.node_xml(n, {**d, "n_claims": n_claims[n]} if n in n_claims else d) for n, d in shared.items()])
    return w.nodes, w.edges


def _gexf_interval(date: str | None):
    """A claim's date as the start of a GEXF interval: a day as it is, a month or a year from its first day.

    >>> _gexf_interval("2025-12-02"), _gexf_interval("2025-12"), _gexf_interval("2025"), _gexf_interval(None)
    ('2025-12-02', '2025-12-01', '2025-01-01', None)
    """
    if not date:
        return None
    y, *rest = date.split("-")
    if len(rest) == 2:
        return date
    if len(rest) == 1:
        return f"{date}-01"
    return f"{y}-01-01"


_GEXF_RENAMED = {"start": "text_start", "end": "text_end"}   # GEXF's start/end are time bounds, not offsets


def write_gexf(G, path) -> tuple[int, int]:
    """GEXF 1.2 with claim start dates, so Gephi's timeline plays the claims over time: (nodes, edges).

    Claim nodes start at their date, articles at their publication date, ``said`` edges at the claim's
    date (partial dates at their first day); the rest are always there. Edges have unique ids, the
    relation is the ``relation`` attribute (``type`` is GEXF's edge kind), and a claim's text offsets
    are ``text_start``/``text_end`` (GEXF's ``start``/``end`` are the time bounds). The graph's elements and the
    attributes they use (`_gexf_elements`) are written in one file (`_write_gexf_file`).
    """
    attrs, nodes, edges = _gexf_elements(G)
    _write_gexf_file(path, attrs, nodes, edges)
    return len(nodes), len(edges)


def _gexf_elements(G) -> tuple[dict[str, dict[str, tuple[str, str]]], list[str], list[str]]:
    """``(attributes, nodes, edges)`` of ``G`` in GEXF: the ``<node>`` and ``<edge>`` elements, one a line, and the
    attributes they use by scope ("node", "edge"): name -> (its id, the widest type of its values)."""
    from xml.sax.saxutils import quoteattr

    attrs: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}   # scope -> name -> (id, type)

    def attvalues(scope: str, d: dict) -> str:
        out = []
        for k, v in d.items():
            i, t = attrs[scope].get(k, (str(len(attrs[scope])), None))
            attrs[scope][k] = (i, wider(t, _XML_TYPES.get(type(v), "string")))
            v = ("true" if v else "false") if isinstance(v, bool) else v
            out.append(f"<attvalue for=\"{attrs[scope][k][0]}\" value={quoteattr(str(v))}/>")
        return f"<attvalues>{''.join(out)}</attvalues>" if out else ""

    def when(d: dict) -> str:
        start = _gexf_interval(d.get("date") if d.get("type") in ("claim", "said", None) else d.get("published"))
        return f" start=\"{start}\"" if start else ""

    nodes, edges = [], []
    for n, d in G.nodes(data=True):
        data = {_GEXF_RENAMED.get(k, k): s for k, v in file_node(d).items()
                if k != "label" and (s := scalar(v)) is not None}
        label = scalar(d.get("label")) or str(n)
        nodes.append(f"<node id={quoteattr(_XML_BAD.sub('', str(n)))} label={quoteattr(str(label))}{when(d)}>"
                     f"{attvalues('node', data)}</node>\n")
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        data = file_edge(d)
        edges.append(f"<edge id=\"e{i}\" source={quoteattr(_XML_BAD.sub('', str(u)))} "
                     f"target={quoteattr(_XML_BAD.sub('', str(v)))}{when(d) if d.get('type') == 'said' else ''}>"
                     f"{attvalues('edge', data)}</edge>\n")
    return attrs, nodes, edges


#: how a GEXF export begins (`graphkit.outputs.own_heads`): its meta names graphkit its creator (`_write_gexf_file`)
GEXF_HEAD = r"<creator>graphkit</creator>"


def _write_gexf_file(path, attrs: dict[str, dict[str, tuple[str, str]]], nodes: list[str], edges: list[str]) -> None:
    """Write a GEXF 1.2 file of the elements `_gexf_elements` made: the header, the attribute declarations, the
    nodes and the edges (atomically: `graphkit.outputs.atomic_open`)."""
    from xml.sax.saxutils import quoteattr

    with outputs.atomic_open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n'
                '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                '<meta><creator>graphkit</creator></meta>\n'
                '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n')
        for scope in ("node", "edge"):
            if attrs[scope]:
                f.write(f'<attributes class="{scope}" mode="static">\n')
                f.writelines(f"<attribute id=\"{i}\" title={quoteattr(k)} type=\"{t}\"/>\n"
                             for k, (i, t) in attrs[scope].items())
                f.write("</attributes>\n")
        f.write("<nodes>\n")
        f.writelines(nodes)
        f.write("</nodes>\n<edges>\n")
        f.writelines(edges)
        f.write("</edges>\n</graph>\n</gexf>\n")


#: how a Cytoscape export begins (`graphkit.outputs.own_heads`): it names graphkit its generator (`write_cytoscape`)
CYTOSCAPE_HEAD = r'"generated_by": "graphkit"'


def write_cytoscape(G, path) -> tuple[int, int]:
    """Cytoscape.js / Cytoscape desktop JSON: ``{"elements": {"nodes": [{"data": ...}], "edges": [...]}}``.

    Every node's ``data`` has its ``id`` and the attributes the other exports carry (lists stay lists);
    edges have a unique ``id``, ``source``, ``target`` and the relation as ``relation``.
    Open with ``cytoscape({elements: json.elements})`` or Cytoscape desktop's File > Import > Network from File.
    """
    def plain(v):
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        return scalar(v) if not isinstance(v, (int, float, bool)) else v

    nodes = [{"data": {"id": str(n), **{k: plain(v) for k, v in file_node(d).items() if v is not None and k != "id"}}}
             for n, d in G.nodes(data=True)]
    edges = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        data = {"id": f"e{i}", "source": str(u), "target": str(v), "relation": d.get("type")}
        data.update((k, plain(x)) for k, x in d.items()
                    if x is not None and k not in ("type", "id", "source", "target"))
        edges.append({"data": data})
    doc = {"format_version": "1.0", "generated_by": "graphkit", "target_cytoscapejs_version": "~3",
           "data": {k: scalar(v) for k, v in G.graph.items()}, "elements": {"nodes": nodes, "edges": edges}}
    with outputs.atomic_open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, default=str, indent=1)
    return len(nodes), len(edges)


#: how a node-link JSON export begins (`graphkit.outputs.own_heads`): networkx's head with a node of graphkit's (or
#: none: `write_json`)
JSON_HEAD = (r'\A\{\s*"directed": true,\s*"multigraph": true,\s*"graph": \{\},\s*"nodes": \['
             r'\s*(\]|\{\s*"type": "(actor|claim|issue|place|document)")')


def write_json(G, path):
    data = nx.node_link_data(G, edges="links")
    with outputs.atomic_open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, default=str, indent=1)


#: how a claims JSONL export begins (`graphkit.outputs.own_heads`): a claim's first fields (`write_claims_jsonl`,
#: `Claim.contract`)
JSONL_HEAD = r'\A\{"id": "[^"]*", "doc_id": '


def write_claims_jsonl(claims: Iterable[Claim], path):
    with outputs.atomic_open(path, "w", encoding="utf-8") as f:
        for c in claims:
            f.write(json.dumps(c.contract(), ensure_ascii=False) + "\n")


def claim_row(c: Claim) -> dict:
    d = c.contract()
    row = {k: d.get(k) for k in CSV_FIELDS}
    for k in ("issues", "places", "reports"):
        row[k] = "; ".join(row[k] or [])
    for k in ("spans", "speaker_span", "sentence_span"):
        row[k] = json.dumps(row[k]) if row[k] is not None else ""
    return row


#: how a claims CSV export begins (`graphkit.outputs.own_heads`): its header's first fields (`write_claims_csv`,
#: `CSV_FIELDS`)
CSV_HEAD = r"\A" + ",".join(CSV_FIELDS[:3]) + ","


def write_claims_csv(claims: Iterable[Claim], path):
    with outputs.atomic_open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        for c in claims:
            w.writerow(claim_row(c))


_NEO_TYPES = {bool: "boolean", int: "long", float: "double"}
_LABELS = {"actor": "Actor", "claim": "Claim", "issue": "Issue", "place": "Place", "document": "Document"}


#: how each CSV file of a Neo4j export begins (`graphkit.outputs.own_heads`): its typed header, of nodes or of relations
#: (`write_neo4j`)
NEO4J_HEAD = r"\A(id:ID|:START_ID),"


def write_neo4j(G, path):
    """``neo4j-admin database import`` CSVs: PATH is a folder getting nodes_<Label>.csv and
    rels_<TYPE>.csv files with typed headers (``id:ID``, ``name``, ``n_claims:long``, ``:LABEL``,
    ``:START_ID``, ``:END_ID``, ``:TYPE``); arrays use ``;`` (neo4j-admin's default array delimiter).
    The folder is made when missing, not the folders above it (`graphkit.outputs.check_neo4j_output`)."""
    out = outputs.check_neo4j_output(path)
    out.mkdir(exist_ok=True)
    by_label: dict[str, list] = {}
    for n, d in G.nodes(data=True):
        by_label.setdefault(_LABELS.get(d.get("type"), "Node"), []).append((n, d))
    written = []
    for label, nodes in sorted(by_label.items()):
        cols = _columns(d for _, d in nodes)
        header = ["id:ID"] + [_neo_header(k, t) for k, t in cols] + [":LABEL"]
        with outputs.atomic_open(out / f"nodes_{label}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for n, d in nodes:
                w.writerow([n] + [_neo_value(d.get(k)) for k, _ in cols] + [label])
        written.append(f"nodes_{label}.csv")
    by_type: dict[str, list] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        by_type.setdefault(str(d.get("type", k)).upper(), []).append((u, v, d))
    for rtype, edges in sorted(by_type.items()):
        cols = [(k, t) for k, t in _columns(d for *_, d in edges) if k != "type"]
        header = [":START_ID", ":END_ID"] + [_neo_header(k, t) for k, t in cols] + [":TYPE"]
        with outputs.atomic_open(out / f"rels_{rtype}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for u, v, d in edges:
                w.writerow([u, v] + [_neo_value(d.get(k)) for k, _ in cols] + [rtype])
        written.append(f"rels_{rtype}.csv")
    return out, written


def _columns(dicts) -> list[tuple[str, str]]:
    """The typed columns of a CSV file of nodes or edges, sorted: each key but ``id`` with its neo4j type, a key
    whose values differ in type a string.

    >>> _columns([{"id": "a", "name": "Ann", "n_claims": 3, "aliases": ["A"]},
    ...           {"name": "Bo", "n_claims": "x", "ok": True}])
    [('aliases', 'string[]'), ('n_claims', 'string'), ('name', 'string'), ('ok', 'boolean')]
    """
    types: dict[str, str] = {}
    for d in dicts:
        for k, v in d.items():
            if v is None or k in ("id",):
                continue
            t = "string[]" if isinstance(v, (list, tuple)) else _NEO_TYPES.get(type(v), "string")
            if types.get(k, t) != t:
                t = "string"
            types[k] = t
    return sorted(types.items())


def _neo_header(k: str, t: str) -> str:
    """A column's name in a Neo4j import header: typed unless a string (neo4j-admin's default).

    >>> _neo_header("name", "string"), _neo_header("n_claims", "long")
    ('name', 'n_claims:long')
    """
    return k if t == "string" else f"{k}:{t}"


def _neo_value(v):
    """A value as a neo4j-admin CSV cell: none empty, a list joined by ';' (a ';' inside an item made ','), a
    boolean as neo4j writes it.

    >>> _neo_value(None), _neo_value(["a;b", "c"]), _neo_value(True), _neo_value(3)
    ('', 'a,b;c', 'true', 3)
    """
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ";".join(str(scalar(x)).replace(";", ",") for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return scalar(v)


def write(G, fmt: str, path, claims: Iterable[Claim] | None = None):
    """Write graph G (or, for jsonl/csv, the claims) in format `fmt` to `path`."""
    fmt = format_of(fmt)
    try:
        if fmt == "graphml":
            write_graphml(G, path)
        elif fmt == "gexf":
            write_gexf(G, path)
        elif fmt == "cytoscape":
            write_cytoscape(G, path)
        elif fmt == "json":
            write_json(G, path)
        elif fmt == "jsonl":
            write_claims_jsonl(claims if claims is not None else [], path)
        elif fmt == "csv":
            write_claims_csv(claims if claims is not None else [], path)
        elif fmt == "neo4j":
            write_neo4j(G, path)
    except OSError as e:
        raise ExportError(f"cannot write '{path}': {e.strerror}; {os_fix(e, 'choose another -o path')}") from None


@dataclass
class Exported:
    """What an export wrote: the path, and the claims (jsonl, csv) or nodes and edges (graph formats)."""

    path: Path
    format: str
    claims: int | None = None
    nodes: int | None = None
    edges: int | None = None

    def summary(self) -> str:
        """'95 claims' or '212 nodes, 480 edges'."""
        return f"{self.claims} claims" if self.claims is not None else f"{self.nodes} nodes, {self.edges} edges"


def export_claims(g, fmt: str, path, **filters) -> Exported:
    """Write the claims the filters select (all with none) from Graphkit `g` to `path` in format `fmt`.

    jsonl and csv stream the claims from the store; graphml streams the graph (`write_graphml_store`);
    the other formats build the graph of the selection first. Filters are those of ``Graphkit.iter_claims``.
    """
    from .graph import build_graph

    fmt = format_of(fmt)
    path = Path(path)
    if fmt != "neo4j":  # (neo4j writes a folder of its own files: outputs.check_neo4j_output)
        outputs.check_output(path, example_name(fmt), store=g.store)  # a folder, or an input of the store: refused
    selected = {k: v for k, v in filters.items() if v is not None and v is not False}
    if fmt in ("jsonl", "csv"):
        count = [0]

        def counted(claims):
            for c in claims:
                count[0] += 1
                yield c

        write(None, fmt, path, claims=counted(g.iter_claims(**selected)))
        return Exported(path, fmt, claims=count[0])
    if fmt == "graphml":
        claims = g.iter_claims(**selected) if selected else None
        try:
            nodes, edges = write_graphml_store(g.store, path, claims)
        except OSError as e:
            raise ExportError(f"cannot write '{path}': {e.strerror}; {os_fix(e, 'choose another -o path')}") from None
        return Exported(path, fmt, nodes=nodes, edges=edges)
    if fmt == "neo4j":
        outputs.check_neo4j_output(path, store=g.store)  # before the graph is built: a wrong -o fails at once
    G = build_graph(g.store, g.iter_claims(**selected))
    write(G, fmt, path)
    return Exported(Path(path), fmt, nodes=G.number_of_nodes(), edges=G.number_of_edges())
