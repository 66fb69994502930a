"""The interactive view: who said what about which issue, as one self-contained, offline HTML page.

The page opens on an **overview**: actors and issues as nodes (sized by their
claims), one edge per actor→issue pair (width: number of claims; colour: the
stance group most of them fall in) and dashed actor↔actor edges where claims
contradict. The app (``graphkit/assets/view.js``) lays it out in two columns at
the window's own size, so every label is drawn at 13 px and none overlaps
another: the most quoted actors fill the left column as far as the window
allows, all issues the right one, and the rest of the actors sit in one
"N more actors" node that adds them on click. Clicking an actor, an issue or an
edge lists its claims in the side panel (sortable by date, with a small
timeline); from there the **claim graph** of that selection (today's
claim-level drawing: claims, speakers, issues, places, articles) is one click
away. The date range and the other filters apply to both.

The page uses the vis-network bundle that ships inside the pyvis package
(inlined, so it opens without network), the app script and the data as escaped
JSON: every claim with its text, speaker as resolved and as written, date and
its basis, stance, sentence, offsets and article.

Safety: article text never reaches the page as markup. The data sits in a
``<script type="application/json">`` block with ``<``, ``>``, ``&`` escaped as
``\\u003c``/``\\u003e``/``\\u0026``; the app writes every string with
``textContent`` (tooltips are DOM elements, never HTML strings); only ``http(s)``
URLs become links; and a Content-Security-Policy allows only the page's own
two scripts (by hash) and no network at all.

>>> from graphkit.samples import sample_graph
>>> from graphkit.view import render_html
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
import re
import time
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import networkx as nx

from graphkit.errors import ExportError, GraphkitError, os_fix
from graphkit import outputs
from graphkit.samples import sample_graph, synthetic_graph  # the demo's graphs (`_main`)
from graphkit.values import whole

__all__ = ["ViewReport", "write_view", "render_html", "notebook_html", "view_data", "NODE_STYLES", "STANCE_GROUPS",
           "NO_ISSUE"]

#: How each node type looks in both modes: colour (Okabe-Ito, colour-blind safe), vis shape.
NODE_STYLES: dict[str, dict[str, str]] = {
    "actor": {"color": "#0072B2", "shape": "dot", "legend": "actor (size: claims made)"},
    "issue": {"color": "#009E73", "shape": "square", "legend": "issue (size: claims about it)"},
    "claim": {"color": "#E69F00", "shape": "diamond", "legend": "claim"},
    "place": {"color": "#CC79A7", "shape": "triangle", "legend": "place"},
    "document": {"color": "#7F7F7F", "shape": "triangleDown", "legend": "article"},
}

#: Colour of an actor→issue edge: the group most of the pair's claims fall in ("mixed" when none has more
#: than half). Every stance graphkit.records knows is in exactly one group.
STANCE_GROUPS: dict[str, dict[str, Any]] = {
    "states": {"color": "#0072B2", "stances": ["assert", "report", "believe", "predict", "promise"]},
    "supports": {"color": "#009E73", "stances": ["support", "praise"]},
    "denies, opposes": {"color": "#D55E00", "stances": ["deny", "oppose", "declined"]},
    "accuses, warns": {"color": "#E69F00", "stances": ["accuse", "criticize", "warn"]},
    "demands, asks": {"color": "#CC79A7", "stances": ["demand", "question"]},
    "mixed": {"color": "#8A8A8A", "stances": []},
}

#: Claim-to-claim links the view draws: contradictions between speakers (and a speaker's own reversals).
LINKS = ("contradicts", "reverses")

try:  # links scored below this are stored but not shown (issue 18); older graphs carry no score
    from graphkit.contradict import MIN_SCORE as _MIN_LINK_SCORE
except ImportError:  # pragma: no cover - depends on the graphkit version
    _MIN_LINK_SCORE = None

#: The issue node that holds the claims no issue of the taxonomy matched (so no claim is left out).
NO_ISSUE = "issue:(none)"

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class ViewReport:
    """What :func:`write_view` put in the page.

    ``note`` is a sentence for the user (an empty graph), else None.
    """

    claims: int
    actors: int
    issues: int
    articles: int
    contradictions: int
    page_bytes: int
    write_seconds: float
    note: Optional[str] = None


# ---------------------------------------------------------------- data


def _clean(value: Any) -> Any:
    """A JSON-safe copy of an attribute value (dates as ISO strings, no NaN; a set sorted, a key a string).

    >>> _clean({"when": dt.date(2025, 12, 2), "score": float("nan"), "tags": {"b", "a"}, 3: (1, 2)})
    {'when': '2025-12-02', 'score': None, 'tags': ['a', 'b'], '3': [1, 2]}
    """
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


def _text(value: Any) -> Optional[str]:
    """An attribute value as the page's text (`_clean`, then a string); None stays None (the key is left out).

    >>> _text(None), _text(dt.date(2025, 12, 2)), _text(3)
    (None, '2025-12-02', '3')
    """
    return None if value is None else str(_clean(value))


def _compact(d: dict) -> dict:
    """``d`` without empty values (the page is smaller; the app reads a missing key as empty); 0 and False stay.

    >>> _compact({"a": 1, "b": None, "c": [], "d": "", "e": 0})
    {'a': 1, 'e': 0}
    """
    return {k: v for k, v in d.items() if v is not None and v != [] and v != ""}


def _label(a: dict, default: Any) -> str:
    """A node's label: its ``label``, else its ``name``, else its ``title``, else ``default`` (its id).

    >>> _label({"name": "Kyiv"}, "place:kyiv"), _label({}, "place:kyiv")
    ('Kyiv', 'place:kyiv')
    """
    return str(a.get("label") or a.get("name") or a.get("title") or default)


def view_data(G: nx.Graph) -> dict:
    """The tables the page draws from: claims, actors, issues, places, articles, contradictions.

    Every claim node of ``G`` is in ``claims`` (none is dropped); each refers to
    its actor, issues, places and article by id. Claims no issue matched point
    at :data:`NO_ISSUE`. Strings are kept as data (the page writes them as text).

    >>> d = view_data(sample_graph())
    >>> len(d["claims"]), len(d["actors"]), [i["label"] for i in d["issues"]][:2]
    (15, 9, ['peace plan', 'territory'])
    >>> c = next(c for c in d["claims"] if c["id"] == "claim:c02")
    >>> c["actor"], c["issues"], c["kind"], c["basis"]
    ('actor:sergey-lavrov', ['issue:europe', 'issue:peace-plan'], 'direct', 'explicit')
    """
    if not isinstance(G, nx.Graph):
        raise GraphkitError(f"the view draws a networkx graph, got {type(G).__name__}; "
                            "build one with graphkit.graph or the notebook API's subgraph()")
    links, contradictions = _edge_tables(G)
    rows = [_claim_row(G, v, a, links.get(v, {})) for v, a in G.nodes(data=True) if a.get("type") == "claim"]
    claims = [row for row, _, _ in rows]
    claims.sort(key=lambda c: (c.get("date") or "", c["id"]))
    actors: dict[str, int] = {}     # counted in the graph's order of claims: ties keep it
    issue_n: dict[str, int] = {}
    used_docs: set[str] = set()
    for row, issues, docs in rows:
        actors[row["actor"]] = actors.get(row["actor"], 0) + 1
        for i in issues or [NO_ISSUE]:
            issue_n[i] = issue_n.get(i, 0) + 1
        used_docs.update(docs)
    places = sorted({p for c in claims for p in c.get("places", [])})
    return {
        "claims": claims,
        "actors": _actor_rows(G, actors, claims),
        "issues": _issue_rows(G, issue_n),
        "places": [_node_row(G, p, {}) for p in places],
        "docs": _doc_rows(G, used_docs),
        "contradictions": contradictions,
        "no_issue": NO_ISSUE,
    }


def _edge_tables(G: nx.Graph) -> tuple[dict[Any, dict[str, list]], list[dict]]:
    """What each claim links to (claim -> relation -> node ids: ``about``, ``mentions``, ``reported_in``) and the
    rows of the links between claims (`LINKS`) at or above the score graphkit shows.

    >>> out_of, links = _edge_tables(sample_graph())
    >>> out_of["claim:c02"]
    {'about': ['issue:europe', 'issue:peace-plan'], 'reported_in': ['doc:001_56cb526c82487007']}
    >>> [(x["a"], x["b"]) for x in links]
    [('claim:c11', 'claim:c10')]
    """
    kind = {v: a.get("type") for v, a in G.nodes(data=True)}
    out_of: dict[Any, dict[str, list]] = {}
    contradictions = []
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, key, e in edges:
        rel = e.get("type") or key
        if rel in LINKS and kind.get(u) == "claim" and kind.get(v) == "claim":
            score = e.get("score")
            if _MIN_LINK_SCORE is not None and isinstance(score, (int, float)) and score < _MIN_LINK_SCORE:
                continue  # stored, but below what graphkit shows (graphkit.contradict.MIN_SCORE)
            contradictions.append(_compact({
                "a": str(u), "b": str(v), "kind": None if rel == "contradicts" else rel,
                "reason": _text(e.get("reason")), "issue": _text(e.get("issue")), "score": _clean(score),
                **{k: _clean(x) for k, x in e.items() if k not in ("type", "reason", "issue", "score", "key")}}))
        elif kind.get(u) == "claim" and rel in ("about", "mentions", "reported_in"):
            out_of.setdefault(u, {}).setdefault(rel, []).append(str(v))
    return out_of, contradictions


def _claim_row(G: nx.Graph, v, a: dict, links: dict[str, list]) -> tuple[dict, list[str], list[str]]:
    """A claim node's row for the page, with its issues and its articles (the one it is in first, then those
    reporting it).

    >>> G = sample_graph()
    >>> row, issues, docs = _claim_row(G, "claim:c02", G.nodes["claim:c02"], _edge_tables(G)[0]["claim:c02"])
    >>> row["speaker"], row["kind"], row["basis"], issues, docs
    ('Sergey Lavrov', 'direct', 'explicit', ['issue:europe', 'issue:peace-plan'], ['doc:001_56cb526c82487007'])
    """
    actor = str(a.get("speaker_id") or "actor:" + str(a.get("speaker") or "unknown"))
    issues = sorted(set(links.get("about", [])), key=lambda i: str(G.nodes[i].get("name") or i) if i in G else i)
    doc = "doc:" + str(a["doc_id"]) if a.get("doc_id") is not None else None
    docs = list(dict.fromkeys(([doc] if doc else []) + links.get("reported_in", [])))
    row = _compact({
        "id": str(v), "text": _text(a.get("text") or a.get("label") or v), "kind": _text(a.get("kind")),
        "actor": actor, "speaker": _text(a.get("speaker")), "written": _text(a.get("speaker_text")),
        "date": _text(a.get("date")), "basis": _text(a.get("date_basis")), "date_text": _text(a.get("date_text")),
        "stance": _text(a.get("stance")), "cue": _text(a.get("cue")), "issues": issues,
        "places": sorted(set(links.get("mentions", []))), "doc": docs[0] if docs else None, "reports": docs[1:],
        "start": _clean(a.get("start")), "end": _clean(a.get("end")),
        "sentence": _text(a.get("sentence")) if a.get("sentence") != a.get("text") else None,
        # the part of the article the words stand in, said only when not running text ("body", most claims)
        "segment": _text(a.get("segment")) if a.get("segment") not in (None, "body") else None,
    })
    return row, issues, docs


def _node_row(G: nx.Graph, v, fields: dict[str, str]) -> dict:
    """A node's row: its id, label and the attributes ``fields`` names (row key -> node attribute).

    >>> _node_row(sample_graph(), "actor:sergey-lavrov", {"type": "actor_type"})
    {'id': 'actor:sergey-lavrov', 'label': 'Sergey Lavrov', 'type': 'person'}
    """
    a = G.nodes[v] if v in G else {}
    return _compact({"id": str(v), "label": _label(a, v), **{k: _clean(a.get(f)) for k, f in fields.items()}})


def _actor_rows(G: nx.Graph, counts: dict[str, int], claims: list[dict]) -> list[dict]:
    """The speakers' rows, most claims first; one without a node is named as its first claim names it.

    >>> rows = _actor_rows(sample_graph(), {"actor:nobody": 1, "actor:sergey-lavrov": 2},
    ...                    [{"actor": "actor:nobody", "speaker": "A source"}])
    >>> [(r["label"], r["n"]) for r in rows]
    [('Sergey Lavrov', 2), ('A source', 1)]
    """
    rows = []
    for v, n in counts.items():
        row = _node_row(G, v, {"type": "actor_type", "roles": "roles"})
        if v not in G:  # a claim whose speaker has no node: named as the claim names it
            row["label"] = next((c.get("speaker") for c in claims if c["actor"] == v), v)
        row["n"] = n
        rows.append(row)
    rows.sort(key=lambda r: (-r["n"], r["label"].lower(), r["id"]))
    return rows


def _issue_rows(G: nx.Graph, counts: dict[str, int]) -> list[dict]:
    """The issues' rows, most claims first, the claims no issue matched (`NO_ISSUE`) last.

    >>> [(r["label"], r["n"]) for r in _issue_rows(sample_graph(), {NO_ISSUE: 3, "issue:europe": 1, "issue:peace-plan": 5})]
    [('peace plan', 5), ('Europe', 1), ('no issue found', 3)]
    """
    rows = []
    for v, n in counts.items():
        row = {"id": NO_ISSUE, "label": "no issue found"} if v == NO_ISSUE else _node_row(G, v, {})
        row["n"] = n
        rows.append(row)
    rows.sort(key=lambda r: (r["id"] == NO_ISSUE, -r["n"], r["label"].lower()))
    return rows


def _doc_rows(G: nx.Graph, used: set[str]) -> list[dict]:
    """The rows of the articles the claims are in or reported by, by id; one without a node is titled by its id.

    >>> [r["title"] for r in _doc_rows(sample_graph(), {"doc:003_9b6d43ba622d0a39", "doc:gone"})]
    ['Talks Gain Momentum in Moscow', 'gone']
    """
    rows = []
    for v in sorted(used):
        a = G.nodes[v] if v in G else {}
        rows.append(_compact({"id": v, "title": _text(a.get("title") or a.get("label") or v.split(":", 1)[-1]),
                              "url": _safe_url(a.get("url")), "source": _text(a.get("source")),
                              "published": _text(a.get("published"))}))
    return rows


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


def actors_of(value, name: str = "actors") -> Optional[int]:
    """How many actors the overview opens with (None: as many as the window shows legibly): 1 or more
    (`graphkit.values.whole`)."""
    return whole(value, name, least=1, example=30)


def _render(G: nx.Graph, *, title: str = "graphkit", actors: Optional[int] = None) -> tuple[str, ViewReport]:
    data = view_data(G)
    note = None
    if not data["claims"]:
        note = "no claims to draw: nothing matched; widen the filters (--speaker/--issue/--since)"
    payload = {
        "title": str(title),
        "note": note,
        **data,
        "actors_shown": actors_of(actors),
        "styles": NODE_STYLES,
        "stances": STANCE_GROUPS,
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
    report = ViewReport(claims=len(data["claims"]), actors=len(data["actors"]),
                        issues=sum(i["id"] != NO_ISSUE for i in data["issues"]), articles=len(data["docs"]),
                        contradictions=len(data["contradictions"]), page_bytes=len(page.encode("utf-8")),
                        write_seconds=0.0, note=note)
    return page, report


#: how the view's page begins (`graphkit.outputs.own_heads`: a page at -o is graphkit's to replace): the generator line
#: of its template, assets/view.html
HEAD = r'<meta name="generator" content="graphkit view'


def render_html(G: nx.Graph, *, title: str = "graphkit", actors: Optional[int] = None) -> str:
    """The view of ``G`` as one self-contained HTML page (a string).

    Same options as :func:`write_view`.

    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import render_html
    >>> page = render_html(sample_graph())
    >>> "vis.Network" in page, re.search(HEAD, page[:4096]) is not None
    (True, True)
    """
    return _render(G, title=title, actors=actors)[0]


def write_view(G: nx.Graph, path, *, title: str = "graphkit", actors: Optional[int] = None) -> ViewReport:
    """Write the view of ``G`` to ``path`` (atomically) and say what it holds.

    ``actors``: how many of the most quoted actors the overview opens with (None:
    as many as the window shows with legible labels; the rest are one click away
    in the "N more actors" node).

    >>> import tempfile, os
    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import write_view
    >>> out = os.path.join(tempfile.mkdtemp(), "view.html")
    >>> rep = write_view(sample_graph(), out)
    >>> rep.claims, rep.actors, rep.issues, rep.contradictions
    (15, 9, 5, 1)
    """
    t0 = time.perf_counter()
    page, report = _render(G, title=title, actors=actors)
    try:
        with outputs.atomic_open(path, "w", example="graph.html", encoding="utf-8") as fh:
            fh.write(page)
    except OSError as exc:
        raise ExportError(f"could not write the view to {str(path)!r} ({exc.strerror}); "
                          f"{os_fix(exc, 'check the folder is writable')}") from exc
    return dataclasses.replace(report, write_seconds=round(time.perf_counter() - t0, 3))


def notebook_html(G: nx.Graph, height: int = 600, **options) -> str:
    """The view wrapped in a sandboxed ``<iframe srcdoc=...>``, for ``IPython.display.HTML``.

    The iframe runs scripts but has no access to the notebook's page.

    >>> from graphkit.samples import sample_graph
    >>> from graphkit.view import notebook_html
    >>> frag = notebook_html(sample_graph(), height=400)
    >>> frag.startswith("<iframe") and 'height="400"' in frag and "<script" not in frag
    True
    """
    page = render_html(G, **options)
    return ('<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'width="100%" height="{int(height)}" style="border:1px solid #ddd" '
            f'title="{html.escape(str(options.get("title", "graphkit")), quote=True)}" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


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
    print(f"wrote {args.output}: {rep.claims} claims by {rep.actors} actors on {rep.issues} issues "
          f"({rep.page_bytes / 1e6:.1f} MB, {rep.write_seconds:.2f} s)" + (f"; {rep.note}" if rep.note else ""))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
