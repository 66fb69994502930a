"""The interactive view: a claim graph drawn as one self-contained, offline HTML page.

The page uses the vis-network bundle that ships inside the pyvis package
(inlined, so the page opens without network), a small app script of graphkit's
own (``graphkit/assets/view.js``: legend, search, filters, side panel), and the
graph's data as escaped JSON. Positions are computed beforehand with igraph's
C-backed Fruchterman-Reingold layout; physics is off above 1,000 nodes, so large
graphs draw at once instead of simulating in the browser. Above ``max_nodes``
the page keeps the most connected nodes and says what it left out.

Why not ``pyvis.network.Network.from_nx`` + ``write_html``: its template loads
Bootstrap (and, by default, vis-network) from CDNs, inserts node ``title``
strings as HTML, writes its styling into the graph it is given, and its
``add_node``/``add_edge`` check duplicates by scanning lists (quadratic: minutes
for 10,000 nodes). graphkit builds the vis data itself from a copy and reuses
only pyvis's bundled vis-network.

Safety: article text never reaches the page as markup. The data sits in a
``<script type="application/json">`` block with ``<``, ``>``, ``&`` escaped as
``\\u003c``/``\\u003e``/``\\u0026``; the app writes every string with
``textContent`` (tooltips are DOM elements, never HTML strings); only ``http(s)``
URLs become links; and a Content-Security-Policy allows only the page's own
two scripts (by hash) and no network at all.

>>> import networkx as nx
>>> from graphkit.view import render_html, sample_graph
>>> page = render_html(sample_graph(), title="Lavrov & Europe")
>>> page.startswith("<!DOCTYPE html>") and "Lavrov &amp; Europe" in page
True
>>> "http" in page.split("<script")[0].lower().replace("http-equiv", "")
False
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import html
import json
import math
import os
import random
import re
import tempfile
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import networkx as nx

from graphkit.errors import ExportError, GraphkitError

__all__ = [
    "ViewReport", "write_view", "render_html", "notebook_html",
    "select_nodes", "layout_positions", "sample_graph", "synthetic_graph",
    "NODE_STYLES", "EDGE_STYLES",
]

#: Above this many nodes the page draws with physics off (positions from igraph).
PHYSICS_LIMIT = 1000

#: How each node type looks: colour (Okabe-Ito, colour-blind safe), vis shape, base size.
NODE_STYLES: dict[str, dict[str, Any]] = {
    "actor": {"color": "#0072B2", "shape": "dot", "size": 12, "legend": "actor (size: claims made)"},
    "claim": {"color": "#E69F00", "shape": "diamond", "size": 7, "legend": "claim"},
    "issue": {"color": "#009E73", "shape": "triangle", "size": 12, "legend": "issue (size: claims about it)"},
    "place": {"color": "#CC79A7", "shape": "square", "size": 9, "legend": "place"},
    "document": {"color": "#7F7F7F", "shape": "triangleDown", "size": 9, "legend": "article"},
    "other": {"color": "#B0B0B0", "shape": "dot", "size": 7, "legend": "other"},
}

#: How each relation looks.
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "said": {"color": "#0072B2", "dashes": False},
    "about": {"color": "#009E73", "dashes": False},
    "mentions": {"color": "#CC79A7", "dashes": False},
    "reported_in": {"color": "#9A9A9A", "dashes": True},
    "contradicts": {"color": "#D55E00", "dashes": False},
    "other": {"color": "#B0B0B0", "dashes": False},
}

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class ViewReport:
    """What :func:`write_view` drew and how long it took.

    ``note`` is a sentence for the user when nodes were left out, else None.
    """

    nodes_shown: int
    nodes_total: int
    edges_shown: int
    left_out: int
    layout_seconds: float
    write_seconds: float
    note: Optional[str] = None


# ---------------------------------------------------------------- selection


def select_nodes(G: nx.Graph, max_nodes: int) -> list:
    """The ``max_nodes`` most connected nodes of ``G`` (all of them if it is smaller).

    Ranked by degree (every relation counts), ties by node id, so the same graph
    always gives the same selection.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> select_nodes(G, 2)
    ['a', 'b']
    """
    if max_nodes < 1:
        raise GraphkitError(f"max_nodes={max_nodes} shows nothing; give a positive number (default 3000)")
    if G.number_of_nodes() <= max_nodes:
        return list(G.nodes)
    ranked = sorted(G.degree, key=lambda nd: (-nd[1], str(nd[0])))
    return [n for n, _ in ranked[:max_nodes]]


# ---------------------------------------------------------------- layout


def layout_positions(G: nx.Graph, nodes: Optional[list] = None, *, seed: int = 7) -> dict:
    """Node positions in page pixels, from igraph's Fruchterman-Reingold layout (C code).

    10,000 nodes take about 1.5 s on one core. The result is deterministic for a
    given graph and seed. Nodes without edges go in a grid under the drawing;
    far-flung small components are pulled in to its rim.

    >>> import networkx as nx
    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    import igraph

    nodes = list(G.nodes) if nodes is None else list(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = set()
    for u, v in G.edges():
        if u in index and v in index and u != v:
            a, b = index[u], index[v]
            pairs.add((a, b) if a < b else (b, a))
    linked = sorted({i for p in pairs for i in p})
    linked_set = set(linked)
    lonely = [nodes[i] for i in range(len(nodes)) if i not in linked_set]
    pos: dict = {}
    n = len(linked)
    per = 90.0 if len(nodes) <= 300 else 45.0  # page pixels per node (side of its square)
    radius = 0.0
    if n:
        sub = {old: new for new, old in enumerate(linked)}
        g = igraph.Graph(n=n, edges=sorted((sub[a], sub[b]) for a, b in pairs))
        rng = random.Random(seed)
        start = [[rng.uniform(-1, 1) * math.sqrt(n), rng.uniform(-1, 1) * math.sqrt(n)] for _ in range(n)]
        igraph.set_random_number_generator(random.Random(seed))
        try:
            coords = g.layout_fruchterman_reingold(seed=start, niter=500 if n <= 5000 else 200,
                                                   grid="auto").coords
        finally:
            igraph.set_random_number_generator(random)
        # centre on the median and scale by the 95th-percentile radius, so that small
        # components thrown far out by the layout do not shrink the main drawing to a dot
        xs = sorted(c[0] for c in coords)
        ys = sorted(c[1] for c in coords)
        cx, cy = xs[n // 2], ys[n // 2]
        dists = sorted(math.hypot(c[0] - cx, c[1] - cy) for c in coords)
        r95 = dists[min(n - 1, int(0.95 * n))] or 1.0
        radius = max(250.0, per * math.sqrt(n) / 2)
        k = radius / r95
        for i, (x, y) in zip(linked, coords):
            dx, dy = (x - cx) * k, (y - cy) * k
            r = math.hypot(dx, dy)
            if r > 1.15 * radius:  # pull outliers in to the rim
                dx, dy = dx * 1.15 * radius / r, dy * 1.15 * radius / r
            pos[nodes[i]] = (round(dx, 1), round(dy, 1))
    # nodes without edges: a tidy grid under the drawing
    cols = max(1, int(math.sqrt(len(lonely)) * 2))
    top = 1.3 * radius + per
    for j, v in enumerate(lonely):
        pos[v] = (round((j % cols - (cols - 1) / 2) * per, 1), round(top + (j // cols) * per, 1))
    return pos


# ---------------------------------------------------------------- data


def _clean(value: Any) -> Any:
    """A JSON-safe copy of an attribute value (dates as ISO strings, no NaN)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_clean(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return str(value)


def _safe_url(url: Any) -> Optional[str]:
    """``url`` if it is an http(s) URL, else None (``javascript:``, ``data:`` ... never become links).

    >>> _safe_url("https://example.org/a?b=1"), _safe_url("javascript:alert(1)"), _safe_url(" JaVaScRiPt:x")
    ('https://example.org/a?b=1', None, None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vis_data(G: nx.Graph, nodes: list, pos: dict) -> dict:
    """The vis-network node and edge lists, plus the domain fields the app needs under ``d``."""
    keep = set(nodes)
    claims_of: dict[Any, int] = {}
    for u, v, data in G.edges(data=True):
        if u in keep and v in keep:
            rel = data.get("type", "")
            # issue / place / document size: how many claims point at it
            if rel in ("about", "mentions", "reported_in"):
                claims_of[v] = claims_of.get(v, 0) + 1
    # page ids are the node ids as text; should two differ only in type (1 and "1"), number them instead
    page_id = {v: str(v) for v in nodes}
    if len(set(page_id.values())) != len(page_id):
        page_id = {v: f"n{i}" for i, v in enumerate(nodes)}
    out_nodes = []
    for v in nodes:
        a = G.nodes[v]
        ntype = a.get("type") if a.get("type") in NODE_STYLES else "other"
        style = NODE_STYLES[ntype]
        if ntype == "actor":
            n = a.get("n_claims")
            if not isinstance(n, int) or isinstance(n, bool):
                n = sum(1 for _, _, e in G.edges(v, data=True) if e.get("type") == "said")
            size = style["size"] + 4 * math.sqrt(n)
        elif ntype in ("issue", "place", "document"):
            n = claims_of.get(v, 0)
            size = style["size"] + 3 * math.sqrt(n)
        else:
            n = None
            size = style["size"]
        label = a.get("label") or a.get("name") or a.get("title") or str(v)
        d = {k: _clean(x) for k, x in a.items() if k not in ("label", "x", "y", "title", "url")}
        d["type"] = ntype
        d["id"] = str(v)
        if "title" in a:  # documents: kept out of vis's own `title` (tooltip) field
            d["doc_title"] = _clean(a["title"])
        d["url"] = _safe_url(a.get("url"))
        if n is not None:
            d["n_claims"] = n
        node = {
            "id": page_id[v],
            "label": _short(label, 40 if ntype == "claim" else 60),
            "shape": style["shape"],
            "color": style["color"],
            "size": round(min(size, 60), 1),
            "d": d,
        }
        x, y = pos.get(v, (0.0, 0.0))
        node["x"], node["y"] = x, y
        out_nodes.append(node)
    out_edges = []
    for i, (u, v, key, data) in enumerate(
            G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))):
        if u not in keep or v not in keep:
            continue
        rel = str(data.get("type") or key or "")
        style = EDGE_STYLES.get(rel, EDGE_STYLES["other"])
        extra = {k: _clean(x) for k, x in data.items() if k not in ("type", "title", "label")}
        out_edges.append({
            "id": i, "from": page_id[u], "to": page_id[v], "label": rel,
            "color": style["color"], "dashes": style["dashes"], "d": extra,
        })
    return {"nodes": out_nodes, "edges": out_edges}


def _json_for_script(obj: Any) -> str:
    """JSON that cannot end or comment out the ``<script>`` block holding it.

    >>> _json_for_script({"q": "</script><!--x-->&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--x--\\\\u003e\\\\u0026"}'
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ---------------------------------------------------------------- page


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("graphkit").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _vis_bundle() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (9.1.2)."""
    try:
        lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        # no source-map comment: developer tools would try to fetch the map from the network
        js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
        return (js,
                lib.joinpath("vis-network.css").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - install problem
        raise GraphkitError(
            f"cannot read vis-network from the pyvis package ({exc}); reinstall it: pip install 'pyvis==0.3.2'"
        ) from exc


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass: inserted text is never scanned again."""
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], template)


def _options(n: int, physics: bool) -> dict:
    large = n > PHYSICS_LIMIT
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 60, "avoidOverlap": 0.2},
            # positions come from igraph: draw them at once and let physics relax them live
            "stabilization": {"enabled": False},
        },
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 9, "align": "middle", "color": "#555", "strokeWidth": 2},
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
    }


def _render(G: nx.Graph, *, title: str = "graphkit", max_nodes: int = 3000,
            physics: Optional[bool] = None) -> tuple[str, ViewReport]:
    if not isinstance(G, nx.Graph):
        raise GraphkitError(f"the view draws a networkx graph, got {type(G).__name__}; "
                            "build one with graphkit.graph or the notebook API's subgraph()")
    total = G.number_of_nodes()
    nodes = select_nodes(G, max_nodes)
    left_out = total - len(nodes)
    t0 = time.perf_counter()
    pos = layout_positions(G, nodes)
    layout_seconds = time.perf_counter() - t0
    use_physics = (len(nodes) <= PHYSICS_LIMIT) if physics is None else bool(physics)
    data = _vis_data(G, nodes, pos)
    note = None
    if total == 0:
        note = "the graph is empty: nothing matched; widen the filters (--speaker/--issue/--since)"
    if left_out:
        note = (f"showing the {len(nodes):,} most connected of {total:,} nodes; "
                "narrow with --speaker/--issue/--since")
    payload = {
        "title": str(title),
        "note": note,
        "nodes": data["nodes"],
        "edges": data["edges"],
        "options": _options(len(nodes), use_physics),
        "large": len(nodes) > PHYSICS_LIMIT,
        "styles": {"nodes": {k: {"color": v["color"], "shape": v["shape"], "legend": v["legend"]}
                             for k, v in NODE_STYLES.items()},
                   "edges": {k: {"color": v["color"], "dashes": v["dashes"]} for k, v in EDGE_STYLES.items()}},
        "stats": {"nodes_shown": len(nodes), "nodes_total": total, "edges_shown": len(data["edges"]),
                  "left_out": left_out, "physics": use_physics},
    }
    vis_js, vis_css = _vis_bundle()
    app_js = _asset("view.js")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    page = _fill(_asset("view.html"), {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(str(title), quote=True),
        "VIS_CSS": vis_css.replace("</", "<\\/"),
        "APP_CSS": _asset("view.css"),
        "DATA": _json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    })
    report = ViewReport(nodes_shown=len(nodes), nodes_total=total, edges_shown=len(data["edges"]),
                        left_out=left_out, layout_seconds=round(layout_seconds, 3), write_seconds=0.0, note=note)
    return page, report


def render_html(G: nx.Graph, *, title: str = "graphkit", max_nodes: int = 3000,
                physics: Optional[bool] = None) -> str:
    """The view of ``G`` as one self-contained HTML page (a string).

    Same options as :func:`write_view`.

    >>> from graphkit.view import render_html, sample_graph
    >>> "vis.Network" in render_html(sample_graph())
    True
    """
    return _render(G, title=title, max_nodes=max_nodes, physics=physics)[0]


def write_view(G: nx.Graph, path, *, title: str = "graphkit", max_nodes: int = 3000,
               physics: Optional[bool] = None) -> ViewReport:
    """Write the view of ``G`` to ``path`` (atomically) and say what it shows.

    ``max_nodes``: above it, only the most connected nodes are drawn (``left_out``
    and ``note`` say how many were not). ``physics``: None = on up to 1,000
    nodes, off above (positions come from igraph either way).

    >>> import tempfile, os
    >>> from graphkit.view import write_view, sample_graph
    >>> out = os.path.join(tempfile.mkdtemp(), "view.html")
    >>> rep = write_view(sample_graph(), out, max_nodes=10)
    >>> rep.nodes_shown, rep.left_out > 0, rep.note.startswith("showing the 10 most connected")
    (10, True, True)
    """
    t0 = time.perf_counter()
    page, report = _render(G, title=title, max_nodes=max_nodes, physics=physics)
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{str(path)!r} is a folder; give a file name such as {str(path / 'graph.html')!r}")
    if not path.parent.exists():
        raise ExportError(f"no folder {str(path.parent)!r} to write the view into; create it first or choose another path")
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ExportError(f"could not write the view to {str(path)!r} ({exc.strerror}); check the folder is writable") from exc
    write_seconds = time.perf_counter() - t0 - report.layout_seconds
    return dataclasses.replace(report, write_seconds=round(max(write_seconds, 0.0), 3))


def notebook_html(G: nx.Graph, height: int = 600, **options) -> str:
    """The view wrapped in a sandboxed ``<iframe srcdoc=...>``, for ``IPython.display.HTML``.

    The iframe runs scripts but has no access to the notebook's page.

    >>> from graphkit.view import notebook_html, sample_graph
    >>> frag = notebook_html(sample_graph(), height=400)
    >>> frag.startswith("<iframe") and 'height="400"' in frag and "<script" not in frag
    True
    """
    page = render_html(G, **options)
    return ('<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'width="100%" height="{int(height)}" style="border:1px solid #ddd" '
            f'title="{html.escape(str(options.get("title", "graphkit")), quote=True)}" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


# ---------------------------------------------------------------- sample graphs


def _add_claim(G, cid, speaker_id, speaker, text, date, stance, doc, issues=(), places=(),
               kind="direct", cue="said", url=None, source=None):
    G.add_node(cid, type="claim", label=_short(text, 40), text=text, speaker=speaker, speaker_id=speaker_id,
               date=date, stance=stance, kind=kind, cue=cue, doc_id=doc.split(":", 1)[1], url=url,
               source=source, issues=list(issues), places=list(places))
    G.add_edge(speaker_id, cid, key="said", type="said")
    for i in issues:
        G.add_edge(cid, "issue:" + i.lower().replace(" ", "-"), key="about", type="about", trigger=i.lower())
    for p in places:
        G.add_edge(cid, "place:" + p.lower(), key="mentions", type="mentions")
    G.add_edge(cid, doc, key="reported_in", type="reported_in")


def sample_graph() -> nx.MultiDiGraph:
    """A hand-built graph shaped like the sample corpus (about 30 nodes), for demos and tests.

    >>> G = sample_graph()
    >>> G.nodes["actor:sergey-lavrov"]["label"], G.number_of_nodes() > 20
    ('Sergey Lavrov', True)
    """
    G = nx.MultiDiGraph()
    actors = [("sergey-lavrov", "Sergey Lavrov", "person", ["Foreign Minister"]),
              ("volodymyr-zelensky", "Volodymyr Zelensky", "person", ["President of Ukraine"]),
              ("vladimir-putin", "Vladimir Putin", "person", ["President of Russia"]),
              ("dmitry-peskov", "Dmitry Peskov", "person", ["Kremlin spokesman"]),
              ("kremlin", "Kremlin", "government", []),
              ("white-house", "White House", "government", []),
              ("andriy-kovalenko", "Andriy Kovalenko", "person", ["head of the disinformation response centre"]),
              ("ukrainian-authorities", "Ukrainian authorities", "government", []),
              ("senior-russian-source", "senior Russian source", "anonymous", [])]
    for slug, name, atype, roles in actors:
        G.add_node("actor:" + slug, type="actor", label=name, actor_type=atype, roles=roles, n_claims=0)
    for name in ["Europe", "peace plan", "sanctions", "territory", "security guarantees"]:
        G.add_node("issue:" + name.lower().replace(" ", "-"), type="issue", label=name, name=name)
    for name, ptype, lat, lon in [("Moscow", "city", 55.75, 37.62), ("Geneva", "city", 46.2, 6.15),
                                  ("Pokrovsk", "city", 48.28, 37.18), ("Ukraine", "country", 49.0, 32.0)]:
        G.add_node("place:" + name.lower(), type="place", label=name, place_type=ptype, lat=lat, lon=lon)
    docs = [("000_36443760e30779ee", "US and Ukraine strike cautious tone after Geneva talks", "CNN", "2025-11-25"),
            ("001_56cb526c82487007", "Lavrov: Washington Fails to Officially Submit Ukraine Peace Plan",
             "finance news blog", "2025-11-26"),
            ("003_9b6d43ba622d0a39", "Talks Gain Momentum in Moscow", "news site", "2025-12-02"),
            ("004_a0ffbf88e7d719ba", "Cautious Russia awaits details from US on Ukraine ceasefire plan",
             "Reuters", "2025-03-12")]
    for did, t, src, pub in docs:
        G.add_node("doc:" + did, type="document", label=_short(t, 40), title=t, source=src,
                   url=f"https://news.example.org/{did}", published=pub)
    d0, d1, d3, d4 = ("doc:" + d[0] for d in docs)
    claims = [
        ("c01", "sergey-lavrov", "Sergey Lavrov", "Washington has not officially submitted the 28-point plan to Moscow",
         "2025-11-26", "assert", d1, ["peace plan"], ["Moscow"]),
        ("c02", "sergey-lavrov", "Sergey Lavrov", "Europe is trying to wreck the American peace efforts",
         "2025-11-26", "accuse", d1, ["Europe", "peace plan"], []),
        ("c03", "sergey-lavrov", "Sergey Lavrov", "European counter-proposals are not constructive at all",
         "2025-11-26", "criticize", d1, ["Europe"], []),
        ("c04", "volodymyr-zelensky", "Volodymyr Zelensky", "the talks in Geneva were constructive",
         "2025-11-25", "praise", d0, ["peace plan"], ["Geneva"]),
        ("c05", "volodymyr-zelensky", "Volodymyr Zelensky",
         "Ukraine's sovereignty and firm security guarantees remain central goals", "2025-12-01", "assert", d3,
         ["security guarantees"], ["Ukraine"]),
        ("c06", "volodymyr-zelensky", "Volodymyr Zelensky", "the territorial question stays the hardest part of any deal",
         "2025-12-01", "warn", d3, ["territory"], []),
        ("c07", "dmitry-peskov", "Dmitry Peskov", "Witkoff will meet Putin on Tuesday afternoon",
         "2025-12-02", "assert", d3, [], ["Moscow"]),
        ("c08", "white-house", "White House", "it feels very optimistic about progress toward ending the war",
         "2025-12-02", "predict", d3, ["peace plan"], []),
        ("c09", "andriy-kovalenko", "Andriy Kovalenko", "Russia wants to shift all pressure in the US peace plan onto Ukraine",
         "2025-12-02", "accuse", d3, ["peace plan"], ["Ukraine"]),
        ("c10", "kremlin", "Kremlin", "Russian forces have captured Pokrovsk", "2025-12-01", "assert", d3,
         ["territory"], ["Pokrovsk"]),
        ("c11", "ukrainian-authorities", "Ukrainian authorities", "no such losses occurred in Pokrovsk",
         "2025-12-01", "deny", d3, ["territory"], ["Pokrovsk"]),
        ("c12", "vladimir-putin", "Vladimir Putin", "the US plan could form the basis of a final settlement",
         "2025-11", "assert", d0, ["peace plan"], []),
        ("c13", "kremlin", "Kremlin", "Moscow awaits details from Washington on the ceasefire proposal",
         "2025-03-12", "assert", d4, ["peace plan"], ["Moscow"]),
        ("c14", "senior-russian-source", "senior Russian source", "any deal must take Russia's interests into account",
         "2025-03", "demand", d4, ["peace plan"], []),
        ("c15", "sergey-lavrov", "Sergey Lavrov", "new sanctions will not change Moscow's course", "2025-11-26",
         "predict", d1, ["sanctions"], []),
    ]
    for cid, slug, name, text, date, stance, doc, issues, places in claims:
        src = G.nodes[doc]["source"]
        _add_claim(G, "claim:" + cid, "actor:" + slug, name, text, date, stance, doc, issues, places,
                   url=G.nodes[doc]["url"], source=src)
        G.nodes["actor:" + slug]["n_claims"] += 1
    G.add_edge("claim:c11", "claim:c10", key="contradicts", type="contradicts",
               reason="deny vs assert on the same place and issue")
    return G


def synthetic_graph(n_nodes: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A random graph in graphkit's schema with about ``n_nodes`` nodes, for benchmarks and tests.

    Shares: 68% claims, 12% articles, 10% actors (a few very talkative), 5% places,
    5% issues (capped at 60); edges said / about / mentions / reported_in / contradicts.

    >>> G = synthetic_graph(500)
    >>> abs(G.number_of_nodes() - 500) <= 5
    True
    """
    rng = random.Random(seed)
    n_issue = max(3, min(60, n_nodes // 20))
    n_place = max(3, n_nodes // 20)
    n_actor = max(3, n_nodes // 10)
    n_doc = max(2, n_nodes * 12 // 100)
    n_claim = max(1, n_nodes - n_issue - n_place - n_actor - n_doc)
    G = nx.MultiDiGraph()
    atypes = ["person"] * 6 + ["government", "organisation", "country", "anonymous", "media", "group"]
    for i in range(n_actor):
        G.add_node(f"actor:a{i}", type="actor", label=f"Actor {i}", actor_type=rng.choice(atypes),
                   roles=["spokesperson"] if i % 7 == 0 else [], n_claims=0)
    for i in range(n_issue):
        G.add_node(f"issue:i{i}", type="issue", label=f"Issue {i}", name=f"Issue {i}")
    for i in range(n_place):
        G.add_node(f"place:p{i}", type="place", label=f"Place {i}", place_type="city",
                   lat=rng.uniform(-60, 70), lon=rng.uniform(-180, 180))
    for i in range(n_doc):
        G.add_node(f"doc:d{i}", type="document", label=f"Article {i}", title=f"Article {i}", source="Wire",
                   url=f"https://news.example.org/d{i}", published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
    stances = ["assert", "deny", "warn", "demand", "predict", "accuse"]
    for i in range(n_claim):
        a = min(int(n_actor * rng.random() ** 2.5), n_actor - 1)  # a few actors say most things
        d = rng.randrange(n_doc)
        issues = [f"Issue {min(int(n_issue * rng.random() ** 2), n_issue - 1)}" for _ in range(rng.choice([1, 1, 2]))]
        places = [f"Place {rng.randrange(n_place)}" for _ in range(rng.choice([0, 1, 1, 2]))]
        cid = f"claim:c{i}"
        date = f"2025-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        G.add_node(cid, type="claim", label=f"Claim {i}", text=f"Synthetic claim number {i} about {issues[0]}",
                   speaker=f"Actor {a}", speaker_id=f"actor:a{a}", date=date, stance=rng.choice(stances),
                   kind="direct", cue="said", doc_id=f"d{d}", url=f"https://news.example.org/d{d}", source="Wire",
                   issues=sorted(set(issues)), places=sorted(set(places)))
        G.nodes[f"actor:a{a}"]["n_claims"] += 1
        G.add_edge(f"actor:a{a}", cid, key="said", type="said")
        for name in sorted(set(issues)):
            G.add_edge(cid, "issue:i" + name.split()[1], key="about", type="about", trigger=name.lower())
        for name in sorted(set(places)):
            G.add_edge(cid, "place:p" + name.split()[1], key="mentions", type="mentions")
        G.add_edge(cid, f"doc:d{d}", key="reported_in", type="reported_in")
        if i > 10 and rng.random() < 0.03:
            G.add_edge(cid, f"claim:c{rng.randrange(i)}", key="contradicts", type="contradicts", reason="opposite stance")
    return G


def _main(argv: Optional[list[str]] = None) -> int:
    """``python -m graphkit.view --demo [-o FILE] [--nodes N]``: write a demo page."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m graphkit.view", description=_main.__doc__)
    ap.add_argument("--demo", action="store_true", help="draw the sample-corpus-shaped demo graph")
    ap.add_argument("--nodes", type=int, default=0, help="draw a synthetic graph of about N nodes instead")
    ap.add_argument("-o", "--output", default="graphkit-view.html")
    args = ap.parse_args(argv)
    if not args.demo and not args.nodes:
        ap.error("give --demo or --nodes N (example: python -m graphkit.view --demo -o view.html)")
    G = synthetic_graph(args.nodes) if args.nodes else sample_graph()
    rep = write_view(G, args.output, title="graphkit demo")
    print(f"wrote {args.output}: {rep.nodes_shown} nodes, {rep.edges_shown} edges "
          f"(layout {rep.layout_seconds:.2f} s, write {rep.write_seconds:.2f} s)" + (f"; {rep.note}" if rep.note else ""))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
