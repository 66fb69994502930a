"""What the view draws, read off a graph: the tables of claims, actors, issues, places, articles and contradictions
(`view_data`), and how each kind of node and each group of stances looks (`NODE_STYLES`, `STANCE_GROUPS`). The page
(`graphkit.view`) embeds them as its data and its app draws from them; the pyvis network
(`graphkit.pyvis_network`) is drawn from the same tables.

Every string is kept as data (the page writes it as text); only http(s) URLs are kept as an article's link.

>>> from graphkit.samples import sample_graph
>>> d = view_data(sample_graph())
>>> sorted(d), d["no_issue"] == NO_ISSUE
(['actors', 'claims', 'contradictions', 'docs', 'issues', 'no_issue', 'places'], True)
>>> [(a["label"], a["n"]) for a in d["actors"][:2]]
[('Sergey Lavrov', 4), ('Volodymyr Zelensky', 3)]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Optional

import networkx as nx

from graphkit.errors import GraphkitError

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

    >>> from graphkit.samples import sample_graph
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

    >>> from graphkit.samples import sample_graph
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

    >>> from graphkit.samples import sample_graph
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

    >>> from graphkit.samples import sample_graph
    >>> _node_row(sample_graph(), "actor:sergey-lavrov", {"type": "actor_type"})
    {'id': 'actor:sergey-lavrov', 'label': 'Sergey Lavrov', 'type': 'person'}
    """
    a = G.nodes[v] if v in G else {}
    return _compact({"id": str(v), "label": _label(a, v), **{k: _clean(a.get(f)) for k, f in fields.items()}})


def _actor_rows(G: nx.Graph, counts: dict[str, int], claims: list[dict]) -> list[dict]:
    """The speakers' rows, most claims first; one without a node is named as its first claim names it.

    >>> from graphkit.samples import sample_graph
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

    >>> from graphkit.samples import sample_graph
    >>> rows = _issue_rows(sample_graph(), {NO_ISSUE: 3, "issue:europe": 1, "issue:peace-plan": 5})
    >>> [(r["label"], r["n"]) for r in rows]
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

    >>> from graphkit.samples import sample_graph
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
