"""Carry the graph to other tools: GraphML, GEXF, node-link JSON, claims JSONL/CSV, Neo4j import CSV.

Every file is written to a temporary name beside the target and renamed into
place, so a failed export never leaves a truncated file. GraphML and GEXF take
scalars only: lists are joined with "; ", None is dropped, dates are ISO
strings, and control characters XML 1.0 forbids are removed.

>>> import networkx as nx, tempfile, os
>>> G = nx.MultiDiGraph(); G.add_node("a", type="actor", roles=["spokesman"], n=None)
>>> p = os.path.join(tempfile.mkdtemp(), "g.graphml")
>>> write(G, "graphml", p)
>>> nx.read_graphml(p).nodes["a"]
{'type': 'actor', 'roles': 'spokesman'}
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import ExportError
from .records import Claim

FORMATS = ("graphml", "gexf", "json", "jsonl", "csv", "neo4j")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CSV_FIELDS = ("id", "doc_id", "speaker", "speaker_id", "speaker_text", "role", "text", "kind", "cue", "stance",
              "date", "date_precision", "date_basis", "issues", "places", "reports", "same_as", "spans", "speaker_span", "sentence_span")


@contextmanager
def atomic_open(path, mode="w", **kw):
    """Open a temp file beside `path`; rename it over `path` only if the block succeeds."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"'{path}' is a folder; give a file name with -o, e.g. {path}/graph.graphml")
    if not path.parent.exists():
        raise ExportError(f"folder '{path.parent}' does not exist; create it or choose another -o path")
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with open(tmp, mode, **kw) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
    H.graph.update({k: s for k, v in G.graph.items() if (s := scalar(v)) is not None})
    for n, d in G.nodes(data=True):
        H.add_node(_XML_BAD.sub("", str(n)), **{k: s for k, v in d.items() if (s := scalar(v)) is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(_XML_BAD.sub("", str(u)), _XML_BAD.sub("", str(v)), key=k,
                   **{a: s for a, b in d.items() if (s := scalar(b)) is not None})
    return H


def write_graphml(G, path):
    H = scalar_graph(G)
    with atomic_open(path, "wb") as f:
        nx.write_graphml(H, f, encoding="utf-8", named_key_ids=True)


_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}  # as networkx's GraphML writer names them


def _scalar_attrs(d: dict) -> dict:
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
    from xml.sax.saxutils import escape, quoteattr

    from .graph import graph_from_records

    actors = {a.id: a for a in store.actors()}
    places = {p.name: p for p in store.places()}
    keys: dict[tuple[str, str], str] = {}
    shared: dict[str, dict] = {}
    n_claims: dict[str, int] = {}
    ids: set[str] | None = None if claims is None else set()
    counts = [0, 0]

    def data(scope: str, attrs: dict) -> str:
        out = []
        for k, v in attrs.items():
            keys.setdefault((scope, k), _XML_TYPES.get(type(v), "string"))
            out.append(f'<data key={quoteattr(k)}>{escape(str(v))}</data>')
        return "".join(out)

    def node(n: str, attrs: dict) -> str:
        counts[0] += 1
        return f'<node id={quoteattr(n)}>{data("node", attrs)}</node>\n'

    def edge(u, v, k, attrs: dict) -> str:
        counts[1] += 1
        return (f'<edge source={quoteattr(_XML_BAD.sub("", str(u)))} target={quoteattr(_XML_BAD.sub("", str(v)))} '
                f'id={quoteattr(str(k))}>{data("edge", _scalar_attrs(attrs))}</edge>\n')

    from .graph import statements

    it = iter(store.claims(distinct=True) if claims is None else statements(claims))
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as f, tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=Path(path).parent) as body:
        while part := list(islice(it, chunk)):
            if ids is not None:
                ids.update(c.id for c in part)
            docs = store.documents_by_id({c.doc_id for c in part} | {r for c in part for r in c.reports})
            G = graph_from_records(part, actors, docs, places)
            for n, d in G.nodes(data=True):
                if d.get("type") == "claim":
                    body.write(node(_XML_BAD.sub("", str(n)), _scalar_attrs(d)))
                    continue
                if d.get("type") == "actor":
                    n_claims[n] = n_claims.get(n, 0) + d.get("n_claims", 0)
                shared.setdefault(n, d)
            body.writelines(edge(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True))
        for x in store.contradictions():
            if ids is not None and not (x.a in ids and x.b in ids):
                continue
            pair = list(store.claims(ids=[x.a, x.b]))
            if len(pair) == 2:
                G = graph_from_records(pair, actors, {}, places, [x])
                body.writelines(edge(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if k == "contradicts")
        shared_xml = []
        for n, d in shared.items():
            if n in n_claims:
                d = {**d, "n_claims": n_claims[n]}
            shared_xml.append(node(_XML_BAD.sub("", str(n)), _scalar_attrs(d)))
        f.write("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for (scope, k), t in keys.items():
            f.write(f'<key id={quoteattr(k)} for="{scope}" attr.name={quoteattr(k)} attr.type="{t}" />\n')
        f.write('<graph edgedefault="directed">\n')
        f.writelines(shared_xml)
        body.seek(0)
        shutil.copyfileobj(body, f, 1 << 20)
        f.write("</graph>\n</graphml>\n")
    return counts[0], counts[1]


def _gexf_interval(date: str | None):
    if not date:
        return None
    y, *rest = date.split("-")
    if len(rest) == 2:
        return date
    if len(rest) == 1:
        return f"{date}-01"
    return f"{y}-01-01"


def write_gexf(G, path):
    """GEXF 1.2 with claim start dates, so Gephi's timeline plays the claims over time."""
    H = scalar_graph(G)
    for n, d in H.nodes(data=True):
        start = _gexf_interval(d.get("date") if d.get("type") == "claim" else d.get("published"))
        if start:
            d["start"] = start
    for u, v, k, d in H.edges(keys=True, data=True):
        start = _gexf_interval(d.get("date"))
        if start:
            d["start"] = start
    H.graph["mode"] = "dynamic"
    H.graph["timeformat"] = "date"
    with atomic_open(path, "wb") as f:
        nx.write_gexf(H, f, encoding="utf-8", version="1.2draft")


def write_json(G, path):
    data = nx.node_link_data(G, edges="links")
    with atomic_open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, default=str, indent=1)


def write_claims_jsonl(claims: Iterable[Claim], path):
    with atomic_open(path, "w", encoding="utf-8") as f:
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


def write_claims_csv(claims: Iterable[Claim], path):
    with atomic_open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        for c in claims:
            w.writerow(claim_row(c))


_NEO_TYPES = {bool: "boolean", int: "long", float: "double"}
_LABELS = {"actor": "Actor", "claim": "Claim", "issue": "Issue", "place": "Place", "document": "Document"}


def write_neo4j(G, path):
    """``neo4j-admin database import`` CSVs: PATH is a folder (or PATH stem) getting nodes_<Label>.csv and
    rels_<TYPE>.csv files with typed headers (``id:ID``, ``name``, ``n_claims:long``, ``:LABEL``,
    ``:START_ID``, ``:END_ID``, ``:TYPE``); arrays use ``;`` (neo4j-admin's default array delimiter)."""
    out = Path(path)
    if out.suffix:
        out = out.with_suffix("")
    out.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list] = {}
    for n, d in G.nodes(data=True):
        by_label.setdefault(_LABELS.get(d.get("type"), "Node"), []).append((n, d))
    written = []
    for label, nodes in sorted(by_label.items()):
        cols = _columns(d for _, d in nodes)
        header = ["id:ID"] + [_neo_header(k, t) for k, t in cols] + [":LABEL"]
        with atomic_open(out / f"nodes_{label}.csv", "w", encoding="utf-8", newline="") as f:
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
        with atomic_open(out / f"rels_{rtype}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for u, v, d in edges:
                w.writerow([u, v] + [_neo_value(d.get(k)) for k, _ in cols] + [rtype])
        written.append(f"rels_{rtype}.csv")
    return out, written


def _columns(dicts) -> list[tuple[str, str]]:
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
    return k if t == "string" else f"{k}:{t}"


def _neo_value(v):
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ";".join(str(scalar(x)).replace(";", ",") for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return scalar(v)


def write(G, fmt: str, path, claims: Iterable[Claim] | None = None):
    """Write graph G (or, for jsonl/csv, the claims) in format `fmt` to `path`."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if fmt == "graphml":
            write_graphml(G, path)
        elif fmt == "gexf":
            write_gexf(G, path)
        elif fmt == "json":
            write_json(G, path)
        elif fmt == "jsonl":
            write_claims_jsonl(claims if claims is not None else [], path)
        elif fmt == "csv":
            write_claims_csv(claims if claims is not None else [], path)
        elif fmt == "neo4j":
            write_neo4j(G, path)
    except OSError as e:
        raise ExportError(f"cannot write '{path}': {e.strerror}; choose another -o path") from None
