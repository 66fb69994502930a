"""The view's selection as a ``pyvis.network.Network``, for researchers who style graphs with pyvis.

Same tables as the page (:func:`graphkit.view_data.view_data`): the overview (actors, issues, one edge per
actor→issue pair, contradictions between speakers) or the claim-level graph. Made safe: resources in
line, the CDN links of pyvis's template removed (it works offline), tooltips plain text with ``<``,
``>``, ``&`` escaped so article text never becomes markup.

>>> from graphkit.samples import sample_graph
>>> net = to_pyvis(sample_graph(), level="claims")
>>> sum(n["id"].startswith("claim:") for n in net.nodes)
15
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.tables import shorten
from graphkit.view_data import NO_ISSUE, NODE_STYLES, STANCE_GROUPS, view_data

__all__ = ["to_pyvis", "stance_group", "pair_colour"]



def stance_group(stance: Optional[str]) -> str:
    """The :data:`STANCE_GROUPS` name of a stance ("states" for an unknown one).

    >>> stance_group("deny"), stance_group("warn"), stance_group(None)
    ('denies, opposes', 'accuses, warns', 'states')
    """
    for name, g in STANCE_GROUPS.items():
        if stance in g["stances"]:
            return name
    return "states"


def pair_colour(stances: list) -> tuple[str, dict]:
    """Colour of an actor→issue edge and its count per stance group: the group with more than half, else mixed.

    >>> pair_colour(["deny", "deny", "assert"])[0] == STANCE_GROUPS["denies, opposes"]["color"]
    True
    >>> pair_colour(["deny", "assert"])[0] == STANCE_GROUPS["mixed"]["color"]
    True
    """
    counts: dict[str, int] = {}
    for s in stances:
        g = stance_group(s)
        counts[g] = counts.get(g, 0) + 1
    top = max(counts.items(), key=lambda kv: kv[1]) if counts else ("mixed", 0)
    return STANCE_GROUPS[top[0] if 2 * top[1] > len(stances) else "mixed"]["color"], counts


def _plain(text: Any, limit: int = 300) -> str:
    """A tooltip string that stays text whether a pyvis page shows it as text or as HTML.

    >>> _plain("<b>Ann</b> & Bo"), _plain("x" * 10, 5)
    ('&lt;b&gt;Ann&lt;/b&gt; &amp; Bo', 'xxxx…')
    """
    return html.escape(shorten(str(text), limit), quote=True)


@lru_cache(maxsize=None)
def _offline_pyvis_template() -> str:
    """pyvis's page template without its CDN links (Bootstrap, tom-select, vis-network from the web)."""
    src = resources.files("pyvis").joinpath("templates", "template.html").read_text(encoding="utf-8")
    src = re.sub(r"<link\b[^>]*\bhref=\"https?://[^>]*>", "", src, flags=re.S)
    return re.sub(r"<script\b[^>]*\bsrc=\"https?://[^>]*>\s*</script>", "", src, flags=re.S)


def to_pyvis(G: nx.Graph, *, level: str = "overview", height: str = "750px", width: str = "100%"):
    """A ``pyvis.network.Network`` of ``G`` for researchers who style graphs with pyvis, made safe.

    ``level="overview"``: actors and issues, one edge per actor→issue pair (``value``:
    number of claims, colour: stance group) and actor↔actor contradiction edges, as in
    the page's default view; ``level="claims"``: the claim-level graph. Resources are
    in line and the CDN links of pyvis's template are gone (works offline); tooltips are
    plain text with ``<``, ``>``, ``&`` escaped, so article text never becomes markup.

    >>> from graphkit.samples import sample_graph
    >>> net = to_pyvis(sample_graph())
    >>> len(net.nodes), net.cdn_resources, "cdn.jsdelivr" in net.generate_html()
    (15, 'in_line', False)
    """
    if level not in ("overview", "claims"):
        raise GraphkitError(f"level={level!r} is not a view level; use 'overview' or 'claims'")
    data = view_data(G)
    net = _offline_network(height, width)
    (_add_overview if level == "overview" else _add_claims)(net, data)
    return net


def _offline_network(height: str, width: str):
    """An empty directed ``pyvis.network.Network`` whose page has its resources in line and no CDN link."""
    import jinja2
    from pyvis.network import Network

    net = Network(height=height, width=width, directed=True, cdn_resources="in_line")
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({net.path: _offline_pyvis_template()}),
                                  jinja2.FileSystemLoader(net.template_dir)])
    net.templateEnv = jinja2.Environment(loader=loader)
    net.template = net.templateEnv.get_template(net.path)
    return net


def _add_overview(net, data: dict) -> None:
    """Actors and issues of `view_data`'s tables, one edge per actor→issue pair (``value``: its claims, colour: their
    stance group) and one per pair of actors whose claims contradict."""
    style = NODE_STYLES
    actor_of = {c["id"]: c["actor"] for c in data["claims"]}
    issue_label = {i["id"]: i["label"] for i in data["issues"]}
    for a in data["actors"]:
        net.add_node(a["id"], label=shorten(a["label"], 40), title=_plain(f"{a['label']}: {a['n']} claims"),
                     color=style["actor"]["color"], shape="dot", value=a["n"])
    for i in data["issues"]:
        net.add_node(i["id"], label=shorten(i["label"], 40), title=_plain(f"{i['label']}: {i['n']} claims"),
                     color=style["issue"]["color"], shape="square", value=i["n"])
    pairs: dict[tuple, list] = {}
    for c in data["claims"]:
        for i in c.get("issues") or [NO_ISSUE]:
            pairs.setdefault((c["actor"], i), []).append(c.get("stance"))
    for (a, i), stances in sorted(pairs.items()):
        colour, counts = pair_colour(stances)
        net.add_edge(a, i, value=len(stances), color=colour, title=_plain(
            f"{len(stances)} claims about {issue_label[i]}: " + ", ".join(f"{n} {g}" for g, n in counts.items())))
    seen = set()
    for x in data["contradictions"]:
        a, b = actor_of.get(x["a"]), actor_of.get(x["b"])
        if a and b and a != b and (a, b) not in seen:
            seen.add((a, b))
            net.add_edge(a, b, color="#222222", dashes=True, title=_plain("contradicts: " + x.get("reason", "")))


def _add_claims(net, data: dict) -> None:
    """The claim-level graph of `view_data`'s tables: actors, issues, places and articles, each claim linked to its
    speaker, issues, places and articles, and the links between claims."""
    style = NODE_STYLES
    for group, kind, name, shape in (("actors", "actor", "label", "dot"), ("issues", "issue", "label", "square"),
                                     ("places", "place", "label", "triangle"),
                                     ("docs", "document", "title", "triangleDown")):
        for n in data[group]:
            net.add_node(n["id"], label=shorten(n[name], 40), color=style[kind]["color"], shape=shape,
                         title=_plain(n[name]))
    for c in data["claims"]:
        net.add_node(c["id"], label=" ", color=style["claim"]["color"], shape="diamond", size=8,
                     title=_plain(f"{c.get('speaker', '')} ({c.get('date', 'undated')}, {c.get('stance', '')}): "
                                  f"{c['text']}"))
        net.add_edge(c["actor"], c["id"], color=style["actor"]["color"])
        for i in c.get("issues", []):
            net.add_edge(c["id"], i, color=style["issue"]["color"])
        for p in c.get("places", []):
            net.add_edge(c["id"], p, color=style["place"]["color"])
        for d in [c.get("doc")] + c.get("reports", []):
            if d:
                net.add_edge(c["id"], d, color=style["document"]["color"], dashes=True)
    for x in data["contradictions"]:
        net.add_edge(x["a"], x["b"], color="#222222", title=_plain("contradicts: " + x.get("reason", "")))
